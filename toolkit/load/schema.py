"""The file's shape, checked against the JSON schema (toolkit/schema/thresholds.schema.json, which
editors read too), each error said in a web officer's words on one line."""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from levels_of_need import phones, questions, summary

from .problems import Problem, describe
from .shapes import schema_defs_shapes
from .yaml_lines import LineIndex

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "thresholds.schema.json"

FieldPath = list[str | int]
Explained = tuple[int, FieldPath, str]


def load_schema() -> dict[str, Any]:
    """The schema file, with the parts the core defines taken from their one definition: the check's
    questions (levels_of_need.questions) and the summary's parts (levels_of_need.summary), and the shape
    rules that depend on another field (shapes.py). The file on
    disk, which editors read, is kept in step: ``python -m toolkit schema --out`` rewrites it, and
    tests/toolkit fail when it differs."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    schema["$defs"].update(questions.schema_defs())
    schema["$defs"].update(summary.schema_defs())
    schema["$defs"].update(phones.schema_defs())
    for name, shape in schema_defs_shapes().items():
        schema["$defs"][name].update(shape)
    schema["properties"]["interface"]["additionalProperties"]["properties"] = interface_keys()
    return schema


def interface_keys() -> dict[str, Any]:
    """The message catalogue's keys, each with its English, for an editor's completion (levels_of_need.interface:
    their one definition). A key outside them passes the schema and is refused by validate in one line."""
    from levels_of_need.interface import CATALOGUE

    return {key: {"type": "string", "description": english} for key, english in CATALOGUE.items()}


def schema_text() -> str:
    """The whole schema as the file on disk holds it."""
    return json.dumps(load_schema(), indent=2, ensure_ascii=False) + "\n"


def full_match(pattern: str, text: str) -> bool:
    """A schema pattern as JSON Schema means it (ECMA-262, as editors read the schema): ``$`` is the very
    end, never before a final line break as in Python's ``re.search``, and ``\\d`` is an ASCII digit."""
    anchored = pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
    return re.search(anchored, text, re.ASCII) is not None


def _pattern(validator: Any, pattern: str, instance: Any, schema: Mapping[str, Any]) -> Iterator[Any]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not full_match(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# Keywords that only describe (for editors): a ``$ref`` beside them is the whole of the field's rule.
_ANNOTATIONS = frozenset({"description", "title", "examples", "default", "markdownDescription"})


def inline_refs(node: Any, root: Mapping[str, Any], following: tuple[str, ...] = ()) -> Any:
    """The schema with each ``$ref`` replaced by what it names, for validating: jsonschema looks a
    reference up each time it is met (13,000 times for a file of 95 indicators, about half the validation's
    time). The schema has no recursion; a reference that comes back to itself raises."""
    if isinstance(node, list):
        return [inline_refs(item, root, following) for item in node]
    if not isinstance(node, Mapping):
        return node
    ref = node.get("$ref")
    if ref is None:
        return {key: inline_refs(value, root, following) for key, value in node.items() if key != "$defs"}
    if ref in following or not ref.startswith("#/") or set(node) - _ANNOTATIONS - {"$ref"}:
        raise ValueError(f"the schema's {ref!r} cannot be inlined (recursive, outside the file, or beside a rule)")
    target: Any = root
    for part in ref[2:].split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return inline_refs(target, root, (*following, ref))


@functools.cache
def _validators() -> tuple[Any, Any, dict[str, Any]]:
    """The schema's validators, made once per process (the schema is the toolkit's, not the file's): the
    whole file's, the top level's alone (its sections' names, none of their contents), and each
    section's."""
    from jsonschema import Draft202012Validator, validators

    # JSON Schema counts 18.0 as an integer; YAML reads it as a float, which a range or a count then
    # refuses with a traceback. A whole number here is written as one.
    whole = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _checker, instance: isinstance(instance, int) and not isinstance(instance, bool)
    )
    checker = validators.extend(Draft202012Validator, {"pattern": _pattern}, type_checker=whole)
    schema = load_schema()
    inlined = inline_refs(schema, schema)
    if set(inlined) - {"properties", "required", "additionalProperties", "type"} - _ANNOTATIONS - {"$schema", "$id"}:
        raise ValueError("the schema's top level has a rule across sections: its sections cannot be checked alone")

    def made(part: Any) -> Any:
        return checker(part, format_checker=Draft202012Validator.FORMAT_CHECKER)

    top = {**inlined, "properties": dict.fromkeys(inlined["properties"], True)}
    return made(inlined), made(top), {name: made(part) for name, part in inlined["properties"].items()}


