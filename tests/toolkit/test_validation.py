"""Bad thresholds files give one clear line each: file, line, path and what is wrong."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, THRESHOLDS_FILE
from toolkit_cli import run_toolkit

from toolkit.load import ThresholdsError, format_path, load_text

GOOD = THRESHOLDS_FILE.read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def edit(old: str, new: str, at: str | None = None):
    """A bad file made by one edit of the real one, and the line the problem is expected at:
    the edit's first line, or the line of ``at`` within the edit."""
    assert GOOD.count(old) == 1, old
    start = GOOD.index(old)
    text = GOOD.replace(old, new)
    offset = new[: new.index(at)].count("\n") if at else 0
    return text, GOOD[:start].count("\n") + 1 + offset


# BRAG colours on every route but one: Medway's file gives none (seed 001 never mentions BRAG).
ALL_BUT_EARLY_HELP_RATED = GOOD
for _route, _name, _colour in (
    ("universal", "Universal services", "blue"),
    ("child-in-need", "Child in need (s.17)", "amber"),
    ("child-protection", "Child protection (s.47)", "red"),
):
    _named = f"      - id: {_route}\n        name: {_name}\n"
    assert ALL_BUT_EARLY_HELP_RATED.count(_named) == 1, _named
    ALL_BUT_EARLY_HELP_RATED = ALL_BUT_EARLY_HELP_RATED.replace(_named, f"{_named}        brag: {_colour}\n")

# Step-down guidance, added to the real file (which has none) for the cases below.
STEP_DOWN = """step_down:
  from: statutory
  to: early-help
  intro: When needs can be met by early help.
  next_steps:
    - {text: Hold a step-down meeting., contact: first-response}
  source: a test
"""
STEP_UP = STEP_DOWN.replace("to: early-help", "to: statutory").replace("from: statutory", "from: early-help")
# The same paths as lists (a file may give one path or several), and stepping up and across.
STEP_DOWNS = "step_down:\n" + "".join(
    "  - " + path.split("\n", 1)[1].replace("\n  ", "\n    ").lstrip() for path in (STEP_DOWN, STEP_UP)
)
STEP_DOWNS_WITHOUT_INTRO = STEP_DOWNS.replace("    intro: When needs can be met by early help.\n", "", 1)
STEP_DOWN_TWICE = STEP_DOWNS.replace("from: early-help", 'from: "statutory"').replace("to: statutory", "to: early-help")
STEP_UP_DOWNWARDS = STEP_DOWN.replace("step_down:", "step_up:")
ACROSS = STEP_DOWN.replace("step_down:", "step_across:").replace("from: statutory", "from: child-in-need")
# The accessibility statement's facts, added to the real file (which has none) for the cases below.
ACCESSIBILITY = """accessibility:
  contact: {email: web@example.org}
  prepared: "2026-01-10"
  reviewed: "2026-03-01"
  tested: "2026-02-20"
"""
NO_SIGNS_OF_SAFETY = GOOD.replace(GOOD[GOOD.index("signs_of_safety:\n") : GOOD.index("escalation:\n")], "")

