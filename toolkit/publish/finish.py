"""After the site engine: what makes any engine's built ``site/`` this toolkit's site.

In order: each page's markup fixes for its engine (conformance.py) and its Content-Security-Policy
(csp.py, allowing the engine's own run-time styles: runtime_styles.py); the search index in reading
order (search_order.py); the checker's engine (bundle.py); the hosts' ``_headers`` file (deploy.py);
once every file is in place, the service worker that lists them all (offline.py); and last, the
precompressed copies of every file, the service worker's too (compress.py).

``python -m toolkit finish`` runs it on a built site; ``hooks/thresholds_pages.py`` runs it after each
``mkdocs serve`` rebuild.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from levels_of_need.model import Thresholds

from ..resources import pyodide_dir
from ..site import site_pages
from .bundle import build_engine
from .compress import write_precompressed
from .conformance import conform
from .csp import UnsafePageError, with_meta_policy
from .deploy import write_headers_file
from .offline import write_retiring_service_worker, write_service_worker
from .runtime_styles import runtime_style_hashes
from .search_order import graver_by_word, put_search_in_reading_order

CSP_META = 'http-equiv="Content-Security-Policy"'
# The project's folder for what one build keeps for the next (`make clean` empties it): the precompressed
# copies of big files, and the checker's python.zip, each under a digest of what it is made from.
CACHE = "build"


class AlreadyFinished(RuntimeError):
    """The site was finished before: its pages would get a second policy. Build it again."""


def finish_site(
    site: Path, thresholds: Thresholds, project: Path, engine: str, *, serving: bool = False, site_url: str = ""
) -> None:
    """Finish the engine's output in ``site`` for ``thresholds``; ``project`` holds node_modules and core/.
    ``site_url`` is the address the engine wrote into the pages, if any (``mkdocs serve`` writes one)."""
    if not (site / "index.html").exists():
        raise FileNotFoundError(f"{site}/index.html is missing: run the site engine first")
    pyodide_dir(project)  # the checker's engine needs it: say so before any page is changed
    pages = sorted(site.rglob("*.html"))
    if any(CSP_META in page.read_text(encoding="utf-8") for page in pages):
        raise AlreadyFinished(f"{site} has been finished already: build it again from the sources")
    conform_pages(site, pages, engine, site_url)
    # Each language's site is whole in its own folder (cy/): its search, its checker reading the file's
    # data in that language, its own service worker; the default's worker leaves those folders alone.
    # (`mkdocs serve` builds the default's pages alone: a language whose site is not there is left.)
    languages = [
        (site / folder, t) for folder, t in languages_of(thresholds) if (site / folder / "index.html").exists()
    ]
    for folder, in_language in [(site, thresholds), *languages]:
        finish_search_and_engine(folder, in_language, project, engine, runtime_of=None if folder == site else site)
    other_roots = [folder.relative_to(site).as_posix() + "/" for folder, _ in languages]
    write_headers_file(site, other_roots)
    for folder in [site, *(folder for folder, _ in languages)]:
        if serving:
            write_retiring_service_worker(folder)  # pages under development are never served from a cache
        else:
            write_service_worker(folder, other_roots if folder == site else ())
    if not serving:
        write_precompressed(site, project / CACHE / "compressed")


def finish_search_and_engine(
    folder: Path, thresholds: Thresholds, project: Path, engine: str, runtime_of: Path | None
) -> None:
    """One language's site in ``folder``: its search in the guidance's reading order, and its checker.
    Each language's checker reads its own data with its own Python, on the root's one Pyodide
    (``runtime_of``: the root's site; None for the root itself)."""
    put_search_in_reading_order(
        folder, engine, [page.path for page in site_pages(thresholds)], graver_by_word(thresholds)
    )
    cache = project / CACHE / "python-bundle"
    build_engine(thresholds, project, folder, source_date_epoch(project), cache=cache, runtime_of=runtime_of)


def conform_pages(site: Path, pages: list[Path], engine: str, site_url: str) -> None:
    """Each page made to the site's rules (conformance.py) and given its Content-Security-Policy; a page
    holding what the site never ships stops the build, naming the page and its first problems."""
    style_hashes = runtime_style_hashes(site)
    for page in pages:
        where = page.relative_to(site).as_posix()
        html = conform(page.read_text(encoding="utf-8"), where, engine)
        try:
            page.write_text(with_meta_policy(html, style_hashes, site_url), encoding="utf-8")
        except UnsafePageError as error:
            more = len(error.problems) - 3
            shown = "; ".join(error.problems[:3]) + (f"; and {more} more" if more > 0 else "")
            raise UnsafePageError([f"{where} holds what the site never ships: {shown}"]) from None


def languages_of(thresholds: Thresholds) -> list[tuple[str, Thresholds]]:
    """Each language's folder and thresholds, beside the default's (none for a one-language file)."""
    from ..load.schema import load_schema
    from ..site.languages import language_builds, thresholds_in

    data = dict(thresholds.data)
    builds = language_builds(data)[1:]
    schema = load_schema() if builds else {}
    return [(build.folder, thresholds_in(data, build, schema)) for build in builds]


def source_date_epoch(project: Path) -> int:
    """The last commit's time, so the same commit always gives the same wheel; outside a git
    repository (or without git), 1980-01-01, the earliest time a zip can hold."""
    try:
        run = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True)
    except OSError:
        return 315532800
    return int(run.stdout.strip() or 315532800)
