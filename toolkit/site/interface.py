"""The message catalogue's phrases on the site's pages (the catalogue itself, each phrase's English by key,
is the core's: levels_of_need.interface, which the checker's Python reads too). The templates ask for a
phrase by key (``words("check.continue")``): the language's own words where its data gives them, marked
with their language among the toolkit's English (WCAG 3.1.2), else the English. A partnership's words
are data, escaped as any text from its file; a ``{name}`` in a phrase is a value the template fills in,
or, where the template gives none, the page's script.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from levels_of_need.interface import CATALOGUE, ENDS_SENTENCE, FIELD

from ..load.translations import Marked
from .escaping import page_text


def _filled(text: str, values: Mapping[str, Any], escape: bool) -> Markup:
    """``text`` with the values given filled in (each escaped as data); a ``{name}`` not given is kept for
    the page's script. A partnership's words are data, escaped; the toolkit's own English is markup-free
    and written as it is, as a template's words are."""
    parts, at = [], 0
    for match in FIELD.finditer(text):
        literal = text[at : match.start()]
        parts.append(page_text(literal) if escape and literal else Markup(literal))
        name = match.group(1)
        parts.append(page_text(values[name]) if name in values else Markup(match.group()))
        at = match.end()
        # A value that ends a sentence already takes the place of the phrase's full stop after it, as the
        # core's fill does ("within 5 working days.", never "days..").
        if name in values and text.startswith(".", at) and ENDS_SENTENCE.search(parts[-1].striptags()):
            at += 1
    tail = text[at:]
    parts.append(page_text(tail) if escape and tail else Markup(tail))
    return Markup("").join(parts)


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


__all__ = ["CATALOGUE", "phrase"]
