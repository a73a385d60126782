"""Exact fixes to a site engine's own markup, so that every built page is valid HTML.

Each engine's theme has its own faults, so each has its own list. For Material for MkDocs 9.x:

- section labels in the navigation carry ``tabindex=""`` when they are not links
  (partials/nav-item.html); an empty tabindex is invalid, and omitting it is what was meant;
- the drawer and search toggles are checkboxes with ``autocomplete="off"`` (base.html); the
  attribute is not allowed on checkboxes.

Zensical 0.0.73's ``classic`` variant ships the same templates with the same two faults (html-validate
finds nothing else in its pages), so its list is the same today; when Zensical changes its markup,
its list changes alone. Zensical adds one of its own: with a single colour scheme, the palette's hidden
radio is still a Tab stop.

A fix marked ``always`` must match on every full page. If an engine changes its markup, the fix stops
matching and the build fails with ``MarkupChanged``, rather than silently leaving invalid HTML for
html-validate to find later.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fix:
    before: str
    after: str
    always: bool  # present on every full page of this engine


class MarkupChanged(RuntimeError):
    """An engine's markup no longer has what a fix expects: review this module."""


MATERIAL_FIXES = (
    Fix(' tabindex=""', "", always=False),
    Fix('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__drawer"', always=True),
    Fix('type="checkbox" id="__search" autocomplete="off"', 'type="checkbox" id="__search"', always=True),
)
ZENSICAL_FIXES = (
    *MATERIAL_FIXES,
    # With one colour scheme, the palette's one radio is hidden, of no size and aria-hidden, with no label to
    # show its focus, yet still a Tab stop: focus would go where it cannot be seen (WCAG 2.4.7, 2.4.11).
    Fix(
        'aria-hidden="true"  type="radio" name="__palette"',
        'aria-hidden="true" tabindex="-1" type="radio" name="__palette"',
        always=False,
    ),
)
FIXES: dict[str, tuple[Fix, ...]] = {
    "mkdocs": MATERIAL_FIXES,
    "zensical": ZENSICAL_FIXES,  # the classic variant: Material's templates, carried over with their faults
}


def conform(html: str, where: str, engine: str = "mkdocs") -> str:
    """``html`` with the engine's fixes applied. ``where`` names the page in an error."""
    for fix in FIXES[engine]:
        if fix.always and fix.before not in html and "<html" in html:
            raise MarkupChanged(
                f"{engine}'s markup changed: {fix.before!r} not found in {where}; review toolkit/publish/conformance.py"
            )
        html = html.replace(fix.before, fix.after)
    return html
