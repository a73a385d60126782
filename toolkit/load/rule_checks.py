"""What the schema cannot check of indicators and rules: strengths never decide a level, age bands
hold an age the guidance covers, each kind of rule takes only its own fields, and rules that decide a
level keep the checker's promises."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from levels_of_need import questions
from levels_of_need.model import indicator_domain_ids
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
    guidance covers: what it is written for could never apply. A bound is given once, in years or in months."""
    for years, months in (("at_least", "at_least_months"), ("under", "under_months")):
        if years in band and months in band:
            yield problem(path, f"give '{years}' or '{months}', not both: the band's bound is given once")
            return
    low, high = _bound(band, "at_least"), _bound(band, "under")
    if high is not None and high[1] <= low[1]:
        yield problem(path, f"'{high[0]}' must be above '{low[0]}': no age is in this band")
        return
    if ages["youngest"] > ages["oldest"]:
        return  # the age range itself is wrong, and said so: no band can be judged against it
    # In months: the guidance covers from birthday youngest to the day before birthday oldest + 1.
    top = high[1] if high is not None else 10**6
    covered = max(low[1], 12 * ages["youngest"]) < min(top, 12 * (ages["oldest"] + 1))
    has_ages = any(key in band for key in ("at_least", "under", "at_least_months", "under_months"))
    if has_ages and not covered and not band.get("unborn"):
        yield problem(
            path, f"no age in this band is within age_range ({ages['youngest']} to {ages['oldest']}): {never}"
        )


def _bound(band: Mapping[str, Any], years: str) -> tuple[str, int] | None:
    """A band's bound as written ("under: 16", "under_months: 6") and in months; at_least is 0 where not given."""
    months = f"{years}_months"
    if months in band:
        return f"{months}: {band[months]}", band[months]
    if years in band:
        return f"{years}: {band[years]}", 12 * band[years]
    return ("at_least: 0", 0) if years == "at_least" else None


def rule_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    strengths = strength_ids(data)
    if not any(_answers_immediate_risk(rule) for rule in data["rules"]):
        # The self-check always asks about immediate risk: "yes" must reach the guidance's words for an
        # emergency, or the check would go on to a level and route as if nothing had been said.
        yield problem(
            ["rules"],
            "no 'emergency' rule holds on \"yes\" to immediate risk alone (when: {answers: {immediate_risk: "
            '["yes"]}}): the self-check asks that question of every check, so give your guidance\'s words for '
            "an emergency and its contacts",
        )
    for i, rule in enumerate(data["rules"]):
        base: list[str | int] = ["rules", i]
        yield from _strength_problems(rule, [*base, "when"], rule["when"], strengths, problem, "depend on")
        for counting in ("all_of", "at_least"):
            if counting in rule["when"]:
                where = [*base, "when", counting]
                yield from _strength_problems(rule, where, rule["when"][counting], strengths, problem, "count")
                yield from _counting_problems(data, where, rule["when"][counting], strengths, problem)
        yield from level_bound_problems(data, rule, base, problem)
        if rule["kind"] in DECIDING:
            yield from _deciding_rule_problems(rule, base, problem)
        yield from _advice_problems(rule, base, problem)
        if "age" in rule["when"]:
            yield from band_problems(
                rule["when"]["age"], [*base, "when", "age"], data["age_range"], problem, "the rule would never hold"
            )


