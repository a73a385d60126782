"""The presenter as a room sees it on a projector (1024 by 768, in and out of full screen) and on a
1920 by 1080 screen: type large enough to read across a room on every screen, nothing wider than its
box, the answer key always in view on the reveal, the screen used; and what a trainer found running a
session of 20 without having seen the code: Enter before the presenter is ready, fixing a count, the
focus on the summary, where messages appear, the wrong file, the files' names."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from levels_of_need import training_session as ts

from .checker_helpers import open_checker, wait_until
from .test_presenter_session import READY, axe, focused, step

# The smallest text the room reads: GOV.UK's 19px body text, less a little, on a 768-pixel-high
# projector; a third more on a 1080-pixel-high screen (the type scales with the screen's height).
SMALLEST = {768: 18, 1080: 24}
SCREENS = [
    pytest.param(1024, 768, False, id="1024x768"),
    pytest.param(1024, 768, True, id="1024x768-full-screen"),
    pytest.param(1920, 1080, False, id="1920x1080"),
]

SMALL_TEXT = """(smallest) => {
  const small = [];
  const walker = document.createTreeWalker(document.getElementById('lon-presenter'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || !node.parentElement.checkVisibility({visibilityProperty: true})) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // visually hidden: for screen readers only
    const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
    if (size < smallest) small.push(`${size.toFixed(1)}px: ${node.textContent.trim().slice(0, 50)}`);
  }
  return small;
}"""

# Every visible element inside its parent's box, side to side, and the page never wider than the screen.
OVERFLOW = """() => {
  const out = [];
  for (const element of document.getElementById('lon-presenter').querySelectorAll('*')) {
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    const box = element.getBoundingClientRect();
    if (box.width <= 1) continue;
    let holder = element.parentElement;  // the nearest box: an element shown as its contents has none
    while (getComputedStyle(holder).display === 'contents') holder = holder.parentElement;
    const parent = holder.getBoundingClientRect();
    if (box.right > parent.right + 1 || box.left < parent.left - 1) {
      out.push(`${element.tagName}.${element.className}: ${(element.textContent || '').trim().slice(0, 40)}`);
    }
  }
  const page = document.documentElement.scrollWidth;
  if (page > innerWidth) out.push(`the page: ${page}px`);
  return out;
}"""

# Whether an element is wholly in view: below the site's sticky header (or the top of the screen in
# full screen), above the bottom of the screen, and not covered by anything at its centre.
IN_VIEW = """(selector) => {
  const element = document.querySelector(selector);
  if (!element || !element.checkVisibility()) return 'not shown';
  const box = element.getBoundingClientRect();
  const header = document.fullscreenElement ? 0 : document.querySelector('.md-header').getBoundingClientRect().bottom;
  if (box.top < header - 1) return `its top is at ${box.top}, above ${header}`;
  if (box.bottom > innerHeight + 1) return `its bottom is at ${box.bottom}, below ${innerHeight}`;
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 10));
  return hit && (element.contains(hit) || hit.contains(element)) ? true : `covered by ${hit && hit.className}`;
}"""

SCROLL_TO_END = """() => {
  const presenter = document.getElementById('lon-presenter');
  presenter.scrollTop = presenter.scrollHeight;
  window.scrollTo(0, document.documentElement.scrollHeight);
}"""


def open_presenter(context, base: str, viewport: tuple[int, int] | None = None):
    page = context.new_page()
    if viewport:
        page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{base}/training/presenter/")
    page.wait_for_selector(f"{READY}, #lon-session-setup[data-engine=failed]", timeout=90_000)
    assert page.get_attribute("#lon-session-setup", "data-engine") == "ready", page.inner_text("#lon-status")
    return page


def start(page, room: str = "20", chosen: str | None = None) -> None:
    if chosen:
        page.select_option("#session-set", chosen)
    page.fill("#session-room", room)
    page.press("#session-room", "Enter")
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'round-1'")


def record(page, levels, counts: list[int], not_sure: int, then: str | None = None) -> None:
    for level, n in zip(levels, counts, strict=True):
        page.fill(f"#count-{level.id}", str(n))
    page.fill("#count-not_sure", str(not_sure))
    page.press("#count-not_sure", "Enter")
    if then:
        assert wait_until(page, "(s) => document.getElementById('lon-presenter').dataset.step === s", then), step(page)


def to_the_reveal(page, levels, first: tuple[list[int], int], second: tuple[list[int], int]) -> None:
    record(page, levels, *first, then="discussion")
    page.click("#lon-to-round-2")
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'round-2'")
    record(page, levels, *second, then="reveal")


def full_screen(page) -> None:
    page.click("#lon-fullscreen")
    assert wait_until(page, "() => document.fullscreenElement === document.getElementById('lon-presenter')")


def readable(page, height: int) -> None:
    assert page.evaluate(SMALL_TEXT, SMALLEST[height]) == []
    assert page.evaluate(OVERFLOW) == []


# ---- What the room sees -----------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height", "full"), SCREENS)
def test_every_screen_is_readable_across_the_room(browser, medway_url, thresholds, width, height, full):
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    page = open_presenter(context, medway_url)
    levels = thresholds.levels
    readable(page, height)
    start(page)
    if full:
        full_screen(page)
        page.focus(f"#count-{levels[0].id}")
    # The session uses the screen: the slide spans the page, not a narrow column in its middle.
    layout = page.evaluate("document.querySelector('.lon-session-layout').getBoundingClientRect().width")
    assert layout >= 0.9 * width, layout
    assert page.is_hidden("#lon-status")  # "The presenter is ready." belongs to the setup screen
    violations = {}
    readable(page, height)
    record(page, levels, [2, 1, 16], 1, then="discussion")
    page.click("#lon-chart-toggle")  # round 1's chart, as the trainer shows it
    readable(page, height)
    violations["discussion, chart"] = axe(page)
    page.click("#lon-to-round-2")
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'round-2'")
    record(page, levels, [2, 1, 16], 1, then="reveal")
    readable(page, height)
    assert page.evaluate(IN_VIEW, ".lon-answer-level") is True
    violations["reveal"] = axe(page)
    # However far the page scrolls, the answer key stays in view.
    page.evaluate(SCROLL_TO_END)
    assert page.evaluate(IN_VIEW, ".lon-answer-level") is True
    page.click("#lon-end")
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'summary'")
    readable(page, height)
    context.close()
    assert {state: found for state, found in violations.items() if found} == {}


@pytest.mark.parametrize(("width", "height", "full"), SCREENS)
def test_the_reveal_shows_the_key_the_teaching_and_the_mistakes_at_once(
    browser, medway_url, thresholds, width, height, full
):
    """Every vignette of the set, on the projector (in and out of full screen) and on a large screen: the
    answer key, the room's answers, what decides it, the teaching points, the common mistakes and the
    focused "Next vignette", with nothing to scroll."""
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    page = open_presenter(context, medway_url)
    chosen = thresholds.scenario_set("levels-and-routes")
    start(page, chosen=chosen.id)
    if full:
        full_screen(page)
    for index, scenario in enumerate(chosen.scenarios):
        to_the_reveal(page, thresholds.levels, ([2, 1, 16], 1), ([1, 2, 17], 0))
        for part in (".lon-answer-level", ".lon-room-table", f"#slide-{scenario.id} .lon-teaching", "#lon-next"):
            assert page.evaluate(IN_VIEW, part) is True, (scenario.id, part, page.evaluate(IN_VIEW, part))
        # The focused button is not scrolled to at the key's expense.
        assert focused(page) == "lon-next"
        if index + 1 < len(chosen.scenarios):
            page.keyboard.press("Enter")
            assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'round-1'")
    context.close()


def test_shares_are_of_the_room_and_a_room_mostly_not_sure_is_told(strict_context, medway_url, thresholds):
    page = open_presenter(strict_context, medway_url, (1024, 768))
    chosen = thresholds.scenario_set("levels-and-routes")
    start(page, chosen=chosen.id)
    assert chosen.scenarios[0].level.number == 3
    # 15 of 20 not sure, 5 at the key, in both rounds.
    to_the_reveal(page, thresholds.levels, ([0, 0, 5], 15), ([0, 0, 5], 15))
    reveal = " ".join(page.inner_text("#lon-reveal").split())
    assert "At the key 5 (25%) 5 (25%)" in reveal and "Not sure 15 (75%) 15 (75%)" in reveal
    assert "(100%)" not in reveal
    assert "Most of the room was not sure: 15 of 20 people." in reveal
    # The key's bar fills a quarter of its track: a share of the room, not of the five.
    widths = page.evaluate(
        """() => [...document.querySelectorAll('#lon-reveal .lon-key-row .lon-chart-fill')]
            .map((fill) => fill.getBoundingClientRect().width / fill.parentElement.getBoundingClientRect().width)"""
    )
    assert widths == [pytest.approx(0.25, abs=0.02)] * 2


# ---- The trainer's keys and messages -------------------------------------------------------------------


def test_enter_before_the_presenter_is_ready_starts_the_session_once_it_is(strict_context, medway_url):
    held = []
    strict_context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page = strict_context.new_page()
    page.goto(f"{medway_url}/training/presenter/")
    page.fill("#session-room", "20")
    page.press("#session-room", "Enter")
    assert wait_until(page, "() => !document.getElementById('lon-setup-wait').hidden")
    assert page.inner_text("#lon-setup-wait") == (
        "The presenter is still getting ready. The session will start as soon as it is."
    )
    assert step(page) == "setup"
    for _ in range(200):  # the engine asks for its wasm while the trainer waits
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the engine never asked for its wasm"
    for route in held:
        route.continue_()
    # Once ready, the session starts by itself (the setup form, now hidden, says the engine is ready).
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'round-1'")
    assert page.is_hidden("#lon-setup-wait")


def test_a_file_opened_before_the_presenter_is_ready_opens_once_it_is(strict_context, medway_url, thresholds, tmp_path):
    answer = ts.page_answer(thresholds, {"start": {"set": ts.session_sets(thresholds)[0].id, "room_size": "20"}})
    saved = tmp_path / "session.json"
    saved.write_text(ts.save_session(thresholds, answer["session"]), encoding="utf-8")
    held = []
    strict_context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page = strict_context.new_page()
    page.goto(f"{medway_url}/training/presenter/")
    page.set_input_files("#lon-open-session", str(saved))
    assert wait_until(page, "() => !document.getElementById('lon-setup-wait').hidden")
    assert (
        page.inner_text("#lon-setup-wait")
        == "The presenter is still getting ready. The session will open as soon as it is."
    )
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    for route in held:
        route.continue_()
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'round-1'")
    assert page.inner_text("#lon-message") == "The session has been opened."


def test_back_is_not_the_key_after_next_and_steps_keep_their_figures(strict_context, medway_url, thresholds):
    page = open_presenter(strict_context, medway_url, (1024, 768))
    start(page)
    levels = thresholds.levels
    to_the_reveal(page, levels, ([2, 1, 16], 1), ([1, 2, 17], 0))
    first_reveal = page.inner_text("#lon-reveal-view")
    assert focused(page) == "lon-next"
    page.keyboard.press("Tab")
    assert focused(page) != "lon-back"
    page.click("#lon-next")
    assert wait_until(page, "() => document.getElementById('lon-step-heading').textContent.startsWith('Vignette 2')")
    # Back through every screen to the first reveal, and forward again: the same figures each time.
    page.click("#lon-back")
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'reveal'")
    assert page.inner_text("#lon-reveal-view") == first_reveal
    for expected in ("round-2", "discussion", "round-1"):
        page.click("#lon-back")
        assert wait_until(page, "(s) => document.getElementById('lon-presenter').dataset.step === s", expected)
    assert page.input_value(f"#count-{levels[2].id}") == "16"
    for button, expected in (("#lon-record", "discussion"), ("#lon-to-round-2", "round-2"), ("#lon-record", "reveal")):
        page.click(button)
        assert wait_until(page, "(s) => document.getElementById('lon-presenter').dataset.step === s", expected)
    assert page.inner_text("#lon-reveal-view") == first_reveal


def test_a_count_in_error_is_marked_and_its_link_selects_it(strict_context, medway_url, thresholds):
    page = open_presenter(strict_context, medway_url, (1024, 768))
    start(page)
    levels = thresholds.levels
    box = f"#count-{levels[2].id}"
    page.fill(f"#count-{levels[0].id}", "2")
    page.fill(f"#count-{levels[1].id}", "1")
    page.fill(box, "l7")
    page.press(box, "Enter")
    assert wait_until(page, "() => !document.getElementById('lon-round-errors').hidden")
    message = page.inner_text("#lon-round-error-list")
    # The message by the box, and the box marked red (GOV.UK's error pattern); the others are not.
    assert page.inner_text(f"#count-{levels[2].id}-error") == f"Error: {message}"
    assert page.is_visible(f"#count-{levels[2].id}-error")
    red = "rgb(212, 53, 28)"
    assert page.eval_on_selector(box, "(b) => getComputedStyle(b).borderTopColor") == red
    assert page.eval_on_selector(f"#count-{levels[0].id}", "(b) => getComputedStyle(b).borderTopColor") != red
    assert page.get_attribute(box, "aria-invalid") == "true"
    assert f"count-{levels[2].id}-error" in page.get_attribute(box, "aria-describedby")
    violations = axe(page)
    # The link goes to the box with what was typed selected: typing replaces it.
    page.click("#lon-round-error-list a")
    assert focused(page) == f"count-{levels[2].id}"
    page.keyboard.type("16")
    assert page.input_value(box) == "16"
    # Counts that do not add up: every box marked, the message under the question.
    page.press(box, "Enter")
    assert wait_until(page, "() => !document.getElementById('lon-round-counts-error').hidden")
    assert "add up to 19, but the room has 20 people" in page.inner_text("#lon-round-counts-error")
    for level in [*(lv.id for lv in levels), "not_sure"]:
        assert page.eval_on_selector(f"#count-{level}", "(b) => getComputedStyle(b).borderTopColor") == red
    assert page.is_hidden(f"#count-{levels[2].id}-error")
    # Nothing typed says so.
    for level in [*(lv.id for lv in levels), "not_sure"]:
        page.fill(f"#count-{level}", "")
    page.press(box, "Enter")
    assert wait_until(page, "() => document.getElementById('lon-round-error-list').textContent.startsWith('Nothing')")
    assert page.inner_text("#lon-round-error-list").startswith("Nothing was typed.")
    assert violations == []


def test_the_summary_opens_at_its_top_without_a_yellow_block(strict_context, medway_url, thresholds):
    page = open_presenter(strict_context, medway_url, (1024, 768))
    start(page)
    to_the_reveal(page, thresholds.levels, ([2, 1, 16], 1), ([1, 2, 17], 0))
    page.evaluate(SCROLL_TO_END)
    page.focus("#lon-end")
    page.keyboard.press("Enter")  # by keyboard: the focus the page moves is then :focus-visible
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'summary'")
    heading = page.evaluate("document.activeElement.textContent")
    assert heading == "Summary of the session"
    assert page.evaluate(IN_VIEW, "#lon-summary-view h2") is True
    backgrounds = page.evaluate(
        """() => [document.activeElement, ...document.querySelectorAll('#lon-summary, #lon-summary .lon-hint')]
            .map((element) => getComputedStyle(element).backgroundColor)"""
    )
    assert "rgb(255, 221, 0)" not in backgrounds, backgrounds
    assert axe(page) == []
    # Back to the last vignette returns to the very screen the trainer ended on.
    page.click("#lon-summary-back")
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'reveal'")
    assert page.inner_text("#lon-step-heading").startswith("Vignette 1 of")


def test_focus_moved_by_a_script_is_no_yellow_block_on_the_check_page_either(strict_context, medway_url):
    """The same style caught the self-check's question titles: after Continue by keyboard, the next
    question's title took a yellow block and a dark bar."""
    page = strict_context.new_page()
    page.set_viewport_size({"width": 1024, "height": 768})
    open_checker(page, medway_url)
    page.evaluate("[...document.querySelectorAll('#page-risk input[type=radio]')].pop().focus()")
    page.keyboard.press("Space")
    page.focus("#page-risk .lon-continue")
    page.keyboard.press("Enter")
    assert wait_until(page, "() => document.activeElement.classList.contains('lon-page-title')")
    style = page.evaluate("(s => [s.backgroundColor, s.boxShadow])(getComputedStyle(document.activeElement))")
    assert style[0] != "rgb(255, 221, 0)" and style[1] == "none", style


