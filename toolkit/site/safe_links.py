"""A Markdown extension: links go only to https:, mailto:, tel: and the site's own pages.

Guidance bodies are Markdown from the partnership's file. The validator refuses other links; this
makes the site safe even for a file that was never validated: a link (or image) whose target is
not allowed becomes plain text. Registered for every page in mkdocs.yml.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from toolkit.links import target_problem


class SafeLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            href, src = element.get("href"), element.get("src")
            # Images and other embedded files come from the site itself only.
            if (href is not None and target_problem(href)) or (src is not None and target_problem(src, schemes=())):
                # A plain span: its text stays, its target goes (MkDocs expects every <a> to have an href).
                text = element.get("alt", "") if element.tag == "img" else None
                element.attrib.clear()
                element.tag = "span"
                if text is not None:
                    element.text = text


class SafeLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After attribute lists (8), which can set an href, and before unescaping (0).
        md.treeprocessors.register(SafeLinks(md), "safe_links", 1)


def makeExtension(**kwargs: object) -> SafeLinksExtension:
    return SafeLinksExtension(**kwargs)
