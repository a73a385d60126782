"""The contacts page names each contact once: those the guidance names for an emergency in its box at the top,
whole (how to reach them and when), and not again below; every other one in its heading, never again in its
line of ways to reach it (a web page's link says which site it goes to). The guidance's own words may name a
contact too ("please contact the Children's Services First Response Service on …"): those are quoted as written."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLE_FILE, THRESHOLDS_FILE, loaded
from toolkit_cli import run_toolkit

from toolkit.site.escaping import page_text


@pytest.fixture(params=[THRESHOLDS_FILE, EXAMPLE_FILE], ids=["medway", "example"])
def contacts_page(request, tmp_path):
    out = tmp_path / "sources"
    done = run_toolkit("sources", "--thresholds", str(request.param), "--out", str(out))
    assert done.returncode == 0, done.stderr
    return loaded(request.param), (out / "docs" / "contacts.md").read_text(encoding="utf-8")


def without_the_guidances_words(thresholds, page: str) -> str:
    for words in [*(c.when for c in thresholds.contacts), *(r.text for r in thresholds.rules)]:
        page = page.replace(page_text(" ".join(words.split())), "")
    return page


def test_each_contact_is_named_once_on_the_whole_page(contacts_page):
    thresholds, page = contacts_page
    own = without_the_guidances_words(thresholds, page)
    named = {
        c.id: len(re.findall(rf"(?<![\w’']){re.escape(page_text(c.name))}(?![\w’'])", own)) for c in thresholds.contacts
    }
    assert {contact: times for contact, times in named.items() if times != 1} == {}


def test_the_emergency_contacts_are_in_the_box_whole_and_the_others_under_their_headings(contacts_page):
    thresholds, page = contacts_page
    box, _, rest = page.partition("</div>")
    emergency = [c for r in thresholds.rules if r.kind == "emergency" for c in r.contacts]
    assert emergency, "each partnership's file names whom to call in an emergency"
    for contact in emergency:
        assert page_text(contact.name) in box and page_text(" ".join(contact.when.split())) in box, contact.id
    sections = rest.split("\n## ")[1:]
    others = [c for c in thresholds.contacts if c not in emergency]
    assert len(sections) == len(others)
    for contact, section in zip(others, sections, strict=True):
        heading, _, ways = section.partition("\n")
        assert heading == page_text(contact.name)
        assert page_text(" ".join(contact.when.split())) in ways, contact.id
