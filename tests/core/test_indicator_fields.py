"""The optional indicator fields over the fictional partnership's file, through the core's api and the
CLI (``python -m toolkit check``), each with the level and reason its file designs:

- an age band (``age`` on an indicator): inside the band and outside it;
- "two or more of these" (``at_least``) and "all of these" (``all_of``) rules;
- a strength above Level 1 (``strength: true``);
- an indicator under two domains (``domains``).

The expected words are the file's own: read from it here, never written out a second time.
"""

from __future__ import annotations

import copy
import json

import pytest
from conftest import EXAMPLE_FILE, ROOT
from toolkit_cli import run_toolkit

from levels_of_need import api
from levels_of_need.model import AgeBand
from levels_of_need.present import age_band

NO = {"immediate_risk": "no", "significant_harm": "no", "consent": "given"}
NO_ANSWERS = ("--immediate-risk", "no", "--significant-harm", "no", "--consent", "given")


def rule_text(example, rule_id):
    return next(r.text for r in example.rules if r.id == rule_id)


def cli(*args: str) -> dict:
    """``python -m toolkit check --json`` over the fictional file: "no" to the first two questions, consent given."""
    run = run_toolkit("check", "--json", "--thresholds", str(EXAMPLE_FILE), *NO_ANSWERS, *args)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def check(example, age, *indicators, unborn=False):
    raw = {"indicators": list(indicators), "answers": NO}
    raw.update({"unborn": True} if unborn else {"age": age})
    return api.run_check(example, raw), api.result_text(example, raw)


def decisive(result):
    return [r for r in result["reasons"] if r["decisive"]]


# ---- Age bands -----------------------------------------------------------------------------------


# A baby's age in months: the file has a band in months, so the check takes a baby's age only so.
@pytest.mark.parametrize(("age", "unborn"), [("7 months", False), (None, True)])
def test_an_age_band_indicator_inside_its_band_counts_with_no_note(example, age, unborn):
    indicator = example.indicator("missed-health-checks")
    assert indicator.age == AgeBand(unborn=True, under=1)
    result, text = check(example, age, indicator.id, unborn=unborn)
    assert (result["level_id"], result["route"]) == ("targeted-early-help", "family-help")
    assert [r["id"] for r in decisive(result)] == [indicator.id]
    assert decisive(result)[0]["written_for"] is None and result["other_age"] == []
    assert indicator.text in text and "offers it for" not in text


def test_an_age_band_indicator_outside_its_band_still_counts_and_the_result_says_for_which_age(example):
    indicator = example.indicator("missed-health-checks")
    result, text = check(example, 7, indicator.id)
    # The user's choice stands: the level is not lowered, and the reason says the band. The choice is
    # challenged: no route until the user confirms that it applies to this child.
    assert (result["level_id"], result["route"]) == ("targeted-early-help", None)
    assert result["challenges"][0]["confirm"] == f"age:{indicator.id}"
    confirmed = {"indicators": [indicator.id], "age": 7, "answers": NO, "confirmed": [f"age:{indicator.id}"]}
    assert api.run_check(example, confirmed)["route"] == "family-help"
    assert decisive(result)[0]["written_for"] == indicator.age.as_dict()
    assert result["other_age"] == [indicator.id]
    assert f"{indicator.text}. The checker offers it for unborn babies and children under 1" in text
    assert cli("--age", "7", indicator.id)["other_age"] == [indicator.id]
    assert cli("--age", "7 months", indicator.id)["other_age"] == []


