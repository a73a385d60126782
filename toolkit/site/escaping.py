"""The partnership's file is data, never markup: how its text is written into the pages.

The page templates are Markdown with raw HTML in places, so one escape serves both: HTML's own
characters become character references, and so do the characters Markdown gives meaning inside a
line (links and images, emphasis, code, attribute lists, table cells, backslash escapes, headings).
A character reference reads as the character itself in Markdown text, in a raw HTML element and in
an attribute value alike, so the text shows exactly as written and is never parsed as anything. Line
breaks become spaces and a block marker at the start is escaped, so no text starts a block either.

Fields documented as Markdown (guidance bodies) keep their Markdown, with raw HTML off: ``<`` is
escaped, so no tag, comment or autolink can start, and so are the braces of attribute lists. Their
links are limited to https:, mailto:, tel: and the site's own pages by ``toolkit.site.safe_links``.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from ..load.translations import Marked

# & < > " ' for HTML; \ ` * _ { } [ ] | # for Markdown (with the attr_list and tables extensions).
_TEXT = str.maketrans({char: f"&#{ord(char)};" for char in "&<>\"'\\`*_{}[]|#"})
_MARKDOWN_FIELD = str.maketrans({"<": "&lt;", "{": "&#123;", "}": "&#125;"})


# Blocks start only at the start of a line: a line break (and the spaces around it, which would indent
# a code block) becomes one space, so the text is one line wherever it goes; and what would start a block
# where a template puts the text at the start of a line ("!!! type", "=== ", "- ", "+ ", "~~~", ": ",
# "12. ", "12) ") has its first character made a character reference (">", "#", "*", "|", "`" already are).
_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])\s*")
_LEADING_SPACE = re.compile(r"^\s+")  # one space is kept (text joined to text), four would indent code
# An ordered list item is digits, "." or ")" and a space (or nothing): "1.0" and "16/17" start none.
_BLOCK_START = re.compile(r"(?<=^ )[-+=!~:]|^[-+=!~:]|(?<=^ )[0-9]+(?=[.)](?:[ \t]|$))|^[0-9]+(?=[.)](?:[ \t]|$))")


def page_text(value: Any) -> Markup:
    """Any value from the data, as text safe in the pages' Markdown and HTML, inline and at block level:
    it never starts a block (an admonition, a heading, a code block, a list). Markup passes through."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    text = _LEADING_SPACE.sub(" ", _LINE_BREAK.sub(" ", str(value))).translate(_TEXT)
    safe = Markup(_BLOCK_START.sub(lambda start: "".join(f"&#{ord(char)};" for char in start.group()), text))
    if isinstance(value, Marked):
        # Text in another language than the words around it says which it is in (WCAG 3.1.2).
        return Markup('<span lang="{lang}">{text}</span>').format(lang=value.lang, text=safe)
    return safe


def plain(value: Any) -> str:
    """A value for an attribute or an element that holds text only (an option): never marked up, so
    text in another language there is shown as it is (nothing there can say its language)."""
    return str.__str__(value) if isinstance(value, str) else value


def markdown_field(value: str) -> Markup:
    """A field documented as Markdown: its Markdown kept, raw HTML and attribute lists off."""
    return Markup(str(value).translate(_MARKDOWN_FIELD))


def html_text(value: str) -> Markup:
    """Text for the site engine's own templates (titles, the site name), which treat it as HTML."""
    return Markup.escape(value)


_ANGLES = str.maketrans({"<": "&lt;", ">": "&gt;"})


def theme_text(value: str) -> str:
    """Text for the engine's navigation titles. The themes print a title raw inside elements and
    escape it themselves inside attributes (Material's footer: ``aria-label="Next: {{ title | e }}"``),
    so full escaping would show "&amp;" there. Inside an element only "<" starts markup (the
    validator refuses it, and character references); escaping the angles alone keeps a file that
    skipped validation inert. The site's name and description go into attributes unescaped, so they
    are escaped in full (html_text)."""
    return str(value).translate(_ANGLES)
