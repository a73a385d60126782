"""Generated bad thresholds files, seeded and reproducible, for fuzzing the validator and the CLI.

Each case starts from a shipped file (thresholds.yml or the fictional example) and breaks it one way:
YAML that PyYAML chokes on (deep nesting, control characters, aliases, non-text keys, huge numbers,
tags), data the schema or the text checks must refuse (wrong types, missing fields, blank text,
markup, invisible characters, impossible dates, numbers out of range), broken references, scenarios
the checker disagrees with, and files too big to read. A case says which exit codes each command may
give: a file that is certainly broken must be refused; a random edit may leave it valid.

    python tests/toolkit/bad_files.py DIRECTORY   # writes the cases, to look at one by hand
"""

from __future__ import annotations

import copy
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
import yaml_data

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from schema_walk import get, put, walk  # noqa: E402

SOURCES = {
    "medway": ROOT / "thresholds.yml",
    "example": ROOT / "examples" / "fictional-four-levels.yml",
}
SEED = 16  # the issue's number; any seed gives the same cases every time
REFUSED = frozenset({1})
ANY_OUTCOME = frozenset({0, 1, 2})  # valid (0), refused (1) or an id the edit removed (2)


@dataclass(frozen=True)
class Case:
    name: str
    content: bytes
    validate_exits: frozenset[int] = REFUSED
    check_exits: frozenset[int] = REFUSED


# ---- Building blocks ---------------------------------------------------------------------


HUGE = "HUGENUMBERWITHDIGITS"


def dump(data: Any) -> bytes:
    # PyYAML's emitter, not libyaml's: it writes an invisible or odd character as it is, where libyaml escapes it.
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=4096)
    text = re.sub(f"{HUGE}([0-9]+)", lambda m: "1" + "0" * int(m.group(1)), text)
    return text.encode("utf-8")


def leaves(data: Any, kind: type | tuple[type, ...]) -> list[tuple[list[str | int], Any, dict]]:
    return [
        (path, value, schema)
        for path, value, schema in walk(data)
        if path and isinstance(value, kind) and not isinstance(value, bool)
    ]


def insert_at(text: str, rng: random.Random, piece: str) -> str:
    where = rng.randrange(len(text))
    return text[:where] + piece + text[where:]


CONTROL_CHARACTERS = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))]
INVISIBLE_CHARACTERS = ["\u202e", "\u202d", "\u202a", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u061c"]
INVISIBLE_CHARACTERS += ["\u2028", "\u2029", "\ufeff", "\ufffe", "\U0001fffe", "\ufdd0"]
MARKUP = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](//evil.example/)",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "&lt;script&gt;",
    "&#x3C;b&#x3E;",
    "see vbscript:msgbox",
    "<!-- hidden -->",
    "<a href=x>link</a>",
    "[ref]: javascript:alert(1)",
]
BAD_DATES = ["2026-13-45", "2026-02-30", "0000-00-00", "2026-1-1", "yesterday", "2026-11-31", "20261122", "2026-00-10"]
BAD_EMAILS = ['x"><img src=x onerror=alert(1)>@example.org', "no-at-sign", "a@b", "a@@b.org", "a b@c.org", "@x.org"]
BAD_URLS = [
    "javascript:alert(1)",
    "http://example.org/",
    "https://",
    'https://x.org/"><script>',
    "https://x .org",
    "//x.org",
]


# ---- Data-level mutations: load, change one thing, dump. Each certainly makes the file invalid. ----


def wrong_type(data: Any, rng: random.Random) -> str:
    path, value, _ = rng.choice(leaves(data, (str, int, float, list, dict)))
    others = [42, -1, 3.5, "two", ["a", "list"], {"a": "mapping"}, None, True]
    replacement = rng.choice([o for o in others if type(o) is not type(value) and not isinstance(o, type(value))])
    put(data, path, replacement)
    return f"wrong-type-{type(replacement).__name__}"


def missing_required(data: Any, rng: random.Random) -> str:
    spots = [
        (path, key)
        for path, value, schema in walk(data)
        if isinstance(value, dict)
        for key in schema.get("required", ())
        if key in value
    ]
    path, key = rng.choice(spots)
    del get(data, path)[key]
    return "missing-required"


def blank_text(data: Any, rng: random.Random) -> str:
    path, _, _ = rng.choice(leaves(data, str))
    put(data, path, rng.choice(["", " ", "   ", "\t", " \n "]))
    return "blank-text"


