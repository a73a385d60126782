// The checker's worker: Python (Pyodide) with the checker core, on this site's own origin.
// All rules are Python in core/levels_of_need/; this file only loads it and passes messages.
//
// Python starts from the build's python.zip (the standard-library modules the checker uses and the
// core, compiled; see toolkit/publish/make_python_bundle.mjs) given to Pyodide as its standard library.
// Pyodide's wasm is fetched and compiled by the page (engine.js), which hands over the compiled module:
// see pageWasm below.
// The messages to and from the page, and their fields, are defined in core/levels_of_need/messages.py
// (tests/core/test_messages.py holds this file to it).
import { loadPyodide } from "./pyodide/pyodide.mjs";

const HERE = new URL("./", import.meta.url);
const EXPECTED_TYPES = { ".wasm": "application/wasm", ".mjs": "javascript", ".json": "json" };
// Every way a worker has to reach the network or start code that could: switched off once Python
// has loaded, and each then checked (see lockNetwork and checkLock).
const NETWORK = [
  "fetch", "XMLHttpRequest", "WebSocket", "WebSocketStream", "EventSource", "WebTransport",
  "importScripts", "Worker", "SharedWorker",
];
// Every way to keep data: nothing entered may outlive the page. The ones known by name (the legacy
// FileSystem API keeps files on disk across a browser restart), and every other name the worker's
// global or its navigator holds that reads as a way to keep data, found when locking, so what a browser
// adds later is locked too (tests/browser/test_worker_storage.py holds the global's names to this).
const STORAGE = [
  "caches", "indexedDB",
  "webkitRequestFileSystem", "webkitRequestFileSystemSync",
  "webkitResolveLocalFileSystemURL", "webkitResolveLocalFileSystemSyncURL",
];
const NAVIGATOR_STORAGE = ["storage", "storageBuckets"];
const KEEPS_DATA = /storage|filesystem|indexeddb|^idb|cache|cookie|bucket|persist/i;
const lockedStorage = []; // [object, names] as locked, for checkLock
const WASM = "pyodide/pyodide.asm.wasm";
let answer = null; // levels_of_need.worker.answer, once Python is ready
// When each stage of the start ended, as wall-clock milliseconds (the page has its own clock), for
// `make bench`'s account of where the time goes.
const stages = {};
const stageDone = (name) => { stages[name] = performance.timeOrigin + performance.now(); };
stageDone("worker");
let failed = false;

function fail(reason) {
  if (failed) return;
  failed = true;
  self.postMessage({ kind: "failed", reason });
}

// Count the bytes of every response while the engine loads, and refuse a file
// that arrives as the wrong type (a 404 page served in place of the wasm, say).
// A refused file is reported at once: Pyodide does not always pass such an
// error on, and the page must never wait on an endless spinner.
function countingFetch(originalFetch, downloads) {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), HERE);
    if (pageWasm.compiles && url.pathname === new URL(WASM, HERE).pathname) {
      // Pyodide asks for its wasm as it starts; the page is fetching it (pageWasm), so Pyodide gets an
      // empty stand-in, which instantiateFromPage ignores. No second download.
      return new Response(null, { headers: { "content-type": "application/wasm" } });
    }
    let response;
    try {
      response = await originalFetch(input, init);
    } catch (error) {
      fail(`${url.pathname} could not be loaded (${error.message})`);
      throw error;
    }
    const problem = responseProblem(url, response.status, response.headers.get("content-type"));
    if (problem) {
      fail(problem);
      throw new Error(problem);
    }
    const file = downloads.arrived(url, Number(response.headers.get("content-length")));
    if (!response.body || !file) return response;
    const counted = response.body.pipeThrough(new TransformStream({
      transform(chunk, controller) { file.received(chunk.byteLength); controller.enqueue(chunk); },
      flush() { file.done(); },
    }));
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

// Why a file that arrived cannot be used (a 404 page served in place of the wasm, say), or null.
function responseProblem(url, status, type) {
  const extension = Object.keys(EXPECTED_TYPES).find((ext) => url.pathname.endsWith(ext));
  if (status < 200 || status > 299) return `${url.pathname} could not be loaded (HTTP ${status})`;
  if (extension && !(type || "").includes(EXPECTED_TYPES[extension])) {
    return `${url.pathname} arrived as the wrong type (${type || "none"})`;
  }
  return null;
}

// Pyodide's wasm is fetched and compiled by the page, not here: Chromium keeps the compiled code of a
// module compiled from the page's own fetch for the next visit (its wasm code cache), and none for a
// module compiled in a worker, so a second visit would compile the whole engine again. Measured with
// bench/run.py on this project's machine: Python ready on a second visit in about 0.75 s instead of
// 1.3-1.5 s. The page tells this worker about the response ("wasm" messages: its status and type, its
// bytes as they arrive, for the progress bar) and then hands over the compiled module. News that comes
// before the download tracker exists is kept and replayed. A browser without compileStreaming
// leaves the wasm to Pyodide, as before.
const pageWasm = {
  compiles: typeof WebAssembly.compileStreaming === "function",
  news: [],
  hear: null, // set once the download tracker exists
  module: null, // a promise of the compiled module
  settle: null, // {resolve, reject} of that promise
};
pageWasm.module = new Promise((resolve, reject) => { pageWasm.settle = { resolve, reject }; });
pageWasm.module.catch(() => {}); // reported by fail() as it happens
pageWasm.hear = (news) => pageWasm.news.push(news);

