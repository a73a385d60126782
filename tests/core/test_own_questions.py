"""A partnership's own yes / no / not sure questions: asked with the check's own, used by its rules, asked
for while advice depends on them, decided like the check's own where a rule decides a level on one,
and carried by a saved check, which is untrusted input."""

from __future__ import annotations

import copy
import json

import pytest

from levels_of_need import api, saved
from levels_of_need.model import from_dict
from levels_of_need.rules import CheckError

QUESTION = "about-a-professional"
TEXT = "Is the concern about someone who works with children? (fictional)"
LADO_ADVICE = "Fictional example: tell the Local Authority Designated Officer (LADO)"
LADO = "Exampleton LADO (fictional): 01632 960555"
NO = {"immediate_risk": "no", "significant_harm": "no", "social_worker": "none", "legal-status": "none"}
TIRED = {"indicators": ["tired"], "age": 9}


def run(t, answers: dict) -> tuple[dict, str]:
    raw = {**TIRED, "answers": {**NO, **answers}}
    return api.run_check(t, raw), api.result_text(t, raw)


def test_the_question_is_one_of_the_checks_questions_in_the_files_words(example):
    question = example.question(QUESTION)
    assert question.own and question.text == TEXT
    assert [(o.value, o.label) for o in question.options] == [("yes", "Yes"), ("no", "No"), ("unsure", "I am not sure")]
    rows = api.page_answer(example, {"answers": {QUESTION: "yes"}})["answers"]
    assert next(r for r in rows if r["field"] == QUESTION) == {
        "field": QUESTION,
        "key": TEXT,
        "value": ["Yes"],
        "change": f"your answer to “{TEXT}”",
    }


def test_yes_brings_the_advice_with_its_contact_and_no_leaves_it_out(example):
    result, words = run(example, {QUESTION: "yes"})
    assert [a["id"] for a in result["advice"]] == ["concern-about-a-professional"]
    assert LADO_ADVICE in words and LADO in words
    assert result["advice_open"] == [] and "depends on your answer" not in words
    result, words = run(example, {QUESTION: "no"})
    assert result["advice"] == [] and LADO_ADVICE not in words and result["advice_open"] == []
    # Advice never changes the level or the route.
    assert run(example, {QUESTION: "yes"})[0]["route"] == run(example, {QUESTION: "no"})[0]["route"] == "universal-plus"


@pytest.mark.parametrize("answer", [None, "unsure"])
def test_the_checker_asks_while_advice_depends_on_the_answer(example, answer):
    result, words = run(example, {QUESTION: answer} if answer else {})
    assert result["advice_open"] == [QUESTION]
    said = "You are not sure of" if answer else "You have not given"
    assert f"{said} the answer to “{TEXT}” Some of the guidance’s advice depends on it." in words
    assert result["complete"] and result["route"] == "universal-plus"  # the level and route do not wait for it
    assert LADO_ADVICE not in words  # never assumed


@pytest.mark.parametrize("answer", [None, "unsure"])
def test_advice_that_hangs_on_one_of_the_forms_own_questions_is_said_too(example, answer):
    """Not only the partnership's questions: the file's advice on an allocated social worker waits for that
    answer as well, and the result says so rather than leave the advice out unsaid."""
    answers = {"immediate_risk": "no", "significant_harm": "no", QUESTION: "no", "legal-status": "none"}
    raw = {**TIRED, "answers": {**answers, "social_worker": answer} if answer else answers}
    result, words = api.run_check(example, raw), api.result_text(example, raw)
    assert result["advice_open"] == ["social_worker"]
    question = example.question("social_worker").text
    said = "You are not sure of" if answer else "You have not given"
    assert f"{said} the answer to “{question}” Some of the guidance’s advice depends on it." in words
    assert result["route"] == "universal-plus"


def with_a_deciding_question(example):
    """The fictional file with a raise rule on the partnership's question: then it decides like the
    check's own questions (missing while unanswered, and "not sure" leaves the route open)."""
    data = copy.deepcopy(dict(example.data))
    data["rules"].append(
        {
            "id": "professional-raises",
            "kind": "raise",
            "when": {"answers": {QUESTION: ["yes"]}},
            "route": "protection-enquiry",
            "text": "Fictional example: a test rule.",
            "source": "Fictional example",
        }
    )
    return from_dict(data)


def test_a_question_a_raise_rule_reads_decides_like_the_checks_own(example):
    t = with_a_deciding_question(example)
    result, words = run(t, {})
    assert (result["route"], result["missing"]) == (None, [QUESTION])
    assert f"until you answer:\n\n- {TEXT}" in words
    result, _ = run(t, {QUESTION: "unsure"})
    assert (result["route"], result["unsure"]) == (None, [QUESTION])
    assert run(t, {QUESTION: "yes"})[0]["route"] == "protection-enquiry"
    assert run(t, {QUESTION: "no"})[0]["route"] == "universal-plus"


def test_an_answer_the_question_does_not_have_is_refused(example, thresholds):
    with pytest.raises(CheckError, match=f"{QUESTION}: 'maybe' is not one of: yes, no, unsure"):
        run(example, {QUESTION: "maybe"})
    with pytest.raises(CheckError, match=f"unknown question '{QUESTION}'"):
        api.run_check(thresholds, {"answers": {QUESTION: "yes"}})


def test_a_saved_check_carries_the_answer_and_refuses_one_the_file_does_not_ask(example, thresholds):
    state = {**TIRED, "answers": {**NO, QUESTION: "yes"}}
    text = saved.save_check(example, state)
    opened = saved.open_check(example, text)["state"]
    assert opened["answers"][QUESTION] == "yes"
    assert LADO_ADVICE in api.result_text(example, opened)
    tampered = json.loads(text)
    tampered["state"]["answers"][QUESTION] = "<b>yes</b>"
    with pytest.raises(CheckError, match="an answer this self-check does not ask"):
        saved.open_check(example, json.dumps(tampered))
    with pytest.raises(CheckError, match="an answer this self-check does not ask"):
        saved.save_check(thresholds, {"indicators": [], "answers": {QUESTION: "yes"}})