def control_character(data: Any, rng: random.Random) -> str:
    path, value, _ = rng.choice(leaves(data, str))
    where = rng.randrange(len(value) + 1)
    put(data, path, value[:where] + rng.choice(CONTROL_CHARACTERS) + value[where:])
    return "control-character"


def invisible_character(data: Any, rng: random.Random) -> str:
    path, value, _ = rng.choice(leaves(data, str))
    where = rng.randrange(len(value) + 1)
    put(data, path, value[:where] + rng.choice(INVISIBLE_CHARACTERS) + value[where:])
    return "invisible-character"


def markup(data: Any, rng: random.Random) -> str:
    path, value, _ = rng.choice(leaves(data, str))
    put(data, path, value + " " + rng.choice(MARKUP))
    return "markup"


def bad_date(data: Any, rng: random.Random) -> str:
    data["document"]["date"] = rng.choice(BAD_DATES)
    return "bad-date"


def bad_contact(data: Any, rng: random.Random) -> str:
    contact = rng.choice(data["contacts"])
    field, values = rng.choice([("email", BAD_EMAILS), ("url", BAD_URLS), ("phone", ["01634 x", "+44 1634", "999)"])])
    contact[field] = rng.choice(values)
    return f"bad-{field}"


def huge_number(data: Any, rng: random.Random) -> str:
    path, _, _ = rng.choice(leaves(data, int))
    put(data, path, f"{HUGE}{rng.randrange(10, 6000)}")  # written out by dump: Python will not print it
    return "huge-number"


def number_out_of_range(data: Any, rng: random.Random) -> str:
    choices: list[tuple[list[str | int], int]] = [(["levels", 0, "number"], rng.choice([0, -1, 7, 99]))]
    if "escalation" in data:
        choices.append((["escalation", "stages", 0, "number"], rng.choice([0, -5, 21, 10**8])))
    if data.get("scenarios"):
        scenario = rng.randrange(len(data["scenarios"]))
        if "age" in data["scenarios"][scenario]["check"]:
            choices.append((["scenarios", scenario, "check", "age"], rng.choice([-1, 26, 130])))
    path, value = rng.choice(choices)
    put(data, path, value)
    return "number-out-of-range"


def unknown_reference(data: Any, rng: random.Random) -> str:
    indicator = rng.choice(data["indicators"])
    field = rng.choice(["level", "domain"])
    indicator[field] = "no-such-" + field
    return "unknown-reference"


def duplicate_id(data: Any, rng: random.Random) -> str:
    section = rng.choice([s for s in ("indicators", "contacts", "rules", "domains") if len(data.get(s, ())) > 1])
    first, second = rng.sample(range(len(data[section])), 2)
    data[section][second]["id"] = data[section][first]["id"]
    return "duplicate-id"


def unknown_field(data: Any, rng: random.Random) -> str:
    path, _, _ = rng.choice([leaf for leaf in leaves(data, dict) if leaf[0][:1] != ["glossary"]])
    get(data, path)["<unexpected>"] = "x"
    return "unknown-field"


def scenario_disagrees(data: Any, rng: random.Random) -> str:
    """Valid data whose scenario the checker answers differently: only `validate` must refuse it."""
    scenario = rng.choice(data["scenarios"])
    expected = scenario["expected"]
    others = [
        (level["id"], route["id"])
        for level in data["levels"]
        for route in level["routes"]
        if (level["id"], [route["id"]]) != (expected["level"], expected["routes"])
    ]
    level, route = rng.choice(others)
    expected["level"], expected["routes"] = level, [route]
    scenario.pop("decided_by", None)
    return "scenario-disagrees"


DATA_MUTATIONS: list[Callable[[Any, random.Random], str]] = [
    wrong_type,
    missing_required,
    blank_text,
    control_character,
    invisible_character,
    markup,
    bad_date,
    bad_contact,
    huge_number,
    number_out_of_range,
    unknown_reference,
    duplicate_id,
    unknown_field,
    scenario_disagrees,
]


# ---- Text-level mutations: YAML the loader must survive -------------------------------------------


def deep_flow(text: str, rng: random.Random) -> tuple[str, str]:
    depth = rng.choice([33, 100, 999, 1000, 1001, 5000, 20000])
    return text + f"\ndeep: {'[' * depth}1{']' * depth}\n", f"deep-flow-{depth}"


