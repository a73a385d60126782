"""Properties of the checker over any check (hypothesis), for both partnership files."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_FILE, THRESHOLDS_FILE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from levels_of_need.rules import ANSWER_VALUES, Check, evaluate
from toolkit.load import load_file

FILES = {"medway": load_file(THRESHOLDS_FILE), "example": load_file(EXAMPLE_FILE)}


def checks(thresholds):
    ids = [i.id for i in thresholds.indicators]
    answers = st.fixed_dictionaries({}, optional={q: st.sampled_from(v) for q, v in ANSWER_VALUES.items()})
    age = st.one_of(st.none(), st.integers(0, 18))
    return st.builds(
        lambda chosen, answers, age, unborn: Check(
            indicators=frozenset(chosen), answers=answers, age=None if unborn else age, unborn=unborn
        ),
        st.sets(st.sampled_from(ids), max_size=8),
        answers,
        age,
        st.booleans(),
    )


def rank(thresholds, result):
    return [route.id for _, route in thresholds.routes()].index(result.route.id)


def not_emergency(check):
    return check.answers.get("immediate_risk") != "yes"


@pytest.mark.parametrize("name", FILES)
def test_adding_a_worry_never_lowers_the_level(name):
    thresholds = FILES[name]
    worry_ids = [i.id for i in thresholds.indicators if not i.is_strength]

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(checks(thresholds).filter(not_emergency), st.sampled_from(worry_ids))
    def prop(check, extra):
        before = evaluate(thresholds, check)
        after = evaluate(
            thresholds,
            Check(indicators=check.indicators | {extra}, answers=check.answers, age=check.age, unborn=check.unborn),
        )
        assert after.level.number >= before.level.number
        assert rank(thresholds, after) >= rank(thresholds, before)

    prop()


@pytest.mark.parametrize("name", FILES)
def test_the_result_is_explained_by_its_reasons(name):
    thresholds = FILES[name]

    @settings(max_examples=300, deadline=None)
    @given(checks(thresholds))
    def prop(check):
        result = evaluate(thresholds, check)
        decisive = [r for r in result.reasons if r.decisive]
        assert decisive, "every result has at least one decisive reason"
        # Some decisive reason reaches the level; none goes above it.
        assert max(r.level.number for r in result.reasons) == result.level.number
        assert any(r.level.id == result.level.id for r in decisive)
        # The route is either the level's first, or set by a rule naming that route.
        assert result.route == result.level.routes[0] or any(
            r.kind == "rule" and r.route == result.route for r in decisive
        )
        # Every chosen worry is a reason, and no indicator is a reason unless chosen.
        worries = {i for i in check.indicators if not thresholds.indicator(i).is_strength}
        if not result.emergency:
            assert {r.id for r in result.reasons if r.kind == "indicator"} == worries

    prop()


@pytest.mark.parametrize("name", FILES)
def test_strengths_never_change_the_level(name):
    thresholds = FILES[name]
    strength_ids = [i.id for i in thresholds.indicators if i.is_strength]

    @settings(max_examples=200, deadline=None)
    @given(checks(thresholds), st.sets(st.sampled_from(strength_ids)))
    def prop(check, strengths):
        plain = evaluate(thresholds, check)
        with_strengths = evaluate(
            thresholds,
            Check(indicators=check.indicators | strengths, answers=check.answers, age=check.age, unborn=check.unborn),
        )
        assert (with_strengths.level, with_strengths.route) == (plain.level, plain.route)

    prop()
