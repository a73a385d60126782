"""A press lands where it began, whatever had the focus (360 x 740).

Leaving a text box shows or clears its problems, and the error summary tops the form: what is below moves. Where
the box is left by pressing a button (the press moves the focus), the button moved from under the pointer before
it was released, and the press did nothing: "Clear everything" needed a second press. Chromium's scroll
anchoring holds the button in place where it can; Safari has none, so each press is tried both ways (without
it: ``overflow-anchor: none`` on the page, as Safari lays it out). One press, with the pointer, as a person
presses: the thing the button does is done, and the problems the box had are still shown after it.
"""

from __future__ import annotations

import pytest

from .checker_helpers import CHECKS, clear_check, continue_from, fill_check, open_checker, wait_until

PHONE = {"width": 360, "height": 740}
NO_SCROLL_ANCHORING = (
    "() => { for (const el of [document.documentElement, document.body]) el.style.overflowAnchor = 'none'; }"
)
SHOWN = "(id) => !document.getElementById(id).hidden"
PAGE_SHOWN = "document.querySelector('.lon-page:not([hidden])').id"


def in_the_reason(page, typed_after_its_problem: bool) -> None:
    """At the result, "I think a different level is right", the focus in "Why": left empty, or typed in after
    leaving it empty has shown its problem (leaving it now clears the problem)."""
    fill_check(page, CHECKS["early help"])
    page.check("#override")
    page.focus("#override_reason")
    if typed_after_its_problem:
        page.focus("#override_level")  # by keyboard: leaving it empty shows its problem
        assert wait_until(page, SHOWN, "override_reason-error")
        page.fill("#override_reason", "I know the family well")  # the focus back in it, the problem still shown
    page.locator("#override_reason").scroll_into_view_if_needed()


def reason_left_empty(page) -> None:
    in_the_reason(page, typed_after_its_problem=False)


def reason_typed_after_its_problem(page) -> None:
    in_the_reason(page, typed_after_its_problem=True)


def in_the_age(page) -> None:
    """On the child's page, the focus in the age box, holding words that are no age (Python has said so)."""
    page.check("#immediate_risk-no")
    assert continue_from(page, "page-risk") == []
    page.fill("#age", "ten")
    assert wait_until(page, "() => !document.querySelector('#lon-result h3')")  # Python's answer: no result


def asked_to_clear(page) -> bool:
    return wait_until(page, SHOWN, "lon-clear-ask", timeout=3.0)


def copied(page) -> bool:
    return wait_until(page, SHOWN, "lon-action-status", timeout=3.0)


def saved(page) -> bool:
    return wait_until(page, SHOWN, "lon-keep-status", timeout=3.0)


def went_back(page) -> bool:
    return wait_until(page, f"() => {PAGE_SHOWN} === 'page-risk'", timeout=3.0)


def asked_for_the_age(page) -> bool:
    return wait_until(page, "() => document.activeElement.id === 'lon-error-summary'", timeout=3.0)


# What the focus was in, the button pressed, what its press does, and the problem still shown after it.
PRESSES = {
    "Clear everything, the reason left empty": (
        reason_left_empty,
        "#lon-clear",
        asked_to_clear,
        "override_reason-error",
    ),
    "Clear everything, the reason typed after its problem showed": (
        reason_typed_after_its_problem,
        "#lon-clear",
        asked_to_clear,
        None,
    ),
    "Copy, the reason left empty": (reason_left_empty, "#lon-copy", copied, "override_reason-error"),
    "Save, the reason left empty": (reason_left_empty, "#lon-save", saved, "override_reason-error"),
    "Back, an age that is no age": (in_the_age, "#page-child [data-back]", went_back, None),
    "Continue, an age that is no age": (in_the_age, "#page-child .lon-continue", asked_for_the_age, "age-error"),
}


@pytest.fixture(scope="module", params=["scroll anchoring", "no scroll anchoring (Safari)"])
def phone_page(browser, medway_url, request):
    context = browser.new_context(viewport=PHONE, accept_downloads=True, service_workers="block")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_checker(page, medway_url)
    if request.param.startswith("no "):
        page.evaluate(NO_SCROLL_ANCHORING)
    yield page
    context.close()


@pytest.mark.parametrize("case", sorted(PRESSES))
def test_one_press_of_a_button_does_its_thing_when_leaving_a_box_shows_or_clears_a_problem(phone_page, case):
    page = phone_page
    clear_check(page)
    reach, button, done, problem_after = PRESSES[case]
    reach(page)
    focused = page.evaluate("document.activeElement.id")
    assert focused in ("override_reason", "age"), focused
    page.click(button)  # one press: the pointer goes down and up where the button was
    assert done(page), f"{case}: one press of {button} did nothing (now on {page.evaluate(PAGE_SHOWN)})"
    if problem_after:  # the problem leaving the box shows is not lost: it shows once the press is over
        assert wait_until(page, SHOWN, problem_after), f"{case}: the box's problem was never shown"
    if page.locator("#lon-clear-ask").is_visible():
        place = page.evaluate("document.getElementById('lon-clear-ask').getBoundingClientRect().top")
        assert 0 <= place < PHONE["height"], place  # the question, focused, is still in view
