"""Python starts from the build's memory snapshot, and falls back to a plain load when it is broken."""

from __future__ import annotations

import gzip
import hashlib
import os

import pytest

from .checker_helpers import cli_result_text, fill_check, open_checker, wait_for_result

CHECK = {
    "indicators": ["l2-domestic-abuse", "l1-housed"],
    "age": 0,
    "answers": {"immediate_risk": "no", "consent": "refused"},
}
GARBAGE = os.urandom(1 << 20)
PACKED_GARBAGE = gzip.compress(GARBAGE)


def test_python_starts_from_the_snapshot_without_loading_the_data_file(strict_context, medway_url):
    requested: list[str] = []
    strict_context.on("request", lambda request: requested.append(request.url))
    page = strict_context.new_page()
    open_checker(page, medway_url)
    assert page.get_attribute("#lon-check", "data-started") == "snapshot"
    assert any(url.endswith("/assets/checker/snapshot.bin.gz") for url in requested)
    assert not any(url.endswith("/assets/checker/thresholds.json") for url in requested)
    fill_check(page, CHECK)
    expected = cli_result_text(CHECK)
    assert wait_for_result(page, expected) == expected


def break_snapshot(context, how: str) -> None:
    if how == "missing":
        context.route("**/assets/checker/snapshot.bin.gz", lambda route: route.fulfill(status=404, body="gone"))
    elif how == "corrupt":
        context.route("**/assets/checker/snapshot.bin.gz", lambda route: route.fulfill(status=200, body=GARBAGE))
    elif how == "not-a-snapshot":
        # Valid gzip whose digest the manifest vouches for, but not Python's memory: loadPyodide must fail.
        def vouch(route):
            manifest = route.fetch().json()
            manifest["snapshot_sha256"] = hashlib.sha256(PACKED_GARBAGE).hexdigest()
            route.fulfill(status=200, json=manifest)

        context.route("**/assets/checker/manifest.json", vouch)
        context.route("**/assets/checker/snapshot.bin.gz", lambda route: route.fulfill(status=200, body=PACKED_GARBAGE))


@pytest.mark.parametrize("how", ["missing", "corrupt", "not-a-snapshot"])
def test_a_broken_snapshot_falls_back_to_a_plain_load_and_the_check_works(strict_context, medway_url, how):
    break_snapshot(strict_context, how)
    warnings: list[str] = []
    page = strict_context.new_page()
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    open_checker(page, medway_url)
    assert page.get_attribute("#lon-check", "data-started") == "plain"
    assert page.get_attribute("#lon-check", "data-network-locked") == "true"
    assert any("memory snapshot could not be used" in text for text in warnings), warnings
    fill_check(page, CHECK)
    expected = cli_result_text(CHECK)
    assert wait_for_result(page, expected) == expected
