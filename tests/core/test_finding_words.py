"""Found in their words (issue 26): the check's filter, and the build that shares its one comparison
(levels_of_need.model.filter_finds, with check.js's filterWorries held to the same answers), finds a
worry by a word with one slip, by any form of the word, and never hides the grave reading of a word
that has a mild one too."""

from __future__ import annotations

import re

import pytest
from finding_words import (
    ANOTHER_WORDS_ENDING,
    BESIDE_A_COMMON_WORD,
    COMMON_BESIDE_RARE,
    DOUBLED_IS_THE_WORDS_OWN,
    FIRST_LETTER,
    FORMS,
    IN_A_SENTENCE,
    JOINED_PHRASES,
    LY_KEEPS_THE_MEANING,
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

from levels_of_need.model import (
    FUNCTION_WORDS,
    filter_finds,
    graver_first,
    phrase_finds,
    phrase_run,
    runs_on_past,
    shown_among,
    word_finds,
    words_finding,
)
from levels_of_need.model import _stem as stem
from toolkit.site.pages import graver_rank


def found(t, query: str) -> list:
    return [i for i in t.indicators if not i.is_strength and filter_finds(query, i.search_terms)]


def holds(indicator, word: str) -> bool:
    """Whether the indicator's vocabulary holds the word (or words) whole."""
    return f" {word} " in f" {' '.join(indicator.search_terms.replace('-', ' ').split())} "


def found_ids(t, query: str) -> set[str]:
    return {i.id for i in found(t, query)}


def tiered_ids(t, word: str) -> set[str]:
    """The worries one typed word finds as the filter tiers it (slips forgiven only where it starts none)."""
    worries = [i for i in t.indicators if not i.is_strength]
    return {worries[n].id for n in words_finding(word, [i.search_terms for i in worries])}


@pytest.mark.parametrize(("slip", "right"), SLIPS, ids=[s for s, _ in SLIPS])
def test_one_slip_in_a_long_word_finds_what_the_word_finds(thresholds, slip, right):
    # Every worry whose vocabulary holds the word itself is found by the word with a slip.
    holding = {i.id for i in thresholds.indicators if not i.is_strength and holds(i, right)}
    assert holding, f"no worry's vocabulary holds {right!r}"
    assert holding <= found_ids(thresholds, slip)


@pytest.mark.parametrize(("slip", "right"), SLIPS, ids=[s for s, _ in SLIPS])
def test_a_slip_is_forgiven_as_the_filter_tiers_it(thresholds, slip, right):
    # The same, through the tiering: a slip that runs on past a shorter term ("exploitaton" past
    # "exploit") keeps its slips forgiven.
    holding = {i.id for i in thresholds.indicators if not i.is_strength and holds(i, right)}
    assert holding <= tiered_ids(thresholds, slip)


@pytest.mark.slow  # every word of the vocabulary through the filter's tiering: seconds, not milliseconds
def test_a_word_running_on_past_a_shorter_term_finds_it_beside_its_own(thresholds):
    # Every word of the vocabulary that runs on past a shorter one by a word ending finds the
    # shorter word's worries as well as its own: a word found as typed ("alcoholic") never hides those
    # of the word it runs on past ("alcohol"). A word of its own ("poorly") runs on past none (runs_on_past).
    worries = [i for i in thresholds.indicators if not i.is_strength]
    vocabulary = {w for i in worries for w in re.split(r"[^a-z0-9']+", i.search_terms) if w} - FUNCTION_WORDS
    pairs = [(w, t) for w in vocabulary for t in vocabulary if w != t and runs_on_past(stem(w), t)]
    holding = {t: {i.id for i in worries if holds(i, t)} for t in {t for _, t in pairs}}
    found = {w: tiered_ids(thresholds, w) for w in {w for w, _ in pairs}}
    missed = [(w, t) for w, t in pairs if not holding[t] <= found[w]]
    assert len(pairs) > 10 and missed == []


@pytest.mark.parametrize(("word", "first"), RUN_INTO_ANOTHER_WORD, ids=[w for w, _ in RUN_INTO_ANOTHER_WORD])
def test_a_word_running_on_into_another_word_does_not_find_every_worry_of_the_first(thresholds, word, first):
    worries = [i for i in thresholds.indicators if not i.is_strength]
    only_first = {i.id for i in worries if holds(i, first) and word not in re.sub(r"[\s-]+", "", i.search_terms)}
    assert only_first, f"no worry holds {first!r} without {word!r}"
    assert not tiered_ids(thresholds, word) & only_first
    assert not found_ids(thresholds, word) & only_first


@pytest.mark.parametrize(("word", "forms"), MORE_FORMS, ids=[w for w, _ in MORE_FORMS])
def test_more_forms_of_a_word_find_what_the_word_finds(thresholds, word, forms):
    holding = {i.id for i in thresholds.indicators if not i.is_strength and holds(i, word)}
    assert holding, f"no worry's vocabulary holds {word!r}"
    for form in forms:
        assert holding <= tiered_ids(thresholds, form), form


@pytest.mark.parametrize(("word", "other"), STEM_NOT_ANOTHER_WORD, ids=[w for w, _ in STEM_NOT_ANOTHER_WORD])
def test_a_words_ending_taken_off_never_leaves_another_word(thresholds, word, other):
    worries = [i for i in thresholds.indicators if not i.is_strength]
    starting = lambda start: {i.id for i in worries if any(t.startswith(start) for t in i.search_terms.split())}  # noqa: E731
    only_other = starting(other) - starting(word[:4])
    assert only_other, f"no worry has a word starting {other!r} alone"
    assert not tiered_ids(thresholds, word) & only_other
    assert not found_ids(thresholds, word) & only_other


@pytest.mark.parametrize(("word", "short"), DOUBLED_IS_THE_WORDS_OWN, ids=[w for w, _ in DOUBLED_IS_THE_WORDS_OWN])
def test_a_letter_doubled_before_er_is_the_words_own(thresholds, word, short):
    worries = [i for i in thresholds.indicators if not i.is_strength]
    only_short = {i.id for i in worries if holds(i, short) and word[:4] not in i.search_terms}
    assert only_short, f"no worry's vocabulary holds {short!r} alone"
    assert not tiered_ids(thresholds, word) & only_short
    assert not found_ids(thresholds, word) & only_short


def test_a_slip_in_a_short_word_is_not_forgiven(thresholds):
    # "hat" is not "hit": in words of four letters or fewer one slip makes another word.
    assert found_ids(thresholds, "hut") == set()


@pytest.mark.parametrize(("word", "forms"), FORMS, ids=[w for w, _ in FORMS])
def test_plurals_and_tenses_find_the_same_worries(thresholds, word, forms):
    finds = [found_ids(thresholds, form) for form in forms]
    assert finds[0], f"{forms[0]!r} finds nothing"
    assert all(f == finds[0] for f in finds), dict(zip(forms, finds, strict=True))


@pytest.mark.parametrize("word", TWO_READINGS)
def test_a_word_with_a_grave_reading_finds_the_highest_level_too(thresholds, word):
    levels = [level.id for level in thresholds.levels if level.indicator_kind != "strength"]
    found_levels = {i.level.id for i in found(thresholds, word)}
    highest = [level.id for level in thresholds.levels][-1]
    assert highest in found_levels, f"{word!r} finds only {sorted(found_levels)}"
    assert len(found_levels) >= 2 or levels == [highest], f"{word!r} finds only {sorted(found_levels)}"


@pytest.mark.parametrize(("word", "longer"), SHORT_INSIDE, ids=[w for w, _ in SHORT_INSIDE])
def test_a_short_word_is_not_found_inside_a_longer_word(word, longer):
    assert [term for term in longer if word_finds(word, term)] == []
    assert not filter_finds(word, " ".join(longer))


@pytest.mark.parametrize(("word", "forms"), SHORT_ENDINGS, ids=[w for w, _ in SHORT_ENDINGS])
def test_a_short_word_finds_itself_with_its_endings(word, forms):
    assert all(word_finds(word, form) for form in forms)


@pytest.mark.parametrize(("word", "others"), ANOTHER_WORDS_ENDING, ids=[w for w, _ in ANOTHER_WORDS_ENDING])
def test_a_short_word_never_finds_another_word_with_a_silent_e(word, others):
    assert [other for other in others if word_finds(word, other)] == []


@pytest.mark.parametrize(("word", "forms"), OWN_SHORT_ENDINGS, ids=[w for w, _ in OWN_SHORT_ENDINGS])
def test_a_short_word_finds_the_endings_it_takes(word, forms):
    assert [form for form in forms if not word_finds(word, form)] == []


def test_no_short_word_of_the_vocabulary_finds_another_word_with_a_silent_e(thresholds):
    # The class: no word of three letters or fewer ending in a consonant after one vowel finds a term of
    # the vocabulary that is its silent-"e" word with an ending ("car": "caring", "carer", "cares").
    terms = {term for i in thresholds.indicators for term in re.split(r"[^a-z0-9']+", i.search_terms) if term}
    short = sorted(t for t in terms if len(t) == 3 and re.fullmatch(r"[^aeiou][aeiou][^aeiouwxy]", t))
    assert short
    silent_e = {word: re.compile(rf"{word}(ing|ed|er|ers|es)") for word in short}
    assert [(w, t) for w in short for t in terms if silent_e[w].fullmatch(t) and word_finds(w, t)] == []


@pytest.mark.parametrize(("typed", "other"), FIRST_LETTER, ids=[t for t, _ in FIRST_LETTER])
def test_a_slip_in_the_first_letter_is_never_forgiven(typed, other):
    assert not word_finds(typed, other)
    assert not filter_finds(typed, other)


@pytest.mark.parametrize(
    ("typed", "right"), SLIP_AFTER_THE_FIRST_LETTER, ids=[t for t, _ in SLIP_AFTER_THE_FIRST_LETTER]
)
def test_a_slip_after_the_first_letter_is_still_forgiven(typed, right):
    assert word_finds(typed, right)


def test_the_short_word_rule_holds_for_every_short_word_of_the_vocabulary(thresholds):
    # The class, not the example: every word of three letters or fewer that a worry's vocabulary holds
    # finds only whole words of the vocabulary or those words with an ending.
    terms = {term for i in thresholds.indicators for term in re.split(r"[^a-z0-9']+", i.search_terms) if term}
    for word in sorted(t for t in terms if len(t) <= 3):
        with_an_ending = re.compile(rf"{re.escape(word)}{re.escape(word[-1])}?(s|es|ed|ing|er|ers)?")
        assert [term for term in terms if word_finds(word, term) and not with_an_ending.fullmatch(term)] == [], word


def test_older_men_finds_no_worry_about_mental_health(thresholds):
    mental = {i.id for i in thresholds.indicators if "mental" in i.search_terms and "men " not in f"{i.search_terms} "}
    assert mental and not mental & found_ids(thresholds, "men")


@pytest.mark.parametrize("word", TWO_READINGS)
def test_the_grave_reading_comes_first(thresholds, word):
    # The filter and the everyday words page show a word's worries highest level first.
    highest = [level.id for level in thresholds.levels][-1]
    shown = graver_first(found(thresholds, word), thresholds.levels)
    assert shown and shown[0].level.id == highest, [i.id for i in shown]
    in_order = graver_first(thresholds.indicators, thresholds.levels)
    assert graver_rank(thresholds) == {i.id: n for n, i in enumerate(in_order)}


def shown_first(t, phrase: str, top: int = 5) -> list[str]:
    """The filter's first worries for a phrase, in the check page's order (bench/words_share.py)."""
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("words_share", ROOT / "bench" / "words_share.py")
    words_share = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(words_share)
    return words_share.filter_results(t, phrase)[:top]


def test_words_that_join_a_sentence_find_nothing_and_are_found_by_nothing(thresholds):
    assert all(found(thresholds, word) == [] for word in FUNCTION_WORDS)
    assert not word_finds("withdrawn", "with") and not word_finds("overdose", "over")


@pytest.mark.parametrize(("phrase", "word"), IN_A_SENTENCE, ids=[p for p, _ in IN_A_SENTENCE])
def test_a_phrase_finds_what_its_naming_word_finds(thresholds, phrase, word):
    # The filter's first two worries for the phrase are worries the naming word alone finds.
    first = shown_first(thresholds, phrase, top=2)
    assert first and set(first) <= found_ids(thresholds, word), first


@pytest.mark.parametrize(("typed", "other"), NOT_A_SLIP, ids=[t for t, _ in NOT_A_SLIP])
def test_a_word_found_as_typed_sets_its_slips_aside(thresholds, typed, other):
    as_typed = {i.id for i in found(thresholds, typed) if filter_finds(typed, i.search_terms, slips=False)}
    only_other = found_ids(thresholds, other) - as_typed
    assert as_typed and only_other
    assert not set(shown_first(thresholds, typed, top=100)) & only_other


@pytest.mark.parametrize(("plural", "forms", "longer"), SHORT_PLURALS, ids=[p for p, _, _ in SHORT_PLURALS])
def test_a_short_words_plural_finds_the_word(plural, forms, longer):
    assert all(word_finds(plural, form) for form in forms)
    assert not any(word_finds(plural, word) for word in longer)


@pytest.mark.parametrize(("word", "shorter"), OWN_LY, ids=[w for w, _ in OWN_LY])
def test_a_word_of_its_own_never_finds_the_word_it_runs_on_past(thresholds, word, shorter):
    # "poorly" is ill: it finds no worry only "poor" names (poor home conditions, poor supervision). No
    # list of such words: the rule is the ending's (keeps_meaning).
    assert not word_finds(word, shorter, slips=False)
    worries = [i for i in thresholds.indicators if not i.is_strength]
    only_shorter = {i.id for i in worries if holds(i, shorter) and word not in i.search_terms}
    assert not tiered_ids(thresholds, word) & only_shorter


@pytest.mark.parametrize(("word", "shorter"), LY_KEEPS_THE_MEANING, ids=[w for w, _ in LY_KEEPS_THE_MEANING])
def test_an_ly_word_keeping_the_meaning_still_finds_the_shorter_word(word, shorter):
    assert word_finds(word, shorter) and word_finds(word, shorter, slips=False)


def holding_phrase(t, phrase: str) -> set[str]:
    """The worries whose own words hold the phrase whole."""
    return {i.id for i in t.indicators if not i.is_strength and holds(i, phrase)}


@pytest.mark.parametrize("phrase", JOINED_PHRASES)
def test_a_phrase_of_joining_words_finds_the_worries_holding_it_first(thresholds, phrase):
    holding = holding_phrase(thresholds, phrase)
    assert holding, f"no worry's words hold {phrase!r}"
    first = shown_first(thresholds, phrase, top=len(holding))
    assert first and set(first) <= holding, first


def test_a_phrase_is_found_only_as_it_runs_on():
    # Its words in another order, or with a word between, are no run; nor is a phrase without a joining
    # word (found word by word as before), nor one word alone.
    assert phrase_finds(["not", "getting", "on"], "child not getting on with stepdad")
    assert phrase_finds(["not", "going", "to", "schools"], "not going to school")  # another form of its naming word
    assert not phrase_finds(["not", "on"], "not getting on")
    assert not phrase_finds(["on", "not", "getting"], "not getting on")
    assert not phrase_finds(["self", "harm"], "self harm")  # no joining word: found word by word
    assert not phrase_finds(["not"], "not")


@pytest.mark.parametrize(("phrase", "part"), PARTLY_JOINED, ids=[p for p, _ in PARTLY_JOINED])
def test_the_part_of_a_phrase_that_runs_on_finds_the_worries_holding_it_first(thresholds, phrase, part):
    holding = holding_phrase(thresholds, part)
    assert holding, f"no worry's words hold {part!r}"
    assert not holding_phrase(thresholds, phrase), f"a worry holds {phrase!r} whole: no case of a part"
    first = shown_first(thresholds, phrase, top=len(holding))
    assert first and set(first) <= holding, first


def test_a_phrase_runs_on_as_far_as_its_longest_part_does():
    # The longest part holding a joining word and a naming word, or three words, that runs on as typed.
    assert phrase_run(["not", "getting", "on", "with", "his", "dad"], "child not getting on with stepdad") == 4
    assert phrase_run(["he", "goes", "out", "at", "night"], "goes out at night") == 4
    assert phrase_run(["goes", "out"], "mum goes out") == 2  # all that was typed: found as typed
    assert phrase_run(["he", "goes", "out"], "mum goes out") == 0  # two joining words in more are no part
    assert phrase_run(["with", "his", "dad"], "not getting on with his dad") == 3
    assert phrase_run(["with", "his", "mum"], "with his dad") == 0  # two joining words in more are no part
    assert phrase_run(["his", "arms", "on"], "bruises on arms") == 0  # not in the order typed
    assert phrase_run(["dad"], "dad") == 0


INTO_ANOTHER_IDS = [w for w, _ in STEM_RUNS_INTO_ANOTHER_WORD]


@pytest.mark.parametrize(("word", "other"), STEM_RUNS_INTO_ANOTHER_WORD, ids=INTO_ANOTHER_IDS)
def test_a_whole_typed_words_stem_never_runs_on_into_another_word(thresholds, word, other):
    # The worries whose words hold the other word but no form of the typed one are never shown for it,
    # while those holding the typed word are.
    worries = [i for i in thresholds.indicators if not i.is_strength]
    own_form = re.compile(rf"\b({word}|{stem(word)}(e|s|es|ed|d|ing|er|ers)?)\b")
    only_other = {i.id for i in worries if holds(i, other) and not own_form.search(i.search_terms)}
    own = {i.id for i in worries if holds(i, word)}
    assert only_other and own, f"no worry holds {other!r} alone, or none {word!r}"
    assert not word_finds(word, other, slips=False)
    assert not tiered_ids(thresholds, word) & only_other
    assert own <= tiered_ids(thresholds, word)


@pytest.mark.parametrize(("word", "longer"), STEM_KEEPS_THE_MEANING, ids=[w for w, _ in STEM_KEEPS_THE_MEANING])
def test_a_whole_typed_words_stem_still_finds_the_same_word_with_another_ending(word, longer):
    assert word_finds(word, longer, slips=False, runs_on=False)


@pytest.mark.parametrize(("phrase", "word"), BESIDE_A_COMMON_WORD, ids=[p for p, _ in BESIDE_A_COMMON_WORD])
def test_a_word_beside_a_common_one_still_shows_its_gravest_worries(thresholds, phrase, word):
    ids = tiered_ids(thresholds, word)
    alone = [i for i in thresholds.indicators if i.id in ids]
    gravest = {i.id for i in alone if i.level == graver_first(alone, thresholds.levels)[0].level}
    assert alone and gravest <= set(shown_first(thresholds, phrase)), (gravest, shown_first(thresholds, phrase))


@pytest.mark.parametrize(("phrase", "common"), COMMON_BESIDE_RARE, ids=[p for p, _ in COMMON_BESIDE_RARE])
def test_a_common_word_beside_a_rare_one_shows_none_of_its_own_worries(thresholds, phrase, common):
    worries = [i for i in thresholds.indicators if not i.is_strength]
    rare = next(word for word in phrase.split() if word != common)
    with_common, with_rare = tiered_ids(thresholds, common), tiered_ids(thresholds, rare)
    assert 4 * len(with_common) >= len(worries), f"{common!r} is no common word"  # a quarter of them or more
    assert with_common & with_rare, f"no worry holds both words of {phrase!r}"
    shown = set(shown_first(thresholds, phrase, top=len(worries)))
    assert with_common & with_rare <= shown
    assert not shown & (with_common - with_rare), sorted(shown & (with_common - with_rare))


def test_an_item_holding_only_some_words_shows_only_where_that_helps():
    # Ten items; each case's words and the items they find (weights: the log of 10 over each set's size).
    items = list(range(10))
    # Nothing holds both words: those holding either are shown.
    assert shown_among(items, {"a": {0, 1}, "b": {2}, "none": set()}) == [0, 1, 2]
    # A common word beside a rare one: the rare word's other item shows, the common word's do not.
    assert shown_among(items, {"common": set(range(8)), "rare": {0, 8}}) == [0, 8]
    # Two words read together (most items holding "a" hold "b"): an item of "a" alone is another reading.
    assert shown_among(items, {"a": {0, 1, 2, 3, 4}, "b": {0, 1, 2, 3, 5, 6, 7, 8}}) == [0, 1, 2, 3]
    # A word nearly every item holds beside one of four items: its own items alone do not show.
    assert shown_among(items, {"a": {0, 1, 2, 3}, "b": set(range(9))}) == [0, 1, 2, 3]
    assert shown_among(items, {}) == []
