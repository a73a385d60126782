"""levels_of_need.worker, the Python side of the browser worker, on CPython."""

from __future__ import annotations

import json

import pytest

from levels_of_need import api, training
from levels_of_need import worker as engine
from levels_of_need.rules import AGE_REFUSED


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


def test_evaluate_is_api_page_answer_which_is_api_run_with_the_answers(started):
    check = {"indicators": ["l2-domestic-abuse"], "unborn": True, "details": {"worry": "x"}}
    answer = api.page_answer(started, check)
    assert ask("evaluate", check) == {"ok": True, **answer}
    form_only = ("problem", "answers", "required", "age_notes", "age_notice", "conditional_asked")  # the form
    assert {k: v for k, v in answer.items() if k not in form_only} == api.run(started, check)
    # What the result still needs, for Continue to ask for: the first question here.
    assert answer["required"] == [
        {
            "field": "immediate_risk",
            "message": "Answer the question: Is the child at imminent and significant risk of harm now?",
        }
    ]


def test_evaluate_reports_a_problem_with_the_answers_in_place_of_a_result(started):
    out = ask("evaluate", {"age": "seven"})
    assert out["ok"] is True and out["result"] is None and out["summary"] == ""
    assert out["problem"] == {"message": AGE_REFUSED, "field": "age"}
    assert out["answers"][1] == {
        "field": "age",
        "key": "The child’s age",
        "value": ["“seven” (not a whole number of years)"],
        "change": "your answer to “The child’s age”",
    }


def test_an_unknown_indicator_is_a_problem_not_a_crash(started):
    out = ask("evaluate", {"indicators": ["l2-nope"]})
    assert out["ok"] is True and out["result"] is None
    assert "unknown indicator 'l2-nope'" in out["problem"]["message"]


def test_save_and_open_go_through_the_core(started):
    text = ask("save", {"indicators": ["l2-bereavement"], "age": "4"})["text"]
    opened = ask("open", {"text": text})
    assert opened["ok"] is True and opened["state"]["indicators"] == ["l2-bereavement"]
    refused = ask("open", {"text": "not json"})
    assert refused == {"ok": False, "message": "This file is not a saved check: it is not a JSON file.", "field": None}


def test_debrief_is_training_debrief(started):
    payload = {"scenario": "immediate-risk", "choices": {"indicators": []}, "committed": "universal"}
    expected = training.debrief(started, "immediate-risk", {"indicators": []}, "universal")
    assert ask("debrief", payload) == {"ok": True, "debrief": expected}


@pytest.mark.parametrize(
    ("kind", "payload", "words"),
    [
        # Python's own words (a KeyError's 'scenario') are never shown: the page's are.
        ("debrief", {"choices": {}}, "The checker could not do this."),
        ("debrief", {"scenario": "nope"}, "unknown scenario 'nope'"),
        ("steal", {}, "unknown request 'steal'"),
    ],
)
def test_bad_requests_are_answered_never_raised(started, kind, payload, words):
    out = ask(kind, payload)
    assert out["ok"] is False
    assert words in out["message"]
