"""The thresholds data as typed, immutable objects.

Built from an already-validated dict (see ``toolkit.load`` on the host, or
the build's JSON in the browser). Standard library only, so that it runs in
Pyodide unchanged.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any, Protocol, TypeVar

from .interface import CATALOGUE, ENGLISH, IN_LANGUAGE, fill, phrase_text
from .questions import Question, worded


@dataclass(frozen=True)
class Area:
    """One of a partnership's areas (the districts of a county, say) with contacts of its own."""

    id: str
    name: str


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    when: str
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    hours: str | None = None  # opening hours, in the partnership's words
    extension: str | None = None  # part of the dialled number (tel: ;ext=)
    option: str | None = None  # chosen on the call, so said beside the number, never dialled
    textphone: str | None = None  # a textphone or relay number
    # A contact that differs by the child's area: each area's own contact, in the file's order of areas.
    by_area: tuple[tuple[Area, Contact], ...] = ()

    def for_area(self, area: Area | None) -> Contact | None:
        """This area's own contact where the contact differs by area; None if the area is not known."""
        if not self.by_area:
            return self
        return next((own for where, own in self.by_area if area is not None and where.id == area.id), None)


@dataclass(frozen=True)
class Timescale:
    id: str
    label: str
    within: str
    text: str


@dataclass(frozen=True)
class Step:
    text: str
    contact: Contact | None = None
    timescale: Timescale | None = None
    # The step asks for the parents' or carers' consent. Where a child may be at risk of
    # significant harm, such a step never comes first (see rules.safe_order).
    seeks_consent: bool = False
    # The guidance's own words or timescale for this step in some areas, in the file's order of areas: each
    # the step with that area's text and timescale (its contact and consent kept, so its place in the route
    # and every consent rule hold). An area not named keeps the step's own: the guidance's for the rest.
    by_area: tuple[tuple[Area, Step], ...] = ()

    def for_area(self, area: Area | None) -> Step | None:
        """The step as the child's area has it: that area's own words, or the step's own where the file
        gives the area none; None while the area is not known and the step differs by area."""
        if not self.by_area:
            return self
        if area is None:
            return None
        return next((own for where, own in self.by_area if where.id == area.id), replace(self, by_area=()))


@dataclass(frozen=True)
class Route:
    id: str
    name: str
    response: str
    next_steps: tuple[Step, ...]
    consent_required: bool | None = None
    # The guidance's exceptions to that consent, in its own words ("seeking consent would place the child at
    # greater risk"): shown quoted where the route's consent is, never decided by the checker. Only with
    # consent_required true (the file writes ``consent_required: {unless: …}``).
    consent_unless: str = ""
    statute: str | None = None
    # The colour of a MASH's BRAG rating for this route, where the partnership rates that way.
    brag: str | None = None
    colour: str | None = None  # "#rrggbb" that marks the route's name (toolkit.load.colours)


@dataclass(frozen=True)
class Level:
    id: str
    number: int
    name: str
    title: str
    summary: str
    description: str
    indicator_kind: str  # "strength" or "worry"
    routes: tuple[Route, ...]
    colour: str | None = None  # "#rrggbb" that marks the level's name (toolkit.load.colours)
    # How a level is named with its number: the catalogue's "level.label", in the data's language.
    label_words: str = field(default=CATALOGUE["level.label"], repr=False, compare=False)

    @property
    def label(self) -> str:
        """ "Level 2: …": the level's number and name, as the catalogue's phrase words them."""
        return fill(self.label_words, {"number": self.number, "name": self.name})


@dataclass(frozen=True)
class Named:
    """A domain or a theme."""

    id: str
    name: str
    description: str | None = None
    heading: str | None = None  # a domain's plain-language heading in the self-check
    synonyms: tuple[str, ...] = ()  # everyday words for every indicator in it


def named(raw: Mapping[str, Any]) -> Named:
    return Named(
        id=raw["id"],
        name=raw["name"],
        description=raw.get("description"),
        heading=raw.get("heading"),
        synonyms=tuple(raw.get("synonyms", ())),
    )


@dataclass(frozen=True)
class AgeBand:
    """An age band, as an indicator's ``age`` and a rule's ``when: age`` give it: ``unborn`` (an unborn
    child), whole years ``at_least`` and ``under``, and, for babies, months ``at_least_months`` and
    ``under_months`` ("non-mobile babies, under 6 months"), each 1 to 11: months within the first year. Each
    bound is given in years or in months, never both (validate refuses both)."""

    unborn: bool = False
    at_least: int | None = None
    under: int | None = None
    at_least_months: int | None = None
    under_months: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """As the file gives it: only what is given."""
        given = {
            "unborn": True if self.unborn else None,
            "at_least": self.at_least,
            "under": self.under,
            "at_least_months": self.at_least_months,
            "under_months": self.under_months,
        }
        return {key: value for key, value in given.items() if value is not None}

    @property
    def has_ages(self) -> bool:
        """Whether it names ages of born children (else it is ``unborn: true`` alone)."""
        return any(b is not None for b in (self.at_least, self.under, self.at_least_months, self.under_months))

    @property
    def in_months(self) -> bool:
        return self.at_least_months is not None or self.under_months is not None

    @property
    def from_month(self) -> int:
        """The first month of age in the band (0: from birth)."""
        bounds = [b for b in (_months(self.at_least), self.at_least_months) if b is not None]
        return max(bounds, default=0)

    @property
    def below_month(self) -> int | None:
        """The month of age the band ends before (None: no end)."""
        bounds = [b for b in (_months(self.under), self.under_months) if b is not None]
        return min(bounds, default=None)


def _months(years: int | None) -> int | None:
    return None if years is None else 12 * years


@dataclass(frozen=True)
class Counting:
    """The items a counting condition (``all_of``, ``at_least``) counts: indicators (each holds when
    chosen), themes (each holds when a chosen worry has it) and domains (each holds when a chosen worry is
    under it). ``levels`` names which chosen worries count: only those at these levels make a theme or a
    domain hold, and with no items listed, each chosen worry at these levels is one item ("three or more
    Level 2 needs")."""

    indicators: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    count: int = 0  # how many must hold, for ``at_least``; ``all_of`` needs every one
    domains: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()  # level ids: the worries counted are those at these levels

    @property
    def items(self) -> list[tuple[str, str]]:
        """Each item it lists, as ("indicator" | "theme" | "domain", id)."""
        return (
            [("indicator", i) for i in self.indicators]
            + [("theme", t) for t in self.themes]
            + [("domain", d) for d in self.domains]
        )

    @property
    def counts_worries(self) -> bool:
        """It lists no item, only levels: each chosen worry at those levels counts as one."""
        return not self.items and bool(self.levels)


@dataclass(frozen=True)
class Condition:
    """A rule's ``when``: every condition given must hold (levels_of_need.rules.condition_holds)."""

    answers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # the values allowed, by question id
    indicators: tuple[str, ...] = ()  # any one chosen
    themes: tuple[str, ...] = ()  # any one a chosen worry has
    all_of: Counting | None = None
    at_least: Counting | None = None
    age: AgeBand | None = None
    min_level: str | None = None  # a level id
    max_level: str | None = None  # a level id

    @property
    def given(self) -> frozenset[str]:
        """The names of the conditions given (the schema refuses an empty list or mapping)."""
        return frozenset(f.name for f in fields(self) if getattr(self, f.name) not in (None, (), {}))


def age_band_of(raw: Mapping[str, Any] | None) -> AgeBand | None:
    return AgeBand(**raw) if raw is not None else None


def condition(raw: Mapping[str, Any]) -> Condition:
    """A rule's ``when`` from the file."""
    return Condition(
        answers={question: tuple(values) for question, values in raw.get("answers", {}).items()},
        indicators=tuple(raw.get("indicators", ())),
        themes=tuple(raw.get("themes", ())),
        all_of=_counting(raw["all_of"]) if "all_of" in raw else None,
        at_least=_counting(raw["at_least"]) if "at_least" in raw else None,
        age=age_band_of(raw.get("age")),
        min_level=raw.get("min_level"),
        max_level=raw.get("max_level"),
    )


