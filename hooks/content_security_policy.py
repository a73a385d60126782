"""MkDocs hook: a Content-Security-Policy <meta> on every page (see toolkit/build/csp.py).

A page holding markup the site never ships (an inline script of its own, a meta refresh, an event
handler, a link to a disallowed scheme) fails the build, naming the page and what it holds.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from toolkit.build.csp import UnsafePageError, with_meta_policy


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _with_policy(output_content, template_name) if template_name.endswith(".html") else output_content


def _with_policy(html: str, where: str) -> str:
    try:
        return with_meta_policy(html)
    except UnsafePageError as error:
        more = len(error.problems) - 3
        shown = "; ".join(error.problems[:3]) + (f"; and {more} more" if more > 0 else "")
        raise PluginError(f"{where} holds what the site never ships: {shown}") from None
