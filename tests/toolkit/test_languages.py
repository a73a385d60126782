"""Other languages and easy read as data (issue 29, point 10; docs/format.md, "Other languages and easy
read"): docs/format.md's worked example, added to the fictional file, validates, warns of what is left
untranslated and writes a Welsh site's sources beside the default's; each misuse is one clear line."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml
import yaml_data
from conftest import ROOT
from toolkit_cli import run_toolkit
from worked_languages import EXAMPLE_TEXT, INTERFACE, WORDS, WORKED, with_languages

from levels_of_need.interface import CATALOGUE, REFERRER_KEY, VOICED, fields
from toolkit.load.loading import load_text
from toolkit.load.problems import ThresholdsError
from toolkit.load.schema import load_schema
from toolkit.load.translations import IN_LANGUAGE, Marked, text_fields, translated, untranslated


def problems_of(block: str) -> list[str]:
    with pytest.raises(ThresholdsError) as caught:
        load_text(with_languages(block), "t.yml")
    return [str(problem) for problem in caught.value.problems]


def test_the_worked_example_validates_and_warns_of_each_languages_untranslated_fields(tmp_path):
    path = tmp_path / "thresholds.yml"
    path.write_text(WORKED, encoding="utf-8")
    run = run_toolkit("validate", str(path))
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
    run = run_toolkit("sources", "--thresholds", str(path), "--out", str(out))
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
    assert_one_line_naming_its_field(block, expected)


def assert_one_line_naming_its_field(block: str, expected: str) -> None:
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


# ---- The toolkit's own phrases: the message catalogue (core/levels_of_need/interface.py) ----------------------


def test_validate_warns_once_counting_the_phrases_a_language_leaves_in_english(tmp_path):
    path = tmp_path / "thresholds.yml"
    path.write_text(WORKED, encoding="utf-8")
    run = run_toolkit("validate", str(path))
    assert run.returncode == 0, run.stderr
    phrases = [line for line in run.stderr.splitlines() if "of the toolkit's" in line]
    left = len(CATALOGUE) - len(INTERFACE["cy"])
    # Welsh only: easy read is English, the language the toolkit's phrases are in.
    assert len(phrases) == 1 and f"{left} of the toolkit's {len(CATALOGUE)} phrases have no 'cy' words" in phrases[0]
    assert "check.continue" not in phrases[0]  # given: not among those named as left


def test_a_languages_data_holds_its_own_phrases_alone_marked_with_its_language():
    data = load_text(WORKED).data
    welsh = translated(data, load_schema(), "cy")
    assert "interface" not in welsh
    assert welsh[IN_LANGUAGE] == INTERFACE["cy"]
    assert all(isinstance(text, Marked) and text.lang == "cy" for text in welsh[IN_LANGUAGE].values())
    assert IN_LANGUAGE not in translated(data, load_schema(), "en-easy")  # it gives none


def test_the_welsh_pages_show_the_files_phrases_marked_welsh_and_the_rest_in_english(tmp_path):
    path = tmp_path / "thresholds.yml"
    path.write_text(WORKED, encoding="utf-8")
    out = tmp_path / "sources"
    command = ["sources", "--thresholds", str(path), "--out", str(out)]
    run = run_toolkit(*command)
    assert run.returncode == 0, run.stderr
    welsh = (out / "cy" / "docs" / "check.md").read_text(encoding="utf-8")
    english = (out / "docs" / "check.md").read_text(encoding="utf-8")
    assert f'# <span lang="cy">{INTERFACE["cy"]["check.title"]}</span>' in welsh
    assert f"# {CATALOGUE['check.title']}" in english and "Hunanwiriad" not in english
    # A value filled in among the Welsh words; the English phrase left untranslated, inside the page's
    # English content (content_lang, tested above), unmarked.
    counts = re.findall(r'<p class="lon-page-count"><span lang="cy">Cwestiwn (\d) o (\d)</span></p>', welsh)
    assert counts and counts[0][0] == "1" and len({total for _, total in counts}) == 1
    assert f">{CATALOGUE['check.answers']}</h2>" in welsh
    assert welsh.count('<span lang="cy">Parhau</span></button>') == english.count(">Continue</button>") > 0
    # The words the page's script shows stay text only in their attribute, and keep its {name} for the script.
    assert f'data-chosen="{CATALOGUE["check.script.chosen"]}"' in welsh


def test_a_phrases_words_are_data_escaped_and_its_script_values_kept():
    from toolkit.site.interface import phrase

    given = {"check.script.chosen": Marked("{count} <wedi> *dewis*", "cy"), "check.title": Marked("A & B", "cy")}
    shown = str(phrase(given, "check.script.chosen", {}, text_only=True))
    assert shown.startswith("{count} ") and "<wedi>" not in shown and "*dewis*" not in shown
    assert str(phrase(given, "check.title", {})) == '<span lang="cy">A &#38; B</span>'
    assert str(phrase({}, "check.question-count", {"number": 2, "count": 5})) == "Question 2 of 5"


I_BASE = BASE + "interface:\n"


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (I_BASE + "  cy:\n    check.contineu: Parhau\n", "(did you mean 'check.continue'?)"),
        (I_BASE + "  fr:\n    check.continue: Continuer\n", "'fr' is not a declared language"),
        (I_BASE + "  en:\n    check.continue: Continue\n", "'en' is the default language"),
        (I_BASE + "  cy:\n    check.continue: '  '\n", "is blank"),
        (I_BASE + "  cy:\n    check.continue: '<b>Parhau</b>'\n", "contains an HTML tag"),
        (I_BASE + "  cy:\n    check.answers: '# Gwirio'\n", "would make a heading"),
        (I_BASE + "  cy:\n    check.question-count: Cwestiwn {number}\n", "as the English has them: {count}, {number}"),
        (I_BASE + "  cy:\n    check.continue: Parhau {count}\n", "as the English has them: no {name}"),
        (I_BASE + "  cy:\n    check.continue: 3\n", "interface.cy.check.continue"),
        # A value is a name in braces: never a format string's spec or conversion, never a brace of its own.
        (I_BASE + "  cy:\n    result.suggested: 'Lefel: {level!r}.'\n", "as the English has them: {level}"),
        (I_BASE + "  cy:\n    result.suggested: 'Lefel: {level:>99}.'\n", "as the English has them: {level}"),
        (I_BASE + "  cy:\n    result.suggested: 'Lefel: {level} {'\n", "write { and } only around a value"),
        (I_BASE + "  cy:\n    check.continue: 'Parhau }'\n", "write { and } only around a value"),
        ("interface:\n  cy:\n    check.continue: Parhau\n", "(declared: none): add it under languages:"),
    ],
)
def test_each_misuse_of_the_phrases_is_one_line_naming_its_field(block, expected):
    assert_one_line_naming_its_field(block, expected)


def test_every_phrase_a_template_or_the_core_asks_for_is_in_the_catalogue_and_every_phrase_is_asked_for():
    from toolkit.site.pages import TEMPLATES

    asked = set()
    for template in TEMPLATES.glob("*.j2"):
        asked |= set(re.findall(r"words(?:_text)?\('([a-z0-9.-]+)'", template.read_text(encoding="utf-8")))
    in_templates = set(asked)
    # The core's Python and the site's name a phrase by its key, a string of its own (present.said, pages.title).
    for module in [*(ROOT / "core" / "levels_of_need").glob("*.py"), *(ROOT / "toolkit" / "site").glob("*.py")]:
        if module.name != "interface.py":
            keys = set(re.findall(r'"([a-z]+\.[a-z0-9.-]+)"', module.read_text(encoding="utf-8")))
            asked |= keys & set(CATALOGUE)
    asked |= {key for key in CATALOGUE if key.startswith("nav.")}  # pages.SECTIONS: every "nav." key
    # A sentence said in both voices: the referrer's is asked for wherever the practitioner's is (present.said).
    asked |= {REFERRER_KEY.format(key=key) for key in VOICED & asked}
    assert in_templates <= set(CATALOGUE)
    assert asked == set(CATALOGUE)


def test_validate_refuses_a_language_served_where_the_site_has_a_folder_of_its_own(tmp_path):
    # A partnership's folder with its own configuration and a hand-written page cy.md (served at cy/):
    # the Welsh site would be served in the same folder.
    (tmp_path / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "cy.md").write_text("# Cymraeg\n", encoding="utf-8")
    (tmp_path / "thresholds.yml").write_text(WORKED, encoding="utf-8")
    run = run_toolkit("validate", "thresholds.yml", cwd=tmp_path)
    assert run.returncode == 1
    lines = [line for line in run.stderr.splitlines() if "a folder the site already has" in line]
    assert len(lines) == 1 and "languages[1].code" in lines[0] and "'cy'" in lines[0], run.stderr
    # Without that page, the same file validates there.
    (tmp_path / "docs" / "cy.md").unlink()
    assert run_toolkit("validate", "thresholds.yml", cwd=tmp_path).returncode == 0


def test_the_sites_folders_are_its_pages_and_its_built_folders():
    from toolkit.site.languages import site_folders

    folders = site_folders(load_text(WORKED), ROOT)
    assert {"check", "levels", "assets", "search", "training", "privacy"} <= folders
    assert not any("/" in folder for folder in folders)


def test_a_check_saved_in_welsh_opens_in_english_as_the_same_guidance_and_in_welsh_as_saved():
    from levels_of_need import saved
    from levels_of_need.model import from_dict

    data = load_text(WORKED).data
    english = load_text(WORKED)
    welsh = from_dict(translated(data, load_schema(), "cy"))
    assert welsh.version != english.version  # each language's words: its own stamp on a result
    state = {"indicators": ["tired"], "age": "9"}
    in_welsh = saved.save_check(welsh, state)
    assert json.loads(in_welsh)["language"] == "cy"
    assert saved.open_check(welsh, in_welsh)["opened"] == saved.OPENED
    # On the English page: the same guidance, saved in Welsh, and no word of another version.
    opened = saved.open_check(english, in_welsh)["opened"]
    assert (
        opened == f"{saved.OPENED} It was saved on the self-check in Cymraeg: the same guidance, in another language."
    )
    assert saved.open_check(welsh, saved.save_check(english, state))["opened"].endswith(
        "in English: the same guidance, in another language."
    )
    # A file is untrusted: a language the guidance does not declare, or another file's stamp, is another version.
    for tampered in ({"language": "xx"}, {"guidance_version": "0.1 (000000000000)"}):
        file = {**json.loads(in_welsh), **tampered}
        assert "It was made with thresholds version" in saved.open_check(english, json.dumps(file))["opened"]
    # A file in one language saves as it always has.
    assert "language" not in json.loads(saved.save_check(load_text(EXAMPLE_TEXT), state))


def test_pythons_result_holds_the_languages_words_for_its_headings_marked_and_the_rest_in_english():
    from levels_of_need import api
    from levels_of_need.model import from_dict

    welsh = from_dict(translated(load_text(WORKED).data, load_schema(), "cy"))
    check = {"indicators": ["tired"], "age": 9, "answers": {"immediate_risk": "no", "significant_harm": "no"}}
    answer = api.page_answer(welsh, check)
    headings = [n for n in [*answer["view"], *answer["view_more"]] if n["tag"] == "h4"]
    why = {"tag": "span", "text": INTERFACE["cy"]["result.why"], "attrs": {"lang": "cy"}}
    assert {"tag": "h4", "children": [why]} in headings, headings
    # A phrase the file leaves out: the English, unmarked among the result's English words.
    in_english = api.page_answer(load_text(WORKED), check)
    english = [*in_english["view"], *in_english["view_more"]]
    assert {"tag": "h4", "text": CATALOGUE["result.why"]} in english
    assert not any("attrs" in n and "lang" in n["attrs"] for n in english if n["tag"] == "h4")


def test_pythons_headline_is_the_languages_words_on_the_page_in_the_live_region_and_in_the_summary():
    from levels_of_need import api
    from levels_of_need.model import from_dict

    welsh = from_dict(translated(load_text(WORKED).data, load_schema(), "cy"))
    english = load_text(WORKED)
    check = {"indicators": ["tired"], "age": 9, "answers": {"immediate_risk": "no", "significant_harm": "no"}}
    level = welsh.level("emerging")
    assert WORDS["cy"]["levels.emerging.name"] in level.label
    # The file's words, its value filled in by Python: the live region's line, the page's heading
    # (marked Welsh among the toolkit's English), the referral summary's line.
    words = INTERFACE["cy"]["result.suggested"].replace("{level}", level.label)
    answer = api.run(welsh, check)
    assert answer["headline"] == words
    assert answer["view"][0] == {"tag": "h3", "children": [{"tag": "span", "text": words, "attrs": {"lang": "cy"}}]}
    assert words in answer["summary"].splitlines()
    # The English page: the catalogue's English, unmarked, with the English data's label.
    english_label = english.level("emerging").label
    in_english = api.run(english, check)
    assert in_english["headline"] == CATALOGUE["result.suggested"].replace("{level}", english_label)
    assert in_english["view"][0] == {"tag": "h3", "text": in_english["headline"]}
    # A headline the file gives no words for is the English in the Welsh page too, unmarked.
    at_risk = {**check, "answers": {"immediate_risk": "yes"}}
    assert api.run(welsh, at_risk)["headline"] == api.run(english, at_risk)["headline"] == CATALOGUE["result.emergency"]


def test_check_your_answers_rows_hold_the_languages_words_marked_and_the_rest_in_english():
    from levels_of_need import api
    from levels_of_need.model import from_dict

    words = {
        "answers.age": "Oed y plentyn",
        "answers.not-answered": "Heb ei ateb",
        "answers.change": "eich ateb i “{question}”",
    }
    block = (
        BASE
        + "interface:\n  cy:\n"
        + "".join(f"    {key}: {json.dumps(text, ensure_ascii=False)}\n" for key, text in words.items())
    )
    data = load_text(with_languages(block)).data
    welsh = from_dict(translated(data, load_schema(), "cy"))
    english = load_text(with_languages(BASE))
    check = {"indicators": ["tired"]}  # no age, no answer: the rows say so

    def span(text: str) -> dict[str, object]:
        return {"tag": "span", "text": text, "attrs": {"lang": "cy"}}

    rows = {row["field"]: row for row in api.page_answer(welsh, check)["answers"]}
    assert rows["age"]["key"] == span(words["answers.age"])
    assert rows["age"]["value"] == [span(words["answers.not-answered"])]
    assert rows["age"]["change"] == span(f"eich ateb i “{words['answers.age']}”")
    # A phrase the file leaves out, and the guidance's own words (a question, a worry), are text.
    assert rows["worries"]["key"] == CATALOGUE["answers.worries"]
    assert all(isinstance(line, str) for line in rows["worries"]["value"])
    # The English page's rows are text throughout, as they have always been.
    for row in api.page_answer(english, check)["answers"]:
        assert all(isinstance(part, str) for part in (row["key"], row["change"], *row["value"])), row
    in_english = {row["field"]: row for row in api.page_answer(english, check)["answers"]}
    assert in_english["age"]["value"] == [CATALOGUE["answers.not-answered"]]
    assert in_english["age"]["change"] == "your answer to “The child’s age”"


def test_a_phrases_value_is_filled_in_as_text_never_as_a_format_string():
    from levels_of_need.interface import fill

    assert fill("{level} {count}", {"level": "{count}"}) == "{count} {count}"  # a value is never read again
    assert fill("{level!r} {level.__class__}", {"level": "x"}) == "{level!r} {level.__class__}"
    assert fill("Cwestiwn {number} o {count}", {"number": 2}) == "Cwestiwn 2 o {count}"  # kept for the script


def test_the_navigation_holds_the_languages_words_for_its_sections_and_titles(tmp_path):
    block = BASE + "interface:\n  cy:\n    nav.about: Ynghylch\n    page.glossary: Geirfa\n"
    path = tmp_path / "thresholds.yml"
    path.write_text(with_languages(block), encoding="utf-8")
    out = tmp_path / "sources"
    command = ["sources", "--thresholds", str(path), "--out", str(out)]
    run = run_toolkit(*command)
    assert run.returncode == 0, run.stderr
    nav = {code: yaml.safe_load((out / code / "mkdocs.yml").read_text())["nav"] for code in ("", "cy")}
    sections = {
        code: {next(iter(item)): item[next(iter(item))] for item in nav[code] if isinstance(item, dict)} for code in nav
    }
    # The Welsh section holds its generated pages, the glossary under its Welsh title, and the hand-written
    # page mkdocs.yml names under the section's English title.
    about = sections["cy"]["Ynghylch"]
    assert {"Geirfa": "glossary.md"} in about and {"Privacy": "privacy.md"} in about
    assert "About" not in sections["cy"]
    assert {"Glossary": "glossary.md"} in sections[""]["About"] and "Ynghylch" not in sections[""]


STATEMENT_KEYS = ["page.accessibility", *sorted(key for key in CATALOGUE if key.startswith("accessibility."))]


def _every_string(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _every_string(item)]
    if isinstance(value, list):
        return [text for item in value for text in _every_string(item)]
    return []


@pytest.mark.parametrize(
    "accessibility",
    [
        "as the fictional file gives it",  # a team, every way to reach it, dates, a known issue: partially compliant
        None,  # no section: every "not yet" sentence
        {
            "contact": {"url": "https://example.org/access"},
            **{"prepared": "2026-01-01", "reviewed": "2026-02-01", "tested": "2026-01-15"},
        },
    ],
    ids=["given", "missing", "url only, tested, no issue"],
)
def test_every_sentence_of_the_welsh_accessibility_statement_can_be_the_languages_own(tmp_path, accessibility):
    # The regulations ask for the statement in each language the site is in. Each phrase of the statement
    # is given in Welsh here (a made-up word and its number, keeping the English's {values}); whatever of
    # the page is then neither one of those phrases nor the file's own data is a sentence the toolkit
    # wrote outside the catalogue, which a Welsh site could not translate.
    data = yaml_data.parse(WORKED)
    if accessibility is None:
        del data["accessibility"]
    elif isinstance(accessibility, dict):
        data["accessibility"] = accessibility
    given = {
        key: " ".join([f"Cymraeg{number}", *(f"{{{name}}}" for name in sorted(fields(CATALOGUE[key])))])
        for number, key in enumerate(STATEMENT_KEYS)
    }
    data["interface"]["cy"].update(given)
    path = tmp_path / "thresholds.yml"
    path.write_text(yaml_data.dump(data), encoding="utf-8")
    run = run_toolkit("sources", "--thresholds", str(path), "--out", str(tmp_path / "sources"))
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "sources" / "cy" / "docs" / "accessibility.md").read_text(encoding="utf-8")
    body = page.split("\n---\n", 1)[1].split("\n*[", 1)[0]  # after the front matter, before the abbreviations
    assert re.search(r'<span lang="cy">Cymraeg\d+', body)
    rest, innermost = body, re.compile(r'<span lang="cy">[^<]*</span>|<br>|\]\([^)]*\)')
    while innermost.search(rest):  # a phrase's value may be a phrase too (a link's words)
        rest = innermost.sub(" ", rest)
    # The file's own words, longest first (a short id such as "cy" could hide part of a sentence).
    for text in sorted((text for text in _every_string(data) if len(text) > 3), key=len, reverse=True):
        for written in {text, html.escape(text, quote=False), text.replace("'", "&#39;")}:
            rest = rest.replace(written, " ")
    assert re.findall(r"[A-Za-z]{2,}", rest) == [], rest


def test_the_results_sentences_are_the_languages_words_marked_and_the_summary_says_them_too():
    """A sentence of the result beyond its headings (a reason of the guidance's rule) is the file's words for
    its phrase, with the rule's words and source filled in, marked Welsh as a whole; the summary says it
    too; the English page keeps the catalogue's English."""
    from levels_of_need import api
    from levels_of_need.model import from_dict

    welsh = from_dict(translated(load_text(WORKED).data, load_schema(), "cy"))
    english = load_text(WORKED)
    check = {
        "indicators": ["injury"],
        "age": "4",
        "answers": {"immediate_risk": "no", "significant_harm": "yes", "consent": "not-sought", "area": "southwick"},
    }
    rule_words = INTERFACE["cy"]["result.reason-rule"].split("{")[0]  # "Rheol: "
    answer = api.run(welsh, check)
    items = [item for n in answer["view_more"] if n["tag"] == "ul" for item in n["children"]]
    marked = [item["children"][0] for item in items if "children" in item]
    assert any(m["attrs"] == {"lang": "cy"} and m["text"].startswith(rule_words) for m in marked), items
    assert any(line.startswith(f"- {rule_words}") for line in answer["summary"].splitlines())
    in_english = api.run(english, check)
    assert any(line.startswith("- Rule: ") for line in in_english["summary"].splitlines())
    assert not any(rule_words in line for line in in_english["summary"].splitlines())
