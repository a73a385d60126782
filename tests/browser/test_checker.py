"""The self-check in headless Chromium: privacy, network lock, CSP, parity with the CLI,
keyboard, axe in every state, failure modes, and saving to a file."""

from __future__ import annotations

import io
import json
import re
import time
import uuid
from urllib.parse import urlparse

import pytest
from pypdf import PdfReader

from levels_of_need import api

from .checker_helpers import (
    FAILED,
    SNAPSHOT,
    accept_dialogs,
    back_to_result,
    change_answer,
    clear_check,
    cli,
    cli_args,
    cli_result_text,
    fill_check,
    open_checker,
    open_saved,
    result_words,
    see_the_result,
    tab_to,
    wait_for_result,
    wait_until,
    write_details,
)
from .conftest import axe_violations

TEXT_FIELDS = [
    "consent_note",
    "override_reason",
    "detail-worry",
    "detail-impact",
    "detail-tried",
    "detail-worked",
    "detail-professionals",
    "detail-child_voice",
    "detail-strengths",
    "detail-needs",
    "detail-family_view",
    "detail-availability",
]

STORAGE_DUMP = """async () => {
    const out = {cookie: document.cookie, local: JSON.stringify({...localStorage}),
                 session: JSON.stringify({...sessionStorage}), idb: [], caches: []};
    for (const db of (await indexedDB.databases())) out.idb.push(db.name);
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            const response = await cache.match(request);
            out.caches.push(request.url + ' ' + (await response.text()));
        }
    }
    return JSON.stringify(out);
}"""


def test_privacy_canary_never_leaves_the_page(strict_context, medway_url, tmp_path):
    canary = f"CANARY-{uuid.uuid4().hex}"
    strict_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=medway_url)
    requests = []
    strict_context.on("request", lambda r: requests.append(r))
    page = strict_context.new_page()
    dialogs = accept_dialogs(page)
    open_checker(page, medway_url)

    check = {
        "indicators": ["l2-domestic-abuse", "l1-supportive-networks"],
        "age": 0,
        "answers": {
            "immediate_risk": "no",
            "significant_harm": "unsure",
            "consent": "not-sought",
            "social_worker": "none",
            "support_not_improving": "no",
        },
    }
    fill_check(page, check)
    change_answer(page, "worries")
    page.fill("#lon-filter", canary)  # the filter box too
    page.fill("#lon-filter", "")
    see_the_result(page)
    page.check("#override")
    page.select_option("#override_level", "statutory")
    for field in TEXT_FIELDS:
        # Consent not sought: why, offered with the referral details; the reason for a different level, on the result.
        if field.startswith("detail-") or field == "consent_note":
            write_details(page)
        elif page.locator("#page-details").is_visible():
            back_to_result(page)
        page.fill(f"#{field}", f"{field} {canary}")
    page.locator("#detail-availability").blur()
    assert wait_until(page, "(c) => document.getElementById('lon-summary').value.includes(c)", canary)
    back_to_result(page)

    page.click("#lon-copy")
    page.wait_for_selector("#lon-action-status:not([hidden])")
    assert "copied" in page.inner_text("#lon-action-status")
    assert canary in page.evaluate("navigator.clipboard.readText()")
    with page.expect_download() as download:
        page.click("#lon-download")
    saved = tmp_path / "summary.txt"
    download.value.save_as(saved)
    assert canary in saved.read_text(encoding="utf-8")
    with page.expect_download() as download:
        page.click("#lon-save")
    check_file = tmp_path / "check.json"
    download.value.save_as(check_file)
    assert canary in check_file.read_text(encoding="utf-8")  # the user's own file: the only way to keep a check

    origin = urlparse(medway_url).netloc
    assert len(requests) > 10
    for request in requests:
        parsed = urlparse(request.url)
        if parsed.scheme in ("blob", "data"):
            continue
        assert parsed.netloc == origin, request.url
        assert request.method == "GET", request.url
        assert request.post_data is None, request.url
        assert canary not in request.url
        assert canary not in json.dumps(request.all_headers())

    assert canary not in page.url
    assert canary not in page.evaluate(STORAGE_DUMP)
    assert canary not in json.dumps(strict_context.cookies())
    page.reload()
    assert dialogs == ["beforeunload"]  # the page asked before the reload wiped the check
    page.wait_for_selector("form[data-engine=ready]", timeout=60_000)
    assert canary not in page.evaluate(STORAGE_DUMP)
    values = dict(page.evaluate(SNAPSHOT))
    assert all(value in ("", False) for value in values.values()), values
    assert canary not in page.input_value("#lon-summary")  # regenerated from the empty form


