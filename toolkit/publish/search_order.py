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
from collections.abc import Mapping
from pathlib import Path

from levels_of_need.model import Indicator, Thresholds
from toolkit.site.pages import everyday_words, graver_rank, served_at

# Where each engine writes its search index, and the list of documents in it.
SEARCH_INDEX = {"mkdocs": ("search/search_index.json", "docs"), "zensical": ("search.json", "items")}


def page_location(source: str) -> str:
    """A page's location as the search indexes write it: "levels/statutory.md" -> "levels/statutory/"."""
    served = served_at(source)
    return f"{served}/" if served else ""


# The everyday words page: each section is an everyday word, listing the worries it finds in their own
# words. Search finds a section by its word; the worries' own words find the pages that hold them (a
# search for "bruising" goes to the level page, not to a list that quotes it). Its entries are marked as
# an aid ("aid": true): the search worker puts a guidance page that holds every word typed before them
# (assets/search/forgiving.js), whichever engine ranked them first.
WORDS_PAGE = "words.md"
AID = "aid"
# Each everyday word's section also says how grave the gravest worry it lists is (0: the gravest of all),
# so that the search worker shows the sections of a word with a mild and a grave reading graver first.
GRAVER = "graver"


def graver_by_word(t: Thresholds) -> dict[str, int]:
    """Each everyday word (lower case) and the place of the gravest worry it lists, as the filter ranks
    worries (the highest level first); a word that gives a whole domain comes after every worry."""
    rank = graver_rank(t)
    return {
        word.lower(): min(rank[item.id] if isinstance(item, Indicator) else len(rank) for item in items)
        for word, items in everyday_words(t)
    }


def put_search_in_reading_order(
    site: Path, engine: str, reading_order: list[str], graver: Mapping[str, int] | None = None
) -> None:
    """Reorder the engine's index in ``site`` by ``reading_order``, a list of Markdown sources, and index
    the everyday words page's sections by their words alone, marked as an aid, each with its ``graver``
    place (``graver_by_word``)."""
    path, key = SEARCH_INDEX[engine]
    index_file = site / path
    index = json.loads(index_file.read_text(encoding="utf-8"))
    rank = {page_location(source): position for position, source in enumerate(reading_order)}
    index[key].sort(key=lambda doc: rank.get(doc["location"].partition("#")[0], len(rank)))  # stable
    words = page_location(WORDS_PAGE)
    for doc in index[key]:
        if doc["location"].partition("#")[0] == words:
            doc[AID] = True
            if doc["location"].startswith(words + "#"):
                doc["text"] = ""
                word = html.unescape(doc.get("title", "")).strip().lower()
                if graver and word in graver:
                    doc[GRAVER] = graver[word]
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
