"""The checker core (and the training debrief) runs unchanged in Pyodide (Python 3.14) and agrees with CPython."""

from __future__ import annotations

import json

from conftest import ROOT, run_pyodide_script

from levels_of_need import api, training

CORE = ROOT / "core" / "levels_of_need"
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


def test_core_in_pyodide_gives_the_same_results_as_cpython(thresholds):
    payload = {
        "files": {f"levels_of_need/{path.name}": path.read_text(encoding="utf-8") for path in CORE.glob("*.py")},
        "thresholds": json.dumps(thresholds.data, ensure_ascii=False),
        "checks": CHECKS,
    }
    out = run_pyodide_script("run_core.mjs", stdin=json.dumps(payload))
    assert out["python"].startswith("3.14")
    assert out["results"] == [api.run(thresholds, check) for check in CHECKS]
    assert out["summary"] == api.run_summary(thresholds, CHECKS[0])
    assert out["verify"] == training.verify(thresholds) == []
    assert out["debriefs"] == [
        training.debrief(thresholds, s.id, CHECKS[0], "early-help") for s in thresholds.scenarios
    ]
