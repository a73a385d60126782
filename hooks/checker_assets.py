"""MkDocs hook: after the build, add the checker's engine (Pyodide, wheel, data) to the site."""

from __future__ import annotations

import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from toolkit.bundle import BundleError, build_engine
from toolkit.validate import load_file


def on_post_build(config: MkDocsConfig) -> None:
    project = Path(config.config_file_path).parent
    thresholds = load_file(project / config.extra["thresholds"])
    try:
        build_engine(thresholds, project, Path(config.site_dir), _source_date_epoch(project))
    except BundleError as exc:
        raise PluginError(str(exc)) from None


def _source_date_epoch(project: Path) -> int:
    """The last commit's time, so the same commit always gives the same wheel."""
    run = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True)
    return int(run.stdout.strip() or 315532800)  # 1980-01-01: the earliest time a zip can hold
