"""Nothing covers the keyboard's focus (WCAG 2.2 2.4.11): Tab through every page of the check and the
practice page at 200% zoom, at 320 px, on a 360 px phone and at 1280 px: each focused element is in full
view, clear of the sticky header and of the current-suggestion banner, never taller than the room between
them; the closed navigation drawer is never in the tab order. So too after Back, page by page, and after
opening a saved check.
On the question pages each radio and checkbox Tab reaches is also chosen with Space, as a keyboard user
answers: what the page does then (a panel appearing, a result, a problem) leaves it in full view."""

from __future__ import annotations

import pytest

from .checker_helpers import continue_from, open_checker, save_then_clear, tick, write_details
from .conftest import axe_violations

# A 1280 x 720 screen at 200% zoom, and at 400% (WCAG's 320 CSS pixels wide, 1.4.10); a 360 x 740 phone;
# the same screen at 100%. (CSS pixels, device scale.)
VIEWPORTS = {
    "200% zoom": ({"width": 640, "height": 360}, 2),
    "320 px": ({"width": 320, "height": 256}, 1),
    "360 px": ({"width": 360, "height": 740}, 2),
    "1280 px": ({"width": 1280, "height": 720}, 1),
}
TABS_PER_PAGE = 60
TABS_BACK = 12  # from a page's title back over the header: every stop above it
ANSWERED_TIMEOUT_MS = 10_000  # after Space: Python's answer to the change, however slow the machine
LAST_ANSWERS = ("significant_harm-no", "support_not_improving-no", "social_worker-none", "consent-given")

