"""``python -m toolkit ARGS`` in this process: what a CLI test needs, without a Python start per call.

The result is a ``subprocess.CompletedProcess`` with the exit code and the text written to stdout and
stderr, as a subprocess would give. A few tests still run the real command in a subprocess
(tests/toolkit/test_install.py runs the installed one; the fuzz test samples it), so the entry point
itself stays tested.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from pathlib import Path

from conftest import ROOT

from toolkit.cli import main


def run_toolkit(*args: str, cwd: Path = ROOT, stdin: str = "") -> subprocess.CompletedProcess[str]:
    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    os.chdir(cwd)
    try:
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            contextlib.ExitStack() as stack,
        ):
            stack.enter_context(_stdin(stdin))
            try:
                code = main(list(args))
            except SystemExit as exit:  # argparse's usage errors, as `python -m toolkit` exits with them
                code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
                if isinstance(exit.code, str):
                    print(exit.code, file=err)
    finally:
        os.chdir(before)
    return subprocess.CompletedProcess(["python", "-m", "toolkit", *args], code or 0, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _stdin(text: str):
    import sys

    saved = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = saved
