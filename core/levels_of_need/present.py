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
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from . import phones
from .interface import (
    CATALOGUE,
    ENDS_SENTENCE,
    ENGLISH,
    REFERRER_KEY,
    VOICED,
    fill,
    in_first_person,
    phrase_lang,
    phrase_text,
)
from .model import AgeBand, Area, Contact, Indicator, Level, Route, Rule, Step, Thresholds, Timescale, given_age
from .questions import AGE, AREA, QUESTIONS, Question
from .rules import (
    CONSENT,
    IMMEDIATE_RISK,
    SIGNIFICANT_HARM,
    Challenge,
    Check,
    Reason,
    Result,
    age_confirmation,
    harm_step_waits_for,
    immediate_confirmation,
    in_area,
    is_asked,
    months_needed,
    unsure_advice,
    unsure_emergencies,
    written_for_another_age,
)

Node = dict[str, Any]

# Who the checker's own sentences speak as. The page speaks to the practitioner ("you"). The referral summary is
# the referrer's, so there the checker's sentences say "I", as the referrer writes them, whatever the
# partnership's questions say ("Have I included…", or "What is worrying you…", answered "I…"). Only the
# checker's words change, never the guidance's, which are put in after (spoken, asked).
PAGE, REFERRER = "page", "referrer"


def spoken(template: str, voice: str, **words: str) -> str:
    """The checker's sentence in a voice, with the guidance's words put in unchanged after."""
    return _in_voice(template, voice).format(**words)


def _in_voice(text: str, voice: str) -> str:
    return in_first_person(text) if voice == REFERRER else text


def words_of(phrases: Mapping[str, str], key: str, voice: str = PAGE, **values: object) -> str:
    """The toolkit's phrase ``key`` (levels_of_need.interface) in a language's words (``phrases``, a
    Thresholds' ``phrases``; the English where it gives none), in the voice asked for where the phrase has
    two (interface.VOICED), its values filled in: plain text, unmarked (``said`` marks its language)."""
    return fill(phrase_text(phrases, voiced_key(key, voice)), values)


def voiced_key(key: str, voice: str) -> str:
    """The catalogue's key for phrase ``key`` in ``voice``: its referrer's own, where it has one."""
    return REFERRER_KEY.format(key=key) if voice == REFERRER and key in VOICED else key


_CHECKERS_QUESTIONS = {question.id: question.text for question in QUESTIONS}


def asked(question: Question, voice: str = PAGE) -> str:
    """A question's words in a voice: the checker's own question as the page asks it ("Do you have reasonable
    cause…"), in the referrer's voice in the summary ("Do I have…"); a question in the partnership's own
    words (its file's text, its own questions) as the guidance words it, unchanged."""
    own = _CHECKERS_QUESTIONS.get(question.id) == question.text
    return _in_voice(question.text, voice) if own else question.text


AGE_REQUIRED = CATALOGUE["check.age-required"]
AGE_TOPIC, AGE_TOPIC_MONTHS = CATALOGUE["result.age-topic"], CATALOGUE["result.age-topic-months"]


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


def to_text(nodes: Iterable[Node], lettered: bool = False) -> str:
    """Plain text: one line per paragraph or list item, a blank line between blocks. ``lettered``: a numbered
    list's items as "a)", "b)"…, for text whose numbers are already taken (the referral summary numbers its
    questions: a list of contacts numbered under "2. Have I…" would read as its questions)."""
    lines: list[str] = []
    for item in nodes:
        _write(item, lines, marker="", lettered=lettered)
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _list_marker(tag: str, number: int, lettered: bool) -> str:
    if tag == "ul":
        return "- "
    return f"{chr(ord('a') + number - 1)}) " if lettered and number <= 26 else f"{number}. "


def _write(item: Node, lines: list[str], marker: str, lettered: bool = False) -> None:
    tag = item.get("tag")
    if tag in ("ul", "ol"):
        for number, child in enumerate(item.get("children", ()), start=1):
            _write(child, lines, marker=_list_marker(tag, number, lettered), lettered=lettered)
        lines.append("")
    elif tag in BLOCKS and tag != "li" and any(c.get("tag") in BLOCKS for c in item.get("children", ())):
        for child in item["children"]:
            _write(child, lines, marker="", lettered=lettered)
    else:
        lines.append(marker + plain_text(item))
        if tag != "li":
            lines.append("")


def inline_text(item: Node) -> str:
    if "text" in item:
        return item["text"]
    return "".join(inline_text(child) for child in item.get("children", ()))


def plain_text(item: Node) -> str:
    """As ``inline_text``, with a web address written out after its link's words: plain text has no
    links, so "web page" alone would lose where it goes."""
    href = item.get("attrs", {}).get("href", "")
    if href.startswith(("https:", "http:")):
        words = inline_text(item)
        return words if words == href else f"{words} ({href})"
    if "text" in item:
        return item["text"]
    return "".join(plain_text(child) for child in item.get("children", ()))


# ---- Contacts and their links ----------------------------------------------------------------

BY_AREA = CATALOGUE["contact.by-area"]  # before each area's own ways, where a contact differs by area


def contact_nodes(contact: Contact, area: Area | None = None, phrases: Mapping[str, str] = ENGLISH) -> list[Node | str]:
    """ "Name: 01632 960999", with every way of reaching the contact as a link; a web page alone is
    a link named after the contact. A contact that differs by area is the child's area's own, or,
    while the area is not known, every area's, each labelled: never one area's number guessed."""
    if contact.by_area:
        own = contact.for_area(area)
        if own is not None:
            return contact_nodes(own, phrases=phrases)
        by_area = words_of(phrases, "contact.by-area")
        parts: list[Node | str] = [f"{contact.name}, {by_area}: "]
        for n, (where, own) in enumerate(contact.by_area):
            parts += ["; "] * (n > 0) + [f"{where.name}: ", *contact_ways(own, phrases=phrases)]
        return parts
    if not (contact.phone or contact.email or contact.textphone) and contact.url:
        return [node("a", contact.name, href=contact.url), *hours_words(contact, phrases)]
    return [f"{contact.name}: ", *contact_ways(contact, phrases=phrases)]


