"""The request waterfall of a first visit to /check/, as the server saw it: every request of every
context (the page, its workers, the service worker), in the order they reached the server, with its
status, the bytes sent (headers and body, after compression) and when its answer started and ended
(ms from the navigation, on the server's clock). Byte counts and the order of requests do not depend on
the machine's load; the times do.

    .venv/bin/python bench/waterfall.py [--profile slow4g|wifi] [--block-service-worker]

Reads the built site in site/ (make build). Not part of `make test` or `make bench`: a tool for reading
where the bytes and the idle time of a first visit go (docs/performance.md).
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
from run import CHROMIUM, CHROMIUM_ARGS, ENGINE_KEPT, PROFILES, closing, emulate, mark  # noqa: E402
from sitebuild import serve  # noqa: E402


class Waterfall:
    """Each answer the server gave: path, status, bytes sent, and when it started and ended."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.current = threading.local()  # one connection per thread: its answer in progress
        self.lock = threading.Lock()
        self.origin = time.monotonic()

    def now(self) -> float:
        return round((time.monotonic() - self.origin) * 1000, 1)

    def responded(self, path: str, status: int) -> None:
        row = {"path": path, "status": status, "bytes": 0, "start_ms": self.now(), "end_ms": self.now()}
        with self.lock:
            self.rows.append(row)
        self.current.row = row

    def sent(self, count: int) -> None:
        row = getattr(self.current, "row", None)
        if row is not None:
            row["bytes"] += count
            row["end_ms"] = self.now()

    def total(self) -> int:
        return sum(row["bytes"] for row in self.rows)


@contextmanager
def recorded(site: Path):
    waterfall = Waterfall()
    with serve(site, on_sent=waterfall.sent, on_response=waterfall.responded) as base:
        yield base, waterfall


def first_visit(site: Path, profile: str | None, block_service_worker: bool) -> Waterfall:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, recorded(site) as (base, waterfall):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        workers = "block" if block_service_worker else "allow"
        with closing(browser.new_context(service_workers=workers)) as context:
            page = context.new_page()
            if profile:
                emulate(context, page, PROFILES[profile])
            waterfall.origin = time.monotonic()
            page.goto(f"{base}/check/", wait_until="commit")
            mark(page, "lon-python-ready", timeout=240)
            if not block_service_worker:
                deadline = time.monotonic() + 90
                while not page.evaluate(ENGINE_KEPT) and time.monotonic() < deadline:
                    time.sleep(0.2)
            time.sleep(2)  # anything still in flight
            waterfall.ready_ms = page.evaluate("performance.getEntriesByName('lon-python-ready')[0].startTime")
            waterfall.usable_ms = page.evaluate("performance.getEntriesByName('lon-form-usable')[0].startTime")
        browser.close()
    return waterfall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=sorted(PROFILES), default=None)
    parser.add_argument("--block-service-worker", action="store_true")
    args = parser.parse_args()
    waterfall = first_visit(ROOT / "site", args.profile, args.block_service_worker)
    print(f"{'start':>8} {'end':>8} {'status':>6} {'bytes':>9}  path")
    for row in sorted(waterfall.rows, key=lambda row: row["start_ms"]):
        print(f"{row['start_ms']:>8.0f} {row['end_ms']:>8.0f} {row['status']:>6} {row['bytes']:>9}  {row['path']}")
    print(
        f"total {waterfall.total()} bytes in {len(waterfall.rows)} answers; form usable "
        f"{waterfall.usable_ms:.0f} ms, Python ready {waterfall.ready_ms:.0f} ms (page clock)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
