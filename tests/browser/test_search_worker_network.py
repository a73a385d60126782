"""The theme's search worker cannot reach another origin (issue 24, N7): what is typed in the search
box, on /check/ too, goes to it. It is started from a blob: address, so it inherits the page's policy
on a host that sends no headers (GitHub Pages) as well as on one that does. Tested as the checker's
worker is: every channel, aimed at an off-site listener on another 127.0.0.1 port, with a control."""

from __future__ import annotations

import time

import pytest
from sitebuild import serve

from .checker_helpers import is_site_search
from .conftest import open_search
from .offsite import offsite_listener
from .test_worker_network import ATTEMPTS, control_site, run_control  # noqa: F401 (control_site: a fixture)

PROBE = """async (url) => { try { await fetch(url); return 'went ahead'; } catch (error) { return 'refused'; } }"""


def search_worker(page):
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        found = [worker for worker in page.workers if worker.url.startswith("blob:") and is_site_search(worker)]
        if found:
            return found[0]
        page.wait_for_timeout(100)
    raise AssertionError(f"no search worker started from a blob: address: {[w.url for w in page.workers]}")


@pytest.mark.parametrize("headers", [True, False], ids=["with-headers", "plain-static-server"])
def test_nothing_typed_in_search_reaches_an_off_site_listener(browser, medway_site, control_site, search_ui, headers):  # noqa: F811
    with offsite_listener() as listener, serve(medway_site.directory, headers=headers) as base:
        context = browser.new_context(service_workers="block")
        try:
            page = context.new_page()
            response = page.goto(f"{base}/check/")
            assert ("content-security-policy" in response.headers) == headers
            worker = search_worker(page)
            # The probe's reproduction: fetch from inside the search worker to the off-site listener.
            assert worker.evaluate(PROBE, f"{listener.origin}/searchworker?CANARYsrch") == "refused"
            worker.evaluate(ATTEMPTS, f"{listener.origin}/search")
            # Search still works, in the worker: a query finds pages.
            open_search(page)
            page.keyboard.type("neglect")
            page.wait_for_selector(search_ui.result, timeout=20_000)
        finally:
            context.close()
        run_control(browser, control_site)  # the same attempts unlocked do reach a listener meanwhile
        assert listener.seen() == []
