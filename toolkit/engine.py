"""The site engine: turns the build folder's Markdown into HTML, and does nothing else.

Two engines read the same generated ``mkdocs.yml``: MkDocs with Material for MkDocs (the default),
and Zensical, Material's successor from the same team. Both run in strict mode, so a broken link or
an external asset the privacy plugin finds fails the build. Each writes into the build folder's
``site/`` (Zensical accepts no site folder outside its configuration's folder), which then replaces
the target site folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

CONFIG = "mkdocs.yml"  # the configuration both engines read, in the build folder
SITE = "site"  # where the engine writes, inside the build folder: Zensical allows no site folder outside it
ENGINES: dict[str, list[str]] = {
    "mkdocs": [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--config-file"],
    # --clean empties Zensical's page cache (.cache/ in the build folder): every build starts afresh.
    "zensical": [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "--config-file"],
}
DEFAULT_ENGINE = "mkdocs"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class EngineError(RuntimeError):
    """The engine failed or warned (strict mode), with its own output."""


def run_engine(engine: str, sources: Path, site: Path) -> str:
    """Build ``sources`` (written by ``toolkit.site.write``) into ``site``; return the engine's log."""
    if engine not in ENGINES:
        raise EngineError(f"unknown site engine {engine!r}: choose one of {', '.join(ENGINES)}")
    _check_replaceable(site, sources)
    built = sources / SITE
    if built.exists():
        shutil.rmtree(built)
    # MkDocs 1.6 prints a notice about MkDocs 2 on every run; it is not about this site.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([*ENGINES[engine], CONFIG], cwd=sources, env=env, capture_output=True, text=True, check=False)
    log = _ANSI.sub("", run.stdout + run.stderr)  # Zensical colours its output even into a pipe
    if run.returncode != 0 or not (built / "index.html").exists():
        raise EngineError(f"{engine} build failed (exit {run.returncode}):\n{log[-4000:]}")
    if site.resolve() != built.resolve():
        if site.exists():
            shutil.rmtree(site)
        site.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(built, site)
    return log


def _check_replaceable(site: Path, sources: Path) -> None:
    """Refuse to delete a folder that is not a built site: a wrong --site must not cost anyone their files."""
    if site.resolve() == sources.resolve() or site.resolve() in sources.resolve().parents:
        raise EngineError(f"the site folder {site} would hold the sources {sources}")
    if site.is_dir() and any(site.iterdir()) and not (site / "index.html").exists():
        raise EngineError(f"{site} is not empty and is not a built site (no index.html): not replacing it")
