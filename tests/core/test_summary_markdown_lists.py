"""The Markdown summary, rendered as Markdown: a line after a list is never read as part of its last item
(Markdown's lazy continuation), for any part, in either partnership's summary."""

from __future__ import annotations

import html
import re

import markdown

from levels_of_need import api


def items_and_lines(t, raw) -> tuple[list[str], list[str]]:
    """The rendered list items' text, and the Markdown's own non-bullet lines' text."""
    source = api.run(t, raw, markdown=True)["summary"]
    rendered = markdown.markdown(source)
    items = [html.unescape(re.sub(r"<[^>]+>", "", item)) for item in re.findall(r"<li>(.*?)</li>", rendered, re.S)]
    plain = [line.rstrip() for line in source.splitlines() if line and not line.startswith(("- ", "#"))]
    return items, plain


def test_no_line_after_a_list_is_swallowed_by_its_last_item(thresholds, example):
    for t in (thresholds, example):
        worries = [i.id for i in t.indicators if not i.is_strength][:3]
        details = {part.id: f"Typed for {part.id}" for part in t.framework_parts if part.scale is None}
        raw = {"age": "9", "indicators": worries, "answers": {"immediate_risk": "no"}, "details": details}
        items, plain = items_and_lines(t, raw)
        assert items, "the check gives a list (its reasons, its indicators)"
        for item in items:
            for line in plain:
                words = re.sub(r"\\(.)", r"\1", line).replace("&amp;", "&").strip()
                assert len(words) < 8 or words not in item, (item, line)
