"""levels_of_need.worker, the Python side of the browser worker, on CPython."""

from __future__ import annotations

import json

import pytest

from levels_of_need import api, training
from levels_of_need import worker as engine


@pytest.fixture
def started(thresholds):
    engine.start(json.dumps(thresholds.data))
    yield thresholds
    engine._loaded.clear()


def ask(kind: str, payload: object) -> dict:
    return json.loads(engine.answer(kind, json.dumps(payload)))


def test_not_ready_until_started():
    engine._loaded.clear()
    assert engine.version() == ""
    assert ask("evaluate", {}) == {"ok": False, "message": "The checker is not ready yet."}


def test_start_returns_the_version_stamp(started):
    assert engine.version() == started.version


def test_evaluate_is_api_run(started):
    check = {"indicators": ["l2-domestic-abuse"], "unborn": True, "details": {"worry": "x"}}
    assert ask("evaluate", check) == {"ok": True, **api.run(started, check)}


def test_debrief_is_training_debrief(started):
    payload = {"scenario": "immediate-risk", "choices": {"indicators": []}, "committed": "universal"}
    expected = training.debrief(started, "immediate-risk", {"indicators": []}, "universal")
    assert ask("debrief", payload) == {"ok": True, "debrief": expected}


@pytest.mark.parametrize(
    ("kind", "payload", "words"),
    [
        ("evaluate", {"indicators": ["l2-nope"]}, "unknown indicator 'l2-nope'"),
        ("evaluate", {"age": "seven"}, "Enter the child’s age as a whole number of years"),
        ("debrief", {"choices": {}}, "scenario"),
        ("debrief", {"scenario": "nope"}, "unknown scenario 'nope'"),
        ("steal", {}, "unknown request 'steal'"),
    ],
)
def test_bad_requests_are_answered_never_raised(started, kind, payload, words):
    out = ask(kind, payload)
    assert out["ok"] is False
    assert words in out["message"]
