// Make a Pyodide memory snapshot at build time, in Node, from the pinned npm package:
// Python started, levels_of_need.worker imported and the thresholds loaded, ready to answer.
// Usage: node make_snapshot.mjs WHEEL THRESHOLDS_JSON OUT   (OUT is the raw snapshot)
// The worker restores it with loadPyodide({_loadSnapshot}) and skips all of that work.
import { readFile, writeFile } from "node:fs/promises";
// PYODIDE_MODULE: the pyodide.mjs the build found (toolkit/resources.py), wherever the toolkit is installed.
const { loadPyodide } = await import(process.env.PYODIDE_MODULE ?? "pyodide");

const [wheelPath, thresholdsPath, outPath] = process.argv.slice(2);
const pyodide = await loadPyodide({ _makeSnapshot: true, packages: [] });
pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel"); // a Buffer is refused
const engine = pyodide.pyimport("levels_of_need.worker");
const version = engine.start(await readFile(thresholdsPath, "utf8"));
engine.destroy();
await writeFile(outPath, pyodide.makeMemorySnapshot());
process.stdout.write(`${JSON.stringify({ version })}\n`);
