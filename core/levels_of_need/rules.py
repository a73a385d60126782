"""The threshold checker: a check in, a suggested level with its reasons out.

How a result is reached, in order:

1. An ``emergency`` rule that matches stops the check: call the contacts now.
2. Every chosen worry sets a floor: the result is at least that worry's level.
3. Every ``raise`` rule that matches sets a floor too (a level, or a route
   within a level). Its ``min_level``/``max_level`` compare with the level the
   worries alone reach, so a rule never depends on another rule.
4. The result is the highest floor; every floor is a reason, so the level is
   always traceable, and adding a worry can only add floors, never lower one.
5. ``advise`` rules add next steps; they never change the level.

Strengths are recorded and shown, but never lower a level.
Standard library only: this runs in the browser under Pyodide.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import Contact, Indicator, Level, Route, Rule, Step, Thresholds, Timescale

ANSWER_VALUES: Mapping[str, tuple[str, ...]] = {
    "immediate_risk": ("yes", "no"),
    "significant_harm": ("yes", "no", "unsure"),
    "consent": ("given", "refused", "not-sought"),
    "social_worker": ("none", "allocated", "recent"),
    "early_help_not_improving": ("yes", "no"),
}


class CheckError(ValueError):
    """A check that cannot be evaluated, with a message for the user."""


@dataclass(frozen=True)
class Override:
    """The practitioner's own view of the level, and why."""

    level: str  # a level id
    reason: str


@dataclass(frozen=True)
class Check:
    """What the practitioner has told the checker. Never identifying details."""

    indicators: frozenset[str] = frozenset()
    age: int | None = None  # whole years
    unborn: bool = False
    answers: Mapping[str, str] = field(default_factory=dict)
    consent_note: str = ""
    override: Override | None = None


@dataclass(frozen=True)
class Reason:
    kind: str  # "indicator", "rule" or "default"
    id: str
    text: str
    level: Level
    route: Route | None = None
    domain: str | None = None
    source: str | None = None
    decisive: bool = False  # one of the reasons for the level reached


@dataclass(frozen=True)
class Result:
    level: Level
    route: Route
    reasons: tuple[Reason, ...]
    next_steps: tuple[Step, ...]
    caveats: tuple[str, ...]
    strengths: tuple[Indicator, ...]
    thresholds_version: str
    emergency: bool = False
    emergency_contacts: tuple[Contact, ...] = ()
    override: Override | None = None
    override_level: Level | None = None

    @property
    def brag(self) -> str:
        return self.route.brag


def evaluate(thresholds: Thresholds, check: Check) -> Result:
    validate_check(thresholds, check)
    chosen = [thresholds.indicator(i) for i in sorted(check.indicators)]
    worries = [i for i in chosen if not i.is_strength]
    strengths = tuple(i for i in thresholds.indicators if i.id in check.indicators and i.is_strength)
    override_level = thresholds.level(check.override.level) if check.override else None

    emergency = next((r for r in _matching(thresholds, check, "emergency", worries, None)), None)
    if emergency is not None:
        top = thresholds.levels[-1]
        return Result(
            level=top,
            route=top.routes[-1],
            reasons=(_rule_reason(emergency, top, top.routes[-1], decisive=True),),
            next_steps=tuple(Step(text=f"{c.name}: {c.when}", contact=c) for c in emergency.contacts),
            caveats=(),
            strengths=strengths,
            thresholds_version=thresholds.version,
            emergency=True,
            emergency_contacts=emergency.contacts,
            override=check.override,
            override_level=override_level,
        )

    ranked = thresholds.routes()
    rank = {route.id: n for n, (_, route) in enumerate(ranked)}
    worry_level = max((i.level for i in worries), key=lambda lv: lv.number, default=thresholds.levels[0])

    floors: list[tuple[int, Reason]] = []
    for worry in worries:
        route = worry.level.routes[0]
        floors.append((rank[route.id], _indicator_reason(worry)))
    for rule in _matching(thresholds, check, "raise", worries, worry_level):
        level, route = thresholds.route(rule.route.id) if rule.route else (rule.level, rule.level.routes[0])
        floors.append((rank[route.id], _rule_reason(rule, level, route)))
    if not floors:
        level = thresholds.levels[0]
        floors.append((0, _default_reason(level)))

    top_rank = max(r for r, _ in floors)
    level, route = ranked[top_rank]
    reasons = sorted(
        (_decisive(reason, r, top_rank, level) for r, reason in floors),
        key=lambda reason: (-reason.decisive, -reason.level.number, reason.kind != "rule", reason.id),
    )

    advice = list(_matching(thresholds, check, "advise", worries, level))
    next_steps = tuple(_advice_step(rule) for rule in advice) + route.next_steps
    return Result(
        level=level,
        route=route,
        reasons=tuple(reasons),
        next_steps=next_steps,
        caveats=tuple(_caveats(thresholds, check, level, route, strengths)),
        strengths=strengths,
        thresholds_version=thresholds.version,
        override=check.override,
        override_level=override_level,
    )


