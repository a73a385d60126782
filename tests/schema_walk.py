"""Walk a thresholds file's data beside its JSON schema, so tests find fields by what the schema
says they are (free text, an id, a number, required) instead of by a hand-kept list."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from toolkit.load import load_schema

Path = list[str | int]
SCHEMA = load_schema()


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """Follow "$ref"s to the local definition, keeping the referring schema's own keys."""
    while "$ref" in schema:
        target: Any = SCHEMA
        for part in schema["$ref"].removeprefix("#/").split("/"):  # a JSON pointer into the schema
            target = target[part]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def walk(data: Any, schema: dict[str, Any] | None = None, path: Path | None = None) -> Iterator[tuple[Path, Any, dict]]:
    """(path, value, schema) for every value in the data, parents before children."""
    schema = resolve(SCHEMA if schema is None else schema)
    path = [] if path is None else path
    yield path, data, schema
    if isinstance(data, dict):
        for key, value in data.items():
            child = schema.get("properties", {}).get(key)
            if child is None and isinstance(schema.get("additionalProperties"), dict):
                child = schema["additionalProperties"]
            yield from walk(value, child or {}, [*path, key])
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk(value, schema.get("items", {}), [*path, index])


def is_free_text(schema: dict[str, Any]) -> bool:
    """Text a person wrote: names, descriptions, guidance. Not ids, dates, phone numbers or fixed words."""
    return schema.get("type") == "string" and "pattern" not in schema and "enum" not in schema


def text_fields(data: Any) -> list[Path]:
    return [path for path, value, schema in walk(data) if isinstance(value, str) and is_free_text(schema)]


def get(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def put(data: Any, path: Path, value: Any) -> None:
    get(data, path[:-1])[path[-1]] = value


def mappings(node: Any) -> Iterator[dict[str, Any]]:
    """Every mapping in a tree of mappings and lists, at any depth (a schema's nodes, a file's items)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from mappings(value)
    elif isinstance(node, list):
        for value in node:
            yield from mappings(value)
