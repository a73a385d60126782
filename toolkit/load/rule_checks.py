"""What the schema cannot check of indicators and rules: strengths never decide a level, age bands
hold an age the guidance covers, each kind of rule takes only its own fields, and rules that decide a
level keep the checker's promises."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from levels_of_need import questions
from levels_of_need.questions import UNSURE

from .document_checks import CONSENT
from .problems import Problem

DECIDING = ("emergency", "raise")


def strength_ids(data: Mapping[str, Any]) -> set[str]:
    strength_levels = {level["id"] for level in data["levels"] if level["indicator_kind"] == "strength"}
    return {ind["id"] for ind in data["indicators"] if ind["level"] in strength_levels or ind.get("strength")}


def indicator_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    strength_levels = {level["id"] for level in data["levels"] if level["indicator_kind"] == "strength"}
    strengths = strength_ids(data)
    for i, ind in enumerate(data["indicators"]):
        yield from _indicator_problems(ind, ["indicators", i], strength_levels, data["age_range"], problem)
    for i, ind in enumerate(data["indicators"]):
        if ind["id"] in strengths and ind.get("describes_harm"):
            yield problem(
                ["indicators", i, "describes_harm"],
                "a strength cannot describe harm: its level lists what is working well",
            )
        if ind["id"] in strengths and ind.get("describes_immediate_risk"):
            yield problem(
                ["indicators", i, "describes_immediate_risk"],
                "a strength cannot describe an immediate risk: its level lists what is working well",
            )


def _indicator_problems(
    ind: Mapping[str, Any], base: list[str | int], strength_levels: set[str], ages: Mapping[str, Any], problem: Any
) -> Iterator[Problem]:
    """An indicator's own fields that the schema cannot check: a worry on a strength level, and an age
    band that holds no age (or none the guidance covers)."""
    if ind.get("strength") is False and ind["level"] in strength_levels:
        yield problem(
            [*base, "strength"],
            f"level {ind['level']!r} lists what is working well, so its indicators are strengths: "
            "leave 'strength' out (or move the indicator to a level of worries)",
        )
    if "age" in ind:
        yield from band_problems(ind["age"], [*base, "age"], ages, problem, "the indicator would never apply")


def band_problems(
    band: Mapping[str, Any], path: list[str | int], ages: Mapping[str, Any], problem: Any, never: str
) -> Iterator[Problem]:
    """An age band (an indicator's ``age``, or a rule's ``when: age``) that holds no age, or none the
    guidance covers: what it is written for could never apply."""
    low, high = band.get("at_least", 0), band.get("under")
    if high is not None and high <= low:
        yield problem(path, f"'under: {high}' must be above 'at_least: {low}': no age is in this band")
        return
    if ages["youngest"] > ages["oldest"]:
        return  # the age range itself is wrong, and said so: no band can be judged against it
    covered = range(max(low, ages["youngest"]), min(high if high is not None else 10**6, ages["oldest"] + 1))
    has_years = "at_least" in band or "under" in band
    if has_years and not covered and not band.get("unborn"):
        yield problem(
            path, f"no age in this band is within age_range ({ages['youngest']} to {ages['oldest']}): {never}"
        )


def rule_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    strengths = strength_ids(data)
    for i, rule in enumerate(data["rules"]):
        base: list[str | int] = ["rules", i]
        yield from _strength_problems(rule, [*base, "when"], rule["when"], strengths, problem, "depend on")
        for counting in ("all_of", "at_least"):
            if counting in rule["when"]:
                where = [*base, "when", counting]
                yield from _strength_problems(rule, where, rule["when"][counting], strengths, problem, "count")
                yield from _counting_problems(where, rule["when"][counting], problem)
        if rule["kind"] in DECIDING:
            yield from _deciding_rule_problems(rule, base, problem)
        yield from _advice_problems(rule, base, problem)
        if "age" in rule["when"]:
            yield from band_problems(
                rule["when"]["age"], [*base, "when", "age"], data["age_range"], problem, "the rule would never hold"
            )


def _strength_problems(
    rule: Mapping[str, Any],
    base: list[str | int],
    condition: Mapping[str, Any],
    strengths: set[str],
    problem: Any,
    verb: str,
) -> Iterator[Problem]:
    """Strengths never set a level, so a rule that decides one never depends on or counts one."""
    kind = rule["kind"]
    if kind not in DECIDING:
        return
    for j, indicator in enumerate(condition.get("indicators", ())):
        if indicator in strengths:
            yield problem(
                [*base, "indicators", j],
                f"{indicator!r} is a strength: strengths never set a level, so a {kind!r} rule cannot {verb} one",
            )


def _advice_problems(rule: Mapping[str, Any], base: list[str | int], problem: Any) -> Iterator[Problem]:
    """Advice that mentions consent says whether it seeks it. (Which fields each kind of rule takes and
    needs is in the schema: shapes.py.)"""
    kind = rule["kind"]
    if kind == "advise" and CONSENT.search(rule["text"]) and "seeks_consent" not in rule:
        yield problem(
            base,
            "this advice mentions consent: say whether it asks for the parents' or carers' consent "
            "(seeks_consent: true or false)",
        )


def _counting_problems(base: list[str | int], counting: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """A counting condition (all_of, at_least) counts no more than it lists."""
    listed = len(counting.get("indicators", ())) + len(counting.get("themes", ()))
    if "count" in counting and counting["count"] > listed:
        yield problem(
            [*base, "count"],
            f"at least {counting['count']} of {listed} listed can never hold: list more indicators or themes, "
            "or lower the count",
        )


def _deciding_rule_problems(rule: Mapping[str, Any], base: list[str | int], problem: Any) -> Iterator[Problem]:
    """Rules that decide a level or route must keep the checker's promises: adding a worry never
    lowers the result, and "not sure" never decides anything."""
    when = rule["when"]
    if "max_level" in when:
        yield problem(
            [*base, "when", "max_level"],
            f"a {rule['kind']!r} rule cannot take max_level: adding a worry would then lower the result "
            "(use max_level on an 'advise' rule)",
        )
    for question_id, values in when.get("answers", {}).items():
        fixed = question_id in questions.QUESTION_IDS
        open_values = sorted(set(values) & set(questions.question(question_id).open_values if fixed else [UNSURE]))
        if open_values:
            yield problem(
                [*base, "when", "answers", question_id],
                f"{', '.join(open_values)!r} leaves the question open, so it cannot decide a level or route: "
                "give the guidance's advice for it in an 'advise' rule",
            )