def contact_ways(
    contact: Contact, url_text: str | None = None, phrases: Mapping[str, str] = ENGLISH
) -> list[Node | str]:
    """Every way of reaching a contact as a link, without its name, then its hours:
    "01632 960999 (then choose option 2), textphone 18001 01632 960999, web page (hours: …)"."""
    ways: list[list[Node | str]] = []
    if contact.phone:
        shown = phones.shown_with_extension(contact.phone, contact.extension, phrases)
        way: list[Node | str] = [node("a", shown, href=phones.tel_href(contact.phone, contact.extension))]
        way.append(option_text(contact, phrases))
        ways.append(way)
    if contact.textphone:
        textphone = words_of(phrases, "contact.textphone")
        ways.append([f"{textphone} ", node("a", contact.textphone, href=phones.tel_href(contact.textphone))])
    if contact.email:
        ways.append([node("a", contact.email, href=f"mailto:{contact.email}")])
    if contact.url:
        ways.append([node("a", url_text or words_of(phrases, "contact.web-page"), href=contact.url)])
    parts: list[Node | str] = []
    for n, way in enumerate(ways):
        parts += [", "] * (n > 0) + [part for part in way if part]
    return parts + hours_words(contact, phrases)


def option_text(contact: Contact, phrases: Mapping[str, str] = ENGLISH) -> str:
    """ " (then choose option 2)" after a number to dial where the call asks for an option, else nothing."""
    if not contact.option:
        return ""
    option = words_of(phrases, "contact.option", option=contact.option)
    return f" ({option})"


def hours_words(contact: Contact, phrases: Mapping[str, str] = ENGLISH) -> list[Node | str]:
    return [" " + words_of(phrases, "contact.hours", hours=one_line(contact.hours))] if contact.hours else []


def tel_href(phone: str) -> str:
    """A number as written to the tel: link that dials it (levels_of_need.phones)."""
    return phones.tel_href(phone)


def area_note(thresholds: Thresholds, result: Result, voice: str = PAGE) -> list[Node]:
    """Where a contact shown depends on the child's area and the area is not known: said, with every
    area's contacts shown rather than one guessed."""
    if not result.area_open:
        return []
    question = thresholds.question(AREA)
    key = "result.area-unsure" if result.answers.get(AREA) else "result.area-unanswered"
    return [node("p", said(thresholds, key, voice, question=asked(question, voice)))]


def timescale_text(timescale: Timescale, phrases: Mapping[str, str] = ENGLISH) -> str:
    """A timescale beside a step or advice, with its own label: what it is the timescale of, so that,
    say, a strategy discussion's timescale never reads as the referrer's deadline."""
    return words_of(phrases, "result.timescale", label=one_line(timescale.label), within=one_line(timescale.within))


def sentence(text: str) -> str:
    """Text from the file as a whole sentence: a full stop added only where it does not end one already."""
    text = text.rstrip()
    return text if not text or ENDS_SENTENCE.search(text) else text + "."


# ---- The result -------------------------------------------------------------------------------


def headline_phrase(result: Result) -> tuple[str, dict[str, str]]:
    """Which of the catalogue's headlines (levels_of_need.interface) the result has, and its values."""
    if result.emergency:
        return "result.emergency", {}
    if result.route is not None:
        return "result.suggested", {"level": level_and_route(result.level, result.route)}
    if result.level is None:
        return "result.no-level", {}
    if result.level_settled:
        return "result.route-open", {"level": result.level.label}
    return "result.so-far", {"level": result.level.label}


def headline(thresholds: Thresholds, result: Result) -> str:
    """One line: what the live region announces, and the heading of the result, in the language of the
    thresholds' data where the file gives its words for it, else the English."""
    key, values = headline_phrase(result)
    return fill(phrase_text(thresholds.phrases, key), values)


def headline_node(thresholds: Thresholds, result: Result) -> Node:
    """The result's heading: the headline, marked with its language where it is not the English around it."""
    key, _ = headline_phrase(result)
    return node("h3", said_as(thresholds, key, headline(thresholds, result)))


def level_and_route(level: Level | None, route: Route) -> str:
    """ "Level 3: Specialist help, Child protection enquiry", or the level alone where it has one route."""
    assert level is not None
    return level.label if len(level.routes) == 1 else f"{level.label}, {route.name}"


def result_view(thresholds: Thresholds, result: Result) -> list[Node]:
    """The result as the page shows it and the CLI prints it: what to do first, then the rest."""
    return [*result_lead(thresholds, result), *result_more(thresholds, result)]


def result_lead(thresholds: Thresholds, result: Result) -> list[Node]:
    """The top of the result, for the first phone screen: the level and route, then the first action in a
    box (GOV.UK: what to do now leads), then what is still to answer and why. The page puts Copy, Print and
    Save right under it, before the rest of the next steps, which on a route that telephones first can be
    a phone screen long on their own. The headline already says when the route is not decided, so what
    the result waits for follows the box rather than pushing it off the first screen."""
    view = [headline_node(thresholds, result)]
    if result.emergency:
        view += area_note(thresholds, result)
        view += first_action(thresholds, result)
        view.append(node("p", result.reasons[0].text))
        first = _first_to_call(result)
        others = [c for c in result.emergency_contacts if c is not first]
        view += [node("ol", *(emergency_item(c, result.area) for c in others))] if others else []
        return view
    view += first_action(thresholds, result)
    view += area_note(thresholds, result)  # why the box shows every area's contacts, where it does
    return view


def waiting_for(thresholds: Thresholds, result: Result) -> list[Node]:
    """What the result waits for and why, under the actions: the headline already says when the level or
    route is not decided, so this detail never pushes what to do now, or Copy, off the first screens."""
    # The box holds the guidance's words for an emergency the practitioner is not sure of.
    view = still_to_answer(thresholds, result, emergency_words=False)
    if result.route is None and _first_step(result) is not None:
        # Beside "does not suggest": why a step leads all the same.
        view.append(node("p", said(thresholds, "result.harm-step-leads")))
    # Where words describe harm, the telephone step leads and the words on consent follow it: never
    # consent first where a child may be at risk of significant harm.
    view += consent_held(thresholds, result)
    view += consent_unless_view(result, phrases=thresholds.phrases)
    # Only where the advice below is the guidance's for being unsure of that answer (never other advice).
    if {r.id for r in unsure_advice(result)} & {r.id for r in _advice_below(result)}:
        view.append(node("p", said(thresholds, "result.advice-below")))
    view += challenge_view(thresholds, result.challenges, overruled_answer(thresholds, result))
    return view