def test_the_page_is_told_which_indicators_are_for_another_age_and_nothing_while_the_age_is_unknown(example):
    baby, teenager = example.indicator("missed-health-checks"), example.indicator("nowhere-to-live")
    at_7 = api.page_answer(example, {"age": "7", "indicators": [baby.id], "answers": NO})
    notes = {note["indicator"]: note["text"] for note in at_7["age_notes"]}
    assert notes == {
        baby.id: "The checker offers it for unborn babies and children under 1, not for a child aged 7.",
        teenager.id: "The checker offers it for children aged 16 or 17, not for a child aged 7.",
        "bruised-baby": "The checker offers it for babies under 6 months, not for a child aged 7.",
    }
    assert f"“{baby.text}” (the checker offers it for unborn babies and children under 1)" in at_7["age_notice"]
    assert "still chosen and still count" in at_7["age_notice"]
    worries = next(row["value"] for row in at_7["answers"] if row["field"] == "worries")
    assert worries == [
        f"{baby.text} ({baby.level.label}). The checker offers it for unborn babies and children under 1, "
        "not for a child aged 7"
    ]
    unknown = api.page_answer(example, {"indicators": [baby.id], "answers": NO})
    assert (unknown["age_notes"], unknown["age_notice"]) == ([], "")
    at_16 = api.page_answer(example, {"age": "16", "indicators": [teenager.id], "answers": NO})
    assert teenager.id not in {note["indicator"] for note in at_16["age_notes"]} and at_16["age_notice"] == ""
    # An age the form refuses is the problem shown; nothing is said about bands for it.
    refused = api.page_answer(example, {"age": "40", "indicators": [baby.id], "answers": NO})
    assert refused["problem"] and (refused["age_notes"], refused["age_notice"]) == ([], "")


def test_age_bands_in_words():
    assert age_band(AgeBand(**{"unborn": True})) == "unborn babies"
    assert age_band(AgeBand(**{"under": 5})) == "children under 5"
    assert age_band(AgeBand(**{"at_least": 18})) == "children aged 18 or over"
    assert age_band(AgeBand(**{"at_least": 5, "under": 11})) == "children aged 5 to 10"
    assert age_band(AgeBand(**{"at_least": 16, "under": 17})) == "children aged 16"
    assert age_band(AgeBand(**{"unborn": True, "at_least": 0, "under": 2})) == "unborn babies and children aged 0 or 1"


# ---- Counting conditions -----------------------------------------------------------------------------


def test_two_or_more_of_these_raises_the_level_and_one_alone_does_not(example):
    words = rule_text(example, "two-or-more-emerging")
    one, _ = check(example, 9, "misses-school")
    assert (one["level_id"], [r["id"] for r in decisive(one)]) == ("emerging", ["misses-school"])
    two, text = check(example, 9, "misses-school", "hangs-around-late")
    assert (two["level_id"], two["route"]) == ("targeted-early-help", "family-help")
    assert decisive(two)[0]["id"] == "two-or-more-emerging" and decisive(two)[0]["text"] == words
    assert f"Rule: {words}" in text
    assert cli("--age", "9", "misses-school", "hangs-around-late")["level_id"] == "targeted-early-help"


def test_all_of_these_together_raises_the_level_and_two_of_the_three_do_not(example):
    words = rule_text(example, "three-together")
    trio = ("frightening-arguments", "parent-drink-drugs", "parent-low-mood")
    two, _ = check(example, 9, *trio[:2])
    assert two["level_id"] == "targeted-early-help" and "three-together" not in [r["id"] for r in two["reasons"]]
    three, text = check(example, 9, *trio)
    assert (three["level_id"], three["route"]) == ("statutory-social-work", "child-in-need-assessment")
    assert decisive(three)[0]["id"] == "three-together" and f"Rule: {words}" in text
    assert cli("--age", "9", *trio)["route"] == "child-in-need-assessment"


# ---- Counting by level and by domain, and a raise rule confined to a level (issue 29) --------------------

EMERGING = ("tired", "misses-school", "new-baby")


def test_three_worries_at_a_level_count_by_level_and_the_rule_is_a_reason_in_its_own_words(example):
    words = rule_text(example, "three-emerging-needs")
    two, two_text = check(example, 9, "tired", "new-baby")
    assert "three-emerging-needs" not in [r["id"] for r in two["reasons"]] and words not in two_text
    three, text = check(example, 9, *EMERGING)
    assert three["level_id"] == "targeted-early-help"
    assert "three-emerging-needs" in [r["id"] for r in decisive(three)] and f"Rule: {words}" in text
    assert "three-emerging-needs" in [r["id"] for r in cli("--age", "9", *EMERGING)["reasons"]]


