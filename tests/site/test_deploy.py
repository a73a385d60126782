"""Deploy anywhere: the headers file, the nginx snippet, the zip, and the service worker's file list."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT
from sitebuild import headers_for, html_pages, parse_headers_file

from toolkit.build.deploy import TYPES, make_dist, site_policy
from toolkit.build.offline import precache_paths, site_version, write_service_worker

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
    assert headers_for(headers, "/assets/checker/snapshot.bin.gz")["Content-Type"] == "application/octet-stream"


def test_dist_makes_a_reproducible_zip_of_the_site_and_an_nginx_snippet(medway_site, tmp_path):
    archive, snippet = make_dist(medway_site.directory, tmp_path / "one")
    again, _ = make_dist(medway_site.directory, tmp_path / "two")
    assert hashlib.sha256(archive.read_bytes()).digest() == hashlib.sha256(again.read_bytes()).digest()
    files = {p.relative_to(medway_site.directory).as_posix(): p for p in medway_site.directory.rglob("*") if p.is_file()}
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
        [sys.executable, "-m", "toolkit", "dist", "--site", str(tmp_path / "nope")], cwd=ROOT, capture_output=True, text=True
    )
    assert missing.returncode == 2 and "run `make build` first" in missing.stderr


def test_the_service_worker_precaches_every_page_and_the_engine(medway_site):
    site = medway_site.directory
    paths = precache_paths(site)
    assert "./" in paths and "check/" in paths and "training/practice/" in paths and "404.html" in paths
    for engine_file in ("assets/checker/worker.mjs", "assets/checker/snapshot.bin.gz", "assets/checker/manifest.json"):
        assert engine_file in paths
    assert "assets/checker/pyodide/pyodide.asm.wasm" in paths
    assert "sw.js" not in paths and "_headers" not in paths
    assert not [p for p in paths if p.endswith(".map")]
    pages = {p.relative_to(site).as_posix().removesuffix("index.html") or "./" for p in html_pages(site)}
    assert pages <= set(paths)
    assert site_version(site, paths) in (site / "sw.js").read_text(encoding="utf-8")


def test_any_changed_file_gives_a_new_service_worker_version(tmp_path):
    (tmp_path / "index.html").write_text("<h1>one</h1>", encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<h1>a</h1>", encoding="utf-8")
    first = write_service_worker(tmp_path)
    assert sorted(first["files"]) == ["./", "a/"]
    assert write_service_worker(tmp_path) == first  # the same files, the same version
    (tmp_path / "a" / "index.html").write_text("<h1>a, changed</h1>", encoding="utf-8")
    assert write_service_worker(tmp_path)["version"] != first["version"]