def result_more(thresholds: Thresholds, result: Result) -> list[Node]:
    """The rest of the result, below the actions: what it waits for, an emergency's other contacts, the rest
    of the next steps, why, the guidance's advice, notes, the version."""
    version = node("p", said(thresholds, "result.version", version=result.thresholds_version), class_="lon-version")
    if result.emergency:
        return [version]
    view = waiting_for(thresholds, result)
    contacts = [emergency_item(c, result.area).get("children", []) for c in _emergency_listed(thresholds, result)]
    view += section(said(thresholds, EMERGENCY_CONTACTS), "ol", contacts)
    next_steps = [step_parts(thresholds, s, result) for s in result.next_steps[1:]]
    view += section(said(thresholds, "result.next-steps"), "ol", next_steps)
    if result.level is not None:  # with nothing to go on yet, there is nothing to explain
        reasons = [
            [_marked(thresholds, reason_text(r, phrases=thresholds.phrases), reason_key(r))] for r in result.reasons
        ]
        view += section(said(thresholds, "result.why"), "ul", reasons)
    below = [advice_parts(r, result.area, result, phrases=thresholds.phrases) for r in _advice_below(result)]
    view += section(said(thresholds, "result.guidance-also"), "ul", below)
    notes = [[one_line(caveat)] for caveat in result.caveats] + [[note] for note in checker_notes(thresholds, result)]
    view += section(said(thresholds, "result.please-note"), "ul", notes)
    view.append(version)
    return view


FIRST_ACTION_KEY = "result.first-action"  # its words: the catalogue's (levels_of_need.interface)
FIRST_ACTION = CATALOGUE[FIRST_ACTION_KEY]
# Beside what the route waits for ("not sure", or consent), where the first action still gives the step the guidance
# gives first where harm is suspected: why a step leads although no route is suggested. The checker's own words.
HARM_STEP_LEADS = CATALOGUE["result.harm-step-leads"]
# Under the actions, where the practitioner is not sure of immediate risk: the guidance's contacts for an
# emergency, each named with its words (the first number to call leads in the box, beside the emergency's words).
EMERGENCY_CONTACTS = "result.emergency-contacts"


def first_action(thresholds: Thresholds, result: Result) -> list[Node]:
    """The first thing to do, in a box of its own, led by a number to dial wherever the guidance gives one:
    - in an emergency, the first number to call, "now";
    - not sure of immediate risk: the guidance's words for an emergency, then its first number to call;
    - then the route's first step (never one that seeks consent where consent is not required:
      rules.safe_order). Where the child may be at risk of significant harm (a route that does not require
      consent, or a worry or rule that describes harm) and that step's contact has one telephone number,
      the number leads as a link to dial, "now";
    - with no step to lead (the route waits for an answer the practitioner is not sure of), the guidance's
      advice for being unsure, led by the number it gives (no "now": the guidance says when to call).
    Nothing where none of these applies: then there is no step to lead with."""
    if result.emergency:
        first = _first_to_call(result)
        contact = _one_phone(first, result.area) if first else None
        if first is None or contact is None:
            return []
        call = [_dial(thresholds, "result.call-now", contact), node("p", f"{contact.name}. {one_line(first.when)}")]
        return [_action_box(thresholds, call)]
    body = unsure_emergency_words(thresholds, result)
    step = _first_step(result)
    if step is not None:
        contact = _one_phone(step.contact, result.area) if step.contact and result.at_risk else None
        body += [_dial(thresholds, "result.telephone-now", contact)] if contact else []
        body.append(node("p", *step_parts(thresholds, step, result)))
    elif result.unsure:
        body += unsure_advice_words(thresholds, result)
    # Last, under every number to call: where the checker cannot decide, it says so, and asks.
    body += cannot_decide(thresholds, result)
    return [_action_box(thresholds, body)] if body else []


def what_to_do_now(thresholds: Thresholds, result: Result) -> list[Node]:
    """Where the child may be at risk of significant harm (rules.may_be_at_risk, however it is reached: an
    answer, a worry, a rule, the route), the first action, for the question pages before the result: what
    to do now comes first there, never parental consent. Nothing where the child is not at risk."""
    return first_action(thresholds, result) if result.at_risk else []


def now_line(now: list[Node]) -> list[Node]:
    """The lead of what to do now, for the sticky banner on every question page: the box's first line (the
    number to dial, or the guidance's words with it). Nothing where there is nothing to do now."""
    return [now[0]["children"][1]] if now else []


def _first_step(result: Result) -> Step | None:
    """The step that leads: the decided route's first; while the route waits for an answer given "not sure"
    (or for consent, which never holds it back), the step the guidance gives first where a worry or rule
    describes harm (it leads whatever those answers), and so too while only the question on significant harm
    is unanswered. While the route waits for another question not yet answered (immediate risk, the age), no
    step: the result says it waits, and shows no route."""
    if result.route is None or not result.next_steps:
        return None if harm_step_waits_for(result.missing) else result.harm_step
    return result.next_steps[0]


def _unsure_leads(result: Result) -> bool:
    """Whether the first action is the guidance's words for being unsure (no step leads, an answer is unsure)."""
    return not result.emergency and _first_step(result) is None and bool(result.unsure)


def _advice_below(result: Result) -> tuple[Rule, ...]:
    """The guidance's advice under the actions: all of it, but what already leads in the first action's box,
    and advice whose words a step of the route already gives whole (each sentence once on the page)."""
    leading = {rule.id for rule in unsure_advice(result)} if _unsure_leads(result) else set()
    steps = " ".join(one_line(step.text) for step in result.next_steps)
    return tuple(rule for rule in result.advice if rule.id not in leading and one_line(rule.text) not in steps)


def unsure_emergency_words(thresholds: Thresholds, result: Result) -> list[Node]:
    """Not sure of an answer that, given, would stop the check (immediate risk): the guidance's words for
    that emergency, with its condition as the guidance words it and its first number to call as a link to
    dial in them (its other contacts follow under the actions: EMERGENCY_CONTACTS). Where no one number can
    be dialled (it differs by the child's area, not known), every contact, each labelled. (The checker's
    own words, that it cannot decide, close the box: cannot_decide.)"""
    out: list[Node] = []
    for rule in unsure_emergencies(thresholds, result.unsure):
        first = _first_dialled(rule.contacts, result.area)
        contact = _one_phone(first, result.area) if first else None
        if contact is None:
            out.append(node("p", said(thresholds, "result.guidance-says", words=one_line(rule.text))))
            out.append(node("ol", *(emergency_item(c, result.area, thresholds.phrases) for c in rule.contacts)))
        else:
            out += _conditioned_call(thresholds, rule.text, contact)
    return out


