"""Each rule the guidance states explicitly, and how the checker reaches a level."""

from __future__ import annotations

import pytest

from levels_of_need.rules import Check, CheckError, Override, evaluate


def run(thresholds, *ids, **kwargs):
    answers = kwargs.pop("answers", {})
    return evaluate(thresholds, Check(indicators=frozenset(ids), answers=answers, **kwargs))


def rule_ids(result):
    return [r.id for r in result.reasons if r.kind == "rule"]


# ---- Rules stated in the guidance -------------------------------------------------


def test_immediate_risk_means_call_999_then_the_front_door_and_stop(thresholds):
    result = run(thresholds, "l2-bereavement", answers={"immediate_risk": "yes"})
    assert result.emergency
    assert [c.phone for c in result.emergency_contacts] == ["999", "01634 334466", "03000 419191"]
    assert rule_ids(result) == ["immediate-risk"]
    assert "999" in result.reasons[0].text


def test_no_immediate_risk_does_not_stop_the_check(thresholds):
    result = run(thresholds, "l2-bereavement", answers={"immediate_risk": "no"})
    assert not result.emergency
    assert result.level.number == 2


@pytest.mark.parametrize("age", [{"unborn": True}, {"age": 0}])
def test_domestic_abuse_with_an_unborn_or_under_one_child_is_significant_harm(thresholds, age):
    result = run(thresholds, "l2-domestic-abuse", **age)
    assert (result.level.number, result.route.id, result.brag) == (3, "child-protection", "red")
    assert "domestic-abuse-unborn-or-under-one" in rule_ids(result)


def test_domestic_abuse_with_an_older_child_stays_at_its_indicator_level(thresholds):
    result = run(thresholds, "l2-domestic-abuse", age=1)
    assert (result.level.number, result.route.id) == (2, "early-help")
    assert rule_ids(result) == []


@pytest.mark.parametrize("indicator", ["l2-underage-sexual-activity", "l2-teenage-pregnancy"])
def test_sexual_activity_or_pregnancy_under_13_is_level_3(thresholds, indicator):
    assert run(thresholds, indicator, age=12).level.number == 3
    assert "sexual-activity-or-pregnancy-under-13" in rule_ids(run(thresholds, indicator, age=12))
    assert run(thresholds, indicator, age=13).level.number == 2


def test_pregnant_mother_does_not_trigger_the_under_13_rule(thresholds):
    # "Concerns about pregnant mother" is about the child's mother, not the child.
    assert run(thresholds, "l2-pregnant-mother", age=8).level.number == 2


def test_under_13_pregnancy_indicator_is_level_3_itself(thresholds):
    assert run(thresholds, "l3-under-13-sex-pregnancy", age=12).level.number == 3


def test_16_or_17_year_old_presenting_as_homeless_is_level_3(thresholds):
    result = run(thresholds, "l3-16-17-homeless", age=16)
    assert result.level.number == 3
    assert "sixteen-seventeen-homeless" in rule_ids(result)


def test_recent_social_worker_involvement_means_that_worker_re_engages(thresholds):
    result = run(thresholds, "l3-private-fostering", answers={"social_worker": "recent"})
    first = result.next_steps[0]
    assert "within the past 12 weeks" in first.text and "re-engage" in first.text
    assert first.timescale.within == "the past 12 weeks"


def test_allocated_social_worker_is_contacted_directly(thresholds):
    result = run(thresholds, "l2-bereavement", answers={"social_worker": "allocated"})
    assert "the case is referred directly to them" in result.next_steps[0].text


def test_no_consent_for_early_help_means_discuss_with_your_dsl(thresholds):
    for consent in ("refused", "not-sought"):
        result = run(thresholds, "l2-bereavement", answers={"consent": consent})
        assert result.level.number == 2
        assert "designated safeguarding lead" in result.next_steps[0].text
        assert any("must consent" in c for c in result.caveats)


def test_consent_given_adds_no_consent_advice(thresholds):
    result = run(thresholds, "l2-bereavement", answers={"consent": "given"})
    assert not any("designated safeguarding lead" in s.text for s in result.next_steps)
    assert not any("must consent" in c for c in result.caveats)


