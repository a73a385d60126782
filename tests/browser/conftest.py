"""Headless Debian chromium, driven by Playwright, against the built site on 127.0.0.1."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT
from sitebuild import serve

from .checker_helpers import HAS_INPUT, clear_check, open_checker, to_the_worries, wait_until

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Axe-core's run over the page with those tags, and the wait before it (see axe_violations).
AXE_RUN = """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations
    .map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"""
ANIMATIONS_ENDED = "() => document.getAnimations().every((animation) => animation.playState !== 'running')"
# Nothing is moving: every running animation only repaints (a colour, a shadow), which changes neither where a
# box is nor what a point hits (elementFromPoint); not opacity, as an overlay fading in covers from its first
# frame. Where things are is measured once this holds: after each Tab the theme fades the table of contents'
# link colours (125 ms), which need no wait; axe, which reads colours, waits for every animation
# (ANIMATIONS_ENDED).
NOTHING_MOVING = """() => document.getAnimations().every((animation) => {
  if (animation.playState !== 'running') return true;
  const repaints = ['color', 'background-color', 'border-color', 'outline-color', 'text-decoration-color',
                    'box-shadow'];
  const named = animation.transitionProperty ? [animation.transitionProperty]
    : animation.effect.getKeyframes().flatMap((frame) => Object.keys(frame))
        .filter((key) => !['offset', 'computedOffset', 'easing', 'composite'].includes(key));
  const hyphenated = named.map((name) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`));
  return hyphenated.length > 0 && hyphenated.every((name) => repaints.includes(name));
})"""


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def medway_url(medway_site):
    with serve(medway_site.directory) as base:
        yield base


@pytest.fixture(scope="session")
def partnership_url(partnership_site):
    """Each partnership's site, served (see tests/conftest.py: ``partnership``)."""
    with serve(partnership_site.directory) as base:
        yield base


@pytest.fixture
def page(browser):
    """A page for inspection tools, the site's CSP bypassed: a test may evaluate a string in it
    (page.wait_for_function) or add a script of its own. (Axe runs on any page: axe_violations.)"""
    context = browser.new_context(bypass_csp=True, service_workers="block")
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def strict_context(browser):
    """A context as a user has it on a first visit: the site's CSP applies, nothing is injected.

    The service worker is blocked here, so that Playwright's routing sees every request (it does not
    see what a service worker answers); tests/browser/test_offline.py runs with it.
    """
    context = browser.new_context(**STRICT)
    yield context
    context.close()


STRICT = {"accept_downloads": True, "service_workers": "block"}  # strict_context's settings


@pytest.fixture(scope="module")
def worries_page(browser, medway_url):
    """``worries_page(age)``: the worries page of a check for a child of that age, as a first visit has it
    (strict_context's settings), started once per age for the tests that only type words into the filter
    and read what it shows (Python's start is most of such a test's time). Each gets the page as it was
    when it arrived: the filter emptied, which gives the groups back as they were, and nothing ticked."""
    context = browser.new_context(**STRICT)
    pages = {}

    def at_the_worries(age: str):
        if age not in pages:
            pages[age] = context.new_page()
            open_checker(pages[age], medway_url)
            to_the_worries(pages[age], age)
        page = pages[age]
        page.fill("#lon-filter", "")
        assert page.locator("#page-worries:not([hidden])").count() == 1
        assert page.locator("#lon-worries input:checked").count() == 0, "a test ticked a worry on the shared page"
        assert page.input_value("#age") == age
        return page

    yield at_the_worries
    context.close()


@pytest.fixture(scope="module")
def checker_at(browser, medway_url):
    """``checker_at(viewport, scale)``: the checker's page on a screen of that size, opened once per module and
    screen, for the tests that only need to reach a state from the start and read what the page shows there
    (Pyodide's start, about 2 s of CPU, is most of such a test's time). Each test gets it started again as a
    user starts again ("Clear everything", confirmed; never by reaching into the page's memory or storage):
    on the first page with nothing entered. Settings as strict_context's (the site's CSP applies). A test
    that adds a dialog handler or a route, or needs a first visit, takes its own page instead."""
    pages = {}

    def at(viewport: dict | None = None, scale: float = 1):
        key = (tuple(sorted((viewport or {}).items())), scale)
        if key not in pages:
            screen = {"viewport": viewport, "device_scale_factor": scale} if viewport else {}
            pages[key] = browser.new_context(**STRICT, **screen).new_page()
            open_checker(pages[key], medway_url)
        page = pages[key]
        clear_check(page)
        assert page.locator("#page-risk:not([hidden])").count() == 1
        assert not page.evaluate(HAS_INPUT), "the shared page kept an answer after Clear everything"
        return page

    yield at
    for page in pages.values():
        page.context.close()


@pytest.fixture
def offline_capable_context(browser):
    """A context where the site's service worker runs, as in a user's browser after a visit."""
    context = browser.new_context(accept_downloads=True, service_workers="allow")
    yield context
    context.close()


@dataclass(frozen=True)
class SearchUI:
    """How a person searches each engine's site by keyboard, and where its results show."""

    result: str  # a result's link, in ranked order (Playwright's CSS reaches into Zensical's shadow root)
    open_first: tuple[str, ...]  # keys that open the first result once the query is typed


SEARCH_UI = {
    # Material: the results are a list below the search box; the first arrow key moves onto the first.
    "mkdocs": SearchUI(".md-search-result__item > .md-search-result__link", ("ArrowDown", "Enter")),
    # Zensical: a dialog with a combobox and a listbox of options; the first option is already selected.
    "zensical": SearchUI("[role=listbox] [role=option]", ("Enter",)),
}


@pytest.fixture(scope="session")
def search_ui(site_engine) -> SearchUI:
    return SEARCH_UI[site_engine]


# Where focus is, through a shadow root (Zensical's search dialog): in a text box, or on a Search button.
FOCUS_IN_A_BOX = """() => { let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return Boolean(el) && el.matches('input:not([type=checkbox]):not([type=radio]), textarea'); }"""
FOCUS_ON_SEARCH_BUTTON = """() => { const el = document.activeElement;
  return Boolean(el) && el.tagName === 'BUTTON' && /search/i.test(el.getAttribute('aria-label') || el.textContent); }"""
MAX_TABS_TO_SEARCH = 15


def open_search(page) -> None:
    """Put focus in the site's search box as a keyboard user does, on either engine and any width: Tab
    from the top of the page into the header's search box, or onto a Search button that Enter opens. (The
    theme's one-key shortcuts, such as /, are off outside a box: WCAG 2.1.4, assets/header/menu-buttons.js.)"""
    for _ in range(MAX_TABS_TO_SEARCH):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUS_IN_A_BOX):
            return
        if page.evaluate(FOCUS_ON_SEARCH_BUTTON):
            page.keyboard.press("Enter")
            assert wait_until(page, FOCUS_IN_A_BOX), "Enter on the Search button puts focus in no search box"
            return
    raise AssertionError(f"Tab never reaches the search in {MAX_TABS_TO_SEARCH} presses")


SEARCH_SETTLES = 0.1  # seconds between two looks at the results that must be the same


def search_at_rest(page, result: str, timeout: float = 10.0) -> list[str]:
    """The search's results for what was typed, once shown and no longer changing; their words. The engine
    answers each letter as it is typed, so the list changes until the last answer: it is taken when two looks
    a moment apart (SEARCH_SETTLES) see the same results. (Neither engine marks which words a list answers.)"""
    deadline = time.monotonic() + timeout
    before: list[str] | None = None
    while time.monotonic() < deadline:
        shown = page.locator(result).all_inner_texts()
        if shown and shown == before:
            return shown
        before = shown
        time.sleep(SEARCH_SETTLES)
    raise AssertionError(f"the search's results never came to rest: {before}")


def axe_violations(page, exceptions: dict[str, str] | None = None) -> list[dict]:
    """Run axe-core with the WCAG 2.2 AA tags; return violations not listed as known exceptions.
    Axe runs once transitions have ended: a colour read halfway through a fade (Material's header title,
    after a scroll) is no colour a reader is left with. The wait polls and axe is evaluated by the test
    tools, which no CSP governs (a page's own CSP forbids a script tag and a string evaluated in the page,
    page.wait_for_function): so a page under its site's CSP, as a user has it, is checked as one that
    bypasses it."""
    deadline = time.monotonic() + 5
    while not page.evaluate(ANIMATIONS_ENDED):
        assert time.monotonic() < deadline, f"{page.url}: animations still running after 5 s"
        time.sleep(0.05)
    if not page.evaluate("() => typeof axe === 'object'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    violations = page.evaluate(AXE_RUN, WCAG_TAGS)
    return [v for v in violations if v["id"] not in (exceptions or {})]


@pytest.fixture(scope="session")
def walked(browser, tmp_path_factory):
    """``walked(site)``: the record of the site's one walk over every page (tests/browser/site_walk.py),
    made once per test run, whichever pytest-xdist worker asks first; the every-page tests read it."""
    from sitebuild import once_per_run, run_folder

    from .site_walk import walk_site

    folder = run_folder(tmp_path_factory)
    records: dict[Path, dict] = {}

    def walk(site) -> dict:
        if site.directory not in records:
            name = f"walk-{site.directory.parent.name}"  # the build's own folder: one per site
            records[site.directory] = once_per_run(folder, name, lambda _work: walk_site(browser, site))
        return records[site.directory]

    return walk
