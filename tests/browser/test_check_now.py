"""Issue 25, a DSL on a 360 x 740 phone: what to do now comes first wherever the child may be at risk.

- Where the child may be at risk of significant harm (rules.may_be_at_risk: a worry, a rule, an answer), the page
  of questions that holds parental consent opens on what to do now (Python's first action: the number to call),
  on the first screen, above the consent question; the sticky banner leads with it on every question page.
- "I am not sure" of immediate risk: the question page shows the guidance's words for an emergency, its
  condition kept as the guidance words it, with the number to dial in them, and the checker's own words that it
  cannot decide and asks; the result never says a bare "Call 999." beside "does not suggest a route".
- "Yes" to immediate risk: the page says one thing, what to do now, then how to go on (never "answer No above to
  continue" beside a link to the result).
Every screen the page tests use (checker_helpers.SCREENS). What the page must show is Python's, for the same check."""

from __future__ import annotations

import pytest

from levels_of_need import api
from levels_of_need.present import CANNOT_DECIDE, inline_text, to_text

from .checker_helpers import SCREENS, as_seen, continue_from, open_checker, tick, wait_until
from .conftest import axe_violations

# The ways a child may be at risk of significant harm before the page of questions (rules.may_be_at_risk): a
# worry whose words describe harm, and, separately, a rule (domestic abuse where the child is under one).
AT_RISK_BY = {
    "a worry": {"indicators": ["l3-peer-abuse"], "age": "9", "answers": {"immediate_risk": "no"}},
    "a rule": {"indicators": ["l2-domestic-abuse"], "age": "0", "answers": {"immediate_risk": "no"}},
}

# Where an element is, and what is clear of the sticky header and of the banner while it sticks.
PLACE = """(selector) => {
  let top = 0, bottom = innerHeight;
  for (const stuck of document.querySelectorAll('.md-header, #lon-current')) {
    const style = getComputedStyle(stuck);
    if (stuck.hidden || style.display === 'none' || !['sticky', 'fixed'].includes(style.position)) continue;
    const r = stuck.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= innerHeight) continue;
    if (r.top <= 1) top = Math.max(top, r.bottom); else bottom = Math.min(bottom, r.top);
  }
  const el = document.querySelector(selector);
  const r = el && el.getClientRects().length ? el.getBoundingClientRect() : null;
  return {top: r && r.top, bottom: r && r.bottom, clearTop: top, clearBottom: bottom}; }"""
SHOWN_PAGE = "document.querySelector('.lon-page:not([hidden])').id"
NOW_LEAD = "#lon-now-questions .lon-first-action > p"
CONSENT = "#q-consent"
PHONE_WIDTH = SCREENS["360 px"][0]["width"]


def words(text: str) -> str:
    return " ".join(text.split())


def python_now(thresholds, check: dict) -> tuple[str, str]:
    """Python's what to do now for this check: the whole of it, and its first line (the banner's)."""
    answer = api.run(thresholds, check)
    return words(to_text(answer["now"])), words(" ".join(inline_text(n) for n in answer["now_line"]))


@pytest.fixture(params=sorted(SCREENS))
def screen(checker_at, request):
    """The checker on that screen, started once for the module and started again for each test as a user starts
    again (conftest.checker_at): each test goes from the first page to a state and reads what it shows."""
    return checker_at(*SCREENS[request.param])


def to_the_questions(page, check: dict) -> None:
    """From the first page to the page of questions (significant harm, help so far, consent), as a person goes."""
    page.check(f"#immediate_risk-{check['answers']['immediate_risk']}")
    assert continue_from(page, "page-risk") == []
    page.fill("#age", check["age"])
    assert continue_from(page, "page-child") == []
    for indicator in check["indicators"]:
        tick(page, indicator)
    assert continue_from(page, "page-worries") == []
    if page.locator("#page-strengths").count():
        assert continue_from(page, "page-strengths") == []
    page.wait_for_selector("#page-questions:not([hidden])")


def in_view_as_far_as_the_focus_allows(page, at: dict, focus: str) -> bool:
    """Whether an element is wholly on the screen, clear of what sticks; or, where the screen has no room for it
    and for ``focus`` above it (what has the focus, which stays in view), whether it starts on the next screen.
    On a 360 x 740 phone it is always wholly on the screen."""
    room = at["clearBottom"] - at["clearTop"]
    above = page.evaluate(PLACE, focus)
    wholly = at["clearTop"] <= at["top"] and at["bottom"] <= at["clearBottom"]
    if page.viewport_size["width"] == PHONE_WIDTH or at["bottom"] - above["top"] <= room:
        return wholly
    return above["top"] >= at["clearTop"] - 1 and at["top"] < at["clearBottom"] + room


def shows(page, selector: str, expected: str) -> bool:
    return wait_until(
        page,
        "([s, w]) => { const el = document.querySelector(s); return Boolean(el) && el.offsetParent !== null"
        " && el.innerText.replace(/\\s+/g, ' ').trim() === w; }",
        [selector, expected],
    )


