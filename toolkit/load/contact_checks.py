"""What the schema cannot check of contacts, areas and the partnership's own questions."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from levels_of_need import questions
from levels_of_need.questions import AGE, AREA, UNSURE

from .document_checks import CONSENT
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
    """The partnership's own questions: ids that are not the check's own, options that are answers, and every
    question a rule or a scenario names is one the self-check asks, with an answer it takes, and asked
    wherever the rule or scenario needs it."""
    own = {q["id"]: q for q in data.get("own_questions", ())}
    never_asked = _themes_no_worry_has(data)
    for i, raw in enumerate(data.get("own_questions", ())):
        yield from _own_question_problems(raw, ["own_questions", i], problem)
        for j, theme in enumerate(raw.get("themes", ())):
            if theme in never_asked:
                message = f"no worry has the theme {theme!r}, so the self-check would never ask this question"
                yield problem(["own_questions", i, "themes", j], message)
    asked = _Asked(own, data, problem)
    deciding: set[str] = set()
    for i, rule in enumerate(data["rules"]):
        for question_id, values in rule["when"].get("answers", {}).items():
            path: list[str | int] = ["rules", i, "when", "answers", question_id]
            yield from asked.rule_answers(path, question_id, values, rule["when"])
            if question_id in own and rule["kind"] != "advise":
                deciding.add(question_id)
    yield from _deciding_problems(deciding, own, problem)
    for i, scenario in enumerate(data.get("scenarios", ())):
        for question_id, value in scenario["check"].get("answers", {}).items():
            path = ["scenarios", i, "check", "answers", question_id]
            yield from asked.scenario_answer(path, question_id, value, scenario["check"])


def _themes_no_worry_has(data: Mapping[str, Any]) -> set[str]:
    """The themes the file defines that no worry has (only strengths, or no indicator at all): a question asked
    for one would never be asked. A theme the file does not define is the reference checks' to name."""
    kinds = {level["id"]: level.get("indicator_kind") for level in data.get("levels", ())}
    worries = [i for i in data.get("indicators", ()) if not i.get("strength") and kinds.get(i["level"]) != "strength"]
    return {t["id"] for t in data.get("themes", ())} - {i.get("theme") for i in worries}


def _own_question_problems(raw: Mapping[str, Any], base: list[str | int], problem: Any) -> Iterator[Problem]:
    if raw["id"] in (AGE, AREA, *questions.QUESTION_IDS):
        yield problem([*base, "id"], f"{raw['id']!r} is the check's own: give the question another id")
    elif CONSENT.search(raw["text"]) and raw.get("summary_part", "level") != CONSENT_PART:
        # The summary puts consent last where a child may be at risk of significant harm: only its own part.
        yield problem(
            [*base, "summary_part"],
            "this question asks about consent: give it summary_part: consent, so that where a child may be at "
            "risk of significant harm the summary never leads with it",
        )
    seen: set[str] = set()
    for j, option in enumerate(raw.get("options", ())):
        if option["id"] == UNSURE:
            message = f"an option cannot be called {UNSURE!r}: the self-check adds “I am not sure” itself"
            yield problem([*base, "options", j, "id"], message)
        elif option["id"] in seen:
            yield problem([*base, "options", j, "id"], f"duplicate option id {option['id']!r}")
        seen.add(option["id"])


