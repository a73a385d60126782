"""The checker's promises, over any check (hypothesis), for the two shipped files and for generated
thresholds files that use every kind of rule and condition.

1. Adding a worry never lowers the level (nor, once decided, the route).
2. No result whose route is undecided, or is one that does not require consent (a child who may be
   at risk of significant harm), has a consent-seeking first step.
3. Every result explains itself by its reasons.
4. Strengths never change the level or the route.
5. A rule whose words describe harm holds back the route while "no" to significant harm is unconfirmed.
6. A worry outside its age band never counts towards a counting rule, and holds back the route until
   the practitioner confirms that it applies to this child.
7. Where the child's age would change the level or route and it is not given, the checker asks (a baby's
   months too, where an age band is in months).
8. Where a worry or rule whose words describe harm is in the check, whatever the answers on harm and consent,
   no step or advice that seeks consent comes before the step the guidance gives where harm is suspected
   (the telephone call), and that step leads the result.
9. A "no" to immediate risk beside a worry or rule whose words name an immediate risk holds back the route
   until it is confirmed.
10. A route that requires consent is suggested, with its steps, only with consent given, unless harm may be
    present.
11. A raise rule confined to a level (max_level) is a reason exactly where it holds and the level reached is
    no higher than its max_level: it never shows beside a higher result, and never lowers one (1).
"""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest
from conftest import EXAMPLE_FILE, THRESHOLDS_FILE, examples, loaded
from generated import EMERGENCY_RULE, checks, load, thresholds_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from levels_of_need.model import Check
from levels_of_need.present import advice_parts, inline_text, node, result_view, step_parts
from levels_of_need.questions import AGE, AREA
from levels_of_need.rules import (
    age_matches,
    condition_holds,
    evaluate,
    harm_described,
    harm_first_step,
    harm_step_waits_for,
    in_area,
    reach,
)

FILES = {"medway": loaded(THRESHOLDS_FILE), "example": loaded(EXAMPLE_FILE)}
SETTINGS = settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def rank(thresholds, route):
    return [r.id for _, r in thresholds.routes()].index(route.id)


def adding_a_worry_never_lowers_the_result(thresholds, check, extra):
    before = evaluate(thresholds, check)
    after = evaluate(thresholds, replace(check, indicators=check.indicators | {extra}))
    if before.level is not None:
        assert after.level is not None and after.level.number >= before.level.number
    if before.route is not None and after.route is not None:
        assert rank(thresholds, after.route) >= rank(thresholds, before.route)


def never_leads_with_consent_where_harm_is_possible(thresholds, check):
    result = evaluate(thresholds, check)
    if result.route is None:
        assert result.next_steps == (), "an undecided result shows no route and no steps"
    elif result.route.consent_required is False and result.next_steps:
        assert not result.next_steps[0].seeks_consent


def explained_by_its_reasons(thresholds, check):
    result = evaluate(thresholds, check)
    decisive = [r for r in result.reasons if r.decisive]
    assert decisive, "every result has at least one decisive reason"
    reached = max(r.level.number for r in result.reasons)
    assert result.level is None or reached == result.level.number
    assert any(r.level.number == reached for r in decisive)
    if result.route is not None:
        # The route is either the level's first, or set by a rule naming that route.
        assert result.route == result.level.routes[0] or any(
            r.kind == "rule" and r.route == result.route for r in decisive
        )
    worries = {i for i in check.indicators if not thresholds.indicator(i).is_strength}
    if not result.emergency:
        assert {r.id for r in result.reasons if r.kind == "indicator"} == worries


def strengths_change_nothing(thresholds, check):
    strengths = {i.id for i in thresholds.indicators if i.is_strength}
    plain = evaluate(thresholds, replace(check, indicators=check.indicators - strengths))
    with_strengths = evaluate(thresholds, replace(check, indicators=check.indicators | strengths))
    assert (with_strengths.level, with_strengths.route) == (plain.level, plain.route)


