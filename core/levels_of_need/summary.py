"""The referral summary: plain text or Markdown, generated from a check.

Structured by the partnership's own referral questions, then the Signs of
Safety headings and the child's voice. Identifying details are never asked for:
the summary leaves bracketed placeholders for the referrer to fill in the
partnership's own form. Standard library only (runs in the browser).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields

from .model import Thresholds
from .present import (
    challenge_text,
    headline,
    level_and_route,
    overruled_answer,
    reason_text,
    still_to_answer,
    to_text,
)
from .rules import Check, Result

PLACEHOLDER_DETAILS = (
    "[Child’s name]",
    "[Date of birth]",
    "[Ethnicity]",
    "[Address]",
    "[Telephone numbers]",
    "[Language, and whether an interpreter is needed]",
    "[Family composition]",
)

# The referrer's own words: field name and the question the form asks.
DETAIL_LABELS = {
    "worry": "What you are worried about, in your own words",
    "impact": "The impact on the child",
    "tried": "What has been tried",
    "worked": "What worked, and what did not",
    "professionals": "Other professionals involved",
    "child_voice": "The child’s voice: their wishes and feelings",
    "strengths": "Strengths and existing safety",
    "needs": "What needs to happen",
    "family_view": "The family’s view",
    "availability": "When and how you can be contacted",
}


@dataclass(frozen=True)
class Details:
    """The referrer's own words. Every field is optional."""

    worry: str = ""
    impact: str = ""
    tried: str = ""
    worked: str = ""
    professionals: str = ""
    child_voice: str = ""
    strengths: str = ""
    needs: str = ""
    family_view: str = ""
    availability: str = ""

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> Details:
        names = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in values.items() if k in names})


Block = tuple[str, list[str]]


def summary_blocks(thresholds: Thresholds, check: Check, result: Result, details: Details) -> list[Block]:
    blocks: list[Block] = [("Suggested level", _level_lines(thresholds, result))]
    checked = [challenge_text(thresholds, c) for c in result.challenges]
    overruled = overruled_answer(thresholds, result)
    if overruled:
        checked.append(overruled)
    if checked:
        if check.confirm_note:
            checked.append(f"The referrer’s reason: {check.confirm_note}")
        blocks.append(("Answers the checker asked the referrer to check", checked))
    if result.override:
        blocks.append(("Professional view of the level", _override_lines(result)))
    for number, question in enumerate(thresholds.data.get("referral_questions", ()), start=1):
        answer = _answer(question["id"], thresholds, check, result, details)
        blocks.append((f"{number}. {question['question']}", answer))
    blocks.append(
        (
            "Signs of Safety: what are we worried about?",
            _or_placeholder(
                [details.worry, _labelled("Impact on the child", details.impact)],
                "[The harm and the worries, in your words]",
            ),
        )
    )
    blocks.append(("Signs of Safety: what is working well?", _strength_lines(result, details)))
    blocks.append(
        (
            "Signs of Safety: what needs to happen?",
            _or_placeholder(
                [details.needs, _labelled("The family’s view", details.family_view)], "[What needs to happen]"
            ),
        )
    )
    blocks.append(("The child’s voice", _or_placeholder([details.child_voice], "[The child’s wishes and feelings]")))
    blocks.append(
        (
            "Thresholds",
            [
                f"{thresholds.document['title']}, version {result.thresholds_version}.",
                "Suggested by the Levels of Need self-check. It does not replace professional judgement.",
            ],
        )
    )
    return blocks


def render_text(thresholds: Thresholds, check: Check, result: Result, details: Details) -> str:
    out = [f"REFERRAL SUMMARY: {thresholds.partnership['name']}", ""]
    for heading, lines in summary_blocks(thresholds, check, result, details):
        out += [heading, "-" * min(len(heading), 72), *lines, ""]
    return "\n".join(out).rstrip() + "\n"


def render_markdown(thresholds: Thresholds, check: Check, result: Result, details: Details) -> str:
    """Markdown in which every text, the referrer's own words above all, is literal: no HTML, link or
    heading can come from what was typed."""
    out = [f"# Referral summary: {markdown_text(thresholds.partnership['name'], heading=True)}", ""]
    for heading, lines in summary_blocks(thresholds, check, result, details):
        out += [f"## {markdown_text(heading, heading=True)}", ""]
        for line in filter(None, lines):
            bullet = line.startswith("- ")
            text = markdown_text(line[2:] if bullet else line)
            out.append(f"- {text}" if bullet else f"{text}  ")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# Backslash escapes for the characters that make links, images, emphasis, code, headings and
