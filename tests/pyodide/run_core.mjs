// Run the stdlib-only checker core (core/levels_of_need) under the pinned Pyodide (Python 3.14) in Node.
// Usage: node run_core.mjs [PYTHON_ZIP]
//   without PYTHON_ZIP: Pyodide's full standard library, and the core's files from stdin;
//   with it: a built site's python.zip is the whole standard library, the core included, as in the browser.
// stdin: {"files": {"levels_of_need/x.py": "source", ...}, "thresholds": "<json>", "checks": [...],
//         "imports": [module names to import first], "unknown": [indicator ids],
//         "session": a presenter's request ({session, round, ...}), "quantiles": [[p, df], ...],
//         "pages": [checks], "practice": [{scenario, choices, committed}, ...], "opened": [saved files' text]}
// stdout: {"python": "3.14.x", "results": [...], "summary", "verify", "debriefs", "unknown", "pages",
//          "practice", "opened"}: one api.run answer per check (result, headline, view, summary), the first check's summary, every scenario verified
// and debriefed, the message for a check with unknown indicators, the presenter's answer to the session
// request (levels_of_need.training_session), Student's t quantiles (levels_of_need.agreement), and for the
// golden checks (tests/fixtures/checks.yml) api.page_answer for each page and training.debrief for each case;
// the worker's answer to opening each saved file (as the page asks it: levels_of_need.worker).
import { loadPyodide } from "pyodide";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const bundle = process.argv[2];

const pyodide = await loadPyodide(bundle ? { stdLibURL: bundle, packages: [] } : {});
pyodide.FS.mkdirTree("/lib/core-src/levels_of_need");
for (const [path, source] of Object.entries(bundle ? {} : input.files)) {
  pyodide.FS.writeFile(`/lib/core-src/${path}`, source);
}
pyodide.globals.set("thresholds_json", input.thresholds);
pyodide.globals.set("input_json", JSON.stringify(input));
const output = pyodide.runPython(`
import importlib, json, sys
sys.path.insert(0, "/lib/core-src")
request = json.loads(input_json)
for module in request.get("imports", []):
    importlib.import_module(module)
from levels_of_need import agreement, api, model, rules, training, training_session, worker
thresholds = model.from_json(thresholds_json)
worker.start(thresholds_json)
checks = request.get("checks", [])
try:
    api.run(thresholds, {"indicators": request.get("unknown", [])})
    unknown = None
except rules.CheckError as error:
    unknown = str(error)
json.dumps({
    "python": sys.version.split()[0],
    "core_from": api.__file__,
    "results": [api.run(thresholds, check) for check in checks],
    "summary": api.run_summary(thresholds, checks[0]) if checks else None,
    "verify": training.verify(thresholds),
    "debriefs": [training.debrief(thresholds, s.id, checks[0], "early-help") for s in thresholds.scenarios if checks],
    "unknown": unknown,
    "session": training_session.page_answer(thresholds, request["session"]) if request.get("session") else None,
    "quantiles": [agreement.t_quantile(p, df) for p, df in request.get("quantiles", [])],
    "pages": [api.page_answer(thresholds, check) for check in request.get("pages", [])],
    "practice": [
        training.debrief(thresholds, case["scenario"], case["choices"], case["committed"])
        for case in request.get("practice", [])
    ],
    "opened": [json.loads(worker.answer("open", json.dumps({"text": text}))) for text in request.get("opened", [])],
})
`);
process.stdout.write(output);
