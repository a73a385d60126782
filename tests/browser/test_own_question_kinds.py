"""The partnership's own questions of each kind on the fictional site's /check/, as a user sees them on a
phone (360 px): a multiple-choice question, a question that appears only once a worry about school is
ticked, and a free-text box with its label, whose words reach "Check your answers" and the summary, stay out
of the address and every storage, and come back from a saved check."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_FILE

from .checker_helpers import (
    FAILED,
    SCREENS,
    change_answer,
    cli_result_text,
    continue_from,
    fill_check,
    open_checker,
    result_words,
    save_then_clear,
    tick,
    wait_for_result,
    wait_until,
)

TYPED = "Polish, for the mother (fictional)"
NO = {"immediate_risk": "no", "significant_harm": "no", "consent": "given", "area": "northdale"}
CHECK = {
    "indicators": ["tired"],
    "age": 11,
    "answers": {**NO, "about-a-professional": "no", "legal-status": "looked-after", "language-needs": TYPED},
}
ROWS = """() => Object.fromEntries([...document.querySelectorAll('#lon-answers .lon-summary-row')].map(row => [
    row.dataset.field, [...row.querySelectorAll('dd:not(.lon-summary-action) p')].map(p => p.innerText)]))"""
KEPT = """() => [location.href, document.cookie, localStorage.length, sessionStorage.length]"""


@pytest.mark.partnerships("example")
def test_each_kind_of_own_question_is_asked_shown_summarised_and_saved(browser, partnership_url, tmp_path):
    viewport, scale = SCREENS["360 px"]
    context = browser.new_context(
        accept_downloads=True, service_workers="block", viewport=viewport, device_scale_factor=scale
    )
    page = context.new_page()
    open_checker(page, partnership_url)
    assert fill_check(page, CHECK) == []
    expected = cli_result_text(CHECK, EXAMPLE_FILE)
    assert wait_for_result(page, expected) == expected
    assert "the child has a plan and a social worker already" in result_words(page)

    # The free-text box has its question as its label, and fits a phone's screen.
    label = page.locator("label[for='language-needs-typed']")
    assert label.inner_text() == "Does the child or family need an interpreter? If so, for which language? (fictional)"
    rows = page.evaluate(ROWS)
    assert rows["legal-status"] == ["Looked after by the council (fictional)"]
    assert rows["language-needs"] == [TYPED]
    assert "part-time-timetable" not in rows  # not asked: no worry about school
    summary = page.input_value("#lon-summary")
    assert f"(fictional) {TYPED}" in summary and "Looked after by the council (fictional)" in summary
    assert not any(TYPED.split(",")[0] in str(kept) for kept in page.evaluate(KEPT))
    assert page.evaluate(KEPT)[1:] == ["", 0, 0]

    change_answer(page, "language-needs")
    box = page.locator("#language-needs-typed").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert page.locator("#q-part-time-timetable").is_hidden()

    # A worry about school ticked: the question on a part-time timetable appears, saying why it is asked.
    change_answer(page, "worries")
    tick(page, "misses-school")
    continue_from(page, "page-worries")
    change_answer(page, "part-time-timetable")
    question = page.locator("#q-part-time-timetable")
    assert question.is_visible()
    assert "Asked because a worry you chose is about: School." in question.inner_text()
    page.check("#part-time-timetable-yes")
    assert continue_from(page, "page-questions") == []
    both = {
        **CHECK,
        "indicators": ["tired", "misses-school"],
        "answers": {**CHECK["answers"], "part-time-timetable": "yes"},
    }
    expected = cli_result_text(both, EXAMPLE_FILE)
    assert wait_for_result(page, expected) == expected
    assert "a child on a part-time timetable" in result_words(page)
    assert page.evaluate(ROWS)["part-time-timetable"] == ["Yes"]

    # Saved, cleared and opened again: every kind of answer comes back.
    saved = save_then_clear(page, tmp_path)
    assert page.input_value("#language-needs-typed") == ""
    page.set_input_files("#lon-open", str(saved))
    page.wait_for_selector("#page-answers:not([hidden])")
    assert page.input_value("#language-needs-typed") == TYPED
    assert page.is_checked("#legal-status-looked-after") and page.is_checked("#part-time-timetable-yes")
    assert wait_until(page, "(s) => document.getElementById('lon-summary').value.includes(s)", TYPED)
    context.close()


@pytest.mark.partnerships("example")
def test_without_the_checker_every_own_question_is_shown_and_its_answer_kept(browser, partnership_url, example):
    """Python could not start, so nothing may say which questions these worries ask: the question asked only
    for a worry about school is shown too, and every answer, the words typed among them, is in the summary
    the page offers, in its own words (no level)."""
    context = browser.new_context(service_workers="block")
    context.add_init_script("delete globalThis.WebAssembly")
    page = context.new_page()
    page.goto(f"{partnership_url}/check/")
    page.wait_for_selector(FAILED, timeout=30_000)
    page.check("#immediate_risk-no")
    page.click("#page-risk .lon-continue")
    page.fill("#age", "9")
    page.click("#page-child .lon-continue")
    page.click("#page-worries .lon-continue")  # no worry ticked, none about school
    if page.locator("#page-strengths").count():
        page.click("#page-strengths .lon-continue")
    page.wait_for_selector("#page-questions:not([hidden])")
    assert page.locator("#q-part-time-timetable").is_visible()
    page.check("#legal-status-protection-plan")
    page.check("#part-time-timetable-no")
    page.fill("#language-needs-typed", TYPED)
    page.locator("#language-needs-typed").blur()
    summary = page.input_value("#lon-summary")
    for question, label in (
        ("legal-status", "On a child protection plan (fictional)"),
        ("part-time-timetable", "No"),
        ("language-needs", TYPED),
    ):
        assert f"{example.question(question).text}\n{label}" in summary, question
    assert "Suggested level" not in summary
    context.close()
