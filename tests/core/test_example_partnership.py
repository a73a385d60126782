"""A second, fictional partnership that differs from Medway's wherever a partnership may differ: the
core takes every level, route, question, age and word from its file, and nothing from Medway's."""

from __future__ import annotations

import pytest

from levels_of_need.api import result_text
from levels_of_need.rules import Check, CheckError, evaluate
from levels_of_need.summary import Details, render_markdown, render_text

NO = {"immediate_risk": "no", "significant_harm": "no", "consent": "given"}


def test_example_is_clearly_fictional(example):
    assert "not real guidance" in example.partnership.name
    assert all("fictional" in i.text for i in example.indicators)
    assert "Medway" not in str(example.data)


def test_it_differs_from_medway_where_a_partnership_may(thresholds, example):
    assert [lv.name for lv in example.levels] == [
        "Thriving",
        "Emerging needs",
        "Targeted early help",
        "Statutory social work",
    ]
    assert len(thresholds.levels) == 3
    assert not {d.name for d in example.domains} & {d.name for d in thresholds.domains}
    assert all(route.brag is None for _, route in example.routes()) and "brag" not in example.data
    # Medway's documents give no BRAG either (only seed 004, a blog post on another MASH, does).
    assert all(route.brag is None for _, route in thresholds.routes()) and "brag" not in thresholds.data
    assert "signs_of_safety" not in example.data
    # Both escalate by stages; Exampleton's names a contact for a stage, Medway's names none.
    assert any("contact" in stage for stage in example.data["escalation"]["stages"])
    assert not any("contact" in stage for stage in thresholds.data["escalation"]["stages"])
    assert len(example.areas) == 2 and not thresholds.areas
    assert len(example.referral_questions) == 5 and len(thresholds.referral_questions) == 6
    assert example.referral_questions[3].receives == ("consent",)
    assert thresholds.referral_questions[0].receives == ("consent",)
    assert (example.age_range.oldest, thresholds.age_range.oldest) == (24, 18)
    own = {s for i in example.indicators for s in i.synonyms}
    assert len(own - {s for i in thresholds.indicators for s in i.synonyms}) >= 5


def test_four_levels_each_reachable_level_3_targeted_early_help_and_level_4_statutory(example):
    cases = {"trusted-adult": 1, "tired": 2, "damp-home": 3, "left-alone": 4}
    for indicator, level in cases.items():
        assert evaluate(example, Check(indicators=frozenset({indicator}), age=9, answers=NO)).level.number == level
    targeted = evaluate(example, Check(indicators=frozenset({"damp-home"}), age=9, answers=NO))
    assert (targeted.level.name, targeted.route.id, targeted.route.consent_required) == (
        "Targeted early help",
        "family-help",
        True,
    )
    statutory = evaluate(example, Check(indicators=frozenset({"left-alone"}), age=9, answers=NO))
    assert (statutory.level.name, statutory.route.id) == ("Statutory social work", "child-in-need-assessment")


def test_example_rules_apply(example):
    tired = evaluate(example, Check(indicators=frozenset({"tired"}), age=2, answers=NO))
    assert tired.level.id == "targeted-early-help"
    assert evaluate(example, Check(indicators=frozenset({"tired"}), age=3, answers=NO)).level.id == "emerging"
    harm = evaluate(example, Check(age=9, answers={**NO, "significant_harm": "yes"}))
    assert (harm.level.number, harm.route.id) == (4, "protection-enquiry")
    assert harm.next_steps[0].text == "Fictional example: telephone the front door now."
    emergency = evaluate(example, Check(answers={"immediate_risk": "yes"}))
    assert emergency.emergency and [c.phone for c in emergency.emergency_contacts] == ["999", "01632 960000"]


def test_may_is_advice_and_never_a_raise(example):
    # In Southwick: the file's advice for Northdale only is not this child's (tests/core/test_districts.py).
    answers = {**NO, "support_not_improving": "yes", "area": "southwick"}
    check = Check(indicators=frozenset({"damp-home"}), age=9, answers=answers)
    result = evaluate(example, check)
    assert result.level.id == "targeted-early-help"
    assert [rule.id for rule in result.advice] == ["help-not-enough"]


def test_its_own_age_range_a_young_adult_is_checked_and_advised(example, thresholds):
    young_adult = evaluate(example, Check(indicators=frozenset({"out-of-school"}), age=24, answers=NO))
    assert young_adult.level.id == "targeted-early-help"
    assert "young-adult" in [rule.id for rule in young_adult.advice]
    with pytest.raises(CheckError, match="Enter an age from 0 to 24: this guidance is for children and young people"):
        evaluate(example, Check(age=25))
    with pytest.raises(CheckError, match="Enter an age from 0 to 18"):
        evaluate(thresholds, Check(age=24))


def test_its_own_wording_of_the_consent_question(example):
    text = result_text(example, {"age": 9, "indicators": ["damp-home"], "answers": NO})
    assert "Suggested level: Level 3: Targeted early help." in text
    assert example.question("consent").text == "Does the family know about this request, and do they agree to it?"
    assert [o.label for o in example.question("consent").options] == [
        "Yes, they agree",
        "No, they do not agree",
        "They have not been asked",
        "I am not sure",  # the checker's own, which the file leaves as it is
    ]


def test_the_summary_follows_its_five_questions_in_its_order(example):
    check = Check(indicators=frozenset({"out-of-school"}), age=20, answers={**NO, "consent": "refused"})
    details = Details(worry="W1", tried="T1", professionals="P1")
    result = evaluate(example, check)
    markdown = render_markdown(example, check, result, details)
    headings = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    assert [h.replace("\\", "") for h in headings[:5]] == [
        "1. What is worrying you, and how does it affect the child? (fictional)",
        "2. Which level of need do you think this is, and why? (fictional)",
        "3. What has been tried already, and who else is involved? (fictional)",
        "4. Does the family know about this request, and do they agree? (fictional)",
        "5. The child's details (fictional)",
    ]
    assert "Suggested level" not in headings  # the second question receives it
    text = render_text(example, check, result, details)
    level_question = text.index("2. Which level of need")
    assert text.index("Suggested level: Level 3: Targeted early help.") > level_question
    assert text.index("Consent refused.") > text.index("4. Does the family know")
    assert text.index("What has been tried:\nT1\nOther professionals involved:\nP1") > text.index("3. What has been")
    for placeholder in ("[Child’s name]", "[School or nursery]"):
        assert text.index(placeholder) > text.index("5. The child's details")
    assert "[Ethnicity]" not in text  # Medway's list, not Exampleton's
    assert "Age: 20 years" in text


def test_example_carries_its_own_version(example):
    result = evaluate(example, Check())
    assert result.thresholds_version.startswith("0.9-example (")
