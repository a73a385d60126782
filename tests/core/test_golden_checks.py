"""Every golden check and practice case (tests/fixtures/checks.yml) gives, word for word, the result,
"Check your answers", the referral summary and the debrief the fixture holds: a sentence that changes
wording fails here until the fixture is regenerated and the change read by eye (tests/golden.py)."""

from __future__ import annotations

import functools
import re

import golden
import pytest
from conftest import loaded

from levels_of_need import api, training
from levels_of_need.model import given_age

FIXTURE = golden.load()
CHECKS = {check["name"]: check for check in FIXTURE["checks"]}
PRACTICE = {case["name"]: case for case in FIXTURE["practice"]}


@functools.cache
def partnership(name: str):
    return loaded(golden.PARTNERSHIP_FILES[name])


def test_the_fixture_covers_both_partnerships_and_every_kind_of_check():
    """Each level of each partnership, and the checks that the rules make special, are in the fixture."""
    for name in golden.PARTNERSHIP_FILES:
        thresholds = partnership(name)
        checks = [c for c in FIXTURE["checks"] if c["partnership"] == name]
        headlines = [c["result"].splitlines()[0] for c in checks]
        for level in thresholds.levels:
            assert any(f"Suggested level: {level.label}" in line for line in headlines), (name, level.id)
        assert "Immediate risk: call now." in headlines
        assert any("The route is not decided yet." in line for line in headlines)  # a "not sure" or unanswered
        assert any("unsure" in c["check"]["answers"].values() for c in checks)
        assert any("month" in str(c["check"].get("age", "")) for c in checks)
        assert any(c["check"].get("unborn") for c in checks)
        assert any(c["check"].get("details") for c in checks)
        assert any(c["check"]["answers"].get("significant_harm") == "yes" for c in checks)
        assert [c for c in FIXTURE["practice"] if c["partnership"] == name]


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_a_golden_check_gives_the_fixtures_words(name):
    check = CHECKS[name]
    shown = golden.page_texts(api.page_answer(partnership(check["partnership"]), check["check"]))
    assert shown["result"] == check["result"]
    assert shown["check_your_answers"] == check["check_your_answers"]
    assert shown["summary"] == check["summary"]
    assert shown["age_notice"] == check["age_notice"]


@pytest.mark.parametrize("name", sorted(PRACTICE))
def test_a_golden_practice_case_gives_the_fixtures_debrief(name):
    case = PRACTICE[name]
    debrief = training.debrief(partnership(case["partnership"]), case["scenario"], case["choices"], case["committed"])
    assert golden.debrief_text(debrief) == case["debrief"]


def test_the_cli_prints_the_fixtures_result_and_summary():
    """`python -m toolkit check` and `summary` print the same words as the page: the fixture pins both."""
    for check in FIXTURE["checks"]:
        thresholds = partnership(check["partnership"])
        assert api.result_text(thresholds, check["check"]) == check["result"], check["name"]
        if not check["check"].get("details"):
            assert api.run_summary(thresholds, check["check"]) == check["summary"], check["name"]


def test_a_consent_step_never_leads_a_child_protection_result():
    """Where the guidance's route is protection from significant harm, the first action is never consent."""
    protection = [c for c in FIXTURE["checks"] if c["check"]["answers"].get("significant_harm") == "yes"]
    assert len(protection) >= 2
    for check in protection:
        first = check["result"].split("What to do first\n\n", 1)[1].split("\n", 1)[0]
        assert "consent" not in first.lower(), check["name"]


def test_an_unanswered_question_shows_no_route():
    unanswered = [c for c in FIXTURE["checks"] if c["name"].endswith("significant-harm-unanswered")]
    assert len(unanswered) == 2
    for check in unanswered:
        assert "The checker does not suggest the route until you answer:" in check["result"]
        assert "Next steps" not in check["result"]


def test_the_fixture_is_what_the_script_writes():
    """The file is the script's output, not edited by hand (then the script and the file drift)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_checks", golden.ROOT / "tests" / "fixtures" / "make_checks.py")
    make_checks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_checks)
    assert make_checks.written() == golden.FIXTURE.read_text(encoding="utf-8")


def test_an_age_is_counted_out_in_one_place():
    """ "1 year", "7 months": one function words a number of years or months (model.given_age), so that
    the answers, the summary, the notes on other ages and a scenario's age cannot word it differently."""
    assert [given_age(1, None), given_age(7, None), given_age(0, 1), given_age(0, 7)] == [
        "1 year",
        "7 years",
        "1 month",
        "7 months",
    ]
    # No second plural of its own anywhere: f"{n} year{'s' if …}" is how the three others were written.
    for path in [*(golden.ROOT / "core").rglob("*.py"), *(golden.ROOT / "toolkit").rglob("*.py")]:
        if "build/lib" not in path.as_posix():
            assert not re.search(r"(?:year|month)\{", path.read_text(encoding="utf-8")), path
