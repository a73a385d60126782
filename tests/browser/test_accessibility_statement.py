"""Each known issue the accessibility statement lists for the toolkit (toolkit/site/accessibility.py)
is still there: when one is fixed, its test here fails until the statement stops listing it."""

from __future__ import annotations

from toolkit.site.accessibility import TOOLKIT_ISSUES

FOCUSED = "() => document.activeElement && document.activeElement.matches('input[type=search], input[name=query]')"


def test_a_single_key_outside_a_text_box_still_moves_focus_to_search(page, medway_url):
    for key in ("s", "f", "/"):
        page.goto(f"{medway_url}/contacts/")  # afresh for each key: the search a key before opened is closed
        page.locator("h1").first.click()  # focus in the page, outside any text box
        assert not page.evaluate(FOCUSED), key
        page.keyboard.press(key)
        page.wait_for_function(FOCUSED, timeout=5_000)


PROOFS = {"single-key-search-shortcut": test_a_single_key_outside_a_text_box_still_moves_focus_to_search}


def test_every_known_issue_the_statement_lists_has_a_test_here():
    assert set(PROOFS) == {issue.id for issue in TOOLKIT_ISSUES}
