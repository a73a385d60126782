"""No engine file downloaded twice (issue 28), however a visit begins: in one visit, every request from
every context (the page, its workers, the service worker) reaches the server at most once per engine
file with a 200 (a 304 only confirms the browser's copy), and the engine ends kept where the visit keeps
it. tests/browser/test_offline.py covers a first visit that starts at /check/ and at /contacts/; these
are the other ways in: training practice, a guidance page then the checker, the privacy page's button,
a reload once kept, a second language's checker (and then the root's), a new version of the
thresholds file, and two tabs at once (a first visit, a service worker installing, one in control).
A page uses a copy this origin keeps in Cache Storage only if it is this build's, and a page without
Web Locks or Cache Storage still starts the checker."""

from __future__ import annotations

import posixpath
import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import THRESHOLDS_FILE
from sitebuild import build_site, serve

from toolkit.publish.bundle import engine_paths

from .checker_helpers import READY, wait_until
from .test_languages import shared_welsh_site
from .test_offline import CACHED, CONTROLLED, ENGINE_KEPT, precached_files, visit_once, visit_the_checker

# What the service worker answers a page that asks it to keep the engine (web/service-worker.js), heard by
# the page from its first script on: the wait for the offline copy to be made is a wait on its answer.
HEAR_ANSWERS = """window.__lonAnswers = [];
if (navigator.serviceWorker) {
  const heard = (event) => window.__lonAnswers.push(event.data && event.data.kind);
  navigator.serviceWorker.addEventListener("message", heard);
}"""
ANSWERED_KEPT = "() => window.__lonAnswers.includes('engine-kept')"
PRACTICE_READY = "#lon-practice[data-engine=ready]"
# As test_offline.py's first visit: a host that compresses nothing sends the 9.6 MB wasm whole, which
# Chromium's in-memory HTTP cache does not hold.
COMPRESS = pytest.mark.parametrize("compress", [True, False], ids=["precompressed-copies", "host-compresses-nothing"])


class Server:
    """The server's own log of one visit: each request's path and the status it was answered with."""

    def __init__(self) -> None:
        self.answered: list[tuple[str, int]] = []

    def __call__(self, path: str, status: int) -> None:
        self.answered.append((path, status))

    def trail(self, since: int = 0) -> str:
        """The visit as the server saw it, for a failure's message: each page, service worker and file of
        the checker (and the list a checker's page keeps them by), in order (a page's files come before its
        sw.js, which it registers once settled)."""
        return "; ".join(
            f"{path} {status}"
            for path, status in self.answered[since:]
            if path.endswith(("/", "sw.js", "/assets/offline/engine.json")) or "/assets/checker/" in path
        )

    def downloads(self, since: int = 0) -> Counter:
        """How often each path was sent whole (a 200), from the ``since``-th answer on."""
        return Counter(path for path, status in self.answered[since:] if status == 200)


@contextmanager
def heard_visit(site: Path, compress: bool = True, on_request=None) -> Iterator[tuple[Server, str]]:
    """The site served (``compress``: its precompressed copies sent; ``on_request``: serve()'s), and the
    server's log of the visit."""
    server = Server()
    with serve(site, compress=compress, on_request=on_request, on_response=server) as base:
        yield server, base


def engine_urls(site, under: str = "/") -> set[str]:
    """The engine's files as the server sees their paths; a language's site names the root's runtime."""
    return {posixpath.normpath(f"{under}{path}") for path in engine_paths(site)}


def twice(server: Server, engine: set[str], since: int = 0) -> dict[str, int]:
    counts = server.downloads(since)
    return {path: counts[path] for path in sorted(engine) if counts[path] > 1}


def kept_by(page, base: str, scope: str, engine: set[str]) -> set[str]:
    """The engine's files that the service worker of ``scope`` has not kept."""
    caches = page.evaluate(CACHED)
    held = {url for key, urls in caches.items() if key.endswith(f"@{scope}") for url in urls}
    return {path for path in engine if f"{base}{path}" not in held}


def a_guidance_page_first(context, base: str, server: Server, site) -> tuple:
    """A first visit to a guidance page: its service worker installed and in control, and not one file of the
    engine downloaded. The page, and the engine's files."""
    page = visit_once(context, base, "contacts/")
    engine = engine_urls(site)
    assert not engine & set(server.downloads())
    return page, engine


def started_and_kept(page, ready: str = READY) -> None:
    """The page's engine started (``ready``: the check's, or another page's), and the service worker has
    answered the page's request to keep it."""
    page.wait_for_selector(ready, timeout=60_000)
    assert wait_until(page, ANSWERED_KEPT, timeout=60), page.evaluate("window.__lonAnswers")


