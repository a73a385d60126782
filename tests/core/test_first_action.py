"""What to do first leads the result: the route's first step in a box, with the number to dial where the
child may be at risk of significant harm; in an emergency, the first number to call. All from the file."""

from __future__ import annotations

import pytest
from conftest import youngest_age

from levels_of_need import phones
from levels_of_need.api import check_from_dict
from levels_of_need.present import (
    CANNOT_DECIDE,
    FIRST_ACTION,
    inline_text,
    result_lead,
    result_more,
    result_view,
    to_text,
)
from levels_of_need.rules import evaluate


def boxes(view):
    return [item for item in view if item.get("attrs", {}).get("class") == "lon-first-action"]


def links(item):
    if item.get("tag") == "a":
        yield item["attrs"]["href"], item["text"]
    for child in item.get("children", ()):
        yield from links(child)


def decided_routes(thresholds):
    """A check that reaches each route of the file: its level's first worry, with every question answered
    so that the route is decided (significant harm "yes" for a route that does not require consent)."""
    for level in thresholds.levels:
        worry = next((i for i in thresholds.indicators if i.level == level and not i.is_strength), None)
        for route in level.routes:
            answers = {q.id: q.values[0] for q in thresholds.questions if not q.free_text}
            answers |= {"immediate_risk": "no", "significant_harm": "no" if route.consent_required else "yes"}
            raw = {"indicators": [worry.id] if worry else [], "age": youngest_age(thresholds), "answers": answers}
            result = evaluate(thresholds, check_from_dict(raw))
            if result.route == route and result.next_steps:
                yield route, result


@pytest.mark.parametrize("which", ["thresholds", "example"])
def test_the_first_step_leads_in_its_own_box_with_the_number_to_dial_when_harm_may_be_present(which, request):
    thresholds = request.getfixturevalue(which)
    seen = 0
    for route, result in decided_routes(thresholds):
        seen += 1
        lead = result_lead(thresholds, result)
        [box] = boxes(lead)
        assert lead[0]["text"].startswith("Suggested level")
        assert box["children"][0] == {"tag": "h4", "text": FIRST_ACTION}
        first = result.next_steps[0]
        assert " ".join(first.text.split()) in inline_text(box)
        assert not (first.seeks_consent and route.consent_required is False)  # never consent first there
        contact = first.contact.for_area(result.area) if first.contact else None
        dial = phones.tel_href(contact.phone, contact.extension) if contact and contact.phone else None
        lead_line = inline_text(box["children"][1])
        if route.consent_required is False and dial:
            assert lead_line.startswith("Telephone ") and lead_line.endswith(" now.")
            assert (dial, phones.shown_with_extension(contact.phone, contact.extension)) in set(links(box))
        else:
            assert not lead_line.startswith("Telephone ")
        # The rest of the steps follow, under the actions, each once; the CLI prints them all in that order.
        rest = to_text(result_more(thresholds, result))
        for step in result.next_steps[1:]:
            assert " ".join(step.text.split())[:40] in rest
        assert to_text(result_view(thresholds, result)) == to_text([*lead, *result_more(thresholds, result)])
    assert seen >= 2


@pytest.mark.parametrize("which", ["thresholds", "example"])
def test_an_emergency_leads_with_the_first_number_to_call(which, request):
    thresholds = request.getfixturevalue(which)
    result = evaluate(thresholds, check_from_dict({"answers": {"immediate_risk": "yes"}}))
    assert result.emergency
    first = next(c for c in result.emergency_contacts if c.phone)
    [box] = boxes(result_lead(thresholds, result))
    assert inline_text(box["children"][1]) == f"Call {phones.shown_with_extension(first.phone, first.extension)} now."
    assert (phones.tel_href(first.phone), phones.shown_with_extension(first.phone, first.extension)) in set(links(box))
    # Each contact is listed once (as "Name:" or "Name."): the first in the box, the others after it.
    text = to_text(result_lead(thresholds, result))
    for contact in result.emergency_contacts:
        assert text.count(f"{contact.name}:") + text.count(f"{contact.name}.") == 1, contact.name


def test_no_first_action_while_the_route_is_not_decided(thresholds):
    result = evaluate(thresholds, check_from_dict({"indicators": ["l3-complex-disability"], "age": 9}))
    assert result.route is None
    assert boxes(result_lead(thresholds, result)) == []


