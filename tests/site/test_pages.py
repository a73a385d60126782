"""What the page templates are given, for a partnership's file as it is: the filter's hint."""

from __future__ import annotations

from conftest import ROOT

from toolkit.load import load_file
from toolkit.site.escaping import page_text
from toolkit.site.pages import filter_hint, site_pages


def test_the_filters_hint_offers_the_files_own_examples(thresholds):
    examples = thresholds.data["filter_examples"]
    assert (
        filter_hint(thresholds) == f"An everyday word works: for example {', '.join(examples[:-1])} or {examples[-1]}."
    )


def test_a_file_with_no_everyday_words_gets_a_plain_hint_not_its_headings():
    """The starter file has no filter examples and no themes' synonyms: a heading's name (a domain's,
    say) is no everyday word, so the hint offers none."""
    starter = load_file(ROOT / "toolkit" / "schema" / "starter.yml")
    assert not starter.data.get("filter_examples")
    hint = filter_hint(starter)
    assert hint == "Type a word from the worry, or another word for it."
    assert not [domain.name for domain in starter.domains if domain.name in hint]


def test_the_everyday_words_page_leads_each_word_to_the_worries_it_finds(partnership_thresholds):
    """Each word of an indicator's synonyms lists that indicator, in its own words and at its level; a
    domain's word lists the whole domain."""
    t = partnership_thresholds
    [page] = [p for p in site_pages(t) if p.path == "words.md"]
    sections = dict(part.split("\n", 1) for part in page.markdown.split("\n## ")[1:])
    checked = 0
    for indicator in t.indicators:
        for word in indicator.synonyms:
            if word.lower() in indicator.text.lower() or indicator.is_strength:
                continue
            found = sections[page_text(word)]  # headings are escaped as all page text is
            assert f"- {page_text(indicator.text)} ([{indicator.level.label}]" in found, (word, found)
            checked += 1
    assert checked >= 3
    for domain in t.domains:
        for word in domain.synonyms:
            assert f"- Every worry under [{domain.heading or domain.name}]" in sections[page_text(word)]
