"""Found in their words (issue 26): the check's filter, and the build that shares its one comparison
(levels_of_need.model.filter_finds, with check.js's filterWorries held to the same answers), finds a
worry by a word with one slip, by any form of the word, and never hides the grave reading of a word
that has a mild one too."""

from __future__ import annotations

import pytest
from finding_words import FORMS, SLIPS, TWO_READINGS

from levels_of_need.model import filter_finds


def found(t, query: str) -> list:
    return [i for i in t.indicators if not i.is_strength and filter_finds(query, i.search_terms)]


def holds(indicator, word: str) -> bool:
    """Whether the indicator's vocabulary holds the word (or words) whole."""
    return f" {word} " in f" {' '.join(indicator.search_terms.replace('-', ' ').split())} "


def found_ids(t, query: str) -> set[str]:
    return {i.id for i in found(t, query)}


@pytest.mark.parametrize(("slip", "right"), SLIPS, ids=[s for s, _ in SLIPS])
def test_one_slip_in_a_long_word_finds_what_the_word_finds(thresholds, slip, right):
    # Every worry whose vocabulary holds the word itself is found by the word with a slip.
    holding = {i.id for i in thresholds.indicators if not i.is_strength and holds(i, right)}
    assert holding, f"no worry's vocabulary holds {right!r}"
    assert holding <= found_ids(thresholds, slip)


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
