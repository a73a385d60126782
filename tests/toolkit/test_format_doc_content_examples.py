"""docs/format.md's worked examples of the contact fields, areas, escalation contacts and the
partnership's own questions are the fictional file's own entries, and the words it quotes are the
checker's: the docs cannot drift from the data or the core."""

from __future__ import annotations

import re

import pytest
import yaml_data
from conftest import EXAMPLE_FILE, ROOT

from levels_of_need import api

DOC = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
EXAMPLE = yaml_data.read(EXAMPLE_FILE)
BLOCKS = [yaml_data.parse(block) for block in re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S)]


def entries(section: str, ids: set[str]) -> list[dict]:
    """Each worked example's entry of this section among these ids."""
    found = []
    for block in BLOCKS:
        if isinstance(block, dict) and isinstance(block.get(section), list):
            found += [item for item in block[section] if isinstance(item, dict) and item.get("id") in ids]
    return found


@pytest.mark.parametrize(
    ("section", "ids"),
    [
        ("contacts", {"hub-northdale", "hub-southwick", "early-help-hub"}),
        ("areas", {"northdale", "southwick"}),
        ("own_questions", {"about-a-professional"}),
        ("rules", {"concern-about-a-professional"}),
        # Multiple choice, a question asked only for some worries, and free text (issue 29, point 4).
        ("own_questions", {"legal-status", "part-time-timetable", "language-needs"}),
        ("rules", {"has-a-plan", "part-time-timetable"}),
        # Counting by domain and by level, and a raise rule confined to a level (issue 29).
        ("rules", {"needs-in-two-domains", "three-emerging-needs"}),
        ("scenario_sets", {"every-level", "end-of-course"}),
        ("scenarios", {"twin-injury-seven"}),
        # A pre-birth referral's timing, as an advise rule with a timescale (issue 29, round two).
        ("rules", {"pre-birth-referral"}),
        ("timescales", {"pre-birth"}),
        # Advice for one district only (issue 29, point 5).
        ("rules", {"northdale-family-support"}),
    ],
)
def test_each_worked_example_is_the_fictional_files_entry(section, ids):
    shown = entries(section, ids)
    assert {item["id"] for item in shown} == ids
    own = {item["id"]: item for item in EXAMPLE[section]}
    for item in shown:
        assert item == own[item["id"]], item["id"]


def test_the_escalation_and_area_question_examples_are_the_fictional_files():
    escalation = next(b["escalation"] for b in BLOCKS if isinstance(b, dict) and "escalation" in b)
    assert escalation == EXAMPLE["escalation"]
    wording = next(b["questions"] for b in BLOCKS if isinstance(b, dict) and "area" in b.get("questions", {}))
    assert wording["area"] == EXAMPLE["questions"]["area"]


def test_the_words_the_docs_quote_are_the_checkers(example):
    unanswered = api.result_text(example, {"indicators": ["tired"], "age": 9, "answers": {"immediate_risk": "no"}})
    quoted = re.search(r"the result says so and names the question \(\"([^\"]+)\"\)", DOC)
    assert quoted and quoted.group(1) in " ".join(unanswered.split())


@pytest.mark.parametrize("word", ["yes", "no", "Yes", "on"])
def test_the_line_the_doc_quotes_for_a_bare_yes_key_is_validates_own(word, tmp_path):
    """A reworded answer keyed by a bare yes/no word is read as true/false: validate names it in one line,
    the line docs/format.md quotes (with the key written)."""
    from toolkit.load import ThresholdsError, load_text

    text = EXAMPLE_FILE.read_text(encoding="utf-8").replace(
        "questions:\n", f"questions:\n  immediate_risk:\n    options:\n      {word}: Yes, now\n", 1
    )
    with pytest.raises(ThresholdsError) as refused:
        load_text(text, "thresholds.yml")
    lines = [problem.message for problem in refused.value.problems]
    quoted = re.search(r"`validate` names a bare key \(\"(the key 'yes' [^\"]+)\"\)", DOC).group(1)
    assert lines == [quoted.replace("'yes'", repr(word))]


@pytest.mark.parametrize("section", ["step_down", "step_up", "step_across"])
def test_the_worked_examples_of_a_case_moving_are_the_fictional_files(section):
    shown = [block[section] for block in BLOCKS if isinstance(block, dict) and section in block]
    assert shown == [EXAMPLE[section]]


def test_the_accessibility_example_is_the_fictional_files_named_contact():
    shown = next(b["accessibility"] for b in BLOCKS if isinstance(b, dict) and "accessibility" in b)
    assert shown == EXAMPLE["accessibility"]
    assert {"team", "textphone", "address"} <= set(shown["contact"])


