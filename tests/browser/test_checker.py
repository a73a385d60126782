"""The self-check in headless Chromium: privacy, network lock, CSP, parity with the CLI,
keyboard, axe in every state, failure modes, and saving to a file."""

from __future__ import annotations

import json
import time
import uuid
from urllib.parse import urlparse

import pytest

from .checker_helpers import (
    FAILED,
    SNAPSHOT,
    cli,
    cli_args,
    cli_result_text,
    fill_check,
    open_checker,
    shown_result,
    tab_to,
    wait_for_result,
    wait_until,
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
    open_checker(page, medway_url)

    page.fill("#lon-filter", canary)  # the filter box too
    page.fill("#lon-filter", "")
    fill_check(
        page,
        {
            "indicators": ["l2-domestic-abuse", "l1-supportive-networks"],
            "age": 0,
            "answers": {
                "immediate_risk": "no",
                "significant_harm": "unsure",
                "consent": "not-sought",
                "social_worker": "none",
                "support_not_improving": "no",
            },
        },
    )
    page.check("#override")
    page.select_option("#override_level", "statutory")
    for field in TEXT_FIELDS:
        page.fill(f"#{field}", f"{field} {canary}")
    page.locator("#detail-availability").blur()
    assert wait_until(page, "(c) => document.getElementById('lon-summary').value.includes(c)", canary)

    page.click("#lon-copy")
    assert wait_until(page, "() => document.getElementById('lon-announce').textContent === 'Summary copied.'")
    assert canary in page.evaluate("navigator.clipboard.readText()")
    with page.expect_download() as download:
        page.click("#lon-download")
    saved = tmp_path / "summary.txt"
    download.value.save_as(saved)
    assert canary in saved.read_text(encoding="utf-8")

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

    assert canary not in page.evaluate(STORAGE_DUMP)
    assert canary not in json.dumps(strict_context.cookies())
    page.reload()
    page.wait_for_selector("form[data-engine=ready]", timeout=60_000)
    assert canary not in page.evaluate(STORAGE_DUMP)
    values = dict(page.evaluate(SNAPSHOT))
    assert all(value in ("", False) for key, value in values.items() if key != "override_level"), values
    assert canary not in page.input_value("#lon-summary")  # regenerated from the empty form


def test_form_keeps_nothing_in_browser_memory_by_design(strict_context, medway_url):
    page = strict_context.new_page()
    page.goto(f"{medway_url}/check/")
    assert page.get_attribute("#lon-check", "autocomplete") == "off"
    for field in ["age", "consent_note", "override_reason", "lon-filter", *TEXT_FIELDS[2:]]:
        assert page.get_attribute(f"#{field}", "autocomplete") == "off", field
    assert page.locator("#lon-clear").is_visible()


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
    fill_check(page, {"indicators": ["l3-private-fostering"], "age": 15, "answers": {"significant_harm": "no"}})
    page.fill("#detail-worry", "a worry")
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
    {"indicators": ["l2-bereavement"], "answers": {"immediate_risk": "yes"}},
]


def test_the_page_shows_what_the_cli_says_word_for_word(strict_context, medway_url):
    """The visible result and the summary are Python's: the same words as `python -m toolkit`."""
    page = strict_context.new_page()
    open_checker(page, medway_url)
    assert len(CHECKS) >= 12
    for check in CHECKS:
        expected = cli_result_text(check)
        fill_check(page, check)
        assert wait_for_result(page, expected) == expected, check
        summary = cli("summary", *cli_args(check))
        assert wait_until(page, "(s) => document.getElementById('lon-summary').value === s", summary), check


def test_level_3_with_significant_harm_unanswered_shows_no_route_and_no_consent_step(strict_context, medway_url):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    fill_check(page, {"indicators": ["l3-forced-marriage-hbv-fgm"], "age": 14, "answers": NO_RISK})
    shown = wait_for_result(
        page, cli_result_text({"indicators": ["l3-forced-marriage-hbv-fgm"], "age": 14, "answers": NO_RISK})
    )
    text = " ".join(shown)
    assert shown[0] == "Suggested level: Level 3: Statutory Social Care. The route is not decided yet."
    assert "Child in need (s.17)" not in text and "Child protection (s.47)" not in text
    assert "consent" not in text.lower() and "Next steps" not in text
    assert "Do you have reasonable cause to suspect the child is suffering" in text
    assert page.get_attribute("#lon-result", "data-route") == ""
    summary = page.input_value("#lon-summary")
    assert "The route is not decided yet." in summary and "Child in need (s.17)" not in summary
    # The same answer "no" is challenged, and the route shows only once it is confirmed.
    page.check("#significant_harm-no")
    page.wait_for_selector("#confirm-box-l3-forced-marriage-hbv-fgm:not([hidden])")
    assert "Check your answer" in page.inner_text("#lon-result")
    assert page.get_attribute("#lon-result", "data-route") == ""
    page.check("#confirm-l3-forced-marriage-hbv-fgm")
    page.wait_for_selector("#lon-result[data-route=child-in-need]")
    assert "You confirmed your answer “No”" in page.inner_text("#lon-result")