# Where the focused element is, and what of the screen is covered: the header and the banner where they
# stick. A control hidden for its label (the file input) is seen through its label.
FOCUS = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  if (el.classList.contains('lon-visually-hidden') && el.id) el = document.querySelector(`label[for='${el.id}']`) || el;
  const box = el.getBoundingClientRect();
  let top = 0, bottom = innerHeight;
  const onTop = el.closest('.md-header, .md-skip'); // the header's own controls, and the skip link over it
  for (const stuck of document.querySelectorAll('.md-header, #lon-current')) {
    const style = getComputedStyle(stuck);
    if (stuck.hidden || style.display === 'none' || !['sticky', 'fixed'].includes(style.position)) continue;
    const r = stuck.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= innerHeight || r.right <= box.left || r.left >= box.right) continue;
    if (onTop && stuck.classList.contains('md-header')) continue;
    // Stuck to the top of the screen, or to its foot; one in the page's flow between covers nothing.
    if (r.top <= 1) top = Math.max(top, r.bottom);
    else if (r.bottom >= innerHeight - 1) bottom = Math.min(bottom, r.top);
  }
  const words = (el.innerText || el.value || '').slice(0, 40);
  // The navigation is a drawer (its menu button shown), not the sidebar of a wide screen, whose links Tab reaches.
  const menu = document.querySelector('.md-header [data-lon-for="__drawer"]');
  const drawer = Boolean(menu) && menu.getClientRects().length > 0;
  const what = `${el.tagName.toLowerCase()}#${el.id || ''}.${[...el.classList].join('.')} "${words}"`;
  // An answer Space would choose or tick on a question page (a chosen radio stays as it is).
  const question = el.closest('.lon-page:not(#page-answers):not(#page-details)');
  const choosable = Boolean(question) && (el.type === 'checkbox' || (el.type === 'radio' && !el.checked));
  return {what, top: box.top, bottom: box.bottom, left: box.left, right: box.right, clearTop: top, clearBottom: bottom,
          width: innerWidth, inDrawer: Boolean(el.closest('.md-sidebar--primary')) && drawer, choosable, type: el.type};
}"""


# Counts the checker's requests to its worker and the worker's answers (result or error), in the page's own
# JavaScript world, before the page's scripts run: after Space, the test waits for every answer, not a guessed time.
COUNT_REQUESTS = """(() => {
  const Native = window.Worker;
  window.lonTestRequests = { asked: 0, answered: 0 };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      // Heard before the page's own onmessage (listeners run in the order they were added): by the time a
      // later task reads the counts, the page has shown the answer and run what waited on it.
      this.addEventListener('message', ({ data }) => {
        if (data && (data.kind === 'result' || data.kind === 'error')) window.lonTestRequests.answered += 1;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.id !== undefined) window.lonTestRequests.asked += 1;
      return super.postMessage(message, ...rest);
    }
  };
})()"""
ASKED = "() => window.lonTestRequests.asked"
ANSWERED = """() => window.lonTestRequests.asked === window.lonTestRequests.answered
    && document.getAnimations().every((animation) => animation.playState !== 'running')"""


# Back where the page was on arrival: its title in view and the point Tab starts from (check.js showPage).
BACK_TO_ARRIVAL = """() => {
  const title = document.querySelector('.lon-page:not([hidden]) [id$=-title]');
  if (!title) { document.activeElement && document.activeElement.blur(); return; }
  title.closest('.lon-page').scrollIntoView({block: 'start'});
  title.focus({preventScroll: true});
  title.blur();
}"""


COVERED = """() => [...document.querySelectorAll('.md-header, #lon-current')]
    .filter((el) => !el.hidden && ['sticky', 'fixed'].includes(getComputedStyle(el).position))
    .reduce((sum, el) => sum + el.getBoundingClientRect().height, 0) / innerHeight"""


def hidden_focus(page) -> list[str]:
    """Tab from the top of the page in view, and Shift+Tab back from there to the header over what
    is above it (the checker's notes, the emergency panel); each focus stop that is not in full view,
    as words. A checkbox is ticked with Space and unticked again, so the answers stay as they were."""
    page.evaluate(BACK_TO_ARRIVAL)
    found = focus_stops(page, "Shift+Tab", TABS_BACK)
    page.evaluate(BACK_TO_ARRIVAL)
    found += focus_stops(page, "Tab", TABS_PER_PAGE, space=True)
    # Axe then sees the page as it arrives: where Tab left it, a control half under the sticky header
    # counts as a small target, which depends on how far 60 presses happened to scroll.
    page.evaluate(BACK_TO_ARRIVAL)
    return found


def first_answers_with_space(page) -> list[str]:
    """A question page as it arrives, before it is answered: Tab onto each question's first answer (the
    first radio of an unanswered group) and choose it with Space; each that is then not in full view.
    The test answers the page as it means to afterwards."""
    page.evaluate(BACK_TO_ARRIVAL)
    return focus_stops(page, "Tab", TABS_PER_PAGE, space=True)


def focus_stops(page, key: str, presses: int, space: bool = False) -> list[str]:
    found = []
    for _ in range(presses):
        page.keyboard.press(key)
        at = page.evaluate(FOCUS)
        if at is None:
            continue
        found += not_in_full_view(at)
        if not (space and at["choosable"]):
            continue
        for _press in range(2 if at["type"] == "checkbox" else 1):  # a checkbox: ticked, then unticked again
            asked = page.evaluate(ASKED)
            page.keyboard.press("Space")
            # The page's own change is made as the key is pressed, and it asks Python (so the wait below has an
            # answer to wait for); then Python's answer, and any transition.
            assert page.evaluate(ASKED) > asked, f"Space on {at['what']} asked the checker nothing"
            page.wait_for_function(ANSWERED, timeout=ANSWERED_TIMEOUT_MS)
            found += [f"after Space, {where}" for where in not_in_full_view(page.evaluate(FOCUS))]
    return found


def not_in_full_view(at: dict | None) -> list[str]:
    """The focus stop, as words, where it is not wholly clear of what sticks and of the screen's edges."""
    found: list[str] = []
    if at is not None:
        # Wholly: a box taller than the room left between what sticks cannot be shown, so it is hidden too.
        visible = (
            at["top"] >= at["clearTop"] - 1
            and at["bottom"] <= at["clearBottom"] + 1
            and at["left"] >= -1
            and at["right"] <= at["width"] + 1
        )
        if at["inDrawer"] or not visible:
            found.append(
                f"{at['what']}: {round(at['top'])}-{round(at['bottom'])} in {at['clearTop']}-{at['clearBottom']}"
            )
    return found


@pytest.fixture(params=sorted(VIEWPORTS))
def zoomed(browser, request):
    viewport, scale = VIEWPORTS[request.param]
    context = browser.new_context(
        viewport=viewport, device_scale_factor=scale, service_workers="block", bypass_csp=True, accept_downloads=True
    )
    context.add_init_script(COUNT_REQUESTS)
    yield context.new_page()
    context.close()


