"""The build's Pyodide memory snapshot: made from the pinned package, restorable, and complete."""

from __future__ import annotations

import gzip
import hashlib
import json

from conftest import run_pyodide_script

from levels_of_need import api


def test_the_snapshot_is_gzip_with_the_manifests_digest(medway_site, thresholds):
    engine = medway_site.directory / "assets" / "checker"
    manifest = json.loads((engine / "manifest.json").read_text(encoding="utf-8"))
    packed = (engine / manifest["snapshot"]).read_bytes()
    assert packed[:2] == b"\x1f\x8b"
    assert hashlib.sha256(packed).hexdigest() == manifest["snapshot_sha256"]
    assert manifest["thresholds_version"] == thresholds.version
    raw = gzip.decompress(packed)
    assert len(raw) > 5 * len(packed) // 2  # memory compresses well; a raw file shipped as .gz would not
    assert manifest["files"][manifest["snapshot"]] == len(packed)
    assert manifest["load_bytes"]["snapshot"] < manifest["total_bytes"]


def test_a_restored_snapshot_answers_and_still_finds_the_wheels_files(medway_site, thresholds):
    out = run_pyodide_script("restore_snapshot.mjs", str(medway_site.directory / "assets" / "checker"))
    assert out["version"] == thresholds.version
    assert out["evaluate"] == {"ok": True, **api.page_answer(thresholds, {"indicators": []})}
    # The snapshot holds memory, not files: a module first imported after restore needs the wheel.
    assert out["lazy_import_before_wheel"] == "ModuleNotFoundError: levels_of_need.training"
    assert out["lazy_import_after_wheel"] == "ok"