def a_harm_rule_holds_back_the_route_until_confirmed(thresholds, check):
    """Harm by rule as by tick: a rule whose words describe harm, holding, with "no" to significant harm not
    confirmed, leaves no route and no step (so no consent step) shown."""
    result = evaluate(thresholds, check)
    if result.emergency or check.answers.get("significant_harm") != "no":
        return
    harm_rules = {r.id for r in thresholds.rules if r.describes_harm}
    lifted = [r for r in result.reasons if r.kind == "rule" and r.id in harm_rules and r.id not in check.confirmed]
    if lifted:
        assert result.route is None and result.next_steps == ()
        assert {c.about.id for c in result.unconfirmed} >= {r.id for r in lifted}


def a_worry_outside_its_band_never_counts(thresholds, check):
    """A counting rule ("two or more of") that holds, holds by worries the guidance writes for this child."""
    result = evaluate(thresholds, check)
    rules = {r.id: r for r in thresholds.rules}
    worries = [i for i in thresholds.indicators if i.id in check.indicators and not i.is_strength]
    in_band = [i for i in worries if i.age is None or not check.age_given or age_matches(i.age, check)]
    outside = [i for i in worries if i not in in_band]
    if not result.emergency and any(f"age:{i.id}" not in check.confirmed for i in outside):
        assert result.route is None, "a worry outside its band is challenged until confirmed"
    for reason in result.reasons:
        when = rules[reason.id].when if reason.kind == "rule" else None
        for counting in ("all_of", "at_least"):
            items = getattr(when, counting, None)
            if items is not None:
                needed = items.count if counting == "at_least" else len(items.items)
                assert _held_in_band(items, in_band) >= needed, (reason.id, check)


def _held_in_band(items, in_band):
    """The items a counting condition holds by worries in their band (and, with levels, at those levels)."""
    counted = [i for i in in_band if not items.levels or i.level.id in items.levels]
    if not items.items:
        return len(counted)
    ids = {i.id for i in in_band}
    themes = {i.theme.id for i in counted if i.theme}
    domains = {d.id for i in counted for d in i.domains}
    return (
        sum(i in ids for i in items.indicators)
        + sum(t in themes for t in items.themes)
        + sum(d in domains for d in items.domains)
    )


def a_confined_rule_shows_only_within_its_level(thresholds, check):
    """A raise rule with max_level is a reason where it holds and the level reached is within its max_level,
    and nowhere else: a step-up written for Level 2 never shows beside a child protection result."""
    result = evaluate(thresholds, check)
    if result.emergency:
        return
    worries = [i for i in thresholds.indicators if i.id in check.indicators and not i.is_strength]
    worry_level = max((i.level for i in worries), key=lambda lv: lv.number, default=thresholds.levels[0])
    shown = {r.id for r in result.reasons if r.kind == "rule"}
    reached = max(r.level.number for r in result.reasons)
    for rule in thresholds.rules:
        if rule.kind != "raise" or rule.when.max_level is None:
            continue
        holds = condition_holds(replace(rule.when, max_level=None), thresholds, check, worries, worry_level)
        within = reached <= thresholds.level(rule.when.max_level).number
        assert (rule.id in shown) == (holds and within), (rule.id, reached, check)


def an_age_that_matters_is_asked(thresholds, check):
    """Where the child's age would change the level or route and it is not given, no route is suggested."""
    if check.age_given:
        return
    result = evaluate(thresholds, check)
    ages = range(thresholds.age_range.youngest, thresholds.age_range.oldest + 1)
    # Every age the check takes: whole years (not 0 where a band in months needs a baby's months), a baby's months.
    years = [a for a in ages if a != 0 or not thresholds.months_asked]
    babies = range(12) if thresholds.age_range.covers(0) else ()
    tried = [
        replace(check, unborn=True),
        *(replace(check, age=a) for a in years),
        *(replace(check, age=0, age_months=m) for m in babies),
    ]
    outcomes = {reach(thresholds, trial).outcome for trial in tried}
    if len(outcomes) > 1 and not result.emergency:
        assert result.route is None and AGE in result.missing


