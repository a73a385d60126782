"""The referral summary: structured by the partnership's questions, no identifying details needed."""

from __future__ import annotations

import copy
import functools
import re

import pytest

from levels_of_need.model import from_dict
from levels_of_need.rules import Check, Override, evaluate
from levels_of_need.summary import PARTS, Details, heading, render_markdown, render_text


def make(thresholds, check, details: Details | None = None):
    details = details or Details()
    result = evaluate(thresholds, check)
    return render_text(thresholds, check, result, details), render_markdown(thresholds, check, result, details)


def headings_of(markdown: str) -> list[str]:
    return [line[3:] for line in markdown.splitlines() if line.startswith("## ")]


def test_summary_follows_the_partnerships_referral_questions_then_the_parts_no_question_receives(thresholds):
    _text, markdown = make(thresholds, Check(indicators=frozenset({"l2-bereavement"})))
    headings = headings_of(markdown)
    questions = [" ".join(q.question.split()) for q in thresholds.referral_questions]
    assert [h.split(". ", 1)[1] for h in headings if h[0].isdigit()] == questions
    # Medway's six questions receive consent, age, professionals, worries, tried and availability:
    # the level comes first under its own heading, the other parts after the questions.
    assert headings[0] == "Suggested level"
    assert headings[-4:] == [
        "What are their strengths and positive attributes?",
        "What should happen next",
        "The child’s voice",
        "Thresholds",
    ]
    assert not [h for h in headings if "Signs of Safety" in h]


def test_each_part_goes_under_the_question_that_receives_it_and_nowhere_else(thresholds):
    details = Details(worry="W1", tried="T1", professionals="P1", availability="A1", child_voice="C1")
    check = Check(indicators=frozenset({"l2-bereavement"}), age=7, answers={"consent": "given"})
    text, markdown = make(thresholds, check, details)
    sections = dict(zip(headings_of(markdown), markdown.split("\n## ")[1:], strict=True))
    under = {
        thresholds.referral_question_receiving(part).id: section
        for heading, section in sections.items()
        for part in ("consent", "age", "worries", "tried", "professionals", "availability")
        if heading.split(". ", 1)[-1] == " ".join(thresholds.referral_question_receiving(part).question.split())
    }
    assert "Consent given." in under["consent"]
    assert "Age: 7 years" in under["personal-details"]
    assert "W1" in under["concerns"] and "Concerns about the impact of bereavement" not in under["consent"]
    assert "T1" in under["what-has-been-done"] and "P1" in under["other-professionals"]
    assert "A1" in under["availability"]
    for words in ("W1", "T1", "P1", "A1", "C1", "Age: 7 years", "Consent given."):
        assert text.count(words) == 1, words


def test_the_referral_questions_ids_are_the_partnerships_own_and_change_nothing(thresholds):
    renamed = copy.deepcopy(dict(thresholds.data))
    for n, question in enumerate(renamed["referral_questions"]):
        question["id"] = f"question-{n}"
    check = Check(indicators=frozenset({"l2-bereavement"}), age=7, answers={"consent": "refused"})
    details = Details(worry="W1", professionals="P1")
    other = from_dict(renamed)
    stamped = [
        text.replace(other.content_hash[:12], thresholds.content_hash[:12]) for text in make(other, check, details)
    ]
    assert stamped == list(make(thresholds, check, details))


def test_without_referral_questions_every_part_has_its_own_heading(thresholds):
    bare = from_dict({k: v for k, v in thresholds.data.items() if k != "referral_questions"})
    _text, markdown = make(bare, Check(age=3), Details(worry="W1"))
    # Each under its own heading: the practice framework's (Medway's: Signs of Safety), else the plain one.
    assert headings_of(markdown) == [*(heading(bare, part.id) for part in PARTS), "Thresholds"]


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
    assert "The checker does not suggest the route until I answer:" in text
    assert "Is the child at imminent and significant risk of harm now?" in text
    assert "Child in need (s.17)" not in text and "Child protection (s.47)" not in text


def test_a_challenged_answer_is_in_the_summary(thresholds):
    check = Check(
        indicators=frozenset({"l3-fabricated-illness"}),
        age=4,
        answers={"immediate_risk": "no", "significant_harm": "no"},
    )
    text, _ = make(thresholds, check)
    assert "Answers the checker asked me to check" in text
    assert "I chose “Fabricated or induced illness" in text
    confirmed, _ = make(thresholds, Check(**{**check.__dict__, "confirmed": frozenset({"l3-fabricated-illness"})}))
    assert "I confirmed my answer “No”" in confirmed


