"""The checker's engine in the built site: the same-origin Pyodide runtime, the checker's Python (made from
a reproducible wheel of the core), the data."""

from __future__ import annotations

import hashlib
import json
import zipfile

from conftest import ROOT

from toolkit.build.bundle import PYODIDE_FILES, build_wheel


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
        json.dumps(thresholds.data)
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


def test_the_wheel_is_reproducible(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    one = build_wheel(ROOT, first, 1_700_000_000)
    two = build_wheel(ROOT, second, 1_700_000_000)
    assert one.read_bytes() == two.read_bytes()
    with zipfile.ZipFile(one) as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2023, 11, 14)}
