"""The colours a partnership may give its levels and routes (``colour: "#1d70b8"``).

A colour marks a level's or a route's name (a bar beside its heading); the name is always there, so
colour is never the only signal. A mark beside text must stand out from the white page: WCAG 2.2
success criterion 1.4.11 (non-text contrast) asks for a contrast ratio of at least 3:1, which
``validate`` checks (``too_faint``). The site gets one stylesheet of them (``stylesheet``).
"""

from __future__ import annotations

from levels_of_need.model import Thresholds

PAGE = "#ffffff"  # the pages' background, printed and on screen
MINIMUM_CONTRAST = 3.0


def _luminance(colour: str) -> float:
    """WCAG 2.2's relative luminance of a "#rrggbb" colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2.2's contrast ratio of two "#rrggbb" colours, from 1 to 21."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def too_faint(colour: str) -> str | None:
    """Why a colour cannot mark a name on the page, or None if it can."""
    ratio = contrast(colour, PAGE)
    if ratio >= MINIMUM_CONTRAST:
        return None
    return (
        f"{colour} has a contrast of {ratio:.1f}:1 against the white page; a colour that marks a name "
        f"needs at least {MINIMUM_CONTRAST:.0f}:1 (WCAG 2.2, 1.4.11 non-text contrast): choose a darker shade"
    )


def colours(t: Thresholds) -> dict[str, str]:
    """Every colour the file gives, by the CSS name it gets: ``level-<id>`` and ``route-<id>``."""
    found = {}
    for level in t.levels:
        if level.colour:
            found[f"level-{level.id}"] = level.colour
        for route in level.routes:
            if route.colour:
                found[f"route-{route.id}"] = route.colour
    return found


def css_class(t: Thresholds, kind: str, item_id: str) -> str:
    """The classes that mark a level's or route's name with its colour, or "" if it has none."""
    name = f"{kind}-{item_id}"
    return f"lon-colour lon-colour--{name}" if name in colours(t) else ""


def stylesheet(t: Thresholds) -> str:
    """The site's stylesheet of the file's colours (ids and colours are checked by the schema, so
    nothing else can reach the CSS)."""
    rules = [f".lon-colour--{name} {{ border-left-color: {colour}; }}" for name, colour in colours(t).items()]
    return (
        "/* The partnership's colours for its levels and routes, from its thresholds file. */\n"
        + "\n".join(rules)
        + "\n"
    )
