"""`make bench`: how fast the site, the checker and Python start, and how many bytes they cost, in
headless Chromium.

Builds the site, serves it on 127.0.0.1 as a real host does (its own _headers, and the build's
precompressed copy of a file to a browser that accepts it), counts the bytes the server actually
sends, and measures each number as the median of RUNS runs (NETWORK_RUNS for the slow ones), every
run in a fresh browser context (an empty cache). Two real networks are emulated through the Chrome
DevTools Protocol: "slow 4G" (1.6 Mbps down, 150 ms round trip, the page's CPU 4x slower) and
"council Wi-Fi" (4 Mbps, 40 ms). CDP's CPU throttling slows the page but not its workers, so Python's
own start is not slowed in those runs. The "slow phone" runs therefore limit the CPU of the whole
browser process tree (page, workers, service worker) with a cgroup quota (v2 cpu.max, or v1
cpu.cfs_quota_us where the machine has only v1), calibrated so that Python's own start takes about
SLOW_PHONE_FACTOR times as long as unlimited, together with slow 4G.

Bytes are counted at the server, so every context's requests count: the page's, its workers' and the
service worker's (the first visit to /check/ with the service worker allowed, until the engine is kept).

Prints a table, writes bench/latest.json, and writes docs/performance.md from it (bench/report.py).
Not part of `make test`: timings belong in a benchmark, not in pass/fail tests.
"""

from __future__ import annotations

import contextlib
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
sys.path.insert(0, str(ROOT))
import words_share  # noqa: E402  (issue 26: the everyday words the filter finds)
from report import render  # noqa: E402  (docs/performance.md from the results)
from sitebuild import serve  # noqa: E402  (the tests' static server: _headers, precompressed copies)

from toolkit.publish.bundle import engine_paths  # noqa: E402
from toolkit.publish.compress import write_precompressed  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
NETWORK_RUNS = int(os.environ.get("BENCH_NETWORK_RUNS", "3"))  # each takes up to a minute
UPDATES = 200
# A first visit to /contacts/ is given this long, so the service worker finishes.
CONTACTS_WAIT_S = float(os.environ.get("BENCH_CONTACTS_WAIT_S", "30"))
# Network.emulateNetworkConditions takes bytes per second; Emulation.setCPUThrottlingRate a slowdown factor.
PROFILES = {
    "slow4g": {"down_mbps": 1.6, "up_mbps": 0.75, "rtt_ms": 150, "cpu_slowdown": 4},
    "wifi": {"down_mbps": 4.0, "up_mbps": 1.0, "rtt_ms": 40, "cpu_slowdown": 1},
}
# The slow phone: Python's own start (instantiated -> python) this many times as long as unlimited.
SLOW_PHONE_FACTOR = 4.0
SLOW_PHONE_FIRST_SHARE = 0.33  # a third of one core: about 4x in the cross-browser audit of 2026-12-04
SLOW_PHONE_CALIBRATIONS = 5  # a start's time is not quite 1/share, and the machine's load moves
CGROUP_ROOT = Path("/sys/fs/cgroup")
CPU_PERIOD_US = 100_000
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
# The bare Pyodide page loads Pyodide's own files: its full standard library (source) and lock file.
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
    """Bytes the server sent (headers and bodies, after compression): what went over the wire."""

    def __init__(self) -> None:
        self.total = 0
        self.lock = threading.Lock()

        self.downloads: dict[str, int] = {}  # path -> answers that sent the file (200)

    def add(self, count: int) -> None:
        with self.lock:
            self.total += count

    def answered(self, path: str, status: int) -> None:
        if status == 200:
            with self.lock:
                self.downloads[path] = self.downloads.get(path, 0) + 1


@contextmanager
def counted_server(directory: Path, compress: bool = True):
    counter = ByteCounter()
    with serve(directory, compress=compress, on_sent=counter.add, on_response=counter.answered) as base:
        yield base, counter