# tables anywhere in a line; the three that start HTML or entities become entities instead.
_MARKDOWN_SPECIAL = str.maketrans({**{c: "\\" + c for c in "\\`*_[]()#!|~"}, "&": "&amp;", "<": "&lt;", ">": "&gt;"})
# What starts a list or a setext heading only at the start of a line: "-", "+", "=", "12." or "12)".
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+)")


def markdown_text(text: str, heading: bool = False) -> str:
    """Text made literal in Markdown; line breaks inside it become Markdown line breaks. A heading's
    text is one line, after "## ", where nothing can start a list."""
    if heading:
        return " ".join(text.split()).translate(_MARKDOWN_SPECIAL)
    return "  \n".join(_literal_line(line) for line in text.splitlines())


def _literal_line(line: str) -> str:
    line = line.translate(_MARKDOWN_SPECIAL)
    match = _LINE_START.match(line)
    if match is None:
        return line
    start, end = match.span(2)
    if match.group(2).isdigit():  # a numbered list needs its "." or ")" escaped
        return line[:end] + "\\" + line[end:] if line[end : end + 1] in (".", ")") else line
    return line[:start] + "\\" + line[start:]


# ---- Parts -------------------------------------------------------------------------


def _level_lines(thresholds: Thresholds, result: Result) -> list[str]:
    if result.emergency:
        lines = ["IMMEDIATE RISK: call now."]
        lines += [f"- {c.name}: {c.phone or c.email or c.url}" for c in result.emergency_contacts]
        return lines
    # The same words as the page: the headline, what is still open, then every reason.
    lines = [headline(result), *to_text(still_to_answer(thresholds, result)).strip().splitlines(), "Reasons:"]
    lines += [f"- {reason_text(reason)}" for reason in result.reasons]
    return lines


def _override_lines(result: Result) -> list[str]:
    assert result.override and result.override_level
    suggested = level_and_route(result.level, result.route) if result.route else "no level yet (not finished)"
    return [
        f"The referrer considers {result.override_level.label} to be right, rather than the suggested {suggested}.",
        f"Reason given: {result.override.reason or '[Reason]'}",
    ]


def _answer(question_id: str, thresholds: Thresholds, check: Check, result: Result, details: Details) -> list[str]:
    if question_id == "consent":
        consent = check.answers.get("consent")
        words = thresholds.question("consent").option(consent).words.capitalize() + "." if consent else None
        lines = [words or "[Has consent been sought? Given or refused?]"]
        if check.consent_note:
            lines.append(f"Why, or what was done to seek it: {check.consent_note}")
        return lines
    if question_id == "personal-details":
        return [*PLACEHOLDER_DETAILS, _age_line(check)]
    if question_id == "other-professionals":
        return _or_placeholder([details.professionals], "[Other professionals working with the family]")
    if question_id == "concerns":
        lines = _or_placeholder([details.worry], "[What I am concerned about, in my own words]")
        if details.impact:
            lines.append(f"Impact on the child: {details.impact}")
        worries = [r for r in result.reasons if r.kind == "indicator"]
        if worries:
            lines.append("Threshold indicators:")
            lines += [f"- Level {r.level.number}, {r.domain}: {r.text}" for r in worries]
        return lines
    if question_id == "what-has-been-done":
        lines = _or_placeholder(
            [details.tried, _labelled("What worked", details.worked)],
            "[What has been done already, and what worked or did not]",
        )
        if check.answers.get("support_not_improving") == "yes":
            lines.append("Help has already been tried without enough improvement.")
        return lines
    if question_id == "availability":
        return _or_placeholder([details.availability], "[When and how I can be contacted]")
    return ["[Your answer]"]


def _strength_lines(result: Result, details: Details) -> list[str]:
    lines = [details.strengths] if details.strengths else []
    lines += [f"- {s.text}" for s in result.strengths]
    return lines or ["[Strengths and existing safety]"]


def _age_line(check: Check) -> str:
    if check.unborn:
        return "Age: unborn"
    return f"Age: {check.age} years" if check.age is not None else "[Age]"


def _labelled(label: str, text: str) -> str:
    return f"{label}: {text}" if text else ""


def _or_placeholder(lines: list[str], placeholder: str) -> list[str]:
    kept = [line for line in lines if line]
    return kept or [placeholder]
