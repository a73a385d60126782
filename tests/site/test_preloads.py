"""A checker page asks for every module its script needs at once (issue 28): a module script runs only
once each module it imports has arrived, and an import found only when its importer has arrived costs a
round trip more (on slow 4G, the check's script and the start of its engine waited for one such module).
And nothing else: the engine's megabytes are not preloaded, so they never compete with the first question."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

SCRIPT = re.compile(r'<script type="module"[^>]*\ssrc="([^"]+)"')
PRELOAD = re.compile(r'<link rel="modulepreload" href="([^"]+)"')
# Static imports only: `import "x";` and `import ... from "x";` at the start of a line.
IMPORT = re.compile(r'^import\s+(?:[^"\';]*?\sfrom\s+)?["\']([^"\']+)["\']', re.M)


def site_file(site: Path, url: str) -> Path:
    return site / url.removeprefix("/").split("?")[0]


def imported(site: Path, url: str) -> set[str]:
    """Every module ``url`` imports statically, at any depth, as site-root URLs."""
    found: set[str] = set()
    waiting = [url]
    while waiting:
        module = waiting.pop()
        for name in IMPORT.findall(site_file(site, module).read_text(encoding="utf-8")):
            target = urljoin(module, name)
            if target not in found:
                found.add(target)
                waiting.append(target)
    return found


@pytest.mark.parametrize("page", ["check/", "training/practice/", "training/presenter/"])
def test_a_checker_page_preloads_every_module_its_script_imports_and_nothing_more(medway_site, page):
    site = medway_site.directory
    html = (site / page / "index.html").read_text(encoding="utf-8")
    scripts = [
        urljoin(f"/{page}", src) for src in SCRIPT.findall(html) if "/assets/checker/" in urljoin(f"/{page}", src)
    ]
    assert scripts, f"no checker script on /{page}"
    preloaded = {urljoin(f"/{page}", href) for href in PRELOAD.findall(html)}
    needed = {module for script in scripts for module in imported(site, script)}
    assert "/assets/checker/engine.js" in needed
    assert needed | set(scripts) <= preloaded, sorted(needed | set(scripts) - preloaded)
    assert not [url for url in preloaded if "/pyodide/" in url or url.endswith((".wasm", ".zip", ".json"))]
    assert preloaded <= needed | set(scripts)  # nothing the page's scripts do not load