def consent_exceptions_beside_every_consent_step(thresholds, check):
    """Every step and advice that seeks consent carries the guidance's exceptions for the child's worries."""
    result = evaluate(thresholds, check)
    held = [r for r in thresholds.rules if r.consent_exception and r in result.consent_exceptions]
    seeking = [node("li", *step_parts(thresholds, s, result)) for s in result.next_steps if s.seeks_consent]
    seeking += [node("li", *advice_parts(r, result.area, result)) for r in result.advice if r.seeks_consent]
    for item in seeking:
        for rule in held:
            assert " ".join(rule.text.split()) in inline_text(item)


def harm_words_never_lead_with_consent(thresholds, check):
    """H1: a worry or rule whose words describe harm means the child may be at risk, whatever the answers: the
    guidance's harm step leads, and no consent step or advice comes before it, in the data or in the words."""
    result = evaluate(thresholds, check)
    if result.emergency or not harm_described(thresholds, check, reach(thresholds, check)):
        return
    step = harm_first_step(thresholds, check)
    if step is not None:  # in the child's area's own words, where the guidance gives them (the step's place kept)
        step = in_area(step, thresholds.area(check.answers.get(AREA)))
    assert result.harm_step == step
    if step is None:
        return  # the file gives no step for harm (no route that does not require consent)
    if result.route is not None:
        assert result.next_steps[0] == step
        first_consent = next((n for n, s in enumerate(result.next_steps) if s.seeks_consent), len(result.next_steps))
        assert first_consent > 0
    seeking = [r for r in result.advice if r.seeks_consent]
    if seeking:
        assert all(not r.seeks_consent for r in result.advice[: result.advice.index(seeking[0])])
        assert result.advice.index(seeking[0]) == len(result.advice) - len(seeking)
    # What the user sees: the first-action box holds the harm step, and no words that seek consent; while the
    # route waits for a question not yet answered (but consent, and significant harm, whose answer never changes
    # the harm step, which leads before it is answered), no step of any route (issue 25).
    boxes = [n for n in result_view(thresholds, result) if n.get("attrs", {}).get("class") == "lon-first-action"]
    shown = " ".join(inline_text(boxes[0]).split()) if boxes else ""
    if harm_step_waits_for(result.missing):
        assert " ".join(step.text.split()) not in shown, (shown, check)
    else:
        assert " ".join(step.text.split()) in shown, (shown, check)
    consent_words = {s.text for _, route in thresholds.routes() for s in route.next_steps if s.seeks_consent}
    assert not any(" ".join(words.split()) in shown for words in consent_words), (shown, check)


def immediate_words_hold_back_the_route_until_confirmed(thresholds, check):
    """H2: "no" to immediate risk beside words that name an immediate risk is challenged until confirmed."""
    result = evaluate(thresholds, check)
    if result.emergency or check.answers.get("immediate_risk") != "no":
        return
    named = [i for i in thresholds.indicators if i.id in check.indicators and i.describes_immediate_risk]
    named += [
        r
        for r in thresholds.rules
        if r.describes_immediate_risk and any(x.kind == "rule" and x.id == r.id for x in result.reasons)
    ]
    unconfirmed = [x for x in named if f"immediate:{x.id}" not in check.confirmed]
    if unconfirmed:
        assert result.route is None and result.next_steps == ()
        assert {c.confirm_id for c in result.unconfirmed} >= {f"immediate:{x.id}" for x in unconfirmed}


def consent_required_routes_wait_for_consent(thresholds, check):
    """W1: a route the file says requires consent is never suggested, nor its referral steps shown, unless
    consent is given, or harm may be present (a worry or rule describing harm, harm "yes" or "not sure")."""
    result = evaluate(thresholds, check)
    if result.emergency or result.route is None or not result.route.consent_required:
        return
    harm_possible = result.harm_step is not None or check.answers.get("significant_harm") in ("yes", "unsure")
    assert harm_possible or check.answers.get("consent") == "given", check


PROPERTIES = [
    harm_words_never_lead_with_consent,
    immediate_words_hold_back_the_route_until_confirmed,
    consent_required_routes_wait_for_consent,
    consent_exceptions_beside_every_consent_step,
    never_leads_with_consent_where_harm_is_possible,
    explained_by_its_reasons,
    strengths_change_nothing,
    a_harm_rule_holds_back_the_route_until_confirmed,
    a_worry_outside_its_band_never_counts,
    an_age_that_matters_is_asked,
    a_confined_rule_shows_only_within_its_level,
]


