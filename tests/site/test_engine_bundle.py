"""The checker's engine in the built site: same-origin Pyodide core, a reproducible wheel, the data."""

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
    assert json.loads((engine / "thresholds.json").read_text(encoding="utf-8")) == json.loads(
        json.dumps(thresholds.data))
    assert manifest["thresholds_version"] == thresholds.version
    assert manifest["total_bytes"] == sum(manifest["files"].values())
    wheel = engine / manifest["wheel"]
    assert wheel.name.endswith("-py3-none-any.whl")
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == manifest["wheel_sha256"]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {"levels_of_need/model.py", "levels_of_need/rules.py", "levels_of_need/worker.py"} <= names
    # Only the core goes to the browser: no build-time code.
    assert not [name for name in names if name.startswith("toolkit/")]


def test_the_wheel_is_reproducible(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    one = build_wheel(ROOT, first, 1_700_000_000)
    two = build_wheel(ROOT, second, 1_700_000_000)
    assert one.read_bytes() == two.read_bytes()
    with zipfile.ZipFile(one) as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2023, 11, 14)}
