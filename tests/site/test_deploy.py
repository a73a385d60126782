"""Deploy anywhere: the headers file, the nginx snippet, the zip, the precompressed copies, and the
service worker's file lists."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
import sys
import zipfile

import brotli
import pytest
from conftest import ROOT
from sitebuild import headers_for, html_pages, parse_headers_file

from toolkit.publish.bundle import engine_paths
from toolkit.publish.compress import write_precompressed
from toolkit.publish.deploy import TYPES, make_dist, site_policy
from toolkit.publish.offline import (
    CACHE_PREFIX,
    ENGINE_KEEPING,
    file_of,
    is_page,
    precache_paths,
    site_version,
    write_service_worker,
)

META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def directives(policy: str) -> dict[str, set[str]]:
    return {name: set(values) for name, *values in (part.split() for part in policy.split(";") if part.strip())}


@pytest.fixture(scope="module")
def headers(medway_site):
    return parse_headers_file((medway_site.directory / "_headers").read_text(encoding="utf-8"))


def test_headers_file_carries_the_csp_every_page_uses(medway_site, headers):
    everywhere = headers_for(headers, "/anything/at/all")
    header = directives(everywhere["Content-Security-Policy"])
    assert everywhere["Content-Security-Policy"] == site_policy(medway_site.directory)
    assert header["frame-ancestors"] == {"'none'"}
    for page in html_pages(medway_site.directory):
        meta = directives(META_CSP.search(page.read_text(encoding="utf-8")).group(1))
        # The header allows exactly what the page's own policy does, plus other pages' inline scripts.
        assert meta["script-src"] <= header["script-src"], page
        assert {k: v for k, v in header.items() if k not in ("script-src", "frame-ancestors")} == {
            k: v for k, v in meta.items() if k != "script-src"
        }


def test_headers_file_sets_the_other_security_headers_and_types(medway_site, headers):
    for path in ("/", "/check/", "/assets/checker/worker.mjs", "/sw.js"):
        found = headers_for(headers, path)
        assert found["Referrer-Policy"] == "no-referrer"
        assert found["X-Content-Type-Options"] == "nosniff"
        assert "camera=()" in found["Permissions-Policy"]
        assert "Content-Security-Policy" in found
    typed = [p for p in medway_site.directory.rglob("*") if p.suffix[1:] in ("wasm", "mjs")]
    assert {p.suffix for p in typed} == {".wasm", ".mjs"}
    for file in typed:
        path = "/" + file.relative_to(medway_site.directory).as_posix()
        assert headers_for(headers, path)["Content-Type"] == TYPES[file.suffix[1:]]


def test_dist_makes_a_reproducible_zip_of_the_site_and_an_nginx_snippet(medway_site, tmp_path):
    archive, snippet = make_dist(medway_site.directory, tmp_path / "one")
    again, _ = make_dist(medway_site.directory, tmp_path / "two")
    assert hashlib.sha256(archive.read_bytes()).digest() == hashlib.sha256(again.read_bytes()).digest()
    files = {
        p.relative_to(medway_site.directory).as_posix(): p for p in medway_site.directory.rglob("*") if p.is_file()
    }
    with zipfile.ZipFile(archive) as bundle:
        assert sorted(bundle.namelist()) == sorted(files)
        assert bundle.read("index.html") == files["index.html"].read_bytes()
        assert bundle.testzip() is None

    text = snippet.read_text(encoding="utf-8")
    assert text.count("{") == text.count("}")
    added = dict(re.findall(r'^add_header (\S+) "([^"]*)" always;$', text, re.M))
    assert added["Content-Security-Policy"] == site_policy(medway_site.directory)
    assert added["Referrer-Policy"] == "no-referrer"
    assert added["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in added
    for extension, mime in TYPES.items():
        assert f'location ~* \\.{extension}$ {{ types {{ }} default_type "{mime}"; }}' in text
    # The build's .gz copies are served in place of the files, at the server's level (not commented out).
    assert re.search(r"^gzip_static on;$", text, re.M) and re.search(r"^gzip_vary on;$", text, re.M)
    assert re.search(r"^# brotli_static on;$", text, re.M)  # offered for nginx builds with ngx_brotli


def test_cli_dist(medway_site, tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "toolkit", "dist", "--site", str(medway_site.directory), "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "levels-of-need-site.zip").exists() and (tmp_path / "nginx-levels-of-need.conf").exists()
    missing = subprocess.run(
        [sys.executable, "-m", "toolkit", "dist", "--site", str(tmp_path / "nope")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2 and "run `make build` first" in missing.stderr


def test_the_service_worker_precaches_every_page_and_no_engine_file(medway_site):
    site = medway_site.directory
    paths = precache_paths(site)
    assert "./" in paths and "check/" in paths and "training/practice/" in paths and "404.html" in paths
    engine = engine_paths(site)
    for engine_file in ("assets/checker/worker.mjs", "assets/checker/python.zip", "assets/checker/manifest.json"):
        assert engine_file in engine
    assert "assets/checker/pyodide/pyodide.asm.wasm" in engine
    # The engine is every file under assets/checker/ but the pages' own scripts.
    checker = {p.relative_to(site).as_posix() for p in (site / "assets" / "checker").rglob("*") if p.is_file()}
    scripts = {"check.js", "engine.js", "practice.js", "presenter.js"}
    assert {p for p in checker if not p.endswith((".gz", ".br"))} == set(engine) | {
        f"assets/checker/{s}" for s in scripts
    }
    assert not set(engine) & set(paths)
    assert not [p for p in paths if p.startswith("assets/checker/pyodide/") or p.endswith((".wasm", ".zip"))]
    assert "sw.js" not in paths and "_headers" not in paths
    assert not [p for p in paths if p.endswith((".map", ".gz", ".br"))]
    pages = {p.relative_to(site).as_posix().removesuffix("index.html") or "./" for p in html_pages(site)}
    assert pages <= set(paths)
    script = (site / "sw.js").read_text(encoding="utf-8")
    precache = json.loads(re.search(r"const PRECACHE = (\{.*?\n\});", script, re.S).group(1))
    assert precache["files"] == paths
    assert precache["engine"][0] == "assets/checker/manifest.json" and sorted(precache["engine"]) == engine
    # The version is every other file's: the list of the engine's files for the checker's pages names it.
    assert ENGINE_KEEPING in paths
    assert precache["version"] == site_version(site, [p for p in paths if p != ENGINE_KEEPING] + precache["engine"])


def test_the_checkers_pages_keep_engine_files_in_the_service_workers_cache_by_its_own_list(medway_site):
    # engine.js reads ENGINE_KEEPING to use a copy this origin keeps, or keep what it downloads (issue 28):
    # the same cache, files and digests as sw.js, each digest the file's as built.
    site = medway_site.directory
    script = (site / "sw.js").read_text(encoding="utf-8")
    precache = json.loads(re.search(r"const PRECACHE = (\{.*?\n\});", script, re.S).group(1))
    keeping = json.loads((site / ENGINE_KEEPING).read_text(encoding="utf-8"))
    assert keeping["cache"] == precache["cache"] == f"{CACHE_PREFIX}{precache['version']}@"
    assert precache["prefix"] == CACHE_PREFIX
    assert keeping["engine"] == precache["engine"] and sorted(keeping["engine"]) == engine_paths(site)
    assert keeping["digests"] == {path: precache["digests"][path] for path in precache["engine"]}
    for path in keeping["engine"]:
        assert keeping["digests"][path] == hashlib.sha256((site / path).read_bytes()).hexdigest(), path
    # The service worker's cache is named from the build's values, and the page finds the list beside its script.
    assert "const CACHE = `${PRECACHE.cache}${SCOPE}`;" in script
    engine_js = (site / "assets" / "checker" / "engine.js").read_text(encoding="utf-8")
    assert f'new URL("../offline/{ENGINE_KEEPING.removeprefix("assets/offline/")}", import.meta.url)' in engine_js
    assert "`${keeping.cache}${SITE_ROOT.pathname}`" in engine_js


def test_the_file_of_pages_holds_every_page_as_built_and_every_other_file_has_its_digest(medway_site):
    # The service worker takes the pages from one file, and every other file from a copy the browser
    # holds only if its SHA-256 is this one (web/service-worker.js): each must be the build's own.
    site = medway_site.directory
    script = (site / "sw.js").read_text(encoding="utf-8")
    precache = json.loads(re.search(r"const PRECACHE = (\{.*?\n\});", script, re.S).group(1))
    pages_file = site / precache["pages"]
    pages = json.loads(pages_file.read_text(encoding="utf-8"))
    assert pages == {p: file_of(site, p).read_text(encoding="utf-8") for p in precache["files"] if is_page(p)}
    assert "check/" in pages and "contacts/" in pages and "404.html" in pages
    assert precache["pages"] not in precache["files"]
    assert (site / f"{precache['pages']}.br").exists()  # sent compressed: the pages' shared parts once
    others = [p for p in precache["files"] + precache["engine"] if not is_page(p)] + [precache["pages"]]
    assert sorted(precache["digests"]) == sorted(others)
    for path in others:
        assert precache["digests"][path] == hashlib.sha256(file_of(site, path).read_bytes()).hexdigest(), path


def test_the_precompressed_copies_decompress_to_the_originals(medway_site):
    site = medway_site.directory
    copies = sorted(p for p in site.rglob("*") if p.suffix in (".gz", ".br") and p.name != "sitemap.xml.gz")
    assert copies
    for copy in copies:
        original = copy.with_suffix("")
        unpack = gzip.decompress if copy.suffix == ".gz" else brotli.decompress
        assert unpack(copy.read_bytes()) == original.read_bytes(), copy
        assert copy.stat().st_size <= 0.9 * original.stat().st_size, copy
    # Every page, the engine's big files and the service worker have both copies.
    # python.zip too: its entries are stored, so the copies compress it whole (issue 28).
    for path in (
        "index.html",
        "contacts/index.html",
        "sw.js",
        "assets/checker/pyodide/pyodide.asm.wasm",
        "assets/checker/python.zip",
    ):
        assert (site / f"{path}.gz").exists() and (site / f"{path}.br").exists(), path


def test_precompressed_copies_are_reproducible(tmp_path):
    (tmp_path / "page.html").write_text("<p>words</p>" * 200, encoding="utf-8")
    first = {p.name: p.read_bytes() for p in write_precompressed(tmp_path)}
    assert set(first) == {"page.html.gz", "page.html.br"}
    for copy in first:
        (tmp_path / copy).unlink()
    assert {p.name: p.read_bytes() for p in write_precompressed(tmp_path)} == first
    assert first["page.html.gz"][4:8] == b"\0\0\0\0"  # no time in the gzip header


def test_any_changed_file_gives_a_new_service_worker_version(tmp_path):
    (tmp_path / "index.html").write_text("<h1>one</h1>", encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<h1>a</h1>", encoding="utf-8")
    first = write_service_worker(tmp_path)
    assert sorted(first["files"]) == ["./", "a/"]  # no checker: no list of its files (ENGINE_KEEPING)
    assert write_service_worker(tmp_path) == first  # the same files, the same version
    (tmp_path / "a" / "index.html").write_text("<h1>a, changed</h1>", encoding="utf-8")
    assert write_service_worker(tmp_path)["version"] != first["version"]


def test_the_nginx_snippet_revalidates_each_languages_service_worker_as_the_roots(tmp_path, monkeypatch):
    # A site in two languages (toolkit/site/languages.py): the root's sw.js and the Welsh site's cy/sw.js,
    # each a service worker a browser must check for a new version on every visit.
    from toolkit.publish import deploy

    for worker in ("sw.js", "cy/sw.js", "en-easy/sw.js"):
        (tmp_path / worker).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / worker).write_text("// a service worker\n", encoding="utf-8")
    monkeypatch.setattr(deploy, "site_policy", lambda site: "default-src 'self'")
    assert deploy.service_workers(tmp_path) == ["sw.js", "cy/sw.js", "en-easy/sw.js"]
    snippet = deploy.nginx_snippet(tmp_path)
    for worker in ("sw.js", "cy/sw.js", "en-easy/sw.js"):
        block = re.search(rf"^location = /{re.escape(worker)} \{{(.*?)^\}}", snippet, re.M | re.S)
        assert block, worker
        assert 'expires epoch; add_header Cache-Control "no-cache" always;' in block.group(1)
        assert "Content-Security-Policy \"default-src 'self'\"" in block.group(1)  # its own headers, as nginx needs
