"""The share of the independent everyday-words list (tests/fixtures/everyday-words.yml) for which the
self-check's filter shows a right indicator among its first five worries, and the site's own search
among its first five results (issue 26.5).

The filter's answer is computed as the page computes it (check.js, filterWorries): each typed word is
compared by levels_of_need.model.filter_finds, words that find nothing are left aside, and the worries
levels_of_need.model.shown_among shows are shown (those having all the others, and those having only
some where that helps); those whose words are
rarest first (each word weighs the log of the worries over those it finds), then the highest level
first, as the page shows them while words are typed. A browser
test holds the page's comparison to the core's. Strengths are not worries the filter shows: phrases
only a strength answers are counted apart.

The search's share is measured in Chromium on a built site (search_share): the phrase typed in the
search box, the first five results' links, and the worries each result's section shows (its own text
in the site's search index; an everyday word's section on the words page, the worries it lists).
"""

from __future__ import annotations

import html
import json
import math
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "core"))
from levels_of_need.model import Thresholds, _words, from_dict, graver_first, phrase_run, shown_among, words_finding  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "everyday-words.yml"


class WorryFilter:
    """The check's filter over a file's worries, phrase after phrase: the worries and their words are read
    once, and what each typed word finds is kept, since a list of phrases repeats its words (the
    development list: 6,175 words typed, 1,362 different). What a word finds depends on nothing but the
    word and the worries' words, so a kept answer is the one the filter gives."""

    def __init__(self, t: Thresholds) -> None:
        self.t = t
        self.worries = [i for d in t.domains for i in t.indicators if not i.is_strength and i.domain.id == d.id]
        self.terms = [i.search_terms for i in self.worries]
        self._found: dict[str, set[str]] = {}

    def found(self, word: str) -> set[str]:
        """The worries a typed word finds, its slips forgiven only where it starts none as typed."""
        if word not in self._found:
            self._found[word] = {self.worries[n].id for n in words_finding(word, self.terms)}
        return self._found[word]

    def results(self, phrase: str) -> list[str]:
        """The worries the filter shows for the phrase, in the check page's order (check.js, filterWorries):
        those having any of the typed words that find something, the rarest words weighing most (a word
        found in few worries tells more than one found in many), so those having them all first (a
        multi-word phrase is not flooded with one word's worries: "self harm" is not every "harm"), then
        the highest level first. Those having only some are shown where that helps (shown_among): a word
        typed beside the one naming the worry ("missing for days", "CSE concerns") hid it where other
        worries had both, and "self harm" showed every "harm"."""
        worries = self.worries
        found = {w: self.found(w) for w in phrase.split()}
        # The phrase as typed, where it runs on in a worry's words with the words that join it ("not
        # getting on"), whole or the longest part of it that does ("not getting on with his dad": "not
        # getting on with"): one more word to find, rarer than any of its own.
        typed = _words(phrase)
        runs = {i.id: phrase_run(typed, terms) for i, terms in zip(worries, self.terms, strict=True)}
        longest = max(runs.values(), default=0)
        found.setdefault(" ".join(typed), {i for i, run in runs.items() if longest and run == longest})
        useful = [w for w in found if found[w]]
        if not useful:
            return []
        weight = {w: math.log(len(worries) / len(found[w])) for w in useful}
        shown_ids = set(shown_among([i.id for i in worries], found))
        shown = [i for i in worries if i.id in shown_ids]
        score = {i.id: sum(weight[w] for w in useful if i.id in found[w]) for i in shown}
        return [i.id for i in sorted(graver_first(shown, self.t.levels), key=lambda i: -round(score[i.id], 6))]


def filter_results(t: Thresholds, phrase: str) -> list[str]:
    """The worries the filter shows for one phrase (WorryFilter.results)."""
    return WorryFilter(t).results(phrase)


def tally(t: Thresholds, fixture: list[dict], found: Callable[[str], set[str]]) -> tuple[int, int, list[str]]:
    """(right, counted, misses) over the phrases that name at least one worry (not only strengths): a phrase
    is right where ``found`` (the worries a phrase's first results show) holds one it should find."""
    strengths = {i.id for i in t.indicators if i.is_strength}
    right, counted, misses = 0, 0, []
    for item in fixture:
        finds = set(item["finds"]) - strengths
        if not finds:
            continue
        counted += 1
        if finds & found(item["phrase"]):
            right += 1
        else:
            misses.append(item["phrase"])
    return right, counted, misses


def filter_share(t: Thresholds, fixture: list[dict], top: int = 5) -> tuple[int, int, list[str]]:
    """(right, counted, misses) for the check's filter."""
    worry_filter = WorryFilter(t)
    return tally(t, fixture, lambda phrase: set(worry_filter.results(phrase)[:top]))


