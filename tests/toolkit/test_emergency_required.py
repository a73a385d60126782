"""The self-check asks about immediate risk in every check, so every file has an emergency rule that holds on
"yes" alone: without one, "yes" went on to a level and a route as if nothing had been said."""

from __future__ import annotations

import re

import pytest
import yaml_data
from conftest import EXAMPLE_FILE, ROOT

from toolkit.load import ThresholdsError, load_text

MEDWAY = (ROOT / "thresholds.yml").read_text(encoding="utf-8")
EXAMPLE = EXAMPLE_FILE.read_text(encoding="utf-8")
NEEDED = "no 'emergency' rule holds on \"yes\" to immediate risk alone"


def emergency_block(text: str) -> str:
    """The file's emergency rule on immediate risk, as written (from its id to the next rule)."""
    rule = next(r for r in yaml_data.parse(text)["rules"] if r["kind"] == "emergency")
    start = text.index(f"  - id: {rule['id']}\n")
    end = text.index("\n  - id: ", start + 1) + 1
    return text[start:end]


def refused(text: str) -> list[str]:
    with pytest.raises(ThresholdsError) as raised:
        load_text(text, "file.yml")
    return [str(p) for p in raised.value.problems]


@pytest.mark.parametrize("text", [MEDWAY, EXAMPLE], ids=["medway", "example"])
def test_a_file_without_its_emergency_rule_is_refused_in_one_line(text):
    block = emergency_block(text)
    lines = refused(text.replace(block, ""))
    rule_id = block.split("\n", 1)[0].removeprefix("  - id: ")
    assert [line for line in lines if NEEDED in line] == lines[:1], lines
    # Anything else refused is a scenario naming the rule taken out.
    assert all(f"{rule_id!r}" in line for line in lines[1:]), lines


@pytest.mark.parametrize(
    ("how", "edit"),
    [
        (
            "held only with a worry",
            lambda w: w.replace('immediate_risk: ["yes"]}', 'immediate_risk: ["yes"]}, indicators: [x]'),
        ),
        ("held only for an age", lambda w: w.replace("when: {answers:", "when: {age: {at_least: 5}, answers:")),
        ("held on 'not sure' only", lambda w: w.replace('immediate_risk: ["yes"]', 'immediate_risk: ["unsure"]')),
        ("an advise rule instead", lambda w: w.replace("kind: emergency", "kind: advise")),
    ],
)
def test_an_emergency_rule_that_does_not_hold_on_yes_alone_is_not_enough(how, edit):
    block = emergency_block(EXAMPLE)
    changed = edit(block)
    assert changed != block, how
    assert any(NEEDED in line for line in refused(EXAMPLE.replace(block, changed))), how


def test_both_partnerships_and_the_starter_have_one():
    starter = (ROOT / "toolkit" / "schema" / "starter.yml").read_text(encoding="utf-8")
    for text in (MEDWAY, EXAMPLE, starter):
        load_text(text, "file.yml")
        assert re.search(r"kind: emergency\n\s+when: \{answers: \{immediate_risk: \[\"yes\"\]\}\}", text)
