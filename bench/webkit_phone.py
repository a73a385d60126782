"""`make bench`, after bench/run.py: the slow-phone CPU profile in WebKitGTK (MiniBrowser through
WebKitWebDriver and Selenium, under Xvfb), beside Chromium's. The same cgroup quota (bench/run.py's
CpuLimit) at the share Chromium's calibration chose, over the whole WebDriver process tree; WebKit's own
slowdown of Python's start is measured against unlimited runs just before. WebKit has no DevTools
protocol, so there is no network emulation: CPU only, on 127.0.0.1.

Merges its results into bench/latest.json ("webkit_slow_phone") and rewrites docs/performance.md.
`make bench` installs what it needs first (WebKitWebDriver, Xvfb, Selenium: the Makefile's targets);
run on its own where the machine lacks one of them, it says so and changes nothing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
from report import render  # noqa: E402
from run import CpuLimit  # noqa: E402
from sitebuild import serve  # noqa: E402

DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
DISPLAY = ":97"
RUNS = int(os.environ.get("BENCH_NETWORK_RUNS", "3"))
STATE = """const m = performance.getEntriesByName("lon-python-ready")[0];
const u = performance.getEntriesByName("lon-form-usable")[0];
const failed = document.querySelector("form[data-engine=failed]");
return {ready: m ? m.startTime : null, usable: u ? u.startTime : null, stages: m ? m.detail.stages : null,
  failed: Boolean(failed), text: (m || failed) ? document.body.innerText : ""};"""


def missing() -> list[str]:
    found = [DRIVER, MINIBROWSER, shutil.which("Xvfb") or "Xvfb"]
    lacking = [path for path in found if not Path(path).exists()]
    return lacking + ([] if importlib.util.find_spec("selenium") else ["selenium (pip install selenium)"])


def visit(base: str, limit: CpuLimit) -> dict[str, Any]:
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    options.add_argument("--private")  # a fresh profile: an empty cache
    driver = webdriver.WebKitGTK(options=options, service=Service(executable_path=str(limit.wrapper)))
    try:
        driver.get(f"{base}/check/")
        deadline = time.monotonic() + 240
        state = driver.execute_script(STATE)
        while state["ready"] is None and not state["failed"] and time.monotonic() < deadline:
            time.sleep(0.1)
            state = driver.execute_script(STATE)
        stages = state["stages"] or {}
        return {
            "form_usable_ms": state["usable"],
            "python_ready_ms": state["ready"],
            "python_start_ms": stages["python"] - stages["instantiated"] if stages else None,
            "false_stall_messages": int("Check your connection" in state["text"]),
        }
    finally:
        driver.quit()


def webkit_slow_phone(site: Path, share: float) -> dict[str, Any]:
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1280x900x24"], stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = DISPLAY
    time.sleep(1)
    limit = CpuLimit(Path(tempfile.mkdtemp()), DRIVER)
    try:
        with serve(site) as base:
            limit.limit(None)
            unlimited = [visit(base, limit) for _ in range(2)]
            limit.limit(share)
            limited = [visit(base, limit) for _ in range(RUNS)]
    finally:
        limit.remove()
        xvfb.terminate()
    ready = [v for v in limited if v["python_ready_ms"] is not None]
    return {
        "cpu_limit": limit.mechanism,
        "cpu_share_of_one_core": share,
        "network": "none (127.0.0.1): WebKit has no network emulation",
        "python_start_factor": round(
            statistics.median(v["python_start_ms"] for v in ready)
            / statistics.median(v["python_start_ms"] for v in unlimited),
            2,
        ),
        "form_usable_ms": statistics.median(v["form_usable_ms"] for v in limited),
        "python_ready_ms": statistics.median(v["python_ready_ms"] for v in ready) if ready else None,
        "python_not_ready": len(limited) - len(ready),
        "false_stall_messages": sum(v["false_stall_messages"] for v in limited),
        "runs": {"unlimited": unlimited, "limited": limited},
        "load_average": os.getloadavg(),
    }


def main() -> int:
    lacking = missing()
    if lacking:
        print(f"WebKit slow phone: not run, this machine lacks {', '.join(lacking)}")
        return 0
    out = ROOT / "bench" / "latest.json"
    results = json.loads(out.read_text(encoding="utf-8"))
    share = results["slow_phone"]["cpu_share_of_one_core"]  # the share Chromium's calibration chose
    results["webkit_slow_phone"] = webkit_slow_phone(ROOT / "site", share)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (ROOT / "docs" / "performance.md").write_text(render(results), encoding="utf-8")
    print(json.dumps({k: v for k, v in results["webkit_slow_phone"].items() if k != "runs"}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
