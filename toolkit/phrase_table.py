"""docs/format.md's table of the toolkit's phrases ("The toolkit's phrases"), written from the one message
catalogue (levels_of_need.interface.CATALOGUE): every key with its English, so that a reader of the
documentation finds each key a language may give words for. The catalogue stays the only definition of
each phrase; this writes the table from it, and a test fails while the documentation's table differs::

    python -m toolkit.phrase_table            # rewrites the table in docs/format.md
"""

from __future__ import annotations

import argparse
from pathlib import Path

from levels_of_need.interface import CATALOGUE

HEADER = "| phrase's key | its English |"
FORMAT_DOC = Path(__file__).resolve().parent.parent / "docs" / "format.md"


def table() -> str:
    """The table's lines: its header, then each key with its English, in the catalogue's order."""
    rows = [HEADER, "| --- | --- |"]
    rows += [f"| `{key}` | {english.replace('|', '&#124;')} |" for key, english in CATALOGUE.items()]
    return "\n".join(rows) + "\n"


def written(doc: str) -> str:
    """``doc`` with its table of the toolkit's phrases (from its header to the first line that is not a
    row) replaced by the catalogue's."""
    start = doc.index(HEADER + "\n")
    end = start
    while end < len(doc) and doc.startswith("|", end):
        end = doc.index("\n", end) + 1
    return doc[:start] + table() + doc[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.phrase_table", description=__doc__.splitlines()[0])
    parser.add_argument("doc", nargs="?", type=Path, default=FORMAT_DOC, help="the page to rewrite (docs/format.md)")
    path = parser.parse_args(argv).doc
    path.write_text(written(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
