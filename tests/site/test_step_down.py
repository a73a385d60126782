"""How a case moves (`step_down:`, `step_up:`, `step_across:`) gets a page for each direction, as a
reader sees it: each path's levels (or routes), its steps with their contacts as working links and
timescales, the consent words whole, in the navigation and in the printable whole guidance; a file
without them gets no such page."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sitebuild import page_text

from levels_of_need.model import one_or_many

PAGES = [
    ("step_down", "step-down", "Stepping down"),
    ("step_up", "step-up", "Stepping up"),
    ("step_across", "step-across", "Stepping across"),
]


def heading_texts(html: str, tag: str) -> list[str]:
    """The text of each heading of this tag, as a reader sees it (tags and the permalink mark left out)."""
    found = re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, flags=re.S)
    return [" ".join(unescape(re.sub(r"<a [^>]*headerlink[^>]*>.*?</a>|<[^>]+>", "", h)).split()) for h in found]


def route(example, route_id):
    return next(r for level in example.levels for r in level.routes if r.id == route_id)


def level_of(example, route_id):
    return next(level for level in example.levels if any(r.id == route_id for r in level.routes))


def path_heading(example, section, title, path) -> str:
    if section == "step_across":
        start, end = route(example, path["from"]), route(example, path["to"])
        return f"{title} from {start.name} to {end.name} ({level_of(example, path['from']).label})"
    return f"{title} from {example.level(path['from']).label} to {example.level(path['to']).label}"


@pytest.mark.parametrize(("section", "folder", "title"), PAGES)
def test_each_path_is_on_its_directions_page_in_the_files_words(example_site, example, section, folder, title):
    paths = one_or_many(example.data[section])
    page = example_site.directory / folder / "index.html"
    html, text = page.read_text(encoding="utf-8"), page_text(page)
    headings = [path_heading(example, section, title, path) for path in paths]
    # One path heads the page; several each head a section under the page's title.
    assert heading_texts(html, "h1") == [title if len(paths) > 1 else headings[0]]
    if len(paths) > 1:
        assert [h for h in heading_texts(html, "h2") if h in headings] == headings
    places = [text.index(heading) for heading in headings]
    assert places == sorted(places)
    for path in paths:
        assert " ".join(path["intro"].split()) in text
        for step in path["next_steps"]:
            assert step["text"] in text
            if "contact" in step:
                contact = example.contact(step["contact"])
                assert contact.name in text
                if contact.email:
                    assert f'href="mailto:{contact.email}"' in html
            if "timescale" in step:
                timescale = example.timescale(step["timescale"])
                assert f"Timescale: {timescale.label}, {timescale.within}." in text
        if "consent" in path:
            assert " ".join(path["consent"].split()) in text
    home = (example_site.directory / "index.html").read_text(encoding="utf-8")
    assert f'href="{folder}/"' in home  # in the navigation, under Referrals
    whole = page_text(example_site.directory / "whole" / "index.html")
    assert all(" ".join(path["intro"].split()) in whole for path in paths)


def test_the_fictional_file_shows_one_path_and_several(example):
    # So that the test above sees both forms of a page.
    counts = {section: len(one_or_many(example.data[section])) for section, _folder, _title in PAGES}
    assert 1 in counts.values() and max(counts.values()) > 1, counts


def test_a_file_without_them_has_no_such_page(medway_site, thresholds):
    for section, folder, _title in PAGES:
        assert section not in thresholds.data
        assert not (medway_site.directory / folder).exists()
