"""The share of the independent everyday-words list (tests/fixtures/everyday-words.yml) for which the
self-check's filter shows a right indicator among its first five worries (issue 26.5).

The filter's answer is computed as the page computes it (check.js, filterWorries): each typed word is
compared by levels_of_need.model.filter_finds, words that find nothing are left aside, and the worries
having all the others are shown, or, where none has all, those having any; in the page's order. A
browser test holds the page's comparison to the core's. Strengths are not worries the filter shows:
phrases only a strength answers are counted apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "core"))
from levels_of_need.model import Thresholds, filter_finds, from_dict  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "everyday-words.yml"


def filter_results(t: Thresholds, phrase: str) -> list[str]:
    """The worries the filter shows for the phrase, in the check page's order (domain by domain)."""
    worries = [i for d in t.domains for i in t.indicators if not i.is_strength and i.domain.id == d.id]
    words = phrase.split()
    useful = [w for w in words if any(filter_finds(w, i.search_terms) for i in worries)]
    if not useful:
        return []
    having_all = [i for i in worries if all(filter_finds(w, i.search_terms) for w in useful)]
    shown = having_all or [i for i in worries if any(filter_finds(w, i.search_terms) for w in useful)]
    return [i.id for i in shown]


def filter_share(t: Thresholds, fixture: list[dict], top: int = 5) -> tuple[int, int, list[str]]:
    """(right, counted, misses) over the phrases that name at least one worry (not only strengths)."""
    strengths = {i.id for i in t.indicators if i.is_strength}
    right, counted, misses = 0, 0, []
    for item in fixture:
        finds = set(item["finds"]) - strengths
        if not finds:
            continue
        counted += 1
        if finds & set(filter_results(t, item["phrase"])[:top]):
            right += 1
        else:
            misses.append(item["phrase"])
    return right, counted, misses


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