class CpuLimit:
    """A cgroup that holds a browser's whole process tree, and its CPU quota as a share of one core.

    cgroup v2 (cpu.max) where the machine has it, else v1's cpu controller (cpu.cfs_quota_us). The
    browser is started through a wrapper script that moves itself into the group and then execs the
    browser, so every process the browser starts (renderers, their workers, the GPU and network
    processes) is in the group from its first instruction."""

    def __init__(self, scratch: Path, browser: str) -> None:
        name = f"lon-bench-slow-{os.getpid()}"
        v2 = (CGROUP_ROOT / "cgroup.controllers").exists() and "cpu" in (
            CGROUP_ROOT / "cgroup.controllers"
        ).read_text().split()
        if v2:
            (CGROUP_ROOT / "cgroup.subtree_control").write_text("+cpu")
            self.group, self.mechanism = CGROUP_ROOT / name, "cgroup v2 cpu.max"
        elif (CGROUP_ROOT / "cpu" / "cpu.cfs_quota_us").exists():
            self.group, self.mechanism = CGROUP_ROOT / "cpu" / name, "cgroup v1 cpu.cfs_quota_us"
        else:
            raise RuntimeError("no cgroup cpu controller: the slow-phone profile needs one (and root)")
        self.group.mkdir(exist_ok=True)
        self.v2 = v2
        if not v2:
            (self.group / "cpu.cfs_period_us").write_text(str(CPU_PERIOD_US))
        self.wrapper = scratch / "browser-in-cgroup"
        self.wrapper.write_text(f'#!/bin/sh\necho $$ > {self.group / "cgroup.procs"}\nexec {browser} "$@"\n')
        self.wrapper.chmod(0o755)
        self.share: float | None = None

    def limit(self, share: float | None) -> None:
        """At most ``share`` of one core for the whole group, or no limit (None)."""
        self.share = share
        quota = str(round(share * CPU_PERIOD_US)) if share else ("max" if self.v2 else "-1")
        if self.v2:
            (self.group / "cpu.max").write_text(f"{quota} {CPU_PERIOD_US}")
        else:
            (self.group / "cpu.cfs_quota_us").write_text(quota)

    def remove(self) -> None:
        with contextlib.suppress(OSError):  # a process still in it: left for the machine's owner
            self.group.rmdir()


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
    write_precompressed(bare, ROOT / "build" / "compressed")  # served as compressed as the site's own
    return bare


def start_alternatives(site: Path) -> dict[str, float]:
    """Python's start three ways, timed in Node (CPU only), and the bytes each needs over the wire:
    the numbers behind the choice of python.zip over a memory snapshot (docs/performance.md)."""
    engine = site / "assets" / "checker"
    found: dict[str, float] = {}
    for mode in ("source", "bundle", "snapshot"):
        outs = []
        for _ in range(NETWORK_RUNS):
            run = subprocess.run(
                ["node", str(ROOT / "bench" / "start_alternatives.mjs"), str(engine), mode],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            outs.append(json.loads(run.stdout.strip().splitlines()[-1]))
        found[f"{mode}_ms"] = statistics.median(out["ms"] for out in outs)
        if mode == "snapshot":
            found["snapshot_gzip_bytes"] = outs[0]["snapshot_gzip_bytes"]

    # Over the wire from a host that serves the build's brotli copy of a file that has one.
    def wire(name: str) -> int:
        copy = engine / f"{name}.br"
        return (copy if copy.exists() else engine / name).stat().st_size

    runtime = sum(wire(f"pyodide/{name}") for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"))
    found["bundle_wire_bytes"] = runtime + wire("python.zip") + wire("thresholds.json")
    found["snapshot_wire_bytes"] = runtime + found["snapshot_gzip_bytes"]  # gzip already: hosts cannot shrink it
    return found


def emulate(context: Any, page: Any, profile: dict[str, float]) -> None:
    """A real network (and a slower CPU for the page) through the Chrome DevTools Protocol."""
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": profile["rtt_ms"],
            "downloadThroughput": profile["down_mbps"] * 1e6 / 8,
            "uploadThroughput": profile["up_mbps"] * 1e6 / 8,
        },
    )
    session.send("Emulation.setCPUThrottlingRate", {"rate": profile["cpu_slowdown"]})


