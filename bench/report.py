"""docs/performance.md, written from the benchmark's results (bench/latest.json) by `make bench`.

Every number on the page comes from the results: edit the words here, never the page itself
(tests/site/test_bench_results.py checks that the page is this function's output).
"""

from __future__ import annotations

from typing import Any

SLOW_4G_MBPS = 1.6


def mb(value: float, places: int = 1) -> str:
    return f"{value / 1e6:.{places}f} MB"


def ms(value: float) -> str:
    return f"{value:,.0f} ms"


def seconds(value_ms: float) -> str:
    return f"{value_ms / 1000:.1f} s"


def download_s(size: float, mbps: float = SLOW_4G_MBPS) -> str:
    return f"{size * 8 / (mbps * 1e6):.0f} s"


def shown(value: float | None, show: Any) -> str:
    return "never (Python did not start)" if value is None else show(value)


def count(value: float) -> str:
    return f"{value:.0f}"


# Issue 28's targets: (label, key, at most, how shown). Issue 13's cold ÷ bare ratio and second-visit
# time are retired as targets (the memory snapshot that would meet them costs slow phones 10-12 s) and
# stay among the results.
TARGETS = [
    (
        "first visit to a guidance page (/contacts/), the service worker's bytes included",
        "contacts_first_visit_bytes",
        1_000_000,
        mb,
    ),
    (
        "first visit to the self-check (/check/), every context (page, workers, service worker) over the wire",
        "check_first_visit_bytes_all_contexts",
        4_000_000,
        mb,
    ),
    ("Python ready on slow 4G", "slow4g_python_ready_ms", 22_000, seconds),
    ("slow phone (CPU limit and slow 4G): Python ready", "slow_phone_python_ready_ms", 35_000, seconds),
    ('slow phone: false "check your connection" messages', "slow_phone_false_stall_messages", 0, count),
    ("slow phone: the form usable", "slow_phone_form_usable_ms", 2_000, seconds),
    ("update after a change of answer, 95th percentile", "update_p95_ms", 16, lambda v: f"{v:.1f} ms"),
]

RESULTS = [
    ("a guidance page, loaded", "guidance_page_ms", ms),
    ("the self-check form, usable", "form_usable_ms", ms),
    ("Python ready, empty cache", "python_ready_cold_ms", ms),
    ("Python ready, second visit", "python_ready_warm_ms", ms),
    ("bare Pyodide ready (its own source standard library, nothing else)", "pyodide_bare_ready_ms", ms),
    ("slow 4G: the form usable", "slow4g_form_usable_ms", seconds),
    ("slow 4G: Python ready", "slow4g_python_ready_ms", seconds),
    ("council Wi-Fi: the form usable", "wifi_form_usable_ms", seconds),
    ("council Wi-Fi: Python ready", "wifi_python_ready_ms", seconds),
    ("update after a change of answer, median", "update_p50_ms", lambda v: f"{v:.1f} ms"),
    ("update after a change of answer, 95th percentile", "update_p95_ms", lambda v: f"{v:.1f} ms"),
    ("slow phone: the form usable", "slow_phone_form_usable_ms", seconds),
    ("slow phone: Python ready", "slow_phone_python_ready_ms", seconds),
    ("slow phone: the longest task on the page's main thread", "slow_phone_longest_task_ms", ms),
    ('slow phone: false "check your connection" messages, all runs', "slow_phone_false_stall_messages", count),
    ("first visit to the self-check, over the wire (service worker blocked)", "check_first_visit_bytes_wire", mb),
    (
        "the same with the service worker keeping the engine: every context",
        "check_first_visit_bytes_all_contexts",
        mb,
    ),
    ("the same from a host that compresses nothing", "check_first_visit_bytes_uncompressed", mb),
    ("first visit to /contacts/, with the service worker's", "contacts_first_visit_bytes", mb),
    ("bare Pyodide, over the wire", "pyodide_bare_bytes", mb),
    ("the page's JavaScript memory", "js_heap_mb", lambda v: f"{v:.1f} MB"),
    ("Python's (WebAssembly) memory", "wasm_memory_mb", lambda v: f"{v:.1f} MB"),
    ("`make build`", "build_s", lambda v: f"{v:.1f} s"),
]


STAGE_MEANINGS = {
    "engine": "the page's scripts ran; the page starts the worker and fetches and compiles Pyodide's wasm",
    "worker": "the worker's script and Pyodide's loader arrived",
    "manifest": "the engine's manifest arrived",
    "compiled": "the page's compiled wasm module reached the worker",
    "instantiated": "the module was instantiated",
    "python": "Python started (Pyodide's own start, from `python.zip`)",
    "core": "the checker's core was imported and loaded the guidance",
    "ready": "the network was shut and checked; the page was told",
}


