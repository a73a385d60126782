"""Driving the self-check page the way a person does."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from conftest import ROOT

READY = "form[data-engine=ready]"
FAILED = "form[data-engine=failed]"

# Every value a user can enter or choose on the form, for comparing before and after.
SNAPSHOT = """() => [...document.querySelectorAll('#lon-check input, #lon-check textarea, #lon-check select')]
    .filter(el => el.type !== 'file' && el.id !== 'lon-summary')
    .map(el => [el.id, (el.type === 'checkbox' || el.type === 'radio') ? el.checked : el.value])"""


def open_checker(page, base: str):
    page.goto(f"{base}/check/")
    page.wait_for_selector(f"{READY}, {FAILED}", timeout=60_000)
    assert page.get_attribute("#lon-check", "data-engine") == "ready", page.inner_text("#lon-status")


def fill_check(page, check: dict) -> None:
    """Set the form to a check (as in api.check_from_dict), by clicking and typing."""
    page.click("#lon-clear")
    for indicator in check.get("indicators", ()):
        page.check(f"#ind-{indicator}")
    if check.get("unborn"):
        page.check("#unborn")
    if check.get("age") is not None:
        page.fill("#age", str(check["age"]))
        page.locator("#age").blur()
    for question, value in check.get("answers", {}).items():
        page.check(f"#{question}-{value}")


def cli_check(check: dict) -> dict:
    args = [sys.executable, "-m", "toolkit", "check", "--json", *check.get("indicators", ())]
    if check.get("unborn"):
        args.append("--unborn")
    if check.get("age") is not None:
        args += ["--age", str(check["age"])]
    for question, value in check.get("answers", {}).items():
        args += [f"--{question.replace('_', '-')}", value]
    run = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


SHOWN_RESULT = """(() => {
    const box = document.getElementById('lon-result');
    return {level: Number(box.dataset.level), route: box.dataset.route,
            reasons: [...box.querySelectorAll('.lon-reasons li')].map(li => li.dataset.id)};
})"""


def shown_result(page) -> dict:
    return page.evaluate(SHOWN_RESULT + "()")


def wait_until(page, expression: str, arg=None, timeout: float = 10.0) -> bool:
    """Poll a JavaScript condition. (page.wait_for_function evaluates a string, which the site's CSP forbids.)"""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(expression, arg):
            return True
        time.sleep(0.05)
    return False


def wait_for_result(page, expected: dict, timeout: float = 10.0) -> dict:
    """Wait until the page shows the expected result; on timeout return what it shows instead."""
    wait_until(page, "(e) => JSON.stringify(e) === JSON.stringify(" + SHOWN_RESULT + "())", expected, timeout)
    return shown_result(page)


def tab_to(page, element_id: str, limit: int = 400) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} was not reached by Tab")
