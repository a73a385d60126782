"""Not sure, on the page: "I am not sure" on each question, a baby's age in months, and immediate risk
that Continue never lets pass unanswered, even while the checker is still starting."""

from __future__ import annotations

from levels_of_need import api
from levels_of_need.questions import UNSURE

from .checker_helpers import (
    READY,
    continue_from,
    fill_check,
    open_checker,
    result_words,
    wait_until,
    write_details,
)

ASKED = ("immediate_risk", "significant_harm", "support_not_improving", "social_worker", "consent")


def test_each_question_offers_i_am_not_sure(strict_context, medway_url, thresholds):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    for question_id in ASKED:
        label = page.locator(f"label[for='{question_id}-{UNSURE}']")
        assert label.count() == 1, question_id
        assert label.inner_text() == thresholds.question(question_id).option(UNSURE).label


def test_continue_asks_for_immediate_risk_even_while_the_checker_starts(strict_context, medway_url, thresholds):
    page = strict_context.new_page()
    page.goto(f"{medway_url}/check/")
    page.click("#page-risk .lon-continue")  # at once: the checker may still be starting
    page.wait_for_selector("#lon-error-summary:not([hidden])", timeout=60_000)
    assert page.locator(READY).count() == 1
    [asked] = [r["message"] for r in api.page_answer(thresholds, {})["required"] if r["field"] == "immediate_risk"]
    assert page.locator("#lon-error-list li").all_inner_texts() == [asked]
    assert page.locator("#page-risk").is_visible() and page.locator("#page-child").is_hidden()


def test_not_sure_of_immediate_risk_shows_no_route_and_says_why(strict_context, medway_url, thresholds):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    check = {"indicators": ["l2-bereavement"], "age": 8, "answers": {q: UNSURE for q in ASKED}}
    assert fill_check(page, check) == []
    question = thresholds.question("immediate_risk")
    assert wait_until(page, "(w) => document.getElementById('lon-result-more').innerText.includes(w)", question.text)
    shown = " ".join(result_words(page).split())  # what it waits for is said under the actions
    assert f"You are not sure of the answer to “{question.text}”" in shown
    assert page.get_attribute("#lon-result", "data-route") == ""
    # No route, but what to do first leads: the guidance's words for the emergency it would stop for, as
    # Python words them, with the numbers the guidance gives to call, and none "now" (the practitioner is
    # not sure: the guidance's words say when).
    box = " ".join(page.inner_text("#lon-result .lon-first-action").split())
    emergency = [r.text for r in thresholds.rules if r.kind == "emergency" and "immediate_risk" in r.when.answers]
    assert emergency
    for words in emergency:
        assert " ".join(words.split()) in box
    numbers = page.locator("#lon-result .lon-first-action > p > strong").all_inner_texts()
    # The first number to call is a link in the guidance's own words, with their condition (issue 25: never a
    # bare "Call 999." beside "does not suggest a route").
    assert numbers and " ".join(numbers[0].split()) == f"The guidance says: {' '.join(emergency[0].split())}"
    assert page.locator("#lon-result .lon-first-action > p > strong a[href^='tel:']").count() >= 1
    assert not any(line.startswith("Call ") for line in numbers), numbers
    assert not any(" now" in line for line in numbers), numbers
    rows = page.locator("#lon-answers").inner_text()
    assert rows.count(question.option(UNSURE).label) == len(ASKED)


def test_a_babys_age_in_months_is_recorded_as_given(strict_context, medway_url):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    page.check("#immediate_risk-no")
    continue_from(page, "page-risk")
    page.fill("#age", "7 months")
    assert continue_from(page, "page-child") == []
    page.click("#page-worries .lon-continue")
    page.click("#page-strengths .lon-continue")
    for answer in ("significant_harm-no", "support_not_improving-no", "social_worker-none", "consent-given"):
        page.check(f"#{answer}")
    assert continue_from(page, "page-questions") == []
    age_row = "() => document.querySelector(\"#lon-answers [data-field='age']\").innerText"
    assert wait_until(page, f"() => ({age_row})().includes('7 months')")
    write_details(page)
    assert wait_until(page, "() => document.getElementById('lon-summary').value.includes('Age: 7 months')")