function followPageWasm(downloads) {
  const url = new URL(WASM, HERE);
  let file = null;
  const hear = (news) => {
    const problem = news.problem || ("status" in news ? responseProblem(url, news.status, news.type) : null);
    if (problem) {
      fail(problem);
      pageWasm.settle.reject(new Error(problem));
    } else if ("status" in news) {
      file = downloads.arrived(url, news.wireLength);
    } else if (news.received) {
      file?.received(news.received);
    } else if (news.done) {
      file?.done();
    } else if (news.module) {
      // A compiled module means every byte arrived, even if the page's count of them has not reached
      // here yet (its messages wait while Python starts, which holds this thread for seconds on a
      // slow phone). Counted done now, so "start" reaches the page before that long part, and the
      // page waits for a slow start (START_MS) instead of calling a busy device a dead connection.
      file?.done();
      pageWasm.settle.resolve(news.module);
    }
  };
  for (const news of pageWasm.news.splice(0)) hear(news);
  pageWasm.hear = hear;
}

// Pyodide instantiates its wasm with WebAssembly.instantiateStreaming(its fetch of the file); while it
// starts, that call takes the page's compiled module instead, and the stand-in response is ignored.
async function instantiateFromPage(_standIn, imports) {
  const module = await pageWasm.module;
  stageDone("compiled");
  const instance = await WebAssembly.instantiate(module, imports);
  stageDone("instantiated");
  return { module, instance };
}

// The engine's downloads and their progress, in bytes over the wire: a host that compresses sends
// fewer bytes than the file holds (its Content-Length says how many), and the page shows those.
// Progress is reported once every file's headers have arrived (a round trip after the start: all
// are requested at once), so the total never changes under the user's eyes. A file sent without a
// Content-Length counts at its full size (from the build's manifest).
function downloadTracker(manifest, names, report) {
  const files = new Map(names.map((name) => [new URL(name, HERE).pathname, {
    size: manifest.files[name], wire: null, decoded: 0, finished: false,
  }]));
  const wireLoaded = (file) => Math.min(file.wire, Math.round((file.decoded / file.size) * file.wire));
  const send = () => {
    const all = [...files.values()];
    if (all.every((file) => file.finished)) { report({ stage: "start" }); return; }
    if (all.some((file) => file.wire === null)) return;
    const sum = (part) => all.reduce((total, file) => total + part(file), 0);
    report({ stage: "download", loaded: sum(wireLoaded), total: sum((file) => file.wire) });
  };
  return {
    arrived(url, wireLength) { // wireLength: the response's Content-Length, 0 or NaN when it sent none
      const file = files.get(url.pathname);
      if (!file) return null;
      file.wire = wireLength > 0 ? wireLength : file.size; // the encoded length when the host compressed it
      return {
        received(bytes) { file.decoded += bytes; send(); },
        done() { file.finished = true; send(); },
      };
    },
  };
}

// Once Python is loaded, nothing in this worker may reach the network or keep data. Each name is
// replaced on the worker's global and on every prototype it inherits from (fetch, importScripts,
// caches and indexedDB live on WorkerGlobalScope.prototype, where a replacement on `self` alone
// would leave them reachable), and can be neither replaced nor deleted again.
const blocked = new Map();

function chainOf(object) {
  const chain = [];
  for (let link = object; link; link = Object.getPrototypeOf(link)) chain.push(link);
  return chain;
}

function lockEverywhere(object, name, value) {
  for (const link of chainOf(object)) {
    if (link === object || Object.prototype.hasOwnProperty.call(link, name)) {
      Object.defineProperty(link, name, { value, writable: false, configurable: false });
    }
  }
}

function lockNetwork() {
  for (const name of NETWORK) {
    // A plain function, so `new XMLHttpRequest()` throws this error too, not "not a constructor".
    const stop = function () { throw new Error(`${name} is switched off in the checker`); };
    blocked.set(name, stop);
    lockEverywhere(self, name, stop);
  }
  for (const [object, listed] of [[self, STORAGE], [self.navigator, NAVIGATOR_STORAGE]]) {
    const names = storageNames(object, listed);
    lockedStorage.push([object, names]);
    for (const name of names) {
      try { lockEverywhere(object, name, undefined); } catch { /* a name that cannot be locked: checkLock reports it open */ }
    }
  }
}

