"""The referral summary as it is read and copied, for every kind of result of each partnership
(tests/browser/result_kinds.py: every combination of the questions' answers, a worry whose words describe harm
and one whose words do not, with and without the child's area):

- Its numbers read 1, 2, 3 down the page. The questions are numbered in the order shown (consent goes last where
  the child may be at risk of significant harm, so it takes the last number), and no other line starts with a
  number: a list in the checker's words (the contacts to call) is lettered, never "1." under "2. Have I…".
- Consent not sought or refused, with no reason typed: the summary leaves a space asking for it, as the
  guidance quoted above it asks ("state clearly … why you have not sought consent").
- One voice, the referrer's: the checker's own words never say "you" or "your" (the guidance's words, quoted
  as the partnership's file has them, are exempt).
"""

from __future__ import annotations

import re

import pytest
from browser.result_kinds import result_kinds
from conftest import PARTNERSHIPS, loaded

from levels_of_need import api
from levels_of_need.summary import CONSENT_REASONS

# A line that starts a numbered list item, as a reader of plain text takes it: "3. " or "3) ".
NUMBERED = re.compile(r"^\s*(\d+)[.)]\s")
DETAILS = {"worry": "bruises seen twice", "availability": "mornings"}


@pytest.fixture(params=list(PARTNERSHIPS), scope="module")
def any_file(request):

    return loaded(PARTNERSHIPS[request.param])


@pytest.fixture(scope="module")
def every_kind(any_file) -> list[dict]:
    """One check of every kind of result, each with every consent answer (consent moves with the risk), with
    nothing typed and with the referrer's words."""
    checks = []
    for check in result_kinds(any_file).values():
        for consent in ("given", "refused", "not-sought", "unsure", None):
            answers = {k: v for k, v in check.get("answers", {}).items() if k != "consent"}
            answers |= {"consent": consent} if consent else {}
            checks += [{**check, "answers": answers}, {**check, "answers": answers, "details": DETAILS}]
    return checks


@pytest.mark.slow(seconds=15)  # every kind of result (every_kind: thousands of checks)
def test_the_numbers_in_the_summary_read_one_two_three_down_the_page(any_file, every_kind):
    questions = [" ".join(q.question.split()) for q in any_file.referral_questions]
    for check in every_kind:
        text = api.run_summary(any_file, check)
        numbered = [(line, NUMBERED.match(line)) for line in text.splitlines() if NUMBERED.match(line)]
        assert [int(match.group(1)) for _, match in numbered] == list(range(1, len(questions) + 1)), (check, text)
        # Every numbered line is one of the partnership's questions: nothing else can read as one.
        assert sorted(line.split(". ", 1)[1] for line, _ in numbered) == sorted(questions), check


def test_the_contacts_to_call_are_lettered_under_a_numbered_question(thresholds):
    """Not sure of immediate risk: the guidance's words for an emergency, with its contacts, go under the
    summary's level; listed "a)", "b)", they never read as the questions "1.", "2." around them."""
    check = {"indicators": ["l2-bereavement"], "age": "7", "answers": {"immediate_risk": "unsure"}}
    text = api.run_summary(thresholds, check)
    lettered = [line for line in text.splitlines() if re.match(r"^[a-z]\) ", line)]
    assert lettered and lettered[0].startswith("a) ") and "999" in text, text


@pytest.mark.parametrize("answer", sorted(CONSENT_REASONS))
def test_consent_not_sought_or_refused_leaves_a_space_for_why(any_file, answer):
    check = {"indicators": [], "age": "7", "answers": {"immediate_risk": "no", "consent": answer}}
    placeholder = CONSENT_REASONS[answer]
    assert placeholder in api.run_summary(any_file, check)
    assert api.run(any_file, check)["asks_consent_note"] is True  # the referral details offer the box
    typed = {**check, "consent_note": "the risk of forced marriage"}
    summary = api.run_summary(any_file, typed)
    assert "the risk of forced marriage" in summary and placeholder not in summary


def test_consent_given_asks_no_reason(any_file):
    check = {"indicators": [], "age": "7", "answers": {"immediate_risk": "no", "consent": "given"}}
    summary = api.run_summary(any_file, check)
    assert not [p for p in CONSENT_REASONS.values() if p in summary]
    assert api.run(any_file, check)["asks_consent_note"] is False
    # A reason typed before the answer changed stays offered, so that it can still be changed or removed.
    assert api.run(any_file, {**check, "consent_note": "asked on Monday"})["asks_consent_note"] is True


def guidance_strings(data) -> list[str]:
    """Every string of the partnership's file, longest first: its words, which the summary quotes as written."""
    if isinstance(data, str):
        return [" ".join(data.split())]
    items = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return sorted({text for item in items for text in guidance_strings(item) if text}, key=len, reverse=True)


@pytest.mark.slow(seconds=15)  # every kind of result (every_kind: thousands of checks)
def test_the_checkers_own_words_in_the_summary_never_say_you(any_file, every_kind):
    quoted = guidance_strings(any_file.data)
    said: set[str] = set()
    for check in every_kind:
        for markdown in (False, True):
            summary = api.run_summary(any_file, check, markdown=markdown)
            own = " ".join(summary.replace("\\", "").split())
            for words in quoted:  # the guidance's words, longest first, as quoted
                own = own.replace(words, " ")
            said |= {s for s in re.split(r"(?<=[.?:\]])\s", own) if re.search(r"\byou(?:r)?\b", s, re.IGNORECASE)}
    assert not said, sorted(said)