def _counting(raw: Mapping[str, Any]) -> Counting:
    return Counting(
        indicators=tuple(raw.get("indicators", ())),
        themes=tuple(raw.get("themes", ())),
        count=raw.get("count", 0),
        domains=tuple(raw.get("domains", ())),
        levels=tuple(raw.get("levels", ())),
    )


@dataclass(frozen=True)
class Indicator:
    id: str
    level: Level
    domain: Named
    text: str
    theme: Named | None = None
    synonyms: tuple[str, ...] = ()
    # The indicator's own words describe harm or abuse (a partnership's reading of its wording):
    # the checker challenges an answer of "no" to the question on significant harm beside it.
    describes_harm: bool = False
    # The indicator's own words name an imminent or immediate risk: the checker challenges an answer of
    # "no" to the question on immediate risk beside it.
    describes_immediate_risk: bool = False
    # The ages the guidance writes it for, as a rule's ``when: age`` gives them; None: every age. A
    # choice outside them still counts (rules.written_for_another_age).
    age: AgeBand | None = None
    # A strength (a resilience factor) at a level whose indicators are worries: recorded and shown,
    # never a floor. Indicators of a strength level are strengths whatever this says.
    strength: bool = False
    # The domains after the first, for an indicator the table puts under several: one indicator, one
    # tick, shown under each (or said to be under each).
    more_domains: tuple[Named, ...] = ()
    # How two names are joined: the catalogue's "list.and", in the data's language.
    and_words: str = field(default=CATALOGUE["list.and"], repr=False, compare=False)

    @property
    def is_strength(self) -> bool:
        return self.strength or self.level.indicator_kind == "strength"

    @property
    def domains(self) -> tuple[Named, ...]:
        """Every domain it belongs to, the first one first."""
        return (self.domain, *self.more_domains)

    @property
    def domain_names(self) -> str:
        """The domain's name, or every domain's name joined with "and" for an indicator under several."""
        names = self.domain.name
        for more in self.more_domains:
            names = fill(self.and_words, {"one": names, "other": more.name})
        return names

    @property
    def vocabulary(self) -> tuple[str, ...]:
        """Every word that finds this indicator: its wording, its theme's name, and the everyday words
        given for it, its theme and its domain. One vocabulary for the check's filter and the site's search."""
        theme = (self.theme.name, *self.theme.synonyms) if self.theme else ()
        domains = tuple(word for domain in self.domains for word in domain.synonyms)
        return (self.text, *theme, *self.synonyms, *domains)

    @property
    def search_terms(self) -> str:
        """The vocabulary as the self-check's filter reads it: lower-case words."""
        return " ".join(" ".join(self.vocabulary).lower().replace("\u2019", "'").split())


@functools.lru_cache(maxsize=1 << 16)  # see word_finds
def filter_finds(query: str, terms: str, slips: bool = True, runs_on: bool = True, joined: bool = True) -> bool:
    """Whether every word of the query finds one of these search terms, as the page's filter compares
    words (check.js, filterWorries): a typed word, stemmed, starts a term, or runs on past a term of
    four letters or more ("alcoholic" finds "alcohol"); a word of five letters or more also finds a term
    it is one slip away from ("bruses", "neglet"), and two terms written as one ("selfharm"). The build
    uses it to check that the examples a partnership offers find a worry; a browser test holds the two
    to the same answers. Without ``slips``, no slip is forgiven; without ``runs_on`` or ``joined`` either,
    the word must start a term (``slips_forgiven``)."""
    split = _term_words(terms)
    joined_terms = _joined(split)
    typed = _words(query)
    return bool(typed) and all(
        any(word_finds(word, term, slips, runs_on) for term in split)
        or (joined and any(joined_finds(word, term) for term in joined_terms))
        for word in typed
    )


def slips_forgiven(word: str, terms: Iterable[str]) -> bool:
    """Whether the filter and the search forgive a typed word's slips among these terms (each worry's, or
    each word of the site): only where the word starts none of them as typed. A word found so has its
    slips set aside ("heating" is not "hearing", "picked" not "kicked"); a word that only runs on past a
    shorter term keeps them ("exploitaton" runs on past "exploit" but is "exploitation" with a slip), and
    still finds the shorter term ("alcoholic" finds "alcohol" beside every "alcoholic"); so does a word
    that starts two terms run together ("dealling" starts "deal line" but is "dealing" with a slip). The
    same in finds.js (findsAmong)."""
    return not any(filter_finds(word, t, slips=False, runs_on=False, joined=False) for t in terms)


def words_finding(word: str, terms: Sequence[str]) -> list[int]:
    """The places of the terms a typed word finds, its slips forgiven only as ``slips_forgiven`` says:
    the one tiering of the filter and the search (finds.js, found)."""
    forgive = slips_forgiven(word, terms)
    return [n for n, t in enumerate(terms) if filter_finds(word, t, slips=forgive)]


_Item = TypeVar("_Item")


def shown_among(items: Sequence[_Item], found: Mapping[str, Iterable[_Item]]) -> list[_Item]:
    """The items (worries, or the search's results) shown for the typed words, in ``items``' order:
    ``found`` gives the items each typed word, or the phrase as typed (``phrase_run``), finds; words
    finding nothing are left aside. Those holding every word are shown, and, where none does, those
    holding any. Where some do, one holding only some of the words is shown only where that helps, by
    two tests at once:

    - what it holds is rarer than what it lacks, each word weighing the log of the items over those it
      finds (for "concerns about grooming", a worry of grooming alone shows, one holding alone the word
      many worries hold does not; a common word typed beside a rare one never floods the list);
    - the words it lacks are not ones that most items holding its words have as well: where they do, the
      words are read together, and an item holding its words without them is another reading (for "self
      harm", most worries holding self hold harm too, so one of self-esteem alone is not shown, as for
      "self-harm" and "selfharm").

    The check's filter and the site's search share it (finds.js, shownAmong)."""
    sets = {word: set(hits) for word, hits in found.items()}
    useful = [word for word in sets if sets[word]]
    weight = {word: math.log(len(items) / len(sets[word])) for word in useful}
    having_all = {item for item in items if all(item in sets[word] for word in useful)}

    def helps(item: _Item) -> bool:
        held = [word for word in useful if item in sets[word]]
        if not held or len(held) == len(useful) or not having_all:
            return bool(held)
        lacked = sum(weight[word] for word in useful if word not in held)
        holding = sum(all(other in sets[word] for word in held) for other in items)
        return sum(weight[word] for word in held) > lacked and 2 * len(having_all) <= holding

    return [item for item in items if helps(item)]


def joined_finds(word: str, term: str) -> bool:
    """A typed word against two neighbouring terms run together ("selfharm"): a word starting them,
    as typed or as its stem starts the same word (``_stem_finds``: "selfharming", never "bonding" in
    "bondage more"), no slip forgiven; a short word never (it would find "men" in "mental health")."""
    return (
        len(word) > SHORT_WORD
        and word not in FUNCTION_WORDS
        and (term.startswith(word) or _stem_finds(_stem(word), term))
    )


def graver_first(indicators: Iterable[Indicator], levels: Sequence[Level]) -> list[Indicator]:
    """The indicators with the highest level first, each level's in their own order: where a word
    finds a mild and a grave worry, the grave one is read first (the filter, the everyday words page)."""
    rank = {level.id: n for n, level in enumerate(levels)}
    return sorted(indicators, key=lambda i: -rank[i.level.id])


