"""The built guidance site in headless Chromium: no other origin, axe, search, keyboard, print."""

from __future__ import annotations

import time
from urllib.parse import urlparse

import pytest

from toolkit.site import nothing_found

from .conftest import axe_violations, open_search

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
    # Practitioners' own words that no page of the guidance holds: the everyday words page, whose words are
    # the self-check's "Find a worry" vocabulary. Where a page of the guidance holds every word typed, it
    # comes first, and the words page, an aid, after it ("truancy", "bruising", "EHCP" above).
    ("sexually active", "words/"),
    ("drinking", "words/"),
    ("front door", "guidance/mash/"),
]


@pytest.fixture(scope="module")
def site_walk(walked, partnership_site):
    """The one walk over every page of each partnership's site (site_walk.py): the tests that take it run
    over both partnerships, each reading its own part of the walk's record."""
    return walked(partnership_site)


def test_no_page_requests_any_other_origin(site_walk):
    assert len(site_walk["pages"]) >= 25
    assert site_walk["requests"] > len(site_walk["pages"])  # the recorder saw page assets too
    assert site_walk["foreign"] == []


def test_axe_finds_no_violations_on_any_page(site_walk):
    failures = {}
    for path, violations in site_walk["axe"].items():
        violations = [v for v in violations if v["id"] not in AXE_EXCEPTIONS]
        if violations:
            failures[path] = violations
    assert failures == {}


def search(page, base: str, search_ui, query: str):
    """Type a query as a person does; return the first result once the results stop changing.

    Each keystroke searches anew, so the first result on show may still be a shorter query's ("E" for
    "EHCP"); the results have settled when the first one stays the same for a few polls.
    """
    page.goto(f"{base}/", wait_until="networkidle")  # the search index has arrived
    open_search(page)
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


FORGIVING_RANKS_OTHERWISE = {
    # The contacts page names each emergency contact once, in a section of its own in the emergency box.
    "01634 334466": "the universal level page, whose next steps give the number, ranks above the contacts "
    "page's section for First Response",
}


@pytest.mark.parametrize(("query", "expected"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_puts_the_right_page_first(page, medway_url, search_ui, site_engine, request, query, expected):
    if site_engine == "zensical" and query in ZENSICAL_RANKS_OTHERWISE:
        request.applymarker(pytest.mark.xfail(strict=True, reason=ZENSICAL_RANKS_OTHERWISE[query]))
    if site_engine == "mkdocs" and query in FORGIVING_RANKS_OTHERWISE:
        request.applymarker(pytest.mark.xfail(strict=True, reason=FORGIVING_RANKS_OTHERWISE[query]))
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


def test_every_page_runs_under_its_csp_without_violations_or_console_errors(walked, medway_site):
    walk = walked(medway_site)  # every partnership's pages come from the same templates and the same policy
    assert len(walk["pages"]) >= 25
    errors = []
    for path in walk["pages"]:
        if path.endswith("/check/"):
            continue  # the checker has its own, fuller test
        assert walk["csp_meta"][path] == 1, path
        errors += walk["errors"].get(path, [])
    # After the walk, a search on the first page: its index loads, and a result shows, under the CSP.
    assert errors + walk["search_errors"] == []


def _search_for(page, base: str, words: str):
    page.goto(f"{base}/", wait_until="networkidle")  # the search index has arrived
    open_search(page)
    page.keyboard.type(words)
    # Each key searches anew, and a part typed that finds nothing has offers of its own: wait for the whole words'.
    offers = page.locator(f"#lon-search-none[data-query='{words}']")  # CSS finds it in Zensical's shadow root too
    offers.wait_for(timeout=30_000)
    return offers


def test_a_search_that_finds_nothing_is_never_a_dead_end(strict_context, medway_url, search_ui, thresholds):
    # Both engines, with the site's CSP: the words the filter offers (toolkit/site/nothing_found.py).
    page = strict_context.new_page()
    offers = _search_for(page, medway_url, "qqzzxv")  # near no word of the vocabulary
    text = offers.inner_text()
    assert nothing_found.TRY_THESE in text
    assert all(word in text for word in nothing_found.filter_suggestions(thresholds))
    assert nothing_found.not_sure_sentence(thresholds) in text
    words_page = offers.get_by_role("link", name=nothing_found.LOOK_UP_LINK)
    assert urlparse(words_page.get_attribute("href")).path == "/words/"
    assert "".join(nothing_found.look_up()) in " ".join(text.split())


def test_a_search_that_finds_nothing_offers_the_nearest_words_and_each_finds_something(page, medway_url, search_ui):
    # ``page``: axe is injected (the test above holds the offers under the site's CSP).
    offers = _search_for(page, medway_url, "xbruizzes")  # three slips from "bruises": no search forgives three
    assert nothing_found.NEAREST in offers.inner_text()
    assert axe_violations(page) == []
    nearest = offers.get_by_role("button")
    assert "bruises" in nearest.all_inner_texts()
    nearest.filter(has_text="bruises").first.click()
    page.locator(search_ui.result).first.wait_for(timeout=10_000)  # the word searched for finds a page
    page.locator("#lon-search-none").wait_for(state="detached", timeout=10_000)  # the offers go once found
