// The checker's worker: Python (Pyodide) with the toolkit wheel, on this site's own origin.
// All rules are Python in core/levels_of_need/; this file only loads it and passes messages.
//
// Python starts from the build's memory snapshot when it can, else the plain way (see start()).
// The messages to and from the page, and their fields, are defined in core/levels_of_need/messages.py
// (tests/core/test_messages.py holds this file to it).
import { loadPyodide } from "./pyodide/pyodide.mjs";

const HERE = new URL("./", import.meta.url);
const PYODIDE_OPTIONS = { indexURL: new URL("pyodide/", HERE).href, packages: [] };
const EXPECTED_TYPES = { ".wasm": "application/wasm", ".mjs": "javascript", ".json": "json" };
// Every way a worker has to reach the network or start code that could: switched off once Python
// has loaded, and each then checked (see lockNetwork and checkLock).
const NETWORK = [
  "fetch", "XMLHttpRequest", "WebSocket", "WebSocketStream", "EventSource", "WebTransport",
  "importScripts", "Worker", "SharedWorker",
];
// Every way to keep data: nothing entered may outlive the page.
const STORAGE = ["caches", "indexedDB"];
const NAVIGATOR_STORAGE = ["storage", "storageBuckets"];
let answer = null; // levels_of_need.worker.answer, once Python is ready
const KINDS = ["evaluate", "debrief", "save", "open"];
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
function countingFetch(originalFetch, onBytes) {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), HERE);
    let response;
    try {
      response = await originalFetch(input, init);
    } catch (error) {
      fail(`${url.pathname} could not be loaded (${error.message})`);
      throw error;
    }
    const extension = Object.keys(EXPECTED_TYPES).find((ext) => url.pathname.endsWith(ext));
    const type = response.headers.get("content-type") || "";
    let problem = null;
    if (!response.ok) problem = `${url.pathname} could not be loaded (HTTP ${response.status})`;
    else if (extension && !type.includes(EXPECTED_TYPES[extension])) {
      problem = `${url.pathname} arrived as the wrong type (${type || "none"})`;
    }
    if (problem) {
      fail(problem);
      throw new Error(problem);
    }
    if (!response.body) return response;
    const counted = countBytes(response.body, onBytes);
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function countBytes(body, onBytes) {
  return body.pipeThrough(new TransformStream({
    transform(chunk, controller) { onBytes(chunk.byteLength); controller.enqueue(chunk); },
  }));
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
  for (const name of STORAGE) lockEverywhere(self, name, undefined);
  for (const name of NAVIGATOR_STORAGE) lockEverywhere(self.navigator, name, undefined);
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
  const refused = async (attempt) => { try { await attempt(); return false; } catch { return true; } };
  (await refused(() => import("data:text/javascript,export default 1")) ? closed : open).push("import()");
  (await refused(() => originalFetch("data:text/plain,probe")) ? closed : open).push("connections to other sites");
  return { closed, open };
}

// The build's memory snapshot: Python already started, levels_of_need.worker imported, the thresholds
// loaded. Downloaded, checked against the manifest's digest and inflated while Pyodide fetches
// and compiles its wasm (loadPyodide takes the snapshot as a promise). Any problem rejects, and
// the caller starts Python the plain way instead.
async function fetchSnapshot(originalFetch, manifest, progress) {
  const response = await originalFetch(new URL(manifest.snapshot, HERE));
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  // One branch for the digest, one inflated as it arrives.
  const [forDigest, forInflating] = countBytes(response.body, progress).tee();
  const [packed, inflated] = await Promise.all([
    new Response(forDigest).arrayBuffer(),
    new Response(forInflating.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer(),
  ]);
  const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", packed))]
    .map((byte) => byte.toString(16).padStart(2, "0")).join("");
  if (digest !== manifest.snapshot_sha256) throw new Error("its digest does not match the manifest");
  return new Uint8Array(inflated);
}

async function fromSnapshot(originalFetch, manifest, progress) {
  const snapshot = fetchSnapshot(originalFetch, manifest, progress);
  snapshot.catch(() => {}); // handled by loadPyodide's own rejection, below
  const pyodide = await loadPyodide({ ...PYODIDE_OPTIONS, _loadSnapshot: snapshot });
  const engine = pyodide.pyimport("levels_of_need.worker");
  if (engine.version() !== manifest.thresholds_version) throw new Error("it holds other thresholds");
  return { pyodide, engine };
}

async function plain(fetchCounted, manifest) {
  const pyodide = await loadPyodide(PYODIDE_OPTIONS);
  await unpackWheel(pyodide, fetchCounted, manifest);
  const engine = pyodide.pyimport("levels_of_need.worker");
  engine.start(await (await fetchCounted(new URL(manifest.thresholds, HERE))).text());
  return { pyodide, engine };
}

async function unpackWheel(pyodide, fetchCounted, manifest) {
  pyodide.unpackArchive(await (await fetchCounted(new URL(manifest.wheel, HERE))).arrayBuffer(), "wheel");
}

async function start() {
  const originalFetch = self.fetch.bind(self);
  const manifest = await (await originalFetch(new URL("manifest.json", HERE))).json();
  const useSnapshot = Boolean(manifest.snapshot) && typeof DecompressionStream === "function";
  let loaded = 0;
  let total = manifest.load_bytes[useSnapshot ? "snapshot" : "plain"];
  const progress = (bytes) => {
    loaded += bytes;
    self.postMessage({ kind: "progress", loaded: Math.min(loaded, total), total });
  };
  const fetchCounted = countingFetch(originalFetch, progress);
  self.fetch = fetchCounted; // Pyodide fetches its own files through this while it loads.

  let started = null;
  let how = "plain";
  if (useSnapshot) {
    try {
      started = await fromSnapshot(originalFetch, manifest, progress);
      // The snapshot holds memory, not files: the wheel's files are needed for anything imported later.
      await unpackWheel(started.pyodide, fetchCounted, manifest);
      how = "snapshot";
    } catch (error) {
      if (failed) return;
      console.warn(`The checker's memory snapshot could not be used (${error.message}); starting Python the plain way.`);
      started = null;
      loaded = 0;
      total = manifest.load_bytes.plain;
    }
  }
  if (!started) started = await plain(fetchCounted, manifest);
  lockNetwork();
  const lock = await checkLock(originalFetch);
  const pythonBlocked = JSON.parse(started.engine.network_probe()); // Python's own attempts, through Pyodide
  answer = started.engine.answer;
  self.postMessage({
    kind: "ready",
    version: started.engine.version(),
    networkLocked: lock.open.length === 0 && pythonBlocked.length === 4,
    networkClosed: lock.closed,
    networkOpen: lock.open,
    started: how,
    wasmBytes: started.pyodide._module.HEAPU8.byteLength, // Python's memory, for the benchmark
  });
}

self.onmessage = ({ data }) => {
  if (!KINDS.includes(data.kind)) return;
  if (!answer) {
    self.postMessage({ kind: "error", id: data.id, message: "The checker is not ready yet." });
    return;
  }
  const { ok, message, field, ...reply } = JSON.parse(answer(data.kind, JSON.stringify(data.payload ?? {})));
  self.postMessage(ok ? { kind: "result", id: data.id, ...reply } : { kind: "error", id: data.id, message, field });
};

start().catch((error) => fail(String((error && error.message) || error)));