def test_form_keeps_nothing_in_browser_memory_by_design(strict_context, medway_url):
    page = strict_context.new_page()
    page.goto(f"{medway_url}/check/")
    assert page.get_attribute("#lon-check", "autocomplete") == "off"
    for field in ["age", "consent_note", "override_reason", "lon-filter", *TEXT_FIELDS[2:]]:
        assert page.get_attribute(f"#{field}", "autocomplete") == "off", field


def test_network_lock_python_cannot_send_anything(strict_context, medway_url):
    requests = []
    strict_context.on("request", lambda r: requests.append(r.url))
    page = strict_context.new_page()
    open_checker(page, medway_url)
    # The worker's Python tried fetch, XMLHttpRequest, WebSocket and EventSource after the lock.
    assert page.get_attribute("#lon-check", "data-network-locked") == "true"
    assert "switched off" in page.inner_text("#lon-status")
    assert not [url for url in requests if "probe-network" in url or url.startswith("ws:")]


def test_csp_has_no_violations_and_no_console_errors_during_a_full_check(strict_context, medway_url):
    page = strict_context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script("""document.addEventListener('securitypolicyviolation',
        e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))""")
    open_checker(page, medway_url)
    csp = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    for directive in (
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
        "connect-src 'self'",
        "worker-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "base-uri 'none'",
        "form-action 'none'",
    ):
        assert directive in csp
    fill_check(
        page,
        {
            "indicators": ["l3-private-fostering"],
            "age": 15,
            "answers": {**NO_RISK, "significant_harm": "no", "consent": "given"},
        },
    )
    write_details(page)
    page.fill("#detail-worry", "a worry")
    back_to_result(page)
    page.check("#override")
    page.select_option("#override_level", "early-help")
    page.fill("#override_reason", "a reason")
    page.locator("#override_reason").blur()
    assert wait_until(page, "() => document.getElementById('lon-summary').value.includes('a reason')")
    assert errors == []


NO_RISK = {"immediate_risk": "no"}
CHECKS = [
    {},
    {"indicators": ["l1-good-attendance"], "age": 6, "answers": {**NO_RISK, "significant_harm": "no"}},
    {"indicators": ["l2-bereavement"], "age": 4, "answers": NO_RISK},
    {"indicators": ["l2-domestic-abuse"], "unborn": True, "answers": NO_RISK},
    {"indicators": ["l2-domestic-abuse"], "age": 0},
    {"indicators": ["l2-domestic-abuse"], "age": 4, "answers": {**NO_RISK, "significant_harm": "no"}},
    {"indicators": ["l2-underage-sexual-activity"], "age": 12, "answers": {**NO_RISK, "significant_harm": "unsure"}},
    {"indicators": ["l3-16-17-homeless"], "age": 16, "answers": {**NO_RISK, "significant_harm": "no"}},
    {
        "indicators": ["l2-bereavement"],
        "age": 9,
        "answers": {**NO_RISK, "significant_harm": "no", "support_not_improving": "yes"},
    },
    {
        "indicators": ["l2-poor-housing"],
        "age": 3,
        "answers": {**NO_RISK, "significant_harm": "no", "consent": "refused"},
    },
    {
        "indicators": ["l3-private-fostering"],
        "age": 15,
        "answers": {**NO_RISK, "social_worker": "recent", "significant_harm": "no"},
    },
    {
        "indicators": ["l3-non-mobile-bruising", "l1-secure-home"],
        "age": 0,
        "answers": {**NO_RISK, "significant_harm": "yes"},
    },
    {"indicators": ["l3-fabricated-illness"], "age": 5, "answers": {**NO_RISK, "significant_harm": "no"}},
    {
        "indicators": ["l3-fabricated-illness"],
        "age": 5,
        "answers": {**NO_RISK, "significant_harm": "no"},
        "confirmed": ["l3-fabricated-illness"],
    },
    {
        "indicators": ["l2-radicalisation", "l3-exploitation"],
        "age": 14,
        "answers": {**NO_RISK, "significant_harm": "yes"},
    },
    # "Yes" to immediate risk is the first page, and the check stops there: no worry is chosen on the page.
    {"indicators": [], "answers": {"immediate_risk": "yes"}},
]


