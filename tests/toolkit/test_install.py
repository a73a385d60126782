"""The toolkit installs like a package: `pip install .` into a fresh virtual environment, then from a
folder outside the checkout, `new`, `validate`, `check` and a partnership's site build all work.

The fresh environment has no pip of its own; the test's pip installs into it from a copy of the
checkout's files (what a fresh clone holds). Its dependencies (PyYAML, jsonschema, Jinja2, MkDocs)
are those already installed for the tests, reached through a .pth file, so that no network is
needed; the toolkit and the core themselves come only from the wheel just installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE_FILE, ROOT, THRESHOLDS_FILE

from toolkit.resources import pinned_pyodide


def run(command: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run(command, cwd=cwd, env={**env, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    if check:
        assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The python of a fresh virtual environment with the toolkit installed from a copy of the checkout."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT).stdout
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).exists() or (ROOT / name).is_symlink():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name, follow_symlinks=False)
    venv = work / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], work)
    python = venv / "bin" / "python"
    site_packages = Path(
        run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], work).stdout.strip()
    )
    (site_packages / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            str(source),
        ],
        work,
    )
    return python


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    """A partnership's folder, outside the checkout."""
    folder = tmp_path / "partnership"
    folder.mkdir()
    assert ROOT not in folder.parents
    return folder


@pytest.mark.slow  # a wheel built and installed by pip: tens of seconds, for `make test`
def test_the_installed_toolkit_and_core_come_from_the_wheel(installed, elsewhere):
    where = run(
        [str(installed), "-c", "import toolkit, levels_of_need; print(toolkit.__file__, levels_of_need.__file__)"],
        elsewhere,
    ).stdout.split()
    assert all(Path(path).is_relative_to(installed.parent.parent) for path in where), where
    shipped = Path(where[0]).parent / "shipped"
    assert (shipped / "mkdocs.yml").is_file() and not (shipped / "mkdocs.yml").is_symlink()
    assert (shipped / "docs" / "format.md").read_text(encoding="utf-8") == (ROOT / "docs" / "format.md").read_text(
        encoding="utf-8"
    )
    metadata = run(
        [str(installed), "-c", "import importlib.metadata as m; print(m.metadata('levels-of-need-toolkit'))"], elsewhere
    ).stdout
    assert "Requires-Dist: pyyaml" in metadata and "Requires-Dist: jinja2" in metadata


@pytest.mark.slow  # a wheel built and installed by pip: tens of seconds, for `make test`
def test_new_validate_and_check_from_any_folder(installed, elsewhere):
    toolkit = [str(installed), "-m", "toolkit"]
    made = run([*toolkit, "new"], elsewhere)
    assert "thresholds.yml written" in made.stdout
    starter = (elsewhere / "thresholds.yml").read_text(encoding="utf-8")
    assert starter.count("\n#") > 20  # commented throughout
    # The schema its first line names is beside it, for an editor's help.
    assert starter.startswith("# yaml-language-server: $schema=thresholds.schema.json")
    assert json.loads((elsewhere / "thresholds.schema.json").read_text(encoding="utf-8"))["properties"]["levels"]
    assert "Medway" not in starter and "01634" not in starter
    assert "valid." in run([*toolkit, "validate"], elsewhere).stdout
    again = run([*toolkit, "new"], elsewhere, check=False)
    assert again.returncode == 2 and "exists already" in again.stderr
    assert (elsewhere / "thresholds.yml").read_text(encoding="utf-8") == starter
    checked = json.loads(
        run(
            [
                *toolkit,
                "check",
                "--json",
                "--age",
                "7",
                "--immediate-risk",
                "no",
                "--significant-harm",
                "yes",
                "l3-example-harm",
            ],
            elsewhere,
        ).stdout
    )
    assert (checked["level"], checked["route"]) == (3, "child-protection")

    # Another partnership's file, in another folder.
    other = elsewhere / "exampleton"
    other.mkdir()
    shutil.copyfile(EXAMPLE_FILE, other / "continuum.yml")
    assert "4 levels" in run([*toolkit, "validate", "continuum.yml"], other).stdout
    text = run(
        [
            *toolkit,
            "check",
            "--thresholds",
            "continuum.yml",
            "--age",
            "20",
            "--immediate-risk",
            "no",
            "--significant-harm",
            "no",
            "out-of-school",
        ],
        other,
    ).stdout
    assert text.startswith("Suggested level: Level 3: Targeted early help.")
    broken = other / "broken.yml"
    broken.write_text(
        EXAMPLE_FILE.read_text(encoding="utf-8").replace("level: emerging,", "level: four,", 1), encoding="utf-8"
    )
    refused = run([*toolkit, "validate", "broken.yml"], other, check=False)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert (
        "broken.yml:" in refused.stderr and "indicators[tired].level: 'four' is not a defined level" in refused.stderr
    )
    schema = json.loads(run([*toolkit, "schema"], elsewhere).stdout)
    assert "summary_part" in schema["$defs"]


@pytest.mark.slow  # a whole site build
def test_a_partnerships_site_builds_from_its_own_folder(installed, elsewhere):
    toolkit = [str(installed), "-m", "toolkit"]
    run([*toolkit, "new"], elsewhere)

    # Without Node's pyodide package, the build says what to install, before any page is changed.
    missing = run([*toolkit, "build"], elsewhere, check=False)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert f"run `npm install pyodide@{pinned_pyodide()}`" in missing.stderr
    assert not (elsewhere / "site").exists()  # nothing that looks ready to publish is left behind

    (elsewhere / "node_modules").symlink_to(ROOT / "node_modules")  # as `npm install pyodide@…` leaves it
    # A project keeps the precompressed copies of big files between builds, each under its digest
    # (build/compressed: toolkit/publish/compress.py). This folder shares the checkout's, so that Pyodide's
    # files, the same bytes in every build, are not compressed again here (brotli at quality 11: half a
    # minute of CPU for the wasm alone); whatever this build makes of its own is compressed as it is made.
    shared = ROOT / "build" / "compressed"
    shared.mkdir(parents=True, exist_ok=True)
    (elsewhere / "build").mkdir()
    (elsewhere / "build" / "compressed").symlink_to(shared, target_is_directory=True)
    run([*toolkit, "build"], elsewhere)
    site = elsewhere / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Starter Safeguarding Children Partnership (replace this)" in home
    assert 'http-equiv="Content-Security-Policy"' in home
    assert (site / "check" / "index.html").is_file() and (site / "format" / "index.html").is_file()
    assert "toolkit.css" in home and (site / "assets" / "stylesheets" / "toolkit.css").is_file()
    manifest = json.loads((site / "assets" / "checker" / "manifest.json").read_text(encoding="utf-8"))
    # The browser's Python is the installed core, compiled: every module of it, and nothing of the build's.
    with zipfile.ZipFile(site / "assets" / "checker" / manifest["python"]) as bundle:
        names = set(bundle.namelist())
    core = {f"levels_of_need/{p.name}c" for p in (ROOT / "core" / "levels_of_need").glob("*.py")}
    assert core and core <= names
    assert not [n for n in names if n.startswith("toolkit/")]
    assert "Medway" not in " ".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert THRESHOLDS_FILE.exists()  # the checkout's own file was never read
