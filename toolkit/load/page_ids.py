"""The ids the check and practice pages build from the file's ids: no two alike, or one answer on the
page would tick another."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from levels_of_need import questions
from levels_of_need.questions import AREA, UNSURE

from .problems import Problem


def page_element_ids(data: Mapping[str, Any]) -> Iterator[tuple[str, list[str | int]]]:
    """(element id, the field that makes it) for every id the check and practice pages build from the
    file (toolkit/site/templates: _questions, check, _practice_choices). The page finds its controls by
    id, so two alike would make one answer tick another (a question "ind" answered "yes" ticking the worry
    "yes"). tests/toolkit/test_hostile_file.py fails when a template builds an id this list lacks."""
    for question_id, options, path in _asked(data):
        yield f"q-{question_id}", path
        for value, value_path in options:
            yield f"{question_id}-{value}", value_path
    for section, prefixes in (
        ("indicators", INDICATOR_ID_PREFIXES),
        ("domains", DOMAIN_ID_PREFIXES),
        # A rule's confirmation box (a rule whose words describe harm) shares the indicators' prefixes, and a
        # confirmation names its rule or indicator by id alone: so no rule may take an indicator's id.
        ("rules", RULE_ID_PREFIXES),
    ):
        for i, item in enumerate(data.get(section, ())):
            for prefix in prefixes:
                yield f"{prefix}{item['id']}", [section, i, "id"]


Options = list[tuple[str, list[str | int]]]  # (an answer's value, the field that makes it)


def _asked(data: Mapping[str, Any]) -> list[tuple[str, Options, list[str | int]]]:
    """(question id, its answers, the field that makes the question) for every question the check asks."""
    asked: list[tuple[str, Options, list[str | int]]] = [
        (question_id, [(value, ["questions", question_id]) for value in values], ["questions", question_id])
        for question_id, values in questions.ANSWER_VALUES.items()
    ]
    for i, own in enumerate(data.get("own_questions", ())):
        path: list[str | int] = ["own_questions", i, "id"]
        # A free-text question's box takes the place of its options (_questions.md.j2: FREE_TEXT_SUFFIX).
        values = questions.own_values(own) or (questions.FREE_TEXT_SUFFIX,)
        options: Options = [(value, ["own_questions", i, "options"] if "options" in own else path) for value in values]
        asked.append((own["id"], options, path))
    if data.get("areas"):
        options = [(area["id"], ["areas", i, "id"]) for i, area in enumerate(data["areas"])]
        asked.append((AREA, [*options, (UNSURE, ["areas"])], ["areas"]))
    return asked


INDICATOR_ID_PREFIXES = ("ind-", "hint-", "age-note-", "confirm-", "confirm-box-")
RULE_ID_PREFIXES = ("confirm-", "confirm-box-")
DOMAIN_ID_PREFIXES = ("group-", "group-strengths-", "practice-strengths-", "practice-worries-")


def element_id_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """No two elements of a page get the same id from the file's ids."""
    first: dict[str, list[str | int]] = {}
    reported: set[tuple[str, ...]] = set()
    for element_id, path in page_element_ids(data):
        if element_id not in first:
            first[element_id] = path
            continue
        other = first[element_id]
        if tuple(map(str, path)) in reported or _same_id(data, path, other):
            continue  # one field's own duplicate ids, reported as such
        reported.add(tuple(map(str, path)))
        yield problem(
            path,
            f"makes the page element id {element_id!r}, which {_dotted(other)} makes too, so one answer on the "
            "page would tick the other: choose another id",
        )


def _same_id(data: Any, path: list[str | int], other: list[str | int]) -> bool:
    """Whether two paths are the same field (list items alike) holding the same id: a duplicate id."""

    def field(at: list[str | int]) -> tuple[str | int, ...]:
        return tuple("*" if isinstance(part, int) else part for part in at)

    if field(path) != field(other):
        return False
    return _at(data, path) == _at(data, other)


def _at(data: Any, path: list[str | int]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _dotted(path: list[str | int]) -> str:
    return ".".join(str(part) for part in path)