def deep_block(text: str, rng: random.Random) -> tuple[str, str]:
    depth = rng.choice([33, 200, 1000, 1500])
    lines = [f"{'  ' * level}k{level}:" for level in range(depth)]
    return text + "\n" + "\n".join(lines) + " end\n", f"deep-block-{depth}"


def deep_sequence(text: str, rng: random.Random) -> tuple[str, str]:
    depth = rng.choice([40, 1000, 3000])
    return text + "\nnested:\n" + "".join(
        f"{' ' * (2 * level + 2)}-\n" for level in range(depth)
    ) + "1\n", "deep-sequence"


def raw_control_character(text: str, rng: random.Random) -> tuple[str, str]:
    char = rng.choice([*CONTROL_CHARACTERS, "\ufffe", "\uffff"])
    return insert_at(text, rng, char), f"raw-U+{ord(char):04X}"


def self_alias(text: str, rng: random.Random) -> tuple[str, str]:
    piece = rng.choice(["loop: &a [*a]\n", "loop: &a {x: *a}\n", "loop: &a [1, [2, *a]]\n"])
    return text + "\n" + piece, "self-alias"


def alias_bomb(text: str, rng: random.Random) -> tuple[str, str]:
    width, depth = rng.randrange(5, 11), rng.randrange(6, 13)
    lines = ["b0: &b0 [lol]"]
    lines += [f"b{i}: &b{i} [{', '.join([f'*b{i - 1}'] * width)}]" for i in range(1, depth)]
    return text + "\n" + "\n".join(lines) + "\n", f"alias-bomb-{width}x{depth}"


def anchor_only(text: str, rng: random.Random) -> tuple[str, str]:
    return text.replace("format: 1", "format: &version 1", 1), "anchor"


def alias_in_place(text: str, rng: random.Random) -> tuple[str, str]:
    return text.replace("format: 1", "format: &f 1\nformat_again: *f", 1), "alias"


def merge_key(text: str, rng: random.Random) -> tuple[str, str]:
    return text + "\nbase: &base {a: 1}\nderived:\n  <<: *base\n", "merge-key"


def collection_key(text: str, rng: random.Random) -> tuple[str, str]:
    piece = rng.choice(["? [a, b]\n: 1\n", "? {a: 1}\n: 2\n", "flow: {[x, y]: 1}\n", "flow: {{a: 1}: 2}\n"])
    return text + "\n" + piece, "collection-key"


def scalar_key(text: str, rng: random.Random) -> tuple[str, str]:
    key = rng.choice(["1", "yes", "no", "null", "~", "3.5", "2026-01-01", "on", "0x1F"])
    return text.replace("glossary:\n", f"glossary:\n  {key}: meaning\n", 1), f"key-{key}"


def python_tag(text: str, rng: random.Random) -> tuple[str, str]:
    tag = rng.choice(
        [
            '!!python/object/apply:os.system ["echo owned"]',
            "!!python/name:os.system",
            "!!binary aGVsbG8=",
            "!!set {a, b}",
            "!!omap [{a: 1}]",
            "!custom thing",
            "!!timestamp 2026-13-45",
            "!!int 12x",
            "!!float abc",
        ]
    )
    return text.replace("format: 1", f"format: {tag}", 1), "yaml-tag"


def several_documents(text: str, rng: random.Random) -> tuple[str, str]:
    return text + "\n---\nformat: 1\n", "two-documents"


def truncated(text: str, rng: random.Random) -> tuple[str, str]:
    # Cut before the glossary, which every file must have, so the file is certainly incomplete.
    limit = text.index("\nglossary:")
    return text[: rng.randrange(limit)], "truncated"


def tab_indent(text: str, rng: random.Random) -> tuple[str, str]:
    lines = text.split("\n")
    items = [i for i, line in enumerate(lines) if line.startswith("  - ")]
    i = rng.choice(items)
    lines[i] = "\t" + lines[i][2:]
    return "\n".join(lines), "tab-indent"


def duplicate_key(text: str, rng: random.Random) -> tuple[str, str]:
    return text + "\nformat: 1\n", "duplicate-key"


def odd_whole_file(text: str, rng: random.Random) -> tuple[str, str]:
    body = rng.choice(
        ["", " ", "\n\n", "# only a comment\n", "\ufeff", "null", "~", "[]", "42", '"text"', "- a\n- b\n"]
    )
    return body, "odd-whole-file"