def validate_check(thresholds: Thresholds, check: Check) -> None:
    known = {i.id for i in thresholds.indicators}
    unknown = sorted(set(check.indicators) - known)
    if unknown:
        raise CheckError(unknown_indicator_message(unknown[0], known))
    for question, value in check.answers.items():
        allowed = ANSWER_VALUES.get(question)
        if allowed is None:
            raise CheckError(f"unknown question {question!r} (known: {', '.join(ANSWER_VALUES)})")
        if value not in allowed:
            raise CheckError(f"{question}: {value!r} is not one of: {', '.join(allowed)}")
    if check.age is not None and (check.unborn or not 0 <= check.age <= 25):
        raise CheckError("age must be a whole number of years from 0 to 25, or the child is unborn, not both")
    if check.override and check.override.level not in {lv.id for lv in thresholds.levels}:
        raise CheckError(f"override: {check.override.level!r} is not a defined level")


def unknown_indicator_message(indicator_id: str, known: Iterable[str]) -> str:
    import difflib  # only on this error path: keeps the checker's import light in the browser

    close = difflib.get_close_matches(indicator_id, sorted(known), n=5, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}?" if close else "; list them with: python -m toolkit indicators"
    return f"unknown indicator {indicator_id!r}{hint}"


# ---- Rule conditions --------------------------------------------------------------


def _matching(
    thresholds: Thresholds, check: Check, kind: str, worries: list[Indicator], level: Level | None
) -> Iterable[Rule]:
    for rule in thresholds.rules:
        if rule.kind == kind and condition_holds(rule.when, thresholds, check, worries, level):
            yield rule


def condition_holds(
    when: Mapping[str, Any], thresholds: Thresholds, check: Check, worries: list[Indicator], level: Level | None
) -> bool:
    """Every condition given must hold; within a list, any item may match."""
    answers = when.get("answers", {})
    if any(check.answers.get(question) not in values for question, values in answers.items()):
        return False
    if "indicators" in when and not set(when["indicators"]) & check.indicators:
        return False
    if "themes" in when and not any(i.theme and i.theme.id in when["themes"] for i in worries):
        return False
    if "age" in when and not age_matches(when["age"], check):
        return False
    if level is not None:
        if "min_level" in when and level.number < thresholds.level(when["min_level"]).number:
            return False
        if "max_level" in when and level.number > thresholds.level(when["max_level"]).number:
            return False
    return True


def age_matches(age_rule: Mapping[str, Any], check: Check) -> bool:
    """``unborn: true`` matches an unborn child; ``at_least``/``under`` a range of whole years."""
    if check.unborn:
        return bool(age_rule.get("unborn"))
    if check.age is None or not ("at_least" in age_rule or "under" in age_rule):
        return False
    return age_rule.get("at_least", 0) <= check.age < age_rule.get("under", 10**6)


# ---- Reasons, steps, caveats --------------------------------------------------------


def _indicator_reason(indicator: Indicator) -> Reason:
    return Reason(
        kind="indicator",
        id=indicator.id,
        text=indicator.text,
        level=indicator.level,
        route=None,
        domain=indicator.domain.name,
    )


def _rule_reason(rule: Rule, level: Level, route: Route, decisive: bool = False) -> Reason:
    return Reason(
        kind="rule", id=rule.id, text=rule.text, level=level, route=route, source=rule.source, decisive=decisive
    )


def _default_reason(level: Level) -> Reason:
    return Reason(
        kind="default",
        id="no-worries",
        text=f"No worries were chosen. {level.title}: {level.summary}",
        level=level,
    )


def _decisive(reason: Reason, reason_rank: int, top_rank: int, level: Level) -> Reason:
    """A reason is decisive when it is at the level reached (or sets the route reached)."""
    decisive = reason_rank == top_rank or reason.level.id == level.id
    return Reason(**{**reason.__dict__, "decisive": decisive})


def _advice_step(rule: Rule) -> Step:
    contact = rule.contacts[0] if rule.contacts else None
    timescale: Timescale | None = rule.timescale
    return Step(text=rule.text, contact=contact, timescale=timescale)


def _caveats(
    thresholds: Thresholds, check: Check, level: Level, route: Route, strengths: tuple[Indicator, ...]
) -> Iterable[str]:
    yield from thresholds.caveats
    if route.consent_required and check.answers.get("consent") != "given":
        yield f"Parents must consent to accept support on this route ({route.name})."
    if strengths and level.number > thresholds.levels[0].number:
        yield (
            "The strengths you chose are recorded for the referral. They do not lower the level: whilst there "
            "is an emphasis on the strengths in the child’s network, the child’s safety is always the focus "
            "of any help provided."
        )
    if check.override and check.override.level != level.id:
        chosen = thresholds.level(check.override.level)
        yield (
            f"You think {chosen.label} is right rather than {level.label}. Your reason is recorded in the summary. "
            "If you disagree with a decision, follow the escalation procedure for resolving professional difference."
        )
