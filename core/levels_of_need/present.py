"""A result as the words every surface shows: the self-check page, the CLI and the summary.

``result_view`` gives the result as a small tree of nodes ({"tag", "text" | "children",
"attrs"}). The browser builds it with text nodes only (nothing is parsed as HTML), and
``to_text`` writes the same tree as the CLI's plain text, so the page and the CLI say the same
thing. Sentences about how the checker works name the checker; the guidance's own words come
from the partnership's file.

Standard library only (runs in the browser).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .model import Contact, Level, Route, Rule, Step, Thresholds, Timescale
from .questions import AGE
from .rules import Challenge, Reason, Result

Node = dict[str, Any]

AGE_TOPIC = "The child’s age in years, or that the child is unborn"


# ---- Nodes ------------------------------------------------------------------------------------


def node(tag: str, *children: Node | str, **attrs: str) -> Node:
    """A block or inline element; plain strings become text."""
    parts = [{"text": c} if isinstance(c, str) else c for c in children]
    out: Node = {"tag": tag}
    if len(parts) == 1 and set(parts[0]) == {"text"}:
        out["text"] = parts[0]["text"]
    else:
        out["children"] = parts
    if attrs:
        out["attrs"] = {k.rstrip("_"): v for k, v in attrs.items()}
    return out


BLOCKS = {"h2", "h3", "h4", "p", "ul", "ol", "li", "div", "section"}


def to_text(nodes: Iterable[Node]) -> str:
    """Plain text: one line per paragraph or list item, a blank line between blocks."""
    lines: list[str] = []
    for item in nodes:
        _write(item, lines, marker="")
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _write(item: Node, lines: list[str], marker: str) -> None:
    tag = item.get("tag")
    if tag in ("ul", "ol"):
        for number, child in enumerate(item.get("children", ()), start=1):
            _write(child, lines, marker="- " if tag == "ul" else f"{number}. ")
        lines.append("")
    elif tag in BLOCKS and tag != "li" and any(c.get("tag") in BLOCKS for c in item.get("children", ())):
        for child in item["children"]:
            _write(child, lines, marker="")
    else:
        lines.append(marker + inline_text(item))
        if tag != "li":
            lines.append("")


def inline_text(item: Node) -> str:
    if "text" in item:
        return item["text"]
    return "".join(inline_text(child) for child in item.get("children", ()))


# ---- Phone numbers and links ------------------------------------------------------------------


def tel_href(phone: str) -> str:
    """A UK number as written ("01632 960999") to an international tel: link."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("0") and len(digits) >= 10:
        return f"tel:+44{digits[1:]}"
    return f"tel:{digits}"


def contact_nodes(contact: Contact) -> list[Node | str]:
    """ "Name: 01632 960999", with every way of reaching the contact as a link; a web page alone is
    a link named after the contact."""
    if not contact.phone and not contact.email and contact.url:
        return [node("a", contact.name, href=contact.url)]
    ways: list[Node] = []
    if contact.phone:
        ways.append(node("a", contact.phone, href=tel_href(contact.phone)))
    if contact.email:
        ways.append(node("a", contact.email, href=f"mailto:{contact.email}"))
    if contact.url:
        ways.append(node("a", "web page", href=contact.url))
    parts: list[Node | str] = [f"{contact.name}: "]
    for n, way in enumerate(ways):
        parts += [", "] * (n > 0) + [way]
    return parts


def timescale_text(timescale: Timescale) -> str:
    return f"Timescale: {timescale.label}, {timescale.within}."


# ---- The result -------------------------------------------------------------------------------


def headline(result: Result) -> str:
    """One line: what the live region announces, and the heading of the result."""
    if result.emergency:
        return "Immediate risk: call now."
    if result.route is not None:
        return f"Suggested level: {level_and_route(result.level, result.route)}."
    if result.level is None:
        return "No suggested level yet."
    if result.level_settled:
        return f"Suggested level: {result.level.label}. The route is not decided yet."
    return f"So far: at least {result.level.label}. The level and route are not decided yet."


def level_and_route(level: Level | None, route: Route) -> str:
    """ "Level 3: Specialist help, Child protection enquiry", or the level alone where it has one route."""
    assert level is not None
    return level.label if len(level.routes) == 1 else f"{level.label}, {route.name}"


