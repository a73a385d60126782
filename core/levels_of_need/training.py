"""Training scenarios: listing them, verifying them against the checker, and the debrief.

A scenario's answer key is data; the checker's answer is computed. ``verify`` keeps the two
from drifting apart, and ``debrief`` explains, through the checker's own reasons, where a
learner's answer differs from the answer key. Where the guidance leaves the route to an
answer the scenario does not settle ("not sure" about significant harm, say), the answer key
accepts every route that answer could lead to, and the debrief says what decides it.
Standard library only: the debrief runs in the browser under Pyodide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from .api import check_from_dict, result_to_dict
from .model import Level, Route, Scenario, Thresholds
from .present import headline, level_and_route, one_line, words_of
from .rules import CONSENT, CheckError, Result, evaluate, harm_described, possible_routes, reach


def scenario_to_dict(thresholds: Thresholds, scenario: Scenario) -> dict[str, Any]:
    return {
        "id": scenario.id,
        "title": scenario.title,
        "fictional": True,
        "vignette": scenario.vignette,
        "age": scenario.check.age_as_given,
        "unborn": scenario.check.unborn,
        "check": {
            "indicators": list(scenario.shows),
            "answers": dict(scenario.check.answers),
            "confirmed": sorted(scenario.check.confirmed),
        },
        "level": scenario.level.number,
        "level_id": scenario.level.id,
        "routes": [route.id for route in scenario.routes],
        "answer_key": answer_key_label(thresholds, scenario),
        "decided_by": list(scenario.decided_by),
        "teaching_points": list(scenario.teaching_points),
        "common_mistakes": list(scenario.common_mistakes),
    }


def scenario_list(thresholds: Thresholds) -> list[dict[str, Any]]:
    return [scenario_to_dict(thresholds, s) for s in thresholds.scenarios]


def answer_key_label(thresholds: Thresholds, scenario: Scenario) -> str:
    """ "Level 3: Specialist help, Family support or Child protection enquiry"."""
    if len(scenario.routes) == 1:
        return level_and_route(scenario.level, scenario.routes[0])
    return f"{scenario.level.label}, " + either(thresholds, [route.name for route in scenario.routes])


def either(thresholds: Thresholds, choices: list[str]) -> str:
    """ "A or B or C": choices either of which is meant, joined by the catalogue's "list.or"."""
    joined = choices[0]
    for choice in choices[1:]:
        joined = words_of(thresholds.phrases, "list.or", one=joined, other=choice)
    return joined


def consent_held(thresholds: Thresholds, scenario: Scenario) -> dict[str, str] | None:
    """Where the answer key's route requires consent and the scenario's parents refused it (or it was not
    sought), the checker suggests no route: the answer sheet says so ("practice.consent-hold", whose values
    these are), so that the key is what the checker gives."""
    result = expected_result(thresholds, scenario)
    if result.consent_route is None or CONSENT not in scenario.check.answers:
        return None
    answer = thresholds.question(CONSENT).option(scenario.check.answers[CONSENT]).label
    return {"route": result.consent_route.name, "answer": answer}


def expected_result(thresholds: Thresholds, scenario: Scenario) -> Result:
    return evaluate(thresholds, scenario.check)


def verify(thresholds: Thresholds) -> list[str]:
    """One line per scenario whose answer key the checker does not give. Empty when all agree."""
    problems = []
    for scenario in thresholds.scenarios:
        try:
            result = expected_result(thresholds, scenario)
        except CheckError as error:
            problems.append(f"{scenario.id}: its check cannot be evaluated: {error}")
            continue
        problems += [f"{scenario.id}: {problem}" for problem in _disagreements(thresholds, scenario, result)]
    return problems


def _disagreements(thresholds: Thresholds, scenario: Scenario, result: Result) -> Iterator[str]:
    for disagreement in _DISAGREEMENTS:
        yield from disagreement(thresholds, scenario, result)


# Each way a scenario's answer key can disagree with the checker, in the order verify reports them.


def _unanswered(thresholds: Thresholds, scenario: Scenario, result: Result) -> Iterator[str]:
    # Consent answered "refused" or "not sought" holds a route back without changing it: the answer key
    # names the route the answers reach, and the answer sheet says it is held (consent_held). Left
    # unanswered, consent is missing like any other answer the result waits for.
    missing = list(result.missing)
    if missing:
        yield f"its check leaves unanswered what the result depends on: {', '.join(missing)}"