def checker_kept(page, base: str, engine: set[str]) -> None:
    """The checker's page started its engine, and the service worker of the root has kept every file of it."""
    started_and_kept(page)
    assert page.evaluate(ENGINE_KEPT)
    assert kept_by(page, base, "/", engine) == set()


def assert_each_sent_once(server: Server, engine: set[str]) -> None:
    """Every file of ``engine`` was sent whole exactly once in the visit: none twice, none missing."""
    assert twice(server, engine) == {}, server.trail()
    assert {path for path in engine if server.downloads()[path] != 1} == set(), server.trail()


@pytest.fixture
def hearing_context(offline_capable_context):
    offline_capable_context.add_init_script(HEAR_ANSWERS)
    return offline_capable_context


@COMPRESS
def test_a_first_visit_to_training_practice_downloads_each_engine_file_once(hearing_context, medway_site, compress):
    with heard_visit(medway_site.directory, compress=compress) as (server, base):
        page = visit_once(hearing_context, base, "training/practice/")
        page.wait_for_selector(PRACTICE_READY, timeout=60_000)
        assert wait_until(page, ENGINE_KEPT, timeout=60), "the service worker did not keep the engine"
        engine = engine_urls(medway_site.directory)
        assert kept_by(page, base, "/", engine) == set()
    assert_each_sent_once(server, engine)


@COMPRESS
def test_a_visit_that_begins_at_a_guidance_page_then_opens_the_checker_downloads_each_engine_file_once(
    hearing_context, medway_site, compress
):
    with heard_visit(medway_site.directory, compress=compress) as (server, base):
        page, engine = a_guidance_page_first(hearing_context, base, server, medway_site.directory)
        page.goto(f"{base}/check/")  # the same tab
        checker_kept(page, base, engine)
    assert_each_sent_once(server, engine)


def test_the_privacy_pages_button_then_the_checker_and_its_reload_download_each_engine_file_once(
    hearing_context, medway_site
):
    with heard_visit(medway_site.directory) as (server, base):
        page = visit_once(hearing_context, base, "privacy/")
        page.click("[data-lon-keep-engine]")
        page.wait_for_selector("#lon-keep-engine-status:has-text('with no connection')", timeout=60_000)
        assert page.evaluate(ENGINE_KEPT)
        engine = engine_urls(medway_site.directory)
        assert {path for path in engine if server.downloads()[path] != 1} == set(), server.trail()
        kept = len(server.answered)
        for arrive in (lambda: page.goto(f"{base}/check/"), page.reload):
            arrive()
            started_and_kept(page)  # the checker page asks again to keep what it ran: answered from what is kept
        assert kept_by(page, base, "/", engine) == set()
    assert twice(server, engine) == {}, server.trail()
    assert engine & set(server.downloads(kept)) == set(), server.trail(kept)


def switch_to_checker(page, base: str, scope: str, urls: set[str]) -> None:
    """The language switch, in the same tab, to the checker of the site at ``scope``: it starts, its own
    service worker takes control and answers that it has kept the engine, and every engine file is kept."""
    page.goto(f"{base}{scope}check/")
    page.wait_for_selector(READY, timeout=60_000)
    assert wait_until(page, CONTROLLED, timeout=60), f"the service worker of {scope} did not take control"
    assert wait_until(page, ANSWERED_KEPT, timeout=60), page.evaluate("window.__lonAnswers")
    assert kept_by(page, base, scope, urls) == set()


@COMPRESS
def test_a_second_languages_checker_then_the_roots_download_each_engine_file_once(
    hearing_context, welsh_site, compress
):
    site = welsh_site
    welsh = engine_urls(site / "cy", "/cy/")
    english = engine_urls(site)
    runtime = {path for path in english if "/pyodide/" in path}
    assert runtime <= welsh  # /cy/check/ runs the root's Pyodide
    with heard_visit(site, compress=compress) as (server, base):
        page = visit_once(hearing_context, base, "cy/check/")
        started_and_kept(page)
        assert kept_by(page, base, "/cy/", welsh) == set()
        assert_each_sent_once(server, welsh)

        # The language switch, to the root's checker in the same tab: its own service worker, its own data,
        # the runtime already on this device.
        switch_to_checker(page, base, "/", english)
    assert twice(server, welsh | english) == {}, server.trail()


