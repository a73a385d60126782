"""The contact fields' misuse, each refused with one clear line naming the contact by its id, and the
district's contacts through the CLI."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from conftest import EXAMPLE_FILE
from toolkit_cli import run_toolkit

from toolkit.load import ThresholdsError, load_text

EXAMPLE = EXAMPLE_FILE.read_text(encoding="utf-8")


def problems_of(old: str, new: str) -> list[str]:
    assert old in EXAMPLE, old
    with pytest.raises(ThresholdsError) as refused:
        load_text(EXAMPLE.replace(old, new, 1), "example.yml")
    return [str(problem) for problem in refused.value.problems]


HUB = "    areas: {northdale: hub-northdale, southwick: hub-southwick}"
AREAS = "areas:\n  - {id: northdale, name: Northdale (fictional)}\n  - {id: southwick, name: Southwick (fictional)}\n"
CASES = {
    "a number written so its link could dial the wrong number": (
        'phone: "+44 (0)1632 960333"',
        'phone: "+441632960333"',
        "contacts[hub-southwick].phone",
        "+ with the country code, a space and the number",
    ),
    "an extension with no number": (
        'phone: "+44 (0)1632 960333"\n    extension: "4021"',
        'email: hub@example.org\n    extension: "4021"',
        "contacts[hub-southwick].extension",
        "'extension' belongs to a phone number",
    ),
    "an option in words": ('option: "2"', 'option: "press 2"', "contacts[hub-northdale].option", "'press 2'"),
    "a contact with no way to reach it": (
        '  - {id: escalation-lead, name: Exampleton Escalation Lead (fictional), phone: "01632 960444", ',
        "  - {id: escalation-lead, name: Exampleton Escalation Lead (fictional), ",
        "contacts[escalation-lead]",
        "give at least one way to reach this contact",
    ),
    "an area left out": (
        HUB,
        "    areas: {northdale: hub-northdale}",
        "contacts[early-help-hub].areas",
        "no contact for area 'southwick': give one for every area",
    ),
    "an area that is not defined": (
        HUB,
        "    areas: {northdale: hub-northdale, southwick: hub-southwick, eastdale: hub-southwick}",
        "contacts[early-help-hub].areas",
        "'eastdale' is not a defined area",
    ),
    "an area's contact that is not defined": (
        HUB,
        "    areas: {northdale: hub-northdale, southwick: hub-eastdale}",
        "contacts[early-help-hub].areas",
        "southwick: 'hub-eastdale' is not a defined contact",
    ),
    "an area's contact that differs by area itself": (
        HUB,
        "    areas: {northdale: hub-northdale, southwick: early-help-hub}",
        "contacts[early-help-hub].areas",
        "differs by area itself",
    ),
    "areas on a contact without the areas section": (
        AREAS,
        "",
        "contacts[early-help-hub].areas",
        "the file has no 'areas' section",
    ),
    "an area named as the answer 'not sure'": (
        "- {id: southwick, name: Southwick (fictional)}",
        "- {id: unsure, name: Southwick (fictional)}",
        "areas[unsure].id",
        "an area cannot be called 'unsure'",
    ),
    "one area's contact named by a step, not the contact that differs by area": (
        "            contact: early-help-hub",
        "            contact: hub-northdale",
        "levels[targeted-early-help].routes[family-help].next_steps[3].contact",
        "'hub-northdale' is one area's contact: name 'early-help-hub', which differs by area",
    ),
    "one area's contact named by an escalation stage": (
        "contact: escalation-lead}",
        "contact: hub-southwick}",
        "escalation.stages[1].contact",
        "'hub-southwick' is one area's contact: name 'early-help-hub'",
    ),
    "a number of fewer than three digits": ('phone: "999"', 'phone: "99"', "contacts[emergency].phone", "'99'"),
    "an escalation stage numbered out of order": (
        '    - {number: 2, text: "Fictional example: ask the escalation lead',
        '    - {number: 3, text: "Fictional example: ask the escalation lead',
        "escalation.stages[1].number",
        "stages are listed in order, numbered 1, 2, 3… without gaps; expected 2, got 3",
    ),
    "an escalation stage's contact that is not defined": (
        "contact: escalation-lead}",
        "contact: escalation-leed}",
        "escalation.stages[1].contact",
        "'escalation-leed' is not a defined contact",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_misused_contact_fields_are_refused_naming_the_item(case):
    old, new, where, words = CASES[case]
    problems = problems_of(old, new)
    assert any(f": {where}: " in p and words in p for p in problems), problems


def test_the_rewording_of_the_area_question_needs_areas():
    without = EXAMPLE.replace(AREAS, "").replace(HUB, '    phone: "01632 960555"')
    # And without the steps' and advice's district words, which need areas too (test_district_validation.py).
    without = re.sub(r"\n +areas:\n +\w+: \{[^\n]*\}|\n    areas: \[northdale\]", "", without)
    with pytest.raises(ThresholdsError) as refused:
        load_text(without, "example.yml")
    assert [p.path for p in refused.value.problems] == ["questions.area"]
    assert "the file has no 'areas'" in str(refused.value.problems[0])


def toolkit(*args: str) -> subprocess.CompletedProcess[str]:
    return run_toolkit(*args)


def test_the_cli_gives_the_districts_contacts_for_the_area_answered_and_every_district_while_it_is_not():
    base = ["check", "--thresholds", str(EXAMPLE_FILE), "--age", "5", "--immediate-risk", "no"]
    base += ["--significant-harm", "no", "--consent", "given", "damp-home"]
    answered = toolkit(*base, "--answer", "area=northdale")
    assert answered.returncode == 0, answered.stderr
    assert "Northdale Early Help Hub (fictional): 01632 960222 (then choose option 2)" in answered.stdout
    assert "960333" not in answered.stdout
    unanswered = toolkit(*base)
    assert "You have not answered the child’s area" in unanswered.stdout
    assert "Northdale (fictional): 01632 960222" in unanswered.stdout
    assert "Southwick (fictional): +44 (0)1632 960333 extension 4021" in unanswered.stdout
    data = json.loads(toolkit(*base, "--json", "--answer", "area=southwick").stdout)
    hub = data["next_steps"][-1]["contact"]
    assert (data["area"], hub["area"], hub["tel"]) == ("southwick", "southwick", "tel:+441632960333;ext=4021")
    refused = toolkit(*base, "--answer", "area=eastdale")
    assert refused.returncode == 2 and "area: 'eastdale' is not one of: northdale, southwick, unsure" in refused.stderr
