"""The accessibility statement holds every part the public sector accessibility regulations require,
filled from the partnership's file and the toolkit's own known issues, as a reader sees it."""

from __future__ import annotations

import re

from sitebuild import page_text, visible_text

from levels_of_need.phones import tel_href
from toolkit.site.accessibility import EASS_URL, REGULATIONS_URL, TOOLKIT_ISSUES

# The model statement's parts, as headings a reader finds (regulation 8 and the model statement).
REQUIRED_HEADINGS = (
    "Accessibility statement",
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website’s accessibility",
    "Compliance status",
    "Non-accessible content",
    "Non-compliance with the accessibility regulations",
    "Disproportionate burden",
    "Preparation of this accessibility statement",
)


def statement_page(site) -> tuple[str, str]:
    page = site.directory / "accessibility" / "index.html"
    return page.read_text(encoding="utf-8"), page_text(page)


def headings(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", html, re.S)]


def test_the_statement_has_every_part_the_regulations_require(partnership_site, partnership_thresholds):
    html, text = statement_page(partnership_site)
    found = headings(html)
    own = partnership_thresholds.accessibility
    listed = bool(TOOLKIT_ISSUES or (own and own.known_issues))
    for heading in REQUIRED_HEADINGS:
        # The non-compliances' own heading is there only when some are listed.
        if listed or heading != "Non-compliance with the accessibility regulations":
            assert any(h.startswith(heading) for h in found), (heading, found)
    name = partnership_thresholds.partnership.name
    title = partnership_thresholds.document.title
    assert f"This accessibility statement applies to the {title} website, built from the {name}’s guidance." in text
    # The toolkit does not say who publishes the site: the partnership's documents do not (audit N11).
    assert "published by" not in text and f"{name} is committed" not in text
    # The compliance status follows from the listed issues; each is named with its WCAG criterion.
    standard = "the Web Content Accessibility Guidelines version 2.2 AA standard"
    if listed:
        assert f"This website is partially compliant with {standard}" in text
    elif own and own.tested:
        assert f"This website is fully compliant with {standard}." in text
    else:  # never "fully compliant" before anyone has tested it
        assert f"This website has not yet been tested against {standard}." in text and "compliant" not in text
    for issue in TOOLKIT_ISSUES:
        assert " ".join(issue.problem.split()) in text
        assert f"This fails WCAG 2.2 success criterion {issue.criterion}." in text
    # The enforcement procedure, linked.
    assert "The Equality and Human Rights Commission (EHRC) is responsible for enforcing" in text
    assert f'href="{EASS_URL}"' in html and f'href="{REGULATIONS_URL}"' in html
    # Reached from the About section of every page's navigation (it is kept out of the search, where its
    # words about compliance would come before the guidance's).
    home = (partnership_site.directory / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="accessibility/"[^>]*>\s*(<[^>]+>\s*)*Accessibility statement', home), "not in the nav"


def test_the_statement_gives_the_partnerships_contact_dates_and_own_issues(example_site, example):
    own = example.data["accessibility"]
    html, text = statement_page(example_site)
    contact = own["contact"]
    assert f'href="mailto:{contact["email"]}"' in html
    assert 'href="tel:+441632960222"' in html and contact["phone"] in text
    assert f"We will consider your request and get back to you within {own['respond_within']}." in text
    assert f"This statement was prepared on {own['prepared']}. It was last reviewed on {own['reviewed']}." in text
    assert f"This website was last tested on {own['tested']}. The test was carried out by {own['tested_by']}." in text
    [issue] = own["known_issues"]
    assert f"{issue['text']} This fails WCAG 2.2 success criterion {issue['criterion']}. {issue['alternative']}" in text
    assert "does not yet" not in text


def test_the_statement_names_the_team_its_postal_address_and_textphone(example_site, example):
    """A named contact: the team, then every way to reach it, the textphone dialled as every phone is and
    the postal address line by line, all as text."""
    contact = example.data["accessibility"]["contact"]
    html, text = statement_page(example_site)
    name = example.partnership.name
    asked = "in a different format, such as large print, easy read or audio, contact"
    assert f"{asked} {contact['team']} at {name}:" in text
    assert f'<a href="{tel_href(contact["textphone"])}">{contact["textphone"]}</a>' in html
    assert f"textphone: {contact['textphone']}" in text
    # Each line of the address on a line of its own, in the file's order, after "post:".
    shown = re.search(r"<li>post: (.*?)</li>", html, re.S)
    assert shown, "no postal address"
    assert [visible_text(line) for line in shown.group(1).split("<br>")] == contact["address"]
    assert "post: " + " ".join(contact["address"]) in text


def test_without_the_facts_the_statement_says_what_is_missing_and_guesses_nothing(medway_site, thresholds):
    assert "accessibility" not in thresholds.data
    html, text = statement_page(medway_site)
    assert "This statement does not yet give a contact for accessibility problems." in text
    assert "This statement does not yet say when it was prepared." in text
    assert "This statement does not yet say when the website was last tested." in text
    assert "mailto:" not in html.split('class="md-content"')[1]  # no address made up
