"""The site build's three stages, each on its own: sources, engine, finish."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil

import pytest
import yaml_data
from conftest import EXAMPLE_FILE, ROOT, loaded
from sitebuild import ENGINES
from toolkit_cli import run_toolkit

from toolkit.engine import ENGINES as ENGINE_COMMANDS
from toolkit.engine import EngineError, run_engine
from toolkit.publish.conformance import FIXES, MarkupChanged, conform
from toolkit.publish.finish import AlreadyFinished, finish_site
from toolkit.publish.runtime_styles import RUNTIME_STYLES, runtime_style_hashes
from toolkit.publish.search_order import put_search_in_reading_order
from toolkit.site import site_pages
from toolkit.site.write import DEVELOPER_PAGES, links_from_source_folder, site_sources, write_sources


def nav_files(nav) -> list[str]:
    found = []
    for item in nav:
        for value in item.values():
            found += nav_files(value) if isinstance(value, list) else [value]
    return found


# ---- Before the engine -------------------------------------------------------------------


def test_sources_hold_every_page_with_the_glossary_and_a_config_without_hooks(thresholds, tmp_path):
    sources = site_sources(thresholds)
    config_file = write_sources(sources, ROOT, tmp_path / "sources")
    config = yaml_data.read(config_file)
    assert config["site_name"] == thresholds.partnership.short_name
    assert config["site_description"] == thresholds.document.title
    assert (config["docs_dir"], config["site_dir"]) == ("docs", "site")
    assert "hooks" not in config and "watch" not in config and "thresholds" not in config["extra"]
    assert (config_file.parent / config["theme"]["custom_dir"]).resolve() == ROOT / "toolkit" / "web" / "theme"
    docs = tmp_path / "sources" / "docs"
    written = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    generated = {page.path for page in site_pages(thresholds)}
    handwritten = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    # The developers' pages about the toolkit stay in the repository, out of every partnership's site.
    assert written == generated | (handwritten - DEVELOPER_PAGES)
    assert {"performance.md", "site-engines.md", "fidelity.md"} <= handwritten
    # The web officers' page is built but not in the practitioners' navigation.
    assert set(nav_files(config["nav"])) == written - {"format.md"}
    for page in written:
        assert (docs / page).read_text(encoding="utf-8").endswith(sources.glossary + "\n"), page


def test_another_partnerships_sources_leave_no_page_of_the_first(thresholds, example, tmp_path):
    out = tmp_path / "sources"
    write_sources(site_sources(thresholds), ROOT, out)
    write_sources(site_sources(example), ROOT, out)
    written = {p.relative_to(out / "docs").as_posix() for p in (out / "docs").rglob("*.md")}
    generated = {page.path for page in site_pages(example)}
    handwritten = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert written == generated | (handwritten - DEVELOPER_PAGES)
    assert not [page for page in generated if "Medway" in (out / "docs" / page).read_text(encoding="utf-8")]


def test_sources_are_never_written_over_the_project_or_over_a_hand_written_page(thresholds, tmp_path):
    with pytest.raises(ValueError, match="must not be the project"):
        write_sources(site_sources(thresholds), ROOT, ROOT)
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs" / "contacts.md").write_text("# Contacts, by hand\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"docs/contacts\.md is hand-written"):
        write_sources(site_sources(thresholds), project, tmp_path / "sources")


@pytest.mark.parametrize(
    ("path", "before", "after"),
    [
        ("check.md", '<a href="../continuum/">', '<a href="continuum/">'),
        ("check.md", '<a href="./">', '<a href="check/">'),
        ("check.md", '<a class="x" href="../">', '<a class="x" href="./">'),
        ("training/answers.md", '<a href="../handout/">', '<a href="handout/">'),
        ("training/answers.md", '<a href="../../matrix/?q=1#top">', '<a href="../matrix/?q=1#top">'),
        ("training/answers.md", '<img alt="" src="../../assets/x.png">', '<img alt="" src="../assets/x.png">'),
        # Left alone: index pages (served from their own folder), other sites, phone numbers,
        # fragments, absolute paths, scripts, and code examples.
        ("training/index.md", '<a href="practice/">', '<a href="practice/">'),
        ("check.md", '<a href="https://example.org/a/">', '<a href="https://example.org/a/">'),
        ("check.md", '<a href="tel:+441634334466">', '<a href="tel:+441634334466">'),
        ("check.md", '<a href="#lon-check">', '<a href="#lon-check">'),
        ("check.md", '<a href="/levels/">', '<a href="/levels/">'),
        ("check.md", '<script src="../assets/checker/check.js">', '<script src="../assets/checker/check.js">'),
    ],
)
def test_raw_html_links_are_rewritten_from_the_files_folder_for_zensical(path, before, after):
    assert links_from_source_folder(f"text {before} text\n", path) == f"text {after} text\n"
    example = f"```html\n{before}\n```\n"
    assert links_from_source_folder(example, path) == example  # a code example shows what was written


def test_only_zensicals_sources_have_their_raw_links_rewritten(thresholds, tmp_path):
    link = 'href="../continuum/"'
    assert link in next(page.markdown for page in site_pages(thresholds) if page.path == "check.md")
    for engine, expected in (("mkdocs", link), ("zensical", 'href="continuum/"')):
        write_sources(site_sources(thresholds), ROOT, tmp_path / engine, engine)
        assert expected in (tmp_path / engine / "docs" / "check.md").read_text(encoding="utf-8")


# ---- The engine -----------------------------------------------------------------------------


def test_every_engine_has_its_markup_fixes():
    assert set(FIXES) == set(ENGINE_COMMANDS) == set(ENGINES)


@pytest.mark.parametrize("engine", ENGINES)
def test_an_engine_warning_fails_the_build_with_the_engines_words(engine, tmp_path):
    sources = tmp_path / "sources"
    (sources / "docs").mkdir(parents=True)
    (sources / "mkdocs.yml").write_text("site_name: Broken\n", encoding="utf-8")
    (sources / "docs" / "index.md").write_text("# Home\n\n[a page that is not there](missing.md)\n", encoding="utf-8")
    with pytest.raises(EngineError, match=r"missing\.md") as failure:
        run_engine(engine, sources, tmp_path / "site")
    assert f"{engine} build failed" in str(failure.value)
    assert not (tmp_path / "site").exists()


def test_the_engine_replaces_only_a_built_site(tmp_path):
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "case.txt").write_text("not a site", encoding="utf-8")
    with pytest.raises(EngineError, match="not a built site"):
        run_engine("mkdocs", tmp_path / "sources", precious)
    with pytest.raises(EngineError, match="would hold the sources"):
        run_engine("mkdocs", tmp_path / "sources", tmp_path)
    with pytest.raises(EngineError, match="unknown site engine"):
        run_engine("hugo", tmp_path / "sources", tmp_path / "site")
    assert (precious / "case.txt").exists()


# ---- After the engine ---------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_markup_the_fixes_expect_is_missing_fails_the_build(engine):
    page = '<html><body><input class="md-toggle" type="checkbox" id="__drawer"></body></html>'
    with pytest.raises(MarkupChanged, match=f"{engine}'s markup changed"):
        conform(page, "index.html", engine)
    fixed = conform(
        page.replace('id="__drawer"', 'id="__drawer" autocomplete="off"')
        + '<label tabindex="">'
        + '<input type="checkbox" id="__search" autocomplete="off">',
        "index.html",
        engine,
    )
    assert "autocomplete" not in fixed and "tabindex" not in fixed


def test_a_finished_site_is_not_finished_twice(medway_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(medway_site.directory, site)
    with pytest.raises(AlreadyFinished):
        finish_site(site, loaded(EXAMPLE_FILE), ROOT, medway_site.engine)
    run = run_toolkit("finish", "--site", str(tmp_path / "nothing"))
    assert run.returncode == 1 and "run the site engine first" in run.stderr


def test_the_search_index_is_put_in_reading_order(tmp_path):
    (tmp_path / "search.json").write_text(
        json.dumps(
            {
                "config": {"lang": ["en"]},
                "items": [
                    {"location": "", "title": "Home"},
                    {"location": "matrix/", "title": "Matrix"},
                    {"location": "privacy/", "title": "Privacy, by hand"},
                    {"location": "levels/statutory/", "title": "Level 3"},
                    {"location": "levels/statutory/#s47", "title": "Section 47"},
                ],
            }
        ),
        encoding="utf-8",
    )
    put_search_in_reading_order(tmp_path, "zensical", ["index.md", "levels/statutory.md", "matrix.md"])
    index = json.loads((tmp_path / "search.json").read_text(encoding="utf-8"))
    assert [item["title"] for item in index["items"]] == ["Home", "Level 3", "Section 47", "Matrix", "Privacy, by hand"]
    assert index["config"] == {"lang": ["en"]}


def test_zensicals_search_style_is_allowed_by_its_hash_and_only_there(built_site, thresholds):
    from conftest import THRESHOLDS_FILE

    zensical, mkdocs = built_site(THRESHOLDS_FILE, "zensical"), built_site(THRESHOLDS_FILE, "mkdocs")
    assert runtime_style_hashes(mkdocs.directory) == []
    bundles = [p.relative_to(zensical.directory).as_posix() for p in zensical.directory.glob("assets/javascripts/*.js")]
    assert bundles and set(bundles) <= set(RUNTIME_STYLES)
    # The recorded hash is of a string the bundle holds: the style text its search dialog adds.
    for bundle in bundles:
        text = (zensical.directory / bundle).read_text(encoding="utf-8")
        literals = re.findall(r"'((?:[^'\\\n]|\\.)*)'", text)
        digests = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in literals}
        assert set(RUNTIME_STYLES[bundle]) <= digests
    home = (zensical.directory / "index.html").read_text(encoding="utf-8")
    assert re.search(r"style-src 'self' 'sha256-[^']+'", home)
