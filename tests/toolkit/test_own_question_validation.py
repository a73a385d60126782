"""The partnership's own questions misused, each refused with one clear line naming the item by its id,
and a partnership question through the CLI."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_FILE, ROOT
from toolkit_cli import run_toolkit

from toolkit.load import ThresholdsError, load_text

EXAMPLE = EXAMPLE_FILE.read_text(encoding="utf-8")
ASKED = "  - id: about-a-professional\n    text: Is the concern about someone who works with children? (fictional)\n"
RULE = 'when: {answers: {about-a-professional: ["yes"]}}'
LAST_RULE = 'the same day."\n    source: Fictional example\n'  # the end of the rules list
SCENARIO = (
    'check: {age: 2, indicators: [tired], answers: {immediate_risk: "no", significant_harm: "no", consent: given}}'
)


PLAN_RULE = "when: {answers: {legal-status: [looked-after, protection-plan, child-in-need-plan]}}"
NONE_OPTION = "      - {id: none, text: None of these (fictional)}\n"
TIMETABLE_RULE = 'when: {themes: [school], answers: {part-time-timetable: ["yes"]}}'


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
            (ASKED, ASKED + own("q-one") + own("q-two")),
            (LAST_RULE, LAST_RULE + "".join(raising(q) for q in ("about-a-professional", "q-one", "q-two"))),
            (LAST_RULE, LAST_RULE + raising("legal-status", "[none]")),
        ],
        "own_questions",
        "4 of these questions decide a level or route (about-a-professional, legal-status, q-one, q-two); at most 3",
    ),
    # Multiple choice, free text and a question asked only for some worries (issue 29, point 4).
    "an option the multiple-choice question does not offer": (
        [(PLAN_RULE, PLAN_RULE.replace("child-in-need-plan]", "adopted]"))],
        "rules[has-a-plan].when.answers.legal-status[2]",
        "'adopted' is not an answer to this question (looked-after, protection-plan, child-in-need-plan, "
        "care-plan-only, none, unsure)",
    ),
    "yes to a multiple-choice question": (
        [(PLAN_RULE, 'when: {answers: {legal-status: ["yes"]}}')],
        "rules[has-a-plan].when.answers.legal-status[0]",
        "'yes' is not an answer to this question",
    ),
    "an option called unsure": (
        [(NONE_OPTION, "      - {id: unsure, text: Not known (fictional)}\n")],
        "own_questions[legal-status].options[unsure].id",
        "an option cannot be called 'unsure': the self-check adds “I am not sure” itself",
    ),
    "an option twice": (
        [(NONE_OPTION, NONE_OPTION + NONE_OPTION)],
        "own_questions[legal-status].options[none].id",
        "duplicate option id 'none'",
    ),
    "options and free text together": (
        [("    free_text: true\n", "    free_text: true\n    options: [{id: a, text: A}, {id: b, text: B}]\n")],
        "own_questions[language-needs]",
        "give 'options' or 'free_text', not both",
    ),
    "a rule reading free text": (
        [
            (
                LAST_RULE,
                LAST_RULE
                + raising("language-needs", "[polish]")
                .replace("kind: raise", "kind: advise")
                .replace("    level: emerging\n", ""),
            )
        ],
        "rules[raise-language-needs].when.answers.language-needs",
        "'language-needs' is answered in the practitioner's own words: no rule can read it",
    ),
    "a rule on a question asked only for some worries, without its theme": (
        [(TIMETABLE_RULE, 'when: {answers: {part-time-timetable: ["yes"]}}')],
        "rules[part-time-timetable].when.answers.part-time-timetable",
        "'part-time-timetable' is asked only where a chosen worry has one of its themes (school): a rule that "
        "reads it must need one of them too",
    ),
    "a raise rule on it, needing an indicator without its theme": (
        [(LAST_RULE, LAST_RULE + raising("part-time-timetable").replace("when: {", "when: {indicators: [tired], "))],
        "rules[raise-part-time-timetable].when.answers.part-time-timetable",
        "a rule that reads it must need one of them too",
    ),
    "a question asked for a theme the file does not have": (
        [("    themes: [school]\n", "    themes: [schol]\n")],
        "own_questions[part-time-timetable].themes[0]",
        "'schol'",
    ),
    "a scenario answering free text": (
        [(SCENARIO, SCENARIO.replace('significant_harm: "no"', 'significant_harm: "no", language-needs: Polish'))],
        "scenarios[tired-toddler].check.answers.language-needs",
        "'language-needs' is answered in the practitioner's own words",
    ),
    "a scenario answering a question its worries do not ask": (
        [(SCENARIO, SCENARIO.replace('significant_harm: "no"', 'significant_harm: "no", part-time-timetable: "yes"'))],
        "scenarios[tired-toddler].check.answers.part-time-timetable",
        "'part-time-timetable' is asked only where a chosen worry has one of its themes (school): this scenario "
        "chooses none, so it is not asked",
    ),
    "a scenario choosing an option the question does not offer": (
        [(SCENARIO, SCENARIO.replace('significant_harm: "no"', 'significant_harm: "no", legal-status: adopted'))],
        "scenarios[tired-toddler].check.answers.legal-status",
        "'adopted' is not an answer to this question",
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


def test_too_many_combinations_of_deciding_answers_are_refused():
    """Three questions of five options each make 216 combinations for the checker to try: one clear line."""
    five = "    options: [{id: a, text: A}, {id: b, text: B}, {id: c, text: C}, {id: d, text: D}, {id: e, text: E}]\n"
    edits = [
        (ASKED, ASKED + own("q-one") + five + own("q-two") + five),
        (LAST_RULE, LAST_RULE + raising("legal-status", "[none]") + raising("q-one", "[a]") + raising("q-two", "[b]")),
    ]
    problems = problems_of(*edits)
    assert any(
        ": own_questions: " in p and "make 216 combinations for the checker to try; at most 64" in p for p in problems
    ), problems


def test_the_line_docs_format_quotes_for_a_rule_without_the_theme_is_validates_own():
    import re

    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    quoted = re.search(r'in one line \("([^"]+)…"\)', doc)
    assert quoted, "docs/format.md quotes the line"
    problems = problems_of((TIMETABLE_RULE, 'when: {answers: {part-time-timetable: ["yes"]}}'))
    assert any(quoted.group(1) in p for p in problems), problems


def test_the_cli_gives_the_advice_for_a_partnership_question_and_asks_for_it_while_unanswered():
    base = ["check", "--thresholds", str(EXAMPLE_FILE), "--age", "9"]
    base += ["--immediate-risk", "no", "--significant-harm", "no", "tired"]
    answered = run_toolkit(*base, "--answer", "about-a-professional=yes")
    assert answered.returncode == 0, answered.stderr
    assert "Fictional example: tell the Local Authority Designated Officer (LADO)" in answered.stdout
    assert "Exampleton LADO (fictional): 01632 960555" in answered.stdout
    unanswered = run_toolkit(*base).stdout
    assert "Some of the guidance’s advice depends on it." in unanswered and "LADO" not in unanswered
    bad = run_toolkit(*base, "--answer", "about-a-professional")
    assert bad.returncode == 2 and "write it as QUESTION=VALUE" in bad.stderr


# ---- Where an answer goes: only a part that states answers (no answer is ever in no summary) -----------
def with_part(part: str) -> str:
    return EXAMPLE.replace("    summary_part: professionals\n", f"    summary_part: {part}\n", 1)


@pytest.mark.parametrize("part", ["danger-statement", "safety-scale", "nonesuch", "Level", "worry", "level-of-need"])
def test_an_answer_sent_to_a_part_that_states_no_answers_is_refused(part):
    assert "    summary_part: professionals\n" in EXAMPLE
    with pytest.raises(ThresholdsError) as refused:
        load_text(with_part(part), "example.yml")
    lines = [str(problem) for problem in refused.value.problems]
    assert len(lines) == 1 and "own_questions[legal-status].summary_part" in lines[0], lines
    assert f"{part!r} is not one of: level, age," in lines[0]


def test_every_part_a_file_may_send_an_answer_to_states_it():
    from levels_of_need import api
    from levels_of_need.summary import PART_IDS

    for part in PART_IDS:
        t = load_text(with_part(part), "example.yml")
        check = {"age": "9", "indicators": ["tired"], "answers": {"legal-status": "looked-after"}}
        option = t.question("legal-status").option("looked-after")
        assert option.label in api.run_summary(t, check), part


# ---- A question asked for a theme that no worry has would never be asked -------------------------------
THEMES = "themes:\n  - {id: school, name: School}\n"
ASKED_FOR_SCHOOL = "    themes: [school]\n"


@pytest.mark.parametrize(
    ("given_to", "why"),
    [
        ("  - {id: healthy, level: thriving,", "a theme only a strength has"),
        (None, "a theme no indicator has"),
    ],
)
def test_a_question_asked_for_a_theme_no_worry_has_is_refused(given_to, why):
    edits = [(THEMES, THEMES + "  - {id: clubs, name: Clubs (fictional)}\n")]
    edits.append((ASKED_FOR_SCHOOL, "    themes: [school, clubs]\n"))
    if given_to:
        edits.append((given_to, given_to.replace("level: thriving,", "level: thriving, theme: clubs,")))
    lines = problems_of(*edits)
    assert len(lines) == 1, (why, lines)
    assert "own_questions[part-time-timetable].themes[1]" in lines[0]
    assert "no worry has the theme 'clubs', so the self-check would never ask this question" in lines[0]


def test_a_question_asked_for_an_undefined_theme_is_named_once():
    lines = problems_of((ASKED_FOR_SCHOOL, "    themes: [school, clubs]\n"))
    assert len(lines) == 1 and "'clubs'" in lines[0], lines


# ---- A question about consent goes only where the summary puts consent ---------------------------------
@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Have the parents given their consent? (fictional)", ""),
        ("Did the carers CONSENT to this? (fictional)", "    summary_part: worries\n"),
        ("Is there consent from the young person? (fictional)", "    summary_part: level\n"),
    ],
)
def test_a_question_about_consent_must_go_to_the_consent_part(text, part):
    asked = (
        "  - id: about-a-professional\n    text: Is the concern about someone who works with children? (fictional)\n"
    )
    lines = problems_of((asked, f"  - id: about-a-professional\n    text: {text}\n{part}"))
    assert len(lines) == 1 and "own_questions[about-a-professional].summary_part" in lines[0], lines
    assert "give it summary_part: consent" in lines[0]
    # Given the consent part, it is taken, and its answer is stated there (last, where the child may be at risk).
    load_text(
        EXAMPLE.replace(asked, f"  - id: about-a-professional\n    text: {text}\n    summary_part: consent\n"), "x"
    )