def wrong_type_raw(text: str, rng: random.Random) -> tuple[str, str]:
    return text.replace("levels:\n", "levels: 7\nlevels_was:\n", 1), "section-wrong-type"


TEXT_MUTATIONS: list[Callable[[str, random.Random], tuple[str, str]]] = [
    deep_flow,
    deep_block,
    deep_sequence,
    raw_control_character,
    self_alias,
    alias_bomb,
    anchor_only,
    alias_in_place,
    merge_key,
    collection_key,
    scalar_key,
    python_tag,
    several_documents,
    truncated,
    tab_indent,
    duplicate_key,
    odd_whole_file,
    wrong_type_raw,
]

# Random punctuation that YAML gives meaning to: the result may or may not still be a valid file.
NOISE = [":", "{", "}", "[", "]", "&", "*", "!", "%", "@", "`", "|", ">", "'", '"', "#", "- ", "\n", "\t", "?", ","]


def noise(text: str, rng: random.Random) -> tuple[str, str]:
    for _ in range(rng.randrange(1, 6)):
        text = insert_at(text, rng, rng.choice(NOISE))
    return text, "noise"


# ---- The cases -------------------------------------------------------------------------------------


def generate(seed: int = SEED, count: int = 300) -> list[Case]:
    """``count`` cases plus a few fixed ones (invalid UTF-8, oversized files), the same for the same seed."""
    texts = {name: path.read_text(encoding="utf-8") for name, path in SOURCES.items()}
    data = {name: yaml_data.parse(text) for name, text in texts.items()}
    families = [*(("data", m) for m in DATA_MUTATIONS), *(("text", m) for m in TEXT_MUTATIONS), ("noise", noise)]
    cases = []
    for number in range(count):
        rng = random.Random(f"{seed}:{number}")
        # Mostly the small example, which has every section: Medway's file takes a third of a second
        # to parse in pure Python, and each case runs twice. The issue's own cases use Medway's.
        source = rng.choice(["medway", *["example"] * 7])
        family, mutation = families[number % len(families)]
        if family == "data":
            mutated = copy.deepcopy(data[source])
            kind = mutation(mutated, rng)
            content = dump(mutated)
            checks = ANY_OUTCOME if kind == "scenario-disagrees" else REFUSED
            cases.append(Case(f"{number:03d}-{source}-{kind}", content, REFUSED, checks))
        else:
            text, kind = mutation(texts[source], rng)
            outcome = ANY_OUTCOME if family == "noise" else REFUSED
            cases.append(Case(f"{number:03d}-{source}-{kind}", text.encode("utf-8", "surrogatepass"), outcome, outcome))
    cases += issue_cases(texts["medway"])
    cases += schema_field_cases(data)
    medway = texts["medway"].encode("utf-8")
    cases += [
        Case("fixed-invalid-utf8", medway[:500] + b"\xff\xfe\xc3\x28" + medway[500:]),
        Case("fixed-latin1", texts["medway"].replace("’", "'").encode("utf-8").replace(b"Medway", b"M\xe9dway")),
        Case("fixed-just-over-1mb", medway + b"#" + b"x" * 1_000_000 + b"\n"),
        Case("fixed-50mb", medway + b"# padding\n" * 5_000_000),
        Case("fixed-long-line", medway.replace(b"format: 1", b"format: " + b"9" * 900_000, 1)),
    ]
    return cases


def issue_cases(text: str) -> list[Case]:
    """Each kind of file that crashed, hung or passed the validator when the issue was filed."""

    def edit(old: str, new: str) -> bytes:
        assert text.count(old) >= 1, old
        return text.replace(old, new, 1).encode("utf-8")

    bomb = ["a0: &a0 [lol]", *(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10))]
    return [
        Case("issue-nesting-1000", (text + f"\ndeep: {'[' * 1000}1{']' * 1000}\n").encode()),
        Case("issue-nul", edit("name: Universal", "name: Univ\x00ersal")),
        Case("issue-esc", edit("name: Universal", "name: Univ\x1bersal")),
        Case("issue-list-key", (text + "\n? [a, b]\n: 1\n").encode()),
        Case("issue-map-key", (text + "\n? {a: 1}\n: 1\n").encode()),
        Case("issue-self-alias", (text + "\nloop: &a [*a]\n").encode()),
        Case("issue-alias-bomb", (text + "\n" + "\n".join(bomb) + "\n").encode()),
        Case("issue-integer-4301-digits", edit("format: 1", "format: 1" + "0" * 4300)),
        Case("issue-level-name-of-spaces", edit("name: Universal", 'name: "   "')),
        Case("issue-right-to-left-override", edit("name: Universal", "name: Univ\u202eersal")),
        Case("issue-date-2026-13-45", edit('date: "2026-11-22"', "date: 2026-13-45")),
        Case(
            "issue-stage-number-10^30",
            edit("- {number: 1, text: Escalate", "- {number: 1" + "0" * 30 + ", text: Escalate"),
        ),
    ]