def _unconfirmed(thresholds: Thresholds, scenario: Scenario, result: Result) -> Iterator[str]:
    if result.unconfirmed:
        yield (
            "its check gives an answer that contradicts the words of an indicator or rule "
            f"({', '.join(c.confirm_id for c in result.unconfirmed)}): list it under confirmed"
        )


def _another_answer(thresholds: Thresholds, scenario: Scenario, result: Result) -> Iterator[str]:
    possible = possible_routes(thresholds, scenario.check)
    computed = [route.id for _, route in possible]
    if result.level != scenario.level or computed != [route.id for route in scenario.routes]:
        reached = " or ".join(level_and_route(level, route) for level, route in possible)
        yield (
            f"its answer key is {answer_key_label(thresholds, scenario)}, but the checker gives {reached} "
            f"(decisive: {', '.join(r.id for r in result.reasons if r.decisive)})"
        )


def _consent_first(thresholds: Thresholds, scenario: Scenario, result: Result) -> Iterator[str]:
    for route in consent_first_keys(thresholds, scenario):
        yield (
            f"its answer key accepts {route.name}, whose first step seeks consent, although a worry or rule in "
            "its check describes harm: never lead with consent where a child may be at risk of significant harm"
        )


def _not_decisive(thresholds: Thresholds, scenario: Scenario, result: Result) -> Iterator[str]:
    decisive = {r.id for r in result.reasons if r.decisive}
    for reason_id in scenario.decided_by:
        if reason_id not in decisive:
            yield (
                f"decided_by names {reason_id!r}, which is not one of the checker's decisive reasons "
                f"({', '.join(sorted(decisive))})"
            )


_DISAGREEMENTS: tuple[Callable[[Thresholds, Scenario, Result], Iterator[str]], ...] = (
    _unanswered,
    _unconfirmed,
    _another_answer,
    _consent_first,
    _not_decisive,
)


def consent_first_keys(thresholds: Thresholds, scenario: Scenario) -> list[Route]:
    """The routes a scenario's answer key accepts whose own first step seeks consent, where its check holds a
    worry or a rule whose words describe harm: a key that teaches consent first where the child may be at risk."""
    check = scenario.check
    if reach(thresholds, check).emergency is not None or not harm_described(
        thresholds, check, reach(thresholds, check)
    ):
        return []
    return [route for route in scenario.routes if route.next_steps and route.next_steps[0].seeks_consent]


# ---- The debrief after a learner commits ------------------------------------------------------


def debrief(
    thresholds: Thresholds, scenario_id: str, choices: Mapping[str, Any], committed: str | None
) -> dict[str, Any]:
    """Compare a learner's choices and committed route with the scenario's answer key.

    ``choices`` holds the learner's indicators and answers; the child's age comes from the
    scenario, because the vignette states it. ``committed`` is a route id, or None.
    """
    try:
        scenario = thresholds.scenario(scenario_id)
    except KeyError:
        raise CheckError(f"unknown scenario {scenario_id!r}") from None
    expected = expected_result(thresholds, scenario)
    learner = {
        "indicators": list(choices.get("indicators") or ()),
        "answers": dict(choices.get("answers") or {}),
        "confirmed": list(choices.get("confirmed") or ()),
        "age": scenario.check.age_as_given,
        "unborn": scenario.check.unborn,
    }
    yours = evaluate(thresholds, check_from_dict(learner))
    committed_level, committed_route = _committed(thresholds, committed)
    accepted = {route.id for route in scenario.routes}
    # The answer key accepts one route, or each route an unsettled answer could lead to.
    commit_matches = committed_route is not None and committed_route.id in accepted
    found = list(differences(thresholds, scenario, expected, yours, learner, committed_level, committed_route))
    return {
        "scenario": scenario.id,
        "expected": result_to_dict(expected),
        "answer_key": answer_key_label(thresholds, scenario),
        "yours": result_to_dict(yours),
        "yours_label": headline(thresholds, yours),
        "commit_matches": commit_matches,
        "outcome": "match" if commit_matches else "differ",
        "outcome_text": words_of(thresholds.phrases, OUTCOME_KEY[commit_matches]),
        "choices_match": yours.route_but_for_consent is not None and yours.route_but_for_consent.id in accepted,
        "differences": found,
        # What the page lists in place of the differences when there are none (None while there are some).
        "nothing_differs": None if found else words_of(thresholds.phrases, "debrief.nothing-differs"),
    }


# The catalogue's phrase for the learner's committed answer against the answer key.
OUTCOME_KEY: Mapping[bool, str] = {True: "debrief.matches", False: "debrief.differs"}


