// Make the checker's Python at build time, in Node, from the pinned npm package: one zip that the
// worker gives loadPyodide as its standard library. It holds, compiled to bytecode (.pyc):
//   - only the standard-library modules the checker uses: those Pyodide imports to start, those the
//     core names anywhere in its source (an import inside a function too), and those that importing
//     and exercising the core loads, found by running it here;
//   - the core itself (levels_of_need), so the browser needs no wheel.
// Pyodide's own python_stdlib.zip is 2.5 MB of source that Python compiles on every start; this is a
// fraction of it, and loads without compiling. Three Pyodides: the first writes a candidate zip (the
// modules above, plus what the build's own tools loaded); a second starts from it alone and exercises
// the checker the same way, and only the modules it loaded are kept; a third starts from the kept zip
// and runs the checker, so a module missing from it fails the build, not a user.
// Lighter on the wire (issue 28): the entries are stored, not deflated, so the build's .br and .gz
// copies compress the zip as a whole (1.70 MB deflated against about 1.2 MB brotli over stored
// entries); docstrings are left out as python -OO does (see strip below); the bytecode carries no
// column ranges, which only a traceback's ^^^ markers use (-X no_debug_ranges: 0.26 MB of the brotli
// copy), and line numbers for the core only (see first_lines_only below: 93 kB); and a module the
// standard library imports only where it handles its absence (ssl, bz2, lzma, compression.zstd, for
// asyncio's TLS and shutil's archives) is left out unless the core names it. Source (.py) instead of
// bytecode would be lighter still but takes Python seconds longer to start, compiling it at every start
// (docs/performance.md): bytecode it stays.
//
// Usage: node make_python_bundle.mjs WHEEL THRESHOLDS_JSON OUT_ZIP
// stdout (last line): {"version", "stdlib": [module file names], "core": [...]}
import { readFile, writeFile } from "node:fs/promises";
// PYODIDE_MODULE: the pyodide.mjs the build found (toolkit/resources.py), wherever the toolkit is installed.
const { loadPyodide } = await import(process.env.PYODIDE_MODULE ?? "pyodide");

const [wheelPath, thresholdsPath, outPath] = process.argv.slice(2);
const thresholds = await readFile(thresholdsPath, "utf8");

// The Pyodide that compiles the zip leaves the column ranges out of the bytecode it writes (the
// tables behind a traceback's ^^^ markers; line numbers stay): PYTHONNODEBUGRANGES is
// -X no_debug_ranges, read when Python starts.
const pyodide = await loadPyodide({ packages: [], env: { PYTHONNODEBUGRANGES: "1" } });
pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel"); // a Buffer is refused
pyodide.globals.set("thresholds_json", thresholds);
// Every module the core names anywhere (an import inside a function too), found in its source.
const named = JSON.parse(pyodide.runPython(`
import ast, importlib.util, json, os
core_dir = importlib.util.find_spec("levels_of_need").submodule_search_locations[0]
named = set()
for name in sorted(os.listdir(core_dir)):
    if name.endswith(".py"):
        for node in ast.walk(ast.parse(open(f"{core_dir}/{name}", encoding="utf-8").read())):
            if isinstance(node, ast.Import):
                named.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                named.add(node.module)
json.dumps(sorted(named))
`));