def test_an_age_outside_the_guidance_is_an_error_and_clears_the_result(strict_context, medway_url):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 4, "answers": {**NO_RISK, "significant_harm": "no"}})
    page.wait_for_selector("#lon-result[data-route=early-help]")
    page.fill("#age", "30")
    page.locator("#age").blur()
    page.wait_for_selector("#age-error:not([hidden])")
    message = "Enter an age from 0 to 18: this guidance is for children and their families (0 – 18 years)"
    assert message in page.inner_text("#age-error")
    assert message in page.inner_text("#lon-error-summary")
    assert "Level 2" not in page.inner_text("#lon-result")
    assert page.input_value("#lon-summary") == ""


def test_immediate_risk_stops_the_check_and_shows_the_numbers(strict_context, medway_url):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    page.check("#immediate_risk-yes")
    assert page.locator("#lon-stop").is_visible()
    assert not page.locator("#lon-after-risk").is_visible()
    assert "999" in page.inner_text("#lon-stop") and "01634 334466" in page.inner_text("#lon-stop")
    page.wait_for_selector("#lon-result[data-emergency=true]")
    assert page.inner_text("#lon-result").startswith("Immediate risk: call now.")


def test_keyboard_only_run_through_the_whole_check(strict_context, medway_url):
    strict_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=medway_url)
    page = strict_context.new_page()
    open_checker(page, medway_url)
    tab_to(page, "immediate_risk-yes")
    page.keyboard.press("ArrowDown")  # radio group: arrows choose "No"
    assert page.is_checked("#immediate_risk-no")
    tab_to(page, "age")
    page.keyboard.type("1")
    tab_to(page, "lon-filter")
    page.keyboard.type("bruise")
    tab_to(page, "ind-l3-non-mobile-bruising")
    page.keyboard.press("Space")
    tab_to(page, "significant_harm-yes")
    page.keyboard.press("Space")
    tab_to(page, "consent-given")
    page.keyboard.press("Space")
    page.wait_for_selector("#lon-result[data-route=child-protection]")
    tab_to(page, "detail-worry")
    page.keyboard.type("seen on a home visit")
    tab_to(page, "lon-copy")
    page.keyboard.press("Enter")
    assert wait_until(page, "() => document.getElementById('lon-announce').textContent === 'Summary copied.'")
    assert "seen on a home visit" in page.evaluate("navigator.clipboard.readText()")
    tab_to(page, "lon-clear")
    page.keyboard.press("Enter")
    assert not page.is_checked("#ind-l3-non-mobile-bruising")


def test_filter_matches_words_and_synonyms(strict_context, medway_url):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    for word, indicator in [
        ("bruise", "l3-non-mobile-bruising"),
        ("DV", "l2-domestic-abuse"),
        ("truant", "l2-absence-truancy"),
        ("FGM", "l3-forced-marriage-hbv-fgm"),
    ]:
        page.fill("#lon-filter", word)
        assert page.locator(f"#ind-{indicator}").is_visible(), word
        assert not page.locator("#ind-l2-bereavement").is_visible(), word
    page.fill("#lon-filter", "")
    assert page.locator("#ind-l2-bereavement").is_visible()


def test_indicator_checkbox_accessible_name_is_its_own_wording(strict_context, medway_url, thresholds):
    page = strict_context.new_page()
    page.goto(f"{medway_url}/check/")
    for indicator in thresholds.indicators[::7]:
        assert page.get_by_role("checkbox", name=indicator.text, exact=True).count() == 1, indicator.id


def _state_violations(page):
    return [(v["id"], v["nodes"]) for v in axe_violations(page)]