def not_met(results: dict[str, Any]) -> list[str]:
    """What the results say a missed byte or time target would take, from this run's own figures."""
    all_contexts, page_only = results["check_first_visit_bytes_all_contexts"], results["bytes_cold"]
    zipped = results["python_zip"]
    transfer_ms = page_only * 8 / (SLOW_4G_MBPS * 1e6) * 1000
    phone = results["slow_phone"]
    stages = results["start_stages_cold_ms"]
    bullets = [
        # Two places here: the figures sit either side of the target, which one place would round away.
        f"- **Bytes, every context** ({mb(all_contexts, 2)} against 4.0 MB): the page and its worker take "
        f"{mb(page_only, 2)} (measured with the service worker blocked); the service worker's copy of the "
        f"guidance takes {mb(all_contexts - page_only, 2)} more (its pages in one file, and the few files the "
        "page did not load: what the page loaded it takes from the browser's cache). Of the page's bytes, "
        f"`python.zip` is {mb(zipped['br_bytes'])} (brotli) and Pyodide's wasm, about 2.7 MB, is its floor. "
        + (
            f"Deferring the guidance copy to a later visit would meet 4.0 MB ({mb(page_only, 2)}), but the "
            "guidance would then work offline only after a second visit: the owner's decision."
            if page_only <= 4_000_000
            else f"Even without the guidance copy the page's own {mb(page_only)} miss 4.0 MB: the engine "
            "must be smaller still."
        )
        if all_contexts > 4_000_000
        else "",
        f"- **Slow 4G, Python ready** ({seconds(results['slow4g_python_ready_ms'])} against 22 s): the "
        f"page's {mb(page_only)} take {seconds(transfer_ms)} at {SLOW_4G_MBPS} Mbps; the other "
        f"{seconds(results['slow4g_python_ready_ms'] - transfer_ms)} are round trips, Python's own start "
        f"({ms(stages['python'] - stages['instantiated'])} unthrottled in this run, load above) and "
        "importing the checker. At that rate, 22 s needs the page's bytes at most "
        f"{mb(max(0.0, 22_000 - (results['slow4g_python_ready_ms'] - transfer_ms)) * SLOW_4G_MBPS * 1e6 / 8 / 1000)}, "
        "or the same bytes with a start that overlaps the download more."
        if results["slow4g_python_ready_ms"] > 22_000
        else "",
        f"- **Slow phone, Python ready** ({seconds(phone['python_ready_ms'])} against 35 s): slow 4G "
        f"with the CPU unlimited took {seconds(results['slow4g_python_ready_ms'])}, so the CPU limit "
        f"({phone['cpu_share_of_one_core']:.0%} of one core, calibrated in this run: load above) added "
        f"{seconds(phone['python_ready_ms'] - results['slow4g_python_ready_ms'])}; 35 s needs that at most "
        f"{seconds(max(0.0, 35_000 - results['slow4g_python_ready_ms']))}, or slow 4G itself faster."
        if phone["python_ready_ms"] > 35_000
        else "",
        f"- **Slow phone, the form usable** ({seconds(phone['form_usable_ms'])} against 2 s): its runs were "
        + ", ".join(seconds(v["form_usable_ms"]) for v in results["runs"]["slow_phone"]["visits"])
        + "; the page's scripts and the first question run on a CPU limited to "
        f"{phone['cpu_share_of_one_core']:.0%} of one core, shared with the start of the engine's download."
        + (
            f" By then the page's main thread had worked {seconds(phone['main_thread_busy_ms_when_usable'])} "
            f"(its scripts {seconds(phone['scripts_ms_when_usable'])}), against "
            f"{seconds(results['slow4g_form_usable_ms'])} for the whole of slow 4G's usable form with the CPU "
            f"unlimited: with the network's share unchanged, 2 s needs "
            f"{seconds(max(0.0, phone['form_usable_ms'] - 2_000))} less of that work."
            if "main_thread_busy_ms_when_usable" in phone
            else ""
        )
        if phone["form_usable_ms"] > 2_000
        else "",
    ]
    # Only the targets this run missed: a met one needs nothing.
    missed = [bullet for bullet in bullets if bullet]
    return ["What the missed targets would take, from this run's figures:", "", *missed, ""] if missed else []


