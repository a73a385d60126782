"""The check's filter and the site's search in the browser give the core's answers
(levels_of_need.model.word_finds and filter_finds) for words with a slip, every form of a word, short
words, and the words with a mild and a grave reading, the grave one first (issue 26)."""

from __future__ import annotations

import functools
import importlib.util
import re

import pytest
from conftest import ROOT
from finding_words import (
    ANOTHER_WORDS_ENDING,
    COMMON_BESIDE_RARE,
    DOUBLED_IS_THE_WORDS_OWN,
    FIRST_LETTER,
    FORMS,
    IN_A_SENTENCE,
    JOINED_PHRASES,
    MORE_FORMS,
    NOT_A_SLIP,
    OWN_LY,
    OWN_SHORT_ENDINGS,
    PARTLY_JOINED,
    RUN_INTO_ANOTHER_WORD,
    SHORT_ENDINGS,
    SHORT_INSIDE,
    SHORT_PLURALS,
    SLIP_AFTER_THE_FIRST_LETTER,
    SLIPS,
    STEM_KEEPS_THE_MEANING,
    STEM_NOT_ANOTHER_WORD,
    STEM_RUNS_INTO_ANOTHER_WORD,
    TWO_READINGS,
)

from levels_of_need.model import FUNCTION_WORDS, _words, phrase_finds, phrase_run, word_finds
from toolkit.site.pages import everyday_words

from .checker_helpers import open_checker
from .conftest import open_search

WORDS = [slip for slip, _ in SLIPS] + [form for _, forms in FORMS for form in forms] + TWO_READINGS

spec = importlib.util.spec_from_file_location("words_share", ROOT / "bench" / "words_share.py")
words_share = importlib.util.module_from_spec(spec)
spec.loader.exec_module(words_share)

# Zensical's search is an engine of its own (a query language in which every word must be found): the
# search's forgiving words (assets/search/forgiving.js) are Material's only.
MATERIAL_ONLY = "the search's forgiving words are Material's (lunr); Zensical's own search is unchanged"


@functools.cache  # read once per site: worries_shown asks for each result's text, and for each worry's title
def indexed_text(site) -> dict[str, str]:
    """Each search result's words, as the site's search index holds them (an everyday word's section of
    the words page by its word alone), in lower case."""
    index = words_share.json.loads((site.directory / "search" / "search_index.json").read_text("utf-8"))
    return {doc["location"]: words_share._plain(f"{doc['title']} {doc['text']}") for doc in index["docs"]}


@pytest.fixture
def searching(page, medway_url, site_engine):
    """A page of the Medway site with the search box open."""
    if site_engine != "mkdocs":
        pytest.skip(MATERIAL_ONLY)
    page.goto(f"{medway_url}/", wait_until="networkidle")  # the search index has arrived
    open_search(page)
    return page


