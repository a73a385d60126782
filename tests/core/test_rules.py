"""Each rule the guidance states explicitly, and how the checker reaches a level."""

from __future__ import annotations

import pytest

from levels_of_need.rules import Check, CheckError, Override, evaluate

ANSWERED = {"immediate_risk": "no", "significant_harm": "no", "consent": "given"}


def run(thresholds, *ids, answers=None, age=7, unborn=False, **kwargs):
    """A check with the questions every result depends on answered, unless the test says otherwise."""
    given = {**ANSWERED, **(answers or {})}
    given = {k: v for k, v in given.items() if v is not None}
    return evaluate(
        thresholds,
        Check(indicators=frozenset(ids), answers=given, age=None if unborn else age, unborn=unborn, **kwargs),
    )


def rule_ids(result):
    return [r.id for r in result.reasons if r.kind == "rule"]


def advice_ids(result):
    return [rule.id for rule in result.advice]


# ---- Rules stated in the guidance -------------------------------------------------


def test_immediate_risk_means_call_999_then_the_front_door_and_stop(thresholds):
    result = run(thresholds, "l2-bereavement", answers={"immediate_risk": "yes", "significant_harm": None}, age=None)
    assert result.emergency and result.complete
    assert [c.phone for c in result.emergency_contacts] == ["999", "01634 334466", "03000 419191"]
    assert rule_ids(result) == ["immediate-risk"]
    assert "999" in result.reasons[0].text


def test_immediate_risk_is_shown_even_when_the_age_is_mistyped(thresholds):
    result = evaluate(thresholds, Check(answers={"immediate_risk": "yes"}, age_text="twelve"))
    assert result.emergency


def test_no_immediate_risk_does_not_stop_the_check(thresholds):
    result = run(thresholds, "l2-bereavement")
    assert not result.emergency
    assert (result.level.number, result.route.id) == (2, "early-help")


@pytest.mark.parametrize("age", [{"unborn": True}, {"age": 0}])
def test_domestic_abuse_with_an_unborn_or_under_one_child_is_significant_harm(thresholds, age):
    result = run(thresholds, "l2-domestic-abuse", answers={"significant_harm": None}, **age)
    assert (result.level.number, result.route.id) == (3, "child-protection")
    assert "domestic-abuse-unborn-or-under-one" in rule_ids(result)
    # Whatever the answer on significant harm, the rule decides the route: it is not missing.
    assert result.complete and result.missing == ()


def test_domestic_abuse_with_an_older_child_stays_at_its_indicator_level(thresholds):
    result = run(thresholds, "l2-domestic-abuse", age=1)
    assert (result.level.number, result.route.id) == (2, "early-help")
    assert rule_ids(result) == []
    assert "marac" in advice_ids(result)


@pytest.mark.parametrize("indicator", ["l2-underage-sexual-activity", "l2-teenage-pregnancy"])
def test_sexual_activity_or_pregnancy_under_13_is_level_3(thresholds, indicator):
    assert run(thresholds, indicator, age=12).level.number == 3
    assert "sexual-activity-or-pregnancy-under-13" in rule_ids(run(thresholds, indicator, age=12))
    assert run(thresholds, indicator, age=13).level.number == 2


def test_pregnant_mother_does_not_trigger_the_under_13_rule(thresholds):
    # "Concerns about pregnant mother" is about the child's mother, not the child.
    assert run(thresholds, "l2-pregnant-mother", age=8).level.number == 2


def test_under_13_pregnancy_indicator_is_level_3_itself(thresholds):
    assert (
        run(
            thresholds, "l3-under-13-sex-pregnancy", age=12, confirmed=frozenset({"l3-under-13-sex-pregnancy"})
        ).level.number
        == 3
    )


def test_16_or_17_year_old_presenting_as_homeless_is_level_3(thresholds):
    result = run(thresholds, "l3-16-17-homeless", age=16)
    assert result.level.number == 3
    # The indicator is at Level 3 itself: no rule repeats it as a second reason (audit C12).
    assert [r.text for r in result.reasons].count("16/17year old presenting as homeless") == 1


