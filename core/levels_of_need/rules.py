"""The threshold checker: a check in, a suggested level with its reasons out.

How a result is reached, in order:

1. An ``emergency`` rule that matches stops the check: call the contacts now.
2. Every chosen worry sets a floor: the result is at least that worry's level.
3. Every ``raise`` rule that matches sets a floor too (a level, or a route within a level). Its
   ``min_level`` compares with the level the worries alone reach, so a rule never depends on
   another rule.
4. A ``raise`` rule confined to a level (``max_level``: a step-up written for Level 2, such as
   "start an assessment") sets its floor, and is a reason, only where the level reached
   is no higher than its ``max_level``: where everything else reaches above it, the rule drops out,
   so it never shows beside a child protection result. It never lowers a result: the validator
   refuses one whose own level is above its ``max_level``, so where it drops out, everything else
   reaches a level above its floor (``_confined_floors``).
5. The result is the highest floor; every floor is a reason, so the level is always traceable.
   Adding a worry only adds floors, and takes a confined rule's floor away only where a higher level
   is reached without it: it never lowers the result.
6. ``advise`` rules add the guidance's advice; they never change the level or the route.

Where the guidance does not decide, the checker asks; it never defaults:

- The result depends on every answer that could still change its level or route: the checker
  tries each possible answer to each question still open (unanswered, or answered "not sure")
  and to the child's age. Those that make a difference are ``missing`` (or ``unsure``), and the
  route stays undecided (``None``) until they are given.
- An answer of "no" to the question on significant harm beside an indicator, or a rule that sets a
  floor, whose own words describe harm is challenged: the route stays undecided until the
  practitioner confirms it (the rule's id, or the indicator's, in ``Check.confirmed``). So is a
  worry chosen for a child outside the age band the guidance writes it for (``age:`` and its id).
- Where the route is decided but the child may be at risk of significant harm (the route does
  not require consent), no step that seeks consent comes first.

Conditions: every condition of a rule's ``when`` must hold; ``indicators`` and ``themes`` hold when any
one item does, ``all_of`` when every item listed does, ``at_least`` when ``count`` of them do. A
counting condition's items are indicators, themes and domains (a domain holds when a chosen worry is
under it); its ``levels`` keeps only the worries at those levels, and with no item listed counts those
worries themselves ("three or more Level 2 needs"). Each can only hold more often as worries are
added, which keeps the promise above.

An indicator may be written for an age band (``Indicator.age``). One chosen outside its band still
sets its own floor (a result is never lowered silently), but it never counts towards a counting
condition (``all_of``, ``at_least``, as "two or more of" reads): the guidance does not write it for
this child. It is challenged (``age_challenges``): the result quotes its words and its band, and
suggests no route until the practitioner confirms that it applies to this child.

Strengths (a strength level's indicators, or ``strength: true`` at any level) are recorded and shown,
but the checker never raises or lowers a level because of them.
Sentences for people are written in ``present``; this module decides. Standard library only:
this runs in the browser under Pyodide.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .interface import CATALOGUE, fill, phrase_text
from .model import (
    AgeBand,
    Area,
    Check,
    Condition,
    Contact,
    Counting,
    Indicator,
    Level,
    Override,
    Route,
    Rule,
    Step,
    Thresholds,
)
from .questions import AGE, AREA, MAX_TYPED, UNSURE, Question

SIGNIFICANT_HARM = "significant_harm"
IMMEDIATE_RISK = "immediate_risk"
CONSENT = "consent"
CONSENT_GIVEN = "given"
# In ``Check.confirmed``: "this worry applies to this child although the guidance writes it for another age".
AGE_CONFIRMED = "age:"
# In ``Check.confirmed``: "these words, which name an immediate risk, do not make my answer "no" to immediate
# risk wrong". Its own prefix: the same indicator may also be confirmed against significant harm.
IMMEDIATE_CONFIRMED = "immediate:"
CONFIRMATION_PREFIXES = (AGE_CONFIRMED, IMMEDIATE_CONFIRMED)


def age_confirmation(indicator_id: str) -> str:
    return AGE_CONFIRMED + indicator_id


def immediate_confirmation(item_id: str) -> str:
    return IMMEDIATE_CONFIRMED + item_id


NOT_GIVEN = object()  # an input tried as the practitioner left it: no age given yet
# An age tried for a check whose age is not given: (whole years, a baby's months or None).
Age = tuple[int, int | None]


class CheckError(ValueError):
    """A check that cannot be evaluated, with a message for the user and, where one answer is at
    fault, the name of its field (``age``, say), so that the page can show the message there."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Reason:
    kind: str  # "indicator", "rule", or "default" (no worry chosen: the first level)
    id: str
    text: str
    level: Level
    route: Route | None = None
    domain: str | None = None
    source: str | None = None
    decisive: bool = False  # one of the reasons for the level reached
    # A chosen indicator written for another age than the child's: its age band. The choice still
    # counts; the words beside it say so.
    written_for: AgeBand | None = None


@dataclass(frozen=True)
class Challenge:
    """An answer that contradicts the own words of a chosen indicator, or of a rule that sets a floor,
    for the practitioner to confirm."""

    about: Indicator | Rule
    question: str  # the question answered
    answer: str  # the answer given
    confirmed: bool
    level: Level | None = None  # the level the indicator is at, or the rule sets

    @property
    def kind(self) -> str:
        return "rule" if isinstance(self.about, Rule) else "indicator"

    @property
    def confirm_id(self) -> str:
        """What ``Check.confirmed`` holds once the practitioner confirms it."""
        if self.question == AGE:
            return age_confirmation(self.about.id)
        if self.question == IMMEDIATE_RISK:
            return immediate_confirmation(self.about.id)
        return self.about.id


