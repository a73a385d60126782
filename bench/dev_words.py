"""Issue 26, for development: the check's filter's share on a list of everyday words
(tests/fixtures/dev-words.yml by default) with its misses, in-process in a second or so.

`python bench/dev_words.py` prints the development list's share and misses; `--held-out` prints only
the held-out list's aggregate share (its phrases and misses are never printed: it is the measure)."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import words_share

DEV = words_share.ROOT / "tests" / "fixtures" / "dev-words.yml"


def main() -> None:
    t = words_share.load_thresholds()
    if "--held-out" in sys.argv:
        right, counted, _ = words_share.filter_share(t, words_share.load_fixture())
        print(f"held-out list, check's filter: {right}/{counted} = {right / counted:.1%}")
        return
    fixture = yaml.safe_load(DEV.read_text(encoding="utf-8"))
    right, counted, misses = words_share.filter_share(t, fixture)
    print(f"dev list, check's filter: {right}/{counted} = {right / counted:.1%}")
    for phrase in misses:
        shown = words_share.filter_results(t, phrase)[:5]
        print(f"  miss: {phrase!r} -> {shown}")


if __name__ == "__main__":
    main()
