"""A partnership's own questions other than yes / no / not sure (issue 29, point 4): multiple choice, a
question asked only for some worries, and free text. Each is asked, listed in "Check your answers" and
stated in the summary under the part it names; rules read only declared options; a question not asked is
set aside, never assumed and never waited for; free text is the practitioner's words, carried by a saved
check (untrusted input) and read by no rule."""

from __future__ import annotations

import copy
import json

import pytest

from levels_of_need import api, saved
from levels_of_need.model import from_dict
from levels_of_need.questions import MAX_TYPED
from levels_of_need.rules import CheckError
from levels_of_need.summary import heading

CHOICE, CONDITIONAL, TYPED = "legal-status", "part-time-timetable", "language-needs"
NO = {"immediate_risk": "no", "significant_harm": "no", "social_worker": "none", "about-a-professional": "no"}
SCHOOL = "misses-school"  # a worry about school (theme school)
TIRED = "tired"  # a worry with no theme
PLAN_ADVICE = "Fictional example: the child has a plan and a social worker already"
TIMETABLE_ADVICE = "Fictional example: a child on a part-time timetable"


def raw(worry: str, **answers: str) -> dict:
    return {"indicators": [worry], "age": 9, "answers": {**NO, **answers}}


def rows(t, check: dict) -> dict[str, list[str]]:
    return {row["field"]: row["value"] for row in api.page_answer(t, check)["answers"]}


def block(summary: str, title: str) -> str:
    """The lines of the summary under one heading, up to the next blank line after them."""
    start = summary.index(title)
    return summary[start : summary.find("\n\n", start)]


# ---- Multiple choice ---------------------------------------------------------------------------------------


def test_a_multiple_choice_question_offers_its_options_then_not_sure(example):
    question = example.question(CHOICE)
    declared = [o["id"] for o in next(q for q in example.data["own_questions"] if q["id"] == CHOICE)["options"]]
    assert [o.value for o in question.options] == [*declared, "unsure"]
    assert question.options[-1].label == "I am not sure" and question.open_values == ("unsure",)


@pytest.mark.parametrize(("answer", "advised"), [("looked-after", True), ("child-in-need-plan", True), ("none", False)])
def test_the_option_chosen_brings_the_rules_advice_and_is_listed_in_its_words(example, answer, advised):
    check = raw(TIRED, **{CHOICE: answer})
    words = api.result_text(example, check)
    assert (PLAN_ADVICE in words) is advised
    label = example.question(CHOICE).option(answer).label
    assert rows(example, check)[CHOICE] == [label]
    # Under the part the question names (summary_part: professionals), never left out.
    summary = api.run_summary(example, check)
    assert f"{example.question(CHOICE).text} {label}" in block(summary, heading(example, "professionals"))


def test_not_sure_of_a_choice_leaves_the_advice_open_and_says_so(example):
    words = api.result_text(example, raw(TIRED, **{CHOICE: "unsure"}))
    assert f"You are not sure of the answer to “{example.question(CHOICE).text}”" in words
    assert PLAN_ADVICE not in words


def test_an_option_the_question_does_not_offer_is_refused_everywhere(example):
    with pytest.raises(CheckError, match=f"{CHOICE}: 'yes' is not one of: looked-after"):
        api.run_check(example, raw(TIRED, **{CHOICE: "yes"}))
    assert api.page_answer(example, raw(TIRED, **{CHOICE: "yes"}))["result"] is None
    text = saved.save_check(example, raw(TIRED, **{CHOICE: "protection-plan"}))
    assert saved.open_check(example, text)["state"]["answers"][CHOICE] == "protection-plan"
    tampered = json.loads(text)
    tampered["state"]["answers"][CHOICE] = "adopted"
    with pytest.raises(CheckError, match="an answer this self-check does not ask"):
        saved.open_check(example, json.dumps(tampered))


def with_rule(example, rule: dict):
    data = copy.deepcopy(dict(example.data))
    data["rules"].append({"text": "Fictional example: a test rule.", "source": "Fictional example", **rule})
    return from_dict(data)


def test_a_raise_rule_on_a_choice_waits_for_it_and_never_decides_on_not_sure(example):
    t = with_rule(
        example,
        {
            "id": "plan-raises",
            "kind": "raise",
            "when": {"answers": {CHOICE: ["protection-plan"]}},
            "level": "statutory-social-work",
        },
    )
    without = {k: v for k, v in raw(TIRED)["answers"].items()}
    result = api.run_check(t, {"indicators": [TIRED], "age": 9, "answers": without})
    assert (result["route"], result["missing"]) == (None, [CHOICE])
    assert api.run_check(t, raw(TIRED, **{CHOICE: "unsure"}))["unsure"] == [CHOICE]
    assert api.run_check(t, raw(TIRED, **{CHOICE: "protection-plan"}))["level_id"] == "statutory-social-work"
    for other in ("looked-after", "none"):
        assert api.run_check(t, raw(TIRED, **{CHOICE: other}))["level_id"] == "emerging"


# ---- Asked only for some worries ---------------------------------------------------------------------------


def test_the_question_is_asked_only_where_a_chosen_worry_has_its_theme(example):
    assert api.page_answer(example, raw(TIRED))["conditional_asked"] == []
    assert api.page_answer(example, raw(SCHOOL))["conditional_asked"] == [CONDITIONAL]
    assert api.page_answer(example, {**raw(TIRED), "indicators": [TIRED, SCHOOL]})["conditional_asked"] == [CONDITIONAL]
    assert CONDITIONAL in rows(example, raw(SCHOOL)) and CONDITIONAL not in rows(example, raw(TIRED))


