"""The self-check as its users meet it: question pages and "Check your answers", finding a worry in
everyday words, feedback for every action, nothing lost by a slip, and a page that fits a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .checker_helpers import (
    accept_dialogs,
    back_to_result,
    change_answer,
    fill_check,
    open_checker,
    save_then_clear,
    see_the_result,
    tick,
    to_the_worries,
    wait_until,
    write_details,
)

NO = {"immediate_risk": "no", "significant_harm": "no", "consent": "given"}
PAGES = ["page-risk", "page-child", "page-worries", "page-strengths", "page-questions", "page-answers"]


def visible_worries(page) -> set[str]:
    return set(
        page.evaluate(
            """[...document.querySelectorAll('.lon-worry')].filter(w => w.checkVisibility())
                .map(w => w.querySelector('input').value)"""
        )
    )


# ---- Finding a worry --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "finds"),
    [
        ("alcohol", {"l2-controlled-substance-misuse", "l3-parental-substance-mental-health", "l2-drug-alcohol"}),
        ("drugs", {"l2-controlled-substance-misuse", "l3-parental-substance-mental-health", "l3-chronic-drug-alcohol"}),
        ("drinking", {"l3-parental-substance-mental-health", "l2-drug-alcohol"}),
        ("drink", {"l2-controlled-substance-misuse", "l3-chronic-drug-alcohol"}),
        ("dad", {"l2-poor-supervision", "l3-disguised-compliance", "l2-parent-health"}),
        ("mum", {"l2-inconsistent-care", "l3-parental-offending"}),
        ("hit", {"l3-suspicious-injury", "l3-evidence-of-abuse", "l2-domestic-abuse"}),
        ("smack", {"l3-suspicious-injury", "l3-evidence-of-abuse"}),
        ("hungry", {"l3-basic-needs-failure", "l2-low-income", "l3-failure-to-thrive"}),
        ("dirty", {"l2-poor-housing", "l3-basic-needs-failure", "l2-dental-decay"}),
        ("bruise", {"l3-non-mobile-bruising", "l3-suspicious-injury"}),
        ("DV", {"l2-domestic-abuse", "l3-domestic-abuse"}),
        ("FGM", {"l3-forced-marriage-hbv-fgm"}),
    ],
)
def test_everyday_words_find_the_worry(worries_page, words, finds):
    page = worries_page("10")
    page.fill("#lon-filter", words)
    shown = visible_worries(page)
    assert finds <= shown, words
    assert "l3-unaccompanied-minors" not in shown  # the filter hides what the words do not find
    assert page.locator("#lon-filter-none").is_hidden()
    assert f"{len(shown)} of " in page.inner_text("#lon-filter-count")


def test_a_worry_ticked_with_the_keyboard_keeps_the_focus(checker_at):
    """Space on a found worry ticks it and leaves the focus on it, with the filter's words typed or not (the
    worries are reordered as words are typed; moving the ticked one would drop the focus to the page)."""
    page = checker_at()
    to_the_worries(page)
    for typed, worry in (("hit", "l3-suspicious-injury"), ("", "l2-bullying")):
        page.fill("#lon-filter", typed)
        box = page.locator(f'input[name="indicator"][value="{worry}"]')
        if not box.is_visible():
            box.locator("xpath=ancestor::details[1]/summary").click()
        box.focus()
        page.keyboard.press("Space")
        expect(box).to_be_checked()
        assert page.evaluate("document.activeElement.value") == worry, typed
        page.keyboard.press("Space")  # and unticked again, still there
        expect(box).not_to_be_checked()
        assert page.evaluate("document.activeElement.value") == worry, typed


def test_self_harm_is_found_however_it_is_written(checker_at):
    page = checker_at()
    to_the_worries(page)
    found = {}
    for words in ("self harm", "self-harm", "selfharm"):
        page.fill("#lon-filter", words)
        found[words] = visible_worries(page)
    assert found["self harm"] == found["self-harm"] == found["selfharm"]
    assert {"l2-mental-health", "l3-severe-mental-health"} <= found["self harm"]


def test_a_word_that_finds_nothing_offers_words_and_browsing(checker_at):
    page = checker_at()
    to_the_worries(page)
    page.fill("#lon-filter", "xylophone")
    page.wait_for_selector("#lon-filter-none:not([hidden])")
    assert "No worry matches those words." in page.inner_text("#lon-filter-none")
    suggestions = page.locator("#lon-filter-none [data-filter]")
    assert suggestions.count() >= 5
    word = suggestions.first.inner_text()
    suggestions.first.click()
    assert page.input_value("#lon-filter") == word
    assert visible_worries(page) and page.locator("#lon-filter-none").is_hidden()
    page.fill("#lon-filter", "xylophone")
    page.click("#lon-filter-browse")
    assert page.input_value("#lon-filter") == ""
    headings = page.locator("#lon-worries .lon-group-summary")
    assert headings.count() == 3 and all(headings.nth(n).is_visible() for n in range(3))
    assert visible_worries(page) == set()  # the groups are closed: browse by heading


def test_a_word_that_finds_nothing_offers_the_nearest_words_the_words_page_and_the_guidances_not_sure(
    strict_context, medway_url, thresholds
):
    # Issue 26.4: two letters wrong ("bruzes") is more than the one slip forgiven, so nothing is found;
    # the words nearest to it are offered, each finding its worries, with the everyday words page and
    # the guidance's own words for a practitioner who is not sure.
    from toolkit.site.nothing_found import not_sure_advice

    page = strict_context.new_page()
    open_checker(page, medway_url)
    to_the_worries(page)
    page.fill("#lon-filter", "bruzes")
    none = page.locator("#lon-filter-none")
    expect(none).to_be_visible()
    nearest = page.locator("#lon-filter-nearest-words [data-filter]")
    expect(nearest.first).to_be_visible()
    assert any(nearest.nth(n).inner_text().startswith("brui") for n in range(nearest.count()))
    words_page = none.get_by_role("link", name="everyday words")
    assert words_page.is_visible() and words_page.get_attribute("href").rstrip("/").endswith("words")
    assert f"The guidance says: “{not_sure_advice(thresholds)}”" in none.inner_text()
    nearest.first.click()
    assert visible_worries(page) and none.is_hidden()


# ---- The flow ------------------------------------------------------------------------------------------


def test_a_typical_check_reaches_its_result_within_12_phone_screens(browser, medway_url):
    """At 360 px, what a person scrolls through on each page, from its title to Continue, and on
    "Check your answers" to the result, adds up to at most 12 screens."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, service_workers="block")
    page = context.new_page()
    open_checker(page, medway_url)
    travelled = 0.0

    def span(first: str, last: str) -> float:
        return page.evaluate(
            """([a, b]) => document.querySelector(b).getBoundingClientRect().bottom
                - document.querySelector(a).getBoundingClientRect().top""",
            [first, last],
        )

    page.check("#immediate_risk-no")
    travelled += span("#page-risk-title", "#page-risk .lon-continue")
    page.click("#page-risk .lon-continue")
    page.fill("#age", "9")
    travelled += span("#page-child-title", "#page-child .lon-continue")
    page.click("#page-child .lon-continue")
    page.fill("#lon-filter", "drink")
    page.check("#ind-l3-parental-substance-mental-health")
    page.fill("#lon-filter", "")
    tick(page, "l2-poor-supervision")
    travelled += span("#page-worries-title", "#page-worries .lon-continue")
    page.click("#page-worries .lon-continue")
    # Continue waits for Python's answer to the worries ticked: the next page is measured once it has come.
    page.wait_for_selector("#page-strengths:not([hidden])", timeout=30_000)
    travelled += span("#page-strengths-title", "#page-strengths .lon-continue")
    page.click("#page-strengths .lon-continue")
    for answer in ("significant_harm-no", "support_not_improving-no", "social_worker-none", "consent-given"):
        page.check(f"#{answer}")
    travelled += span("#page-questions-title", "#page-questions .lon-continue")
    page.click("#page-questions .lon-continue")
    page.wait_for_selector("#lon-result[data-route=child-in-need]")
    travelled += span("#page-answers-title", "#lon-result h3")
    screens = travelled / 640
    context.close()
    assert screens <= 12, f"{screens:.1f} screens"


