"""The site's accessibility statement, in the form the public sector accessibility regulations require.

A partnership is a public body: the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
Accessibility Regulations 2018 (regulation 8) require its site to publish a statement that gives the
compliance status, what is not accessible and why (with any accessible alternative), how to report a
problem or ask for content in another format, the enforcement procedure, and when the statement was
prepared and reviewed and the site tested. The partnership's facts (its contact, its dates, what it
knows of its own content) come from the ``accessibility:`` section of its file; what the toolkit
itself gets wrong is listed here, once (``TOOLKIT_ISSUES``), and each entry is held true by a test
(tests/browser/test_accessibility_statement.py), so the list cannot outlive a fix or miss a known fault.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from levels_of_need.model import Accessibility, Thresholds

# The statement's sentences, the regulations' and the standard's names included, are the message catalogue's
# phrases ("accessibility.*" in levels_of_need.interface), so that a language's site can give them in its words.
REGULATIONS_URL = "https://www.legislation.gov.uk/uksi/2018/952/contents"
EASS_URL = "https://www.equalityadvisoryservice.com/"


def markdown_link(words: Markup, url: str) -> Markup:
    """A Markdown link to one of the toolkit's own addresses, with the catalogue's words (already safe)."""
    return Markup("[{words}]({url})").format(words=words, url=url)


@dataclass(frozen=True)
class Issue:
    """Something on the site that is not accessible: what, the WCAG 2.2 criterion it fails, and what to do."""

    id: str
    problem: str
    criterion: str
    alternative: str = ""


# What the toolkit's own pages get wrong today, found by its tests. Each id has a test that shows the
# fault is still there (tests/browser/test_accessibility_statement.py): fix one, and that test fails
# until the entry goes.
TOOLKIT_ISSUES: tuple[Issue, ...] = ()  # the theme's one-key search shortcut was the last: now guarded


@dataclass(frozen=True)
class Statement:
    """What the statement says, for its template: each part the regulations require."""

    partnership: str
    site: str
    contact: Mapping[str, str]  # email, phone, textphone or url: how to report a problem; empty if none given
    team: str  # the named team that answers, or ""
    address: tuple[str, ...]  # a postal address, one line each, or ()
    respond_within: str
    prepared: str
    reviewed: str
    tested: str
    tested_by: str
    issues: tuple[Issue, ...]
    disproportionate_burden: tuple[str, ...]

    @property
    def reachable(self) -> bool:
        """Whether the statement says how to report a problem: a way to reach someone, not a name alone."""
        return bool(self.contact or self.address)

    @property
    def compliance(self) -> str:
        """The status the regulations ask for, as the catalogue's key for its sentence: partially compliant
        while any issue is listed; fully compliant only once the site has been tested (the file's
        ``tested``); otherwise not yet tested."""
        if self.issues:
            return "accessibility.partially-compliant"
        return "accessibility.fully-compliant" if self.tested else "accessibility.not-tested-against"


def statement(t: Thresholds) -> Statement:
    own = t.accessibility or Accessibility(contact={}, prepared="", reviewed="", tested="")
    partnership_issues = tuple(
        Issue(f"partnership-{i + 1}", issue.text, issue.criterion, issue.alternative)
        for i, issue in enumerate(own.known_issues)
    )
    return Statement(
        partnership=t.partnership.name,
        site=t.document.title,
        contact=dict(own.contact),
        team=own.team,
        address=own.address,
        respond_within=own.respond_within,
        prepared=own.prepared,
        reviewed=own.reviewed,
        tested=own.tested,
        tested_by=own.tested_by,
        issues=TOOLKIT_ISSUES + partnership_issues,
        disproportionate_burden=own.disproportionate_burden,
    )


def missing_facts(t: Thresholds) -> list[str]:
    """The facts the regulations require that the file does not give, for the build's warning."""
    own = t.accessibility
    wanted = {
        "a contact for reporting a problem": own and own.reachable,
        "the date it was prepared": own and own.prepared,
        "the date the site was last tested": own and own.tested,
    }
    return [words for words, given in wanted.items() if not given]
