"""Plain-data entry points shared by the CLI and the browser worker.

Both sides call these with dicts and get dicts back, so the browser and
``python -m toolkit check --json`` cannot disagree. Standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import Step, Thresholds
from .rules import ANSWER_VALUES, Check, CheckError, Override, Result, evaluate
from .summary import Details, render_markdown, render_text


def check_from_dict(raw: Mapping[str, Any]) -> Check:
    """Build a Check from JSON-like data: {indicators, age, unborn, answers, consent_note, override}."""
    age = raw.get("age")
    if age is not None and not isinstance(age, int):
        raise CheckError("age must be a whole number of years")
    answers = {k: v for k, v in dict(raw.get("answers") or {}).items() if v not in (None, "")}
    override = raw.get("override") or None
    return Check(
        indicators=frozenset(raw.get("indicators") or ()),
        age=age,
        unborn=bool(raw.get("unborn")),
        answers=answers,
        consent_note=str(raw.get("consent_note") or ""),
        override=Override(level=override["level"], reason=str(override.get("reason", ""))) if override else None,
    )


def step_to_dict(step: Step) -> dict[str, Any]:
    contact = step.contact
    return {
        "text": step.text,
        "contact": None
        if contact is None
        else {
            "id": contact.id,
            "name": contact.name,
            "phone": contact.phone,
            "email": contact.email,
            "url": contact.url,
        },
        "timescale": None if step.timescale is None else {"id": step.timescale.id, "within": step.timescale.within},
    }


def result_to_dict(result: Result) -> dict[str, Any]:
    return {
        "level": result.level.number,
        "level_id": result.level.id,
        "level_name": result.level.name,
        "brag": result.brag,
        "route": result.route.id,
        "route_name": result.route.name,
        "emergency": result.emergency,
        "reasons": [
            {
                "kind": r.kind,
                "id": r.id,
                "text": r.text,
                "level": r.level.number,
                "route": r.route.id if r.route else None,
                "domain": r.domain,
                "source": r.source,
                "decisive": r.decisive,
            }
            for r in result.reasons
        ],
        "next_steps": [step_to_dict(s) for s in result.next_steps],
        "caveats": list(result.caveats),
        "strengths": [s.id for s in result.strengths],
        "override": None
        if result.override is None
        else {
            "level": result.override_level.number if result.override_level else None,
            "level_id": result.override.level,
            "reason": result.override.reason,
        },
        "thresholds_version": result.thresholds_version,
    }


def run_check(thresholds: Thresholds, raw: Mapping[str, Any]) -> dict[str, Any]:
    return result_to_dict(evaluate(thresholds, check_from_dict(raw)))


def run_summary(thresholds: Thresholds, raw: Mapping[str, Any], markdown: bool = False) -> str:
    return run(thresholds, raw, markdown)["summary"]


def run(thresholds: Thresholds, raw: Mapping[str, Any], markdown: bool = False) -> dict[str, Any]:
    """One evaluation, giving both the result and the referral summary (what the browser shows)."""
    check = check_from_dict(raw)
    result = evaluate(thresholds, check)
    details = Details.from_mapping(raw.get("details") or {})
    render = render_markdown if markdown else render_text
    return {"result": result_to_dict(result), "summary": render(thresholds, check, result, details)}


def indicator_list(thresholds: Thresholds) -> list[dict[str, Any]]:
    return [
        {
            "id": i.id,
            "level": i.level.number,
            "domain": i.domain.id,
            "text": i.text,
            "kind": i.level.indicator_kind,
            "theme": i.theme.id if i.theme else None,
        }
        for i in thresholds.indicators
    ]


__all__ = ["ANSWER_VALUES", "check_from_dict", "indicator_list", "result_to_dict", "run", "run_check", "run_summary"]
