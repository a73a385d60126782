"""The generated pages' words, as the templates write them (no site engine needed): sentences the
file's text is put into, and what a timescale beside a step says."""

from __future__ import annotations

import re

import pytest
from conftest import THRESHOLDS_FILE

from toolkit.load import load_text
from toolkit.site import site_pages
from toolkit.site.write import site_sources

MEDWAY = THRESHOLDS_FILE.read_text(encoding="utf-8")
STAGE_FOUR = "    - {number: 4, text: Involving the Medway Safeguarding Children Partnership}\n"


def pages_of(text: str) -> dict[str, str]:
    return {page.path: page.markdown for page in site_pages(load_text(text, "thresholds.yml"))}


def doubled_stops(markdown: str) -> list[str]:
    """Full stops doubled by a template ("text.."), not an ellipsis the file writes ("..." or "…")."""
    return re.findall(r"[^\s.]{0,30}[^\s./]\.\.(?=[\s*<)]|$)", markdown, flags=re.MULTILINE)


@pytest.mark.parametrize("ending", [".", "?", "!", "…", ".)", ".”"])
def test_an_escalation_stage_that_ends_a_sentence_gets_no_second_full_stop(ending):
    stage = STAGE_FOUR.replace("text: Involving", 'text: "Involving').replace("Partnership}", f'Partnership{ending}"}}')
    text = MEDWAY.replace(STAGE_FOUR, stage)
    assert text != MEDWAY
    escalation = pages_of(text)["escalation.md"]
    assert f"Children Partnership{ending}**" in escalation
    assert not doubled_stops(escalation)


def test_an_escalation_stage_without_a_full_stop_is_given_one():
    escalation = pages_of(MEDWAY)["escalation.md"]
    assert "Stage 4: Involving the Medway Safeguarding Children Partnership.**" in escalation


def test_no_generated_page_doubles_a_full_stop_the_file_writes():
    """Every text the file gives that a template ends with a full stop, ending in one already."""
    text = MEDWAY
    for field in ("within: one working day\n", "within: 24 hours\n", "within: 5 working days\n"):
        text = text.replace(field, field.replace("\n", ".\n"))
    text = text.replace(STAGE_FOUR, STAGE_FOUR.replace("Partnership}", "Partnership.}"))
    for path, markdown in pages_of(text).items():
        assert not doubled_stops(markdown), path


def test_a_timescale_beside_a_step_says_what_it_is_the_timescale_of(thresholds):
    pages = pages_of(MEDWAY)
    for level in thresholds.levels:
        markdown = pages[f"levels/{level.id}.md"]
        for route in level.routes:
            for step in route.next_steps:
                if step.timescale:
                    label = " ".join(step.timescale.label.split())
                    assert f"{label}, {step.timescale.within}" in markdown, (route.id, step.timescale.id)


def test_the_site_header_uses_the_short_name_and_the_home_and_about_pages_the_full_name(thresholds, example):
    for t in (thresholds, example):
        sources = site_sources(t)
        assert sources.site_name == t.partnership.short_name
        pages = {page.path: page.markdown for page in sources.pages}
        assert t.partnership.name in pages["index.md"]
        assert t.partnership.name in pages["about.md"]
