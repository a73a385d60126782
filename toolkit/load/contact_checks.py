"""What the schema cannot check of contacts, areas and the partnership's own questions."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from levels_of_need import questions
from levels_of_need.questions import AGE, AREA, UNSURE

from .problems import Problem, shortlist

WAYS_TO_REACH = ("phone", "textphone", "email", "url", "areas")


def contact_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """Each contact can be reached, its extension and option belong to a number, and a contact that
    differs by area names a contact for every area, so the checker never has to guess one."""
    areas = [area["id"] for area in data.get("areas", ())]
    for i, area_id in enumerate(areas):
        if area_id == UNSURE:
            message = f"an area cannot be called {UNSURE!r}: that is the answer “I am not sure”"
            yield problem(["areas", i, "id"], message)
    contacts = {contact["id"]: contact for contact in data["contacts"]}
    for i, contact in enumerate(data["contacts"]):
        base: list[str | int] = ["contacts", i]
        if not any(key in contact for key in WAYS_TO_REACH):
            yield problem(base, "give at least one way to reach this contact: phone, textphone, email or url")
        for key in ("extension", "option"):
            if key in contact and "phone" not in contact:
                yield problem([*base, key], f"{key!r} belongs to a phone number, and this contact has no 'phone'")
        if "areas" in contact:
            yield from _by_area_problems(contact["areas"], [*base, "areas"], areas, contacts, problem)
    if "area" in data.get("questions", {}) and not areas:
        yield problem(["questions", "area"], "rewords the question on the child's area, but the file has no 'areas'")


def _by_area_problems(
    by_area: Mapping[str, str],
    path: list[str | int],
    areas: list[str],
    contacts: Mapping[str, Any],
    problem: Any,
) -> Iterator[Problem]:
    """A contact that differs by area names, for every defined area, that area's own contact."""
    if not areas:
        yield problem(path, "this contact differs by area, but the file has no 'areas' section")
        return
    for area_id, own_id in by_area.items():
        if area_id not in areas:
            yield problem(path, f"{area_id!r} is not a defined area (known: {shortlist(areas)})")
        elif own_id not in contacts:
            yield problem(path, f"{area_id}: {own_id!r} is not a defined contact")
        elif "areas" in contacts[own_id]:
            yield problem(path, f"{area_id}: {own_id!r} differs by area itself: name the area's own contact")
    for area_id in areas:
        if area_id not in by_area:
            yield problem(
                path, f"no contact for area {area_id!r}: give one for every area, so the self-check never guesses"
            )


def own_question_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """The partnership's own questions: ids that are not the check's own, and every question a rule or a
    scenario names is one the self-check asks."""
    own = [q["id"] for q in data.get("own_questions", ())]
    for i, question_id in enumerate(own):
        if question_id in (AGE, AREA, *questions.QUESTION_IDS):
            yield problem(
                ["own_questions", i, "id"], f"{question_id!r} is the check's own: give the question another id"
            )
    asked = _Asked(own, problem)
    deciding: set[str] = set()
    for i, rule in enumerate(data["rules"]):
        for question_id, values in rule["when"].get("answers", {}).items():
            yield from asked.rule_answers(["rules", i, "when", "answers", question_id], question_id, values)
            if question_id in own and rule["kind"] != "advise":
                deciding.add(question_id)
    if len(deciding) > questions.MAX_OWN_DECIDING:
        yield problem(
            ["own_questions"],
            f"{len(deciding)} of these questions decide a level or route ({', '.join(sorted(deciding))}); at most "
            f"{questions.MAX_OWN_DECIDING} may, since the checker tries every answer to each: use 'advise' rules",
        )
    for i, scenario in enumerate(data.get("scenarios", ())):
        for question_id, value in scenario["check"].get("answers", {}).items():
            yield from asked.scenario_answer(["scenarios", i, "check", "answers", question_id], question_id, value)


class _Asked:
    """The questions the self-check asks (its own and the partnership's), and their answers."""

    def __init__(self, own: list[str], problem: Any) -> None:
        self.own = own
        self.usable = [*questions.QUESTION_IDS, *own]
        self.problem = problem

    def unknown(self, question_id: str) -> str:
        if question_id == AREA:
            return "the child's area is not a question rules use: an area changes who to contact, never a level"
        return f"{question_id!r} is not a question the self-check asks (known: {shortlist(self.usable)})"

    def rule_answers(self, path: list[str | int], question_id: str, values: list[str]) -> Iterator[Problem]:
        if question_id not in self.usable:
            yield self.problem(path, self.unknown(question_id))
        if question_id in self.own:
            for j, value in enumerate(values):
                if value not in questions.OWN_VALUES:
                    yield self.problem([*path, j], _not_an_answer(value))

    def scenario_answer(self, path: list[str | int], question_id: str, value: str) -> Iterator[Problem]:
        if question_id not in self.usable:
            yield self.problem(path, self.unknown(question_id))
        elif question_id in self.own and value not in questions.OWN_VALUES:
            yield self.problem(path, _not_an_answer(value))


def _not_an_answer(value: str) -> str:
    return f"{value!r} is not an answer to this question ({', '.join(questions.OWN_VALUES)})"