// The names listed above and every name on the object or its prototypes that reads as a way to keep
// data and holds something that can act (a function or an object; not a constant such as PERSISTENT).
function storageNames(object, listed) {
  const names = new Set(listed);
  for (const link of chainOf(object)) {
    for (const name of Object.getOwnPropertyNames(link)) {
      if (KEEPS_DATA.test(name) && acts(object, name)) names.add(name);
    }
  }
  return [...names];
}

function acts(object, name) {
  try {
    const value = object[name];
    return typeof value === "function" || (typeof value === "object" && value !== null);
  } catch {
    return true; // a getter that throws for this object is still a way in: lock it
  }
}

// What was actually checked, by trying: each name must now throw wherever it can be found, and
// the site's Content-Security-Policy must hold this worker (it refuses a data: module and a data:
// fetch, which make no request), so that import() and any connection to another site are refused
// too, even through a reference to fetch taken before the lock. Returns {closed, open}.
async function checkLock(originalFetch) {
  const closed = [];
  const open = [];
  for (const name of NETWORK) {
    const everywhere = chainOf(self).every((link) => {
      const found = Object.getOwnPropertyDescriptor(link, name);
      return !found || (found.value === blocked.get(name) && !found.configurable && !found.writable);
    });
    let throws = false;
    try { self[name]("probe-network"); } catch { throws = true; }
    (everywhere && throws ? closed : open).push(name);
  }
  for (const [object, names] of lockedStorage) {
    for (const name of names) {
      const gone = chainOf(object).every((link) => {
        const found = Object.getOwnPropertyDescriptor(link, name);
        return !found || (found.value === undefined && !found.configurable && !found.writable);
      });
      (gone && object[name] === undefined ? closed : open).push(name);
    }
  }
  const refused = async (attempt) => { try { await attempt(); return false; } catch { return true; } };
  (await refused(() => import("data:text/javascript,export default 1")) ? closed : open).push("import()");
  (await refused(() => originalFetch("data:text/plain,probe")) ? closed : open).push("connections to other sites");
  return { closed, open };
}

async function start() {
  const originalFetch = self.fetch.bind(self);
  const manifest = await (await originalFetch(new URL("manifest.json", HERE))).json();
  stageDone("manifest");
  const downloads = downloadTracker(manifest, [WASM, manifest.python, manifest.thresholds],
    (progress) => self.postMessage({ kind: "progress", ...progress }));
  if (pageWasm.compiles) followPageWasm(downloads);
  const fetchCounted = countingFetch(originalFetch, downloads);
  self.fetch = fetchCounted; // Pyodide fetches its own files through this while it loads.
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  if (pageWasm.compiles) WebAssembly.instantiateStreaming = instantiateFromPage;

  const thresholds = fetchCounted(new URL(manifest.thresholds, HERE)).then((response) => response.text());
  thresholds.catch(() => {}); // reported by fail() as it happens, and awaited below
  const pyodide = await loadPyodide({
    indexURL: new URL("pyodide/", HERE).href,
    stdLibURL: new URL(manifest.python, HERE).href,
    // The checker installs no packages: the lock file's header is all Pyodide needs, so it is not fetched.
    lockFileContents: { info: manifest.lockfile_info, packages: {} },
    packages: [],
  });
  WebAssembly.instantiateStreaming = instantiateStreaming;
  stageDone("python");
  const engine = pyodide.pyimport("levels_of_need.worker");
  engine.start(await thresholds);
  stageDone("core");
  lockNetwork();
  const lock = await checkLock(originalFetch);
  const pythonBlocked = JSON.parse(engine.network_probe()); // Python's own attempts, through Pyodide
  answer = engine.answer;
  self.postMessage({
    kind: "ready",
    version: engine.version(),
    networkLocked: lock.open.length === 0 && pythonBlocked.length === 4,
    networkClosed: lock.closed,
    networkOpen: lock.open,
    wasmBytes: pyodide._module.HEAPU8.byteLength, // Python's memory, for the benchmark
    stages,
  });
}

// Every other message is a request, whatever its kind, and every request gets an answer, so the page's
// promise always settles: Python knows the kinds (levels_of_need.worker.REQUESTS) and answers one it
// does not know with an error, as it does a request made before it is ready.
self.onmessage = ({ data }) => {
  const { kind, id, payload } = data ?? {};
  if (kind === "wasm") {
    pageWasm.hear(data);
    return;
  }
  if (!answer) {
    self.postMessage({ kind: "error", id, message: "The checker is not ready yet." });
    return;
  }
  let asked = "null"; // a payload JSON cannot hold (a BigInt, say): Python answers it as a malformed request
  try { asked = JSON.stringify(payload ?? {}); } catch { /* answered by Python, as above */ }
  const { ok, message, field, ...reply } = JSON.parse(answer(String(kind), asked));
  self.postMessage(ok ? { kind: "result", id, ...reply } : { kind: "error", id, message, field });
};

start().catch((error) => fail(String((error && error.message) || error)));
