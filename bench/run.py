"""`make bench`: how fast the site, the checker and Python start, in headless Chromium.

Builds the site, serves it on 127.0.0.1 (with its own _headers, as a static host would), and
measures each number as the median of RUNS runs, every run in a fresh browser context (an
empty cache). Prints a table and writes bench/latest.json. Not part of `make test`: timings
belong in a benchmark, not in pass/fail tests.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from sitebuild import serve  # noqa: E402  (the tests' static server, which applies _headers)

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
UPDATES = 200
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")

BARE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title></head>
<body><p id="state">loading</p><script type="module">
const worker = new Worker(new URL("./worker.mjs", import.meta.url), {type: "module"});
worker.onmessage = ({data}) => {
  performance.mark("bare-python-ready");
  document.getElementById("state").textContent = data;
};
</script></body></html>"""
BARE_WORKER = """import { loadPyodide } from "./pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: new URL("./pyodide/", import.meta.url).href, packages: [] });
self.postMessage(pyodide.runPython("'ready'"));"""


class ByteCounter:
    """Bytes of response bodies the server sent: what a browser downloaded."""

    def __init__(self) -> None:
        self.total = 0
        self.lock = threading.Lock()

    def add(self, count: int) -> None:
        with self.lock:
            self.total += count


@contextmanager
def counted_server(directory: Path):
    import sitebuild

    counter = ByteCounter()
    original = sitebuild._QuietHandler.send_header

    def counting(handler: Any, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length" and getattr(handler, "command", "") == "GET":
            counter.add(int(value))
        original(handler, keyword, value)

    sitebuild._QuietHandler.send_header = counting  # type: ignore[method-assign]
    try:
        with serve(directory) as base:
            yield base, counter
    finally:
        sitebuild._QuietHandler.send_header = original  # type: ignore[method-assign]


def median_of(runs: int, measure: Callable[[], float]) -> tuple[float, list[float]]:
    values = [measure() for _ in range(runs)]
    return statistics.median(values), values


def mark(page: Any, name: str, timeout: float = 90.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = page.evaluate(
            "(name) => { const m = performance.getEntriesByName(name)[0]; "
            "return m ? {time: m.startTime, detail: m.detail} : null; }",
            name,
        )
        if found:
            return found
        time.sleep(0.01)
    raise TimeoutError(f"no performance mark {name!r} within {timeout} s")


def build_seconds() -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    # What `make build` runs: the three stages, with the default engine (MkDocs + Material).
    subprocess.run([sys.executable, "-m", "toolkit", "build"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def bare_site(scratch: Path) -> Path:
    bare = scratch / "bare"
    (bare / "pyodide").mkdir(parents=True)
    for name in CORE:
        shutil.copyfile(ROOT / "node_modules" / "pyodide" / name, bare / "pyodide" / name)
    (bare / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    (bare / "worker.mjs").write_text(BARE_WORKER, encoding="utf-8")
    return bare


def run() -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {}
    runs: dict[str, list[float]] = {}
    results["build_s"], runs["build_s"] = median_of(RUNS, build_seconds)
    site = ROOT / "site"

    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def fresh_context() -> Any:
            # A cold profile; the service worker blocked so the numbers are the page's own.
            return browser.new_context(service_workers="block")

        with counted_server(site) as (base, counter):

            def guidance_page() -> float:
                with closing(fresh_context()) as context:
                    page = context.new_page()
                    page.goto(f"{base}/levels/statutory/", wait_until="load")
                    return page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")

            def form_usable() -> float:
                with closing(fresh_context()) as context:
                    page = context.new_page()
                    page.goto(f"{base}/check/", wait_until="commit")
                    return mark(page, "lon-form-usable")["time"]

            cold: list[dict[str, Any]] = []

            def python_cold_and_warm() -> float:
                with closing(fresh_context()) as context:
                    page = context.new_page()
                    before = counter.total
                    page.goto(f"{base}/check/", wait_until="commit")
                    ready = mark(page, "lon-python-ready")
                    downloaded = counter.total - before
                    heap = cdp_heap_mb(context, page)
                    page.goto(f"{base}/check/", wait_until="commit")  # the second visit: warm caches
                    warm = mark(page, "lon-python-ready")
                    cold.append({"ready": ready, "bytes": downloaded, "heap": heap, "warm": warm["time"]})
                    return ready["time"]

            def updates() -> list[float]:
                with closing(fresh_context()) as context:
                    page = context.new_page()
                    page.goto(f"{base}/check/")
                    mark(page, "lon-python-ready")
                    page.wait_for_selector("#lon-result[data-level]", timeout=30_000)
                    return page.evaluate(UPDATE_LATENCIES, UPDATES)

            results["guidance_page_ms"], runs["guidance_page_ms"] = median_of(RUNS, guidance_page)
            results["form_usable_ms"], runs["form_usable_ms"] = median_of(RUNS, form_usable)
            results["python_ready_cold_ms"], runs["python_ready_cold_ms"] = median_of(RUNS, python_cold_and_warm)
            runs["python_ready_warm_ms"] = [c["warm"] for c in cold]
            results["python_ready_warm_ms"] = statistics.median(runs["python_ready_warm_ms"])
            runs["bytes_cold"] = [c["bytes"] for c in cold]
            results["bytes_cold"] = int(statistics.median(runs["bytes_cold"]))
            results["js_heap_mb"] = round(statistics.median(c["heap"] for c in cold), 1)
            results["wasm_memory_mb"] = round(
                statistics.median(c["ready"]["detail"]["wasmBytes"] for c in cold) / 1e6, 1
            )
            results["python_started_from"] = sorted({c["ready"]["detail"]["started"] for c in cold})
            latencies = [ms for _ in range(RUNS) for ms in updates()]
            results["update_p50_ms"] = percentile(latencies, 50)
            results["update_p95_ms"] = percentile(latencies, 95)
            results["update_samples"] = len(latencies)

        with counted_server(bare_site(Path(scratch))) as (bare_base, bare_counter):
            bare_bytes: list[int] = []

            def bare_ready() -> float:
                with closing(fresh_context()) as context:
                    page = context.new_page()
                    before = bare_counter.total
                    page.goto(f"{bare_base}/", wait_until="commit")
                    ready = mark(page, "bare-python-ready")["time"]
                    bare_bytes.append(bare_counter.total - before)
                    return ready

            results["pyodide_bare_ready_ms"], runs["pyodide_bare_ready_ms"] = median_of(RUNS, bare_ready)
            results["pyodide_bare_bytes"] = int(statistics.median(bare_bytes))
        results["chromium"] = browser.version
        browser.close()

    results["ratios"] = {
        "python_ready_cold_ms / pyodide_bare_ready_ms": results["python_ready_cold_ms"]
        / results["pyodide_bare_ready_ms"],
        "python_ready_warm_ms / python_ready_cold_ms": results["python_ready_warm_ms"]
        / results["python_ready_cold_ms"],
        "form_usable_ms / guidance_page_ms": results["form_usable_ms"] / results["guidance_page_ms"],
        "bytes_cold / pyodide_bare_bytes": results["bytes_cold"] / results["pyodide_bare_bytes"],
    }
    results["runs"] = runs
    results["machine"] = machine()
    return results


UPDATE_LATENCIES = """async (count) => {
    // One choice changed, then the time until the result on screen has been replaced.
    const box = document.querySelector("#lon-check input[name=indicator][value^='l2-']");
    const result = document.getElementById("lon-result");
    const times = [];
    for (let i = 0; i < count; i++) {
        const changed = new Promise((resolve) => {
            const watcher = new MutationObserver(() => { watcher.disconnect(); resolve(); });
            watcher.observe(result, { childList: true });
        });
        const start = performance.now();
        box.click();
        await changed;  // the new result is in the page, to be painted in the next frame
        times.push(performance.now() - start);
    }
    return times;
}"""


class closing:
    def __init__(self, context: Any) -> None:
        self.context = context

    def __enter__(self) -> Any:
        return self.context

    def __exit__(self, *exc: object) -> None:
        self.context.close()


def cdp_heap_mb(context: Any, page: Any) -> float:
    session = context.new_cdp_session(page)
    session.send("Performance.enable")
    metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    session.detach()
    return metrics["JSHeapUsedSize"] / 1e6


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def machine() -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory = next(
        (line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line), "0"
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory) / 1e6, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
    }


KEYS = [
    ("guidance_page_ms", "load of a guidance page", "ms"),
    ("form_usable_ms", "/check/ form usable", "ms"),
    ("python_ready_cold_ms", "Python ready, empty cache", "ms"),
    ("python_ready_warm_ms", "Python ready, second visit", "ms"),
    ("pyodide_bare_ready_ms", "bare Pyodide core ready", "ms"),
    ("update_p50_ms", "update latency p50", "ms"),
    ("update_p95_ms", "update latency p95", "ms"),
    ("bytes_cold", "bytes, first visit to /check/", "B"),
    ("pyodide_bare_bytes", "bytes, bare Pyodide core", "B"),
    ("js_heap_mb", "page JS heap", "MB"),
    ("wasm_memory_mb", "Python (wasm) memory", "MB"),
    ("build_s", "make build", "s"),
]
TARGETS = {
    "python_ready_cold_ms / pyodide_bare_ready_ms": 0.35,
    "python_ready_warm_ms / python_ready_cold_ms": None,
    "form_usable_ms / guidance_page_ms": 1.5,
    "bytes_cold / pyodide_bare_bytes": 1.6,
}


def table(results: dict[str, Any]) -> str:
    lines = [f"{'measure':<34} {'median':>14}", "-" * 49]
    for key, label, unit in KEYS:
        value = results[key]
        shown = f"{value / 1e6:.2f} MB" if unit == "B" else f"{value:.1f} {unit}"
        lines.append(f"{label:<34} {shown:>14}")
    lines += ["", f"{'ratio':<48} {'value':>7} {'target':>7}", "-" * 64]
    for name, value in results["ratios"].items():
        target = TARGETS[name]
        lines.append(f"{name:<48} {value:>7.2f} {('≤ ' + str(target)) if target else '':>7}")
    warm_target = "met" if results["python_ready_warm_ms"] <= 1000 else "NOT met"
    p95_target = "met" if results["update_p95_ms"] <= 16 else "NOT met"
    lines += ["", f"warm Python-ready ≤ 1 s: {warm_target}; update p95 ≤ 16 ms: {p95_target}"]
    lines.append(f"Python started from: {', '.join(results['python_started_from'])}; {results['chromium']}")
    return "\n".join(lines)


def main() -> int:
    results = run()
    out = ROOT / "bench" / "latest.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
