"""The sentences the toolkit itself writes: in its page templates, in the core's result, summary and
training text, and in the page scripts. The fidelity test (test_toolkit_sentences.py) holds each one
to the seeds or to the one file of the toolkit's own words, toolkit/own_words.txt.

A value the toolkit fills in at run time (a partnership's name, a level, a count) becomes "…", so a
sentence is checked by its fixed words only."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "toolkit" / "site" / "templates"
CORE = ROOT / "core" / "levels_of_need"
CORE_FILES = ("present.py", "saved.py", "summary.py", "training.py", "training_session.py")
SCRIPTS = ROOT / "toolkit" / "web"
SITE_PYTHON = ROOT / "toolkit" / "site"
OWN_WORDS = ROOT / "toolkit" / "own_words.txt"
OWN_MARK = "own: "
GAP = "…"

# Text a reader sees in an attribute: a label read aloud, a tooltip, a hint in an empty field.
# Attribute values a user sees or hears; and words a script puts on screen from a data-* attribute (the
# page's script holds no sentence of its own: issue 23), told from ids and lists of names by a capital
# letter and a space.
_SEEN_ATTRIBUTES = re.compile(
    r"""\b(?:(?:aria-label|title|placeholder|alt)="([^"]*)"|data-[a-z-]+="([A-Z“‘({][^"]*\s[^"]*)")"""
)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z“\"‘'(…])")


def normalise(text: str) -> str:
    """Quotes, dashes and spaces made plain, and lower case: how a sentence is compared."""
    for fancy, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"), ("\u00a0", " ")):
        text = text.replace(fancy, plain)
    text = re.sub(r"(\s*…\s*)+", " … ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def sentences(text: str) -> Iterator[str]:
    """``text`` cut into sentences, each on one line; a line of no words (markup, a bare value) is none."""
    for line in text.splitlines():
        for sentence in _SENTENCE_END.split(line.strip()):
            sentence = sentence.strip(" \t|")
            if re.search(r"[A-Za-z]{2}", sentence.replace(GAP, " ")):
                yield re.sub(r"\s+", " ", sentence)


# ---- templates ---------------------------------------------------------------------------------


def template_text(source: str) -> str:
    """What a Jinja2 template writes, less its markup: expressions become "…", tags and comments go."""
    text = re.sub(r"\{#.*?#\}", "", source, flags=re.S)
    text = re.sub(r"^---\n.*?\n---\n", "", text.lstrip(), count=1, flags=re.S | re.M)  # front matter
    text = re.sub(r"\{\{.*?\}\}", GAP, text, flags=re.S)
    text = re.sub(r"\{%.*?%\}", "\n", text, flags=re.S)
    # A {name} in a data-* attribute's words is filled by the page's script: a gap, as in a script's `${…}`.
    seen = [re.sub(r"\{\w+\}", GAP, m.group(1) or m.group(2)) for m in _SEEN_ATTRIBUTES.finditer(text)]
    text = re.sub(r"<script\b.*?</script>", "\n", text, flags=re.S)
    text = re.sub(r"<(?:[^<>]|<[^<>]*>)*>", " ", text)  # tags (attribute values may hold a "…" gap)
    text = re.sub(r"\{:[^}]*\}", "", text)  # Markdown attribute lists
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](link): the text
    text = re.sub(r"^\s*(?:#+|[-*>]|\d+\.|!!!.*)\s", "", text, flags=re.M)  # heading, list, quote marks
    text = text.replace("**", "").replace("`", "")
    return "\n".join([text, *seen])


def template_sentences() -> Iterator[tuple[str, str]]:
    for path in sorted(TEMPLATES.glob("*.j2")):
        for sentence in sentences(template_text(path.read_text(encoding="utf-8"))):
            yield f"{path.relative_to(ROOT)}", sentence


