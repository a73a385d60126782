// The checker's worker: Python (Pyodide) with the toolkit wheel, on this site's own origin.
// All rules are Python in toolkit/; this file only loads it and passes messages.
//
// Messages to the page:   {kind: "progress", loaded, total}
//                         {kind: "ready", version, networkLocked}
//                         {kind: "failed", reason}
//                         {kind: "result", id, ...answer} | {kind: "error", id, message}
// Messages from the page: {kind: "evaluate", id, payload}  -> answer {result, summary}
//                         {kind: "debrief", id, payload: {scenario, choices, committed}} -> answer {debrief}
import { loadPyodide } from "./pyodide/pyodide.mjs";

const HERE = new URL("./", import.meta.url);
const EXPECTED_TYPES = { ".wasm": "application/wasm", ".mjs": "javascript", ".json": "json" };
const NETWORK = ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts"];
let answer = null;
const KINDS = ["evaluate", "debrief"];
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
    const counted = response.body.pipeThrough(new TransformStream({
      transform(chunk, controller) { onBytes(chunk.byteLength); controller.enqueue(chunk); },
    }));
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

// Once Python is loaded, nothing in this worker may reach the network or keep data.
function lockNetwork() {
  for (const name of NETWORK) {
    // A plain function, so `new XMLHttpRequest()` throws this error too, not "not a constructor".
    const blocked = function () { throw new Error(`${name} is switched off in the checker`); };
    Object.defineProperty(self, name, { value: blocked, writable: false, configurable: false });
  }
  for (const name of ["caches", "indexedDB"]) {
    Object.defineProperty(self, name, { value: undefined, writable: false, configurable: false });
  }
}

async function start() {
  const originalFetch = self.fetch.bind(self);
  const manifest = await (await originalFetch(new URL("manifest.json", HERE))).json();
  let loaded = 0;
  const progress = (bytes) => {
    loaded += bytes;
    self.postMessage({ kind: "progress", loaded, total: manifest.total_bytes });
  };
  const fetchCounted = countingFetch(originalFetch, progress);
  self.fetch = fetchCounted; // Pyodide fetches its own files through this while it loads.
  const pyodide = await loadPyodide({ indexURL: new URL("pyodide/", HERE).href, packages: [] });
  const wheel = await (await fetchCounted(new URL(manifest.wheel, HERE))).arrayBuffer();
  pyodide.unpackArchive(wheel, "wheel");
  const thresholds = await (await fetchCounted(new URL(manifest.thresholds, HERE))).text();
  pyodide.globals.set("thresholds_json", thresholds);
  pyodide.runPython(`
import json
from toolkit import api, model, training
from toolkit.rules import CheckError

THRESHOLDS = model.from_json(thresholds_json)
del thresholds_json

REQUESTS = {
    "evaluate": lambda payload: api.run(THRESHOLDS, payload),
    "debrief": lambda payload: {
        "debrief": training.debrief(THRESHOLDS, payload["scenario"], payload.get("choices") or {}, payload.get("committed"))
    },
}

def answer(kind, payload_json):
    try:
        return json.dumps({"ok": True, **REQUESTS[kind](json.loads(payload_json))})
    except CheckError as error:
        return json.dumps({"ok": False, "message": str(error)})

def network_probe():
    """Python's own attempts at the network; each must fail."""
    import js
    attempts = {
        "fetch": lambda: js.fetch("probe-network"),
        "XMLHttpRequest": lambda: js.XMLHttpRequest.new(),
        "WebSocket": lambda: js.WebSocket.new("ws://127.0.0.1:9/"),
        "EventSource": lambda: js.EventSource.new("probe-network"),
    }
    blocked = []
    for name, attempt in attempts.items():
        try:
            attempt()
        except Exception:
            blocked.append(name)
    return json.dumps(blocked)
`);
  lockNetwork();
  const blocked = JSON.parse(pyodide.globals.get("network_probe")());
  answer = pyodide.globals.get("answer");
  self.postMessage({
    kind: "ready",
    version: pyodide.runPython("THRESHOLDS.version"),
    networkLocked: blocked.length === 4,
  });
}

self.onmessage = ({ data }) => {
  if (!KINDS.includes(data.kind)) return;
  if (!answer) {
    self.postMessage({ kind: "error", id: data.id, message: "The checker is not ready yet." });
    return;
  }
  const { ok, message, ...reply } = JSON.parse(answer(data.kind, JSON.stringify(data.payload)));
  self.postMessage(ok ? { kind: "result", id: data.id, ...reply } : { kind: "error", id: data.id, message });
};

start().catch((error) => fail(String((error && error.message) || error)));
