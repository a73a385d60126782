"""Every phone link in every built page dials the number its text shows (+44, extensions and textphones
included), and a district's contacts are all on the site, each with its area's name."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from phone_links import assert_phone_link
from sitebuild import html_pages, page_text


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._open: list[list[str]] = []
        self._hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._hrefs.append(dict(attrs).get("href") or "")
            self._open.append([])

    def handle_data(self, data):
        for text in self._open:
            text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            self.links.append(("".join(self._open.pop()), self._hrefs.pop()))


def phone_links(page) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return [(html.unescape(text).strip(), href) for text, href in parser.links if href.startswith("tel:")]


def test_every_phone_link_on_every_page_dials_the_number_it_shows(partnership_site, partnership_thresholds):
    found = {}
    for page in html_pages(partnership_site.directory):
        for text, href in phone_links(page):
            assert_phone_link(text, href)
            found[href] = text
    # Every number in the file has its link somewhere on the site.
    for contact in partnership_thresholds.contacts:
        for own in [contact, *(mine for _, mine in contact.by_area)]:
            if own.phone:
                assert own.phone in " ".join(found.values()), own.id
            if own.textphone:
                assert own.textphone in found.values(), own.id


@pytest.mark.partnerships("example")
def test_the_districts_hours_options_and_escalation_contact_are_on_the_site(partnership_site):
    site = partnership_site.directory
    contacts = " ".join(page_text(site / "contacts" / "index.html").split())
    # Under its heading, which names it once: each area's ways.
    assert (
        "Exampleton Early Help Hubs (fictional) By the child’s area: Northdale (fictional): 01632 960222 "
        "(then choose option 2), textphone 18001 01632 960222 (hours: Monday to Friday, 9am to 5pm (fictional)); "
        "Southwick (fictional): +44 (0)1632 960333 extension 4021 (hours: Monday to Thursday, 8am to 6pm (fictional))"
    ) in contacts
    for area_contact in ("Northdale Early Help Hub (fictional)", "Southwick Early Help Hub (fictional)"):
        assert area_contact in contacts
    escalation = " ".join(page_text(site / "escalation" / "index.html").split())
    assert re.search(
        r"Stage 2: Fictional example: ask the escalation lead to bring the managers together\. Contact: "
        r"Exampleton Escalation Lead \(fictional\): 01632 960444 \(hours: Weekdays, 9am to 5pm \(fictional\)\)",
        escalation,
    ), escalation
    links = dict((href, text) for text, href in phone_links(site / "escalation" / "index.html"))
    assert links["tel:+441632960444"] == "01632 960444"
    level = dict((href, text) for text, href in phone_links(site / "levels" / "targeted-early-help" / "index.html"))
    assert level["tel:+441632960333;ext=4021"] == "+44 (0)1632 960333 extension 4021"
    assert level["tel:1800101632960222"] == "18001 01632 960222"
