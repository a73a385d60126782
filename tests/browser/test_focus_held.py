"""Nothing hides the keyboard's focus on the site's pages, and what opens over a page holds the keyboard,
at 320 px, on a 360 px phone, at 200% zoom and at 1280 px, with either engine.

- Closed: every focus stop Tab (and then Shift+Tab) reaches is seen whole and on top (no sticky header, sidebar title or
  overlay over any part of it, nothing of no size such as a closed search's empty list).
- The navigation drawer and the folded search, opened by their buttons, are modal: Tab and Shift+Tab
  stay among what they show, on top, while the page behind is out of reach; Escape closes them and gives
  focus back to the button that opened them.
- The search where it sits in the header (a wide screen): each stop Tab reaches from it is seen whole
  and on top (the search closes as focus leaves it, so nothing is left under its overlay).
"""

from __future__ import annotations

import pytest

from .checker_helpers import READY
from .conftest import NOTHING_MOVING, open_search, search_at_rest
from .test_header_keyboard import open_with_enter, tab_to

# CSS pixels and device scale: WCAG's 320 px (1.4.10), a phone, a 1280 x 720 screen at 200% and at 100%.
SCREENS = {
    "320 px": ({"width": 320, "height": 256}, 1),
    "360 px": ({"width": 360, "height": 740}, 2),
    "200% zoom": ({"width": 640, "height": 360}, 2),
    "1280 px": ({"width": 1280, "height": 720}, 1),
}
# The home page, the check, and a page deep in a section of the navigation (the drawer opens on its
# sub-menu; the sidebar scrolls to it).
PAGES = ("/", "/check/", "/guidance/mash/")
DIALOG_PAGES = ("/", "/guidance/mash/")  # the same drawer and search on every page: one top, one deep
MAX_TABS = 90
HELD_TABS = 30  # Tab, then Shift+Tab, this often inside what is open: more than it holds, so it wraps
TYPED = "levels"  # every partnership's site has levels

# Where focus is (through a shadow root: Zensical's search), and whether it is seen whole: each part of
# each of its boxes is on screen, clear of the screen's edges, and on top at its corners and middle
# (elementFromPoint finds it, or what is inside it, or the label of a hidden control). The sticky header
# counts as covering, except for its own controls and the skip link over it.
FOCUS = """() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const root = el.getRootNode();
  const host = root instanceof ShadowRoot ? root.host : null;
  const seenAt = (x, y) => {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    const hit = root.elementFromPoint(x, y);
    if (!hit) return false;
    // A round control (a radio) shows its corners' points on its own item
    if (hit === el || el.contains(hit) || hit === el.parentElement) return true;
    const label = hit.closest('label');
    return Boolean(label) && label.control === el;
  };
  let target = el;
  if (el.classList.contains('lon-visually-hidden') && el.id) {
    target = document.querySelector(`label[for='${el.id}']`) || el;
  }
  const boxes = [...target.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  const hidden = [];
  if (!boxes.length) hidden.push('no size');
  for (const r of boxes) {
    const inset = Math.min(2, r.width / 4, r.height / 4);
    const points = [[r.left + inset, r.top + inset], [r.right - inset, r.top + inset],
                    [r.left + inset, r.bottom - inset], [r.right - inset, r.bottom - inset],
                    [(r.left + r.right) / 2, (r.top + r.bottom) / 2]];
    const unseen = points.filter(([x, y]) => !seenAt(x, y));
    const where = `${Math.round(r.top)}-${Math.round(r.bottom)}`;
    if (unseen.length) hidden.push(`${unseen.length} of 5 points covered or off screen in ${where}`);
  }
  const words = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40);
  const inSearch = Boolean(el.closest('.md-search')) || Boolean(host);
  return {what: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${words}"`, hidden,
          inDrawer: Boolean(el.closest('.md-sidebar--primary')), inSearch,
          name: el.getAttribute('aria-label') || words, expanded: el.getAttribute('aria-expanded')};
}"""
# The header's button for the drawer or the search, where it is shown (narrow screens, zoom; Zensical's
# search everywhere): a button named Menu or Search that takes focus.
BUTTON_SHOWN = """(name) => [...document.querySelectorAll('.md-header button')].some((b) =>
    (b.getAttribute('aria-label') || b.textContent).trim() === name && b.getClientRects().length
    && getComputedStyle(b).visibility !== 'hidden')"""
