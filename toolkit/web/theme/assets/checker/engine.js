// Starts the checker's worker (worker.mjs) and talks to it. Shared by the self-check and the
// training practice page, so both run the same Python checker. Holds no entered data itself:
// each request's payload goes to the worker and its answer comes back, nothing else.
//
// startEngine({version, onProgress(progress), onReady({networkLocked, networkClosed, networkOpen, wasmBytes, stages}),
//   onFailed(reason, detail)}): reason in plain English for the user, detail for their IT team
// returns {request(kind, payload) -> Promise}; the kinds of request, their payloads and their answers are
// defined in core/levels_of_need/messages.py.
// progress is {stage: "download", loaded, total, secondsLeft} (bytes over the wire; secondsLeft is null
// until there is a rate to go by) or {stage: "start"}; showProgress(element, progress) draws it.
//
// Two watchdogs: while downloading, any silence longer than STALL_MS is a dead connection; once
// everything has arrived Python starts, which sends nothing until it is done and takes far longer on
// a slow phone than on a desktop, so only START_MS of it means the device cannot run the checker.
const STALL_MS = 20000;
const START_MS = 120000;
const PROGRESS_EVERY_MS = 500; // the page redraws (and a screen reader hears) progress at most this often

// The worker's words as DOM: a tree of {tag, text | children, attrs} made by Python
// (levels_of_need.present). Built with text nodes only, so nothing in it is ever parsed as HTML;
// only these tags and attributes, and only links the site itself would make, are allowed.
const TAGS = new Set([
  "h2", "h3", "h4", "p", "ul", "ol", "li", "a", "strong", "em", "span", "div", "section",
  "table", "caption", "thead", "tbody", "tr", "th", "td",
]);
const SCOPES = new Set(["col", "row"]); // a table header's scope
const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/; // a language tag, as the thresholds file's `lang` pattern
const SAFE_HREF = /^(tel:\+?[0-9]+(?:;ext=[0-9]+)?|mailto:[^\s<>"]+|https:\/\/[^\s<>"]+|#[A-Za-z0-9_-]+)$/;

// A page's own words: the template's hidden #lon-words element, one data-* attribute per sentence, each
// {name} in it filled from ``values``. A page script holds no sentence of its own (issue 23); a name left
// unfilled is a mistake in the script, so it shows as the name, for a test to catch, never as "undefined".
export function pageWords(id = "lon-words") {
  const words = document.getElementById(id).dataset;
  return (key, values = {}) => {
    if (!(key in words)) throw new Error(`no words "${key}" on this page`);
    return words[key].replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  };
}

export function buildNodes(nodes) {
  return (nodes || []).map(buildNode);
}

function buildNode(spec) {
  if (!spec.tag) return document.createTextNode(String(spec.text ?? ""));
  const element = document.createElement(TAGS.has(spec.tag) ? spec.tag : "span");
  const attrs = spec.attrs || {};
  if (typeof attrs.class === "string") element.className = attrs.class;
  if (element.tagName === "A" && SAFE_HREF.test(attrs.href || "")) element.setAttribute("href", attrs.href);
  if (element.tagName === "TH" && SCOPES.has(attrs.scope)) element.setAttribute("scope", attrs.scope);
  // Python's words in another language than those around them (a partnership's own words for a phrase).
  if (typeof attrs.lang === "string" && LANG_TAG.test(attrs.lang)) element.setAttribute("lang", attrs.lang);
  if ("text" in spec) element.textContent = String(spec.text);
  else element.append(...buildNodes(spec.children));
  return element;
}

// Progress drawn into any element: a bar, the megabytes downloaded, and the time left.
export function showProgress(element, progress) {
  let bar = element.querySelector("progress");
  let text = element.querySelector(".lon-progress__text");
  if (!bar || !text) {
    bar = Object.assign(document.createElement("progress"), { className: "lon-progress__bar" });
    bar.setAttribute("aria-hidden", "true"); // the words beside it say the same
    text = Object.assign(document.createElement("span"), { className: "lon-progress__text" });
    element.replaceChildren(bar, " ", text);
  }
  element.dataset.stage = progress.stage;
  if (progress.stage === "download") {
    bar.max = progress.total;
    bar.value = progress.loaded;
    text.textContent = progressText(progress);
  } else if (progress.stage === "start") {
    bar.removeAttribute("value"); // no bytes to count: a bar that shows activity
    text.textContent = "Downloaded. Starting the checker…";
  } else {
    bar.max = 1;
    bar.value = 1;
    text.textContent = "The checker is ready.";
  }
}

function progressText({ loaded, total, secondsLeft }) {
  const mb = (bytes) => (bytes / 1e6).toFixed(1);
  return `Downloading the checker: ${mb(loaded)} of ${mb(total)} MB${timeLeft(secondsLeft)}`;
}

function timeLeft(seconds) {
  if (seconds === null || seconds === undefined) return "";
  if (seconds < 10) return ", a few seconds left";
  if (seconds < 90) return `, about ${Math.round(seconds / 5) * 5} seconds left`;
  return `, about ${Math.round(seconds / 60)} minutes left`;
}

// The rate so far gives the time left; the first second of a download says too little to go by.
function downloadClock() {
  let first = null;
  return ({ loaded, total }) => {
    const now = performance.now();
    if (!first) first = { now, loaded };
    const seconds = (now - first.now) / 1000;
    const rate = (loaded - first.loaded) / seconds;
    return seconds >= 1 && rate > 0 ? Math.max(0, (total - loaded) / rate) : null;
  };
}

// The worker starts from a blob: URL whose one line imports worker.mjs. A worker started from its own
// script's URL is held only by a CSP sent as a header with that script, and by none on hosts that
// send no headers (GitHub Pages, a plain static server): a page's <meta> CSP does not reach it.
// A blob: worker inherits the policy of the page that starts it, <meta> included, so the site's CSP
// (connect-src 'self', script-src 'self') holds the worker wherever the site is hosted.
let sourceUrl = null;

function workerSource() {
  const script = new URL("./worker.mjs", import.meta.url).href;
  sourceUrl = URL.createObjectURL(new Blob([`import ${JSON.stringify(script)};\n`], { type: "text/javascript" }));
  return sourceUrl;
}

function forgetSource() {
  if (sourceUrl) URL.revokeObjectURL(sourceUrl); // once the worker has read it, or failed to
  sourceUrl = null;
}

// Pyodide's wasm, fetched and compiled here on the page rather than in the worker: Chromium keeps the
// compiled code of a module compiled from a page's own fetch for the next visit (its wasm code cache),
// and none for one compiled in a worker (see pageWasm in worker.mjs). tell(news) passes the worker
// what it needs, as "wasm" messages (levels_of_need/messages.py): the response's status and type, its
// bytes as they arrive (for the progress bar), then the compiled module, or the problem. waiting() is
// called while another page of this site downloads the wasm for both (oneAtATime).
function compileWasm(tell, waiting) {
  const url = new URL("./pyodide/pyodide.asm.wasm", import.meta.url);
  const failed = (error) => tell({ kind: "wasm", problem: `${url.pathname} could not be loaded (${error.message})` });
  engineFile(url, waiting).then(({ response, keep }) => {
    const wireLength = Number(response.headers.get("content-length"));
    tell({ kind: "wasm", status: response.status, type: response.headers.get("content-type"), wireLength });
    if (!response.ok) { keep?.(null); return; } // the worker says why
    const counted = response.clone().body.getReader(); // the original goes to the compiler whole
    const kept = keep ? handOver(url, keep) : null;
    const count = () => counted.read().then(({ done, value }) => {
      if (done) {
        kept?.done();
        return tell({ kind: "wasm", done: true });
      }
      kept?.chunks.push(value);
      tell({ kind: "wasm", received: value.byteLength });
      return count();
    });
    count().catch((error) => { kept?.done(false); failed(error); });
    WebAssembly.compileStreaming(response).then(
      (module) => tell({ kind: "wasm", module }),
      (error) => tell({ kind: "wasm", problem: `${url.pathname} could not be compiled (${error.message})` }),
    );
  }, failed);
}

// The offline copy (assets/offline/register.js and the service worker) keeps the engine's files in Cache
// Storage, which every page of this origin shares, each language's site too (issue 28: no engine file
// downloaded twice). So before downloading one, a page uses the copy this origin already keeps, if it is
// this build's (its SHA-256), and keeps what it downloads in the service worker's own cache, as the
// service worker would (assets/offline/engine.json, written by toolkit/publish/offline.py from the
// same values as sw.js: the cache's name, the files, their digests). Two pages at once download a file
// once: one looks and downloads while the other waits (Web Locks), then finds it kept. Only engine files
// ever go there, each checked against the build's digest; a page without Cache Storage, a service
// worker or locks (a private window, a plain http: intranet) downloads as before.
function offlineWanted() {
  return "serviceWorker" in navigator && typeof caches === "object";
}

const SITE_ROOT = new URL("../../", import.meta.url); // the service worker's scope (register.js)
const KEEPING = new URL("../offline/engine.json", import.meta.url);
// How long a page waits for another page's download of the same file to say something (each part it
// receives) before downloading for itself: less than the stall watchdog, so a broken download elsewhere
// costs this page a second download, never its checker.
const WAIT_MS = STALL_MS / 2;

// {response, keep(bytes)}: the file from Cache Storage (keep null) or the server (keep(bytes) keeps the
// bytes received, or null when the download broke off, and lets a waiting page go on; it resolves false
// where they were not kept, and the page hands them to the service worker instead).
// The list is asked for at once, beside the lock: where this origin keeps nothing at all (a first visit),
// there is no copy to look for, and the download starts without waiting for it.
async function engineFile(url, waiting) {
  if (!offlineWanted()) return { response: await fetch(url), keep: null };
  const listed = keepingOf().then((keeping) => keeping && entryOf(keeping, url)).catch(() => null);
  return oneAtATime(url, waiting, async (heard, release) => {
    const nothingKept = (await caches.keys().catch(() => [])).length === 0;
    const entry = nothingKept ? null : await listed;
    const held = entry && (await keptCopy(url, entry.cacheName, entry.digest).catch(() => null));
    if (held) { release(); return { response: held, keep: null }; }
    const response = await fetch(url); // if it fails, oneAtATime lets the next page go on
    const keep = async (bytes) => {
      const where = await listed;
      return where ? keepCopy(url, where.cacheName, where.digest, bytes) : false;
    };
    const keepThenRelease = (bytes) => keep(bytes).finally(release);
    return { response, keep: Object.assign(keepThenRelease, { heard }) };
  });
}

// Where the list says the file is kept: {cacheName, digest}, or null if it is not one of the engine's.
function entryOf(keeping, url) {
  const path = keeping.engine.find((name) => new URL(name, SITE_ROOT).href === url.href);
  return path ? { cacheName: `${keeping.cache}${SITE_ROOT.pathname}`, digest: keeping.digests[path] } : null;
}

// The list, or null where there is none to go by (a site built before it, a host that lost it): the page
// then downloads as before. Revalidated: a published build's list, never the HTTP cache's guess; under a
// service worker, its copy.
async function keepingOf() {
  const response = await fetch(KEEPING, { cache: "no-cache" });
  const keeping = response.ok ? await response.json() : null;
  const whole = keeping && typeof keeping.cache === "string" && Array.isArray(keeping.engine) && keeping.digests;
  return whole ? keeping : null;
}

// The copy this origin keeps, if any, and only if it is this build's. In this version's own cache it is:
// only the build's files go there (the service worker's, or a page's checked here); there, a page this
// site's service worker controls asks it, as ever (it answers the same file, and Chromium keeps the
// compiled code of what a fetch returns). Any other cache (another language's site, an older version)
// may hold another build's: used only if its SHA-256 is this build's.
async function keptCopy(url, cacheName, digest) {
  const own = await caches.match(url, { cacheName });
  const ours = navigator.serviceWorker.controller?.scriptURL === new URL("sw.js", SITE_ROOT).href;
  if (own) return ours ? fetch(url) : own;
  const found = await caches.match(url);
  if (!found || !found.ok) return null;
  return (await sha256(await found.clone().arrayBuffer())) === digest ? found : null;
}

async function keepCopy(url, cacheName, digest, bytes) {
  if (!bytes || (await sha256(bytes)) !== digest) return false;
  // As the service worker keeps a file a page hands over (web/service-worker.js: keepEngineFile).
  const response = new Response(bytes, { headers: { "content-type": "application/wasm" } });
  await (await caches.open(cacheName)).put(url, response);
  return true;
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// work(heard, release) under this origin's lock for the file: one page at a time looks in Cache Storage,
// else downloads and keeps, and only then lets the next look (release). While it downloads, heard() tells
// the waiting pages that it is still receiving; a page that hears nothing for WAIT_MS stops waiting and
// downloads for itself. Without locks (or if the lock cannot be had), work runs at once, alone.
function oneAtATime(url, waiting, work) {
  const name = url.href; // a lock's name is this origin's own
  const alone = () => work(() => {}, () => {});
  if (!navigator.locks || typeof navigator.locks.request !== "function") return alone();
  const news = typeof BroadcastChannel === "function" ? new BroadcastChannel(name) : null;
  const gaveUp = new AbortController();
  let timer = setTimeout(() => gaveUp.abort(), WAIT_MS);
  if (news) {
    news.onmessage = () => {
      clearTimeout(timer);
      timer = setTimeout(() => gaveUp.abort(), WAIT_MS);
      waiting();
    };
  }
  let granted = false;
  return new Promise((resolve, reject) => {
    const held = () => {
      granted = true;
      clearTimeout(timer);
      return new Promise((release) => {
        const heard = () => news?.postMessage("receiving");
        const done = () => { news?.close(); release(); };
        work(heard, done).then(resolve, (error) => { done(); reject(error); });
      });
    };
    navigator.locks.request(name, { signal: gaveUp.signal }, held).catch(() => {
      if (granted) return; // held, and settled by work
      clearTimeout(timer);
      news?.close();
      alone().then(resolve, reject);
    });
  });
}

// Listed as the download starts, with a promise of its bytes (null if it broke off, or once the page has
// kept them itself), where register.js looks for them: the page's scripts run in no fixed order, and the
// counting reader can finish after Python is ready; the offline copy waits for the bytes rather than
// downloading them again. keep(bytes) keeps them in Cache Storage (engineFile).
const ENGINE_FILES = Symbol.for("levels-of-need.engine-files"); // the same key in register.js

function handOver(url, keep) {
  const chunks = [];
  let settle = null;
  const bytes = new Promise((resolve) => { settle = resolve; });
  window[ENGINE_FILES] ??= new Map();
  window[ENGINE_FILES].set(url.href, bytes);
  let told = 0;
  return {
    chunks: {
      push(chunk) {
        chunks.push(chunk);
        // The pages waiting for this download hear of it at most every PROGRESS_EVERY_MS.
        if (performance.now() - told > PROGRESS_EVERY_MS) { told = performance.now(); keep.heard(); }
      },
    },
    done(whole = true) {
      if (!whole) { settle(null); keep(null); return; }
      const joined = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
      let at = 0;
      for (const chunk of chunks) { joined.set(chunk, at); at += chunk.byteLength; }
      chunks.length = 0;
      // Kept here, the service worker finds it in Cache Storage; else the page hands the bytes over.
      keep(joined.buffer).then((kept) => settle(kept ? null : joined.buffer), () => settle(joined.buffer));
    },
  };
}

export function startEngine({ version, onProgress, onReady, onFailed }) {
  let worker = null;
  let stallTimer = null;
  let ended = false;
  let nextId = 0;
  const pending = new Map();

  // Why the checker stopped, in words a practitioner can act on; the technical detail goes beside it.
  const DOWNLOAD = "A part of the checker could not be downloaded. Check your connection and reload the page. "
    + "If it happens again, your organisation's network may be blocking it: the technical details below will help your IT team.";

  function fail(reason, detail = "") {
    if (ended) return;
    ended = true;
    clearTimeout(stallTimer);
    forgetSource();
    if (worker) worker.terminate();
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
    if (detail) console.warn(`The checker could not start: ${detail}`);
    onFailed(reason, detail);
  }

  // Any silence longer than this while loading (a dead network, a hung file) ends in the fallback.
  // Only the download stage can stall this way: the worker reports "start" as soon as every file has
  // arrived (a compiled wasm counts as arrived), so a slow device's long start is never blamed on the
  // connection. The detail says where it stopped, for the IT team.
  let lastProgress = "nothing received yet";
  function watchForStall() {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => fail(
      "Loading stopped for too long. Check your connection and reload the page.",
      `no progress for ${STALL_MS / 1000} s while downloading; last: ${lastProgress}`,
    ), STALL_MS);
  }

  function watchStarting() {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => fail("Starting the checker took too long on this device. Reload the page to try again."), START_MS);
  }

  // Progress for the page, at most every PROGRESS_EVERY_MS and at once when the stage changes.
  const secondsLeft = downloadClock();
  let shown = { stage: null, at: 0 };
  function progress(data) {
    const now = performance.now();
    const update = data.stage === "download" ? { ...data, secondsLeft: secondsLeft(data) } : { stage: data.stage };
    if (update.stage === shown.stage && now - shown.at < PROGRESS_EVERY_MS) return;
    shown = { stage: update.stage, at: now };
    onProgress(update);
  }

  function request(kind, payload) {
    if (ended || !worker) return Promise.reject(new Error("The checker is not running."));
    return new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      worker.postMessage({ kind, id, payload });
    });
  }

  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    setTimeout(() => fail("This browser cannot run the checker. It needs a newer browser.", "no WebAssembly or Web Workers"), 0);
    return { request };
  }
  try {
    performance.mark("lon-engine-started"); // read by `make bench`
    worker = new Worker(workerSource(), { type: "module" });
  } catch (error) {
    setTimeout(() => fail(DOWNLOAD, error.message), 0);
    return { request };
  }
  // The same test as the worker's: where it fails, the worker fetches the wasm itself.
  if (typeof WebAssembly.compileStreaming === "function") compileWasm((news) => worker.postMessage(news), watchForStall);
  watchForStall();
  worker.onerror = (event) => fail(DOWNLOAD, event.message || "a script failed to load");
  worker.onmessage = ({ data }) => {
    forgetSource();
    if (data.kind === "progress") {
      if (data.stage === "start") watchStarting(); else watchForStall();
      lastProgress = data.stage === "download" ? `${data.loaded} of ${data.total} bytes` : data.stage;
      progress(data);
    } else if (data.kind === "ready" && data.version !== version) {
      // The page is built from one version of the thresholds; the engine must hold the same one.
      fail("This page and its checker are from different versions of the guidance. Reload the page.", `engine ${data.version}`);
    } else if (data.kind === "ready") {
      clearTimeout(stallTimer);
      onReady(data);
    } else if (data.kind === "failed") {
      fail(DOWNLOAD, data.reason);
    } else if (data.kind === "result" || data.kind === "error") {
      const waiting = pending.get(data.id);
      pending.delete(data.id);
      if (!waiting) return;
      if (data.kind === "result") waiting.resolve(data);
      else waiting.reject(Object.assign(new Error(data.message), { field: data.field || null }));
    }
  };
  return { request };
}