# ---- the core's Python -------------------------------------------------------------------------


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _written(node: ast.AST) -> str | None:
    """A string the code writes: a literal, or an f-string with its values as gaps."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else GAP for v in node.values)
    return None


def python_text(source: str) -> list[str]:
    tree = ast.parse(source)
    skip = _docstrings(tree)
    inner = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    texts = []
    for node in ast.walk(tree):
        if id(node) in skip or id(node) in inner:
            continue
        text = _written(node)
        if text and "\\b" in text:
            continue  # a regular expression, not words for a reader
        if text and re.fullmatch(r"(?:lon-[\w…-]+\s*)+", text):
            continue  # a list of the page's classes, not words for a reader
        if text:
            text = re.sub(r"\{[a-z_]+\}", GAP, text)  # a str.format field: a value filled in, as in an f-string
        # Words for a reader have a space between words; an id, a key or a format does not, nor does a
        # tag's name and its attributes (<span lang="…">), which no reader sees.
        if text and re.search(r"[A-Za-z]{2,}[,.:;?!’'”)]* +[A-Za-z“‘(…]", re.sub(r"<[^<>]*>", " ", text)):
            texts.append(text)
    return texts


def core_sentences() -> Iterator[tuple[str, str]]:
    # The core's wording modules, and the site's Python (hints, the search's offers, the accessibility
    # statement's phrases): the words a page shows from Python, wherever the Python runs.
    for path in [*(CORE / name for name in CORE_FILES), *sorted(SITE_PYTHON.glob("*.py"))]:
        for text in python_text(path.read_text(encoding="utf-8")):
            for sentence in sentences(text):
                yield f"{path.relative_to(ROOT)}", sentence


# ---- page scripts ------------------------------------------------------------------------------

# Code, not words: markup, a selector or a list of them, an id, a scheme ("data:text/javascript").
_CODE_LIKE = re.compile(r"[{}<>=;\[\]]|^\s*[#.]|\b(?:lon|aria|data)-|\$\(|^[a-z]+(?:, [a-z]+)+$|^[a-z]+:\S")


def _js_literals(source: str) -> Iterator[str]:
    """The string literals of a script, read past its comments (where an apostrophe is no quote)."""
    at, end = 0, len(source)
    while at < end:
        if source.startswith("//", at):
            newline = source.find("\n", at)
            at = end if newline < 0 else newline
        elif source.startswith("/*", at):
            at = source.index("*/", at) + 2
        elif source[at] in "\"'`":
            quote, start = source[at], at + 1
            at = start
            while at < end and source[at] != quote:
                at += 2 if source[at] == "\\" else 1
            yield source[start:at]
            at += 1
        else:
            at += 1


def script_text(source: str) -> list[str]:
    texts = []
    for literal in _js_literals(source):
        literal = re.sub(r"\$\{[^}]*\}", GAP, literal)
        if _CODE_LIKE.search(literal) or not re.search(r"[A-Za-z]{2,}[,.:;?!)]* +[A-Za-z(…]", literal):
            continue
        texts.append(literal.replace("\\n", "\n").replace('\\"', '"').replace("\\'", "'"))
    return texts


def script_sentences() -> Iterator[tuple[str, str]]:
    for path in sorted([*SCRIPTS.rglob("*.js"), *SCRIPTS.rglob("*.mjs")]):
        for text in script_text(path.read_text(encoding="utf-8")):
            for sentence in sentences(text):
                yield f"{path.relative_to(ROOT)}", sentence


def catalogue_sentences() -> Iterator[tuple[str, str]]:
    """Every phrase of the message catalogue (core/levels_of_need/interface.py), a single word ("Continue") too:
    each is words the pages show, wherever a template asks for it by its key."""
    from levels_of_need.interface import CATALOGUE

    where = "core/levels_of_need/interface.py"
    for text in CATALOGUE.values():
        for sentence in sentences(re.sub(r"\{[a-z_]+\}", GAP, text)):
            yield where, sentence


def toolkit_sentences() -> list[tuple[str, str]]:
    """Every sentence the toolkit writes, with the file it is written in."""
    return [*template_sentences(), *core_sentences(), *catalogue_sentences(), *script_sentences()]


# ---- the two places a sentence may come from -----------------------------------------------------


def own_words(path: Path = OWN_WORDS) -> tuple[set[str], list[str]]:
    """The toolkit's own words, normalised; and any line that is not marked as such."""
    phrases, unmarked = set(), []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith(OWN_MARK):
            phrases.add(normalise(line[len(OWN_MARK) :]))
        else:
            unmarked.append(line)
    return phrases, unmarked


def in_seeds(sentence: str, seeds: str) -> bool:
    """Every fixed stretch of ``sentence`` is the seeds' words, and long enough to be more than chance:
    three words at least, so that a stretch such as "Stage" or "the child" proves nothing."""
    pieces = [piece.strip(" .,;:!?()\"'") for piece in normalise(sentence).split(GAP)]
    pieces = [piece for piece in pieces if re.search(r"[a-z]", piece)]
    return bool(pieces) and all(len(piece.split()) >= 3 and piece in seeds for piece in pieces)


def unaccounted(found: list[tuple[str, str]], phrases: set[str], seeds: str) -> list[tuple[str, str]]:
    """The sentences neither in the seeds nor among the toolkit's own words."""
    return [(where, s) for where, s in found if normalise(s) not in phrases and not in_seeds(s, seeds)]
