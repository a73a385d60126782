"""The built guidance site in headless Chromium: no other origin, axe, search, keyboard, print."""

from __future__ import annotations

import time
from urllib.parse import urlparse

import pytest
from sitebuild import html_pages, page_url

from .conftest import axe_violations

# Known axe exceptions, each with its reason and the upstream issue. Keep empty if possible.
AXE_EXCEPTIONS: dict[str, str] = {}

SEARCHES = [
    ("bruising", "levels/statutory/"),
    ("private fostering", "levels/statutory/"),
    ("disguised compliance", "levels/statutory/"),
    ("female genital mutilation", "levels/statutory/"),
    ("truancy", "levels/early-help/"),
    ("MARAC", "guidance/other-referrals/"),
    ("Prevent", "guidance/other-referrals/"),
    ("radicalisation", "guidance/other-referrals/"),
    ("01634 334466", "contacts/"),
    ("0800 789 321", "contacts/"),
    ("out of hours", "contacts/"),
    ("escalation", "escalation/"),
    ("EHCP", "guidance/assessment-tools/"),
    ("Graded Care Profile", "guidance/assessment-tools/"),
    ("Lead Professional", "guidance/assessment-tools/"),
    ("MASH", "guidance/mash/"),
    ("significant harm", "guidance/children-act/"),
    ("consent", "guidance/information-sharing/"),
    ("Signs of Safety", "guidance/signs-of-safety/"),
    ("missing from home", "themes/"),
    ("dental decay", "themes/"),
    # Practitioners' own words: the same vocabulary as the self-check's "Find a worry".
    ("sexually active", "words/"),
    ("drinking", "words/"),
    ("front door", "guidance/mash/"),
]


@pytest.fixture(scope="module")
def all_pages(partnership_site, partnership_url):
    """Every page of each partnership's site: the tests that take it run over both partnerships."""
    return [page_url(partnership_url, partnership_site.directory, p) for p in html_pages(partnership_site.directory)]


def test_no_page_requests_any_other_origin(page, all_pages, partnership_url):
    origin = urlparse(partnership_url).netloc
    foreign: list[str] = []
    seen = 0

    def record(request):
        nonlocal seen
        seen += 1
        parsed = urlparse(request.url)
        if parsed.scheme not in ("data", "blob") and parsed.netloc != origin:
            foreign.append(request.url)

    page.on("request", record)
    for url in all_pages:
        page.goto(url, wait_until="networkidle")
    assert len(all_pages) >= 25
    assert seen > len(all_pages)  # the recorder saw page assets too
    assert foreign == []


def test_axe_finds_no_violations_on_any_page(page, all_pages):
    failures = {}
    for url in all_pages:
        page.goto(url)
        violations = axe_violations(page, AXE_EXCEPTIONS)
        if violations:
            failures[url] = violations
    assert failures == {}


def search(page, base: str, search_ui, query: str):
    """Type a query as a person does; return the first result once the results stop changing.

    Each keystroke searches anew, so the first result on show may still be a shorter query's ("E" for
    "EHCP"); the results have settled when the first one stays the same for a few polls.
    """
    page.goto(f"{base}/", wait_until="networkidle")  # the search index has arrived
    page.keyboard.press("/")  # both engines' shortcut: the search box takes focus
    page.keyboard.type(query)
    first = page.locator(search_ui.result).first
    first.wait_for(timeout=10_000)
    seen = [first.get_attribute("href")]
    while len(seen) < 4 or len(set(seen[-4:])) > 1:
        assert len(seen) < 100, f"the results for {query!r} never settled: {seen[-5:]}"
        time.sleep(0.1)
        seen.append(first.get_attribute("href"))
    return first


# Zensical 0.0.73's search engine (new, written from scratch) has no per-page boost, and ranks a
# section whose short heading matches above a page or section with a longer one; the headings are the
# guidance's own words, so nothing here can change that. Strict: if Zensical ranks them as Material
# does, these fail as passing, and come off the list.
ZENSICAL_RANKS_OTHERWISE = {
    "radicalisation": "Zensical 0.0.73 ranks the themes page's section 'Radicalisation and extremism' above "
    "guidance/other-referrals' section 'Prevent: safeguarding from radicalisation and extremism'",
    "MASH": "Zensical 0.0.73 ranks guidance/after-referral's section 'A Multi-Agency Safeguarding Hub (MASH) "
    "request is made' above the page 'The Single Point of Access and MASH' (guidance/mash)",
}


