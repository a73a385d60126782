"""The site's navigation and search by keyboard where Material folds them into the header (200% zoom,
320 px): a menu and a search button that take focus, open what they control, move focus into it, close on
Escape and give focus back; the drawer's links are in the tab order only while it is open."""

from __future__ import annotations

import pytest

from .conftest import axe_violations

# A 1280 x 720 screen at 200% zoom (device pixels doubled), and WCAG's 320 CSS pixels (1.4.10).
SCREENS = {
    "200% zoom": ({"width": 640, "height": 360}, 2),
    "320 px": ({"width": 320, "height": 256}, 1),
}
PAGES = ("/", "/check/")
MAX_TABS = 10

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {tag: el.tagName.toLowerCase(), name: el.getAttribute('aria-label') || el.innerText.trim().slice(0, 40),
          expanded: el.getAttribute('aria-expanded'), controls: el.getAttribute('aria-controls'),
          role: el.getAttribute('role'),
          inDrawer: Boolean(el.closest('.md-sidebar--primary')), inSearch: Boolean(el.closest('.md-search')),
          visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
                   && box.left >= -1 && box.right <= innerWidth + 1 && box.top >= -1 && box.bottom <= innerHeight + 1};
}"""

DRAWER_LINKS_TABBABLE = """() => [...document.querySelectorAll('.md-sidebar--primary a[href]')]
    .filter((a) => a.getClientRects().length && getComputedStyle(a).visibility !== 'hidden').length"""


@pytest.fixture(params=sorted(SCREENS))
def folded(browser, request):
    viewport, scale = SCREENS[request.param]
    context = browser.new_context(
        viewport=viewport, device_scale_factor=scale, service_workers="block", bypass_csp=True
    )
    yield context.new_page()
    context.close()


def tab_to(page, name: str, key: str = "Tab") -> dict | None:
    """Tab from the top of the page (or press ``key``, Shift+Tab, from where focus is) until the control
    named ``name`` has focus; what has focus then."""
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        at = page.evaluate(FOCUSED)
        if at and at["name"] == name:
            return at
    return None


def open_with_enter(page, name: str, inside: str) -> dict:
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"() => document.activeElement && document.activeElement.closest('{inside}') !== null", timeout=5_000
    )
    # Material slides the drawer in: what has focus is measured where it comes to rest.
    page.wait_for_function(
        "() => document.getAnimations().every((animation) => animation.playState !== 'running')", timeout=5_000
    )
    return page.evaluate(FOCUSED)


@pytest.mark.parametrize("path", PAGES)
def test_the_menu_opens_closes_and_gives_focus_back_by_keyboard(folded, medway_url, path):
    page = folded
    page.goto(f"{medway_url}{path}")
    assert page.evaluate(DRAWER_LINKS_TABBABLE) == 0  # closed: none of its links in the tab order
    button = tab_to(page, "Menu")
    assert button is not None, "Tab never reaches the menu"
    assert (button["tag"], button["expanded"]) == ("button", "false")
    assert page.evaluate(f"() => document.getElementById('{button['controls']}')?.matches('.md-sidebar--primary')")
    opened = open_with_enter(page, "Menu", ".md-sidebar--primary")
    assert opened["visible"], opened
    assert page.evaluate("document.querySelector('button[aria-label=Menu]').getAttribute('aria-expanded')") == "true"
    page.keyboard.press("Tab")
    link = page.evaluate(FOCUSED)
    # a link, or a section's row, which is a button in the drawer (drawer-levels.js)
    assert (link["tag"] == "a" or link["role"] == "button") and link["inDrawer"] and link["visible"], link
    assert [v["id"] for v in axe_violations(page)] == []
    page.keyboard.press("Escape")
    back = page.evaluate(FOCUSED)
    assert (back["name"], back["expanded"]) == ("Menu", "false")
    page.wait_for_function(f"() => ({DRAWER_LINKS_TABBABLE})() === 0", timeout=5_000)


@pytest.mark.parametrize("path", PAGES)
def test_search_opens_finds_and_gives_focus_back_by_keyboard(folded, medway_url, path):
    page = folded
    page.goto(f"{medway_url}{path}")
    button = tab_to(page, "Search")
    assert button is not None, "Tab never reaches search"
    assert (button["tag"], button["expanded"]) == ("button", "false")
    box = open_with_enter(page, "Search", ".md-search")
    assert box["tag"] == "input" and box["visible"], box
    page.keyboard.type("neglect")
    page.wait_for_selector(".md-search-result__link", timeout=30_000)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        at = page.evaluate(FOCUSED)
        if at and at["tag"] == "a":
            break
    assert at and at["inSearch"] and at["visible"], at  # a result, reached with Tab
    assert [v["id"] for v in axe_violations(page)] == []
    page.keyboard.press("Escape")
    back = page.evaluate(FOCUSED)
    assert (back["name"], back["expanded"]) == ("Search", "false")
    assert [v["id"] for v in axe_violations(page)] == []


# The theme's one-key shortcuts: f, s and / open the search; n and . go to the next page, p and , to the
# previous one. Pressed outside a box (a stray key, or a word said to speech input) they would take the
# reader somewhere else (WCAG 2.2, 2.1.4 Character Key Shortcuts). Typing them in a box is the search's
# own tests (tests/browser/test_finding_words.py types "private fostering" into it).
THEME_KEYS = ("f", "s", "/", "n", ".", "p", ",")
# What a theme key would do, seen the moment its keydown is handled (Playwright's press returns after it
# is): a page turn starts a navigation, whose "navigate" event fires as it starts (the Navigation API), and
# the reader's page is then left (a page without the list below, or none to evaluate); the search opens
# its checkbox and takes the focus. So no wait is needed to see that nothing happened.
WATCH_MOVES = """() => { window.lonMoves = [];
    navigation.addEventListener('navigate', (event) => lonMoves.push(event.destination.url)); }"""
MOVED = """() => ({moves: window.lonMoves ?? 'another page',
    search: Boolean(document.getElementById('__search')?.checked), onBody: document.activeElement === document.body})"""


@pytest.mark.parametrize("path", PAGES)
def test_a_single_key_pressed_outside_a_box_changes_nothing(page, medway_url, path):
    page.goto(f"{medway_url}{path}")
    page.wait_for_load_state("load")
    page.locator("h1").first.click()  # the reader is on the page, in no box
    page.evaluate(WATCH_MOVES)
    for key in THEME_KEYS:
        page.keyboard.press(key)
        assert page.evaluate(MOVED) == {"moves": [], "search": False, "onBody": True}, key
        assert page.url == f"{medway_url}{path}", key


# The focused search result's ring: its box grown by the outline and the focus bar (box-shadow) round it,
# and the part of the screen it can show in (the results list clips what is outside it).
RESULT_RING = """() => {
  const el = document.activeElement;
  if (!el || !el.matches('.md-search-result__link')) return null;
  const style = getComputedStyle(el);
  const lengths = (style.boxShadow === 'none' ? [] : style.boxShadow.match(/-?[\\d.]+px/g) || []).map(parseFloat);
  const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
  const ring = outline + Math.max(0, ...lengths);
  const box = el.getBoundingClientRect();
  const list = el.closest('.md-search__scrollwrap').getBoundingClientRect();
  return {words: el.innerText.slice(0, 40), ring, top: box.top - ring, bottom: box.bottom + ring,
          clearTop: Math.max(0, list.top), clearBottom: Math.min(innerHeight, list.bottom)};
}"""
RESULTS_TABBED = 12


def test_each_search_result_in_focus_shows_its_whole_focus_ring(folded, medway_url):
    """A tall result (a long paragraph of guidance, at 200% zoom) is never taller than the list: the ring
    round the result in focus is wholly in view, top and bottom, for every result Tab reaches."""
    page = folded
    page.goto(f"{medway_url}/")
    assert tab_to(page, "Search") is not None, "Tab never reaches search"
    open_with_enter(page, "Search", ".md-search")
    page.keyboard.type("neglect")
    page.wait_for_selector(".md-search-result__link", timeout=30_000)
    rings, cut = [], []
    for _ in range(RESULTS_TABBED):
        page.keyboard.press("Tab")
        ring = page.evaluate(RESULT_RING)
        if ring is None:
            continue
        rings.append(ring)
        if ring["top"] < ring["clearTop"] - 1 or ring["bottom"] > ring["clearBottom"] + 1:
            cut.append(ring)
    assert len(rings) >= 5 and all(ring["ring"] > 0 for ring in rings), rings
    assert cut == []