def test_axe_in_every_state(page, medway_url):
    open_checker(page, medway_url)
    assert _state_violations(page) == [], "empty"
    page.fill("#age", "seven")
    page.locator("#age").blur()
    page.wait_for_selector("#lon-error-summary:not([hidden])")
    assert _state_violations(page) == [], "error summary"
    page.fill("#age", "7")
    page.locator("#age").blur()
    page.check("#ind-l2-bereavement")
    page.wait_for_selector("#lon-result[data-level]")
    assert _state_violations(page) == [], "result"
    page.fill("#detail-worry", "a worry")
    page.check("#override")
    assert _state_violations(page) == [], "summary"


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


def test_save_and_open_restores_the_check_exactly(strict_context, medway_url, tmp_path):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    fill_check(
        page,
        {
            "indicators": ["l2-poor-housing", "l1-supportive-networks"],
            "age": 9,
            "answers": {"consent": "given", "significant_harm": "no"},
        },
    )
    page.check("#override")
    page.select_option("#override_level", "statutory")
    page.fill("#override_reason", "housing is getting worse")
    page.fill("#detail-child_voice", "wants to stay at school")
    page.locator("#detail-child_voice").blur()
    before = page.evaluate(SNAPSHOT)
    summary_before = page.input_value("#lon-summary")
    with page.expect_download() as download:
        page.click("#lon-save")
    saved = tmp_path / "check.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text())["format"] == "levels-of-need-check"

    page.click("#lon-clear")
    assert page.evaluate(SNAPSHOT) != before
    page.set_input_files("#lon-open", str(saved))
    assert wait_until(page, "(s) => document.getElementById('lon-summary').value === s", summary_before)
    assert page.evaluate(SNAPSHOT) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("this is not json", "not valid JSON"),
        ('{"hello": 1}', "not a check saved by this tool"),
        (
            '{"format": "levels-of-need-check", "format_version": 1, "state": {"indicators": ["l9-nope"]}}',
            "indicators these thresholds do not have",
        ),
    ],
)
def test_opening_a_broken_or_foreign_file_changes_nothing(strict_context, medway_url, tmp_path, content, message):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 5})
    page.fill("#detail-worry", "keep me")
    before = page.evaluate(SNAPSHOT)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    page.set_input_files("#lon-open", str(bad))
    page.wait_for_selector("#lon-open-error:not([hidden])")
    assert message in page.inner_text("#lon-open-error")
    assert "Nothing on this page has changed" in page.inner_text("#lon-open-error")
    assert page.evaluate(SNAPSHOT) == before
    assert shown_result(page)[0] == "So far: at least Level 2: Early Help. The level and route are not decided yet."


def test_printing_the_check_gives_the_result_and_summary_without_the_form(strict_context, medway_url):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 6})
    page.fill("#detail-worry", "printed words")
    page.locator("#detail-worry").blur()
    assert wait_until(page, "() => document.getElementById('lon-summary-print').textContent.includes('printed words')")
    page.emulate_media(media="print")
    assert page.locator("#lon-summary-print").is_visible()
    assert page.locator("#lon-result").is_visible()
    assert not page.locator("#ind-l2-bereavement").is_visible()
    assert not page.locator(".md-header").is_visible()


def test_ticking_override_keeps_focus_and_asks_for_a_reason_only_once_it_is_left(strict_context, medway_url):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    fill_check(page, {"indicators": ["l2-bereavement"]})
    page.focus("#override")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.id") == "override"
    assert page.locator("#lon-error-summary").is_hidden()
    page.focus("#override_reason")
    page.keyboard.type("x")
    page.keyboard.press("Backspace")
    page.keyboard.press("Tab")
    page.wait_for_selector("#lon-error-summary:not([hidden])")
    assert "Say why you think a different level is right" in page.inner_text("#lon-error-summary")
    assert page.evaluate("document.activeElement.id") != "lon-error-summary"


def test_an_engine_with_other_thresholds_than_the_page_falls_back(strict_context, medway_url, thresholds):
    stale = json.loads(json.dumps(thresholds.data))
    stale["document"]["version"] = "0.1-stale"
    strict_context.route("**/assets/checker/thresholds.json", lambda route: route.fulfill(status=200, json=stale))
    page = strict_context.new_page()
    page.goto(f"{medway_url}/check/")
    page.wait_for_selector("#lon-fallback:not([hidden])", timeout=30_000)
    assert "different versions" in page.inner_text("#lon-fallback-reason")