def test_back_walks_the_pages_and_change_returns_to_check_your_answers(checker_at):
    page = checker_at()
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 8, "answers": NO})
    assert page.locator("#page-answers").is_visible()
    page.go_back()
    assert page.locator("#page-questions").is_visible()
    page.click("#page-questions [data-back]")
    # Back is history.back(): the page before shows once the browser has gone back, a moment after the click.
    expect(page.locator("#page-strengths")).to_be_visible(timeout=30_000)
    assert page.url.endswith("/check/")  # the pages never change the address
    see_the_result(page)
    change_answer(page, "age")
    assert page.locator("#page-child").is_visible()
    assert page.evaluate("document.activeElement.id") == "page-child-title"
    page.fill("#age", "3")
    page.click("#page-child .lon-continue")
    page.wait_for_selector("#page-answers:not([hidden])")  # Continue after "Change" goes back to the answers
    assert wait_until(page, "() => document.getElementById('lon-answers').innerText.includes('3 years')")


def test_the_current_suggestion_stays_in_view_once_the_result_is_complete(checker_at):
    page = checker_at()
    to_the_worries(page, "8")
    tick(page, "l2-bereavement")
    page.click("#page-worries .lon-continue")
    page.click("#page-strengths .lon-continue")
    page.wait_for_selector("#page-questions:not([hidden])")
    assert page.locator("#lon-current").is_hidden()  # not complete: significant harm unanswered
    page.check("#significant_harm-no")
    page.check("#consent-given")  # early help requires consent: the route waits for it (issue 22, W1)
    page.wait_for_selector("#lon-current:not([hidden])")
    current = page.inner_text("#lon-current")
    assert "Suggested level: Level 2: Early Help." in current
    assert page.evaluate("getComputedStyle(document.getElementById('lon-current')).position") == "sticky"
    box = page.locator("#lon-current").bounding_box()
    assert box["y"] + box["height"] <= page.viewport_size["height"] + 1  # in view at the foot of the screen
    page.click("#lon-current-go")
    assert page.locator("#page-answers").is_visible()
    assert page.locator("#lon-current").is_hidden()  # the result itself is on this page