// The checker, imported and exercised as the browser uses it, in whichever Pyodide runs this (it
// imports nothing else, so what it loads is the checker's): every module the core names, so that what
// they import in turn is loaded too, then every kind of request and an error path. Leaves \`loaded\`:
// the files of the standard library (the zip at sys.path[1]) that are loaded, as .py names.
const EXERCISE = `
import importlib, json, sys

STDLIB = sys.path[1]  # the mounted standard library: /lib/python3NN.zip
assert STDLIB.endswith(".zip"), sys.path
CORE = "levels_of_need"
for module in json.loads(named_json):
    if module.split(".")[0] not in ("js", "pyodide", CORE):
        importlib.import_module(module)

# The core, started and exercised as the browser uses it: every kind of request, an error path too.
worker = importlib.import_module(f"{CORE}.worker")
version = worker.start(thresholds_json)
data = json.loads(thresholds_json)
first = [item["id"] for item in data.get("indicators", [])[:2]]
for payload in ({}, {"indicators": first, "age": "7"}, {"indicators": ["no-such-indicator"]}):
    worker.answer("evaluate", json.dumps(payload))
for scenario in data.get("scenarios", [])[:1]:
    worker.answer("debrief", json.dumps({"scenario": scenario["id"], "choices": {}, "committed": None}))
    # The presenter's session: started, a round recorded, the report and its files (csv, the statistics).
    first_set = (data.get("scenario_sets") or [{"id": "all-scenarios"}])[0]["id"]
    started = json.loads(worker.answer("session", json.dumps({"start": {"set": first_set, "room_size": "2"}})))
    level = data["levels"][0]["id"]
    counted = {"vignette": 0, "round": 1, "counts": {level: "2"}, "not_sure": ""}
    answered = json.loads(worker.answer("session", json.dumps({"session": started["session"], "round": counted})))
    worker.answer("save_session", json.dumps({"session": answered["session"]}))

loaded = sorted({
    module.__file__[len(STDLIB) + 1:].removesuffix("c")
    for module in list(sys.modules.values())
    if (getattr(module, "__file__", None) or "").startswith(STDLIB + "/")
})
`;

pyodide.globals.set("named_json", JSON.stringify(named));
const made = JSON.parse(pyodide.runPython(`${EXERCISE}
import ast, importlib.util, io, os, types, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

core_dir = importlib.util.find_spec(CORE).submodule_search_locations[0]
core_files = sorted(name for name in os.listdir(core_dir) if name.endswith(".py"))

def module_name(name):
    return name.removesuffix(".py").removesuffix("/__init__").replace("/", ".")

def imported(node, package):
    """The modules an import statement names (for "from . import x", x may be a module too)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        parts = package.split(".")[: len(package.split(".")) - node.level + 1]
        base = ".".join(parts + ([node.module] if node.module else []))
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]

def handles_import_error(node):
    caught = set()
    for handler in node.handlers:
        kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        caught.update(kind.id for kind in kinds if isinstance(kind, ast.Name))
    return bool(caught & {"ImportError", "ModuleNotFoundError"})

def optional_modules(source, names, keep):
    """The modules that every file in names imports only inside a try that handles ImportError (the
    standard library's way of doing without one), less those in keep: left out, their importers carry on
    without them (asyncio without ssl, shutil and zipfile without bz2, lzma and compression.zstd)."""
    guarded, plain = set(), set()
    for name in names:
        me = module_name(name)
        package = me if name.endswith("/__init__.py") else me.rpartition(".")[0]
        def visit(node, inside):
            for child in ast.iter_child_nodes(node):
                within = inside or (isinstance(node, ast.Try) and child in node.body and handles_import_error(node))
                if isinstance(child, (ast.Import, ast.ImportFrom)):
                    (guarded if within else plain).update(imported(child, package))
                visit(child, within)
        visit(ast.parse(source.read(name), name), False)
    return {module for module in guarded - plain if module.split(".")[0] not in keep}

stdlib = [name for name in loaded if not name.startswith(CORE + "/")]
with zipfile.ZipFile(STDLIB) as source:
    optional = optional_modules(source, stdlib, {module.split(".")[0] for module in json.loads(named_json)})
stdlib = [name for name in stdlib if not any(module_name(name) == module or module_name(name).startswith(module + ".") for module in optional)]

# Docstrings, left out as python -OO does: a module's, a function's and a class's; nothing the checker
# runs reads them, Pyodide's own packages included (their docstrings document its JavaScript bindings for
# help(), which no page offers; a C method without one is given its signature alone:
# _pyodide/docstring.py). A decorated class keeps its docstring: dataclasses builds one from
# inspect.signature for a class without, which costs time at every start (the core's dataclasses, enum's
# _simple_enum).
def strip(tree):
    for node in ast.walk(tree):
        undecorated_class = isinstance(node, ast.ClassDef) and not node.decorator_list
        if (undecorated_class or isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef))) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                node.body = node.body[1:] or [ast.Pass(lineno=first.lineno, col_offset=first.col_offset)]
    return tree

# Line numbers: the core's are kept, so a traceback from the checker (the detail a failed start shows
# for IT) points at the core's own line. The standard library's and Pyodide's code (pinned, and read in
# Pyodide's own python_stdlib.zip) gives each instruction its function's first line: a traceback still
# names the file and the function, f_lineno is always a number (inspect.stack() does sums with it; "no
# line" breaks it), and the zip is 93 kB of brotli lighter (issue 28). A line table is a run of entries
# of up to 8 code units each (CPython's Objects/locations.md); this one is "no columns, line + 0" for
# each: first byte 0x80 | 13 << 3 | (units - 1), then the signed varint 0.
FIRST_LINE = 13

def first_lines_only(code):
    units = len(code.co_code) // 2
    table = b"".join(bytes([0x80 | FIRST_LINE << 3 | (min(8, units - start) - 1), 0]) for start in range(0, units, 8))
    consts = tuple(first_lines_only(const) if isinstance(const, types.CodeType) else const for const in code.co_consts)
    return code.replace(co_linetable=table, co_consts=consts)

def compiled(source, path, name):
    # Unchecked hash-based bytecode: the same source always gives the same bytes, and there is no
    # source beside it to check against.
    code = compile(strip(ast.parse(source, path)), path, "exec", dont_inherit=True, optimize=0)
    if name != CORE:
        code = first_lines_only(code)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))

def add(archive, name, data):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    # Stored: the build's .br and .gz copies compress the whole zip far better than deflate does entry by
    # entry (docs/performance.md: a host must send those copies, or compress application/zip itself).
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)

packed = io.BytesIO()
with zipfile.ZipFile(STDLIB) as source, zipfile.ZipFile(packed, "w") as archive:
    for name in stdlib:
        add(archive, name + "c", compiled(source.read(name), f"{STDLIB}/{name}", name))
    for name in core_files:
        add(archive, f"{CORE}/{name}c", compiled(open(f"{core_dir}/{name}", "rb").read(), f"{STDLIB}/{CORE}/{name}", CORE))
open("/tmp/python-bundle.zip", "wb").write(packed.getvalue())
json.dumps({"version": version, "stdlib": stdlib, "core": [f"{CORE}/{name}" for name in core_files]})
`));
await writeFile(outPath, pyodide.FS.readFile("/tmp/python-bundle.zip"));

