"""Steps and advice that differ by district (issue 29, point 5): with the child's area known, that area's
words only; with the area not answered or "not sure", the step's own words then each area's, labelled, advice
for some areas labelled with their names, and the result says the area is not answered. Never one area's
words guessed; an area's words never make a step that seeks consent lead, and never change a level."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import examples
from generated import AREA_CONSENT_WORDS, AREA_STEP_WORDS, checks, load, thresholds_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from levels_of_need import api, training
from levels_of_need.present import _first_step, first_action, inline_text, node, result_more, result_view
from levels_of_need.rules import evaluate

NO = {"immediate_risk": "no", "significant_harm": "no", "consent": "given"}
FAMILY_HELP = {"indicators": ["damp-home"], "age": 5}  # Level 3, family help: its steps differ by district

# The fictional file's words for the district steps and advice (examples/fictional-four-levels.yml).
NORTHDALE_STEP = "Northdale commissions its own early help service"
OWN_STEP = "Fictional example: send the request to the family help team."
SOUTHWICK_VISIT = "First visit to a family in Southwick, 15 working days"
OWN_VISIT = "First visit to the family, 10 working days"
NORTHDALE_ADVICE = "Northdale Family Support may offer a parenting course"


def words(t, raw) -> str:
    return " ".join(api.result_text(t, raw).split())


def with_area(area: str | None, **more: str) -> dict:
    return {**FAMILY_HELP, "answers": {**NO, **more, **({"area": area} if area else {})}}


def test_the_area_known_shows_that_areas_words_only(example):
    north = words(example, with_area("northdale"))
    assert NORTHDALE_STEP in north and OWN_STEP not in north
    assert OWN_VISIT in north and SOUTHWICK_VISIT not in north  # Northdale keeps the step's own timescale
    assert NORTHDALE_ADVICE in north
    assert "For a child in" not in north and "is shown, each with its area’s name" not in north
    south = words(example, with_area("southwick"))
    assert OWN_STEP in south and NORTHDALE_STEP not in south  # Southwick keeps the step's own words
    assert SOUTHWICK_VISIT in south and OWN_VISIT not in south
    assert NORTHDALE_ADVICE not in south  # advice for another area is not this child's
    for area in ("northdale", "southwick"):
        result = api.run(example, with_area(area))["result"]
        assert result["area"] == area and result["area_open"] is False
        assert all(step["by_area"] == [] for step in result["next_steps"])


@pytest.mark.parametrize("answer", [None, "unsure"])
def test_the_area_not_known_shows_the_steps_own_words_then_each_areas_labelled_and_says_so(example, answer):
    shown = words(example, with_area(answer))
    own, north = (
        shown.index(OWN_STEP),
        shown.index(f"For a child in Northdale (fictional): Fictional example: {NORTHDALE_STEP}"),
    )
    assert own < north  # the step's own words first, the guidance's for every other area
    assert f"{OWN_VISIT}. For a child in Southwick (fictional): Timescale: {SOUTHWICK_VISIT}." in shown
    assert f"For a child in Northdale (fictional) only: Fictional example: in Northdale, {NORTHDALE_ADVICE}" in shown
    said = "You are not sure of" if answer else "You have not answered"
    assert f"{said} the child’s area" in shown and "is shown, each with its area’s name" in shown
    result = api.run(example, with_area(answer))["result"]
    assert result["area"] is None and result["area_open"] is True
    step = next(s for s in result["next_steps"] if s["by_area"] and s["by_area"][0]["area"] == "northdale")
    assert step["text"] == OWN_STEP and NORTHDALE_STEP in step["by_area"][0]["text"]
    assert next(a for a in result["advice"] if a["areas"])["areas"] == ["northdale"]


def test_the_steps_keep_their_places_and_the_level_and_route_whatever_the_area(example):
    results = {
        area: evaluate(example, api.check_from_dict(with_area(area))) for area in (None, "northdale", "southwick")
    }
    assert len({(r.level.id, r.route.id, len(r.next_steps)) for r in results.values()}) == 1
    seeks = {tuple(s.seeks_consent for s in r.next_steps) for r in results.values()}
    assert len(seeks) == 1  # each step keeps its own seeks_consent, so its place in the route


def test_what_to_do_first_is_the_routes_first_step_whatever_the_area(example):
    for area in (None, "unsure", "northdale", "southwick"):
        result = evaluate(example, api.check_from_dict(with_area(area)))
        box = inline_text(node("div", *first_action(example, result)))
        assert "ask the family whether they agree to a request for family help" in box, area


def test_a_consent_step_with_an_areas_words_is_shown_in_that_areas_words_and_never_leads_at_risk(example):
    """An area's own words for a step that seeks consent: the step keeps seeks_consent, so where the child may
    be at risk of significant harm it never leads, in any area's words."""
    import copy

    from levels_of_need.model import from_dict

    data = copy.deepcopy(example.data)
    route = next(r for lv in data["levels"] for r in lv["routes"] if r["id"] == "child-in-need-assessment")
    route["next_steps"][0]["areas"] = {"southwick": {"text": "Fictional: in Southwick, seek the family's consent."}}
    t = from_dict(data)
    harm = next(i.id for i in t.indicators if i.describes_harm and not i.is_strength and i.age is None)
    for area in (None, "northdale", "southwick"):
        raw = {"indicators": [harm], "age": 7, "answers": {"immediate_risk": "no", **({"area": area} if area else {})}}
        result = evaluate(t, api.check_from_dict(raw))
        box = inline_text(node("div", *first_action(t, result)))
        assert result.at_risk and "consent" not in box.lower(), (area, box)


