"""A route's consent "required unless…" (issue 29) as a reader sees it: on the level's page and beside the
self-check's question on consent, the guidance's exceptions quoted whole in the file's words; beside the
question, that the checker does not decide them. A file that writes none shows none."""

from __future__ import annotations

import re

from conftest import ROOT
from sitebuild import html_pages, page_text

from levels_of_need.present import consent_unless_judged, consent_unless_text

JUDGED = "Whether that applies is for you to judge: the checker does not decide it."


def unless_routes(t):
    return [(level, route) for level, route in t.routes() if route.consent_unless]


def test_the_level_page_quotes_the_exceptions_after_the_consent_it_qualifies(example_site, example):
    [(level, route)] = unless_routes(example)
    text = page_text(example_site.directory / "levels" / level.id / "index.html")
    said = f"Parents must consent to support on this route. {consent_unless_text(route)}"
    assert f"“{route.consent_unless}”" in said  # the file's words, whole, in quotes
    assert said in text
    # Under its own route's heading: the nearest route named before it is its own (the page's contents list
    # names every route first).
    at = text.index(said)
    others = [r.name for r in level.routes if r is not route]
    assert text.rindex(route.name, 0, at) > max((text.rfind(name, 0, at) for name in others), default=-1)
    # The docs quote the same sentence (docs/format.md, "Consent required, unless…").
    doc = " ".join((ROOT / "docs" / "format.md").read_text(encoding="utf-8").split())
    quoted = re.search(r"on the level's page \(\"([^\"]+)\"\)", doc).group(1)
    assert quoted.replace("“…”", f"“{route.consent_unless}”") == said


def test_the_consent_question_gives_the_exceptions_and_leaves_them_to_the_practitioner(example_site, example):
    [(_, route)] = unless_routes(example)
    text = page_text(example_site.directory / "check" / "index.html")
    said = consent_unless_judged(route)
    assert said.endswith(JUDGED) and said in text
    # Inside the consent question's "Consent and information sharing", after the question itself.
    consent = example.question("consent").text
    assert text.index(consent) < text.index("Consent and information sharing") < text.index(said)


def test_a_file_without_exceptions_shows_none(medway_site, thresholds):
    assert not unless_routes(thresholds)
    for page in html_pages(medway_site.directory):
        if page.parent.name != "format":  # the format's own page describes the field
            assert "requires consent unless" not in page_text(page), page
            assert JUDGED not in page_text(page), page