def _committed(thresholds: Thresholds, route_id: str | None) -> tuple[Any, Any]:
    if not route_id:
        return None, None
    try:
        return thresholds.route(route_id)
    except KeyError:
        raise CheckError(f"unknown route {route_id!r}") from None


def differences(
    thresholds: Thresholds,
    scenario: Scenario,
    expected: Result,
    yours: Result,
    learner: Mapping[str, Any],
    committed_level: Level | None,
    committed_route: Route | None,
) -> Iterator[dict[str, str]]:
    """Each difference as {kind, id, text}, the most important first."""
    why_of = _reasons_once(thresholds)
    yield from _choice_differences(thresholds, scenario, expected, yours, committed_level, committed_route, why_of)
    yield from _indicator_differences(thresholds, scenario, expected, learner)
    yield from _answer_differences(thresholds, scenario, learner)
    yield from _rule_differences(thresholds, expected, yours, learner)


def _reasons_once(thresholds: Thresholds) -> Callable[[Result], str]:
    """A result's reasons in words, each sentence once in the whole debrief."""
    said: set[str] = set()

    def why_of(result: Result) -> str:
        parts = [part for part in _why_parts(thresholds, result) if part not in said]
        said.update(parts)
        return " ".join(parts) or words_of(thresholds.phrases, "debrief.reasons-above")

    return why_of


def _choice_differences(
    thresholds: Thresholds,
    scenario: Scenario,
    expected: Result,
    yours: Result,
    committed_level: Level | None,
    committed_route: Route | None,
    why_of: Callable[[Result], str],
) -> Iterator[dict[str, str]]:
    """The level the learner chose against the answer key, and against what their own choices reach."""
    key = answer_key_label(thresholds, scenario)
    why = why_of(expected)
    accepted = {route.id for route in scenario.routes}
    if committed_route is None:
        text = words_of(thresholds.phrases, "debrief.no-level-chosen", answer_key=key, why=why)
        yield _difference("commit", "none", text)
    elif committed_route.id not in accepted:
        chosen = level_and_route(committed_level, committed_route)
        text = words_of(thresholds.phrases, "debrief.chose-level", chosen=chosen, answer_key=key, why=why)
        yield _difference("commit", committed_route.id, text)
    reached = yours.route_but_for_consent
    if committed_route is not None and (reached is None or reached.id != committed_route.id):
        said = headline(thresholds, yours)
        text = words_of(thresholds.phrases, "debrief.your-choices", headline=said, why=why_of(yours))
        yield _difference("your-choices", reached.id if reached else "undecided", text)


def _indicator_differences(
    thresholds: Thresholds, scenario: Scenario, expected: Result, learner: Mapping[str, Any]
) -> Iterator[dict[str, str]]:
    """The worries the scenario shows that the learner missed, then those the learner added."""
    decisive = {r.id for r in expected.reasons if r.decisive}
    chosen = set(learner["indicators"])
    for indicator_id in scenario.shows:
        if indicator_id not in chosen:
            indicator = thresholds.indicator(indicator_id)
            # One sentence each, so that none repeats word for word across the worries missed.
            key = "debrief.missed-key-worry" if indicator_id in decisive else "debrief.missed-worry"
            text = words_of(thresholds.phrases, key, worry=indicator.text, level=indicator.level.label)
            yield _difference("missed-indicator", indicator_id, text)
    for indicator_id in sorted(chosen - set(scenario.shows)):
        indicator = thresholds.indicator(indicator_id)
        text = words_of(thresholds.phrases, "debrief.extra-worry", worry=indicator.text, level=indicator.level.label)
        yield _difference(
            "extra-indicator", indicator_id, f"{text} {_what_it_changes(thresholds, scenario, expected, indicator)}"
        )


def _answer_differences(
    thresholds: Thresholds, scenario: Scenario, learner: Mapping[str, Any]
) -> Iterator[dict[str, str]]:
    expected_answers = scenario.check.answers
    for question in thresholds.questions:
        mine, theirs = learner["answers"].get(question.id), expected_answers.get(question.id)
        # A question the scenario leaves open is not a difference; a rule it triggers is (below).
        if theirs is not None and mine != theirs:
            yours, keyed = _word(thresholds, question, mine), _word(thresholds, question, theirs)
            words = {"question": question.text, "yours": yours, "answer_key": keyed}
            text = words_of(thresholds.phrases, "debrief.answer-differs", **words)
            yield _difference("answer", question.id, text)


