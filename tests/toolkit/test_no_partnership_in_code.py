"""No partnership's content in the code: every contact number, contact name, id and name of a
partnership (and of its levels, routes, domains and themes) comes from its file, so none of them may
appear in the toolkit's or the core's code, templates, schema or web files. Checked for both
partnerships' files.

Words that are the format's own vocabulary (a rule kind such as ``emergency``, a question id such as
``consent``, a part of the summary, any field name or fixed value of the schema) may also be a
partnership's id; those are left out of the search, as they are the format's, not the partnership's.
A single-word id is searched for where code writes an id, in quotes; a hyphenated id or a number
anywhere in the text of a string, template or comment.
"""

from __future__ import annotations

import ast
import functools
import io
import re
import subprocess
import tokenize
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLE_FILE, ROOT, THRESHOLDS_FILE, loaded
from schema_walk import mappings

from toolkit.load import load_schema

CODE_FOLDERS = ("toolkit", "core", "hooks")
SUFFIXES = {".py", ".j2", ".js", ".mjs", ".css", ".html", ".json", ".toml"}


def code_files() -> list[Path]:
    """The code's files as a clone holds them (``toolkit/shipped`` links to the project's docs and
    configuration, which are not code, and which the tests of each partnership's site cover)."""
    listed = subprocess.run(["git", "ls-files", "-z", *CODE_FOLDERS], cwd=ROOT, capture_output=True, text=True)
    paths = (ROOT / name for name in listed.stdout.split("\0") if name)
    return sorted(p for p in paths if p.suffix in SUFFIXES and not p.is_symlink() and p.is_file())


def format_vocabulary() -> set[str]:
    """Every field name and fixed value of the schema: the format's words, not a partnership's."""
    words: set[str] = set()
    for node in mappings(load_schema()):
        words.update(node.get("properties", {}))
        words.update(str(v) for v in node.get("enum", ()))
        if isinstance(node.get("const"), str):
            words.add(node["const"])
    return words


def partnership_words(path: Path) -> tuple[set[str], set[str]]:
    """(ids, names and numbers) of a partnership's file."""
    thresholds = loaded(path)
    ids = {node["id"] for node in mappings(thresholds.data) if isinstance(node.get("id"), str)}
    names = {getattr(thresholds.partnership, key) for key in ("name", "short_name", "area")}
    names.add(thresholds.document.title)
    names |= {contact.name for contact in thresholds.contacts}
    names |= {level.name for level in thresholds.levels} | {level.title for level in thresholds.levels}
    names |= {route.name for _, route in thresholds.routes()}
    names |= {named.name for named in (*thresholds.domains, *thresholds.themes)}
    names |= {contact.phone for contact in thresholds.contacts if contact.phone}
    names |= {contact.email for contact in thresholds.contacts if contact.email}
    return ids - format_vocabulary(), names


# A script's comments and string literals.
SCRIPT_TEXT = r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`"


@functools.cache
def texts(path: Path) -> tuple[str, ...]:
    """The parts of a file where a partnership's words could be written: a Python file's strings and
    comments, a script's strings and comments, and the whole of a template, stylesheet or schema
    (without the numbers of HTML attributes such as max="999", which are not contact numbers).
    Read once per process: parsing and tokenizing every code file is about a second of CPU, and each
    partnership's run searches the same texts."""
    return tuple(file_texts(path))


def file_texts(path: Path) -> Iterator[str]:
    source = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield repr(node.value)
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                yield token.string
    elif path.suffix in (".js", ".mjs"):
        yield from re.findall(SCRIPT_TEXT, source, re.S)
    else:
        yield re.sub(r'(\s[a-z-]+=")\d+(")', r"\1\2", source)


@functools.cache
def any_of(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))


def found(words: set[str], ids: set[str], text: str) -> set[str]:
    if not any_of(frozenset(words | ids)).search(text):  # one quick look first: most texts hold none
        return set()
    hits = {word for word in words if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)}
    quoted = {i for i in ids if "-" in i and re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)}
    quoted |= {i for i in ids if re.search(rf"[\"'`]{re.escape(i)}[\"'`]", text)}
    return hits | quoted


@pytest.mark.parametrize("source", [THRESHOLDS_FILE, EXAMPLE_FILE], ids=["medway", "example"])
def test_no_contact_name_number_id_or_partnership_name_is_in_the_code(source):
    ids, names = partnership_words(source)
    assert len(ids) > 20 and len(names) > 5  # the file's words were found
    files = code_files()
    assert len(files) > 40 and any(p.suffix == ".j2" for p in files) and any(p.suffix == ".mjs" for p in files)
    hits = {
        path.relative_to(ROOT).as_posix(): sorted(set().union(*(found(names, ids, text) for text in texts(path))))
        for path in files
    }
    assert {path: words for path, words in hits.items() if words} == {}


def test_the_search_finds_what_it_looks_for(tmp_path):
    ids, names = {"l2-bereavement", "statutory"}, {"01634 334466", "Medway"}
    assert found(names, ids, "'Medway'") == {"Medway"}
    assert found(names, ids, "# call 01634 334466") == {"01634 334466"}
    assert found(names, ids, 'if id == "statutory":') == {"statutory"}
    assert found(names, ids, "statutory services") == set()  # a word, not an id
    assert found(names, ids, "levels/l2-bereavement.md") == {"l2-bereavement"}
    template = tmp_path / "t.j2"
    template.write_text('<input max="999"> call 999', encoding="utf-8")
    assert [found({"999"}, set(), text) for text in texts(template)] == [{"999"}]
    script = tmp_path / "s.js"
    script.write_text('Math.min(value, 999); const a = "999";', encoding="utf-8")
    assert set().union(*(found({"999"}, set(), text) for text in texts(script))) == {"999"}
