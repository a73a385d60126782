"""The checker's engine in the built site: the same-origin Pyodide runtime, the checker's Python (made from
a reproducible wheel of the core), the data."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from toolkit.publish.bundle import PYODIDE_FILES, build_wheel, engine_data, engine_paths


def test_engine_files_are_in_the_site(medway_site, thresholds):
    engine = medway_site.directory / "assets" / "checker"
    manifest = json.loads((engine / "manifest.json").read_text(encoding="utf-8"))
    for name in PYODIDE_FILES:
        shipped = engine / "pyodide" / name
        assert shipped.read_bytes() == (ROOT / "node_modules" / "pyodide" / name).read_bytes()
    # Pyodide's own source standard library and lock file stay out: python.zip and the manifest replace them.
    assert sorted(p.name for p in (engine / "pyodide").iterdir() if p.suffix not in (".gz", ".br")) == sorted(
        PYODIDE_FILES
    )
    lock = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert manifest["lockfile_info"] == lock["info"]
    assert json.loads((engine / "thresholds.json").read_text(encoding="utf-8")) == json.loads(
        json.dumps(engine_data(thresholds))
    )
    assert manifest["thresholds_version"] == thresholds.version
    assert manifest["total_bytes"] == sum(manifest["files"].values())
    for name, size in manifest["files"].items():
        assert (engine / name).stat().st_size == size, name
    bundle = engine / manifest["python"]
    assert hashlib.sha256(bundle.read_bytes()).hexdigest() == manifest["python_sha256"]
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
    assert {"levels_of_need/model.pyc", "levels_of_need/rules.pyc", "levels_of_need/worker.pyc"} <= names
    # Only the core goes to the browser: no build-time code, and no wheel.
    assert not [name for name in names if name.startswith("toolkit/")]
    assert not list(engine.glob("*.whl"))


@pytest.mark.slow  # a wheel built and installed by pip: tens of seconds, for `make test`
def test_the_wheel_is_reproducible(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    one = build_wheel(ROOT, first, 1_700_000_000)
    two = build_wheel(ROOT, second, 1_700_000_000)
    assert one.read_bytes() == two.read_bytes()
    with zipfile.ZipFile(one) as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2023, 11, 14)}


@pytest.mark.slow  # two wheels and bundles, Pyodide in Node
def test_a_module_deleted_from_the_core_stops_shipping(tmp_path, thresholds, monkeypatch):
    """The browser receives only the core as it is now: a module added, built, then deleted is gone from
    python.zip. (Building in core/ itself once left setuptools' build/lib behind, which kept shipping it.)

    The module comes and goes in a copy of the core, which the build takes as the core (it builds from
    the folder levels_of_need is imported from): never in core/ itself, where a site built at the same
    moment by the other test worker would ship it."""
    import levels_of_need
    from toolkit.publish.bundle import make_python_bundle

    core = tmp_path / "core"
    shutil.copytree(ROOT / "core", core, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "build", "*.egg-info"))
    monkeypatch.setattr(levels_of_need, "__file__", str(core / "levels_of_need" / "__init__.py"))
    probe = core / "levels_of_need" / "_deleted_module_probe.py"
    data = tmp_path / "thresholds.json"
    data.write_text(json.dumps(thresholds.data), encoding="utf-8")

    def shipped_core(name: str) -> list[str]:
        folder = tmp_path / name
        folder.mkdir()
        wheel = build_wheel(ROOT, folder, 1_700_000_000)
        made = make_python_bundle(ROOT, wheel, data, folder / "python.zip", thresholds.version)
        with zipfile.ZipFile(folder / "python.zip") as archive:
            assert sorted(made["core"]) == sorted(
                n.removesuffix("c") for n in archive.namelist() if n.startswith("levels_of_need/")
            )
        return made["core"]

    probe.write_text('"""A module that exists only while this test runs."""\n', encoding="utf-8")
    assert "levels_of_need/_deleted_module_probe.py" in shipped_core("with")
    probe.unlink()
    without = shipped_core("without")
    assert "levels_of_need/_deleted_module_probe.py" not in without
    assert "levels_of_need/rules.py" in without  # the rest of the core still ships
    assert not (ROOT / "core" / "levels_of_need" / probe.name).exists()


# A checker page's module script, and the page's address under the site.
CHECKER_PAGES = {
    "check/index.html": "check.js",
    "training/practice/index.html": "practice.js",
    "training/presenter/index.html": "presenter.js",
}


def static_imports(script: Path) -> set[str]:
    """Every module a script imports by name at its top, at any depth (`import … from "./x.js"`, and
    `import "../search/x.js"` for what a module only runs), by file name: a module script runs only once
    all of them have arrived."""
    found: set[str] = set()
    waiting = [script]
    while waiting:
        text = waiting.pop().read_text(encoding="utf-8")
        for name in re.findall(r'^import\s(?:[^;"]*?from\s+)?"(\.\.?/[^"]+)"', text, re.M):
            module = (script.parent / name).resolve()  # the checker's scripts import relative to one folder
            if module.name not in found:
                found.add(module.name)
                waiting.append(module)
    return found


def test_a_checker_page_preloads_its_script_and_what_it_imports_and_nothing_else(medway_site):
    """Issue 28: the first question needs the page's script and the modules it imports, fetched while the
    form streams in (check.js's import of finds.js, a side-effect import, once went unpreloaded: the script,
    which starts the engine, waited a round trip for it); the engine's megabytes would only compete."""
    site = medway_site.directory
    engine = {Path(path).name for path in engine_paths(site)}
    for page, script in CHECKER_PAGES.items():
        html = (site / page).read_text(encoding="utf-8")
        preloaded = {Path(href).name for href in re.findall(r'<link rel="(?:module)?preload"[^>]*href="([^"]+)"', html)}
        needed = {script} | static_imports(site / "assets" / "checker" / script)
        assert "engine.js" in needed, needed  # the chain the preload shortens
        assert preloaded == needed, (page, preloaded, needed)
        assert not preloaded & engine, page
    assert "finds.js" in static_imports(site / "assets" / "checker" / "check.js")


def test_python_zip_is_made_once_for_the_same_inputs_and_again_when_one_changes(tmp_path, thresholds, monkeypatch):
    """The build's cache of python.zip (bundle.python_bundle): a second build with the same core, data, bundle
    script, Pyodide and time copies the first one's zip and module list; a change to any of them makes a new
    one. Making is stood in for here (the real one is three Pyodides in Node); what it makes records its turn."""
    import levels_of_need
    from toolkit.publish import bundle

    made: list[Path] = []

    def make(project, thresholds_json, target, version, source_date_epoch) -> dict:
        made.append(target)
        target.write_bytes(f"zip {len(made)}".encode())
        return {"stdlib": ["json/__init__.py"], "core": [f"levels_of_need/turn_{len(made)}.py"]}

    monkeypatch.setattr(bundle, "made_python_bundle", make)
    core = tmp_path / "core"
    shutil.copytree(ROOT / "core", core, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "build", "*.egg-info"))
    monkeypatch.setattr(levels_of_need, "__file__", str(core / "levels_of_need" / "__init__.py"))
    data, cache = tmp_path / "thresholds.json", tmp_path / "cache"
    data.write_text(json.dumps(thresholds.data), encoding="utf-8")

    def built(epoch: int = 1_700_000_000, kept: Path | None = cache) -> tuple[bytes, dict]:
        target = tmp_path / f"python-{len(list(tmp_path.glob('python-*')))}.zip"
        contents = bundle.python_bundle(ROOT, data, target, thresholds.version, epoch, kept)
        return target.read_bytes(), contents

    first = built()
    assert (len(made), built()) == (1, first)  # the same inputs: copied, not made
    data.write_text(json.dumps({**thresholds.data, "version": "changed"}), encoding="utf-8")
    assert (len(made), built()[0]) == (1, b"zip 2")
    (core / "levels_of_need" / "messages.py").write_text("CHANGED = True\n", encoding="utf-8")
    assert built()[0] == b"zip 3"
    (core / "levels_of_need" / "new_module.py").write_text("", encoding="utf-8")
    assert built()[0] == b"zip 4"
    assert built(epoch=1_800_000_000)[0] == b"zip 5"
    assert built(kept=None)[0] == b"zip 6"  # no cache folder: always made
    assert built()[0] == b"zip 4"
    # A zip that an interrupted build left without its module list is made again.
    for listed in cache.glob("*.json"):
        listed.unlink()
    assert built()[0] == b"zip 7"
