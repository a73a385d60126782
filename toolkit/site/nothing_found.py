"""What the self-check's filter and the site's search offer when the words typed find nothing (issue 26.4):
the nearest words that find a worry, the everyday words page, and the guidance's own words for a
practitioner who is not sure. One home for these sentences: check.md.j2 shows them under the filter,
and the site's search (assets/search/nothing-found.js) reads them from ``OFFERS_FILE``, written beside
the pages by the sources stage."""

from __future__ import annotations

import json
import re

from levels_of_need.model import FUNCTION_WORDS, Condition, Thresholds

OFFERS_FILE = "assets/search/nothing-found.json"
WORDS_PAGE = "words.md"
TRY_THESE = "Try a shorter word, or one of these:"
NEAREST = "The nearest words that find a worry:"
# The everyday words page's link takes the place of {link}.
LOOK_UP = "Or look the word up in the {link} list."
LOOK_UP_LINK = "everyday words"
NOT_SURE = "Not sure which worry it is? The guidance says: “{advice}”"
# A word shorter than this is offered as a nearest word to nothing: one letter changed makes another word.
SHORTEST_OFFERED = 3


def not_sure_advice(t: Thresholds) -> str | None:
    """The guidance's own words for a practitioner who is not sure: the advice the file gives where the
    significant harm question is answered "not sure" (never the checker's words). The filter and the
    search offer them when nothing is found, so that a word that finds nothing is never a dead end."""
    for rule in t.rules:
        if rule.kind == "advise" and rule.when == Condition(answers={"significant_harm": ("unsure",)}):
            return " ".join(rule.text.split())
    return None


def not_sure_sentence(t: Thresholds) -> str | None:
    advice = not_sure_advice(t)
    return NOT_SURE.format(advice=advice) if advice else None


def filter_suggestions(t: Thresholds) -> list[str]:
    """Everyday words to offer when the self-check's filter finds nothing: the first word given for
    each theme (the partnership's own vocabulary), else the themes' names."""
    words = [theme.synonyms[0] if theme.synonyms else theme.name for theme in t.themes]
    return list(dict.fromkeys(words)) or [domain.name for domain in t.domains]


def has_everyday_words(t: Thresholds) -> bool:
    """Whether the site has an everyday words page (a file that gives no everyday word has none)."""
    return any(i.synonyms for i in t.indicators) or any(n.synonyms for n in (*t.themes, *t.domains))


def vocabulary_words(t: Thresholds) -> list[str]:
    """Every word that finds a worry, A to Z: the words the nearest words are chosen from."""
    words = {
        word
        for i in t.indicators
        if not i.is_strength
        for word in re.split(r"[^a-z0-9']+", i.search_terms)
        if len(word) >= SHORTEST_OFFERED and word not in FUNCTION_WORDS
    }
    return sorted(words)


def look_up() -> list[str]:
    """The sentence that leads to the everyday words page, in three: before the link, the link's words, after."""
    before, after = LOOK_UP.split("{link}")
    return [before, LOOK_UP_LINK, after]


def search_offers(t: Thresholds, words_page_url: str) -> str:
    """``OFFERS_FILE``'s text: data the search's page script shows as text, never markup.
    ``words_page_url``: the everyday words page's address from the site's root."""
    offers = {
        "tryThese": TRY_THESE,
        "suggestions": filter_suggestions(t),
        "nearest": NEAREST,
        "words": vocabulary_words(t),
        "lookUp": look_up() if has_everyday_words(t) else None,
        "wordsPage": words_page_url,
        "notSure": not_sure_sentence(t),
    }
    return json.dumps(offers, ensure_ascii=False, separators=(",", ":"))
