"""Training mode in headless Chromium: practice, debrief and handouts (presenter: test_presenter_session.py)."""

from __future__ import annotations

import re

import pytest

from levels_of_need.training import answer_key_label, debrief

from .checker_helpers import tick, wait_until
from .conftest import axe_violations

PRACTICE_READY = "#lon-practice[data-engine=ready]"
DEBRIEF_SHOWN = (
    "() => !document.getElementById('lon-debrief').hidden"
    " && document.querySelectorAll('#lon-differences li').length > 0"
)


def open_practice(page, base: str, scenario: str):
    page.goto(f"{base}/training/practice/#{scenario}")
    page.wait_for_selector(f"{PRACTICE_READY}, #lon-practice[data-engine=failed]", timeout=60_000)
    assert page.get_attribute("#lon-practice", "data-engine") == "ready", page.inner_text("#lon-status")
    assert page.input_value("#lon-scenario-choice") == scenario


def commit_and_reveal(page, indicators: list[str], answers: dict[str, str], route: str | None) -> None:
    for indicator in indicators:
        tick(page, indicator)
    for question, value in answers.items():
        page.check(f"#{question}-{value}")
    if route:
        page.check(f"#committed-{route}")
    page.click("#lon-reveal")


def shown_debrief(page) -> dict:
    return page.evaluate(
        """() => ({
            outcome: document.getElementById('lon-debrief').dataset.outcome,
            outcome_text: document.getElementById('lon-outcome').textContent,
            expected: document.getElementById('lon-expected').textContent,
            committed: document.getElementById('lon-committed').textContent,
            yours: document.getElementById('lon-yours').textContent,
            differences: [...document.querySelectorAll('#lon-differences li')].map(li => ({
                kind: li.dataset.kind, id: li.dataset.id, text: li.textContent})),
            answers: [...document.querySelectorAll('.lon-answer')].filter(a => !a.hidden).map(a => a.dataset.scenario),
        })"""
    )


# ---- Practice -----------------------------------------------------------------------------------


def test_a_wrong_answer_is_revealed_and_each_difference_explained(strict_context, medway_url, thresholds):
    page = strict_context.new_page()
    open_practice(page, medway_url, "domestic-abuse-unborn")
    assert page.is_hidden("#lon-debrief")
    commit_and_reveal(
        page, ["l2-domestic-abuse", "l1-housed"], {"immediate_risk": "no", "consent": "given"}, "early-help"
    )
    assert wait_until(page, DEBRIEF_SHOWN)

    shown = shown_debrief(page)
    assert shown["outcome"] == "differ"
    assert shown["expected"] == "Level 3: Statutory Social Care, Child protection (s.47)"
    assert shown["committed"] == "Level 2: Early Help"
    assert shown["yours"] == "Suggested level: Level 3: Statutory Social Care, Child protection (s.47)."
    assert shown["answers"] == ["domestic-abuse-unborn"]

    # The explanation is the Python checker's, the same as on the host.
    expected = debrief(
        thresholds,
        "domestic-abuse-unborn",
        {"indicators": ["l2-domestic-abuse", "l1-housed"], "answers": {"immediate_risk": "no", "consent": "given"}},
        "early-help",
    )
    assert [(d["kind"], d["id"], d["text"]) for d in shown["differences"]] == [
        (d["kind"], d["id"], d["text"]) for d in expected["differences"]
    ]
    assert (shown["outcome"], shown["outcome_text"]) == (expected["outcome"], expected["outcome_text"])
    first = shown["differences"][0]
    assert first["kind"] == "commit"
    rule = next(r for r in thresholds.rules if r.id == "domestic-abuse-unborn-or-under-one")
    assert " ".join(rule.text.split()) in first["text"]
    assert page.evaluate("document.activeElement.id") == "lon-debrief"
    # The scenario's own teaching points are shown with it.
    teaching = thresholds.scenario("domestic-abuse-unborn").teaching_points[0]
    assert " ".join(teaching.split()) in " ".join(
        page.inner_text(".lon-answer[data-scenario='domestic-abuse-unborn']").split()
    )


