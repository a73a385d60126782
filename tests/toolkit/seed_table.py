"""List the bullets of the seed's "Medway Levels of Need and Support" table.

The seed is text extracted from the partnership's PDF. The table runs from the
"Child Developmental Needs" heading to the second "Appendix 2" footer. Layout
lines (column headings, level titles, page footers) are named here so that
everything else is treated as indicator wording: a new bullet starts at "- " or
at a capital letter or digit, and any other line continues the one before, as
does a line that follows a comma or a dangling "and"/"or" (a wrapped line).
"""

from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
THRESHOLD_SEED = next(SEEDS.glob("001_*.txt"), None) if SEEDS.exists() else None

LAYOUT_LINES = {
    "Child Developmental Needs",
    "Threshold",
    "Medway Levels of Need and Support",
    "1. Universal – Children with",
    "no additional needs",
    "2.",
    "Has needs met within universal",
    "provision. May need limited intervention",
    "to avoid needs arising.",
    "Early Help – Children with additional needs",
    "Has additional needs identified that can be met within identified resources through a single",
    "agency response and robust partnership working",
    "3. Statutory Social Care – Children with complex multiple needs",
    "Statutory service to address complex/ multiple needs or is in need of protection (include",
    "CIN)",
    "Family & Environment",
    "Appendix 2",
    "Parents & Carers",
}


WRAPPED = re.compile(r"(,|\b(and|or))$")


def table_lines(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index("Child Developmental Needs")
    end = lines.index("Accessing Support")
    return lines[start:end]


def seed_bullets(text: str) -> list[str]:
    bullets: list[str] = []
    for line in table_lines(text):
        if not line or line in LAYOUT_LINES or line == "-":
            continue
        if line.startswith("- "):
            bullets.append(line[2:])
        elif bullets and WRAPPED.search(bullets[-1]):
            bullets[-1] += " " + line
        elif re.match(r"[A-Z0-9]", line) or not bullets:
            bullets.append(line)
        else:
            bullets[-1] += " " + line
    return [re.sub(r"\s+", " ", b).strip() for b in bullets]


# The table's column cells, in the order the extraction wrote them, each named
# by its first bullet and the level of its column. Every bullet belongs to the
# cell most recently started.
CELL_STARTS = {
    "Good education attendance (over 90%)": 1,
    "Concerns about impact of absence/ truancy, exclusion from school": 2,
    "Serious concerns about impact of significant and complex learning/ physical disability on child’s welfare": 3,
    "Stable relationships with caregivers": 1,
    "Protected by carers": 1,
    "Dental decay due to poor hygiene": 2,
    "Person posing a risk to a child": 3,
    "Parental learning or physical disability impacting upon child’s welfare and safety": 3,
}


def seed_bullets_by_level(text: str) -> dict[str, int]:
    levels: dict[str, int] = {}
    level = 0
    for bullet in seed_bullets(text):
        level = CELL_STARTS.get(bullet, level)
        levels[bullet] = level
    return levels
