"""Put the checker's engine into a built site: Pyodide core, the core wheel and the data.

Host-only build step (called by hooks/thresholds_pages.py after the build). Everything lands under
``assets/checker/`` on the site's own origin; the browser never loads from a CDN.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from levels_of_need.model import Thresholds

from ..resources import core_source, pyodide_dir

# The Pyodide core files the worker needs, from the pinned npm package.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
ENGINE_DIR = "assets/checker"
SNAPSHOT = "snapshot.bin.gz"  # Python's memory with levels_of_need.worker started, gzip-compressed
SNAPSHOT_SCRIPT = Path(__file__).parent / "make_snapshot.mjs"


class BundleError(RuntimeError):
    """A missing input, with what to run to fix it."""


def build_engine(thresholds: Thresholds, project: Path, site: Path, source_date_epoch: int) -> dict[str, Any]:
    """Write the engine into ``site/assets/checker`` and return its manifest."""
    out = site / ENGINE_DIR
    pyodide_out = out / "pyodide"
    pyodide_out.mkdir(parents=True, exist_ok=True)
    files: dict[str, int] = {}
    pyodide = pyodide_dir(project)
    for name in PYODIDE_FILES:
        source = pyodide / name
        if not source.exists():
            raise BundleError(f"{source} is missing: run `npm ci` (the pinned pyodide package)")
        shutil.copyfile(source, pyodide_out / name)
        files[f"pyodide/{name}"] = source.stat().st_size

    wheel = build_wheel(project, out, source_date_epoch)
    files[wheel.name] = wheel.stat().st_size
    data = (json.dumps(thresholds.data, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    (out / "thresholds.json").write_bytes(data)
    files["thresholds.json"] = len(data)
    snapshot = make_snapshot(project, wheel, out / "thresholds.json", out / SNAPSHOT, thresholds.version)
    files[SNAPSHOT] = snapshot.stat().st_size

    core = sum(size for name, size in files.items() if name.startswith("pyodide/"))
    manifest = {
        "wheel": wheel.name,
        "wheel_sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
        "thresholds": "thresholds.json",
        "thresholds_version": thresholds.version,
        "snapshot": SNAPSHOT,
        "snapshot_sha256": hashlib.sha256(snapshot.read_bytes()).hexdigest(),
        "files": files,
        # What each way of starting downloads, for the progress bar (the snapshot path skips thresholds.json).
        "load_bytes": {
            "snapshot": core + files[SNAPSHOT] + files[wheel.name],
            "plain": core + files[wheel.name] + files["thresholds.json"],
        },
        "total_bytes": sum(files.values()),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def make_snapshot(project: Path, wheel: Path, thresholds_json: Path, target: Path, version: str) -> Path:
    """A Pyodide memory snapshot made in Node from the pinned npm package, gzip-compressed.

    The worker restores it instead of starting Python, importing toolkit and loading the data.
    """
    with tempfile.TemporaryDirectory() as scratch:
        raw = Path(scratch) / "snapshot.bin"
        run = subprocess.run(
            ["node", str(SNAPSHOT_SCRIPT), str(wheel), str(thresholds_json), str(raw)],
            cwd=project,
            # The script imports Pyodide from where the build found it, wherever the toolkit is installed.
            env={**os.environ, "PYODIDE_MODULE": (pyodide_dir(project) / "pyodide.mjs").as_uri()},
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            raise BundleError(f"making the Pyodide memory snapshot failed (is `npm ci` done?):\n{run.stderr[-2000:]}")
        made_from = json.loads(run.stdout.strip().splitlines()[-1])["version"]
        if made_from != version:
            raise BundleError(f"the snapshot holds thresholds {made_from}, not {version}")
        # mtime=0 and no file name in the header: the same snapshot always compresses the same way.
        with (
            raw.open("rb") as source,
            target.open("wb") as sink,
            gzip.GzipFile(filename="", mode="wb", fileobj=sink, compresslevel=6, mtime=0) as packed,
        ):
            shutil.copyfileobj(source, packed, length=1 << 20)
    return target


def build_wheel(project: Path, out: Path, source_date_epoch: int) -> Path:
    """A reproducible py3-none-any wheel of the core (levels_of_need), built with pip (standard tools, no network)
    from the core's own distribution (resources.core_source): the only Python the browser receives."""
    for old in out.glob("*.whl"):
        old.unlink()
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch), "PIP_NO_INPUT": "1"}
    with tempfile.TemporaryDirectory() as scratch:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--quiet",
                "--no-deps",
                "--no-build-isolation",
                "--wheel-dir",
                scratch,
                str(core_source(Path(scratch) / "source")),
            ],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            raise BundleError(f"building the toolkit wheel failed:\n{run.stderr[-2000:]}")
        built = next(Path(scratch).glob("*-py3-none-any.whl"))
        return Path(shutil.copy2(built, out / built.name))
