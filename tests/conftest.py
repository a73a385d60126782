from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS_FILE = ROOT / "thresholds.yml"
EXAMPLE_FILE = ROOT / "examples" / "fictional-four-levels.yml"
# Tests that take the ``partnership`` fixture run for each partnership's file: Medway's, and a fictional
# one that differs from it wherever a partnership may (examples/fictional-four-levels.yml).
PARTNERSHIPS = {"medway": THRESHOLDS_FILE, "example": EXAMPLE_FILE}
sys.path.insert(0, str(Path(__file__).parent / "toolkit"))
sys.path.insert(0, str(Path(__file__).parent / "core"))
sys.path.insert(0, str(Path(__file__).parent))


@functools.cache
def loaded(path: Path):
    """A partnership's file as toolkit.load.load_file gives it, loaded once per test process: loading and
    validating a file costs a second or more, and dozens of test files read the same two. The model is frozen;
    a test that changes the file's data changes a deep copy (as every test does)."""
    from toolkit.load import load_file

    return load_file(path)


@pytest.fixture(scope="session")
def thresholds():
    return loaded(THRESHOLDS_FILE)


@pytest.fixture(scope="session")
def example():
    return loaded(EXAMPLE_FILE)


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


# ---- How many examples a property test generates ----------------------------------------------
# `make test` tries each property's full count. `make check` loads the "check" profile
# (--hypothesis-profile=check): a twentieth as many, so the inner loop stays under a minute while every
# property still runs (each generated example builds and loads a whole file: a tenth cost `make check`
# 5.5 s more CPU than a twentieth, session 15).
settings.register_profile("check", max_examples=5)


def ages_taken(thresholds) -> list[int | str]:
    """Every age the check takes, as typed, youngest first: whole years, but where an age band is in months, a
    baby's months ("0 months" to "11 months") in place of "0" years, which the check refuses there."""
    years: list[int | str] = list(range(thresholds.age_range.youngest, thresholds.age_range.oldest + 1))
    if thresholds.months_asked and years and years[0] == 0:
        return [*(f"{m} months" for m in range(12)), *years[1:]]
    return years


def youngest_age(thresholds) -> int | str:
    """The youngest age the check takes, as typed: 0, or "0 months" where an age band is in months."""
    return ages_taken(thresholds)[0]


