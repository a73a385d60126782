"""Every text field of each shipped thresholds file poisoned with script, event handlers, bad links
and a meta refresh: `validate` refuses the file, naming every poisoned field."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLE_FILE, THRESHOLDS_FILE
from poison import poisoned
from toolkit_cli import run_toolkit

from toolkit.load import format_path
from toolkit.load.limits import MAX_BYTES
from toolkit.load.yaml_lines import parse_yaml

OFFSITE = "http://127.0.0.1:9"  # never contacted: validate only reads the file


PARTS = 5  # Medway's file with every field poisoned is over the limit, and a third of it too since its
# everyday words grew (session 11), and a quarter since they grew again (session 16); a fifth of it is not


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("source", [THRESHOLDS_FILE, EXAMPLE_FILE], ids=["medway", "example"])
def test_validate_refuses_a_poisoned_file_naming_every_field(tmp_path, source, part):
    text, paths = poisoned(source, OFFSITE, part, PARTS)
    assert len(paths) > 20  # the walk found the file's text fields
    assert len(text.encode()) <= MAX_BYTES  # refused for what it holds, not for its size
    bad = tmp_path / source.name
    bad.write_text(text, encoding="utf-8")
    run = run_toolkit("validate", str(bad))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    problem = re.compile(rf"^{re.escape(str(bad))}:(\d+): (\S+): (.+)$")
    named = set()
    for line in run.stderr.splitlines():
        found = problem.match(line)
        assert found, line
        named.add(found.group(2))
    _, lines = parse_yaml(source.read_text(encoding="utf-8"), source.name)  # items are named by their ids
    missing = [lines.name(path) for path in paths if lines.name(path) not in named]
    assert not missing, f"{len(missing)} poisoned fields not named, e.g. {missing[:5]}"


def test_the_walk_poisons_fields_of_every_kind(tmp_path):
    _, paths = poisoned(THRESHOLDS_FILE, OFFSITE)
    names = {format_path(path) for path in paths}
    for expected in (
        "partnership.name",
        "document.title",
        "contacts[0].name",
        "contacts[6].email",
        "contacts[3].url",
        "levels[0].name",
        "levels[1].routes[0].next_steps[0].text",
        "indicators[0].text",
        "rules[0].text",
        "guidance[0].body",
        "glossary.MSCP",
        "scenarios[0].vignette",
    ):
        assert expected in names, expected
