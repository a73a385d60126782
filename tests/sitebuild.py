"""Build the guidance site with either engine, once per test session, and serve it on 127.0.0.1."""

from __future__ import annotations

import email.utils
import fcntl
import fnmatch
import functools
import hashlib
import html
import http
import http.server
import json
import os
import re
import shutil
import socketserver
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from toolkit.publish.search_order import SEARCH_INDEX

ROOT = Path(__file__).resolve().parents[1]
ENGINES = ("mkdocs", "zensical")


@dataclass(frozen=True)
class BuiltSite:
    directory: Path
    log: str
    engine: str
    sources: Path  # the build folder the engine read: docs/ and mkdocs.yml


def build_site(thresholds_file: Path, work: Path, engine: str) -> BuiltSite:
    """The three stages, as `make build` runs them: sources, engine, finish."""
    sources, site = work / "sources", work / "site"
    stages = (
        ["sources", "--engine", engine, "--thresholds", str(thresholds_file), "--out", str(sources)],
        ["engine", "--engine", engine, "--sources", str(sources), "--site", str(site)],
        ["finish", "--engine", engine, "--thresholds", str(thresholds_file), "--site", str(site)],
    )
    log = ""
    for stage in stages:
        run = subprocess.run(
            [sys.executable, "-m", "toolkit", *stage],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
        )
        log += run.stdout + run.stderr
        assert run.returncode == 0, f"python -m toolkit {' '.join(stage)} failed:\n{run.stdout}\n{run.stderr}"
    deployed_a_day_ago(site)
    return BuiltSite(site, log, engine, sources)


def deployed_a_day_ago(site: Path) -> None:
    """Dates every file a day back, as a site that went live yesterday. The server's Last-Modified is a
    file's date, and a browser given no Cache-Control keeps a file fresh for a tenth of its age: files
    written seconds before a test go stale between the page asking for a script and its worker asking
    for the same one, and the worker's revalidation would pass for one of the service worker's."""
    yesterday = time.time() - 24 * 3600
    for path in site.rglob("*"):
        os.utime(path, (yesterday, yesterday), follow_symlinks=False)


def run_folder(tmp_path_factory) -> Path:
    """The test run's own temporary folder, shared by its pytest-xdist workers (each worker's folder is
    inside it, named after the worker)."""
    folder = tmp_path_factory.getbasetemp()
    return folder.parent if os.environ.get("PYTEST_XDIST_WORKER") else folder


