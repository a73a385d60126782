"""When Python cannot start (here: WebAssembly switched off), the summary the page offers still holds
everything entered, in the page's own words: each answer, the age, every worry and strength ticked, and
the typed referral details; no suggested level."""

from __future__ import annotations

import pytest

from .checker_helpers import FAILED, tick, write_details

ANSWERS = {"immediate_risk": "no", "significant_harm": "unsure", "support_not_improving": "yes", "consent": "given"}
WORRY, STRENGTH = "l2-bereavement", "l1-supportive-networks"


@pytest.fixture
def without_webassembly(browser):
    # WebAssembly switched off before the page's scripts run (Chromium 156's --jitless and
    # --js-flags=--noexpose_wasm no longer hide it under Playwright): the page falls back.
    context = browser.new_context(service_workers="block")
    context.add_init_script("delete globalThis.WebAssembly")
    yield context.new_page()
    context.close()


def test_the_fallback_summary_holds_every_answer_and_every_worry_ticked(without_webassembly, medway_url, thresholds):
    page = without_webassembly
    page.goto(f"{medway_url}/check/")
    page.wait_for_selector(FAILED, timeout=30_000)
    assert page.evaluate("typeof WebAssembly") == "undefined"
    page.check("#immediate_risk-no")
    page.click("#page-risk .lon-continue")
    page.fill("#age", "9")
    page.click("#page-child .lon-continue")
    tick(page, WORRY)
    page.click("#page-worries .lon-continue")
    tick(page, STRENGTH)
    page.click("#page-strengths .lon-continue")
    for question, value in ANSWERS.items():
        if question != "immediate_risk":
            page.check(f"#{question}-{value}")
    page.click("#page-questions .lon-continue")
    write_details(page)
    page.fill("#detail-worry", "seen at the school gate")
    page.locator("#detail-worry").blur()
    summary = page.input_value("#lon-summary")
    for question, value in ANSWERS.items():
        asked = thresholds.question(question)
        assert f"{asked.text}\n{asked.option(value).label}" in summary, question
    assert "\n9\n" in f"\n{summary}"
    assert thresholds.indicator(WORRY).text in summary and thresholds.indicator(STRENGTH).text in summary
    assert "seen at the school gate" in summary
    assert "Suggested level" not in summary  # no level without the checker