def test_a_strength_at_the_level_counted_is_never_a_worry(example):
    """A strength at the level a counting rule counts (grandparent-helps, at targeted early help) never
    counts: two worries and the strength are two."""
    from levels_of_need.model import Counting, check_from_dict
    from levels_of_need.rules import count_holding

    chosen = ["damp-home", "parent-low-mood", "grandparent-helps"]
    check_ = check_from_dict({"indicators": chosen, "age": 9})
    worries = [i for i in example.indicators if i.id in chosen and not i.is_strength]
    assert count_holding(Counting(levels=("targeted-early-help",), count=3), check_, worries) == 2
    home = Counting(domains=("home-family",), levels=("targeted-early-help",))
    assert count_holding(home, check_, []) == 0, "a strength alone holds no domain"


def test_needs_in_two_domains_count_distinct_domains_and_one_domain_twice_does_not(example):
    words = rule_text(example, "needs-in-two-domains")
    same, _ = check(example, 9, "damp-home", "parent-low-mood")  # both under home and family
    assert same["level_id"] == "targeted-early-help"
    assert "needs-in-two-domains" not in [r["id"] for r in same["reasons"]]
    two, text = check(example, 9, "damp-home", "out-of-school")  # home and family, learning and play
    assert (two["level_id"], two["route"]) == ("statutory-social-work", "child-in-need-assessment")
    assert decisive(two)[0]["id"] == "needs-in-two-domains" and f"Rule: {words}" in text
    emerging, _ = check(example, 9, "damp-home", "misses-school")  # a worry at another level counts for nothing
    assert "needs-in-two-domains" not in [r["id"] for r in emerging["reasons"]]


def test_a_worry_under_two_domains_makes_each_hold(example):
    """An indicator the guidance puts under two domains makes both hold (documented in docs/format.md)."""
    from levels_of_need.model import Counting, check_from_dict
    from levels_of_need.rules import count_holding

    both = Counting(domains=("home-family", "safety-outside"), count=2)
    worries = [example.indicator("nowhere-to-live")]
    assert count_holding(both, check_from_dict({"indicators": ["nowhere-to-live"], "age": 16}), worries) == 2


@pytest.mark.parametrize(
    ("age", "unborn", "counts"), [(9, False, False), ("7 months", False, True), (None, True, True)]
)
def test_a_worry_outside_its_age_band_never_counts_by_domain(example, age, unborn, counts):
    """missed-health-checks (health and growing up) is written for unborn babies and babies under 1."""
    result, _ = check(example, age, "missed-health-checks", "damp-home", unborn=unborn)
    assert ("needs-in-two-domains" in [r["id"] for r in result["reasons"]]) is counts
    assert result["level_id"] == ("statutory-social-work" if counts else "targeted-early-help")


def test_a_rule_confined_to_a_level_shows_there_and_never_beside_a_higher_result(example):
    words = rule_text(example, "three-emerging-needs")
    _, alone_text = check(example, 9, *EMERGING)
    assert f"Rule: {words}" in alone_text
    higher, text = check(example, 9, *EMERGING, "left-alone")
    assert higher["level_id"] == "statutory-social-work"
    assert "three-emerging-needs" not in [r["id"] for r in higher["reasons"]] and words not in text
    # It stops showing; nothing is lowered: the other reasons at targeted early help still show.
    assert "two-or-more-emerging" in [r["id"] for r in higher["reasons"]]


# ---- Strengths at any level ------------------------------------------------------------------------


