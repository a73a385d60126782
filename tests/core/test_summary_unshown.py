"""Typed text (or a saved check's) never brings into the summary a character that is not shown as itself: a
control (a terminal escape, a bell, a carriage return that overwrites a line) or a mark that reorders text (a
right-to-left override makes a telephone number read backwards). The file's own text may hold none of them."""

from __future__ import annotations

import re

import pytest

from levels_of_need import api
from levels_of_need.summary import DETAIL_LABELS

# Every character the summary must not carry, written out here (not taken from the code under test).
UNSHOWN = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]
UNSHOWN += ["\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]


def poisoned(n: int) -> str:
    """Visible words with unshown characters between and inside them, a different mix for each box."""
    mix = "".join(UNSHOWN[(n * 7 + k) % len(UNSHOWN)] for k in range(5))
    return f"typed{n} {mix}01634{mix[::-1]} 334466 end{n}"


def every_typed_box(t) -> dict:
    """A check with every box a practitioner types in filled with poisoned text, for this file."""
    n = iter(range(1000))
    details = {name: poisoned(next(n)) for name in DETAIL_LABELS}
    details |= {part.id: poisoned(next(n)) for part in t.framework_parts if part.scale is None}
    answers = {q.id: poisoned(next(n)) for q in t.questions if q.free_text}
    first = t.indicators[0].id
    level = t.levels[-1].id
    return {
        "age": "9",
        "indicators": [first],
        "answers": {"immediate_risk": "no", "consent": "not-sought", **answers},
        "details": details,
        "consent_note": poisoned(next(n)),
        "confirm_note": poisoned(next(n)),
        "override": {"level": level, "reason": poisoned(next(n))},
    }


@pytest.mark.parametrize("markdown", [False, True], ids=["text", "markdown"])
def test_no_typed_box_brings_an_unshown_character_into_the_summary(thresholds, example, markdown):
    for t in (thresholds, example):
        raw = every_typed_box(t)
        summary = api.run(t, raw, markdown=markdown)["summary"]
        found = sorted({f"U+{ord(c):04X}" for c in summary if c in UNSHOWN})
        assert found == [], found
        # What was typed is there, its visible characters in their order.
        boxes = len(re.findall(r"typed\d+", summary))
        assert boxes >= len(DETAIL_LABELS), summary
        assert summary.count("01634 334466") >= boxes
