"""Driving the self-check page the way a person does, and reading it the way a person does."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

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
    clear_check(page)
    for indicator in check.get("indicators", ()):
        page.check(f"#ind-{indicator}")
    if check.get("unborn"):
        page.check("#unborn")
    if check.get("age") is not None:
        page.fill("#age", str(check["age"]))
        page.locator("#age").blur()
    for question, value in check.get("answers", {}).items():
        page.check(f"#{question}-{value}")
    for indicator in check.get("confirmed", ()):
        # Offered only once Python has challenged the answer beside this indicator.
        page.wait_for_selector(f"#confirm-box-{indicator}:not([hidden])", timeout=10_000)
        page.check(f"#confirm-{indicator}")


def clear_check(page) -> None:
    """Clear the form as a user does: "Clear everything", then confirming it where the page asks."""
    page.click("#lon-clear")
    if page.locator("#lon-clear-confirm").is_visible():
        page.click("#lon-clear-confirm")


def cli_args(check: dict) -> list[str]:
    args = [*check.get("indicators", ())]
    if check.get("unborn"):
        args.append("--unborn")
    if check.get("age") is not None:
        args += ["--age", str(check["age"])]
    for question, value in check.get("answers", {}).items():
        args += [f"--{question.replace('_', '-')}", value]
    for indicator in check.get("confirmed", ()):
        args += ["--confirm", indicator]
    return args


def cli(*args: str, thresholds: Path | None = None) -> str:
    """`python -m toolkit COMMAND ARGS…`, for Medway's file or the ``thresholds`` file given."""
    command, *rest = args
    chosen = ["--thresholds", str(thresholds)] if thresholds else []
    run = subprocess.run(
        [sys.executable, "-m", "toolkit", command, *chosen, *rest], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return run.stdout


def cli_check(check: dict) -> dict:
    return json.loads(cli("check", "--json", *cli_args(check)))


def as_seen(text: str) -> list[str]:
    """Text as a reader sees it: one line per paragraph or item, without blank lines or list markers
    (a browser draws the markers of <ol> and <ul> itself; the CLI writes them as text)."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [re.sub(r"^(- |\d+\. )", "", line) for line in lines if line]


def cli_result_text(check: dict, thresholds: Path | None = None) -> list[str]:
    """What `python -m toolkit check` prints for this check, as a reader sees it."""
    return as_seen(cli("check", *cli_args(check), thresholds=thresholds))


def shown_result(page) -> list[str]:
    """What the page shows as the result, as a user sees it (visible text only)."""
    return as_seen(page.inner_text("#lon-result"))


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
