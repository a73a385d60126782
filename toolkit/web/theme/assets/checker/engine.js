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
// bytes as they arrive (for the progress bar), then the compiled module, or the problem.
function compileWasm(tell) {
  const url = new URL("./pyodide/pyodide.asm.wasm", import.meta.url);
  const failed = (error) => tell({ kind: "wasm", problem: `${url.pathname} could not be loaded (${error.message})` });
  fetch(url).then((response) => {
    const wireLength = Number(response.headers.get("content-length"));
    tell({ kind: "wasm", status: response.status, type: response.headers.get("content-type"), wireLength });
    if (!response.ok) return; // the worker says why
    const counted = response.clone().body.getReader(); // the original goes to the compiler whole
    const kept = offlineWanted() ? handOver(url) : null;
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

// The offline copy (assets/offline/register.js and the service worker) takes the wasm's bytes from
// here rather than downloading them again: a browser's HTTP cache may not hold a file this big. Kept
// only where a service worker can take them, and only until it has (register.js drops them after).
function offlineWanted() {
  return "serviceWorker" in navigator && typeof caches === "object";
}

// Listed as the download starts, with a promise of its bytes (null if it broke off), where register.js
// looks for them: the page's scripts run in no fixed order, and the counting reader can finish after
// Python is ready; the offline copy waits for the bytes rather than downloading them again.
const ENGINE_FILES = Symbol.for("levels-of-need.engine-files"); // the same key in register.js

function handOver(url) {
  const chunks = [];
  let settle = null;
  const bytes = new Promise((resolve) => { settle = resolve; });
  window[ENGINE_FILES] ??= new Map();
  window[ENGINE_FILES].set(url.href, bytes);
  return {
    chunks,
    done(whole = true) {
      if (!whole) { settle(null); return; }
      const joined = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
      let at = 0;
      for (const chunk of chunks) { joined.set(chunk, at); at += chunk.byteLength; }
      chunks.length = 0;
      settle(joined.buffer);
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
  if (typeof WebAssembly.compileStreaming === "function") compileWasm((news) => worker.postMessage(news));
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
