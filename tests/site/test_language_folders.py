"""Each other language's site is whole in its folder (cy/) of the default's (docs/format.md, "Other
languages and easy read"): the default's service worker keeps none of its files, each folder's own
service worker is never cached by a host, and the engine stage builds only the folders the default's
language switch names. No site is built here: the folders are made by hand."""

from __future__ import annotations

import yaml

from toolkit.publish.deploy import write_headers_file
from toolkit.publish.offline import precache_paths, write_service_worker
from toolkit.site.languages import language_builds, other_folders

DECLARED = [
    {"code": "en", "name": "English"},
    {"code": "cy", "name": "Cymraeg"},
    {"code": "en-easy", "name": "Easy read"},
]


def a_site(root):
    for folder in ("", "cy/", "cy/levels/"):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / "index.html").write_text(f"<h1>{folder or 'home'}</h1>", encoding="utf-8")
    return root


def test_the_default_service_worker_keeps_no_other_languages_file_and_each_has_its_own(tmp_path):
    site = a_site(tmp_path)
    assert sorted(precache_paths(site)) == ["./", "cy/", "cy/levels/"]  # as before, for a one-language site
    assert write_service_worker(site, ["cy/"])["files"] == ["./"]
    assert write_service_worker(site / "cy")["files"] == ["./", "levels/"]


def test_each_languages_service_worker_is_never_cached_by_the_host(tmp_path):
    site = a_site(tmp_path)
    alone = write_headers_file(site).read_text(encoding="utf-8")
    with_welsh = write_headers_file(site, ["cy/"]).read_text(encoding="utf-8")
    assert "/cy/sw.js" not in alone
    assert with_welsh == alone + "/cy/sw.js\n  Cache-Control: no-cache\n"


def test_the_switch_links_each_site_to_the_others_root_and_the_engine_builds_what_it_names(tmp_path):
    builds = language_builds({"languages": DECLARED})
    assert [b.folder for b in builds] == ["", "cy", "en-easy"]
    assert [b.lang for b in builds] == ["en", "cy", "en-easy"]  # no lang given: the code
    assert [s["link"] for s in builds[0].switch] == ["./", "./cy/", "./en-easy/"]
    assert [s["link"] for s in builds[2].switch] == ["../", "../cy/", "./"]
    assert language_builds({}) == []  # a one-language file: no switch, built as ever
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({"extra": {"alternate": builds[0].switch}}), encoding="utf-8")
    (tmp_path / "fr").mkdir()  # left by another file's build: not a language of this one
    assert other_folders(tmp_path) == ["cy", "en-easy"]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({"extra": {}}), encoding="utf-8")
    assert other_folders(tmp_path) == []


def test_a_languages_engine_scripts_name_the_roots_one_pyodide_and_its_lists_find_it(tmp_path):
    # The theme's own engine scripts, as a language's site (cy/) holds them, given the root's runtime.
    import json
    import re
    import shutil

    import pytest

    from toolkit.publish.bundle import (
        ENGINE_DIR,
        RUNTIME_NAMED,
        BundleError,
        engine_paths,
        shared_runtime,
        use_runtime_at,
    )
    from toolkit.resources import THEME

    engine = tmp_path / "cy" / ENGINE_DIR
    engine.mkdir(parents=True)
    for name in RUNTIME_NAMED:
        shutil.copyfile(THEME / ENGINE_DIR / name, engine / name)
    runtime = shared_runtime(tmp_path / "cy", tmp_path)
    assert runtime == "../../../assets/checker/pyodide/"
    use_runtime_at(engine, runtime)
    for name, times in RUNTIME_NAMED.items():
        text = (engine / name).read_text(encoding="utf-8")
        assert text.count(runtime) == times, name
        assert not re.search(r"""["'](?:\./)?pyodide/""", text), name  # nothing left naming its own
    (engine / "manifest.json").write_text(json.dumps({"files": {f"{runtime}pyodide.asm.wasm": 1}}), encoding="utf-8")
    assert "../assets/checker/pyodide/pyodide.asm.wasm" in engine_paths(tmp_path / "cy")
    # A script that names the runtime another way fails the build, rather than loading a runtime not there.
    shutil.copyfile(THEME / ENGINE_DIR / "worker.mjs", engine / "worker.mjs")
    (engine / "engine.js").write_text('new URL("./pyodide/a"); new URL("pyodide/b");\n', encoding="utf-8")
    with pytest.raises(BundleError, match="names Pyodide's folder 2 times, not 1"):
        use_runtime_at(engine, runtime)
