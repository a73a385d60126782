"""YAML read with the line of every node, so that each problem names the line it is on; a key written
twice is an error rather than one entry lost silently."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from . import limits
from .problems import PathItems, Problem, ThresholdsError, describe, format_path

# An id good enough to name a list item by in a message: the schema's id form, and not too long.
_ITEM_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")


class LineIndex:
    """Maps a data path to the line of the YAML node it came from, and names its list items by id."""

    def __init__(self, root: Any) -> None:
        self.root = root

    def item_names(self, path: PathItems) -> list[str | None]:
        """For each step of the path into a list, the item's ``id`` if it has one of the id form."""
        import yaml

        names: list[str | None] = []
        for depth, part in enumerate(path):
            node = self.node(path[: depth + 1]) if isinstance(part, int) else None
            item_id = None
            if isinstance(node, yaml.MappingNode):
                value = next((v for k, v in node.value if k.value == "id"), None)
                if isinstance(value, yaml.ScalarNode) and _ITEM_ID.fullmatch(value.value):
                    item_id = value.value
            names.append(item_id)
        return names

    def name(self, path: PathItems) -> str:
        """The path as a message names it: indicators[l2-young-carer].level."""
        return format_path(path, self.item_names(path))

    def node(self, path: PathItems) -> Any:
        import yaml

        node = self.root
        for part in path:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == part), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
            else:
                return node
            if node is None:
                return None
        return node

    def line(self, path: PathItems) -> int:
        # The deepest node that exists: a missing key is reported at its parent.
        for depth in range(len(path), -1, -1):
            node = self.node(path[:depth])
            if node is not None:
                return node.start_mark.line + 1
        return 1

    def key_line(self, path: PathItems, key: str) -> int:
        import yaml

        node = self.node(path)
        if isinstance(node, yaml.MappingNode):
            for k, _ in node.value:
                if k.value == key:
                    return k.start_mark.line + 1
        return self.line(path)


def parse_yaml(text: str, filename: str) -> tuple[Any, LineIndex]:
    import yaml

    try:
        limits.check_text(text)
    except limits.LimitError as exc:
        raise ThresholdsError([Problem(filename, exc.line, exc.where, exc.message)]) from None
    loader = limits.LimitedLoader(text)
    try:
        root = limits.compose_quickly(text) or loader.get_single_node()
        if root is None:
            raise ThresholdsError([Problem(filename, 1, "(top level)", "the file is empty")])
        duplicates = list(_duplicate_keys(root, []))
        if duplicates:
            named = LineIndex(root)
            raise ThresholdsError([Problem(filename, line, named.name(p), msg) for p, line, msg in duplicates])
        data = loader.construct_document(root)
    except limits.LimitError as exc:
        raise ThresholdsError([Problem(filename, exc.line, exc.where, exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(filter(None, [exc.context, exc.problem]))
        raise ThresholdsError([Problem(filename, line, "(YAML syntax)", what + _yaml_hint(what))]) from None
    except yaml.YAMLError as exc:
        raise ThresholdsError([Problem(filename, 1, "(YAML syntax)", " ".join(str(exc).split()))]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise ThresholdsError(
            [Problem(filename, 1, "(top level)", f"expected a mapping of sections, got {describe(data)}")]
        )
    return data, LineIndex(root)


# What a web officer can do about the YAML errors that texts from a guidance document cause most.
_YAML_HINTS = {
    "mapping values are not allowed here": "a text with a colon in it (“Note: …”) must be in quotes",
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "expected <block end>, but found '<scalar>'": "a text that starts with a quote must end with it, or be "
    "put in the other kind of quotes",
}


def _yaml_hint(message: str) -> str:
    hints = [hint for problem, hint in _YAML_HINTS.items() if problem in message]
    return f": {hints[0]}" if hints else ""


def _duplicate_keys(node: Any, path: list[str | int]) -> Iterator[tuple[list[str | int], int, str]]:
    """PyYAML keeps the last of two equal keys silently; a lost entry must be an error."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                yield path, line, f"duplicate key '{key.value}' (first at line {seen[key.value]})"
            seen.setdefault(key.value, line)
            yield from _duplicate_keys(value, [*path, key.value])
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _duplicate_keys(item, [*path, index])
