"""Every page of the site fits a phone: nothing scrolls sideways at 320 or 360 CSS pixels (WCAG 1.4.10),
and the pages meant for web officers and developers stay out of the practitioners' way."""

from __future__ import annotations

import json

import pytest
from sitebuild import html_pages


@pytest.mark.parametrize("width", [320, 360])
def test_no_page_scrolls_sideways_on_a_phone(walked, medway_site, width):
    walk = walked(medway_site)  # the site's one walk over every page (site_walk.py) measured each at both widths
    assert len(walk["pages"]) == len(html_pages(medway_site.directory))
    too_wide = {path: scroll for path, scroll in walk["width"][str(width)].items() if scroll > width}
    assert too_wide == {}


def test_pages_for_web_officers_and_developers_are_out_of_the_navigation_and_search(page, medway_site, medway_url):
    page.goto(f"{medway_url}/")
    nav = " ".join(page.locator(".md-nav--primary").all_inner_texts())
    for title in ("The thresholds.yml format", "Performance", "Site engines"):
        assert title not in nav
    assert "Privacy" in nav and "Everyday words" in nav
    index = json.loads((medway_site.directory / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not {"format/", "performance/", "site-engines/"} & locations
    # Still built, and reachable from the About page for a partnership's web officer.
    page.goto(f"{medway_url}/about/")
    page.click("a[href$='format/']")
    page.wait_for_url("**/format/")


def test_what_decides_a_scenario_lists_each_reason_once(page, medway_url):
    page.goto(f"{medway_url}/training/answers/")
    reasons = page.locator("#answer-under-13-sexual-activity ~ h3:has-text('What decides it') + ul li")
    texts = reasons.all_inner_texts()
    assert texts and len(texts) == len(set(texts))
    for section in page.locator(".lon-answer-item").all():
        items = section.locator("h3:has-text('What decides it') + ul li").all_inner_texts()
        assert len(items) == len(set(items))
