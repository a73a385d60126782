"""Parts a partnership's practice framework adds to the referral summary (issue 29, point 9): a danger
statement, a safety goal and a scaling question in the fictional partnership's file, typed by the referrer
and placed under the referral question that receives them, or under their own headings; a scaling answer is
a whole number on the part's own scale, from the page, the CLI's dict or a saved file alike."""

from __future__ import annotations

import copy
import json

import pytest
import yaml_data

from levels_of_need import api, saved
from levels_of_need.model import from_dict
from levels_of_need.rules import CheckError
from levels_of_need.summary import PART_IDS, all_part_ids

DANGER = "danger-statement"
GOAL = "safety-goal"
SCALE = "safety-scale"
BASE = {"age": "9", "answers": {"immediate_risk": "no"}}


def summary(t, details: dict, markdown: bool = False) -> str:
    return api.run_summary(t, {**BASE, "details": details}, markdown=markdown)


def block(text: str, heading: str) -> list[str]:
    """The lines under a heading of the text summary, up to the next blank line."""
    lines = text.splitlines()
    start = lines.index(heading) + 2  # the heading's underline follows it
    return lines[start : lines.index("", start)]


def part(t, part_id: str):
    return next(p for p in t.framework_parts if p.id == part_id)


def test_the_fictional_file_adds_three_parts_and_medway_none(example, thresholds):
    assert [p.id for p in example.framework_parts] == [DANGER, GOAL, SCALE]
    assert all_part_ids(example) == (*PART_IDS, DANGER, GOAL, SCALE)
    assert thresholds.framework_parts == () and all_part_ids(thresholds) == PART_IDS
    # Every word of them is marked fictional, as the rest of the file.
    for added in example.framework_parts:
        words = [added.heading, added.label, added.hint]
        if added.scale:
            words += [added.scale.lowest_means, added.scale.highest_means]
        assert all("fictional" in w.lower() for w in words if w), added.id


def test_typed_parts_go_under_the_question_that_receives_them_or_their_own_headings(example):
    text = summary(example, {"worry": "W1", DANGER: "D1 the typed statement", GOAL: "G1 the goal", SCALE: "7"})
    first = example.referral_question_receiving(DANGER)
    assert first is example.referral_questions[0]
    under_first = block(text, f"1. {first.question}")
    danger = part(example, DANGER)
    # Under a question that receives two parts, each has its heading: the worries first, as 'receives' lists them.
    assert under_first.index(f"{danger.heading}:") > under_first.index("W1")
    assert under_first[under_first.index(f"{danger.heading}:") + 1] == "D1 the typed statement"
    assert block(text, part(example, GOAL).heading) == ["G1 the goal"]
    scale = part(example, SCALE)
    assert block(text, scale.heading) == [
        scale.label,
        "7 on a scale of 0 to 10",
        f"- 0: {scale.scale.lowest_means}",
        f"- 10: {scale.scale.highest_means}",
    ]
    # After every fixed part's own heading, before the thresholds' version; the typed words once each.
    lines = text.splitlines()
    assert lines.index("The child’s voice") < lines.index(part(example, GOAL).heading) < lines.index("Thresholds")
    assert text.count("D1 the typed statement") == 1 and text.count("G1 the goal") == 1


def test_parts_left_empty_leave_their_labels_in_brackets(example):
    text = summary(example, {})
    assert f"[{part(example, DANGER).label}]" in block(text, f"1. {example.referral_questions[0].question}")
    assert block(text, part(example, GOAL).heading) == [f"[{part(example, GOAL).label}]"]
    assert block(text, part(example, SCALE).heading)[1] == "[A whole number from 0 to 10]"


def test_typed_words_are_literal_in_markdown(example):
    markdown = summary(example, {DANGER: "# [a link](https://example.org) <b>x</b>", SCALE: "3"}, markdown=True)
    assert "\\# \\[a link\\]\\(https://example.org\\) &lt;b&gt;x&lt;/b&gt;" in markdown
    assert "## Safety scale \\(fictional\\)" in markdown.splitlines()
    assert "3 on a scale of 0 to 10  " in markdown.splitlines()


@pytest.mark.parametrize("typed", ["0", "7", "10", " 7 ", "07"])
def test_a_whole_number_on_the_scale_is_taken(example, typed):
    answer = api.page_answer(example, {**BASE, "details": {SCALE: typed}})
    assert answer["problem"] is None and answer["detail_problem"] is None
    assert f"\n{int(typed)} on a scale of 0 to 10\n" in answer["summary"]


@pytest.mark.parametrize("typed", ["11", "-1", "7.5", "seven", "1e1", "7/10", "٧", "1000", "3 4"])
def test_anything_else_is_refused_beside_the_box_and_left_out_of_the_summary(example, typed):
    answer = api.page_answer(example, {**BASE, "details": {SCALE: typed}})
    assert answer["detail_problem"] == {
        "message": "Safety scale (fictional): enter a whole number from 0 to 10",
        "field": f"detail-{SCALE}",
    }
    # A slip in a summary detail never takes the result away: what to do now stays on screen.
    clean = api.page_answer(example, {**BASE, "details": {}})
    assert answer["problem"] is None
    assert (answer["result"], answer["now"], answer["view"]) == (clean["result"], clean["now"], clean["view"])
    assert answer["summary"] == clean["summary"] and typed.strip() not in answer["summary"].split("\n")
    with pytest.raises(CheckError):
        summary(example, {SCALE: typed})


