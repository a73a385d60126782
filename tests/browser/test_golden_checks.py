"""The golden checks (tests/fixtures/checks.yml) on each partnership's /check/, filled in as a person does:
the visible result, "Check your answers" and the referral summary are the fixture's words, to the letter.
The core and Pyodide tests read the same file (tests/golden.py), so one fixture pins all three."""

from __future__ import annotations

import golden

from .checker_helpers import (
    as_seen,
    fill_check,
    open_checker,
    open_saved,
    wait_for_result,
    wait_until,
    without_addresses,
    write_details,
)

# "Check your answers" as shown: each row's question and the lines of its answer (its Change button aside).
SHOWN_ANSWERS = """() => [...document.querySelectorAll('#lon-answers .lon-summary-row')].map(row => [
    row.querySelector('dt').innerText,
    [...row.querySelectorAll('dd:not(.lon-summary-action) p')].map(p => p.innerText)])"""


def test_the_page_shows_the_golden_checks_words(
    strict_context, partnership_url, partnership, partnership_thresholds, tmp_path
):
    checks = [check for check in golden.load()["checks"] if check["partnership"] == partnership]
    assert len(checks) >= 10
    page = strict_context.new_page()
    open_checker(page, partnership_url)
    stopped = 0
    for check in checks:
        if fill_check(page, check["check"]):
            stopped += 1  # Continue asks for the unanswered question; a saved check still shows the result
            open_saved(page, partnership_thresholds, check["check"], tmp_path)
        expected = as_seen(without_addresses(check["result"]))
        assert wait_for_result(page, expected) == expected, check["name"]
        rows = [{"key": key, "value": lines} for key, lines in page.evaluate(SHOWN_ANSWERS)]
        assert golden.answers_text(rows) == check["check_your_answers"], check["name"]
        if details := check["check"].get("details"):
            write_details(page)
            for field, words in details.items():
                page.fill(f"#detail-{field}", words)
        shown = "(s) => document.getElementById('lon-summary').value === s"
        assert wait_until(page, shown, check["summary"]), (check["name"], page.input_value("#lon-summary"))
    assert stopped >= 1
