"""The validator reads the schema with its references inlined, and skips sections it has found valid before
(toolkit/load/schema.py): the same rules and the same problems, with less work."""

from __future__ import annotations

import json

import pytest
from bad_files import SOURCES, generate

from toolkit.load import schema
from toolkit.load.problems import ThresholdsError
from toolkit.load.schema import inline_refs, load_schema, schema_problems
from toolkit.load.yaml_lines import parse_yaml


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


def _problems(text: str) -> list[str]:
    data, lines = parse_yaml(text, "f.yml")
    return [str(problem) for problem in schema_problems(data, lines, "f.yml")]


def _compared(monkeypatch, text: str) -> list[str]:
    """The file's problems with the sections seen valid before remembered, asserted the same as the whole
    file's validation's own."""
    remembered = _problems(text)
    with monkeypatch.context() as patched:
        patched.setattr(schema, "_all_valid", lambda data: False)
        assert _problems(text) == remembered
    return remembered


def test_a_section_changed_after_it_was_seen_valid_is_checked_again(monkeypatch) -> None:
    medway = SOURCES["medway"].read_text(encoding="utf-8")
    assert _compared(monkeypatch, medway) == []
    for edit in (
        ("\nindicators:\n", "\nindicators:\n  - 3\n"),  # a section's content
        ("\nformat:", "\nformta: 1\nformat:"),  # a section's name
        ("\nglossary:", "\nglossary_removed:"),  # a required section gone
    ):
        assert edit[0] in medway
        assert _compared(monkeypatch, medway.replace(edit[0], edit[1], 1)), edit


@pytest.mark.slow  # hundreds of files validated twice: `make test`
def test_sections_seen_valid_before_change_no_problem(monkeypatch) -> None:
    """Each generated bad file's schema problems, with every valid section of both files remembered, are
    the whole file's validation's own: the same problems in the same order, none hidden."""
    for source in SOURCES.values():
        assert _problems(source.read_text(encoding="utf-8")) == []  # both files' sections now remembered
    assert schema._VALID_SECTIONS
    compared = with_problems = 0
    for case in generate(count=60):
        try:
            remembered = _compared(monkeypatch, case.content.decode("utf-8"))
        except (UnicodeDecodeError, ThresholdsError):
            continue  # refused before the schema: nothing to compare
        compared += 1
        with_problems += bool(remembered)
    assert compared >= 60 and with_problems >= 20, (compared, with_problems)