@pytest.mark.parametrize("which", ["thresholds", "example"])
def test_not_sure_of_an_answer_the_route_waits_for_leads_with_the_guidances_words_for_being_unsure(which, request):
    """Not sure of significant harm (a 7-month-old baby, or any child, any worry): no route, and what to do
    first is what the guidance says to do when unsure (consult the DSL; the front door if at risk), in its
    words, once. The same for every question answered "not sure" that the file has words for."""
    thresholds = request.getfixturevalue(which)
    led = 0
    for question in thresholds.questions:
        for indicator in [None, *(i for i in thresholds.indicators if not i.is_strength)]:
            answers = {q.id: q.decided_values[-1] for q in thresholds.questions if not q.free_text} | {
                "immediate_risk": "no"
            }
            raw = {
                "indicators": [indicator.id] if indicator else [],
                "age": youngest_age(thresholds),
                "answers": {**answers, question.id: "unsure"},
            }
            result = evaluate(thresholds, check_from_dict(raw))
            if question.id not in result.unsure or result.harm_step is not None:
                continue
            assert result.route is None and result.next_steps == ()
            # The file's words for it: the emergency that answer would stop for, advice that reads "not sure".
            words = [
                rule.text
                for rule in thresholds.rules
                if question.id in (reads := rule.when.answers)
                and (rule.kind == "emergency" or (rule in result.advice and "unsure" in reads[question.id]))
            ]
            lead = result_lead(thresholds, result)
            if not words:
                assert boxes(lead) == []
                continue
            led += 1
            [box] = boxes(lead)
            assert box["children"][0] == {"tag": "h4", "text": FIRST_ACTION}
            view = to_text(result_view(thresholds, result))
            for text in words:
                said = " ".join(text.split())
                assert said in inline_text(box), (question.id, indicator)
                assert " ".join(view.split()).count(said) == 1, (question.id, indicator)  # once, in the box
            # The number the guidance gives for it leads the box, as a link to dial: before the advice's words
            # for being unsure; inside an emergency's own words, its condition kept as the guidance words it
            # (issue 25: never a bare "Call 999."). Never "now" where the guidance says when to call.
            dialled = dialled_first(box, result)
            if dialled:
                lead_line = inline_text(box["children"][1])
                assert dialled[1] in lead_line and " now" not in lead_line
                assert lead_line.startswith(("Telephone ", "The guidance says: ")), lead_line
    assert led > 0


def dialled_first(box, result):
    """The first link to dial in the box, where the guidance's words for being unsure give a contact with
    one number for this child (an emergency's, or the advice's)."""
    tel = [(href, text) for href, text in links(box) if href.startswith("tel:")]
    return tel[0] if tel else None


@pytest.mark.parametrize("which", ["thresholds", "example"])
def test_not_sure_of_immediate_risk_leads_with_the_emergencys_words_and_number_whatever_else_is_answered(
    which, request
):
    """Every check with "I am not sure" for immediate risk (each other answer, a worry that describes harm or
    not): the box opens with the guidance's words for an emergency, then its first number to call as a
    link, before anything else, the route's telephone step among them; the emergency's other contacts are
    listed under the actions, each once."""
    import itertools

    thresholds = request.getfixturevalue(which)
    [emergency] = [rule for rule in thresholds.rules if rule.kind == "emergency"]
    first = next(c for c in emergency.contacts if c.phone and not c.by_area)
    worries = [[], *([i.id] for i in thresholds.indicators if not i.is_strength)][:12]
    others = [q for q in thresholds.questions if q.id != "immediate_risk"]
    checked = 0
    for chosen, values in itertools.product(worries, itertools.product(*(q.values for q in others[:3]))):
        answers = {"immediate_risk": "unsure", **dict(zip((q.id for q in others), values, strict=False))}
        result = evaluate(thresholds, check_from_dict({"indicators": chosen, "age": 9, "answers": answers}))
        if "immediate_risk" not in result.unsure:
            continue
        [box] = boxes(result_lead(thresholds, result))
        # The emergency's words, whole, with their condition, lead; the number to call is a link in them (or,
        # where they do not give it, in the contact's own words for when to call, right after), never a bare
        # "Call 999." beside "does not suggest a route".
        said = " ".join(emergency.text.split())
        assert inline_text(box["children"][1]) == f"The guidance says: {said}"
        if first.phone not in said:
            assert inline_text(box["children"][2]).startswith(" ".join(first.when.split())), box
        assert not any(inline_text(child).startswith("Call ") for child in box["children"]), box
        assert dialled_first(box, result) == (phones.tel_href(first.phone), first.phone)
        # The checker says it cannot decide, and asks, in its own words (never the guidance's).
        question = thresholds.question("immediate_risk").text
        assert CANNOT_DECIDE.format(question=question) in [inline_text(c) for c in box["children"]], box
        text = to_text(result_view(thresholds, result))
        for contact in emergency.contacts:
            assert text.count(f"{contact.name}:") + text.count(f"{contact.name}.") >= 1, contact.name
        checked += 1
    assert checked > 20


@pytest.mark.parametrize("which", ["thresholds", "example"])
def test_advice_for_being_unsure_that_asks_for_consent_never_leads(which, request):
    """A partnership whose advice for being unsure asks for consent (each such rule marked seeks_consent):
    while the answer is open the child may be at risk of significant harm, so that advice never leads in
    the first action's box; it is still shown, below, after the other advice."""
    import dataclasses

    thresholds = request.getfixturevalue(which)
    unsure_rules = [
        rule
        for rule in thresholds.rules
        if rule.kind == "advise" and any("unsure" in str(v) for v in rule.when.answers.values())
    ]
    consent_first = dataclasses.replace(
        thresholds,
        rules=tuple(dataclasses.replace(r, seeks_consent=True) if r in unsure_rules else r for r in thresholds.rules),
    )
    checked = 0
    for question in thresholds.questions:
        answers = {q.id: q.decided_values[-1] for q in thresholds.questions if not q.free_text} | {
            "immediate_risk": "no"
        }
        raw = {"indicators": [], "age": 9, "answers": {**answers, question.id: "unsure"}}
        for rule in unsure_rules:
            result = evaluate(consent_first, check_from_dict(raw))
            if not any(r.id == rule.id for r in result.advice):
                continue
            checked += 1
            said = " ".join(rule.text.split())
            assert all(said not in inline_text(box) for box in boxes(result_lead(consent_first, result)))
            assert said in " ".join(to_text(result_more(consent_first, result)).split())
    if which == "thresholds":
        assert checked > 0  # Medway's file has advice for being unsure of significant harm