# Every way YAML 1.1 writes a whole number other than ordinary digits: each must be one clear line
# (issue 24, F7: a hex number skipped the digit limit and broke every message that printed it).
OTHER_BASES = ("0x18", "-0x1F", "0x" + "f" * 4_000, "030", "0o30", "0b11", "0b" + "1" * 5_000, "1:30", "1_000")
MARK = "ZZFIELDMARKZZ"


def _one_path_per_field(data: dict[str, Any], wanted: Callable[[Any, dict], bool]) -> list[tuple[str, list]]:
    """One path (source, path) for each field of the format the schema says is wanted, list items alike."""
    kept: dict[tuple, tuple[str, list]] = {}
    for source, tree in data.items():
        for path, value, schema in walk(tree):
            if path and wanted(value, schema):
                kept.setdefault(tuple("*" if isinstance(part, int) else part for part in path), (source, path))
    return list(kept.values())


def _marked(tree: Any, paths: list[list]) -> list[str]:
    """The tree written once with a mark at each path: its text split at the marks (text, mark, text,
    ...). PyYAML's emitter takes half a second for Medway's file, and each field's case needs the whole
    file: one writing per file, not one per case."""
    changed = copy.deepcopy(tree)
    for index, path in enumerate(paths):
        put(changed, path, f"{MARK}{index:04d}")
    return re.split(f"({MARK}[0-9]{{4}})", dump(changed).decode("utf-8"))


def _with_raw(pieces: list[str], originals: list[str], index: int, raw: str) -> bytes:
    """The file with ``raw`` at the field marked ``index``, and every other marked field as it was (its
    value written as YAML reads it back: a JSON string is a double-quoted YAML scalar)."""
    marks = {f"{MARK}{i:04d}": value for i, value in enumerate(originals)} | {f"{MARK}{index:04d}": raw}
    return "".join(marks.get(piece, piece) if piece.startswith(MARK) else piece for piece in pieces).encode("utf-8")


def schema_field_cases(data: dict[str, Any]) -> list[Case]:
    """From the schema, not a hand list: every field where the format expects a whole number, written in
    every other base; every patterned field with a trailing line break (issue 24, F7 and N6)."""

    def is_number(value: Any, schema: dict) -> bool:
        return schema.get("type") in ("integer", "number") and isinstance(value, int) and not isinstance(value, bool)

    def is_patterned(value: Any, schema: dict) -> bool:
        return isinstance(value, str) and isinstance(schema.get("pattern"), str)

    numbers, patterned = _one_path_per_field(data, is_number), _one_path_per_field(data, is_patterned)
    fields = [*numbers, *patterned]
    written = {}
    for source in data:
        paths = [path for at, path in fields if at == source]
        originals = [json.dumps(get(data[source], path), ensure_ascii=False) for path in paths]
        written[source] = (_marked(data[source], paths), originals, {tuple(path): i for i, path in enumerate(paths)})

    def with_raw(source: str, path: list, raw: str) -> bytes:
        pieces, originals, index = written[source]
        return _with_raw(pieces, originals, index[tuple(path)], raw)

    cases = []
    for source, path in numbers:
        shown = ".".join(str(part) for part in path)
        for index, raw in enumerate(OTHER_BASES):
            cases.append(Case(f"base-{source}-{shown}-{index}", with_raw(source, path, raw)))
    for source, path in patterned:
        shown = ".".join(str(part) for part in path)
        value = get(data[source], path)
        cases.append(Case(f"line-break-{source}-{shown}", with_raw(source, path, json.dumps(value + "\\n"))))
    return cases


def write_cases(directory: Path, seed: int = SEED) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for case in generate(seed):
        target = directory / f"{case.name}.yml"
        target.write_bytes(case.content)
        written.append(target)
    return written


if __name__ == "__main__":
    print(f"{len(write_cases(Path(sys.argv[1])))} files written to {sys.argv[1]}")
