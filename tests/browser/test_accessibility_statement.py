"""Each known issue the accessibility statement lists for the toolkit (toolkit/site/accessibility.py)
is still there: when one is fixed, its test here fails until the statement stops listing it. None is
listed today (the theme's one-key search shortcut is guarded: tests/browser/test_header_keyboard.py)."""

from __future__ import annotations

from toolkit.site.accessibility import TOOLKIT_ISSUES

PROOFS: dict = {}


def test_every_known_issue_the_statement_lists_has_a_test_here():
    assert set(PROOFS) == {issue.id for issue in TOOLKIT_ISSUES}
