"""`validate`'s warning where an indicator's or a rule's words name an imminent or immediate risk of harm
but it is not marked ``describes_immediate_risk``.

"Imminent risk of significant harm due to poor supervision", ticked beside a "no" to the question on
immediate risk, contradicts that answer: the checker challenges it only where the file marks the words.
The words are the partnership's, so this is a warning (the file stays valid), as for ages (named_ages.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from levels_of_need.model import Thresholds

# "imminent risk of significant harm", "immediate danger", "at immediate risk of harm": imminent or immediate
# beside harm or danger. "Imminent risk of family homelessness" names no harm: not this.
IMMEDIATE = re.compile(r"\b(imminent|immediate)(ly)?\b(?=[^.;]*\b(harm|danger))|\bimmediate danger\b", re.IGNORECASE)


def names_immediate_risk(text: str) -> bool:
    return IMMEDIATE.search(text) is not None


def immediate_risk_warnings(thresholds: Thresholds) -> Iterator[str]:
    """One warning per worry, or ``raise`` rule, whose words name an imminent or immediate risk of harm
    without ``describes_immediate_risk``."""
    items = [(f"indicators[{i.id}]", i.text, i.describes_immediate_risk) for i in thresholds.indicators]
    items += [(f"rules[{r.id}]", r.text, r.describes_immediate_risk) for r in thresholds.rules if r.kind == "raise"]
    strengths = {f"indicators[{i.id}]" for i in thresholds.indicators if i.is_strength}
    for where, text, marked in items:
        if not marked and where not in strengths and names_immediate_risk(text):
            yield (
                f"{where}: its words name an imminent or immediate risk of harm but it is not marked "
                "describes_immediate_risk: true, so a “no” to the question on immediate risk beside it is not "
                "challenged"
            )
