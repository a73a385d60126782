from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS_FILE = ROOT / "thresholds.yml"
EXAMPLE_FILE = ROOT / "examples" / "fictional-four-levels.yml"
sys.path.insert(0, str(Path(__file__).parent / "toolkit"))
sys.path.insert(0, str(Path(__file__).parent / "core"))
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def thresholds():
    from toolkit.load import load_file

    return load_file(THRESHOLDS_FILE)


@pytest.fixture(scope="session")
def example():
    from toolkit.load import load_file

    return load_file(EXAMPLE_FILE)


def run_pyodide_script(script: str, *args: str, stdin: str | None = None) -> object:
    """Run a tests/pyodide/*.mjs script under the pinned Pyodide in Node; return its JSON output."""
    import json
    import shutil
    import subprocess

    if shutil.which("node") is None or not (ROOT / "node_modules" / "pyodide").exists():
        pytest.fail("node and the pinned pyodide npm package are needed: run `npm ci`")
    run = subprocess.run(
        ["node", f"tests/pyodide/{script}", *args],
        input=stdin,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


def require_seeds():
    """The seeds sit beside the clone (../shared/seeds). CI must have them; elsewhere, skip."""
    from seed_table import THRESHOLD_SEED

    if THRESHOLD_SEED is None:
        if os.environ.get("CI"):
            pytest.fail("../shared/seeds/001_*.txt is missing; CI must run beside shared/")
        pytest.skip("the partnership's seed documents (../shared/seeds) are not beside this clone")
    return THRESHOLD_SEED


@pytest.fixture(scope="session")
def medway_site(tmp_path_factory):
    from sitebuild import build_site

    return build_site(THRESHOLDS_FILE, tmp_path_factory.mktemp("medway-site"))


@pytest.fixture(scope="session")
def example_site(tmp_path_factory):
    from sitebuild import build_site

    return build_site(EXAMPLE_FILE, tmp_path_factory.mktemp("example-site"))
