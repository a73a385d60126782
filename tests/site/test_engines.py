"""One partnership's site as each engine builds it: every page in both, and every difference listed.

What these tests record is what docs/site-engines.md tells developers; a new difference fails here
until it is understood and recorded in both places.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from collections import Counter

import pytest
from conftest import ROOT, loaded
from sitebuild import ENGINES, BuiltSite, html_pages, visible_text

from toolkit.site import site_pages
from toolkit.site.pages import served_at
from toolkit.site.write import DEVELOPER_PAGES

ENGINES_PAGE = ROOT / "docs" / "site-engines.md"

# Files (not pages) only one engine writes: its own theme, search and sitemap.
ONLY_IN = {
    "mkdocs": (
        "assets/javascripts/bundle.*.min.js",
        "assets/javascripts/bundle.*.min.js.map",
        "assets/javascripts/lunr/*",
        "assets/javascripts/workers/search.*.min.js",
        "assets/javascripts/workers/search.*.min.js.map",
        "assets/stylesheets/main.*.min.css",
        "assets/stylesheets/main.*.min.css.map",
        "assets/stylesheets/palette.*.min.css",
        "assets/stylesheets/palette.*.min.css.map",
        "search/search_index.json",
        # sitemap.xml.gz: Material writes it, and the build writes one for both engines (compress.py)
    ),
    "zensical": (
        "assets/javascripts/LICENSE",
        "assets/javascripts/bundle.*.min.js",
        "assets/javascripts/workers/search.*.min.js",
        "assets/stylesheets/classic/*.min.css",
        "assets/stylesheets/modern/*.min.css",
        "search.json",
    ),
}

# Words outside the page's own content (<article>) that differ, as (MkDocs + Material, Zensical):
# the theme's labels, never the guidance. Each with the words docs/site-engines.md uses for it.
CHROME_DIFFERENCES = {
    ("Table of contents", "On this page"): "On this page",  # the label above a page's contents
    ("Initializing search", "Search Search"): "Initializing search",  # the search box, or button
    ("", "Navigation"): '"Navigation" label',  # the navigation drawer's button, for screen readers
    ("", "Skip to content Navigation"): "the 404 page has a skip link",  # and the drawer's label
    ("", "Home -"): '"Home - "',  # the home page's <title>
}


@pytest.fixture(scope="module")
def partnership_builds(partnership_file, built_site):
    """Each partnership's file (tests/conftest.py: ``partnership``), and its site as each engine builds it."""
    return partnership_file, {engine: built_site(partnership_file, engine) for engine in ENGINES}


def pages(site: BuiltSite) -> set[str]:
    return {p.relative_to(site.directory).as_posix() for p in html_pages(site.directory)}


def files(site: BuiltSite) -> set[str]:
    """The site's files, without the build's precompressed copies of them (FILE.gz, FILE.br)."""
    every = {p.relative_to(site.directory).as_posix() for p in site.directory.rglob("*") if p.is_file()}
    return {f for f in every if not (f.endswith((".gz", ".br")) and f.removesuffix(f[-3:]) in every)}


def built_page(source: str) -> str:
    """Where a Markdown source is built: "levels/statutory.md" -> "levels/statutory/index.html"."""
    served = served_at(source)
    return f"{served}/index.html" if served else "index.html"


def article_text(site: BuiltSite, page: str) -> str:
    raw = (site.directory / page).read_text(encoding="utf-8")
    found = re.search(r"<article\b.*?</article>", raw, flags=re.S)
    return visible_text(found.group(0)) if found else ""


def chrome_differences(one: BuiltSite, other: BuiltSite, page: str) -> Counter:
    """Word runs that differ between two builds of a page, outside the page's content."""

    def chrome(site: BuiltSite) -> list[str]:
        raw = (site.directory / page).read_text(encoding="utf-8")
        return visible_text(re.sub(r"<article\b.*?</article>", " ", raw, flags=re.S)).split()

    words, others = chrome(one), chrome(other)
    matcher = difflib.SequenceMatcher(None, words, others, autojunk=False)
    return Counter(
        (" ".join(words[i1:i2]), " ".join(others[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    )


def test_every_generated_and_hand_written_page_is_in_both_builds(partnership_builds):
    thresholds_file, builds = partnership_builds
    generated = {built_page(page.path) for page in site_pages(loaded(thresholds_file))}
    written = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    handwritten = {built_page(path) for path in written if path not in DEVELOPER_PAGES}
    developers = {built_page(path) for path in DEVELOPER_PAGES}
    assert len(generated) >= 20
    for engine, site in builds.items():
        assert generated - pages(site) == set(), engine
        assert handwritten - pages(site) == set(), engine
        assert developers & pages(site) == set(), engine  # about the toolkit, not the partnership


def test_both_engines_build_the_same_pages(partnership_builds):
    _, builds = partnership_builds
    mkdocs, zensical = builds["mkdocs"], builds["zensical"]
    assert sorted(pages(mkdocs) ^ pages(zensical)) == []


def test_every_page_says_the_same_in_both(partnership_builds):
    _, builds = partnership_builds
    mkdocs, zensical = builds["mkdocs"], builds["zensical"]
    differing = [page for page in sorted(pages(mkdocs)) if article_text(mkdocs, page) != article_text(zensical, page)]
    assert differing == []
    assert all(article_text(mkdocs, page) for page in pages(mkdocs) if page != "404.html")


def test_the_pages_around_the_content_differ_only_as_recorded(partnership_builds):
    _, builds = partnership_builds
    found: Counter = Counter()
    for page in sorted(pages(builds["mkdocs"])):
        found += chrome_differences(builds["mkdocs"], builds["zensical"], page)
    assert set(found) == set(CHROME_DIFFERENCES)


def test_the_other_files_differ_only_as_recorded(partnership_builds):
    _, builds = partnership_builds
    for engine, other in (("mkdocs", "zensical"), ("zensical", "mkdocs")):
        only_here = files(builds[engine]) - files(builds[other])
        unexplained = [f for f in only_here if not any(fnmatch.fnmatchcase(f, p) for p in ONLY_IN[engine])]
        assert unexplained == [], engine
        unused = [p for p in ONLY_IN[engine] if not any(fnmatch.fnmatchcase(f, p) for f in only_here)]
        assert unused == [], engine  # the record stays current


def test_the_developer_page_names_every_recorded_difference():
    text = ENGINES_PAGE.read_text(encoding="utf-8")
    for words in CHROME_DIFFERENCES.values():
        assert words in text
    for search_index in ("search/search_index.json", "search.json"):
        assert search_index in text