def test_the_page_shows_what_the_cli_says_word_for_word(checker_at, thresholds, tmp_path):
    """The visible result and the summary are Python's: the same words as `python -m toolkit`. A check
    that leaves out an answer the result needs stops where Continue asks for it, in Python's words;
    its result, as a saved check opened on the page shows it, is still the CLI's."""
    page = checker_at()
    assert len(CHECKS) >= 12
    stopped = 0
    for check in CHECKS:
        expected = cli_result_text(check)
        asked = fill_check(page, check)
        if asked:
            stopped += 1
            required = {r["message"] for r in api.page_answer(thresholds, check)["required"]}
            assert set(asked) <= required, check
            assert page.locator("#page-answers").is_hidden()
            open_saved(page, thresholds, check, tmp_path)
        assert wait_for_result(page, expected) == expected, check
        summary = cli("summary", *cli_args(check))
        assert wait_until(page, "(s) => document.getElementById('lon-summary').value === s", summary), check
    assert 0 < stopped < len(CHECKS)


def test_level_3_with_significant_harm_unanswered_shows_no_route_and_no_consent_step(checker_at, thresholds, tmp_path):
    page = checker_at()
    check = {"indicators": ["l3-forced-marriage-hbv-fgm"], "age": 14, "answers": NO_RISK}
    # Continue on the questions asks question 5 first; nothing on the page shows a route meanwhile.
    asked = fill_check(page, check)
    assert asked == [
        "Answer the question: Do you have reasonable cause to suspect the child is suffering, "
        "or is likely to suffer, significant harm?"
    ]
    visible = page.inner_text("body")
    assert "Child in need (s.17)" not in visible and "Child protection (s.47)" not in visible
    assert "Next steps" not in visible
    # Opened from a file with question 5 unanswered, the result says so and shows no route.
    open_saved(page, thresholds, check, tmp_path)
    shown = wait_for_result(page, cli_result_text(check))
    text = " ".join(shown)
    assert shown[0] == "Suggested level: Level 3: Statutory Social Care. The route is not decided yet."
    assert "Child in need (s.17)" not in text and "Child protection (s.47)" not in text
    assert "consent" not in text.lower() and "Next steps" not in text
    assert "Do you have reasonable cause to suspect the child is suffering" in text
    assert page.get_attribute("#lon-result", "data-route") == ""
    summary = page.input_value("#lon-summary")
    assert "The route is not decided yet." in summary and "Child in need (s.17)" not in summary
    # The answer "no" is challenged, and the route shows only once it is confirmed.
    change_answer(page, "significant_harm")
    page.check("#significant_harm-no")
    page.wait_for_selector("#confirm-box-l3-forced-marriage-hbv-fgm:not([hidden])")
    page.click("#page-questions .lon-continue")
    assert "Check your answer" in result_words(page)
    assert page.get_attribute("#lon-result", "data-route") == ""
    change_answer(page, "significant_harm")
    page.check("#confirm-l3-forced-marriage-hbv-fgm")
    page.click("#page-questions .lon-continue")
    page.wait_for_selector("#lon-result[data-route=child-in-need]")
    assert "You confirmed your answer “No”" in result_words(page)


