"""The checker core (and the training debrief) runs unchanged in Pyodide (Python 3.14) and agrees with CPython,
from Pyodide's full standard library and from the site's own python.zip alone."""

from __future__ import annotations

import ast
import json
import re
import zipfile

import golden
import pytest
from conftest import ROOT, loaded, run_pyodide_script

from levels_of_need import agreement, api, training, training_session, worker

# Pyodide in Node (a few seconds a test): `make test` runs these, `make check` does not.
pytestmark = pytest.mark.slow

CORE = ROOT / "core" / "levels_of_need"
SAVED_CHECKS = ROOT / "tests" / "fixtures" / "saved-checks"
CHECKS = [
    {"indicators": ["l2-domestic-abuse"], "unborn": True, "answers": {"immediate_risk": "no"}},
    {"indicators": ["l2-underage-sexual-activity"], "age": 12},
    {"indicators": ["l3-16-17-homeless"], "age": 16, "answers": {"immediate_risk": "no", "significant_harm": "no"}},
    {"indicators": ["l2-bereavement"], "age": "4", "answers": {"consent": "refused"}},
    {"indicators": ["l2-bereavement"], "answers": {"support_not_improving": "yes"}},
    {
        "indicators": ["l3-private-fostering"],
        "age": 15,
        "answers": {"social_worker": "recent", "significant_harm": "unsure"},
    },
    {"indicators": [], "answers": {"immediate_risk": "yes"}},
    {
        "indicators": ["l1-supportive-networks", "l3-non-mobile-bruising"],
        "age": 0,
        "answers": {"significant_harm": "no"},
    },
]
QUANTILES = [[0.975, 5], [0.975, 7], [0.975, 11], [0.025, 19], [0.9995, 1.5]]


def session_request(thresholds) -> dict:
    """The presenter's request for a session of the first set, every round answered: the statistics too."""
    started = training_session.page_answer(
        thresholds, {"start": {"set": training_session.session_sets(thresholds)[0].id, "room_size": "9"}}
    )["session"]
    for i, vignette in enumerate(started["vignettes"]):
        for r in (0, 1):
            counts = [(i + r + k) % 4 for k in range(len(thresholds.levels))]
            vignette["rounds"][r] = {
                "counts": {lv.id: n for lv, n in zip(thresholds.levels, counts, strict=True)},
                "not_sure": 9 - sum(counts),
            }
    return {"session": started}


def test_core_in_pyodide_gives_the_same_results_as_cpython(thresholds):
    payload = {
        "files": {f"levels_of_need/{path.name}": path.read_text(encoding="utf-8") for path in CORE.glob("*.py")},
        "thresholds": json.dumps(thresholds.data, ensure_ascii=False),
        "checks": CHECKS,
        "session": session_request(thresholds),
        "quantiles": QUANTILES,
    }
    out = run_pyodide_script("run_core.mjs", stdin=json.dumps(payload))
    assert out["python"].startswith("3.14")
    # The room's agreement, to the last digit: the session's figures and the t quantiles behind them.
    expected = training_session.page_answer(thresholds, payload["session"])
    assert expected["report"]["session"]["rounds"][0]["ac1"]["value"] is not None
    assert out["session"] == json.loads(json.dumps(expected))
    assert out["quantiles"] == [agreement.t_quantile(p, df) for p, df in QUANTILES]
    assert out["results"] == [api.run(thresholds, check) for check in CHECKS]
    assert out["summary"] == api.run_summary(thresholds, CHECKS[0])
    assert out["verify"] == training.verify(thresholds) == []
    assert out["debriefs"] == [
        training.debrief(thresholds, s.id, CHECKS[0], "early-help") for s in thresholds.scenarios
    ]


def golden_cases(name: str) -> tuple[list[dict], list[dict]]:
    """The partnership's golden checks and practice cases (tests/fixtures/checks.yml)."""
    fixture = golden.load()
    checks = [check for check in fixture["checks"] if check["partnership"] == name]
    return checks, [case for case in fixture["practice"] if case["partnership"] == name]


