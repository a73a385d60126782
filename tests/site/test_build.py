"""The guidance site: a strict build from thresholds.yml, valid HTML, and all the content."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import ROOT
from sitebuild import html_pages, page_text, searched_locations

from toolkit.site import site_pages


@pytest.fixture(scope="module")
def medway_text(medway_site) -> dict[str, str]:
    return {p.relative_to(medway_site.directory).as_posix(): page_text(p) for p in html_pages(medway_site.directory)}


def test_strict_build_has_no_warnings(medway_site, example_site):
    for site in (medway_site, example_site):
        assert "WARNING" not in site.log
        assert (site.directory / "index.html").exists()


def test_built_html_is_valid(medway_site):
    if shutil.which("npx") is None or not (ROOT / "node_modules" / "html-validate").exists():
        pytest.fail("html-validate is not installed: run `npm ci`")
    run = subprocess.run(["npx", "--no-install", "html-validate", "--config", ".htmlvalidate.json",
                          f"{medway_site.directory}/**/*.html"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-4000:]


def test_every_indicator_appears_on_its_level_page(thresholds, medway_text):
    for indicator in thresholds.indicators:
        assert indicator.text in medway_text[f"levels/{indicator.level.id}/index.html"], indicator.id
        assert indicator.text in medway_text["matrix/index.html"], indicator.id
        assert indicator.text in medway_text[f"domains/{indicator.domain.id}/index.html"], indicator.id


def test_every_contact_and_level_appears(thresholds, medway_text):
    everything = " ".join(medway_text.values())
    for contact in thresholds.contacts:
        for way in filter(None, (contact.phone, contact.email)):
            assert way in everything, contact.id
    for level in thresholds.levels:
        assert level.label in medway_text["continuum/index.html"]
        assert " ".join(level.summary.split()) in medway_text[f"levels/{level.id}/index.html"]
    for timescale in thresholds.timescales:
        assert timescale.within in medway_text["referral/index.html"]


def test_home_has_the_emergency_panel_with_999_and_front_door_numbers(thresholds, medway_site):
    home = (medway_site.directory / "index.html").read_text(encoding="utf-8")
    panel = re.search(r'<div[^>]*class="lon-emergency".*?</div>', home, flags=re.S).group(0)
    for number, href in (("999", "tel:999"), ("01634 334466", "tel:+441634334466"), ("03000 419191", "tel:+443000419191")):
        assert f'href="{href}">{number}</a>' in panel


def test_guidance_sections_are_pages(thresholds, medway_text):
    for section in thresholds.data["guidance"]:
        assert section["title"] in medway_text[f"guidance/{section['id']}/index.html"]
    assert all(q in medway_text["guidance/signs-of-safety/index.html"] for q in thresholds.data["signs_of_safety"])
    escalation = medway_text["escalation/index.html"]
    assert escalation.count("A response is required within 5 working days") == 3
    assert "Stage 4: Involving the Medway Safeguarding Children Partnership" in escalation
    for question in thresholds.data["referral_questions"]:
        assert " ".join(question["question"].split()) in medway_text["referral/index.html"]


def test_abbreviations_are_tooltips_on_every_page(medway_site):
    for page in html_pages(medway_site.directory):
        text = page.read_text(encoding="utf-8")
        if ">MASH<" in text:
            assert '<abbr title="Multi-Agency Safeguarding Hub">MASH</abbr>' in text, page


def test_about_page_carries_version_date_source_and_hash(thresholds, medway_text):
    about = medway_text["about/index.html"]
    for words in (thresholds.document["version"], thresholds.document["date"], thresholds.content_hash,
                  thresholds.document["title"]):
        assert words in about


def test_whole_guidance_page_has_everything_and_is_not_searched(thresholds, medway_site, medway_text):
    whole = medway_text["whole/index.html"]
    assert all(i.text in whole for i in thresholds.indicators)
    searched = searched_locations(medway_site)
    assert any(location.startswith("levels/") for location in searched)
    assert not any(location.startswith("whole/") for location in searched)


def test_nothing_is_written_into_docs(thresholds, medway_site):
    generated = {page.path for page in site_pages(thresholds)}
    on_disk = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*") if p.is_file()}
    assert on_disk == {"privacy.md", "accessibility.md", "format.md", "performance.md", "site-engines.md"}
    assert not generated & on_disk


def test_example_partnership_site_has_its_own_content_and_no_medway(example, example_site):
    pages = {p.relative_to(example_site.directory).as_posix(): page_text(p) for p in html_pages(example_site.directory)}
    assert len([p for p in pages if p.startswith("levels/")]) == 4
    for indicator in example.indicators:
        assert indicator.text in pages[f"levels/{indicator.level.id}/index.html"]
    handwritten = ("privacy/", "accessibility/", "format/", "site-engines/")
    generated = [p for p in pages if not p.startswith(handwritten)]
    assert not [p for p in generated if "Medway" in pages[p]]


def test_page_generation_is_plain_functions_returning_markdown(thresholds):
    pages = site_pages(thresholds)
    assert pages[0].path == "index.md" and pages[0].markdown.lstrip().startswith("---")
    assert len({p.path for p in pages}) == len(pages)
    assert all(isinstance(p.markdown, str) and "# " in p.markdown for p in pages)
