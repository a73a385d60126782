"""Every piece of text in a thresholds file is plain text (guidance bodies: Markdown without HTML).

The site escapes whatever a file holds; these checks tell the file's editor, one line per field,
about text that could only be a mistake or an attack: HTML tags and character references, links
to ``javascript:`` or ``data:``, invisible control and text-direction characters, and text that is
only spaces.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from toolkit.links import ALLOWED, target_problem

from .limits import BAD_CHARACTER, character_problem

PathItems = list[str | int]

_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_SCRIPT_SCHEME = re.compile(r"(?i)\b(?:java|vb|live)script\s*:")
_DATA_URL = re.compile(r"(?i)\bdata:\s*[a-z]+/[a-z0-9.+-]+\s*[;,]")
# Where Markdown takes a link target: [text](target), ![alt](target) and [label]: target.
_LINK_TARGETS = (
    re.compile(r"\]\(\s*<?([^)\s>]*)"),
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE),
)


# What starts a block in Markdown (with the site's admonition and tables extensions) at the start of a
# line: an admonition or a collapsible block, a heading, a quote, a list item, a fenced or indented
# code block, a table row, a rule or a setext heading's underline. In a plain-text field each would
# change the page's structure, so it is refused (the site also shows such text as text: page_text).
_BLOCK_STARTS = (
    (re.compile(r"^ {0,3}(?:!!!|\?\?\?\+?)", re.MULTILINE), "an admonition"),
    (re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE), "a heading"),
    (re.compile(r"^ {0,3}(?:`{3,}|~{3,})", re.MULTILINE), "a code block"),
    (re.compile(r"\n(?:\t| {4,})\S"), "a code block (an indented line)"),
    (re.compile(r"\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)"), "a heading (an underlined line)"),
    (re.compile(r"\n {0,3}(?:(?:\* *){3,}|(?:_ *){3,})(?:\n|$)"), "a rule"),
    (re.compile(r"(?:^|\n) {0,3}>"), "a quotation"),
    (re.compile(r"(?:^|\n) {0,3}(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)"), "a list"),
    (re.compile(r"\n {0,3}\|"), "a table"),
    # The site's other Markdown extensions: footnotes, abbreviations, attribute lists and snippets.
    (re.compile(r"^ {0,3}\[\^[^\]]*\]:", re.MULTILINE), "a footnote"),
    (re.compile(r"^ {0,3}\*\[[^\]]*\]:", re.MULTILINE), "an abbreviation"),
    (re.compile(r"\{:?[ \t]*[#.][^}]*\}"), "an attribute list"),
    (re.compile(r"-{1,}8<-{1,}"), "a snippet include"),
)
# Fields documented as Markdown (docs/format.md): a guidance section's body. Every other text is plain.
MARKDOWN_FIELDS = (re.compile(r"guidance\.\d+\.body"),)


def is_markdown_field(path: PathItems) -> bool:
    dotted = ".".join(str(part) for part in path)
    return any(pattern.fullmatch(dotted) for pattern in MARKDOWN_FIELDS)


def text_problems(data: Any) -> Iterator[tuple[PathItems, str]]:
    """(path, message) for each string in the data that is not plain text; one message per string."""
    for path, value in strings(data, []):
        if path[:1] in (["translations"], ["interface"]):
            continue  # a translation is checked as the field or phrase it translates (translations.py)
        message = string_problem(value) or (None if is_markdown_field(path) else block_markdown_problem(value))
        if message:
            yield path, message


# A file's texts barely change between loads (an editor's next save, a test's next edit of the same
# file), and each is searched by a score of patterns: each text is judged once per process.
@functools.lru_cache(maxsize=1 << 16)
def block_markdown_problem(value: str) -> str | None:
    """What block-level Markdown a plain-text field holds, in words, or None."""
    for pattern, what in _BLOCK_STARTS:
        if found := pattern.search(value):
            start = found.start() + found.group().startswith("\n")
            return (
                f"contains Markdown that would make {what} ({_excerpt(value, start)}); this field is plain "
                "text: write it as sentences"
            )
    return None


def strings(value: Any, path: PathItems) -> Iterator[tuple[PathItems, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from strings(item, [*path, str(key)])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, [*path, index])


@functools.lru_cache(maxsize=1 << 16)  # as block_markdown_problem
def string_problem(value: str) -> str | None:
    if bad := BAD_CHARACTER.search(value):
        return f"contains {character_problem(bad.group())}; remove it"
    if not value.strip():
        return "is blank: write the text, or leave the field out if it is optional"
    if tag := _TAG.search(value):
        return f"contains an HTML tag ({_excerpt(value, tag.start())}); write plain text, the site formats it"
    if reference := _CHARACTER_REFERENCE.search(value):
        return f"contains an HTML character reference ({reference.group()}); type the character itself"
    if script := _SCRIPT_SCHEME.search(value):
        return f"contains a script link ({_excerpt(value, script.start())}); links may only go to {ALLOWED}"
    if data_url := _DATA_URL.search(value):
        return f"contains a data: link ({_excerpt(value, data_url.start())}); links may only go to {ALLOWED}"
    for pattern in _LINK_TARGETS:
        for match in pattern.finditer(value):
            if problem := target_problem(match.group(1)):
                return f"links to {_excerpt(match.group(1), 0)}: {problem}; links may only go to {ALLOWED}"
    return None


def _excerpt(value: str, start: int, length: int = 24) -> str:
    piece = value[start : start + length]
    return repr(piece + ("…" if len(value) > start + length else ""))
