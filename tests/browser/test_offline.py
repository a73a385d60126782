"""Offline, by need: a first visit caches the guidance and no engine file; after one visit to the
self-check, the checker and training mode work with no network at all too; a rebuilt site is picked
up with an "updated" notice and keeps the engine; nothing of the user's is ever cached."""

from __future__ import annotations

import json
import re
import shutil
import time
from urllib.parse import urljoin

import pytest
from conftest import ROOT
from sitebuild import serve

from toolkit.publish.bundle import engine_paths
from toolkit.publish.compress import write_precompressed
from toolkit.publish.offline import write_service_worker

from .checker_helpers import READY, cli_result_text, fill_check, wait_for_result, wait_until, write_details
from .conftest import open_search

CANARY = "CANARY-offline-7c1d"
CONTROLLED = "() => navigator.serviceWorker.controller !== null"
CACHED = """async () => {
    const out = {};
    for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        out[key] = (await cache.keys()).map(request => request.url);
    }
    return out;
}"""


def precached_files(site) -> dict:
    script = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"const PRECACHE = (\{.*?\n\});", script, re.S).group(1))


ENGINE_KEPT = """async () => {
    const keys = await caches.keys();
    const manifest = location.origin + "/assets/checker/manifest.json";
    return keys.length === 1 && Boolean(await (await caches.open(keys[0])).match(manifest));
}"""


def visit_once(context, base: str, path: str = ""):
    page = context.new_page()
    page.goto(f"{base}/{path}")
    assert wait_until(page, CONTROLLED, timeout=60), "the service worker did not take control"
    return page


def visit_the_checker(context, base: str):
    """A first visit to the self-check: the engine starts, then the service worker keeps it."""
    page = visit_once(context, base, "check/")
    page.wait_for_selector(READY, timeout=60_000)
    assert wait_until(page, ENGINE_KEPT, timeout=60), "the service worker did not keep the engine"
    return page


def test_a_first_visit_to_a_guidance_page_fetches_and_caches_no_engine_file(offline_capable_context, medway_site):
    requested: list[str] = []
    with serve(medway_site.directory, on_request=requested.append) as base:
        page = visit_once(offline_capable_context, base, "contacts/")
        precache = precached_files(medway_site.directory)
        cached = page.evaluate(CACHED)
    assert page.inner_text("h1") == "Who to contact"
    assert list(cached) == [f"levels-of-need-{precache['version']}@/"]
    assert sorted(next(iter(cached.values()))) == sorted(f"{base}/{p.removeprefix('./')}" for p in precache["files"])
    engine = {f"/{path}" for path in engine_paths(medway_site.directory)}
    assert "/assets/checker/pyodide/pyodide.asm.wasm" in engine
    assert "/contacts/" in requested and "/sw.js" in requested  # the service worker installed from here
    assert not engine & set(requested), sorted(engine & set(requested))
    # Under assets/checker/, only the checker pages' own scripts (a few kilobytes, and what shows the
    # fallback when the engine is missing offline).
    scripts = {f"/assets/checker/{name}" for name in ("check.js", "engine.js", "practice.js", "presenter.js")}
    assert {path for path in requested if path.startswith("/assets/checker/")} <= scripts


@pytest.mark.parametrize("compress", [True, False], ids=["precompressed-copies", "host-compresses-nothing"])
def test_a_first_visit_to_the_checker_downloads_each_engine_file_once_the_offline_copy_included(
    offline_capable_context, medway_site, compress
):
    # Every request from every context (the page, the checker's worker, the service worker), as the
    # server answers it: a 200 sends the file, a 304 only confirms the browser's copy.
    answered: list[tuple[str, int]] = []

    def heard(path: str, status: int) -> None:
        answered.append((path, status))

    with serve(medway_site.directory, compress=compress, on_response=heard) as base:
        page = visit_the_checker(offline_capable_context, base)
        kept = page.evaluate(CACHED)
    engine = {f"/{path}" for path in engine_paths(medway_site.directory)}
    downloads = {path: sum(1 for p, status in answered if p == path and status == 200) for path in engine}
    assert page.get_attribute("#lon-check", "data-engine") == "ready"
    assert all(f"{base}{path}" in next(iter(kept.values())) for path in engine), "the engine was not kept"
    assert {path: count for path, count in downloads.items() if count != 1} == {}, answered


