"""The parts a partnership's practice framework adds to the summary, as a user on a phone meets them (issue 29,
point 9): on the fictional partnership's site, 360 px wide, a practitioner types a danger statement and a
scaling answer on "Write the referral summary", is told beside the box when the answer is off the scale, and
copies a summary holding both where the partnership's file puts them; nothing typed leaves the page."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from .checker_helpers import (
    back_to_result,
    open_checker,
    save_then_clear,
    to_the_worries,
    wait_until,
    write_details,
)
from .conftest import axe_violations
from .test_checker import STORAGE_DUMP

PHONE = {"width": 360, "height": 740}
DANGER = "danger-statement"
SCALE = "safety-scale"
CANARY = "CANARY-danger-7d1e"
SUMMARY_HOLDS = "(words) => words.every((w) => document.getElementById('lon-summary').value.includes(w))"


def box_is_labelled(page, box_id: str, label: str) -> bool:
    return page.locator(f"label[for='{box_id}']").inner_text().strip() == label


@pytest.mark.partnerships("example")
def test_a_danger_statement_and_a_scaling_answer_typed_on_a_phone_are_in_the_copied_summary(
    browser, partnership_url, partnership_thresholds, tmp_path
):
    t = partnership_thresholds
    danger, goal, scale = t.framework_parts
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, accept_downloads=True, service_workers="block")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=partnership_url)
    requests = []
    context.on("request", lambda r: requests.append(r))
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    open_checker(page, partnership_url)
    to_the_worries(page, "9")
    write_details(page)

    # Each added part is asked for on the page, in the file's words, after the fixed boxes; the scale's range and
    # what its two ends mean are said under its box, on screen.
    assert box_is_labelled(page, f"detail-{danger.id}", danger.label)
    assert box_is_labelled(page, f"detail-{goal.id}", goal.label)
    assert box_is_labelled(page, f"detail-{scale.id}", scale.label)
    hint = page.inner_text(f"#detail-{scale.id}-scale")
    assert hint.startswith("A whole number from 0 to 10.")
    assert scale.scale.lowest_means in hint and scale.scale.highest_means in hint
    assert page.locator(f"#detail-{scale.id}").is_visible() and page.locator(f"#detail-{danger.id}").is_visible()
    order = page.evaluate("() => [...document.querySelectorAll('#page-details [id^=detail-]')].map((b) => b.id)")
    assert order.index(f"detail-{danger.id}") > order.index("detail-availability")

    page.fill(f"#detail-{danger.id}", f"The child may be hurt again {CANARY}")
    # Off the scale: said beside the box and in the error summary, and left out of the summary (its part in
    # square brackets) until it is put right; the result stays on screen, as it was.
    result_before = page.text_content("#lon-result")
    page.fill(f"#detail-{scale.id}", "11")
    page.locator(f"#detail-{scale.id}").blur()
    error = page.locator(f"#detail-{scale.id}-error")
    error.wait_for(state="visible", timeout=10_000)
    assert "Safety scale (fictional): enter a whole number from 0 to 10" in error.inner_text()
    assert "enter a whole number from 0 to 10" in page.inner_text("#lon-error-summary")
    assert f"detail-{scale.id}-error" in page.get_attribute(f"#detail-{scale.id}", "aria-describedby")
    assert wait_until(page, SUMMARY_HOLDS, [CANARY, "[A whole number from 0 to 10]"])
    assert "11 on a scale" not in page.input_value("#lon-summary")
    assert page.text_content("#lon-result") == result_before and result_before.strip()

    page.fill(f"#detail-{scale.id}", "7")
    page.locator(f"#detail-{scale.id}").blur()
    assert wait_until(page, SUMMARY_HOLDS, [CANARY, "7 on a scale of 0 to 10"])
    error.wait_for(state="hidden", timeout=10_000)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]

    page.click("#lon-details-copy")
    page.wait_for_selector("#lon-details-status:not([hidden])")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.input_value("#lon-summary")
    lines = copied.splitlines()
    # The danger statement under the first referral question, which receives it; the scale under its own heading.
    first, second = (f"{n}. {' '.join(q.question.split())}" for n, q in enumerate(t.referral_questions[:2], 1))
    statement = lines.index(f"The child may be hurt again {CANARY}")
    assert lines.index(first) < lines.index(f"{danger.heading}:") < statement < lines.index(second)
    at = lines.index(scale.heading)
    assert lines[at + 2 : at + 4] == [scale.label, "7 on a scale of 0 to 10"]

    # Kept only in the user's own file: it opens again whole.
    back_to_result(page)
    saved = save_then_clear(page, tmp_path)
    assert json.loads(saved.read_text(encoding="utf-8"))["state"]["details"][scale.id] == "7"
    page.set_input_files("#lon-open", str(saved))
    page.wait_for_selector("#page-answers:not([hidden])")
    write_details(page)
    assert page.input_value(f"#detail-{scale.id}") == "7"
    assert CANARY in page.input_value(f"#detail-{danger.id}")

    origin = urlparse(partnership_url).netloc
    for request in requests:
        if urlparse(request.url).scheme in ("blob", "data"):
            continue
        assert urlparse(request.url).netloc == origin and request.post_data is None, request.url
        assert CANARY not in request.url
    assert CANARY not in page.url and CANARY not in page.evaluate(STORAGE_DUMP)
    assert CANARY not in json.dumps(context.cookies())
    context.close()


@pytest.mark.partnerships("example")
def test_the_added_parts_and_a_scale_refused_beside_its_box_pass_axe_on_a_phone(
    page, partnership_url, partnership_thresholds
):
    scale = partnership_thresholds.framework_parts[-1]
    page.set_viewport_size(PHONE)
    open_checker(page, partnership_url)
    to_the_worries(page, "9")
    write_details(page)
    page.fill(f"#detail-{scale.id}", "seven")
    page.locator(f"#detail-{scale.id}").blur()
    page.locator(f"#detail-{scale.id}-error").wait_for(state="visible", timeout=10_000)
    assert page.get_attribute(f"#detail-{scale.id}", "inputmode") == "numeric"
    assert [(v["id"], v["nodes"]) for v in axe_violations(page)] == []
