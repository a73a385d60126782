"""The service worker that makes the built site work offline (host-only build step).

``write_service_worker`` lists the built site's files in two groups, the guidance (every page and
its assets, cached when the service worker installs) and the checker's engine (cached only once a
page asks for it: see web/service-worker.js), derives a version from their contents, and writes
``sw.js`` at the site's root from ``web/service-worker.js``. A rebuilt site with any changed file
gets a new version, which browsers pick up as an update.

The guidance's pages also go into one file, ``GUIDANCE_PAGES`` ({path: the page's HTML}), which the
service worker downloads in place of the pages one by one: every page repeats the site's header and
navigation, which one compressed file sends once (thresholds.yml's 39 pages: 308 kB of brotli one by one,
133 kB together). Every other file comes with its SHA-256, so that the service worker can take the
copy the page has just downloaded from the browser's HTTP cache, instead of asking the server again.

The engine's part of that list also goes into ``ENGINE_KEEPING`` ({cache, engine, digests}): a checker page
reads it to use a copy of an engine file this origin already keeps, or to keep the one it downloads, in
the very cache, under the very names and digests, the service worker uses (issue 28; web/theme/assets/
checker/engine.js). It is written from the same values as sw.js, after the version, which it names.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .bundle import engine_paths

SERVICE_WORKER = "sw.js"
TEMPLATE = Path(__file__).parent.parent / "web" / "service-worker.js"
# Not needed offline: source maps, precompressed copies (compress.py; the browser caches what it
# decoded), search-language files this site does not use, sitemaps and the host configuration files.
SKIP_SUFFIXES = (".map", ".gz", ".br")
SKIP_NAMES = {SERVICE_WORKER, "sitemap.xml", "sitemap.xml.gz", "_headers"}
SKIP_DIRECTORIES = ("assets/javascripts/lunr/", "deploy/")
# The pages in one file (JSON, a type every host compresses), beside the offline scripts.
GUIDANCE_PAGES = "assets/offline/pages.json"
# The engine's cache and files for the checker's pages (a site with a checker only), beside them. It names
# the version, so the version is made without it (it holds nothing the other files do not decide).
ENGINE_KEEPING = "assets/offline/engine.json"
# Every cache the service worker makes: this, the version, "@" and its scope (the site's root path, known
# only in the browser): "levels-of-need-<version>@/", "levels-of-need-<version>@/cy/".
CACHE_PREFIX = "levels-of-need-"


def precache_paths(site: Path, other_sites: Sequence[str] = ()) -> list[str]:
    """The guidance's files worth keeping offline, as URLs relative to the site root ("check/" for
    check/index.html): every file but the engine's, and none of another language's site (``cy/``),
    which its own service worker keeps."""
    engine = set(engine_paths(site))
    skipped = (*SKIP_DIRECTORIES, *other_sites)
    paths = []
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = file.relative_to(site).as_posix()
        left_out = relative == GUIDANCE_PAGES or relative.startswith(skipped)
        if file.name in SKIP_NAMES or relative.endswith(SKIP_SUFFIXES) or left_out:
            continue
        if relative in engine:
            continue
        if file.name == "index.html":
            relative = relative[: -len("index.html")] or "./"
        paths.append(relative)
    return paths


def file_of(site: Path, path: str) -> Path:
    """The file a precached URL path names ("check/" is check/index.html)."""
    return site / (path + "index.html" if path.endswith("/") else path)


def file_digest(site: Path, path: str) -> str:
    return hashlib.sha256(file_of(site, path).read_bytes()).hexdigest()


def is_page(path: str) -> bool:
    return path.endswith(("/", ".html"))


def write_guidance_pages(site: Path, paths: list[str]) -> str:
    """Every page of ``paths`` in one JSON file; returns the file's SHA-256."""
    pages = {path: file_of(site, path).read_text(encoding="utf-8") for path in paths if is_page(path)}
    data = json.dumps(pages, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    target = site / GUIDANCE_PAGES
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def site_version(site: Path, paths: list[str]) -> str:
    """A digest of every precached file's path and contents."""
    digest = hashlib.sha256()
    for path in paths:
        file = file_of(site, path)
        digest.update(path.encode("utf-8") + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_engine_keeping(site: Path, cache: str, engine: list[str], digests: dict[str, str]) -> None:
    """ENGINE_KEEPING: the cache's name but for its scope, the engine's files and their SHA-256."""
    keeping = {"cache": cache, "engine": engine, "digests": {path: digests[path] for path in engine}}
    target = site / ENGINE_KEEPING
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(keeping, indent=1) + "\n", encoding="utf-8")


def write_service_worker(site: Path, other_sites: Sequence[str] = ()) -> dict[str, Any]:
    paths = [path for path in precache_paths(site, other_sites) if path != ENGINE_KEEPING]
    # The engine's manifest first: the service worker looks for it to know whether a device keeps the engine.
    engine = sorted(engine_paths(site), key=lambda path: not path.endswith("/manifest.json"))
    # Each file's SHA-256 but the pages' (they come in GUIDANCE_PAGES, which has its own): a copy from
    # the browser's HTTP cache, or one the page hands over, is kept only if it is the build's own.
    digests = {path: file_digest(site, path) for path in engine + [path for path in paths if not is_page(path)]}
    digests[GUIDANCE_PAGES] = write_guidance_pages(site, paths)
    version = site_version(site, paths + engine)
    cache = f"{CACHE_PREFIX}{version}@"
    if engine:
        write_engine_keeping(site, cache, engine, digests)
        paths = precache_paths(site, other_sites)
        digests[ENGINE_KEEPING] = file_digest(site, ENGINE_KEEPING)
    precache = {
        "version": version,
        "prefix": CACHE_PREFIX,
        "cache": cache,
        "files": paths,
        "engine": engine,
        "pages": GUIDANCE_PAGES,
        "digests": digests,
    }
    script = TEMPLATE.read_text(encoding="utf-8").replace("self.__PRECACHE__", json.dumps(precache, indent=1))
    (site / SERVICE_WORKER).write_text(script, encoding="utf-8")
    return precache


RETIRING_WORKER = """// Written by `mkdocs serve`: development pages must never come from an offline cache.
// Removes any earlier service worker of this origin, and its caches, then stops.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) await caches.delete(key);
    await self.registration.unregister();
  })());
});
"""


def write_retiring_service_worker(site: Path) -> None:
    (site / SERVICE_WORKER).write_text(RETIRING_WORKER, encoding="utf-8")
