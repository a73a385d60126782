"""The lock file (requirements-dev.txt, from `make lock`) pins every dependency by name and version, and never
the toolkit itself: pip-compile lists the project when its dev extra names its own other extras, as a direct
reference to the folder it ran in (``levels-of-need-toolkit @ file:///...``). `make setup` would then build that
folder, whoever's it is (another checkout on the machine, or nothing on a fresh one), before the
`pip install -e .` that installs this checkout."""

from __future__ import annotations

import re

from conftest import ROOT

LOCK = ROOT / "requirements-dev.txt"
PINNED = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?==[^\s;@]+")


def requirement_lines() -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in LOCK.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def test_every_locked_requirement_is_a_name_pinned_to_a_version() -> None:
    lines = requirement_lines()
    assert len(lines) > 20, "the lock lists the dependencies"
    assert [line for line in lines if not PINNED.fullmatch(line)] == []


def test_the_lock_never_names_the_toolkit_or_a_folder() -> None:
    lines = requirement_lines()
    assert [line for line in lines if line.lower().startswith("levels-of-need")] == []
    assert [line for line in lines if "file:" in line or " @ " in line] == []
