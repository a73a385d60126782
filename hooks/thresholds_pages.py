"""MkDocs hook: a thin adapter that adds what is generated from thresholds.yml.

All content comes from ``toolkit.site`` and ``toolkit.build``; this file only
tells MkDocs about it: the pages (``File.generated``, nothing written into
docs/), the navigation, the site name, the glossary as abbreviation tooltips, a
watch on the data file, and after the build the checker's engine, the hosts' headers file and the service worker.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from toolkit.build.bundle import BundleError, build_engine
from toolkit.build.deploy import write_headers_file
from toolkit.build.offline import write_retiring_service_worker, write_service_worker
from toolkit.load import ThresholdsError, load_file
from toolkit.site import abbreviations, site_pages
from toolkit.site.escaping import html_text

_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    path = Path(config.config_file_path).parent / config.extra["thresholds"]
    try:
        thresholds = load_file(path)
    except ThresholdsError as exc:
        raise PluginError(f"{path} is not valid:\n{exc}") from None
    pages = site_pages(thresholds)
    _state.update(pages=pages, abbreviations=abbreviations(thresholds), thresholds=thresholds)
    # The theme prints these as HTML: escaped here, as the partnership's file is data, never markup.
    config.site_name = html_text(thresholds.partnership["name"])
    config.site_description = html_text(thresholds.document["title"])
    config.nav = _merge_nav(_generated_nav(pages), config.nav or [])
    config.watch.append(str(path))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _state["pages"]:
        files.append(File.generated(config, page.path, content=page.markdown))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Every page gets the glossary, so abbreviations show their meaning everywhere.
    return f"{markdown}\n\n{_state['abbreviations']}\n"


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_post_build(config: MkDocsConfig) -> None:
    project = Path(config.config_file_path).parent
    site = Path(config.site_dir)
    try:
        build_engine(_state["thresholds"], project, site, _source_date_epoch(project))
    except BundleError as exc:
        raise PluginError(str(exc)) from None
    write_headers_file(site)
    # Last, once every file is in place: the service worker lists them all.
    if _state.get("command") == "serve":
        write_retiring_service_worker(site)  # pages under development are never served from a cache
    else:
        write_service_worker(site)


def _source_date_epoch(project: Path) -> int:
    """The last commit's time, so the same commit always gives the same wheel."""
    run = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True)
    return int(run.stdout.strip() or 315532800)  # 1980-01-01: the earliest time a zip can hold


def _generated_nav(pages: list[Any]) -> list[Any]:
    nav: list[Any] = []
    sections: dict[str, list[Any]] = {}
    for page in pages:
        entry = {html_text(page.title): page.path}
        if page.section is None:
            nav.append(entry)
        else:
            if page.section not in sections:
                sections[page.section] = []
                nav.append({page.section: sections[page.section]})
            sections[page.section].append(entry)
    return nav


def _merge_nav(generated: list[Any], handwritten: list[Any]) -> list[Any]:
    """Hand-written pages named under a section title in mkdocs.yml join that generated section."""
    by_title = {next(iter(item)): item for item in generated if isinstance(item, dict)}
    for item in handwritten:
        title, children = next(iter(item.items()))
        if title in by_title and isinstance(children, list):
            next(iter(by_title[title].values())).extend(children)
        else:
            generated.append(item)
    return generated