def test_a_rule_describing_harm_and_a_worry_for_another_age_are_challenged_then_confirmed(checker_at):
    """Issue 22: a 12-year-old ticked under the Level 2 teenage pregnancy worry, "no" to significant harm: the
    guidance's "(Statutory rape)" rule and the worry's age band are both challenged, as the CLI does."""
    page = checker_at()
    check = {
        "indicators": ["l2-teenage-pregnancy"],
        "age": 12,
        "answers": {**NO_RISK, "significant_harm": "no", "consent": "given"},
    }
    assert fill_check(page, check) == []
    shown = wait_for_result(page, cli_result_text(check))
    text = " ".join(shown)
    assert "(Statutory rape)" in text and "though the checker offers it only for children aged 13 or over" in text
    assert page.get_attribute("#lon-result", "data-route") == "" and "seek their consent" not in text
    confirmed = {**check, "confirmed": ["sexual-activity-or-pregnancy-under-13", "age:l2-teenage-pregnancy"]}
    assert fill_check(page, confirmed) == []
    assert wait_for_result(page, cli_result_text(confirmed))
    page.wait_for_selector("#lon-result[data-route=child-in-need]")
    assert "You confirmed your answer “No”" in result_words(page)


def test_an_age_outside_the_guidance_is_an_error_and_the_page_waits_for_it(checker_at):
    page = checker_at()
    answers = {**NO_RISK, "significant_harm": "no", "consent": "given"}
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 4, "answers": answers})
    page.wait_for_selector("#lon-result[data-route=early-help]")
    change_answer(page, "age")
    page.fill("#age", "30")
    page.click("#page-child .lon-continue")
    page.wait_for_selector("#age-error:not([hidden])")
    message = "Enter an age from 0 to 18: this guidance is for children and their families (0 – 18 years)"
    assert message in page.inner_text("#age-error")
    assert message in page.inner_text("#lon-error-summary")
    assert page.locator("#page-child").is_visible()  # Continue waits until the age is one
    # The result and the summary never belong to other answers than the form's.
    assert "Level 2" not in result_words(page)
    assert page.input_value("#lon-summary") == ""
    page.fill("#age", "3")
    page.click("#page-child .lon-continue")
    page.wait_for_selector("#page-answers:not([hidden])")
    assert page.locator("#lon-error-summary").is_hidden()


def test_immediate_risk_stops_the_check_and_shows_the_numbers(checker_at, thresholds):
    page = checker_at()
    page.check("#immediate_risk-yes")
    assert page.locator("#lon-stop").is_visible()
    assert not page.locator("#lon-after-risk").is_visible()
    assert "999" in page.inner_text("#lon-stop") and "01634 334466" in page.inner_text("#lon-stop")
    see_the_result(page)
    page.wait_for_selector("#lon-result[data-emergency=true]")
    result = page.inner_text("#lon-result")
    assert result.startswith("Immediate risk: call now.")
    # The first to call leads, in the box of what to do first; each other contact to call leads with its
    # name and number, then the guidance's words on when.
    emergency = next(rule for rule in thresholds.rules if rule.kind == "emergency")
    first = next(contact for contact in emergency.contacts if contact.phone)
    assert f"Call {first.phone} now." in page.inner_text("#lon-result .lon-first-action")
    others = [contact for contact in emergency.contacts if contact is not first]
    items = page.locator("#lon-result ol > li").all_inner_texts()
    assert len(items) == len(others)
    for item, contact in zip(items, others, strict=True):
        assert item.startswith(f"{contact.name}: {contact.phone}"), item
    assert "Please note" not in result


