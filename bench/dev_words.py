"""Issue 26, for development: the check's filter's share on a list of everyday words
(tests/fixtures/dev-words.yml by default) with its misses, in-process in a second or so.

`python bench/dev_words.py` prints the development list's share and misses; `--held-out` prints only
the held-out list's aggregate share (its phrases and misses are never printed: it is the measure).
`--search` measures the site's search instead, in Chromium, on the site built in site/ (`make build`)."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import words_share

DEV = words_share.ROOT / "tests" / "fixtures" / "dev-words.yml"


def search_share(t: words_share.Thresholds, fixture: list[dict]) -> tuple[int, int, list[str]]:
    from playwright.sync_api import sync_playwright
    from run import CHROMIUM, CHROMIUM_ARGS, counted_server

    site = words_share.ROOT / "site"
    with sync_playwright() as playwright, counted_server(site) as (base, _):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(service_workers="block").new_page()
        page.goto(f"{base}/", wait_until="networkidle")  # the search index has arrived
        page.keyboard.press("/")
        return words_share.search_share(page, site, t, fixture)


def main() -> None:
    t = words_share.load_thresholds()
    held_out = "--held-out" in sys.argv
    fixture = words_share.load_fixture() if held_out else yaml.safe_load(DEV.read_text(encoding="utf-8"))
    where = "the site's search" if "--search" in sys.argv else "check's filter"
    measure = search_share if "--search" in sys.argv else words_share.filter_share
    right, counted, misses = measure(t, fixture)
    print(f"{'held-out' if held_out else 'dev'} list, {where}: {right}/{counted} = {right / counted:.1%}")
    if held_out:
        return
    for phrase in misses:
        shown = words_share.filter_results(t, phrase)[:5] if "--search" not in sys.argv else ""
        print(f"  miss: {phrase!r} {shown}")


if __name__ == "__main__":
    main()
