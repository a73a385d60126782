"""A hostile or careless partnership file, second probe (issue 24: N4, N6, F7, U+200B, truncation).

Fields are found from the schema (tests/schema_walk.py), never from a hand list: every field where the
format expects a whole number gets every way YAML writes one, and every patterned field (and key) a
trailing line break."""

from __future__ import annotations

import copy
import re
import subprocess
import sys
import unicodedata

import pytest
import yaml
import yaml_data
from conftest import EXAMPLE_FILE, ROOT, THRESHOLDS_FILE, first_in_check
from schema_walk import SCHEMA, get, mappings, put, text_fields, walk
from worked_languages import WORKED

from toolkit.load import ThresholdsError, load_text
from toolkit.load.limits import BAD_CHARACTER, FORMAT_ALLOWED
from toolkit.load.loading import read_file
from toolkit.load.page_ids import DOMAIN_ID_PREFIXES, INDICATOR_ID_PREFIXES, page_element_ids

FILES = {"example": EXAMPLE_FILE, "medway": THRESHOLDS_FILE}
DATA = {name: yaml_data.read(path) for name, path in FILES.items()}
MARK = "zzmarkzz"


def dumped(data: dict, width: int = 80) -> str:
    """libyaml's text (tests/yaml_data.py); the invisible-character test keeps PyYAML's emitter, which writes
    those characters as they are where libyaml escapes them."""
    return yaml_data.dump(data, allow_unicode=True, sort_keys=False, width=width)


def with_raw(data: dict, path: list, raw: str) -> str:
    """The file with the value at ``path`` written exactly as ``raw`` (YAML the dumper would never write)."""
    changed = copy.deepcopy(data)
    put(changed, path, MARK)
    text = dumped(changed, width=10_000)
    assert text.count(MARK) == 1
    return text.replace(MARK, raw)


def refused_in_one_line(text: str) -> list[str]:
    with pytest.raises(ThresholdsError) as refused:
        load_text(text, "thresholds.yml")
    lines = [str(problem) for problem in refused.value.problems]
    assert lines and all("\n" not in line and line.isprintable() for line in lines), lines
    return lines


# ---- F7: whole numbers in every base, at every field where the format expects a number ------------------------


def _one_of_each(found: list[tuple[str, list]]) -> list[tuple[str, list]]:
    """One path for each field of the format (list items alike: levels[*].number), from either file."""
    kept: dict[tuple, tuple[str, list]] = {}
    for name, path in found:
        kept.setdefault(tuple("*" if isinstance(part, int) else part for part in path), (name, path))
    return list(kept.values())


NUMBER_FIELDS = _one_of_each(
    [
        (name, path)
        for name, data in DATA.items()
        for path, value, schema in walk(data)
        if schema.get("type") in ("integer", "number") and isinstance(value, int) and not isinstance(value, bool)
    ]
)
# Every way YAML 1.1 reads a whole number that is not ordinary digits, small and huge, and tagged.
OTHER_BASES = [
    "0x18",
    "0X1F",
    "-0x1",
    "0x" + "f" * 4_000,
    "030",
    "0" + "7" * 5_000,
    "0b11",
    "0b" + "1" * 5_000,
    "1:30",
    "190:20:30",
    "1" + ":59" * 2_000,
    "1_000",
    "1" + "_0" * 4_000,
    "!!int 0x18",
    "!!int 030",
    "+0x18",
]


def test_every_number_field_of_the_schema_is_covered():
    integer_schemas = [node for node in mappings(SCHEMA) if node.get("type") in ("integer", "number")]
    assert len(NUMBER_FIELDS) >= 10 and len(integer_schemas) >= 5
    covered = {id(schema) for name, data in DATA.items() for _, _, schema in walk(data) if schema in integer_schemas}
    assert covered, "no number field found"


