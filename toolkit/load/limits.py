"""Limits that keep a careless or hostile thresholds file from crashing or hanging the loader.

A thresholds file is a few hundred indicators and some guidance: it needs no anchors or aliases,
no deep nesting, no huge numbers and no control characters. Each of those is refused with one line
(file, line, where, what is wrong) before PyYAML could crash on it (a RecursionError at about 1,000
levels, a ValueError for an integer over 4,300 digits or a date of 2026-13-45, a TypeError for a list
used as a key) or spend minutes expanding it (an alias bomb, a 50 MB file).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import yaml

MAX_BYTES = 1_000_000  # a full levels-of-need table is under 100 kB; ten times that is still generous
MAX_DEPTH = 32  # the deepest path the schema allows is under 10 levels
MAX_NUMBER_DIGITS = 9  # every number in the format is small: levels, stages, ages
# Characters a thresholds file never needs: control characters (tab and line breaks aside), the
# characters that change text direction or break lines unseen ("Trojan Source", CVE-2021-42574: the
# bidirectional embeddings, overrides, isolates and marks, and U+2028/U+2029), Unicode noncharacters,
# lone surrogates, and every invisible format character (Unicode category Cf: zero-width spaces and
# joiners, the word joiner, soft hyphens, invisible operators, interlinear annotations, tag characters
# that can hide text) except the zero-width non-joiner and joiner, which Persian, Indic scripts and
# emoji need. tests/toolkit/test_hostile_file.py fails when Python's Unicode data has a Cf this list lacks.
_LINE_BREAKS = "\u2028\u2029"
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
FORMAT_ALLOWED = "\u200c\u200d"  # zero-width non-joiner and joiner: part of how some scripts are written
_INVISIBLE = _LINE_BREAKS + _FORMAT
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
BAD_CHARACTER = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_INVISIBLE}{_NONCHARACTERS}\ud800-\udfff]")


class LimitError(Exception):
    """One limit broken: the line (1-based), where (as a problem's path) and what."""

    def __init__(self, line: int, where: str, message: str) -> None:
        self.line = line
        self.where = where
        self.message = message
        super().__init__(message)


def character_problem(char: str) -> str:
    """What kind of refused character this is, for a message."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"a control character ({describe_char(char)})"
    if 0xD800 <= code <= 0xDFFF:
        return f"a lone surrogate ({describe_char(char)})"
    if char == "\ufeff":
        return f"a zero-width no-break space ({describe_char(char)})"
    if (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:
        return f"a Unicode noncharacter ({describe_char(char)})"
    if char in "\u061c\u200e\u200f\u2028\u2029" or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return f"an invisible text-direction or line-break character ({describe_char(char)})"
    return f"an invisible formatting character ({describe_char(char)})"


def describe_char(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip()


# What PyYAML's reader refuses (with a multi-line error), and NEL, which YAML reads as a line break.
UNREADABLE_CHARACTER = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def find_unreadable_characters(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, what) for the first character of each line that YAML cannot read, 1-based.

    Other refused characters (text direction, say) are reported later with the field they are in.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if found := UNREADABLE_CHARACTER.search(line):
            yield number, found.start() + 1, character_problem(found.group())


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise LimitError(
            1,
            "(file)",
            f"the file is {size / 1e6:.1f} MB; a thresholds file may be at most {MAX_BYTES / 1e6:.0f} MB",
        )


def check_complete(text: str) -> None:
    """A file an editor saved ends with a line break. One that stops in the middle of a line was most
    likely cut short (a copy or a download interrupted): a text cut in the middle ("LADO: Local
    Authority De") would pass every other check when the rest of the file is optional."""
    if text and not text.endswith(("\n", "\r")):
        last = text.rsplit("\n", 1)[-1]
        shown = last if len(last) <= 40 else f"…{last[-40:]}"
        raise LimitError(
            text.count("\n") + 1,
            "(file)",
            f"the file ends in the middle of a line ({shown!r}), so it may have been cut short: check that "
            "its end is complete, and end it with a line break",
        )


def check_text(text: str) -> None:
    """Before parsing: size and characters, which PyYAML would otherwise reject with a multi-line error."""
    check_size(len(text.encode("utf-8", "surrogatepass")))
    text = text.removeprefix("\ufeff")  # a byte order mark at the very start is harmless
    for line, column, reason in find_unreadable_characters(text):
        raise LimitError(line, "(text)", f"column {column} has {reason}; remove it")


class LimitedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing anchors, aliases, deep nesting, non-text keys and huge numbers.

    Dates stay text (the schema and the range checks judge them), so an impossible date is an error
    message, not a crash.
    """

    yaml_implicit_resolvers: dict[str, list[Any]] = {  # noqa: RUF012 (PyYAML's own class attribute)
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise LimitError(
                line,
                "(YAML syntax)",
                "anchors and aliases (&name, *name) are not allowed in a thresholds file; write each value out",
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise LimitError(line, "(YAML syntax)", f"nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def compose_mapping_node(self, anchor: Any) -> Any:
        node = super().compose_mapping_node(anchor)
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode):
                kind = "list" if isinstance(key, yaml.SequenceNode) else "mapping"
                raise LimitError(key.start_mark.line + 1, "(YAML syntax)", f"a {kind} is used as a key; keys are words")
            if key.tag != "tag:yaml.org,2002:str":
                raise LimitError(
                    key.start_mark.line + 1,
                    "(YAML syntax)",
                    f"the key {key.value!r} is read as {_tag_name(key.tag)}, not a word: put it in quotes",
                )
        return node

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError) as exc:  # "!!int 12x", "!!float abc" and the like
            raise LimitError(
                node.start_mark.line + 1, "(YAML syntax)", f"{_tag_name(node.tag)} that cannot be read ({exc})"
            ) from None

    def construct_yaml_timestamp(self, node: Any) -> str:
        return str(self.construct_scalar(node))  # dates stay text, even when tagged !!timestamp

    def construct_yaml_int(self, node: Any) -> int:
        """A whole number in ordinary decimal digits, of at most MAX_NUMBER_DIGITS digits. YAML 1.1 also
        reads hex (0x18), octal (030, 0o30), binary (0b11), base 60 (1:30) and digits with underscores
        (1_000) as numbers, so "oldest: 030" would mean 24: each is refused with one line, before it is
        turned into a number (a huge one would break every message that prints it)."""
        text = str(node.value)
        line = node.start_mark.line + 1
        if not DECIMAL.fullmatch(text):
            if not any(pattern.match(text) for pattern, _ in _NUMBER_FORMS):
                super().construct_yaml_int(node)  # "!!int 12x": no number at all, which construct_object reports
            written = f"{_number_form(text)}; write the number in ordinary digits, like 24"
            raise LimitError(line, "(YAML syntax)", written)
        digits = len(text.lstrip("+-"))
        if digits > MAX_NUMBER_DIGITS:
            raise LimitError(
                line,
                "(YAML syntax)",
                f"a number with {digits} digits; numbers in a thresholds file have at most {MAX_NUMBER_DIGITS}",
            )
        return int(text)


# A whole number as a person writes it: an optional sign, then 0 or digits not starting with 0.
DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_NUMBER_FORMS = (
    (re.compile(r"[-+]?0[xX]"), "hexadecimal"),
    (re.compile(r"[-+]?0[bB]"), "binary"),
    (re.compile(r"[-+]?0[oO]?[0-9_]"), "octal (a leading 0)"),
    (re.compile(r"[-+]?[0-9_]+(?::[0-9_]+)+"), "base 60 (with colons)"),
    (re.compile(r".*_"), "digits with underscores"),
)


def _number_form(text: str) -> str:
    """Which of YAML's other ways of writing a whole number this is, in words; never the number itself
    in full (it may be thousands of digits)."""
    shown = text if len(text) <= 20 else f"{text[:12]}… ({len(text)} characters)"
    form = next((name for pattern, name in _NUMBER_FORMS if pattern.match(text)), "an unusual form")
    return f"{shown!r} is a whole number written in {form}"


LimitedLoader.add_constructor("tag:yaml.org,2002:int", LimitedLoader.construct_yaml_int)
LimitedLoader.add_constructor("tag:yaml.org,2002:timestamp", LimitedLoader.construct_yaml_timestamp)


class _Quick(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser and composer, with LimitedLoader's tags (dates stay text)."""

    yaml_implicit_resolvers = LimitedLoader.yaml_implicit_resolvers


def compose_quickly(text: str) -> Any | None:
    """The file's node tree composed by libyaml (about ten times faster than PyYAML's own parser), or
    None wherever LimitedLoader must look closer: libyaml absent, an empty file, a syntax error, an anchor
    or alias, nesting near MAX_DEPTH, or a key that is not a word. LimitedLoader then composes the file
    itself and words the problem, so every message comes from one place and reads the same with or
    without libyaml."""
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    try:
        if not _plain_and_shallow(yaml.parse(text, Loader=_Quick)):
            return None
        root = yaml.compose(text, Loader=_Quick)
    except yaml.YAMLError:
        return None
    return root if root is not None and _keys_are_words(root) else None


def _plain_and_shallow(events: Iterator[Any]) -> bool:
    """No anchor or alias, and collections nested less than MAX_DEPTH deep (read as events, so a
    hostile nesting is never composed recursively)."""
    depth = 0
    for event in events:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            return False
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth >= MAX_DEPTH:
                return False
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return True


def _keys_are_words(root: Any) -> bool:
    waiting = [root]
    while waiting:
        node = waiting.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode) or key.tag != "tag:yaml.org,2002:str":
                    return False
                waiting.append(value)
        elif isinstance(node, yaml.SequenceNode):
            waiting.extend(node.value)
    return True


def _tag_name(tag: str) -> str:
    names = {"bool": "true or false", "int": "a number", "float": "a number", "null": "nothing", "str": "text"}
    return names.get(tag.rsplit(":", 1)[-1], tag)
