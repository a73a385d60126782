"""The presenter's training session in headless Chromium, as a trainer runs it with a projector: a whole
session of 8 vignettes and two rounds, typed with the keyboard alone, at 1024 by 768 and 1920 by 1080.
The statistics on screen are the CLI's for the same counts; the summary prints; the downloaded session
opens again; axe is clean in every state; a canary typed as the session's title reaches no request
and no storage; and one round's counts take the digits, one Tab per level and one Enter."""

from __future__ import annotations

import io
import json
import random
import re
import uuid
from urllib.parse import urlparse

import pytest
from pypdf import PdfReader
from toolkit_cli import run_toolkit

from levels_of_need import training_session as ts

from .checker_helpers import tab_to, wait_until
from .conftest import AXE_SCRIPT, WCAG_TAGS
from .test_checker import STORAGE_DUMP

READY = "#lon-session-setup[data-engine=ready]"


class Keys:
    """The keyboard, counted: every key a trainer presses."""

    def __init__(self, page) -> None:
        self.page = page
        self.count = 0

    def type(self, text: str) -> None:
        for char in text:
            self.page.keyboard.press(char)
            self.count += 1

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.count += 1


def axe(page) -> list[dict]:
    """axe-core with the WCAG 2.2 AA tags, evaluated in the page (the site's CSP stays on: no script tag)."""
    # Once transitions end: a colour read halfway through a fade (a button taking focus) is no colour a reader sees.
    assert wait_until(page, "() => document.getAnimations().every((a) => a.playState !== 'running')")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    return page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations
            .map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))""",
        WCAG_TAGS,
    )


def step(page) -> str:
    return page.evaluate("document.getElementById('lon-presenter').dataset.step || 'setup'")


def focused(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def room_counts(rng: random.Random, levels: int, room: int) -> tuple[list[int], int]:
    """A room's answer: most near one level, a few elsewhere, one or two not sure, some levels empty."""
    counts = [0] * levels
    not_sure = rng.choice((0, 0, 1, 2))
    centre = rng.randrange(levels)
    for _ in range(room - not_sure):
        counts[max(0, min(levels - 1, centre + rng.choice((-1, 0, 0, 0, 1))))] += 1
    return counts, not_sure


def type_round(keys: Keys, counts: list[int], not_sure: int) -> int:
    """Type one round from the first box: each count's digits (nothing for 0), Tab, …, Enter."""
    before = keys.count
    for n, value in enumerate([*counts, not_sure]):
        if value:
            keys.type(str(value))
        if n < len(counts):
            keys.press("Tab")
    keys.press("Enter")
    return keys.count - before


def cli_summary(session_file) -> str:
    run = run_toolkit("agreement", str(session_file))
    assert run.returncode == 0, run.stderr
    return run.stdout


