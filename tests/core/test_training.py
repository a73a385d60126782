"""Training scenarios: the bank agrees with the checker, covers what courses teach, and debriefs."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace

import pytest
from conftest import THRESHOLDS_FILE
from toolkit_cli import run_toolkit

from levels_of_need.questions import ANSWER_VALUES
from levels_of_need.rules import CheckError, condition_holds, evaluate, possible_routes
from levels_of_need.training import debrief, scenario_list, verify
from toolkit.load import load_schema, load_text


@pytest.fixture(params=["thresholds", "example"])
def any_thresholds(request):
    return request.getfixturevalue(request.param)


# ---- Consistency: data and rules cannot drift apart ----------------------------------------------


def test_every_answer_key_is_what_the_checker_computes(any_thresholds):
    assert any_thresholds.scenarios
    for scenario in any_thresholds.scenarios:
        check = scenario.check
        result = evaluate(any_thresholds, check)
        assert result.level == scenario.level, scenario.id
        assert [route for _, route in possible_routes(any_thresholds, check)] == list(scenario.routes), scenario.id
        # A decided scenario's route is the checker's; an open one's routes are where its open answer leads.
        assert (result.route_but_for_consent is None) == (len(scenario.routes) > 1), scenario.id
        decisive = {reason.id for reason in result.reasons if reason.decisive}
        assert set(scenario.decided_by) <= decisive, scenario.id
    assert verify(any_thresholds) == []


def test_verify_names_a_scenario_that_disagrees():
    text = THRESHOLDS_FILE.read_text(encoding="utf-8")
    old = "    expected: {level: universal, routes: [universal]}"
    broken = load_text(text.replace(old, "    expected: {level: early-help, routes: [early-help]}"))
    problems = verify(broken)
    assert len(problems) == 1
    assert problems[0].startswith("universal-strengths: its answer key is Level 2: Early Help")
    assert "the checker gives Level 1: Universal" in problems[0]


def test_verify_names_a_scenario_that_leaves_a_needed_answer_unanswered():
    text = THRESHOLDS_FILE.read_text(encoding="utf-8")
    old = '      answers: {immediate_risk: "no", significant_harm: "no"}\n    expected: {level: universal'
    assert text.count(old) == 1
    broken = load_text(text.replace(old, "    expected: {level: universal"))
    assert verify(broken)[0] == (
        "universal-strengths: its check leaves unanswered what the result depends on: immediate_risk, significant_harm"
    )


def test_verify_names_a_decided_by_that_is_not_decisive():
    text = THRESHOLDS_FILE.read_text(encoding="utf-8")
    old = "decided_by: [domestic-abuse-unborn-or-under-one]\n    teaching_points:\n      - >-\n        “Concerns"
    assert text.count(old) == 1
    broken = load_text(text.replace(old, old.replace("domestic-abuse-unborn-or-under-one", "significant-harm")))
    assert verify(broken) == [
        "domestic-abuse-unborn: decided_by names 'significant-harm', which is not one of the checker's "
        "decisive reasons (domestic-abuse-unborn-or-under-one)"
    ]


# ---- Coverage of what the courses teach ------------------------------------------------------------


def test_the_bank_covers_every_level_and_both_statutory_routes(thresholds):
    assert len(thresholds.scenarios) >= 12
    assert {s.level.id for s in thresholds.scenarios} == {level.id for level in thresholds.levels}
    assert {r.id for s in thresholds.scenarios for r in s.routes} == {route.id for _, route in thresholds.routes()}


EXPLICIT_RULES = [
    "domestic-abuse-unborn-or-under-one",
    "sexual-activity-or-pregnancy-under-13",
    "recent-social-worker",
    "no-consent-for-early-help",
    "early-help-not-improving",
    "significant-harm-unsure",
    "significant-harm",
    "immediate-risk",
]


@pytest.mark.parametrize("rule_id", EXPLICIT_RULES)
def test_every_explicit_rule_has_a_scenario_where_it_applies(thresholds, rule_id):
    rule = next(r for r in thresholds.rules if r.id == rule_id)
    applies = []
    for scenario in thresholds.scenarios:
        check = scenario.check
        worries = [thresholds.indicator(i) for i in check.indicators if not thresholds.indicator(i).is_strength]
        # Rules compare with the level the worries alone reach (see toolkit.rules).
        worry_level = max((w.level for w in worries), key=lambda lv: lv.number, default=thresholds.levels[0])
        if condition_holds(rule.when, thresholds, check, worries, worry_level):
            applies.append(scenario.id)
    assert applies, f"no scenario exercises {rule_id}"


def test_a_raise_rule_decides_at_least_one_scenario_each(thresholds):
    raise_rules = {r.id for r in thresholds.rules if r.kind in ("raise", "emergency")}
    decided = {reason for s in thresholds.scenarios for reason in s.decided_by}
    assert raise_rules <= decided


def test_strengths_present_do_not_lower_a_statutory_concern(thresholds):
    cases = [
        s
        for s in thresholds.scenarios
        if s.level.number == len(thresholds.levels)
        and any(thresholds.indicator(i).is_strength for i in s.check.indicators)
    ]
    assert cases
    for scenario in cases:
        worries = frozenset(i for i in scenario.check.indicators if not thresholds.indicator(i).is_strength)
        assert evaluate(thresholds, replace(scenario.check, indicators=worries)).route == scenario.routes[0]


def test_scenarios_are_labelled_fictional_and_state_age(thresholds):
    for item in scenario_list(thresholds):
        assert item["fictional"] is True
        assert item["unborn"] or isinstance(item["age"], int)
        assert item["teaching_points"] and item["common_mistakes"]


def test_scenario_answer_values_match_the_checkers_questions():
    schema = load_schema()
    answers = schema["$defs"]["scenario_answers"]["properties"]
    assert schema["$defs"]["scenario_check"]["properties"]["answers"] == {"$ref": "#/$defs/scenario_answers"}
    assert {q: tuple(v["enum"]) for q, v in answers.items()} == dict(ANSWER_VALUES)


# ---- The debrief --------------------------------------------------------------------------------


def test_a_wrong_commit_is_explained_through_the_decisive_reasons(thresholds):
    scenario = thresholds.scenario("domestic-abuse-unborn")
    rule_text = next(r.text for r in thresholds.rules if r.id == "domestic-abuse-unborn-or-under-one")
    out = debrief(
        thresholds,
        scenario.id,
        {"indicators": ["l2-domestic-abuse"], "answers": {"immediate_risk": "no"}},
        "early-help",
    )
    assert out["commit_matches"] is False
    assert out["choices_match"] is True
    assert out["expected"]["route"] == "child-protection"
    kinds = [d["kind"] for d in out["differences"]]
    assert kinds[:2] == ["commit", "your-choices"]
    assert out["differences"][0]["text"].startswith("You chose Level 2: Early Help.")
    assert " ".join(rule_text.split()) in " ".join(out["differences"][0]["text"].split())


def test_missed_and_extra_indicators_and_answers_are_named(thresholds):
    out = debrief(
        thresholds,
        "child-protection-bruising",
        {"indicators": ["l2-health-problems"], "answers": {"significant_harm": "no", "consent": "given"}},
        "early-help",
    )
    by_kind = {(d["kind"], d["id"]): d["text"] for d in out["differences"]}
    assert "one of the reasons for the answer key" in by_kind[("missed-indicator", "l3-non-mobile-bruising")]
    assert ("extra-indicator", "l2-health-problems") in by_kind
    assert "You answered “no”; the answer key says “yes”" in by_kind[("answer", "significant_harm")]
    assert ("missed-rule", "significant-harm") in by_kind
    # The scenario leaves consent open, so the learner's answer to it is not a difference.
    assert ("answer", "consent") not in by_kind


def test_an_answer_that_triggers_a_rule_the_scenario_does_not_is_named(thresholds):
    scenario = thresholds.scenario("early-help-young-carer")
    choices = {
        "indicators": list(scenario.shows),
        "answers": {**scenario.check.answers, "significant_harm": "yes"},
    }
    out = debrief(thresholds, scenario.id, choices, "child-protection")
    kinds = {(d["kind"], d["id"]) for d in out["differences"]}
    assert ("extra-rule", "significant-harm") in kinds
    assert out["yours"]["route"] == "child-protection"


def test_the_right_answer_has_no_differences(thresholds):
    for scenario in thresholds.scenarios:
        choices = {"indicators": list(scenario.shows), "answers": dict(scenario.check.answers)}
        choices["confirmed"] = sorted(scenario.check.confirmed)
        for route in scenario.routes:
            out = debrief(thresholds, scenario.id, choices, route.id)
            assert out["commit_matches"], scenario.id
            assert out["choices_match"] == (len(scenario.routes) == 1), scenario.id
            # An open route is no difference when the learner's choices leave it open too.
            kinds = {d["kind"] for d in out["differences"]}
            assert kinds <= ({"your-choices"} if len(scenario.routes) > 1 else set()), (scenario.id, out["differences"])


def test_the_debrief_says_whether_the_answer_matches_and_that_nothing_differs_in_its_own_words(any_thresholds):
    # Match or differ is Python's, for every route of both partnerships' scenarios, and so is each
    # sentence the practice page shows for it: the page only renders the debrief (issue 23, point 6).
    routes = [route for _, route in any_thresholds.routes()]
    for scenario in any_thresholds.scenarios:
        accepted = {route.id for route in scenario.routes}
        check = scenario.check
        choices = {"indicators": sorted(check.indicators), "answers": dict(check.answers)}
        choices["confirmed"] = sorted(check.confirmed)
        for route in routes:
            out = debrief(any_thresholds, scenario.id, choices, route.id)
            matches = route.id in accepted
            assert out["outcome"] == ("match" if matches else "differ"), (scenario.id, route.id)
            assert out["outcome_text"] == (
                "Your answer matches the answer key." if matches else "Your answer differs from the answer key."
            )
            assert (out["nothing_differs"] is None) == bool(out["differences"]), (scenario.id, route.id)
        if len(scenario.routes) == 1:
            matched = debrief(any_thresholds, scenario.id, choices, scenario.routes[0].id)
            assert matched["differences"] == []
            assert matched["nothing_differs"] == "Nothing: your choices and your answer match the scenario’s."
    assert debrief(any_thresholds, any_thresholds.scenarios[0].id, {}, None)["outcome"] == "differ"


def test_an_open_scenario_accepts_child_protection_and_says_what_decides_the_route(thresholds):
    # Harm "not sure", no worry that describes harm (the under-13 scenario now answers "yes": issue 22, H3).
    scenario = thresholds.scenario("allocated-social-worker")
    assert [r.id for r in scenario.routes] == ["child-in-need", "child-protection"]
    out = debrief(thresholds, scenario.id, {"indicators": [], "answers": {}}, "child-protection")
    assert out["commit_matches"] is True
    assert out["answer_key"] == "Level 3: Statutory Social Care, Child in need (s.17) or Child protection (s.47)"
    why = next(d["text"] for d in out["differences"] if d["id"] == "l3-missed-health-appointments")
    assert "which the scenario shows, one of the reasons for the answer key." in why
    wrong = debrief(thresholds, scenario.id, {"indicators": [], "answers": {}}, "early-help")
    text = wrong["differences"][0]["text"]
    assert "The route depends on the answer to “Do you have reasonable cause to suspect" in text
    assert "local authority social care services must make enquiries" in text


def test_debrief_refuses_unknown_scenarios_and_routes(thresholds):
    with pytest.raises(CheckError, match="unknown scenario 'nope'"):
        debrief(thresholds, "nope", {}, None)
    with pytest.raises(CheckError, match="unknown route 'level-9'"):
        debrief(thresholds, "universal-strengths", {}, "level-9")


def test_no_commit_is_a_difference(thresholds):
    out = debrief(thresholds, "universal-strengths", {"indicators": [], "answers": {}}, None)
    assert out["commit_matches"] is False
    assert out["differences"][0]["kind"] == "commit"
    assert out["differences"][0]["id"] == "none"
    assert out["differences"][0]["text"].startswith("You did not choose a level. The answer key is Level 1: Universal")


# ---- CLI -------------------------------------------------------------------------------------------


def toolkit(*args: str) -> subprocess.CompletedProcess[str]:
    return run_toolkit(*args)


def test_cli_scenarios_json_items_carry_id_title_level_route_and_inputs(thresholds):
    run = toolkit("scenarios", "--json")
    assert run.returncode == 0, run.stderr
    items = json.loads(run.stdout)
    assert [i["id"] for i in items] == [s.id for s in thresholds.scenarios]
    for item, scenario in zip(items, thresholds.scenarios, strict=True):
        assert item["title"] == scenario.title
        assert (item["level"], item["level_id"], item["routes"]) == (
            scenario.level.number,
            scenario.level.id,
            [route.id for route in scenario.routes],
        )
        assert item["check"]["indicators"] == list(scenario.shows)


def test_cli_scenarios_lists_one_line_each(thresholds):
    run = toolkit("scenarios")
    lines = run.stdout.splitlines()
    assert len(lines) == len(thresholds.scenarios)
    assert lines[0].split()[:3] == ["L1", "universal", "universal-strengths"]


def test_cli_verify_passes_and_fails(tmp_path, thresholds):
    ok = toolkit("scenarios", "--verify")
    assert ok.returncode == 0 and f"all {len(thresholds.scenarios)} scenarios agree" in ok.stdout
    bad = tmp_path / "thresholds.yml"
    bad.write_text(
        THRESHOLDS_FILE.read_text(encoding="utf-8").replace(
            "    expected: {level: universal, routes: [universal]}",
            "    expected: {level: early-help, routes: [early-help]}",
        ),
        encoding="utf-8",
    )
    run = toolkit("scenarios", "--verify", "--thresholds", str(bad))
    assert run.returncode == 1
    assert run.stderr.splitlines() == [line for line in run.stderr.splitlines() if "universal-strengths" in line]
    assert "scenario universal-strengths: its answer key is Level 2" in run.stderr
