// How Python could start, timed in Node from a built site's engine (CPU only: no network, no page).
// Usage: node bench/start_alternatives.mjs ENGINE_DIR MODE [SNAPSHOT_OUT]
//   source:   Pyodide's own standard library (2.5 MB of source, compiled at every start), nothing else
//   bundle:   the site's python.zip as the standard library, the checker imported and its data loaded
//   snapshot: a memory snapshot of the "bundle" start, made here, then restored (its gzip size reported)
// stdout: {"ms": time to a ready checker (or bare Python), "snapshot_gzip_bytes"?}
import { readFile } from "node:fs/promises";
import { gzipSync, gunzipSync } from "node:zlib";
import { loadPyodide } from "pyodide";

const [engineDir, mode] = process.argv.slice(2);
const manifest = JSON.parse(await readFile(`${engineDir}/manifest.json`, "utf8"));
const stdLibURL = `${engineDir}/${manifest.python}`;
const thresholds = await readFile(`${engineDir}/${manifest.thresholds}`, "utf8");

async function bundleStart(extra = {}) {
  const pyodide = await loadPyodide({ packages: [], stdLibURL, ...extra });
  const engine = pyodide.pyimport("levels_of_need.worker");
  engine.start(thresholds);
  return { pyodide, engine };
}

let result;
if (mode === "source") {
  const start = performance.now();
  await loadPyodide({ packages: [] });
  result = { ms: performance.now() - start };
} else if (mode === "bundle") {
  const start = performance.now();
  await bundleStart();
  result = { ms: performance.now() - start };
} else if (mode === "snapshot") {
  const made = await bundleStart({ _makeSnapshot: true });
  made.engine.destroy();
  const packed = gzipSync(made.pyodide.makeMemorySnapshot(), { level: 9 });
  const start = performance.now();
  const pyodide = await loadPyodide({ packages: [], stdLibURL, _loadSnapshot: new Uint8Array(gunzipSync(packed)) });
  pyodide.pyimport("levels_of_need.worker");
  result = { ms: performance.now() - start, snapshot_gzip_bytes: packed.length };
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