# Where the practitioner is not sure of an answer that would stop the check and the guidance gives no
# advice for being unsure of it: the checker's own words, never presented as the guidance's.
CANNOT_DECIDE = CATALOGUE["result.cannot-decide"]


def cannot_decide(thresholds: Thresholds, result: Result) -> list[Node]:
    """The checker's ask for each answer the practitioner is not sure of that would stop the check (immediate
    risk), unless the guidance advises on being unsure of it (its advice is then what it says)."""
    emergencies = {q for rule in unsure_emergencies(thresholds, result.unsure) for q in rule.when.answers}
    advised = {q for rule in unsure_advice(result) for q in rule.when.answers}
    return [
        node("p", said(thresholds, "result.cannot-decide", question=thresholds.question(q).text))
        for q in result.unsure
        if q in emergencies and q not in advised
    ]


def _conditioned_call(thresholds: Thresholds, text: str, contact: Contact) -> list[Node]:
    """The guidance's words for an emergency, its condition kept as the guidance words it, with the number
    to dial as a link where those words give it ("… contact the emergency services on <number> …"); where they
    do not, the contact's own words for when to call follow, with the number."""
    assert contact.phone is not None
    words = one_line(text)
    shown = phones.shown_with_extension(contact.phone, contact.extension, thresholds.phrases)
    link = node("a", shown, href=phones.tel_href(contact.phone, contact.extension))
    found = re.search(rf"(?<!\d){re.escape(shown)}(?!\d)", words)
    if found:
        before, after = words[: found.start()], words[found.end() :]
        return [node("p", node("strong", said(thresholds, "result.guidance-says", words=before), link, after))]
    when = one_line(contact.when)
    call = node("p", node("strong", f"{when} ({contact.name}: ", link, ")."))
    return [node("p", said(thresholds, "result.guidance-says", words=words)), call]


def _emergency_listed(thresholds: Thresholds, result: Result) -> list[Contact]:
    """The contacts of an emergency the practitioner is not sure of, where the box leads with a number to
    call rather than listing them all."""
    listed: list[Contact] = []
    for rule in unsure_emergencies(thresholds, result.unsure):
        if _first_dialled(rule.contacts, result.area) is not None:
            listed += [c for c in rule.contacts if c not in listed]
    return listed


def unsure_advice_words(thresholds: Thresholds, result: Result) -> list[Node]:
    """The guidance's advice for being unsure of an answer the route waits for, each led by the number it
    gives to call, where it gives one that can be dialled for this child."""
    out: list[Node] = []
    for rule in unsure_advice(result):
        first = _first_dialled(rule.contacts, result.area)
        contact = _one_phone(first, result.area) if first else None
        out += [_dial(thresholds, "result.telephone-name", contact)] if contact else []
        label = area_advice_label(rule, result.area, thresholds.phrases)
        without = first if contact else None
        words = advice_parts(rule, result.area, result, without, thresholds.phrases)[len(label) + 1 :]
        says = said(thresholds, "result.guidance-says", words=one_line(rule.text))
        out.append(node("p", *label, says, *words))
    return out


def _first_dialled(contacts: Iterable[Contact], area: Area | None) -> Contact | None:
    return next((c for c in contacts if _one_phone(c, area)), None)


def _first_to_call(result: Result) -> Contact | None:
    """In an emergency, the first of the guidance's contacts with one number to dial for this child."""
    return next((c for c in result.emergency_contacts if _one_phone(c, result.area)), None)


def _one_phone(contact: Contact, area: Area | None) -> Contact | None:
    """The contact with the one telephone number to dial for this child: its area's own where it differs
    by area and the area is known; None where it has no number, or the area is not known."""
    own = contact.for_area(area)
    return own if own is not None and own.phone else None


def _dial(thresholds: Thresholds, key: str, contact: Contact) -> Node:
    """ "Telephone 01632 960999 now.": the number as a link to dial, in phrase ``key``'s words ("result.call-now",
    "result.telephone-now"; "result.telephone-name" without "now", where the guidance says when to call, and
    with the contact's name, where no step's words name it)."""
    assert contact.phone is not None
    shown = phones.shown_with_extension(contact.phone, contact.extension, thresholds.phrases)
    link = node("a", shown, href=phones.tel_href(contact.phone, contact.extension))
    text = words_of(thresholds.phrases, key, option=option_text(contact, thresholds.phrases), name=contact.name)
    before, _, after = text.partition("{number}")
    parts = [part for part in (before, link, after) if part]
    lang = _lang(thresholds, key)
    return node("p", node("strong", node("span", *parts, lang=lang)) if lang else node("strong", *parts))


def _action_box(thresholds: Thresholds, body: list[Node]) -> Node:
    return node("div", node("h4", said(thresholds, FIRST_ACTION_KEY)), *body, class_="lon-first-action")


def section(heading: Node | str, tag: str, items: Iterable[list[Node | str]]) -> list[Node]:
    """A heading and its list, or nothing at all: never a heading without content under it."""
    shown = [parts for parts in items if inline_text(node("li", *parts)).strip()] if items else []
    return [node("h4", heading), node(tag, *(node("li", *parts) for parts in shown))] if shown else []


def said(thresholds: Thresholds, key: str, voice: str = PAGE, **values: object) -> Node | str:
    """The toolkit's phrase ``key`` (levels_of_need.interface) in the language of the thresholds' data, in
    ``voice``, its values filled in: its own words where the file gives them, marked with their language
    among the English; else the English."""
    return said_as(thresholds, voiced_key(key, voice), words_of(thresholds.phrases, key, voice, **values))


def said_as(thresholds: Thresholds, key: str, text: str) -> Node | str:
    """``text``, the words of phrase ``key``, marked with their language where the file gave them."""
    lang = _lang(thresholds, key)
    return node("span", text, lang=lang) if lang else text


def _marked(thresholds: Thresholds, text: str, key: str | None) -> Node | str:
    """A sentence made with phrase ``key`` and the guidance's words, marked with the language of the phrase's
    words where the file gave them (the guidance's words in it are not marked apart: docs/format.md)."""
    return said_as(thresholds, key, text) if key else text


def _lang(thresholds: Thresholds, key: str) -> str | None:
    return phrase_lang(thresholds.phrases, thresholds.language.lang if thresholds.language else None, key)


