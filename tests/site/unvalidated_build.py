"""Test-only: build the site from a thresholds file with validation skipped.

    python tests/site/unvalidated_build.py THRESHOLDS_FILE SITE_DIR [--no-escaping]

Shows what the site does with a file that never passed `validate`: it must still run no injected
script (the pages escape every value) and, with --no-escaping as well, the build must fail (the
check of every built page). Nothing outside the tests can reach this path.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml
from markupsafe import Markup

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def load_unvalidated(path: str | Path):
    from levels_of_need.model import from_dict

    return from_dict(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


def main(thresholds: str, site_dir: str, no_escaping: bool) -> None:
    import toolkit.load
    import toolkit.site.escaping
    import toolkit.site.pages

    toolkit.load.load_file = load_unvalidated  # the hook imports it from here when MkDocs loads it
    if no_escaping:
        toolkit.site.pages.page_text = lambda value: Markup(str(value))
        toolkit.site.pages.markdown_field = lambda value: Markup(str(value))
        toolkit.site.escaping.html_text = lambda value: Markup(str(value))
        toolkit.site.escaping.theme_text = str
        toolkit.site.pages._environment.cache_clear()
    os.environ["THRESHOLDS_FILE"] = os.path.relpath(thresholds, ROOT)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(ROOT)
    from mkdocs.__main__ import cli

    cli(["build", "--strict", "--site-dir", site_dir], standalone_mode=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--no-escaping" in sys.argv[3:])
