"""The summary's headings come from the partnership's practice framework: Medway's file, which gives
the Signs of Safety questions, keeps Signs of Safety's headings; the fictional partnership names its
own framework's; a file with neither has plain ones."""

from __future__ import annotations

import copy
import re

import pytest
import yaml_data
from conftest import EXAMPLE_FILE, ROOT

from levels_of_need import api
from levels_of_need.model import from_dict
from levels_of_need.summary import PARTS, SIGNS_OF_SAFETY, practice_framework
from toolkit.load import ThresholdsError, load_text

OWN = ("What is going well for the family (fictional)", "What we agree should happen next (fictional)")
SOS = tuple(SIGNS_OF_SAFETY.headings.values())
PLAIN = ("Strengths and safety", "What should happen next")


def summary_lines(t) -> list[str]:
    raw = {"indicators": [t.indicators[-1].id], "age": 9, "answers": {"immediate_risk": "no"}}
    return api.run_summary(t, raw).splitlines()


def test_medway_keeps_the_signs_of_safety_headings(thresholds):
    assert practice_framework(thresholds).name == "Signs of Safety"
    lines = summary_lines(thresholds)
    # Medway's referral questions receive the worries. 001 gives one of the framework's questions for the
    # strengths; for what should happen next it gives no heading, so that part keeps the plain one.
    assert "What are their strengths and positive attributes?" in lines and "What should happen next" in lines
    assert not set(SOS) & set(lines)


def test_the_fictional_partnership_names_its_own_framework_and_headings(example):
    assert practice_framework(example).name == "Exampleton Family Approach (fictional)"
    lines = summary_lines(example)
    assert all(heading in lines for heading in OWN)
    assert not (set(SOS) | set(PLAIN)) & set(lines)
    markdown = api.run_summary(example, {"answers": {}}, markdown=True)
    assert "## What is going well for the family \\(fictional\\)" in markdown.splitlines()


def test_a_file_with_no_framework_has_the_plain_headings(example):
    data = copy.deepcopy(dict(example.data))
    del data["practice_framework"]
    # Without the framework, no question may receive a part it added (validate refuses it).
    added = {part["id"] for part in example.data["practice_framework"]["parts"]}
    for question in data["referral_questions"]:
        question["receives"] = [part for part in question["receives"] if part not in added]
    lines = summary_lines(from_dict(data))
    assert all(heading in lines for heading in PLAIN) and not set(SOS) & set(lines)


def test_the_format_doc_gives_the_plain_and_signs_of_safety_headings_and_the_worked_example():
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    table = doc[doc.index("| part | heading where no question receives it |") :]
    for part in PARTS:
        row = next(line for line in table.splitlines() if line.startswith(f"| `{part.id}` |"))
        assert part.heading in row
        if part.id in SIGNS_OF_SAFETY.headings:
            assert f"a file with `signs_of_safety`: {SIGNS_OF_SAFETY.headings[part.id]}" in row
    shown = [
        yaml_data.parse(b) for b in re.findall(r"```yaml\n(.*?)```", doc, flags=re.S) if "practice_framework:" in b
    ]
    example = yaml_data.read(EXAMPLE_FILE)
    assert shown == [{"practice_framework": example["practice_framework"]}]


@pytest.mark.parametrize(
    ("heading", "where", "words"),
    [
        ("worries", "practice_framework.headings.worries", "goes under referral question 'worry', so this heading"),
        ("worry", "practice_framework.headings.worry", "unknown field 'worry'"),
    ],
)
def test_a_heading_that_would_never_show_or_names_no_part_is_refused(heading, where, words):
    text = EXAMPLE_FILE.read_text(encoding="utf-8").replace(
        "    strengths: What is going well",
        f"    {heading}: What worries us (fictional)\n    strengths: What is going well",
    )
    with pytest.raises(ThresholdsError) as refused:
        load_text(text, "example.yml")
    problems = [str(p) for p in refused.value.problems]
    assert any(f": {where}: " in p and words in p for p in problems), problems
