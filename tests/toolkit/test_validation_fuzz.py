"""Fuzzing: hundreds of generated bad files through `validate` and `check --thresholds`.

Every run must end in a clear answer: exit 0, or exit 1 with one `file:line: path: message` line per
problem. Never a traceback, and never a hang: each run has 10 s (a correctness limit, not a speed
target: an alias bomb or a 50 MB file used to run for minutes).

The runs call the command's entry point in this process (tests/toolkit_cli.py), not hundreds of Python
starts; a handful of the same files also go through the real `python -m toolkit`, which must say the
same, so what is tested in process is what a user gets.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import signal
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
import yaml_data
from bad_files import OTHER_BASES, SEED, SOURCES, Case, generate, schema_field_cases
from conftest import ROOT
from schema_walk import walk
from toolkit_cli import run_toolkit

# Hundreds of runs of the whole command on generated files: `make test` only, not `make check`.
pytestmark = pytest.mark.slow

TIMEOUT_S = 10
COMMANDS = {
    "validate": lambda file: ["validate", str(file)],
    "check": lambda file: ["check", "--thresholds", str(file), "--age", "7"],
}
# The files that also go through the real command: one of each hard kind (a parser's limits, where a
# fresh process and this one could differ most), a checker disagreement, markup, and a valid edit.
SAMPLED = (
    "issue-nesting-1000",
    "issue-alias-bomb",
    "issue-nul",
    "issue-integer-4301-digits",
    "scenario-disagrees",
    "markup",
)


class StillRunning(BaseException):
    """The run's time is up (a BaseException, so that no `except Exception` in the command swallows it)."""


@contextlib.contextmanager
def time_limit(seconds: float):
    def stop(signum, frame):
        raise StillRunning

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(command: str, file: Path) -> tuple[int | None, str]:
    """The command on the file, in this process: its exit code (None if it ran out of time) and stderr.
    An exception that escapes the command is written as a traceback, as `python -m toolkit` would."""
    try:
        with time_limit(TIMEOUT_S):
            done = run_toolkit(*COMMANDS[command](file))
    except StillRunning:
        return None, f"still running after {TIMEOUT_S} s"
    except Exception:
        return 1, traceback.format_exc()
    return done.returncode, done.stderr


def run_real(command: str, file: Path) -> tuple[int | None, str]:
    args = [sys.executable, "-m", "toolkit", *COMMANDS[command](file)]
    try:
        done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return None, f"still running after {TIMEOUT_S} s"
    return done.returncode, done.stderr


def verdict(case: Case, command: str, file: Path) -> str | None:
    """What is wrong with how the command treated the file, or None."""
    code, stderr = run(command, file)
    if code is None:
        return stderr
    if "Traceback" in stderr:
        return "traceback: " + stderr.strip().splitlines()[-1]
    allowed = case.validate_exits if command == "validate" else case.check_exits
    if code not in allowed:
        return f"exit {code}, expected one of {sorted(allowed)}; stderr: {stderr[:300]!r}"
    if code == 1:
        line = re.compile(rf"^{re.escape(str(file))}:\d+: [^:]+: \S.*$")
        lines = stderr.splitlines()
        if not lines:
            return "exit 1 with no message"
        for text in lines:
            if not line.match(text) or not text.isprintable():
                return f"not a one-line problem: {text[:200]!r}"
    return None


def written(cases: list[Case], folder: Path) -> list[tuple[Case, Path]]:
    files = []
    for case in cases:
        file = folder / f"{case.name}.yml"
        file.write_bytes(case.content)
        files.append((case, file))
    return files


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    """The generated files for the seed, made once for the tests that read them."""
    return generate()


def test_at_least_300_generated_bad_files_give_a_clear_answer_quickly(cases, tmp_path):
    assert len(cases) >= 300
    jobs = [(case, command, file) for case, file in written(cases, tmp_path) for command in COMMANDS]
    verdicts = [(job, verdict(*job)) for job in jobs]  # one at a time: the command owns stdout while it runs
    failures = [f"{case.name} ({command}): {problem}" for (case, command, _), problem in verdicts if problem]
    assert not failures, f"{len(failures)} of {len(jobs)} runs failed:\n" + "\n".join(failures[:40])


def test_the_real_command_says_what_the_command_in_this_process_says(cases, tmp_path):
    """A sample of the generated files through `python -m toolkit` itself: the same exit code and the
    same words, so the in-process runs above stand for the real command."""
    sampled = [next(case for case in cases if kind in case.name) for kind in SAMPLED]
    valid = next(case for case in cases if 0 in case.validate_exits and case not in sampled)
    files = written([*sampled, valid], tmp_path)
    for case, file in files:
        for command in COMMANDS:
            real = run_real(command, file)
            assert real[0] is not None, (case.name, command, real[1])
            assert run(command, file) == real, (case.name, command)


def test_the_generated_files_are_the_same_for_the_same_seed():
    def digest(cases: list[Case]) -> str:
        return hashlib.sha256(b"".join(case.name.encode() + case.content[:100_000] for case in cases)).hexdigest()

    first = digest(generate(SEED, count=60))  # generated once for both comparisons
    assert first == digest(generate(SEED, count=60))
    assert first != digest(generate(SEED + 1, count=60))


def test_every_kind_of_bad_file_named_in_the_issue_is_generated(cases):
    names = " ".join(case.name for case in cases)
    for kind in (
        "issue-nesting-1000",
        "issue-nul",
        "issue-esc",
        "issue-list-key",
        "issue-map-key",
        "issue-self-alias",
        "issue-alias-bomb",
        "issue-integer-4301-digits",
        "issue-level-name-of-spaces",
        "issue-right-to-left-override",
        "issue-date-2026-13-45",
        "issue-stage-number-10^30",
        "fixed-50mb",
        "scenario-disagrees",
        "markup",
    ):
        assert kind in names, kind


def test_every_number_and_patterned_field_of_the_schema_is_fuzzed():
    """Derived from the schema: each field where the format expects a whole number is written in every
    other base, and each patterned field gets a trailing line break (issue 24, F7 and N6)."""
    data = {name: yaml_data.read(path) for name, path in SOURCES.items()}
    names = {case.name for case in schema_field_cases(data)}
    numbers = patterned = 0
    for tree in data.values():
        for path, value, schema in walk(tree):
            field = re.escape(".".join("*" if isinstance(p, int) else str(p) for p in path)).replace(r"\*", "[0-9]+")
            if schema.get("type") in ("integer", "number") and isinstance(value, int) and not isinstance(value, bool):
                numbers += 1
                bases = {m.group(1) for n in names if (m := re.fullmatch(rf"base-\w+-{field}-(\d+)", n))}
                assert bases == {str(i) for i in range(len(OTHER_BASES))}, path
            if isinstance(value, str) and isinstance(schema.get("pattern"), str):
                patterned += 1
                assert any(re.fullmatch(rf"line-break-\w+-{field}", n) for n in names), path
    assert numbers and patterned