def test_summary_records_disagreement_with_its_reason(thresholds):
    check = Check(
        indicators=frozenset({"l2-bereavement"}),
        age=5,
        answers={"immediate_risk": "no", "significant_harm": "no"},
        override=Override("statutory", "third loss this year"),
    )
    text, _ = make(thresholds, check)
    assert "I consider Level 3: Statutory Social Care to be right, rather than the suggested" in text
    assert "My reason: third loss this year" in text


def test_summary_uses_the_partnerships_placeholders_and_never_needs_identifying_details(thresholds):
    text, _ = make(thresholds, Check(age=7))
    placeholders = thresholds.referral_question_receiving("age").placeholders
    assert "Date of birth" in placeholders
    for placeholder in placeholders:
        assert f"[{placeholder}]" in text
    assert "Age: 7 years" in text


def test_every_form_field_is_a_summary_detail():
    from dataclasses import fields

    from levels_of_need.summary import DETAIL_LABELS

    # "parts" holds what was typed for the parts a practice framework adds, by their ids (tests/core/
    # test_framework_parts.py): every fixed box is a field of its own.
    assert [*DETAIL_LABELS, "parts"] == [f.name for f in fields(Details)]


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


def guidance_strings(data) -> list[str]:
    """Every string of the partnership's file, longest first: its words, which the summary quotes as written."""
    if isinstance(data, str):
        return [" ".join(data.split())]
    items = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return sorted({text for item in items for text in guidance_strings(item) if text}, key=len, reverse=True)


VOICES = {
    "not sure of harm, help and consent": Check(
        indicators=frozenset({"l2-bereavement"}),
        age=7,
        answers={"immediate_risk": "no", "significant_harm": "unsure", "support_not_improving": "unsure"},
    ),
    "not sure of immediate risk": Check(
        indicators=frozenset({"l3-fabricated-illness"}), answers={"immediate_risk": "unsure"}
    ),
    "unfinished": Check(indicators=frozenset({"l3-suspicious-injury"}), age=9),
    "challenged": Check(
        indicators=frozenset({"l3-fabricated-illness"}),
        age=4,
        answers={"immediate_risk": "no", "significant_harm": "no"},
    ),
    "challenge confirmed": Check(
        indicators=frozenset({"l3-fabricated-illness"}),
        age=4,
        answers={"immediate_risk": "no", "significant_harm": "no"},
        confirmed=frozenset({"l3-fabricated-illness"}),
        confirm_note="a known condition",
    ),
    "written for another age": Check(
        indicators=frozenset({"l2-bereavement", "l3-complex-disability"}), age=0, answers={"immediate_risk": "no"}
    ),
    "a view of its own": Check(
        indicators=frozenset({"l2-bereavement"}),
        age=5,
        answers={"immediate_risk": "no", "significant_harm": "no"},
        override=Override("statutory", "third loss this year"),
    ),
}


@pytest.mark.parametrize("name", sorted(VOICES))
def test_the_summary_speaks_in_one_voice_the_referrers(thresholds, name):
    """The partnership's referral questions in the summary say "I"; so does every sentence the checker adds
    there. "you" is left only inside the guidance's own words and what is quoted."""
    text, markdown = make(thresholds, VOICES[name])
    assert "Have I" in text  # the partnership's questions: the voice the checker's sentences follow
    for summary in (text, markdown):
        # What is quoted (a question as the page asks it, an answer) is quoted as it was said.
        own = re.sub(r"“[^”]*”", "", " ".join(summary.split()))
        # The questions still to answer are listed as the page asks them.
        own = functools.reduce(lambda text, q: text.replace(" ".join(q.text.split()), ""), thresholds.questions, own)
        for words in guidance_strings(thresholds.data):
            own = own.replace(words, "") if len(words) > 20 else own
        assert re.findall(r"\b(?:you|your)\b", own, re.IGNORECASE) == [], own


def test_a_partnership_whose_questions_say_you_is_answered_in_the_referrers_voice(example):
    """The summary is the referrer's whatever the partnership's questions say: its questions ask "you" ("What
    is worrying you…", its own words, unchanged), and what the checker adds there answers "I"."""
    text, _ = make(example, Check())  # nothing answered yet: the checker says what it still needs
    assert "What is worrying you" in text
    assert "until I answer:" in text and "[What I am worried about, in my own words]" in text
