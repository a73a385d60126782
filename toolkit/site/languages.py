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