// What the checker itself loads, started from the candidate alone: the modules the build's own tools
// (ast, zipfile and theirs) loaded above are left out unless the checker loads them too.
const trial = await loadPyodide({ packages: [], stdLibURL: outPath });
trial.globals.set("thresholds_json", thresholds);
trial.globals.set("named_json", JSON.stringify(named));
pyodide.globals.set("needed", trial.runPython(`${EXERCISE}
json.dumps(loaded)
`));
made.stdlib = JSON.parse(pyodide.runPython(`
keep = {name + "c" for name in json.loads(needed)}
packed = io.BytesIO()
with zipfile.ZipFile("/tmp/python-bundle.zip") as candidate, zipfile.ZipFile(packed, "w") as archive:
    for info in candidate.infolist():
        if info.filename in keep or info.filename.startswith(CORE + "/"):
            archive.writestr(info, candidate.read(info))
open("/tmp/python-bundle.zip", "wb").write(packed.getvalue())
json.dumps([name for name in stdlib if name + "c" in keep])
`));
await writeFile(outPath, pyodide.FS.readFile("/tmp/python-bundle.zip"));

// The proof: a Pyodide whose whole standard library is the kept zip starts the checker and answers.
const check = await loadPyodide({ packages: [], stdLibURL: outPath });
const engine = check.pyimport("levels_of_need.worker");
const again = engine.start(thresholds);
// An error path too: a file that is not a saved check is refused in words.
const answered = JSON.parse(engine.answer("evaluate", JSON.stringify({ indicators: [] })));
const refused = JSON.parse(engine.answer("open", JSON.stringify({ text: "not a saved check" })));
if (again !== made.version || answered.ok !== true || !answered.answers || refused.ok !== false || !refused.message) {
  throw new Error(`the Python bundle does not run the checker on its own: ${JSON.stringify(answered)}`);
}
process.stdout.write(`${JSON.stringify(made)}\n`);
