"""The partnership's text in the pages: escaped for Markdown and HTML at once, and shown as written."""

from __future__ import annotations

import markdown
from markupsafe import Markup

from toolkit.site.escaping import html_text, markdown_field, page_text
from toolkit.site.safe_links import SafeLinksExtension

EXTENSIONS = ["abbr", "attr_list", "md_in_html", "tables", SafeLinksExtension()]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_text_is_never_markup_in_markdown_or_in_raw_html():
    hostile = "<script>x</script> [a](javascript:x) **b** `c` {: onclick=x } | d # e \\* &amp;"
    escaped = page_text(hostile)
    assert isinstance(escaped, Markup)
    for where in (f"{escaped}", f"# {escaped}", f"- {escaped}", f'<div markdown="0"><p>{escaped}</p></div>'):
        html = render(where)
        assert "<script" not in html and "<a" not in html and "<strong" not in html and "<code" not in html
        assert "onclick" not in html.replace("onclick=x", "")  # the text itself, never an attribute
    # What a reader sees is the text exactly as written.
    from html.parser import HTMLParser

    class Text(HTMLParser):
        seen = ""

        def handle_data(self, data: str) -> None:
            self.seen += data

    reader = Text(convert_charrefs=True)
    reader.feed(render(f"{escaped}"))
    assert reader.seen.strip() == hostile


def test_markup_made_by_the_site_passes_through():
    assert page_text(Markup("<strong>kept</strong>")) == Markup("<strong>kept</strong>")


def test_a_markdown_field_keeps_its_markdown_and_loses_its_html():
    body = (
        "Intro with **bold**.\n\n- one\n- two\n\n### Heading\n\n[Medway](https://www.medway.gov.uk/) <b>x</b> {: .c }"
    )
    html = render(markdown_field(body))
    assert "<strong>bold</strong>" in html and "<li>one</li>" in html and "<h3>Heading</h3>" in html
    assert '<a href="https://www.medway.gov.uk/">Medway</a>' in html
    assert "<b>" not in html and "&lt;b&gt;" in html and 'class="c"' not in html


def test_links_go_only_to_allowed_places():
    html = render(
        "[a](javascript:alert(1)) [b](data:text/html,x) [c](//evil.example/) [d](http://evil.example/) "
        "![e](https://evil.example/track.png) [f](https://ok.example/) [g](mailto:a@b.org) [h](tel:+441634) "
        "[i](../check/) [j](#top)"
    )
    for bad in ("javascript:", "data:", "//evil", "http://evil", "track.png"):
        assert bad not in html, bad
    for good in ('href="https://ok.example/"', 'href="mailto:a@b.org"', 'href="tel:+441634"', 'href="../check/"'):
        assert good in html, good
    assert ">a</span>" in html and ">e</span>" in html  # the text of a refused link or image stays


def test_text_for_the_themes_templates_is_html_escaped_once():
    assert html_text('A & B <c> "d"') == Markup("A &amp; B &lt;c&gt; &#34;d&#34;")