def test_the_live_region_announces_only_a_short_headline(strict_context, medway_url):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 8, "answers": NO})
    assert wait_until(
        page,
        "() => document.getElementById('lon-result-announce').textContent === 'Suggested level: Level 2: Early Help.'",
    )
    assert page.get_attribute("#lon-result", "aria-live") is None
    assert page.get_attribute("#lon-result", "aria-atomic") is None


# ---- Feedback and safety nets ------------------------------------------------------------------------


def test_every_action_is_confirmed_where_the_user_is_looking(strict_context, medway_url, tmp_path):
    strict_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=medway_url)
    page = strict_context.new_page()
    open_checker(page, medway_url)
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 8, "answers": NO})
    page.click("#lon-copy")
    page.wait_for_selector("#lon-action-status:not([hidden])")
    assert page.inner_text("#lon-action-status") == "The summary has been copied. Paste it into the referral form."
    with page.expect_download():
        page.click("#lon-download")
    assert wait_until(page, "() => document.getElementById('lon-download-status').textContent.includes('downloaded')")
    with page.expect_download() as download:
        page.click("#lon-save")
    page.wait_for_selector("#lon-keep-status:not([hidden])")
    assert "saved to a file" in page.inner_text("#lon-keep-status")
    saved = tmp_path / "check.json"
    download.value.save_as(saved)
    page.set_input_files("#lon-open", str(saved))
    page.wait_for_selector("#lon-replace-ask:not([hidden])")  # this page has answers: it asks first
    assert "What you have entered here will be lost" in page.inner_text("#lon-replace-ask")
    page.click("#lon-replace-confirm")
    assert wait_until(page, "() => document.getElementById('lon-keep-status').textContent.includes('opened')")


def test_blocked_copying_shows_the_way_to_copy_by_hand(strict_context, medway_url):
    page = strict_context.new_page()
    page.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new Error('blocked'))")
    open_checker(page, medway_url)
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 8, "answers": NO})
    page.click("#lon-copy")
    # The summary box is on the referral details page: there it is selected, and the way to copy said,
    # in view over it (the buttons are at the top of that page, far above the summary).
    page.wait_for_selector("#lon-summary-status:not([hidden])")
    assert "press Control and C" in page.inner_text("#lon-summary-status")
    assert page.evaluate("document.activeElement.id") == "lon-summary"
    message = page.evaluate(
        "(() => { const r = document.getElementById('lon-summary-status').getBoundingClientRect();"
        " return [r.top, r.bottom, innerHeight]; })()"
    )
    assert message[0] >= 0 and message[1] <= message[2], message
    selected = page.evaluate(
        "(() => { const s = document.getElementById('lon-summary'); return s.selectionEnd - s.selectionStart; })()"
    )
    assert selected == len(page.input_value("#lon-summary")) > 0


