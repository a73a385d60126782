"""The site's pages are for every area: a step that differs by district (issue 29, point 5) shows the step's
own words, then each area's own words and timescale, labelled with the area's name, in the file's words."""

from __future__ import annotations

from sitebuild import page_text

NORTHDALE = (
    "For a child in Northdale (fictional): Fictional example: Northdale commissions its own early help service: "
    "send the request to the family help team, who pass it to Northdale Family Support."
)
SOUTHWICK = "For a child in Southwick (fictional): Timescale: First visit to a family in Southwick, 15 working days."


def test_the_level_page_shows_each_steps_own_words_then_each_areas_labelled(example_site, example):
    text = " ".join(page_text(example_site.directory / "levels" / "targeted-early-help" / "index.html").split())
    own = text.index("Fictional example: send the request to the family help team.")
    assert own < text.index(NORTHDALE)  # the step's own words (the rest of the county's) first
    visit = text.index("Fictional example: a worker visits the family.")
    assert visit < text.index("Timescale: First visit to the family, 10 working days.") < text.index(SOUTHWICK)
    assert text.count("For a child in") == 2  # only the steps that differ, once each
    # The route's steps in the file's order: an area's words never move a step.
    route = next(r for lv in example.levels for r in lv.routes if r.id == "family-help")
    places = [text.index(" ".join(step.text.split())) for step in route.next_steps]
    assert places == sorted(places)


def test_a_file_without_areas_shows_no_area_labels_on_its_level_pages(medway_site, thresholds):
    for level in thresholds.levels:
        text = page_text(medway_site.directory / "levels" / level.id / "index.html")
        assert "For a child in" not in text
