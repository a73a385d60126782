"""A site in each language the file declares (docs/format.md, "Other languages and easy read"): the
default at the site's root as before, each other language under its code (``cy/``), from the file's
data in that language (``toolkit.load.translations.translated``), with a switch between them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from levels_of_need.model import Thresholds, from_dict

from ..load.translations import Language, languages, translated


@dataclass(frozen=True)
class LanguageBuild:
    """One language's site: where it is served from the root, the tag its pages declare, the switch."""

    language: Language
    folder: str  # "" for the default, at the root; "cy" for Welsh
    switch: list[dict[str, str]]  # Material's extra.alternate, links relative to this site's root

    @property
    def lang(self) -> str:
        return self.language.lang


def language_builds(data: dict[str, Any]) -> list[LanguageBuild]:
    """Each declared language's build, the default first; none for a file that declares no languages
    (its site builds exactly as a one-language site always has)."""
    declared = languages(data) if data.get("languages") else []
    builds = []
    for index, language in enumerate(declared):
        folder = "" if index == 0 else language.code
        up = "../" if folder else "./"
        switch = [
            {"name": other.name, "link": up + (f"{other.code}/" if n else ""), "lang": other.lang}
            for n, other in enumerate(declared)
        ]
        # The link to this site itself is its own root.
        switch = [dict(item, link="./") if declared[n] == language else item for n, item in enumerate(switch)]
        builds.append(LanguageBuild(language, folder, switch))
    return builds


def thresholds_in(data: dict[str, Any], build: LanguageBuild, schema: dict[str, Any]) -> Thresholds:
    """The thresholds in a build's language, built from data that has passed validation."""
    return from_dict(translated(data, schema, build.language.code))


def other_folders(sources: Path) -> list[str]:
    """The other languages' source folders beside the default's, as its language switch names them
    (a folder another file's build left behind is not one)."""
    from ..engine import CONFIG
    from .write import read_config

    switch = (read_config(sources / CONFIG).get("extra") or {}).get("alternate") or []
    return [item["link"].removeprefix("./").rstrip("/") for item in switch if item["link"] != "./"]


def site_folders(t: Thresholds, project: Path) -> set[str]:
    """The folders at the site's root, each from where it is defined: each page's (its path, served with
    directory URLs), each hand-written page's, the engine's and the theme's assets, the search index's."""
    from ..publish.bundle import ENGINE_DIR
    from ..publish.search_order import SEARCH_INDEX
    from ..resources import THEME, site_base
    from .pages import served_at, site_pages
    from .write import DEVELOPER_PAGES

    served = [served_at(page.path) for page in site_pages(t)]
    docs = site_base(project).docs
    sources = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")] if docs.is_dir() else []
    handwritten = [served_at(source) for source in sources if source not in DEVELOPER_PAGES]
    built = [
        ENGINE_DIR,
        *(path for path, _ in SEARCH_INDEX.values()),
        *(p.name + "/" for p in THEME.iterdir() if p.is_dir()),
    ]
    # A path's first part: "levels/thriving", "check" (served as check/index.html), "search/search_index.json".
    return {path.split("/")[0] for path in [*served, *handwritten, *built] if path}