def test_the_page_and_the_search_compare_words_as_the_core_does(strict_context, medway_url, thresholds):
    # The one comparison, assets/search/finds.js, which the filter and the search's worker load, gives
    # the core's answer for every word the tests type against every word of the vocabulary.
    page = strict_context.new_page()
    open_checker(page, medway_url)
    typed = sorted(
        {w for slip, right in SLIPS for w in (slip, *right.split())}
        | {form for _, forms in FORMS for form in forms}
        | {w for word in TWO_READINGS for w in word.split()}
        | {word for word, _ in SHORT_INSIDE}
        | {plural for plural, _, _ in SHORT_PLURALS}
        | {w for phrase, _ in IN_A_SENTENCE for w in phrase.split()}
        | {w for pair in NOT_A_SLIP for w in pair}
        | {w for pair in (*STEM_NOT_ANOTHER_WORD, *RUN_INTO_ANOTHER_WORD, *DOUBLED_IS_THE_WORDS_OWN) for w in pair}
        | {w for word, forms in MORE_FORMS for w in (word, *forms)}
        | {w for pair in OWN_LY for w in pair}
        | {w for word, _ in (*ANOTHER_WORDS_ENDING, *OWN_SHORT_ENDINGS) for w in (word,)}
        | {w for pair in (*FIRST_LETTER, *SLIP_AFTER_THE_FIRST_LETTER) for w in pair}
        | {w for pair in (*STEM_RUNS_INTO_ANOTHER_WORD, *STEM_KEEPS_THE_MEANING) for w in pair}
        | FUNCTION_WORDS
    )
    terms = sorted(
        {t for i in thresholds.indicators for t in re.split(r"[^a-z0-9']+", i.search_terms) if t}
        | {t for _, longer in SHORT_INSIDE for t in longer}
        | {t for _, forms in SHORT_ENDINGS for t in forms}
        | {t for _, forms in (*ANOTHER_WORDS_ENDING, *OWN_SHORT_ENDINGS) for t in forms}
        | {t for _, forms, longer in SHORT_PLURALS for t in (*forms, *longer)}
        | FUNCTION_WORDS
    )
    # With a slip forgiven; only as typed (starting a term or running on past one); only starting a term.
    for slips, runs_on in ((True, True), (False, True), (False, False)):
        expected = [[word_finds(w, t, slips, runs_on) for t in terms] for w in typed]
        shown = page.evaluate(
            "([typed, terms, slips, runsOn]) =>"
            " typed.map((w) => terms.map((t) => self.lonFinds.wordFinds(w, t, slips, runsOn)))",
            [typed, terms, slips, runs_on],
        )
        differs = [(w, t) for n, w in enumerate(typed) for m, t in enumerate(terms) if shown[n][m] != expected[n][m]]
        assert len(typed) * len(terms) > 10_000 and differs == [], (slips, runs_on)


@pytest.mark.parametrize("word", TWO_READINGS)
def test_the_filter_shows_the_grave_reading_first(worries_page, thresholds, word):
    page = worries_page("10")
    page.fill("#lon-filter", word)
    shown = page.evaluate(
        """[...document.querySelectorAll('#lon-worries .lon-worry')].filter(w => w.checkVisibility())
            .map(w => w.querySelector('input').value)"""
    )
    level = {i.id: i.level.id for i in thresholds.indicators}
    highest = thresholds.levels[-1].id
    assert len({level[i] for i in shown}) >= 2, shown
    assert level[shown[0]] == highest, shown
    # Cleared, the worries are in the page's own order again: each heading's, lowest level first.
    page.fill("#lon-filter", "")
    groups = page.eval_on_selector_all("#lon-worries .lon-group", "gs => gs.map(g => g.dataset.domain)")
    assert groups == [d.id for d in thresholds.domains if any(i.domain.id == d.id for i in thresholds.indicators)]


@pytest.mark.parametrize(("slip", "right"), SLIPS, ids=[s for s, _ in SLIPS])
def test_the_search_forgives_one_slip(searching, medway_site, slip, right):
    # Among the first results of the word with a slip, one holds the word as it should be written.
    # The right word as the guidance writes it counts, in one word or two ("selfharm", "self harm").
    text = indexed_text(medway_site)
    with_a_slip = words_share.search_results(searching, slip)[:5]
    written = {right, right.replace(" ", "")}
    assert [r for r in with_a_slip if any(w in text[r].replace("-", " ") for w in written)], with_a_slip


# "bruise" as typed is in the training page's scenarios, so that page comes first for it (the word as
# typed weighs most), and the level page, first for "bruising", is sixth: once the everyday words
# page's section came first for every form; since a page of the guidance comes before it, the forms'
# first pages differ. Open (issue 26.2): strict, so a fix shows.
FORMS_FIRST_DIFFER = {"bruise": "the training page holds 'bruise' as typed and leads for it alone"}


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        pytest.param(w, f, marks=pytest.mark.xfail(strict=True, reason=FORMS_FIRST_DIFFER[w]))
        if w in FORMS_FIRST_DIFFER
        else (w, f)
        for w, f in FORMS
    ],
    ids=[w for w, _ in FORMS],
)
def test_the_search_finds_every_form_of_a_word(searching, word, forms):
    firsts = {form: words_share.search_results(searching, form)[:1] for form in forms}
    assert all(firsts.values()), firsts
    for form in forms:
        results = words_share.search_results(searching, form)[:5]
        assert all(first[0] in results for first in firsts.values()), (form, results, firsts)


