"""Each partnership's self-check, training and offline copy in headless Chromium (tests/conftest.py:
``partnership``): what differs between partnerships, as a user sees it. Medway's and a fictional
partnership that differs wherever a partnership may: its levels, questions, wording, ages, synonyms,
referral questions and summary all come from its own file.

Where Medway's run of a test here would repeat one of test_checker.py (the page against the CLI, the
privacy canary), test_training.py (practice) or test_offline.py, it runs for the other partnership
only (``@pytest.mark.partnerships``)."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from levels_of_need.model import Thresholds, filter_finds

from .checker_helpers import (
    READY,
    cli,
    cli_args,
    cli_result_text,
    continue_from,
    fill_check,
    open_checker,
    open_saved,
    tick,
    wait_for_result,
    wait_until,
    write_details,
)
from .conftest import axe_violations
from .test_offline import ENGINE_KEPT
from .test_training import DEBRIEF_SHOWN, commit_and_reveal, open_practice, shown_debrief

CANARY = "CANARY-partnership-5e2b"
CONTROLLED = "() => navigator.serviceWorker.controller !== null"


def checks_of(t: Thresholds) -> list[dict]:
    """Checks across the partnership's levels: an empty one, each training scenario's, and the oldest
    child the guidance covers with a worry of the highest level and consent refused."""
    highest = next(i for i in reversed(t.indicators) if not i.is_strength and not i.describes_harm)
    oldest = {
        "indicators": [highest.id],
        "age": t.age_range.oldest,
        "answers": {"immediate_risk": "no", "significant_harm": "no", "consent": "refused"},
    }
    return [{}, *(dict(raw["check"]) for raw in t.data.get("scenarios", ())), oldest]


@pytest.mark.partnerships("example")
def test_the_page_and_its_summary_say_what_the_cli_says_and_nothing_leaves_the_page(
    strict_context, partnership_url, partnership_file, partnership_thresholds, tmp_path
):
    requests = []
    strict_context.on("request", lambda r: requests.append(r))
    page = strict_context.new_page()
    open_checker(page, partnership_url)
    checks = checks_of(partnership_thresholds)
    assert len(checks) >= 4
    for check in checks:
        expected = cli_result_text(check, partnership_file)
        if fill_check(page, check):  # Continue asks for an answer this check leaves out
            open_saved(page, partnership_thresholds, check, tmp_path)
        assert wait_for_result(page, expected) == expected, check
        summary = cli("summary", *cli_args(check), thresholds=partnership_file)
        assert wait_until(page, "(s) => document.getElementById('lon-summary').value === s", summary), check

    # The summary follows the partnership's own referral questions, in its order.
    shown = page.input_value("#lon-summary")
    places = [
        shown.index(f"{n}. {' '.join(q.question.split())}")
        for n, q in enumerate(partnership_thresholds.referral_questions, start=1)
    ]
    assert places == sorted(places)
    consent = partnership_thresholds.referral_question_receiving("consent")
    number = partnership_thresholds.referral_questions.index(consent) + 1
    assert shown.index("Consent refused.") > shown.index(f"{number}. {' '.join(consent.question.split())}")

    write_details(page)
    page.fill("#detail-worry", CANARY)
    page.fill("#consent_note", CANARY)  # consent refused: what was done to seek it, offered with the details
    assert wait_until(page, "(c) => document.getElementById('lon-summary').value.includes(c)", CANARY)
    origin = urlparse(partnership_url).netloc
    for request in requests:
        parsed = urlparse(request.url)
        if parsed.scheme not in ("blob", "data"):
            assert (parsed.netloc, request.method, request.post_data) == (origin, "GET", None), request.url
        assert CANARY not in request.url and CANARY not in json.dumps(request.all_headers())


def test_the_form_asks_in_the_partnerships_words_for_its_ages_and_levels(page, partnership_url, partnership_thresholds):
    t = partnership_thresholds
    open_checker(page, partnership_url)
    page.check("#immediate_risk-no")
    continue_from(page, "page-risk")

    # Its ages: one year older than it covers is refused in its own words; the oldest it covers is taken.
    ages = t.age_range
    page.fill("#age", str(ages.oldest + 1))
    assert continue_from(page, "page-child")
    message = f"Enter an age from {ages.youngest} to {ages.oldest}: this guidance is for {ages.text}"
    assert message in page.inner_text("#age-error")
    page.fill("#age", str(ages.oldest))
    assert continue_from(page, "page-child") == []

    # Its own everyday words find its worries, as the build's check of its examples says they do.
    examples = t.data["filter_examples"]
    assert page.inner_text("#lon-filter-hint").startswith(
        f"An everyday word works: for example {', '.join(examples[:-1])} or {examples[-1]}."
    )
    worries = page.locator(".lon-worry")
    for word in examples:
        page.fill("#lon-filter", word)
        found = [i for i in t.indicators if not i.is_strength and filter_finds(word, i.search_terms)]
        assert found and all(page.locator(f"#ind-{i.id}").is_visible() for i in found), word
        assert 0 < sum(worries.nth(n).is_visible() for n in range(worries.count())) < worries.count(), word
    page.fill("#lon-filter", "")
    tick(page, next(i.id for i in t.indicators if not i.is_strength))
    continue_from(page, "page-worries")
    if page.locator("#page-strengths").count():
        continue_from(page, "page-strengths")

    # Its wording of the questions, its guidance on consent, its levels to disagree with.
    consent = t.question("consent")
    assert page.inner_text("#q-consent legend") == consent.text
    assert [page.inner_text(f"label[for=consent-{o.value}]") for o in consent.options] == [
        o.label for o in consent.options
    ]
    page.click("#q-consent ~ details summary")
    guidance = " ".join(t.referral_question_receiving("consent").guidance.split())
    assert guidance in page.inner_text("#q-consent ~ details")
    for question in ("significant_harm", "support_not_improving", "social_worker", "consent"):
        page.check(f"#{question}-{t.question(question).options[-1].value}")
    assert continue_from(page, "page-questions") == []
    assert page.locator("#override_level option").all_inner_texts()[1:] == [level.label for level in t.levels]
    assert [(v["id"], v["nodes"]) for v in axe_violations(page)] == []


@pytest.mark.partnerships("example")
def test_a_training_scenario_is_practised_and_its_answer_revealed(
    strict_context, partnership_url, partnership_thresholds
):
    scenario = partnership_thresholds.scenarios[0]
    page = strict_context.new_page()
    open_practice(page, partnership_url, scenario.id)
    answers = dict(scenario.check.answers)
    commit_and_reveal(page, list(scenario.shows), answers, scenario.routes[0].id)
    assert wait_until(page, DEBRIEF_SHOWN)
    shown = shown_debrief(page)
    assert shown["outcome"] == "match"
    assert scenario.level.label in shown["expected"]


@pytest.mark.partnerships("example")
def test_after_a_visit_to_the_check_it_works_offline(
    offline_capable_context, partnership_url, partnership_file, partnership_thresholds
):
    context = offline_capable_context
    page = context.new_page()
    open_checker(page, partnership_url)
    assert wait_until(page, CONTROLLED, timeout=60), "the service worker did not take control"
    # The engine is kept after the worker takes control (register.js asks once it is active): wait for it, as offline.
    assert wait_until(page, ENGINE_KEPT, timeout=60), "the service worker did not keep the engine"

    context.set_offline(True)
    page.goto(f"{partnership_url}/check/")
    page.wait_for_selector(f"{READY}, form[data-engine=failed]", timeout=60_000)
    assert page.get_attribute("#lon-check", "data-engine") == "ready", page.inner_text("#lon-status")
    check = dict(partnership_thresholds.data["scenarios"][-1]["check"])
    fill_check(page, check)
    expected = cli_result_text(check, partnership_file)
    assert wait_for_result(page, expected) == expected
    page.goto(f"{partnership_url}/continuum/")
    assert page.inner_text("h1") == "The continuum of need"
    assert partnership_thresholds.levels[-1].label in page.inner_text("article")
    # A level's colour, where the file gives one, shows as a bar beside its name, offline too.
    for level in partnership_thresholds.data["levels"]:
        heading = page.locator("article h2", has_text=partnership_thresholds.level(level["id"]).label)
        bar = heading.evaluate("(h) => [getComputedStyle(h).borderLeftStyle, getComputedStyle(h).borderLeftColor]")
        if "colour" in level:
            red, green, blue = (int(level["colour"][i : i + 2], 16) for i in (1, 3, 5))
            assert bar == ["solid", f"rgb({red}, {green}, {blue})"], (level["id"], bar)
        else:
            assert bar[0] == "none", (level["id"], bar)
