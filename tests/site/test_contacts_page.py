"""The contacts page names each contact once: in its heading, never again in its line of ways to reach
it (a web page's link says which site it goes to)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import EXAMPLE_FILE, ROOT, THRESHOLDS_FILE

from toolkit.load import load_file
from toolkit.site.escaping import page_text


@pytest.mark.parametrize("thresholds_file", [THRESHOLDS_FILE, EXAMPLE_FILE], ids=["medway", "example"])
def test_each_contact_is_named_once(thresholds_file, tmp_path):
    out = tmp_path / "sources"
    run = [sys.executable, "-m", "toolkit", "sources", "--thresholds", str(thresholds_file), "--out", str(out)]
    subprocess.run(run, cwd=ROOT, check=True, capture_output=True)
    page = (out / "docs" / "contacts.md").read_text(encoding="utf-8")
    sections = page.split("\n## ")[1:]  # after the emergency box at the top, which every page shows
    thresholds = load_file(thresholds_file)
    assert len(sections) == len(thresholds.contacts)
    for contact, section in zip(thresholds.contacts, sections, strict=True):
        heading, _, rest = section.partition("\n")
        assert heading == page_text(contact.name)
        ways = rest.replace(page_text(" ".join(contact.when.split())), "")  # the guidance's own words may name it
        assert page_text(contact.name) not in ways, contact.id