def test_missed_indicator_and_answer_are_named_then_try_again_clears(strict_context, medway_url):
    page = strict_context.new_page()
    open_practice(page, medway_url, "child-protection-bruising")
    commit_and_reveal(page, ["l2-health-problems"], {"significant_harm": "no"}, "early-help")
    assert wait_until(page, DEBRIEF_SHOWN)
    kinds = {(d["kind"], d["id"]) for d in shown_debrief(page)["differences"]}
    assert {
        ("commit", "early-help"),
        ("missed-indicator", "l3-non-mobile-bruising"),
        ("extra-indicator", "l2-health-problems"),
        ("answer", "significant_harm"),
        ("missed-rule", "significant-harm"),
    } <= kinds

    page.click("#lon-try-again")
    assert page.is_hidden("#lon-debrief")
    assert page.evaluate("[...document.querySelectorAll('#lon-practice input')].filter(i => i.checked).length") == 0
    assert page.evaluate("document.activeElement.id") == "title-child-protection-bruising"


def test_the_right_answer_matches(strict_context, medway_url, thresholds):
    scenario = thresholds.scenario("early-help-not-improving")
    page = strict_context.new_page()
    open_practice(page, medway_url, scenario.id)
    commit_and_reveal(page, list(scenario.shows), dict(scenario.check.answers), scenario.routes[0].id)
    assert wait_until(page, DEBRIEF_SHOWN)
    shown = shown_debrief(page)
    assert shown["outcome"] == "match"
    assert [d["kind"] for d in shown["differences"]] == ["none"]
    # Each word of the verdict is Python's (training.debrief), as the checker returned it.
    said = debrief(
        thresholds,
        scenario.id,
        {"indicators": list(scenario.shows), "answers": dict(scenario.check.answers)},
        scenario.routes[0].id,
    )
    assert shown["outcome_text"] == said["outcome_text"]
    assert [d["text"] for d in shown["differences"]] == [said["nothing_differs"]]


def test_revealing_without_a_level_shows_the_error_summary(strict_context, medway_url):
    page = strict_context.new_page()
    open_practice(page, medway_url, "universal-strengths")
    page.click("#lon-reveal")
    assert page.is_visible("#lon-error-summary")
    assert page.is_visible("#committed-error")
    assert page.evaluate("document.activeElement.id") == "lon-error-summary"
    assert page.is_hidden("#lon-debrief")
    page.click("#lon-error-summary a")
    assert page.evaluate("document.activeElement.name") == "committed"


def test_levels_are_hidden_until_the_reveal(strict_context, medway_url, thresholds):
    page = strict_context.new_page()
    open_practice(page, medway_url, "universal-strengths")
    for group in page.locator("#lon-practice .lon-group > summary").all():
        group.click()
    choices = page.evaluate(
        "[...document.querySelectorAll('#lon-practice .lon-checkbox')]"
        ".filter(c => c.checkVisibility()).map(c => c.innerText)"
    )
    assert len(choices) == len(thresholds.indicators)
    assert not [text for text in choices if re.search(r"Level \d", text)]
    # No order gives the levels away: each domain's worries are alphabetical, not by level.
    for legend, texts in page.evaluate(
        """[...document.querySelectorAll('#lon-practice section[aria-labelledby=step-worries] fieldset')].map(f =>
            [f.querySelector('legend').textContent, [...f.querySelectorAll('label')].map(l => l.innerText)])"""
    ):
        assert texts == sorted(texts), legend
    visible = page.evaluate("document.body.innerText")
    assert "Teaching points" not in visible and "The answer key:" not in visible