def run() -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {}
    runs: dict[str, list[float]] = {}
    # Issue 26: the share of the independent everyday-words list that the check's filter finds rightly
    # (a count, not a timing); the site's search's share is measured below, in Chromium.
    right, counted, _ = words_share.filter_share(words_share.load_thresholds(), words_share.load_fixture())
    results["everyday_words_filter_share"] = round(right / counted, 3)
    print(f"everyday words, check's filter: {right}/{counted} find a right worry among the first 5")
    results["build_s"], runs["build_s"] = median_of(RUNS, build_seconds)
    site = ROOT / "site"
    # python.zip as built (entries stored) and the build's copies of it: what a host sends (issue 28).
    zipped = site / "assets" / "checker" / "python.zip"
    results["python_zip"] = {
        "stored_bytes": zipped.stat().st_size,
        "br_bytes": zipped.with_name("python.zip.br").stat().st_size,
        "gz_bytes": zipped.with_name("python.zip.gz").stat().st_size,
    }

    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def fresh_context() -> Any:
            # A cold profile; the service worker blocked so the numbers are the page's own.
            return browser.new_context(service_workers="block")

        with counted_server(site) as (base, counter):
            with closing(fresh_context()) as context:
                page = context.new_page()
                page.goto(f"{base}/", wait_until="networkidle")  # the search index has arrived
                page.keyboard.press("/")
                thresholds, fixture = words_share.load_thresholds(), words_share.load_fixture()
                right, counted, _ = words_share.search_share(page, site, thresholds, fixture)
            results["everyday_words_search_share"] = round(right / counted, 3)
            print(f"everyday words, the site's search: {right}/{counted} find a right worry among the first 5")

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
                    stages = start_stages(page, ready)
                    heap = cdp_heap_mb(context, page)
                    page.goto(f"{base}/check/", wait_until="commit")  # the second visit: warm caches
                    warm = mark(page, "lon-python-ready")
                    cold.append(
                        {
                            "ready": ready,
                            "bytes": downloaded,
                            "heap": heap,
                            "warm": warm["time"],
                            "stages": stages,
                            "warm_stages": start_stages(page, warm),
                        }
                    )
                    return ready["time"]

            def updates() -> list[float]:
                with closing(fresh_context()) as context:
                    page = context.new_page()
                    page.goto(f"{base}/check/")
                    mark(page, "lon-python-ready")
                    # The result is on the last question page: it is there, updated, while another is shown.
                    page.wait_for_selector("#lon-result[data-level]", state="attached", timeout=30_000)
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
            # How Python starts: from the build's python.zip (no memory snapshot since issue 13), with
            # Pyodide's wasm compiled by the page; and where the time goes, stage by stage.
            results["python_started_from"] = ["python.zip", "wasm compiled by the page"]
            for key, visit in (("start_stages_cold_ms", "stages"), ("start_stages_warm_ms", "warm_stages")):
                results[key] = {name: statistics.median(c[visit][name] for c in cold) for name in START_STAGES}
            latencies = [ms for _ in range(RUNS) for ms in updates()]
            results["update_p50_ms"] = percentile(latencies, 50)
            results["update_p95_ms"] = percentile(latencies, 95)
            results["update_samples"] = len(latencies)
            results["check_first_visit_bytes_wire"] = results["bytes_cold"]
            runs["check_first_visit_bytes_wire"] = runs["bytes_cold"]

            def contacts_first_visit() -> int:
                # The service worker runs, as in a user's browser: what it precaches counts too.
                with closing(browser.new_context(service_workers="allow")) as context:
                    page = context.new_page()
                    before = counter.total
                    page.goto(f"{base}/contacts/", wait_until="load")
                    time.sleep(CONTACTS_WAIT_S)
                    return counter.total - before

            results["contacts_first_visit_bytes"], runs["contacts_first_visit_bytes"] = median_of(
                NETWORK_RUNS, contacts_first_visit
            )

            engine_files = [f"/{path}" for path in engine_paths(site)]
            repeated: list[dict[str, int]] = []

            def check_first_visit_all_contexts() -> int:
                # As a user's browser has it: the service worker runs and keeps the engine for offline use.
                # Every request of the page, its workers and the service worker reaches this server.
                with closing(browser.new_context(service_workers="allow")) as context:
                    page = context.new_page()
                    before, downloads_before = counter.total, dict(counter.downloads)
                    page.goto(f"{base}/check/", wait_until="commit")
                    mark(page, "lon-python-ready")
                    deadline = time.monotonic() + 60
                    while not page.evaluate(ENGINE_KEPT) and time.monotonic() < deadline:
                        time.sleep(0.2)
                    time.sleep(1)  # anything still in flight
                    sent = {p: counter.downloads.get(p, 0) - downloads_before.get(p, 0) for p in engine_files}
                    repeated.append({path: count for path, count in sent.items() if count > 1})
                    return counter.total - before

            results["check_first_visit_bytes_all_contexts"], runs["check_first_visit_bytes_all_contexts"] = median_of(
                NETWORK_RUNS, check_first_visit_all_contexts
            )
            results["engine_files_downloaded_twice"] = sorted({path for found in repeated for path in found})

            for name, profile in PROFILES.items():
                network_runs: list[dict[str, float]] = []

                def on_network(profile: dict[str, float] = profile, into: list = network_runs) -> float:
                    with closing(fresh_context()) as context:
                        page = context.new_page()
                        emulate(context, page, profile)
                        page.goto(f"{base}/check/", wait_until="commit")
                        usable = mark(page, "lon-form-usable", timeout=180)["time"]
                        ready = mark(page, "lon-python-ready", timeout=180)["time"]
                        into.append({"form": usable, "ready": ready})
                        return ready

                results[f"{name}_python_ready_ms"], runs[f"{name}_python_ready_ms"] = median_of(
                    NETWORK_RUNS, on_network
                )
                runs[f"{name}_form_usable_ms"] = [r["form"] for r in network_runs]
                results[f"{name}_form_usable_ms"] = statistics.median(runs[f"{name}_form_usable_ms"])

        # The same first visit to /check/ from a host that compresses nothing, for comparison.
        with counted_server(site, compress=False) as (plain_base, plain_counter):

            def uncompressed_bytes() -> int:
                with closing(fresh_context()) as context:
                    page = context.new_page()
                    before = plain_counter.total
                    page.goto(f"{plain_base}/check/", wait_until="commit")
                    mark(page, "lon-python-ready")
                    return plain_counter.total - before

            results["check_first_visit_bytes_uncompressed"], runs["check_first_visit_bytes_uncompressed"] = median_of(
                NETWORK_RUNS, uncompressed_bytes
            )

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
        results["slow_phone"], runs["slow_phone"] = slow_phone(playwright, Path(scratch), site)
        for key in ("form_usable_ms", "python_ready_ms", "longest_task_ms"):
            results[f"slow_phone_{key}"] = results["slow_phone"][key]
        results["slow_phone_false_stall_messages"] = results["slow_phone"]["false_stall_messages"]

    results["ratios"] = {
        "python_ready_cold_ms / pyodide_bare_ready_ms": results["python_ready_cold_ms"]
        / results["pyodide_bare_ready_ms"],
        "python_ready_warm_ms / python_ready_cold_ms": results["python_ready_warm_ms"]
        / results["python_ready_cold_ms"],
        "form_usable_ms / guidance_page_ms": results["form_usable_ms"] / results["guidance_page_ms"],
        "bytes_cold / pyodide_bare_bytes": results["bytes_cold"] / results["pyodide_bare_bytes"],
    }
    results["start_alternatives"] = start_alternatives(site)
    results["profiles"] = PROFILES
    results["cpu_throttling_reaches_workers"] = False  # CDP slows the page's thread only
    results["runs"] = runs
    results["machine"] = machine()
    results["load_average"] = os.getloadavg()  # other work on the machine while it ran
    results["date"] = time.strftime("%Y-%m-%d")
    return results