def seen(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1920, 1080)])
def test_a_whole_session_by_keyboard(browser, medway_url, thresholds, tmp_path, width, height):
    canary = f"CANARY-{uuid.uuid4().hex}"
    viewport = {"width": width, "height": height}
    context = browser.new_context(viewport=viewport, accept_downloads=True, service_workers="block")
    requests = []
    context.on("request", lambda r: requests.append(r))
    page = context.new_page()
    page.goto(f"{medway_url}/training/presenter/")
    page.wait_for_selector(f"{READY}, #lon-session-setup[data-engine=failed]", timeout=90_000)
    assert page.get_attribute("#lon-session-setup", "data-engine") == "ready", page.inner_text("#lon-status")
    violations = {"setup": axe(page)}

    chosen = thresholds.scenario_set("levels-and-routes")
    sets = [s.id for s in ts.session_sets(thresholds)]
    keys = Keys(page)
    # The setup: a title (the canary), the set, the room of 20; first a room left empty, which Python refuses.
    tab_to(page, "session-title")
    keys.type(canary)
    keys.press("Tab")
    for _ in range(sets.index(chosen.id)):
        keys.press("ArrowDown")
    keys.press("Tab")
    keys.press("Enter")
    assert wait_until(page, "() => !document.getElementById('lon-setup-errors').hidden")
    assert page.inner_text("#lon-setup-error-list") == "Enter the number of people in the room."
    assert focused(page) == "lon-setup-errors"
    violations["setup, error"] = axe(page)
    tab_to(page, "session-room")
    keys.type("20")
    keys.press("Enter")
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'round-1'")
    assert focused(page) == f"count-{thresholds.levels[0].id}"

    levels = len(thresholds.levels)
    rng = random.Random(2027)
    typed: list[list[tuple[list[int], int]]] = []
    per_round = []
    for index, scenario in enumerate(chosen.scenarios):
        heading = f"Vignette {index + 1} of 8: Round 1"
        assert wait_until(page, "(h) => document.getElementById('lon-step-heading').textContent === h", heading)
        assert page.is_visible(f"#slide-{scenario.id}") and page.is_hidden(f"#slide-{scenario.id} .lon-teaching")
        assert focused(page) == f"count-{thresholds.levels[0].id}"
        rounds = [room_counts(rng, levels, 20) for _ in range(2)]
        typed.append(rounds)
        if index == 0:
            # A round that does not add up is refused in Python's words, and nothing moves on.
            wrong = type_round(keys, [3] * levels, 0)
            assert wrong == 2 * levels + 1
            assert wait_until(page, "() => !document.getElementById('lon-round-errors').hidden")
            assert "add up to 9, but the room has 20 people" in page.inner_text("#lon-round-error-list")
            assert step(page) == "round-1"
            violations["round 1, error"] = axe(page)
            tab_to(page, f"count-{thresholds.levels[0].id}")
            for box in [lv.id for lv in thresholds.levels] + ["not_sure"]:
                page.fill(f"#count-{box}", "")  # the boxes cleared, as select-all and delete would
            page.focus(f"#count-{thresholds.levels[0].id}")
            violations["round 1"] = axe(page)
        per_round.append(type_round(keys, *rounds[0]))
        assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'discussion'")
        assert focused(page) == "lon-to-round-2"
        assert page.is_hidden("#lon-chart")  # hidden unless the trainer shows it
        if index == 0:
            violations["discussion"] = axe(page)
            page.click("#lon-chart-toggle")
            shown = page.inner_text("#lon-chart")
            counts, not_sure = rounds[0]
            for level, n in zip(thresholds.levels, counts, strict=True):
                assert level.label in shown and f"{n} (" in shown  # Python's words for each level
            assert f"Not sure\n{not_sure} (" in shown  # not sure is a share of the room of its own
            assert "(the answer key)" not in shown  # the key is not given away before the reveal
            violations["discussion, chart"] = axe(page)
            page.click("#lon-chart-toggle")
            page.focus("#lon-to-round-2")
        keys.press("Enter")
        assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'round-2'")
        assert focused(page) == f"count-{thresholds.levels[0].id}"
        if index == 0:
            violations["round 2"] = axe(page)
        per_round.append(type_round(keys, *rounds[1]))
        assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'reveal'")
        assert focused(page) == "lon-next"
        reveal = page.inner_text("#lon-reveal")
        assert f"The answer key: {chosen.scenarios[index].level.label}" in reveal
        assert f"{scenario.level.label} (the answer key)" in reveal  # marked in words, not by colour alone
        assert page.is_visible(f"#slide-{scenario.id} .lon-teaching")
        teaching = " ".join(page.inner_text(f"#slide-{scenario.id}").split())
        assert " ".join(scenario.teaching_points[0].split()) in teaching
        if index == 0:
            violations["reveal"] = axe(page)
        keys.press("Enter")

    # Each round: the digits, one Tab per level and one Enter, and nothing more.
    digits = [len(str(n)) if n else 0 for rounds in typed for counts, not_sure in rounds for n in [*counts, not_sure]]
    expected = []
    for rounds in typed:
        for counts, not_sure in rounds:
            expected.append(sum(len(str(n)) for n in [*counts, not_sure] if n) + levels + 1)
    assert per_round == expected
    assert sum(per_round) == sum(digits) + len(per_round) * (levels + 1)

    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'summary'")
    violations["summary"] = axe(page)
    on_screen = page.inner_text("#lon-summary-view")

    # The download, by keyboard; the CLI's summary of the same file is what the screen shows.
    tab_to(page, "lon-download-json")
    with page.expect_download() as download:
        keys.press("Enter")
    session_file = tmp_path / "session.json"
    download.value.save_as(session_file)
    saved = json.loads(session_file.read_text(encoding="utf-8"))
    assert canary in saved["session"]["title"]  # the trainer's own file: the only place the title is kept
    assert [
        [(list(r["counts"].values()), r["not_sure"]) for r in v["rounds"]] for v in saved["session"]["vignettes"]
    ] == typed
    cli = cli_summary(session_file)
    # Every line the CLI prints is a line on screen (a table row's cells, a list item without its marker).
    screen_lines = set(seen(on_screen.replace("|", " ")))
    for line in seen(cli):
        assert " ".join(re.sub(r"^(- |\d+\. )", "", line).replace("|", " ").split()) in screen_lines, line
    figures = ts.report(thresholds, saved["session"])
    assert figures["session"]["rounds"][0]["ac1"]["text"] in on_screen
    assert figures["session"]["change"]["text"] in on_screen
    with page.expect_download() as download:
        page.click("#lon-download-csv")
    assert download.value.suggested_filename.endswith(".csv")

    # The summary prints: the summary's figures on paper, the session's buttons not.
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf())).pages
    printed = " ".join(" ".join(p.extract_text() for p in pdf).split())
    page.emulate_media(media="screen")
    assert "Gwet" in printed and "Published: κ = .29" in printed
    assert figures["session"]["rounds"][1]["ac1"]["text"].split(" ")[0] in printed
    assert "Download the session" not in printed and "Record round" not in printed

    # Nothing typed reached a request or storage.
    origin = urlparse(medway_url).netloc
    for request in requests:
        parsed = urlparse(request.url)
        if parsed.scheme in ("blob", "data"):
            continue
        assert parsed.netloc == origin and request.method == "GET" and request.post_data is None, request.url
        assert canary not in request.url and canary not in json.dumps(request.all_headers())
    assert canary not in page.url
    assert canary not in page.evaluate(STORAGE_DUMP)
    assert canary not in json.dumps(context.cookies())

    # The download opens again, on a fresh page, where the session left off: the summary.
    page.goto(f"{medway_url}/training/presenter/")
    page.wait_for_selector(READY, timeout=90_000)
    page.set_input_files("#lon-open-session", str(session_file))
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'summary'")
    assert page.inner_text("#lon-summary-view") == on_screen
    assert page.inner_text("#lon-message") == "The session has been opened."
    assert page.is_hidden("#lon-status")  # the loading status belongs to the setup screen
    context.close()
    assert {state: found for state, found in violations.items() if found} == {}


