"""What one build keeps for the next, in the project's cache folder (finish.CACHE): each thing under a
digest of what it is made from, written whole, and made by one build at a time (another that wants the
same thing waits for it, then reads it, instead of making it again beside it)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no lock; two builds at once may both make a thing, and either copy is whole
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def locked(folder: Path, digest: str) -> Iterator[None]:
    """Held while the thing under ``digest`` is looked for and, if missing, made."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{digest}.lock").open("w") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if the build dies
        yield


def write_whole(path: Path, data: bytes) -> None:
    """``data`` at ``path``, whole or not at all (a build interrupted mid-write leaves no half file)."""
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as scratch:
        scratch.write(data)
    os.replace(scratch.name, path)