def test_keyboard_only_run_through_the_whole_check(strict_context, medway_url):
    strict_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=medway_url)
    page = strict_context.new_page()
    open_checker(page, medway_url)
    tab_to(page, "immediate_risk-yes")
    page.keyboard.press("ArrowDown")  # radio group: arrows choose "No"
    assert page.is_checked("#immediate_risk-no")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Continue
    page.wait_for_selector("#page-child:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "page-child-title"  # focus moves to the new page
    tab_to(page, "age")
    page.keyboard.type("1")
    tab_to(page, "unborn")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("#page-worries:not([hidden])")
    tab_to(page, "lon-filter")
    page.keyboard.type("bruise")
    tab_to(page, "ind-l3-non-mobile-bruising")
    page.keyboard.press("Space")
    page.evaluate("document.querySelector('#page-worries .lon-continue').focus()")
    assert page.evaluate("document.activeElement.textContent") == "Continue"
    page.keyboard.press("Enter")
    page.wait_for_selector("#page-strengths:not([hidden])")
    tab_to(page, "page-strengths-title")
    page.keyboard.press("Shift+Tab")  # Back, then forward again by keyboard alone
    page.keyboard.press("Enter")
    page.wait_for_selector("#page-worries:not([hidden])")
    assert page.is_checked("#ind-l3-non-mobile-bruising")
    page.go_forward()
    page.wait_for_selector("#page-strengths:not([hidden])")
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.classList.contains('lon-continue')") is False:
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("#page-questions:not([hidden])")
    tab_to(page, "significant_harm-yes")
    page.keyboard.press("Space")
    tab_to(page, "consent-given")
    page.keyboard.press("Space")
    while page.evaluate("document.activeElement.classList.contains('lon-continue')") is False:
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("#lon-result[data-route=child-protection]")
    tab_to(page, "lon-write")
    page.keyboard.press("Enter")
    tab_to(page, "detail-worry")
    page.keyboard.type("seen on a home visit")
    tab_to(page, "lon-details-copy")
    page.keyboard.press("Enter")
    page.wait_for_selector("#lon-details-status:not([hidden])")
    assert "seen on a home visit" in page.evaluate("navigator.clipboard.readText()")
    tab_to(page, "lon-details-back")
    page.keyboard.press("Enter")
    tab_to(page, "lon-clear")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "lon-clear-ask"  # the question, not the button
    tab_to(page, "lon-clear-confirm")
    page.keyboard.press("Enter")
    page.wait_for_selector("#page-risk:not([hidden])")
    assert not page.is_checked("#ind-l3-non-mobile-bruising")


def test_indicator_checkbox_accessible_name_is_its_own_wording(strict_context, medway_url, thresholds):
    page = strict_context.new_page()
    page.goto(f"{medway_url}/check/")
    for indicator in thresholds.indicators[::7]:
        assert page.get_by_role("checkbox", name=indicator.text, exact=True, include_hidden=True).count() == 1


def _state_violations(page):
    return [(v["id"], v["nodes"]) for v in axe_violations(page)]


def test_axe_in_every_state(page, medway_url):
    open_checker(page, medway_url)
    states = {"first page": _state_violations(page)}
    page.check("#immediate_risk-no")
    page.click("#page-risk .lon-continue")
    page.fill("#age", "seven")
    page.click("#page-child .lon-continue")
    page.wait_for_selector("#lon-error-summary:not([hidden])")
    states["error summary"] = _state_violations(page)
    page.fill("#age", "7")
    page.click("#page-child .lon-continue")
    page.wait_for_selector("#page-worries:not([hidden])")
    page.fill("#lon-filter", "zzzz")
    states["worries, nothing found"] = _state_violations(page)
    page.fill("#lon-filter", "fabricated")
    page.check("#ind-l3-fabricated-illness")
    states["worries, filtered"] = _state_violations(page)
    page.click("#page-worries .lon-continue")
    page.click("#page-strengths .lon-continue")
    page.check("#significant_harm-no")
    page.wait_for_selector("#confirm-box-l3-fabricated-illness:not([hidden])")
    states["questions, challenged"] = _state_violations(page)
    page.click("#page-questions .lon-continue")
    page.wait_for_selector("#lon-answers .lon-summary-row")
    page.check("#override")
    states["result"] = _state_violations(page)
    write_details(page)
    page.fill("#detail-worry", "a worry")
    states["referral details"] = _state_violations(page)
    back_to_result(page)
    page.click("#lon-clear")
    states["check your answers, result, clear asked"] = _state_violations(page)
    assert {state: found for state, found in states.items() if found} == {}


def test_axe_on_the_fallback(page, medway_url):
    page.context.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="not here"))
    page.goto(f"{medway_url}/check/")
    page.wait_for_selector(FAILED, timeout=10_000)
    assert _state_violations(page) == [], "fallback"


