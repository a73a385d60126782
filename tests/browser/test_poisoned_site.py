"""A site built from a poisoned thresholds file, forced past validation: every text field carries
script, event handlers, bad links and a meta refresh aimed at an off-site listener. In Chromium, on
every page, nothing injected runs, nothing reaches the listener, the page stays where it is, and the
payload shows as the text it is."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, THRESHOLDS_FILE
from poison import MARK, poisoned
from sitebuild import html_pages, page_url, serve

from .checker_helpers import READY, fill_check, result_words, wait_until
from .offsite import offsite_listener

# Markup that only an injected payload could have put into a page.
INJECTED_MARKUP = """() => ({
    injected: document.documentElement.dataset.injected || null,
    handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
        .filter(a => a.name.startsWith('on')).map(a => `${el.tagName} ${a.name}`)),
    scriptLinks: [...document.querySelectorAll('[href], [src], [action]')]
        .map(el => el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action'))
        .filter(url => /^\\s*(javascript|data|vbscript):/i.test(url)),
    refresh: document.querySelectorAll('meta[http-equiv="refresh" i]').length,
    offsiteScripts: [...document.scripts].map(s => s.src).filter(src => src && new URL(src).origin !== location.origin),
})"""
CLEAN = {"injected": None, "handlers": [], "scriptLinks": [], "refresh": 0, "offsiteScripts": []}


@pytest.fixture(scope="module")
def offsite():
    with offsite_listener() as listener:
        yield listener


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory, offsite):
    work = tmp_path_factory.mktemp("poisoned")
    text, _ = poisoned(THRESHOLDS_FILE, offsite.origin)
    source = work / "thresholds.yml"
    source.write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "tests/site/unvalidated_build.py", str(source), str(work / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return work / "site"


@pytest.fixture(scope="module")
def poisoned_url(poisoned_site):
    with serve(poisoned_site) as base:
        yield base


def test_no_injected_script_runs_and_no_page_leaves_the_site(strict_context, poisoned_site, poisoned_url, offsite):
    violations, dialogs, left = [], [], []
    strict_context.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => console.error('CSP violation: ' + e.violatedDirective))"
    )
    page = strict_context.new_page()
    page.on("console", lambda m: violations.append(m.text) if "CSP violation" in m.text else None)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    site = urlsplit(poisoned_url).netloc
    page.on("framenavigated", lambda f: left.append(f.url) if urlsplit(f.url).netloc != site else None)
    pages = html_pages(poisoned_site)
    assert len(pages) > 30
    for file in pages:
        url = page_url(poisoned_url, poisoned_site, file)
        page.goto(url, wait_until="networkidle")
        assert page.url == url, f"{url} moved to {page.url}"
        assert page.evaluate(INJECTED_MARKUP) == CLEAN, url
        # The payload is there, as text: the partnership's name in every page's title.
        assert f"<script>{MARK}='script'</script>" in page.title(), url
    assert not offsite.seen(), offsite.seen()
    assert not dialogs and not left and not violations, (dialogs, left, violations)


def test_poisoned_text_shows_as_text_in_the_guidance(strict_context, poisoned_url):
    page = strict_context.new_page()
    page.goto(f"{poisoned_url}/contacts/")
    body = page.inner_text("article")
    assert '<meta http-equiv="refresh" content="0;url=' in body
    assert f"[click](javascript:{MARK}='markdown-link')" in body
    page.goto(f"{poisoned_url}/guidance/introduction/")
    # A guidance body is Markdown: its bad link becomes plain text, its image is not loaded.
    article = page.locator("article")
    assert article.locator("a[href^='javascript' i], a[href^='data' i], img[src*='127.0.0.1']").count() == 0
    assert "click" in article.inner_text()


def test_the_checker_shows_poisoned_text_as_text(strict_context, poisoned_url, offsite):
    page = strict_context.new_page()
    page.goto(f"{poisoned_url}/check/")
    page.wait_for_selector(f"{READY}, form[data-engine=failed]", timeout=60_000)
    assert page.get_attribute("#lon-check", "data-engine") == "ready", page.inner_text("#lon-status")
    fill_check(page, {"indicators": ["l2-bereavement"], "age": 7, "answers": {"immediate_risk": "no"}})
    assert wait_until(page, "() => document.querySelector('#lon-result h3') !== null")
    assert f"<script>{MARK}='script'</script>" in result_words(page)
    assert f"<script>{MARK}='script'</script>" in page.input_value("#lon-summary")
    assert page.evaluate(INJECTED_MARKUP) == CLEAN
    assert not offsite.seen()
