"""The guidance site: a strict build from thresholds.yml, valid HTML, and all the content."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import ROOT
from sitebuild import html_pages, page_text, searched_locations, visible_text

from toolkit.site import site_pages
from toolkit.site.pages import served_at


@pytest.fixture(scope="module")
def medway_text(medway_site) -> dict[str, str]:
    return {p.relative_to(medway_site.directory).as_posix(): page_text(p) for p in html_pages(medway_site.directory)}


@pytest.fixture(scope="module")
def site_text(partnership_site) -> dict[str, str]:
    """Each partnership's pages as a reader sees them: the tests that take it run over both partnerships."""
    site = partnership_site.directory
    return {p.relative_to(site).as_posix(): page_text(p) for p in html_pages(site)}


def test_strict_build_has_no_warnings(medway_site, example_site):
    for site in (medway_site, example_site):
        assert "WARNING" not in site.log
        assert (site.directory / "index.html").exists()


def test_built_html_is_valid(partnership_site):
    if shutil.which("npx") is None or not (ROOT / "node_modules" / "html-validate").exists():
        pytest.fail("html-validate is not installed: run `npm ci`")
    run = subprocess.run(
        [
            "npx",
            "--no-install",
            "html-validate",
            "--config",
            ".htmlvalidate.json",
            f"{partnership_site.directory}/**/*.html",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout[-4000:]


def test_every_indicator_appears_on_its_level_page(partnership_thresholds, site_text):
    for indicator in partnership_thresholds.indicators:
        assert indicator.text in site_text[f"levels/{indicator.level.id}/index.html"], indicator.id
        assert indicator.text in site_text["matrix/index.html"], indicator.id
        assert indicator.text in site_text[f"domains/{indicator.domain.id}/index.html"], indicator.id


def test_every_contact_and_level_appears(partnership_thresholds, site_text):
    everything = " ".join(site_text.values())
    for contact in partnership_thresholds.contacts:
        for way in filter(None, (contact.phone, contact.email)):
            assert way in everything, contact.id
    for level in partnership_thresholds.levels:
        assert level.label in site_text["continuum/index.html"]
        assert " ".join(level.summary.split()) in site_text[f"levels/{level.id}/index.html"]
    for timescale in partnership_thresholds.timescales:
        assert timescale.within in site_text["referral/index.html"]


def test_brag_and_signs_of_safety_show_only_where_the_partnership_uses_them(partnership_thresholds, site_text):
    rated = all(route.brag for _, route in partnership_thresholds.routes())
    for level in partnership_thresholds.levels:
        shown = site_text[f"levels/{level.id}/index.html"]
        assert ("BRAG" in shown) == rated, level.id
    assert ("BRAG" in site_text["continuum/index.html"]) == rated
    framework = "signs_of_safety" in partnership_thresholds.data
    handwritten = tuple(f"{page.stem}/" for page in (ROOT / "docs").glob("*.md"))  # the format's docs name it
    generated = [text for path, text in site_text.items() if not path.startswith(handwritten)]
    assert any("Signs of Safety" in text for text in generated) == framework


def test_the_referral_pages_follow_the_partnerships_questions(partnership_thresholds, site_text):
    referral, template = site_text["referral/index.html"], site_text["referral-template/index.html"]
    questions = partnership_thresholds.referral_questions
    assert f"the {len(questions)} questions" in referral
    places = [template.index(f"{n}. {' '.join(q.question.split())}") for n, q in enumerate(questions, start=1)]
    assert places == sorted(places)
    for question in questions:
        for placeholder in question.placeholders:
            assert f"{placeholder}:" in template
    # The guidance's own opening words, where the file gives them, and no one else's.
    introductions = partnership_thresholds.data.get("introductions", {})
    for page, key in (("continuum/index.html", "continuum"), ("referral/index.html", "referral")):
        if key in introductions:
            assert " ".join(introductions[key].split()) in site_text[page]
    assert ("The level of support can change in line with the level of need." in site_text["continuum/index.html"]) == (
        "continuum" in introductions and "in line with the level of need" in introductions["continuum"]
    )
    # A question that receives the level takes the place of the template's own "The level of need".
    assert ("The level of need" in template) == (partnership_thresholds.referral_question_receiving("level") is None)
    # The parts the practice framework adds, each to fill in by hand: under the question that receives it, else
    # under its own heading after the questions; a scaling question with its range.
    for part in partnership_thresholds.framework_parts:
        question = partnership_thresholds.referral_question_receiving(part.id)
        at = template.index(" ".join(part.label.split()))
        if question is not None:
            n = partnership_thresholds.referral_questions.index(question) + 1
            assert template.index(f"{n}. {' '.join(question.question.split())}") < at
        else:
            assert template.index(part.heading) < at
        if part.scale is not None:
            assert f"A whole number from {part.scale.lowest} to {part.scale.highest}." in template[at:]


def test_the_check_page_offers_the_partnerships_own_filter_examples_and_consent_guidance(
    partnership_thresholds, site_text
):
    check = site_text["check/index.html"]
    examples = partnership_thresholds.data["filter_examples"]
    assert f"An everyday word works: for example {', '.join(examples[:-1])} or {examples[-1]}." in check
    consent = partnership_thresholds.referral_question_receiving("consent")
    assert " ".join(consent.guidance.split()) in check
    others = [q for q in partnership_thresholds.referral_questions if q is not consent]
    assert not [q.id for q in others if " ".join(q.guidance.split()) in check]
    ages = partnership_thresholds.age_range
    assert f"In years, a whole number from {ages.youngest} to {ages.oldest}, for example 7." in check


def test_home_has_the_emergency_panel_with_999_and_front_door_numbers(thresholds, medway_site):
    home = (medway_site.directory / "index.html").read_text(encoding="utf-8")
    panel = re.search(r'<div[^>]*class="lon-emergency".*?</div>', home, flags=re.S).group(0)
    for number, href in (
        ("999", "tel:999"),
        ("01634 334466", "tel:+441634334466"),
        ("03000 419191", "tel:+443000419191"),
    ):
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


def test_about_page_carries_version_date_source_and_hash(partnership_thresholds, site_text):
    about, document = site_text["about/index.html"], partnership_thresholds.document
    for words in (document.version, document.date, partnership_thresholds.content_hash, document.title):
        assert words in about


def test_whole_guidance_page_has_everything_and_is_not_searched(partnership_thresholds, partnership_site, site_text):
    whole = site_text["whole/index.html"]
    assert all(i.text in whole for i in partnership_thresholds.indicators)
    searched = searched_locations(partnership_site)
    assert any(location.startswith("levels/") for location in searched)
    assert not any(location.startswith("whole/") for location in searched)


def front_matter_lines(markdown: str) -> list[str]:
    """The "key: value" lines of a generated page's front matter ("boost: 0.1", "exclude: true")."""
    match = re.match(r"---\n(.*?)\n---\n", markdown, flags=re.S)
    lines = match.group(1).splitlines() if match else []
    return [line.strip() for line in lines if re.fullmatch(r"\s*[a-z_]+: \S.*", line)]


def test_no_page_shows_front_matter_as_text(partnership_thresholds, site_text):
    """Front matter tells the engine how to treat a page; a reader never sees it, not even on the
    printable whole guidance, which joins every page into one."""
    generated = site_pages(partnership_thresholds)
    needles = {line for page in generated for line in front_matter_lines(page.markdown)}
    assert {"boost: 0.1", "exclude: true"} <= needles  # the glossary's, and the whole guidance's own
    built = [f"{served_at(page.path) + '/' if served_at(page.path) else ''}index.html" for page in generated]
    for path in built:
        shown = [needle for needle in needles if needle in site_text[path]]
        assert not shown, (path, shown)
        assert not re.search(r"\bsearch: (boost|exclude)\b", site_text[path]), path


def test_the_header_names_the_partnership_by_its_short_name(partnership_thresholds, partnership_site, site_text):
    short, full = partnership_thresholds.partnership.short_name, partnership_thresholds.partnership.name
    for page in ("index.html", "glossary/index.html"):
        raw = (partnership_site.directory / page).read_text(encoding="utf-8")
        header = re.search(r"<header\b.*?</header>", raw, flags=re.S)
        assert header, page
        topic = re.search(r'class="md-header__topic">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', header[0], re.S)
        assert topic and topic[1] == short, page
        assert full not in header[0], page
    assert full in site_text["index.html"] and full in site_text["about/index.html"]


def test_nothing_is_written_into_docs(thresholds, medway_site):
    generated = {page.path for page in site_pages(thresholds)}
    on_disk = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*") if p.is_file()}
    assert on_disk == {"privacy.md", "format.md", "performance.md", "site-engines.md", "fidelity.md", "word-sources.md"}
    assert not generated & on_disk


def test_example_partnership_site_has_its_own_content_and_no_medway(example, example_site, thresholds):
    pages = {p.relative_to(example_site.directory).as_posix(): page_text(p) for p in html_pages(example_site.directory)}
    assert len([p for p in pages if p.startswith("levels/")]) == 4
    for indicator in example.indicators:
        assert indicator.text in pages[f"levels/{indicator.level.id}/index.html"]
    # Not a page, hand-written ones included, names Medway or one of its contacts.
    medway = ["Medway", *(c.name for c in thresholds.contacts), *(c.phone for c in thresholds.contacts if c.phone)]
    medway.remove("999")  # the emergency number, which both give
    assert not {p: [w for w in medway if w in text] for p, text in pages.items() if any(w in text for w in medway)}


def test_page_generation_is_plain_functions_returning_markdown(thresholds):
    pages = site_pages(thresholds)
    assert pages[0].path == "index.md" and pages[0].markdown.lstrip().startswith("---")
    assert len({p.path for p in pages}) == len(pages)
    assert all(isinstance(p.markdown, str) and "# " in p.markdown for p in pages)


def first_letter_of(word: str) -> str:
    """A word's entry in the everyday words page's table of contents: its first letter, or 0–9."""
    letter = word[:1].upper()
    return "0–9" if letter.isdigit() else letter


def test_the_everyday_words_page_lists_its_letters_not_every_word_yet_holds_every_word(
    partnership_thresholds, partnership_site
):
    """Issue 28: the words page's table of contents (the sidebar's, and the phone drawer's under the page's
    name) lists each first letter, linking to its first word, not thousands of words (1.2 MB of the page's
    1.9 MB of HTML, twice). Every word is still a heading of the page, in the offline copy too, and the page
    still says that the words are aids, not guidance."""
    from toolkit.publish.offline import GUIDANCE_PAGES
    from toolkit.site.nothing_found import WORDS_PAGE
    from toolkit.site.pages import everyday_words

    site = partnership_site.directory
    html = (site / served_at(WORDS_PAGE) / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    headings = re.findall(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', article)
    words = [word for word, _ in everyday_words(partnership_thresholds)]
    assert [visible_text(text) for _, text in headings] == [" ".join(word.split()) for word in words]
    assert "not guidance" in visible_text(article)

    letters: dict[str, str] = {}
    for (anchor, _), word in zip(headings, words, strict=True):
        letters.setdefault(first_letter_of(word), f"#{anchor}")
    contents = re.findall(r'<nav class="md-nav md-nav--secondary".*?</nav>', html, flags=re.S)
    assert len(contents) == 2, "the sidebar's table of contents and the drawer's"
    for nav in contents:
        entries = re.findall(r'<a href="([^"]+)" class="md-nav__link">(.*?)</a>', nav, flags=re.S)
        assert {visible_text(text): href for href, text in entries} == letters
        assert len(entries) == len(letters)
    pages = json.loads((site / GUIDANCE_PAGES).read_text(encoding="utf-8"))
    assert pages[f"{served_at(WORDS_PAGE)}/"] == html