@pytest.mark.parametrize("failure", ["no-webassembly", "wasm-404", "wasm-wrong-type"])
def test_failure_shows_the_fallback_within_10_seconds(strict_context, medway_url, failure):
    page = strict_context.new_page()
    if failure == "no-webassembly":
        page.add_init_script("delete window.WebAssembly")
    elif failure == "wasm-404":
        page.context.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="not here"))
    else:
        page.context.route(
            "**/pyodide.asm.wasm", lambda route: route.fulfill(status=200, body="<html>", content_type="text/html")
        )
    started = time.monotonic()
    page.goto(f"{medway_url}/check/")
    page.wait_for_selector("#lon-fallback:not([hidden])", timeout=10_000)
    assert time.monotonic() - started < 10
    fallback = page.inner_text("#lon-fallback")
    assert "could not start" in fallback
    assert page.locator("#lon-fallback a[href$='referral-template/']").count() == 1
    page.click("#lon-fallback a[href$='referral-template/']")
    page.wait_for_url("**/referral-template/")
    assert "Blank referral template" in page.inner_text("h1")


def test_without_the_checker_what_was_typed_can_still_be_copied_downloaded_and_printed(
    strict_context, medway_url, tmp_path
):
    strict_context.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="not here"))
    strict_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=medway_url)
    page = strict_context.new_page()
    page.goto(f"{medway_url}/check/")
    page.wait_for_selector(FAILED, timeout=10_000)
    for button in ("page-risk", "page-child", "page-worries", "page-strengths", "page-questions"):
        page.click(f"#{button} .lon-continue")
    write_details(page)
    page.fill("#detail-worry", "marks on both arms")
    page.fill("#detail-child_voice", "says he is scared")
    back_to_result(page)
    page.click("#lon-copy")
    page.wait_for_selector("#lon-action-status:not([hidden])")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "What you are worried about, in your own words\nmarks on both arms" in copied
    assert "says he is scared" in copied and "Level" not in copied
    with page.expect_download() as download:
        page.click("#lon-download")
    saved = tmp_path / "typed.txt"
    download.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == copied
    page.emulate_media(media="print")
    assert "marks on both arms" in page.inner_text("#lon-summary-print")
    # Plain English for the user; the file's address only in the details for their IT team.
    assert ".wasm" not in page.inner_text("#lon-fallback-reason")
    assert "Check your connection and reload the page" in page.inner_text("#lon-fallback-reason")
    assert "pyodide.asm.wasm" in page.text_content("#lon-fallback-detail")


def test_save_and_open_restores_the_check_exactly(checker_at, tmp_path):
    page = checker_at()
    fill_check(
        page,
        {
            "indicators": ["l2-poor-housing", "l1-supportive-networks", "l3-fabricated-illness"],
            "age": 9,
            "answers": {**NO_RISK, "consent": "given", "significant_harm": "no"},
            "confirmed": ["l3-fabricated-illness"],
        },
    )
    page.check("#override")
    page.select_option("#override_level", "statutory")
    page.fill("#override_reason", "housing is getting worse")
    write_details(page)
    page.fill("#detail-child_voice", "wants to stay at school")
    page.locator("#detail-child_voice").blur()
    back_to_result(page)
    before = page.evaluate(SNAPSHOT)
    assert wait_until(page, "() => document.getElementById('lon-summary').value.includes('wants to stay')")
    summary_before = page.input_value("#lon-summary")
    with page.expect_download() as download:
        page.click("#lon-save")
    saved = tmp_path / "check.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text())["format"] == "levels-of-need-check"
    assert "saved to a file" in page.inner_text("#lon-keep-status")

    clear_check(page)
    assert page.evaluate(SNAPSHOT) != before
    see_the_result(page) if page.locator("#lon-current").is_visible() else None
    page.evaluate("document.getElementById('lon-current-go').click()")
    page.set_input_files("#lon-open", str(saved))
    assert wait_until(page, "(s) => document.getElementById('lon-summary').value === s", summary_before)
    assert page.evaluate(SNAPSHOT) == before
    assert "opened" in page.inner_text("#lon-keep-status")


