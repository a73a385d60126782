"""Training scenarios: listing them, verifying them against the checker, and the debrief.

A scenario's expected answer is data; the checker's answer is computed. ``verify``
keeps the two from drifting apart, and ``debrief`` explains, through the checker's
own reasons, where a learner's answer differs from the guidance's.
Standard library only: the debrief runs in the browser under Pyodide.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .api import check_from_dict, result_to_dict
from .model import Level, Route, Scenario, Thresholds
from .rules import CheckError, Result, evaluate

QUESTION_LABELS: Mapping[str, str] = {
    "immediate_risk": "Imminent and significant risk of harm",
    "significant_harm": "Reasonable cause to suspect significant harm",
    "consent": "Consent",
    "social_worker": "Social worker",
    "early_help_not_improving": "Early help tried without enough improvement",
}
ANSWER_WORDS: Mapping[str, str] = {"not-sought": "not sought", "unsure": "not sure"}


def scenario_to_dict(thresholds: Thresholds, scenario: Scenario) -> dict[str, Any]:
    return {
        "id": scenario.id,
        "title": scenario.title,
        "fictional": True,
        "vignette": scenario.vignette,
        "age": scenario.check.get("age"),
        "unborn": bool(scenario.check.get("unborn")),
        "check": {
            "indicators": list(scenario.check["indicators"]),
            "answers": dict(scenario.check.get("answers", {})),
        },
        "level": scenario.level.number,
        "level_id": scenario.level.id,
        "route": scenario.route.id,
        "decided_by": list(scenario.decided_by),
        "teaching_points": list(scenario.teaching_points),
        "common_mistakes": list(scenario.common_mistakes),
    }


def scenario_list(thresholds: Thresholds) -> list[dict[str, Any]]:
    return [scenario_to_dict(thresholds, s) for s in thresholds.scenarios]


def expected_result(thresholds: Thresholds, scenario: Scenario) -> Result:
    return evaluate(thresholds, check_from_dict(scenario.check))


def verify(thresholds: Thresholds) -> list[str]:
    """One line per scenario whose expected answer the checker does not give. Empty when all agree."""
    problems = []
    for scenario in thresholds.scenarios:
        try:
            result = expected_result(thresholds, scenario)
        except CheckError as error:
            problems.append(f"{scenario.id}: its check cannot be evaluated: {error}")
            continue
        if (result.level, result.route) != (scenario.level, scenario.route):
            problems.append(
                f"{scenario.id}: expects {route_label(scenario.level, scenario.route)}, "
                f"but the checker gives {route_label(result.level, result.route)} "
                f"(decisive: {', '.join(r.id for r in result.reasons if r.decisive)})"
            )
        decisive = {r.id for r in result.reasons if r.decisive}
        for reason_id in scenario.decided_by:
            if reason_id not in decisive:
                problems.append(
                    f"{scenario.id}: decided_by names {reason_id!r}, which is not one of the checker's "
                    f"decisive reasons ({', '.join(sorted(decisive))})"
                )
    return problems


def route_label(level: Level, route: Route) -> str:
    return level.label if len(level.routes) == 1 else f"{level.label}, {route.name}"


# ---- The debrief after a learner commits ------------------------------------------------------


def debrief(
    thresholds: Thresholds, scenario_id: str, choices: Mapping[str, Any], committed: str | None
) -> dict[str, Any]:
    """Compare a learner's choices and committed route with the scenario's answer.

    ``choices`` holds the learner's indicators and answers; the child's age comes from the
    scenario, because the vignette states it. ``committed`` is a route id, or None.
    """
    try:
        scenario = thresholds.scenario(scenario_id)
    except KeyError:
        raise CheckError(f"unknown scenario {scenario_id!r}") from None
    expected = expected_result(thresholds, scenario)
    learner = {
        "indicators": list(choices.get("indicators") or ()),
        "answers": dict(choices.get("answers") or {}),
        "age": scenario.check.get("age"),
        "unborn": bool(scenario.check.get("unborn")),
    }
    yours = evaluate(thresholds, check_from_dict(learner))
    committed_level, committed_route = _committed(thresholds, committed)
    return {
        "scenario": scenario.id,
        "expected": result_to_dict(expected),
        "yours": result_to_dict(yours),
        "yours_label": route_label(yours.level, yours.route),
        "commit_matches": committed_route is not None and committed_route.id == expected.route.id,
        "choices_match": yours.route.id == expected.route.id,
        "differences": list(
            differences(thresholds, scenario, expected, yours, learner, committed_level, committed_route)
        ),
    }


def _committed(thresholds: Thresholds, route_id: str | None) -> tuple[Any, Any]:
    if not route_id:
        return None, None
    try:
        return thresholds.route(route_id)
    except KeyError:
        raise CheckError(f"unknown route {route_id!r}") from None


def differences(
    thresholds: Thresholds,
    scenario: Scenario,
    expected: Result,
    yours: Result,
    learner: Mapping[str, Any],
    committed_level: Level | None,
    committed_route: Route | None,
) -> Iterator[dict[str, str]]:
    """Each difference as {kind, id, text}, the most important first."""
    expected_label = route_label(expected.level, expected.route)
    why = _decisive_texts(expected)
    if committed_route is None:
        yield _difference(
            "commit", "none", f"You did not choose a level. The guidance reaches {expected_label} because: {why}"
        )
    elif committed_route.id != expected.route.id:
        yield _difference(
            "commit",
            committed_route.id,
            f"You chose {route_label(committed_level, committed_route)}. "  # type: ignore[arg-type]
            f"The guidance reaches {expected_label} because: {why}",
        )
    if committed_route is not None and yours.route.id != committed_route.id:
        yield _difference(
            "your-choices",
            yours.route.id,
            f"From the worries and answers you chose, the checker reaches {route_label(yours.level, yours.route)}, "
            f"not the level you chose, because: {_decisive_texts(yours)}",
        )

    decisive = {r.id for r in expected.reasons if r.decisive}
    chosen = set(learner["indicators"])
    for indicator_id in scenario.check["indicators"]:
        if indicator_id not in chosen:
            indicator = thresholds.indicator(indicator_id)
            text = f"You did not choose “{indicator.text}” ({indicator.level.label}), which the scenario shows."
            if indicator_id in decisive:
                text += " It is one of the reasons for the guidance’s answer."
            yield _difference("missed-indicator", indicator_id, text)
    for indicator_id in sorted(chosen - set(scenario.check["indicators"])):
        indicator = thresholds.indicator(indicator_id)
        text = f"You chose “{indicator.text}” ({indicator.level.label}); the scenario’s answer does not include it."
        if not indicator.is_strength and indicator.level.number > expected.level.number:
            text += f" On its own it raises the level to {indicator.level.label}."
        yield _difference("extra-indicator", indicator_id, text)

    expected_answers = scenario.check.get("answers", {})
    for question, label in QUESTION_LABELS.items():
        mine, theirs = learner["answers"].get(question), expected_answers.get(question)
        # A question the scenario leaves open is not a difference; a rule it triggers is (below).
        if theirs is not None and mine != theirs:
            yield _difference(
                "answer",
                question,
                f"{label}: you answered “{_word(mine)}”; the scenario’s answer is “{_word(theirs)}”.",
            )

    expected_rules = {r.id: r for r in expected.reasons if r.kind == "rule"}
    your_rules = {r.id: r for r in yours.reasons if r.kind == "rule"}
    for rule_id, reason in expected_rules.items():
        if rule_id not in your_rules:
            yield _difference(
                "missed-rule", rule_id, f"This rule applies to the scenario but not to your choices: {reason.text}"
            )
    for rule_id, reason in your_rules.items():
        if rule_id not in expected_rules:
            yield _difference(
                "extra-rule", rule_id, f"This rule applies to your choices but not to the scenario: {reason.text}"
            )


def _decisive_texts(result: Result) -> str:
    return " ".join(_sentence(r.text) for r in result.reasons if r.decisive)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"“{text}”."


def _word(answer: str | None) -> str:
    return "no answer" if answer is None else ANSWER_WORDS.get(answer, answer)


def _difference(kind: str, item_id: str, text: str) -> dict[str, str]:
    return {"kind": kind, "id": item_id, "text": text}
