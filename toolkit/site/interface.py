"""The toolkit's own interface words: one message catalogue (docs/format.md, "The site's own words").

Each key names one of the toolkit's own phrases (a heading, a button, a label, a word a page script
shows), and ``CATALOGUE`` holds its English, the only language the toolkit ships: each phrase is written
here once, and the templates ask for it by key (``words("check.continue")``). A partnership that
declares another language may give its own words for any key, as data::

    interface:
      cy:
        check.continue: Parhau

A key it leaves out shows the English, which the page marks as English (WCAG 3.1.2). Its words are
plain text like any other field of the file; a ``{name}`` in a phrase is a value the template or the
page's script fills in, and a translation keeps the same ones.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from ..load.translations import IN_LANGUAGE, Marked
from .escaping import page_text

# Keys: a page or part of the site, a dot, the phrase's own name (lower case, digits and dashes).
KEY = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")

CATALOGUE: dict[str, str] = {
    # Every page with an emergency rule (_emergency.md.j2): the box's name, read aloud.
    "emergency.label": "In an emergency",
    # A level's page (level.md.j2).
    "level.response": "What response to expect",
    "level.under-statute": "Under {statute}.",
    "level.consent-required": "Parents must consent",
    "level.consent-to-support": "to support on this route.",
    "level.next-steps": "Next steps",
    "level.indicators": "Indicators",
    "level.strengths-note": (
        "These describe a child whose needs are met. The self-check records them as strengths; it never "
        "lowers a level because of them."
    ),
    # The self-check (check.md.j2): its title, the page's steps and buttons.
    "check.title": "Threshold self-check",
    "check.preparing": "Preparing the checker…",
    "check.question-count": "Question {number} of {count}",
    "check.immediate-risk": "Immediate risk",
    "check.continue": "Continue",
    "check.back": "Back",
    "check.answers": "Check your answers",
    # The words check.js shows (its data-* attributes): {name} is filled in by the script.
    "check.script.failed-status": (
        "The checker could not start. You can still use the guidance, and copy, download or print what you type."
    ),
    "check.script.no-detail": "None.",
    "check.script.no-result": "There is no suggested level: the checker could not start.",
    "check.script.ready-locked": "The checker is ready. Network access inside the checker is switched off.",
    "check.script.ready-open": (
        "The checker is ready. Network access inside the checker is NOT switched off (open: {open})."
    ),
    "check.script.python-requests": "Python's own requests",
    "check.script.network-checked": (
        "Network access inside the checker is switched off (checked: {closed}). What you enter stays in this "
        "page's memory: it is not stored or sent. It leaves the page only when you copy, download, print or "
        "save it yourself."
    ),
    "check.script.no-copy": "There is no summary to copy yet.",
    "check.script.copied": "The summary has been copied. Paste it into the referral form.",
    "check.script.copy-refused": (
        "Your browser did not allow copying. The summary is selected: press Control and C (on a Mac, Command "
        "and C) to copy it."
    ),
    "check.script.no-download": "There is no summary to download yet.",
    "check.script.downloaded": "The summary has been downloaded as {file}.",
    "check.script.printed-at": "Printed on {date} at {time}.",
    "check.script.save-waits": "Saving needs the checker: wait until it says it is ready.",
    "check.script.saved": "The check has been saved to a file ({file}). Keep it safe: it holds what you typed.",
    "check.script.not-saved": "The check could not be saved. {reason}",
    "check.script.unchanged": "{problem} Nothing on this page has changed.",
    "check.script.open-waits": "Opening a saved check needs the checker: wait until it says it is ready.",
    "check.script.too-large": "This file is too large to be a saved check.",
    "check.script.not-opened": "The saved check was not opened.",
    "check.script.cleared-result": "Cleared. Your result appears here as you answer.",
    "check.script.cleared": "Everything has been cleared.",
    "check.script.chosen": "{count} chosen",
    "check.script.worries-match": "{shown} of {all} worries match.",
    "check.script.some-words": "No worry has all of those words; {shown} have some of them.",
    "check.script.error": "Error: {message}",
}


def fields(text: str) -> set[str]:
    """The ``{name}`` values a phrase holds, filled in by the template or the page's script."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


_FIELD = re.compile(r"\{([a-z_]+)\}")


def _filled(text: str, values: Mapping[str, Any], escape: bool) -> Markup:
    """``text`` with the values given filled in (each escaped as data); a ``{name}`` not given is kept for
    the page's script. A partnership's words are data, escaped; the toolkit's own English is markup-free
    and written as it is, as a template's words are."""
    parts, at = [], 0
    for match in _FIELD.finditer(text):
        literal = text[at : match.start()]
        parts.append(page_text(literal) if escape and literal else Markup(literal))
        name = match.group(1)
        parts.append(page_text(values[name]) if name in values else Markup(match.group()))
        at = match.end()
    tail = text[at:]
    parts.append(page_text(tail) if escape and tail else Markup(tail))
    return Markup("").join(parts)


def words_of(data: Mapping[str, Any]) -> Mapping[str, str]:
    """A language's own words for the catalogue's keys, from its data (none in the default's)."""
    return data.get(IN_LANGUAGE) or {}


def phrase(given: Mapping[str, str], key: str, values: Mapping[str, Any], text_only: bool = False) -> Markup:
    """The words for ``key``: the language's own where given (marked with their language among the
    toolkit's English), else the English. ``text_only`` for an attribute or an option, which hold text
    alone and so cannot say their language."""
    english = CATALOGUE[key]  # a key the catalogue lacks is a template's mistake: fail the build
    if key not in given:
        return _filled(english, values, escape=False)
    text = given[key]
    filled = _filled(str.__str__(text), values, escape=True)
    if isinstance(text, Marked) and not text_only:
        return Markup('<span lang="{lang}">{text}</span>').format(lang=text.lang, text=filled)
    return filled
