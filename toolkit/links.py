"""Where a link in the site may go: https:, mailto:, tel: and the site's own pages. One definition,
used by the validator (toolkit.load.text), the Markdown of the pages (toolkit.site.safe_links) and
the check of every built page (toolkit.publish.csp)."""

from __future__ import annotations

import html
import re

LINK_SCHEMES = ("https", "mailto", "tel")
ALLOWED = "https:, mailto:, tel: or the site's own pages"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Browsers drop these from a URL before reading its scheme ("java\tscript:" is "javascript:").
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")


def target_problem(target: str, schemes: tuple[str, ...] = LINK_SCHEMES) -> str | None:
    """Why a link may not go to ``target``, or None: it has one of ``schemes``, or it is on this site."""
    target = _IGNORED_IN_URLS.sub("", html.unescape(target))
    scheme = _SCHEME.match(target)
    if scheme and scheme.group(1).lower() not in schemes:
        return f"{scheme.group(1).lower()}: is not allowed"
    if not scheme and target.startswith(("//", "\\\\", "/\\", "\\/")):
        return "a link starting // leaves the site"
    return None
