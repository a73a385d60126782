"""`validate`'s checks of the training scenario sets and twins (docs/format.md, "Scenario sets").

Problems (the file is refused): a set that names a scenario the file does not have, or one twice,
two sets with one id; a twin of a scenario the file does not have, or (once every scenario agrees with
the checker) whose expected answer is not its original's. Warnings (the file is valid, but a session
with the set would say less than a trainer expects): a set too small to measure agreement, or unbalanced across levels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from levels_of_need.model import Thresholds
from levels_of_need.training_session import MIN_VIGNETTES, balance_warning


def scenario_set_problems(data: Mapping[str, Any], problem: Callable[..., Any]) -> Iterator[Any]:
    """Each problem as ``problem(path, message)`` (cross_checks.cross_check_problems' helper)."""
    scenarios = {scenario["id"]: scenario for scenario in data.get("scenarios", ())}
    known = ", ".join(list(scenarios)[:8]) + (", …" if len(scenarios) > 8 else "") or "none"
    seen_sets: set[str] = set()
    for i, scenario_set in enumerate(data.get("scenario_sets", ())):
        if scenario_set["id"] in seen_sets:
            yield problem(["scenario_sets", i, "id"], f"another scenario set has the id {scenario_set['id']!r}")
        seen_sets.add(scenario_set["id"])
        listed: set[str] = set()
        for j, scenario_id in enumerate(scenario_set["scenarios"]):
            path = ["scenario_sets", i, "scenarios", j]
            if scenario_id not in scenarios:
                yield problem(path, f"{scenario_id!r} is not a defined scenario (known: {known})")
            elif scenario_id in listed:
                yield problem(path, f"{scenario_id!r} is listed twice in this set: a session takes each scenario once")
            listed.add(scenario_id)
    for i, scenario in enumerate(data.get("scenarios", ())):
        original = scenario.get("twin_of")
        if original is None:
            continue
        path = ["scenarios", i, "twin_of"]
        if original == scenario["id"]:
            yield problem(path, "a scenario cannot be its own twin")
        elif original not in scenarios:
            yield problem(path, f"{original!r} is not a defined scenario (known: {known})")


def twin_problems(data: Mapping[str, Any], problem: Callable[..., Any]) -> Iterator[Any]:
    """A twin whose expected answer is not its original's. Checked once every scenario agrees with the
    checker (load.scenarios), so that a changed answer key is reported as the scenario's own problem first."""
    scenarios = {scenario["id"]: scenario for scenario in data.get("scenarios", ())}
    for i, scenario in enumerate(data.get("scenarios", ())):
        original = scenarios.get(scenario.get("twin_of") or "")
        if original is not None and original is not scenario and _key(original) != _key(scenario):
            yield problem(
                ["scenarios", i, "twin_of"],
                f"a twin makes the same decision as its original, but {original['id']!r} expects "
                f"{_show(original)} and this one {_show(scenario)}",
            )


def scenario_set_warnings(thresholds: Thresholds) -> list[str]:
    """One line for each set a session could not measure well."""
    warnings = []
    for scenario_set in thresholds.scenario_sets:
        where = f"scenario_sets[{scenario_set.id}]"
        count = len(scenario_set.scenarios)
        if count < MIN_VIGNETTES:
            warnings.append(
                f"{where}: {count} scenario{'s' if count != 1 else ''} are too few to measure the room's agreement "
                f"(a session needs at least {MIN_VIGNETTES}; 8 or more narrow the interval)"
            )
        if warning := balance_warning(thresholds, [s.level for s in scenario_set.scenarios]):
            warnings.append(f"{where}: {warning}")
    return warnings


def _key(scenario: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    return scenario["expected"]["level"], tuple(scenario["expected"]["routes"])


def _show(scenario: Mapping[str, Any]) -> str:
    level, routes = _key(scenario)
    return f"{level} ({' or '.join(routes)})"
