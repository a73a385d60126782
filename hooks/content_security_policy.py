"""MkDocs hook: a Content-Security-Policy <meta> on every page (see toolkit/build/csp.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from toolkit.build.csp import with_meta_policy


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_meta_policy(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return with_meta_policy(output_content) if template_name.endswith(".html") else output_content