# What the page's contexts ask for on their own schedule, which "load" does not wait for: the site
# search's worker's scripts (finds.js and forgiving.js, then the theme's search script, one after the
# other) and the theme's fetch of the search index. A device slow to ask for them and a server slow to
# send them must not make the service worker, installing beside them, download one a second time.
LATE_FILES = {
    re.compile(r"^/assets/search/(finds|forgiving)\.js$"): 1,
    re.compile(r"^/assets/javascripts/workers/search\.[^/]+\.js$"): 3,
    re.compile(r"^/search/search_index\.json$"): 3,
}


def slow_late_files(path: str) -> None:
    time.sleep(next((seconds for pattern, seconds in LATE_FILES.items() if pattern.match(path)), 0))


@pytest.mark.parametrize(
    ("path", "on_request"),
    [("check/", None), ("contacts/", None), ("contacts/", slow_late_files)],
    ids=["check/", "contacts/", "contacts/-late-files-slow"],
)
def test_a_first_visit_asks_the_server_for_each_file_once_in_every_context(
    offline_capable_context, medway_site, path, on_request
):
    # Issue 28: what the page has downloaded, the service worker takes from the browser's HTTP cache (no
    # second download, no revalidation), and the guidance's pages come in one file, not one by one.
    answered: list[tuple[str, int]] = []
    with serve(
        medway_site.directory, on_request=on_request, on_response=lambda p, status: answered.append((p, status))
    ) as base:
        if path == "check/":
            page = visit_the_checker(offline_capable_context, base)
        else:
            page = visit_once(offline_capable_context, base, path)
        cached = next(iter(page.evaluate(CACHED).values()))
    precache = precached_files(medway_site.directory)
    # The tab's icon is the browser's own request, made on its own schedule around the page's load, and
    # not through the page: the service worker can find it not yet in the HTTP cache (a couple of kB).
    icon = re.search(r'<link rel="icon" href="([^"]+)"', (medway_site.directory / path / "index.html").read_text())
    icon_path = urljoin(f"/{path}", icon.group(1)) if icon else None
    asked = [p for p, _ in answered]
    assert {p: asked.count(p) for p in asked if asked.count(p) > (2 if p == icon_path else 1)} == {}, answered
    assert [p for p, status in answered if status != 200] == [], answered
    pages = {f"/{p.removeprefix('./')}" for p in precache["files"] if p.endswith(("/", ".html"))}
    assert set(asked) & pages == {f"/{path}"}  # the page itself; every other came in the file of pages
    assert f"/{precache['pages']}" in asked
    assert {f"{base}/{p.removeprefix('./')}" for p in precache["files"]} <= set(cached)