def _deciding_problems(deciding: set[str], own: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """The checker tries every answer to each question that decides a level or route: few questions, few answers."""
    if len(deciding) > questions.MAX_OWN_DECIDING:
        yield problem(
            ["own_questions"],
            f"{len(deciding)} of these questions decide a level or route ({', '.join(sorted(deciding))}); at most "
            f"{questions.MAX_OWN_DECIDING} may, since the checker tries every answer to each: use 'advise' rules",
        )
        return
    trials = 1
    for question_id in deciding:
        trials *= len(questions.own_values(own[question_id]))
    if trials > questions.MAX_OWN_TRIALS:
        yield problem(
            ["own_questions"],
            f"the answers to the questions that decide a level or route ({', '.join(sorted(deciding))}) make "
            f"{trials} combinations for the checker to try; at most {questions.MAX_OWN_TRIALS}: fewer options, or "
            "'advise' rules",
        )


class _Asked:
    """The questions the self-check asks (its own and the partnership's), and their answers."""

    def __init__(self, own: Mapping[str, Mapping[str, Any]], data: Mapping[str, Any], problem: Any) -> None:
        self.own = own
        self.usable = [*questions.QUESTION_IDS, *own]
        self.problem = problem
        self.theme_of = {i["id"]: i.get("theme") for i in data.get("indicators", ())}

    def unknown(self, question_id: str) -> str:
        if question_id == AREA:
            return "the child's area is not a question rules use: an area changes who to contact, never a level"
        return f"{question_id!r} is not a question the self-check asks (known: {shortlist(self.usable)})"

    def rule_answers(
        self, path: list[str | int], question_id: str, values: list[str], when: Mapping[str, Any]
    ) -> Iterator[Problem]:
        if question_id not in self.usable:
            yield self.problem(path, self.unknown(question_id))
        if question_id not in self.own:
            return
        raw = self.own[question_id]
        if raw.get("free_text"):
            yield self.problem(
                path, f"{question_id!r} is answered in the practitioner's own words: no rule can read it"
            )
            return
        for j, value in enumerate(values):
            if value not in questions.own_values(raw):
                yield self.problem([*path, j], _not_an_answer(raw, value))
        if raw.get("themes") and not self._needs_a_theme(when, raw["themes"]):
            yield self.problem(path, _asked_only_for(raw, _NEEDS_THEME.format(themes=", ".join(raw["themes"]))))

    def _needs_a_theme(self, when: Mapping[str, Any], themes: list[str]) -> bool:
        """Whether a rule's ``when`` holds only where a chosen worry has one of these themes: its ``themes``
        are among them, or each of its ``indicators`` has one (so the question is asked wherever it holds)."""
        if when.get("themes"):
            return set(when["themes"]) <= set(themes)
        ids = when.get("indicators") or []
        return bool(ids) and all(self.theme_of.get(i) in themes for i in ids)

    def scenario_answer(
        self, path: list[str | int], question_id: str, value: str, check: Mapping[str, Any]
    ) -> Iterator[Problem]:
        if question_id not in self.usable:
            yield self.problem(path, self.unknown(question_id))
            return
        raw = self.own.get(question_id)
        if raw is None:
            return
        if raw.get("free_text"):
            yield self.problem(
                path,
                f"{question_id!r} is answered in the practitioner's own words: a scenario's "
                "answers are those the checker reads; leave it out",
            )
        elif value not in questions.own_values(raw):
            yield self.problem(path, _not_an_answer(raw, value))
        elif raw.get("themes") and not {self.theme_of.get(i) for i in check.get("indicators", ())} & set(raw["themes"]):
            yield self.problem(path, _asked_only_for(raw, "this scenario chooses none, so it is not asked"))


_NO_RULE = "no rule can read it"
# The summary's part that states consent: the one the self-check's own consent question goes to.
CONSENT_PART = questions.question("consent").summary_part
# Where the question is not asked, no answer is assumed: so a rule reading it holds only where it is asked.
_NEEDS_THEME = (
    "a rule that reads it must need one of them too (when: {{themes: [{themes}]}}), since the checker never "
    "assumes the answer to a question it did not ask"
)


def _not_an_answer(raw: Mapping[str, Any], value: str) -> str:
    return f"{value!r} is not an answer to this question ({', '.join(questions.own_values(raw))})"


def _asked_only_for(raw: Mapping[str, Any], then: str) -> str:
    return (
        f"{raw['id']!r} is asked only where a chosen worry has one of its themes ({', '.join(raw['themes'])}): {then}"
    )
