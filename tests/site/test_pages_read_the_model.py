"""The site's templates and page builders read the typed model (``t``), never the raw mapping of the
file: a key spelt wrong in a template would otherwise print nothing, silently."""

from __future__ import annotations

import re

from conftest import ROOT

TEMPLATES = ROOT / "toolkit" / "site" / "templates"
SITE_CODE = ROOT / "toolkit" / "site"
# A Jinja expression that names the raw mapping: ``data.escalation``, ``data["step_down"]``, ``data.get(…)``.
RAW_IN_TEMPLATE = re.compile(r"\{[{%][^}]*\bdata\s*[.\[]")
# Python that reads the raw mapping of the thresholds: ``t.data``, ``thresholds.data``.
RAW_IN_CODE = re.compile(r"\b(?:t|thresholds|self\.thresholds)\.data\b")


def test_no_template_reads_the_raw_mapping():
    found = [
        f"{path.name}: {line.strip()}"
        for path in sorted(TEMPLATES.glob("*.j2"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if RAW_IN_TEMPLATE.search(line)
    ]
    assert found == []


def test_no_page_builder_reads_the_raw_mapping():
    found = [
        f"{path.name}: {line.strip()}"
        for path in sorted(SITE_CODE.glob("*.py"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if RAW_IN_CODE.search(line)
    ]
    assert found == []