# (name, bad text, expected line, expected path, words of the message)
CASES = [
    (
        "yaml-syntax",
        *edit("  short_name: MSCP\n", "  short_name: MSCP: Medway\n"),
        "(YAML syntax)",
        "mapping values are not allowed here: a text with a colon in it (“Note: …”) must be in quotes",
    ),
    (
        "yaml-tab",
        *edit("  short_name: MSCP\n", "\tshort_name: MSCP\n"),
        "(YAML syntax)",
        "indent with spaces, not tabs",
    ),
    ("empty-file", "", 1, "(top level)", "the file is empty"),
    ("comments-only", "# nothing yet\n", 1, "(top level)", "the file is empty"),
    ("not-a-mapping", "- just\n- a list\n", 1, "(top level)", "expected a mapping of sections, got a list"),
    (
        "unknown-level",
        *edit("{id: l2-bereavement, level: early-help,", "{id: l2-bereavement, level: four,"),
        "indicators[",
        "'four' is not a defined level (known: universal, early-help, statutory)",
    ),
    (
        "duplicate-id",
        *edit("{id: l2-bereavement,", "{id: l2-domestic-abuse,"),
        "indicators[",
        "duplicate id 'l2-domestic-abuse' (first at line",
    ),
    (
        "missing-field",
        *edit(
            "{id: l1-resilient, level: universal, domain: child-development, "
            'text: "Resilient and able to adapt to change"}',
            "{id: l1-resilient, level: universal, domain: child-development}",
        ),
        "indicators[l1-resilient]",
        "missing required field 'text'",
    ),
    (
        "wrong-type",
        *edit("    number: 2\n", "    number: two\n"),
        "levels[early-help].number",
        "expected a whole number, got a string",
    ),
    (
        "unknown-rule-kind",
        *edit(
            "  - id: recent-social-worker\n    kind: advise\n",
            "  - id: recent-social-worker\n    kind: escalate\n",
            at="kind",
        ),
        "rules[",
        "'escalate' is not one of: emergency, raise, advise",
    ),
    (
        "unknown-condition",
        *edit('    when: {answers: {significant_harm: ["yes"]}}', "    when: {weather: [rain]}"),
        "rules[significant-harm].when.weather",
        "unknown field 'weather'",
    ),
    (
        "unknown-domain",
        *edit(
            "{id: l2-bereavement, level: early-help, domain: family-environment",
            "{id: l2-bereavement, level: early-help, domain: family",
        ),
        "indicators[",
        "'family' is not a defined domain",
    ),
    (
        "unknown-theme",
        *edit(
            "{id: l2-dental-decay, level: early-help, domain: family-environment, theme: dental-decay",
            "{id: l2-dental-decay, level: early-help, domain: family-environment, theme: teeth",
        ),
        "indicators[",
        "'teeth' is not a defined theme",
    ),
    (
        "unknown-contact-in-rule",
        *edit(
            "    contacts: [emergency, first-response, out-of-hours]",
            "    contacts: [emergency, first-responce, out-of-hours]",
        ),
        "rules[immediate-risk].contacts[1]",
        "'first-responce' is not a defined contact",
    ),
    (
        "unquoted-yes",
        *edit('immediate_risk: ["yes"]', "immediate_risk: [yes]"),
        "rules[immediate-risk].when.answers.immediate_risk[0]",
        "quote yes/no",
    ),
    (
        "duplicate-key",
        *edit("  short_name: MSCP\n", "  short_name: MSCP\n  name: Again\n", at="name: Again"),
        "partnership",
        "duplicate key 'name'",
    ),
    (
        "unknown-field",
        *edit(
            "        statute: section 17 of the Children Act 1989\n",
            "        statute: section 17 of the Children Act 1989\n        color: amber\n",
            at="color",
        ),
        "levels[statutory].routes[child-in-need].color",
        "unknown field 'color'",
    ),
    (
        "bad-brag-colour",
        *edit("        name: Early help\n", "        name: Early help\n        brag: purple\n", at="brag"),
        "levels[early-help].routes[early-help].brag",
        "'purple' is not one of: blue, green, amber, red",
    ),
    ("level-numbers-gap", *edit("    number: 3\n", "    number: 5\n"), "levels[statutory].number", "expected 3, got 5"),
    (
        "raise-without-target",
        *edit(
            "  - id: significant-harm\n    kind: raise\n"
            '    when: {answers: {significant_harm: ["yes"]}}\n    route: child-protection\n',
            '  - id: significant-harm\n    kind: raise\n    when: {answers: {significant_harm: ["yes"]}}\n',
        ),
        "rules[significant-harm]",
        "needs exactly one of 'level' or 'route'",
    ),
    ("empty-text", *edit('text: "Family bereavement"', 'text: ""'), "indicators[", "must not be empty"),
    (
        "scenario-route-not-of-its-level",
        *edit(
            "    expected: {level: universal, routes: [universal]}",
            "    expected: {level: universal, routes: [child-in-need]}",
        ),
        "scenarios[universal-strengths].expected.routes[0]",
        "route 'child-in-need' is not a route of level 'universal' (its routes: universal)",
    ),
    (
        "raise-rule-confined-below-its-own-level",
        *edit(
            '    when: {answers: {significant_harm: ["yes"]}}\n',
            '    when: {answers: {significant_harm: ["yes"]}, max_level: early-help}\n',
        ),
        "rules[significant-harm].when.max_level",
        "a 'raise' rule confined to max_level 'early-help' cannot set a higher level ('statutory')",
    ),
    (
        "raise-rule-on-not-sure",
        *edit(
            'when: {answers: {significant_harm: ["yes"]}}\n    route: child-protection',
            'when: {answers: {significant_harm: ["yes", unsure]}}\n    route: child-protection',
        ),
        "rules[significant-harm].when.answers.significant_harm",
        "leaves the question open, so it cannot decide a level or route",
    ),
    (
        "consent-step-without-seeks-consent",
        edit(
            "              levels.\n            seeks_consent: true\n"
            "          - text: >-\n              All contacts (and",
            "              levels.\n          - text: >-\n              All contacts (and",
        )[0],
        line_of(GOOD, "- text: >-\n              You should discuss your concerns"),  # the step's first line
        "levels[early-help].routes[early-help].next_steps[0]",
        "this step mentions consent: say whether it asks",
    ),
    (
        "protection-route-leading-with-consent",
        *edit(
            "          - text: Immediate safeguarding concerns should always be made by telephone …\n",
            "          - text: Seek consent first.\n            seeks_consent: true\n"
            "          - text: Immediate safeguarding concerns should always be made by telephone …\n",
            at="Seek consent first.",
        ),
        "levels[statutory].routes[child-protection].next_steps[0]",
        "its first step must not seek consent",
    ),
    (
        "harm-route-requiring-consent",
        *edit(
            'when: {answers: {significant_harm: ["yes"]}}\n    route: child-protection',
            'when: {answers: {significant_harm: ["yes"]}}\n    route: child-in-need',
            at="route: child-in-need",
        ),
        "rules[significant-harm].route",
        "reaches the route 'child-in-need', which must not wait for the parents' consent",
    ),
    (
        "harm-route-silent-on-consent",
        edit(
            "        name: Child protection (s.47)\n        consent_required: false\n",
            "        name: Child protection (s.47)\n",
        )[0],
        # The rule's line, one up: the edit took a line out of the levels above it.
        line_of(GOOD, "    route: child-protection\n    text: >-\n      Where there are child protection concerns") - 1,
        "rules[significant-harm].route",
        "give that route consent_required: false",
    ),
    (
        "harm-raising-to-a-level-whose-first-route-requires-consent",
        *edit(
            'when: {answers: {significant_harm: ["yes"]}}\n    route: child-protection',
            'when: {answers: {significant_harm: ["yes"]}}\n    level: statutory',
            at="level: statutory",
        ),
        "rules[significant-harm].level",
        "reaches the route 'child-in-need', which must not wait",
    ),
    (
        "scenario-age-outside-the-range",
        *edit("    check:\n      age: 4\n", "    check:\n      age: 19\n", at="age: 19"),
        "scenarios[universal-strengths].check.age",
        "19 is outside age_range (0 to 18)",
    ),
    (
        "age-range-upside-down",
        *edit("  youngest: 0\n  oldest: 18\n", "  youngest: 18\n  oldest: 0\n", at="oldest: 0"),
        "age_range.oldest",
        "below the youngest",
    ),
    (
        "confirming-an-indicator-that-does-not-describe-harm",
        *edit(
            "      indicators: [l3-16-17-homeless, l2-parent-child-relationship]\n",
            "      indicators: [l3-16-17-homeless, l2-parent-child-relationship]\n"
            "      confirmed: [l3-16-17-homeless]\n",
            at="confirmed:",
        ),
        "scenarios[homeless-sixteen-year-old].check.confirmed[0]",
        "only those are confirmed",
    ),
    (
        "scenario-age-and-unborn",
        *edit(
            "      unborn: true\n      indicators: [l2-domestic-abuse]",
            "      unborn: true\n      age: 0\n      indicators: [l2-domestic-abuse]",
        ),
        "scenarios[domestic-abuse-unborn].check",
        "give the child's age or 'unborn: true', one of the two",
    ),
    (
        "scenario-unknown-indicator",
        *edit("indicators: [l3-non-mobile-bruising]", "indicators: [l3-non-mobile-bruises]"),
        "scenarios[child-protection-bruising].check.indicators[0]",
        "'l3-non-mobile-bruises' is not a defined indicator",
    ),
    (
        "scenario-not-labelled-fictional",
        *edit(
            "title: A four-year-old at nursery\n    fictional: true",
            "title: A four-year-old at nursery\n    fictional: false",
            at="fictional",
        ),
        "scenarios[universal-strengths].fictional",
        "must be true, got false: Every scenario is invented",
    ),
    (
        "scenario-decided-by-unknown",
        *edit("decided_by: [l3-missed-health-appointments]", "decided_by: [allocated-social-work]"),
        "scenarios[allocated-social-worker].decided_by[0]",
        "'allocated-social-work' is neither an indicator nor a rule id",
    ),
    (
        "filter-example-finding-nothing",
        *edit("filter_examples: [bruise, DV, truant]", "filter_examples: [bruise, DV, trampoline]"),
        "filter_examples[2]",
        "'trampoline' finds no worry",
    ),
    (
        "summary-part-under-two-questions",
        *edit("    receives: [professionals]\n", "    receives: [professionals, consent]\n"),
        "referral_questions[other-professionals].receives[1]",
        "'consent' already goes under referral question 'consent'",
    ),
    (
        "unknown-summary-part",
        *edit("    receives: [professionals]\n", "    receives: [colleagues]\n"),
        "referral_questions[other-professionals].receives[0]",
        "'colleagues' is not one of: level, age, worries",
    ),
    (
        "brag-on-some-routes-only",
        ALL_BUT_EARLY_HELP_RATED,
        line_of(ALL_BUT_EARLY_HELP_RATED, "      - id: early-help\n"),
        "levels[early-help].routes[early-help]",
        "some routes have a 'brag' colour and this one has none",
    ),
    (
        "short-name-not-in-the-glossary",
        *edit("  short_name: MSCP\n", "  short_name: MSCB\n"),
        "partnership.short_name",
        "'MSCB' is not in the glossary: add it there with the partnership's full name",
    ),
    (
        "abbreviation-in-brackets-not-in-the-glossary",
        GOOD.replace("  GCP: Graded Care Profile\n", ""),
        line_of(GOOD, "text: >-\n      The Graded Care Profile (GCP) is used"),
        "rules[graded-care-profile].text",
        "'GCP' is written in brackets as an abbreviation but is not in the glossary: add it there with its expansion",
    ),
    (
        "guidance-including-a-section-the-file-lacks",
        NO_SIGNS_OF_SAFETY,
        line_of(NO_SIGNS_OF_SAFETY, "include: [signs_of_safety]"),
        "guidance[signs-of-safety].include[0]",
        "includes 'signs_of_safety'; the file has no 'signs_of_safety'",
    ),
    (
        "level-colour-too-faint-on-the-white-page",
        *edit(
            "    indicator_kind: worry\n    routes:\n      - id: early-help\n",
            '    indicator_kind: worry\n    colour: "#ffdd00"\n    routes:\n      - id: early-help\n',
            at="colour",
        ),
        "levels[early-help].colour",
        "#ffdd00 has a contrast of 1.",
    ),
    (
        "route-colour-too-faint-on-the-white-page",
        *edit(
            "      - id: child-protection\n", '      - id: child-protection\n        colour: "#f47738"\n', at="colour"
        ),
        "levels[statutory].routes[child-protection].colour",
        "needs at least 3:1 (WCAG 2.2, 1.4.11 non-text contrast): choose a darker shade",
    ),
    (
        "rule-age-band-with-no-age-in-it",
        *edit("l2-teenage-pregnancy], age: {under: 13}}\n", "l2-teenage-pregnancy], age: {at_least: 13, under: 13}}\n"),
        "rules[sexual-activity-or-pregnancy-under-13].when.age",
        "'under: 13' must be above 'at_least: 13': no age is in this band",
    ),
    (
        "glossary-key-that-is-not-an-abbreviation",
        *edit("  GCP: Graded Care Profile\n", '  "G C P": Graded Care Profile\n'),
        "glossary.G C P",
        "'G C P' is not in the expected form: an abbreviation as written: a letter, then letters, digits",
    ),
    (
        "step-down-to-a-higher-level",
        *edit(
            "\nglossary:\n",
            f"\n{STEP_UP}\nglossary:\n",
            at="  to:",
        ),
        "step_down.to",
        "a case steps down to a lower level: 'statutory' (Level 3) is not below 'early-help' (Level 2)",
    ),
    (
        "step-down-paths-one-of-which-steps-up",
        *edit("\nglossary:\n", f"\n{STEP_DOWNS}\nglossary:\n", at="    to: statutory"),
        "step_down[1].to",
        "a case steps down to a lower level: 'statutory' (Level 3) is not below 'early-help' (Level 2)",
    ),
    (
        "step-down-path-in-a-list-without-its-intro",
        *edit(
            "\nglossary:\n",
            f"\n{STEP_DOWNS_WITHOUT_INTRO}\nglossary:\n",
            at="  - from",
        ),
        "step_down[0]",
        "missing required field 'intro'",
    ),
    (
        "step-up-to-a-lower-level",
        *edit("\nglossary:\n", f"\n{STEP_UP_DOWNWARDS}\nglossary:\n", at="  to:"),
        "step_up.to",
        "a case steps up to a higher level: 'early-help' (Level 2) is not above 'statutory' (Level 3)",
    ),
    (
        "step-across-to-a-route-of-another-level",
        *edit("\nglossary:\n", f"\n{ACROSS}\nglossary:\n", at="  to:"),
        "step_across.to",
        "a case steps across between two routes of one level: 'early-help' is a route of 'early-help', "
        "'child-in-need' of 'statutory' (a case moving between levels steps up or down)",
    ),
    (
        "step-across-to-the-same-route",
        *edit(
            "\nglossary:\n",
            f"\n{ACROSS.replace('to: early-help', 'to: child-in-need')}\nglossary:\n",
            at="  to:",
        ),
        "step_across.to",
        "a case steps across to another route: 'child-in-need' is the route it steps from",
    ),
    (
        "step-across-from-a-level-not-a-route",
        *edit(
            "\nglossary:\n",
            f"\n{ACROSS.replace('from: child-in-need', 'from: statutory')}\nglossary:\n",
            at="  from:",
        ),
        "step_across.from",
        "'statutory' is not a defined route",
    ),
    (
        "step-down-path-given-twice",
        *edit(
            "\nglossary:\n",
            f"\n{STEP_DOWN_TWICE}\nglossary:\n",
            at='  - from: "statutory"',
        ),
        "step_down[1].from",
        "step_down gives the path from 'statutory' to 'early-help' twice: give it once, with all its steps",
    ),
    (
        "step-up-to-a-level-where-consent-is-not-required-that-seeks-it-first",
        *edit(
            "\nglossary:\n",
            "\n"
            + STEP_UP.replace("step_down:", "step_up:").replace(
                "{text: Hold a step-down meeting., contact: first-response}",
                "{text: Ask the parents for their consent., seeks_consent: true}",
            )
            + "\nglossary:\n",
            at="    - {",
        ),
        "step_up.next_steps[0]",
        "this path goes to 'statutory', where a route does not require consent",
    ),
    (
        "step-up-given-as-text",
        *edit("\nglossary:\n", "\nstep_up: statutory\n\nglossary:\n", at="step_up"),
        "step_up",
        "expected one item (a mapping) or a list of them, got a string",
    ),
    (
        "step-down-step-with-an-unknown-contact",
        *edit(
            "\nglossary:\n",
            f"\n{STEP_DOWN.replace('contact: first-response', 'contact: front-door')}\nglossary:\n",
            at="    - {",
        ),
        "step_down.next_steps[0].contact",
        "'front-door' is not a defined contact",
    ),
    (
        "step-down-step-that-mentions-consent-without-saying-if-it-seeks-it",
        *edit(
            "\nglossary:\n",
            f"\n{STEP_DOWN.replace('Hold a step-down meeting.', 'Ask for consent.')}\nglossary:\n",
            at="    - {",
        ),
        "step_down.next_steps[0]",
        "this step mentions consent: say whether it asks for the parents' or carers' consent",
    ),
    (
        "accessibility-statement-reviewed-before-it-was-prepared",
        *edit("\ndocument:\n", f"\n{ACCESSIBILITY.replace('2026-03-01', '2025-12-01')}\ndocument:\n", at="reviewed:"),
        "accessibility.reviewed",
        "the statement was last reviewed (2025-12-01) before it was prepared (2026-01-10)",
    ),
    (
        "accessibility-statement-date-that-is-not-a-day",
        *edit("\ndocument:\n", f"\n{ACCESSIBILITY.replace('2026-02-20', '2026-02-30')}\ndocument:\n", at="tested:"),
        "accessibility.tested",
        "'2026-02-30' is not a real date",
    ),
    (
        "accessibility-statement-contact-with-no-way-to-reach-it",
        *edit(
            "\ndocument:\n", f"\n{ACCESSIBILITY.replace('{email: web@example.org}', '{}')}\ndocument:\n", at="contact:"
        ),
        "accessibility.contact",
        "give at least one way to report a problem: email, phone, textphone, url, address",
    ),
]