@pytest.mark.parametrize("raw", first_in_check(OTHER_BASES))
def test_a_whole_number_in_another_base_is_one_clear_line_at_every_number_field(raw):
    for name, path in NUMBER_FIELDS:
        lines = refused_in_one_line(with_raw(DATA[name], path, raw))
        said = ("write the number in ordinary digits", "at most 9", "expected a whole number, got a string")
        assert any(words in line for line in lines for words in said), (
            name,
            path,
            lines,
        )
        assert all(len(line) < 400 for line in lines), lines  # never the number in full


def test_digits_are_counted_after_parsing_and_ordinary_numbers_still_read():
    name, path = next((n, p) for n, p in NUMBER_FIELDS if p == ["age_range", "oldest"])
    oldest = get(DATA[name], path)
    assert load_text(with_raw(DATA[name], path, str(oldest)), "t.yml").age_range.oldest == oldest
    assert load_text(with_raw(DATA[name], path, f"+{oldest}"), "t.yml").age_range.oldest == oldest
    lines = refused_in_one_line(with_raw(DATA[name], path, "1" * 10))
    assert any("a number with 10 digits" in line for line in lines)


@pytest.mark.parametrize("command", [["check", "--age", "7"], ["scenarios", "--verify"], ["validate"]])
def test_the_cli_gives_one_line_for_a_hex_number(tmp_path, command):
    name, path = next((n, p) for n, p in NUMBER_FIELDS if p[-1] == "number")
    file = tmp_path / "hex.yml"
    file.write_text(with_raw(DATA[name], path, "0x" + "f" * 4_000), encoding="utf-8")
    args = [*command[:1], *(["--thresholds", str(file)] if command[0] != "validate" else [str(file)]), *command[1:]]
    if command[0] == "scenarios":
        args = ["scenarios", "--thresholds", str(file), "--verify"]
    done = subprocess.run(
        [sys.executable, "-m", "toolkit", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "Exceeds the limit" not in done.stderr, done.stderr[-500:]
    assert "hexadecimal" in done.stderr


# ---- N6: every patterned field refuses a trailing line break ------------------------------------------------------

PATTERNED = _one_of_each(
    [
        (name, path)
        for name, data in DATA.items()
        for path, value, schema in walk(data)
        if isinstance(value, str) and isinstance(schema.get("pattern"), str)
    ]
)


def test_every_pattern_in_the_schema_is_exercised():
    patterns = {node["pattern"] for node in mappings(SCHEMA) if isinstance(node.get("pattern"), str)}
    # The languages' fields are in neither partnership's file (a second language is a second site to build):
    # docs/format.md's worked example holds them, and they are tried below.
    files = [*DATA.values(), yaml.safe_load(WORKED)]
    exercised = {schema["pattern"] for data in files for _, v, schema in walk(data) if "pattern" in schema}
    # The patterns on keys (glossary abbreviations, the translations' languages) are tested on their own below.
    on_keys = {SCHEMA["properties"][name]["propertyNames"]["pattern"] for name in ("glossary", "translations")}
    assert patterns - exercised == on_keys - exercised


@pytest.mark.parametrize("ending", ["\n", "\r\n", " \n"])
def test_a_trailing_line_break_is_refused_at_every_languages_field(ending):
    worked = yaml.safe_load(WORKED)
    for path in (["languages", 1, "code"], ["languages", 2, "lang"]):
        changed = copy.deepcopy(worked)
        put(changed, path, get(changed, path) + ending)
        lines = refused_in_one_line(dumped(changed))
        assert any("languages" in line and "not in the expected form" in line for line in lines), lines
    changed = copy.deepcopy(worked)
    changed["translations"]["cy" + ending] = changed["translations"].pop("cy")
    lines = refused_in_one_line(dumped(changed))
    assert any("translations" in line and "not in the expected form" in line for line in lines), lines


# "\n" is tried at every patterned field; the others at every sixth.
@pytest.mark.parametrize("ending", first_in_check(["\r\n", "\n\n", " \n", "\n"], keep=1))
def test_a_trailing_line_break_is_refused_at_every_patterned_field(ending):
    wrong = []
    for name, path in PATTERNED if ending == "\n" else PATTERNED[::6]:
        changed = copy.deepcopy(DATA[name])
        put(changed, path, get(changed, path) + ending)
        try:
            load_text(dumped(changed), "thresholds.yml")
        except ThresholdsError as refused:
            shown = ".".join(str(p) for p in path)
            if not any("not in the expected form" in str(p) for p in refused.problems):
                wrong.append((name, shown, [str(p) for p in refused.problems][:2]))
        else:
            wrong.append((name, path, "accepted"))
    assert wrong == []


def test_a_glossary_key_with_a_line_break_is_refused():
    changed = copy.deepcopy(DATA["example"])
    changed["glossary"]["LADO\n"] = changed["glossary"].pop("LADO")
    lines = refused_in_one_line(dumped(changed))
    assert any("glossary" in line and "not in the expected form" in line for line in lines), lines


def _contact_with(data: dict, field: str, value: str) -> str:
    changed = copy.deepcopy(data)
    changed["contacts"][1][field] = value
    return dumped(changed)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", "0" * 5_000),
        ("phone", "0" * 21),
        ("phone", "0" + " " * 500 + "12"),
        ("phone", "01632 ٩٦٠٠٠٠"),
        ("url", "https://example.org:99999/"),
        ("url", "https://example.org:65536/"),
        ("url", "https://example.org:0/"),
        ("url", "https://example.org:00080/"),
    ],
)
def test_phones_and_ports_out_of_range_are_refused(field, value):
    lines = refused_in_one_line(_contact_with(DATA["example"], field, value))
    assert any(f".{field}:" in line and "not in the expected form" in line for line in lines), lines