@pytest.mark.parametrize("way", sorted(AT_RISK_BY))
def test_where_the_child_may_be_at_risk_the_consent_page_opens_on_what_to_do_now(screen, thresholds, way):
    page, check = screen, AT_RISK_BY[way]
    to_the_questions(page, check)
    whole, lead = python_now(thresholds, check)
    assert lead.startswith("Telephone "), lead  # Python's first action: the number to call, now
    assert shows(page, NOW_LEAD, lead), (page.inner_text("#page-questions")[:400], lead)
    assert as_seen(page.inner_text("#lon-now-questions")) == as_seen(to_text(api.run(thresholds, check)["now"]))
    assert whole.startswith(words(page.inner_text("#lon-now-questions .lon-first-action h4")))
    # On arrival: the number to call wholly on the first screen, clear of what sticks, above the consent question
    # (where the screen is too short for it under the page's Back and title, which have the focus: 400% zoom,
    # it starts on the next screen, nothing between the title and it).
    at, consent = page.evaluate(PLACE, NOW_LEAD), page.evaluate(PLACE, CONSENT)
    assert in_view_as_far_as_the_focus_allows(page, at, "#page-questions [data-back]"), at
    assert at["bottom"] <= consent["top"], (at, consent)
    after_title = "() => document.getElementById('page-questions-title').nextElementSibling.id"
    assert page.evaluate(after_title) == "lon-now-questions"
    assert page.locator(f"{NOW_LEAD} a[href^='tel:']").first.is_visible()
    # Said once on a screen: while the box's line is in view, the banner sticking at the foot of the screen does
    # not say it again (the same "Telephone … now." was twice on one phone screen; where the banner yields, short
    # screens, it is at the foot of the page); scrolled past, and on the page before (no box of its own), the
    # banner leads with it, in Python's words.
    if page.evaluate("getComputedStyle(document.getElementById('lon-current')).position") == "sticky":
        assert wait_until(page, "() => document.getElementById('lon-current-now').hidden"), page.evaluate(SHOWN_PAGE)
        assert page.locator("#lon-current-text").is_visible()  # the rest of the banner stays
    page.evaluate(f"document.querySelector('{CONSENT}').scrollIntoView({{block: 'start'}})")
    for _ in range(2):
        assert shows(page, "#lon-current-now", lead), page.evaluate(SHOWN_PAGE)
        assert page.evaluate("() => document.getElementById('lon-current').firstElementChild.id") == "lon-current-now"
        shown = page.evaluate(SHOWN_PAGE)
        page.click(".lon-page:not([hidden]) [data-back]")
        # Back is history.back(): the page before shows a moment after the click, and is the one looked at next.
        assert wait_until(page, f"(was) => {SHOWN_PAGE} !== was", shown, 30), shown
    assert [v["id"] for v in axe_violations(page)] == []


def test_where_nothing_says_the_child_may_be_at_risk_the_consent_page_opens_on_its_questions(screen, thresholds):
    page = screen
    check = {"indicators": ["l2-domestic-abuse"], "age": "9", "answers": {"immediate_risk": "no"}}
    assert python_now(thresholds, check) == ("", "")
    to_the_questions(page, check)
    page.wait_for_timeout(300)  # Python's answer
    assert page.locator("#lon-now-questions").is_hidden()
    assert page.locator("#lon-current-now").is_hidden()


def test_every_not_sure_on_the_page_of_questions_shows_what_python_says_to_do_now(screen, thresholds):
    """Every question on the page that may be answered "not sure": what to do now shows where Python says the child
    may be at risk (not sure of significant harm: the guidance's advice for being unsure, with its number), and
    nothing where not (not sure of the help so far, a social worker, consent)."""
    page = screen
    base = {"indicators": ["l2-domestic-abuse"], "age": "9", "answers": {"immediate_risk": "no"}}
    to_the_questions(page, base)
    questions = [q for q in thresholds.questions if q.id not in ("immediate_risk", "area") and "unsure" in q.values]
    shown = 0
    for question in questions:
        answers = {**base["answers"], **{q.id: q.decided_values[-1] for q in questions}, question.id: "unsure"}
        for q, value in answers.items():
            if q != "immediate_risk":
                page.check(f"#{q}-{value}")
        whole, lead = python_now(thresholds, {**base, "answers": answers})
        if whole:
            shown += 1
            assert shows(page, NOW_LEAD, lead), question.id
            assert as_seen(page.inner_text("#lon-now-questions")) == as_seen(
                to_text(api.run(thresholds, {**base, "answers": answers})["now"])
            )
        else:
            # Until Python answers these, the box may still show the last one's; wait for their summary, not a time.
            summary = api.run(thresholds, {**base, "answers": answers})["summary"]
            answered = "(s) => document.getElementById('lon-summary').value === s"
            assert wait_until(page, answered, summary, 30), question.id
            assert page.locator("#lon-now-questions").is_hidden(), question.id
    assert shown >= 1