def test_changing_scenario_keeps_only_its_id_in_the_url_and_stores_nothing(strict_context, medway_url):
    page = strict_context.new_page()
    open_practice(page, medway_url, "universal-strengths")
    tick(page, "l2-bullying")
    page.select_option("#lon-scenario-choice", "homeless-sixteen-year-old")
    assert page.url.endswith("/training/practice/#homeless-sixteen-year-old")
    assert page.is_visible("#scenario-homeless-sixteen-year-old")
    assert page.is_hidden("#scenario-universal-strengths")
    assert not page.is_checked("#ind-l2-bullying")
    stored = page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    assert stored == [0, 0, ""]
    assert strict_context.cookies() == []


# ---- Presenter view: a training session (tests/browser/test_presenter_session.py) --------------------


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (360, 640)])
def test_the_practice_case_stays_in_view(browser, medway_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    page = context.new_page()
    open_practice(page, medway_url, "early-help-young-carer")
    for group in page.locator("#lon-practice .lon-group > summary").all():
        group.click()
    case = page.locator(".lon-practice-case")
    narrow = width < 960
    if narrow:  # on a phone the case is read in full before the choices, in the page's own flow
        assert case.evaluate("(box) => box.scrollHeight <= box.clientHeight + 1")
    page.locator("#ind-l3-unaccompanied-minors").scroll_into_view_if_needed()  # deep in the worries
    page.locator("#lon-reveal").scroll_into_view_if_needed()
    if narrow:  # and in view again on demand, from wherever the learner is
        page.click("#lon-case-again")
        assert page.evaluate("document.activeElement.id") == "title-early-help-young-carer"
    box = page.locator("#scenario-early-help-young-carer .lon-vignette").bounding_box()
    header = page.locator(".md-header").bounding_box()
    context.close()
    assert box["y"] >= header["y"] + header["height"] - 1 and box["y"] < height - 20


# ---- Handouts --------------------------------------------------------------------------------------


def printed_text(page, url: str) -> str:
    page.goto(url)
    page.emulate_media(media="print")
    return " ".join(page.evaluate("document.body.innerText").split())


def test_the_learner_handout_prints_without_answers(page, medway_url, thresholds):
    text = printed_text(page, f"{medway_url}/training/handout/")
    for scenario in thresholds.scenarios:
        assert " ".join(scenario.vignette.split()) in text
        for point in (*scenario.teaching_points, *scenario.common_mistakes):
            assert " ".join(point.split()) not in text, scenario.id
    assert "The answer key" not in text
    assert "Teaching points" not in text
    assert "trainer answer sheet" not in text.lower()  # the on-screen link to the answers does not print
    assert page.is_hidden(".md-sidebar--primary")


def test_the_answer_sheet_prints_separately_with_every_answer(page, medway_url, thresholds):
    text = printed_text(page, f"{medway_url}/training/answers/")
    for scenario in thresholds.scenarios:
        assert answer_key_label(thresholds, scenario) in text
        for point in (*scenario.teaching_points, *scenario.common_mistakes):
            assert " ".join(point.split()) in text, scenario.id
    assert text.count("The answer key:") == len(thresholds.scenarios)
    assert "guidance’s answer" not in text
    assert page.is_hidden(".md-sidebar--primary")


# ---- Accessibility ----------------------------------------------------------------------------------


def test_axe_training_pages_in_every_state(page, medway_url):
    states: dict[str, list] = {}
    for name in ("training/", "training/handout/", "training/answers/"):
        page.goto(f"{medway_url}/{name}")
        states[name] = axe_violations(page)

    open_practice(page, medway_url, "child-protection-bruising")
    states["practice"] = axe_violations(page)
    page.click("#lon-reveal")
    states["practice, error"] = axe_violations(page)
    commit_and_reveal(page, ["l2-health-problems"], {}, "early-help")
    assert wait_until(page, DEBRIEF_SHOWN)
    states["practice, revealed"] = axe_violations(page)

    assert {state: found for state, found in states.items() if found} == {}
