"""A Welsh site beside the English one (issue 29, point 10), built from docs/format.md's worked example
added to the fictional file: the Welsh pages declare lang="cy", the switch goes to English and back,
every text is in the language its element says (the toolkit's words, still English, and the Welsh
translations marked lang="cy"), axe finds nothing at 360 px, and /cy/check/ shows what Python says
of the file in Welsh (`toolkit check --language cy`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
import yaml_data
from conftest import ROOT
from sitebuild import deployed_a_day_ago, once_per_run, run_folder, serve
from worked_languages import INTERFACE, WORDS, with_languages, worked_example

from levels_of_need.interface import CATALOGUE

from .checker_helpers import NO_RISK, as_seen, cli, cli_args, fill_check, open_checker, wait_for_result
from .conftest import axe_violations

pytestmark = pytest.mark.build  # one small site of its own, built once for the module
REQUESTED: list[str] = []  # every path the welsh site was asked for
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "service_workers": "block"}


def build_welsh_site(folder: Path) -> Path:
    """The worked example's site (English and Welsh) built in ``folder``: its site; the thresholds file
    is ``folder / "thresholds.yml"``."""
    # English and Welsh only: each language is a site build of its own (the easy-read site is built
    # as the Welsh one is; its sources are checked in tests/toolkit/test_languages.py).
    declared = [lang for lang in yaml_data.parse(worked_example())["languages"] if lang["code"] in ("en", "cy")]
    given = {"languages": declared, "translations": {"cy": WORDS["cy"]}, "interface": {"cy": INTERFACE["cy"]}}
    block = yaml.safe_dump(given, allow_unicode=True)
    (folder / "thresholds.yml").write_text(with_languages(block), encoding="utf-8")
    command = ["build", "--thresholds", str(folder / "thresholds.yml"), "--out", str(folder / "sources")]
    run = subprocess.run(
        [sys.executable, "-m", "toolkit", *command, "--site", str(folder / "site")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    deployed_a_day_ago(folder / "site")  # as every site the tests build (sitebuild.build_site)
    return folder / "site"


def shared_welsh_site(tmp_path_factory) -> Path:
    """The worked example's folder (build_welsh_site's), built once per test run whichever pytest-xdist
    worker asks first (sitebuild.once_per_run): this file and test_engine_downloaded_once.py serve the same
    site and neither changes it, so a second build (20 s of CPU) would test nothing more."""
    folder = run_folder(tmp_path_factory)
    once_per_run(folder, "site-welsh-worked-example", lambda work: {"site": str(build_welsh_site(work))})
    return folder / "site-welsh-worked-example"


@pytest.fixture(scope="module")
def welsh(tmp_path_factory):
    """The worked example's site, served; and its thresholds file."""
    folder = shared_welsh_site(tmp_path_factory)
    with serve(folder / "site", on_request=REQUESTED.append) as base:
        yield base, folder / "thresholds.yml"


@pytest.fixture
def phone(browser):
    context = browser.new_context(bypass_csp=True, **PHONE)  # an inspection page, as conftest.page
    yield context.new_page()
    context.close()


def test_the_welsh_pages_say_so_and_the_switch_goes_to_english_and_back(phone, welsh):
    base, _ = welsh
    phone.goto(f"{base}/cy/levels/thriving/")
    assert phone.evaluate("document.documentElement.lang") == "cy"
    assert WORDS["cy"]["levels.thriving.name"] in phone.inner_text("h1")
    for language, words in (("en", "Thriving"), ("cy", WORDS["cy"]["levels.thriving.name"])):
        phone.hover(".md-header .md-select")
        phone.click(f".md-header a[hreflang={language}]")
        phone.wait_for_load_state()
        assert phone.evaluate("document.documentElement.lang") == language
        assert words in phone.inner_text("body")


def test_each_text_is_in_the_language_its_element_says_and_axe_finds_nothing_at_360_px(phone, welsh):
    base, _ = welsh
    for path in ("cy/levels/thriving/", "cy/", "cy/check/"):
        phone.goto(f"{base}/{path}")
        assert axe_violations(phone) == [], path
    phone.goto(f"{base}/cy/levels/thriving/")
    # Each text is in the language its element says: the toolkit's words and the untranslated
    # description in English, the Welsh translation in Welsh, inside a page that declares Welsh.
    for text, lang in (("Fictional example level one.", "en"), (WORDS["cy"]["indicators.healthy.text"], "cy")):
        shown = phone.locator("article p, article li, article span", has_text=text).last
        assert shown.is_visible(), text
        assert shown.evaluate("(e) => e.closest('[lang]').lang") == lang, text
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_welsh_self_check_shows_what_python_says_of_the_welsh_data(browser, welsh):
    base, thresholds = welsh
    context = browser.new_context(**PHONE)  # the site's own CSP applies
    page = context.new_page()
    try:
        open_checker(page, f"{base}/cy")
        assert page.evaluate("document.documentElement.lang") == "cy"
        assert page.text_content("label[for=ind-tired]") == WORDS["cy"]["indicators.tired.text"]
        # The file's words for the toolkit's own phrases, each in Welsh where its element says so; the
        # phrases it leaves out in English, inside the page's English content.
        for phrase in ("check.title", "check.continue"):
            shown = page.locator(f"text={INTERFACE['cy'][phrase]}").first
            assert shown.is_visible() and shown.evaluate("(e) => e.closest('[lang]').lang") == "cy", phrase
        back = page.locator("#page-child .lon-back")
        assert back.evaluate("(e) => e.closest('[lang]').lang") == "en"
        check = {"indicators": ["tired"], "age": 9, "answers": {**NO_RISK, "significant_harm": "no"}}
        assert fill_check(page, check) == []
        expected = as_seen(cli("check", *cli_args(check), "--language", "cy", thresholds=thresholds))
        assert any(WORDS["cy"]["levels.emerging.name"] in line for line in expected)
        assert wait_for_result(page, expected) == expected
        # Python's headline in the file's words, its value filled in, marked Welsh in the page's English content.
        headline = page.locator("#lon-result h3").first
        assert INTERFACE["cy"]["result.suggested"].split("{")[0] in headline.inner_text()
        assert headline.evaluate("(e) => e.querySelector('[lang]').lang") == "cy"
        # "Check your answers": a row's name in the file's words, marked Welsh; another's in English.
        worries = page.locator("#lon-answers [data-field=worries] dt span[lang=cy]")
        assert worries.text_content() == INTERFACE["cy"]["answers.worries"]
        age = page.locator("#lon-answers [data-field=age] dt")
        assert age.text_content() == CATALOGUE["answers.age"]
        assert age.evaluate("(e) => e.closest('[lang]').lang") == "en"
        # One Pyodide for every language: the Welsh check ran the root's, and the Welsh site has none.
        runtime = [path for path in REQUESTED if "/pyodide/" in path]
        assert "/assets/checker/pyodide/pyodide.mjs" in runtime, runtime
        assert not [path for path in runtime if path.startswith("/cy/")], runtime
    finally:
        context.close()