def test_printing_shows_the_level_route_date_and_version_without_the_form(strict_context, medway_url, thresholds):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    check = {"indicators": ["l3-suspicious-injury"], "age": 6, "answers": {**NO_RISK, "significant_harm": "yes"}}
    fill_check(page, check)
    write_details(page)
    page.fill("#detail-worry", "printed words")
    page.locator("#detail-worry").blur()
    assert wait_until(page, "() => document.getElementById('lon-summary-print').textContent.includes('printed words')")
    change_answer(page, "worries")  # printing from any page prints the result
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    printed = page.inner_text("#page-answers")
    assert "Suggested level: Level 3: Statutory Social Care, Child protection (s.47)." in printed
    assert f"Thresholds version {thresholds.version}." in printed
    assert re.search(r"Printed on \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}\.", printed)
    assert "printed words" in printed
    assert not page.locator("#ind-l3-suspicious-injury").is_visible()
    assert not page.locator("#lon-copy").is_visible() and not page.locator(".md-header").is_visible()
    # Phone numbers print as themselves, never followed by their tel: address.
    assert "tel:" not in page.evaluate(
        """[...document.querySelectorAll('#lon-result a, #lon-result-more a')]
            .map(a => getComputedStyle(a, '::after').content).join(' ')"""
    )
    # The summary prints once: its on-screen box does not print beside its print copy.
    assert page.locator("#lon-summary").is_hidden()
    # On paper: the level, the route, the date, the version and page numbers, and no tel: address.
    printed_pages = [p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]
    paper = " ".join(" ".join(printed_pages).split())
    assert "Suggested level: Level 3: Statutory Social Care, Child protection (s.47)." in paper
    assert f"Thresholds version {thresholds.version}." in paper and "Printed on" in paper
    assert f"Page 1 of {len(printed_pages)}" in paper and "tel:" not in paper


def test_the_override_records_nothing_until_a_level_and_a_reason_are_given(checker_at):
    page = checker_at()
    answers = {**NO_RISK, "significant_harm": "no", "consent": "given"}
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 5, "answers": answers})
    page.focus("#override")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.id") == "override"
    assert page.input_value("#override_level") == ""  # nothing chosen for the user
    assert page.locator("#lon-error-summary").is_hidden()
    assert "referrer considers" not in page.input_value("#lon-summary")
    page.select_option("#override_level", "universal")
    page.focus("#override_reason")
    page.keyboard.type("x")
    page.keyboard.press("Backspace")
    page.keyboard.press("Tab")
    page.wait_for_selector("#lon-error-summary:not([hidden])")
    assert "Say why you think a different level is right" in page.inner_text("#lon-error-summary")
    assert "referrer considers" not in page.input_value("#lon-summary")
    page.fill("#override_reason", "settled after a family meeting")
    assert wait_until(
        page, "() => document.getElementById('lon-summary').value.includes('settled after a family meeting')"
    )
    assert "I consider Level 1: Universal to be right" in page.input_value("#lon-summary")


def test_an_engine_with_other_thresholds_than_the_page_falls_back(strict_context, medway_url, thresholds):
    stale = json.loads(json.dumps(thresholds.data))
    stale["document"]["version"] = "0.1-stale"
    strict_context.route("**/assets/checker/thresholds.json", lambda route: route.fulfill(status=200, json=stale))
    page = strict_context.new_page()
    page.goto(f"{medway_url}/check/")
    page.wait_for_selector("#lon-fallback:not([hidden])", timeout=30_000)
    assert "different versions" in page.inner_text("#lon-fallback-reason")


def test_words_that_name_an_immediate_risk_challenge_a_no_to_immediate_risk(checker_at, thresholds):
    """Issue 22, H2: "Imminent risk of significant harm due to poor supervision" beside "no" to immediate risk: the
    page shows Python's challenge with the guidance's 999 sentence and no route until it is confirmed (by its id),
    and then leads with the telephone step (H1), as the CLI does."""
    worry = next(i for i in thresholds.indicators if i.describes_immediate_risk)
    page = checker_at()
    check = {"indicators": [worry.id], "age": 4, "answers": {**NO_RISK, "significant_harm": "yes"}}
    assert fill_check(page, check) == []
    shown = wait_for_result(page, cli_result_text(check))
    text = " ".join(shown)
    assert f"“{worry.text}”" in text and "999" in text
    assert page.get_attribute("#lon-result", "data-route") == ""
    confirmed = {**check, "confirmed": [f"immediate:{worry.id}"]}
    assert fill_check(page, confirmed) == []
    shown = wait_for_result(page, cli_result_text(confirmed))
    page.wait_for_selector("#lon-result[data-route=child-protection]")
    assert "You confirmed your answer “No”" in result_words(page)
    assert "Telephone" in page.inner_text("#lon-result .lon-first-action")