def test_an_area_never_changes_the_level_or_the_route(example):
    for indicators in (["damp-home"], ["tired"], []):
        outcomes = set()
        for area in (None, "unsure", "northdale", "southwick"):
            raw = {"indicators": indicators, "age": 5, "answers": {**NO, **({"area": area} if area else {})}}
            result = evaluate(example, api.check_from_dict(raw))
            outcomes.add((result.level and result.level.id, result.route and result.route.id, result.missing))
        assert len(outcomes) == 1, indicators


def test_a_route_held_back_for_consent_quotes_its_consent_step_in_the_childs_areas_words(example):
    """Where the result quotes a step (a route held back for consent: the guidance's words on consent), the
    same rule as the steps: the child's area's words, or every area's, labelled, and the area said open."""
    import copy

    from levels_of_need.model import from_dict

    data = copy.deepcopy(example.data)
    route = next(r for lv in data["levels"] for r in lv["routes"] if r["id"] == "family-help")
    route["next_steps"][0]["areas"] = {"northdale": {"text": "Fictional: in Northdale, ask the family to agree."}}
    t = from_dict(data)
    refused = {"immediate_risk": "no", "significant_harm": "no", "consent": "refused"}
    north = words(t, {**FAMILY_HELP, "answers": {**refused, "area": "northdale"}})
    assert "The guidance says: Fictional: in Northdale, ask the family to agree." in north
    assert "ask the family whether they agree" not in north
    unknown = words(t, {**FAMILY_HELP, "answers": refused})
    assert "For a child in Northdale (fictional): Fictional: in Northdale, ask the family to agree." in unknown
    assert api.run(t, {**FAMILY_HELP, "answers": refused})["result"]["area_open"] is True


def test_the_training_debrief_carries_the_same_area_rule(example):
    scenario = next(s for s in example.scenarios if s.routes and s.routes[0].id == "family-help")
    debrief = training.debrief(example, scenario.id, {"indicators": [], "answers": {}}, None)
    steps = debrief["expected"]["next_steps"]
    assert any(s["by_area"] for s in steps)  # the scenario gives no area: every area's words, as the result's
    assert debrief["expected"]["area_open"] is True


def test_a_file_without_areas_shows_no_area_words(thresholds):
    text = " ".join(
        inline_text(
            node(
                "div",
                *result_view(
                    thresholds,
                    evaluate(
                        thresholds,
                        api.check_from_dict({"indicators": [thresholds.indicators[0].id], "age": 5, "answers": NO}),
                    ),
                ),
            )
        ).split()
    )
    assert "For a child in" not in text


# ---- Over generated files (tests/core/generated.py: district_words) ----------------------------------


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_over_generated_files_an_areas_words_are_shown_only_for_it_or_labelled_and_never_lead_with_consent(data):
    t = load(data.draw(thresholds_data()))
    check = data.draw(checks(t))
    result = evaluate(t, check)
    shown = " ".join(inline_text(node("div", *result_view(t, result), *result_more(t, result))).split())
    if not t.areas:
        return
    # Whether a step that seeks consent leads is the same in every area's words as in the step's own: an
    # area's words never make a consent step lead (nor keep one from leading where the guidance puts it).
    leads = set()
    for other in (None, "north", "south"):
        answers = {k: v for k, v in check.answers.items() if k != "area"} | ({"area": other} if other else {})
        other_result = evaluate(t, replace(check, answers=answers))
        step = _first_step(other_result)
        leads.add(step is not None and step.seeks_consent)
        if other_result.at_risk and other_result.route is None:  # the route undecided: never consent first
            assert not (step is not None and step.seeks_consent)
    area = check.answers.get("area")
    known = area in ("north", "south")
    if known:
        assert "For a child in" not in shown
    if AREA_STEP_WORDS in shown or AREA_CONSENT_WORDS in shown:
        assert area == "north" or "For a child in North (fictional):" in shown
    if "For a child in" in shown:
        assert result.area_open and "the child’s area" in shown
    for rule in result.advice:
        assert not rule.areas or not known or area in {a.id for a in rule.areas}
    assert len(leads) == 1