@COMPRESS
def test_the_roots_checker_then_a_second_languages_download_each_engine_file_once(
    hearing_context, welsh_site, compress
):
    site = welsh_site
    welsh = engine_urls(site / "cy", "/cy/")
    english = engine_urls(site)
    with heard_visit(site, compress=compress) as (server, base):
        page = visit_the_checker(hearing_context, base)
        assert kept_by(page, base, "/", english) == set()
        assert {path for path in english if server.downloads()[path] != 1} == set(), server.trail()

        # The language switch, to the Welsh checker in the same tab: the root's runtime already kept.
        switch_to_checker(page, base, "/cy/", welsh)
    assert twice(server, welsh | english) == {}, server.trail()


@pytest.fixture(scope="module")
def welsh_site(tmp_path_factory):
    """docs/format.md's worked example, English and Welsh (test_languages.py builds it so)."""
    return shared_welsh_site(tmp_path_factory) / "site"


@pytest.fixture(scope="module")
def new_thresholds_version(tmp_path_factory, site_engine):
    """The site built again from thresholds.yml with one change: its version (the data, so the engine's
    thresholds.json, python.zip and manifest.json, changes; Pyodide and the worker do not)."""
    folder = tmp_path_factory.mktemp("new-version")
    text = THRESHOLDS_FILE.read_text(encoding="utf-8")
    assert text.count('  version: "1.0"\n') == 1
    changed = folder / "thresholds.yml"
    changed.write_text(text.replace('  version: "1.0"\n', '  version: "1.1"\n'), encoding="utf-8")
    return build_site(changed, folder / "build", site_engine).directory


def test_a_new_version_of_the_thresholds_downloads_only_its_changed_engine_files_once(
    hearing_context, medway_site, new_thresholds_version, tmp_path
):
    site = tmp_path / "site"
    shutil.copytree(medway_site.directory, site)
    engine = engine_urls(site)
    assert engine == engine_urls(new_thresholds_version)
    changed = {
        path for path in engine if (site / path[1:]).read_bytes() != (new_thresholds_version / path[1:]).read_bytes()
    }
    # The data changed, and the manifest that sizes it; the runtime and the worker did not.
    assert {"/assets/checker/manifest.json", "/assets/checker/thresholds.json"} <= changed
    assert not {path for path in changed if "/pyodide/" in path or path.endswith(".mjs")}, changed
    with heard_visit(site) as (server, base):
        page = visit_the_checker(hearing_context, base)
        assert twice(server, engine) == {}, server.trail()
        old = precached_files(site)["version"]

        # The new version published while the tab is open, as a host swaps one build for the next.
        shutil.rmtree(site)
        shutil.copytree(new_thresholds_version, site)
        new = precached_files(site)["version"]
        assert new != old
        published = len(server.answered)
        page.reload()
        page.wait_for_selector("#lon-updated", timeout=60_000)
        assert wait_until(
            page,
            "async (name) => JSON.stringify(await caches.keys()) === JSON.stringify([name])",
            f"levels-of-need-{new}@/",
            timeout=60,
        )
        assert wait_until(page, ENGINE_KEPT, timeout=60), "the new version did not keep the engine"
        page.click("#lon-updated button")
        started_and_kept(page)
        assert kept_by(page, base, "/", engine) == set()
        assert page.get_attribute("#lon-check", "data-engine") == "ready"
    after = server.downloads(published)
    assert twice(server, engine, published) == {}, server.trail(published)
    assert {path for path in engine if after[path]} == changed, server.trail(published)


@COMPRESS
def test_the_checker_and_training_practice_opened_together_on_a_first_visit_download_each_engine_file_once(
    hearing_context, medway_site, compress
):
    # Two tabs of one first visit, each starting the engine while the other does (a link opened in a new
    # tab): neither controlled yet, both downloading.
    with heard_visit(medway_site.directory, compress=compress) as (server, base):
        check, practice = hearing_context.new_page(), hearing_context.new_page()
        check.goto(f"{base}/check/", wait_until="commit")
        practice.goto(f"{base}/training/practice/", wait_until="commit")
        for page, ready in ((check, READY), (practice, PRACTICE_READY)):
            started_and_kept(page, ready)
        engine = engine_urls(medway_site.directory)
        assert kept_by(check, base, "/", engine) == set()
    assert twice(server, engine) == {}, server.trail()


@COMPRESS
def test_the_checker_opened_while_a_guidance_pages_service_worker_installs_downloads_each_engine_file_once(
    hearing_context, medway_site, compress
):
    # A guidance page in one tab, whose service worker is still installing (the guidance's files), and the
    # checker in another: the checker's page keeps the wasm in the very cache the service worker is filling.
    with heard_visit(medway_site.directory, compress=compress) as (server, base):
        guidance, check = hearing_context.new_page(), hearing_context.new_page()
        guidance.goto(f"{base}/contacts/")
        check.goto(f"{base}/check/", wait_until="commit")
        engine = engine_urls(medway_site.directory)
        checker_kept(check, base, engine)
    assert_each_sent_once(server, engine)


