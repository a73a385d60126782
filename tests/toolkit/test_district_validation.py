"""`validate` on steps and advice that differ by district (issue 29, point 5): each misuse is one clear line
naming the file's line, and the fictional partnership's own use of them validates."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_FILE, THRESHOLDS_FILE

from toolkit.load import ThresholdsError, load_text

EXAMPLE = EXAMPLE_FILE.read_text(encoding="utf-8")
MEDWAY = THRESHOLDS_FILE.read_text(encoding="utf-8")
NORTHDALE_WORDS = 'northdale: {text: "Fictional example: Northdale commissions'
SOUTHWICK_VISIT = "southwick: {timescale: first-visit-southwick}"


def problems(text: str) -> list[str]:
    with pytest.raises(ThresholdsError) as refused:
        load_text(text, "thresholds.yml")
    return [str(problem) for problem in refused.value.problems]


def line_of(text: str, words: str) -> int:
    return text[: text.index(words)].count("\n") + 1


def last_line_of(text: str, new: str) -> int:
    """The line of the last line of ``new`` where it is in ``text`` (the misuse is there)."""
    return line_of(text, new) + new.rstrip("\n").count("\n")


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (NORTHDALE_WORDS, NORTHDALE_WORDS.replace("northdale:", "eastdale:"), "'eastdale' is not a defined area"),
        (SOUTHWICK_VISIT, "southwick: {timescale: second-visit}", "'second-visit' is not a defined timescale"),
        (
            SOUTHWICK_VISIT,
            "southwick: {}",
            "needs more fields: Give the area's own text for the step, its own timescale",
        ),
        (SOUTHWICK_VISIT, "southwick: {contact: front-door}", "southwick"),
        ("areas: [northdale]", "areas: [eastdale]", "'eastdale' is not a defined area"),
        (
            "  - id: two-or-more-emerging\n    kind: raise\n",
            "  - id: two-or-more-emerging\n    kind: raise\n    areas: [northdale]\n",
            "only an 'advise' rule takes 'areas'; this rule is 'raise' (an area never changes a level",
        ),
        (
            "  - id: danger-now\n",
            "  - id: danger-now\n    areas: [northdale]\n",
            "only an 'advise' rule takes 'areas'; this rule is 'emergency' (an area never changes a level",
        ),
    ],
    ids=[
        "unknown area",
        "unknown timescale",
        "empty words",
        "a contact",
        "advice's unknown area",
        "raise",
        "emergency",
    ],
)
def test_each_misuse_is_one_line_naming_its_line(old, new, said):
    assert old in EXAMPLE
    text = EXAMPLE.replace(old, new, 1)
    found = problems(text)
    assert len(found) == 1, found
    assert said in found[0]
    assert found[0].startswith(f"thresholds.yml:{last_line_of(text, new)}:"), found[0]


def test_an_area_mapping_in_a_file_with_no_areas_is_one_line():
    start = "        next_steps:\n          - text: >-\n"
    text = MEDWAY.replace(
        start, "        next_steps:\n          - areas: {north: {text: Fictional}}\n            text: >-\n", 1
    )
    assert text != MEDWAY
    found = problems(text)
    assert found == [
        f"thresholds.yml:{line_of(text, 'north: {text')}: "
        + found[0].split(": ", 2)[1]
        + ": 'north' is an area, but the file lists no 'areas': add them, or leave out this area's words"
    ]


def test_an_areas_words_that_mention_consent_make_the_step_say_whether_it_seeks_it():
    """An area's words that ask for consent on a step that does not say: refused, as the step's own would be,
    so that an area's words can never slip a consent step ahead of the telephone call."""
    old = '          - text: "Fictional example: a worker visits the family."\n            timescale: first-visit\n'
    assert old in EXAMPLE
    new = (
        old
        + '            areas: {northdale: {text: "Fictional: in Northdale, ask for the family\'s consent first."}}\n'
    )
    text = EXAMPLE.replace(old, new, 1).replace(
        "            areas:\n              southwick: {timescale: first-visit-southwick}\n", "", 1
    )
    found = problems(text)
    assert len(found) == 1 and "this step mentions consent" in found[0], found


def test_the_fictional_files_district_steps_and_advice_validate():
    t = load_text(EXAMPLE, "thresholds.yml")
    differing = [s for _, route in t.routes() for s in route.next_steps if s.by_area]
    assert {where.id for s in differing for where, _ in s.by_area} == {"northdale", "southwick"}
    assert [a.id for r in t.rules for a in r.areas] == ["northdale"]
    assert all(not r.areas for r in t.rules if r.kind != "advise")
