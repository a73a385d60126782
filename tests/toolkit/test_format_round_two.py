"""The format, round two (issue 29): the accessibility statement's named contact (a team, a postal address,
a textphone) and a route's consent "required unless…". Each misuse is one clear line, at its line and path."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_FILE

from toolkit.load import ThresholdsError, load_text

GOOD = EXAMPLE_FILE.read_text(encoding="utf-8")
ADDRESS = "    address: [Exampleton Web Accessibility Team (fictional), 1 Example Street, Exampleton, EX1 1XX]\n"
TEXTPHONE = '    textphone: "18001 01632 960222"\n'
WAYS = '    email: web-access@example.org\n    phone: "01632 960222"\n' + TEXTPHONE
UNLESS = 'consent_required: {unless: "seeking it would put the child at greater risk of harm (fictional example)"}'


def edit(old: str, new: str, at: str) -> tuple[str, int]:
    """The fictional file with one edit (its first place), and the line of ``at`` in the edited file."""
    assert old in GOOD, old
    text = GOOD.replace(old, new, 1)
    start = text.index(new)
    return text, text[: text.index(at, start)].count("\n") + 1


# (name, old, new, the line's text, the path, words of the message)
CASES = [
    (
        "address-written-as-one-text",
        ADDRESS,
        "    address: Exampleton Web Accessibility Team, 1 Example Street, Exampleton\n",
        "address:",
        "accessibility.contact.address",
        "write the postal address as a list of its lines",
    ),
    (
        "address-as-a-mapping",
        ADDRESS,
        "    address: {line1: 1 Example Street, line2: Exampleton}\n",
        "address:",
        "accessibility.contact.address",
        "write the postal address as a list of its lines",
    ),
    ("address-empty", ADDRESS, "    address: []\n", "address:", "accessibility.contact.address", "needs at least 1"),
    (
        "address-with-an-empty-line",
        ADDRESS,
        '    address: [1 Example Street, "", Exampleton]\n',
        "address:",
        "accessibility.contact.address[1]",
        "must not be empty",
    ),
    (
        "address-line-of-markup",
        ADDRESS,
        '    address: [1 Example Street, "<b>Exampleton</b>"]\n',
        "address:",
        "accessibility.contact.address[1]",
        "contains an HTML tag",
    ),
    (
        "address-line-that-is-a-list",
        ADDRESS,
        "    address: [[1 Example Street, Exampleton]]\n",
        "address:",
        "accessibility.contact.address[0]",
        "expected a string, got a list",
    ),
    (
        "textphone-that-is-not-a-number",
        TEXTPHONE,
        '    textphone: "textphone 18001"\n',
        "textphone:",
        "accessibility.contact.textphone",
        "'textphone 18001' is not in the expected form: Written as it should be shown",
    ),
    (
        "textphone-written-as-a-number",
        TEXTPHONE,
        "    textphone: 18001\n",
        "textphone:",
        "accessibility.contact.textphone",
        "expected a string, got a whole number",
    ),
    (
        "team-with-no-way-to-reach-it",
        WAYS + ADDRESS,
        "",
        "team:",
        "accessibility.contact",
        "give at least one way to report a problem: email, phone, textphone, url, address",
    ),
    (
        "team-left-empty",
        "    team: Exampleton Web Accessibility Team (fictional)\n",
        '    team: ""\n',
        "team:",
        "accessibility.contact.team",
        "must not be empty",
    ),
    (
        "contact-field-the-statement-does-not-know",
        ADDRESS,
        ADDRESS + '    fax: "01632 960999"\n',
        "fax:",
        "accessibility.contact.fax",
        "unknown field 'fax' (allowed: address, email, phone, team, textphone, url)",
    ),
    (
        # Any misspelt required field (the class of the misspelt 'unless'): one line, naming the field it misses.
        "required-field-misspelt",
        '  prepared: "2026-01-01"\n',
        '  prepard: "2026-01-01"\n',
        "prepard:",
        "accessibility.prepard",
        "unknown field 'prepard' (allowed: contact, disproportionate_burden, known_issues, prepared, respond_within, "
        "reviewed, tested, tested_by): is it 'prepared', which is missing?",
    ),
    (
        "consent-required-as-words",
        UNLESS,
        "consent_required: unless seeking it would put the child at greater risk",
        "consent_required:",
        "levels[statutory-social-work].routes[child-in-need-assessment].consent_required",
        'write true, false, or {unless: "…"}',
    ),
    (
        "consent-required-with-no-exception",
        UNLESS,
        "consent_required: {}",
        "consent_required:",
        "levels[statutory-social-work].routes[child-in-need-assessment].consent_required",
        "missing required field 'unless'",
    ),
    (
        "consent-required-with-empty-exception",
        UNLESS,
        'consent_required: {unless: ""}',
        "consent_required:",
        "levels[statutory-social-work].routes[child-in-need-assessment].consent_required.unless",
        "must not be empty",
    ),
    (
        "consent-required-with-a-misspelt-key",
        UNLESS,
        'consent_required: {unles: "seeking it would put the child at risk"}',
        "consent_required:",
        "levels[statutory-social-work].routes[child-in-need-assessment].consent_required.unles",
        "unknown field 'unles' (allowed: unless): is it 'unless', which is missing?",
    ),
    (
        "consent-required-with-a-list-of-exceptions",
        UNLESS,
        "consent_required: {unless: [greater risk, significant harm]}",
        "consent_required:",
        "levels[statutory-social-work].routes[child-in-need-assessment].consent_required.unless",
        "expected a string, got a list",
    ),
    (
        "consent-exception-of-markup",
        UNLESS,
        'consent_required: {unless: "<em>seeking it</em> would put the child at risk"}',
        "consent_required:",
        "levels[statutory-social-work].routes[child-in-need-assessment].consent_required.unless",
        "contains an HTML tag",
    ),
    (
        # Never lead with consent where a child may be at risk of significant harm: "required unless…" is
        # required, so the route that "yes" to significant harm reaches cannot take it, as it cannot take true.
        "harm-route-that-requires-consent-unless",
        "        consent_required: false\n",
        '        consent_required: {unless: "asking would put the child at greater risk"}\n',
        "route: protection-enquiry",
        "rules[harm].route",
        "consent_required: false and a first step that does not seek consent",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "at", "path", "words"), CASES, ids=[c[0] for c in CASES])
def test_each_misuse_is_one_clear_line(name, old, new, at, path, words):
    text, line = edit(old, new, at) if not name.startswith("harm-") else _harm_edit(old, new, at)
    with pytest.raises(ThresholdsError) as refused:
        load_text(text, "thresholds.yml")
    problems = refused.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    [problem] = problems
    assert (problem.line, problem.path) == (line, path), str(problem)
    assert words in problem.message, problem.message


def _harm_edit(old: str, new: str, at: str) -> tuple[str, int]:
    """The edit on the route, the problem on the rule that reaches it (another part of the file)."""
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    return text, text[: text.index(at, text.index("  - id: harm\n"))].count("\n") + 1


def test_the_fictional_file_uses_both_and_the_model_reads_them():
    t = load_text(GOOD)
    own = t.accessibility
    assert own is not None and own.team and own.address and own.contact["textphone"]
    assert own.address == (
        "Exampleton Web Accessibility Team (fictional)",
        "1 Example Street",
        "Exampleton",
        "EX1 1XX",
    )
    route = next(r for _, r in t.routes() if r.id == "child-in-need-assessment")
    # Required, exactly as true: the exceptions are words to show, not a third state the checker decides.
    assert route.consent_required is True
    assert route.consent_unless == "seeking it would put the child at greater risk of harm (fictional example)"
    assert all(r.consent_unless == "" for _, r in t.routes() if r.id != "child-in-need-assessment")


def test_true_is_still_written_as_before():
    text = GOOD.replace(UNLESS, "consent_required: true", 1)
    route = next(r for _, r in load_text(text).routes() if r.id == "child-in-need-assessment")
    assert (route.consent_required, route.consent_unless) == (True, "")