def emergency_item(contact: Contact, area: Area | None = None, phrases: Mapping[str, str] = ENGLISH) -> Node:
    """Who to call, then when, in the guidance's words. The name leads even where those words name the
    contact again: in an emergency the eye looks for who to call, and a bare number says nothing."""
    return node("li", *contact_nodes(contact, area, phrases), f". {one_line(contact.when)}")


def still_to_answer(
    thresholds: Thresholds, result: Result, voice: str = PAGE, emergency_words: bool = True
) -> list[Node]:
    """What the result still waits for, and why. With ``emergency_words``, the guidance's words for an
    emergency the practitioner is not sure of follow (the page shows them in the first action instead)."""
    out: list[Node] = []
    if result.missing:
        key = "result.missing-level" if result.level is None or not result.level_settled else "result.missing-route"
        out += [
            node("p", said(thresholds, key, voice)),
            node("ul", *(node("li", topic(thresholds, name, voice)) for name in result.missing)),
        ]
    for question_id in result.unsure:
        question = thresholds.question(question_id)
        out.append(node("p", said(thresholds, "result.unsure-route", voice, question=asked(question, voice))))
        out += unsure_of_an_emergency(thresholds, question_id, result.area) if emergency_words else []
    for name in result.advice_open:
        question = thresholds.question(name)
        key = "result.advice-unsure" if result.answers.get(name) else "result.advice-unanswered"
        out.append(node("p", said(thresholds, key, voice, question=asked(question, voice))))
    return out


def consent_held(thresholds: Thresholds, result: Result, voice: str = PAGE) -> list[Node]:
    """A route that requires consent, with consent refused or not sought: the level, the route's own words on
    consent, and no route (the checker never suggests it as if it could go ahead without consent)."""
    route = result.consent_route
    question = thresholds.question(CONSENT)
    if route is None or result.answers.get(CONSENT, question.open_values[0]) in question.open_values:
        return []  # not answered, or not sure: still_to_answer asks for it
    held = said(
        thresholds,
        "result.consent-held",
        voice,
        answer=question.option(result.answers[CONSENT]).label,
        question=asked(question, voice),
        route=route.name,
    )
    steps = [in_area(step, result.area) for step in route.next_steps if step.seeks_consent]
    words = [
        node(
            "p",
            said(thresholds, "result.guidance-says", words=one_line(step.text)),
            *consent_exception_parts(step.text, result),
            *area_step_parts(step, phrases=thresholds.phrases),
        )
        for step in steps
    ]
    return [node("p", held), *words]


def consent_unless_text(route: Route, phrases: Mapping[str, str] = ENGLISH) -> str:
    """A route that requires consent unless…: the guidance's exceptions, quoted whole as the file gives them,
    with the route's name. One sentence for the level page, the self-check's consent question and the result."""
    unless = f"“{one_line(route.consent_unless)}”"
    return words_of(phrases, "result.consent-unless", route=route.name, unless=unless)


def consent_unless_judged(route: Route, voice: str = PAGE, phrases: Mapping[str, str] = ENGLISH) -> str:
    """The exceptions where the self-check asks about consent: whether one applies is the practitioner's
    judgement, never the checker's (it still waits for the answer on consent)."""
    judged = words_of(phrases, "result.consent-judged", voice)
    return f"{consent_unless_text(route, phrases)} {judged}"


def consent_unless_view(result: Result, voice: str = PAGE, phrases: Mapping[str, str] = ENGLISH) -> list[Node]:
    """While the route waits for consent, the guidance's exceptions to it, in its words."""
    route = result.consent_route
    return [node("p", consent_unless_judged(route, voice, phrases))] if route and route.consent_unless else []


def unsure_of_an_emergency(thresholds: Thresholds, question_id: str, area: Area | None) -> list[Node]:
    """Not sure of an answer that, given, would stop the check (immediate risk): the guidance's own words
    for that emergency and whom they say to call, so that "not sure" never hides them."""
    out: list[Node] = []
    for rule in unsure_emergencies(thresholds, [question_id]):
        out.append(node("p", said(thresholds, "result.guidance-says", words=one_line(rule.text))))
        out.append(node("ol", *(emergency_item(c, area, thresholds.phrases) for c in rule.contacts)))
    return out


def required_message(thresholds: Thresholds, name: str) -> str:
    """What the page says beside an answer the result needs, when Continue is pressed without it."""
    if name == AGE:
        return words_of(thresholds.phrases, "check.age-required")
    return words_of(thresholds.phrases, "check.answer-required", question=thresholds.question(name).text)


def topic(thresholds: Thresholds, name: str, voice: str = PAGE) -> str:
    if name == AGE:
        # Where an age band is in months, a baby's age is asked in months (rules.validate_age): say so here too.
        key = "result.age-topic-months" if thresholds.months_asked else "result.age-topic"
        return words_of(thresholds.phrases, key)
    return asked(thresholds.question(name), voice)


def challenge_view(thresholds: Thresholds, challenges: Iterable[Challenge], overruled: str | None = None) -> list[Node]:
    texts = [
        _marked(thresholds, challenge_text(thresholds, challenge), challenge_key(challenge)) for challenge in challenges
    ]
    if overruled:
        texts.append(_marked(thresholds, overruled, "result.harm-overruled"))
    heading = said(thresholds, "result.check-your-answer")
    return [node("h4", heading), *(node("p", text) for text in texts)] if texts else []


def overruled_answer(thresholds: Thresholds, result: Result, voice: str = PAGE) -> str | None:
    """A "no" to significant harm that a rule of the guidance overrules: said, never silent."""
    if result.emergency or result.route is None or result.route.consent_required is not False:
        return None
    if result.answers.get(SIGNIFICANT_HARM) != "no":
        return None
    question = thresholds.question(SIGNIFICANT_HARM)
    return words_of(
        thresholds.phrases,
        "result.harm-overruled",
        voice,
        answer=question.option("no").label,
        question=asked(question, voice),
    )


