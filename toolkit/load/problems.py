"""A problem in a thresholds file: one line naming the file, the line and the path, with list items
named by their id where they have one, e.g.::

    thresholds.yml:212: indicators[l2-young-carer].level: 'four' is not a defined level (known: thriving, …)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

PathItems = Sequence[str | int]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        # Always one printable line, whatever the file put into a path or a quoted value.
        line = f"{self.file}:{self.line}: {self.path}: {self.message}"
        return "".join(char if char.isprintable() else repr(char)[1:-1] for char in line)


class ThresholdsError(Exception):
    """The file could not be loaded; ``problems`` says why, one line each."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def format_path(path: PathItems, names: Sequence[str | None] = ()) -> str:
    """indicators[4].level, in the style of cfgv's ``At key:`` errors; where ``names`` gives a list
    item's id (``LineIndex.item_names``), the item is named by it: indicators[l2-young-carer].level."""
    out = ""
    for depth, part in enumerate(path):
        name = names[depth] if depth < len(names) else None
        if isinstance(part, int):
            out += f"[{name or part}]"
        elif ":" in part:
            # A key holding a colon (a line's noise made into a key) is shown quoted, its colons escaped,
            # so that "file:line: path: message" stays readable at its colons.
            out += "[" + json.dumps(part, ensure_ascii=False).replace(":", "\\u003a") + "]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def describe(value: Any) -> str:
    """A value as a message shows what the file gave: its kind and, briefly, itself."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (quote yes/no/on/off to keep them as words)"
    kinds = {dict: "a mapping", list: "a list", str: "a string", int: "a whole number", float: "a number"}
    return f"{kinds.get(type(value), type(value).__name__)} {json.dumps(value, default=str)[:60]}"


def shortlist(values: Sequence[str], limit: int = 8) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f", … {len(values) - limit} more" if len(values) > limit else "")