def test_an_answer_given_then_its_worry_unticked_is_set_aside_not_assumed(example):
    """The form keeps the answer (the worry may be ticked again), but the check does not ask it: no advice,
    no row, no line in the summary, and nothing waits for it."""
    asked, set_aside = raw(SCHOOL, **{CONDITIONAL: "yes"}), raw(TIRED, **{CONDITIONAL: "yes"})
    text = example.question(CONDITIONAL).text
    assert TIMETABLE_ADVICE in api.result_text(example, asked)
    assert f"{text} Yes" in api.run_summary(example, asked)
    words = api.result_text(example, set_aside)
    assert TIMETABLE_ADVICE not in words and text not in words
    assert text not in api.run_summary(example, set_aside)
    assert CONDITIONAL not in rows(example, set_aside)
    result = api.run_check(example, set_aside)
    assert CONDITIONAL not in result["missing"] + result["unsure"] + result["advice_open"]


def test_while_its_theme_is_chosen_the_checker_asks_for_it_where_advice_depends_on_it(example):
    words = api.result_text(example, raw(SCHOOL))
    text = example.question(CONDITIONAL).text
    assert f"You have not given the answer to “{text}” Some of the guidance’s advice depends on it." in words
    assert TIMETABLE_ADVICE not in words
    assert text not in api.result_text(example, raw(TIRED))  # not asked: nothing to ask for


def with_timetable_raising(example):
    """The fictional file with a raise rule on the question asked only for school worries, needing that theme."""
    return with_rule(
        example,
        {
            "id": "timetable-raises",
            "kind": "raise",
            "when": {"themes": ["school"], "answers": {CONDITIONAL: ["yes"]}},
            "level": "targeted-early-help",
        },
    )


def test_a_raise_rule_needing_the_theme_waits_for_the_answer_only_where_it_is_asked(example):
    t = with_timetable_raising(example)
    waiting = api.run_check(t, raw(SCHOOL))
    assert (waiting["route"], waiting["missing"]) == (None, [CONDITIONAL])
    assert api.run_check(t, raw(SCHOOL, **{CONDITIONAL: "yes"}))["level_id"] == "targeted-early-help"
    assert api.run_check(t, raw(SCHOOL, **{CONDITIONAL: "no"}))["level_id"] == "emerging"
    # Not asked: the route is decided without it, and a stale "yes" raises nothing.
    for check in (raw(TIRED), raw(TIRED, **{CONDITIONAL: "yes"})):
        result = api.run_check(t, check)
        assert result["complete"] and result["missing"] == [] and result["level_id"] == "emerging"


def test_adding_the_themes_worry_never_lowers_the_level(example):
    t = with_timetable_raising(example)
    numbers = {lv.id: lv.number for lv in t.levels}
    for answer in ("yes", "no", "unsure", None):
        answers = {CONDITIONAL: answer} if answer else {}
        before = api.run_check(t, raw(TIRED, **answers))
        after = api.run_check(t, {**raw(TIRED, **answers), "indicators": [TIRED, SCHOOL]})
        assert numbers[after["level_id"]] >= numbers[before["level_id"]], answer


# ---- Free text ---------------------------------------------------------------------------------------------


def test_words_typed_are_listed_and_go_into_the_summary_under_the_part_the_question_names(example):
    typed = "Polish, for the mother (fictional)"
    check = raw(TIRED, **{TYPED: typed})
    question = example.question(TYPED)
    assert question.free_text and question.options == ()
    assert rows(example, check)[TYPED] == [typed]
    summary = api.run_summary(example, check)
    assert f"{question.text} {typed}" in block(summary, heading(example, "needs"))
    assert summary.count(typed) == 1
    assert rows(example, raw(TIRED))[TYPED] == ["Not answered"]


def test_words_typed_decide_nothing(example):
    plain = api.run_check(example, raw(TIRED))
    typed = api.run_check(example, raw(TIRED, **{TYPED: "yes"}))  # even a word an option would take
    assert {k: v for k, v in typed.items()} == plain


def test_a_saved_check_carries_the_words_and_refuses_what_is_not_words(example, thresholds):
    text = saved.save_check(example, raw(TIRED, **{TYPED: "Urdu <b>(fictional)</b>"}))
    opened = saved.open_check(example, text)["state"]
    assert opened["answers"][TYPED] == "Urdu <b>(fictional)</b>"  # kept as typed: the page shows it as text
    for bad in (["Urdu"], {"a": 1}, 7):
        tampered = json.loads(text)
        tampered["state"]["answers"][TYPED] = bad
        with pytest.raises(CheckError, match="This check is damaged"):
            saved.open_check(example, json.dumps(tampered))
    with pytest.raises(CheckError, match=f"{TYPED}: the answer is not words of at most"):
        api.run_check(example, raw(TIRED, **{TYPED: "x" * (MAX_TYPED + 1)}))
    with pytest.raises(CheckError, match="an answer this self-check does not ask"):
        saved.save_check(thresholds, {"indicators": [], "answers": {TYPED: "Urdu"}})


def test_a_check_too_long_to_save_names_the_free_text_question_among_the_longest(example):
    """Words typed to a free-text question count towards the saved file's limit like any referral detail,
    and the page's message names the question they were typed under."""
    polish = "ł" * saved.MAX_TEXT  # two bytes a character: the longest answer in the file
    state = {**raw(TIRED, **{TYPED: polish}), "details": {"worry": "x" * 20_000}}
    state["details"] |= {"impact": "y" * 20_000, "tried": "z" * 20_000}
    with pytest.raises(CheckError) as refused:
        saved.save_check(example, state)
    assert f"“{example.question(TYPED).text}” ({saved.MAX_TEXT:,} characters)" in str(refused.value)
