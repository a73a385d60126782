"""A route that requires consent unless… (issue 29): the same route as ``consent_required: true`` in every
decision the checker makes, with the guidance's exceptions shown quoted, in the file's words, only where the
result waits for consent. The checker never decides the exception, and never leads with consent where the
child may be at risk of significant harm."""

from __future__ import annotations

import itertools

import pytest
from conftest import EXAMPLE_FILE

from levels_of_need import api
from levels_of_need.present import consent_unless_text, to_text

ROUTE = "child-in-need-assessment"
UNLESS = 'consent_required: {unless: "seeking it would put the child at greater risk of harm (fictional example)"}'

WORRIES = (["left-alone"], ["injury"], ["tired", "misses-school"], ["left-alone", "injury"])
HARM = ("yes", "no", "unsure", None)
CONSENT = ("given", "refused", "not-sought", "unsure", None)


@pytest.fixture(scope="module")
def as_true():
    """The fictional file with the same route written ``consent_required: true``."""
    from toolkit.load import load_text

    text = EXAMPLE_FILE.read_text(encoding="utf-8")
    assert text.count(UNLESS) == 1
    return load_text(text.replace(UNLESS, "consent_required: true"))


def check(worries: list[str], harm: str | None, consent: str | None) -> dict:
    answers = {"immediate_risk": "no", "area": "northdale", "about-a-professional": "no"}
    answers |= {name: value for name, value in (("significant_harm", harm), ("consent", consent)) if value}
    return {"age": 7, "indicators": worries, "answers": answers}


CHECKS = [check(*combination) for combination in itertools.product(WORRIES, HARM, CONSENT)]


def without_version(result: dict) -> dict:
    return {key: value for key, value in result.items() if key != "thresholds_version"}


def test_required_unless_decides_exactly_as_required(example, as_true):
    for raw in CHECKS:
        assert without_version(api.run_check(example, raw)) == without_version(api.run_check(as_true, raw)), raw


def test_the_exceptions_are_shown_quoted_only_while_the_route_waits_for_consent(example):
    route = next(r for _, r in example.routes() if r.id == ROUTE)
    sentence = consent_unless_text(route)
    assert f"“{route.consent_unless}”" in sentence  # the file's words, whole and quoted
    waited = 0
    for raw in CHECKS:
        answer = api.page_answer(example, raw)
        result = answer["result"]
        top, more = to_text(answer["view"]), to_text(answer["view_more"])
        # Never in what to do now: the exceptions follow the result's actions, never lead them.
        assert sentence not in top, raw
        if result["consent_route"] == ROUTE:
            waited += 1
            assert sentence in more, raw
            # The checker says it does not decide the exception, and still suggests no route.
            assert "Whether that applies is for you to judge: the checker does not decide it." in more
            assert result["route"] is None and not result["at_risk"]
        else:
            assert sentence not in more, raw
    assert waited >= 4  # refused, not sought, not sure and unanswered, at least


def test_where_the_child_may_be_at_risk_consent_never_leads(example):
    """With "yes" or "not sure" to significant harm, the result never waits for consent, so the exceptions
    to it are not the question: the telephone step leads (the rule that holds for true holds for unless)."""
    for raw in CHECKS:
        if raw["answers"].get("significant_harm") in ("yes", "unsure"):
            result = api.run_check(example, raw)
            assert result["consent_route"] is None, raw
            steps = result["next_steps"] or ([result["harm_step"]] if result["harm_step"] else [])
            assert not steps or not steps[0]["seeks_consent"], raw
