"""`validate` warns of every indicator that only its own wording finds (issue 26.6)."""

from __future__ import annotations

import re

from conftest import ROOT
from toolkit_cli import run_toolkit

EXAMPLE = ROOT / "examples" / "fictional-four-levels.yml"


def test_both_partnerships_give_every_indicator_everyday_words():
    for path in (ROOT / "thresholds.yml", EXAMPLE):
        result = run_toolkit("validate", str(path))
        assert result.returncode == 0, result.stderr
        assert "no everyday words" not in result.stderr


def test_an_indicator_without_everyday_words_is_named_in_a_warning(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    # The fictional file's "left alone" worry, with its everyday words taken away.
    bare = re.sub(r"(\{id: left-alone, [^\n]*?)synonyms: \[[^\]]*\], ", r"\1", text)
    assert bare != text
    path = tmp_path / "thresholds.yml"
    path.write_text(bare, encoding="utf-8")
    result = run_toolkit("validate", str(path))
    assert result.returncode == 0, result.stderr
    assert re.search(r"warning: .*1 indicator has no everyday words.*: left-alone\.", result.stderr)


def test_the_format_guide_tells_a_partnership_how_to_add_its_own_words():
    # Issue 26.6: docs/format.md's "Everyday words" section: the `synonyms` key with a worked example
    # that is the fictional partnership's own line, where the words come from, and `validate`'s warning.
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    section = doc.split("### Everyday words", 1)[1].split("\n### ", 1)[0]
    example = re.search(r"  - (\{id: left-alone, .*\})\n", section)
    assert example and example.group(1) in EXAMPLE.read_text(encoding="utf-8")
    assert "`synonyms`" in section and "NSPCC" in section
    assert "`validate` warns" in section
