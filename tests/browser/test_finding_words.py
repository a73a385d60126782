"""The check's filter in the browser gives the core's answers (levels_of_need.model.filter_finds) for
words with a slip, every form of a word, and the words with a mild and a grave reading (issue 26)."""

from __future__ import annotations

from finding_words import FORMS, SLIPS, TWO_READINGS

from levels_of_need.model import filter_finds

from .checker_helpers import open_checker, to_the_worries
from .test_check_flow import visible_worries

WORDS = [slip for slip, _ in SLIPS] + [form for _, forms in FORMS for form in forms] + TWO_READINGS


def test_the_page_filter_finds_what_the_core_finds(strict_context, medway_url, thresholds):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    to_the_worries(page)
    differs = {}
    for word in WORDS:
        page.fill("#lon-filter", word)
        expected = {i.id for i in thresholds.indicators if not i.is_strength and filter_finds(word, i.search_terms)}
        shown = visible_worries(page)
        if not expected or shown != expected:
            differs[word] = (sorted(expected ^ shown), bool(expected))
    assert differs == {}


def test_a_word_that_finds_nothing_offers_the_nearest_words_the_words_page_and_the_guidances_not_sure_advice(
    strict_context, medway_url, thresholds
):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    to_the_worries(page)
    page.fill("#lon-filter", "dunk")  # too short for a slip to be forgiven: "drunk" is near
    page.wait_for_selector("#lon-filter-none:not([hidden])")
    none = page.locator("#lon-filter-none")
    nearest = page.locator("#lon-filter-nearest-words [data-filter]")
    offered = [nearest.nth(n).inner_text() for n in range(nearest.count())]
    assert "drunk" in offered and page.locator("#lon-filter-nearest").is_visible()
    for word in offered:  # every word offered finds something
        assert any(filter_finds(word, i.search_terms) for i in thresholds.indicators if not i.is_strength), word
    assert none.get_by_role("link", name="everyday words").get_attribute("href").rstrip("/").endswith("words")
    unsure = next(r for r in thresholds.rules if r.when == {"answers": {"significant_harm": ["unsure"]}})
    assert " ".join(unsure.text.split()) in " ".join(none.inner_text().split())
    nearest.filter(has_text="drunk").first.click()
    assert page.input_value("#lon-filter") == "drunk"
    assert visible_worries(page) and none.is_hidden()