ENGINE_KEPT = """async () => {
    for (const key of await caches.keys()) {
        if (await (await caches.open(key)).match(location.origin + "/assets/checker/manifest.json")) return true;
    }
    return false;
}"""
# The longest task on the page's main thread since the navigation (Long Tasks API: 50 ms and over).
LONGEST_TASK = """window.__lonLongestTask = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__lonLongestTask = Math.max(window.__lonLongestTask, entry.duration);
}).observe({ type: "longtask", buffered: true });"""
# What the page says when it gives up on the connection: on this server every byte is served, so any
# such message is false.
STALL_MESSAGE = "Check your connection"


def ready_or_failed(page: Any, timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = page.evaluate(
            """() => {
                const m = performance.getEntriesByName("lon-python-ready")[0];
                const failed = document.querySelector("form[data-engine=failed]");
                return m || failed ? {ready: m ? m.startTime : null, stages: m ? m.detail.stages : null,
                    text: document.body.innerText} : null;
            }"""
        )
        if state:
            return state
        time.sleep(0.05)
    return {"ready": None, "stages": None, "text": page.evaluate("document.body.innerText")}


def slow_phone(playwright: Any, scratch: Path, site: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The slow phone: the whole browser under a CPU quota calibrated so that Python's own start takes
    about SLOW_PHONE_FACTOR times as long as without it, and slow 4G. Returns (medians, every run)."""
    limit = CpuLimit(scratch, CHROMIUM)
    browser = playwright.chromium.launch(executable_path=str(limit.wrapper), args=CHROMIUM_ARGS)
    network = {**PROFILES["slow4g"], "cpu_slowdown": 1}  # the CPU is the cgroup's to slow, not DevTools'
    try:
        with counted_server(site) as (base, _):

            def visit(slow_network: bool) -> dict[str, Any]:
                with closing(browser.new_context(service_workers="block")) as context:
                    context.add_init_script(LONGEST_TASK)
                    page = context.new_page()
                    if slow_network:
                        emulate(context, page, network)
                    # The page's main thread's own work (Chrome's cumulative task, script and layout times),
                    # read as soon as the form is usable: what a 2 s "usable" has to fit into on this CPU.
                    main_thread = context.new_cdp_session(page)
                    main_thread.send("Performance.enable")
                    page.goto(f"{base}/check/", wait_until="commit")
                    usable = mark(page, "lon-form-usable", timeout=180)["time"]
                    work = {m["name"]: m["value"] for m in main_thread.send("Performance.getMetrics")["metrics"]}
                    main_thread.detach()
                    state = ready_or_failed(page, 240)
                    stages = state["stages"] or {}
                    return {
                        "form_usable_ms": usable,
                        "python_ready_ms": state["ready"],
                        "python_start_ms": stages["python"] - stages["instantiated"] if stages else None,
                        "longest_task_ms": page.evaluate("window.__lonLongestTask"),
                        "false_stall_messages": int(STALL_MESSAGE in state["text"]),
                        "main_thread_busy_ms_when_usable": round(work.get("TaskDuration", 0.0) * 1000),
                        "scripts_ms_when_usable": round(work.get("ScriptDuration", 0.0) * 1000),
                    }

            def start_ms(share: float | None, count: int = 2) -> float:
                limit.limit(share)
                return statistics.median(visit(False)["python_start_ms"] for _ in range(count))

            # Calibration: the limited start against an unlimited one just before it (the machine's load
            # changes), the share scaled by their ratio (a start's time goes as 1/share), until within 15%.
            share, calibration = SLOW_PHONE_FIRST_SHARE, []
            for attempt in range(SLOW_PHONE_CALIBRATIONS):
                unlimited = start_ms(None)
                factor = start_ms(share) / unlimited
                calibration.append({"share": round(share, 3), "unlimited_ms": unlimited, "factor": round(factor, 2)})
                close = abs(factor - SLOW_PHONE_FACTOR) <= 0.15 * SLOW_PHONE_FACTOR
                if close or attempt == SLOW_PHONE_CALIBRATIONS - 1:
                    break  # the share measured last is the one used
                share = min(1.0, share * factor / SLOW_PHONE_FACTOR)
            limit.limit(share)
            visits = [visit(True) for _ in range(NETWORK_RUNS)]
    finally:
        browser.close()
        limit.remove()
    finished = [v for v in visits if v["python_ready_ms"] is not None]
    medians = {
        "cpu_limit": limit.mechanism,
        "cpu_share_of_one_core": round(share, 3),
        "python_start_unlimited_ms": unlimited,
        "python_start_factor": round(factor, 2),
        "form_usable_ms": statistics.median(v["form_usable_ms"] for v in visits),
        "python_ready_ms": statistics.median(v["python_ready_ms"] for v in finished) if finished else None,
        "python_not_ready": len(visits) - len(finished),
        "longest_task_ms": statistics.median(v["longest_task_ms"] for v in visits),
        "false_stall_messages": sum(v["false_stall_messages"] for v in visits),
        "main_thread_busy_ms_when_usable": statistics.median(v["main_thread_busy_ms_when_usable"] for v in visits),
        "scripts_ms_when_usable": statistics.median(v["scripts_ms_when_usable"] for v in visits),
        "network": "slow4g",
    }
    return medians, {"visits": visits, "calibration": calibration}


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


# The stages of the checker's start, in order, on the page's clock (ms from the navigation): the
# page starts the worker and fetches and compiles the wasm, the worker loads Pyodide's scripts and
# the manifest, instantiates the page's module, Python starts, the core loads the guidance, and the
# worker shuts the network and says ready.
START_STAGES = ("engine", "worker", "manifest", "compiled", "instantiated", "python", "core", "ready")


def start_stages(page: Any, ready: dict[str, Any]) -> dict[str, float]:
    """When each stage ended, from the page's and the worker's marks of one visit."""
    engine = page.evaluate("() => performance.getEntriesByName('lon-engine-started').at(-1).startTime")
    return {"engine": engine, **ready["detail"]["stages"], "ready": ready["time"]}


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
    ("check_first_visit_bytes_all_contexts", "the same, every context (service worker)", "B"),
    ("check_first_visit_bytes_uncompressed", "the same, host compresses nothing", "B"),
    ("contacts_first_visit_bytes", "bytes, first visit to /contacts/", "B"),
    ("pyodide_bare_bytes", "bytes, bare Pyodide core", "B"),
    ("slow4g_form_usable_ms", "slow 4G: form usable", "ms"),
    ("slow4g_python_ready_ms", "slow 4G: Python ready", "ms"),
    ("wifi_form_usable_ms", "council Wi-Fi: form usable", "ms"),
    ("wifi_python_ready_ms", "council Wi-Fi: Python ready", "ms"),
    ("js_heap_mb", "page JS heap", "MB"),
    ("wasm_memory_mb", "Python (wasm) memory", "MB"),
    ("slow_phone_form_usable_ms", "slow phone: form usable", "ms"),
    ("slow_phone_python_ready_ms", "slow phone: Python ready", "ms"),
    ("slow_phone_longest_task_ms", "slow phone: longest main-thread task", "ms"),
    ("slow_phone_false_stall_messages", "slow phone: false stall messages", ""),
    ("build_s", "make build", "s"),
]
RATIO_TARGETS = {
    "python_ready_cold_ms / pyodide_bare_ready_ms": None,  # retired as a target (issue 28)
    "python_ready_warm_ms / python_ready_cold_ms": None,
    "form_usable_ms / guidance_page_ms": 1.5,
    "bytes_cold / pyodide_bare_bytes": None,
}
# Issue 28's targets: (key, at most, unit). Issue 13's cold/bare ratio and second-visit time are
# retired as targets (still reported): the memory snapshot that would meet them costs slow phones more.
TARGETS = [
    ("contacts_first_visit_bytes", 1_000_000, "B"),
    ("check_first_visit_bytes_all_contexts", 4_000_000, "B"),
    ("slow4g_python_ready_ms", 22_000, "ms"),
    ("slow_phone_python_ready_ms", 35_000, "ms"),
    ("slow_phone_false_stall_messages", 0, ""),
    ("slow_phone_form_usable_ms", 2_000, "ms"),
    ("update_p95_ms", 16, "ms"),
]


def shown(value: float | None, unit: str) -> str:
    if value is None:
        return "none"
    return f"{value / 1e6:.2f} MB" if unit == "B" else f"{value:.1f} {unit}".strip()


def table(results: dict[str, Any]) -> str:
    lines = [f"{'measure':<38} {'median':>14}", "-" * 53]
    for key, label, unit in KEYS:
        lines.append(f"{label:<38} {shown(results[key], unit):>14}")
    lines += ["", f"{'ratio':<48} {'value':>7} {'target':>7}", "-" * 64]
    for name, value in results["ratios"].items():
        target = RATIO_TARGETS[name]
        lines.append(f"{name:<48} {value:>7.2f} {('≤ ' + str(target)) if target else '':>7}")
    lines += ["", "targets:"]
    for key, limit, unit in TARGETS:
        met = "met" if results[key] is not None and results[key] <= limit else "NOT met"
        lines.append(f"  {key} {shown(results[key], unit)} ≤ {shown(limit, unit)}: {met}")
    lines.append(f"Chromium {results['chromium']}; load average while it ran: {results['load_average']}")
    return "\n".join(lines)


def main() -> int:
    results = run()
    out = ROOT / "bench" / "latest.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    page = ROOT / "docs" / "performance.md"
    page.write_text(render(results), encoding="utf-8")
    print(table(results))
    print(f"\nwritten to {out.relative_to(ROOT)} and {page.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
