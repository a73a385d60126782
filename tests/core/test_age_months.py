"""Age bands in months for babies (issue 29, "the format, round two", point 1): ``under_months`` and
``at_least_months`` on an indicator's ``age`` and a rule's ``when: age``.

Exact, never a default: an unborn child matches a band in months only with ``unborn: true``; a baby's age
given in months is compared in months; and where a band in months splits the first year, the check takes a
baby's age only in months ("0" years is refused at the age question, saying what it needs), so whether a
band holds is never guessed. The fictional file's ``bruised-baby`` worry is offered for babies under 6 months.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_FILE, examples
from generated import age_bands
from hypothesis import given, settings
from hypothesis import strategies as st

from levels_of_need import api
from levels_of_need.model import AgeBand, Check, check_from_dict
from levels_of_need.present import age_band
from levels_of_need.questions import AGE
from levels_of_need.rules import MONTHS_NEEDED, CheckError, age_matches, evaluate
from toolkit.load import load_text

BABY = "bruised-baby"
ANSWERS = {"immediate_risk": "no", "significant_harm": "no", "consent": "given"}


def child(age: int | str | None = None, unborn: bool = False) -> Check:
    return check_from_dict({"age": age, "unborn": unborn})


@pytest.mark.parametrize(
    ("band", "age", "unborn", "holds"),
    [
        ({"under_months": 6}, "5 months", False, True),
        ({"under_months": 6}, "0 months", False, True),
        ({"under_months": 6}, "6 months", False, False),
        ({"under_months": 6}, 1, False, False),
        ({"under_months": 6}, None, True, False),  # an unborn child: only with unborn: true
        ({"unborn": True, "under_months": 6}, None, True, True),
        ({"at_least_months": 6}, "5 months", False, False),
        ({"at_least_months": 6}, "6 months", False, True),
        ({"at_least_months": 6}, 7, False, True),  # every month of the year aged 7 is 6 months or over
        ({"at_least_months": 6, "under": 2}, 1, False, True),  # 12 to 23 months: all within 6 to 23
        ({"at_least_months": 6, "under": 2}, 2, False, False),
        ({"under": 1}, "11 months", False, True),  # a band in years, a baby's months: compared in months
        ({"at_least": 1}, "11 months", False, False),
    ],
)
def test_a_band_in_months_holds_exactly(band, age, unborn, holds):
    assert age_matches(AgeBand(**band), child(age, unborn)) is holds


def test_a_band_in_months_never_holds_for_a_whole_year_it_splits():
    """Never a guess: "0" years is neither in nor out of "under 6 months", so the band does not hold; the
    check never gets there, as it refuses "0" where a band in months splits the first year (below)."""
    assert not age_matches(AgeBand(under_months=6), child(0))
    assert not age_matches(AgeBand(at_least_months=6), child(0))


@pytest.mark.parametrize(
    ("band", "words"),
    [
        ({"under_months": 6}, "babies under 6 months"),
        ({"under_months": 1}, "babies under 1 month"),
        ({"unborn": True, "under_months": 6}, "unborn babies and babies under 6 months"),
        ({"at_least_months": 6, "under": 1}, "babies aged 6 to 11 months"),
        ({"at_least_months": 2, "under_months": 4}, "babies aged 2 or 3 months"),
        ({"at_least_months": 3, "under_months": 4}, "babies aged 3 months"),
        ({"at_least_months": 6}, "children aged 6 months or over"),
    ],
)
def test_a_band_in_months_in_words(band, words):
    assert age_band(AgeBand(**band)) == words


def test_where_a_band_is_in_months_the_check_asks_a_babys_age_in_months(example):
    assert example.months_asked and example.indicator(BABY).age == AgeBand(under_months=6)
    with pytest.raises(CheckError) as refused:
        evaluate(example, check_from_dict({"age": "0", "indicators": [BABY], "answers": ANSWERS}))
    assert (str(refused.value), refused.value.field) == (MONTHS_NEEDED, AGE)
    # The page shows it at the age question, and says nothing about bands for an age it refuses.
    page = api.page_answer(example, {"age": "0", "indicators": [BABY], "answers": ANSWERS})
    assert page["problem"]["message"] == MONTHS_NEEDED and page["problem"]["field"] == AGE
    assert (page["age_notes"], page["age_notice"]) == ([], "")
    # Whole years from 1 are exact for a band in months within the first year.
    assert api.run_check(example, {"age": 1, "indicators": ["tired"], "answers": ANSWERS})["level_id"]


def test_an_emergency_never_waits_for_the_months(example):
    raw = {"age": "0", "indicators": [BABY], "answers": {"immediate_risk": "yes"}}
    assert api.run_check(example, raw)["emergency"] is True


def test_a_file_with_no_band_in_months_still_takes_0_years(example):
    text = EXAMPLE_FILE.read_text(encoding="utf-8").replace("age: {under_months: 6}, ", "")
    plain = load_text(text, "plain.yml")
    assert not plain.months_asked
    assert api.run_check(plain, {"age": "0", "indicators": [BABY], "answers": ANSWERS})["level_id"]


def test_a_worry_chosen_outside_its_band_in_months_is_challenged_in_months(example):
    baby = example.indicator(BABY)
    inside = api.run_check(example, {"age": "5 months", "indicators": [BABY], "answers": ANSWERS})
    assert inside["other_age"] == [] and [c for c in inside["challenges"] if c["question"] == AGE] == []
    raw = {"age": "7 months", "indicators": [BABY], "answers": ANSWERS}
    outside, text = api.run_check(example, raw), " ".join(api.result_text(example, raw).split())
    assert outside["route"] is None and outside["level_id"] == baby.level.id  # its own level, never lowered
    assert [c["confirm"] for c in outside["challenges"] if c["question"] == AGE] == [f"age:{BABY}"]
    assert "for a baby aged 7 months, though the checker offers it only for babies under 6 months" in text
    assert "The checker offers it for babies under 6 months; you chose it, so it sets its own level." in text
    notes = api.page_answer(example, raw)["age_notes"]
    assert {
        "indicator": BABY,
        "text": "The checker offers it for babies under 6 months, not for a baby aged 7 months.",
    } in notes
    confirmed = api.run_check(
        example, {**raw, "confirmed": [f"age:{BABY}"], "answers": {**ANSWERS, "significant_harm": "yes"}}
    )
    assert confirmed["route"] is not None


def test_an_unborn_baby_is_outside_a_band_in_months(example):
    result = api.run_check(example, {"unborn": True, "indicators": [BABY], "answers": ANSWERS})
    assert result["other_age"] == [BABY] and result["route"] is None


def test_a_rule_in_months_makes_the_age_a_question_until_given(example):
    """A raise rule for babies under 6 months: without the age the level waits for it, and each side of the
    bound in months gives its own level."""
    rule = (
        "  - id: tired-baby\n    kind: raise\n    when: {indicators: [tired], age: {under_months: 6}}\n"
        "    level: statutory-social-work\n"
        '    text: "Fictional example: a tired baby under 6 months needs social work."\n'
        "    source: Fictional example\n"
    )
    text = EXAMPLE_FILE.read_text(encoding="utf-8").replace("rules:\n", "rules:\n" + rule, 1)
    thresholds = load_text(text, "months-rule.yml")
    unknown = evaluate(thresholds, check_from_dict({"indicators": ["tired"], "answers": ANSWERS}))
    assert AGE in unknown.missing and unknown.route is None and not unknown.level_settled
    young = evaluate(thresholds, check_from_dict({"age": "5 months", "indicators": ["tired"], "answers": ANSWERS}))
    older = evaluate(thresholds, check_from_dict({"age": "6 months", "indicators": ["tired"], "answers": ANSWERS}))
    assert young.level.id == "statutory-social-work" and "tired-baby" in {r.id for r in young.reasons}
    assert older.level.id != "statutory-social-work"


def test_a_scenario_gives_a_babys_age_in_months(example):
    scenario = example.scenario("bruised-baby-four-months")
    assert (scenario.check.age, scenario.check.age_months, scenario.age_label) == (0, 4, "4 months")
    from levels_of_need.training import debrief, scenario_to_dict

    assert scenario_to_dict(example, scenario)["age"] == "4 months"
    choices = {"indicators": [BABY], "answers": dict(scenario.check.answers)}
    assert debrief(example, scenario.id, choices, "protection-enquiry")["commit_matches"] is True


@settings(max_examples=examples(200), deadline=None)
@given(age_bands(), st.integers(0, 11), st.integers(1, 19))
def test_any_band_holds_exactly_for_an_unborn_child_a_babys_months_and_whole_years(raw, months, years):
    """Over generated bands (years, months, both): an unborn child only with unborn: true; a baby's months
    compared in months; whole years only where every month of that year is in the band."""
    band = AgeBand(**raw)
    assert age_matches(band, child(None, unborn=True)) is band.unborn
    below = band.below_month if band.below_month is not None else 10**6
    assert age_matches(band, child(f"{months} months")) is (band.has_ages and band.from_month <= months < below)
    whole = band.has_ages and band.from_month <= 12 * years and 12 * years + 11 < below
    assert age_matches(band, child(years)) is whole