def test_after_one_visit_to_the_checker_everything_works_offline_and_nothing_of_the_users_is_cached(
    offline_capable_context, medway_site, medway_url, thresholds
):
    context = offline_capable_context
    page = visit_the_checker(context, medway_url)
    precache = precached_files(medway_site.directory)
    cached = page.evaluate(CACHED)
    assert list(cached) == [f"levels-of-need-{precache['version']}@/"]
    expected_urls = sorted(f"{medway_url}/{path.removeprefix('./')}" for path in precache["files"] + precache["engine"])
    assert sorted(next(iter(cached.values()))) == expected_urls

    context.set_offline(True)
    # A full check, the engine loading from the cache.
    page.goto(f"{medway_url}/check/")
    page.wait_for_selector(f"{READY}, form[data-engine=failed]", timeout=60_000)
    assert page.get_attribute("#lon-check", "data-engine") == "ready", page.inner_text("#lon-status")
    check = {"indicators": ["l2-domestic-abuse"], "age": 0, "answers": {"immediate_risk": "no", "consent": "given"}}
    fill_check(page, check)
    expected = cli_result_text(check)
    assert wait_for_result(page, expected) == expected
    write_details(page)
    page.fill("#detail-worry", CANARY)
    assert wait_until(page, "(canary) => document.getElementById('lon-summary').value.includes(canary)", CANARY)

    # Three guidance pages.
    for path, heading in (
        ("levels/statutory/", thresholds.level("statutory").label),
        ("contacts/", "Who to contact"),
        ("escalation/", "Escalation"),
    ):
        page.goto(f"{medway_url}/{path}")
        assert heading in page.inner_text("h1")

    # A training scenario, revealed and debriefed by the checker.
    page.goto(f"{medway_url}/training/practice/#immediate-risk")
    page.wait_for_selector("#lon-practice[data-engine=ready]", timeout=60_000)
    page.check("#committed-universal")
    page.click("#lon-reveal")
    assert wait_until(page, "() => document.querySelectorAll('#lon-differences li[data-kind=commit]').length === 1")

    # Search works offline too (its index and worker are cached).
    page.goto(f"{medway_url}/")
    open_search(page)
    page.keyboard.type("bruising")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)

    # Only the build's own files are cached: not one entry more, and none holds the canary.
    # (in any order: a file the page hands over again is put again)
    assert {key: sorted(urls) for key, urls in page.evaluate(CACHED).items()} == {
        key: sorted(urls) for key, urls in cached.items()
    }
    bodies = page.evaluate(
        """async (canary) => {
            const found = [];
            for (const key of await caches.keys()) {
                const cache = await caches.open(key);
                for (const request of await cache.keys()) {
                    const text = await (await cache.match(request)).text();
                    if (request.url.includes(canary) || text.includes(canary)) found.push(request.url);
                }
            }
            return found;
        }""",
        CANARY,
    )
    assert bodies == []
    # The theme keeps its own settings in localStorage; none of the user's words may be there.
    stored = page.evaluate("JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage}) + document.cookie")
    assert CANARY not in stored
    assert page.evaluate("[sessionStorage.length, document.cookie]") == [0, ""]


def test_a_rebuilt_site_is_picked_up_and_the_update_notice_shown(offline_capable_context, medway_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(medway_site.directory, site)
    with serve(site) as base:
        visit_the_checker(offline_capable_context, base)
        page = visit_once(offline_capable_context, base, "contacts/")
        assert page.is_hidden("#lon-updated")
        old = precached_files(site)["version"]

        # A new version: one page changed, and the service worker rebuilt from the files.
        contacts = site / "contacts" / "index.html"
        contacts.write_text(
            contacts.read_text(encoding="utf-8").replace("</h1>", "</h1><p id='new-version'>New version</p>", 1),
            encoding="utf-8",
        )
        new = write_service_worker(site)["version"]
        write_precompressed(site, ROOT / "build" / "compressed")  # as the build does last: no stale copies
        assert new != old

        page.reload()
        page.wait_for_selector("#lon-updated", timeout=60_000)
        assert page.inner_text("#lon-updated-title") == "This guidance has been updated"
        assert page.get_attribute("#lon-updated", "role") == "region"
        # The old version's cache goes once the new worker has finished activating; the new one has
        # kept the engine, because this device had it.
        assert wait_until(
            page,
            "async (name) => JSON.stringify(await caches.keys()) === JSON.stringify([name])",
            f"levels-of-need-{new}@/",
        )
        assert wait_until(page, ENGINE_KEPT)

        page.click("#lon-updated button")
        page.wait_for_selector("#new-version", timeout=15_000)
        assert page.is_hidden("#lon-updated")


def test_the_privacy_pages_button_keeps_the_checker_for_offline_use(offline_capable_context, medway_url):
    context = offline_capable_context
    page = visit_once(context, medway_url, "privacy/")
    assert not page.evaluate(ENGINE_KEPT)  # a guidance page alone keeps no engine
    page.click("text=Keep the self-check for offline use")
    page.wait_for_selector("#lon-keep-engine-status:has-text('with no connection')", timeout=60_000)
    assert page.inner_text("#lon-keep-engine-status") == "The self-check now works on this device with no connection."
    assert page.evaluate(ENGINE_KEPT)

    context.set_offline(True)
    page.goto(f"{medway_url}/check/")
    page.wait_for_selector(f"{READY}, form[data-engine=failed]", timeout=60_000)
    assert page.get_attribute("#lon-check", "data-engine") == "ready", page.inner_text("#lon-status")