# A typed word this short finds a term only as a whole word or with a word ending ("hit": "hits",
# "hitting"): inside a longer word it is usually another word ("men" in "mental", "sex" in "Sussex").
SHORT_WORD = 3
_ENDING = re.compile(r"(s|es|ed|ing|er|ers|ies|ied)?")
_DOUBLED_ENDING = re.compile(r"(ed|ing|ings)")
# Word endings that keep a word's meaning ("exploit": "exploitation", "alcohol": "alcoholic", "child":
# "childhood", "radical": "radicalised", "child's"): a typed word runs on past a shorter term by one
# (``runs_on_past``), and a typed word's stem runs on to a longer term by one (``_stem_finds``). Any
# other letters after a word make another word, found by joined_finds or not at all: "selfharm" is not
# every "self", "blackmail" no "black", "homeless" no "home", "breaking" no "breakfast", "needs" no
# "needles". "-age" is none: it mostly makes another word ("bondage" from "bond"; "passage",
# "message"). The same in finds.js (KEEPS_MEANING).
_KEEPS_MEANING = re.compile(
    r"'|'s|s'|r|rs|n|en|ren|y|ly|ally|al|ic|ical|ics|ion|ation|isation|ization|is|iz|ise|ize|ism|ist"
    r"|ful|ity|ality|ance|ence|ness|ment|hood|ship|ive|ure|ant"
)
# "-n" and "-r" keep the meaning only after an "e" ("taken", "carer"; "partner" is no "part", "known" no
# "know"). The same in finds.js (AFTER_E).
_AFTER_E = frozenset({"r", "rs", "n"})
# "-ly" and "-y" keep the meaning of a word made with an ending of its own ("sexually", "frequently",
# "jealousy", "repeatedly"); after a plain word they make a word of their own ("poorly" is ill, not poor;
# "lonely" is alone, not a lone parent; "hardly", "lately", "nearly", "elderly", "friendly"; "county" is
# no "count"). The same in finds.js (MANNER_OF).
_MANNER = frozenset({"ly", "y"})
_MANNER_OF = re.compile(r".{3,}(al|ic|ful|ous|ive|ent|ant|ate|ar|ed|ing|less)")
# What a typed word's stem (its ending taken off: "bonding": "bond") starts as the same word with another
# ending ("bond", "bonds", "bonded"; "bruis": "bruise"; "bull": "bully", "bullying"). The same in finds.js.
_INFLECTED = re.compile(r"e?(s|es|ed|d|ing|ings|er|ers)?|y|ies|ied|ying")
_DOUBLED_INFLECTED = re.compile(r"(ed|ing|ings|er|ers)")


def keeps_meaning(word: str, ending: str) -> bool:
    """Whether the word with this ending run on is the same word in another form (``_KEEPS_MEANING``)."""
    if not _KEEPS_MEANING.fullmatch(ending):
        return False
    if ending in _AFTER_E:
        return word.endswith("e")
    return ending not in _MANNER or bool(_MANNER_OF.fullmatch(word))


# Words that join a sentence, not name a worry ("bruises on his arms", "not going to school"): typed,
# they find nothing, so the words that name the worry decide what is found (a typed "on" or "his" made
# every worry holding it count as much as the one with "bruises"); in the vocabulary, nothing finds
# them ("withdrawn" ran on past "with", "overdose" past "over"). The same list in finds.js.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "on",
        "in",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "as",
        "into",
        "onto",
        "about",
        "over",
        "under",
        "after",
        "before",
        "off",
        "out",
        "up",
        "down",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "get",
        "gets",
        "got",
        "getting",
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "who",
        "what",
        "when",
        "where",
        "which",
        "why",
        "how",
        "not",
        "no",
        "nor",
        "don't",
        "doesn't",
        "didn't",
        "won't",
        "can't",
        "isn't",
        "wasn't",
        "aren't",
        "haven't",
        "hasn't",
        "very",
        "so",
        "too",
        "just",
        "all",
        "any",
        "some",
        "every",
        "much",
        "many",
        "lot",
        "lots",
        "really",
        # Words of a sentence that one slip made into a worry's word ("might": "night", "would":
        # "wound", "could": "cold"), or that name no worry ("going" to school: no "going country").
        "would",
        "could",
        "should",
        "might",
        "must",
        "than",
        "then",
        "one",
        "other",
        "others",
        "more",
        "again",
        "always",
        "never",
        "ever",
        "also",
        "still",
        "well",
        "go",
        "goes",
        "going",
        "gone",
        "went",
        # The same words run together with an apostrophe, and as they are typed without it ("he's", "she's",
        # "they're", "im", "doesnt"): a rare word in the vocabulary ("says she's ill"), "she's" found a worry
        # or two and outweighed the word naming the worry ("she's been missing again").
        "i'm",
        "i've",
        "i'd",
        "i'll",
        "you're",
        "you've",
        "you'd",
        "you'll",
        "he's",
        "he'd",
        "he'll",
        "she's",
        "she'd",
        "she'll",
        "it's",
        "we're",
        "we've",
        "we'd",
        "we'll",
        "they're",
        "they've",
        "they'd",
        "they'll",
        "that's",
        "there's",
        "who's",
        "couldn't",
        "wouldn't",
        "shouldn't",
        "weren't",
        "hadn't",
        "im",
        "ive",
        "youre",
        "hes",
        "shes",
        "theyre",
        "thats",
        "theres",
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "wasnt",
        "arent",
        "havent",
        "hasnt",
        "hadnt",
        "couldnt",
        "wouldnt",
        "shouldnt",
        "werent",
        "cant",
        "wont",
    ]
)


def phrase_finds(typed: Sequence[str], terms: str) -> bool:
    """Whether a typed phrase of two words or more, holding a word that joins a sentence ("not getting
    on", "goes out"), runs on in the vocabulary as typed: each joining word as itself, each other word as
    ``word_finds`` finds it, no slip forgiven. Alone, a joining word finds nothing (``FUNCTION_WORDS``),
    so a phrase made of them ("not getting on") found nothing, and one with a naming word found every
    worry of that word. The same in finds.js (phraseFinds)."""
    return len(typed) >= 2 and phrase_run(typed, terms) == len(typed)


def phrase_run(typed: Sequence[str], terms: str) -> int:
    """The length of the longest part of a typed phrase that runs on in the vocabulary as typed (as
    ``phrase_finds`` finds a whole phrase), 0 where none does: two words or more holding a word that
    joins a sentence (``_a_phrase``). A
    phrase runs on in a worry's words only in part where the person typed more around it ("not getting on
    with his dad": "not getting on with"; "touching other children at nursery": "touching other
    children"); the worry holding the longest part comes first (bench/words_share.py, filter_results).
    The same in finds.js (phraseRun)."""
    longest = _longest_runs(tuple(typed), _term_words(terms))
    for length in range(len(typed), 1, -1):
        for start in range(len(typed) - length + 1):
            part = typed[start : start + length]
            if _a_phrase(part, whole=length == len(typed)) and longest[start] >= length:
                return length
    return 0


def _a_phrase(part: Sequence[str], whole: bool) -> bool:
    """Whether a part of a typed phrase is one to find as typed: one holding a joining word, and, unless
    it is all that was typed ("goes out"), a naming word too or three words ("with his" is in too many)."""
    joining = sum(word in FUNCTION_WORDS for word in part)
    return joining > 0 and (whole or joining < len(part) or len(part) >= 3)


def _longest_runs(typed: tuple[str, ...], split: tuple[str, ...]) -> list[int]:
    """For each typed word, the most typed words from it on that run on in the vocabulary's words in a row
    (``_run_finds`` word by word), wherever in the vocabulary that is longest: a part of the phrase runs
    on in it where its first word's figure reaches the part's length. Each typed word is compared with
    each term once, walking the phrase from its last word back (the run from a word is one more than
    the run from the next word at the next term)."""
    longest = [0] * len(typed)
    following = [0] * (len(split) + 1)  # the run from the next typed word, at each term's place
    for at in range(len(typed) - 1, -1, -1):
        here = [0] * (len(split) + 1)
        for place, term in enumerate(split):
            if _run_finds(typed[at], term):
                here[place] = 1 + following[place + 1]
        longest[at] = max(here)
        following = here
    return longest


def _run_finds(word: str, term: str) -> bool:
    return word == term if word in FUNCTION_WORDS else word_finds(word, term, slips=False)


# The comparisons are pure and asked again and again (every typed word against every term of every worry:
# the build's check of a file's examples, bench/words_share.py and the words tests ask millions): each is
# kept once answered, as a typed word's forms and a worry's words are. The sizes bound the memory.
@functools.lru_cache(maxsize=1 << 16)
def word_finds(word: str, term: str, slips: bool = True, runs_on: bool = True) -> bool:
    """One typed word against one term of the vocabulary: the one comparison, in check.js (and the
    site's search, assets/search/finds.js) too."""
    if word in FUNCTION_WORDS or term in FUNCTION_WORDS:
        return False
    if len(word) <= SHORT_WORD:
        return _short_finds(word, term)
    if _short_plural_finds(word, term):
        return True
    starts, shorts = _forms(word)
    if _a_form_finds(word, term, starts, shorts):
        return True
    if (slips or runs_on) and any(runs_on_past(form, term) for form in starts):
        return True
    return slips and _slip_finds(word, starts[0], term)


