"""`validate`'s warning where an indicator's or a rule's words name an age that its age band does not cover.

A worry written "16/17 year old presenting as homeless" with no age band is accepted for a child of 3
without a word; a rule written "under the age of 13" without ``when: age`` holds at any age. The words
are the partnership's, so this is a warning (the file stays valid): the band is for the partnership to give.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from levels_of_need.model import AgeBand, Thresholds, given_age
from levels_of_need.present import age_band

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_N = r"(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"
TEENAGE = (13, 19)  # a teenager's years, both included

# Words that say every age is meant ("and all children of other ages"): the ages named are examples.
EVERY_AGE = re.compile(r"\b(other|all|any) ages?\b", re.IGNORECASE)


@dataclass(frozen=True)
class NamedAges:
    """The ages some words name: whole years, and whether they name an unborn child."""

    years: frozenset[int]
    unborn: bool
    said: tuple[str, ...]  # the words that name them, as written
    months: frozenset[int] = frozenset()  # a baby's months of age ("under 6 months": 0 to 5)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def named_ages(text: str, youngest: int, oldest: int) -> NamedAges | None:
    """The ages these words name, or None where they name none (or say every age is meant)."""
    if EVERY_AGE.search(text):
        return None
    years: set[int] = set()
    said: list[str] = []
    patterns: list[tuple[str, Any]] = [
        (rf"\b{_N}\s*(?:/|or|and)\s*{_N}\s*-?\s*years?\s*-?\s*olds?\b", lambda m: {_number(m[1]), _number(m[2])}),
        (
            rf"\b(?:aged\s+)?{_N}\s+(?:years?\s+)?(?:or|and)\s+(?:over|above|older)\b",
            lambda m: range(_number(m[1]), oldest + 1),
        ),
        (rf"\bunder\s+(?:the\s+age\s+of\s+)?{_N}\b", lambda m: range(youngest, _number(m[1]))),
        (rf"\b{_N}\s*-?\s*years?\s*-?\s*olds?\b", lambda m: {_number(m[1])}),
        (r"\bteenage(?:rs?)?\b|\bteens?\b", lambda m: range(max(TEENAGE[0], youngest), min(TEENAGE[1], oldest) + 1)),
    ]
    months, rest = _named_months(text, said)
    for pattern, ages in patterns:
        for match in re.finditer(pattern, rest, re.IGNORECASE):
            years |= set(ages(match))
            said.append(match[0])
        rest = re.sub(pattern, " ", rest, flags=re.IGNORECASE)  # "16/17 year old" is not also "17 year old"
    unborn = re.search(r"\bunborn\b", text, re.IGNORECASE)
    if unborn:
        said.append(unborn[0])
    if not years and not unborn and not months:
        return None
    return NamedAges(frozenset(years), bool(unborn), tuple(said), frozenset(months))


# A baby's months: "under 6 months", "6 months old", "a 6-month-old". Read before years, so that "under 6
# months" is never "under 6" years.
_MONTH_PATTERNS: list[tuple[str, Any]] = [
    (rf"\bunder\s+(?:the\s+age\s+of\s+)?{_N}\s*months?\b", lambda m: range(_number(m[1]))),
    (rf"\b{_N}\s*-?\s*months?(?:\s*-?\s*olds?)?\b", lambda m: {_number(m[1])}),
]


def _named_months(text: str, said: list[str]) -> tuple[set[int], str]:
    """The months of age these words name (each phrase added to ``said``), and the words without them."""
    months: set[int] = set()
    for pattern, ages in _MONTH_PATTERNS:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            months |= set(ages(match))
            said.append(match[0])
        text = re.sub(pattern, " ", text, flags=re.IGNORECASE)
    return months, text


def _uncovered(named: NamedAges, band: AgeBand | None) -> list[str]:
    """What the words name that the band does not cover (every age named, where there is no band). A year
    named is covered where the band holds any month of it ("a baby under 1" by a band under 6 months)."""
    if band is None:
        return list(named.said)
    below = band.below_month if band.below_month is not None else 10**6

    def holds(first: int, last: int) -> bool:
        return band.has_ages and band.from_month <= last and first < below

    missing = [f"age {y}" for y in sorted(named.years) if not holds(12 * y, 12 * y + 11)]
    missing += [f"age {given_age(0, m)}" for m in sorted(named.months) if not holds(m, m)]
    if named.unborn and not band.unborn:
        missing.append("unborn")
    return missing


def age_band_warnings(thresholds: Thresholds) -> Iterator[str]:
    """One warning per indicator or rule whose words name an age its band (``age``, or a rule's
    ``when: age``) does not cover."""
    youngest, oldest = thresholds.age_range.youngest, thresholds.age_range.oldest
    items: list[tuple[str, str, AgeBand | None, str]] = [
        (f"indicators[{i.id}]", i.text, i.age, "age") for i in thresholds.indicators
    ]
    items += [(f"rules[{r.id}]", r.text, r.when.age, "when: age") for r in thresholds.rules if r.kind != "advise"]
    for where, text, band, field in items:
        named = named_ages(text, youngest, oldest)
        if named is None:
            continue
        missing = _uncovered(named, band)
        if not missing:
            continue
        words = ", ".join(f"“{w}”" for w in named.said)
        if band is None:
            yield f"{where}: its words name an age ({words}) but it has no age band ({field}): give the band they name"
        else:
            yield (
                f"{where}: its words name an age ({words}) that its age band ({field}: {age_band(band)}) does not "
                f"cover ({', '.join(missing)})"
            )