def webkit(results: dict[str, Any]) -> list[str]:
    """The slow phone's CPU profile in WebKitGTK (bench/webkit_phone.py), where the machine could run it."""
    found = results.get("webkit_slow_phone")
    if not found:
        return ["WebKit: not measured in this run (bench/webkit_phone.py needs WebKitWebDriver, Xvfb, Selenium).", ""]
    load = ", ".join(f"{value:.1f}" for value in found["load_average"])
    same = found["cpu_share_of_one_core"] == results["slow_phone"]["cpu_share_of_one_core"]
    return [
        f"**{'The same' if same else 'A'} CPU limit in WebKitGTK** ({found['cpu_share_of_one_core']:.0%} of one core"
        f"{'' if same else ', as calibrated in the run before: WebKit ran apart'}, "
        f"{found['cpu_limit']}; no network emulation, WebKit has none; load {load}): Python's start took "
        f"{found['python_start_factor']:.1f}× as long as unlimited; Python ready in "
        f"{shown(found['python_ready_ms'], seconds)}, the form usable in {seconds(found['form_usable_ms'])}, "
        f'{found["false_stall_messages"]} false "check your connection" messages, '
        f"{found['python_not_ready']} runs not ready (medians of {len(found['runs']['limited'])} runs).",
        "",
    ]


