"""Render a partnership's thresholds as Markdown pages, independent of any site engine.

``site_pages(thresholds)`` returns the pages in reading order; an engine adapter
(the MkDocs hook in ``hooks/``) only has to add them. Every page is a function
of the data and its own path, so links are computed relative to where a page
lands and the same section can be reused in the whole-guidance page.
"""

from .pages import Page, abbreviations, site_pages

__all__ = ["Page", "abbreviations", "site_pages"]