def test_clear_asks_first_and_sits_apart_from_save_and_open(checker_at):
    page = checker_at()
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 8, "answers": NO})
    write_details(page)
    page.fill("#detail-worry", "ten minutes of typing")
    back_to_result(page)
    clear_section = page.evaluate(
        "document.getElementById('lon-clear').closest('.lon-buttons').previousElementSibling.id"
    )
    assert clear_section == "step-clear"
    buttons = "(id) => document.getElementById(id).closest('.lon-buttons')"
    assert page.evaluate(f"({buttons})('lon-save') !== ({buttons})('lon-clear')")
    page.click("#lon-clear")
    assert page.locator("#lon-clear-ask").is_visible()
    assert "cannot be undone" in page.inner_text("#lon-clear-ask")
    page.click("#lon-clear-cancel")
    assert page.input_value("#detail-worry") == "ten minutes of typing"
    page.click("#lon-clear")
    page.click("#lon-clear-confirm")
    page.wait_for_selector("#page-risk:not([hidden])")
    assert page.input_value("#detail-worry") == ""


def test_leaving_or_reloading_with_answers_asks_first(strict_context, medway_url):
    page = strict_context.new_page()
    dialogs = accept_dialogs(page)
    open_checker(page, medway_url)
    page.reload()  # nothing entered yet: no question
    page.wait_for_selector("form[data-engine=ready]", timeout=60_000)
    assert dialogs == []
    page.check("#immediate_risk-no")
    page.goto(f"{medway_url}/contacts/")
    assert dialogs == ["beforeunload"]


def test_the_summary_shows_once_on_screen(checker_at):
    page = checker_at()
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 8, "answers": NO})
    assert wait_until(page, "() => document.getElementById('lon-summary-print').textContent.length > 0")
    write_details(page)
    assert page.locator("#lon-summary").is_visible()
    assert page.locator("#lon-summary-print").is_hidden()


def test_open_a_saved_check_shows_its_focus_like_a_button(checker_at):
    page = checker_at()
    fill_check(page, {"indicators": [], "age": 8, "answers": NO})
    page.focus("#override")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "lon-open"
    label = "document.querySelector('label[for=lon-open]')"
    style = page.evaluate(f"(s => [s.outlineStyle, s.outlineWidth, s.backgroundColor])(getComputedStyle({label}))")
    assert style == ["solid", "3px", "rgb(255, 221, 0)"]
    heights = page.evaluate(
        f"[document.getElementById('lon-save'), {label}].map(e => e.getBoundingClientRect().height)"
    )
    assert abs(heights[0] - heights[1]) < 2  # the two look and line up alike


# ---- Reflow --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [320, 360])
def test_check_never_scrolls_sideways_in_any_state(browser, medway_url, width):
    context = browser.new_context(viewport={"width": width, "height": 640}, service_workers="block")
    page = context.new_page()
    open_checker(page, medway_url)
    too_wide = {}

    def measure(state: str) -> None:
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            too_wide[state] = scroll

    measure("first page")
    page.check("#immediate_risk-yes")
    measure("call now")
    page.check("#immediate_risk-no")
    page.click("#page-risk .lon-continue")
    page.fill("#age", "seven")
    page.click("#page-child .lon-continue")
    page.wait_for_selector("#lon-error-summary:not([hidden])")
    measure("age error")
    page.fill("#age", "7")
    page.click("#page-child .lon-continue")
    for group in page.locator("#lon-worries .lon-group-summary").all():
        group.click()
    for ladder in page.locator("#lon-worries .lon-ladder > summary").all()[:5]:
        ladder.click()
    page.check("#ind-l3-fabricated-illness")
    measure("every worry open")
    page.fill("#lon-filter", "zzzz")
    measure("nothing found")
    page.fill("#lon-filter", "")
    page.click("#page-worries .lon-continue")
    page.click("#page-strengths .lon-continue")
    page.check("#significant_harm-no")
    page.wait_for_selector("#confirm-box-l3-fabricated-illness:not([hidden])")
    measure("challenge")
    page.click("#page-questions .lon-continue")
    page.wait_for_selector("#lon-answers .lon-summary-row")
    page.check("#override")
    write_details(page)
    page.fill("#detail-worry", "x" * 300)
    measure("referral details")
    back_to_result(page)
    page.click("#lon-clear")
    measure("check your answers, result, summary and clear")
    page.emulate_media(media="print")
    measure("print")
    context.close()
    assert too_wide == {}


# ---- Found by a fresh review as a DSL would use it ---------------------------------------------


