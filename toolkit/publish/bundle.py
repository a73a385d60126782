"""Put the checker's engine into a built site: the Pyodide core, the checker's Python and the data.

Host-only build step (run by finish.py). Everything lands under ``assets/checker/`` on the site's own
origin; the browser never loads from a CDN. What the browser downloads, and why (docs/performance.md
has the numbers behind the choice):

- Pyodide's runtime (``pyodide.mjs``, ``pyodide.asm.mjs``, ``pyodide.asm.wasm``), from the pinned npm
  package;
- ``python.zip``: the checker's Python, made by make_python_bundle.mjs: only the standard-library
  modules the checker uses and the core, compiled, in place of Pyodide's 2.5 MB source zip;
- ``thresholds.json``: the partnership's data, without what only the site's pages show (engine_data).

Python starts the plain way from these. A memory snapshot started faster on a fast connection but
added 5 to 6 MB to every first visit, which a phone on a slow network cannot afford.

Making python.zip takes three Pyodides in Node (about 10 s of CPU). A build given a cache folder keeps each
zip there under a digest of everything it is made from, and a later build with the same inputs (the other
engine's site of the same file, the next ``mkdocs serve`` rebuild, another test) copies it instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from levels_of_need.model import MOVE_SECTIONS, WHOLE_FILE_HASH, Thresholds

from ..resources import core_files, core_source, pyodide_dir
from .build_cache import locked, write_whole

# The Pyodide runtime files the worker loads, from the pinned npm package. pyodide-lock.json is not
# shipped: the checker installs no packages, so the worker hands Pyodide the lock file's header only.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
LOCK_FILE = "pyodide-lock.json"
ENGINE_DIR = "assets/checker"
PYTHON_BUNDLE = "python.zip"
BUNDLE_SCRIPT = Path(__file__).parent / "make_python_bundle.mjs"
MANIFEST = "manifest.json"
# The worker script is part of the engine too: nothing but the checker uses it.
WORKER = "worker.mjs"
RUNTIME = "pyodide/"  # Pyodide's runtime, in the engine's folder


# What the checker's Python never reads in the browser (no request of levels_of_need.worker uses the model's
# fields made from it), left out of thresholds.json: the sections only the site's pages show, and those
# the build alone reads (each language's words: a language's site has its own data). The everyday words
# ("synonyms") too: the check's filter reads them from the check page's HTML (each worry's data-terms),
# and the site's search from its index. About 29 kB of brotli of thresholds.yml's 39 kB; the golden checks and
# saved-check fixtures, run on this data through the site's own python.zip, prove nothing else changes
# (tests/core/test_pyodide_core.py, tests/site/test_engine_data.py).
SHOWN_ONLY = frozenset(
    {"guidance", "accessibility", "escalation", "introductions", "filter_examples", "brag", "translations", "interface"}
    | {section for section, _ in MOVE_SECTIONS}
)
SHOWN_ONLY_IN_ITEMS = {
    "indicators": {"synonyms"},
    "themes": {"synonyms"},
    "domains": {"synonyms", "description"},
    "levels": {"description"},  # the level pages' words; the result gives the level's title and summary
    "scenarios": {"vignette", "teaching_points", "common_mistakes"},  # the training pages' words
}


class BundleError(RuntimeError):
    """A missing input, with what to run to fix it."""


def build_engine(
    thresholds: Thresholds,
    project: Path,
    site: Path,
    source_date_epoch: int,
    cache: Path | None = None,
    runtime_of: Path | None = None,
) -> dict[str, Any]:
    """Write the engine into ``site/assets/checker`` and return its manifest; ``cache``: a folder where
    python.zip is kept for the next build with the same inputs (see python_bundle). ``runtime_of``: the
    site whose Pyodide runtime this one uses (a language's site, cy/, uses the root's: one download, one
    copy), its own data and Python beside it."""
    out = site / ENGINE_DIR
    runtime = RUNTIME if runtime_of is None else shared_runtime(site, runtime_of)
    out.mkdir(parents=True, exist_ok=True)
    package = pyodide_dir(project)
    files: dict[str, int] = {}
    for name in (*PYODIDE_FILES, LOCK_FILE):
        if not (package / name).exists():
            raise BundleError(f"{package / name} is missing: run `npm ci` (the pinned pyodide package)")
    for name in PYODIDE_FILES:
        if runtime_of is None:
            (out / RUNTIME).mkdir(exist_ok=True)
            shutil.copyfile(package / name, out / RUNTIME / name)
        elif not (out / runtime / name).is_file():
            raise BundleError(f"{out / runtime / name} is missing: build {runtime_of}'s engine first")
        files[f"{runtime}{name}"] = (package / name).stat().st_size
    if runtime_of is not None:
        use_runtime_at(out, runtime)

    data = (json.dumps(engine_data(thresholds), ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    (out / "thresholds.json").write_bytes(data)
    files["thresholds.json"] = len(data)
    contents = python_bundle(
        project, out / "thresholds.json", out / PYTHON_BUNDLE, thresholds.version, source_date_epoch, cache
    )
    files[PYTHON_BUNDLE] = (out / PYTHON_BUNDLE).stat().st_size

    manifest = {
        "python": PYTHON_BUNDLE,
        "python_sha256": hashlib.sha256((out / PYTHON_BUNDLE).read_bytes()).hexdigest(),
        "python_modules": contents,
        "thresholds": "thresholds.json",
        "thresholds_version": thresholds.version,
        # The lock file's header, which Pyodide checks against its runtime; no packages are installed.
        "lockfile_info": json.loads((package / LOCK_FILE).read_text(encoding="utf-8"))["info"],
        # What the worker downloads, by file, before any compression by the host.
        "files": files,
        "total_bytes": sum(files.values()),
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def engine_data(thresholds: Thresholds) -> dict[str, Any]:
    """The data the checker's Python reads in the browser: the file's, without what only the site's pages
    show (SHOWN_ONLY), and with the whole file's content hash, so that its version stamp is the file's."""
    data = {key: value for key, value in thresholds.data.items() if key not in SHOWN_ONLY}
    for section, fields in SHOWN_ONLY_IN_ITEMS.items():
        if section in data:
            data[section] = [{k: v for k, v in item.items() if k not in fields} for item in data[section]]
    data[WHOLE_FILE_HASH] = thresholds.content_hash
    return data


def engine_paths(site: Path) -> list[str]:
    """The engine's files in a built site, relative to the site root: what only the checker needs
    (none in a site built without the checker). A language's site names the root's runtime from its own
    root ("../assets/checker/pyodide/pyodide.asm.wasm")."""
    if not (site / ENGINE_DIR / MANIFEST).exists():
        return []
    manifest = json.loads((site / ENGINE_DIR / MANIFEST).read_text(encoding="utf-8"))
    return sorted(posixpath.normpath(f"{ENGINE_DIR}/{name}") for name in [*manifest["files"], MANIFEST, WORKER])


def shared_runtime(site: Path, runtime_of: Path) -> str:
    """Where a language's engine finds the root's Pyodide runtime, from its own engine folder: "../../../…/"."""
    return Path(os.path.relpath(runtime_of / ENGINE_DIR / RUNTIME, site / ENGINE_DIR)).as_posix() + "/"


# The scripts that name the runtime's folder ("pyodide/"), each as often as it does: the worker imports
# Pyodide, gives it its folder and knows its wasm; the page fetches the wasm. A language's site rewrites
# each to the root's runtime (use_runtime_at), and a script that names it another way fails the build.
RUNTIME_NAMED = {WORKER: 3, "engine.js": 1}
_RUNTIME_LITERAL = re.compile(r"""(?<=["'])(?:\./)?pyodide/""")


def use_runtime_at(engine: Path, runtime: str) -> None:
    """The engine scripts in a language's site, each naming the root's runtime in place of its own."""
    for name, times in RUNTIME_NAMED.items():
        text, found = _RUNTIME_LITERAL.subn(runtime, (engine / name).read_text(encoding="utf-8"))
        if found != times:
            raise BundleError(f"{engine / name} names Pyodide's folder {found} times, not {times}: see RUNTIME_NAMED")
        (engine / name).write_text(text, encoding="utf-8")


def python_bundle(
    project: Path, thresholds_json: Path, target: Path, version: str, source_date_epoch: int, cache: Path | None
) -> dict:
    """python.zip at ``target``, made from a wheel of the core (make_python_bundle), or copied from ``cache``
    where a build with the same inputs (bundle_inputs_digest) left one; returns the modules it holds.
    One build at a time makes a given zip: another that wants it waits, then copies it."""
    if cache is None:
        return made_python_bundle(project, thresholds_json, target, version, source_date_epoch)
    digest = bundle_inputs_digest(project, thresholds_json, source_date_epoch)
    kept, contents = cache / f"{digest}.zip", cache / f"{digest}.json"
    with locked(cache, digest):
        if not contents.exists():  # written last: a zip without it is what an interrupted build left
            made = made_python_bundle(project, thresholds_json, target, version, source_date_epoch)
            write_whole(kept, target.read_bytes())
            write_whole(contents, json.dumps(made).encode("utf-8"))
            return made
    shutil.copyfile(kept, target)
    return json.loads(contents.read_text(encoding="utf-8"))


def made_python_bundle(
    project: Path, thresholds_json: Path, target: Path, version: str, source_date_epoch: int
) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        wheel = build_wheel(project, Path(scratch), source_date_epoch)
        return make_python_bundle(project, wheel, thresholds_json, target, version)


def bundle_inputs_digest(project: Path, thresholds_json: Path, source_date_epoch: int) -> str:
    """A digest of everything python.zip is made from: the core's files and its pyproject.toml (the wheel),
    the bundle script, the Pyodide package that runs it (the standard library it takes modules from), the
    partnership's data (the script exercises the checker with it and checks its version), and the wheel's
    time. Node is left out: the zip is written by the Python inside Pyodide."""
    package, files, pyproject = core_files()
    pyodide = pyodide_dir(project)
    inputs = [(f"core/{file.relative_to(package).as_posix()}", file) for file in files]
    inputs += [("core/pyproject.toml", pyproject), ("script", BUNDLE_SCRIPT), ("thresholds.json", thresholds_json)]
    inputs += [(f"pyodide/{file.name}", file) for file in sorted(pyodide.iterdir()) if file.is_file()]
    digest = hashlib.sha256(f"source_date_epoch {source_date_epoch}\n".encode())
    for name, file in inputs:
        data = file.read_bytes()
        digest.update(f"{name} {len(data)}\n".encode())  # names and lengths: no two file sets run together
        digest.update(data)
    return digest.hexdigest()


def make_python_bundle(project: Path, wheel: Path, thresholds_json: Path, target: Path, version: str) -> dict:
    """The checker's Python as one zip (see make_python_bundle.mjs); returns the modules it holds."""
    run = subprocess.run(
        ["node", str(BUNDLE_SCRIPT), str(wheel), str(thresholds_json), str(target)],
        cwd=project,
        # The script imports Pyodide from where the build found it, wherever the toolkit is installed.
        env={**os.environ, "PYODIDE_MODULE": (pyodide_dir(project) / "pyodide.mjs").as_uri()},
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        raise BundleError(f"making the checker's Python bundle failed (is `npm ci` done?):\n{run.stderr[-2000:]}")
    made = json.loads(run.stdout.strip().splitlines()[-1])
    if made["version"] != version:
        raise BundleError(f"the Python bundle was made with thresholds {made['version']}, not {version}")
    return {"stdlib": made["stdlib"], "core": made["core"]}


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
