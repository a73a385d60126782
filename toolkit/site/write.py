"""Before the site engine: a folder any engine can build, from one partnership's thresholds file.

``write_sources`` writes into a build folder:

- ``docs/``: every generated page (``site_pages``) and the hand-written pages (the project's
  ``docs/``, or the toolkit's own: ``resources.site_base``), each with the glossary appended as
  Markdown abbreviations, so that abbreviations show their meaning on every page;
- ``mkdocs.yml``: the project's (or the toolkit's) ``mkdocs.yml`` with the partnership's name and
  description, the navigation of the generated pages joined to the hand-written ones, the toolkit's
  theme folder, and paths pointing into the build folder. No hooks: the engine only turns Markdown
  into HTML. MkDocs and Zensical both read it.

``hooks/thresholds_pages.py`` uses the same functions, so that ``mkdocs serve`` shows the same pages.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import yaml

from levels_of_need.interface import phrase_text
from levels_of_need.model import Thresholds

from ..engine import CONFIG, SITE
from ..load.colours import colours
from ..load.colours import stylesheet as colour_stylesheet
from ..load.translations import INTERFACE_LANG
from ..resources import THEME, site_base
from . import escaping, nothing_found
from .languages import LanguageBuild
from .pages import SECTIONS, Page, abbreviations, served_at, site_pages

DOCS = "docs"
COLOURS_CSS = "assets/stylesheets/colours.css"
# Hand-written pages about the toolkit itself, with figures measured on this repository's own file:
# for its developers (in docs/, read in the repository), never pages of a partnership's site.
DEVELOPER_PAGES = frozenset({"performance.md", "site-engines.md", "fidelity.md", "word-sources.md"})
# Settings of the project's mkdocs.yml that only `mkdocs serve` uses: the engine runs no code of ours.
SERVE_ONLY = ("hooks", "watch")


@dataclass(frozen=True)
class SiteSources:
    """What the engine needs from a partnership's file: pages, glossary, navigation and names."""

    thresholds: Thresholds
    pages: list[Page]
    glossary: str  # Markdown abbreviation definitions

    # The theme prints the names and the navigation's titles as HTML, whichever the engine: escaped
    # here, as the partnership's file is data, never markup.
    @property
    def site_name(self) -> str:
        """The header's name: the partnership's short name (a full name may run to a hundred
        characters or more); the home and About pages give the full name."""
        return str(escaping.html_text(self.thresholds.partnership.short_name))

    @property
    def site_description(self) -> str:
        return str(escaping.html_text(self.thresholds.document.title))

    @property
    def stylesheets(self) -> dict[str, str]:
        """Stylesheets made from the file, by their path in docs/: the colours of its levels and routes."""
        return {COLOURS_CSS: colour_stylesheet(self.thresholds)} if colours(self.thresholds) else {}

    @property
    def made_files(self) -> dict[str, str]:
        """Every file made from the partnership's file besides its pages, by its path in docs/: the
        stylesheets, and what the site's search offers when nothing is found (nothing_found.py)."""
        offers = nothing_found.search_offers(self.thresholds, served_at(nothing_found.WORDS_PAGE) + "/")
        return {**self.stylesheets, nothing_found.OFFERS_FILE: offers}

    def nav(self, handwritten: list[Any]) -> list[Any]:
        """The generated pages' navigation, with the hand-written pages of ``handwritten`` joined in, each
        section's title in the data's language (joined by its English, as mkdocs.yml names it)."""
        merged = merge_nav(generated_nav(self.pages), handwritten)
        words = {english: str.__str__(phrase_text(self.thresholds.phrases, key)) for key, english in SECTIONS.items()}
        return [{words.get(k, k): v for k, v in item.items()} if isinstance(item, dict) else item for item in merged]


def site_sources(thresholds: Thresholds) -> SiteSources:
    return SiteSources(thresholds, site_pages(thresholds), abbreviations(thresholds))


def with_glossary(markdown: str, glossary: str) -> str:
    """A page with the glossary appended, so abbreviations carry their meaning on every page."""
    return f"{markdown}\n\n{glossary}\n"


def generated_nav(pages: list[Page]) -> list[Any]:
    nav: list[Any] = []
    sections: dict[str, list[Any]] = {}
    for page in pages:
        entry = {escaping.theme_text(page.title): page.path}
        if page.section is None:
            nav.append(entry)
        else:
            if page.section not in sections:
                sections[page.section] = []
                nav.append({page.section: sections[page.section]})
            sections[page.section].append(entry)
    return nav


def merge_nav(generated: list[Any], handwritten: list[Any]) -> list[Any]:
    """Hand-written pages named under a section title in mkdocs.yml join that generated section."""
    merged = [dict(item) if isinstance(item, dict) else item for item in generated]
    by_title = {next(iter(item)): item for item in merged if isinstance(item, dict)}
    for item in handwritten:
        title, children = next(iter(item.items()))
        if title in by_title and isinstance(children, list):
            section = by_title[title]
            section[title] = [*section[title], *children]
        else:
            merged.append(item)
    return merged


