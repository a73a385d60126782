// What a built site's python.zip holds, read by the Python it was made for (Pyodide's 3.14: the host's
// Python may be unable to parse its standard library or read its bytecode).
// Usage: node inspect_bundle.mjs PYTHON_ZIP CORE_DIR
// stdout: {"code_objects", "with_lines", "with_columns": how many of the zip's code objects carry line
//          numbers and column ranges; "core_code_objects", "core_beyond_first_line" and
//          "stdlib_beyond_first_line": the core's code objects, and how many of the core's and of the
//          rest's name a line other than their first; "docstrings": the docstrings of its sources (Pyodide's
//          full standard library, CORE_DIR) found in its bytecode, as "file: first words", outside
//          decorated classes; "traceback": an error raised in the core, formatted by a Python whose
//          standard library is the zip; "stack_lines": the line of each frame inspect.stack() gives there;
//          "ssl_loaded": whether that Python loaded ssl}
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

counts = {"code_objects": 0, "with_lines": 0, "with_columns": 0, "core_code_objects": 0}
counts.update(core_beyond_first_line=0, stdlib_beyond_first_line=0)
shipped = []
with zipfile.ZipFile("/tmp/bundle.zip") as bundle, zipfile.ZipFile(sys.path[1]) as stdlib:
    for name in bundle.namelist():
        codes = list(code_objects(marshal.loads(bundle.read(name)[16:])))  # after the .pyc header
        for code in codes:
            positions = list(code.co_positions())
            counts["code_objects"] += 1
            counts["with_lines"] += any(line is not None for line, _, _, _ in positions)
            counts["with_columns"] += any(column is not None for _, _, column, _ in positions)
            beyond = any(line not in (None, code.co_firstlineno) for line, _, _, _ in positions)
            if name.startswith("levels_of_need/"):
                counts["core_code_objects"] += 1
                counts["core_beyond_first_line"] += beyond
            else:
                counts["stdlib_beyond_first_line"] += beyond
        source = open(f"/tmp/core/{name[:-1]}", "rb").read() if name.startswith("levels_of_need/") else stdlib.read(name[:-1])
        strings = {const for code in codes for const in code.co_consts if isinstance(const, str)}
        # Long ones only: a short docstring ("Return self.") may equal a string the code really uses.
        shipped += [f"{name}: {text[:40]}" for text in docstrings(source) if len(text) > 40 and text in strings]
json.dumps({**counts, "docstrings": shipped})
`));

const alone = await loadPyodide({ stdLibURL: bundle, packages: [] });
const shown = JSON.parse(alone.runPython(`
import inspect, json, sys, traceback
import asyncio  # Pyodide's event loop needs it; its TLS (ssl) is optional
from levels_of_need import model
try:
    model.from_json("not json")
except ValueError:
    shown = traceback.format_exc()
# Every frame's line is a number, Pyodide's and the standard library's frames included: inspect does sums
# with them.
stack_lines = [frame.lineno for frame in inspect.stack()]
json.dumps({"traceback": shown, "stack_lines": stack_lines, "ssl_loaded": "ssl" in sys.modules})
`));
process.stdout.write(JSON.stringify({ ...found, ...shown }));