# Sections found valid in this process, by a digest of their exact value (``repr`` tells 1, 1.0, True
# and "1" apart): a file is mostly read again with one section changed (an editor's next save, a test's next
# edit), and its other sections need not be checked again. Only "valid" is remembered: a section with
# a problem is always checked afresh, so every message comes from one whole-file validation.
_VALID_SECTIONS: set[tuple[str, bytes | None]] = set()
_MAX_REMEMBERED = 4096


def _digest(value: Any) -> bytes | None:
    try:
        return hashlib.sha256(repr(value).encode("utf-8", "backslashreplace")).digest()
    except ValueError:  # a number too long to write out: the whole file's validation says what is wrong
        return None


def _all_valid(data: Any) -> bool:
    _, top, sections = _validators()
    if not isinstance(data, dict) or not top.is_valid(data):
        return False
    for name, value in data.items():
        seen = (name, _digest(value))
        if seen[1] is None:
            return False
        if seen not in _VALID_SECTIONS:
            if not sections[name].is_valid(value):
                return False
            if len(_VALID_SECTIONS) >= _MAX_REMEMBERED:
                _VALID_SECTIONS.clear()
            _VALID_SECTIONS.add(seen)
    return True


def schema_problems(data: Any, lines: LineIndex, filename: str) -> Iterator[Problem]:
    if _all_valid(data):
        return
    validator = _validators()[0]
    errors = [inner for error in validator.iter_errors(data) for inner in _within_one_or_list(error)]
    # A value not in the pattern's form is one problem: "not a real date" beside it says the same again.
    misshapen = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    for error in errors:
        if error.validator == "format" and tuple(error.absolute_path) in misshapen:
            continue
        if error.validator == "required" and _misspelt(error):
            continue  # a misspelt key is one problem: the unknown field's line names the field it misses
        line, path, message = explain(error, list(error.absolute_path), lines)
        yield Problem(filename, line, lines.name(path), message)


def explain(error: Any, path: FieldPath, lines: LineIndex) -> Explained:
    """The error's line, the path to name, and what is wrong, in the file's terms."""
    if isinstance(error.schema, Mapping) and "errorMessage" in error.schema:  # a shape rule's (shapes.py)
        return lines.line(path), path, error.schema["errorMessage"]
    if _one_or_list(error) and not isinstance(error.instance, (list, Mapping)):
        wanted = "expected one item (a mapping) or a list of them"
        return lines.line(path), path, f"{wanted}, got {describe(error.instance)}"
    for_key = _KEY_EXPLAINED.get(error.validator)
    if for_key is not None:
        return for_key(error, path, lines)
    if error.validator == "pattern" and "propertyNames" in error.schema_path:
        # A key, not a value: point at the key's own line.
        return lines.key_line(path, error.instance), [*path, error.instance], _not_in_form(error)
    said = _EXPLAINED.get(error.validator)
    message = said(error) if said is not None else None
    return lines.line(path), path, message if message is not None else error.message


def _one_or_list(error: Any) -> bool:
    """Whether the error is a field's that holds one item or a list of them (``step_down``)."""
    options = error.validator_value if error.validator == "anyOf" else None
    return bool(options) and len(options) == 2 and options[1].get("items") == options[0]


def _within_one_or_list(error: Any) -> list[Any]:
    """A field that holds one item or a list of them: every error within the form the file gives (the
    list's items, or the one item), each on its own line; any other error as it is."""
    if not _one_or_list(error) or not isinstance(error.instance, (list, Mapping)):
        return [error]
    given = 1 if isinstance(error.instance, list) else 0
    within = [e for e in error.context if e.relative_schema_path and e.relative_schema_path[0] == given]
    return [inner for e in within for inner in _within_one_or_list(e)] or [error]


def _missing(error: Any, path: FieldPath, lines: LineIndex) -> Explained:
    """jsonschema gives one error for each missing field, each naming its own in its message only ("'x' is a
    required property"): that one is named, so two missing fields are two lines naming each."""
    missing = [name for name in error.validator_value if name not in error.instance]
    named = next((name for name in missing if error.message.startswith(f"{name!r} ")), missing[0])
    return lines.line(path), path, f"missing required field '{named}'"


def _unknown_field(error: Any, path: FieldPath, lines: LineIndex) -> Explained:
    allowed = sorted(error.schema.get("properties", {}))
    extra = next(k for k in error.instance if k not in allowed)
    known = f" (allowed: {', '.join(allowed)})" if allowed else ""
    meant = _meant(extra, error.schema, error.instance)
    missing = f": is it '{meant}', which is missing?" if meant else ""
    return lines.key_line(path, extra), [*path, extra], f"unknown field '{extra}'{known}{missing}"