@pytest.mark.parametrize(("word", "longer"), SHORT_INSIDE, ids=[w for w, _ in SHORT_INSIDE])
def test_the_search_finds_a_short_word_only_whole(searching, medway_site, word, longer):
    # Every result of a short word holds the word whole, or with an ending: none only a longer word.
    text = indexed_text(medway_site)
    whole = re.compile(rf"(?<![a-z0-9]){word}{word[-1]}?(s|es|ed|ing|er|ers)?(?![a-z0-9])")
    results = words_share.search_results(searching, word)
    # A page is listed above its sections that match, whether or not its own opening does.
    own = [r for r in results if "#" in r or not any(o.startswith(f"{r}#") for o in results)]
    assert [r for r in own if not whole.search(text[r])] == []


def worries_shown(site, thresholds, location: str) -> list[str]:
    """The worries a search result shows, in the order it shows them: an everyday word's section of the
    words page lists them (highest level first); any other section in the order its text holds them."""
    if location.startswith("words/#"):
        return [
            item.id
            for word, items in everyday_words(thresholds)
            for item in items
            if hasattr(item, "id")
            if indexed_title(site)[location] == words_share._plain(word)
        ]
    text = indexed_text(site)[location]
    held = [(text.find(words_share._plain(i.text)), i.id) for i in thresholds.indicators if not i.is_strength]
    return [worry for at, worry in sorted(held) if at >= 0]


@functools.cache
def indexed_title(site) -> dict[str, str]:
    index = words_share.json.loads((site.directory / "search" / "search_index.json").read_text("utf-8"))
    return {doc["location"]: words_share._plain(doc["title"]) for doc in index["docs"]}


# A page of the guidance that holds every word typed now comes before the everyday words page (session 8,
# assets/search/forgiving.js): for these words the first such page is the themes page, whose section
# ("Missing from home", "Child's drug or alcohol misuse") lists its worries level by level, mildest
# first, by design. Both readings are found; the grave one is not first. Open (issue 26.3): strict, so
# a fix shows.
SEARCH_MILD_FIRST = {"missing", "drugs"}


@pytest.mark.parametrize(
    "word",
    [
        pytest.param(w, marks=pytest.mark.xfail(strict=True, reason="the themes page leads, mildest first"))
        if w in SEARCH_MILD_FIRST
        else w
        for w in TWO_READINGS
    ],
)
def test_the_search_finds_the_grave_reading_first(searching, medway_site, thresholds, word):
    # The results (those folded under a page's "more" too) show worries at two levels or more, and the
    # first worry they show is at the highest level (an everyday word's section lists its worries
    # highest level first).
    results = words_share.search_results(searching, word, folded=True)
    shown = list(dict.fromkeys(w for r in results for w in worries_shown(medway_site, thresholds, r)))
    level = {i.id: i.level for i in thresholds.indicators}
    assert len({level[w] for w in shown}) >= 2, (results, shown)
    assert level[shown[0]] == thresholds.levels[-1], (results, shown)


def test_the_page_and_the_search_find_a_phrase_as_the_core_does(strict_context, medway_url, thresholds):
    # finds.js's phraseFinds and phraseRun give the core's phrase_finds and phrase_run for each phrase
    # against every worry's words.
    page = strict_context.new_page()
    open_checker(page, medway_url)
    typed = (*JOINED_PHRASES, *(p for p, _ in (*IN_A_SENTENCE, *PARTLY_JOINED)), "self harm", "on not", "he goes out")
    phrases = [_words(p) for p in typed]
    terms = [i.search_terms for i in thresholds.indicators]
    expected = [[phrase_finds(p, t) for t in terms] for p in phrases]
    shown = page.evaluate(
        "([phrases, terms]) => phrases.map((p) => terms.map((t) =>"
        " self.lonFinds.phraseFinds(p, self.lonFinds.termsOf(t))))",
        [phrases, terms],
    )
    assert any(any(row) for row in expected) and shown == expected
    expected_runs = [[phrase_run(p, t) for t in terms] for p in phrases]
    shown_runs = page.evaluate(
        "([phrases, terms]) => phrases.map((p) => terms.map((t) =>"
        " self.lonFinds.phraseRun(p, self.lonFinds.termsOf(t))))",
        [phrases, terms],
    )
    assert any(0 < run < len(p) for p, row in zip(phrases, expected_runs, strict=True) for run in row)
    assert shown_runs == expected_runs


