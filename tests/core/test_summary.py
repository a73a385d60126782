"""The referral summary: structured by the partnership's questions, no identifying details needed."""

from __future__ import annotations

from levels_of_need.rules import Check, Override, evaluate
from levels_of_need.summary import PLACEHOLDER_DETAILS, Details, render_markdown, render_text


def make(thresholds, check, details: Details | None = None):
    details = details or Details()
    result = evaluate(thresholds, check)
    return render_text(thresholds, check, result, details), render_markdown(thresholds, check, result, details)


def test_summary_follows_the_six_questions_signs_of_safety_and_childs_voice(thresholds):
    _text, markdown = make(thresholds, Check(indicators=frozenset({"l2-bereavement"})))
    headings = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    questions = [q["question"] for q in thresholds.data["referral_questions"]]
    assert [h.split(". ", 1)[1] for h in headings if h[0].isdigit()] == questions
    assert "Signs of Safety: what are we worried about?" in headings
    assert "Signs of Safety: what is working well?" in headings
    assert "Signs of Safety: what needs to happen?" in headings
    assert "The child’s voice" in headings
    assert headings[0] == "Suggested level"


def test_summary_states_level_reasons_and_version(thresholds):
    text, _ = make(
        thresholds, Check(indicators=frozenset({"l2-domestic-abuse"}), age=0, answers={"immediate_risk": "no"})
    )
    assert "Suggested level: Level 3: Statutory Social Care, Child protection (s.47)." in text
    assert "automatically at significant risk of harm" in text
    assert thresholds.version in text
    # The MASH manager confirms a BRAG rating (seed 004): the referrer's summary never states one.
    assert "BRAG" not in text


def test_an_unfinished_check_says_so_in_the_summary_and_names_no_route(thresholds):
    text, _ = make(thresholds, Check(indicators=frozenset({"l3-suspicious-injury"}), age=9))
    assert "Suggested level: Level 3: Statutory Social Care. The route is not decided yet." in text
    assert "The checker does not suggest the route until you answer:" in text
    assert "Is the child at imminent and significant risk of harm now?" in text
    assert "Child in need (s.17)" not in text and "Child protection (s.47)" not in text


def test_a_challenged_answer_is_in_the_summary(thresholds):
    check = Check(
        indicators=frozenset({"l3-fabricated-illness"}),
        age=4,
        answers={"immediate_risk": "no", "significant_harm": "no"},
    )
    text, _ = make(thresholds, check)
    assert "Answers the checker asked the referrer to check" in text
    assert "You chose “Fabricated or induced illness" in text
    confirmed, _ = make(thresholds, Check(**{**check.__dict__, "confirmed": frozenset({"l3-fabricated-illness"})}))
    assert "You confirmed your answer “No”" in confirmed


def test_summary_records_disagreement_with_its_reason(thresholds):
    check = Check(
        indicators=frozenset({"l2-bereavement"}),
        age=5,
        answers={"immediate_risk": "no", "significant_harm": "no"},
        override=Override("statutory", "third loss this year"),
    )
    text, _ = make(thresholds, check)
    assert "The referrer considers Level 3: Statutory Social Care to be right, rather than the suggested" in text
    assert "Reason given: third loss this year" in text


def test_summary_uses_placeholders_and_never_needs_identifying_details(thresholds):
    text, _ = make(thresholds, Check(age=7))
    for placeholder in PLACEHOLDER_DETAILS:
        assert placeholder in text
    assert "Age: 7 years" in text


def test_every_form_field_is_a_summary_detail():
    from dataclasses import fields

    from levels_of_need.summary import DETAIL_LABELS

    assert list(DETAIL_LABELS) == [f.name for f in fields(Details)]


def test_summary_carries_the_referrers_words(thresholds):
    details = Details(
        worry="W1",
        impact="I1",
        tried="T1",
        worked="K1",
        professionals="P1",
        child_voice="C1",
        strengths="S1",
        needs="N1",
        family_view="F1",
        availability="A1",
    )
    check = Check(
        indicators=frozenset({"l1-supportive-networks", "l2-bereavement"}),
        answers={"consent": "not-sought"},
        consent_note="risk of FGM",
    )
    text, _ = make(thresholds, check, details)
    for words in (
        "W1",
        "I1",
        "T1",
        "K1",
        "P1",
        "C1",
        "S1",
        "N1",
        "F1",
        "A1",
        "Consent not sought.",
        "risk of FGM",
        "Supportive networks",
    ):
        assert words in text


def test_emergency_summary_lists_the_numbers(thresholds):
    text, _ = make(thresholds, Check(answers={"immediate_risk": "yes"}))
    assert "IMMEDIATE RISK" in text and "999" in text and "01634 334466" in text