@dataclass(frozen=True)
class Result:
    # The level the answers given reach, or None while there is nothing to go on (no worry chosen
    # and the level still depends on an answer).
    level: Level | None
    level_settled: bool  # no answer still to give can change the level
    route: Route | None  # None until every answer it depends on is given
    missing: tuple[str, ...]  # unanswered questions the result depends on (AGE included), form order
    unsure: tuple[str, ...]  # questions answered "not sure" on which the route depends
    challenges: tuple[Challenge, ...]
    reasons: tuple[Reason, ...]
    next_steps: tuple[Step, ...]  # the route's own steps, once the route is decided
    advice: tuple[Rule, ...]  # the guidance's advice that applies (advise rules)
    caveats: tuple[str, ...]
    strengths: tuple[Indicator, ...]
    thresholds_version: str
    emergency: bool = False
    emergency_contacts: tuple[Contact, ...] = ()
    override: Override | None = None
    override_level: Level | None = None
    answers: Mapping[str, str] = field(default_factory=dict)  # as given, for the words beside the result
    # Chosen indicators (worries or strengths) that the guidance writes for another age than the
    # child's. They still count: the user chose them, and a result is never lowered silently.
    other_age: tuple[Indicator, ...] = ()
    age: int | None = None  # the child's age as given, for the words about other_age
    unborn: bool = False
    # The partnership's own questions, unanswered or answered "not sure", on which advice of the
    # guidance depends: the result asks for them (they never hold up the level or route, as advice
    # never changes either).
    advice_open: tuple[str, ...] = ()
    area: Area | None = None  # the child's area, where the partnership has areas and it is answered
    # A contact shown differs by area and the area is not known: every area's is shown, labelled.
    area_open: bool = False
    # The guidance's exceptions to seeking consent that concern the child's worries (advise rules marked
    # consent_exception): beside every step and advice that seeks consent, whatever the answer on consent.
    consent_exceptions: tuple[Rule, ...] = ()
    # Where a chosen worry, or a rule that sets a floor, has words that describe harm, the child may be at
    # risk of significant harm whatever the answers: the step the guidance gives first where harm is
    # suspected (the first step of the route "yes" to significant harm reaches, a telephone call). It leads
    # the result, route decided or not, and no step that seeks consent comes before it.
    harm_step: Step | None = None
    # A route that requires consent, decided but for consent (not given: refused, not sought, not sure or not
    # answered): not suggested; the result shows the level and the route's own words on consent.
    consent_route: Route | None = None
    # Whether the child may be at risk of significant harm (may_be_at_risk, the one definition), decided
    # once per result: what to do now then leads every surface, and parental consent never does.
    at_risk: bool = False

    @property
    def complete(self) -> bool:
        return self.route is not None

    @property
    def route_but_for_consent(self) -> Route | None:
        """The route these answers reach, suggested or held back only for consent (training compares it)."""
        return self.route or self.consent_route

    @property
    def unconfirmed(self) -> tuple[Challenge, ...]:
        return tuple(c for c in self.challenges if not c.confirmed)


@dataclass(frozen=True)
class Reached:
    """Where one set of answers leads, before asking what is still open."""

    level: Level
    route: Route
    reasons: tuple[Reason, ...]
    emergency: Rule | None = None

    @property
    def outcome(self) -> tuple[str, str, bool]:
        return (self.level.id, self.route.id, self.emergency is not None)


def evaluate(thresholds: Thresholds, check: Check) -> Result:
    validate_answers(thresholds, check)
    check = set_aside_unasked(thresholds, check)
    common = _common_fields(thresholds, check)
    now = reach(thresholds, check)
    if now.emergency is not None and not _emergency_waits_for_age(thresholds, check):
        # "Yes" to immediate risk stops the check: nothing else needs answering first.
        result = _emergency_result(now, now.emergency, common)
    else:
        validate_age(thresholds, check)  # after the emergency: "call now" never waits for a typing slip
        result = _considered_result(thresholds, check, now, common)
    return replace(result, at_risk=may_be_at_risk(thresholds, check, result))


def _emergency_waits_for_age(thresholds: Thresholds, check: Check) -> bool:
    """Whether the emergency rule that holds does so only while the child's age is unknown: a worry the
    guidance writes for other ages counts in a counting rule until the age is given, and the age may
    take it out. Then the emergency is not the guidance's yet: the result asks for the age, as any does.
    (A question left unanswered never makes an emergency rule hold: its answer must be given.)"""
    if check.age_given:
        return False
    inputs, outcomes = trials(thresholds, check)
    others = [index for index, (name, _) in enumerate(inputs) if name != AGE]
    as_given = [values for values in outcomes if all(values[i] == inputs[i][1][0] for i in others)]
    return any(outcomes[values].emergency is None for values in as_given)


def _common_fields(thresholds: Thresholds, check: Check) -> dict[str, Any]:
    """The fields every result has, emergency or not."""
    return {
        "area": thresholds.area(check.answers.get(AREA)),
        "strengths": tuple(i for i in thresholds.indicators if i.id in check.indicators and i.is_strength),
        "thresholds_version": thresholds.version,
        "override": check.override,
        "override_level": thresholds.level(check.override.level) if check.override else None,
        "caveats": thresholds.caveats,
        "answers": check.answers,
        "other_age": chosen_for_another_age(thresholds, check),
        "age": check.age,
        "unborn": check.unborn,
    }


def _emergency_result(now: Reached, emergency: Rule, common: dict[str, Any]) -> Result:
    return Result(
        level=now.level,
        level_settled=True,
        route=now.route,
        missing=(),
        unsure=(),
        challenges=(),
        reasons=now.reasons,
        next_steps=tuple(Step(text=c.when, contact=c) for c in emergency.contacts),
        advice=(),
        emergency=True,
        emergency_contacts=emergency.contacts,
        area_open=common["area"] is None and any(c.by_area for c in emergency.contacts),
        **common,
    )


