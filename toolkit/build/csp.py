"""The Content-Security-Policy for every page, with hashes of the page's own inline scripts."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence

# <script> elements without src whose content the browser runs (JSON data blocks are not run).
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)


def inline_script_hashes(html: str) -> list[str]:
    return sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
            for body in _INLINE_SCRIPT.findall(html)
        }
    )


def policy(script_hashes: list[str], header: bool = False, style_hashes: Sequence[str] = ()) -> str:
    """The policy for a page with these inline scripts. ``header`` adds what only an HTTP header can carry.

    ``style_hashes`` allow the exact <style> elements a site engine's own script adds at run time.
    """
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *script_hashes],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "style-src": ["'self'", *style_hashes],
        "img-src": ["'self'", "data:"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
    }
    if header:
        directives["frame-ancestors"] = ["'none'"]  # ignored in a <meta> policy, so only here
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_meta_policy(html: str, style_hashes: Sequence[str] = ()) -> str:
    """Put the policy first in <head>, before anything it governs."""
    content = policy(inline_script_hashes(html), style_hashes=style_hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return html.replace("<head>", f"<head>\n    {meta}", 1)
