"""Other languages as data (docs/format.md, "Other languages and easy read").

A file may declare ``languages``: the first is the professional text, the default, which every field
of the file holds; each other language (Welsh, ``cy``, or an easy-read variant of the professional
text) gives its words under ``translations``, one entry per text field, named by a dotted path through
the file's ids, never list positions where an item has an id::

    translations:
      cy:
        levels.universal.name: Cyffredinol
        indicators.l2-young-carer.text: ...

A text field is one the schema defines as text (``#/$defs/text``): never an id, a reference, a number,
a date or a choice. A field left untranslated shows the professional text, and ``validate`` warns how
many are left. Each text on a page whose language differs from the words around it is ``Marked``.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from levels_of_need.interface import CATALOGUE, IN_LANGUAGE, fields, stray_brace
from levels_of_need.model import content_hash

from .problems import PathItems, describe, shortlist
from .text import block_markdown_problem, is_markdown_field, string_problem

TEXT_REF = "#/$defs/text"
Schema = Mapping[str, Any]


@dataclass(frozen=True)
class Language:
    code: str  # where its pages are served (/cy/) and how translations name it
    lang: str  # the BCP 47 tag its pages declare (<html lang>): an easy-read variant of English is "en"
    name: str  # the language switch's words, in that language


# The language the toolkit's own words are in (headings, buttons, "Check your answers"): English, until
# they come from a message catalogue. A language's pages are built around them: see ``translated``.
INTERFACE_LANG = "en"


class Marked(str):
    """Text in another language than the words around it on the page, which the page marks with the
    text's own ``lang`` (WCAG 3.1.2): a Welsh translation among the toolkit's English words."""

    lang: str = INTERFACE_LANG

    def __new__(cls, text: str, lang: str = INTERFACE_LANG) -> Marked:
        made = super().__new__(cls, text)
        made.lang = lang
        return made


def languages(data: Mapping[str, Any]) -> list[Language]:
    """The file's languages, the default first; a file that declares none is English only."""
    declared = data.get("languages") or [{"code": "en", "name": "English"}]
    return [Language(d["code"], d.get("lang", d["code"]), d["name"]) for d in declared]


# ---- Which fields are text -------------------------------------------------------------------------


def _resolve(node: Schema, defs: Schema) -> Iterator[Schema]:
    """Every plain schema a node may mean: its $ref followed, its oneOf / anyOf / allOf branches."""
    if "$ref" in node:
        if node["$ref"] == TEXT_REF:
            yield node  # kept as the ref: it is what marks a text field
            return
        target: Any = defs
        for part in node["$ref"].split("/")[2:]:  # "#/$defs/contact/properties/email"
            target = target[part]
        yield from _resolve(target, defs)
        return
    yield node
    for key in ("oneOf", "anyOf", "allOf"):
        for branch in node.get(key, ()):
            yield from _resolve(branch, defs)
    for key in ("then", "else"):
        if key in node:
            yield from _resolve(node[key], defs)


def _child_schemas(schemas: list[Schema], step: str | int, defs: Schema) -> list[Schema]:
    found: list[Schema] = []
    for schema in schemas:
        if isinstance(step, int):
            if "items" in schema:
                found.extend(_resolve(schema["items"], defs))
        elif step in schema.get("properties", {}):
            found.extend(_resolve(schema["properties"][step], defs))
        elif isinstance(schema.get("additionalProperties"), Mapping):
            found.extend(_resolve(schema["additionalProperties"], defs))
    return found


def is_text_field(schema: Schema, path: PathItems) -> bool:
    """The schema defines the field at ``path`` (a data path) as text."""
    defs = schema["$defs"]
    schemas = list(_resolve(schema, defs))
    for step in path:
        schemas = _child_schemas(schemas, step, defs)
    return any(s.get("$ref") == TEXT_REF for s in schemas)


