"""The generated pages' words, as the templates write them (no site engine needed): sentences the
file's text is put into, and what a timescale beside a step says."""

from __future__ import annotations

import functools
import re

import pytest
import yaml_data
from conftest import EXAMPLE_FILE, THRESHOLDS_FILE, first_in_check

from toolkit.load import load_text
from toolkit.load.schema import load_schema
from toolkit.load.translations import text_fields
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


def is_a_name(path: list) -> bool:
    """A name, not a sentence: a level's, a route's, a domain's, a theme's, the partnership's short name, a
    filter example. Names are listed ("these routes: Early help, Child in need."), so a name that ended
    with a full stop of its own would read as two; no guidance ends a name so ("MSCP." is not even in the
    glossary, which validation refuses)."""
    return path[-1] in ("name", "short_name") or path[0] == "filter_examples"


@pytest.mark.parametrize("file", first_in_check([EXAMPLE_FILE, THRESHOLDS_FILE], keep=1), ids=lambda p: p.stem)
def test_no_page_doubles_a_full_stop_whichever_text_of_the_file_ends_with_one(file):
    # The class of the test above: every text field the file gives, ended with a full stop where it has
    # no ending of its own, then every generated page read for a stop the template added after it.
    data = yaml_data.read(file)
    for path in text_fields(data, load_schema()).values():
        if is_a_name(path):
            continue
        *parents, last = path
        holder = functools.reduce(lambda node, step: node[step], parents, data)
        if not re.search(r"[.!?…:;]\W*$", holder[last]):
            holder[last] = holder[last].rstrip() + "."
    ended = [page for page in site_pages(load_text(yaml_data.dump(data), "thresholds.yml"))]
    assert ended
    assert {page.path: doubled_stops(page.markdown) for page in ended if doubled_stops(page.markdown)} == {}
