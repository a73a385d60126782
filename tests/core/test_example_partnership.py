"""A fictional four-level partnership: nothing about Medway is hard-coded."""

from __future__ import annotations

from levels_of_need.rules import Check, evaluate


def test_example_is_clearly_fictional(example):
    assert "not real guidance" in example.partnership["name"]
    assert all("fictional" in i.text for i in example.indicators)


NO = {"immediate_risk": "no", "significant_harm": "no"}


def test_four_levels_each_reachable(example):
    cases = {"friends": 1, "tired": 2, "unsafe-house": 3, "injury": 4}
    for indicator, level in cases.items():
        check = Check(indicators=frozenset({indicator}), age=9, answers=NO, confirmed=frozenset({"injury"}))
        assert evaluate(example, check).level.number == level


def test_example_rules_apply(example):
    assert evaluate(example, Check(indicators=frozenset({"tired"}), age=2, answers=NO)).level.id == "specialist"
    assert evaluate(example, Check(indicators=frozenset({"tired"}), age=3, answers=NO)).level.id == "targeted"
    harm = evaluate(example, Check(age=9, answers={**NO, "significant_harm": "yes"}))
    assert (harm.level.number, harm.route.id) == (4, "section-47")
    emergency = evaluate(example, Check(answers={"immediate_risk": "yes"}))
    assert emergency.emergency and [c.phone for c in emergency.emergency_contacts] == ["999", "01632 960000"]


def test_an_age_outside_the_examples_own_range_is_refused(example):
    import pytest

    from levels_of_need.rules import CheckError

    with pytest.raises(CheckError, match="Enter an age from 0 to 17: this guidance is for children aged 0 to 17"):
        evaluate(example, Check(age=18))


def test_example_carries_its_own_version(example):
    result = evaluate(example, Check())
    assert result.thresholds_version.startswith("0.9-example (")
    assert "Medway" not in str(example.data)
