"""The table of fields that name another part (toolkit/load/references.py) is the whole list: each
pattern is a field of the schema, and every field of the schema that names a contact is in it, so a
new contact-bearing field is checked both for being defined and for being one area's own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from schema_walk import SCHEMA, resolve

from toolkit.load.references import EVERY_ITEM, EVERY_KEY, EVERY_VALUE, REFERENCES, steps

ID_REF = "#/$defs/id"


def schema_fields(schema: dict[str, Any], path: list[str], seen: tuple[str, ...] = ()) -> Iterator[tuple[str, dict]]:
    """(pattern, schema) for every field the schema describes, in the table's pattern form."""
    ref = schema.get("$ref")
    if ref in seen:
        return
    seen = (*seen, ref) if ref else seen
    schema = resolve(schema)
    if path:
        yield ".".join(path).replace(".*", "[*]").replace(".{", "{"), schema
    for name, child in schema.get("properties", {}).items():
        yield from schema_fields(child, [*path, name], seen)
    # A mapping's keys ({}) and values ({*}): a step's areas, each area's id and its own words.
    if isinstance(schema.get("propertyNames"), dict):
        yield from schema_fields(schema["propertyNames"], [*path, EVERY_KEY], seen)
    if isinstance(schema.get("additionalProperties"), dict):
        yield from schema_fields(schema["additionalProperties"], [*path, EVERY_VALUE], seen)
    if isinstance(schema.get("items"), dict):
        yield from schema_fields(schema["items"], [*path, EVERY_ITEM], seen)
    options = schema.get("anyOf", ())
    if len(options) == 2 and options[1].get("items") == options[0]:
        # One item or a list of them (step_down): the table's [*] is either.
        yield from schema_fields(options[0], [*path, EVERY_ITEM], seen)


FIELDS = dict(schema_fields(SCHEMA, []))


def names_an_id(schema: dict[str, Any]) -> bool:
    return schema.get("pattern") == resolve({"$ref": ID_REF}).get("pattern")


def test_every_pattern_of_the_table_is_a_field_of_the_schema_that_holds_an_id():
    for pattern, _kind in REFERENCES:
        assert pattern in FIELDS, pattern
        assert names_an_id(FIELDS[pattern]), pattern


def test_every_field_that_names_a_contact_is_in_the_table():
    contact_fields = {
        pattern
        for pattern, schema in FIELDS.items()
        if steps(pattern)[-1] in ("contact", "contacts", EVERY_ITEM)
        and "contact" in "".join(steps(pattern)[-2:])
        and names_an_id(schema)
    }
    assert contact_fields, "no field of the schema names a contact"
    assert contact_fields == {pattern for pattern, kind in REFERENCES if kind == "contact"}
