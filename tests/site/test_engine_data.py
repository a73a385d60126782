"""The checker's data in the browser (thresholds.json, bundle.engine_data) leaves out what only the site's
pages show, and the checker says exactly what it says from the whole file: the same version stamp, the
golden checks' and practice cases' words to the letter, every saved-check fixture opened or refused alike,
the presenter's session alike. (tests/core/test_pyodide_core.py runs the same through a built site's own
python.zip and thresholds.json.)"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import golden
import pytest
from conftest import loaded
from test_pyodide_core import session_request

from levels_of_need import api, model, training, training_session, worker
from toolkit.publish.bundle import SHOWN_ONLY, SHOWN_ONLY_IN_ITEMS, engine_data
from toolkit.publish.finish import languages_of

SAVED_CHECKS = Path(__file__).resolve().parents[1] / "fixtures" / "saved-checks"
FIXTURE = golden.load()


@functools.cache
def in_browser(name: str) -> model.Thresholds:
    """A partnership's thresholds as the browser's Python reads them: from the build's JSON."""
    return model.from_json(json.dumps(engine_data(loaded(golden.PARTNERSHIP_FILES[name])), ensure_ascii=False))


def saved_files() -> list[str]:
    return [
        path.read_bytes().decode("utf-8-sig", errors="replace")
        for path in sorted(SAVED_CHECKS.glob("*.json"))
        if path.name != "expected.json"  # the outcomes, not a saved check
    ]


def test_the_browsers_data_leaves_out_what_only_the_pages_show(thresholds):
    """Not a vacuous proof: Medway's file has the guidance's sections, everyday words and vignettes, and the
    browser's data has none of them, and is smaller by most of them."""
    data = engine_data(thresholds)
    assert thresholds.data["guidance"] and any(i.get("synonyms") for i in thresholds.data["indicators"])
    assert all(scenario["vignette"] for scenario in thresholds.data["scenarios"])
    assert not SHOWN_ONLY & set(data)
    assert not [
        key for section, keys in SHOWN_ONLY_IN_ITEMS.items() for item in data[section] for key in keys & set(item)
    ]
    whole, sent = (len(json.dumps(d, ensure_ascii=False)) for d in (thresholds.data, data))
    assert sent < 0.75 * whole


@pytest.mark.parametrize("name", sorted(golden.PARTNERSHIP_FILES))
def test_the_browsers_data_has_the_whole_files_version_in_every_language(name):
    """The stamp on every result and saved file names the whole file, the default language's and each other
    language's site alike (a saved check opens on another language's site of the same file)."""
    whole = loaded(golden.PARTNERSHIP_FILES[name])
    for thresholds in [whole, *(t for _, t in languages_of(whole))]:
        browser = model.from_json(json.dumps(engine_data(thresholds), ensure_ascii=False))
        assert browser.version == thresholds.version
        assert browser.language == thresholds.language


@pytest.mark.parametrize("name", sorted(golden.PARTNERSHIP_FILES))
def test_the_browsers_data_gives_the_golden_checks_and_practice_words(name):
    checks = [check for check in FIXTURE["checks"] if check["partnership"] == name]
    practice = [case for case in FIXTURE["practice"] if case["partnership"] == name]
    assert checks and practice
    for check in checks:
        shown = golden.page_texts(api.page_answer(in_browser(name), check["check"]))
        assert shown == {key: check[key] for key in shown}, check["name"]
    for case in practice:
        debrief = training.debrief(in_browser(name), case["scenario"], case["choices"], case["committed"])
        assert golden.debrief_text(debrief) == case["debrief"], case["name"]


@pytest.mark.parametrize("name", sorted(golden.PARTNERSHIP_FILES))
def test_the_browsers_data_opens_every_saved_check_and_session_as_the_whole_file_does(name):
    whole = loaded(golden.PARTNERSHIP_FILES[name])
    texts = saved_files()
    assert len(texts) > 60

    def opened(data: dict) -> list[dict]:
        worker.start(json.dumps(data, ensure_ascii=False))
        return [json.loads(worker.answer("open", json.dumps({"text": text}))) for text in texts]

    assert opened(engine_data(whole)) == opened(dict(whole.data))
    session = session_request(whole)
    assert training_session.page_answer(in_browser(name), session) == training_session.page_answer(whole, session)
    assert training.verify(in_browser(name)) == training.verify(whole) == []