def result_view(thresholds: Thresholds, result: Result) -> list[Node]:
    """The result as the page shows it and the CLI prints it."""
    view = [node("h3", headline(result))]
    if result.emergency:
        view.append(node("p", result.reasons[0].text))
        view.append(node("ol", *(emergency_item(c) for c in result.emergency_contacts)))
        view.append(node("p", f"Thresholds version {result.thresholds_version}.", class_="lon-version"))
        return view
    view += still_to_answer(thresholds, result)
    view += challenge_view(thresholds, result.challenges)
    if result.level is not None:  # with nothing to go on yet, there is nothing to explain
        view += [node("h4", "Why"), node("ul", *(node("li", reason_text(r)) for r in result.reasons))]
    if result.next_steps:
        view += [node("h4", "Next steps"), node("ol", *(node("li", *step_parts(s)) for s in result.next_steps))]
    if result.advice:
        view += [
            node("h4", "The guidance also says"),
            node("ul", *(node("li", *advice_parts(r)) for r in result.advice)),
        ]
    notes = [*result.caveats, *checker_notes(thresholds, result)]
    if notes:
        view += [node("h4", "Please note"), node("ul", *(node("li", one_line(n)) for n in notes))]
    view.append(node("p", f"Thresholds version {result.thresholds_version}.", class_="lon-version"))
    return view


def emergency_item(contact: Contact) -> Node:
    return node("li", *contact_nodes(contact), f". {contact.when}")


def still_to_answer(thresholds: Thresholds, result: Result) -> list[Node]:
    out: list[Node] = []
    if result.missing:
        what = "a level and route" if result.level is None or not result.level_settled else "the route"
        out += [
            node("p", f"The checker does not suggest {what} until you answer:"),
            node("ul", *(node("li", topic(thresholds, name)) for name in result.missing)),
        ]
    for question_id in result.unsure:
        question = thresholds.question(question_id)
        out.append(
            node(
                "p",
                f"You are not sure of the answer to “{question.text}” The route depends on it, so the checker "
                "does not suggest one. The guidance’s advice is below.",
            )
        )
    return out


def topic(thresholds: Thresholds, name: str) -> str:
    return AGE_TOPIC if name == AGE else thresholds.question(name).text


def challenge_view(thresholds: Thresholds, challenges: Iterable[Challenge]) -> list[Node]:
    out: list[Node] = []
    for challenge in challenges:
        if not out:
            out.append(node("h4", "Check your answer"))
        out.append(node("p", challenge_text(thresholds, challenge)))
    return out


def challenge_text(thresholds: Thresholds, challenge: Challenge) -> str:
    indicator, question = challenge.indicator, thresholds.question(challenge.question)
    answer = question.option(challenge.answer).label
    if challenge.confirmed:
        return (
            f"You confirmed your answer “{answer}” to “{question.text}” although you chose "
            f"“{indicator.text}” ({indicator.level.label}), whose words describe harm."
        )
    return (
        f"You chose “{indicator.text}” ({indicator.level.label}), whose words describe harm, and answered "
        f"“{answer}” to “{question.text}” Check that answer. If it stands, confirm it under the question and "
        "say why in your referral. Until then the checker does not suggest a route."
    )


def reason_text(reason: Reason) -> str:
    if reason.kind == "rule":
        return f"Rule: {one_line(reason.text)} ({reason.source})"
    if reason.kind == "default":
        return f"No worries were chosen. {reason.level.label}: {one_line(reason.text)}"
    return f"{reason.level.label}, {reason.domain}: {reason.text}"


def step_parts(step: Step) -> list[Node | str]:
    parts: list[Node | str] = [one_line(step.text)]
    if step.contact:
        parts += [" ", *contact_nodes(step.contact)]
    if step.timescale:
        parts.append(f" {timescale_text(step.timescale)}")
    return parts


def advice_parts(rule: Rule) -> list[Node | str]:
    parts: list[Node | str] = [one_line(rule.text)]
    for contact in rule.contacts:
        parts += [" ", *contact_nodes(contact), "."]
    if rule.timescale:
        parts.append(f" {timescale_text(rule.timescale)}")
    parts.append(f" ({rule.source})")
    return parts


def checker_notes(thresholds: Thresholds, result: Result) -> list[str]:
    """How the checker treats what was entered: the checker's own words, never the guidance's."""
    notes = []
    if result.strengths and result.level is not None and result.level.number > thresholds.levels[0].number:
        notes.append(
            "The checker records the strengths you chose for the referral. It never lowers a level because of them."
        )
    if result.override and result.override_level and result.override_level != result.level:
        notes.append(
            f"You think {result.override_level.label} is right. Your view and your reason are recorded in the summary."
        )
    return notes


def one_line(text: str) -> str:
    return " ".join(text.split())
