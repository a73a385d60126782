"""The partnership's content on the self-check, as a user sees it, on one page: a district's contacts
(every area's, labelled, while the child's area is not answered, then only that area's number, each a
working link), and the partnership's own question, asked and its advice shown."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_FILE
from phone_links import assert_phone_link

from .checker_helpers import (
    change_answer,
    cli_result_text,
    continue_from,
    fill_check,
    open_checker,
    result_words,
    wait_for_result,
)

NO = {"immediate_risk": "no", "significant_harm": "no", "consent": "given"}
FAMILY_HELP = {"indicators": ["damp-home"], "age": 5, "answers": NO}  # its steps name the district hubs
RESULT_LINKS = """() => [...document.querySelectorAll('#lon-result a[href^="tel:"], #lon-result-more a[href^="tel:"]')]
    .map(a => [a.innerText, a.href])"""


@pytest.mark.partnerships("example")
def test_the_area_and_the_partnerships_question_are_asked_and_their_contacts_and_advice_shown(
    strict_context, partnership_url
):
    page = strict_context.new_page()
    open_checker(page, partnership_url)
    assert fill_check(page, FAMILY_HELP) == []
    expected = cli_result_text(FAMILY_HELP, EXAMPLE_FILE)
    assert wait_for_result(page, expected) == expected
    shown = result_words(page)
    assert "You have not answered the child’s area" in shown
    assert "Northdale (fictional): 01632 960222 (then choose option 2)" in shown
    assert "Southwick (fictional): +44 (0)1632 960333 extension 4021" in shown
    links = page.evaluate(RESULT_LINKS)
    for text, href in links:
        assert_phone_link(text, href)
    assert {href for _, href in links} >= {"tel:+441632960222", "tel:1800101632960222", "tel:+441632960333;ext=4021"}

    # The answer is changed where it is asked, with the age, as a person does it.
    change_answer(page, "area")
    question = page.locator("#q-area legend")
    assert (
        question.is_visible()
        and question.inner_text() == "Which district of Exampleton does the child live in? (fictional)"
    )
    page.check("#area-northdale")
    assert continue_from(page, "page-child") == []
    northdale = {**FAMILY_HELP, "answers": {**NO, "area": "northdale"}}
    expected = cli_result_text(northdale, EXAMPLE_FILE)
    assert wait_for_result(page, expected) == expected
    shown = result_words(page)
    assert "Northdale Early Help Hub (fictional): 01632 960222 (then choose option 2)" in shown
    assert "960333" not in shown and "child’s area" not in shown
    links = page.evaluate(RESULT_LINKS)
    for text, href in links:
        assert_phone_link(text, href)
    assert "tel:+441632960333;ext=4021" not in {href for _, href in links}

    # The partnership's own question: asked for while advice depends on it, then its advice shown.
    assert "You have not given the answer to “Is the concern about someone who works with children?" in shown
    change_answer(page, "about-a-professional")
    question = page.locator("#q-about-a-professional legend")
    assert question.is_visible()
    assert question.inner_text() == "Is the concern about someone who works with children? (fictional)"
    page.check("#about-a-professional-yes")
    assert continue_from(page, "page-questions") == []
    both = {**FAMILY_HELP, "answers": {**NO, "area": "northdale", "about-a-professional": "yes"}}
    expected = cli_result_text(both, EXAMPLE_FILE)
    assert wait_for_result(page, expected) == expected
    shown = result_words(page)
    assert "Fictional example: tell the Local Authority Designated Officer (LADO) about a concern" in shown
    assert "Exampleton LADO (fictional): 01632 960555" in shown
    assert "You have not given the answer to “Is the concern about someone" not in shown
