"""Every kind of result the check can end on, generated from the questions Python asks: one check of each
kind, for the browser tests of the result page (tests/browser/test_check_ending.py).

A kind is what the result page leads with: its headline (an emergency, a route, a level without a route,
or less), what the first action's box starts with (a number to dial, or the guidance's words, or no box),
and what stands above that box (an answer the practitioner is not sure of, a challenged answer, consent
held, the child's area not known). The checks tried are every combination of every question's answers
(each "I am not sure" among them), a worry whose words describe harm and one whose words do not, a child
in years and a baby in months, with and without the child's area. Of each kind, the check whose lead is
longest is kept: the one most likely to push the first action off the first screen.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from levels_of_need import api
from levels_of_need.model import Check, Thresholds
from levels_of_need.present import inline_text, to_text
from levels_of_need.questions import AREA, Question
from levels_of_need.rules import is_asked

FIRST_ACTION_CLASS = "lon-first-action"
AGES = (9, "7 months")  # a child in years, and a baby under one in months


def worries(thresholds: Thresholds) -> tuple[list[str], ...]:
    """A worry whose words describe harm, and one above the first level whose words do not (each for every age)."""
    own_level = [i for i in thresholds.indicators if not i.is_strength and i.age is None]
    harm = [i.id for i in own_level if i.describes_harm and not i.describes_immediate_risk][:1]
    calm = [i.id for i in own_level if not i.describes_harm and i.level.number > thresholds.levels[0].number][:1]
    return harm, calm


# The questions whose every answer is tried; of the others, the first decided answer and "not sure" are tried
# (enough for every kind, and quick: every answer of every question is thousands of checks).
EVERY_ANSWER = ("immediate_risk", "significant_harm", "consent")


def tried_values(question: Question) -> tuple[str, ...]:
    if question.free_text:
        return ("Typed words (fictional)",)  # words typed decide nothing: one is enough
    if question.id in EVERY_ANSWER:
        return question.values
    return (question.decided_values[0], *question.open_values)


def candidate_checks(thresholds: Thresholds) -> Iterator[dict[str, Any]]:
    for chosen, age in itertools.product(worries(thresholds), AGES):
        # Only the questions these worries ask (one asked for a theme none of them has is not on the page).
        questions = [q for q in thresholds.questions if is_asked(thresholds, Check(indicators=frozenset(chosen)), q)]
        for values in itertools.product(*(tried_values(q) for q in questions)):
            answers = dict(zip((q.id for q in questions), values, strict=True))
            yield {"indicators": chosen, "age": age, "answers": answers}
            if AREA in answers and answers[AREA] == questions[-1].values[0]:
                yield {"indicators": chosen, "age": age, "answers": {k: v for k, v in answers.items() if k != AREA}}


def first_action_box(view: list[dict]) -> dict | None:
    return next((item for item in view if item.get("attrs", {}).get("class") == FIRST_ACTION_CLASS), None)


def lead_kind(outcome: dict[str, Any]) -> tuple:
    """What the result page leads with, as Python gives it."""
    view, result = outcome["view"], outcome["result"]
    box = first_action_box(view)
    opening = " ".join(inline_text(box["children"][1]).split()[:1]) if box else None
    return (
        outcome["headline"].split(":")[0].split(" ")[0],
        "dial" if box and box["children"][1].get("children", [{}])[0].get("tag") == "strong" else opening and "words",
        "immediate_risk" in result["unsure"],
        "significant_harm" in result["unsure"],
        bool(result["unsure"]),
        bool(result["challenges"]),
        bool(result["consent_route"]),
        bool(result["area_open"]),
    )


def result_kinds(thresholds: Thresholds) -> dict[tuple, dict[str, Any]]:
    """One check of each kind, the one with the longest lead: {kind: check}."""
    longest: dict[tuple, tuple[int, dict[str, Any]]] = {}
    for check in candidate_checks(thresholds):
        outcome = api.run(thresholds, check)
        kind, size = lead_kind(outcome), len(to_text(outcome["view"]))
        if kind not in longest or longest[kind][0] < size:
            longest[kind] = (size, check)
    return {kind: check for kind, (_, check) in longest.items()}