def challenge_text(thresholds: Thresholds, challenge: Challenge, voice: str = PAGE) -> str:
    """The same challenge whichever box led to it: a chosen indicator, or a rule of the guidance that holds.
    The guidance's words go in unchanged; only the checker's own take the voice."""
    if challenge.question == AGE:
        assert isinstance(challenge.about, Indicator)
        child = given_child(challenge.answer, thresholds.phrases)
        return age_challenge_text(challenge.about, child, challenge.confirmed, voice, thresholds.phrases)
    question = thresholds.question(challenge.question)
    level = f" ({challenge.level.label})" if challenge.level else ""
    words = {
        "answer": question.option(challenge.answer).label,
        "question": asked(question, voice),
        "about": f"“{one_line(challenge.about.text)}”{level}",
    }
    # One whole sentence for each: a worry chosen or a rule that applies, whose words describe harm or name
    # an immediate risk, and the answer challenged or confirmed.
    text = words_of(thresholds.phrases, challenge_key(challenge), voice, **words)
    if challenge.question == IMMEDIATE_RISK:
        # The guidance's own words for an immediate risk (its emergency rule), beside the answer that contradicts it.
        text += "".join(
            " " + words_of(thresholds.phrases, "result.guidance-says", words=f"{one_line(rule.text)} ({rule.source})")
            for rule in unsure_emergencies(thresholds, [IMMEDIATE_RISK])
        )
    return text


def challenge_key(challenge: Challenge) -> str:
    """The catalogue's sentence for a challenge: one whole sentence for each kind."""
    if challenge.question == AGE:
        return "result.age-confirmed" if challenge.confirmed else "result.age-challenge"
    immediate = challenge.question == IMMEDIATE_RISK
    return _CHALLENGES[(challenge.confirmed, challenge.kind == "indicator", immediate)]


# A challenge's sentence, by (confirmed, a worry chosen rather than a rule, about an immediate risk).
_CHALLENGES = {
    (False, True, False): "result.challenge-worry-harm",
    (False, True, True): "result.challenge-worry-immediate",
    (False, False, False): "result.challenge-rule-harm",
    (False, False, True): "result.challenge-rule-immediate",
    (True, True, False): "result.confirmed-worry-harm",
    (True, True, True): "result.confirmed-worry-immediate",
    (True, False, False): "result.confirmed-rule-harm",
    (True, False, True): "result.confirmed-rule-immediate",
}


def age_challenge_text(
    indicator: Indicator,
    child: str,
    confirmed: bool = False,
    voice: str = PAGE,
    phrases: Mapping[str, str] = ENGLISH,
) -> str:
    """A worry chosen for a child outside the age band the checker offers it for (the partnership's file
    gives the band; the guidance's own words may not): challenged, with its words and the band."""
    return words_of(
        phrases,
        "result.age-confirmed" if confirmed else "result.age-challenge",
        voice,
        worry=one_line(indicator.text),
        level=indicator.level.label,
        child=child,
        band=age_band(indicator.age or AgeBand(), phrases),
    )


def reason_key(reason: Reason) -> str | None:
    """The catalogue's phrase a reason is said in, if any (a worry's reason is the guidance's words alone)."""
    if reason.kind == "rule":
        return "result.reason-rule"
    if reason.kind == "default":
        return "result.reason-none"
    return "result.reason-other-age" if reason.written_for is not None else None


def reason_text(reason: Reason, voice: str = PAGE, phrases: Mapping[str, str] = ENGLISH) -> str:
    if reason.kind == "rule":
        return words_of(phrases, "result.reason-rule", rule=one_line(reason.text), source=reason.source)
    if reason.kind == "default":
        return words_of(phrases, "result.reason-none", level=reason.level.label, text=one_line(reason.text))
    text = f"{reason.level.label}, {reason.domain}: {reason.text}"
    if reason.written_for is not None:
        band = age_band(reason.written_for, phrases)
        text = f"{sentence(text)} " + words_of(phrases, "result.reason-other-age", voice, band=band)
    return text


def step_parts(thresholds: Thresholds, step: Step, result: Result) -> list[Node | str]:
    phrases = thresholds.phrases
    parts: list[Node | str] = [one_line(step.text)]
    if step.seeks_consent:
        if result.at_risk:
            # Consent is not what this route leads with: say whose words follow, in the checker's words.
            parts[0] = said(thresholds, "result.about-consent", words=one_line(step.text))
        parts += consent_exception_parts(step.text, result)
        given = result.answers.get("consent")
        if given:  # in the partnership's own words for the answer, as the summary gives it
            answer = thresholds.question("consent").option(given).words
            parts += [" ", said(thresholds, "result.your-answer", answer=answer)]
    if step.contact:
        parts += [" ", *contact_nodes(step.contact, result.area, phrases)]
    if step.timescale:
        # A contact ends with its last link: the timescale starts a sentence of its own after it.
        parts.append(f"{'.' if step.contact else ''} {timescale_text(step.timescale, phrases)}")
    return parts + area_step_parts(step, ended=bool(step.contact and not step.timescale), phrases=phrases)


def area_step_parts(step: Step, ended: bool = False, phrases: Mapping[str, str] = ENGLISH) -> list[Node | str]:
    """A step that differs by area, the area not known (rules.in_area keeps only the child's area's words
    once known): after the step's own words, which are the guidance's for every other area, each area's
    own words and timescale, labelled with the area's name. ``ended``: the parts before end with a link."""
    parts: list[Node | str] = []
    for where, own in step.by_area:
        words = [one_line(own.text)] if own.text != step.text else []
        changed = own.timescale and own.timescale != step.timescale
        words += [timescale_text(own.timescale, phrases)] if changed and own.timescale else []
        label = words_of(phrases, "result.area-step", area=where.name)
        parts.append(f"{'.' if ended and not parts else ''} {label} {' '.join(words)}")
    return parts


def area_advice_label(rule: Rule, area: Area | None, phrases: Mapping[str, str] = ENGLISH) -> list[Node | str]:
    """Advice the guidance gives for some areas only, while the child's area is not known: its areas named
    (once the area is known, advice for other areas is not the child's: rules._advice_of leaves it out)."""
    if not rule.areas or area is not None:
        return []
    names = [a.name for a in rule.areas]
    areas = names[0]
    for name in names[1:]:
        areas = words_of(phrases, "result.area-or", one=areas, other=name)
    return [words_of(phrases, "result.area-advice", areas=areas) + " "]


def consent_exception_parts(text: str, result: Result) -> list[Node | str]:
    """After words that seek consent: the guidance's exceptions for the child's worries, each with its
    source, unless those words already hold it."""
    said = one_line(text)
    held = [rule for rule in result.consent_exceptions if one_line(rule.text) not in said]
    return [f" {one_line(rule.text)} ({rule.source})" for rule in held]