def _a_form_finds(word: str, term: str, starts: tuple[str, ...], shorts: tuple[str, ...]) -> bool:
    """The word as typed starts the term, or one of its forms (``_forms``: ``starts``, its stems;
    ``shorts``, short words it may be a form of) is the term's word with another ending."""
    return (
        term.startswith(word)
        or any(_stem_finds(form, term) for form in starts if form != word)
        or any(_short_finds(form, term) for form in shorts)
    )


def runs_on_past(stem: str, term: str) -> bool:
    """A stemmed word running on past a term of four letters or more by an ending that keeps the term's
    meaning ("alcoholic" past "alcohol"; never "poorly" past "poor": ``keeps_meaning``)."""
    return len(term) >= 4 and stem.startswith(term) and keeps_meaning(term, stem[len(term) :])


def _stem_finds(stem: str, term: str) -> bool:
    """A typed word's stem, its ending taken off, against a term it starts: the word typed was whole, so
    the term must be the same word, with another ending ("bonded", "bruise", "bullying", "drugged") or
    one that keeps its meaning ("arranged": "arrangements"; "isolated": "isolation"), never another
    word that happens to begin with it ("bonding" is no "bondage", "signs" no "significant")."""
    if not term.startswith(stem):
        return False
    rest = term[len(stem) :]
    if _INFLECTED.fullmatch(rest) or (rest[:1] == stem[-1] and _DOUBLED_INFLECTED.fullmatch(rest[1:])):
        return True
    # The term's own ending taken off first ("threatened": "threaten", "arrangements": "arrangement").
    for whole in {term, *_forms(term)[0]}:
        ending = whole[len(stem) :] if whole.startswith(stem) else ""
        if ending and (keeps_meaning(stem, ending) or (ending[0] == "e" and keeps_meaning(stem + "e", ending[1:]))):
            return True
    return False


def _short_plural_finds(word: str, term: str) -> bool:
    """A short word's plural finds what the word finds ("hits": "hit", "hitting"; "cuts", "mums")."""
    return (
        len(word) == SHORT_WORD + 1 and word.endswith("s") and not word.endswith("ss") and _short_finds(word[:-1], term)
    )


def _slip_finds(word: str, stem: str, term: str) -> bool:
    """One slip (a letter missed, added, changed or two swapped) forgiven in words of five letters or
    more, as typed, or stemmed to six letters or more: in shorter words one slip makes another word
    ("hit", "hut"; "bullied" stemmed to "bull", "ball"; "fighting" to "fight", "night"). Never in the
    first letter: people rarely mistype a word's first letter, and a word one first letter away from
    another is mostly a word of its own ("mummy", "tummy"; "sighting", "fighting"; "lighter", "fighter")."""
    forms = [word] + ([stem] if len(stem) >= 6 else [])
    return len(word) >= 5 and len(term) >= 4 and term[0] == word[0] and any(_slip_starts(form, term) for form in forms)


def _short_finds(word: str, term: str) -> bool:
    """A short word finds a term only whole or with a word ending that the word takes."""
    rest = term[len(word) :] if term.startswith(word) else None
    # A last letter doubled before "-ing" or "-ed" ("hitting", "stabbed"); before "-er" the doubled
    # letter is mostly the word's own ("bitter" is no form of "bit").
    doubled = bool(rest) and len(rest) > 1 and rest[0] == word[-1] and bool(_DOUBLED_ENDING.fullmatch(rest[1:]))
    if doubled:
        rest = rest[1:]
    return rest is not None and bool(_ENDING.fullmatch(rest)) and not _another_words_ending(word, rest, doubled)


# A word ending in a consonant after a single vowel doubles it before "-ing", "-ed" and "-er" ("hit":
# "hitting", "rob": "robbed"; not after "w", "x" or "y": "sawing", "boxing"); and "-es" follows only a
# hissing sound or an "o" ("bus": "buses", "box": "boxes"). Otherwise the ending is another word's: the
# word with a silent "e" ("car": "caring", "carer" and "cares" are "care"; "rap": "raped" is "rape";
# "hop": "hoping"). The same in finds.js (anotherWordsEnding).
_DOUBLES_ITS_LAST = re.compile(r".*[^aeiou][aeiou][^aeiouwxy]")
_UNDOUBLED = frozenset({"ing", "ed", "er", "ers"})


def _another_words_ending(word: str, rest: str, doubled: bool) -> bool:
    """Whether a short word's ending, as the term has it, makes another word (``_DOUBLES_ITS_LAST``): a
    word of three letters or fewer, as typed or with its ending taken off ("hitting": "hit"); a longer
    word's form without its "e" ("choke": "chok") takes "-ing" as the word does ("choking")."""
    if len(word) > SHORT_WORD:
        return False
    if rest in _UNDOUBLED and not doubled:
        return bool(_DOUBLES_ITS_LAST.fullmatch(word))
    return rest == "es" and word[-1] not in "sxzho"


def _slip_starts(word: str, term: str) -> bool:
    """Whether the term starts with the word but for one slip."""
    return any(_one_slip(word, term[:n]) for n in (len(word) - 1, len(word), len(word) + 1))


