"""Not sure, everywhere a practitioner may not know: each of the check's questions offers "I am not sure",
which leaves it open; where the result depends on it, the result says so and suggests no route. A baby's
age in months is recorded and summarised as given."""

from __future__ import annotations

import pytest
from conftest import youngest_age

from levels_of_need import api
from levels_of_need.questions import QUESTIONS, UNSURE
from levels_of_need.rules import trials

ASKED = ("immediate_risk", "significant_harm", "support_not_improving", "social_worker", "consent")


def test_each_question_a_practitioner_may_not_know_offers_not_sure_which_leaves_it_open():
    for question in QUESTIONS:
        assert question.id in ASKED
        assert UNSURE in question.values and UNSURE in question.open_values, question.id
        assert question.option(UNSURE).label == "I am not sure"


@pytest.mark.parametrize("which", ["thresholds", "example"])
@pytest.mark.parametrize("question_id", ASKED)
def test_not_sure_suggests_no_route_where_the_result_depends_on_it_and_says_so(which, question_id, request):
    thresholds = request.getfixturevalue(which)
    question = thresholds.question(question_id)
    depends_somewhere = False
    for indicator in [None, *(i for i in thresholds.indicators if not i.is_strength)]:
        decided = {
            q.id: q.decided_values[-1] if q.id != "immediate_risk" else "no"
            for q in thresholds.questions
            if not q.free_text  # words typed decide nothing
        }
        raw = {
            "indicators": [indicator.id] if indicator else [],
            "age": youngest_age(thresholds),
            "answers": {**decided, question_id: UNSURE},
        }
        answer = api.run(thresholds, raw)
        result = answer["result"]
        check = api.check_from_dict(raw)
        _, outcomes = trials(thresholds, check)
        depends = len({(r.level.id, r.route.id, r.emergency is not None) for r in outcomes.values()}) > 1
        text = " ".join(api.result_text(thresholds, raw).split())
        if question_id in result["unsure"]:
            depends_somewhere = True
            assert result["route"] is None and not result["complete"], (question_id, indicator)
            assert f"You are not sure of the answer to “{question.text}”" in text
            assert "the checker does not suggest one" in text
        else:
            # Not sure of an answer the result does not depend on: the result stands, decided by the rest.
            assert not depends or result["missing"] or result["challenges"], (question_id, indicator)
        # "Check your answers" lists it as given.
        rows = api.page_answer(thresholds, raw)["answers"]
        assert next(row for row in rows if row["field"] == question_id)["value"][0] == question.option(UNSURE).label
    if question_id in ("immediate_risk", "significant_harm"):
        assert depends_somewhere  # the rules read these: "not sure" of them always leaves the route open


def test_not_sure_of_immediate_risk_shows_the_guidances_emergency_words_and_who_to_call(thresholds):
    raw = {"indicators": [], "age": 5, "answers": {"immediate_risk": UNSURE}}
    result = api.run(thresholds, raw)["result"]
    assert not result["emergency"] and result["route"] is None
    text = " ".join(api.result_text(thresholds, raw).split())
    for rule in thresholds.rules:
        if rule.kind == "emergency":
            assert " ".join(rule.text.split()) in text
            for contact in rule.contacts:
                assert contact.name in text


@pytest.mark.parametrize("typed", ["7 months", "7 month", " 7 months ", "7 mths", "7m"])
def test_a_babys_age_in_months_is_recorded_and_summarised_as_given(thresholds, typed):
    raw = {"indicators": [], "age": typed, "answers": {"immediate_risk": "no"}}
    check = api.check_from_dict(raw)
    assert (check.age, check.age_months, check.age_text) == (0, 7, None)
    answer = api.page_answer(thresholds, raw)
    assert answer["problem"] is None
    assert next(row for row in answer["answers"] if row["field"] == "age")["value"] == ["7 months"]
    assert "Age: 7 months" in answer["summary"]
    assert "0 years" not in answer["summary"]


def test_a_babys_age_in_months_meets_the_guidances_rules_for_under_ones(thresholds):
    """Rules written for babies under one apply to "7 months" as to age 0."""
    months = api.run_check(thresholds, {"indicators": ["l2-domestic-abuse"], "age": "7 months", "answers": {}})
    years = api.run_check(thresholds, {"indicators": ["l2-domestic-abuse"], "age": 0, "answers": {}})
    assert (months["level"], [r["id"] for r in months["reasons"]]) == (
        years["level"],
        [r["id"] for r in years["reasons"]],
    )


@pytest.mark.parametrize("typed", ["12 months", "about 14", "7 weeks", "-1"])
def test_other_ages_are_refused_with_a_message_that_says_how_to_give_one(thresholds, typed):
    answer = api.page_answer(thresholds, {"age": typed, "answers": {"immediate_risk": "no"}})
    assert answer["problem"]["field"] == "age"
    assert "7 months" in answer["problem"]["message"]
