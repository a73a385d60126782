"""Light on the wire: the checker starts on a plain http:// intranet address (no secure context, so no
crypto.subtle and no service worker), and its download shows as a bar with megabytes and time left,
at the top of the page and in the result area, switching to "ready" once Python has started."""

from __future__ import annotations

import re

import pytest
from sitebuild import serve

from .checker_helpers import READY, cli_result_text, fill_check, open_checker, wait_for_result
from .conftest import CHROMIUM, CHROMIUM_ARGS

CHECK = {
    "indicators": ["l2-domestic-abuse", "l1-housed"],
    "age": 0,
    "answers": {"immediate_risk": "no", "consent": "refused"},
}
INTRANET = "levels.intranet.test"  # a name, not localhost: Chromium treats the page as not secure

# Every text the two progress places show, in order, recorded from the page's first moment.
RECORD_PROGRESS = """
window.__progress = { top: [], result: [] };
new MutationObserver(() => {
    const seen = (id, list) => {
        const element = document.getElementById(id);
        const text = element ? element.textContent.trim() : "";
        if (text && list[list.length - 1] !== text) list.push(text);
    };
    seen("lon-status", window.__progress.top);
    seen("lon-result-progress", window.__progress.result);
}).observe(document, { subtree: true, childList: true, characterData: true });
"""
DOWNLOADING = re.compile(r"^Downloading the checker: (\d+\.\d) of (\d+\.\d) MB")


@pytest.fixture
def intranet_browser(browser):
    """Chromium that finds the intranet name at 127.0.0.1 (no traffic goes anywhere else)."""
    launched = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {INTRANET} 127.0.0.1"]
    )
    yield launched
    launched.close()


def test_the_checker_starts_over_plain_http_on_an_intranet_address(intranet_browser, medway_site):
    with serve(medway_site.directory) as base:
        address = base.replace("127.0.0.1", INTRANET)
        context = intranet_browser.new_context()
        page = context.new_page()
        open_checker(page, address)
        # What such a page lacks: no secure context, so no crypto.subtle and no service worker.
        assert page.evaluate("[isSecureContext, typeof crypto.subtle, 'serviceWorker' in navigator]") == [
            False,
            "undefined",
            False,
        ]
        assert page.get_attribute("#lon-check", "data-network-locked") == "true"
        fill_check(page, CHECK)
        expected = cli_result_text(CHECK)
        assert wait_for_result(page, expected) == expected
        context.close()


def test_the_download_shows_as_a_bar_at_the_top_and_in_the_result_area(strict_context, medway_url, medway_site):
    page = strict_context.new_page()
    page.add_init_script(RECORD_PROGRESS)
    wasm_requests: list[str] = []
    strict_context.on("request", lambda request: wasm_requests.append(request.url) if ".wasm" in request.url else None)
    session = strict_context.new_cdp_session(page)
    session.send("Network.enable")
    # About 1.5 MB/s: the download takes a few seconds, long enough for a rate and a time left.
    session.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 20, "downloadThroughput": 1_500_000, "uploadThroughput": 1_000_000},
    )
    page.goto(f"{medway_url}/check/")
    # The result area is on "Check your answers": a user who goes there before the checker is ready sees it.
    page.wait_for_selector("#lon-check")
    page.evaluate("document.getElementById('lon-current-go').click()")
    page.wait_for_selector(f"#lon-result-progress progress, {READY}", timeout=60_000)
    bar = page.evaluate(
        "(() => { const bar = document.querySelector('#lon-result-progress progress'); "
        "return bar && {max: bar.max, visible: bar.getBoundingClientRect().width > 0}; })()"
    )
    page.wait_for_selector(READY, timeout=120_000)
    progress = page.evaluate("window.__progress")

    # The page fetches the wasm and compiles it (so the browser keeps the compiled code); Pyodide, in the
    # worker, is handed the module and fetches nothing more.
    assert len(wasm_requests) == 1, wasm_requests
    # The page's own timeline holds the download (a worker's fetch is timed in the worker's timeline).
    fetched_by_page = "() => performance.getEntriesByType('resource').map((entry) => entry.name)"
    assert [url for url in page.evaluate(fetched_by_page) if ".wasm" in url] == wasm_requests
    engine = medway_site.directory / "assets/checker"
    raw = sum(p.stat().st_size for p in engine.rglob("*.wasm")) / 1e6
    # What the host sends for the two big files: their brotli copies (Chromium accepts br).
    sent = sum((engine / f"{name}.br").stat().st_size for name in ("pyodide/pyodide.asm.wasm", "python.zip")) / 1e6
    for place in ("top", "result"):
        downloading = [DOWNLOADING.match(text) for text in progress[place] if DOWNLOADING.match(text)]
        assert len(downloading) >= 2, progress[place]
        totals = {float(found.group(2)) for found in downloading}
        # Bytes over the wire: the host sends compressed copies, far fewer bytes than the files hold
        # (the wasm alone is larger), and the total, the page's download of the wasm included, is known
        # before the first figure shows.
        assert len(totals) == 1, totals
        total = totals.pop()
        assert sent - 0.1 <= total < raw, (total, sent, raw)
        loaded = [float(found.group(1)) for found in downloading]
        assert loaded == sorted(loaded)
        assert any(re.search(r"(seconds|minutes) left$", text) for text in progress[place]), progress[place]
        assert "Downloaded. Starting the checker…" in progress[place]
    assert bar and bar["visible"] and bar["max"] > 1e6
    # Ready at once: the result area says so, then shows Python's result; the top says it too.
    assert progress["result"][-1] == "The checker is ready."
    assert page.inner_text("#lon-status").startswith("The checker is ready.")
    # Python's first result comes a moment after "ready" (it is asked for then): on a busy machine it can
    # lag, so wait for it to take the bar's place rather than expect it already there.
    page.wait_for_function("() => !document.querySelector('#lon-result progress')", timeout=30_000)
    assert page.locator("#lon-result progress").count() == 0
    fill_check(page, CHECK)
    expected = cli_result_text(CHECK)
    assert wait_for_result(page, expected) == expected
