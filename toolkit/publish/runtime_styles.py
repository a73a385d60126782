"""The <style> elements a site engine's own script adds to a page at run time, which the CSP must allow.

The pages' policy allows styles from the site's own files only (``style-src 'self'``). Material for
MkDocs adds no <style> element. Zensical 0.0.73's search dialog lives in a shadow root, which no page
stylesheet reaches, and its bundle gives the dialog its look with a <style> element of fixed text;
the policy allows exactly that text by its hash, and nothing else inline.

Each entry is keyed by the engine bundle's file, whose name carries a digest of its contents: a
changed bundle has a new name, gets no hash, and the browser tests see the blocked style and fail
(Chromium's console message names the hash to review and add).
"""

from __future__ import annotations

from pathlib import Path

RUNTIME_STYLES: dict[str, tuple[str, ...]] = {
    # Zensical 0.0.73: the search dialog's stylesheet (7,641 characters of CSS in the bundle).
    "assets/javascripts/bundle.77dd0ce9.min.js": ("'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='",),
}


def runtime_style_hashes(site: Path) -> list[str]:
    """The style hashes for the engine bundles this built site holds."""
    return sorted({h for bundle, hashes in RUNTIME_STYLES.items() if (site / bundle).exists() for h in hashes})
