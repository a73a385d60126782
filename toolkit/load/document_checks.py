"""What the schema cannot check of the file's levels, routes and optional parts: numbering, colours,
consent, step-down, BRAG, included sections, the summary's headings, the glossary and the accessibility
statement."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from levels_of_need.model import MOVE_SECTIONS, one_or_many
from levels_of_need.summary import PART_IDS, RESERVED_IDS

from .colours import too_faint
from .problems import Problem
from .text import strings
from .yaml_lines import LineIndex

CONSENT = re.compile(r"\bconsent", re.IGNORECASE)

# An abbreviation the file itself marks as one: capitals (and digits or &) in brackets after the
# words they stand for, as in "Multi Agency Safeguarding Hub (MASH)" or "(ACEs)". Whether other words
# of free text are abbreviations is a judgement the validator does not make.
_BRACKETED_ABBREVIATION = re.compile(r"\(([A-Z][A-Z0-9&]*[A-Z0-9&]s?)\)")


def numbering_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """Levels, and escalation stages, are numbered 1, 2, 3… in the order listed; the age range is the
    right way up."""
    for i, level in enumerate(data["levels"]):
        if level["number"] != i + 1:
            yield problem(
                ["levels", i, "number"],
                f"levels are listed lowest first and numbered 1, 2, 3… without gaps; expected {i + 1}, "
                f"got {level['number']}",
            )
            break
    for i, stage in enumerate(data.get("escalation", {}).get("stages", ())):
        if stage["number"] != i + 1:
            yield problem(
                ["escalation", "stages", i, "number"],
                f"stages are listed in order, numbered 1, 2, 3… without gaps; expected {i + 1}, got {stage['number']}",
            )
            break
    ages = data["age_range"]
    if ages["youngest"] > ages["oldest"]:
        yield problem(
            ["age_range", "oldest"], f"the oldest age ({ages['oldest']}) is below the youngest ({ages['youngest']})"
        )


def level_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """Every level has an indicator, every colour can be seen, and every route keeps the consent rules."""
    used_levels = {ind["level"] for ind in data["indicators"]}
    # An indicator with a mistyped level is the real problem: its level's "no indicators" would only
    # send the reader to add one, so it is said only when every indicator names a known level.
    level_typo = not used_levels <= {level["id"] for level in data["levels"]}
    for li, level in enumerate(data["levels"]):
        if level["id"] not in used_levels and not level_typo:
            yield problem(["levels", li], f"level {level['id']!r} has no indicators")
        coloured = [(["levels", li], level)]
        coloured += [(["levels", li, "routes", ri], route) for ri, route in enumerate(level["routes"])]
        for path, part in coloured:
            if "colour" in part and (faint := too_faint(part["colour"])):
                yield problem([*path, "colour"], faint)
        for ri, route in enumerate(level["routes"]):
            yield from consent_problems(route, ["levels", li, "routes", ri], problem)


def consent_problems(route: Mapping[str, Any], base: list[str | int], problem: Any) -> Iterator[Problem]:
    """Never lead with consent where a child may be at risk of significant harm: every step that
    mentions consent says whether it seeks it, and a route that does not require consent does not
    start with a step that seeks it."""
    steps = route["next_steps"]
    for si, step in enumerate(steps):
        if any(CONSENT.search(text) for text in step_texts(step)) and "seeks_consent" not in step:
            yield problem(
                [*base, "next_steps", si],
                "this step mentions consent: say whether it asks for the parents' or carers' consent "
                "(seeks_consent: true or false)",
            )
    if route.get("consent_required") is False and steps and steps[0].get("seeks_consent"):
        yield problem(
            [*base, "next_steps", 0],
            "this route does not require consent (a child who may be at risk of significant harm): "
            "its first step must not seek consent; put the telephone call or the referral first",
        )


def step_texts(step: Mapping[str, Any]) -> list[str]:
    """A step's own words and each area's own words for it: an area's words that mention consent make the
    step say whether it seeks consent, as its own words do (the area's words keep the step's seeks_consent,
    so an area's words can never make a consent step lead)."""
    own = step.get("areas") if isinstance(step.get("areas"), Mapping) else {}
    return [
        step["text"],
        *(o["text"] for o in own.values() if isinstance(o, Mapping) and isinstance(o.get("text"), str)),
    ]


def harm_route_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """The route that "yes" to significant harm reaches never waits for the parents' consent: it says
    `consent_required: false`, so that its telephone step leads (and no step that seeks consent comes first)
    wherever a child may be at risk of significant harm. Left out, or true, the checker would suggest that
    route with consent refused and lead with asking the family."""
    routes = {route["id"]: route for level in data["levels"] for route in level["routes"]}
    first_routes = {level["id"]: level["routes"][0] for level in data["levels"] if level["routes"]}
    for i, rule in enumerate(data["rules"]):
        if rule["kind"] != "raise" or "yes" not in rule["when"].get("answers", {}).get("significant_harm", ()):
            continue
        # A raise to a level reaches that level's first route (rules.reach).
        route = routes.get(rule["route"]) if "route" in rule else first_routes.get(rule.get("level"))
        if route is not None and route.get("consent_required") is not False:
            yield problem(
                ["rules", i, "route" if "route" in rule else "level"],
                f"'yes' to significant harm reaches the route {route['id']!r}, which must not wait for the "
                "parents' consent (a child who may be at risk of significant harm): give that route "
                "consent_required: false and a first step that does not seek consent",
            )


def case_move_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """A case steps down to a lower level, up to a higher one, or across between two routes of one level;
    each path's steps say whether they seek consent. (Its levels, routes, contacts and timescales are
    references: references.py.)"""
    numbers = {level["id"]: level["number"] for level in data["levels"]}
    level_of = {route["id"]: level["id"] for level in data["levels"] for route in level["routes"]}
    for section, direction in MOVE_SECTIONS:
        value = data.get(section)
        seen: set[tuple[str, str]] = set()
        for n, move in enumerate(one_or_many(value) if value else []):
            base: list[str | int] = [section, n] if isinstance(value, list) else [section]
            start, end = move["from"], move["to"]
            if direction == "across":
                wrong = _across_problem(start, end, level_of)
            else:
                wrong = _level_move_problem(direction, start, end, numbers)
            if wrong:
                yield problem([*base, "to"], wrong)
            if (start, end) in seen:
                yield problem(
                    [*base, "from"],
                    f"{section} gives the path from {start!r} to {end!r} twice: give it once, with all its steps",
                )
            seen.add((start, end))
            yield from consent_problems(move, base, problem)  # a step that mentions consent says if it seeks it
            yield from _consent_first_problems(data, direction, move, base, problem)


def _consent_first_problems(
    data: Mapping[str, Any], direction: str, move: Mapping[str, Any], base: list[str | int], problem: Any
) -> Iterator[Problem]:
    """A path up to a level, or across to a route, where consent is not required (a child who may be at
    risk of significant harm) never starts with a step that seeks consent, as such a route never does."""
    if direction == "down" or not move["next_steps"] or not move["next_steps"][0].get("seeks_consent"):
        return
    if direction == "across":
        routes = [r for level in data["levels"] for r in level["routes"] if r["id"] == move["to"]]
    else:
        routes = [r for level in data["levels"] if level["id"] == move["to"] for r in level["routes"]]
    if any(route.get("consent_required") is False for route in routes):
        yield problem(
            [*base, "next_steps", 0],
            f"this path goes to {move['to']!r}, where a route does not require consent (a child who may be at "
            "risk of significant harm): its first step must not seek consent; put the telephone call or the "
            "referral first",
        )


def _level_move_problem(direction: str, start: str, end: str, numbers: Mapping[str, int]) -> str | None:
    if start not in numbers or end not in numbers:
        return None  # an unknown level is a reference problem
    if direction == "down" and numbers[end] >= numbers[start]:
        return (
            f"a case steps down to a lower level: {end!r} (Level {numbers[end]}) is not "
            f"below {start!r} (Level {numbers[start]})"
        )
    if direction == "up" and numbers[end] <= numbers[start]:
        return (
            f"a case steps up to a higher level: {end!r} (Level {numbers[end]}) is not "
            f"above {start!r} (Level {numbers[start]})"
        )
    return None


def _across_problem(start: str, end: str, level_of: Mapping[str, str]) -> str | None:
    if start not in level_of or end not in level_of:
        return None  # an unknown route is a reference problem
    if start == end:
        return f"a case steps across to another route: {end!r} is the route it steps from"
    if level_of[start] != level_of[end]:
        return (
            f"a case steps across between two routes of one level: {end!r} is a route of {level_of[end]!r}, "
            f"{start!r} of {level_of[start]!r} (a case moving between levels steps up or down)"
        )
    return None


def accessibility_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """The accessibility statement is not reviewed before it was prepared (the schema checks each is a real day)."""
    own = data.get("accessibility") or {}
    if own.get("reviewed", own.get("prepared", "")) < own.get("prepared", ""):
        yield problem(
            ["accessibility", "reviewed"],
            f"the statement was last reviewed ({own['reviewed']}) before it was prepared ({own['prepared']})",
        )


def glossary_problems(data: Mapping[str, Any], lines: LineIndex, problem: Any) -> Iterator[Problem]:
    """The glossary holds the partnership's short name and every abbreviation the file writes in
    brackets: the site shows each one's meaning wherever it appears."""
    glossary = data["glossary"]
    short_name = data["partnership"]["short_name"]
    if short_name not in glossary:
        yield problem(
            ["partnership", "short_name"],
            f"{short_name!r} is not in the glossary: add it there with the partnership's full name",
        )
    first: dict[str, list[str | int]] = {}
    for path, text in strings(data, []):
        if path[0] == "glossary":
            continue
        for abbreviation in _BRACKETED_ABBREVIATION.findall(text):
            if abbreviation in glossary or abbreviation == short_name:  # the short name: reported above
                continue
            if abbreviation not in first or lines.line(path) < lines.line(first[abbreviation]):
                first[abbreviation] = path
    for abbreviation, path in first.items():
        yield problem(
            path,
            f"{abbreviation!r} is written in brackets as an abbreviation but is not in the glossary: "
            "add it there with its expansion",
        )


def brag_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """Every route has a BRAG colour or none does, and the BRAG ratings come with coloured routes."""
    routes = [
        (["levels", li, "routes", ri], route)
        for li, level in enumerate(data["levels"])
        for ri, route in enumerate(level["routes"])
    ]
    coloured = [path for path, route in routes if "brag" in route]
    uncoloured = "some routes have a 'brag' colour and this one has none: give every route one, or none"
    if coloured and len(coloured) != len(routes):
        for path, route in routes:
            if "brag" not in route:
                yield problem(path, uncoloured)
    if "brag" in data and not coloured:
        yield problem(["brag"], "the BRAG ratings are given, but no route has a 'brag' colour")


def framework_part_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """A part the practice framework adds has an id of its own (none of the fixed parts' or typed answers'),
    and a scale runs upwards."""
    seen: set[str] = set()
    for i, part in enumerate(data.get("practice_framework", {}).get("parts", ())):
        if part["id"] in RESERVED_IDS:
            yield problem(
                ["practice_framework", "parts", i, "id"],
                f"{part['id']!r} is the self-check's own name for a part of the summary or a typed answer: "
                "choose another id (a fixed part is renamed in 'headings')",
            )
        elif part["id"] in seen:
            yield problem(["practice_framework", "parts", i, "id"], f"{part['id']!r} is the id of an earlier part")
        seen.add(part["id"])
        yield from _consent_part_problems(data, part, ["practice_framework", "parts", i], problem)
        scale = part.get("scale")
        if scale and scale["lowest"] >= scale["highest"]:
            yield problem(
                ["practice_framework", "parts", i, "scale", "lowest"],
                f"the scale's lowest end ({scale['lowest']}) must be below its highest ({scale['highest']})",
            )


def _consent_part_problems(
    data: Mapping[str, Any], part: Mapping[str, Any], path: list[str | int], problem: Any
) -> Iterator[Problem]:
    """A part about consent goes with consent: under the referral question that receives ``consent``, which the
    summary puts last where a child may be at risk of significant harm (anywhere else, it could lead)."""
    if not any(CONSENT.search(part.get(field, "")) for field in ("heading", "label", "hint")):
        return
    questions = data.get("referral_questions", ())
    with_consent = next((q for q in questions if "consent" in q.get("receives", ())), None)
    if with_consent is None or part["id"] not in with_consent.get("receives", ()):
        where = f"referral question {with_consent['id']!r}" if with_consent else "a referral question"
        yield problem(
            [*path, "id"],
            f"this part is about consent: have {where} receive it with 'consent', so that where a child may be "
            "at risk of significant harm the summary never leads with it",
        )


def _unknown_part(part: str, own: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(part, [*PART_IDS, *own], n=1, cutoff=0.8)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"{part!r} is not one of: {', '.join(PART_IDS)}, nor a part practice_framework.parts adds{hint}"


def summary_part_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """A guidance page includes only sections the file has; each part of the summary goes under one
    referral question at most, and a framework's heading only over a part no question receives."""
    sections = {"signs_of_safety": "signs_of_safety", "brag_ratings": "brag"}
    for i, section in enumerate(data.get("guidance", ())):
        for j, part in enumerate(section.get("include", ())):
            if sections[part] not in data:
                yield problem(["guidance", i, "include", j], f"includes {part!r}; the file has no '{sections[part]}'")
    yield from framework_part_problems(data, problem)
    own = [part["id"] for part in data.get("practice_framework", {}).get("parts", ())]
    first_question: dict[str, str] = {}
    for i, question in enumerate(data.get("referral_questions", ())):
        for j, part in enumerate(question.get("receives", ())):
            if part not in PART_IDS and part not in own:
                yield problem(["referral_questions", i, "receives", j], _unknown_part(part, own))
            elif part in first_question:
                yield problem(
                    ["referral_questions", i, "receives", j],
                    f"{part!r} already goes under referral question {first_question[part]!r}: "
                    "each part of the summary goes under one question",
                )
            first_question.setdefault(part, question["id"])
    for part in data.get("practice_framework", {}).get("headings", {}):
        if part in first_question:
            yield problem(
                ["practice_framework", "headings", part],
                f"{part!r} goes under referral question {first_question[part]!r}, so this heading is never shown: "
                "leave it out, or take the part out of that question's 'receives'",
            )
