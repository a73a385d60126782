"""Precompressed copies of the built site's files, as a real host serves them (host-only build step).

Beside each file that compresses, the build writes ``FILE.gz`` (gzip, level 9) and ``FILE.br``
(brotli, quality 11, with Google's own ``brotli`` binding). A server that serves precompressed files
(nginx ``gzip_static``, or ``brotli_static`` with the ngx_brotli module; see deploy.py) sends them
to browsers that accept them, so a host spends no time compressing and sends the smallest copy.
Hosts that compress on their own (Netlify, Cloudflare Pages, GitHub Pages) ignore the copies.

Both copies are reproducible: no time or name in the gzip header, and brotli has none. Brotli at
quality 11 takes half a minute on Pyodide's wasm, so big files' copies are kept in a cache folder
under the project (keyed by the file's digest) and reused by the next build.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli

from .build_cache import locked, write_whole

ENCODINGS = {"gzip": ".gz", "br": ".br"}
# Formats that are compressed already, and the host's own configuration files. Not .zip: the checker's
# python.zip stores its entries uncompressed so that these copies compress it whole (a deflated zip
# gains too little and gets no copy: WORTH_IT).
SKIP_SUFFIXES = (".gz", ".br", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".ico")
SKIP_NAMES = {"_headers"}
WORTH_IT = 0.9  # a copy is written only if it is at most this fraction of the original's size
CACHE_FROM_BYTES = 256 * 1024  # smaller files compress in a moment: no cache


def compressed_gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def compressed_brotli(data: bytes, cache: Path | None) -> bytes:
    if cache is None or len(data) < CACHE_FROM_BYTES:
        return brotli.compress(data, quality=11)
    digest = hashlib.sha256(data).hexdigest()
    kept = cache / f"{digest}.br"
    with locked(cache, digest):  # two builds at once (test workers): one compresses, the other waits
        if kept.exists():
            return kept.read_bytes()
        packed = brotli.compress(data, quality=11)
        write_whole(kept, packed)
        return packed


def compressible(site: Path) -> list[Path]:
    return sorted(
        file
        for file in site.rglob("*")
        if file.is_file() and file.name not in SKIP_NAMES and not file.name.lower().endswith(SKIP_SUFFIXES)
    )


def write_precompressed(site: Path, cache: Path | None = None) -> list[Path]:
    """Write FILE.gz and FILE.br beside each file of ``site`` that they make smaller; return them."""
    written = []
    for file in compressible(site):
        data = file.read_bytes()
        for packed, suffix in ((compressed_gzip(data), ".gz"), (compressed_brotli(data, cache), ".br")):
            if len(packed) <= WORTH_IT * len(data):
                target = file.with_name(file.name + suffix)
                target.write_bytes(packed)
                written.append(target)
    return written