def test_continue_asks_for_the_immediate_risk_answer_the_result_needs(checker_at):
    page = checker_at()
    page.click("#page-risk .lon-continue")
    page.wait_for_selector("#lon-error-summary:not([hidden])")
    assert "Answer the question: Is the child at imminent and significant risk of harm now?" in page.inner_text(
        "#lon-error-summary"
    )
    assert page.locator("#page-risk").is_visible()
    page.check("#immediate_risk-no")
    page.click("#page-risk .lon-continue")
    page.wait_for_selector("#page-child:not([hidden])")
    page.locator("#age").press("Enter")  # Enter continues too; the age is asked for
    page.wait_for_selector("#lon-error-summary:not([hidden])")
    assert "Enter the child’s age in years, or tick that the child is not born yet" in page.inner_text(
        "#lon-error-summary"
    )
    page.fill("#age", "6")
    page.locator("#age").press("Enter")
    page.wait_for_selector("#page-worries:not([hidden])")


@pytest.mark.parametrize(
    ("words", "finds"),
    [
        ("her dad drinks a lot", {"l3-parental-substance-mental-health", "l2-controlled-substance-misuse"}),
        ("alcoholic", {"l2-drug-alcohol", "l3-chronic-drug-alcohol"}),
        ("binge drinking at weekends", {"l2-drug-alcohol", "l3-chronic-drug-alcohol"}),
        ("abusive partner", {"l2-domestic-abuse", "l3-domestic-abuse"}),
    ],
)
def test_phrases_find_worries_by_the_words_that_find_something(worries_page, words, finds):
    page = worries_page("14")
    page.fill("#lon-filter", words)
    assert finds <= visible_worries(page), words


def test_chosen_worries_stay_in_sight_when_the_words_are_cleared(checker_at):
    page = checker_at()
    to_the_worries(page, "14")
    page.fill("#lon-filter", "drinking")
    page.check("#ind-l2-drug-alcohol")
    page.fill("#lon-filter", "")
    assert "l2-drug-alcohol" in visible_worries(page)
    assert "1 chosen" in page.inner_text("#group-child-development > summary")


def test_a_saved_check_opens_from_the_first_page_and_asks_before_replacing_typing(checker_at, tmp_path):
    page = checker_at()
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 8, "answers": NO})
    saved = save_then_clear(page, tmp_path)
    with page.expect_file_chooser() as chooser:
        page.click("#lon-open-start")
    chooser.value.set_files(str(saved))
    page.wait_for_selector("#page-answers:not([hidden])")
    assert "The saved check has been opened." in page.inner_text("#lon-keep-status")
    write_details(page)
    page.fill("#detail-worry", "typed since opening")
    back_to_result(page)
    page.set_input_files("#lon-open", str(saved))
    page.wait_for_selector("#lon-replace-ask:not([hidden])")
    page.keyboard.press("Escape")  # no: keep this page
    assert page.input_value("#detail-worry") == "typed since opening"
    assert page.locator("#lon-keep-status").is_hidden() and "not opened" in page.inner_text("#lon-open-error")
    page.set_input_files("#lon-open", str(saved))
    page.click("#lon-replace-confirm")
    assert wait_until(page, "() => document.getElementById('detail-worry').value === ''")
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    page.set_input_files("#lon-open", str(bad))
    page.wait_for_selector("#lon-open-error:not([hidden])")
    assert page.locator("#lon-keep-status").is_hidden()  # never an old success beside a new refusal


def test_clear_asks_its_question_first_and_escape_keeps_the_answers(checker_at):
    page = checker_at()
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 8, "answers": NO})
    page.click("#lon-clear")
    assert page.evaluate("document.activeElement.id") == "lon-clear-ask"
    page.keyboard.press("Enter")  # on the question, Enter clears nothing
    page.keyboard.press("Escape")
    assert page.locator("#lon-clear-ask").is_hidden()
    assert page.is_checked("#ind-l2-bereavement")


def test_a_challenge_is_explained_beside_its_confirmations_and_its_reason_is_recorded(checker_at):
    page = checker_at()
    fill_check(page, {"indicators": ["l3-fabricated-illness"], "age": 4, "answers": NO})
    change_answer(page, "significant_harm")
    assert "its own words describe harm or abuse" in page.inner_text("#lon-confirmations")
    page.check("#confirm-l3-fabricated-illness")
    page.fill("#confirm_note", "a known condition, confirmed by the consultant")
    page.click("#page-questions .lon-continue")
    assert wait_until(
        page, "() => document.getElementById('lon-summary').value.includes('My reason: a known condition')"
    )
