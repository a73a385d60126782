"""The end of the check on a phone: the result first, led by what to do now (GOV.UK: one thing per page),
Copy, Print and Save within two screens; the referral details on a page of their own, kept while moving
between pages; confirmations where the action was taken, gone once they no longer apply."""

from __future__ import annotations

import re

import pytest

from levels_of_need import api
from levels_of_need.present import inline_text

from .checker_helpers import (
    CHECKS,
    back_to_result,
    change_answer,
    continue_from,
    fill_check,
    open_checker,
    save_then_clear,
    wait_until,
    write_details,
)
from .result_kinds import first_action_box, result_kinds

PHONE = {"width": 360, "height": 740}

SHOWS_FIRST = (
    "(w) => document.querySelector('#lon-result .lon-first-action')?.innerText.replace(/\\s+/g, ' ').includes(w)"
)
BOX = """(selector) => { const box = document.querySelector(selector).getBoundingClientRect();
    return {top: box.top, bottom: box.bottom, screen: innerHeight}; }"""


def first_action_words(thresholds, check: dict) -> str:
    """Python's first action for this check, as its words: what the page must show first."""
    view = api.run(thresholds, check)["view"]
    [box] = [item for item in view if item.get("attrs", {}).get("class") == "lon-first-action"]
    return " ".join(inline_text(box["children"][1]).split())


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, accept_downloads=True, service_workers="block")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_checker(checker_at):
    """Medway's checker on a phone, started once for the module and started again for each test as a user starts
    again (conftest.checker_at), with the clipboard that Copy writes to and the tests read."""
    page = checker_at(PHONE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    return page


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_from_the_last_answer_the_first_action_is_on_the_first_screen_and_copy_within_two(checker_at, thresholds, name):
    page = checker_at(PHONE)
    check = CHECKS[name]
    assert fill_check(page, check) == []  # Continue on the last question: the result page
    expected = first_action_words(thresholds, check)
    assert wait_until(
        page,
        "(w) => document.querySelector('#lon-result .lon-first-action')?.innerText.replace(/\\s+/g, ' ').includes(w)",
        expected,
    )
    action = page.evaluate(BOX, "#lon-result .lon-first-action")
    assert action["top"] >= 0 and action["bottom"] <= action["screen"], action
    for button in ("#lon-copy", "#lon-print", "#lon-save"):
        where = page.evaluate(BOX, button)
        assert where["top"] >= 0 and where["bottom"] <= 2 * where["screen"], (button, where)
    # The level and route come before it, in Python's words.
    headline = api.run(thresholds, check)["headline"]
    assert page.inner_text("#lon-result h3") == headline
    if expected.startswith("Telephone"):
        link = page.locator("#lon-result .lon-first-action a[href^='tel:']").first
        assert link.inner_text() in expected


# A phone, and a 1280 x 720 screen at 200% zoom: on arrival at the result its title, which has the focus,
# is wholly in view clear of the sticky header, and the first action under it is wholly in view too where
# the screen has room for both (the phone); where it has not (200% zoom), the first action starts in view.
ARRIVAL_SCREENS = {"phone": ({"width": 360, "height": 740}, 3), "200% zoom": ({"width": 640, "height": 360}, 2)}
IN_VIEW = """(selector) => {
  const box = document.querySelector(selector).getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, clearTop: header.bottom, screen: innerHeight}; }"""


@pytest.mark.parametrize("screen", sorted(ARRIVAL_SCREENS))
@pytest.mark.parametrize("name", sorted(CHECKS))
def test_what_to_do_first_is_wholly_in_view_on_arrival(checker_at, thresholds, name, screen):
    page = checker_at(*ARRIVAL_SCREENS[screen])
    check = CHECKS[name]
    assert fill_check(page, check) == []
    assert wait_until(page, SHOWS_FIRST, first_action_words(thresholds, check))
    assert page.evaluate("document.activeElement.id") == "page-answers-title"
    title = page.evaluate(IN_VIEW, "#page-answers-title")
    back = page.evaluate(IN_VIEW, "#page-answers [data-back]")
    action = page.evaluate(IN_VIEW, "#lon-result .lon-first-action")
    assert title["top"] >= title["clearTop"] and title["bottom"] <= title["screen"], title
    assert back["top"] >= back["clearTop"], back  # the way back is never left under the header (issue 25)
    assert action["clearTop"] <= action["top"] < action["screen"], action
    if action["bottom"] - back["top"] <= action["screen"] - action["clearTop"]:  # room for all three
        assert action["bottom"] <= action["screen"], action
    if screen == "phone":
        assert action["bottom"] <= action["screen"], action


def test_an_emergency_leads_with_the_number_to_call_on_the_first_screen(phone_checker, thresholds):
    page = phone_checker
    page.check("#immediate_risk-yes")
    stop = page.evaluate(BOX, "#lon-stop")
    link = page.evaluate(BOX, "#lon-stop a[href^='tel:']")
    assert page.locator("#lon-stop").is_visible() and link["bottom"] <= stop["screen"], (stop, link)
    # The banner never covers the "Call now" panel: it is not shown while the panel is.
    assert page.locator("#lon-current").is_hidden()
    page.click("#lon-stop-result")
    expected = first_action_words(thresholds, {"answers": {"immediate_risk": "yes"}})
    assert expected.startswith("Call ")
    assert wait_until(
        page,
        "(w) => document.querySelector('#lon-result .lon-first-action')?.innerText.replace(/\\s+/g, ' ').includes(w)",
        expected,
    )
    action = page.evaluate(BOX, "#lon-result .lon-first-action")
    assert action["bottom"] <= action["screen"], action


def test_referral_details_have_their_own_page_and_nothing_typed_is_lost(phone_checker):
    page = phone_checker
    fill_check(page, CHECKS["early help"])
    assert page.locator("#detail-worry").is_hidden()  # not on the result page
    write_details(page)
    assert page.evaluate("document.activeElement.id") == "page-details-title"
    page.fill("#detail-worry", "seen on a home visit")
    page.fill("#detail-child_voice", "says she is scared")
    back_to_result(page)
    change_answer(page, "support_not_improving")
    page.check("#support_not_improving-yes")
    continue_from(page, "page-questions")
    write_details(page)
    assert page.input_value("#detail-worry") == "seen on a home visit"
    assert page.input_value("#detail-child_voice") == "says she is scared"
    assert wait_until(page, "() => document.getElementById('lon-summary').value.includes('seen on a home visit')")
    page.go_back()  # the browser's Back walks the pages, and keeps what was typed
    page.wait_for_selector("#page-answers:not([hidden])")
    page.go_forward()
    page.wait_for_selector("#page-details:not([hidden])")
    assert page.input_value("#detail-worry") == "seen on a home visit"


def test_on_the_referral_summary_page_copy_is_within_two_screens_and_copies_all_typed(phone_checker):
    """Ten boxes and a long summary: Copy comes before them, within two phone screens of the page as it
    arrives; what is typed in the boxes below stays, and is in what Copy copies."""
    page = phone_checker
    fill_check(page, CHECKS["early help"])
    write_details(page)
    copy = page.evaluate(BOX, "#lon-details-copy")
    assert copy["top"] >= 0 and copy["bottom"] <= 2 * copy["screen"], copy
    page.fill("#detail-worry", "seen on a home visit")
    page.fill("#detail-availability", "mornings by phone")
    page.click("#lon-details-copy")
    page.wait_for_selector("#lon-details-status:not([hidden])")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "seen on a home visit" in copied and "mornings by phone" in copied
    assert page.input_value("#detail-worry") == "seen on a home visit"
    assert page.input_value("#detail-availability") == "mornings by phone"
    status = page.evaluate(BOX, "#lon-details-status")
    assert status["top"] >= 0 and status["bottom"] <= status["screen"], status  # the confirmation, in view


def test_confirmations_show_where_the_action_was_taken_and_go_when_an_answer_changes(phone_checker):
    page = phone_checker
    fill_check(page, CHECKS["early help"])
    page.click("#lon-copy")
    page.wait_for_selector("#lon-action-status:not([hidden])")
    status, copy = page.evaluate(BOX, "#lon-action-status"), page.evaluate(BOX, "#lon-copy")
    assert 0 <= status["top"] - copy["bottom"] < 250  # under the buttons, in view
    with page.expect_download() as download:
        page.click("#lon-save")
    # Named by when it was saved, never by anything in the check.
    assert re.fullmatch(r"threshold-check-\d{4}-\d{2}-\d{2}-\d{4}\.json", download.value.suggested_filename)
    assert download.value.suggested_filename in page.inner_text("#lon-keep-status")
    page.check("#override")  # an answer changes: "copied" and "saved" were about the answers before
    gone = "() => ['lon-action-status', 'lon-keep-status'].every((id) => document.getElementById(id).hidden)"
    assert wait_until(page, gone)
    write_details(page)
    page.click("#lon-details-copy")
    page.wait_for_selector("#lon-details-status:not([hidden])")
    assert page.locator("#lon-action-status").is_hidden()


def test_opening_a_saved_check_moves_focus_to_its_first_heading(phone_checker, tmp_path):
    page = phone_checker
    fill_check(page, CHECKS["early help"])
    saved = save_then_clear(page, tmp_path)
    page.set_input_files("#lon-open", str(saved))
    page.wait_for_selector("#page-answers:not([hidden])")
    assert wait_until(page, "() => document.activeElement.id === 'page-answers-title'")
    assert "opened" in page.inner_text("#lon-keep-status")


# ---- Every kind of result (tests/browser/result_kinds.py) ------------------------------------------

TEL_IN_BOX = "#lon-result .lon-first-action a[href^='tel:']"
PLACES = """() => {
  const where = (el) => { if (!el) return null; const box = el.getBoundingClientRect();
    return { top: Math.round(box.top), bottom: Math.round(box.bottom) }; };
  return { screen: innerHeight, action: where(document.querySelector('#lon-result .lon-first-action')),
    call: where(document.querySelector("#lon-result .lon-first-action a[href^='tel:']")),
    dials: where([...document.querySelectorAll("#lon-result .lon-first-action > p > strong > a[href^='tel:']")].pop()),
    copy: where(document.getElementById('lon-copy')), print: where(document.getElementById('lon-print')),
    save: where(document.getElementById('lon-save')) }; }"""


def kind_name(kind: tuple) -> str:
    return "/".join(str(part) for part in kind)


def leads_with_unsure_advice(outcome: dict) -> bool:
    """Whether the first action's box holds the guidance's words for being unsure: its advice (no step leads), or
    an emergency's words the practitioner is not sure of (immediate risk), kept whole with their condition."""
    result = outcome["result"]
    unsure_advice = bool(result["unsure"]) and result["harm_step"] is None and not result["next_steps"]
    return unsure_advice or "immediate_risk" in result["unsure"]


def result_shown(page, thresholds, check: dict) -> bool:
    """Python's result for this check is on the page: its headline, and its first action's words if it has one."""
    outcome = api.run(thresholds, check)
    if not wait_until(page, "(h) => document.querySelector('#lon-result h3')?.innerText === h", outcome["headline"]):
        return False
    box = first_action_box(outcome["view"])
    return box is None or wait_until(page, SHOWS_FIRST, " ".join(inline_text(box["children"][1]).split()))


def test_every_kind_of_result_leads_with_what_to_do_now_on_the_first_phone_screen(
    phone, partnership_url, partnership_thresholds
):
    """At 360 x 740, from the last answer: the first action (its number to dial, where the guidance gives one)
    wholly in the first screen, and Copy, Print and Save within two, for one check of each kind of result."""
    page, thresholds = phone, partnership_thresholds
    open_checker(page, partnership_url)
    places, wrong = {}, []
    for kind, check in result_kinds(thresholds).items():
        assert fill_check(page, check) == [], check
        assert result_shown(page, thresholds, check), (kind, check)
        where = places[kind_name(kind)] = page.evaluate(PLACES)
        screen = where["screen"]
        outcome = api.run(thresholds, check)
        box = first_action_box(outcome["view"])
        # The whole box on the first screen, or, where it holds the guidance's advice for being unsure
        # (its words are long, and kept whole), every number it leads with.
        bottom = where["dials"] if box is not None and leads_with_unsure_advice(outcome) else where["action"]
        if box is not None and not (where["action"]["top"] >= 0 and bottom["bottom"] <= screen):
            wrong.append((kind_name(kind), "first action", where["action"], "numbers", where["dials"]))
        if "immediate_risk" in outcome["result"]["unsure"] and where["call"] is None:
            wrong.append((kind_name(kind), "unsure of immediate risk, and no number to call leads", check))
        for button in ("copy", "print", "save"):
            if where[button]["bottom"] > 2 * screen:
                wrong.append((kind_name(kind), button, where[button]))
        # Tapping Copy says so where it was tapped: the confirmation wholly on the screen.
        page.click("#lon-copy")
        assert wait_until(page, "() => !document.getElementById('lon-action-status').hidden")
        said = page.evaluate(BOX, "#lon-action-status")
        if not (said["top"] >= 0 and said["bottom"] <= said["screen"]):
            wrong.append((kind_name(kind), "the copy confirmation is off the screen", said))
    print("\n".join(f"{name}: {where}" for name, where in places.items()))
    assert not wrong, "\n".join(map(str, wrong))


# Where what is below a confirmation is, on the page (not the screen: the page may scroll to show the confirmation).
ON_THE_PAGE = "(s) => document.querySelector(s).getBoundingClientRect().top + scrollY"
LINE = "(s) => parseFloat(getComputedStyle(document.querySelector(s)).lineHeight)"
# Each confirmation, the button that gives it, and what comes next below it.
CONFIRMATIONS_BELOW = {
    "copied, on the result": ("#lon-copy", "#lon-action-status", "#lon-write"),
    "saved, on the result": ("#lon-save", "#lon-keep-status", "#lon-write"),
    "copied, on the referral details": ("#lon-details-copy", "#lon-details-status", "#detail-worry"),
}


@pytest.mark.parametrize("case", sorted(CONFIRMATIONS_BELOW))
def test_a_confirmation_moves_what_is_below_it_by_no_more_than_its_further_lines(phone_checker, case):
    """The confirmation shows in the line kept for it under the buttons: what is below moves by no more than the
    lines it takes beyond that one (it pushed the form down by 91 px: a box with its own margins and padding)."""
    button, status, below = CONFIRMATIONS_BELOW[case]
    page = phone_checker
    fill_check(page, CHECKS["early help"])
    if button.startswith("#lon-details"):
        write_details(page)
    before = page.evaluate(ON_THE_PAGE, below)
    if button == "#lon-save":
        with page.expect_download():
            page.click(button)
    else:
        page.click(button)
    page.wait_for_selector(f"{status}:not([hidden])")
    line = page.evaluate(LINE, status)
    lines = round(page.evaluate("(s) => document.querySelector(s).getBoundingClientRect().height", status) / line)
    moved = page.evaluate(ON_THE_PAGE, below) - before
    assert 0 <= moved <= (lines - 1) * line + 1, (case, moved, lines, line)
