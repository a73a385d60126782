"""One walk over every page of a built site, in headless Chromium, collecting what the every-page tests
assert: the requests each page makes, axe's findings, console errors and CSP violations, the page's
<meta> CSP, and how wide the page is on a phone. Each page loads once; each test reads its own part of
the record (tests/browser/test_site.py, test_site_reflow.py).

The walk runs as a first visit does: the site's CSP applies and the service worker is blocked, so that
every request is seen. Axe is evaluated by the test tools, which the CSP does not govern, once the page
has loaded and its own errors have been heard. A request to another origin that the CSP blocks is still
recorded (its violation names it), so "no other origin" means no attempt, not only none let through.
"""

from __future__ import annotations

from urllib.parse import urlparse

from sitebuild import BuiltSite, html_pages, page_url, serve

from .conftest import SEARCH_UI, axe_violations, open_search

PHONE_WIDTHS = (320, 360)  # CSS pixels, WCAG 1.4.10's reflow
PHONE_HEIGHT = 640
DESKTOP = {"width": 1280, "height": 720}  # Playwright's default viewport, where the other checks run
SEARCHED = "levels"  # typed after the walk (every partnership's site has levels): the index loads under the CSP

REPORT_VIOLATIONS = """document.addEventListener('securitypolicyviolation',
    e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))"""


def walk_site(browser, site: BuiltSite) -> dict:
    """Every HTML page of the site, each loaded once; the record is JSON, keyed by the page's path."""
    with serve(site.directory) as base:
        origin = urlparse(base).netloc
        context = browser.new_context(viewport=DESKTOP, service_workers="block")
        try:
            return _walk(context.new_page(), site, base, origin)
        finally:
            context.close()


def _walk(page, site: BuiltSite, base: str, origin: str) -> dict:
    record: dict = {
        "pages": [],
        "requests": 0,
        "foreign": [],
        "errors": {},
        "csp_meta": {},
        "axe": {},
        "width": {str(width): {} for width in PHONE_WIDTHS},
        "search_errors": [],
    }
    current = {"path": ""}

    def path_of(url: str) -> str:
        return urlparse(url).path

    def heard(request) -> None:
        record["requests"] += 1
        parsed = urlparse(request.url)
        if parsed.scheme not in ("data", "blob") and parsed.netloc != origin:
            record["foreign"].append(request.url)

    def error(text: str) -> None:
        record["errors"].setdefault(current["path"], []).append(f"{page.url}: {text}")
        blocked = text.rsplit(" ", 1)[-1] if text.startswith("CSP violation: ") else ""
        if urlparse(blocked).netloc not in ("", origin):
            record["foreign"].append(blocked)  # an attempt the CSP stopped before it became a request

    page.on("request", heard)
    page.on("console", lambda message: error(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exception: error(str(exception)))
    page.add_init_script(REPORT_VIOLATIONS)
    urls = [page_url(base, site.directory, file) for file in html_pages(site.directory)]
    for url in urls:
        current["path"] = path = path_of(url)
        record["pages"].append(path)
        page.set_viewport_size(DESKTOP)
        page.goto(url, wait_until="networkidle")
        record["csp_meta"][path] = page.locator('meta[http-equiv="Content-Security-Policy"]').count()
        record["axe"][path] = axe_violations(page)
        for width in PHONE_WIDTHS:
            page.set_viewport_size({"width": width, "height": PHONE_HEIGHT})
            record["width"][str(width)][path] = page.evaluate("document.documentElement.scrollWidth")
    # The search, typed on the first page once its index has loaded.
    current["path"] = "search"
    page.set_viewport_size(DESKTOP)
    page.goto(urls[0], wait_until="networkidle")
    open_search(page)
    page.keyboard.type(SEARCHED)
    page.locator(SEARCH_UI[site.engine].result).first.wait_for()
    record["search_errors"] = record["errors"].pop("search", [])
    return record