def test_a_room_of_one_is_told_agreement_needs_two(strict_context, medway_url):
    page = open_presenter(strict_context, medway_url, (1024, 768))
    start(page, room="1")
    assert page.is_visible("#lon-room-note")
    assert page.inner_text("#lon-room-note") == ts.ROOM_OF_ONE


def test_the_set_list_gives_each_count_once(strict_context, medway_url, thresholds):
    page = open_presenter(strict_context, medway_url)
    options = page.eval_on_selector_all("#session-set option", "(o) => o.map((x) => x.textContent)")
    for chosen, shown in zip(ts.session_sets(thresholds), options, strict=True):
        assert shown == ts.set_label(chosen)
        assert len(re.findall(rf"\b{len(chosen.scenarios)}\b", shown)) == 1, shown


# ---- Files ------------------------------------------------------------------------------------------------


def test_downloads_are_named_by_date_and_time_and_the_csv_opens_in_a_spreadsheet(
    strict_context, medway_url, thresholds, tmp_path
):
    page = open_presenter(strict_context, medway_url, (1024, 768))
    start(page)
    to_the_reveal(page, thresholds.levels, ([2, 1, 16], 1), ([1, 2, 17], 0))
    with page.expect_download() as during:
        page.click("#lon-save")
    assert re.fullmatch(r"training-session-\d{4}-\d{2}-\d{2}-\d{4}\.json", during.value.suggested_filename)
    page.click("#lon-end")
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'summary'")
    with page.expect_download() as summary:
        page.click("#lon-download-csv")
    assert re.fullmatch(r"training-summary-\d{4}-\d{2}-\d{2}-\d{4}\.csv", summary.value.suggested_filename)
    data = summary.value.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8's byte order mark: Excel shows Gwet's, κ and α
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header = next(row for row in rows if row and row[0] == "Vignette")
    assert [lv.label for lv in thresholds.levels] == header[4 : 4 + len(thresholds.levels)]
    first = rows[rows.index(header) + 1]
    assert first[header.index("Below the key (% of the room)")] == "15"

    # The CSV opened to resume: said by the file box, in view and focused, with the file to choose.
    page.goto(f"{medway_url}/training/presenter/")
    page.wait_for_selector(READY, timeout=90_000)
    page.set_input_files("#lon-open-session", str(summary.value.path()))
    assert wait_until(page, "() => !document.getElementById('lon-open-error').hidden")
    assert page.inner_text("#lon-open-error") == (
        f"Error: This file is the summary (CSV), which cannot be opened again. {ts.CHOOSE_THE_SESSION}"
    )
    assert focused(page) == "lon-open-error"
    assert page.evaluate(IN_VIEW, "#lon-open-error") is True
    assert axe(page) == []
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    page.set_input_files("#lon-open-session", str(other))
    # The CSV's refusal ends alike: this one is said once the box, hidden as the file is chosen, shows again.
    assert wait_until(
        page,
        "(m) => { const error = document.getElementById('lon-open-error');"
        " return !error.hidden && error.textContent.endsWith(m); }",
        ts.CHOOSE_THE_SESSION,
        30,
    )

    # The session file opens where it was saved: the message and the answer key in view, under the header.
    page.set_input_files("#lon-open-session", str(during.value.path()))
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'reveal'")
    assert page.inner_text("#lon-message") == "The session has been opened."
    assert page.evaluate(IN_VIEW, "#lon-message") is True
    assert page.evaluate(IN_VIEW, ".lon-answer-level") is True
    assert page.is_hidden("#lon-status")


