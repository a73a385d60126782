// What a built site's python.zip holds, read by the Python it was made for (Pyodide's 3.14: the host's
// Python may be unable to parse its standard library or read its bytecode).
// Usage: node inspect_bundle.mjs PYTHON_ZIP CORE_DIR
// stdout: {"code_objects", "with_lines", "with_columns": how many of the zip's code objects carry line
//          numbers and column ranges; "docstrings": the docstrings of its sources (Pyodide's full standard
//          library, CORE_DIR) found in its bytecode, as "file: first words", outside Pyodide's own
//          packages and decorated classes; "traceback": an error raised in the core, formatted by a
//          Python whose standard library is the zip; "ssl_loaded": whether that Python loaded ssl}
import { readFile, readdir } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const [bundle, coreDir] = process.argv.slice(2);
const full = await loadPyodide({ packages: [] });
full.FS.writeFile("/tmp/bundle.zip", new Uint8Array(await readFile(bundle)));
full.FS.mkdirTree("/tmp/core/levels_of_need");
for (const name of (await readdir(coreDir)).filter((name) => name.endsWith(".py"))) {
  full.FS.writeFile(`/tmp/core/levels_of_need/${name}`, new Uint8Array(await readFile(`${coreDir}/${name}`)));
}
const found = JSON.parse(full.runPython(`
import ast, json, marshal, sys, zipfile

def code_objects(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from code_objects(const)

def docstrings(source):
    for node in ast.walk(ast.parse(source)):
        kinds = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        if isinstance(node, kinds) and not getattr(node, "decorator_list", None) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                yield first.value.value

counts = {"code_objects": 0, "with_lines": 0, "with_columns": 0}
shipped = []
with zipfile.ZipFile("/tmp/bundle.zip") as bundle, zipfile.ZipFile(sys.path[1]) as stdlib:
    for name in bundle.namelist():
        codes = list(code_objects(marshal.loads(bundle.read(name)[16:])))  # after the .pyc header
        for code in codes:
            positions = list(code.co_positions())
            counts["code_objects"] += 1
            counts["with_lines"] += any(line is not None for line, _, _, _ in positions)
            counts["with_columns"] += any(column is not None for _, _, column, _ in positions)
        if name.startswith(("_pyodide/", "pyodide/")):
            continue  # Pyodide documents its JavaScript bindings from these
        source = open(f"/tmp/core/{name[:-1]}", "rb").read() if name.startswith("levels_of_need/") else stdlib.read(name[:-1])
        strings = {const for code in codes for const in code.co_consts if isinstance(const, str)}
        # Long ones only: a short docstring ("Return self.") may equal a string the code really uses.
        shipped += [f"{name}: {text[:40]}" for text in docstrings(source) if len(text) > 40 and text in strings]
json.dumps({**counts, "docstrings": shipped})
`));

const alone = await loadPyodide({ stdLibURL: bundle, packages: [] });
const shown = JSON.parse(alone.runPython(`
import json, sys, traceback
import asyncio  # Pyodide's event loop needs it; its TLS (ssl) is optional
from levels_of_need import model
try:
    model.from_json("not json")
except ValueError:
    shown = traceback.format_exc()
json.dumps({"traceback": shown, "ssl_loaded": "ssl" in sys.modules})
`));
process.stdout.write(JSON.stringify({ ...found, ...shown }));