def once_per_run(folder: Path, name: str, make: Callable[[Path], dict]) -> dict:
    """``make(work)``'s record (JSON), made once per test run however many workers ask for it.

    The first worker to ask makes it in ``folder/name`` under an exclusive file lock; the others wait on
    the lock, then read the record it left. A ``make`` that failed leaves no record, so the next to ask
    tries again and reports its own failure.
    """
    work, record = folder / name, folder / f"{name}.json"
    with (folder / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if this worker dies
        if record.exists():
            return json.loads(record.read_text(encoding="utf-8"))
        if work.exists():
            shutil.rmtree(work)  # what a failed attempt left
        work.mkdir()
        made = make(work)
        record.write_text(json.dumps(made), encoding="utf-8")
        return made


def shared_build(thresholds_file: Path, engine: str, folder: Path) -> BuiltSite:
    """The site built once per test run (``folder``: see run_folder), whichever worker asks first."""
    file_id = hashlib.sha256(str(thresholds_file.resolve()).encode()).hexdigest()[:8]  # two files, one stem
    name = f"site-{thresholds_file.stem}-{file_id}-{engine}"
    made = once_per_run(folder, name, lambda work: {"log": build_site(thresholds_file, work, engine).log})
    return BuiltSite(folder / name / "site", made["log"], engine, folder / name / "sources")


def searched_locations(site: BuiltSite) -> list[str]:
    """Every location (page and section) the site's search can find."""
    path, key = SEARCH_INDEX[site.engine]
    return [doc["location"] for doc in json.loads((site.directory / path).read_text(encoding="utf-8"))[key]]


def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """Netlify/Cloudflare ``_headers``: a path pattern, then its indented ``Name: value`` lines."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        else:
            name, _, value = line.strip().partition(":")
            assert rules and value, f"a header line outside a path, or without a value: {line!r}"
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(rules: list[tuple[str, dict[str, str]]], path: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for pattern, headers in rules:
        if fnmatch.fnmatchcase(path, pattern):
            found.update(headers)
    return found


class _CountingWriter:
    """The socket's writer, counting every byte the server sends (headers and bodies)."""

    def __init__(self, raw, count) -> None:
        self.raw, self.count = raw, count

    def write(self, data) -> int:
        written = self.raw.write(data)
        self.count(len(data))
        return written

    def __getattr__(self, name: str):
        return getattr(self.raw, name)


# What a browser may ask for, best first, and the build's copy that answers it (toolkit/publish/compress.py).
PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static host would: with the headers its ``_headers`` file sets, and
    the build's precompressed copy of a file to a browser that accepts it (as nginx's gzip_static)."""

    compress = True  # False: a host that sends every file as it is
    on_sent: ClassVar = None  # called with the number of bytes each write sends, if set
    on_request: ClassVar = None  # called with each request's path, if set
    on_response: ClassVar = None  # called with each request's path and the response's status, if set

    def parse_request(self) -> bool:
        parsed = super().parse_request()
        if parsed and self.on_request is not None:
            type(self).on_request(self.path.split("?")[0])
        return parsed

    def send_response(self, code: int, message: str | None = None) -> None:
        if self.on_response is not None:
            type(self).on_response(self.path.split("?")[0], int(code))
        super().send_response(code, message)

    def setup(self) -> None:
        super().setup()
        if self.on_sent is not None:
            self.wfile = _CountingWriter(self.wfile, type(self).on_sent)

    def _precompressed(self) -> tuple[Path, Path, str] | None:
        if not self.compress:
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return None  # the folder's redirect to its address with a slash
            path = path / "index.html"
        accepted = {part.split(";")[0].strip() for part in self.headers.get("Accept-Encoding", "").split(",")}
        for encoding, suffix in PRECOMPRESSED:
            copy = path.with_name(path.name + suffix)
            if encoding in accepted and path.is_file() and copy.is_file():
                return path, copy, encoding
        return None

    def send_head(self):
        chosen = self._precompressed()
        if chosen is None:
            return super().send_head()
        original, copy, encoding = chosen
        modified = int(copy.stat().st_mtime)  # the copy's own time, as nginx's gzip_static gives
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                unchanged = email.utils.parsedate_to_datetime(since).timestamp() >= modified
            except (TypeError, ValueError):
                unchanged = False
            if unchanged:
                self.send_response(http.HTTPStatus.NOT_MODIFIED)
                self.send_header("Vary", "Accept-Encoding")
                self.end_headers()
                return None
        body = copy.open("rb")
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(original)))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(copy.stat().st_size))
        self.send_header("Last-Modified", self.date_time_string(modified))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return body

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass

    send_site_headers = True  # False: a host that sends no headers, such as GitHub Pages

    def _site_headers(self) -> dict[str, str]:
        headers_file = Path(self.directory) / "_headers"
        if not self.send_site_headers or not headers_file.exists():
            return {}
        return headers_for(parse_headers_file(headers_file.read_text(encoding="utf-8")), self.path.split("?")[0])

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-type":
            value = self._site_headers().get("Content-Type", value)
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        for name, value in self._site_headers().items():
            if name != "Content-Type":
                super().send_header(name, value)
        super().end_headers()


class _QuietServer(socketserver.ThreadingTCPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that closes a page mid-download (tests and the benchmark do) is not an error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def serve(
    directory: Path, headers: bool = True, compress: bool = True, on_sent=None, on_request=None, on_response=None
) -> Iterator[str]:
    """Serve the site on 127.0.0.1; ``headers=False`` ignores its _headers file, as GitHub Pages does;
    ``compress=False`` never sends a precompressed copy; ``on_sent(bytes)`` counts what is sent,
    ``on_request(path)`` hears every request and ``on_response(path, status)`` every answer (a 200
    sends the file, a 304 tells the browser its copy is still good)."""
    settings = {
        "send_site_headers": headers,
        "compress": compress,
        "on_sent": staticmethod(on_sent) if on_sent else None,
        "on_request": staticmethod(on_request) if on_request else None,
        "on_response": staticmethod(on_response) if on_response else None,
    }
    handler_class = type("SiteHandler", (_QuietHandler,), settings)
    handler = functools.partial(handler_class, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def visible_text(raw: str) -> str:
    """HTML as words a person reads: no scripts or styles, inline elements joined to their words."""
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    raw = re.sub(r"</?(abbr|a|strong|em|span|code)\b[^>]*>", "", raw)  # inline: no word break
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def page_text(path: Path) -> str:
    return visible_text(path.read_text(encoding="utf-8"))


def page_url(base: str, site: Path, page: Path) -> str:
    relative = page.relative_to(site).as_posix()
    return f"{base}/{relative[: -len('index.html')] if relative.endswith('index.html') else relative}"
