"""The site's templates and page builders read the typed model (``t``), never the raw mapping of the
file: a key spelt wrong in a template would otherwise print nothing, silently."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

TEMPLATES = ROOT / "toolkit" / "site" / "templates"
SITE_CODE = ROOT / "toolkit" / "site"
# A Jinja expression that names the raw mapping: ``data.escalation``, ``data["step_down"]``, ``data.get(…)``.
RAW_IN_TEMPLATE = re.compile(r"\{[{%][^}]*\bdata\s*[.\[]")
# Python that reads the raw mapping of the thresholds: ``t.data``, ``thresholds.data``.
RAW_IN_CODE = re.compile(r"\b(?:t|thresholds|self\.thresholds)\.data\b")


def lines_matching(paths: list[Path], pattern: re.Pattern[str]) -> list[str]:
    return [
        f"{path.name}: {line.strip()}"
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if pattern.search(line)
    ]


def test_no_template_reads_the_raw_mapping():
    assert lines_matching(sorted(TEMPLATES.glob("*.j2")), RAW_IN_TEMPLATE) == []


def test_no_page_builder_reads_the_raw_mapping():
    assert lines_matching(sorted(SITE_CODE.glob("*.py")), RAW_IN_CODE) == []


def test_the_scans_find_a_raw_read():
    assert RAW_IN_TEMPLATE.search('{{ data["step_down"].intro }}') and RAW_IN_TEMPLATE.search(
        "{% if data.escalation %}"
    )
    assert RAW_IN_CODE.search('heading = t.data["step_down"]') and not RAW_IN_CODE.search("t.step_down")
