"""The optional indicator fields on the guidance's pages and the self-check's form, as the templates
write them (no site engine needed): an age band, a strength above Level 1, and an indicator under two
domains, from the fictional partnership's file; Medway's file uses only age bands (where its words name an
age: issue 22), and its pages say only those."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLE_FILE, THRESHOLDS_FILE, loaded

from toolkit.site import site_pages


@pytest.fixture(scope="module")
def example_pages() -> dict[str, str]:
    return {page.path: page.markdown for page in site_pages(loaded(EXAMPLE_FILE))}


def worries_page(check: str) -> str:
    return check.split('id="page-worries"', 1)[1].split("</section>", 1)[0]


def strengths_page(check: str) -> str:
    return check.split('id="page-strengths"', 1)[1].split("</section>", 1)[0]


def test_an_indicator_under_two_domains_is_listed_under_each_saying_where_else(example_pages):
    words = "A 16 or 17 year old with nowhere safe to live (fictional)"
    for page in ("levels/statutory-social-work.md", "matrix.md"):
        lines = [line for line in example_pages[page].splitlines() if words in line]
        assert lines == [
            f"- {words} (the checker offers it for children aged 16 or 17; also under Safety outside the home)",
            f"- {words} (the checker offers it for children aged 16 or 17; also under Home and family)",
        ], page
    assert (
        f"- {words} (the checker offers it for children aged 16 or 17; also under Home and family)"
        in example_pages["domains/safety-outside.md"]
    )


def test_the_check_shows_it_once_with_one_tick_and_says_the_other_domain(example_pages):
    check = example_pages["check.md"]
    assert check.count('id="ind-nowhere-to-live"') == 1
    assert (
        'id="hint-nowhere-to-live">Level 4: Statutory social work. The checker offers it for children aged 16 or 17. '
        "Also under Safety outside the home.</p>"
    ) in worries_page(check)


def test_an_age_band_is_said_under_the_indicator_with_a_place_for_the_note_for_another_age(example_pages):
    worries = worries_page(example_pages["check.md"])
    band = "The checker offers it for unborn babies and children under 1"
    assert f'id="hint-missed-health-checks">Level 3: Targeted early help. {band}.' in worries
    # Filled by the page with Python's words once the age is known (api.page_answer's age_notes).
    assert '<p class="lon-hint lon-age-note" id="age-note-missed-health-checks" hidden></p>' in worries
    assert 'aria-describedby="hint-missed-health-checks age-note-missed-health-checks"' in worries
    assert (
        f"- Missed antenatal or baby health checks (fictional) ({band[0].lower()}{band[1:]})"
        in (example_pages["levels/targeted-early-help.md"])
    )


def test_a_strength_above_level_1_is_offered_as_a_strength_and_never_as_a_worry(example_pages):
    check = example_pages["check.md"]
    assert 'id="ind-grandparent-helps"' not in worries_page(check)
    assert 'id="hint-grandparent-helps">A strength the guidance lists at Level 3: Targeted early help.</p>' in (
        strengths_page(check)
    )
    assert (
        "- A grandparent who helps the family every day (fictional) (a strength)"
        in example_pages["levels/targeted-early-help.md"]
    )


def test_medways_pages_say_only_the_age_bands_its_words_name():
    medway = loaded(THRESHOLDS_FILE)
    pages = {page.path: page.markdown for page in site_pages(medway)}
    for path, markdown in pages.items():
        assert not re.search(r"\((a strength|also under [^)]*)\)", markdown), path
    banded = {i.id for i in medway.indicators if i.age}
    assert banded == {"l2-teenage-pregnancy", "l3-under-13-sex-pregnancy", "l3-unborn-at-risk", "l3-16-17-homeless"}
    statutory = pages["levels/statutory.md"]
    assert "- 16/17year old presenting as homeless (the checker offers it for children aged 16 or 17)" in statutory
    assert set(re.findall(r'id="age-note-([a-z0-9-]+)"', pages["check.md"])) == banded
