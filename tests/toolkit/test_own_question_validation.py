"""The partnership's own questions misused, each refused with one clear line naming the item by its id,
and a partnership question through the CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import EXAMPLE_FILE, ROOT

from toolkit.load import ThresholdsError, load_text

EXAMPLE = EXAMPLE_FILE.read_text(encoding="utf-8")
ASKED = "  - id: about-a-professional\n    text: Is the concern about someone who works with children? (fictional)\n"
RULE = 'when: {answers: {about-a-professional: ["yes"]}}'
LAST_RULE = 'the same day."\n    source: Fictional example\n'  # the end of the rules list
SCENARIO = (
    'check: {age: 2, indicators: [tired], answers: {immediate_risk: "no", significant_harm: "no", consent: given}}'
)


def problems_of(*edits: tuple[str, str]) -> list[str]:
    text = EXAMPLE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    with pytest.raises(ThresholdsError) as refused:
        load_text(text, "example.yml")
    return [str(problem) for problem in refused.value.problems]


def own(question_id: str) -> str:
    return f"  - id: {question_id}\n    text: A fictional question?\n"


def raising(question_id: str, values: str = '["yes"]') -> str:
    return (
        f"  - id: raise-{question_id}\n    kind: raise\n    when: {{answers: {{{question_id}: {values}}}}}\n"
        "    level: emerging\n    text: Fictional example.\n    source: Fictional example\n"
    )


CASES = {
    "a rule on a question nobody asks": (
        [(RULE, 'when: {answers: {about-a-profesional: ["yes"]}}')],
        "rules[concern-about-a-professional].when.answers.about-a-profesional",
        "'about-a-profesional' is not a question the self-check asks",
    ),
    "a rule on the child's area": (
        [(RULE, "when: {answers: {area: [northdale]}}")],
        "rules[concern-about-a-professional].when.answers.area",
        "the child's area is not a question rules use",
    ),
    "an answer the question does not have": (
        [(RULE, 'when: {answers: {about-a-professional: ["maybe"]}}')],
        "rules[concern-about-a-professional].when.answers.about-a-professional[0]",
        "'maybe' is not an answer to this question (yes, no, unsure)",
    ),
    "not sure deciding a level": (
        [(LAST_RULE, LAST_RULE + raising("about-a-professional", "[unsure]"))],
        "rules[raise-about-a-professional].when.answers.about-a-professional",
        "'unsure' leaves the question open, so it cannot decide a level or route",
    ),
    "the id of one of the check's own": (
        [(ASKED, ASKED + own("age"))],
        "own_questions[age].id",
        "'age' is the check's own: give the question another id",
    ),
    "the id of one of the five, which it would hide": (
        [(ASKED, ASKED + own("consent"))],
        "own_questions[consent].id",
        "'consent' is the check's own: give the question another id",
    ),
    "an id twice": (
        [(ASKED, ASKED + own("about-a-professional"))],
        "own_questions[about-a-professional].id",
        "duplicate id 'about-a-professional'",
    ),
    "too many questions deciding a level": (
        [
            (ASKED, ASKED + own("q-one") + own("q-two") + own("q-three")),
            (LAST_RULE, LAST_RULE + "".join(raising(q) for q in ("about-a-professional", "q-one", "q-two", "q-three"))),
        ],
        "own_questions",
        "4 of these questions decide a level or route (about-a-professional, q-one, q-three, q-two); at most 3",
    ),
    "a scenario answering a question nobody asks": (
        [(SCENARIO, SCENARIO.replace('significant_harm: "no"', 'significant_harm: "no", lado: "yes"'))],
        "scenarios[tired-toddler].check.answers.lado",
        "'lado' is not a question the self-check asks",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_misused_own_questions_are_refused_naming_the_item(case):
    edits, where, words = CASES[case]
    problems = problems_of(*edits)
    assert any(f": {where}: " in p and words in p for p in problems), problems


def test_the_cli_gives_the_advice_for_a_partnership_question_and_asks_for_it_while_unanswered():
    base = [sys.executable, "-m", "toolkit", "check", "--thresholds", str(EXAMPLE_FILE), "--age", "9"]
    base += ["--immediate-risk", "no", "--significant-harm", "no", "tired"]
    answered = subprocess.run([*base, "--answer", "about-a-professional=yes"], capture_output=True, text=True, cwd=ROOT)
    assert answered.returncode == 0, answered.stderr
    assert "Fictional example: tell the Local Authority Designated Officer (LADO)" in answered.stdout
    assert "Exampleton LADO (fictional): 01632 960555" in answered.stdout
    unanswered = subprocess.run(base, capture_output=True, text=True, cwd=ROOT).stdout
    assert "Some of the guidance’s advice depends on it." in unanswered and "LADO" not in unanswered
    bad = subprocess.run([*base, "--answer", "about-a-professional"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "write it as QUESTION=VALUE" in bad.stderr