def assert_the_golden_words(out: dict, checks: list[dict], practice: list[dict]) -> None:
    """run_core.mjs's answers ``out`` give each golden check's words and each practice debrief, to the letter."""
    assert len(out["pages"]) == len(checks) > 0 and len(out["practice"]) == len(practice) > 0
    for check, answer in zip(checks, out["pages"], strict=True):
        shown = golden.page_texts(answer)
        assert shown == {key: check[key] for key in shown}, check["name"]
    for case, debrief in zip(practice, out["practice"], strict=True):
        assert golden.debrief_text(debrief) == case["debrief"], case["name"]


@pytest.mark.parametrize("name", sorted(golden.PARTNERSHIP_FILES))
def test_core_in_pyodide_gives_the_golden_checks_words(name):
    """The golden checks (tests/fixtures/checks.yml), run in Pyodide: the same words, to the letter, as the
    fixture holds for the result, "Check your answers", the summary and the debrief."""
    checks, practice = golden_cases(name)
    payload = {
        "files": {f"levels_of_need/{path.name}": path.read_text(encoding="utf-8") for path in CORE.glob("*.py")},
        "thresholds": json.dumps(loaded(golden.PARTNERSHIP_FILES[name]).data, ensure_ascii=False),
        "pages": [check["check"] for check in checks],
        "practice": practice,
    }
    out = run_pyodide_script("run_core.mjs", stdin=json.dumps(payload))
    assert out["python"].startswith("3.14")
    assert_the_golden_words(out, checks, practice)


def core_imports() -> list[str]:
    """Every module the core names in an import, anywhere in its source (inside a function too)."""
    named = set()
    for path in CORE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                named.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                named.add(node.module)
    return sorted(name for name in named if name.split(".")[0] not in ("js", "levels_of_need", "__future__"))


def test_the_sites_python_bundle_alone_runs_the_whole_core(medway_site, thresholds):
    """The browser's standard library is the site's python.zip, trimmed to what the checker uses: a
    module missing from it (one the core imports only on an error path, say) fails here."""
    bundle = medway_site.directory / "assets" / "checker" / "python.zip"
    imports = core_imports()
    assert "difflib" in imports  # imported only to suggest close matches for an unknown indicator
    payload = {
        # The site's own data, without what only its pages show: the answers are the whole file's.
        "thresholds": (bundle.parent / "thresholds.json").read_text(encoding="utf-8"),
        "checks": CHECKS,
        "imports": imports,
        "unknown": ["l2-domestic-abus"],
        "session": session_request(thresholds),
    }
    out = run_pyodide_script("run_core.mjs", str(bundle), stdin=json.dumps(payload))
    assert out["session"] == json.loads(json.dumps(training_session.page_answer(thresholds, payload["session"])))
    assert out["core_from"].endswith(".zip/levels_of_need/api.pyc")  # compiled, from the bundle
    assert out["results"] == [api.run(thresholds, check) for check in CHECKS]
    assert out["summary"] == api.run_summary(thresholds, CHECKS[0])
    assert out["verify"] == training.verify(thresholds) == []
    assert out["debriefs"] == [
        training.debrief(thresholds, s.id, CHECKS[0], "early-help") for s in thresholds.scenarios
    ]
    assert "did you mean: l2-domestic-abuse" in out["unknown"]


