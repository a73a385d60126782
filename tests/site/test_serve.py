"""`make serve`: MkDocs serves the site through the hooks, and rebuilds when the thresholds file changes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from conftest import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, words: str, timeout: float = 180) -> str:
    """The page at ``url`` once it contains ``words`` (a build takes seconds: the checker's engine is made)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = fetch(url)
        if text and words in text:
            return text
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {words!r} within {timeout} s; last seen:\n{(text or '')[:500]}")


@contextmanager
def mkdocs_serve(thresholds_file) -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**os.environ, "THRESHOLDS_FILE": str(thresholds_file), "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


# The starter file (`toolkit new` writes it): serving rebuilds the same way whatever the file, and its small
# site builds in seconds where Medway's takes a minute or more, twice.
STARTER_FILE = ROOT / "toolkit" / "schema" / "starter.yml"


@pytest.mark.slow  # mkdocs serve builds twice
def test_serve_rebuilds_when_the_thresholds_file_changes(tmp_path):
    watched = tmp_path / "thresholds.yml"
    shutil.copyfile(STARTER_FILE, watched)
    with mkdocs_serve(watched) as base:
        about = wait_for(f"{base}/about/", "<td>0.1</td>")
        assert 'http-equiv="Content-Security-Policy"' in about  # the finish stage ran
        assert "unregister()" in fetch(f"{base}/sw.js")  # and retires any offline copy while serving
        watched.write_text(watched.read_text(encoding="utf-8").replace('version: "0.1"', 'version: "0.2"', 1))
        about = wait_for(f"{base}/about/", "<td>0.2</td>")
        assert "<td>0.1</td>" not in about