def _strings(value: Any, path: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(item, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, [*path, index])


# Not translated: the languages themselves, and the version, which names the file's content whatever
# its language (a saved check names it).
LANGUAGE = "language"  # a language's data: which it is (levels_of_need.saved reads it)
UNTRANSLATED = frozenset({"languages", "translations", "interface", "format"})
SAME_IN_EVERY_LANGUAGE = frozenset({"document.version"})


def text_fields(data: Mapping[str, Any], schema: Schema) -> dict[str, list[str | int]]:
    """Every text field the file gives, by its translation key (``levels.universal.name``)."""
    fields: dict[str, list[str | int]] = {}
    for key, value in data.items():
        if key in UNTRANSLATED:
            continue
        for path, _ in _strings(value, [key]):
            if is_text_field(schema, path) and (name := dotted(data, path)) not in SAME_IN_EVERY_LANGUAGE:
                fields[name] = path
    return fields


def dotted(data: Any, path: PathItems) -> str:
    """A data path as a translation names it: a list item by its id, where it has one."""
    parts, node = [], data
    for step in path:
        item = node[step]
        if isinstance(step, int) and isinstance(item, Mapping) and isinstance(item.get("id"), str):
            parts.append(item["id"])
        else:
            parts.append(str(step))
        node = item
    return ".".join(parts)


def data_path(data: Any, key: str) -> tuple[list[str | int], str | None]:
    """A translation's key as a data path, or the path as far as it goes and why it stops there."""
    path: list[str | int] = []
    node, rest = data, key.split(".")
    while rest:
        if isinstance(node, Mapping):
            # A key may hold dots itself (a glossary abbreviation, "e.g."): the longest that is a key.
            size = next((n for n in range(len(rest), 0, -1) if ".".join(rest[:n]) in node), 0)
            if not size:
                return path, f"{rest[0]!r} is not a field there"
            step: str | int = ".".join(rest[:size])
            rest = rest[size:]
        elif isinstance(node, list):
            name = rest.pop(0)
            step = _item(node, name)
            if step == -1:
                return path, f"no item has the id {name!r}"
        else:
            return path, "the field there holds no parts"
        path.append(step)
        node = node[step]  # type: ignore[index]
    return path, None


def _item(items: list[Any], name: str) -> int:
    for index, item in enumerate(items):
        if isinstance(item, Mapping) and item.get("id") == name:
            return index
    has_ids = any(isinstance(item, Mapping) and "id" in item for item in items)
    if name.isdigit() and not has_ids and int(name) < len(items):
        return int(name)  # a list whose items have no ids (a route's next steps) is counted from 0
    return -1


# ---- Problems and warnings --------------------------------------------------------------------------

Problem = Callable[[PathItems, str], Any]


def translation_problems(data: Mapping[str, Any], schema: Schema, problem: Problem) -> Iterator[Any]:
    """One line for each misuse: a language declared twice, translations without languages or for an
    undeclared language, a key that names no field or a field that is not text, text that is not plain."""
    declared = [lang.code for lang in languages(data)]
    for index, code in enumerate(declared):
        if code in declared[:index]:
            yield problem(["languages", index, "code"], f"{code!r} is declared twice: declare each language once")
    theme_languages = site_theme_languages()
    for index, lang in enumerate(languages(data) if data.get("languages") else []):
        if theme_languages and lang.lang not in theme_languages:
            field = "lang" if lang.lang != lang.code else "code"
            yield problem(
                ["languages", index, field],
                f"the site's theme has no words for {lang.lang!r} (it has: {shortlist(sorted(theme_languages), 12)}): "
                "give lang: the language the text is in, such as en for an easy-read version",
            )
    for code, words in (data.get("translations") or {}).items():
        if why := _language_problem(declared, code):
            yield problem(["translations", code], why)
            continue
        for key, text in words.items():
            if message := _key_problem(data, schema, key, text):
                yield problem(["translations", code, key], message)
    yield from interface_problems(data, problem)


def _language_problem(declared: list[str], code: str) -> str | None:
    """Why words for language ``code`` cannot be given, or None for one of the other declared languages."""
    others = declared[1:]
    if code in others:
        return None
    if code == declared[0]:
        return f"{code!r} is the default language: its words are the file's own fields and the toolkit's own"
    return f"{code!r} is not a declared language (declared: {shortlist(others) or 'none'}): add it under languages:"


def interface_problems(data: Mapping[str, Any], problem: Problem) -> Iterator[Any]:
    """One line for each misuse of ``interface``, a language's words for the toolkit's own phrases: an
    undeclared language, a key the message catalogue lacks, text that is empty, holds markup or drops a
    value the phrase fills in."""
    declared = [lang.code for lang in languages(data)]
    for code, words in (data.get("interface") or {}).items():
        if why := _language_problem(declared, code):
            yield problem(["interface", code], why)
            continue
        for key, text in words.items():
            if message := _phrase_problem(key, text):
                yield problem(["interface", code, key], message)


def _phrase_problem(key: str, text: Any) -> str | None:
    if key not in CATALOGUE:
        near = difflib.get_close_matches(key, CATALOGUE, n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        return f"{key!r} is not one of the toolkit's phrases{hint}: the schema lists them, each with its English"
    if not isinstance(text, str):
        return f"the translation is {describe(text)}: write the text"
    if message := string_problem(text) or block_markdown_problem(text):
        return message
    english = fields(CATALOGUE[key])
    keep = ", ".join(f"{{{name}}}" for name in sorted(english)) or "no {name}"
    if fields(text) != english:
        return f"keep the values the phrase fills in as the English has them: {keep}"
    if stray_brace(text):
        return f"write {{ and }} only around a value the phrase fills in, as the English has them: {keep}"
    return None


def _key_problem(data: Mapping[str, Any], schema: Schema, key: str, text: Any) -> str | None:
    path, stop = data_path(data, key)
    if stop or not path or path[0] in UNTRANSLATED:
        where = dotted(data, path) if path else "the file"
        return f"{key!r} names no field of the file ({where}: {stop or 'not translated'})"
    value: Any = data
    for step in path:
        value = value[step]
    if key in SAME_IN_EVERY_LANGUAGE:
        return f"{key!r} names the file's content in every language: it is never translated"
    if path[-1] == "id":
        return f"{key!r} is an id: ids join the file's parts and are never translated"
    if not isinstance(value, str) or not is_text_field(schema, path):
        return f"{key!r} is not text ({describe(value)}): only text fields are translated"
    if not isinstance(text, str):
        return f"the translation is {describe(text)}: write the text"
    message = string_problem(text)
    return message or (None if is_markdown_field(path) else block_markdown_problem(text))


def site_theme_languages() -> frozenset[str]:
    """The languages the site's theme (Material for MkDocs) has its own words for, which a page declaring
    the language needs; none where the theme is not installed (validate without the site's packages)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / "partials" / "languages"
    return frozenset(path.stem for path in folder.glob("*.html"))


def untranslated(data: Mapping[str, Any], schema: Schema) -> dict[str, list[str]]:
    """Each other language's text fields with no translation, by language code."""
    if len(languages(data)) < 2:
        return {}
    fields = text_fields(data, schema)
    given = data.get("translations") or {}
    return {lang.code: [k for k in fields if k not in (given.get(lang.code) or {})] for lang in languages(data)[1:]}


def untranslated_warnings(data: Mapping[str, Any], schema: Schema) -> list[str]:
    fields = [
        f"{len(keys)} text fields have no {code!r} translation, so its pages show them in the default language "
        f"(marked as such): {shortlist(keys, 5)}"
        for code, keys in untranslated(data, schema).items()
        if keys
    ]
    return fields + interface_warnings(data)


def interface_warnings(data: Mapping[str, Any]) -> list[str]:
    """One warning per other language, counting the toolkit's phrases it gives no words for."""
    given = data.get("interface") or {}
    lang_of = {lang.code: lang.lang for lang in languages(data)}
    left = {lang.code: [k for k in CATALOGUE if k not in (given.get(lang.code) or {})] for lang in languages(data)[1:]}
    return [
        f"{len(keys)} of the toolkit's {len(CATALOGUE)} phrases have no {code!r} words under interface:, so its "
        f"pages show them in English (marked as such): {shortlist(keys, 5)}"
        for code, keys in left.items()
        if keys and data.get("languages") and lang_of[code] != INTERFACE_LANG  # easy read: English is its language
    ]


# ---- A language's data ------------------------------------------------------------------------------


def translated(data: Mapping[str, Any], schema: Schema, code: str, around: str = INTERFACE_LANG) -> dict[str, Any]:
    """The file's data in language ``code``: each translated field's words, each other text field the
    default's words; no ``translations`` (a language's site holds its own words only). A text whose
    language is not ``around``, the language of the words around it on the page, is ``Marked``: while
    the toolkit's own words are English, a Welsh translation; once they are Welsh, an untranslated field."""
    declared = languages(data)
    default, target = declared[0], next(lang for lang in declared if lang.code == code)
    out = copy.deepcopy({k: v for k, v in data.items() if k not in ("translations", "interface")})
    # Which language this is, and the whole file's content hash: a check saved on this language's page
    # is known as the same guidance on another's (levels_of_need.saved).
    out[LANGUAGE] = {"code": code, "file": content_hash(data)}
    words = _for_language(data, "translations", code)
    # The language's words for the toolkit's own phrases (levels_of_need.interface), its alone.
    interface = _for_language(data, "interface", code)
    if interface:
        out[IN_LANGUAGE] = {k: Marked(v, target.lang) if target.lang != around else v for k, v in interface.items()}
    for key, path in text_fields(data, schema).items():
        parent: Any = out
        for step in path[:-1]:
            parent = parent[step]
        text, lang = (words[key], target.lang) if key in words else (parent[path[-1]], default.lang)
        parent[path[-1]] = Marked(text, lang) if lang != around else text
    return out


def _for_language(data: Mapping[str, Any], section: str, code: str) -> Mapping[str, Any]:
    """One language's part of ``translations`` or ``interface``; empty where the file gives none."""
    return (data.get(section) or {}).get(code) or {}
