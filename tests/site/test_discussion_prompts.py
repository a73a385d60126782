"""The presenter's discussion prompts are the toolkit's own questions about how the room decided, in
one file (toolkit/site/discussion.py), marked as such on the page, and state no guidance: no level,
route, indicator, rule, contact or instruction from any partnership's file."""

from __future__ import annotations

import re

from toolkit.site import discussion


def test_the_prompts_are_questions_marked_as_the_toolkits_own():
    assert 2 <= len(discussion.PROMPTS) <= 3
    for prompt in discussion.PROMPTS:
        assert prompt.endswith("?") and prompt.count("?") == 1, prompt
    assert "the toolkit’s own" in discussion.LABEL and "not guidance" in discussion.LABEL


def test_the_prompts_state_no_guidance(partnership_thresholds):
    t = partnership_thresholds
    words = " ".join(discussion.PROMPTS).lower()
    # No instruction, obligation or threshold of their own.
    for word in (
        "must",
        "should",
        "need to",
        "refer",
        "consent",
        "harm",
        "risk",
        "level",
        "threshold",
        "always",
        "never",
    ):
        assert not re.search(rf"\b{word}", words), word
    assert not re.search(r"\d", words)
    assert "“" not in words and '"' not in words  # no quotation: nothing presented as the guidance's words
    names = [level.name for level in t.levels] + [route.name for _, route in t.routes()]
    names += [indicator.text for indicator in t.indicators] + [rule.text for rule in t.rules]
    names += [contact.name for contact in t.contacts]
    for name in names:
        assert name.lower() not in words, name


def test_the_presenter_shows_them_marked(partnership_site):
    page = (partnership_site.directory / "training" / "presenter" / "index.html").read_text(encoding="utf-8")
    assert discussion.LABEL in page
    for prompt in discussion.PROMPTS:
        assert prompt in page