def test_the_python_bundle_holds_compiled_modules_only(medway_site):
    engine = medway_site.directory / "assets" / "checker"
    manifest = json.loads((engine / "manifest.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(engine / manifest["python"]) as bundle:
        names = bundle.namelist()
        assert bundle.testzip() is None
    assert names and all(name.endswith(".pyc") for name in names)
    assert {f"levels_of_need/{path.name}c" for path in CORE.glob("*.py")} <= set(names)
    assert {f"{module}c" for module in manifest["python_modules"]["stdlib"]} | {
        f"{module}c" for module in manifest["python_modules"]["core"]
    } == set(names)
    # A fraction of Pyodide's standard library, and none of what the checker never loads.
    with zipfile.ZipFile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip") as full:
        assert len(manifest["python_modules"]["stdlib"]) < len(full.namelist()) / 3
    assert not [name for name in names if name.startswith(("sqlite3/", "email/", "http/", "multiprocessing/"))]


def test_the_python_bundle_carries_the_cores_line_numbers_but_no_column_ranges_docstrings_or_optional_modules(
    medway_site,
):
    """Issue 28's lighter python.zip: what it leaves out nothing the checker runs reads. The bundle has no
    source, so a traceback never shows the ^^^ markers that column ranges are for. The core's frames name
    their own lines; the standard library's and Pyodide's name their function's first line, a number still
    (inspect does sums with it); no docstring is left, Pyodide's included."""
    bundle = medway_site.directory / "assets" / "checker" / "python.zip"
    found = run_pyodide_script("inspect_bundle.mjs", str(bundle), str(CORE))
    assert found["code_objects"] > 1000
    assert found["with_lines"] == found["code_objects"]
    assert found["with_columns"] == 0
    assert found["stdlib_beyond_first_line"] == 0
    assert found["core_code_objects"] > 100
    assert found["core_beyond_first_line"] > found["core_code_objects"] / 3  # one-line functions have one line
    assert found["docstrings"] == []
    assert found["ssl_loaded"] is False  # asyncio, for Pyodide's event loop, does without it
    assert "JSONDecodeError: Expecting value" in found["traceback"]
    # The core's frame names the line that raised, exactly: from_json's call of json.loads.
    line = int(re.search(r'levels_of_need/model\.py", line (\d+), in from_json', found["traceback"])[1])
    assert "json.loads(" in (CORE / "model.py").read_text(encoding="utf-8").splitlines()[line - 1]
    assert found["stack_lines"] and all(isinstance(line, int) for line in found["stack_lines"])


@pytest.mark.parametrize("name", sorted(golden.PARTNERSHIP_FILES))
def test_the_sites_python_bundle_alone_gives_the_golden_checks_words_and_opens_every_saved_check(
    name, built_site, site_engine
):
    """The golden checks and practice cases, and every saved-check fixture, through each partnership's
    python.zip (no docstrings, the standard library's lines left out) and thresholds.json (no part only the
    pages show) alone: the fixture's words to the letter, and each saved file opened or refused as CPython's
    worker does with the whole file."""
    site = built_site(golden.PARTNERSHIP_FILES[name], site_engine)
    checks, practice = golden_cases(name)
    # The site's own data, without what only its pages show; CPython's worker below reads the whole file.
    data = (site.directory / "assets" / "checker" / "thresholds.json").read_text(encoding="utf-8")
    saved_files = [
        path.read_bytes().decode("utf-8-sig", errors="replace")
        for path in sorted(SAVED_CHECKS.glob("*.json"))
        if path.name != "expected.json"  # the outcomes, not a saved check
    ]
    payload = {"thresholds": data, "pages": [check["check"] for check in checks], "practice": practice}
    out = run_pyodide_script(
        "run_core.mjs",
        str(site.directory / "assets" / "checker" / "python.zip"),
        stdin=json.dumps({**payload, "opened": saved_files}),
    )
    assert out["core_from"].endswith(".zip/levels_of_need/api.pyc")
    assert_the_golden_words(out, checks, practice)
    worker.start(json.dumps(loaded(golden.PARTNERSHIP_FILES[name]).data, ensure_ascii=False))
    assert len(saved_files) > 60
    assert out["opened"] == [json.loads(worker.answer("open", json.dumps({"text": text}))) for text in saved_files]