def _one_slip(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        # Two neighbouring letters swapped ("nelgect").
        return len(diff) == 2 and diff[1] == diff[0] + 1 and (a[diff[0]], a[diff[1]]) == (b[diff[1]], b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


@functools.lru_cache(maxsize=1 << 10)
def _term_words(terms: str) -> tuple[str, ...]:
    """A worry's search terms as words, each worry's worked out once (see word_finds)."""
    return tuple(_words(terms))


@functools.lru_cache(maxsize=1 << 10)
def _joined(split: tuple[str, ...]) -> tuple[str, ...]:
    """Each two neighbouring words run together ("self harm" as "selfharm"): a typed word starting one
    finds it, with no slip forgiven (a slip would find "touch" in "to children")."""
    return tuple(a + b for a, b in itertools.pairwise(split))


def _words(text: str) -> list[str]:
    return [word for word in re.split(r"[^a-z0-9']+", text.lower()) if word]


_SUFFIX = re.compile(r"(ing|ied|ies|ed|es|ers|er|s)$")
# A letter doubled before an ending is one letter too ("stabbed": "stab", "controlled": "control"),
# but for these, which double in the word itself ("pressed": "press", never "pres…cription").
_KEPT_DOUBLE = frozenset("aeiousfz")


def _stem(word: str) -> str:
    """Plurals and tenses to one form: "bruises", "bruised", "bruising" all find "bruis…"."""
    return _forms(word)[0][0]


@functools.lru_cache(maxsize=1 << 14)
def _forms(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The forms a typed word finds terms by: (forms a term starts with, forms found only whole or with a
    word ending, as a short word is). Its ending taken off ("bruises": "bruis"; "dealer": "deal"), never
    down to fewer than four letters, which would be another word ("caring" is no "car", "cries" no
    "cr…ime"); a letter doubled before the ending as one ("stabbed": "stab"; "hitting": "hit", a short
    form); "-ies", "-ied" as "-y" ("cries": "cry"); and a word ending in "e" or "y" without it, with an
    ending only, so that it finds its other forms ("starve": "starving"; "worry": "worries"), never
    other words ("active" no "activities")."""
    if len(word) <= SHORT_WORD + 1:
        return (word,), ()
    match = _SUFFIX.search(word)
    if not match:
        return (word,), ((word[:-1],) if word[-1] in "ey" else ())
    base, suffix = word[: match.start()], match.group()
    starts = [base if len(base) > SHORT_WORD else word]
    shorts = []
    others = []
    if suffix in ("ies", "ied"):
        others.append(base + "y")
    doubled = len(base) > SHORT_WORD and base[-1] == base[-2] and base[-1] not in _KEPT_DOUBLE
    # Only before "-ing" and "-ed": a doubled letter before "-er" is mostly the word's own ("letter",
    # "summer", "bitter"), never "let", "sum" or "bit".
    if suffix in ("ing", "ed") and doubled:
        others.append(base[:-1])
    for other in others:
        (starts if len(other) > SHORT_WORD else shorts).append(other)
    return tuple(starts), tuple(shorts)


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # "emergency", "raise" or "advise"
    when: Condition
    text: str
    source: str
    level: Level | None = None
    route: Route | None = None
    contacts: tuple[Contact, ...] = ()
    timescale: Timescale | None = None
    # Advice that asks for consent: never first where a child may be at risk of significant harm.
    seeks_consent: bool = False
    # A raise rule whose own words describe harm: a "no" to significant harm is challenged where it holds.
    describes_harm: bool = False
    # A raise rule whose own words name an imminent or immediate risk: a "no" to immediate risk is
    # challenged where it holds.
    describes_immediate_risk: bool = False
    # Advice that is the guidance's exception to seeking consent for the worries it names: shown beside
    # every step and advice that seeks consent, whatever the answer on consent.
    consent_exception: bool = False
    # Advice the guidance gives only in these areas (advise rules only: an area never changes a level).
    areas: tuple[Area, ...] = ()

    def in_area(self, area: Area | None) -> bool:
        """Whether the advice may be the child's area's: it is where it names no area, or names the child's,
        and may be while the area is not known (then shown labelled with its areas)."""
        return not self.areas or area is None or any(a.id == area.id for a in self.areas)


@dataclass(frozen=True)
class ReferralQuestion:
    """A question the partnership asks referrers to answer, and what of a check the summary puts under it."""

    id: str
    question: str
    guidance: str
    receives: tuple[str, ...] = ()  # parts of the summary (levels_of_need.summary.PARTS), in order
    placeholders: tuple[str, ...] = ()  # what the referrer fills in by hand: "Child’s name", …


# What the practitioner tells the checker: one definition, for a check from the page, the CLI or a scenario.

WHOLE_YEARS = re.compile(r"[0-9]{1,3}")  # an age as typed: at most three ASCII digits


@dataclass(frozen=True)
class Override:
    """The practitioner's own view of the level, and why."""

    level: str  # a level id
    reason: str


@dataclass(frozen=True)
class Check:
    """What the practitioner has told the checker. Never identifying details."""

    indicators: frozenset[str] = frozenset()
    age: int | None = None  # whole years
    unborn: bool = False
    age_text: str | None = None  # what was typed for the age, when it is not a whole number
    age_months: int | None = None  # a baby under one's age in months, as given ("7 months"); age is then 0
    answers: Mapping[str, str] = field(default_factory=dict)
    # Indicators and rules whose challenge the practitioner has confirmed: "this does not give me
    # reasonable cause to suspect significant harm".
    confirmed: frozenset[str] = frozenset()
    confirm_note: str = ""  # why the practitioner confirmed a challenged answer
    consent_note: str = ""
    override: Override | None = None

    @property
    def age_given(self) -> bool:
        return self.unborn or self.age is not None

    @property
    def age_as_given(self) -> int | str | None:
        """The age as check_from_dict takes it back: whole years, or a baby's months ("7 months")."""
        return f"{self.age_months} months" if self.age_months is not None else self.age


def check_from_dict(raw: Mapping[str, Any]) -> Check:
    """Build a Check from JSON-like data: {indicators, age, unborn, answers, confirmed, consent_note, override}."""
    answers = {k: v for k, v in dict(raw.get("answers") or {}).items() if v not in (None, "")}
    override = raw.get("override") or None
    if override and not (override.get("level") and str(override.get("reason") or "").strip()):
        override = None  # a view of the level is recorded only with both a level and a reason
    age, age_text, age_months = parse_age(raw.get("age"))
    return Check(
        indicators=frozenset(raw.get("indicators") or ()),
        age=age,
        age_text=age_text,
        age_months=age_months,
        unborn=bool(raw.get("unborn")),
        answers=answers,
        confirmed=frozenset(raw.get("confirmed") or ()),
        confirm_note=str(raw.get("confirm_note") or ""),
        consent_note=str(raw.get("consent_note") or ""),
        override=Override(level=override["level"], reason=str(override.get("reason", ""))) if override else None,
    )


# A baby under one's age in months, as typed: "7 months", "7 month", "7 mths", "7m". An age band in months is
# within the first year (1 to 11 months, validate), so any age it splits can be given so.
_MONTHS = re.compile(r"([0-9]{1,2})\s*(?:months?|mths?|m)", re.IGNORECASE)  # ASCII digits, as for years


def parse_age(age: Any) -> tuple[int | None, str | None, int | None]:
    """(whole years, None, None), from a number or from what was typed ("7", " 7 "); (0, None, months)
    for a baby under one given in months ("7 months"); (None, the text, None) when it is neither, which
    the checker reports once it knows there is no emergency."""
    if age is None or (isinstance(age, str) and not age.strip()):
        return None, None, None
    # ASCII digits only: str.isdigit() and int() also take "²", "①", "٣" and "３", which nobody types
    # for an age on purpose and which int() refuses or reads differently.
    if isinstance(age, str) and WHOLE_YEARS.fullmatch(age.strip()):
        return int(age.strip()), None, None
    if isinstance(age, str) and (months := _MONTHS.fullmatch(age.strip())) and int(months.group(1)) < 12:
        return 0, None, int(months.group(1))
    if isinstance(age, int) and not isinstance(age, bool):
        return age, None, None
    return None, str(age), None


@dataclass(frozen=True)
class Scenario:
    """A fictional case vignette for training, with its answer key: what the checker computes."""

    id: str
    title: str
    vignette: str
    check: Check  # the checker's input
    # The worries the scenario shows, in its own order: the answer sheet lists them so (a check holds a set).
    shows: tuple[str, ...]
    level: Level
    # Every route the answer key accepts: one, or several where the guidance leaves the route to
    # an answer the scenario does not settle (significant harm "not sure", say).
    routes: tuple[Route, ...]
    decided_by: tuple[str, ...]
    teaching_points: tuple[str, ...]
    common_mistakes: tuple[str, ...]
    # The scenario this one is a twin of: the same decision on a new surface (the same answer key).
    twin_of: str | None = None

    @property
    def age_label(self) -> str:
        if self.check.unborn:
            return "Unborn"
        age, months = self.check.age, self.check.age_months
        return given_age(age, months) if months is not None else "Under 1 year" if age == 0 else given_age(age, None)


@dataclass(frozen=True)
class ScenarioSet:
    """Scenarios in the order a training session takes them."""

    id: str
    title: str
    scenarios: tuple[Scenario, ...]


_AGE_UNITS = {"month": "age.months", "year": "age.years"}  # the catalogue's phrase for a count of each


def given_age(years: int | None, months: int | None, phrases: Mapping[str, str] = ENGLISH) -> str:
    """An age in the checker's one wording for it, wherever an age is counted out (the answers, the summary,
    the notes on other ages, a scenario's): "7 years", "1 year"; a baby's given in months, "7 months", "1 month"
    (the catalogue's "age.…" phrases, in a language's words where ``phrases`` gives them)."""
    count, unit = (months, "month") if months is not None else (years, "year")
    key = {"month": "age.one-month", "year": "age.one-year"}[unit] if count == 1 else _AGE_UNITS[unit]
    return fill(phrase_text(phrases, key), {"count": count})


@dataclass(frozen=True)
class AgeRange:
    """The ages the guidance covers, in whole years, both included, and the guidance's words for it."""

    youngest: int
    oldest: int
    text: str

    def covers(self, age: int) -> bool:
        return self.youngest <= age <= self.oldest


@dataclass(frozen=True)
class Partnership:
    name: str
    short_name: str  # in the glossary; the site's header gives it
    area: str  # the area the partnership covers


@dataclass(frozen=True)
class Document:
    """The thresholds file itself: its title, version, date and the documents it was written from."""

    title: str
    version: str
    date: str  # YYYY-MM-DD
    source: str
    source_note: str | None = None


@dataclass(frozen=True)
class EscalationStage:
    number: int
    text: str
    timescale: Timescale | None = None
    contact: Contact | None = None


@dataclass(frozen=True)
class Escalation:
    """Resolving professional differences: the guidance's words, then its stages in order."""

    intro: str
    stages: tuple[EscalationStage, ...]


# Where a file says how a case moves between levels: its section for each direction, in the order the
# site's pages come. A case steps down to a lower level, up to a higher one, or across between two
# routes of one level (from one service to another at the same level of need).
MOVE_SECTIONS: tuple[tuple[str, str], ...] = (("step_down", "down"), ("step_up", "up"), ("step_across", "across"))


@dataclass(frozen=True)
class CaseMove:
    """How a case moves (``direction``: "down", "up" or "across"), in the guidance's words: from the
    level ``start`` to ``end``, or, across, from the route ``start_route`` to ``end_route`` of one level."""

    direction: str
    start: Level
    end: Level
    intro: str
    next_steps: tuple[Step, ...]
    source: str
    consent: str | None = None  # the guidance's words on consent where the case goes
    start_route: Route | None = None
    end_route: Route | None = None


@dataclass(frozen=True)
class Scale:
    """A scaling question's range, in whole numbers, and what its two ends mean in the partnership's words."""

    lowest: int
    highest: int
    lowest_means: str
    highest_means: str

    def covers(self, number: int) -> bool:
        return self.lowest <= number <= self.highest


@dataclass(frozen=True)
class FrameworkPart:
    """A part of the summary that the partnership's practice framework adds (a danger statement, a safety goal, a
    scaling question): typed by the referrer on "Write the referral summary", under its referral question or its
    own heading."""

    id: str
    heading: str  # its heading where no referral question receives it
    label: str  # the box's label on the page: the framework's question, in the partnership's words
    hint: str = ""
    scale: Scale | None = None  # a scaling question: answered with a whole number in this range


@dataclass(frozen=True)
class Framework:
    """A practice framework, the headings it gives the summary's parts (``levels_of_need.summary.PARTS``) and the
    parts it adds."""

    name: str
    headings: Mapping[str, str]
    parts: tuple[FrameworkPart, ...] = ()


@dataclass(frozen=True)
class KnownIssue:
    """Something in the partnership's own content that is not accessible."""

    text: str
    criterion: str  # the WCAG 2.2 success criterion it fails
    alternative: str = ""


@dataclass(frozen=True)
class Accessibility:
    """The facts the accessibility statement gives under the public sector accessibility regulations."""

    contact: Mapping[str, str]  # email, phone, textphone and url, those given, in that order
    prepared: str
    reviewed: str  # the date prepared, where the file gives no review
    tested: str
    respond_within: str = ""
    tested_by: str = ""
    known_issues: tuple[KnownIssue, ...] = ()
    disproportionate_burden: tuple[str, ...] = ()
    team: str = ""  # the named team that answers, where the file names one
    address: tuple[str, ...] = ()  # a postal address, one line each, as the file writes it

    @property
    def reachable(self) -> bool:
        """Whether the statement can say how to report a problem: a way to reach someone, not a name alone."""
        return bool(self.contact or self.address)


@dataclass(frozen=True)
class BragRating:
    colour: str
    text: str


@dataclass(frozen=True)
class Brag:
    """A MASH's BRAG ratings, in the guidance's words."""

    intro: str
    ratings: tuple[BragRating, ...]
    source: str | None = None


@dataclass(frozen=True)
class GuidanceSection:
    """A page of the guidance's own text (Markdown), with the structured parts shown after it."""

    id: str
    title: str
    body: str
    include: tuple[str, ...] = ()  # "signs_of_safety", "brag_ratings"
    source: str | None = None


@dataclass(frozen=True)
class Introductions:
    """The guidance's own opening words for two of the site's pages, where it gives them."""

    continuum: str | None = None
    referral: str | None = None


@dataclass(frozen=True)
class PageLanguage:
    """The language a site's data is in, where the file declares languages: the default's is the first,
    each other language's is written into its data by the build (toolkit.load.translations.translated)."""

    code: str  # as the file declares it: "cy", "en-easy"
    lang: str  # what its pages declare: "cy", "en"
    names: Mapping[str, str]  # each declared language's name, by code
    file_version: str  # the whole file's stamp, every language's words: the same guidance in each language


@dataclass(frozen=True)
class Thresholds:
    """Everything in one partnership's thresholds file."""

    # The file as read, only for the build's thresholds.json and the checks that name a place in it (toolkit.load):
    # everything else reads the typed fields below.
    data: Mapping[str, Any] = field(repr=False)
    content_hash: str
    levels: tuple[Level, ...]
    domains: tuple[Named, ...]
    themes: tuple[Named, ...]
    indicators: tuple[Indicator, ...]
    rules: tuple[Rule, ...]
    contacts: tuple[Contact, ...]
    timescales: tuple[Timescale, ...]
    caveats: tuple[str, ...]
    age_range: AgeRange
    questions: tuple[Question, ...]  # the check's questions, in this partnership's words
    partnership: Partnership
    document: Document
    glossary: Mapping[str, str]  # each abbreviation and its meaning
    referral_questions: tuple[ReferralQuestion, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    areas: tuple[Area, ...] = ()  # the partnership's areas, where its contacts differ by area
    scenario_sets: tuple[ScenarioSet, ...] = ()
    # The parts the site shows as they are, each None or empty where the file leaves it out.
    introductions: Introductions = Introductions()
    filter_examples: tuple[str, ...] = ()  # everyday words the self-check's filter offers as examples
    practice_framework: Framework | None = None
    signs_of_safety: tuple[str, ...] = ()  # the Signs of Safety questions, in the guidance's words
    escalation: Escalation | None = None
    case_moves: tuple[CaseMove, ...] = ()  # stepping down, up and across, in MOVE_SECTIONS' order
    brag: Brag | None = None
    guidance: tuple[GuidanceSection, ...] = ()
    accessibility: Accessibility | None = None
    # The language this data is in and its words for the toolkit's own phrases (levels_of_need.interface),
    # where the file declares languages.
    language: PageLanguage | None = None
    phrases: Mapping[str, str] = field(default_factory=dict)

    def area(self, area_id: str | None) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    @property
    def version(self) -> str:
        """The stamp put on every result: the file's version and its content hash."""
        return f"{self.document.version} ({self.content_hash[:12]})"

    def level(self, level_id: str) -> Level:
        return _by_id(self.levels, level_id)

    @property
    def months_asked(self) -> bool:
        """Whether the check takes a baby under one's age only in months ("7 months", never "0"): an age band in
        months (1 to 11) splits the first year, so "0" years cannot say whether it holds (rules.validate_age)."""
        bands = [*(i.age for i in self.indicators), *(r.when.age for r in self.rules)]
        return any(band is not None and band.in_months for band in bands)

    def indicator(self, indicator_id: str) -> Indicator:
        return _by_id(self.indicators, indicator_id)

    def timescale(self, timescale_id: str | None) -> Timescale | None:
        return next((t for t in self.timescales if t.id == timescale_id), None)

    def contact(self, contact_id: str) -> Contact:
        return _by_id(self.contacts, contact_id)

    def route(self, route_id: str) -> tuple[Level, Route]:
        for level in self.levels:
            for route in level.routes:
                if route.id == route_id:
                    return level, route
        raise KeyError(route_id)

    def scenario(self, scenario_id: str) -> Scenario:
        return _by_id(self.scenarios, scenario_id)

    def scenario_set(self, set_id: str) -> ScenarioSet:
        return _by_id(self.scenario_sets, set_id)

    def question(self, question_id: str) -> Question:
        return _by_id(self.questions, question_id)

    @property
    def framework_parts(self) -> tuple[FrameworkPart, ...]:
        """The summary parts the partnership's practice framework adds, in its order (none without one)."""
        return self.practice_framework.parts if self.practice_framework else ()

    def referral_question_receiving(self, part: str) -> ReferralQuestion | None:
        """The referral question under which the summary puts this part, if the partnership names one."""
        return next((q for q in self.referral_questions if part in q.receives), None)

    def routes(self) -> list[tuple[Level, Route]]:
        """Every route, least intensive first."""
        return [(level, route) for level in self.levels for route in level.routes]


def _by_id(items: tuple[Any, ...], item_id: str) -> Any:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)


# The key under which the browser's data (the build's thresholds.json, which leaves out what only the site's
# pages show: toolkit/publish/bundle.py, engine_data) carries the whole file's content hash, so that its
# version stamp is the file's. No thresholds file has it: the schema allows no such section.
WHOLE_FILE_HASH = "whole_file_sha256"


def content_hash(data: Mapping[str, Any]) -> str:
    """SHA-256 of the data in canonical JSON, so YAML layout and comments do not count; for the browser's
    data, the hash of the whole file it was taken from (WHOLE_FILE_HASH)."""
    if WHOLE_FILE_HASH in data:
        return str(data[WHOLE_FILE_HASH])
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def from_dict(data: Mapping[str, Any]) -> Thresholds:
    """Build the model from data that has passed validation."""
    phrases = data.get(IN_LANGUAGE) or {}  # a language's words for the toolkit's phrases
    areas = tuple(Area(id=a["id"], name=a["name"]) for a in data.get("areas", ()))
    contacts = contacts_of(data["contacts"], areas)
    timescales = tuple(Timescale(**t) for t in data.get("timescales", ()))
    contact_by_id = _index(contacts)
    timescale_by_id = _index(timescales)
    area_by_id = _index(areas)
    levels = tuple(
        _level(lv, contact_by_id, timescale_by_id, area_by_id, phrases)
        for lv in sorted(data["levels"], key=lambda lv: lv["number"])
    )
    level_by_id = _index(levels)
    route_by_id = _index(r for lv in levels for r in lv.routes)
    domains = tuple(named(d) for d in data["domains"])
    themes = tuple(named(t) for t in data.get("themes", ()))
    domain_by_id = _index(domains)
    theme_by_id = _index(themes)
    indicators = tuple(_indicator(i, level_by_id, domain_by_id, theme_by_id, phrases) for i in data["indicators"])
    rules = tuple(_rule(r, level_by_id, route_by_id, contact_by_id, timescale_by_id, area_by_id) for r in data["rules"])
    scenarios, scenario_sets = _scenarios(data, level_by_id, route_by_id)
    return Thresholds(
        data=data,
        content_hash=content_hash(data),
        levels=levels,
        domains=domains,
        themes=themes,
        indicators=indicators,
        rules=rules,
        contacts=contacts,
        timescales=timescales,
        caveats=tuple(data.get("caveats", ())),
        age_range=AgeRange(
            youngest=data["age_range"]["youngest"], oldest=data["age_range"]["oldest"], text=data["age_range"]["text"]
        ),
        questions=worded(data.get("questions", {}), areas, data.get("own_questions", ()), phrases),
        referral_questions=tuple(_referral_question(q) for q in data.get("referral_questions", ())),
        scenarios=scenarios,
        areas=areas,
        scenario_sets=scenario_sets,
        **_shown_parts(data, level_by_id, contact_by_id, timescale_by_id, area_by_id),
    )


def _scenarios(
    data: Mapping[str, Any], level_by_id: Mapping[str, Level], route_by_id: Mapping[str, Route]
) -> tuple[tuple[Scenario, ...], tuple[ScenarioSet, ...]]:
    """The training scenarios, and the sets a trainer picks from, which name them."""
    scenarios = tuple(_scenario(sc, level_by_id, route_by_id) for sc in data.get("scenarios", ()))
    scenario_by_id = _index(scenarios)
    scenario_sets = tuple(
        ScenarioSet(id=ss["id"], title=ss["title"], scenarios=tuple(scenario_by_id[i] for i in ss["scenarios"]))
        for ss in data.get("scenario_sets", ())
    )
    return scenarios, scenario_sets


def _shown_parts(
    data: Mapping[str, Any],
    level_by_id: Mapping[str, Level],
    contact_by_id: Mapping[str, Contact],
    timescale_by_id: Mapping[str, Timescale],
    area_by_id: Mapping[str, Area],
) -> dict[str, Any]:
    """The parts of the file the site shows as they are: the document, its glossary, its optional pages."""
    return {
        "partnership": Partnership(**data["partnership"]),
        "document": Document(**data["document"]),
        "glossary": dict(data["glossary"]),
        "introductions": Introductions(**data.get("introductions", {})),
        "filter_examples": tuple(data.get("filter_examples", ())),
        "practice_framework": _framework(data["practice_framework"]) if "practice_framework" in data else None,
        "signs_of_safety": tuple(data.get("signs_of_safety", ())),
        "escalation": _escalation(data["escalation"], contact_by_id, timescale_by_id) if "escalation" in data else None,
        "case_moves": _case_moves(data, level_by_id, contact_by_id, timescale_by_id, area_by_id),
        "brag": _brag(data["brag"]) if "brag" in data else None,
        "guidance": tuple(_guidance_section(g) for g in data.get("guidance", ())),
        "accessibility": _accessibility(data["accessibility"]) if "accessibility" in data else None,
        "language": _page_language(data),
        "phrases": dict(data.get(IN_LANGUAGE) or {}),
    }


def _page_language(data: Mapping[str, Any]) -> PageLanguage | None:
    declared = data.get("languages")
    if not declared:
        return None
    own = data.get("language")  # a language's data: which, and the whole file's content hash
    code, whole = (own["code"], own["file"]) if own else (declared[0]["code"], content_hash(data))
    lang = next(d.get("lang", d["code"]) for d in declared if d["code"] == code)
    names = {d["code"]: d["name"] for d in declared}
    return PageLanguage(code, lang, names, f"{data['document']['version']} ({whole[:12]})")


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Identified = TypeVar("_Identified", bound=_HasId)


def _index(items: Iterable[_Identified]) -> dict[str, _Identified]:
    """Each item by its id."""
    return {item.id: item for item in items}


# One builder for each kind of item in the file, given the items already built that it refers to by id.


def _step(
    raw: Mapping[str, Any],
    contact_by_id: Mapping[str, Contact],
    timescale_by_id: Mapping[str, Timescale],
    area_by_id: Mapping[str, Area],
) -> Step:
    step = Step(
        text=raw["text"],
        contact=contact_by_id.get(raw.get("contact", "")),
        timescale=timescale_by_id.get(raw.get("timescale", "")),
        seeks_consent=bool(raw.get("seeks_consent", False)),
    )
    own = raw.get("areas") or {}
    # In the file's order of areas, as a contact's; each area's text or timescale, the rest the step's own.
    by_area = tuple(
        (
            area,
            replace(
                step,
                text=own[area.id].get("text", step.text),
                timescale=timescale_by_id[own[area.id]["timescale"]] if "timescale" in own[area.id] else step.timescale,
            ),
        )
        for area in area_by_id.values()
        if area.id in own
    )
    return replace(step, by_area=by_area)


def _consent_required(raw: Any) -> bool | None:
    """``true``, ``false`` or left out; required with the guidance's exceptions (``{unless: …}``) is required:
    the checker waits for consent as for ``true``, and the practitioner judges the exception."""
    return True if isinstance(raw, Mapping) else raw


def _consent_unless(raw: Any) -> str:
    return raw["unless"] if isinstance(raw, Mapping) else ""


def _route(
    raw: Mapping[str, Any],
    contact_by_id: Mapping[str, Contact],
    timescale_by_id: Mapping[str, Timescale],
    area_by_id: Mapping[str, Area],
) -> Route:
    return Route(
        id=raw["id"],
        name=raw["name"],
        response=raw["response"],
        next_steps=tuple(_step(s, contact_by_id, timescale_by_id, area_by_id) for s in raw["next_steps"]),
        consent_required=_consent_required(raw.get("consent_required")),
        consent_unless=_consent_unless(raw.get("consent_required")),
        statute=raw.get("statute"),
        brag=raw.get("brag"),
        colour=raw.get("colour"),
    )


def _level(
    raw: Mapping[str, Any],
    contact_by_id: Mapping[str, Contact],
    timescale_by_id: Mapping[str, Timescale],
    area_by_id: Mapping[str, Area],
    phrases: Mapping[str, str] = ENGLISH,
) -> Level:
    return Level(
        id=raw["id"],
        number=raw["number"],
        name=raw["name"],
        title=raw["title"],
        summary=raw["summary"],
        description=raw.get("description", ""),  # the level pages' words: not in the browser's data
        indicator_kind=raw["indicator_kind"],
        routes=tuple(_route(r, contact_by_id, timescale_by_id, area_by_id) for r in raw["routes"]),
        colour=raw.get("colour"),
        label_words=phrase_text(phrases, "level.label"),
    )


def _indicator(
    raw: Mapping[str, Any],
    level_by_id: Mapping[str, Level],
    domain_by_id: Mapping[str, Named],
    theme_by_id: Mapping[str, Named],
    phrases: Mapping[str, str] = ENGLISH,
) -> Indicator:
    domain_ids = indicator_domain_ids(raw)
    return Indicator(
        id=raw["id"],
        level=level_by_id[raw["level"]],
        domain=domain_by_id[domain_ids[0]],
        text=raw["text"],
        theme=theme_by_id.get(raw.get("theme", "")),
        synonyms=tuple(raw.get("synonyms", ())),
        describes_harm=bool(raw.get("describes_harm", False)),
        describes_immediate_risk=bool(raw.get("describes_immediate_risk", False)),
        age=age_band_of(raw.get("age")),
        strength=bool(raw.get("strength", False)),
        more_domains=tuple(domain_by_id[d] for d in domain_ids[1:]),
        and_words=phrase_text(phrases, "list.and"),
    )


def _rule(
    raw: Mapping[str, Any],
    level_by_id: Mapping[str, Level],
    route_by_id: Mapping[str, Route],
    contact_by_id: Mapping[str, Contact],
    timescale_by_id: Mapping[str, Timescale],
    area_by_id: Mapping[str, Area],
) -> Rule:
    return Rule(
        id=raw["id"],
        kind=raw["kind"],
        when=condition(raw["when"]),
        text=raw["text"],
        source=raw["source"],
        level=level_by_id.get(raw.get("level", "")),
        route=route_by_id.get(raw.get("route", "")),
        contacts=tuple(contact_by_id[c] for c in raw.get("contacts", ())),
        timescale=timescale_by_id.get(raw.get("timescale", "")),
        seeks_consent=bool(raw.get("seeks_consent", False)),
        describes_harm=bool(raw.get("describes_harm", False)),
        describes_immediate_risk=bool(raw.get("describes_immediate_risk", False)),
        consent_exception=bool(raw.get("consent_exception", False)),
        areas=tuple(area_by_id[a] for a in raw.get("areas", ())),
    )


def _scenario(raw: Mapping[str, Any], level_by_id: Mapping[str, Level], route_by_id: Mapping[str, Route]) -> Scenario:
    return Scenario(
        id=raw["id"],
        title=raw["title"],
        # The browser's data leaves out what only the training pages show (toolkit/publish/bundle.py).
        vignette=raw.get("vignette", ""),
        check=check_from_dict(raw["check"]),
        shows=tuple(raw["check"]["indicators"]),
        level=level_by_id[raw["expected"]["level"]],
        routes=tuple(route_by_id[r] for r in raw["expected"]["routes"]),
        decided_by=tuple(raw.get("decided_by", ())),
        teaching_points=tuple(raw.get("teaching_points", ())),
        common_mistakes=tuple(raw.get("common_mistakes", ())),
        twin_of=raw.get("twin_of"),
    )


def _framework(raw: Mapping[str, Any]) -> Framework:
    return Framework(
        name=raw["name"],
        headings=dict(raw.get("headings", {})),
        parts=tuple(_framework_part(part) for part in raw.get("parts", ())),
    )


def _framework_part(raw: Mapping[str, Any]) -> FrameworkPart:
    scale = raw.get("scale")
    return FrameworkPart(
        id=raw["id"],
        heading=raw["heading"],
        label=raw["label"],
        hint=raw.get("hint", ""),
        scale=None if scale is None else Scale(**scale),
    )


def _escalation(
    raw: Mapping[str, Any], contact_by_id: Mapping[str, Contact], timescale_by_id: Mapping[str, Timescale]
) -> Escalation:
    return Escalation(
        intro=raw["intro"],
        stages=tuple(
            EscalationStage(
                number=stage["number"],
                text=stage["text"],
                timescale=timescale_by_id.get(stage.get("timescale", "")),
                contact=contact_by_id.get(stage.get("contact", "")),
            )
            for stage in raw["stages"]
        ),
    )


def one_or_many(value: Any) -> list[Any]:
    """A field that may hold one item or a list of them (``step_down``), as a list."""
    return list(value) if isinstance(value, list) else [value]


def _case_moves(
    data: Mapping[str, Any],
    level_by_id: Mapping[str, Level],
    contact_by_id: Mapping[str, Contact],
    timescale_by_id: Mapping[str, Timescale],
    area_by_id: Mapping[str, Area],
) -> tuple[CaseMove, ...]:
    route_by_id = {route.id: route for level in level_by_id.values() for route in level.routes}
    level_of = {route.id: level for level in level_by_id.values() for route in level.routes}
    moves = []
    for section, direction in MOVE_SECTIONS:
        for raw in one_or_many(data.get(section, [])):
            across = direction == "across"
            moves.append(
                CaseMove(
                    direction=direction,
                    start=level_of[raw["from"]] if across else level_by_id[raw["from"]],
                    end=level_of[raw["to"]] if across else level_by_id[raw["to"]],
                    intro=raw["intro"],
                    next_steps=tuple(_step(s, contact_by_id, timescale_by_id, area_by_id) for s in raw["next_steps"]),
                    source=raw["source"],
                    consent=raw.get("consent"),
                    start_route=route_by_id[raw["from"]] if across else None,
                    end_route=route_by_id[raw["to"]] if across else None,
                )
            )
    return tuple(moves)


def _brag(raw: Mapping[str, Any]) -> Brag:
    return Brag(
        intro=raw["intro"],
        ratings=tuple(BragRating(colour=r["colour"], text=r["text"]) for r in raw["ratings"]),
        source=raw.get("source"),
    )


def _guidance_section(raw: Mapping[str, Any]) -> GuidanceSection:
    return GuidanceSection(
        id=raw["id"],
        title=raw["title"],
        body=raw["body"],
        include=tuple(raw.get("include", ())),
        source=raw.get("source"),
    )


def _accessibility(raw: Mapping[str, Any]) -> Accessibility:
    contact = raw.get("contact", {})
    return Accessibility(
        contact={key: contact[key] for key in ("email", "phone", "textphone", "url") if key in contact},
        prepared=raw.get("prepared", ""),
        reviewed=raw.get("reviewed", raw.get("prepared", "")),
        tested=raw.get("tested", ""),
        respond_within=raw.get("respond_within", ""),
        tested_by=raw.get("tested_by", ""),
        known_issues=tuple(
            KnownIssue(text=i["text"], criterion=i["criterion"], alternative=i.get("alternative", ""))
            for i in raw.get("known_issues", ())
        ),
        disproportionate_burden=tuple(raw.get("disproportionate_burden", ())),
        team=contact.get("team", ""),
        address=tuple(contact.get("address", ())),
    )


def _referral_question(raw: Mapping[str, Any]) -> ReferralQuestion:
    return ReferralQuestion(
        id=raw["id"],
        question=raw["question"],
        guidance=raw["guidance"],
        receives=tuple(raw.get("receives", ())),
        placeholders=tuple(raw.get("placeholders", ())),
    )


def contacts_of(raw: Any, areas: tuple[Area, ...]) -> tuple[Contact, ...]:
    """The contacts, each that differs by area holding every area's own contact."""
    plain = {
        c["id"]: Contact(
            id=c["id"],
            name=c["name"],
            when=c["when"],
            phone=c.get("phone"),
            email=c.get("email"),
            url=c.get("url"),
            hours=c.get("hours"),
            extension=c.get("extension"),
            option=c.get("option"),
            textphone=c.get("textphone"),
        )
        for c in raw
    }
    return tuple(
        replace(plain[c["id"]], by_area=tuple((a, plain[c["areas"][a.id]]) for a in areas if a.id in c["areas"]))
        if c.get("areas")
        else plain[c["id"]]
        for c in raw
    )


def indicator_domain_ids(raw: Mapping[str, Any]) -> list[str]:
    """An indicator's domain ids as the file gives them: ``domain: a``, or ``domains: [a, b]``."""
    return [raw["domain"]] if "domain" in raw else list(raw["domains"])


def from_json(text: str) -> Thresholds:
    """Load the build's JSON (already validated on the host). Used in the browser."""
    return from_dict(json.loads(text))