def test_not_sure_of_immediate_risk_shows_the_guidances_words_with_their_condition_and_the_checker_asks(
    screen, thresholds
):
    page = screen
    page.check("#immediate_risk-unsure")
    [emergency] = [rule for rule in thresholds.rules if rule.kind == "emergency"]
    question = thresholds.question("immediate_risk").text
    # On the question page, under the question: the guidance's words, whole, the number a link in them.
    expected = as_seen(to_text(api.run(thresholds, {"answers": {"immediate_risk": "unsure"}})["now"]))
    assert wait_until(page, "() => !document.getElementById('lon-now-risk').hidden")
    assert as_seen(page.inner_text("#lon-now-risk")) == expected
    lead = words(page.inner_text("#lon-now-risk .lon-first-action > p"))
    assert lead == f"The guidance says: {words(emergency.text)}", lead
    assert page.locator("#lon-now-risk .lon-first-action > p:first-of-type a[href='tel:999']").is_visible()
    assert CANNOT_DECIDE.format(question=question) in expected
    assert not [line for line in expected if line.startswith("Call ")]  # never a bare "Call 999."
    link, stop = page.evaluate(PLACE, "#lon-now-risk a[href='tel:999']"), page.evaluate(PLACE, "#lon-stop")
    assert stop["top"] is None  # "Call now" is for "Yes": not shown
    # Scrolled into view as it appears, as far as the answer just chosen, which keeps the focus, stays in view.
    assert in_view_as_far_as_the_focus_allows(page, link, "#immediate_risk-unsure + label"), link
    assert [v["id"] for v in axe_violations(page)] == []
    # The banner leads with the same words on the next page; the result says it does not suggest a route, and
    # the 999 it gives has its condition.
    assert continue_from(page, "page-risk") == []
    assert shows(page, "#lon-current-now", lead)
    page.fill("#age", "9")
    page.dispatch_event("#age", "change")
    page.click("#lon-current-go")
    page.wait_for_selector("#page-answers:not([hidden])")
    assert wait_until(page, "() => /does not suggest/.test(document.getElementById('lon-result-more').innerText)")
    box = as_seen(page.inner_text("#lon-result .lon-first-action"))
    assert box[1] == lead and CANNOT_DECIDE.format(question=question) in box, box
    assert not [line for line in box if line.startswith("Call ")], box


def test_yes_to_immediate_risk_says_what_to_do_now_then_how_to_go_on(screen):
    page = screen
    page.check("#immediate_risk-yes")
    assert page.locator("#lon-stop").is_visible()
    said = words(page.inner_text("#page-risk"))
    assert "Answer “No”" not in said and "to continue" not in said, said
    # One way on, after what to do now: no Continue beside it, and what to do now not said twice.
    assert page.locator("#lon-after-risk").is_hidden()
    assert page.locator("#lon-now-risk").is_hidden()
    call = page.evaluate(PLACE, "#lon-stop a[href='tel:999']")
    way_on = page.evaluate(PLACE, "#lon-stop-result")
    assert call["bottom"] <= way_on["top"], (call, way_on)
    visible_buttons = page.evaluate(
        "() => [...document.querySelectorAll('#lon-stop button, #lon-after-risk button')]"
        ".filter((b) => b.offsetParent !== null).map((b) => b.id)"
    )
    assert visible_buttons == ["lon-stop-result"]
    assert [v["id"] for v in axe_violations(page)] == []


def test_where_the_banner_leads_with_what_to_do_now_it_never_covers_the_focus_or_continue(browser, medway_url):
    """On a 360 x 740 phone the banner sticks to the foot of the screen from the page of questions on (about y 606 to
    740, taller by the line of what to do now once the box is scrolled past). Tab through the page to Continue: each
    stop is wholly clear of it; and at the foot of the page Continue is above it."""
    viewport, scale = SCREENS["360 px"]
    context = browser.new_context(viewport=viewport, device_scale_factor=scale, service_workers="block")
    page = context.new_page()
    open_checker(page, medway_url)
    to_the_questions(page, AT_RISK_BY["a worry"])
    assert wait_until(page, "() => !document.getElementById('lon-current').hidden")
    covered, stops = [], 0
    while "lon-continue" not in (page.evaluate("document.activeElement.className") or "") and stops < 80:
        page.keyboard.press("Tab")
        stops += 1
        if page.evaluate("document.activeElement.closest('#page-questions') !== null"):
            at = page.evaluate(
                "() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.bottom]; }"
            )
            clear = page.evaluate(PLACE, "#page-questions")
            if not (clear["clearTop"] - 1 <= at[0] and at[1] <= clear["clearBottom"] + 1):
                covered.append((page.evaluate("document.activeElement.id"), at, clear))
    assert stops < 80, "Tab never reached Continue"
    assert covered == []
    page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
    button, banner = page.evaluate(PLACE, "#page-questions .lon-continue"), page.evaluate(PLACE, "#lon-current")
    assert button["bottom"] <= banner["top"], (button, banner)
    context.close()
