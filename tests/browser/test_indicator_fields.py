"""An indicator written for an age band, on the self-check of the fictional partnership (whose file has
one for unborn babies and children under 1, one for babies under 6 months, and one for 16 and 17 year
olds), as a user sees it: in one
page load, which worries are written for another age, and what changing the age after choosing one
says and keeps. Every sentence checked here is Python's (present.age_notes, present.age_notice)."""

from __future__ import annotations

import pytest

from .checker_helpers import (
    cli_result_text,
    continue_from,
    open_checker,
    result_words,
    tick,
    to_the_worries,
    wait_for_result,
)

BABY = "missed-health-checks"
TEEN = "nowhere-to-live"
MONTHS = "bruised-baby"  # offered for babies under 6 months


def visible_text(page, selector: str) -> str:
    return page.inner_text(selector) if page.locator(selector).is_visible() else ""


def wait_for_text(page, selector: str, words: str, timeout: float = 10.0) -> str:
    """The element's visible text once it holds these words (Python's answer arrives a moment after
    the change); what it shows instead on timeout."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and words not in visible_text(page, selector):
        time.sleep(0.05)
    return visible_text(page, selector)


ANSWERS = {"significant_harm": "no", "support_not_improving": "no", "social_worker": "none", "consent": "given"}


def open_group(page, indicator: str) -> None:
    """Open the group a worry is under, as a person does, without ticking it."""
    group = page.evaluate("(id) => document.getElementById(id).closest('details').id", f"ind-{indicator}")
    if not page.locator(f"#ind-{indicator}").is_visible():
        page.click(f"#{group} > summary")


@pytest.mark.partnerships("example")
def test_worries_for_another_age_say_so_and_a_chosen_one_stays_chosen_when_the_age_changes(
    strict_context, partnership_url, partnership_file, partnership_thresholds
):
    baby = partnership_thresholds.indicator(BABY)
    page = strict_context.new_page()
    open_checker(page, partnership_url)
    to_the_worries(page, age="3 months")

    # At 3 months the baby's worry is in its band: its band is said, and nothing more. The teenager's
    # worry is shown too, saying in words that it is written for another age.
    tick(page, BABY)
    assert "The checker offers it for unborn babies and children under 1." in page.inner_text(f"#hint-{BABY}")
    open_group(page, TEEN)
    teen_note = "The checker offers it for children aged 16 or 17, not for a baby aged 3 months."
    assert wait_for_text(page, f"#age-note-{TEEN}", teen_note) == teen_note
    assert page.locator(f"#ind-{TEEN}").is_visible() and visible_text(page, f"#age-note-{BABY}") == ""
    assert visible_text(page, "#lon-age-notice-worries") == ""

    # Back to the age, changed to 7 after choosing the baby's worry: the page says so there, in words.
    page.click("#page-worries [data-back]")
    page.fill("#age", "7")
    notice = wait_for_text(page, "#lon-age-notice-child", "a child aged 7")
    assert f"“{baby.text}” (the checker offers it for unborn babies and children under 1)" in notice
    assert "They are still chosen and still count in the result at their own level" in notice
    assert "untick them" in notice

    # The choice is kept, and beside it the worry says that it is written for another age. (Where what the guidance
    # gives differs by the child's area, the area is asked with the age: any area will do here.)
    area = {}
    if page.locator("#q-area").count():
        first_area = page.locator("#q-area input[type=radio]").first
        first_area.check()
        area = {"area": first_area.get_attribute("value")}
    assert continue_from(page, "page-child") == []
    assert page.locator(f"#ind-{BABY}").is_checked()
    assert (
        visible_text(page, f"#age-note-{BABY}")
        == "The checker offers it for unborn babies and children under 1, not for a child aged 7."
    )
    teen_at_7 = "The checker offers it for children aged 16 or 17, not for a child aged 7."
    assert visible_text(page, f"#age-note-{TEEN}") == teen_at_7
    assert "still count" in visible_text(page, "#lon-age-notice-worries")

    # It counts in the result, which says for which age the guidance writes it, as the CLI does.
    continue_from(page, "page-worries")
    continue_from(page, "page-strengths")
    for question, value in ANSWERS.items():
        page.check(f"#{question}-{value}")
    assert continue_from(page, "page-questions") == []
    check = {"indicators": [BABY], "age": 7, "answers": {"immediate_risk": "no", **ANSWERS, **area}}
    expected = cli_result_text(check, partnership_file)
    assert wait_for_result(page, expected) == expected
    assert "The checker offers it for unborn babies and children under 1; you chose it, so it sets its own level." in (
        result_words(page)
    )


@pytest.mark.partnerships("example")
def test_a_babys_age_is_asked_in_months_and_a_worry_for_younger_babies_says_so(
    strict_context, partnership_url, partnership_file
):
    """Where a band is in months, "0" years is refused at the age question with what it needs (Python's words);
    at 7 months the worry for babies under 6 months says, beside it, that it is for another age."""
    from levels_of_need.rules import MONTHS_NEEDED

    page = strict_context.new_page()
    open_checker(page, partnership_url)
    page.check("#immediate_risk-no")
    continue_from(page, "page-risk")
    page.fill("#age", "0")
    assert MONTHS_NEEDED in " ".join(continue_from(page, "page-child"))
    assert MONTHS_NEEDED in visible_text(page, "#age-error")
    page.fill("#age", "7 months")
    assert continue_from(page, "page-child") == []
    open_group(page, MONTHS)
    note = "The checker offers it for babies under 6 months, not for a baby aged 7 months."
    assert wait_for_text(page, f"#age-note-{MONTHS}", note) == note
    assert "The checker offers it for babies under 6 months." in page.inner_text(f"#hint-{MONTHS}")