def _rule_differences(
    thresholds: Thresholds, expected: Result, yours: Result, learner: Mapping[str, Any]
) -> Iterator[dict[str, str]]:
    expected_rules = {r.id: r for r in expected.reasons if r.kind == "rule"}
    your_rules = {r.id: r for r in yours.reasons if r.kind == "rule"}
    for rule_id, reason in expected_rules.items():
        if rule_id not in your_rules:
            text = words_of(thresholds.phrases, "debrief.missed-rule", rule=_sentence(reason.text))
            yield _difference("missed-rule", rule_id, f"{text}{_why_not_yours(thresholds, rule_id, learner, yours)}")
    for rule_id, reason in your_rules.items():
        if rule_id not in expected_rules:
            text = words_of(thresholds.phrases, "debrief.extra-rule", rule=reason.text)
            yield _difference("extra-rule", rule_id, text)


def _what_it_changes(thresholds: Thresholds, scenario: Scenario, expected: Result, indicator: Any) -> str:
    """Whether a worry the learner added to the answer key's choices changes its level or route."""
    added = evaluate(thresholds, replace(scenario.check, indicators=scenario.check.indicators | {indicator.id}))
    if added.level == expected.level and added.route == expected.route:
        return words_of(thresholds.phrases, "debrief.extra-worry-same")
    return words_of(thresholds.phrases, "debrief.extra-worry-changes", headline=headline(thresholds, added))


def _why_not_yours(thresholds: Thresholds, rule_id: str, learner: Mapping[str, Any], yours: Result) -> str:
    """Which of a rule's conditions the learner's choices do not meet: the answers it needs, and the
    level it applies from; the worries it names that the learner did choose are said to be chosen."""
    rule = next(r for r in thresholds.rules if r.id == rule_id)
    parts = []
    chosen = set(learner["indicators"])
    named = [thresholds.indicator(i) for i in rule.when.indicators if i in chosen]
    parts += [words_of(thresholds.phrases, "debrief.rule-names-chosen", worry=i.text) for i in named]
    for question_id, values in rule.when.answers.items():
        question, mine = thresholds.question(question_id), learner["answers"].get(question_id)
        if mine not in values:
            needed = either(thresholds, [f"“{question.option(v).words}”" for v in values])
            answered = _word(thresholds, question, mine)
            words = {"needed": needed, "question": question.text, "yours": answered}
            parts.append(words_of(thresholds.phrases, "debrief.rule-needs", **words))
    if rule.when.min_level is not None and yours.level is not None:
        from_level = thresholds.level(rule.when.min_level)
        if yours.level.number < from_level.number:
            parts.append(
                words_of(
                    thresholds.phrases, "debrief.rule-from-level", level=from_level.label, reached=yours.level.label
                )
            )
    return "".join(f" {part}" for part in parts)


def _why_parts(thresholds: Thresholds, result: Result) -> list[str]:
    """The decisive reasons (each once: a rule may quote an indicator word for word), then, where the
    route is open, what decides it. With nothing to go on, there is no reason to give."""
    decisive = [r.text for r in result.reasons if r.decisive and (r.kind != "default" or result.level is not None)]
    parts = [_sentence(text) for text in dict.fromkeys(" ".join(t.split()) for t in decisive)]
    asked = {q.id for q in thresholds.questions}
    parts += [_route_depends_on(thresholds, q) for q in (*result.unsure, *(m for m in result.missing if m in asked))]
    return list(dict.fromkeys(parts))


def _route_depends_on(thresholds: Thresholds, question_id: str) -> str:
    """That the route waits for an answer, with the words of the rules that read it."""
    question = thresholds.question(question_id)
    deciding = [
        rule.text
        for rule in thresholds.rules
        if rule.kind in ("emergency", "raise") and question_id in rule.when.answers
    ]
    if not deciding:
        return words_of(thresholds.phrases, "debrief.route-depends", question=question.text)
    rules = " ".join(_sentence(text) for text in deciding)
    return words_of(thresholds.phrases, "debrief.route-depends-rules", question=question.text, rules=rules)


def _sentence(text: str) -> str:
    text = one_line(text)
    return text if text.endswith((".", "?", "!")) else f"“{text}”."


def _word(thresholds: Thresholds, question: Any, answer: str | None) -> str:
    return words_of(thresholds.phrases, "debrief.no-answer") if answer is None else question.option(answer).words


def _difference(kind: str, item_id: str, text: str) -> dict[str, str]:
    return {"kind": kind, "id": item_id, "text": text}
