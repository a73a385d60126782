"""Issue 25, a DSL's finding: the "What to do first" box said "Telephone <number> now" beside "The checker does not
suggest the route until you answer". A result that waits for a question not yet answered says so and shows no
step of any route; where a step leads while the route waits on a "not sure" (the step the guidance gives first
where a worry's or rule's words describe harm), the result says why, beside what it waits for. The emergency line
stays where immediate risk is "yes" or "not sure". Every partnership, every answer (or none) to the questions the
route reads.

Issue 25, later: where a worry's or rule's words describe harm, the step the guidance gives first where harm is
suspected does not wait for the question on significant harm (it is the same whatever the answer): it leads before
that question is answered, never parental consent, and the result says why beside what it waits for."""

from __future__ import annotations

import itertools

import pytest
from conftest import PARTNERSHIPS, first_in_check, loaded

from levels_of_need import api
from levels_of_need.present import HARM_STEP_LEADS, inline_text

QUESTIONS = ("immediate_risk", "significant_harm", "consent")


# Each test sweeps every state (two worries, two ages, each answer or none to three questions: hundreds of checks,
# over a second a file): `make check` sweeps the fictional file, which differs from Medway's wherever a
# partnership's may; `make test` Medway's too.
@pytest.fixture(params=first_in_check(["example", "medway"], keep=1), scope="module")
def any_file(request):

    return loaded(PARTNERSHIPS[request.param])


def one_line(text: str) -> str:
    return " ".join(text.split())


def box_text(view) -> str:
    box = [n for n in view if n.get("attrs", {}).get("class") == "lon-first-action"]
    return one_line(inline_text(box[0])) if box else ""


def every_state(thresholds):
    harm = next(i for i in thresholds.indicators if i.describes_harm and not i.is_strength and i.age is None)
    plain = next(i for i in thresholds.indicators if not i.describes_harm and not i.is_strength and i.age is None)
    options = [[None, *thresholds.question(name).values] for name in QUESTIONS]
    for worry, age, values in itertools.product((harm, plain), ("7", None), itertools.product(*options)):
        answers = {name: value for name, value in zip(QUESTIONS, values, strict=True) if value}
        yield {"indicators": [worry.id], "answers": answers, **({"age": age} if age else {})}


def test_a_result_waiting_for_an_unanswered_question_shows_no_step_of_any_route(any_file):
    steps = {one_line(s.text) for _, route in any_file.routes() for s in route.next_steps}
    emergency = [one_line(r.text) for r in any_file.rules if r.kind == "emergency"]
    waiting = 0
    for raw in every_state(any_file):
        answer = api.run(any_file, raw)
        result, box = answer["result"], box_text(answer["view"])
        text = one_line(api.result_text(any_file, raw))
        unanswered = [name for name in result["missing"] if name != "consent"]
        harm_step = result["harm_step"] is not None and unanswered in ([], ["significant_harm"])
        if result["emergency"] or raw["answers"].get("immediate_risk") == "unsure":
            assert any(words in box for words in emergency) or result["emergency"], raw  # the emergency line stays
            continue
        if unanswered:
            waiting += 1
            assert "does not suggest" in text, raw
            shown = [s for s in steps if s in box]
            assert not shown or (harm_step and shown == [one_line(result["harm_step"]["text"])]), (raw, box)
            if harm_step:  # what to do now leads before significant harm is answered
                assert one_line(result["harm_step"]["text"]) in box, (raw, box)
        if result["route"] is None and [s for s in steps if s in box]:
            # A step leads while the route waits on "not sure" or consent: beside what it waits for, it says why.
            assert one_line(HARM_STEP_LEADS) in text, (raw, box)
    assert waiting


def test_the_advice_said_to_be_for_a_not_sure_answer_is_the_guidances_advice_for_it(any_file):
    """ "The guidance's advice for this is below." only where the advice below is for being unsure of that answer."""
    from levels_of_need.model import check_from_dict
    from levels_of_need.rules import evaluate, unsure_advice

    for raw in every_state(any_file):
        for extra in ({}, {"social_worker": "recent"}):
            raw = {**raw, "answers": {**raw["answers"], **extra}}
            text = api.result_text(any_file, raw)
            if "The guidance’s advice for this is below." in text:
                below = text.split("The guidance also says", 1)[1]
                advice = unsure_advice(evaluate(any_file, check_from_dict(raw)))
                assert any(one_line(rule.text) in one_line(below) for rule in advice), raw