def render(results: dict[str, Any]) -> str:
    values = {**results, "ratio_cold": results["ratios"]["python_ready_cold_ms / pyodide_bare_ready_ms"]}
    machine = results["machine"]
    slow, wifi = results["profiles"]["slow4g"], results["profiles"]["wifi"]
    phone = results["slow_phone"]
    zipped = results["python_zip"]
    runs = len(results["runs"]["python_ready_cold_ms"])
    network_runs = len(results["runs"]["slow4g_python_ready_ms"])
    start = results["start_alternatives"]
    load = ", ".join(f"{value:.1f}" for value in results["load_average"])
    saved_ms = start["bundle_ms"] - start["snapshot_ms"]
    extra_bytes = start["snapshot_wire_bytes"] - start["bundle_wire_bytes"]
    lines = [
        # For web officers, not practitioners: out of the site's search (and of the navigation, in mkdocs.yml).
        "---",
        "search:",
        "  exclude: true",
        "---",
        "# Performance",
        "",
        "How quickly the guidance and the self-check become usable, and how many bytes they cost, measured "
        "by `make bench`. This page is written by the benchmark from its results (`bench/latest.json`, every "
        "run included): do not edit it by hand.",
        "",
        "The benchmark builds the site and serves it on 127.0.0.1 as a real host does: with the site's own "
        "`_headers`, and the build's precompressed copy of each file (brotli or gzip) to a browser that "
        "accepts it. It counts the bytes the server actually sends. Each number is the median of "
        f"{runs} runs ({network_runs} for the emulated networks and the byte counts), each in a fresh browser "
        "profile with an empty cache, except the second visit, which reuses the first visit's profile.",
        "",
        "Two real networks are emulated through the Chrome DevTools Protocol:",
        "",
        f"- **slow 4G**: {slow['down_mbps']} Mbps down, {slow['rtt_ms']} ms round trip, the page's CPU "
        f"{slow['cpu_slowdown']}× slower;",
        f"- **council Wi-Fi**: {wifi['down_mbps']} Mbps down, {wifi['rtt_ms']} ms round trip.",
        "",
        "The DevTools CPU slowdown does not reach the checker's worker, where Python starts: on a phone "
        f"that is really {slow['cpu_slowdown']}× slower, Python's own start ({ms(start['bundle_ms'])} in Node "
        "here, below) takes several seconds more. So a third profile, the **slow phone**, limits the CPU of "
        "the whole browser (every process: the page, its workers, the service worker) with a "
        f"{phone['cpu_limit']} quota of {phone['cpu_share_of_one_core']:.0%} of one core, calibrated in the "
        f"same run so that Python's own start (instantiated → python) took {phone['python_start_factor']:.1f}× "
        f"as long as without it ({ms(phone['python_start_unlimited_ms'])} unlimited; target about 4×), "
        "together with slow 4G (and no DevTools CPU slowdown). A quota lets a process run for its share of "
        "each 100 ms and then wait, so a long task looks up to 100 ms longer than on a phone that is "
        "uniformly slower.",
        "",
        "Bytes are counted at the server, so every request counts, whichever context made it. The first "
        "visit to the self-check is measured twice: with the service worker blocked (the page's own bytes) "
        "and allowed, until it has kept the engine for offline use (every context). Engine files sent twice "
        f"in that visit: {', '.join(results['engine_files_downloaded_twice']) or 'none'}. The page hands the "
        "service worker the wasm it has just downloaded (a browser's HTTP cache may not hold a file that "
        "big), and the service worker revalidates the rest against the HTTP cache (304s).",
        "",
        f"## The machine ({results['date']})",
        "",
        f"A virtual machine with {machine['cores']} cores of an {machine['cpu']} processor and "
        f"{machine['memory_gb']} GB of memory, {machine['os']}, Python {machine['python']}, Chromium "
        f"{results['chromium']}. The machine is shared: its load average while the benchmark ran was {load} "
        f"(1, 5 and 15 minutes), so times are noisier and slower than on a quiet machine.",
        "",
        "## Targets (issue 28)",
        "",
        "| measure | median | target | |",
        "| --- | --- | --- | --- |",
    ]
    for label, key, limit, show in TARGETS:
        met = "met" if values[key] is not None and values[key] <= limit else "**not met**"
        lines.append(f"| {label} | {shown(values[key], show)} | ≤ {show(limit)} | {met} |")
    lines += ["", *not_met(results), *webkit(results)]
    lines += ["## All results", "", "| measure | median |", "| --- | --- |"]
    lines += [f"| {label} | {shown(values[key], show)} |" for label, key, show in RESULTS]
    lines += ["", "| ratio | measured |", "| --- | --- |"]
    lines += [f"| {name} | {value:.2f} |" for name, value in results["ratios"].items()]
    lines += ["", "## Where the time goes", ""]
    lines += [
        "When each stage of the checker's start ended, in milliseconds from the navigation (medians; the "
        "worker's stages are on the page's clock):",
        "",
        "| stage | ended, empty cache | ended, second visit | what happened |",
        "| --- | --- | --- | --- |",
    ]
    cold, warm = results["start_stages_cold_ms"], results["start_stages_warm_ms"]
    lines += [f"| {name} | {ms(cold[name])} | {ms(warm[name])} | {STAGE_MEANINGS[name]} |" for name in cold]
    lines += [
        "",
        "## How Python starts, and why",
        "",
        "The checker's Python arrives as `python.zip`, made at build time "
        "(`toolkit/publish/make_python_bundle.mjs`): only the standard-library modules the checker uses "
        "(those Pyodide needs to start, those the core imports anywhere in its source, and those that "
        "running it loads), and the core itself, compiled to bytecode. Pyodide takes it as its whole "
        "standard library. Its own `python_stdlib.zip` is 2.5 MB of source that Python compiles on every "
        "start; the build proves the trimmed zip runs the checker on its own, and a test runs the whole "
        "core from it.",
        "",
        "Three ways to start, timed in Node on this machine (CPU only), and what each sends over the wire "
        "(Pyodide's runtime included, brotli where the build has a copy):",
        "",
        "| start | time to a ready checker | over the wire | download on slow 4G |",
        "| --- | --- | --- | --- |",
        f"| Pyodide's source standard library (bare Python, no checker) | {ms(start['source_ms'])} | | |",
        f"| `python.zip` (chosen) | {ms(start['bundle_ms'])} | {mb(start['bundle_wire_bytes'])} | "
        f"{download_s(start['bundle_wire_bytes'])} |",
        f"| a memory snapshot of that start, restored | {ms(start['snapshot_ms'])} | "
        f"{mb(start['snapshot_wire_bytes'])} | {download_s(start['snapshot_wire_bytes'])} |",
        "",
        f"The snapshot saves about {ms(saved_ms)} of CPU per start, but it is "
        f"{mb(start['snapshot_gzip_bytes'])} of gzip that no host can shrink (browsers can only inflate gzip "
        f"themselves): {mb(extra_bytes)} more to download, about {download_s(extra_bytes)} more on slow 4G. It "
        f"pays for itself only on a connection faster than about {extra_bytes * 8 / (saved_ms / 1000) / 1e6:.0f} "
        "Mbps, where a few hundred milliseconds matter least. So Python starts from `python.zip`. With no "
        "snapshot there is no digest to check either, so the checker works the same over plain `http://` on an "
        "intranet "
        "(where browsers offer no `crypto.subtle`).",
        "",
        "The cost of that choice shows on 127.0.0.1, where the network is free: the empty-cache and "
        "second-visit starts are Python's own start and importing the checker each time, not a restore.",
        "",
        "Pyodide's wasm is fetched and compiled by the page, which hands the compiled module to the worker "
        "(`engine.js`, `worker.mjs`): Chromium keeps the compiled code of a module compiled from a page's "
        "own fetch for the next visit, and none for one compiled in a worker. On a second visit Python's "
        "start then runs compiled code from the first: the stages above show it.",
        "",
        "## What else keeps it light",
        "",
        "- **Precompressed copies.** The build writes `FILE.gz` and `FILE.br` beside every file they make "
        "smaller (`toolkit/publish/compress.py`); the nginx snippet serves them (`gzip_static`, and "
        "`brotli_static` where nginx has ngx_brotli). Netlify, Cloudflare Pages and GitHub Pages compress "
        "on their own.",
        "- **`python.zip` stored, compressed whole (issue 28).** Its entries are stored uncompressed, so "
        "the build's copies compress the zip as a whole: "
        f"{mb(zipped['stored_bytes'])} stored, {mb(zipped['br_bytes'])} brotli, {mb(zipped['gz_bytes'])} "
        "gzip, against 1.7 MB for the zip with deflated entries it replaced (1,716,468 bytes, which no host "
        "could shrink further). Only the modules the checker loads when started from the zip alone are "
        "kept, less those the standard library imports only where it handles their absence (ssl, bz2, lzma, "
        "compression.zstd); docstrings are left out as `python -OO` does (Pyodide's own too; decorated "
        "classes' kept), and so are the column ranges that only a traceback's ^^^ markers use "
        "(`-X no_debug_ranges`: the zip has no source, so a traceback never shows them). The core keeps its "
        "line numbers; the standard library's and Pyodide's code gives each instruction its function's first "
        "line (a traceback still names the file and function; 93 kB of brotli). Source instead of bytecode "
        "(docstrings and comments left out) would be 0.32 MB lighter still, but Python would compile it at "
        "every start: 1.9 s more CPU in Node here, about 8 s on the slow phone, for 1.6 s less download on "
        "slow 4G. **The trade-off, "
        "decided:** a host that neither sends the `.br`/`.gz` copies nor compresses `application/zip` "
        f"sends it whole, {mb(zipped['stored_bytes'] - 1_716_468)} more than the deflated zip (the "
        '"host that compresses nothing" figure above). Chosen: stored. The nginx snippet sends the copies; '
        "hosts that compress by content type (Netlify, Cloudflare Pages, GitHub Pages) may leave "
        "`application/zip` alone, so a deploy there must check it and, if not, turn it on or serve the "
        "copies (the README's deploy note says so). A saving of "
        f"{mb(1_716_468 - zipped['br_bytes'])} on every first visit where the host is set up as documented "
        f"outweighs {mb(zipped['stored_bytes'] - 1_716_468)} more where it is not, which a deploy can fix.",
        "- **The offline copy by need.** The service worker caches the guidance pages and their assets "
        "when it installs. The checker's engine is cached only once the self-check or a training practice "
        "page has started it (from what the page has just downloaded), or when the user asks on the "
        "privacy page; a device that had it gets it again with each new version. No byte twice (issue 28): "
        "the pages come in one file (`assets/offline/pages.json`: every page repeats the site's header and "
        "navigation, which one compressed file sends once; Medway's 39 pages, 308 kB of brotli one by one, "
        "135 kB together), and every other file is taken from a copy the browser already holds (the HTTP "
        "cache, after the page's own download, or an earlier version's offline copy) when its SHA-256 is "
        "the build's, so the service worker neither downloads again nor revalidates what the page has "
        "(a first visit to /check/ sent 4.32 MB before, 4.12 MB after: bench/waterfall.py).",
        "- **Progress where the user looks.** A bar with the megabytes over the wire and the time left, at "
        "the top of the self-check and in its result area; once everything has arrived it says Python is "
        "starting, and it says ready the moment Python is.",
        "- **The first question first (issue 28).** The self-check's page asks at once for every module its "
        "script imports (`modulepreload`: a module found only once its importer has arrived cost a round "
        "trip, and the script, which starts the engine, waited for it), and nothing of the engine. On a "
        "checker's page the site search builds its index only once the checker has started, or when the "
        "user goes to the search (assets/search/blob-worker.js): on a slow phone that index took seconds "
        "of the CPU the form and Python's start need.",
        "- **One request per change.** Each tick or choice asks the checker once; the answer comes back in "
        "a few milliseconds.",
        "",
        "Run it yourself with `make bench` (about ten minutes). It is not part of `make test`: timings belong "
        "in a benchmark, not in tests that pass or fail.",
        "",
    ]
    return "\n".join(lines)