DRAWER_OPEN = "() => Boolean(document.getElementById('__drawer')?.checked)"


@pytest.fixture(params=list(SCREENS))
def screen(browser, request):
    viewport, scale = SCREENS[request.param]
    context = browser.new_context(
        viewport=viewport, device_scale_factor=scale, service_workers="block", bypass_csp=True
    )
    page = context.new_page()
    yield page
    context.close()


def press(page, key: str) -> dict | None:
    page.keyboard.press(key)
    page.wait_for_function(NOTHING_MOVING, timeout=5_000)  # measured where a slide comes to rest
    return page.evaluate(FOCUS)


def unseen(at: dict | None, state: str) -> list[str]:
    return [f"{state}: {at['what']}: {'; '.join(at['hidden'])}"] if at and at["hidden"] else []


@pytest.mark.parametrize("path", PAGES)
def test_every_focus_stop_of_a_closed_page_is_seen_whole(screen, medway_url, path):
    page = screen
    page.goto(f"{medway_url}{path}")
    if path == "/check/":  # the checker's progress, then its ready line and notes, move the page while it starts
        page.wait_for_selector(READY, timeout=60_000)
    found, seen = [], 0
    for _ in range(MAX_TABS):
        at = press(page, "Tab")
        if at is None:  # past the page's last stop
            if seen:
                break
            continue
        seen += 1
        found += unseen(at, "closed")
        if at["inDrawer"] and page.evaluate(BUTTON_SHOWN, "Menu"):
            found.append(f"closed drawer in the tab order: {at['what']}")
    # And back: a list scrolled up by Shift+Tab brings each link in at its top, under what sticks there.
    for _ in range(seen):
        found += unseen(press(page, "Shift+Tab"), "closed, Shift+Tab")
    assert seen > 3
    assert found == []


def held(page, key: str, inside: str, opener: str) -> list[str]:
    """Press ``key`` HELD_TABS times in what is open; each stop that leaves it, or is not seen whole."""
    found = []
    for _ in range(HELD_TABS):
        at = press(page, key)
        if at is None or not at[inside]:
            found.append(f"{opener}, {key}: focus left it for {at and at['what']}")
            break
        found += unseen(at, f"{opener}, {key}")
    return found


@pytest.mark.parametrize("path", DIALOG_PAGES)
def test_the_open_drawer_holds_the_keyboard(screen, medway_url, path):
    page = screen
    page.goto(f"{medway_url}{path}")
    if not page.evaluate(BUTTON_SHOWN, "Menu"):
        pytest.skip("the navigation is a sidebar here, on the page (the closed test tabs through it)")
    assert tab_to(page, "Menu") is not None, "Tab never reaches the menu"
    open_with_enter(page, "Menu", ".md-sidebar--primary")
    found = unseen(page.evaluate(FOCUS), "drawer opened")
    found += held(page, "Tab", "inDrawer", "drawer")
    found += held(page, "Shift+Tab", "inDrawer", "drawer")
    assert page.evaluate(DRAWER_OPEN), "the drawer closed while Tab was held in it"
    back = press(page, "Escape")
    assert found == []
    assert back and (back["name"], back["expanded"]) == ("Menu", "false"), back
    assert not page.evaluate(DRAWER_OPEN)


@pytest.mark.parametrize("path", DIALOG_PAGES)
def test_the_open_search_holds_the_keyboard_or_leaves_nothing_hidden(
    screen, medway_url, path, site_engine, search_ui, request
):
    if site_engine == "zensical" and "1280" not in request.node.callspec.id:
        # Zensical's own search dialog (a shadow root) keeps Tab inside it, but its "Filters" button is
        # seen at only 3 of its 5 points (9-45 px: its corners); whether something covers them or the hit
        # test misreads its rounded corners is not yet known. Strict: it fails as passing once resolved.
        request.applymarker(pytest.mark.xfail(strict=True, reason="Zensical's Filters button: 2 of 5 points unseen"))
    page = screen
    page.goto(f"{medway_url}{path}")
    by_button = page.evaluate(BUTTON_SHOWN, "Search")
    found = []
    for key in ("Tab", "Shift+Tab"):
        if key == "Shift+Tab":
            page.goto(f"{medway_url}{path}")
        open_search(page)
        page.keyboard.type(TYPED)
        search_at_rest(page, search_ui.result)  # every partnership's site finds its levels
        page.wait_for_function(NOTHING_MOVING, timeout=5_000)  # the search box's opening has come to rest
        found += unseen(page.evaluate(FOCUS), "search opened")
        if by_button:
            found += held(page, key, "inSearch", "search")
            continue
        # In the header: Tab on from the box (or back from it), over the results and on into the page.
        for _ in range(HELD_TABS):
            found += unseen(press(page, key), f"search, {key}")
    assert found == []
    if by_button:
        back = press(page, "Escape")
        assert back and back["name"] == "Search", back


