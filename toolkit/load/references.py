"""Every field that names another part of the file by id, in one table. One walk of the table answers
both questions asked of such a field: is the part it names defined, and, for a contact, is it one
area's own (a step or rule names the contact that differs by area, so the checker can show the child's
area's). A new field that names a part is added here and nowhere else; docs/format.md lists the table,
and a test fails when the two differ."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .problems import shortlist

# (path pattern, kind): ``[*]`` is every item of a list (or the one item, where a field holds one item or a
# list of them: ``step_down``); ``{*}`` is every value of a mapping, and ``{}`` every key of it (a step's
# ``areas``: each area's id and its own words). The kind is the section whose ids the field
# names; "indicator or rule" is either.
REFERENCES: tuple[tuple[str, str], ...] = (
    ("indicators[*].level", "level"),
    ("indicators[*].domain", "domain"),
    ("indicators[*].domains[*]", "domain"),
    ("indicators[*].theme", "theme"),
    ("levels[*].routes[*].next_steps[*].contact", "contact"),
    ("levels[*].routes[*].next_steps[*].timescale", "timescale"),
    ("own_questions[*].themes[*]", "theme"),
    ("levels[*].routes[*].next_steps[*].areas{}", "area"),
    ("levels[*].routes[*].next_steps[*].areas{*}.timescale", "timescale"),
    ("rules[*].level", "level"),
    ("rules[*].route", "route"),
    ("rules[*].timescale", "timescale"),
    ("rules[*].contacts[*]", "contact"),
    ("rules[*].areas[*]", "area"),
    ("rules[*].when.indicators[*]", "indicator"),
    ("rules[*].when.themes[*]", "theme"),
    ("rules[*].when.all_of.indicators[*]", "indicator"),
    ("rules[*].when.all_of.themes[*]", "theme"),
    ("rules[*].when.at_least.indicators[*]", "indicator"),
    ("rules[*].when.at_least.themes[*]", "theme"),
    ("rules[*].when.all_of.domains[*]", "domain"),
    ("rules[*].when.all_of.levels[*]", "level"),
    ("rules[*].when.at_least.domains[*]", "domain"),
    ("rules[*].when.at_least.levels[*]", "level"),
    ("rules[*].when.min_level", "level"),
    ("rules[*].when.max_level", "level"),
    ("escalation.stages[*].timescale", "timescale"),
    ("escalation.stages[*].contact", "contact"),
    ("step_down[*].from", "level"),
    ("step_down[*].to", "level"),
    ("step_down[*].next_steps[*].contact", "contact"),
    ("step_down[*].next_steps[*].timescale", "timescale"),
    ("step_down[*].next_steps[*].areas{}", "area"),
    ("step_down[*].next_steps[*].areas{*}.timescale", "timescale"),
    ("step_up[*].from", "level"),
    ("step_up[*].to", "level"),
    ("step_up[*].next_steps[*].contact", "contact"),
    ("step_up[*].next_steps[*].timescale", "timescale"),
    ("step_up[*].next_steps[*].areas{}", "area"),
    ("step_up[*].next_steps[*].areas{*}.timescale", "timescale"),
    ("step_across[*].from", "route"),
    ("step_across[*].to", "route"),
    ("step_across[*].next_steps[*].contact", "contact"),
    ("step_across[*].next_steps[*].timescale", "timescale"),
    ("step_across[*].next_steps[*].areas{}", "area"),
    ("step_across[*].next_steps[*].areas{*}.timescale", "timescale"),
    ("scenarios[*].check.indicators[*]", "indicator"),
    ("scenarios[*].expected.level", "level"),
    ("scenarios[*].expected.routes[*]", "route"),
    ("scenarios[*].decided_by[*]", "indicator or rule"),
)

EVERY_ITEM = "*"
EVERY_VALUE = "{*}"
EVERY_KEY = "{}"

Reference = tuple[list[str | int], str, Any]


def steps(pattern: str) -> list[str]:
    """``rules[*].when.indicators[*]`` as the steps of a walk: rules, *, when, indicators, *."""
    marked = pattern.replace("[*]", ".*").replace("{*}", ".{*}").replace("{}", ".{}")
    return marked.split(".")


def references(data: Mapping[str, Any]) -> Iterator[Reference]:
    """(path, kind, value) for every field of the table the file gives."""
    for pattern, kind in REFERENCES:
        for path, value in _walk(data, steps(pattern), []):
            yield path, kind, value


def _walk(node: Any, rest: list[str], path: list[str | int]) -> Iterator[tuple[list[str | int], Any]]:
    if not rest:
        yield path, node
        return
    step, after = rest[0], rest[1:]
    if step in (EVERY_VALUE, EVERY_KEY) and isinstance(node, Mapping):
        for key, value in node.items():
            # A key is reported at its own path (its line is the key's), as its value would be.
            yield from _walk(key if step == EVERY_KEY else value, after, [*path, key])
    elif step == EVERY_ITEM and isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, after, [*path, index])
    elif step == EVERY_ITEM and isinstance(node, Mapping):
        yield from _walk(node, after, path)  # the one item of a field that may hold one or a list
    elif isinstance(node, Mapping) and step in node:
        yield from _walk(node[step], after, [*path, step])


def defined_ids(data: Mapping[str, Any]) -> dict[str, list[str]]:
    """The ids of each kind of part, in the file's order."""
    known = {
        kind: [item["id"] for item in data.get(section, ())]
        for kind, section in (
            ("level", "levels"),
            ("domain", "domains"),
            ("theme", "themes"),
            ("indicator", "indicators"),
            ("contact", "contacts"),
            ("timescale", "timescales"),
            ("rule", "rules"),
            ("area", "areas"),
        )
    }
    known["route"] = [route["id"] for level in data["levels"] for route in level["routes"]]
    known["indicator or rule"] = [*known["indicator"], *known["rule"]]
    return known


def reference_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Any]:
    """Every named part is defined, and no field names one area's own contact."""
    known = defined_ids(data)
    area_of = {
        own_id: contact["id"] for contact in data["contacts"] for own_id in (contact.get("areas") or {}).values()
    }
    for path, kind, value in references(data):
        if value not in known[kind]:
            yield problem(path, _undefined(kind, value, known[kind]))
        if kind == "contact" and value in area_of:
            yield problem(
                path,
                f"{value!r} is one area's contact: name {area_of[value]!r}, which differs by area, so the "
                "self-check shows the child's area's (or every area's while the area is not known)",
            )


def _undefined(kind: str, value: Any, known: list[str]) -> str:
    if kind == "area" and not known:
        return f"{value!r} is an area, but the file lists no 'areas': add them, or leave out this area's words"
    if kind == "indicator or rule":
        return f"{value!r} is neither an indicator nor a rule id"
    return f"{value!r} is not a defined {kind} (known: {shortlist(known)})"
