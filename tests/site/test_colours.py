"""A partnership's colours for its levels and routes mark their names on the pages, from one stylesheet
made from its file; a file without colours gets neither the stylesheet nor the marks."""

from __future__ import annotations

import re

from toolkit.load.colours import colours


def test_each_coloured_level_and_route_is_marked_and_styled(example_site, example):
    given = colours(example)
    assert given, "the fictional file gives colours"
    css = (example_site.directory / "assets" / "stylesheets" / "colours.css").read_text(encoding="utf-8")
    for name, colour in given.items():
        assert f".lon-colour--{name} {{ border-left-color: {colour}; }}" in css
    home = (example_site.directory / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link[^>]+href="assets/stylesheets/colours\.css"', home)
    for level in example.data["levels"]:
        page = (example_site.directory / "levels" / level["id"] / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'<h1 class="lon-colour lon-colour--level-{level["id"]}"[^>]*>', page)
        for route in level["routes"]:
            marked = re.search(rf'<h3 class="lon-colour lon-colour--route-{route["id"]}"', page)
            assert bool(marked) == ("colour" in route), route["id"]


def test_a_file_without_colours_gets_no_stylesheet_and_no_marks(medway_site, thresholds):
    assert colours(thresholds) == {}
    assert not (medway_site.directory / "assets" / "stylesheets" / "colours.css").exists()
    for page in medway_site.directory.rglob("*.html"):
        assert "lon-colour" not in page.read_text(encoding="utf-8"), page
