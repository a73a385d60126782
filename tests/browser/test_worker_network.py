"""Every network channel a worker has, tried from inside the checker's worker against an off-site
listener (another port on 127.0.0.1): fetch (also through WorkerGlobalScope.prototype), XHR,
WebSocket, WebSocketStream, EventSource, importScripts, import(), WebTransport, a nested worker
and a blob: worker. None reaches it, with the site's headers and on a plain static server without
them (as on GitHub Pages), where only the page's <meta> CSP exists and the worker inherits it.

A control runs the same attempts from an unlocked worker with no CSP, and they do reach a listener:
so a silent listener means the channels are closed, not that the attempts were never made.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sitebuild import serve

from .checker_helpers import checker_worker, fill_check, open_checker, wait_until
from .offsite import offsite_listener

# Run inside a worker: every channel, aimed at an off-site address. Returns what each attempt said.
ATTEMPTS = (Path(__file__).parent / "network_attempts.js").read_text(encoding="utf-8")
CHANNELS = [
    "fetch",
    "fetch through the prototype",
    "XMLHttpRequest",
    "WebSocket",
    "WebSocketStream",
    "EventSource",
    "importScripts",
    "import()",
    "WebTransport",
    "nested Worker",
    "blob: Worker",
    "SharedWorker",
]
# What the unlocked control worker's attempts send to the listener.
CONTROL_REACHES = ["/fetch", "/prototype", "/xhr", "/websocket", "/event-source", "/import-scripts.js", "/module.mjs"]
CONTROL_REACHES += ["/blob-worker", "udp"]
# Nor can anything in the worker keep data, by any name or through the prototype that holds it.
KEEPING_NAMES = ["caches", "indexedDB", "prototype caches", "prototype indexedDB", "storage", "storageBuckets"]
KEEPING = """() => {
    const held = (object, name) => {
        const found = Object.getOwnPropertyDescriptor(object, name);
        return typeof (found && (found.get ? found.get.call(self) : found.value));
    };
    return {
        caches: typeof caches, indexedDB: typeof indexedDB,
        'prototype caches': held(WorkerGlobalScope.prototype, 'caches'),
        'prototype indexedDB': held(WorkerGlobalScope.prototype, 'indexedDB'),
        storage: typeof navigator.storage, storageBuckets: typeof navigator.storageBuckets,
    };
}"""
CONTROL_PAGE = """<!doctype html><html><head><title>control</title></head><body>
<script>window.worker = new Worker(URL.createObjectURL(new Blob(['onmessage = () => {}'])));</script></body></html>"""


@pytest.fixture(scope="module")
def control_site(tmp_path_factory):
    directory = tmp_path_factory.mktemp("control")
    (directory / "index.html").write_text(CONTROL_PAGE, encoding="utf-8")
    with serve(directory, headers=False) as base:
        yield base


def run_control(browser, control_site) -> list[str]:
    """The same attempts from a worker with no lock and no CSP; returns what reached its listener."""
    with offsite_listener() as listener:
        context = browser.new_context(service_workers="block")
        try:
            page = context.new_page()
            with page.expect_worker() as started:
                page.goto(control_site)
            started.value.evaluate(ATTEMPTS, f"{listener.origin}/control")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not all(
                any(path in hit for hit in listener.seen()) for path in CONTROL_REACHES
            ):
                time.sleep(0.1)
            return listener.seen()
        finally:
            context.close()


def test_the_attempts_reach_a_listener_when_nothing_stops_them(browser, control_site):
    seen = run_control(browser, control_site)
    for path in CONTROL_REACHES:
        assert any(path in hit for hit in seen), (path, seen)


@pytest.mark.parametrize("headers", [True, False], ids=["with-headers", "plain-static-server"])
def test_no_channel_inside_the_checker_reaches_an_off_site_listener(browser, medway_site, control_site, headers):
    with offsite_listener() as listener, serve(medway_site.directory, headers=headers) as base:
        context = browser.new_context(service_workers="block")
        try:
            page = context.new_page()
            open_checker(page, base)
            assert (
                page.inner_text("#lon-status")
                == "The checker is ready. Network access inside the checker is switched off."
            )
            page.click("#lon-network summary")  # what was checked, for those who ask
            status = page.inner_text("#lon-network")
            assert "Network access inside the checker is switched off (checked: fetch, XMLHttpRequest," in status
            for channel in ("WebTransport", "import()", "Worker", "SharedWorker", "connections to other sites"):
                assert channel in status, status
            tried = checker_worker(page).evaluate(ATTEMPTS, f"{listener.origin}/locked")
            assert sorted(tried) == sorted(CHANNELS)
            went_ahead = [name for name, outcome in tried.items() if outcome == "went ahead"]
            assert not went_ahead, tried
            assert checker_worker(page).evaluate(KEEPING) == {name: "undefined" for name in KEEPING_NAMES}
            # The check still works after all that: the worker answers as before.
            fill_check(page, {"indicators": ["l2-domestic-abuse"], "age": 7, "answers": {"immediate_risk": "no"}})
            assert wait_until(page, "() => document.querySelector('#lon-result h3') !== null", timeout=20)
        finally:
            context.close()
        # The same attempts from an unlocked worker reach their listener; by the time they have, any
        # attempt from the checker, made earlier, would have reached this one.
        run_control(browser, control_site)
        assert listener.seen() == []


def test_the_worker_inherits_the_pages_csp_on_a_host_without_headers(browser, medway_site):
    """Without headers, only the page's <meta> CSP exists: the blob: worker is held by it."""
    with serve(medway_site.directory, headers=False) as base:
        context = browser.new_context(service_workers="block")
        try:
            page = context.new_page()
            response = page.goto(f"{base}/check/")
            assert "content-security-policy" not in response.headers
            page.wait_for_selector("form[data-engine=ready]", timeout=60_000)
            refused = checker_worker(page).evaluate(
                """async () => { try { await import('data:text/javascript,export default 1'); return false; }
                                 catch { return true; } }"""
            )
            assert refused
        finally:
            context.close()