@pytest.mark.parametrize(("query", "expected"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_puts_the_right_page_first(page, medway_url, search_ui, site_engine, request, query, expected):
    if site_engine == "zensical" and query in ZENSICAL_RANKS_OTHERWISE:
        request.applymarker(pytest.mark.xfail(strict=True, reason=ZENSICAL_RANKS_OTHERWISE[query]))
    first = search(page, medway_url, search_ui, query)
    assert urlparse(first.get_attribute("href")).path == f"/{expected}"


def test_at_least_fifteen_practitioner_searches():
    assert len(SEARCHES) >= 15


def _focus_report(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const style = getComputedStyle(el);
            const rect = el.getBoundingClientRect();
            const header = document.querySelector('.md-header').getBoundingClientRect();
            return {
                tag: el.tagName, text: (el.textContent || el.value || '').trim().slice(0, 40),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                shadow: style.boxShadow !== 'none',
                visibleWidth: rect.width > 0 && rect.height > 0,
                // Not obscured: whatever is drawn at the element's centre is the element itself.
                onTop: (() => {
                    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
                    return !!hit && (hit === el || el.contains(hit) || hit.contains(el));
                })(),
                top: rect.top, headerBottom: header.bottom,
            };
        }"""
    )


def test_keyboard_alone_focus_is_visible_and_never_under_the_header(page, medway_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{medway_url}/levels/statutory/")
    reports = []
    for _ in range(60):
        page.keyboard.press("Tab")
        # Judge focus once transitions (such as the search overlay fading out) have finished.
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        report = _focus_report(page)
        if report and report["visibleWidth"]:
            reports.append(report)
    assert len(reports) >= 40
    invisible = [r for r in reports if not (r["outline"] or r["shadow"])]
    hidden = [r for r in reports if not r["onTop"]]
    assert invisible == []
    assert hidden == []


def test_keyboard_alone_reaches_a_page_through_skip_link_and_navigation(page, medway_url):
    page.goto(f"{medway_url}/")
    page.keyboard.press("Tab")
    assert "Skip to content" in page.evaluate("document.activeElement.textContent")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Making a referral":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/referral/")
    assert page.locator("h1").inner_text() == "Making a referral"


def test_keyboard_alone_searches(page, medway_url, search_ui):
    first = search(page, medway_url, search_ui, "MARAC")
    assert "MARAC" in first.inner_text()
    for key in search_ui.open_first:
        page.keyboard.press(key)
    page.wait_for_url("**/guidance/other-referrals/**")
    assert "MARAC" in page.locator("article").inner_text()


def test_print_hides_navigation_and_shows_link_addresses(page, medway_url):
    page.goto(f"{medway_url}/contacts/")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
            .map(s => document.querySelector(s)).filter(Boolean)
            .every(el => getComputedStyle(el).display === 'none')"""
    )
    assert hidden
    after = page.evaluate(
        """(kind) => getComputedStyle(document.querySelector(`.md-typeset a[href^="${kind}"]`), '::after').content""",
        "https:",
    )
    assert "https://" in after  # a web address prints beside its link
    # A phone number prints as itself: its link text is the number, never followed by a tel: address.
    assert "tel:" not in page.evaluate(
        """() => getComputedStyle(document.querySelector('.md-typeset a[href^="tel:"]'), '::after').content"""
    )


def test_matrix_reads_on_a_360px_phone_without_sideways_scrolling(page, medway_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{medway_url}/matrix/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("table").count() == 0


@pytest.fixture(scope="module")
def medway_pages(medway_site, medway_url):
    return [page_url(medway_url, medway_site.directory, p) for p in html_pages(medway_site.directory)]


def test_every_page_runs_under_its_csp_without_violations_or_console_errors(strict_context, medway_pages, search_ui):
    all_pages = medway_pages  # every partnership's pages come from the same templates and the same policy
    page = strict_context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.add_init_script("""document.addEventListener('securitypolicyviolation',
        e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))""")
    for url in all_pages:
        if url.endswith("/check/"):
            continue  # the checker has its own, fuller test
        page.goto(url, wait_until="networkidle")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, url
    page.goto(all_pages[0], wait_until="networkidle")  # the search index is loaded before typing
    page.keyboard.press("/")
    page.keyboard.type("MARAC")
    page.locator(search_ui.result).first.wait_for()
    assert errors == []