def _considered_result(thresholds: Thresholds, check: Check, now: Reached, common: dict[str, Any]) -> Result:
    """The result where no emergency stops the check: what is decided, what is still open, and what to do."""
    missing, unsure, settled = open_questions(thresholds, check, now)
    challenges = tuple(challenges_of(thresholds, check, now))
    route = now.route if _decided(missing, unsure, challenges) else None
    harm_step = harm_first_step(thresholds, check) if harm_described(thresholds, check, now) else None
    consent_route = None
    if route is not None and needs_consent_first(thresholds, check, route, harm_step, now.level):
        # "Parents must consent": a route that requires consent is never suggested without it.
        missing, unsure = _consent_asked(thresholds, check, missing, unsure)
        consent_route, route = route, None
    area = common["area"]
    # The child's area's own words for each step, in the step's place: safe_order orders by the step's own
    # seeks_consent, which an area's words keep, so an area's words never make a consent step lead.
    next_steps = tuple(in_area(s, area) for s in safe_order(route, harm_step)) if route else ()
    harm_step = in_area(harm_step, area) if harm_step else None
    advice, consent_exceptions = _advice_of(thresholds, check, now.level, route, harm_step)
    shown = _Shown(next_steps, harm_step, advice, consent_route)
    return Result(
        level=now.level if _has_floor(settled, now) else None,
        level_settled=settled,
        route=route,
        missing=missing,
        unsure=unsure,
        challenges=challenges,
        reasons=now.reasons,
        next_steps=next_steps,
        advice=advice,
        area_open=area is None and shown.differs_by_area(thresholds, check, missing, unsure),
        advice_open=_advice_open(thresholds, check, now.level, (*missing, *unsure)),
        consent_exceptions=consent_exceptions,
        harm_step=harm_step,
        consent_route=consent_route,
        **common,
    )


@dataclass(frozen=True)
class _Shown:
    """What a considered result shows that may differ by the child's area."""

    next_steps: tuple[Step, ...]
    harm_step: Step | None
    advice: tuple[Rule, ...]
    consent_route: Route | None  # a route held back for consent: its words on consent are quoted

    def differs_by_area(
        self, thresholds: Thresholds, check: Check, missing: Sequence[str], unsure: Sequence[str]
    ) -> bool:
        """Whether a contact, a step's words or advice for some areas only is shown: then, with the area not
        known, every area's is shown, labelled, and the result says the area is open."""
        # The harm step is not shown while the route waits for a question not yet answered (present.first_action).
        harm_step = None if harm_step_waits_for(missing) else self.harm_step
        contacts = _shown_contacts(thresholds, self.next_steps, harm_step, self.advice, unsure)
        held = _held_consent_steps(thresholds, check, self.consent_route)
        steps = (*self.next_steps, *([harm_step] if harm_step else ()), *held)
        return any(c.by_area for c in contacts) or any(s.by_area for s in steps) or any(r.areas for r in self.advice)


def _advice_of(
    thresholds: Thresholds, check: Check, level: Level, route: Route | None, harm_step: Step | None
) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """(the advice to show, in a safe order; the rules that are exceptions to consent) at this level."""
    area = thresholds.area(check.answers.get(AREA))
    # Advice the guidance gives for other areas only is not the child's (while the area is not known, it is
    # shown labelled with its areas: present.advice_parts).
    matching = tuple(
        rule
        for rule in _matching(thresholds, check, "advise", _worries(thresholds, check), level)
        if rule.in_area(area)
    )
    advice = safe_advice(tuple(rule for rule in matching if not rule.consent_exception), route, harm_step)
    return advice, tuple(rule for rule in matching if rule.consent_exception)


def _held_consent_steps(thresholds: Thresholds, check: Check, consent_route: Route | None) -> tuple[Step, ...]:
    """The steps that seek consent of a route held back for consent, where the result quotes them: consent
    answered (refused or not sought), not left open (then the result asks for it: present.consent_held)."""
    given = check.answers.get(CONSENT)
    if consent_route is None or given is None or given in thresholds.question(CONSENT).open_values:
        return ()
    return tuple(s for s in consent_route.next_steps if s.seeks_consent)


def in_area(step: Step, area: Area | None) -> Step:
    """The step in the child's area's own words where the area is known; while it is not, the step with
    every area's words (present.step_parts shows them all, each labelled, and the result says the area is open)."""
    return step.for_area(area) or step


def _has_floor(settled: bool, now: Reached) -> bool:
    """With no worry and no rule yet, the first level is only where an empty form starts: no level."""
    return settled or any(r.kind != "default" for r in now.reasons)


def unanswered(missing: Iterable[str]) -> tuple[str, ...]:
    """The questions not yet answered that the route waits for, but consent: a result that waits on them
    shows no step of any route (consent alone never holds back the step where harm is suspected), but the
    step the guidance gives first where a worry's or rule's words describe harm, where only the question on
    significant harm is open besides: that step is the same whatever the answer to it (harm_first_step), and
    it leads before the question is answered, never consent (issue 25)."""
    return tuple(name for name in missing if name != CONSENT)


def harm_step_waits_for(missing: Iterable[str]) -> tuple[str, ...]:
    """The unanswered questions that hold back the step where harm is suspected: every one the route waits
    for (unanswered) but significant harm, whose answer never changes that step."""
    return tuple(name for name in unanswered(missing) if name != SIGNIFICANT_HARM)


def _decided(missing: tuple[str, ...], unsure: tuple[str, ...], challenges: tuple[Challenge, ...]) -> bool:
    return not missing and not unsure and all(c.confirmed for c in challenges)


def _advice_open(thresholds: Thresholds, check: Check, level: Level, held_back: tuple[str, ...]) -> tuple[str, ...]:
    """The questions advice depends on; a question already said to hold back the route is not said twice."""
    return tuple(
        q for q in advice_questions(thresholds, check, _worries(thresholds, check), level) if q not in held_back
    )


