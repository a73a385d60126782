"""The Content-Security-Policy for every page, and the check that a built page holds nothing else.

The policy allows the site's own files and only the site's own, fixed set of inline scripts (the
theme's two, below), by hash. Any other inline script, a ``<meta http-equiv="refresh">``, an inline
event handler or a link to a disallowed scheme fails the build (``UnsafePageError``): the pages
escape the partnership's file, so finding one means a template or the theme let markup through.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from toolkit.links import target_problem

# The theme's inline scripts (Material for MkDocs 9.x, partials/javascripts/base.html and
# content.html), exactly; only the scope in the first differs, by the page's depth ("..", "../..").
# If a new version of the theme changes them, the build says so: review the new script, then update.
_MATERIAL_SCOPE = (
    '__md_scope=new URL("{scope}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
)
_MATERIAL_TABS = (
    "var target=document.getElementById(location.hash.slice(1));"
    'target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
)
SITE_INLINE_SCRIPTS = (
    re.compile(re.escape(_MATERIAL_SCOPE).replace(re.escape("{scope}"), r"(?:/|\.|\.\.(?:/\.\.)*)")),
    re.compile(re.escape(_MATERIAL_TABS)),
)
# Script types a browser does not run: data blocks, such as the theme's configuration.
_DATA_BLOCK_TYPES = {"application/json"}
_RUN_TYPES = {"", "text/javascript", "application/javascript", "module"}
_URL_ATTRIBUTES = {"href", "xlink:href", "action", "formaction"}
_EMBED_ATTRIBUTES = {"src", "data", "poster", "srcset", "background"}
_NEVER_USED = {"base", "iframe", "frame", "object", "embed", "applet", "portal"}


class UnsafePageError(ValueError):
    """A built page holds markup the site never ships; ``problems`` says what, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def is_site_script(body: str) -> bool:
    return any(pattern.fullmatch(body) for pattern in SITE_INLINE_SCRIPTS)


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_script_hashes(html: str) -> list[str]:
    """The hashes of the page's inline scripts that are the site's own. No other script is ever hashed."""
    return sorted({_hash(body) for body in _Page.read(html).inline_scripts if is_site_script(body)})


def page_problems(html: str) -> list[str]:
    """What a built page holds that the site never ships, one line each; empty for a sound page."""
    return _Page.read(html).problems


def policy(script_hashes: list[str], header: bool = False) -> str:
    """The policy for a page with these inline scripts. ``header`` adds what only an HTTP header can carry."""
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *script_hashes],
        "connect-src": ["'self'"],
        # blob: for the checker's worker, started from a blob: URL so that it inherits this policy
        # on hosts that cannot send one with the worker's own script (see assets/checker/engine.js).
        "worker-src": ["'self'", "blob:"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
    }
    if header:
        directives["frame-ancestors"] = ["'none'"]  # ignored in a <meta> policy, so only here
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_meta_policy(html: str) -> str:
    """Put the policy first in <head>, before anything it governs. Raises UnsafePageError for an unsound page."""
    problems = page_problems(html)
    if problems:
        raise UnsafePageError(problems)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(html))}">'
    return html.replace("<head>", f"<head>\n    {meta}", 1)


class _Page(HTMLParser):
    """One pass over a page: its inline scripts, and anything the site never ships."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inline_scripts: list[str] = []
        self.problems: list[str] = []
        self._script: list[str] | None = None

    @classmethod
    def read(cls, html: str) -> _Page:
        page = cls()
        page.feed(html)
        page.close()
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in _NEVER_USED:
            self.problems.append(f"an element the site never uses (<{tag}>)")
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"an inline event handler ({name}= on <{tag}>)")
            elif name in _URL_ATTRIBUTES and (problem := target_problem(value)):
                self.problems.append(f"a link to {value[:60]!r} on <{tag}>: {problem}")
            elif name in _EMBED_ATTRIBUTES and (problem := target_problem(value, schemes=())):
                self.problems.append(f"an embedded file from {value[:60]!r} on <{tag}>: {problem}")
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            self.problems.append(f"a <meta http-equiv=refresh> (content {values.get('content', '')[:60]!r})")
        if tag == "script" and "src" not in values:
            kind = values.get("type", "").strip().lower()
            if kind in _DATA_BLOCK_TYPES:
                return
            if kind not in _RUN_TYPES:
                self.problems.append(f"a <script> of type {kind!r}")
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            body = "".join(self._script)
            self._script = None
            self.inline_scripts.append(body)
            if not is_site_script(body):
                self.problems.append(f"an inline script that is not one of the site's own ({body.strip()[:60]!r})")