def test_a_strength_above_level_1_is_recorded_and_never_sets_or_raises_the_level(example):
    strength = example.indicator("grandparent-helps")
    assert strength.is_strength and strength.level.number == 3
    alone, text = check(example, 9, strength.id)
    # As if nothing were chosen: the first level, because no worry was chosen.
    assert (alone["level_id"], [r["id"] for r in alone["reasons"]]) == ("thriving", ["no-worries"])
    assert alone["strengths"] == [strength.id] and "No worries were chosen" in text
    beside, _ = check(example, 9, strength.id, "misses-school")
    assert (beside["level_id"], [r["id"] for r in decisive(beside)]) == ("emerging", ["misses-school"])
    assert cli("--age", "9", strength.id, "misses-school")["level_id"] == "emerging"
    summary = api.run_summary(example, {"age": 9, "indicators": [strength.id, "misses-school"], "answers": NO})
    assert f"- {strength.text}" in summary


# ---- Several domains ------------------------------------------------------------------------------


def test_an_indicator_under_two_domains_is_one_indicator_named_under_both(example):
    indicator = example.indicator("nowhere-to-live")
    assert [d.id for d in indicator.domains] == ["home-family", "safety-outside"]
    result, text = check(example, 16, indicator.id)
    assert (result["level_id"], result["route"]) == ("statutory-social-work", "child-in-need-assessment")
    assert decisive(result)[0]["domain"] == "Home and family and Safety outside the home"
    assert f"Home and family and Safety outside the home: {indicator.text}" in text
    listed = next(i for i in api.indicator_list(example) if i["id"] == indicator.id)
    assert (listed["domain"], listed["domains"]) == ("home-family", ["home-family", "safety-outside"])


# ---- The format's documentation -------------------------------------------------------------------

SECTIONS = (
    "### Indicators for an age band (`age`)",
    "### Strengths at any level (`strength`)",
    "### An indicator under several domains (`domains`)",
    '### Counting: "two or more of these" and "all of these together"',
)


def test_the_formats_worked_examples_are_the_fictional_files_own_entries():
    """docs/format.md's examples for these fields are lines of the file the tests above check, so the
    documentation shows what the checker does with them."""
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    example = EXAMPLE_FILE.read_text(encoding="utf-8").splitlines()
    for heading in SECTIONS:
        section = doc.split(heading, 1)[1].split("\n#", 1)[0]
        blocks = section.split("```yaml\n")[1:]
        assert blocks, heading
        for block in blocks:
            for line in block.split("```", 1)[0].splitlines():
                assert line in example, (heading, line)


def test_an_emergency_that_counts_a_worry_written_for_other_ages_waits_for_the_age(example):
    # Two statutory worries together an emergency; one of them written for 16 and 17 year olds. While the
    # age is unknown it counts, so the emergency holds only then: the result asks for the age, as a raise
    # rule's would, and names no route; given, the age decides.
    from levels_of_need.model import from_dict

    data = copy.deepcopy(example.data)
    data["rules"].append(
        {
            "id": "two-statutory-needs",
            "kind": "emergency",
            "when": {"at_least": {"count": 2, "levels": ["statutory-social-work"]}},
            "contacts": ["emergency", "front-door"],
            "text": "Fictional example: two statutory needs together: call now.",
            "source": "a test",
        }
    )
    counting = from_dict(data)
    answers = {"immediate_risk": "no", "significant_harm": "no", "consent": "given"}
    worries = ["left-alone", "nowhere-to-live"]
    unknown = api.run_check(counting, {"indicators": worries, "answers": answers})
    assert not unknown["complete"] and "age" in unknown["missing"] and unknown["route"] is None
    assert not unknown["emergency"]
    assert api.run_check(counting, {"indicators": worries, "age": 17, "answers": answers})["emergency"]
    at_8 = {"indicators": worries, "age": 8, "answers": answers, "confirmed": ["age:nowhere-to-live"]}
    assert not api.run_check(counting, at_8)["emergency"]
    # An emergency that holds whatever the age still stops the check at once.
    both_statutory = {"indicators": ["left-alone", "exploited"], "answers": answers}
    assert api.run_check(counting, both_statutory)["emergency"]
