"""Where the build finds what it needs, in the toolkit's checkout or installed from its wheel.

The site build needs files of the toolkit's project besides its Python: the site engine's
configuration (``mkdocs.yml``), the hand-written pages (``docs/``), the pinned npm packages
(``package.json``) and the core's own ``pyproject.toml``, to build the wheel the browser receives.
In a checkout, ``toolkit/shipped/`` holds links to them; the wheel holds copies (package data), so
an installed toolkit builds a partnership's site from any folder.

A partnership's folder may hold its own ``mkdocs.yml`` and ``docs/``; without them the toolkit's
own are used. The self-check needs Node.js and the pinned ``pyodide`` npm package, found in
``node_modules/`` of the partnership's folder or a folder above it, as Node itself looks.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import levels_of_need

SHIPPED = Path(__file__).resolve().parent / "shipped"
THEME = Path(__file__).resolve().parent / "web" / "theme"  # the theme override folder (custom_dir)
CONFIG = "mkdocs.yml"
DOCS = "docs"


class MissingResource(FileNotFoundError):
    """Something the build needs is not there, with what to do about it."""


@dataclass(frozen=True)
class SiteBase:
    """The site engine's configuration and the hand-written pages a site is built with."""

    config: Path
    docs: Path


def site_base(project: Path) -> SiteBase:
    """The partnership folder's own ``mkdocs.yml`` and ``docs/`` if it has them, else the toolkit's."""
    if (project / CONFIG).is_file():
        return SiteBase(project / CONFIG, project / DOCS)
    return SiteBase(SHIPPED / CONFIG, SHIPPED / DOCS)


def pinned_pyodide() -> str:
    """The pyodide npm version the checker is built and tested with (the toolkit's package.json)."""
    package = json.loads((SHIPPED / "package.json").read_text(encoding="utf-8"))
    return package["devDependencies"]["pyodide"]


def pyodide_dir(project: Path) -> Path:
    """``node_modules/pyodide`` in the project folder or the nearest folder above it that has one."""
    pinned = pinned_pyodide()
    for folder in (project.resolve(), *project.resolve().parents):
        candidate = folder / "node_modules" / "pyodide"
        if (candidate / "package.json").is_file():
            found = json.loads((candidate / "package.json").read_text(encoding="utf-8")).get("version")
            if found != pinned:
                raise MissingResource(
                    f"{candidate} is pyodide {found}, but the checker is built with pyodide {pinned}: "
                    f"run `npm install pyodide@{pinned}` in {folder}"
                )
            return candidate
    raise MissingResource(
        f"the self-check needs Node.js and the pyodide npm package, version {pinned}, in node_modules/ of "
        f"{project.resolve()} or a folder above it: run `npm install pyodide@{pinned}` there"
    )


def core_files() -> tuple[Path, list[Path], Path]:
    """The core's package folder (wherever ``levels_of_need`` is imported from), its files (no bytecode
    caches), and the ``pyproject.toml`` its wheel is built with: ``core/pyproject.toml`` of the checkout or,
    for an installed toolkit, the shipped one. What the browser's Python is made from (bundle.py)."""
    package = Path(levels_of_need.__file__).resolve().parent
    checkout_pyproject = package.parent / "pyproject.toml"
    in_checkout = checkout_pyproject.is_file() and package.parent.name == "core"
    files = sorted(
        file
        for file in package.rglob("*")
        if file.is_file() and "__pycache__" not in file.relative_to(package).parts and file.suffix != ".pyc"
    )
    return package, files, checkout_pyproject if in_checkout else SHIPPED / "core-pyproject.toml"


def core_source(scratch: Path) -> Path:
    """A copy of the core's package folder to build its wheel from (the only Python the browser
    receives), with its ``pyproject.toml`` (core_files).

    Always a copy in ``scratch``: building in ``core/`` itself left setuptools' ``build/lib`` behind, which
    is never pruned, so a module deleted from the core kept shipping to every browser."""
    package, files, pyproject = core_files()
    tree = scratch / "core"
    for file in files:
        copy = tree / package.name / file.relative_to(package)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file, copy)  # as copytree did: the mode goes into the wheel
    shutil.copyfile(pyproject, tree / "pyproject.toml")
    return tree