def assert_one_clear_line(text: str, line: int, path: str, words: str) -> None:
    """The file is refused with one problem, at that line and path, in those words."""
    with pytest.raises(ThresholdsError) as caught:
        load_text(text, "thresholds.yml")
    problems = caught.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert problem.line == line
    assert problem.path.startswith(path)
    assert words in problem.message, problem.message
    assert str(problem).startswith(f"thresholds.yml:{line}: {problem.path}: ")


@pytest.mark.parametrize(("name", "text", "line", "path", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_clear_line(name, text, line, path, words):
    assert_one_clear_line(text, line, path, words)


def test_at_least_twelve_kinds_of_bad_input_are_covered():
    assert len({c[0] for c in CASES}) >= 12


def test_every_problem_within_a_path_is_its_own_line():
    # A path given as one item or in a list: each wrong field of it named, not only the first.
    bad = GOOD.replace(
        "\nglossary:\n",
        f"\n{STEP_DOWNS.replace('from: statutory', 'from: 4').replace('to: early-help', 'to: 3', 1)}\nglossary:\n",
    )
    with pytest.raises(ThresholdsError) as caught:
        load_text(bad, "thresholds.yml")
    lines = [str(p) for p in caught.value.problems]
    assert any("step_down[0].from: expected a string" in line for line in lines), lines
    assert any("step_down[0].to: expected a string" in line for line in lines), lines


def test_the_real_files_are_valid(thresholds, example):
    assert len(thresholds.levels) == 3 and len(example.levels) == 4


@pytest.mark.parametrize("case", ["unknown-level", "yaml-syntax", "empty-file"])
def test_cli_validate_prints_the_line_and_no_traceback(tmp_path, case):
    _name, text, line, path, words = next(c for c in CASES if c[0] == case)
    bad = tmp_path / "thresholds.yml"
    bad.write_text(text, encoding="utf-8")
    run = run_toolkit("validate", str(bad))
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert run.stderr.startswith(f"{bad}:{line}: {path}")
    assert words in run.stderr
    assert "Traceback" not in run.stderr


def test_missing_and_non_utf8_files_are_clear(tmp_path):
    from toolkit.load import load_file

    with pytest.raises(ThresholdsError, match="no such file"):
        load_file(tmp_path / "nope.yml")
    latin = tmp_path / "latin.yml"
    latin.write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ThresholdsError, match="not UTF-8"):
        load_file(latin)


def test_paths_are_written_like_cfgv_with_items_named_by_id():
    assert format_path(["indicators", 4, "level"]) == "indicators[4].level"
    assert format_path(["indicators", 4, "level"], [None, "l1-resilient", None]) == "indicators[l1-resilient].level"
    assert format_path([]) == "(top level)"


def test_errors_name_items_by_id_and_by_index_where_they_have_none():
    bad = GOOD.replace("{id: l2-bereavement, level: early-help,", "{id: l2-bereavement, level: four,")
    bad = bad.replace(
        "          - text: First Response will acknowledge receipt of the contact and referral …\n"
        "            timescale: acknowledgement\n",
        "          - text: First Response will acknowledge receipt of the contact and referral …\n"
        "            timescale: no-such-timescale\n",
        1,
    )
    with pytest.raises(ThresholdsError) as caught:
        load_text(bad, "thresholds.yml")
    lines = [str(p) for p in caught.value.problems]
    assert any("indicators[l2-bereavement].level: 'four' is not a defined level" in line for line in lines)
    # A step has no id: it is named by its place in its route, which is named by its id.
    assert any(
        "levels[early-help].routes[early-help].next_steps[2].timescale: 'no-such-timescale'" in line for line in lines
    ), lines
    line = next(line for line in lines if "l2-bereavement" in line)
    assert line.split(":")[1].isdigit()  # and by line


STARTER = (ROOT / "toolkit" / "schema" / "starter.yml").read_text(encoding="utf-8")
STARTER_WORRY = "  - {id: l2-example-worry, level: early-help,"


def test_a_mistyped_level_is_the_one_problem_named_not_the_level_it_leaves_empty():
    """The starter's only Level 2 indicator with its level mistyped: the level it leaves empty is not
    listed first (by line) as if an indicator were missing."""
    with pytest.raises(ThresholdsError) as raised:
        load_text(STARTER.replace(STARTER_WORRY, "  - {id: l2-example-worry, level: level-2,"))
    assert [p.path for p in raised.value.problems] == ["indicators[l2-example-worry].level"]
    assert "'level-2' is not a defined level" in raised.value.problems[0].message


def test_a_level_left_with_no_indicators_is_still_named():
    worry = next(line for line in STARTER.splitlines(keepends=True) if line.startswith(STARTER_WORRY))
    with pytest.raises(ThresholdsError) as raised:
        load_text(STARTER.replace(worry, ""))
    assert "level 'early-help' has no indicators" in str(raised.value)


# ---- The optional indicator fields (issue 17): age bands, counting rules, strengths, several domains ----

EXAMPLE_TEXT = (ROOT / "examples" / "fictional-four-levels.yml").read_text(encoding="utf-8")


def example_edit(old: str, new: str) -> tuple[str, int]:
    """A bad file made by one edit of the fictional partnership's, and the edit's first line."""
    assert EXAMPLE_TEXT.count(old) == 1, old
    return EXAMPLE_TEXT.replace(old, new), line_of(EXAMPLE_TEXT, old)


TRIO = "[frightening-arguments, parent-drink-drugs, parent-low-mood]"
COUNTED = "indicators: [tired, misses-school, hangs-around-late]}}"
DOMAINS = "domains: [health-growing, learning-play, home-family, safety-outside], levels: [targeted-early-help]}}"
CONFINED = "when: {at_least: {count: 3, levels: [emerging]}, max_level: targeted-early-help}"
EMERGING_LEVEL = 'level: targeted-early-help\n    text: "Fictional example: three or more emerging'
TEEN = "{id: nowhere-to-live, level: statutory-social-work, domains: [home-family, safety-outside],"
GRANDPARENT = "{id: grandparent-helps, strength: true,"
MONTHS = "age: {under_months: 6}"

# (name, bad text, expected line, expected path, words of the message)
FIELD_CASES = [
    (
        "at-least-more-than-listed",
        *example_edit(f"at_least: {{count: 2, {COUNTED}", f"at_least: {{count: 4, {COUNTED}"),
        "rules[two-or-more-emerging].when.at_least.count",
        "at least 4 of 3 listed can never hold",
    ),
    (
        "at-least-one",
        *example_edit(f"at_least: {{count: 2, {COUNTED}", f"at_least: {{count: 1, {COUNTED}"),
        "rules[two-or-more-emerging].when.at_least.count",
        "must be at least 2, got 1",
    ),
    (
        "counting-nothing",
        *example_edit(f"at_least: {{count: 2, {COUNTED}", "at_least: {count: 2}}"),
        "rules[two-or-more-emerging].when.at_least",
        "give 'indicators', 'themes', 'domains' or 'levels', or more than one",
    ),
    (
        "all-of-a-strength-in-a-raise-rule",
        *example_edit(f"all_of: {{indicators: {TRIO}}}", "all_of: {indicators: [parent-low-mood, grandparent-helps]}"),
        "rules[three-together].when.all_of.indicators[1]",
        "'grandparent-helps' is a strength: strengths never set a level, so a 'raise' rule cannot count one",
    ),
    (
        "all-of-an-unknown-indicator",
        *example_edit(f"all_of: {{indicators: {TRIO}}}", "all_of: {indicators: [parent-low-mood, parent-drinks]}"),
        "rules[three-together].when.all_of.indicators[1]",
        "'parent-drinks' is not a defined indicator",
    ),
    (
        "age-band-with-no-age",
        *example_edit("age: {at_least: 16, under: 18}", "age: {at_least: 16, under: 16}"),
        "indicators[nowhere-to-live].age",
        "'under: 16' must be above 'at_least: 16': no age is in this band",
    ),
    (
        "age-band-outside-the-age-range",
        *example_edit("age: {at_least: 16, under: 18}", "age: {at_least: 30}"),
        "indicators[nowhere-to-live].age",
        "no age in this band is within age_range (0 to 24): the indicator would never apply",
    ),
    (
        "age-band-unknown-key",
        *example_edit("age: {at_least: 16, under: 18}", "age: {from: 16, under: 18}"),
        "indicators[nowhere-to-live].age.from",
        "unknown field 'from' (allowed: at_least, at_least_months, unborn, under, under_months)",
    ),
    (
        "strength-false-on-a-strength-level",
        *example_edit("{id: healthy, level: thriving,", "{id: healthy, strength: false, level: thriving,"),
        "indicators[healthy].strength",
        "level 'thriving' lists what is working well, so its indicators are strengths",
    ),
    (
        "strength-that-describes-harm",
        *example_edit(GRANDPARENT, "{id: grandparent-helps, strength: true, describes_harm: true,"),
        "indicators[grandparent-helps].describes_harm",
        "a strength cannot describe harm",
    ),
    (
        "domain-and-domains",
        *example_edit(TEEN, TEEN.replace("domains:", "domain: home-family, domains:")),
        "indicators[nowhere-to-live]",
        "give 'domain' or 'domains', one of the two, not both",
    ),
    (
        "neither-domain-nor-domains",
        *example_edit(TEEN, TEEN.replace(" domains: [home-family, safety-outside],", "")),
        "indicators[nowhere-to-live]",
        "give 'domain' or 'domains', one of the two",
    ),
    (
        "domains-unknown",
        *example_edit(TEEN, TEEN.replace("safety-outside]", "outside]")),
        "indicators[nowhere-to-live].domains[1]",
        "'outside' is not a defined domain",
    ),
    (
        "all-of-the-same-indicator-twice",
        *example_edit(TRIO, TRIO.replace("parent-drink-drugs", "frightening-arguments")),
        "rules[three-together].when.all_of.indicators",
        "lists 'frightening-arguments' twice: give each once",
    ),
    # Counting by level and by domain, and a raise rule confined to a level (issue 29).
    (
        "at-least-an-unknown-domain",
        *example_edit(DOMAINS, DOMAINS.replace("safety-outside]", "outside]")),
        "rules[needs-in-two-domains].when.at_least.domains[3]",
        "'outside' is not a defined domain",
    ),
    (
        "at-least-an-unknown-level",
        *example_edit(DOMAINS, DOMAINS.replace("levels: [targeted-early-help]", "levels: [early-help]")),
        "rules[needs-in-two-domains].when.at_least.levels[0]",
        "'early-help' is not a defined level",
    ),
    (
        "at-least-more-domains-than-listed",
        *example_edit(f"count: 2, {DOMAINS}", f"count: 5, {DOMAINS}"),
        "rules[needs-in-two-domains].when.at_least.count",
        "at least 5 of 4 listed can never hold",
    ),
    (
        "at-least-a-domain-no-worry-at-the-level-is-under",
        *example_edit(f"count: 2, {DOMAINS}", f"count: 4, {DOMAINS}"),
        "rules[needs-in-two-domains].when.at_least.count",
        "at least 4 can never hold: with every worry chosen, at most 3 could",
    ),
    (
        "at-least-more-worries-than-the-level-has",
        *example_edit(CONFINED, CONFINED.replace("count: 3", "count: 5")),
        "rules[three-emerging-needs].when.at_least.count",
        "at least 5 can never hold: with every worry chosen, at most 4 could",
    ),
    (
        "at-least-a-level-of-strengths",
        *example_edit(CONFINED, CONFINED.replace("levels: [emerging]", "levels: [thriving]")),
        "rules[three-emerging-needs].when.at_least.levels[0]",
        "level 'thriving' lists what is working well: its indicators are strengths, which never count as worries",
    ),
    (
        "at-least-levels-and-indicators",
        *example_edit(CONFINED, CONFINED.replace("count: 3,", "count: 2, indicators: [tired, new-baby],")),
        "rules[three-emerging-needs].when.at_least.levels",
        "'levels' counts the worries at those levels, and 'indicators' names worries one by one",
    ),
    (
        "all-of-only-levels",
        *example_edit(f"all_of: {{indicators: {TRIO}}}", "all_of: {levels: [targeted-early-help]}"),
        "rules[three-together].when.all_of",
        "give 'indicators', 'themes' or 'domains', or more than one",
    ),
    (
        "all-of-a-domain-that-never-holds",
        *example_edit(
            f"all_of: {{indicators: {TRIO}}}",
            "all_of: {domains: [learning-play, home-family], levels: [statutory-social-work]}",
        ),
        "rules[three-together].when.all_of",
        "all 2 listed can never hold: with every worry chosen, at most 1 could (strengths never count, and "
        "with 'levels' only the worries at those levels do): list only items that can hold",
    ),
    (
        "raise-rule-confined-below-its-own-level",
        *example_edit(CONFINED, CONFINED.replace("max_level: targeted-early-help", "max_level: emerging")),
        "rules[three-emerging-needs].when.max_level",
        "a 'raise' rule confined to max_level 'emerging' cannot set a higher level ('targeted-early-help')",
    ),
    (
        "min-level-above-max-level",
        *example_edit(CONFINED, CONFINED.replace("max_level:", "min_level: statutory-social-work, max_level:")),
        "rules[three-emerging-needs].when.min_level",
        "min_level 'statutory-social-work' is above max_level 'targeted-early-help': the rule would never hold",
    ),
    (
        "confined-rule-that-describes-harm",
        *example_edit(f"{EMERGING_LEVEL}", f"describes_harm: true\n    {EMERGING_LEVEL}"),
        "rules[three-emerging-needs].describes_harm",
        "a rule confined to a level (max_level) cannot take 'describes_harm'",
    ),
    (
        "emergency-rule-with-max-level",
        *example_edit(
            'when: {answers: {immediate_risk: ["yes"]}}\n    contacts',
            'when: {answers: {immediate_risk: ["yes"]}, max_level: emerging}\n    contacts',
        ),
        "rules[danger-now].when.max_level",
        "an 'emergency' rule cannot take max_level",
    ),
    (
        "domains-just-one",
        *example_edit(TEEN, TEEN.replace("[home-family, safety-outside]", "[home-family]")),
        "indicators[nowhere-to-live].domains",
        "needs at least 2 items, has 1",
    ),
    # An age band in months for babies (issue 29, round two): 1 to 11 months, each bound given once, never empty.
    (
        "months-band-of-a-year",
        *example_edit(MONTHS, "age: {under_months: 12}"),
        "indicators[bruised-baby].age.under_months",
        "must be at most 11, got 12",
    ),
    (
        "months-band-of-no-months",
        *example_edit(MONTHS, "age: {at_least_months: 0}"),
        "indicators[bruised-baby].age.at_least_months",
        "must be at least 1, got 0",
    ),
    (
        "months-band-and-years-for-one-bound",
        *example_edit(MONTHS, "age: {under: 1, under_months: 6}"),
        "indicators[bruised-baby].age",
        "give 'under' or 'under_months', not both: the band's bound is given once",
    ),
    (
        "months-band-that-its-years-contradict",
        *example_edit(MONTHS, "age: {at_least: 1, under_months: 6}"),
        "indicators[bruised-baby].age",
        "'under_months: 6' must be above 'at_least: 1': no age is in this band",
    ),
    (
        "months-band-with-no-month-in-it",
        *example_edit(MONTHS, "age: {at_least_months: 6, under_months: 6}"),
        "indicators[bruised-baby].age",
        "'under_months: 6' must be above 'at_least_months: 6': no age is in this band",
    ),
    (
        "months-band-unknown-key",
        *example_edit(MONTHS, "age: {under_weeks: 26}"),
        "indicators[bruised-baby].age.under_weeks",
        "unknown field 'under_weeks' (allowed: at_least, at_least_months, unborn, under, under_months)",
    ),
    (
        "scenario-baby-in-whole-years-where-a-band-is-in-months",
        *example_edit("check: {age: 4 months,", "check: {age: 0,"),
        "scenarios[bruised-baby-four-months].check.age",
        "give the baby's age in months, like 'age: 7 months': an age band in months splits the first year",
    ),
    (
        "scenario-months-of-a-year",
        *example_edit("check: {age: 4 months,", "check: {age: 14 months,"),
        "scenarios[bruised-baby-four-months].check.age",
        "14 months",
    ),
]


@pytest.mark.parametrize(("name", "text", "line", "path", "words"), FIELD_CASES, ids=[c[0] for c in FIELD_CASES])
def test_misused_indicator_fields_give_one_clear_line_naming_the_item(name, text, line, path, words):
    assert_one_clear_line(text, line, path, words)


def test_a_band_in_months_outside_the_age_range_is_named_on_its_line():
    """A guidance for children from 1: a band for babies under 6 months would never apply."""
    text = EXAMPLE_TEXT.replace("age_range: {youngest: 0,", "age_range: {youngest: 1,")
    with pytest.raises(ThresholdsError) as caught:
        load_text(text, "thresholds.yml")
    lines = {(p.line, p.path, p.message) for p in caught.value.problems}
    assert (
        line_of(EXAMPLE_TEXT, MONTHS),
        "indicators[bruised-baby].age",
        "no age in this band is within age_range (1 to 24): the indicator would never apply",
    ) in lines


def test_a_key_holding_a_colon_keeps_the_line_readable_at_its_colons():
    # A line's noise made into a key (a colon and quotes in it): the path names it quoted, its colons
    # escaped, so the line still reads "file:line: path: message"; the message shows the key as written.
    bad = GOOD.replace("format: 1\n", 'format: 1\n"text: \' \\"Exploited": 1\n', 1)
    with pytest.raises(ThresholdsError) as caught:
        load_text(bad, "thresholds.yml")
    problem = caught.value.problems[0]
    assert ":" not in problem.path and "u003a" in problem.path
    assert re.match(r"^thresholds\.yml:\d+: [^:]+: \S.*$", str(problem)), str(problem)
    assert "unknown field 'text: ' \"Exploited'" in problem.message
