"""The independent everyday-words list (tests/fixtures/everyday-words.yml, written by a helper who had
not seen the vocabulary; no word of it may be added to the vocabulary): at least 95% of its phrases
find a right worry among the first five the check's filter shows (issue 26.5). `make bench` reports
the share (bench/words_share.py)."""

from __future__ import annotations

import importlib.util

import pytest
from conftest import ROOT

spec = importlib.util.spec_from_file_location("words_share", ROOT / "bench" / "words_share.py")
words_share = importlib.util.module_from_spec(spec)
spec.loader.exec_module(words_share)


def test_the_fixture_is_an_independent_list_of_at_least_250_phrases():
    fixture = words_share.load_fixture()
    assert len(fixture) >= 250
    assert all(item["phrase"].strip() and item["finds"] for item in fixture)


# Slow (a filter over every phrase of the list, about 10 s): `make test` runs it, `make check` does not.
@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="measured 521/566 = 92.0% in sessions 17 and 18 (the site's search 510/566 = 90.1%);"
    " 518/566 = 91.5% in session 16, the site's search 509/566"
    " = 89.9% (86.7% in session 15); the filter 88.9% in session 15 (89.4% in session 13, 88.0% in session 12,"
    " 87.6% in session 11,"
    " 83.9% in session 9, 81.3% in session 8,"
    " 70.1% before session 7's function words, rarity order and words; none from this list); the target is 95%",
)
def test_at_least_95_percent_find_a_right_worry_in_the_filters_first_five(thresholds):
    right, counted, misses = words_share.filter_share(thresholds, words_share.load_fixture())
    assert counted >= 250
    assert right / counted >= 0.95, f"{right}/{counted}; first misses: {misses[:20]}"


def dev_list() -> list[dict]:
    return words_share.yaml.safe_load((ROOT / "tests" / "fixtures" / "dev-words.yml").read_text(encoding="utf-8"))


def test_the_development_list_names_only_worries_the_file_has(thresholds):
    # The development list (tests/fixtures/dev-words.yml, written from public pages to tune against;
    # the held-out list above is the measure): at least 150 phrases, each naming a worry of the file.
    worries = {i.id for i in thresholds.indicators if not i.is_strength}
    phrases = dev_list()
    assert len(phrases) >= 150
    assert [p["phrase"] for p in phrases if not p["finds"] or not set(p["finds"]) <= worries] == []


@pytest.mark.slow
def test_at_least_95_percent_of_the_development_list_find_a_right_worry_in_the_filters_first_five(thresholds):
    right, counted, misses = words_share.filter_share(thresholds, dev_list())
    assert right / counted >= 0.95, f"{right}/{counted}; misses: {misses}"
