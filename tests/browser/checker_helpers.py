"""Driving the self-check page the way a person does, and reading it the way a person does."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from toolkit_cli import run_toolkit

from levels_of_need.questions import QUESTION_IDS

READY = "form[data-engine=ready]"

# The screens the page tests use: (viewport, device scale factor). A phone; 1280 x 720 at 200% zoom; 320 px
# wide (WCAG 1.4.10 reflow) and 256 high (1280 x 1024 at 400%).
SCREENS = {
    "360 px": ({"width": 360, "height": 740}, 2),
    "200% zoom": ({"width": 640, "height": 360}, 2),
    "320 px": ({"width": 320, "height": 256}, 1),
}

# Checks the page tests walk through (api.check_from_dict's form), one definition for every test file.
NO_RISK = {"immediate_risk": "no", "support_not_improving": "no", "social_worker": "none", "consent": "given"}
CHECKS = {
    "child protection": {
        "indicators": ["l3-complex-disability"],
        "age": 9,
        "answers": {**NO_RISK, "significant_harm": "yes"},
    },
    "early help": {"indicators": ["l2-domestic-abuse"], "age": 9, "answers": {**NO_RISK, "significant_harm": "no"}},
    "child in need": {
        "indicators": ["l3-complex-disability"],
        "age": 9,
        "answers": {**NO_RISK, "significant_harm": "no"},
    },
}
FAILED = "form[data-engine=failed]"

# Every value a user can enter or choose on the form, for comparing before and after.
SNAPSHOT = """() => [...document.querySelectorAll('#lon-check input, #lon-check textarea, #lon-check select')]
    .filter(el => el.type !== 'file' && el.id !== 'lon-summary')
    .map(el => [el.id, (el.type === 'checkbox' || el.type === 'radio') ? el.checked : el.value])"""


def open_checker(page, base: str):
    page.goto(f"{base}/check/")
    page.wait_for_selector(f"{READY}, {FAILED}", timeout=60_000)
    assert page.get_attribute("#lon-check", "data-engine") == "ready", page.inner_text("#lon-status")


def fill_check(page, check: dict) -> list[str]:
    """Go through the check's pages as a person does, setting them to a check (as in
    api.check_from_dict), and end on "Check your answers". Where Continue asks for an answer the
    check leaves out, stop on that page and return what the error summary asks."""
    clear_check(page)
    answers = dict(check.get("answers", {}))
    if "immediate_risk" in answers:
        page.check(f"#immediate_risk-{answers.pop('immediate_risk')}")
    if page.locator("#lon-stop").is_visible():
        see_the_result(page)  # the check stops here: only the result is left to see
        return []
    if asked := continue_from(page, "page-risk"):
        return asked
    if check.get("age") is not None:
        page.fill("#age", str(check["age"]))
    if check.get("unborn"):
        page.check("#unborn")
    typed = [q for q in answers if page.locator(f"textarea#{q}-typed").count()]  # words, not an option's id
    for question in [q for q in answers if q not in typed and page.locator(f"#page-child #{q}-{answers[q]}").count()]:
        page.check(f"#{question}-{answers.pop(question)}")  # asked with the age: the child's area
    if asked := continue_from(page, "page-child"):
        return asked
    strengths = [i for i in check.get("indicators", ()) if is_strength(page, i)]
    for indicator in check.get("indicators", ()):
        if indicator not in strengths:
            tick(page, indicator)
    continue_from(page, "page-worries")
    if page.locator("#page-strengths").count():
        for indicator in strengths:
            tick(page, indicator)
        continue_from(page, "page-strengths")
    for question, value in answers.items():
        # A partnership's free-text question is a box (QUESTION-typed); a question asked only for some worries
        # shows once Python says the worries ticked ask it, which fill and check wait for.
        if page.locator(f"textarea#{question}-typed").count():
            page.fill(f"#{question}-typed", value)
        else:
            page.check(f"#{question}-{value}")
    for indicator in check.get("confirmed", ()):
        # Offered only once Python has challenged the answer beside this indicator.
        escaped = indicator.replace(":", "\\:")  # "age:ID", a worry confirmed for another age
        page.wait_for_selector(f"#confirm-box-{escaped}:not([hidden])", timeout=10_000)
        page.check(f"#confirm-{escaped}")
    return continue_from(page, "page-questions")


def continue_from(page, page_id: str) -> list[str]:
    """Press Continue: [] once the page has gone, or the lines of the error summary if it stays.

    An error summary shown before the press (the last Continue's) stays on screen until Python has read the
    new answer, so it is no answer to this press: its lines are marked first, and only a summary drawn anew
    (the page replaces its lines) counts. Without this, a corrected answer read as still wrong whenever
    Python was slower than the test (seen under load)."""
    page.evaluate("() => document.querySelectorAll('#lon-error-list li').forEach((li) => { li.dataset.before = '' })")
    page.click(f"#{page_id} .lon-continue")
    page.wait_for_selector(
        f"#{page_id}[hidden], #lon-error-summary:not([hidden]) #lon-error-list li:not([data-before])",
        state="attached",
        timeout=10_000,
    )
    if page.locator(f"#{page_id}").is_hidden():
        return []
    return [line.strip() for line in page.locator("#lon-error-list li").all_inner_texts()]


def open_saved(page, thresholds, check: dict, tmp_path) -> None:
    """Open the check as a saved file (made by Python's save_check) and end on "Check your answers":
    the way to see the result of a check that Continue would not let past a page unanswered."""
    from levels_of_need import saved

    file = tmp_path / "check.json"
    file.write_text(saved.save_check(thresholds, check), encoding="utf-8")
    page.set_input_files("#lon-open", str(file))
    page.wait_for_selector("#lon-replace-ask:not([hidden]), #page-answers:not([hidden])")
    if page.locator("#lon-replace-ask").is_visible():
        page.click("#lon-replace-confirm")
    page.wait_for_selector("#page-answers:not([hidden])")


def to_the_worries(page, age: str = "10") -> None:
    """From the first page to the worries, as a person does: no immediate risk, then the age (the
    result needs both, so Continue asks for them first)."""
    page.check("#immediate_risk-no")
    continue_from(page, "page-risk")
    page.fill("#age", age)
    continue_from(page, "page-child")


def see_the_result(page) -> None:
    """The way to the result from a question page: the banner's "See the result", or, beside "Call now"
    (which nothing covers, so the banner is not shown), the panel's own link."""
    page.wait_for_selector("#lon-current:not([hidden]), #lon-stop:not([hidden])", timeout=10_000)
    page.click("#lon-stop-result" if page.locator("#lon-stop").is_visible() else "#lon-current-go")


def write_details(page) -> None:
    """From the result, "Write the referral summary": the page of the referral details (free text)."""
    if page.locator("#page-details").is_visible():
        return
    if not page.locator("#page-answers").is_visible():
        page.evaluate("document.getElementById('lon-current-go').click()")  # the way to the end from any page
    page.click("#lon-write")
    page.wait_for_selector("#page-details:not([hidden])")


def back_to_result(page) -> None:
    """From the referral details, "Back to the result"."""
    page.click("#page-details [data-go=page-answers]")
    page.wait_for_selector("#page-answers:not([hidden])")


def is_strength(page, indicator: str) -> bool:
    return page.evaluate("(id) => Boolean(document.getElementById(id).closest('#page-strengths'))", f"ind-{indicator}")


def tick(page, indicator: str) -> None:
    """Open the indicator's group, as a person does, and tick it."""
    box = page.locator(f"#ind-{indicator}")
    if not box.is_visible():
        group = page.evaluate("(id) => document.getElementById(id).closest('details').id", f"ind-{indicator}")
        page.click(f"#{group} > summary")
    box.check()


def clear_check(page) -> None:
    """Start again as a user does: "Clear everything" at the end of "Check your answers", then
    "Yes, clear everything". A fresh page needs nothing cleared. One press, with the pointer, whatever had the
    focus: leaving a box may show or clear its problems, which waits until the press is over
    (tests/browser/test_press_lands.py)."""
    if page.locator("#page-risk").is_visible() and not page.evaluate(HAS_INPUT):
        return
    if page.locator("#page-details").is_visible():
        back_to_result(page)
    if not page.locator("#page-answers").is_visible():
        page.evaluate("document.getElementById('lon-current-go').click()")  # the way to the end from any page
    page.click("#lon-clear")
    assert wait_until(page, "() => !document.getElementById('lon-clear-ask').hidden"), "one press did not clear"
    page.click("#lon-clear-confirm")
    page.wait_for_selector("#page-risk:not([hidden])")


HAS_INPUT = """() => [...document.querySelectorAll(
        '#lon-check input:not([type=file]):not([type=search]), #lon-check textarea:not([readonly]), #lon-check select')]
    .some(f => (f.type === 'checkbox' || f.type === 'radio') ? f.checked : f.value !== '')"""


def accept_dialogs(page) -> list[str]:
    """Accept every dialog (the "leave this page?" prompt among them) and record its type."""
    seen: list[str] = []

    def accept(dialog) -> None:
        seen.append(dialog.type)
        dialog.accept()

    page.on("dialog", accept)
    return seen


def change_answer(page, field: str) -> None:
    """From "Check your answers", "Change" beside an answer, as a person goes back to it."""
    if not page.locator("#page-answers").is_visible():
        page.evaluate("document.getElementById('lon-current-go').click()")
    page.locator(f"#lon-answers .lon-summary-row[data-field='{field}'] .lon-link-button").click()


def cli_args(check: dict) -> list[str]:
    args = [*check.get("indicators", ())]
    if check.get("unborn"):
        args.append("--unborn")
    if check.get("age") is not None:
        args += ["--age", str(check["age"])]
    for question, value in check.get("answers", {}).items():
        fixed = question in QUESTION_IDS  # the file's own questions (the area) go as --answer ID=VALUE
        args += [f"--{question.replace('_', '-')}", value] if fixed else ["--answer", f"{question}={value}"]
    for indicator in check.get("confirmed", ()):
        args += ["--confirm", indicator]
    return args


def cli(*args: str, thresholds: Path | None = None) -> str:
    """`python -m toolkit COMMAND ARGS…`, for Medway's file or the ``thresholds`` file given: its entry
    point, in this process (tests/toolkit/test_validation_fuzz.py holds the real command to the same)."""
    command, *rest = args
    chosen = ["--thresholds", str(thresholds)] if thresholds else []
    run = run_toolkit(command, *chosen, *rest)
    assert run.returncode == 0, f"{' '.join(run.args)} failed:\n{run.stdout}\n{run.stderr}"
    return run.stdout


def cli_check(check: dict) -> dict:
    return json.loads(cli("check", "--json", *cli_args(check)))


def as_seen(text: str) -> list[str]:
    """Text as a reader sees it: one line per paragraph or item, without blank lines or list markers
    (a browser draws the markers of <ol> and <ul> itself; the CLI writes them as text)."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [re.sub(r"^(- |\d+\. )", "", line) for line in lines if line]


def cli_result_text(check: dict, thresholds: Path | None = None) -> list[str]:
    """What `python -m toolkit check` prints for this check, as a reader sees it on the page."""
    return as_seen(without_addresses(cli("check", *cli_args(check), thresholds=thresholds)))


def without_addresses(text: str) -> str:
    """Python's result as text, as the page shows it: text has no links, so it writes a web page's address
    after the link's words; on the page the address is the link's, not words."""
    return re.sub(r" \(https://[^\s)]+\)", "", text)


def shown_result(page) -> list[str]:
    """What the page shows as the result, as a user sees it (visible text only): its top, led by what to
    do first, and the rest under Copy, Print and Save."""
    return as_seen(page.inner_text("#lon-result")) + as_seen(page.inner_text("#lon-result-more"))


def result_words(page) -> str:
    """The whole result as shown: its top and the rest under Copy, Print and Save."""
    return f"{page.inner_text('#lon-result')}\n{page.inner_text('#lon-result-more')}"


def wait_until(page, expression: str, arg=None, timeout: float = 10.0) -> bool:
    """Poll a JavaScript condition. (page.wait_for_function evaluates a string, which the site's CSP forbids.)"""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(expression, arg):
            return True
        time.sleep(0.05)
    return False


def wait_for_result(page, expected: list[str], timeout: float = 10.0) -> list[str]:
    """Wait until the page shows this result text; on timeout return what it shows instead."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and shown_result(page) != expected:
        time.sleep(0.05)
    return shown_result(page)


def tab_to(page, element_id: str, limit: int = 400) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} was not reached by Tab")


def is_site_search(worker) -> bool:
    """The theme's search worker, which the site starts from a blob: address as the checker's is
    (assets/search/blob-worker.js names it), so that both are held by the page's policy."""
    return worker.evaluate("() => self.name") == "site-search"


def checker_worker(page):
    """The checker's worker (Playwright's handle on it, to evaluate inside it): the page's one blob: worker
    that is not the site's search."""
    workers = [worker for worker in page.workers if worker.url.startswith("blob:") and not is_site_search(worker)]
    assert len(workers) == 1, [worker.url for worker in page.workers]
    return workers[0]


def save_then_clear(page, tmp_path: Path) -> Path:
    """Save the check to a file as a user does, then clear the page (confirmed): the file, ready to open."""
    with page.expect_download() as download:
        page.click("#lon-save")
    saved = tmp_path / "check.json"
    download.value.save_as(saved)
    page.click("#lon-clear")
    page.click("#lon-clear-confirm")
    page.wait_for_selector("#page-risk:not([hidden])")
    return saved