def test_early_help_tried_without_improvement_means_consider_level_3(thresholds):
    result = run(thresholds, "l2-bereavement", answers={"early_help_not_improving": "yes"})
    assert (result.level.number, result.route.id) == (3, "child-in-need")
    assert "early-help-not-improving" in rule_ids(result)


def test_early_help_not_improving_with_no_worries_does_not_invent_a_level(thresholds):
    assert run(thresholds, answers={"early_help_not_improving": "yes"}).level.number == 1


def test_significant_harm_means_child_protection_s47(thresholds):
    result = run(thresholds, "l2-bereavement", answers={"significant_harm": "yes"})
    assert (result.level.number, result.route.id, result.brag) == (3, "child-protection", "red")
    assert result.route.consent_required is False


def test_level_3_without_significant_harm_is_child_in_need_s17(thresholds):
    result = run(thresholds, "l3-private-fostering", answers={"significant_harm": "no"})
    assert (result.route.id, result.brag) == ("child-in-need", "amber")


def test_unsure_about_significant_harm_says_talk_to_your_dsl_and_first_response(thresholds):
    result = run(thresholds, "l2-bereavement", answers={"significant_harm": "unsure"})
    assert result.next_steps[0].contact.phone == "01634 334466"


# ---- How a level is reached ----------------------------------------------------------


def test_no_worries_is_level_1_universal_blue(thresholds):
    result = run(thresholds, "l1-good-attendance")
    assert (result.level.number, result.route.id, result.brag) == (1, "universal", "blue")
    assert result.reasons[0].kind == "default"
    assert [s.id for s in result.strengths] == ["l1-good-attendance"]


def test_the_highest_worry_sets_the_level_and_every_worry_is_a_reason(thresholds):
    result = run(thresholds, "l2-bereavement", "l3-suspicious-injury")
    assert result.level.number == 3
    assert {r.id for r in result.reasons} == {"l2-bereavement", "l3-suspicious-injury"}
    assert [r.id for r in result.reasons if r.decisive] == ["l3-suspicious-injury"]


def test_strengths_do_not_lower_a_statutory_concern(thresholds):
    strengths = [i.id for i in thresholds.indicators if i.is_strength]
    result = run(thresholds, "l3-non-mobile-bruising", *strengths)
    assert result.level.number == 3
    assert any("do not lower the level" in c for c in result.caveats)


def test_result_carries_next_steps_with_contacts_and_timescales(thresholds):
    result = run(thresholds, "l2-bereavement")
    assert any(s.contact and s.contact.id == "online-portal" for s in result.next_steps)
    assert {s.timescale.within for s in result.next_steps if s.timescale} == {
        "one working day",
        "24 hours",
        "5 working days",
    }


def test_result_is_stamped_with_the_thresholds_version_and_hash(thresholds):
    result = run(thresholds)
    assert result.thresholds_version == f"1.0 ({thresholds.content_hash[:12]})"


def test_override_is_recorded_with_its_reason(thresholds):
    result = evaluate(
        thresholds,
        Check(
            indicators=frozenset({"l2-bereavement"}), override=Override(level="statutory", reason="pattern over months")
        ),
    )
    assert result.level.number == 2
    assert result.override_level.number == 3
    assert any("resolving professional difference" in c for c in result.caveats)


@pytest.mark.parametrize(
    ("check", "message"),
    [
        (Check(indicators=frozenset({"l3-suspicous-injury"})), "did you mean: l3-suspicious-injury"),
        (Check(answers={"consent": "maybe"}), "consent: 'maybe' is not one of"),
        (Check(answers={"weather": "yes"}), "unknown question 'weather'"),
        (Check(age=40), "age must be"),
        (Check(age=2, unborn=True), "not both"),
        (Check(override=Override(level="four", reason="")), "'four' is not a defined level"),
    ],
)
def test_bad_checks_are_refused_with_a_clear_message(thresholds, check, message):
    with pytest.raises(CheckError, match=message.replace("(", r"\(").replace("'", "'")):
        evaluate(thresholds, check)