def _meant(key: Any, schema: Mapping[str, Any], instance: Mapping[str, Any]) -> str | None:
    """The required field a key not in the schema was most likely meant to be (``unles`` for ``unless``)."""
    missing = [name for name in schema.get("required", ()) if name not in instance]
    close = difflib.get_close_matches(str(key), missing, n=1, cutoff=0.75)
    return close[0] if close else None


def _misspelt(error: Any) -> bool:
    """A required field missing because it is misspelt: the unknown field's line says it, once."""
    if not isinstance(error.instance, Mapping) or error.schema.get("additionalProperties") is not False:
        return False
    known = error.schema.get("properties", {})
    missing = {name for name in error.schema.get("required", ()) if name not in error.instance}
    meant = {_meant(key, error.schema, error.instance) for key in error.instance if key not in known}
    return bool(missing) and missing <= meant  # every missing field is a misspelt key's: else say what is missing


_KEY_EXPLAINED: dict[str, Callable[[Any, FieldPath, LineIndex], Explained]] = {
    "required": _missing,
    "additionalProperties": _unknown_field,
}


def _one_or_any(error: Any) -> str | None:
    """Fields of which the schema wants one (oneOf) or any (anyOf): say which, by name."""
    kind, value, instance = error.validator, error.validator_value, error.instance
    if not all(set(option) == {"required"} for option in value):
        return None
    names = [name for option in value for name in option["required"]]
    given = [name for name in names if isinstance(instance, Mapping) and name in instance]
    if len(names) > 2:  # a counting condition's items: any of them, or more than one
        listed = ", ".join(f"'{name}'" for name in names[:-1])
        return f"give {listed} or '{names[-1]}', or more than one"
    which = "one of the two" if kind == "oneOf" else "or both"
    also = f", not both (this gives {' and '.join(given)})" if kind == "oneOf" and given else ""
    return f"give '{names[0]}' or '{names[1]}', {which}{also}"


def _not_both(error: Any) -> str | None:
    """Fields the schema forbids together (``not: {required: [a, b]}``): say which, by name."""
    names = error.validator_value.get("required") if isinstance(error.validator_value, Mapping) else None
    if not names or set(error.validator_value) != {"required"}:
        return None
    return f"give {' or '.join(repr(name) for name in names)}, not both"


def _const(error: Any) -> str:
    # In YAML's words (true, 1), with the schema's reason when it gives one.
    why = f": {error.schema['description']}" if error.schema.get("description") else ""
    return f"must be {json.dumps(error.validator_value)}, got {json.dumps(error.instance, default=str)}{why}"


def _not_in_form(error: Any) -> str:
    hint = error.schema.get("description") or f"the pattern {error.validator_value}"
    return f"{error.instance!r} is not in the expected form: {hint}"


def _not_real(error: Any) -> str:
    hint = error.schema.get("description") or error.validator_value
    return f"{_show(error.instance)} is not a real {error.validator_value}: {hint}"


def _bound(error: Any) -> str:
    bound = "at least" if error.validator == "minimum" else "at most"
    return f"must be {bound} {error.validator_value}, got {error.instance!r}"


def _twice(error: Any) -> str:
    instance = error.instance
    twice = next(item for i, item in enumerate(instance) if item in instance[:i])
    return f"lists {_show(twice)} twice: give each once"


def _min_items(error: Any) -> str:
    value = error.validator_value
    return f"needs at least {value} item{'s' if value != 1 else ''}, has {len(error.instance)}"


_EXPLAINED: dict[str, Callable[[Any], str | None]] = {
    "oneOf": _one_or_any,
    "anyOf": _one_or_any,
    "not": _not_both,
    "type": lambda e: f"expected {_article(e.validator_value)}, got {describe(e.instance)}",
    "enum": lambda e: f"{_show(e.instance)} is not one of: {', '.join(map(str, e.validator_value))}",
    "const": _const,
    "pattern": _not_in_form,
    "format": _not_real,
    "minItems": _min_items,
    "maxItems": lambda e: f"allows at most {e.validator_value} items, has {len(e.instance)}",
    "minLength": lambda e: "must not be empty",
    "minProperties": lambda e: f"needs more fields: {e.schema.get('description', 'it must not be empty')}",
    "minimum": _bound,
    "maximum": _bound,
    "uniqueItems": _twice,
}


def _article(type_name: str | list[str]) -> str:
    names = {
        "string": "a string",
        "integer": "a whole number",
        "object": "a mapping",
        "array": "a list",
        "boolean": "true or false",
        "number": "a number",
    }
    if isinstance(type_name, list):
        return " or ".join(names.get(t, t) for t in type_name)
    return names.get(type_name, type_name)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return describe(value)
    return repr(value)