@pytest.mark.partnerships("example")
def test_four_levels_fit_the_projector_too(browser, partnership_url, partnership_thresholds):
    """Another partnership's file: four levels, its own sets, on the 1024 by 768 projector."""
    t = partnership_thresholds
    context = browser.new_context(viewport={"width": 1024, "height": 768}, service_workers="block")
    page = open_presenter(context, partnership_url)
    readable(page, 768)
    chosen = ts.session_sets(t)[0]
    start(page, room="12", chosen=chosen.id)
    readable(page, 768)
    counts = [3, 4, 2, 2]
    record(page, t.levels, counts, 1, then="discussion")
    page.click("#lon-chart-toggle")
    readable(page, 768)
    page.click("#lon-to-round-2")
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'round-2'")
    record(page, t.levels, counts, 1, then="reveal")
    readable(page, 768)
    for part in (".lon-answer-level", ".lon-room-table", f"#slide-{chosen.scenarios[0].id} .lon-teaching", "#lon-next"):
        assert page.evaluate(IN_VIEW, part) is True, (part, page.evaluate(IN_VIEW, part))
    violations = axe(page)
    page.click("#lon-end")
    assert wait_until(page, "() => document.getElementById('lon-presenter').dataset.step === 'summary'")
    readable(page, 768)
    violations += axe(page)
    context.close()
    assert violations == []


