"""The saved-check fixtures on disk are exactly what their script writes."""

from __future__ import annotations

import importlib.util
import json

from conftest import ROOT


def test_the_fixtures_are_in_step_with_their_script():
    spec = importlib.util.spec_from_file_location(
        "make_saved_checks", ROOT / "tests" / "fixtures" / "make_saved_checks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    here = ROOT / "tests" / "fixtures" / "saved-checks"
    expected = json.loads((here / "expected.json").read_text(encoding="utf-8"))
    assert expected == {f"{name}.json": outcome for name, (_, outcome) in module.FIXTURES.items()} | {
        "invalid-utf8.json": "refused"
    }
    for name, (text, _) in module.FIXTURES.items():
        assert (here / f"{name}.json").read_text(encoding="utf-8") == text, name
    assert (here / "invalid-utf8.json").read_bytes() == module.INVALID_UTF8
