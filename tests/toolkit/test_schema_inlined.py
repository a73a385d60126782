"""The validator reads the schema with its references inlined (toolkit/load/schema.py): the same rules,
without a lookup for each reference met."""

from __future__ import annotations

import json

import pytest

from toolkit.load.schema import inline_refs, load_schema


def test_the_inlined_schema_holds_no_reference() -> None:
    schema = load_schema()
    inlined = json.dumps(inline_refs(schema, schema))
    assert '"$ref"' not in inlined and '"$defs"' not in inlined
    assert len(inlined) > len(json.dumps(schema["properties"])), "the references' rules are in it"


def test_a_reference_that_comes_back_to_itself_or_sits_beside_a_rule_is_refused() -> None:
    looping = {"$defs": {"a": {"type": "object", "properties": {"next": {"$ref": "#/$defs/a"}}}}, "$ref": "#/$defs/a"}
    with pytest.raises(ValueError, match="cannot be inlined"):
        inline_refs(looping, looping)
    beside = {"$defs": {"a": {"type": "string"}}, "properties": {"x": {"$ref": "#/$defs/a", "minLength": 2}}}
    with pytest.raises(ValueError, match="cannot be inlined"):
        inline_refs(beside, beside)


def test_a_reference_beside_a_description_is_the_rule_it_names() -> None:
    schema = {"$defs": {"a": {"type": "string"}}, "properties": {"x": {"$ref": "#/$defs/a", "description": "x"}}}
    assert inline_refs(schema, schema) == {"properties": {"x": {"type": "string"}}}