# ---- The presenter's one key ------------------------------------------------------------------------


def test_f_is_full_screen_only_with_focus_in_the_presenter(browser, medway_url):
    """F toggles full screen while focus is in the presenter; with focus elsewhere on the page (the skip
    link, before the site's header) it changes nothing (WCAG 2.2, 2.1.4: active only on focus)."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, service_workers="block")
    page = open_presenter(context, medway_url)
    in_full_screen = "() => document.fullscreenElement === document.getElementById('lon-presenter')"
    # Every change of full screen from here on, counted (what is full screen when the event is handled may
    # already be the next state: the count is what tells).
    page.evaluate(
        """() => { window.lonScreens = 0;
            document.addEventListener('fullscreenchange', () => { lonScreens += 1; }); }"""
    )
    page.focus("a.md-skip")
    page.keyboard.press("f")
    assert not page.evaluate(in_full_screen)
    page.focus("#lon-presenter")
    page.keyboard.press("f")
    assert wait_until(page, in_full_screen)
    page.keyboard.press("f")
    assert wait_until(page, "() => document.fullscreenElement === null")
    # No wait for a change that should not come: had the first F asked for full screen, its change would
    # be counted too (full screen comes within a moment of the key, long before the presenter's F is
    # pressed), or would have left the presenter's F to close it instead: two changes, the presenter's.
    assert wait_until(page, "() => window.lonScreens === 2")
    assert page.evaluate("window.lonScreens") == 2
    context.close()