def test_a_refused_scale_keeps_what_to_do_now_where_the_child_may_be_at_risk(example):
    at_risk = {**BASE, "answers": {**BASE.get("answers", {}), "significant_harm": "yes"}}
    clean = api.page_answer(example, at_risk)
    assert clean["now"], "the fictional file gives a first action where harm is suspected"
    slipped = api.page_answer(example, {**at_risk, "details": {SCALE: "11"}})
    assert slipped["now"] == clean["now"] and slipped["detail_problem"]["field"] == f"detail-{SCALE}"


def with_scale(example, lowest: int, highest: int):
    data = copy.deepcopy(dict(example.data))
    scale = next(p for p in data["practice_framework"]["parts"] if p["id"] == SCALE)["scale"]
    scale.update(lowest=lowest, highest=highest)
    return from_dict(data)


def test_the_files_own_range_decides(example):
    t = with_scale(example, 1, 5)
    assert api.page_answer(t, {**BASE, "details": {SCALE: "0"}})["detail_problem"]["message"].endswith("from 1 to 5")
    assert api.page_answer(t, {**BASE, "details": {SCALE: "6"}})["detail_problem"] is not None
    shown = api.page_answer(t, {**BASE, "details": {SCALE: "5"}})
    assert shown["detail_problem"] is None and "5 on a scale of 1 to 5" in shown["summary"]
    assert "[A whole number from 1 to 5]" in summary(t, {})


def test_an_id_that_is_not_the_files_part_changes_nothing(example, thresholds):
    for t in (example, thresholds):
        assert summary(t, {"not-a-part": "X9"}) == summary(t, {})


# ---- A saved check holding them: untrusted input -----------------------------------------------


def state(details: dict) -> dict:
    return {**BASE, "details": details}


def test_a_saved_check_keeps_every_part_typed(example):
    typed = {DANGER: "D1", GOAL: "G1", SCALE: "7"}
    opened = saved.open_check(example, saved.save_check(example, state(typed)))["state"]
    assert {k: opened["details"][k] for k in typed} == typed
    assert api.run_summary(example, opened) == summary(example, typed)


def test_a_saved_scale_off_the_scale_opens_and_shows_the_problem(example):
    # As an age out of range: kept as the form would keep it, and the checker says what is wrong.
    opened = saved.open_check(example, saved.save_check(example, state({SCALE: "11"})))["state"]
    assert opened["details"][SCALE] == "11"
    assert api.page_answer(example, opened)["detail_problem"]["field"] == f"detail-{SCALE}"


def saved_file(example, details) -> str:
    file = json.loads(saved.save_check(example, state({})))
    file["state"]["details"] = details
    return json.dumps(file)


@pytest.mark.parametrize(
    ("details", "words"),
    [
        ({SCALE: 7}, "its safety-scale is not in the form"),
        ({SCALE: ["7"]}, "its safety-scale is not in the form"),
        ({SCALE: "7" * (saved.SCALE_CHARACTERS + 1)}, "its safety-scale is not in the form"),
        ({DANGER: "x" * (saved.MAX_TEXT + 1)}, "too long (danger-statement)"),
        ({"danger": "x"}, "a typed answer this self-check does not ask (danger)"),
    ],
)
def test_a_saved_part_the_form_could_not_hold_is_refused(example, details, words):
    with pytest.raises(CheckError) as refused:
        saved.open_check(example, saved_file(example, details))
    assert words in str(refused.value)


def test_another_partnerships_part_is_refused_by_medways_page(example, thresholds):
    file = json.loads(saved.save_check(thresholds, state({})))
    file["state"]["details"][DANGER] = "D1"
    with pytest.raises(CheckError, match="does not ask"):
        saved.open_check(thresholds, json.dumps(file))


def test_saving_names_a_long_part_by_its_label(example):
    with pytest.raises(CheckError) as refused:
        typed = {name: "x" * 18_000 for name in ("worry", "impact", "tried", "needs")}
        saved.save_check(example, state({**typed, GOAL: "g" * 19_000, DANGER: "d" * 19_000}))
    message = str(refused.value)
    assert part(example, GOAL).label in message and part(example, DANGER).label in message


# ---- docs/format.md's worked example -------------------------------------------------------------


def test_the_format_docs_quote_the_checkers_words_and_the_fictional_files_entries(example):
    import re

    from conftest import EXAMPLE_FILE, ROOT

    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    blocks = [yaml_data.parse(b) for b in re.findall(r"```yaml\n(.*?)```", doc, flags=re.S)]
    own = yaml_data.read(EXAMPLE_FILE)
    # The referral question shown receiving the danger statement is the fictional file's, as written.
    shown = next(b["referral_questions"] for b in blocks if isinstance(b, dict) and "referral_questions" in b)
    assert shown[0] == own["referral_questions"][0] and "danger-statement" in shown[0]["receives"]
    # The summary's line and the page's refusal, as the docs quote them.
    assert "7 on a scale of 0 to 10" in summary(example, {SCALE: "7"}).splitlines()
    assert '("7 on a scale of 0 to 10")' in doc
    refused = api.page_answer(example, {**BASE, "details": {SCALE: "11"}})["detail_problem"]["message"]
    assert f'("{refused}")' in doc