# ---- The shipped files ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_adding_a_worry_never_lowers_the_result(name):
    thresholds = FILES[name]
    worry_ids = [i.id for i in thresholds.indicators if not i.is_strength]

    @SETTINGS
    @given(checks(thresholds), st.sampled_from(worry_ids))
    def prop(check, extra):
        adding_a_worry_never_lowers_the_result(thresholds, check, extra)

    prop()


@pytest.mark.parametrize("prop", PROPERTIES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name", FILES)
def test_property_holds_for_the_shipped_files(name, prop):
    thresholds = FILES[name]

    @SETTINGS
    @given(checks(thresholds))
    def run(check):
        prop(thresholds, check)

    run()


# ---- Generated files --------------------------------------------------------------------------------


@SETTINGS
@given(st.data())
def test_adding_a_worry_never_lowers_the_result_for_any_file(data):
    thresholds = load(data.draw(thresholds_data()))
    worry_ids = [i.id for i in thresholds.indicators if not i.is_strength]
    adding_a_worry_never_lowers_the_result(
        thresholds, data.draw(checks(thresholds)), data.draw(st.sampled_from(worry_ids))
    )


@pytest.mark.parametrize("prop", PROPERTIES, ids=lambda p: p.__name__)
def test_property_holds_for_any_file(prop):
    @SETTINGS
    @given(st.data())
    def run(data):
        thresholds = load(data.draw(thresholds_data()))
        prop(thresholds, data.draw(checks(thresholds)))

    run()


def _confined_file(rule_route: str) -> dict:
    """Two levels, a worry at each, and a raise rule confined to the first level (max_level: lv1)."""
    return {
        "format": 1,
        "partnership": {"name": "Generated (fictional)", "short_name": "GP", "area": "Nowhere"},
        "document": {"title": "T", "version": "0", "date": "2026-01-01", "source": "Generated."},
        "age_range": {"youngest": 0, "oldest": 17, "text": "generated ages"},
        "contacts": [{"id": "c1", "name": "C", "phone": "01632 960001", "when": "Fictional."}],
        "timescales": [],
        "levels": [
            {
                "id": f"lv{n}",
                "number": n,
                "name": "L",
                "title": "T",
                "summary": "S.",
                "description": "D.",
                "indicator_kind": "worry",
                "routes": [
                    {"id": f"lv{n}-r{r}", "name": "R", "brag": "red", "response": "R.", "next_steps": [{"text": "S."}]}
                    for r in range(2)
                ],
            }
            for n in (1, 2)
        ],
        "domains": [{"id": "d1", "name": "D"}],
        "indicators": [
            {"id": "low", "level": "lv1", "domain": "d1", "text": "Low"},
            {"id": "high", "level": "lv2", "domain": "d1", "text": "High"},
        ],
        "rules": [
            copy.deepcopy(EMERGENCY_RULE),
            {
                "id": "capped",
                "kind": "raise",
                "when": {"indicators": ["low"], "max_level": "lv1"},
                "route": rule_route,
                "text": "Fictional: a step-up for the first level.",
                "source": "S",
            },
        ],
        "glossary": {"GP": "Generated (fictional)"},
    }


def test_a_raise_rule_confined_to_its_level_shows_there_and_drops_out_above_without_lowering():
    thresholds = load(_confined_file("lv1-r1"))
    low = reach(thresholds, Check(indicators=frozenset({"low"}), age=5))
    both = reach(thresholds, Check(indicators=frozenset({"low", "high"}), age=5))
    assert (low.level.id, low.route.id) == ("lv1", "lv1-r1")
    assert "capped" in {r.id for r in low.reasons}
    assert (both.level.id, both.route.id) == ("lv2", "lv2-r0")
    assert "capped" not in {r.id for r in both.reasons}
    assert rank(thresholds, both.route) > rank(thresholds, low.route)


def test_a_raise_rule_confined_below_its_own_level_would_lower_the_result_and_is_refused():
    """Confined to lv1 but raising to lv2: where lv2 is reached without it, it would drop out. Refused."""
    from toolkit.load import ThresholdsError

    with pytest.raises(ThresholdsError, match="cannot set a higher level"):
        load(_confined_file("lv2-r1"))


@SETTINGS
@given(st.data())
def test_adding_a_worry_never_lowers_the_result_with_confined_rules(data):
    """The promise over files that hold a raise rule confined to a level, for a worry that the check lacks."""
    confined = thresholds_data().filter(
        lambda d: any(r["kind"] == "raise" and "max_level" in r["when"] for r in d["rules"])
    )
    thresholds = load(data.draw(confined))
    check = data.draw(checks(thresholds))
    worry_ids = [i.id for i in thresholds.indicators if not i.is_strength and i.id not in check.indicators]
    if worry_ids:
        adding_a_worry_never_lowers_the_result(thresholds, check, data.draw(st.sampled_from(worry_ids)))
        never_leads_with_consent_where_harm_is_possible(thresholds, check)
        a_confined_rule_shows_only_within_its_level(thresholds, check)


# ---- The generated files use the optional indicator fields -------------------------------------------


@pytest.mark.parametrize(
    "uses",
    [
        lambda d: any("age" in i for i in d["indicators"]),
        lambda d: any({"under_months", "at_least_months"} & set(i.get("age", {})) for i in d["indicators"]),
        lambda d: any({"under_months", "at_least_months"} & set(r["when"].get("age", {})) for r in d["rules"]),
        lambda d: any(i.get("strength") for i in d["indicators"]),
        lambda d: any("domains" in i for i in d["indicators"]),
        lambda d: any("all_of" in r["when"] and r["kind"] == "raise" for r in d["rules"]),
        lambda d: any("at_least" in r["when"] and r["kind"] == "raise" for r in d["rules"]),
        lambda d: any(r.get("describes_harm") for r in d["rules"]),
        lambda d: any(r.get("consent_exception") for r in d["rules"]),
        lambda d: any(r["kind"] == "raise" and "max_level" in r["when"] for r in d["rules"]),
        lambda d: any(r["kind"] == "raise" and "levels" in r["when"].get("at_least", {}) for r in d["rules"]),
        lambda d: any(
            r["kind"] == "raise" and "domains" in {**r["when"].get("at_least", {}), **r["when"].get("all_of", {})}
            for r in d["rules"]
        ),
        lambda d: any(i.get("describes_immediate_risk") for i in d["indicators"]),
        lambda d: any(r.get("describes_immediate_risk") for r in d["rules"]),
        # A counting rule over an indicator with an age band: "two or more of" with a worry for other ages.
        lambda d: any(
            i.get("age") and i["id"] in r["when"].get("at_least", {}).get("indicators", ())
            for r in d["rules"]
            for i in d["indicators"]
        ),
        # The partnership's own questions of each kind read by a raise rule: a multiple-choice one, and one
        # asked only for a theme (so that a worry added may bring a question asked, never a lower level).
        lambda d: any(r["kind"] == "raise" and "own-2" in r["when"].get("answers", {}) for r in d["rules"]),
        lambda d: any(r["kind"] == "raise" and "own-4" in r["when"].get("answers", {}) for r in d["rules"]),
    ],
    ids=[
        "age band",
        "age band in months",
        "rule's age band in months",
        "strength above level 1",
        "several domains",
        "all_of",
        "at_least",
        "rule describes harm",
        "consent exception",
        "raise rule confined to a level",
        "counting by level",
        "counting by domain",
        "indicator names an immediate risk",
        "rule names an immediate risk",
        "counting over an age band",
        "raise rule on a multiple-choice question",
        "raise rule on a question asked for a theme",
    ],
)
def test_the_generated_files_use_each_optional_indicator_field(uses):
    """So that the properties above are tested over files that use them."""
    from hypothesis import Phase, find

    found = find(thresholds_data(), uses, settings=settings(max_examples=500, deadline=None, phases=[Phase.generate]))
    load(found)
