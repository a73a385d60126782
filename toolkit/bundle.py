"""Put the checker's engine into a built site: Pyodide core, the toolkit wheel and the data.

Host-only build step (called by hooks/thresholds_pages.py after the build). Everything lands under
``assets/checker/`` on the site's own origin; the browser never loads from a CDN.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .model import Thresholds

# The Pyodide core files the worker needs, from the pinned npm package.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
ENGINE_DIR = "assets/checker"


class BundleError(RuntimeError):
    """A missing input, with what to run to fix it."""


def build_engine(thresholds: Thresholds, project: Path, site: Path, source_date_epoch: int) -> dict[str, Any]:
    """Write the engine into ``site/assets/checker`` and return its manifest."""
    out = site / ENGINE_DIR
    pyodide_out = out / "pyodide"
    pyodide_out.mkdir(parents=True, exist_ok=True)
    files: dict[str, int] = {}
    for name in PYODIDE_FILES:
        source = project / "node_modules" / "pyodide" / name
        if not source.exists():
            raise BundleError(f"{source} is missing: run `npm ci` (the pinned pyodide package)")
        shutil.copyfile(source, pyodide_out / name)
        files[f"pyodide/{name}"] = source.stat().st_size

    wheel = build_wheel(project, out, source_date_epoch)
    files[wheel.name] = wheel.stat().st_size
    data = (json.dumps(thresholds.data, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    (out / "thresholds.json").write_bytes(data)
    files["thresholds.json"] = len(data)

    manifest = {
        "wheel": wheel.name,
        "wheel_sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
        "thresholds": "thresholds.json",
        "thresholds_version": thresholds.version,
        "files": files,
        "total_bytes": sum(files.values()),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def build_wheel(project: Path, out: Path, source_date_epoch: int) -> Path:
    """A reproducible py3-none-any wheel of toolkit, built with pip (standard tools, no network)."""
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
                str(project),
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
