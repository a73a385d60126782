"""MkDocs hook for ``mkdocs serve``: the site build's first and last stages, as MkDocs events.

``make build`` runs the stages as commands around any engine (``python -m toolkit sources``, ``engine``,
``finish``). ``mkdocs serve`` rebuilds whenever a watched file changes, thresholds.yml included, so
here the same functions run inside MkDocs: before the engine, ``toolkit.site.write`` gives the pages
(added as ``File.generated``, nothing written into docs/), the navigation, the names and the glossary;
after it, ``toolkit.publish.finish`` adds the markup fixes, the CSP, the checker's engine, ``_headers``
and a service worker that retires any offline copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from toolkit.load import ThresholdsError, load_file
from toolkit.publish.bundle import BundleError
from toolkit.publish.conformance import MarkupChanged
from toolkit.publish.csp import UnsafePageError
from toolkit.publish.finish import finish_site
from toolkit.site.write import DEVELOPER_PAGES, site_sources, with_glossary

_state: dict[str, Any] = {}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    path = Path(config.config_file_path).parent / config.extra["thresholds"]
    try:
        sources = site_sources(load_file(path))
    except ThresholdsError as exc:
        raise PluginError(f"{path} is not valid:\n{exc}") from None
    _state["sources"] = sources
    config.site_name = sources.site_name
    config.site_description = sources.site_description
    config.nav = sources.nav(config.nav or [])
    config.extra_css = [*config.extra_css, *sources.stylesheets]
    config.watch.append(str(path))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path in DEVELOPER_PAGES:
        if (found := files.get_file_from_path(path)) is not None:
            files.remove(found)
    for page in _state["sources"].pages:
        files.append(File.generated(config, page.path, content=page.markdown))
    for path, text in _state["sources"].made_files.items():
        files.append(File.generated(config, path, content=text))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return with_glossary(markdown, _state["sources"].glossary)


def on_post_build(config: MkDocsConfig) -> None:
    project = Path(config.config_file_path).parent
    try:
        finish_site(
            Path(config.site_dir),
            _state["sources"].thresholds,
            project,
            "mkdocs",
            serving=_state.get("command") == "serve",
            site_url=config.site_url or "",
        )
    except (BundleError, FileNotFoundError, MarkupChanged, UnsafePageError) as exc:
        raise PluginError(str(exc)) from None
