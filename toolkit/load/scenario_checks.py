"""What the schema cannot check of the training scenarios: the child's age within the range, routes of the expected
level, and confirmations only of what describes harm. (Their indicators, levels, routes and
``decided_by`` are references: references.py.)"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .problems import Problem


def scenario_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    routes_of = {level["id"]: [route["id"] for route in level["routes"]] for level in data["levels"]}
    for i, scenario in enumerate(data.get("scenarios", ())):
        base: list[str | int] = ["scenarios", i]
        yield from _expected_route_problems(scenario["expected"], [*base, "expected"], routes_of, problem)
        yield from _check_problems(scenario["check"], [*base, "check"], data, problem)


def _expected_route_problems(
    expected: Mapping[str, Any], base: list[str | int], routes_of: Mapping[str, list[str]], problem: Any
) -> Iterator[Problem]:
    routes = routes_of.get(expected["level"])
    for j, route in enumerate(expected["routes"]):
        known_route = any(route in level_routes for level_routes in routes_of.values())
        if routes is not None and known_route and route not in routes:
            yield problem(
                [*base, "routes", j],
                f"route {route!r} is not a route of level {expected['level']!r} (its routes: {', '.join(routes)})",
            )


def _age_problems(
    check: Mapping[str, Any], base: list[str | int], data: Mapping[str, Any], problem: Any
) -> Iterator[Problem]:
    """A scenario's age outside the range, or a baby's given as 0 years where an age band in months needs the
    months (the check refuses it: rules.validate_age)."""
    if "age" not in check:
        return
    ages = data["age_range"]
    years = check["age"] if isinstance(check["age"], int) else 0  # "7 months" (the schema's pattern)
    valid_range = ages["youngest"] <= ages["oldest"]  # otherwise that is the one problem to report
    if valid_range and not ages["youngest"] <= years <= ages["oldest"]:
        yield problem([*base, "age"], f"{check['age']} is outside age_range ({ages['youngest']} to {ages['oldest']})")
    elif check["age"] == 0 and _bands_in_months(data):
        yield problem(
            [*base, "age"],
            "give the baby's age in months, like 'age: 7 months': an age band in months splits the first year, "
            "so 0 years does not say whether it holds",
        )


def _bands_in_months(data: Mapping[str, Any]) -> bool:
    bands = [ind.get("age") or {} for ind in data["indicators"]]
    bands += [rule["when"].get("age") or {} for rule in data["rules"]]
    return any("at_least_months" in band or "under_months" in band for band in bands)


def _check_problems(
    check: Mapping[str, Any], base: list[str | int], data: Mapping[str, Any], problem: Any
) -> Iterator[Problem]:
    yield from _age_problems(check, base, data, problem)
    harmful = {ind["id"] for ind in data["indicators"] if ind.get("describes_harm")}
    harmful_rules = {rule["id"] for rule in data["rules"] if rule.get("describes_harm")}
    for j, indicator in enumerate(check.get("confirmed", ())):
        if indicator.startswith("age:") and indicator.removeprefix("age:") in check["indicators"]:
            continue  # a worry chosen for another age than the band the checker offers it for
        if indicator not in harmful_rules and (indicator not in check["indicators"] or indicator not in harmful):
            yield problem(
                [*base, "confirmed", j],
                f"{indicator!r} is not one of this check's indicators, nor a rule, marked describes_harm: "
                "only those are confirmed",
            )
