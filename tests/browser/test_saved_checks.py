"""Hostile saved checks on /check/: each fixture opens exactly, or leaves the page exactly as it was with
a plain-English message. Whatever happens, the result and the summary on screen belong to the form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from levels_of_need import api, saved
from levels_of_need.present import to_text

from .checker_helpers import (
    SNAPSHOT,
    as_seen,
    back_to_result,
    fill_check,
    open_checker,
    shown_result,
    wait_for_result,
    wait_until,
    without_addresses,
    write_details,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "saved-checks"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
KNOWN = {
    "indicators": ["l2-domestic-abuse", "l1-supportive-networks"],
    "age": 5,
    "answers": {"immediate_risk": "no", "significant_harm": "no", "consent": "refused"},
}
FORM_STATE = """() => {
    const form = document.getElementById('lon-check');
    const ticked = (name) => [...form.querySelectorAll(`input[name='${name}']:checked`)].map(b => b.value);
    const answers = {};
    for (const radio of form.querySelectorAll('input[type=radio]:checked')) answers[radio.name] = radio.value;
    const details = {};
    for (const field of form.querySelectorAll("textarea[id^='detail-']")) details[field.name] = field.value;
    return {indicators: ticked('indicator'), confirmed: ticked('confirmed'), answers, details,
            age: document.getElementById('age').value, unborn: document.getElementById('unborn').checked,
            consent_note: document.getElementById('consent_note').value};
}"""
RESET_MESSAGES = """() => { document.getElementById('lon-open-error').hidden = true;
    document.getElementById('lon-keep-status').textContent = ''; }"""


def opened_message(page) -> str:
    """What opening a file ended in. A file that opens, on a page that already has answers, first asks
    whether to replace them (the file was checked whole before it asks): the user says yes."""
    wait_until(
        page,
        """() => !document.getElementById('lon-open-error').hidden
            || !document.getElementById('lon-replace-ask').hidden
            || document.getElementById('lon-keep-status').textContent.includes('opened')""",
    )
    if page.locator("#lon-replace-ask").is_visible():
        page.click("#lon-replace-confirm")
        wait_until(page, "() => document.getElementById('lon-keep-status').textContent.includes('opened')")
    if page.locator("#lon-open-error").is_visible():
        return "refused: " + page.inner_text("#lon-open-error")
    return "opens"


def page_check(page) -> dict:
    """The form as the page holds it, as api.check_from_dict takes it."""
    state = page.evaluate(FORM_STATE)
    override = None
    if page.is_checked("#override"):
        override = {"level": page.input_value("#override_level"), "reason": page.input_value("#override_reason")}
    return {**state, "override": override}


def expected_view(thresholds, check: dict) -> tuple[list[str], str]:
    answer = api.page_answer(thresholds, check)
    if answer["problem"]:
        return [answer["problem"]["message"]], ""
    shown = [without_addresses(to_text(answer[part])) for part in ("view", "view_more")]
    return as_seen(shown[0]) + as_seen(shown[1]), answer["summary"]


@pytest.fixture
def checker_with_a_check(strict_context, medway_url, tmp_path):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    fill_check(page, KNOWN)
    write_details(page)
    page.fill("#detail-worry", "the check that was open before")
    page.locator("#detail-worry").blur()
    assert wait_until(page, "() => document.getElementById('lon-summary').value.includes('was open before')")
    back_to_result(page)
    with page.expect_download() as download:
        page.click("#lon-save")
    known = tmp_path / "known.json"
    download.value.save_as(known)
    return page, known


def test_every_hostile_saved_check_opens_exactly_or_changes_nothing(checker_with_a_check, thresholds):
    page, known = checker_with_a_check
    outcomes = {}
    for name in sorted(EXPECTED):
        page.evaluate(RESET_MESSAGES)
        page.set_input_files("#lon-open", str(known))
        assert opened_message(page) == "opens"
        # The known check's own result and summary, once Python has answered for it.
        view, summary = expected_view(thresholds, page_check(page))
        assert wait_for_result(page, view) == view
        assert wait_until(page, "(s) => document.getElementById('lon-summary').value === s", summary)
        before = (page.evaluate(SNAPSHOT), shown_result(page), page.input_value("#lon-summary"))
        page.evaluate(RESET_MESSAGES)
        page.set_input_files("#lon-open", str(FIXTURES / name))
        outcome = opened_message(page)
        outcomes[name] = outcome.split(":")[0]
        if outcome.startswith("refused"):
            message = outcome.removeprefix("refused: ")
            assert message.endswith("Nothing on this page has changed."), (name, message)
            assert not [w for w in ("Error", "undefined", "null", "[object", "Traceback") if w in message], name
            assert (page.evaluate(SNAPSHOT), shown_result(page), page.input_value("#lon-summary")) == before, name
        else:
            text = (FIXTURES / name).read_bytes().decode("utf-8-sig", errors="replace")  # as File.text() reads it
            state = saved.open_check(thresholds, text)["state"]
            shown = page_check(page)
            for key in ("indicators", "confirmed", "answers", "age", "unborn", "consent_note"):
                assert shown[key] == state[key], (name, key)
            assert {k: v for k, v in shown["details"].items() if v} == {k: v for k, v in state["details"].items() if v}
            # The result and the summary are the ones for the answers now on the form.
            view, summary = expected_view(thresholds, shown)
            assert wait_until(page, "(s) => document.getElementById('lon-summary').value === s", summary), name
            assert wait_for_result(page, view) == view, name
    assert outcomes == {name: EXPECTED[name] for name in sorted(EXPECTED)}


def test_a_file_larger_than_a_saved_check_is_refused_unread(checker_with_a_check, tmp_path):
    page, _ = checker_with_a_check
    before = page.evaluate(SNAPSHOT)
    big = tmp_path / "big.json"
    big.write_bytes(b"{" + b" " * 50_000_000 + b"}")
    page.set_input_files("#lon-open", str(big))
    page.wait_for_selector("#lon-open-error:not([hidden])")
    assert page.inner_text("#lon-open-error") == (
        "This file is too large to be a saved check. Nothing on this page has changed."
    )
    assert page.evaluate(SNAPSHOT) == before