@pytest.mark.parametrize(
    ("field", "value"), [("phone", "18001 01632 960222 123"), ("url", "https://example.org:65535/x")]
)
def test_the_longest_phone_and_the_highest_port_are_accepted(field, value):
    load_text(_contact_with(DATA["example"], field, value), "thresholds.yml")


# ---- U+200B and every other invisible format character ------------------------------------------------------------


def _format_characters() -> list[str]:
    return [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Cf" and chr(code) not in FORMAT_ALLOWED
    ]


def test_every_invisible_format_character_is_refused_except_the_joiners():
    missed = [f"U+{ord(c):04X}" for c in _format_characters() if not BAD_CHARACTER.fullmatch(c)]
    assert missed == []
    assert not BAD_CHARACTER.search("\u200c\u200d")  # Persian, Indic scripts and emoji need them


@pytest.mark.parametrize("char", ["\u200b", "\u2060", "\u00ad", "\U000e0041", "\u180e", "\u2062"])
def test_an_invisible_character_in_a_text_is_refused_naming_it(char):
    changed = copy.deepcopy(DATA["example"])
    path = text_fields(changed)[3]
    put(changed, path, get(changed, path)[:5] + char + get(changed, path)[5:])
    lines = refused_in_one_line(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False))
    assert any(f"U+{ord(char):04X}" in line and "invisible" in line for line in lines), lines


# ---- A file cut short in the middle of a value -------------------------------------------------------------------


def test_a_file_truncated_in_the_middle_of_a_value_is_refused(tmp_path):
    text = EXAMPLE_FILE.read_text(encoding="utf-8")
    cut = text.index("LADO: Local Authority De") + len("LADO: Local Authority De")
    file = tmp_path / "cut.yml"
    file.write_text(text[:cut], encoding="utf-8")
    with pytest.raises(ThresholdsError) as refused:
        read_file(file)
    (problem,) = refused.value.problems
    assert "cut short" in problem.message and "Local Authority De" in problem.message