def test_recent_social_worker_involvement_means_that_worker_re_engages(thresholds):
    result = run(thresholds, "l3-private-fostering", answers={"social_worker": "recent"})
    advice = next(rule for rule in result.advice if rule.id == "recent-social-worker")
    assert "within the past 12 weeks" in advice.text and "re-engage" in advice.text
    assert advice.timescale.within == "the past 12 weeks"


def test_an_allocated_social_worker_brings_no_advice_from_another_mash(thresholds):
    # Only seed 004, a blog post on another MASH, says what happens then; Medway's documents do not.
    result = run(thresholds, "l2-bereavement", answers={"social_worker": "allocated"})
    assert not [rule for rule in result.advice if "referred directly to them" in rule.text]


def test_no_consent_at_level_3_also_brings_the_increasing_concerns_advice(thresholds):
    # Audit R7: "a family are not consenting to assistance … conversations may need to focus on whether
    # statutory services are needed … or to keep a child safe from harm under s.47 CA 1989".
    result = run(thresholds, "l3-family-homelessness", answers={"consent": "refused", "significant_harm": "no"})
    # Consent refused: the route that requires it is held back, not suggested (issue 22, W1).
    assert result.route is None and result.consent_route.id == "child-in-need"
    advice = next(rule for rule in result.advice if rule.id == "no-consent-for-early-help")
    assert "to keep a child safe from harm under s.47 CA 1989" in " ".join(advice.text.split())


def test_no_consent_for_early_help_means_discuss_with_your_dsl(thresholds):
    for consent in ("refused", "not-sought"):
        result = run(thresholds, "l2-bereavement", answers={"consent": consent})
        assert result.level.number == 2
        assert advice_ids(result) == ["no-consent-for-early-help"]
        assert "designated safeguarding lead" in result.advice[0].text


def test_consent_given_adds_no_consent_advice(thresholds):
    result = run(thresholds, "l2-bereavement", answers={"consent": "given"})
    assert advice_ids(result) == []


def test_help_tried_without_improvement_is_advice_not_a_level(thresholds):
    # The guidance says "may need": the checker shows the advice and never raises the level for it.
    result = run(thresholds, "l2-bereavement", answers={"support_not_improving": "yes"})
    assert (result.level.number, result.route.id) == (2, "early-help")
    assert advice_ids(result) == ["early-help-not-improving"]
    assert "may need to receive the specialist assessment" in result.advice[0].text


def test_help_tried_without_improvement_at_level_1_gives_the_level_1_to_2_transition(thresholds):
    result = run(thresholds, "l1-resilient", answers={"support_not_improving": "yes"})
    assert (result.level.number, result.route.id) == (1, "universal")
    assert advice_ids(result) == ["universal-not-meeting-needs"]
    assert "may need to receive a more coordinated response within Level 2" in " ".join(result.advice[0].text.split())


def test_significant_harm_means_child_protection_s47(thresholds):
    result = run(thresholds, "l2-bereavement", answers={"significant_harm": "yes"})
    assert (result.level.number, result.route.id) == (3, "child-protection")
    assert result.route.consent_required is False


def test_level_3_without_significant_harm_is_child_in_need_s17(thresholds):
    result = run(thresholds, "l3-private-fostering")
    assert result.route.id == "child-in-need"


def test_unsure_about_significant_harm_leaves_the_route_open_and_says_talk_to_your_dsl(thresholds):
    result = run(thresholds, "l3-private-fostering", answers={"significant_harm": "unsure"})
    assert (result.level.number, result.route, result.unsure) == (3, None, ("significant_harm",))
    assert result.next_steps == ()
    advice = result.advice[0]
    assert advice.id == "significant-harm-unsure"
    assert "designated safeguarding lead" in advice.text
    assert advice.contacts[0].phone == "01634 334466"


