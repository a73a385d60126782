"""The benchmark's recorded results (bench/latest.json, written by `make bench`) are complete.

Timings are never asserted here: they belong to the benchmark. This checks the file's shape:
every promised key, each the median of at least 5 runs, and ratios that follow from the values.
"""

from __future__ import annotations

import json
import statistics

import pytest
from conftest import ROOT

KEYS = [
    "guidance_page_ms",
    "form_usable_ms",
    "python_ready_cold_ms",
    "python_ready_warm_ms",
    "pyodide_bare_ready_ms",
    "update_p50_ms",
    "update_p95_ms",
    "bytes_cold",
    "pyodide_bare_bytes",
    "js_heap_mb",
    "wasm_memory_mb",
    "build_s",
]
MEDIANS = [
    "guidance_page_ms",
    "form_usable_ms",
    "python_ready_cold_ms",
    "python_ready_warm_ms",
    "pyodide_bare_ready_ms",
    "bytes_cold",
    "build_s",
]


@pytest.fixture(scope="module")
def results():
    return json.loads((ROOT / "bench" / "latest.json").read_text(encoding="utf-8"))


def test_every_key_is_there_and_positive(results):
    for key in KEYS:
        assert isinstance(results[key], (int, float)) and results[key] > 0, key
    assert results["update_p50_ms"] <= results["update_p95_ms"]
    assert results["update_samples"] >= 200


def test_each_is_the_median_of_at_least_five_runs(results):
    for key in MEDIANS:
        runs = results["runs"][key]
        assert len(runs) >= 5, key
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


def test_the_machine_is_described(results):
    assert {"cpu", "cores", "memory_gb", "os"} <= set(results["machine"])
    assert results["chromium"]