# Issue 25, a DSL at 200% zoom: a search result ran off the foot of the screen. Every result of a query that
# finds many, reached by the keyboard as each engine offers (Material: Tab onto each result link; Zensical: the
# arrow keys move the selected option of its listbox), is in full view, with its focus ring or highlight, inside
# the list that scrolls it and on the screen. Material loads results in batches as its list is scrolled: the last
# of a batch, and the last of all, are where the list could not scroll on to show them.
SEARCHED = "neglect"  # many results, some long
SEARCH_KEYS = {"mkdocs": "Tab", "zensical": "ArrowDown"}
RESULT_IN_VIEW = """() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return null;
  const chosen = el.getAttribute('aria-activedescendant');
  const result = chosen ? el.getRootNode().getElementById(chosen)
    : el.matches('.md-search-result__link') ? el : null;
  if (!result) return null;
  const style = getComputedStyle(result);
  const shadows = (style.boxShadow === 'none' ? [] : style.boxShadow.match(/-?[\\d.]+px/g) || []).map(parseFloat);
  const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
  const ring = Math.max(0, outline, ...shadows);
  let list = result.parentElement;
  while (list && !['auto', 'scroll'].includes(getComputedStyle(list).overflowY)) list = list.parentElement;
  const box = result.getBoundingClientRect();
  const clip = list ? list.getBoundingClientRect() : {top: 0, bottom: innerHeight};
  return {words: (result.innerText || '').replace(/\\s+/g, ' ').slice(0, 40), key: chosen || result.href,
          top: box.top - ring, bottom: box.bottom + ring,
          clearTop: Math.max(0, clip.top), clearBottom: Math.min(innerHeight, clip.bottom)};
}"""
MAX_RESULTS = 40
# Measured once the page has drawn twice since the key: the engine's answer to it (Zensical's listbox moves
# its selected option as it next draws; Material adds its next batch of results as the list scrolls).
RESULT_IN_VIEW_ONCE_DRAWN = f"""async () => {{
  await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
  return ({RESULT_IN_VIEW})();
}}"""


# Two screens: 200% zoom, where a result ran off the foot, and 320 px, whose list is the shortest and
# narrowest (the longest results in the least room). The 360 px phone, once run too, is the same narrow
# layout of each engine as 320 px with more width and height for the same results: it proved nothing more.
@pytest.mark.parametrize("size", ["200% zoom", "320 px"])
def test_every_search_result_reached_by_keyboard_is_in_full_view(browser, medway_url, site_engine, search_ui, size):
    viewport, scale = SCREENS[size]
    context = browser.new_context(
        viewport=viewport, device_scale_factor=scale, service_workers="block", bypass_csp=True
    )
    try:
        page = context.new_page()
        page.goto(f"{medway_url}/")
        open_search(page)
        page.keyboard.type(SEARCHED)
        search_at_rest(page, search_ui.result)
        seen, cut = [], []
        for _ in range(MAX_RESULTS):
            page.keyboard.press(SEARCH_KEYS[site_engine])
            at = page.evaluate(RESULT_IN_VIEW_ONCE_DRAWN)
            if at is None:
                if seen:
                    break  # past the last result (Tab out of the list)
                continue
            seen.append(at["key"])  # the arrow keys stay on the last result: it is measured again
            if at["top"] < at["clearTop"] - 1 or at["bottom"] > at["clearBottom"] + 1:
                cut.append(at)
        assert len(set(seen)) >= 10, seen
        assert cut == []
    finally:
        context.close()
