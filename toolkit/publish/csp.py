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
from collections.abc import Sequence
from html.parser import HTMLParser

from toolkit.links import target_problem

# The themes' inline scripts (Material for MkDocs 9.x, partials/javascripts/base.html and
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
# Zensical 0.0.73's classic theme: its own scope script, the same tabs script, and a palette script.
_ZENSICAL_SCOPE = (
    '__md_scope=new URL("{scope}",location),__md_scope.pathname.endsWith("/")||'
    '(__md_scope=new URL(__md_scope.pathname+"/",location)),'
    "__md_hash=e=>[...e].reduce(((e,t)=>(e<<5)-e+t.charCodeAt(0)),0),"
    '__md_get=(e,t=localStorage,_=__md_scope)=>JSON.parse(t.getItem(_.pathname+"."+e)),'
    '__md_set=(e,t,_=localStorage,a=__md_scope)=>{try{_.setItem(a.pathname+"."+e,JSON.stringify(t))}catch(e){}},'
    'document.documentElement.setAttribute("data-platform",navigator.platform)'
)
_ZENSICAL_PALETTE = (
    'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media)'
    '{var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?'
    "\"[data-md-color-media='(prefers-color-scheme: light)']\":"
    "\"[data-md-color-media='(prefers-color-scheme: dark)']\");"
    'palette.color.media=input.getAttribute("data-md-color-media"),'
    'palette.color.scheme=input.getAttribute("data-md-color-scheme"),'
    'palette.color.primary=input.getAttribute("data-md-color-primary"),'
    'palette.color.accent=input.getAttribute("data-md-color-accent")}'
    'for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}'
)
_SCOPE = r"(?:/|\.|\.\.(?:/\.\.)*)"  # "/" on the 404 page, else the page's depth
SITE_INLINE_SCRIPTS = (
    re.compile(re.escape(_MATERIAL_SCOPE).replace(re.escape("{scope}"), _SCOPE)),
    re.compile(re.escape(_MATERIAL_TABS)),
    re.compile(re.escape(_ZENSICAL_SCOPE).replace(re.escape("{scope}"), _SCOPE)),
    re.compile(re.escape(_ZENSICAL_PALETTE)),
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


def page_problems(html: str, site_url: str = "") -> list[str]:
    """What a built page holds that the site never ships, one line each; empty for a sound page."""
    return _Page.read(html, site_url).problems


def policy(script_hashes: list[str], header: bool = False, style_hashes: Sequence[str] = ()) -> str:
    """The policy for a page with these inline scripts. ``header`` adds what only an HTTP header can carry.

    ``style_hashes`` allow the exact <style> elements a site engine's own script adds at run time.
    """
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *script_hashes],
        "connect-src": ["'self'"],
        # blob: for the checker's worker, started from a blob: URL so that it inherits this policy
        # on hosts that cannot send one with the worker's own script (see assets/checker/engine.js).
        "worker-src": ["'self'", "blob:"],
        "style-src": ["'self'", *style_hashes],
        "img-src": ["'self'", "data:"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
    }
    if header:
        directives["frame-ancestors"] = ["'none'"]  # ignored in a <meta> policy, so only here
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_meta_policy(html: str, style_hashes: Sequence[str] = (), site_url: str = "") -> str:
    """Put the policy first in <head>, before anything it governs. Raises UnsafePageError for an unsound page.

    ``site_url`` is the site's own address where the engine writes it into pages (``mkdocs serve``
    gives every page a canonical link to http://127.0.0.1:8000/...): links under it are the site's own.
    """
    problems = page_problems(html, site_url)
    if problems:
        raise UnsafePageError(problems)
    content = policy(inline_script_hashes(html), style_hashes=style_hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return html.replace("<head>", f"<head>\n    {meta}", 1)


class _Page(HTMLParser):
    """One pass over a page: its inline scripts, and anything the site never ships."""

    def __init__(self, site_url: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self._site_url = site_url
        self.inline_scripts: list[str] = []
        self.problems: list[str] = []
        self._script: list[str] | None = None

    @classmethod
    def read(cls, html: str, site_url: str = "") -> _Page:
        page = cls(site_url)
        page.feed(html)
        page.close()
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in _NEVER_USED:
            self.problems.append(f"an element the site never uses (<{tag}>)")
        for name, value in values.items():
            if problem := self._attribute_problem(tag, name, value):
                self.problems.append(problem)
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            self.problems.append(f"a <meta http-equiv=refresh> (content {values.get('content', '')[:60]!r})")
        if tag == "script" and "src" not in values:
            self._start_inline_script(values.get("type", "").strip().lower())

    def _attribute_problem(self, tag: str, name: str, value: str) -> str | None:
        """What is wrong with one attribute: an inline handler, or a link or embed the site never ships."""
        if name.startswith("on"):
            return f"an inline event handler ({name}= on <{tag}>)"
        if self._site_url and value.startswith(self._site_url):
            return None  # the site's own address, as the engine wrote it
        if name in _URL_ATTRIBUTES and (problem := target_problem(value)):
            return f"a link to {value[:60]!r} on <{tag}>: {problem}"
        if name in _EMBED_ATTRIBUTES and (problem := target_problem(value, schemes=())):
            return f"an embedded file from {value[:60]!r} on <{tag}>: {problem}"
        return None

    def _start_inline_script(self, kind: str) -> None:
        """An inline script's body is read (and later hashed) unless it is a data block, which never runs."""
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
