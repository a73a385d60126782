"""The result's words, as the page shows them and the CLI prints them (present.py): no heading
without content, no contact named twice in one item, a timescale that says what it is the
timescale of, and no doubled full stop."""

from __future__ import annotations

import itertools

from levels_of_need import api
from levels_of_need.present import BLOCKS, inline_text, node, result_view, sentence, step_parts, timescale_text, to_text
from levels_of_need.rules import Check, evaluate

HEADINGS = ("h2", "h3", "h4")
RANK = {"h2": 2, "h3": 3, "h4": 4}


def checks(t):
    """An emergency, and a range of ordinary checks over each level's first worries and answers."""
    yield Check(answers={"immediate_risk": "yes"})
    worries = [i.id for i in t.indicators if not i.is_strength]
    strengths = [i.id for i in t.indicators if i.is_strength][:1]
    for worry, harm, consent in itertools.product(worries[::7], ("yes", "no", "unsure"), ("given", "refused")):
        answers = {
            "immediate_risk": "no",
            "significant_harm": harm,
            "consent": consent,
            "support_not_improving": "yes",
            "social_worker": "none",
        }
        yield Check(indicators=frozenset([worry, *strengths]), age=5, answers=answers)


def test_no_heading_is_shown_without_content(thresholds, example):
    for t in (thresholds, example):
        for check in checks(t):
            view = result_view(t, evaluate(t, check))
            for here, after in zip(view, [*view[1:], None], strict=True):
                if here["tag"] in HEADINGS:
                    # Something under it: text, or a heading of a lower rank (a part of it).
                    assert after is not None, (inline_text(here), check)
                    assert RANK.get(after["tag"], 9) > RANK[here["tag"]], (inline_text(here), check)
                    assert inline_text(after).strip(), (inline_text(here), check)
            lines = to_text(view).splitlines()
            for here, after in zip(lines, [*lines[1:], ""], strict=True):
                assert not here.rstrip().endswith(":") or after.strip(), (here, check)


def test_an_emergency_item_leads_with_who_to_call(thresholds, example):
    """The first contact to call leads in the box of what to do first, with its name and the guidance's own
    words on when to call; each other contact is one item that starts with its name and number, then those
    words (which may name the contact again: they are quoted, not rewritten)."""
    for t in (thresholds, example):
        result = evaluate(t, Check(answers={"immediate_risk": "yes"}))
        view = result_view(t, result)
        first = next(c for c in result.emergency_contacts if c.phone)
        box = inline_text(next(n for n in view if n.get("attrs", {}).get("class") == "lon-first-action"))
        assert f"{first.name}. {' '.join(first.when.split())}" in box
        others = [c for c in result.emergency_contacts if c is not first]
        items = next(n for n in view if n["tag"] == "ol")["children"]
        assert len(items) == len(others)
        for item, contact in zip(items, others, strict=True):
            words = inline_text(item)
            assert words.startswith(f"{contact.name}: {contact.phone or contact.email or ''}"), words
            assert " ".join(contact.when.split()).rstrip(".") in words
        text = api.result_text(t, {"answers": {"immediate_risk": "yes"}})
        assert "Please note" not in text


def test_a_timescale_says_what_it_is_the_timescale_of(thresholds):
    for timescale in thresholds.timescales:
        words = timescale_text(timescale)
        assert " ".join(timescale.label.split()) in words and timescale.within in words
    steps = [s for _, route in thresholds.routes() for s in route.next_steps if s.timescale]
    assert steps
    checked = Check(
        indicators=frozenset(["l2-domestic-abuse"]),
        age=5,
        answers={"immediate_risk": "no", "significant_harm": "no", "consent": "given", "social_worker": "none"},
    )
    text = api.result_text(thresholds, {"indicators": ["l2-domestic-abuse"], "age": 5, "answers": checked.answers})
    for step in evaluate(thresholds, checked).next_steps:
        if step.timescale:
            assert f"{step.timescale.label}, {step.timescale.within}" in text


def test_sentence_ends_with_one_full_stop():
    assert sentence("Escalate to a manager") == "Escalate to a manager."
    for done in ("Escalate.", "Escalate?", "Escalate!", "Escalate…", "Escalate (see below.)", "“Escalate.”"):
        assert sentence(done) == done
    assert sentence("Escalate. ") == "Escalate."
    assert sentence("within 5 working days.") == "within 5 working days."
    assert BLOCKS  # the text writer's blocks are what the heading test above walks


def test_a_timescale_after_a_contact_starts_its_own_sentence(example):
    """The fictional file's family hub step has a contact and a timescale: never "…example.org Timescale"."""
    steps = [s for _, route in example.routes() for s in route.next_steps if s.contact and s.timescale]
    assert steps
    for step in steps:
        words = inline_text(node("li", *step_parts(example, step, evaluate(example, Check()))))
        assert f". {timescale_text(step.timescale)}" in words, words


def test_each_of_the_guidances_passages_is_said_once_on_the_result(thresholds, example):
    # The guidance's advice whose words a step of the route already gives whole is not given again below
    # it. (A raise rule that quotes its indicator's words is a second reason, under "Why", not a repeat.)
    for t in (thresholds, example):
        passages = {
            " ".join(text.split())
            for text in [r.text for r in t.rules if r.kind == "advise"]
            + [s.text for level in t.levels for route in level.routes for s in route.next_steps]
            if len(text) > 60
        }
        worries = [i.id for i in t.indicators if not i.is_strength]
        for worry, harm, consent in itertools.product(worries[::5], ("yes", "no"), ("given", "refused", "not-sought")):
            answers = {"immediate_risk": "no", "significant_harm": harm, "consent": consent}
            answers |= {"support_not_improving": "no", "social_worker": "none"}
            shown = " ".join(
                to_text(
                    result_view(t, evaluate(t, Check(indicators=frozenset([worry]), age=9, answers=answers)))
                ).split()
            )
            twice = [p[:60] for p in passages if shown.count(p) > 1]
            assert not twice, (worry, harm, consent, twice)
