"""Other languages and easy read as data (issue 29, point 10; docs/format.md, "Other languages and easy
read"): docs/format.md's worked example, added to the fictional file, validates, warns of what is left
untranslated and writes a Welsh site's sources beside the default's; each misuse is one clear line."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml
import yaml_data
from conftest import ROOT
from worked_languages import EXAMPLE_TEXT, WORDS, WORKED, with_languages

from toolkit.load.loading import load_text
from toolkit.load.problems import ThresholdsError
from toolkit.load.schema import load_schema
from toolkit.load.translations import Marked, text_fields, translated, untranslated


def problems_of(block: str) -> list[str]:
    with pytest.raises(ThresholdsError) as caught:
        load_text(with_languages(block), "t.yml")
    return [str(problem) for problem in caught.value.problems]


def test_the_worked_example_validates_and_warns_of_each_languages_untranslated_fields(tmp_path):
    path = tmp_path / "thresholds.yml"
    path.write_text(WORKED, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "toolkit", "validate", str(path)], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr
    left = untranslated(load_text(WORKED).data, load_schema())
    assert set(left) == {"cy", "en-easy"}
    for code, keys in left.items():
        assert not set(WORDS[code]) & set(keys)
        warning = [line for line in run.stderr.splitlines() if f"no {code!r} translation" in line]
        assert len(warning) == 1, run.stderr
        assert f"{len(keys)} text fields" in warning[0]


def test_a_file_without_languages_has_nothing_untranslated_and_its_text_fields_are_the_schemas():
    data = load_text(EXAMPLE_TEXT).data
    assert untranslated(data, load_schema()) == {}
    fields = text_fields(data, load_schema())
    assert "levels.thriving.name" in fields and "indicators.healthy.text" in fields
    assert not any(key.endswith((".id", ".number", ".level", ".domain")) for key in fields)
    assert "document.version" not in fields  # the content's name, the same in every language


def test_the_welsh_data_holds_the_translations_marked_welsh_among_the_toolkits_english_words():
    data = load_text(WORKED).data
    welsh = translated(data, load_schema(), "cy")
    assert "translations" not in welsh
    level = next(lv for lv in welsh["levels"] if lv["id"] == "thriving")
    assert level["name"] == WORDS["cy"]["levels.thriving.name"]
    assert isinstance(level["name"], Marked) and level["name"].lang == "cy"
    # Untranslated, the professional English, among the toolkit's English words: nothing to mark.
    assert level["description"] == "Fictional example level one." and not isinstance(level["description"], Marked)
    # Once the words around it are Welsh, the English left untranslated is what is marked.
    around_welsh = translated(data, load_schema(), "cy", around="cy")
    level = next(lv for lv in around_welsh["levels"] if lv["id"] == "thriving")
    assert isinstance(level["description"], Marked) and level["description"].lang == "en"
    assert not isinstance(level["name"], Marked)
    easy = translated(data, load_schema(), "en-easy")
    tired = next(i for i in easy["indicators"] if i["id"] == "tired")
    assert tired["text"] == WORDS["en-easy"]["indicators.tired.text"]
    # Easy read is English: nothing in it is in another language than the words around it.
    assert not any(isinstance(i["text"], Marked) for i in easy["indicators"])


def test_the_sources_build_each_language_with_its_lang_its_switch_and_fallbacks_marked(tmp_path):
    path = tmp_path / "thresholds.yml"
    path.write_text(WORKED, encoding="utf-8")
    out = tmp_path / "sources"
    run = subprocess.run(
        [sys.executable, "-m", "toolkit", "sources", "--thresholds", str(path), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    configs = {code: yaml.safe_load((out / code / "mkdocs.yml").read_text()) for code in ("", "cy", "en-easy")}
    assert [configs[code]["theme"]["language"] for code in configs] == ["en", "cy", "en"]
    assert [alt["link"] for alt in configs[""]["extra"]["alternate"]] == ["./", "./cy/", "./en-easy/"]
    assert [alt["link"] for alt in configs["cy"]["extra"]["alternate"]] == ["../", "./", "../en-easy/"]
    assert [alt["lang"] for alt in configs["cy"]["extra"]["alternate"]] == ["en", "cy", "en"]
    # The Welsh pages' content is the toolkit's English words around the file's: so it says, and each
    # Welsh text in it says it is Welsh.
    assert configs["cy"]["extra"]["content_lang"] == "en"
    assert "content_lang" not in configs[""]["extra"] and "content_lang" not in configs["en-easy"]["extra"]
    welsh = (out / "cy" / "docs" / "levels" / "thriving.md").read_text(encoding="utf-8")
    english = (out / "docs" / "levels" / "thriving.md").read_text(encoding="utf-8")
    healthy = WORDS["cy"]["indicators.healthy.text"].replace("'", "&#39;")
    assert f'<span lang="cy">{healthy}</span>' in welsh
    assert "Fictional example level one." in welsh  # untranslated: the professional text
    assert 'lang="' not in english and "Fictional example level one." in english
    # Never inside an attribute or an option, which hold text only.
    for page in (out / "cy" / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'="[^"<>]*<span', text), page
        assert not re.search(r"<option[^>]*>[^<]*<span", text), page


BASE = "languages:\n  - {code: en, name: English}\n  - {code: cy, name: Cymraeg}\n"


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (BASE + "translations:\n  fr:\n    levels.thriving.name: Prospère\n", "'fr' is not a declared language"),
        (BASE + "translations:\n  en:\n    levels.thriving.name: Thriving\n", "'en' is the default language"),
        (BASE + "translations:\n  cy:\n    levels.nope.name: Dim\n", "no item has the id 'nope'"),
        (BASE + "translations:\n  cy:\n    levels.thriving.colourful: Dim\n", "'colourful' is not a field there"),
        (BASE + "translations:\n  cy:\n    levels.thriving.id: ffynnu\n", "is an id"),
        (BASE + "translations:\n  cy:\n    levels.thriving.number: '1'\n", "is not text (a whole number 1)"),
        (BASE + "translations:\n  cy:\n    indicators.tired.level: emerging\n", "is not text"),
        (BASE + "translations:\n  cy:\n    document.version: '2'\n", "never translated"),
        (BASE + "translations:\n  cy:\n    levels.thriving.name: '  '\n", "is blank"),
        (BASE + "translations:\n  cy:\n    levels.thriving.name: '<b>Ffynnu</b>'\n", "contains an HTML tag"),
        (BASE + 'translations:\n  cy:\n    levels.thriving.name: "- Ffynnu"\n', "would make a list"),
        ("translations:\n  cy:\n    levels.thriving.name: Ffynnu\n", "(declared: none): add it under languages:"),
        (BASE + "  - {code: cy, name: Cymraeg eto}\n", "'cy' is declared twice"),
        (BASE + "  - {code: en-easy, name: Easy read}\n", "the site's theme has no words for 'en-easy'"),
        (BASE + "  - {code: en-plain, lang: xx, name: Plain}\n", "languages[2].lang: the site's theme has no words"),
        ("languages:\n  - {code: English, name: English}\n  - {code: cy, name: Cymraeg}\n", "languages"),
    ],
)
def test_each_misuse_is_one_line_naming_its_field(block, expected):
    problems = problems_of(block)
    assert len(problems) == 1, problems
    assert expected in problems[0]
    assert problems[0].startswith("t.yml:")


def test_a_guidance_bodys_translation_may_be_markdown_as_the_body_is():
    data = yaml_data.parse(EXAMPLE_TEXT)
    if not data.get("guidance"):
        pytest.skip("the fictional file has no guidance sections")
    section = data["guidance"][0]["id"]
    block = BASE + f'translations:\n  cy:\n    guidance.{section}.body: "Testun:\\n\\n- un\\n- dau\\n"\n'
    assert load_text(with_languages(block)).data["translations"]["cy"]
