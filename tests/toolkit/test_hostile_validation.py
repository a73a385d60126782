"""Hostile or careless thresholds files: each gives one clear line naming the field, never a crash.

The kinds of file that crashed, hung or passed the validator when issue 16 was filed, plus the text
checks: markup, script links, invisible characters, malformed emails and web addresses.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import PARTNERSHIPS, ROOT, THRESHOLDS_FILE, first_in_check
from toolkit_cli import run_toolkit

from toolkit.load import ThresholdsError, load_text

GOOD = THRESHOLDS_FILE.read_text(encoding="utf-8")


def edit(old: str, new: str) -> str:
    assert GOOD.count(old) >= 1, old
    return GOOD.replace(old, new, 1)


def line_of(needle: str, text: str = GOOD) -> int:
    return text[: text.index(needle)].count("\n") + 1


LEVEL_NAME = "name: Universal"
CONTACT_EMAIL = "email: Prevent.referrals@kent.pnn.police.uk"
CONTACT_URL = "url: https://www.medway.gov.uk/info/200170/children_and_families/600/worried_about_a_child/1"

# (name, text, line, path, words of the message)
CASES = [
    ("nul", edit(LEVEL_NAME, "name: Univ\x00ersal"), line_of(LEVEL_NAME), "(text)", "control character (U+0000"),
    ("esc", edit(LEVEL_NAME, "name: Univ\x1bersal"), line_of(LEVEL_NAME), "(text)", "control character (U+001B"),
    (
        "escaped-esc",
        edit(LEVEL_NAME, 'name: "Univ\\eersal"'),
        line_of(LEVEL_NAME),
        "levels[universal].name",
        "control character (U+001B",
    ),
    (
        "number-as-key",
        edit("glossary:\n", "glossary:\n  1: one\n"),
        line_of("glossary:") + 1,
        "(YAML syntax)",
        "the key '1' is read as a number",
    ),
    (
        "integer-4301-digits",
        edit("format: 1", "format: 1" + "0" * 4300),
        line_of("format: 1"),
        "(YAML syntax)",
        "a number with 4301 digits",
    ),
    (
        "int-that-is-not",
        edit("format: 1", "format: !!int 12x"),
        line_of("format: 1"),
        "(YAML syntax)",
        "cannot be read",
    ),
    (
        "level-name-of-spaces",
        edit(LEVEL_NAME, 'name: "   "'),
        line_of(LEVEL_NAME),
        "levels[universal].name",
        "is blank",
    ),
    (
        "right-to-left-override",
        edit(LEVEL_NAME, "name: Univ\u202eersal"),
        line_of(LEVEL_NAME),
        "levels[universal].name",
        "U+202E RIGHT-TO-LEFT OVERRIDE",
    ),
    (
        "date-2026-13-45",
        edit('date: "2026-11-22"', "date: 2026-13-45"),
        line_of("date: "),
        "document.date",
        "'2026-13-45' is not a real date",
    ),
    (
        "date-2026-02-30",
        edit('date: "2026-11-22"', 'date: "2026-02-30"'),
        line_of("date: "),
        "document.date",
        "is not a real date",
    ),
    (
        "stage-number-10^30",
        edit("- {number: 1, text: Escalate", "- {number: 1" + "0" * 30 + ", text: Escalate"),
        line_of("- {number: 1, text: Escalate"),
        "(YAML syntax)",
        "a number with 31 digits",
    ),
    (
        "stage-number-99",
        edit("- {number: 1, text: Escalate", "- {number: 99, text: Escalate"),
        line_of("- {number: 1, text: Escalate"),
        "escalation.stages[0].number",
        "must be at most 20",
    ),
    (
        "script-tag",
        edit(LEVEL_NAME, "name: Universal<script>alert(1)</script>"),
        line_of(LEVEL_NAME),
        "levels[universal].name",
        "contains an HTML tag ('<script>",
    ),
    (
        "event-handler",
        edit(LEVEL_NAME, "name: 'Universal <img src=x onerror=alert(1)>'"),
        line_of(LEVEL_NAME),
        "levels[universal].name",
        "contains an HTML tag ('<img",
    ),
    (
        "meta-refresh",
        edit(LEVEL_NAME, 'name: \'Universal <meta http-equiv="refresh" content="0;url=https://evil.example">\''),
        line_of(LEVEL_NAME),
        "levels[universal].name",
        "contains an HTML tag ('<meta",
    ),
    (
        "character-reference",
        edit(LEVEL_NAME, "name: Universal &lt;b&gt;"),
        line_of(LEVEL_NAME),
        "levels[universal].name",
        "HTML character reference (&lt;)",
    ),
    (
        "javascript-link",
        edit(LEVEL_NAME, "name: '[Universal](javascript:alert(1))'"),
        line_of(LEVEL_NAME),
        "levels[universal].name",
        "contains a script link",
    ),
    (
        "data-link",
        edit(LEVEL_NAME, "name: '[Universal](data:text/html;base64,PHNjcmlwdD4=)'"),
        line_of(LEVEL_NAME),
        "levels[universal].name",
        "contains a data: link",
    ),
    (
        "protocol-relative-link",
        edit(LEVEL_NAME, "name: '[Universal](//evil.example/)'"),
        line_of(LEVEL_NAME),
        "levels[universal].name",
        "a link starting // leaves the site",
    ),
    (
        "http-link-in-markdown",
        edit("      ### Early Help is everyone’s responsibility", "      [more](http://evil.example/)"),
        line_of("    body: |\n      It is important that people"),
        "guidance[principles].body",
        "links may only go to https:, mailto:, tel: or the site's own pages",
    ),
    (
        "email-breaking-out",
        edit(CONTACT_EMAIL, "email: '\"><img src=x onerror=alert(1)>@kent.pnn.police.uk'"),
        line_of(CONTACT_EMAIL),
        "contacts[prevent-referrals].email",
        "is not in the expected form: an email address",
    ),
    (
        "url-breaking-out",
        edit(CONTACT_URL, 'url: https://www.medway.gov.uk/"><img src=x onerror=alert(1)>'),
        line_of(CONTACT_URL),
        "contacts[online-portal].url",
        "is not in the expected form: a web address",
    ),
    (
        "url-not-https",
        edit(CONTACT_URL, "url: javascript:alert(1)"),
        line_of(CONTACT_URL),
        "contacts[online-portal].url",
        "is not in the expected form: a web address",
    ),
]


@pytest.mark.parametrize(("name", "text", "line", "path", "words"), CASES, ids=[c[0] for c in CASES])
def test_hostile_input_gives_one_clear_line(name, text, line, path, words):
    assert_one_clear_line(text, line, path, words)


# (name, YAML written after a whole valid file, words of the message): refused at its first line, whatever the file
# before it holds. A YAML error is placed by reading the file again with PyYAML's pure-Python parser, a quarter
# of a second for Medway's file: `make check` appends each to the fictional file (a quarter of Medway's size),
# `make test` to Medway's as well.
APPENDED = [
    ("nesting-1000", "\ndeep: " + "[" * 1000 + "]" * 1000 + "\n", "nested more than 32 levels"),
    ("list-as-key", "\n? [a, b]\n: 1\n", "a list is used as a key"),
    ("map-as-key", "\nx: {{a: 1}: 2}\n", "a mapping is used as a key"),
    ("self-alias", "\nloop: &a [*a]\n", "anchors and aliases"),
    ("alias-bomb", "\na: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n", "anchors and aliases"),
]


@pytest.mark.parametrize("whose", first_in_check(["example", "medway"], keep=1))
@pytest.mark.parametrize(("name", "after", "words"), APPENDED, ids=[c[0] for c in APPENDED])
def test_hostile_yaml_after_a_whole_file_gives_one_clear_line(name, after, words, whose):
    before = PARTNERSHIPS[whose].read_text(encoding="utf-8")
    assert_one_clear_line(before + after, before.count("\n") + 2, "(YAML syntax)", words)


def assert_one_clear_line(text: str, line: int, path: str, words: str) -> None:
    """The file is refused with a problem at that path and line in those words, and every problem is one line."""
    with pytest.raises(ThresholdsError) as caught:
        load_text(text, "thresholds.yml")
    problems = caught.value.problems
    assert any(p.path == path and words in p.message for p in problems), [str(p) for p in problems]
    found = next(p for p in problems if p.path == path and words in p.message)
    assert found.line == line, str(found)
    for problem in problems:
        assert "\n" not in str(problem) and str(problem).isprintable(), str(problem)


def test_one_line_per_field_even_when_two_checks_object():
    text = edit(CONTACT_EMAIL, "email: '\"><img src=x onerror=alert(1)>@kent.pnn.police.uk'")
    with pytest.raises(ThresholdsError) as caught:
        load_text(text)
    assert [p.path for p in caught.value.problems] == ["contacts[prevent-referrals].email"]


@pytest.mark.parametrize("value", ["2026-11-22T10:00:00", "22/11/2026", "2026-11-22 ", "2026-1-2"])
def test_a_date_in_another_form_is_one_line_not_two(value):
    with pytest.raises(ThresholdsError) as caught:
        load_text(edit('date: "2026-11-22"', f'date: "{value}"'))
    assert [p.path for p in caught.value.problems] == ["document.date"], [str(p) for p in caught.value.problems]


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.yml"
    with big.open("wb") as sink:
        sink.truncate(50_000_000)  # a sparse 50 MB file
    run = subprocess.run(
        [sys.executable, "-m", "toolkit", "validate", str(big)], cwd=ROOT, capture_output=True, text=True, timeout=10
    )
    assert run.returncode == 1
    assert run.stderr == f"{big}:1: (file): the file is 50.0 MB; a thresholds file may be at most 1 MB\n"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_not_read_forever(device):
    run = subprocess.run(
        [sys.executable, "-m", "toolkit", "validate", device], cwd=ROOT, capture_output=True, text=True, timeout=10
    )
    assert (run.returncode, run.stderr) == (1, f"{device}:1: (file): not a regular file\n")


def test_validate_runs_the_scenario_verification(tmp_path):
    disagreeing = GOOD.replace(
        "    expected: {level: universal, routes: [universal]}\n",
        "    expected: {level: statutory, routes: [child-protection]}\n",
        1,
    )
    assert disagreeing != GOOD
    bad = tmp_path / "thresholds.yml"
    bad.write_text(disagreeing, encoding="utf-8")
    run = run_toolkit("validate", str(bad))
    assert run.returncode == 1
    line = disagreeing[: disagreeing.index("expected: {level: statutory")].rsplit("\n  - id:", 1)[0].count("\n") + 2
    assert run.stderr.startswith(f"{bad}:{line}: scenarios["), run.stderr
    assert "but the checker gives" in run.stderr
    # The same file still loads for the commands that only read it: the scenarios are training material.
    check = run_toolkit("check", "--thresholds", str(bad), "--json")
    assert check.returncode == 0


@pytest.mark.parametrize("command", [["check"], ["summary"], ["indicators"], ["scenarios"]])
def test_every_command_that_takes_a_file_gives_the_same_one_line_errors(tmp_path, command):
    bad = tmp_path / "bad.yml"
    bad.write_text(GOOD + "\nloop: &a [*a]\n", encoding="utf-8")
    run = run_toolkit(*command, "--thresholds", str(bad))
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"{bad}:{GOOD.count(chr(10)) + 2}: (YAML syntax): anchors and aliases (&name, *name) are not allowed "
        "in a thresholds file; write each value out"
    ]
