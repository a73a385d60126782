"""The open navigation drawer by keyboard at 200% zoom, with either engine: it holds the keyboard (Tab goes
round it, never to the page behind), and Tab reaches every control that can be seen (the links, each
section's row, each sub-menu's back arrow), and only those: never a link of a closed sub-menu, nor one of
the level an open sub-menu covers. Each control reached is shown whole, on screen and on top. A row opens
its sub-menu (focus goes to the back arrow), the back arrow closes it (focus goes back to the row)."""

from __future__ import annotations

import pytest

from .conftest import NOTHING_MOVING
from .test_header_keyboard import open_with_enter, tab_to

# A 1280 x 800 screen at 200% zoom (device pixels doubled).
ZOOMED = {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}
MAX_STEPS = 120

# Where focus is: a section's row (a label that opens a sub-menu), a sub-menu's back arrow, or another
# control; whether it can be seen whole and on top; whether it is inside a closed sub-menu.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {inDrawer: false, kind: 'nothing'};
  const box = el.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  const closed = [...document.querySelectorAll('.md-sidebar--primary .md-nav__toggle:not(:checked) ~ .md-nav')];
  return {
    inDrawer: Boolean(el.closest('.md-sidebar--primary')),
    kind: el.matches('label.md-nav__title[for]') ? 'back' : el.matches('label[for]') ? 'row' : el.tagName.toLowerCase(),
    for: el.getAttribute('for'), expanded: el.getAttribute('aria-expanded'),
    name: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 50),
    onScreen: box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
              && box.left >= -1 && box.top >= -1 && box.right <= innerWidth + 1 && box.bottom <= innerHeight + 1,
    onTop: Boolean(hit) && (el === hit || el.contains(hit) || hit.contains(el)),
    inClosedSubMenu: closed.some((menu) => menu.contains(el)),
  };
}"""

# The section rows of the drawer's level that is open (none of them inside a closed sub-menu): each must
# take focus.
ROWS_SHOWN = """() => [...document.querySelectorAll('.md-sidebar--primary label.md-nav__link[for]')]
  .filter((row) => row.getClientRects().length && getComputedStyle(row).visibility !== 'hidden'
    && !row.closest('.md-nav__toggle:not(:checked) ~ .md-nav'))
  .map((row) => row.getAttribute('for'))"""


@pytest.fixture
def zoomed(browser):
    context = browser.new_context(**ZOOMED, service_workers="block")
    yield context.new_page()
    context.close()


def press(page, key: str) -> dict:
    page.keyboard.press(key)
    page.wait_for_function(NOTHING_MOVING, timeout=5_000)  # measured where the drawer comes to rest
    return page.evaluate(FOCUSED)


def open_drawer(page) -> dict:
    """Tab to the menu button from the top of the page and open the drawer with Enter; where focus is then."""
    assert tab_to(page, "Menu") is not None, "Tab never reaches the menu"
    open_with_enter(page, "Menu", ".md-sidebar--primary")
    return page.evaluate(FOCUSED)


def assert_seen(at: dict) -> None:
    assert at["onScreen"] and at["onTop"], f"focus on something not seen whole: {at}"
    assert not at["inClosedSubMenu"], f"focus inside a closed sub-menu: {at}"


def walk_the_drawer(page, at: dict) -> set[str]:
    """Tab on from ``at`` round the open drawer, which holds the keyboard (focus never leaves it), checking
    each stop; each closed row reached is opened with Enter (focus must go to its back arrow) and walked
    until Tab has gone round to its back arrow again, which closes it (focus must come back to the row).
    Done when Tab comes round to ``at`` again. The rows opened."""
    start = (at["kind"], at["for"], at["name"])
    opened: set[str] = set()
    open_menus: list[str] = []  # sub-menus opened here and not closed yet, innermost last
    for _ in range(MAX_STEPS):
        assert at["inDrawer"], f"focus left the open drawer: {at}"
        assert_seen(at)
        if open_menus and (at["kind"], at["for"]) == ("back", open_menus[-1]):
            # Round the sub-menu (only it can be reached while it is open) and back to its arrow.
            at = press(page, "Enter")
            assert_seen(at)
            assert (at["kind"], at["for"], at["expanded"]) == ("row", open_menus.pop(), "false"), at
        elif at["kind"] == "row" and at["expanded"] == "false" and at["for"] not in opened:
            row = at["for"]
            opened.add(row)
            at = press(page, "Enter")
            assert_seen(at)
            assert (at["kind"], at["for"]) == ("back", row), at
            open_menus.append(row)
        at = press(page, "Tab")
        if not open_menus and (at["kind"], at["for"], at["name"]) == start:
            return opened
    pytest.fail(f"Tab never came round the drawer in {MAX_STEPS} steps")


def test_tab_reaches_every_control_of_the_open_drawer_and_only_what_is_seen(zoomed, medway_url):
    page = zoomed
    page.goto(f"{medway_url}/")
    at = open_drawer(page)
    rows = set(page.evaluate(ROWS_SHOWN))
    assert rows, "the drawer shows no section rows"
    opened = walk_the_drawer(page, at)
    assert opened == rows, f"rows never reached by Tab: {sorted(rows - opened)}"


def test_a_page_in_a_section_opens_the_drawer_on_its_sub_menu(zoomed, medway_url):
    page = zoomed
    page.goto(f"{medway_url}/")
    # A page inside the first section (whichever the partnership's navigation has first).
    inside = page.evaluate(
        """() => document.querySelector('.md-sidebar--primary .md-nav__item--nested > nav.md-nav a[href]').href"""
    )
    page.goto(inside)
    at = open_drawer(page)
    assert_seen(at)
    assert at["kind"] == "back", at  # the section's sub-menu is open: focus on its back arrow
    row = press(page, "Enter")
    assert_seen(row)
    assert (row["kind"], row["for"], row["expanded"]) == ("row", at["for"], "false"), row
    walk_the_drawer(page, row)
