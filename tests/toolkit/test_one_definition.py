"""The check's questions and the summary's parts are defined once, in the core; the schema file on
disk (which editors read) and the format's documentation are kept in step with that definition."""

from __future__ import annotations

import re

from conftest import ROOT

from levels_of_need.questions import QUESTIONS
from levels_of_need.summary import PARTS
from toolkit.load.schema import SCHEMA_PATH, load_schema, schema_text

FORMAT_DOC = ROOT / "docs" / "format.md"


def test_the_schema_file_on_disk_is_the_schema_the_validator_uses():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "toolkit/schema/thresholds.schema.json is out of step with levels_of_need: "
        "run `python -m toolkit schema --out toolkit/schema/thresholds.schema.json`"
    )


def test_the_schema_takes_questions_and_parts_from_the_core():
    defs = load_schema()["$defs"]
    assert list(defs["answer_condition"]["properties"]) == [q.id for q in QUESTIONS]
    for question in QUESTIONS:
        assert defs["scenario_answers"]["properties"][question.id]["enum"] == list(question.values)
    # A referral question receives a fixed part (offered by an editor), or a part the file's framework adds.
    fixed, added = defs["summary_part"]["anyOf"]
    assert fixed == {"$ref": "#/$defs/fixed_part"} and added == {"$ref": "#/$defs/id"}
    assert defs["fixed_part"]["enum"] == [part.id for part in PARTS]
    # An own question's answer goes to a fixed part only: a framework's part states no answers.
    assert defs["own_question"]["properties"]["summary_part"]["$ref"] == "#/$defs/fixed_part"


def table_rows(markdown: str, first_header: str) -> list[list[str]]:
    """The rows of the Markdown table whose first column is headed ``first_header``."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"^\| {re.escape(first_header)} \|", line))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def test_the_format_doc_lists_every_question_with_its_answers():
    rows = table_rows(FORMAT_DOC.read_text(encoding="utf-8"), "question")
    documented = {row[0].strip("`"): re.findall(r"`([^`]+)`", row[1]) for row in rows}
    assert documented == {q.id: list(q.values) for q in QUESTIONS}


def test_the_format_doc_lists_every_part_of_the_summary():
    rows = table_rows(FORMAT_DOC.read_text(encoding="utf-8"), "part")
    assert [row[0].strip("`") for row in rows] == [part.id for part in PARTS]
    for row, part in zip(rows, PARTS, strict=True):
        assert part.heading in row[1], part.id


def test_the_format_doc_lists_every_field_that_names_another_part():
    from toolkit.load.references import REFERENCES

    rows = table_rows(FORMAT_DOC.read_text(encoding="utf-8"), "field naming a part")
    assert [(row[0].strip("`"), row[1]) for row in rows] == list(REFERENCES)


def test_the_format_doc_lists_every_phrase_of_the_catalogue_as_the_catalogue_has_it():
    """docs/format.md's table of the toolkit's phrases is written from the message catalogue, the only
    definition of each phrase: every key, with its English, in the catalogue's order."""
    from levels_of_need.interface import CATALOGUE
    from toolkit.phrase_table import written

    doc = FORMAT_DOC.read_text(encoding="utf-8")
    assert written(doc) == doc, (
        "docs/format.md's table of the toolkit's phrases is out of step with levels_of_need.interface: "
        "run `python -m toolkit.phrase_table`"
    )
    rows = table_rows(doc, "phrase's key")
    assert [(row[0].strip("`"), row[1]) for row in rows] == list(CATALOGUE.items())
