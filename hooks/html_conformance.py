"""MkDocs hook: two exact fixes to Material's templates so every page is valid HTML.

- Section labels in the navigation carry ``tabindex=""`` when they are not links
  (partials/nav-item.html); an empty tabindex is invalid, and omitting it is
  what was meant.
- The drawer and search toggles are checkboxes with ``autocomplete="off"``
  (base.html); the attribute is not allowed on checkboxes.

If Material changes its markup, a fix stops matching and the build says so
(a warning, which fails ``mkdocs build --strict``), rather than silently leaving
invalid HTML for html-validate to find later.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.html_conformance")

FIXES = (
    (' tabindex=""', ""),
    ('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__drawer"'),
    ('type="checkbox" id="__search" autocomplete="off"', 'type="checkbox" id="__search"'),
)
ALWAYS_PRESENT = FIXES[1:]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return conform(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered from a theme template, not from a page.
    return conform(output_content, template_name) if template_name.endswith(".html") else output_content


def conform(output: str, where: str) -> str:
    for before, after in FIXES:
        if before not in output and (before, after) in ALWAYS_PRESENT and "<html" in output:
            log.warning(
                "Material's markup changed: %r not found in %s; review hooks/html_conformance.py", before, where
            )
        output = output.replace(before, after)
    return output