def advice_parts(
    rule: Rule,
    area: Area | None = None,
    result: Result | None = None,
    without: Contact | None = None,
    phrases: Mapping[str, str] = ENGLISH,
) -> list[Node | str]:
    """The guidance's advice, its contacts (but one already given ``without``), its timescale and its source,
    led by its areas where the guidance gives it for some areas only and the child's area is not known."""
    parts: list[Node | str] = [*area_advice_label(rule, area, phrases), one_line(rule.text)]
    if rule.seeks_consent and result is not None:
        parts += consent_exception_parts(rule.text, result)
    for contact in (c for c in rule.contacts if c is not without):
        parts += [" ", *contact_nodes(contact, area, phrases), "."]
    if rule.timescale:
        parts.append(f" {timescale_text(rule.timescale, phrases)}")
    parts.append(f" ({rule.source})")
    return parts


def checker_notes(thresholds: Thresholds, result: Result) -> list[Node | str]:
    """How the checker treats what was entered: the checker's own words, never the guidance's."""
    notes: list[Node | str] = []
    if result.strengths and result.level is not None and result.level.number > thresholds.levels[0].number:
        notes.append(said(thresholds, "result.strengths-recorded"))
    if result.override and result.override_level and result.override_level != result.level:
        notes.append(said(thresholds, "result.your-view", level=result.override_level.label))
    return notes


def one_line(text: str) -> str:
    return " ".join(text.split())


# ---- Age bands ---------------------------------------------------------------------------------


def age_band(age: AgeBand, phrases: Mapping[str, str] = ENGLISH) -> str:
    """An age band (as a rule's ``when: age`` and an indicator's ``age`` give it) in words: "unborn
    babies and children under 1", "children aged 16 or 17", "babies under 6 months". Each shape of band
    is one phrase of the catalogue ("age.…"), its numbers filled in."""
    parts = [words_of(phrases, "age.unborn-babies")] if age.unborn else []
    if age.in_months:
        parts += _months_band(age.from_month, age.below_month, phrases)
    else:
        parts += _years_band(age.at_least, age.under, phrases)
    band = parts[0] if parts else ""
    for part in parts[1:]:
        band = words_of(phrases, "list.and", one=band, other=part)
    return band


def _years_band(low: int | None, high: int | None, phrases: Mapping[str, str]) -> list[str]:
    if low is not None and high is not None:
        last = high - 1
        key = (
            "age.children-aged"
            if last == low
            else ("age.children-aged-or" if last == low + 1 else "age.children-aged-to")
        )
        return [words_of(phrases, key, low=low, last=last)]
    if low is not None:
        return [words_of(phrases, "age.children-aged-over", low=low)]
    return [words_of(phrases, "age.children-under", high=high)] if high is not None else []


def _months_band(low: int, high: int | None, phrases: Mapping[str, str]) -> list[str]:
    """A band with a bound in months, counted in months: "babies under 6 months", "babies aged 6 to 11
    months", "children aged 6 months or over"."""
    if high is None:
        return [words_of(phrases, "age.children-aged-over", low=given_age(None, low, phrases))]
    if not low:
        return [words_of(phrases, "age.babies-under", high=given_age(None, high, phrases))]
    last = high - 1
    if last == low:
        return [words_of(phrases, "age.babies-aged", low=given_age(None, low, phrases))]
    key = "age.babies-aged-or" if last == low + 1 else "age.babies-aged-to"
    return [words_of(phrases, key, low=low, last=given_age(None, last, phrases))]


def child_age(age: int | None, unborn: bool, months: int | None = None, phrases: Mapping[str, str] = ENGLISH) -> str:
    """ "a child aged 7", "a baby aged 7 months", "an unborn baby": the child the check is about."""
    if unborn:
        return words_of(phrases, "age.an-unborn-baby")
    if months is not None:
        return words_of(phrases, "age.a-baby-aged", age=given_age(age, months, phrases))
    return words_of(phrases, "age.a-child-aged", age=age)


def the_child(check: Check, phrases: Mapping[str, str] = ENGLISH) -> str:
    """The child of a check, by the age as given."""
    return child_age(check.age, check.unborn, check.age_months, phrases)


def given_child(age: str, phrases: Mapping[str, str] = ENGLISH) -> str:
    """The child of an age challenge's answer as rules.challenges_of gives it: "unborn", "7" or "7 months"."""
    if age == "unborn":
        return child_age(None, True, phrases=phrases)
    number, _, unit = age.partition(" ")
    return child_age(int(number), False, int(number) if unit else None, phrases)


def age_band_hint(indicator: Indicator, phrases: Mapping[str, str] = ENGLISH) -> str:
    """What the check's form says beside an indicator with an age band: the band is the checker's (from
    the partnership's file), never said to be the guidance's words."""
    if indicator.age is None:
        return ""
    return words_of(phrases, "age.offered-for", band=age_band(indicator.age, phrases))


def _for_another_age(thresholds: Thresholds, check: Check, indicator: Indicator) -> bool:
    """As rules.written_for_another_age, and never about an age the form refuses (out of range, given with
    "unborn", or "0" years where a band in months needs the months): that answer is the problem to show, not
    what follows from it."""
    refused = check.age is not None and (check.unborn or not thresholds.age_range.covers(check.age))
    return not refused and not months_needed(thresholds, check) and written_for_another_age(indicator, check)


def age_notes(thresholds: Thresholds, check: Check) -> list[dict[str, str]]:
    """Beside each indicator the guidance writes for other ages than the child's, chosen or not:
    {indicator, text}. None while the age is unknown: then every indicator applies."""
    phrases = thresholds.phrases
    child = the_child(check, phrases)
    return [
        {
            "indicator": i.id,
            "text": words_of(phrases, "age.offered-not-for", band=age_band(i.age or AgeBand(), phrases), child=child),
        }
        for i in thresholds.indicators
        if _for_another_age(thresholds, check, i)
    ]


def other_age_notice(
    chosen: Iterable[Indicator],
    age: int | None,
    unborn: bool,
    months: int | None = None,
    phrases: Mapping[str, str] = ENGLISH,
) -> str:
    """What the user is told when indicators they chose are written for another age than the child's:
    the choices stay, and count, until the user takes them off."""
    listed = "; ".join(
        words_of(phrases, "age.listed", worry=i.text, band=age_band(i.age or AgeBand(), phrases)) for i in chosen
    )
    return words_of(phrases, "age.notice", child=child_age(age, unborn, months, phrases), listed=listed)


