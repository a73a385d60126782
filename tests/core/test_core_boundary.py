"""The core's rule: nothing under core/ imports outside the standard library or the core itself.

The core is the only Python the browser receives (under Pyodide, with no packages installed), so
an import of PyYAML, Jinja2 or the build-time toolkit would break the checker in the browser.
"""

from __future__ import annotations

import ast
import sys
import tomllib

import pytest
from conftest import ROOT

CORE = ROOT / "core"


def imported_top_level_names(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_core_imports_only_the_standard_library_and_itself():
    # `js` exists only inside Pyodide: the worker imports it to probe the network lock.
    allowed = set(sys.stdlib_module_names) | {"levels_of_need", "__future__", "js"}
    outside = {
        path.relative_to(ROOT).as_posix(): sorted(imported_top_level_names(path.read_text("utf-8")) - allowed)
        for path in sorted(CORE.rglob("*.py"))
    }
    assert {path: names for path, names in outside.items() if names} == {}
    assert len(outside) >= 6


def test_the_core_distribution_declares_no_dependencies():
    project = tomllib.loads((CORE / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["dependencies"] == []
    assert project["name"] == "levels-of-need-core"


@pytest.mark.slow  # a wheel built and installed by pip: tens of seconds, for `make test`
def test_the_wheel_shipped_to_the_browser_holds_only_the_core_and_declares_no_dependencies(tmp_path):
    import zipfile

    from toolkit.publish.bundle import build_wheel

    wheel = build_wheel(ROOT, tmp_path, 1_700_000_000)
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    modules = {n for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert modules == {f"levels_of_need/{p.name}" for p in (CORE / "levels_of_need").glob("*.py")}
    assert "Name: levels-of-need-core" in metadata
    assert "Requires-Dist" not in metadata