@pytest.mark.parametrize(
    ("indicator", "rule"),
    [
        ("l2-radicalisation", "prevent"),
        ("l2-domestic-abuse", "marac"),
        ("l3-basic-needs-failure", "graded-care-profile"),
        ("l3-exploitation", "exploitation-toolkit"),
    ],
)
def test_advice_the_guidance_links_to_the_worry(thresholds, indicator, rule):
    result = run(thresholds, indicator, confirmed=frozenset({indicator}))
    assert rule in advice_ids(result)
    assert result.level.number == thresholds.indicator(indicator).level.number


def test_prevent_advice_gives_101_the_anti_terrorist_hotline_and_999(thresholds):
    # 001's list of "several ways you can seek advice", in its order (audit N9: 999 and the DSL were missing).
    advice = next(r for r in run(thresholds, "l2-radicalisation").advice if r.id == "prevent")
    assert [c.phone for c in advice.contacts if c.phone] == ["101", "0800 789 321", "999"]
    assert "Speak to your designated safeguarding lead (if applicable)" in " ".join(advice.text.split())


def test_a_trafficked_child_gets_no_prevent_advice(thresholds):
    # Audit C3: "Child victims of modern slavery, human trafficking, …" was filed under radicalisation.
    result = run(thresholds, "l3-slavery-trafficking-terrorism", answers={"significant_harm": "yes"})
    assert "prevent" not in [rule.id for rule in result.advice]
    assert thresholds.indicator("l3-slavery-trafficking-terrorism").theme.id != "radicalisation"


# ---- How a level is reached ----------------------------------------------------------


def test_no_worries_is_level_1_universal(thresholds):
    result = run(thresholds, "l1-good-attendance")
    assert (result.level.number, result.route.id) == (1, "universal")
    assert result.reasons[0].kind == "default"
    assert [s.id for s in result.strengths] == ["l1-good-attendance"]


def test_the_highest_worry_sets_the_level_and_every_worry_is_a_reason(thresholds):
    result = run(thresholds, "l2-bereavement", "l3-private-fostering")
    assert result.level.number == 3
    assert {r.id for r in result.reasons} == {"l2-bereavement", "l3-private-fostering"}
    assert [r.id for r in result.reasons if r.decisive] == ["l3-private-fostering"]


def test_strengths_do_not_lower_a_statutory_concern(thresholds):
    strengths = [i.id for i in thresholds.indicators if i.is_strength]
    result = run(thresholds, "l3-non-mobile-bruising", *strengths, answers={"significant_harm": "yes"})
    assert (result.level.number, result.route.id) == (3, "child-protection")


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
    result = run(thresholds, "l2-bereavement", override=Override(level="statutory", reason="pattern over months"))
    assert result.level.number == 2
    assert result.override_level.number == 3


@pytest.mark.parametrize(
    ("check", "message"),
    [
        (Check(indicators=frozenset({"l3-suspicous-injury"})), "did you mean: l3-suspicious-injury"),
        (Check(answers={"consent": "maybe"}), "consent: 'maybe' is not one of"),
        (Check(answers={"weather": "yes"}), "unknown question 'weather'"),
        (Check(age=19), "Enter an age from 0 to 18: this guidance is for children and their families (0 – 18 years)"),
        (Check(age_text="seven"), "Enter the child’s age as a whole number of years"),
        (Check(age=2, unborn=True), "not both"),
        (Check(override=Override(level="four", reason="")), "'four' is not a defined level"),
        (Check(confirmed=frozenset({"l3-nope"})), "unknown indicator 'l3-nope'"),
    ],
)
def test_bad_checks_are_refused_with_a_clear_message(thresholds, check, message):
    with pytest.raises(CheckError, match=message.replace("(", r"\(").replace(")", r"\)")):
        evaluate(thresholds, check)


def test_an_age_problem_names_the_age_field(thresholds):
    with pytest.raises(CheckError) as caught:
        evaluate(thresholds, Check(age=30))
    assert caught.value.field == "age"