def test_a_hostile_session_file_leaves_the_page_as_it_was(strict_context, medway_url, tmp_path):
    page = strict_context.new_page()
    page.goto(f"{medway_url}/training/presenter/")
    page.wait_for_selector(READY, timeout=90_000)
    for name, text in (
        ("not-json.json", "{ not json"),
        ("check.json", json.dumps({"format": "levels-of-need-check", "format_version": 2, "state": {}})),
        ("huge.json", "x" * (ts.MAX_BYTES + 1)),
    ):
        file = tmp_path / name
        file.write_text(text, encoding="utf-8")
        page.set_input_files("#lon-open-session", str(file))
        assert wait_until(page, "() => !document.getElementById('lon-open-error').hidden")
        error = page.inner_text("#lon-open-error")
        assert error.startswith("Error: This file is") and error.endswith("."), error
        assert step(page) == "setup" and page.is_visible("#lon-setup") and page.is_hidden("#lon-session")


@pytest.mark.partnerships("example")
def test_another_partnerships_session_shows_pythons_figures(strict_context, partnership_url, partnership_thresholds):
    """Four levels, two statutory routes: six vignettes answered, then the summary early, as a trainer out of time."""
    t = partnership_thresholds
    page = strict_context.new_page()
    page.goto(f"{partnership_url}/training/presenter/")
    page.wait_for_selector(READY, timeout=90_000)
    page.fill("#session-room", "12")
    page.click("#lon-start")
    rng = random.Random(4)
    for index in range(6):
        for round_number in (1, 2):
            assert wait_until(
                page, "(s) => document.getElementById('lon-presenter').dataset.step === s", f"round-{round_number}"
            )
            counts, not_sure = room_counts(rng, len(t.levels), 12)
            for level, n in zip(t.levels, counts, strict=True):
                page.fill(f"#count-{level.id}", str(n))
            page.fill("#count-not_sure", str(not_sure))
            page.click("#lon-record")
            if round_number == 1:
                assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'discussion'")
                page.click("#lon-to-round-2")
        assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'reveal'")
        key = t.scenario_sets[0].scenarios[index].level.label
        assert f"{key} (the answer key)" in page.inner_text("#lon-reveal")
        if index < 5:
            page.click("#lon-next")
    page.click("#lon-end")
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'summary'")
    with page.expect_download() as download:
        page.click("#lon-download-json")
    session = json.loads(download.value.path().read_text(encoding="utf-8"))["session"]
    figures = ts.report(t, session)
    shown = page.inner_text("#lon-summary-view")
    assert figures["session"]["rounds"][0]["answered"] == 6
    for r in figures["session"]["rounds"]:
        assert f"Gwet’s AC1, round {r['round']}: {r['ac1']['text']}, over 6 vignettes" in shown
    assert f"Change in AC1 from round 1 to round 2: {figures['session']['change']['text']}" in shown
    assert shown.count("not asked") == len(session["vignettes"]) - 6
