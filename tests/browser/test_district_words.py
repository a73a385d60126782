"""Steps and advice that differ by district (issue 29, point 5) on a 360 px phone, as a user sees them: the
child's area not answered shows the step's own words then each area's, labelled, and advice for one area
labelled with it; the area chosen shows only that area's words."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_FILE

from .checker_helpers import (
    change_answer,
    cli_result_text,
    continue_from,
    fill_check,
    open_checker,
    result_words,
    wait_for_result,
)

NO = {"immediate_risk": "no", "significant_harm": "no", "consent": "given"}
FAMILY_HELP = {"indicators": ["damp-home"], "age": 5, "answers": NO}  # Level 3, family help: steps by district
PHONE = {"width": 360, "height": 740}
NORTHDALE_STEP = "Northdale commissions its own early help service"
OWN_STEP = "Fictional example: send the request to the family help team."
NORTHDALE_ADVICE = "Northdale Family Support may offer a parenting course"


@pytest.mark.partnerships("example")
def test_area_unknown_shows_both_labelled_and_the_area_chosen_only_its_own(strict_context, partnership_url):
    page = strict_context.new_page()
    page.set_viewport_size(PHONE)
    open_checker(page, partnership_url)
    assert fill_check(page, FAMILY_HELP) == []
    expected = cli_result_text(FAMILY_HELP, EXAMPLE_FILE)
    assert wait_for_result(page, expected) == expected
    shown = " ".join(result_words(page).split())
    assert shown.index(OWN_STEP) < shown.index(
        f"For a child in Northdale (fictional): Fictional example: {NORTHDALE_STEP}"
    )
    assert "For a child in Southwick (fictional): Timescale: First visit to a family in Southwick" in shown
    assert f"For a child in Northdale (fictional) only: Fictional example: in Northdale, {NORTHDALE_ADVICE}" in shown
    assert "You have not answered the child’s area" in shown
    label = page.get_by_text("For a child in Northdale (fictional) only:", exact=False).first
    assert label.is_visible() and label.bounding_box()["x"] + label.bounding_box()["width"] <= PHONE["width"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scroll

    change_answer(page, "area")
    page.check("#area-southwick")
    assert continue_from(page, "page-child") == []
    southwick = {**FAMILY_HELP, "answers": {**NO, "area": "southwick"}}
    expected = cli_result_text(southwick, EXAMPLE_FILE)
    assert wait_for_result(page, expected) == expected
    shown = " ".join(result_words(page).split())
    assert OWN_STEP in shown and "Timescale: First visit to a family in Southwick, 15 working days" in shown
    for other in (NORTHDALE_STEP, NORTHDALE_ADVICE, "For a child in", "First visit to the family, 10 working days"):
        assert other not in shown, other