def _answers_immediate_risk(rule: Mapping[str, Any]) -> bool:
    """An emergency rule that holds on "yes" to immediate risk, whatever else the check holds."""
    when = rule["when"]
    # (max_level on an emergency rule is refused on its own line.)
    return (
        rule["kind"] == "emergency"
        and set(when) - {"max_level"} == {"answers"}
        and list(when["answers"]) == ["immediate_risk"]
        and ("yes" in when["answers"]["immediate_risk"])
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


def _counting_problems(
    data: Mapping[str, Any], base: list[str | int], counting: Mapping[str, Any], strengths: set[str], problem: Any
) -> Iterator[Problem]:
    """A counting condition (all_of, at_least) counts no more than it lists, counts worries only (a level
    of strengths holds none), and never more than could ever hold with every worry chosen."""
    listed = len(counting.get("indicators", ())) + len(counting.get("themes", ())) + len(counting.get("domains", ()))
    if "count" in counting and listed and counting["count"] > listed:
        yield problem(
            [*base, "count"],
            f"at least {counting['count']} of {listed} listed can never hold: list more indicators, themes "
            "or domains, or lower the count",
        )
        return
    if "levels" in counting and "indicators" in counting:
        yield problem(
            [*base, "levels"],
            "'levels' counts the worries at those levels, and 'indicators' names worries one by one: give one "
            "or the other (an indicator is at its own level already)",
        )
        return
    kinds = {level["id"]: level["indicator_kind"] for level in data["levels"]}
    for j, level_id in enumerate(counting.get("levels", ())):
        if kinds.get(level_id) == "strength":
            yield problem(
                [*base, "levels", j],
                f"level {level_id!r} lists what is working well: its indicators are strengths, which never "
                "count as worries (nor set a level)",
            )
            return
    yield from _never_holds_problems(data, base, counting, strengths, problem)


def _never_holds_problems(
    data: Mapping[str, Any], base: list[str | int], counting: Mapping[str, Any], strengths: set[str], problem: Any
) -> Iterator[Problem]:
    """A count (or, for all_of, every item) that no choice of worries could reach: a domain or theme no worry
    (at the levels listed) is under, or fewer worries at those levels than the count."""
    known = {section: {item["id"] for item in data.get(section, ())} for section in ("levels", "themes", "domains")}
    if any(not set(counting.get(section, ())) <= ids for section, ids in known.items()):
        return  # an unknown id is named once, by the reference check
    most = most_that_could_hold(data, counting, strengths)
    listed = sum(len(counting.get(items, ())) for items in ("indicators", "themes", "domains"))
    needed = counting.get("count", listed)  # all_of: every item listed
    if needed > most:
        at = [*base, "count"] if "count" in counting else base
        what = f"at least {needed}" if "count" in counting else f"all {needed} listed"
        fix = "lower the count, or count more" if "count" in counting else "list only items that can hold"
        yield problem(
            at,
            f"{what} can never hold: with every worry chosen, at most {most} could (strengths never count, and "
            f"with 'levels' only the worries at those levels do): {fix}",
        )


def most_that_could_hold(data: Mapping[str, Any], counting: Mapping[str, Any], strengths: set[str]) -> int:
    """How many items of a counting condition hold with every worry chosen (as rules.count_holding counts)."""
    levels = set(counting.get("levels", ()))
    worries = [i for i in data["indicators"] if i["id"] not in strengths and (not levels or i["level"] in levels)]
    if not any(counting.get(items) for items in ("indicators", "themes", "domains")):
        return len(worries)
    themes = {i.get("theme") for i in worries}
    domains = {d for i in worries for d in indicator_domain_ids(i)}
    return (
        len(counting.get("indicators", ()))
        + sum(theme in themes for theme in counting.get("themes", ()))
        + sum(domain in domains for domain in counting.get("domains", ()))
    )


def level_bound_problems(
    data: Mapping[str, Any], rule: Mapping[str, Any], base: list[str | int], problem: Any
) -> Iterator[Problem]:
    """A rule whose min_level is above its max_level never holds; a raise rule confined to a level
    (max_level) never sets a higher level than it, and its words never describe harm or an immediate
    risk (those are challenged at every level, so never confined to one)."""
    when = rule["when"]
    numbers = {level["id"]: level["number"] for level in data["levels"]}
    most = numbers.get(when.get("max_level", ""))
    if most is None:
        return
    least = numbers.get(when.get("min_level", ""))
    if least is not None and least > most:
        yield problem(
            [*base, "when", "min_level"],
            f"min_level {when['min_level']!r} is above max_level {when['max_level']!r}: the rule would never hold",
        )
    if rule["kind"] != "raise":
        return
    own = _raised_level(data, rule)
    if own is not None and numbers[own] > most:
        yield problem(
            [*base, "when", "max_level"],
            f"a 'raise' rule confined to max_level {when['max_level']!r} cannot set a higher level ({own!r}): "
            "where everything else reached above its max_level it would drop out, and adding a worry would "
            "lower the result",
        )
    for words in ("describes_harm", "describes_immediate_risk"):
        if rule.get(words):
            yield problem(
                [*base, words],
                f"a rule confined to a level (max_level) cannot take {words!r}: such words are challenged at "
                "every level, so leave out max_level",
            )


def _raised_level(data: Mapping[str, Any], rule: Mapping[str, Any]) -> str | None:
    """The id of the level a raise rule sets (its level, or its route's level); None if it names none known."""
    for level in data["levels"]:
        if level["id"] == rule.get("level") or any(route["id"] == rule.get("route") for route in level["routes"]):
            return level["id"]
    return None


def _deciding_rule_problems(rule: Mapping[str, Any], base: list[str | int], problem: Any) -> Iterator[Problem]:
    """Rules that decide a level or route must keep the checker's promises: adding a worry never
    lowers the result, and "not sure" never decides anything."""
    when = rule["when"]
    if "max_level" in when and rule["kind"] == "emergency":
        yield problem(
            [*base, "when", "max_level"],
            "an 'emergency' rule cannot take max_level: it stops the check whatever the level, and with it a "
            "worry added could take away the call to make now",
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