# Material's search box and its results, in ranked order (a page, then its matching sections).
SEARCH_BOX = "input.md-search__input"
SEARCH_RESULT = ".md-search-result__item > .md-search-result__link"
# Every result, those folded under "more on this page" too, in the list's order.
EVERY_RESULT = ".md-search-result__item .md-search-result__link"


def search_results(page: Any, query: str, folded: bool = False) -> list[str]:
    """The site's search as a person uses it, on a page of the site already open: the query typed in
    the search box, the results' locations ("levels/statutory/#family-environment") once they stop
    changing; those on show, or with ``folded`` those folded under a page's "more" too."""
    # Nothing typed first, until the theme says so: its index has loaded (until then it says it is
    # starting, and shows no results), and the last query's results are gone, so that the results read
    # next are this query's. Then the query, until the theme counts its results (or says there are none).
    for typed, state in (("", "waiting"), (query, "answered")):
        page.fill(SEARCH_BOX, typed)
        page.press(SEARCH_BOX, "End")  # the theme searches on a key going up
        _until(page, state, query)
    seen: list[tuple[str, ...]] = []
    while len(seen) < 4 or len(set(seen[-4:])) > 1:
        assert len(seen) < 100, f"the results for {query!r} never settled"
        time.sleep(0.05)
        hrefs = page.eval_on_selector_all(EVERY_RESULT if folded else SEARCH_RESULT, "as => as.map((a) => a.href)")
        seen.append(tuple(re.sub(r"^[a-z]+://[^/]+/", "", href) for href in hrefs))
    return list(seen[-1])


# What the theme's line above its results says, in its own words (its config, in the page's language):
# "waiting" for a query (its index loaded, nothing typed), "answered" (results counted, or none), or
# neither (still starting, or searching).
SEARCH_STATE = """() => {
  const words = JSON.parse(document.getElementById('__config').textContent).translations;
  const meta = document.querySelector('.md-search-result__meta');
  const said = meta ? meta.textContent.trim() : '';
  const escaped = (text) => text.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');
  const pattern = (text) => new RegExp('^' + escaped(text).replace('#', '[0-9]+') + '$');
  if (said === words['search.result.placeholder']) return 'waiting';
  const counted = [words['search.result.none'], words['search.result.one'], words['search.result.other']];
  return counted.some((text) => pattern(text).test(said)) ? 'answered' : '';
}"""


def _until(page: Any, state: str, query: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while page.evaluate(SEARCH_STATE) != state:
        assert time.monotonic() < deadline, f"the search never said it had {state} ({query!r})"
        time.sleep(0.05)


def search_shows(site: Path, t: Thresholds) -> dict[str, set[str]]:
    """The worries each result of the site's search shows: those whose wording its section holds, or
    for an everyday word's section (indexed by its word alone), those the words page lists under it."""
    from toolkit.publish.search_order import WORDS_PAGE, page_location
    from toolkit.site.pages import everyday_words

    listed = {word.lower(): {item.id for item in items if hasattr(item, "id")} for word, items in everyday_words(t)}
    words_page = page_location(WORDS_PAGE) + "#"
    worries = [i for i in t.indicators if not i.is_strength]
    shows: dict[str, set[str]] = {}
    for doc in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]:
        text = _plain(f"{doc['title']} {doc['text']}")
        if doc["location"].startswith(words_page):
            shows[doc["location"]] = listed.get(_plain(doc["title"]), set())
        else:
            shows[doc["location"]] = {i.id for i in worries if _plain(i.text) in text}
    return shows


def _plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).lower().split())


def search_share(page: Any, site: Path, t: Thresholds, fixture: list[dict], top: int = 5) -> tuple[int, int, list[str]]:
    """(right, counted, misses) for the site's search; ``page`` is a page of the built ``site`` already
    open in the browser."""
    shows = search_shows(site, t)

    def found(phrase: str) -> set[str]:
        return set().union(*(shows.get(location, set()) for location in search_results(page, phrase)[:top]))

    return tally(t, fixture, found)


def load_thresholds() -> Thresholds:
    return from_dict(yaml.safe_load((ROOT / "thresholds.yml").read_text(encoding="utf-8")))


def load_fixture() -> list[dict]:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


def main() -> None:
    t = load_thresholds()
    fixture = load_fixture()
    right, counted, misses = filter_share(t, fixture)
    print(
        f"everyday words, check's filter: {right}/{counted} = {right / counted:.1%} find a right worry in the first 5"
    )
    print(f"  ({len(fixture) - counted} phrases name only strengths, which the filter does not show)")
    for phrase in misses:
        print(f"  miss: {phrase}")


if __name__ == "__main__":
    main()