# Zensical resolves a relative link in raw HTML (<a href>, <img src>) from the Markdown file's folder,
# as it does a Markdown link (zensical/zensical#258); MkDocs leaves raw HTML as written. The templates
# write such links from the page's served address (``pages.render``'s ``url``), as MkDocs needs; for
# Zensical each is rewritten to the same target from the file's folder. Script sources are left alone
# by both engines, and so here.
_RAW_LINK = re.compile(r'(<(?:a|img)\b[^>]*?\s(?:href|src)=")([^"]*)(")')
_FENCE = re.compile(r"^\s*(```|~~~)")


def links_from_source_folder(markdown: str, path: str) -> str:
    """Raw-HTML links of the page at ``path`` (a Markdown source), rewritten for Zensical."""
    served, folder = served_at(path), posixpath.dirname(path)
    if served == folder:
        return markdown  # an index page is served from its own folder: both readings agree

    def rewrite(match: re.Match[str]) -> str:
        parts = urlsplit(match.group(2))
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return match.group(0)  # another site, a phone number, an absolute path or a fragment
        target = posixpath.normpath(posixpath.join(served, parts.path))
        relative = posixpath.relpath(target, folder or ".")
        if parts.path.endswith("/"):
            relative += "/"
        return match.group(1) + urlunsplit(("", "", relative, parts.query, parts.fragment)) + match.group(3)

    lines, in_code = [], False
    for line in markdown.splitlines(keepends=True):
        if _FENCE.match(line):
            in_code = not in_code
        lines.append(line if in_code else _RAW_LINK.sub(rewrite, line))
    return "".join(lines)


# ---- The project's mkdocs.yml ------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """YAML as MkDocs reads it: ``!ENV [NAME, default]`` is an environment variable."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node)
    return next((os.environ[name] for name in names if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env_tag)


def read_config(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as file:
        return yaml.load(file, Loader=_ConfigLoader)


def engine_config(
    project_config: dict[str, Any], out: Path, sources: SiteSources, language: LanguageBuild | None = None
) -> dict[str, Any]:
    """The project's configuration for this partnership, with every path relative to the build folder.
    The theme override folder is always the toolkit's own, wherever the toolkit is installed. A file
    that declares languages has each language's pages declare it (Material's ``theme.language`` sets
    ``<html lang>`` and Material's own words) and a language switch (``extra.alternate``)."""
    config = {key: value for key, value in project_config.items() if key not in SERVE_ONLY}
    config["site_name"] = sources.site_name
    config["site_description"] = sources.site_description
    config["docs_dir"] = DOCS
    config["site_dir"] = SITE
    config["nav"] = sources.nav(project_config.get("nav") or [])
    config["extra"] = {key: value for key, value in (config.get("extra") or {}).items() if key != "thresholds"}
    config["extra_css"] = [*(config.get("extra_css") or []), *sources.stylesheets]
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = os.path.relpath(THEME, out)
    if language is not None:
        theme["language"] = language.lang
        config["extra"]["alternate"] = language.switch
        if language.lang != INTERFACE_LANG:
            config["extra"]["content_lang"] = INTERFACE_LANG  # the toolkit's own words, around the file's
    config["theme"] = theme
    return config


# ---- Writing the build folder ---------------------------------------------------------------


def write_sources(
    sources: SiteSources, project: Path, out: Path, engine: str = "mkdocs", language: LanguageBuild | None = None
) -> Path:
    """Write the pages and the engine configuration into ``out`` for ``engine``; return the configuration's path."""

    def page_text(markdown: str, path: str) -> str:
        markdown = with_glossary(markdown, sources.glossary)
        return links_from_source_folder(markdown, path) if engine == "zensical" else markdown

    if out.resolve() == project.resolve():
        raise ValueError("the build folder must not be the project itself: its docs/ would be overwritten")
    base = site_base(project)
    docs = out / DOCS
    if docs.exists():
        shutil.rmtree(docs)  # a page another partnership's file made must not linger
    handwritten = sorted(p for p in base.docs.rglob("*") if p.is_file()) if base.docs.is_dir() else []
    handwritten = [p for p in handwritten if p.relative_to(base.docs).as_posix() not in DEVELOPER_PAGES]
    for source in handwritten:
        target = docs / source.relative_to(base.docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".md":
            path = source.relative_to(base.docs).as_posix()
            target.write_text(page_text(source.read_text(encoding="utf-8"), path), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
    for path, text in sources.made_files.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    for page in sources.pages:
        target = docs / page.path
        if target.exists():
            raise ValueError(f"docs/{page.path} is hand-written, but the toolkit generates that page")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_text(page.markdown, page.path), encoding="utf-8")
    config = engine_config(read_config(base.config), out, sources, language)
    header = f"# Written by `python -m toolkit sources` from the project's {CONFIG} and a thresholds file.\n"
    text = header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=120)
    (out / CONFIG).write_text(text, encoding="utf-8")
    return out / CONFIG
