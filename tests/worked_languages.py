"""docs/format.md's worked example of languages and translations, added to the fictional file: the file
the language tests validate, write sources from and build one small site from."""

from __future__ import annotations

import re

import yaml_data
from conftest import EXAMPLE_FILE, ROOT

DOC = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
EXAMPLE_TEXT = EXAMPLE_FILE.read_text(encoding="utf-8")


def worked_example() -> str:
    """docs/format.md's example of languages and translations, as YAML text."""
    return next(b for b in re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S) if b.startswith("languages:"))


def with_languages(block: str) -> str:
    """The fictional file with ``block`` (top-level YAML) added before its contacts."""
    at = EXAMPLE_TEXT.index("\ncontacts:\n") + 1
    return EXAMPLE_TEXT[:at] + block + EXAMPLE_TEXT[at:]


WORKED = with_languages(worked_example())
WORDS = yaml_data.parse(worked_example())["translations"]
INTERFACE = yaml_data.parse(worked_example())["interface"]
