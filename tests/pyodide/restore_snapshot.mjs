// Restore a built site's Pyodide memory snapshot in Node, as the worker does, and report.
// Usage: node restore_snapshot.mjs SITE/assets/checker
// stdout: {"version", "lazy_import_before_wheel", "lazy_import_after_wheel", "evaluate"}
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { loadPyodide } from "pyodide";

const dir = process.argv[2];
const manifest = JSON.parse(await readFile(`${dir}/manifest.json`, "utf8"));
const snapshot = new Uint8Array(gunzipSync(await readFile(`${dir}/${manifest.snapshot}`)));
const pyodide = await loadPyodide({ _loadSnapshot: snapshot, packages: [] });
const engine = pyodide.pyimport("levels_of_need.worker");
// The snapshot holds modules in memory, not their files: a module imported afresh needs the wheel's files.
const tryImport = () => pyodide.runPython(`
import importlib, sys
sys.modules.pop("levels_of_need.training", None)
try:
    importlib.import_module("levels_of_need.training")
    result = "ok"
except ModuleNotFoundError as error:
    result = f"ModuleNotFoundError: {error.name}"
result
`);
const before = tryImport();
pyodide.unpackArchive(new Uint8Array(await readFile(`${dir}/${manifest.wheel}`)), "wheel");
const after = tryImport();
process.stdout.write(JSON.stringify({
  version: engine.version(),
  lazy_import_before_wheel: before,
  lazy_import_after_wheel: after,
  evaluate: JSON.parse(engine.answer("evaluate", JSON.stringify({ indicators: [] }))),
}));