@COMPRESS
def test_the_checker_and_training_practice_opened_together_once_the_guidance_is_kept_download_each_engine_file_once(
    hearing_context, medway_site, compress
):
    # The service worker in control (a guidance page came first), the engine not yet kept: two tabs start it at
    # once, and the service worker passes both pages' requests to the server. One downloads; the other waits.
    with heard_visit(medway_site.directory, compress=compress) as (server, base):
        _, engine = a_guidance_page_first(hearing_context, base, server, medway_site.directory)
        check, practice = hearing_context.new_page(), hearing_context.new_page()
        check.goto(f"{base}/check/", wait_until="commit")
        practice.goto(f"{base}/training/practice/", wait_until="commit")
        check.wait_for_selector(READY, timeout=60_000)
        practice.wait_for_selector(PRACTICE_READY, timeout=60_000)
        for page in (check, practice):
            assert page.evaluate(CONTROLLED)
            assert wait_until(page, ANSWERED_KEPT, timeout=60), page.evaluate("window.__lonAnswers")
        assert kept_by(check, base, "/", engine) == set()
    assert_each_sent_once(server, engine)


# Another build's wasm left in this origin's Cache Storage by an older version of the site: a module that
# compiles (the 8 bytes of an empty one), so a page that took it would start no Python at all.
STALE_WASM = """async ([name, url]) => {
    const empty = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
    await (await caches.open(name)).put(url, new Response(empty, {headers: {"content-type": "application/wasm"}}));
}"""
KEPT_BYTES = """async (url) => {
    const found = await caches.match(url);
    return found ? (await found.arrayBuffer()).byteLength : null;
}"""


def test_a_copy_of_another_builds_wasm_kept_on_the_device_is_never_used(hearing_context, medway_site):
    site = medway_site.directory
    wasm = "/assets/checker/pyodide/pyodide.asm.wasm"
    with heard_visit(site) as (server, base):
        # On this origin, before any page of the site: a file with no script, where Cache Storage can be reached.
        blank = hearing_context.new_page()
        blank.goto(f"{base}/assets/checker/manifest.json")
        old = "levels-of-need-0000000000000000@/"  # an older version's cache, as its service worker names it
        blank.evaluate(STALE_WASM, [old, f"{base}{wasm}"])
        assert blank.evaluate(KEPT_BYTES, f"{base}{wasm}") == 8
        page = visit_the_checker(hearing_context, base)
        assert page.get_attribute("#lon-check", "data-engine") == "ready"
        engine = engine_urls(site)
        assert kept_by(page, base, "/", engine) == set()
        # What is kept now is this build's wasm; the older version's cache went with it.
        assert page.evaluate(KEPT_BYTES, f"{base}{wasm}") == (site / wasm[1:]).stat().st_size
        assert old not in page.evaluate(CACHED)
    assert server.downloads()[wasm] == 1, server.trail()
    assert twice(server, engine) == {}, server.trail()


# A page of a browser that has no Web Locks, and one whose Cache Storage refuses every use (Firefox's private
# windows): the checker still starts, downloading as it did before there was anything to share.
NO_LOCKS = "Object.defineProperty(Navigator.prototype, 'locks', {get: () => undefined});"
CACHES_REFUSE = """for (const name of ["match", "open", "has", "keys"]) {
    CacheStorage.prototype[name] = () => Promise.reject(new DOMException("insecure", "SecurityError"));
}"""


@pytest.mark.parametrize("missing", [NO_LOCKS, CACHES_REFUSE], ids=["no-web-locks", "cache-storage-refuses"])
def test_a_page_without_locks_or_cache_storage_still_starts_the_checker_downloading_each_engine_file_once(
    hearing_context, medway_site, missing
):
    hearing_context.add_init_script(missing)
    with heard_visit(medway_site.directory, compress=False) as (server, base):
        page = hearing_context.new_page()
        page.goto(f"{base}/check/")
        page.wait_for_selector(READY, timeout=60_000)
        assert page.get_attribute("#lon-check", "data-engine") == "ready"
        # The service worker (whose Cache Storage works) still keeps the engine, from the page's own bytes.
        assert wait_until(page, ANSWERED_KEPT, timeout=60), page.evaluate("window.__lonAnswers")
    engine = engine_urls(medway_site.directory)
    assert twice(server, engine) == {}, server.trail()