def examples(full: int) -> int:
    """`full` under the default profile (100 examples); scaled down under a lighter one."""
    return max(1, full * settings.default.max_examples // 100)


# ---- Two speeds: `make check` runs what is not ``slow``; `make test` runs everything ----------------
# A test that takes a built site is ``build`` (a site build is about a minute); one that drives Chromium is
# ``browser``; both are ``slow``, as is anything marked slow by hand (subprocess fuzzing, Pyodide in Node).
SITE_FIXTURES = {"built_site", "medway_site", "example_site", "partnership_site"}


def fixtures(item) -> set[str]:
    return set(getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.is_relative_to(ROOT / "tests" / "browser"):
            item.add_marker(pytest.mark.browser)
        if fixtures(item) & SITE_FIXTURES:
            item.add_marker(pytest.mark.build)
        if item.get_closest_marker("browser") or item.get_closest_marker("build"):
            item.add_marker(pytest.mark.slow)
    items[:] = heaviest_files_first(items)


def first_in_check(values, keep: int = 2) -> list:
    """A sweep's cases (a parametrize list) of which `make check` runs the first ``keep`` and `make test` all:
    each case of a sweep over every field of a kind validates a whole file once per field, seconds each, and
    the inner loop needs one or two of a class to catch its breaking, the full run every one."""
    slow = pytest.mark.slow(seconds=2)
    return [value if index < keep else pytest.param(value, marks=slow) for index, value in enumerate(values)]


# ---- The order files run in: the heaviest first -------------------------------------------------
# `make test` hands each pytest-xdist worker whole files (--dist loadfile) in collection order
# (--no-loadscope-reorder: xdist's own order puts the files with the most tests first, which left a few
# slow browser files, of a few tests each, to run last on one worker while the other sat idle). Longest
# first makes the two workers end together. A file's weight is a rough guess at its seconds from its
# kinds of test: a page driven in Chromium; a look at a built site (the build is paid once per run); a
# test marked slow by hand (a fuzz, `mkdocs serve`, Pyodide in Node, an install: up to minutes), unless its
# mark says its own seconds (@pytest.mark.slow(seconds=N): a file of many quick ones); any other. A wrong
# guess only orders the run less well; it never changes what runs.
SECONDS_GUESSED = {"browser": 5.0, "build": 0.5, "slow": 60.0, "fast": 0.05}


def file_weight(items: list) -> float:
    """The file's guessed seconds; a test marked slow by hand may say its own: @pytest.mark.slow(seconds=N)."""

    def seconds(item) -> float:
        kind = next((name for name in ("browser", "build", "slow") if item.get_closest_marker(name)), "fast")
        slow = item.get_closest_marker("slow")
        return slow.kwargs.get("seconds", SECONDS_GUESSED[kind]) if slow and kind == "slow" else SECONDS_GUESSED[kind]

    return sum(seconds(item) for item in items)


def heaviest_files_first(items: list) -> list:
    """``items`` with each file's tests together and in their own order, the files heaviest first; except
    that the heaviest file needing no built site goes first or second, so that while one worker builds the first
    site (about a minute, once per run: sitebuild.shared_build) the other has work that does not wait on it."""
    files: dict[Path, list] = {}
    for item in items:
        files.setdefault(item.path, []).append(item)
    order = sorted(files.values(), key=file_weight, reverse=True)
    needs_no_site = [tests for tests in order if not any(SITE_FIXTURES & fixtures(test) for test in tests)]
    if needs_no_site and order[0] is not needs_no_site[0]:
        order.remove(needs_no_site[0])
        order.insert(1, needs_no_site[0])
    return [item for tests in order for item in tests]


# ---- The built sites, by engine ---------------------------------------------------------------
# Tests in these files run against the site as each engine builds it; every other test that uses a
# built site runs against the default engine's (MkDocs + Material) only.
BOTH_ENGINES = {
    "tests/site/test_build.py",  # the strict build, valid HTML, the content
    "tests/site/test_deploy.py",  # _headers, the nginx snippet, the zip, the service worker's list
    "tests/site/test_engine_bundle.py",  # the checker's engine in the site
    "tests/site/test_engines.py",  # the two engines' pages compared
    "tests/browser/test_site.py",  # no other origin, axe, search, keyboard, print, CSP
    "tests/browser/test_checker.py",  # /check/
    "tests/browser/test_drawer_keyboard.py",  # the navigation drawer's sub-menus by keyboard
    "tests/browser/test_focus_held.py",  # the drawer and the search hold the keyboard; nothing hides focus
}


def pytest_generate_tests(metafunc):
    """Each engine (see BOTH_ENGINES) and each partnership (tests taking ``partnership``): Medway's site
    on each engine, the other partnership's on the default engine, which is enough to show that the
    site holds nothing of either."""
    from sitebuild import ENGINES

    where = metafunc.definition.path.relative_to(ROOT).as_posix()
    engines = ENGINES if where in BOTH_ENGINES else ENGINES[:1]
    names = metafunc.fixturenames
    # @pytest.mark.partnerships("example"): a test whose Medway run another test already makes.
    marker = metafunc.definition.get_closest_marker("partnerships")
    partnerships = list(marker.args) if marker else list(PARTNERSHIPS)
    if "partnership" in names and "site_engine" in names:
        combos = [(p, e) for p in partnerships for e in engines if p == "medway" or e == ENGINES[0]]
        metafunc.parametrize(
            ("partnership", "site_engine"), combos, indirect=True, scope="session", ids=[f"{p}-{e}" for p, e in combos]
        )
    elif "partnership" in names:
        metafunc.parametrize("partnership", partnerships, indirect=True, scope="session")
    elif "site_engine" in names:
        metafunc.parametrize("site_engine", engines, indirect=True, scope="session")


@pytest.fixture(scope="session")
def site_engine(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """``built_site(file, engine)``: each partnership's site built once per engine in a test run, shared by
    every pytest-xdist worker (sitebuild.shared_build)."""
    from sitebuild import run_folder, shared_build

    folder = run_folder(tmp_path_factory)
    built = {}

    def build(thresholds_file: Path, engine: str):
        if (thresholds_file, engine) not in built:
            built[thresholds_file, engine] = shared_build(thresholds_file, engine, folder)
        return built[thresholds_file, engine]

    return build


@pytest.fixture(scope="session")
def medway_site(built_site, site_engine):
    return built_site(THRESHOLDS_FILE, site_engine)


@pytest.fixture(scope="session")
def example_site(built_site, site_engine):
    return built_site(EXAMPLE_FILE, site_engine)


@pytest.fixture(scope="session")
def partnership(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def partnership_file(partnership) -> Path:
    return PARTNERSHIPS[partnership]


@pytest.fixture(scope="session")
def partnership_thresholds(partnership_file):
    return loaded(partnership_file)


@pytest.fixture(scope="session")
def partnership_site(built_site, partnership_file, site_engine):
    return built_site(partnership_file, site_engine)