@pytest.mark.parametrize(("phrase", "part"), PARTLY_JOINED, ids=[p for p, _ in PARTLY_JOINED])
def test_the_filter_shows_first_a_worry_holding_the_part_that_runs_on(worries_page, thresholds, phrase, part):
    # check.js's filterWorries as the core's phrase_run: the worry whose words hold the longest part leads.
    page = worries_page("10")
    page.fill("#lon-filter", phrase)
    shown = page.evaluate(
        """[...document.querySelectorAll('#lon-worries .lon-worry')].filter(w => w.checkVisibility())
            .map(w => w.querySelector('input').value)"""
    )
    holding = {i.id for i in thresholds.indicators if f" {part} " in f" {' '.join(i.search_terms.split())} "}
    assert holding and shown and shown[0] in holding, shown


@pytest.mark.parametrize("phrase", JOINED_PHRASES)
def test_the_search_finds_a_phrase_of_joining_words_first(searching, medway_site, phrase):
    # Lunr leaves the joining words out: the first result is an everyday word holding the phrase.
    first = words_share.search_results(searching, phrase)[:1]
    assert first and f" {phrase} " in f" {indexed_title(medway_site)[first[0]]} ", first


# Two words that name a worry together, each of which other pages hold alone ("significant harm",
# "self-check"; "care"; "work").
TOGETHER = ["self harming", "kinship care", "forced to work", "avoids professionals"]
# Open (issue 26): Material gives a page as one result, ranked by its best entry; the matrix holds "kinship"
# in one section and "care" in many, and the section it shows first is one holding "care" alone (the
# section holding both is folded under "more"). Strict, so a fix shows.
FOLDED_HOLDER = {"kinship care": "the matrix's section holding both words is folded under one holding 'care'"}


@pytest.mark.parametrize(
    "phrase",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=FOLDED_HOLDER[p])) if p in FOLDED_HOLDER else p
        for p in TOGETHER
    ],
)
def test_the_search_shows_what_holds_every_word_before_what_holds_some(searching, medway_site, phrase):
    text = indexed_text(medway_site)
    naming = [w for w in _words(phrase) if w not in FUNCTION_WORDS]

    def holding(location: str) -> int:
        own = _words(text[location])
        return sum(any(word_finds(w, t) for t in own) for w in naming)

    results = words_share.search_results(searching, phrase)[:5]
    # A page is listed above its sections; its sections say what it holds.
    own = [r for r in results if "#" in r or not any(o.startswith(f"{r}#") for o in results)]
    held = [holding(r) for r in own]
    assert held and held[0] == len(naming) and held == sorted(held, reverse=True), list(zip(own, held, strict=True))


def test_the_words_page_opening_takes_no_place_among_the_results(searching):
    # Each everyday word's section is a result of its own: the page's opening, which lists no worry,
    # is not among them.
    results = words_share.search_results(searching, "drinking")
    assert any(r.startswith("words/#") for r in results) and "words/" not in results, results


@pytest.mark.parametrize(("phrase", "common"), COMMON_BESIDE_RARE, ids=[p for p, _ in COMMON_BESIDE_RARE])
def test_the_filter_shows_the_worries_the_core_shows_for_a_common_word_beside_a_rare_one(
    worries_page, thresholds, phrase, common
):
    # check.js's filterWorries through finds.js's shownAmong, as bench/words_share.py's filter_results
    # through the core's shown_among: the same worries, none holding the common word alone.
    page = worries_page("10")
    page.fill("#lon-filter", phrase)
    shown = page.evaluate(
        """[...document.querySelectorAll('#lon-worries .lon-worry')].filter(w => w.checkVisibility())
            .map(w => w.querySelector('input').value)"""
    )
    expected = set(words_share.filter_results(thresholds, phrase))
    assert expected and set(shown) == expected, (shown, sorted(expected))