def age_notice(thresholds: Thresholds, check: Check) -> str:
    """The notice for the form as it stands, or "" when no chosen indicator is for another age."""
    chosen = [i for i in thresholds.indicators if i.id in check.indicators and _for_another_age(thresholds, check, i)]
    if not chosen:
        return ""
    return other_age_notice(chosen, check.age, check.unborn, check.age_months, thresholds.phrases)


# ---- The answers, as "Check your answers" lists them --------------------------------------------


def answers_view(thresholds: Thresholds, check: Check) -> list[dict[str, Any]]:
    """Each answer the form holds, as {field, key, value: [lines], change}: the rows of "Check your
    answers". ``field`` names the form's field, so the page can take the user back to it."""
    asked_first = (IMMEDIATE_RISK, AREA)  # immediate risk leads the form; the area is asked with the age
    return [
        _immediate_row(thresholds, check),
        _answer_row(thresholds, AGE, said(thresholds, "answers.age"), [_age_text(thresholds, check)]),
        *_area_rows(thresholds, check),
        _chosen_row(thresholds, check, "worries", "answers.worries", strengths=False),
        *_strengths_rows(thresholds, check),
        # A question not asked for these worries (its theme not chosen) is not listed: it was not asked.
        *(
            _question_row(thresholds, check, q)
            for q in thresholds.questions
            if q.id not in asked_first and is_asked(thresholds, check, q)
        ),
    ]


def _answer_row(thresholds: Thresholds, field: str, key: Node | str, lines: list[Node | str]) -> dict[str, Any]:
    """A row: its key and each line text, or a span saying its language where the file gave the words
    (the page's script shows either as it is given, holding no word of its own)."""
    question = key if isinstance(key, str) else inline_text(key)
    return {"field": field, "key": key, "value": lines, "change": said(thresholds, "answers.change", question=question)}


def _immediate_row(thresholds: Thresholds, check: Check) -> dict[str, Any]:
    question = thresholds.question(IMMEDIATE_RISK)
    immediate = [
        said(thresholds, "answers.confirmed-for", worry=one_line(x.text))
        for x in (*thresholds.indicators, *thresholds.rules)
        if x.describes_immediate_risk and immediate_confirmation(x.id) in check.confirmed
    ]
    return _answer_row(
        thresholds,
        question.id,
        question.text,
        [_answer_label(thresholds, question, check.answers.get(question.id)), *immediate],
    )


def _area_rows(thresholds: Thresholds, check: Check) -> list[dict[str, Any]]:
    if not thresholds.areas:
        return []
    question = thresholds.question(AREA)
    return [
        _answer_row(thresholds, AREA, question.text, [_answer_label(thresholds, question, check.answers.get(AREA))])
    ]


def _chosen_row(thresholds: Thresholds, check: Check, field: str, key: str, strengths: bool) -> dict[str, Any]:
    chosen = [i for i in thresholds.indicators if i.id in check.indicators and i.is_strength == strengths]
    lines: list[Node | str] = [_chosen(thresholds, i, check) for i in chosen]
    return _answer_row(thresholds, field, said(thresholds, key), lines or [said(thresholds, "answers.none-chosen")])


def _strengths_rows(thresholds: Thresholds, check: Check) -> list[dict[str, Any]]:
    """The strengths chosen, where the guidance has any."""
    if not any(i.is_strength for i in thresholds.indicators):
        return []
    return [_chosen_row(thresholds, check, "strengths", "answers.strengths", strengths=True)]


def _question_row(thresholds: Thresholds, check: Check, question: Question) -> dict[str, Any]:
    lines: list[Node | str] = [_answer_label(thresholds, question, check.answers.get(question.id))]
    more = _MORE_LINES.get(question.id)
    return _answer_row(thresholds, question.id, question.text, lines + (more(thresholds, check) if more else []))


def _harm_confirmed_lines(thresholds: Thresholds, check: Check) -> list[Node | str]:
    """Beside significant harm: the worries and rules whose words describe harm, checked and confirmed."""
    return [
        said(thresholds, "answers.confirmed-for", worry=i.text)
        for i in thresholds.indicators
        if i.id in check.confirmed and i.id in check.indicators
    ] + [
        said(thresholds, "answers.confirmed-for-rule", rule=one_line(r.text))
        for r in thresholds.rules
        if r.describes_harm and r.id in check.confirmed
    ]


def _consent_note_lines(thresholds: Thresholds, check: Check) -> list[Node | str]:
    return [check.consent_note] if check.consent_note else []


# The lines a question's row has after its answer, where it has more.
_MORE_LINES: dict[str, Callable[[Thresholds, Check], list[Node | str]]] = {
    SIGNIFICANT_HARM: _harm_confirmed_lines,
    CONSENT: _consent_note_lines,
}


def _chosen(thresholds: Thresholds, indicator: Indicator, check: Check) -> str:
    """A chosen indicator as "Check your answers" lists it: a worry with its level, a strength alone
    (as strengths on a strength level always were) or with its level where it is not the first; and the
    age it is written for, where that is not the child's."""
    text = indicator.text
    if not indicator.is_strength or indicator.level.indicator_kind != "strength":
        text += f" ({indicator.level.label})"
    if _for_another_age(thresholds, check, indicator):
        confirmed = age_confirmation(indicator.id) in check.confirmed
        key = "answers.other-age-confirmed" if confirmed else "answers.other-age"
        band = age_band(indicator.age or AgeBand(), thresholds.phrases)
        text += ". " + words_of(thresholds.phrases, key, band=band, child=the_child(check, thresholds.phrases))
    return text


def _answer_label(thresholds: Thresholds, question: Question, value: str | None) -> Node | str:
    return question.label(value) if value else said(thresholds, "answers.not-answered")


def _age_text(thresholds: Thresholds, check: Check) -> Node | str:
    if check.unborn and check.age is None and check.age_text is None:
        return said(thresholds, "answers.unborn")
    if check.age_text is not None:
        return said(thresholds, "answers.age-typed", typed=check.age_text)
    if check.age is None:
        return said(thresholds, "answers.not-answered")
    age = age_words(check, thresholds.phrases)
    return said(thresholds, "answers.age-and-unborn", age=age) if check.unborn else age


def age_words(check: Check, phrases: Mapping[str, str] = ENGLISH) -> str:
    """A check's age as given: "7 months" for a baby under one given in months, else "7 years"."""
    return given_age(check.age, check.age_months, phrases)