def test_every_focus_stop_of_the_check_is_in_full_view(zoomed, medway_url, tmp_path):
    page = zoomed
    open_checker(page, medway_url)
    hidden = {}
    steps = [
        ("page-risk", lambda: page.check("#immediate_risk-no")),
        ("page-child", lambda: page.fill("#age", "8")),
        ("page-worries", lambda: (tick(page, "l2-bereavement"), tick(page, "l3-complex-disability"))),
        ("page-strengths", lambda: page.click("#page-strengths details > summary")),  # a group's strengths
        (
            "page-questions",
            lambda: [
                page.check(f"#{q}")
                for q in ("significant_harm-no", "support_not_improving-no", "social_worker-none", "consent-given")
            ],
        ),
    ]
    # Continue with nothing answered: the error summary, a state of its own for axe.
    assert continue_from(page, "page-risk") != []
    hidden["errors, axe"] = [v["id"] for v in axe_violations(page)]
    for page_id, answer in steps:
        hidden[f"{page_id}, Space on a first answer"] = first_answers_with_space(page)
        answer()
        # What the answers show (the banner, notes) comes with Python's answers, later: walk the page once they have.
        page.wait_for_function(ANSWERED, timeout=30_000)
        hidden[page_id] = hidden_focus(page)
        hidden[f"{page_id}, axe"] = [(v["id"], v["nodes"]) for v in axe_violations(page)]
        # What sticks (the header, the banner where it sticks) takes at most a fifth of the height at 320 px
        # (issue 25), and at most a quarter on any screen (a 360 px phone: about a fifth, where the level and
        # route wrap to three lines).
        limit = 0.2 if page.viewport_size["width"] <= 320 else 0.25
        if (share := page.evaluate(COVERED)) > limit:
            hidden[page_id].append(f"sticky parts take {share:.1%} of the height")
        assert continue_from(page, page_id) == []
        # The script puts the focus on the next page's title: it lands in full view, whatever else the
        # arrival scrolls into view (on the result, what to do first).
        hidden[f"{page_id}, on to the next page"] = not_in_full_view(page.evaluate(FOCUS))
    hidden["result"] = hidden_focus(page)
    hidden["result, axe"] = [v["id"] for v in axe_violations(page)]
    # Back, by keyboard, from the result through every page to the first: each page's title, where focus
    # lands, in full view (the browser must not scroll the page back to where it was left).
    for page_id in ("page-questions", "page-strengths", "page-worries", "page-child", "page-risk"):
        page.focus(".lon-page:not([hidden]) [data-back]")
        page.keyboard.press("Enter")
        page.wait_for_selector(f"#{page_id}:not([hidden])")
        hidden[f"{page_id}, after Back"] = not_in_full_view(page.evaluate(FOCUS))
    write_details(page)
    hidden["referral details"] = hidden_focus(page)
    hidden["referral details, axe"] = [v["id"] for v in axe_violations(page)]
    # Back to the result by the banner's "See the result", by keyboard.
    page.focus("#lon-current-go")
    page.keyboard.press("Enter")
    page.wait_for_selector("#page-answers:not([hidden])")
    hidden["result, from the banner"] = not_in_full_view(page.evaluate(FOCUS))
    # Saved, cleared, and opened again from the first page: focus on the opened check's first heading.
    opened = save_then_clear(page, tmp_path)
    page.set_input_files("#lon-open", str(opened))
    page.wait_for_selector("#page-answers:not([hidden])")
    hidden["result, after opening a saved check"] = not_in_full_view(page.evaluate(FOCUS))
    # The opened check's result is asked for as its page shows (check.js, applyOpened): walk it once it has come.
    page.wait_for_function(ANSWERED, timeout=30_000)
    hidden["result, opened"] = hidden_focus(page)
    assert {where: found for where, found in hidden.items() if found} == {}


def test_every_focus_stop_of_the_practice_page_is_in_full_view(zoomed, medway_url, thresholds):
    page = zoomed
    scenario = thresholds.scenarios[0].id
    page.goto(f"{medway_url}/training/practice/#{scenario}")
    page.wait_for_selector("#lon-practice[data-engine=ready]", timeout=60_000)
    hidden = hidden_focus(page)
    assert hidden == []
    assert [(v["id"], v["nodes"]) for v in axe_violations(page)] == []
