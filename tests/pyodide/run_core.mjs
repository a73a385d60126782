// Run the stdlib-only checker core (core/levels_of_need) under the pinned Pyodide (Python 3.14) in Node.
// stdin: {"files": {"levels_of_need/x.py": "source", ...}, "thresholds": "<json>", "checks": [...]}
// stdout: {"python": "3.14.x", "results": [...], "summary", "verify", "debriefs"}: one api.run
// answer per check (result, headline, view, summary), the first check's summary, and every scenario verified and debriefed.
import { loadPyodide } from "pyodide";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const pyodide = await loadPyodide();
pyodide.FS.mkdirTree("/lib/core-src/levels_of_need");
for (const [path, source] of Object.entries(input.files)) {
  pyodide.FS.writeFile(`/lib/core-src/${path}`, source);
}
pyodide.globals.set("thresholds_json", input.thresholds);
pyodide.globals.set("checks_json", JSON.stringify(input.checks));
const output = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/lib/core-src")
from levels_of_need import api, model, training
thresholds = model.from_json(thresholds_json)
checks = json.loads(checks_json)
json.dumps({
    "python": sys.version.split()[0],
    "results": [api.run(thresholds, check) for check in checks],
    "summary": api.run_summary(thresholds, checks[0]),
    "verify": training.verify(thresholds),
    "debriefs": [training.debrief(thresholds, s.id, checks[0], "early-help") for s in thresholds.scenarios],
})
`);
process.stdout.write(output);
