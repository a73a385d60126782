"""An age in non-ASCII digits, typed or in a saved check (issue 24, N1): the page's own age problem,
Continue does not pass, and "Check your answers" never shows the answers of a check before it."""

from __future__ import annotations

import json

import pytest

from .checker_helpers import change_answer, continue_from, fill_check, wait_until

FIRST_CHILD = {"indicators": ["l2-bereavement"], "age": 5, "answers": {"immediate_risk": "no"}}
AGES = ["²", "①", "٣", "３"]
PYTHONS_WORDS = ("invalid literal", "int()", "Traceback", "ValueError", "TypeError")


def answers_text(page) -> str:
    return page.inner_text("#lon-answers") if page.locator("#lon-answers").count() else ""


@pytest.mark.parametrize("age", AGES)
def test_a_typed_non_ascii_age_is_the_pages_age_problem_and_continue_does_not_pass(checker_at, age):
    page = checker_at()
    fill_check(page, FIRST_CHILD)
    assert "5 years" in answers_text(page)
    change_answer(page, "age")
    page.fill("#age", age)
    asked = continue_from(page, "page-child")
    assert asked and any("age" in line.lower() for line in asked), asked
    assert page.locator("#page-child").is_visible()
    assert wait_until(page, "() => !document.getElementById('lon-answers').innerText.includes('5 years')")
    body = page.inner_text("body")
    assert not any(words in body for words in PYTHONS_WORDS), body[:2000]


@pytest.mark.parametrize("age", AGES)
def test_a_saved_check_with_a_non_ascii_age_never_shows_the_previous_childs_answers(
    checker_at, thresholds, tmp_path, age
):
    from levels_of_need import saved

    page = checker_at()
    fill_check(page, {**FIRST_CHILD, "indicators": ["l2-bereavement", "l2-poor-housing"]})
    assert "5 years" in answers_text(page)
    document = json.loads(saved.save_check(thresholds, {"indicators": ["l2-domestic-abuse"], "age": 9}))
    document["state"]["age"] = age
    file = tmp_path / "check.json"
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    page.set_input_files("#lon-open", str(file))
    # Python reads the whole file before anything is asked: it is refused, or the page asks before replacing
    # what it holds (check.js).
    page.wait_for_selector("#lon-replace-ask:not([hidden]), #lon-open-error:not([hidden])")
    refused = page.locator("#lon-open-error").is_visible()
    if not refused:
        page.click("#lon-replace-confirm")
        # The opened check's answers are listed from Python's answer to them, all at once (showAnswers).
        wait_until(page, "() => !document.getElementById('lon-answers').innerText.includes('5 years')")
    shown = answers_text(page)
    if refused:  # refused whole: the page keeps the first child's check, form and list alike
        assert "5 years" in shown and page.input_value("#age") == "5"
    else:  # opened whole: nothing of the first child is listed, and the age is the page's own problem
        housing = next(i.text for i in thresholds.indicators if i.id == "l2-poor-housing")
        assert "5 years" not in shown and housing not in shown, shown
        assert page.is_checked("#ind-l2-domestic-abuse") and not page.is_checked("#ind-l2-poor-housing")
    body = page.inner_text("body")
    assert not any(words in body for words in PYTHONS_WORDS), body[:2000]
