"""Issue 23: no function of the core or the toolkit branches more than a reader can follow. The measure is
radon's cyclomatic complexity (one, plus one for each branch, loop, boolean operator and comprehension's
condition), the figure the issue gave, with its limit of 15."""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class, Function

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 15


def functions(path: Path) -> list[Function]:
    found = []
    for block in cc_visit(path.read_text(encoding="utf-8")):
        found += block.methods if isinstance(block, Class) else [block]
    return found


def test_no_function_in_the_core_or_the_toolkit_has_a_cyclomatic_complexity_above_15():
    sources = sorted([*(ROOT / "core" / "levels_of_need").rglob("*.py"), *(ROOT / "toolkit").rglob("*.py")])
    assert len(sources) > 50  # the tree walked is the project's
    over = {
        f"{path.relative_to(ROOT)}:{function.lineno} {function.fullname}": function.complexity
        for path in sources
        for function in functions(path)
        if function.complexity > LIMIT
    }
    assert over == {}
