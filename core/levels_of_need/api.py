"""Plain-data entry points shared by the CLI and the browser worker.

Both sides call these with dicts and get dicts back, so the browser and
``python -m toolkit check --json`` cannot disagree. Standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import phones
from .interface import CATALOGUE, phrase_text
from .model import Area, Contact, Rule, Step, Thresholds, check_from_dict, parse_age
from .present import (
    age_notes,
    age_notice,
    answers_view,
    headline,
    now_line,
    required_message,
    result_lead,
    result_more,
    result_view,
    to_text,
    what_to_do_now,
)
from .questions import ANSWER_VALUES, AREA
from .rules import Challenge, Check, CheckError, Reason, Result, evaluate, is_asked
from .summary import Details, asks_consent_note, off_scale, on_scale, render_markdown, render_text

# What the page shows when Python could not read the answers at all (a bug, or a file made to break it):
# the page's own words, never Python's, and no result, summary or answers that are not the form's.
UNREADABLE = CATALOGUE["check.unreadable"]


def contact_to_dict(contact: Contact, area: Area | None = None) -> dict[str, Any]:
    """A contact as data: the child's area's own where the contact differs by area and the area is known
    (``area`` names it), else every area's in ``by_area`` (never one area's guessed)."""
    own = contact.for_area(area)
    if own is not None and own is not contact:
        return {**contact_to_dict(own), "area": area.id if area else None}
    return {
        "id": contact.id,
        "name": contact.name,
        "phone": contact.phone,
        "extension": contact.extension,
        "option": contact.option,
        "tel": phones.tel_href(contact.phone, contact.extension) if contact.phone else None,
        "textphone": contact.textphone,
        "textphone_tel": phones.tel_href(contact.textphone) if contact.textphone else None,
        "email": contact.email,
        "url": contact.url,
        "hours": contact.hours,
        "by_area": [{"area": where.id, **contact_to_dict(mine)} for where, mine in contact.by_area],
    }


def timescale_to_dict(timescale: Any) -> dict[str, Any] | None:
    if timescale is None:
        return None
    return {"id": timescale.id, "label": timescale.label, "within": timescale.within}


def step_to_dict(step: Step, area: Area | None = None) -> dict[str, Any]:
    """A step as data; one that differs by area, the area not known, with every area's own words in
    ``by_area`` (a result's steps are already the child's area's once the area is known: rules.in_area)."""
    return {
        "text": step.text,
        "contact": None if step.contact is None else contact_to_dict(step.contact, area),
        "timescale": timescale_to_dict(step.timescale),
        "seeks_consent": step.seeks_consent,
        "by_area": [
            {"area": where.id, "text": own.text, "timescale": timescale_to_dict(own.timescale)}
            for where, own in step.by_area
        ],
    }


def advice_to_dict(rule: Rule, area: Area | None = None) -> dict[str, Any]:
    return {
        "id": rule.id,
        "text": rule.text,
        "source": rule.source,
        "contacts": [contact_to_dict(c, area) for c in rule.contacts],
        "timescale": timescale_to_dict(rule.timescale),
        "areas": [a.id for a in rule.areas],  # the guidance gives it for these areas only (none: every area)
    }


def result_to_dict(result: Result) -> dict[str, Any]:
    """The result as data. ``level`` is None while there is nothing to go on; ``route`` is None until
    every answer it depends on is given (``missing``, ``unsure``, unconfirmed ``challenges``)."""
    return {
        "complete": result.complete,
        "missing": list(result.missing),
        "unsure": list(result.unsure),
        **_level_fields(result),
        "emergency": result.emergency,
        "at_risk": result.at_risk,  # rules.may_be_at_risk: what to do now leads, never parental consent
        "challenges": [_challenge_to_dict(c) for c in result.challenges],
        "reasons": [_reason_to_dict(r) for r in result.reasons],
        "next_steps": [step_to_dict(s, result.area) for s in result.next_steps],
        # The step that leads where a worry or rule describes harm, route decided or not.
        "harm_step": step_to_dict(result.harm_step, result.area) if result.harm_step else None,
        # A route that requires consent, not suggested because consent is refused or not sought.
        "consent_route": result.consent_route.id if result.consent_route else None,
        "advice": [advice_to_dict(rule, result.area) for rule in result.advice],
        "emergency_contacts": [contact_to_dict(c, result.area) for c in result.emergency_contacts],
        "advice_open": list(result.advice_open),
        "area": result.area.id if result.area else None,
        "area_open": result.area_open,
        "caveats": list(result.caveats),
        "strengths": [s.id for s in result.strengths],
        "other_age": [i.id for i in result.other_age],
        "override": _override_to_dict(result),
        "thresholds_version": result.thresholds_version,
    }


def _level_fields(result: Result) -> dict[str, Any]:
    """The level and route, each None until there is one (in the order the page has always read them)."""
    level, route = result.level, result.route
    return {
        "level": level.number if level else None,
        "level_id": level.id if level else None,
        "level_name": level.name if level else None,
        "level_settled": result.level_settled,
        "route": route.id if route else None,
        "route_name": route.name if route else None,
    }


def _challenge_to_dict(challenge: Challenge) -> dict[str, Any]:
    # "indicator" or "rule": whose words; "confirm": what ``confirmed`` holds once it is confirmed.
    return {
        challenge.kind: challenge.about.id,
        "question": challenge.question,
        "answer": challenge.answer,
        "confirmed": challenge.confirmed,
    } | {"confirm": challenge.confirm_id}


def _reason_to_dict(reason: Reason) -> dict[str, Any]:
    return {
        "kind": reason.kind,
        "id": reason.id,
        "text": reason.text,
        "level": reason.level.number,
        "route": reason.route.id if reason.route else None,
        "domain": reason.domain,
        "source": reason.source,
        "decisive": reason.decisive,
        "written_for": reason.written_for.as_dict() if reason.written_for else None,
    }


def _override_to_dict(result: Result) -> dict[str, Any] | None:
    if result.override is None:
        return None
    return {
        "level": result.override_level.number if result.override_level else None,
        "level_id": result.override.level,
        "reason": result.override.reason,
    }


def run_check(thresholds: Thresholds, raw: Mapping[str, Any]) -> dict[str, Any]:
    return result_to_dict(evaluate(thresholds, check_from_dict(raw)))


def result_text(thresholds: Thresholds, raw: Mapping[str, Any]) -> str:
    """The result in the same words, in the same order, as the self-check page shows it."""
    return to_text(result_view(thresholds, evaluate(thresholds, check_from_dict(raw))))


def run_summary(thresholds: Thresholds, raw: Mapping[str, Any], markdown: bool = False) -> str:
    """The summary, or CheckError where a summary detail is refused (the page shows it beside its box)."""
    answer = run(thresholds, raw, markdown)
    if answer["detail_problem"]:
        raise CheckError(answer["detail_problem"]["message"], field=answer["detail_problem"]["field"])
    return answer["summary"]


def run(thresholds: Thresholds, raw: Mapping[str, Any], markdown: bool = False) -> dict[str, Any]:
    """One evaluation, giving everything the browser shows: the result as data, as words (``view``,
    a tree of text nodes, and ``headline`` for the live region) and the referral summary."""
    check = check_from_dict(raw)
    result = evaluate(thresholds, check)
    details = Details.from_mapping(raw.get("details") or {})
    refused = off_scale(thresholds, details)
    details = on_scale(details, refused)
    render = render_markdown if markdown else render_text
    now = what_to_do_now(thresholds, result)
    return {
        "result": result_to_dict(result),
        "headline": headline(thresholds, result),
        # Where the child may be at risk: the first action, which leads the question pages, and its first
        # line, which leads the sticky banner (nothing otherwise).
        "now": now,
        "now_line": now_line(now),
        "view": result_lead(thresholds, result),
        "view_more": result_more(thresholds, result),
        "summary": render(thresholds, check, result, details),
        "asks_consent_note": asks_consent_note(check),
        # A summary detail refused (a scaling answer off its scale), shown beside its box: the result and
        # the summary stay, the summary without that answer.
        "detail_problem": {"message": str(refused[0]), "field": refused[0].field} if refused else None,
    }


def page_answer(thresholds: Thresholds, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the self-check page shows for the form as it stands: ``run``'s answer and the rows
    of "Check your answers"; where the answers have a problem, ``problem`` ({message, field}) in place
    of a result, so that the page never shows a result that does not belong to the form.

    Never raises: whatever Python raises on answers it cannot read becomes a problem in the page's own
    words, with no rows, so that every view of the answers is brought up to date (never left on the
    previous check's)."""
    try:
        return _page_answer(thresholds, raw)
    except Exception:  # any failure must still replace what the page shows
        # Every question is shown then: hiding one the check may ask would be the page deciding.
        shown = {"conditional_asked": [q.id for q in thresholds.questions if q.themes]}
        unreadable = phrase_text(thresholds.phrases, "check.unreadable")
        return _with_problem({"message": unreadable, "field": None}, [], {"age_notes": [], "age_notice": ""} | shown)


def _with_problem(problem: dict[str, Any], rows: list[dict[str, Any]], ages: dict[str, Any]) -> dict[str, Any]:
    return {
        "problem": problem,
        "answers": rows,
        "required": [],
        "result": None,
        "headline": "",
        "now": [],
        "now_line": [],
        "view": [],
        "view_more": [],
        "summary": "",
        "asks_consent_note": False,
        "detail_problem": None,
        **ages,
    }


def _page_answer(thresholds: Thresholds, raw: Mapping[str, Any]) -> dict[str, Any]:
    check = check_from_dict(raw)
    rows = answers_view(thresholds, check)
    # Which indicators are written for another age than the child's, in words: shown beside them on
    # the form and above it, so the page holds no rule of its own about ages.
    ages = {"age_notes": age_notes(thresholds, check), "age_notice": age_notice(thresholds, check)}
    ages["conditional_asked"] = conditional_asked(thresholds, check)
    try:
        answer = run(thresholds, raw)
    except CheckError as error:
        return _with_problem({"message": str(error), "field": error.field}, rows, ages)
    needed = [*answer["result"]["missing"]]
    if answer["result"]["area_open"] and AREA not in check.answers:
        needed.append(AREA)  # a contact shown differs by area: asked with the age ("not sure" is an answer)
    required = [{"field": name, "message": required_message(thresholds, name)} for name in needed]
    return {"problem": None, "answers": rows, "required": required, **answer, **ages}


def conditional_asked(thresholds: Thresholds, check: Check) -> list[str]:
    """The questions asked only for some worries (``themes``) that these worries ask: the page shows those
    and hides the others, so that it holds no rule of its own about which question a theme asks."""
    return [q.id for q in thresholds.questions if q.themes and is_asked(thresholds, check, q)]


def indicator_list(thresholds: Thresholds) -> list[dict[str, Any]]:
    return [
        {
            "id": i.id,
            "level": i.level.number,
            "domain": i.domain.id,
            "domains": [d.id for d in i.domains],
            "text": i.text,
            "kind": "strength" if i.is_strength else "worry",
            "age": i.age.as_dict() if i.age else None,
            "theme": i.theme.id if i.theme else None,
            "describes_harm": i.describes_harm,
        }
        for i in thresholds.indicators
    ]


__all__ = [
    "ANSWER_VALUES",
    "check_from_dict",
    "indicator_list",
    "parse_age",
    "result_to_dict",
    "run",
    "run_check",
    "run_summary",
]
