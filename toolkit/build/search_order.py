"""Each engine's search index, put in the guidance's reading order.

Both engines rank equally good matches in the order of their index, and both index pages in file order
(top-level files first, then folders, alphabetically): the matrix, which repeats every indicator, would
then come before the level pages that hold them. In reading order, a tie goes to the page that comes
first in the guidance: the level before the matrix, a guidance page before the glossary. Sections keep
their order within a page; pages the reading order does not name (the hand-written ones) come last.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from levels_of_need.model import Indicator, Thresholds
from toolkit.site.pages import everyday_words, indicator_words, level_page, served_at

# Where each engine writes its search index, and the list of documents in it.
SEARCH_INDEX = {"mkdocs": ("search/search_index.json", "docs"), "zensical": ("search.json", "items")}


def page_location(source: str) -> str:
    """A page's location as the search indexes write it: "levels/statutory.md" -> "levels/statutory/"."""
    served = served_at(source)
    return f"{served}/" if served else ""


# The everyday words page: each section is an everyday word, listing the worries it finds in their own
# words. Search finds a section by its word; the worries' own words find the pages that hold them (a
# search for "bruising" goes to the level page, not to a list that quotes it).
WORDS_PAGE = "words.md"


def put_search_in_reading_order(site: Path, engine: str, reading_order: list[str]) -> None:
    """Reorder the engine's index in ``site`` by ``reading_order``, a list of Markdown sources, and index
    the everyday words page's sections by their words alone."""
    path, key = SEARCH_INDEX[engine]
    index_file = site / path
    index = json.loads(index_file.read_text(encoding="utf-8"))
    rank = {page_location(source): position for position, source in enumerate(reading_order)}
    index[key].sort(key=lambda doc: rank.get(doc["location"].partition("#")[0], len(rank)))  # stable
    words = page_location(WORDS_PAGE) + "#"
    for doc in index[key]:
        if doc["location"].startswith(words):
            doc["text"] = ""
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# Material's search (lunr) weighs a title match 1000 times a match in the text, so the everyday words
# page's section titled "bruising" would come above the level page whose text holds the worry. A word's
# section weighs this much, a title match there half a match in a page's own text, so the guidance's
# own words come first. Except a word with a mild and a grave reading (its section lists worries at two
# levels or more): its section keeps its weight and comes first, showing the grave reading first, where
# a page's text or a ladder of the themes page would show the mild one first (docs/format.md, "The
# grave reading too"). A level page's section is also found by the everyday words of the worries it
# holds, in a field of the index that is searched but never shown (WORDS_FIELD), weighing a tenth of a
# match in its text: below the guidance's own words and the words page's lists.
WORDS_PAGE_BOOST = 0.0005
WORDS_FIELD = "words"
WORDS_FIELD_BOOST = 0.1


def find_worries_by_their_words(site: Path, engine: str, t: Thresholds) -> None:
    """Weigh the everyday words page's sections below the guidance's own text, and index each level
    page's sections by the everyday words of the worries they hold, in ``site``'s search index.
    Material's only: Zensical 0.0.73's search has neither a document's weight nor fields of one's own."""
    if engine != "mkdocs":
        return
    path, key = SEARCH_INDEX[engine]
    index_file = site / path
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index["config"].setdefault("fields", {})[WORDS_FIELD] = {"boost": WORDS_FIELD_BOOST}
    words_page = page_location(WORDS_PAGE) + "#"
    two_readings = words_of_two_readings(t)
    level_pages = tuple(page_location(level_page(level)) + "#" for level in t.levels)
    worries = [(_plain(i.text), indicator_words(i)) for i in t.indicators if not i.is_strength]
    for doc in index[key]:
        if doc["location"].startswith(words_page):
            if _plain(doc["title"]) not in two_readings:
                doc["boost"] = WORDS_PAGE_BOOST
        elif doc["location"].startswith(level_pages):
            text = _plain(doc["text"])
            words = dict.fromkeys(word for wording, words in worries if wording in text for word in words)
            if words:
                doc[WORDS_FIELD] = " ".join(words)
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def words_of_two_readings(t: Thresholds) -> set[str]:
    """The everyday words (lower case) whose section of the words page lists worries at two levels or
    more: a word with a mild and a grave reading, whose list shows the grave one first."""
    return {
        _plain(word)
        for word, items in everyday_words(t)
        if len({item.level.id for item in items if isinstance(item, Indicator)}) > 1
    }


def _plain(text: str) -> str:
    """Text as a reader sees it, in lower case: the index's markup and entities gone, spaces as one."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).lower().split())