def test_a_file_cut_at_any_point_mid_line_is_refused(tmp_path):
    text = THRESHOLDS_FILE.read_text(encoding="utf-8")
    file = tmp_path / "cut.yml"
    for cut in range(100, len(text), len(text) // 97):
        if text[cut - 1] == "\n":
            continue
        file.write_text(text[:cut], encoding="utf-8")
        with pytest.raises(ThresholdsError):
            read_file(file)
    file.write_text(text, encoding="utf-8")
    assert read_file(file) == text


# ---- N4: block-level Markdown in a plain-text field ---------------------------------------------------------------

BLOCKS = {
    "an admonition": "Name\n\n!!! lon-emergency\n    Call 0900 000 000 now",
    "a heading": "Name\n# Heading",
    "a heading (an underlined line)": "Name\n=====",
    "a code block": "Name\n```\ncode\n```",
    "a code block (an indented line)": "Name\n\n    code",
    "a list": "Name\n- one\n- two",
    "a quotation": "Name\n> quoted",
    "a table": "Name\n| a | b |\n|---|---|",
    "a rule": "Name\n\n***",
}


# An admonition is tried at every plain-text field (slow: `make test` runs it); the others at every eighth.
@pytest.mark.parametrize("what", first_in_check(sorted(BLOCKS)))
def test_block_markdown_in_any_plain_text_field_is_refused_naming_it(what):
    data = DATA["example"]
    fields = [path for _, path in _one_of_each([("example", path) for path in text_fields(data)]) if path[-1] != "body"]
    assert len(fields) > 50
    for path in fields[::8] if what != "an admonition" else fields:
        changed = copy.deepcopy(data)
        put(changed, path, BLOCKS[what])
        lines = refused_in_one_line(dumped(changed))
        assert any(f"would make {what} " in line for line in lines), (path, lines)


def test_a_guidance_body_keeps_its_markdown():
    changed = copy.deepcopy(DATA["example"])
    changed["guidance"][0]["body"] += "\n\n## A heading\n\n- a list\n"
    load_text(dumped(changed), "thresholds.yml")


def test_plain_text_never_starts_a_block_on_a_page():
    import markdown

    from toolkit.site.escaping import page_text

    for text in [*BLOCKS.values(), "!!! danger x", "- item", "+ item", "1. item", "1) item", "=== x", "~~~"]:
        for where in ("{}", "Before\n{}", "Before\n\n{}\n\nAfter", "* {}"):
            html = markdown.markdown(
                where.format(page_text(text)), extensions=["admonition", "attr_list", "tables", "md_in_html", "abbr"]
            )
            for tag in ("<div", "<h1", "<h2", "<pre", "<code", "<ol", "<blockquote", "<table", "<hr"):
                assert tag not in html, (text, where, html)


# ---- N5: no two elements of a page get the same id from the file's ids --------------------------------------------


def _with_collision(own_id: str, indicator_id: str | None = None, area_id: str | None = None) -> dict:
    changed = copy.deepcopy(DATA["example"])
    changed["own_questions"].append({**changed["own_questions"][0], "id": own_id})
    if indicator_id:
        worry = next(i for i in changed["indicators"] if i.get("describes_harm"))
        changed["indicators"].append({**copy.deepcopy(worry), "id": indicator_id})
    if area_id:
        changed["areas"].append({**changed["areas"][0], "id": area_id})
    return changed


@pytest.mark.parametrize(
    ("own_id", "indicator_id", "area_id", "element_id"),
    [
        ("ind", "yes", None, "ind-yes"),  # the probe's: the question's "Yes" ticked a Level 4 worry
        ("confirm", "no", None, "confirm-no"),  # its "No" would tick a harm worry's confirmation
        ("hint", "unsure", None, "hint-unsure"),
        ("area-x", None, "x-yes", "area-x-yes"),  # an area's radio and the question's "Yes"
        ("q-consent", None, None, None),  # a question's fieldset: q-consent-… radios clash with nothing, q- does
    ],
)
def test_an_id_that_makes_a_colliding_element_id_is_refused(own_id, indicator_id, area_id, element_id):
    changed = _with_collision(own_id, indicator_id, area_id)
    ids = [element for element, _ in page_element_ids(changed)]
    if element_id is None:
        assert len(ids) == len(set(ids)), "this id collides with nothing"
        load_text(dumped(changed), "thresholds.yml")
        return
    lines = refused_in_one_line(dumped(changed))
    assert any(f"page element id {element_id!r}" in line for line in lines), lines


def test_the_shipped_files_make_no_colliding_element_id():
    for data in DATA.values():
        ids = [element for element, _ in page_element_ids(data)]
        assert len(ids) == len(set(ids))


def test_every_id_a_template_builds_from_the_file_is_checked_for_collisions():
    """The list validate checks is the templates' own: a new id="…{{ indicator.id }}" fails here until listed."""
    templates = ROOT / "toolkit" / "site" / "templates"
    built = {
        (prefix, source)
        for template in templates.glob("*.j2")
        for prefix, source in re.findall(
            r'\bid="([a-z-]*)\{\{ (indicator|domain|question)\.id \}\}', template.read_text(encoding="utf-8")
        )
    }
    listed = {(prefix, "indicator") for prefix in INDICATOR_ID_PREFIXES}
    listed |= {(prefix, "domain") for prefix in DOMAIN_ID_PREFIXES}
    listed |= {("q-", "question"), ("", "question")}  # the fieldset and its radios, {{ question.id }}-{{ value }}
    assert built == listed


def test_two_own_questions_whose_ids_collide_on_the_page_are_refused():
    changed = copy.deepcopy(DATA["example"])
    first = changed["own_questions"][0]
    changed["own_questions"] += [{**first, "id": "q-a"}, {**first, "id": "a-yes"}]  # q-a's "yes", a-yes's fieldset
    lines = refused_in_one_line(dumped(changed))
    assert any("page element id 'q-a-yes'" in line for line in lines), lines


@pytest.mark.parametrize("raw", first_in_check(["7.0", "0.0", "18.000", "1e1", "7.", "-0.0"]))
def test_a_whole_number_written_with_a_decimal_point_is_one_clear_line_at_every_number_field(raw):
    """YAML reads these as floats, which JSON Schema counts as integers; a range or a count then failed with
    a traceback (the second probe's fresh eyes: oldest: 18.0)."""
    for name, path in NUMBER_FIELDS:
        lines = refused_in_one_line(with_raw(DATA[name], path, raw))
        assert any("expected a whole number" in line for line in lines), (name, path, lines)


@pytest.mark.parametrize(
    "text",
    [
        "- a worry",
        "+ a worry",
        "1. a worry",
        "> a worry",
        "a worry\n> quoted",
        "[^1]: a note",
        "*[EH]: Early Help",
        "a worry { #id .cls }",
        "a worry {: .cls}",
        '--8<-- "/etc/hostname"',
    ],
)
def test_block_and_extension_markdown_at_the_start_of_a_plain_text_is_refused_naming_it(text):
    """Lists and quotations at the very start of a field, and the site's other Markdown extensions."""
    data = copy.deepcopy(next(iter(DATA.values())))
    data["indicators"][0]["text"] = text
    lines = refused_in_one_line(dumped(data))
    assert any(f"indicators[{data['indicators'][0]['id']}].text" in line and "Markdown" in line for line in lines), (
        lines
    )


def test_a_rule_cannot_take_an_indicators_id():
    """A rule's confirmation box and an indicator's share their prefix, and a confirmation names either by id."""
    data = copy.deepcopy(next(iter(DATA.values())))
    data["rules"][0]["id"] = data["indicators"][0]["id"]
    lines = refused_in_one_line(dumped(data))
    assert any("rules[" in line and "makes the page element id 'confirm-" in line for line in lines), lines


def test_every_number_the_schema_fixes_is_typed_so_a_decimal_point_is_refused():
    """JSON Schema's const and enum compare 1.0 equal to 1: only a type keeps `format: 1.0` out."""
    for node in mappings(SCHEMA):
        fixed = [node["const"]] if "const" in node else node.get("enum", [])
        if any(isinstance(value, int) and not isinstance(value, bool) for value in fixed):
            assert node.get("type") == "integer", node