def _consent_asked(
    thresholds: Thresholds, check: Check, missing: tuple[str, ...], unsure: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(missing, unsure) with the question on consent among them where it is unanswered or "not sure"."""
    given = check.answers.get(CONSENT)
    if given is None:
        return _in_form_order(thresholds, (*missing, CONSENT)), unsure
    if given in thresholds.question(CONSENT).open_values:
        return missing, _in_form_order(thresholds, (*unsure, CONSENT))
    return missing, unsure


def _shown_contacts(
    thresholds: Thresholds,
    next_steps: tuple[Step, ...],
    harm_step: Step | None,
    advice: tuple[Rule, ...],
    unsure: tuple[str, ...],
) -> list[Contact]:
    """Every contact the result shows, the harm step's too while the route waits: any by area asks for the area."""
    shown = [s.contact for s in (*next_steps, *([harm_step] if harm_step else ())) if s.contact]
    shown += [c for rule in advice for c in rule.contacts]
    shown += [c for rule in unsure_emergencies(thresholds, unsure) for c in rule.contacts]
    return shown


def harm_described(thresholds: Thresholds, check: Check, reached: Reached) -> bool:
    """Whether a chosen worry, or a rule that sets a floor, has words that describe harm: then the child may
    be at risk of significant harm, however the practitioner answers the question on it."""
    if any(indicator.describes_harm for indicator in _worries(thresholds, check)):
        return True
    harm_rules = {rule.id for rule in thresholds.rules if rule.describes_harm}
    return any(reason.kind == "rule" and reason.id in harm_rules for reason in reached.reasons)


def harm_first_step(thresholds: Thresholds, check: Check) -> Step | None:
    """The step the guidance gives first where significant harm is suspected: the first step of the route
    that "yes" to significant harm reaches for this check, where that route does not require consent (one
    that does has no such step). The same step, and number, as where the answer is "yes"."""
    reached = reach(thresholds, _with(check, {SIGNIFICANT_HARM: "yes"}))
    if reached.emergency is not None or reached.route.consent_required is not False:
        return None
    steps = safe_order(reached.route)
    return steps[0] if steps and not steps[0].seeks_consent else None


def may_be_at_risk(thresholds: Thresholds, check: Check, result: Result) -> bool:
    """Whether the child may be at risk of significant harm, however the level was reached: an emergency;
    "yes" or "not sure" to immediate risk or to significant harm; a chosen worry, or a rule that sets a
    floor, whose words describe harm; or a route reached that does not require consent (child protection).
    Then nothing the checker writes leads with parental consent."""
    if result.emergency:
        return True
    for name in (IMMEDIATE_RISK, SIGNIFICANT_HARM):
        if check.answers.get(name) in ("yes", *thresholds.question(name).open_values):
            return True
    route = result.route_but_for_consent
    if route is not None and route.consent_required is False:
        return True
    return harm_described(thresholds, check, reach(thresholds, check))


def needs_consent_first(
    thresholds: Thresholds, check: Check, route: Route, harm_step: Step | None, level: Level | None
) -> bool:
    """Whether this route waits for consent: the file says it requires consent, and significant harm is
    answered "no" (beside words that describe harm, a confirmed "no"). Where harm may be present, the
    guidance's words on consent for that case are shown instead ("state on the contact and referral what
    action you have taken to try to gain consent")."""
    harm = check.answers.get(SIGNIFICANT_HARM)
    if not route.consent_required or harm in ("yes", *thresholds.question(SIGNIFICANT_HARM).open_values):
        return False
    # Words that describe harm waive the wait, unless the practitioner has confirmed "no" beside them: then
    # 001's exception ("unless … would place the child at risk of significant harm") no longer applies, and
    # "Parents must consent to accept support at … Child in Need (S.17)" holds (the telephone step still leads).
    if harm_step is not None and harm != "no":
        return False
    # Unless the guidance's own exception to seeking consent names the worry (forced marriage, FGM: "This
    # may include the risk of …"): there, seeking consent can itself put the child at risk, so not waiting.
    if harm_step is not None and any(
        rule.consent_exception for rule in _matching(thresholds, check, "advise", _worries(thresholds, check), level)
    ):
        return False
    return check.answers.get(CONSENT) != CONSENT_GIVEN


def _in_form_order(thresholds: Thresholds, names: Iterable[str]) -> tuple[str, ...]:
    given = set(names)
    return tuple(name for name in (AGE, *(q.id for q in thresholds.questions)) if name in given)


def unsure_emergencies(thresholds: Thresholds, unsure: Iterable[str]) -> tuple[Rule, ...]:
    """The emergency rules that read an answer the practitioner is not sure of (immediate risk): the
    result shows their words and contacts, so that "not sure" never hides whom to call."""
    open_ = set(unsure)
    return tuple(rule for rule in thresholds.rules if rule.kind == "emergency" and open_ & set(rule.when.answers))


def unsure_advice(result: Result) -> tuple[Rule, ...]:
    """The guidance's advice for being unsure of an answer the route depends on (an advise rule that reads
    that answer as "not sure", such as what to do when unsure of significant harm): while the route waits
    for the answer, these are what to do first."""
    open_ = set(result.unsure)
    # Never advice that asks for consent: while the answer is open the child may be at risk of significant
    # harm, so consent never leads (that advice stays below, after the rest).
    return tuple(
        rule
        for rule in result.advice
        if not rule.seeks_consent
        and any(UNSURE in _listed(values) for name, values in rule.when.answers.items() if name in open_)
    )


def _listed(values: object) -> tuple[str, ...]:
    return tuple(values) if isinstance(values, (list, tuple)) else (str(values),)


def reach(thresholds: Thresholds, check: Check) -> Reached:
    """The level and route these answers reach, with every floor as a reason."""
    worries = _worries(thresholds, check)
    emergency = next(iter(_matching(thresholds, check, "emergency", worries, None)), None)
    if emergency is not None:
        top = thresholds.levels[-1]
        reason = _rule_reason(emergency, top, top.routes[-1], decisive=True)
        return Reached(level=top, route=top.routes[-1], reasons=(reason,), emergency=emergency)

    ranked = thresholds.routes()
    rank = {route.id: n for n, (_, route) in enumerate(ranked)}
    worry_level = max((i.level for i in worries), key=lambda lv: lv.number, default=thresholds.levels[0])
    floors: list[tuple[int, Reason]] = [(rank[w.level.routes[0].id], _indicator_reason(w, check)) for w in worries]
    # A confined rule's max_level is tried here against the worries' level, which is never above the level
    # reached: _confined_floors decides it against that.
    raised = list(_matching(thresholds, check, "raise", worries, worry_level))
    floors += [_rule_floor(thresholds, rule, rank) for rule in raised if rule.when.max_level is None]
    floors += _confined_floors(thresholds, [rule for rule in raised if rule.when.max_level is not None], floors, rank)
    if not floors:
        floors.append((0, _default_reason(thresholds.levels[0])))
    top_rank = max((r for r, _ in floors), default=0)
    level, route = ranked[top_rank]
    reasons = sorted(
        (_decisive(reason, r, top_rank, level) for r, reason in floors),
        key=lambda reason: (-reason.decisive, -reason.level.number, reason.kind != "rule", reason.id),
    )
    return Reached(level=level, route=route, reasons=tuple(reasons))


# ---- What the result still depends on --------------------------------------------------------


def open_questions(thresholds: Thresholds, check: Check, now: Reached) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """(missing, unsure, level settled): the open inputs that could change the level or route.

    Each open input (an unanswered or "not sure" question that a deciding rule reads, and the
    child's age if not given) is tried as it is and with every decided answer, in every
    combination. An input matters if changing it alone ever changes where the answers lead; the
    result is decided when none does, and then every combination leads where these answers do.
    """
    inputs, outcomes = trials(thresholds, check)
    matters = {name for index, (name, _) in enumerate(inputs) if _makes_a_difference(outcomes, index)}
    settled = all(reached.level == now.level for reached in outcomes.values())
    asked = [question.id for question in thresholds.questions]  # the check's own, then the partnership's
    missing = tuple(
        name
        for name in (AGE, *asked)
        if (name == AGE and not check.age_given) or (name in matters and name not in check.answers)
    )
    unsure = tuple(name for name in asked if name in matters and name in check.answers)
    return missing, unsure, settled


def trials(
    thresholds: Thresholds, check: Check
) -> tuple[list[tuple[str, Sequence[Any]]], dict[tuple[Any, ...], Reached]]:
    """The open inputs with their candidate answers, and where each combination of answers leads."""
    inputs = list(_open_inputs(thresholds, check))
    outcomes: dict[tuple[Any, ...], Reached] = {}
    for values in itertools.product(*(candidates for _, candidates in inputs)):
        trial = _with(check, dict(zip((name for name, _ in inputs), values, strict=True)))
        outcomes[values] = reach(thresholds, trial)
    return inputs, outcomes


def possible_routes(thresholds: Thresholds, check: Check) -> list[tuple[Level, Route]]:
    """Every level and route the check can still reach, whatever the open answers turn out to be,
    least intensive first. One, when the result is decided."""
    reached = {(r.level.id, r.route.id) for r in trials(thresholds, check)[1].values()}
    return [(level, route) for level, route in thresholds.routes() if (level.id, route.id) in reached]


def written_for_another_age(indicator: Indicator, check: Check) -> bool:
    """Whether the guidance writes this indicator for other ages than the child's. Not while the age is
    unknown: then every indicator applies."""
    return indicator.age is not None and check.age_given and not age_matches(indicator.age, check)


def chosen_for_another_age(thresholds: Thresholds, check: Check) -> tuple[Indicator, ...]:
    return tuple(i for i in thresholds.indicators if i.id in check.indicators and written_for_another_age(i, check))


def _open_inputs(thresholds: Thresholds, check: Check) -> Iterator[tuple[str, Sequence[Any]]]:
    deciding = [rule.when for rule in thresholds.rules if rule.kind in ("emergency", "raise")]
    read = {question for when in deciding for question in when.answers}
    for question in thresholds.questions:
        if question.id in read and _open(thresholds, check, question):
            yield question.id, (check.answers.get(question.id), *question.decided_values)
    if not check.age_given:
        # The chosen indicators' age bands too: a worry outside its band counts towards no counting rule.
        bands = [i.age for i in thresholds.indicators if i.id in check.indicators and i.age is not None]
        yield AGE, (NOT_GIVEN, *age_candidates(thresholds, [*(when.age for when in deciding if when.age), *bands]))


def _open(thresholds: Thresholds, check: Check, question: Question) -> bool:
    """Not answered, or answered "not sure", and asked. A question not asked (its theme not chosen) is not open:
    no rule that reads it can hold without that theme (validate refuses any other), so it is never asked for,
    and never assumed either."""
    given = check.answers.get(question.id)
    return (given is None or given in question.open_values) and is_asked(thresholds, check, question)


def age_candidates(thresholds: Thresholds, bands: Iterable[AgeBand]) -> list[Age]:
    """Ages that fall on each side of every age bound the rules use (None stands for unborn): whole years,
    and a baby's months ((0, months)) on each side of a bound in months."""
    ages: set[Age] = {(thresholds.age_range.youngest, None)}
    for band in bands:
        for bound in (band.under, band.at_least):
            if bound is not None:
                ages |= {(bound - 1, None), (bound, None)}
        for bound in (band.under_months, band.at_least_months):
            if bound is not None:
                ages |= {(0, bound - 1), (0, bound)}
    if thresholds.months_asked:
        # "0" years is refused there (validate_age): the first year is tried in months, from birth.
        ages = {age for age in ages if age != (0, None)} | {(0, 0)}
    covered = sorted(age for age in ages if thresholds.age_range.covers(age[0]))
    return [None, *covered]


def _with(check: Check, values: Mapping[str, Any]) -> Check:
    """The check with these answers tried (None: left unanswered; NOT_GIVEN: the age left out; an age as
    (years, months), None for unborn)."""
    answers = {**check.answers, **{k: v for k, v in values.items() if k != AGE}}
    answers = {k: v for k, v in answers.items() if v is not None}
    age = values.get(AGE, NOT_GIVEN)
    if age is NOT_GIVEN:
        return replace(check, answers=answers)
    if age is None:
        return replace(check, answers=answers, age=None, age_months=None, unborn=True)
    return replace(check, answers=answers, age=age[0], age_months=age[1], unborn=False)


def _makes_a_difference(outcomes: Mapping[tuple[Any, ...], Reached], index: int) -> bool:
    """Whether changing only this input, the others held, ever changes the outcome."""
    seen: dict[tuple[Any, ...], tuple[str, str, bool]] = {}
    for values, reached in outcomes.items():
        others = values[:index] + values[index + 1 :]
        if seen.setdefault(others, reached.outcome) != reached.outcome:
            return True
    return False


def advice_questions(thresholds: Thresholds, check: Check, worries: list[Indicator], level: Level) -> tuple[str, ...]:
    """The questions, left open, that an ``advise`` rule reads and that would make it apply: the rule is
    tried with each such question given the first decided answer it names. The form's own questions too
    ("Has help already been tried?"), not only the partnership's: advice that hangs on any open answer is said."""
    # Not consent: a route that needs it asks for it (needs_consent_first), and the checker never prompts for
    # consent while significant harm is still open.
    open_ids = {
        q.id for q in thresholds.questions if q.id != CONSENT and check.answers.get(q.id, UNSURE) in q.open_values
    }
    found: set[str] = set()
    for rule in thresholds.rules:
        named = rule.when.answers.items()
        wanted = {
            q: decided[0] for q, values in named if q in open_ids and (decided := [v for v in values if v != UNSURE])
        }
        if rule.kind == "advise" and wanted:
            trial = replace(check, answers={**check.answers, **wanted})
            if condition_holds(rule.when, thresholds, trial, worries, level):
                found |= set(wanted)
    return tuple(q.id for q in thresholds.questions if q.id in found)


def challenges_of(thresholds: Thresholds, check: Check, reached: Reached) -> Iterator[Challenge]:
    """A worry chosen for a child outside the age band the guidance writes it for is challenged; so is a
    "no" to significant harm beside a chosen indicator, or a rule that sets a floor, whose words describe
    harm: the same facts are challenged whichever box leads to them."""
    for indicator in age_challenges(thresholds, check):
        # As given: "unborn", a number of years ("7"), or a baby's months ("7 months").
        months = check.age_months
        age = "unborn" if check.unborn else f"{months} months" if months is not None else str(check.age)
        confirmed = age_confirmation(indicator.id) in check.confirmed
        yield Challenge(indicator, AGE, age, confirmed, indicator.level)
    yield from immediate_challenges(thresholds, check, reached)
    answer = check.answers.get(SIGNIFICANT_HARM)
    if answer != "no":
        return
    for indicator in _worries(thresholds, check):
        if indicator.describes_harm:
            yield Challenge(indicator, SIGNIFICANT_HARM, answer, indicator.id in check.confirmed, indicator.level)
    rules = {rule.id: rule for rule in thresholds.rules}
    for reason in reached.reasons:
        rule = rules.get(reason.id) if reason.kind == "rule" else None
        if rule is not None and rule.describes_harm:
            yield Challenge(rule, SIGNIFICANT_HARM, answer, rule.id in check.confirmed, reason.level)


def immediate_challenges(thresholds: Thresholds, check: Check, reached: Reached) -> Iterator[Challenge]:
    """A "no" to immediate risk beside a chosen worry, or a rule that sets a floor, whose words name an
    imminent or immediate risk: challenged as a "no" to significant harm is (confirmed as ``immediate:ID``)."""
    answer = check.answers.get(IMMEDIATE_RISK)
    if answer != "no":
        return
    for indicator in _worries(thresholds, check):
        if indicator.describes_immediate_risk:
            confirmed = immediate_confirmation(indicator.id) in check.confirmed
            yield Challenge(indicator, IMMEDIATE_RISK, answer, confirmed, indicator.level)
    rules = {rule.id: rule for rule in thresholds.rules}
    for reason in reached.reasons:
        rule = rules.get(reason.id) if reason.kind == "rule" else None
        if rule is not None and rule.describes_immediate_risk:
            confirmed = immediate_confirmation(rule.id) in check.confirmed
            yield Challenge(rule, IMMEDIATE_RISK, answer, confirmed, reason.level)


def age_challenges(thresholds: Thresholds, check: Check) -> tuple[Indicator, ...]:
    """Chosen worries the guidance writes for another age than the child's: challenged, never silently
    accepted (they still set their own floor, and never count towards a counting condition)."""
    return tuple(i for i in chosen_for_another_age(thresholds, check) if not i.is_strength)


def safe_order(route: Route, harm_step: Step | None = None) -> tuple[Step, ...]:
    """The route's steps in the partnership's order, except that where consent is not required (a
    child who may be at risk of significant harm) a step that seeks consent never comes first: then
    every such step follows the others. (The validator refuses such a file; this is the backstop.)
    Where a worry or rule describes harm (``harm_step``), that step leads whatever the route, and every
    step that seeks consent follows the others."""
    steps = route.next_steps
    if harm_step is not None:
        return (harm_step, *_consent_last(tuple(s for s in steps if s != harm_step)))
    if route.consent_required or not steps or not steps[0].seeks_consent:
        return steps
    return _consent_last(steps)


def safe_advice(advice: tuple[Rule, ...], route: Route | None, harm_step: Step | None = None) -> tuple[Rule, ...]:
    """The advice in the partnership's order, except that while the route is undecided, or is one that
    may not require consent, or a worry or rule describes harm, advice about seeking consent follows every
    other piece of advice."""
    if route is not None and route.consent_required and harm_step is None:
        return advice
    return _consent_last(advice)


def _consent_last(items: tuple[Any, ...]) -> tuple[Any, ...]:
    """Steps or advice with those that seek consent moved after the others, each group in its order."""
    return tuple(i for i in items if not i.seeks_consent) + tuple(i for i in items if i.seeks_consent)


# ---- Checking the input ---------------------------------------------------------------------


def validate_check(thresholds: Thresholds, check: Check) -> None:
    validate_answers(thresholds, check)
    validate_age(thresholds, check)


def validate_answers(thresholds: Thresholds, check: Check) -> None:
    known = {i.id for i in thresholds.indicators}
    confirmations = {_confirmed_id(c) for c in check.confirmed} - {r.id for r in thresholds.rules}
    unknown = sorted((set(check.indicators) | confirmations) - known)
    if unknown:
        raise CheckError(unknown_indicator_message(unknown[0], known))
    known = {q.id: q for q in thresholds.questions}
    for question, value in check.answers.items():
        if question not in known:
            raise CheckError(f"unknown question {question!r} (known: {', '.join(known)})")
        if known[question].free_text and not known[question].accepts(value):
            raise CheckError(f"{question}: the answer is not words of at most {MAX_TYPED:,} characters")
        if not known[question].accepts(value):
            raise CheckError(f"{question}: {value!r} is not one of: {', '.join(known[question].values)}")
    if check.override and check.override.level not in {lv.id for lv in thresholds.levels}:
        raise CheckError(f"override: {check.override.level!r} is not a defined level")


def is_asked(thresholds: Thresholds, check: Check, question: Question) -> bool:
    """Whether the self-check asks this question for these worries: always, or, for a question with
    ``themes``, where a chosen worry has one of them (the same test as a rule's ``themes`` condition)."""
    return not question.themes or _themes_hold(question.themes, thresholds, check, _worries(thresholds, check), None)


def set_aside_unasked(thresholds: Thresholds, check: Check) -> Check:
    """The check without the answers to questions it does not ask: a conditional question answered, then its
    theme's worries unticked, no longer counts (the form keeps the answer, should the worry be ticked again)."""
    kept = {
        name: value
        for name, value in check.answers.items()
        if (q := _question_or_none(thresholds, name)) is None or is_asked(thresholds, check, q)
    }
    return check if kept == dict(check.answers) else replace(check, answers=kept)


def _question_or_none(thresholds: Thresholds, question_id: str) -> Question | None:
    return next((q for q in thresholds.questions if q.id == question_id), None)


def _confirmed_id(confirmation: str) -> str:
    """The indicator or rule id a confirmation names, without its prefix (``age:``, ``immediate:``)."""
    for prefix in CONFIRMATION_PREFIXES:
        if confirmation.startswith(prefix):
            return confirmation.removeprefix(prefix)
    return confirmation


AGE_REFUSED = CATALOGUE["check.age-refused"]


def validate_age(thresholds: Thresholds, check: Check) -> None:
    """CheckError, at the age, where the checker cannot take the age as given: said in the data's language."""
    ages = thresholds.age_range

    def refused(key: str, **values: object) -> CheckError:
        return CheckError(fill(phrase_text(thresholds.phrases, key), values), field=AGE)

    if check.age_text is not None:
        raise refused("check.age-refused")
    if check.age is not None and check.unborn:
        raise refused("check.age-and-unborn")
    if check.age is not None and not ages.covers(check.age):
        raise refused("check.age-out-of-range", youngest=ages.youngest, oldest=ages.oldest, ages=ages.text)
    if months_needed(thresholds, check):
        raise refused("check.months-needed")


MONTHS_NEEDED = CATALOGUE["check.months-needed"]


def months_needed(thresholds: Thresholds, check: Check) -> bool:
    """Whether a baby under one is given as "0" years where an age band in months splits the first year: then
    the checker cannot tell whether the band holds, and asks for the months rather than guess."""
    return thresholds.months_asked and check.age == 0 and check.age_months is None and not check.unborn


def unknown_indicator_message(indicator_id: str, known: Iterable[str]) -> str:
    import difflib  # only on this error path: keeps the checker's import light in the browser

    close = difflib.get_close_matches(indicator_id, sorted(known), n=5, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}?" if close else "; list them with: python -m toolkit indicators"
    return f"unknown indicator {indicator_id!r}{hint}"


# ---- Rule conditions --------------------------------------------------------------


def _worries(thresholds: Thresholds, check: Check) -> list[Indicator]:
    return [i for i in thresholds.indicators if i.id in check.indicators and not i.is_strength]


def _matching(
    thresholds: Thresholds, check: Check, kind: str, worries: list[Indicator], level: Level | None
) -> Iterable[Rule]:
    for rule in thresholds.rules:
        if rule.kind == kind and condition_holds(rule.when, thresholds, check, worries, level):
            yield rule


def condition_holds(
    when: Condition, thresholds: Thresholds, check: Check, worries: list[Indicator], level: Level | None
) -> bool:
    """Every condition given must hold; within a list, any item may match."""
    given = when.given
    return all(
        holds(getattr(when, key), thresholds, check, worries, level)
        for key, holds in _CONDITIONS.items()
        if key in given
    )


# Each condition a rule's ``when`` may give, and whether it holds; in the order they are tried.
# A level condition holds where no level is known yet (the level is what is being reached).


def _answers_hold(answers: Any, thresholds: Thresholds, check: Check, worries: list[Indicator], level: Any) -> bool:
    return all(check.answers.get(question) in values for question, values in answers.items())


def _indicators_hold(ids: Any, thresholds: Thresholds, check: Check, worries: list[Indicator], level: Any) -> bool:
    return bool(set(ids) & check.indicators)


def _themes_hold(themes: Any, thresholds: Thresholds, check: Check, worries: list[Indicator], level: Any) -> bool:
    return any(i.theme and i.theme.id in themes for i in worries)


def _all_of_holds(counting: Any, thresholds: Thresholds, check: Check, worries: list[Indicator], level: Any) -> bool:
    # Every item listed: one that lists none (only levels, which validate refuses here) never holds.
    return bool(counting.items) and count_holding(counting, check, worries) >= len(counting.items)


def _at_least_holds(counting: Any, thresholds: Thresholds, check: Check, worries: list[Indicator], level: Any) -> bool:
    return count_holding(counting, check, worries) >= counting.count


def _age_holds(age_rule: Any, thresholds: Thresholds, check: Check, worries: list[Indicator], level: Any) -> bool:
    return age_matches(age_rule, check)


def _min_level_holds(
    least: Any, thresholds: Thresholds, check: Check, worries: list[Indicator], level: Level | None
) -> bool:
    return level is None or level.number >= thresholds.level(least).number


def _max_level_holds(
    most: Any, thresholds: Thresholds, check: Check, worries: list[Indicator], level: Level | None
) -> bool:
    return level is None or level.number <= thresholds.level(most).number


_CONDITIONS: dict[str, Callable[[Any, Thresholds, Check, list[Indicator], Level | None], bool]] = {
    "answers": _answers_hold,
    "indicators": _indicators_hold,
    "themes": _themes_hold,
    "all_of": _all_of_holds,
    "at_least": _at_least_holds,
    "age": _age_holds,
    "min_level": _min_level_holds,
    "max_level": _max_level_holds,
}


def count_holding(counting: Counting, check: Check, worries: list[Indicator]) -> int:
    """How many of the listed items hold: an indicator chosen, as ``indicators:`` reads it; a theme
    that a chosen worry has, as ``themes:`` reads it; a domain that a chosen worry is under (an indicator
    under several domains makes each hold). With ``levels``, only worries at those levels make a theme or
    domain hold, and with no item listed each such worry counts as one. More worries can only hold more."""
    # A worry the guidance writes for another age than the child's never counts here: "two or more of"
    # these is about worries the guidance writes for this child. Strengths are never among the worries.
    outside = {i.id for i in worries if written_for_another_age(i, check)}
    counted = _counted_worries(counting, [i for i in worries if i.id not in outside])
    if counting.counts_worries:
        return len(counted)
    held = {("indicator", i) for i in check.indicators if i not in outside}
    held |= {("theme", i.theme.id) for i in counted if i.theme}
    held |= {("domain", d.id) for i in counted for d in i.domains}
    return sum(1 for item in counting.items if item in held)


def _counted_worries(counting: Counting, worries: list[Indicator]) -> list[Indicator]:
    """The worries a counting condition counts: with ``levels``, those at these levels; else every one."""
    return [i for i in worries if not counting.levels or i.level.id in counting.levels]


def age_matches(band: AgeBand, check: Check) -> bool:
    """``unborn: true`` matches an unborn child; ``at_least``/``under`` (whole years) and ``at_least_months``/
    ``under_months`` a range of ages, compared in months. An unborn child matches only ``unborn: true``. A
    child given in whole years matches only where every month of that year is in the band: never a guess
    (the check refuses "0" years where a band in months splits the first year: validate_age)."""
    if check.unborn:
        return band.unborn
    if check.age is None or not band.has_ages:
        return False
    first, last = (check.age_months,) * 2 if check.age_months is not None else (12 * check.age, 12 * check.age + 11)
    below = band.below_month
    return band.from_month <= first and (below is None or last < below)


# ---- Reasons ---------------------------------------------------------------------------------


def _indicator_reason(indicator: Indicator, check: Check) -> Reason:
    return Reason(
        kind="indicator",
        id=indicator.id,
        text=indicator.text,
        level=indicator.level,
        route=None,
        domain=indicator.domain_names,
        written_for=indicator.age if written_for_another_age(indicator, check) else None,
    )


def _rule_reason(rule: Rule, level: Level, route: Route, decisive: bool = False) -> Reason:
    return Reason(
        kind="rule", id=rule.id, text=rule.text, level=level, route=route, source=rule.source, decisive=decisive
    )


def _confined_floors(
    thresholds: Thresholds, confined: list[Rule], floors: list[tuple[int, Reason]], rank: Mapping[str, int]
) -> list[tuple[int, Reason]]:
    """The floors of the raise rules confined to a level (``max_level``) that hold: those whose max_level is
    no lower than the level reached with them. One pass is enough: the rules whose max_level is below the
    level the others reach drop out; so do those below the level then reached, which that level never
    depended on (it is reached by a floor no higher than its own rule's max_level, as validate refuses a
    confined rule whose level is above its max_level)."""
    ranked = thresholds.routes()

    def within(rule: Rule, reached: Level) -> bool:
        return reached.number <= thresholds.level(str(rule.when.max_level)).number

    others = ranked[max((r for r, _ in floors), default=0)][0]
    candidates = [(rule, _rule_floor(thresholds, rule, rank)) for rule in confined if within(rule, others)]
    reached = ranked[max((r for r, _ in [*floors, *(floor for _, floor in candidates)]), default=0)][0]
    return [floor for rule, floor in candidates if within(rule, reached)]


def _rule_floor(thresholds: Thresholds, rule: Rule, rank: Mapping[str, int]) -> tuple[int, Reason]:
    """A raise rule's floor: its route's rank, and the rule as a reason."""
    level, route = thresholds.route(rule.route.id) if rule.route else (rule.level, rule.level.routes[0])
    return rank[route.id], _rule_reason(rule, level, route)


def _default_reason(level: Level) -> Reason:
    return Reason(kind="default", id="no-worries", text=f"{level.title}: {level.summary}", level=level)


def _decisive(reason: Reason, reason_rank: int, top_rank: int, level: Level) -> Reason:
    """A reason is decisive when it is at the level reached (or sets the route reached)."""
    decisive = reason_rank == top_rank or reason.level.id == level.id
    return replace(reason, decisive=decisive)
