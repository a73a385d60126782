"""The benchmark's recorded results (bench/latest.json, written by `make bench`) are complete, and
docs/performance.md is written from them.

Timings are never asserted here: they belong to the benchmark. This checks the file's shape:
every promised key, each the median of at least 3 runs, ratios that follow from the values, and a
performance page that is exactly what bench/report.py makes of the results.
"""

from __future__ import annotations

import importlib.util
import json
import statistics

import pytest
from conftest import ROOT

# Each a median of the runs it records.
MEDIANS = [
    "guidance_page_ms",
    "form_usable_ms",
    "python_ready_cold_ms",
    "python_ready_warm_ms",
    "pyodide_bare_ready_ms",
    "bytes_cold",
    "build_s",
    # issue 13: bytes over the wire, and two emulated networks
    "contacts_first_visit_bytes",
    "check_first_visit_bytes_wire",
    "check_first_visit_bytes_uncompressed",
    "slow4g_form_usable_ms",
    "slow4g_python_ready_ms",
    "wifi_form_usable_ms",
    "wifi_python_ready_ms",
]
KEYS = [*MEDIANS, "update_p50_ms", "update_p95_ms", "pyodide_bare_bytes", "js_heap_mb", "wasm_memory_mb"]


@pytest.fixture(scope="module")
def results():
    return json.loads((ROOT / "bench" / "latest.json").read_text(encoding="utf-8"))


def test_every_key_is_there_and_positive(results):
    for key in KEYS:
        assert isinstance(results[key], (int, float)) and results[key] > 0, key
    assert results["update_p50_ms"] <= results["update_p95_ms"]
    assert results["update_samples"] >= 200
    # Compression shows: the same first visit costs more from a host that compresses nothing.
    assert results["check_first_visit_bytes_wire"] < results["check_first_visit_bytes_uncompressed"]
    assert results["form_usable_ms"] <= results["python_ready_cold_ms"]
    for network in ("slow4g", "wifi"):
        assert results[f"{network}_form_usable_ms"] <= results[f"{network}_python_ready_ms"]


def test_where_the_time_goes_is_every_stage_of_the_start_in_order(results):
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    stages = spec.loader.get_source("bench_run")  # the stage names, without running the benchmark
    for key in ("start_stages_cold_ms", "start_stages_warm_ms"):
        ended = results[key]
        assert list(ended) == [name for name in ended if f'"{name}"' in stages] and len(ended) == 8, key
        times = list(ended.values())
        assert times == sorted(times) and times[0] > 0, (key, ended)  # medians of ordered runs stay ordered
        assert ended["ready"] == pytest.approx(
            results["python_ready_cold_ms" if "cold" in key else "python_ready_warm_ms"]
        )


def test_each_is_the_median_of_at_least_three_runs(results):
    for key in MEDIANS:
        runs = results["runs"][key]
        assert len(runs) >= 3, key
        assert statistics.median(runs) == pytest.approx(results[key]), key


def test_the_ratios_follow_from_the_values(results):
    ratios = results["ratios"]
    for name in (
        "python_ready_cold_ms / pyodide_bare_ready_ms",
        "python_ready_warm_ms / python_ready_cold_ms",
        "form_usable_ms / guidance_page_ms",
        "bytes_cold / pyodide_bare_bytes",
    ):
        top, bottom = name.split(" / ")
        assert ratios[name] == pytest.approx(results[top] / results[bottom]), name


def test_the_machine_and_the_networks_are_described(results):
    assert {"cpu", "cores", "memory_gb", "os"} <= set(results["machine"])
    assert results["chromium"]
    assert len(results["load_average"]) == 3
    assert results["profiles"]["slow4g"] == {"down_mbps": 1.6, "up_mbps": 0.75, "rtt_ms": 150, "cpu_slowdown": 4}
    assert results["profiles"]["wifi"]["down_mbps"] == 4.0 and results["profiles"]["wifi"]["rtt_ms"] == 40
    start = results["start_alternatives"]
    assert {"source_ms", "bundle_ms", "snapshot_ms", "bundle_wire_bytes", "snapshot_wire_bytes"} <= set(start)


def test_the_performance_page_is_written_from_the_results(results):
    spec = importlib.util.spec_from_file_location("bench_report", ROOT / "bench" / "report.py")
    report = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(report)
    page = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    assert page == report.render(results)
    assert f"{results['slow4g_python_ready_ms'] / 1000:.1f} s" in page