def test_the_consent_unless_example_is_the_fictional_files_route():
    routes = {route["id"]: route for level in EXAMPLE["levels"] for route in level["routes"]}
    shown = [item for b in BLOCKS if isinstance(b, list) for item in b if isinstance(item, dict)]
    [route] = [item for item in shown if item.get("id") == "child-in-need-assessment"]
    assert route == routes["child-in-need-assessment"]
    assert set(route["consent_required"]) == {"unless"}


def quoted_yes_block() -> str:
    """The doc's example of rewording a yes-or-no question's answers, as written (its quotes kept)."""
    [block] = [b for b in re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S) if '"yes":' in b and "options:" in b]
    return block


def with_questions(block: str) -> str:
    """The fictional file with the block's question wording added to its own."""
    wording = "".join(line + "\n" for line in block.splitlines()[1:])
    return EXAMPLE_FILE.read_text(encoding="utf-8").replace("questions:\n", "questions:\n" + wording, 1)


def test_the_quoted_yes_example_rewords_the_answers():
    from toolkit.load import load_text

    block = quoted_yes_block()
    options = yaml_data.parse(block)["questions"]["significant_harm"]["options"]
    assert set(options) == {"yes", "no"}  # keys read as words, thanks to the quotes
    question = load_text(with_questions(block)).question("significant_harm")
    assert [question.option(value).label for value in ("yes", "no")] == [options["yes"], options["no"]]


def test_the_yes_example_written_bare_is_one_line_on_its_key():
    from toolkit.load import ThresholdsError, load_text

    bare = quoted_yes_block().replace('"yes":', "yes:")
    text = with_questions(bare)
    with pytest.raises(ThresholdsError) as refused:
        load_text(text, "thresholds.yml")
    [problem] = refused.value.problems
    assert problem.line == text[: text.index("      yes:")].count("\n") + 1
    said = re.search(r"`validate` says so on that key's line: \"([^\"]+)\"", " ".join(DOC.split())).group(1)
    assert problem.message == said


def test_the_age_band_examples_are_the_fictional_files_indicators():
    """The indicators with an age band the doc shows (in months too) are the fictional file's own entries."""
    shown = [item for block in BLOCKS if isinstance(block, list) for item in block if isinstance(item, dict)]
    banded = {item["id"]: item for item in shown if "age" in item}
    assert {"missed-health-checks", "bruised-baby", "nowhere-to-live"} <= set(banded)
    own = {item["id"]: item for item in EXAMPLE["indicators"]}
    for indicator_id, item in banded.items():
        assert item == own[indicator_id], indicator_id
    assert banded["bruised-baby"]["age"] == {"under_months": 6}


def test_the_words_the_docs_quote_for_a_babys_months_are_the_checkers(example):
    from levels_of_need.present import AGE_TOPIC_MONTHS
    from levels_of_need.rules import MONTHS_NEEDED

    flat = " ".join(DOC.split())
    assert f'"{MONTHS_NEEDED}"' in flat
    assert f'"{AGE_TOPIC_MONTHS}"' in flat
    refused = api.page_answer(
        example, {"age": "0", "indicators": ["bruised-baby"], "answers": {"immediate_risk": "no"}}
    )
    assert refused["problem"]["message"] == MONTHS_NEEDED
    band = api.result_text(example, {"age": "7 months", "indicators": ["bruised-baby"], "answers": {}})
    assert "(the checker offers it for babies under 6 months)" in flat
    assert "The checker offers it for babies under 6 months" in " ".join(band.split())


def test_the_pre_birth_advice_the_docs_quote_is_the_checkers(example):
    raw = {"unborn": True, "indicators": ["missed-health-checks"], "answers": {"immediate_risk": "no"}}
    shown = " ".join(api.result_text(example, raw).split())
    quoted = re.search(r'The result shows: "([^"]+)"', DOC)
    assert quoted and quoted.group(1) in shown


def test_the_district_steps_example_is_the_fictional_files_and_builds_what_the_doc_says(example):
    """The worked example of steps that differ by district is the fictional file's, step for step, and the
    words the doc quotes are the checker's."""
    shown = next(b["levels"] for b in BLOCKS if isinstance(b, dict) and "levels" in b)
    routes = {r["id"]: r for lv in EXAMPLE["levels"] for r in lv["routes"]}
    for level in shown:
        for route in level["routes"]:
            own = [step for step in routes[route["id"]]["next_steps"] if "areas" in step]
            assert route["next_steps"] == own
    raw = {"indicators": ["damp-home"], "age": 5, "answers": {"immediate_risk": "no", "significant_harm": "no"}}
    words = " ".join(api.result_text(example, raw).split())
    for quoted in re.findall(r'\("(For a child in [^"]+?): …"\)', DOC):
        assert quoted in words, quoted
    assert len(re.findall(r'\("(For a child in [^"]+?): …"\)', DOC)) == 2
