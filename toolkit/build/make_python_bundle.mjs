// Make the checker's Python at build time, in Node, from the pinned npm package: one zip that the
// worker gives loadPyodide as its standard library. It holds, compiled to bytecode (.pyc):
//   - only the standard-library modules the checker uses: those Pyodide imports to start, those the
//     core names anywhere in its source (an import inside a function too), and those that importing
//     and exercising the core loads, found by running it here;
//   - the core itself (levels_of_need), so the browser needs no wheel.
// Pyodide's own python_stdlib.zip is 2.5 MB of source that Python compiles on every start; this is a
// fraction of it, and loads without compiling. The zip is written, then loaded in a second Pyodide
// that runs the checker from it alone, so a module missing from it fails the build, not a user.
//
// Usage: node make_python_bundle.mjs WHEEL THRESHOLDS_JSON OUT_ZIP
// stdout (last line): {"version", "stdlib": [module file names], "core": [...]}
import { readFile, writeFile } from "node:fs/promises";
// PYODIDE_MODULE: the pyodide.mjs the build found (toolkit/resources.py), wherever the toolkit is installed.
const { loadPyodide } = await import(process.env.PYODIDE_MODULE ?? "pyodide");

const [wheelPath, thresholdsPath, outPath] = process.argv.slice(2);
const thresholds = await readFile(thresholdsPath, "utf8");

const pyodide = await loadPyodide({ packages: [] });
pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel"); // a Buffer is refused
pyodide.globals.set("thresholds_json", thresholds);
const made = JSON.parse(pyodide.runPython(`
import ast, importlib, importlib.util, io, json, site, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

STDLIB = sys.path[1]  # the mounted python_stdlib.zip: /lib/python3NN.zip
assert STDLIB.endswith(".zip"), sys.path
CORE = "levels_of_need"
core_dir = importlib.util.find_spec(CORE).submodule_search_locations[0]
core_files = sorted(name for name in __import__("os").listdir(core_dir) if name.endswith(".py"))

# Every module the core names anywhere, imported here so that what it imports in turn is loaded too.
named = set()
for name in core_files:
    for node in ast.walk(ast.parse(open(f"{core_dir}/{name}", encoding="utf-8").read())):
        if isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            named.add(node.module)
for module in sorted(named):
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

stdlib = sorted({
    module.__file__[len(STDLIB) + 1:]
    for module in list(sys.modules.values())
    if (getattr(module, "__file__", None) or "").startswith(STDLIB + "/")
})

def compiled(source, path):
    # Unchecked hash-based bytecode: the same source always gives the same bytes, and there is no
    # source beside it to check against.
    code = compile(source, path, "exec", dont_inherit=True, optimize=0)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))

def add(archive, name, data):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    # Deflated in the zip, not left to the host: hosts compress by type, and few compress a zip.
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data, compresslevel=9)

packed = io.BytesIO()
with zipfile.ZipFile(STDLIB) as source, zipfile.ZipFile(packed, "w") as archive:
    for name in stdlib:
        add(archive, name + "c", compiled(source.read(name), f"{STDLIB}/{name}"))
    for name in core_files:
        add(archive, f"{CORE}/{name}c", compiled(open(f"{core_dir}/{name}", "rb").read(), f"{STDLIB}/{CORE}/{name}"))
open("/tmp/python-bundle.zip", "wb").write(packed.getvalue())
json.dumps({"version": version, "stdlib": stdlib, "core": [f"{CORE}/{name}" for name in core_files]})
`));
const bundle = pyodide.FS.readFile("/tmp/python-bundle.zip");
await writeFile(outPath, bundle);

// The proof: a second Pyodide whose whole standard library is this zip starts the checker and answers.
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
