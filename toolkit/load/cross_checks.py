"""The checks beyond the schema, made once the file's shape is right (docs/format.md, "Cross-reference
checks"): unique ids, references (one table: references.py), and what each part needs of the others."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .contact_checks import contact_problems, own_question_problems
from .document_checks import (
    accessibility_problems,
    brag_problems,
    case_move_problems,
    glossary_problems,
    harm_route_problems,
    level_problems,
    numbering_problems,
    summary_part_problems,
)
from .page_ids import element_id_problems
from .problems import PathItems, Problem
from .references import reference_problems
from .rule_checks import indicator_problems, rule_problems
from .scenario_checks import scenario_problems
from .scenario_sets import scenario_set_problems
from .schema import load_schema
from .translations import translation_problems
from .yaml_lines import LineIndex

# The sections whose items' ids are unique within the section (route ids are unique across levels).
ID_SECTIONS = (
    "levels",
    "domains",
    "themes",
    "indicators",
    "rules",
    "contacts",
    "areas",
    "own_questions",
    "timescales",
    "referral_questions",
    "guidance",
    "scenarios",
)


def cross_check_problems(data: Mapping[str, Any], lines: LineIndex, filename: str) -> Iterator[Problem]:
    def problem(path: PathItems, message: str) -> Problem:
        return Problem(filename, lines.line(path), lines.name(path), message)

    yield from _duplicate_id_problems(data, lines, problem)
    yield from numbering_problems(data, problem)
    yield from reference_problems(data, problem)
    yield from level_problems(data, problem)
    yield from harm_route_problems(data, problem)
    yield from indicator_problems(data, problem)
    yield from rule_problems(data, problem)
    yield from contact_problems(data, problem)
    yield from own_question_problems(data, problem)
    yield from element_id_problems(data, problem)
    yield from brag_problems(data, problem)
    yield from summary_part_problems(data, problem)
    if "languages" in data or "translations" in data or "interface" in data:
        yield from translation_problems(data, load_schema(), problem)
    yield from glossary_problems(data, lines, problem)
    yield from accessibility_problems(data, problem)
    yield from case_move_problems(data, problem)
    yield from scenario_problems(data, problem)
    yield from scenario_set_problems(data, problem)  # scenario_sets: and twins (scenario_sets.py)


def _duplicate_id_problems(data: Mapping[str, Any], lines: LineIndex, problem: Any) -> Iterator[Problem]:
    for section in ID_SECTIONS:
        yield from _duplicates(
            [([section, i, "id"], item["id"]) for i, item in enumerate(data.get(section, ()))], problem, lines
        )
    route_ids = [
        (["levels", li, "routes", ri, "id"], route["id"])
        for li, level in enumerate(data["levels"])
        for ri, route in enumerate(level["routes"])
    ]
    yield from _duplicates(route_ids, problem, lines)


def _duplicates(items: Iterable[tuple[list[str | int], str]], problem: Any, lines: LineIndex) -> Iterator[Problem]:
    first_line: dict[str, int] = {}
    for path, value in items:
        if value in first_line:
            yield problem(path, f"duplicate id {value!r} (first at line {first_line[value]})")
        else:
            first_line[value] = lines.line(path)
