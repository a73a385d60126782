"""The referral summary: plain text or Markdown, generated from a check.

The summary is made of parts (``PARTS``): the suggested level, the child's age, the worries,
consent and so on. A partnership names, in its file, which of its referral questions receives
which parts (``referral_questions[].receives``), so the summary follows its own referral form,
in its own order; a part no question receives gets a block of its own under the checker's
heading. Identifying details are never asked for: a question's ``placeholders`` are left in
brackets for the referrer to fill in on the partnership's own form.

Standard library only (runs in the browser).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .interface import CATALOGUE, ENGLISH
from .model import Framework, FrameworkPart, Indicator, ReferralQuestion, Thresholds
from .present import (
    REFERRER,
    Node,
    age_band,
    age_words,
    area_note,
    area_step_parts,
    asked,
    challenge_text,
    contact_nodes,
    headline,
    inline_text,
    level_and_route,
    one_line,
    overruled_answer,
    reason_text,
    still_to_answer,
    to_text,
    words_of,
)
from .questions import AREA
from .rules import CONSENT, Check, CheckError, Result, in_area, is_asked, written_for_another_age

# The catalogue's phrases (levels_of_need.interface) for the summary's parts and the page's boxes, by name:
# a part's heading where no referral question receives it, what is left in brackets where nothing is written
# (and the reasons for consent left to give), and the name of each box the referrer types the details in.
PART_KEYS = {
    "level": "summary.part-level",
    "age": "summary.part-age",
    "worries": "summary.part-worries",
    "consent": "summary.part-consent",
    "tried": "summary.part-tried",
    "professionals": "summary.part-professionals",
    "strengths": "summary.part-strengths",
    "needs": "summary.part-needs",
    "child_voice": "summary.part-child-voice",
    "availability": "summary.part-availability",
}
LEFT_KEYS = {
    "worries": "summary.left-worries",
    "consent": "summary.left-consent",
    "tried": "summary.left-tried",
    "professionals": "summary.left-professionals",
    "strengths": "summary.left-strengths",
    "needs": "summary.left-needs",
    "child_voice": "summary.left-child-voice",
    "availability": "summary.left-availability",
    "not-sought": "summary.left-not-sought",
    "refused": "summary.left-refused",
}
DETAIL_KEYS = {
    "worry": "summary.detail-worry",
    "impact": "summary.detail-impact",
    "tried": "summary.detail-tried",
    "worked": "summary.detail-worked",
    "professionals": "summary.detail-professionals",
    "child_voice": "summary.detail-child-voice",
    "strengths": "summary.detail-strengths",
    "needs": "summary.detail-needs",
    "family_view": "summary.detail-family-view",
    "availability": "summary.detail-availability",
}
SIGNS_OF_SAFETY_KEYS = {
    "worries": "summary.signs-of-safety-worries",
    "strengths": "summary.signs-of-safety-strengths",
    "needs": "summary.signs-of-safety-needs",
}

# The referrer's own words: field name and the question the form asks (the catalogue's English).
DETAIL_LABELS = {name: CATALOGUE[key] for name, key in DETAIL_KEYS.items()}


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
    # What was typed for each part the partnership's practice framework adds, by the part's id
    # (Framework.parts): a danger statement, a safety goal, a scaling answer as typed.
    parts: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> Details:
        """The fixed fields by name; every other name is a framework part's id (only the file's are read)."""
        names = {f.name for f in fields(cls)} - {"parts"}
        own = {k: str(v) for k, v in values.items() if k not in names}
        return cls(**{k: str(v) for k, v in values.items() if k in names}, parts=own)


Block = tuple[str, list[str]]


@dataclass(frozen=True)
class Part:
    """A part of the summary that a referral question can receive."""

    id: str
    heading: str  # the part's own heading, where no referral question receives it
    holds: str  # what the summary puts there (for the docs and the schema)


PARTS: tuple[Part, ...] = (
    Part(
        "level",
        CATALOGUE[PART_KEYS["level"]],
        "the suggested level and route with every reason, any answer the checker asked the referrer to check, "
        "and the referrer's own view of the level",
    ),
    Part(
        "age",
        CATALOGUE[PART_KEYS["age"]],
        "the child's age in years, or that the child is unborn, and the child's area where the partnership has areas",
    ),
    Part(
        "worries",
        CATALOGUE[PART_KEYS["worries"]],
        "the worries and their impact on the child, in the referrer's words, and the threshold indicators chosen",
    ),
    Part(
        "consent",
        CATALOGUE[PART_KEYS["consent"]],
        "the answer to the consent question, and why consent was not sought or what was done",
    ),
    Part(
        "tried",
        CATALOGUE[PART_KEYS["tried"]],
        "what has been tried and what worked, and whether help was tried without enough improvement",
    ),
    Part("professionals", CATALOGUE[PART_KEYS["professionals"]], "the other professionals working with the family"),
    Part("strengths", CATALOGUE[PART_KEYS["strengths"]], "strengths and existing safety, and the strengths chosen"),
    Part("needs", CATALOGUE[PART_KEYS["needs"]], "what needs to happen, and the family's view"),
    Part("child_voice", CATALOGUE[PART_KEYS["child_voice"]], "the child's wishes and feelings"),
    Part("availability", CATALOGUE[PART_KEYS["availability"]], "when and how the referrer can be contacted"),
)
PART_IDS: tuple[str, ...] = tuple(part.id for part in PARTS)
# Names a part the practice framework adds may not take: the fixed parts', and the typed answers' (the page
# and a saved check hold a framework part's text beside theirs, under its id).
RESERVED_IDS: frozenset[str] = frozenset(PART_IDS) | frozenset(DETAIL_LABELS)

# A partnership's practice framework names the summary's headings (``practice_framework.headings``);
# a file that gives the Signs of Safety questions (``signs_of_safety``) and no framework of its own has
# chosen Signs of Safety, whose three questions head these parts. With neither, the plain headings above.
SIGNS_OF_SAFETY = Framework(
    name="Signs of Safety",
    headings={part: CATALOGUE[key] for part, key in SIGNS_OF_SAFETY_KEYS.items()},
)


def practice_framework(thresholds: Thresholds) -> Framework | None:
    """The partnership's practice framework, as its file names it, or None."""
    return thresholds.practice_framework or (SIGNS_OF_SAFETY if thresholds.signs_of_safety else None)


def all_part_ids(thresholds: Thresholds) -> tuple[str, ...]:
    """Every part of this partnership's summary: the fixed ones, then those its practice framework adds."""
    return PART_IDS + tuple(part.id for part in thresholds.framework_parts)


def framework_part(thresholds: Thresholds, part: str) -> FrameworkPart | None:
    return next((p for p in thresholds.framework_parts if p.id == part), None)


def heading(thresholds: Thresholds, part: str) -> str:
    """A part's heading where no referral question receives it: the practice framework's, else plain."""
    own = framework_part(thresholds, part)
    if own is not None:
        return own.heading
    framework = practice_framework(thresholds)
    if framework is SIGNS_OF_SAFETY and part in framework.headings:  # the toolkit's words for its questions
        return words_of(thresholds.phrases, SIGNS_OF_SAFETY_KEYS[part])
    return (framework and framework.headings.get(part)) or words_of(thresholds.phrases, PART_KEYS[part], REFERRER)


def summary_blocks(thresholds: Thresholds, check: Check, result: Result, details: Details) -> list[Block]:
    """The summary's headed blocks: the level first unless a referral question receives it, then the
    partnership's referral questions in its order, then every part no question receives; consent last where
    the child may be at risk of significant harm. Only the questions are numbered: any list in the checker's
    words is lettered (to_text), so that no number in the summary reads as another question's."""
    made = _Parts(thresholds, check, result, details)
    received = {part for question in thresholds.referral_questions for part in question.receives}
    blocks: list[Block] = [] if "level" in received else made.blocks("level")
    # Where the child may be at risk of significant harm, parental consent never leads: the question that
    # receives it, or its own block, goes last. The questions are numbered in the order shown (the summary's
    # own numbers, not the form's), so that they read 1, 2, 3 down the page wherever consent goes.
    at_risk = result.at_risk
    moved = [q for q in thresholds.referral_questions if at_risk and "consent" in q.receives]
    shown = [q for q in thresholds.referral_questions if q not in moved] + moved
    numbered = [(f"{n}. {q.question}", _question_lines(q, made)) for n, q in enumerate(shown, start=1)]
    blocks += numbered[: len(shown) - len(moved)]
    consent_last: list[Block] = numbered[len(shown) - len(moved) :]
    for part in all_part_ids(thresholds):
        if part != "level" and part not in received:
            (consent_last if at_risk and part == "consent" else blocks).extend(made.blocks(part))
    blocks += consent_last
    phrases = thresholds.phrases
    version = words_of(phrases, "summary.version", title=thresholds.document.title, version=result.thresholds_version)
    blocks.append((words_of(phrases, "summary.thresholds"), [version, words_of(phrases, "summary.suggested-by")]))
    return blocks


def _question_lines(question: ReferralQuestion, made: _Parts) -> list[str]:
    """What goes under a referral question: its placeholders, then each part it receives (headed by
    the part's own heading where there is more than one)."""
    lines = [f"[{placeholder}]" for placeholder in question.placeholders]
    parts = [block for part in question.receives for block in made.blocks(part)]
    for heading, body in parts:
        lines += ([f"{heading}:"] if len(parts) > 1 else []) + body
    return lines or [words_of(made.thresholds.phrases, "summary.your-answer", made.voice)]


# Characters no summary carries: controls (a terminal's escapes, a bell, a carriage return that overwrites a
# line) and the marks that reorder text (a right-to-left override makes "01634" read "43610"). The file's own
# text may hold none (toolkit.load.text); typed text, or a saved check's, may: they are taken out, unseen.
_UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """``text`` without the characters no summary carries (tabs and line breaks stay)."""
    return _UNSHOWN.sub("", text)


def render_text(thresholds: Thresholds, check: Check, result: Result, details: Details) -> str:
    out = [words_of(thresholds.phrases, "summary.title", partnership=thresholds.partnership.name), ""]
    for heading, lines in summary_blocks(thresholds, check, result, details):
        out += [heading, "-" * min(len(heading), 72), *lines, ""]
    return shown("\n".join(out)).rstrip() + "\n"


def render_markdown(thresholds: Thresholds, check: Check, result: Result, details: Details) -> str:
    """Markdown in which every text, the referrer's own words above all, is literal: no HTML, link or
    heading can come from what was typed."""
    title = words_of(thresholds.phrases, "summary.title-markdown", partnership=thresholds.partnership.name)
    out = [f"# {markdown_text(title, heading=True)}", ""]
    for heading, lines in summary_blocks(thresholds, check, result, details):
        out += [f"## {markdown_text(heading, heading=True)}", ""]
        in_list = False
        for line in filter(None, map(shown, lines)):  # before a control could split a line in two
            bullet = line.startswith("- ")
            text = markdown_text(line[2:] if bullet else line)
            if bullet != in_list and out[-1]:
                # A list set apart by blank lines: a line straight after an item would be read as part of it
                # (lazy continuation), and some renderers (Python-Markdown) read a list straight after a line
                # as more of that line.
                out.append("")
            out.append(f"- {text}" if bullet else f"{text}  ")
            in_list = bullet
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# Backslash escapes for the characters that make links, images, emphasis, code, headings, tables and
# attribute lists ("{: onclick=… }", which MkDocs' attr_list reads) anywhere in a line; the three that
# start HTML or entities become entities instead.
_MARKDOWN_SPECIAL = str.maketrans({**{c: "\\" + c for c in "\\`*_[]()#!|~{}"}, "&": "&amp;", "<": "&lt;", ">": "&gt;"})
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


class _Parts:
    """Each part of the summary for one check, as headed blocks of lines."""

    def __init__(self, thresholds: Thresholds, check: Check, result: Result, details: Details) -> None:
        self.thresholds, self.check, self.result, self.details = thresholds, check, result, details
        # The summary is the referrer's: what the checker adds there says "I", whether the partnership's
        # questions say "I" ("Have I included…") or ask "you" ("What is worrying you…", answered "I…").
        self.voice = REFERRER
        self.makers: Mapping[str, Callable[[], list[Block]]] = {
            "level": self.level,
            "age": lambda: [(self.heading("age"), [_age_line(check, thresholds.phrases), *self.area_lines()])],
            "worries": self.worries,
            "consent": self.consent,
            "tried": self.tried,
            "professionals": lambda: self.own_words("professionals", [details.professionals]),
            "strengths": self.strengths,
            "needs": self.needs,
            "child_voice": lambda: self.own_words("child_voice", [details.child_voice]),
            "availability": lambda: self.own_words("availability", [details.availability]),
            **{part.id: self.framework_maker(part) for part in thresholds.framework_parts},
        }
        assert set(self.makers) == set(all_part_ids(thresholds))

    def framework_maker(self, part: FrameworkPart) -> Callable[[], list[Block]]:
        typed = self.details.parts.get(part.id, "")
        return lambda: [(part.heading, framework_lines(part, typed, self.thresholds.phrases))]

    def blocks(self, part: str) -> list[Block]:
        return self.makers[part]()

    def level(self) -> list[Block]:
        thresholds, result = self.thresholds, self.result
        lines = [*_level_lines(thresholds, result, self.voice), *self.answers("level")]
        blocks: list[Block] = [(self.heading("level"), lines)]
        checked = [challenge_text(thresholds, c, self.voice) for c in result.challenges]
        overruled = overruled_answer(thresholds, result, self.voice)
        if overruled:
            checked.append(overruled)
        if checked:
            if self.check.confirm_note:
                checked.append(self.words("summary.your-reason", reason=self.check.confirm_note))
            blocks.append((self.words("summary.asked-to-check"), checked))
        if result.override:
            blocks.append((self.words("summary.professional-view"), _override_lines(thresholds, result, self.voice)))
        return blocks

    def words(self, key: str, **values: object) -> str:
        """The catalogue's phrase ``key`` in the data's language and the referrer's voice, values filled in."""
        return words_of(self.thresholds.phrases, key, self.voice, **values)

    def worries(self) -> list[Block]:
        lines = _or_placeholder([self.details.worry], self.placeholder("worries"))
        if self.details.impact:
            lines.append(self.words("summary.impact", impact=self.details.impact))
        lines += self.answers("worries")
        # From the check itself, not the reasons: an emergency result's only reason is the call to make.
        chosen = [i for i in self.thresholds.indicators if i.id in self.check.indicators and not i.is_strength]
        if chosen:
            lines.append(self.words("summary.indicators"))
            lines += [
                "- "
                + self.words("summary.indicator", number=i.level.number, domains=i.domain_names, worry=i.text)
                + self.written_for(i)
                for i in chosen
            ]
        return [(self.heading("worries"), lines)]

    def written_for(self, indicator: Indicator) -> str:
        """Beside an indicator the checker offers for another age than the child's: which age (the
        checker's band, from the partnership's file, not the guidance's words)."""
        other = indicator.age is not None and written_for_another_age(indicator, self.check)
        if not other or indicator.age is None:
            return ""
        return " " + self.words("summary.offered-for", band=age_band(indicator.age, self.thresholds.phrases))

    def area_lines(self) -> list[str]:
        """The child's area where the partnership has areas (a placeholder until answered), and any other
        answer stated with the age."""
        answers = self.answers("age")
        area_given = self.check.answers.get(AREA)
        return answers if area_given or not self.thresholds.areas else [self.words("summary.area-left"), *answers]

    def answers(self, part: str) -> list[str]:
        """Every answer given to a question whose answer this part states, in the form's order: derived
        from the questions' definitions, so that no answer given is ever left out of the summary."""
        lines = []
        for question in self.thresholds.questions:
            given = self.check.answers.get(question.id)
            if question.summary_part != part or not given or not is_asked(self.thresholds, self.check, question):
                continue
            if question.free_text:  # typed by the referrer: under the question, as the referral details are
                lines.append(f"{asked(question, self.voice)} {given}")
                continue
            option = question.option(given)
            if question.id == "consent":
                lines.append(option.words.capitalize() + ".")
            elif question.id == AREA:
                lines.append(self.words("summary.area", area=option.words))
            else:
                lines.append(f"{asked(question, self.voice)} {option.label}")
        return lines

    def consent(self) -> list[Block]:
        lines = self.answers("consent") or [self.placeholder("consent")]
        if self.result.at_risk:
            # The guidance's own words on consent where the child may be at risk, before the answer.
            lines = [
                self.words("result.guidance-says", words=one_line(words))
                for words in consent_words(self.thresholds, self.result)
            ] + lines
        if self.check.consent_note:
            lines.append(self.words("summary.consent-why", note=self.check.consent_note))
        elif (answer := self.check.answers.get(CONSENT, "")) in CONSENT_REASONS:
            # The guidance asks the referrer to say why consent was not sought, or what was done to gain it:
            # left for them to fill in, never left out.
            lines.append(self.placeholder(answer))
        return [(self.heading("consent"), lines)]

    def tried(self) -> list[Block]:
        details = self.details
        worked = self.words("summary.what-worked", worked=details.worked) if details.worked else ""
        lines = _or_placeholder([details.tried, worked], self.placeholder("tried"))
        return [(self.heading("tried"), lines + self.answers("tried"))]

    def strengths(self) -> list[Block]:
        lines = [self.details.strengths] if self.details.strengths else []
        lines += [f"- {s.text}" for s in self.result.strengths]
        return [(self.heading("strengths"), (lines or [self.placeholder("strengths")]) + self.answers("strengths"))]

    def needs(self) -> list[Block]:
        family = self.details.family_view
        view = self.words("summary.family-view", view=family) if family else ""
        return self.own_words("needs", [self.details.needs, view])

    def own_words(self, part: str, lines: list[str]) -> list[Block]:
        """A part the referrer writes, then every answer whose question names the part (summary_part)."""
        return [(self.heading(part), _or_placeholder(lines, self.placeholder(part)) + self.answers(part))]

    def placeholder(self, part: str) -> str:
        """What the summary leaves in brackets for a part, or a reason for consent, the referrer has not written."""
        return self.words(LEFT_KEYS[part])

    def heading(self, part: str) -> str:
        return heading(self.thresholds, part)


def framework_lines(part: FrameworkPart, typed: str, phrases: Mapping[str, str] = ENGLISH) -> list[str]:
    """A framework part's lines: what was typed, or its label in brackets; a scaling answer under the
    question it answers, with what the scale's two ends mean in the partnership's words."""
    if part.scale is None:
        return [typed or f"[{one_line(part.label)}]"]
    scale = part.scale
    typed = typed.strip()
    typed = str(int(typed)) if WHOLE_NUMBER.fullmatch(typed) else typed  # "07" is 7
    ends = {"lowest": scale.lowest, "highest": scale.highest}
    answer = words_of(phrases, "summary.on-scale", typed=typed, **ends) if typed else ""
    return [
        part.label,
        answer or words_of(phrases, "summary.scale-left", **ends),
        f"- {scale.lowest}: {scale.lowest_means}",
        f"- {scale.highest}: {scale.highest_means}",
    ]


# A scaling answer as typed: ASCII digits only (no sign, point or words), at most three.
WHOLE_NUMBER = re.compile(r"[0-9]{1,3}")


def off_scale(thresholds: Thresholds, details: Details) -> list[CheckError]:
    """A CheckError, naming its box, for each scaling answer that is not a whole number on the part's own scale.
    The summary never carries such an answer (it leaves the part for the referrer to fill in: ``on_scale``),
    and it never stops the result: a slip in a summary detail must not take away what to do now."""
    return [
        CheckError(
            words_of(
                thresholds.phrases,
                "summary.off-scale",
                heading=one_line(part.heading),
                lowest=part.scale.lowest,
                highest=part.scale.highest,
            ),
            field=f"detail-{part.id}",
        )
        for part in thresholds.framework_parts
        if part.scale is not None
        and (typed := details.parts.get(part.id, "").strip())
        and not (WHOLE_NUMBER.fullmatch(typed) and part.scale.covers(int(typed)))
    ]


def on_scale(details: Details, refused: list[CheckError]) -> Details:
    """``details`` without the scaling answers ``off_scale`` refused."""
    boxes = {problem.field for problem in refused}
    return replace(details, parts={k: v for k, v in details.parts.items() if f"detail-{k}" not in boxes})


# Consent not sought or refused, and no reason typed: what the summary leaves for the referrer to say (the
# catalogue's English; a language's own words for it where its data gives them: _Parts.placeholder).
CONSENT_REASONS: Mapping[str, str] = {answer: CATALOGUE[LEFT_KEYS[answer]] for answer in ("not-sought", "refused")}


def asks_consent_note(check: Check) -> bool:
    """Whether the page offers the box for why consent was not sought or what was done to seek it: where
    the answer leaves a reason to give (CONSENT_REASONS), or a reason has been typed (never hidden once typed)."""
    return check.answers.get(CONSENT, "") in CONSENT_REASONS or bool(check.consent_note)


def consent_words(thresholds: Thresholds, result: Result) -> list[str]:
    """The guidance's words on consent where a child may be at risk of significant harm: the partnership's
    own guidance for the referral question that receives consent ("In some rare cases your
    professional view will be that seeing consent will increase the risk to the child …"); without one, the
    words of the route's steps that seek consent (each names the exception where consent would place the
    child at risk), and the guidance's exceptions for the child's worries."""
    question = thresholds.referral_question_receiving("consent")
    if question is not None and question.guidance:
        return [question.guidance]
    route = result.route_but_for_consent
    own = [in_area(step, result.area) for step in route.next_steps if step.seeks_consent] if route else []
    # Each area's own words too while the child's area is not known (the result says it is not answered).
    steps = ["".join([step.text, *map(str, area_step_parts(step, phrases=thresholds.phrases))]) for step in own]
    return [*steps, *(rule.text for rule in result.consent_exceptions)]


def _level_lines(thresholds: Thresholds, result: Result, voice: str) -> list[str]:
    phrases = thresholds.phrases
    if result.emergency:
        lines = [words_of(phrases, "summary.emergency")]
        lines += to_text(area_note(thresholds, result, voice), lettered=True).strip().splitlines()
        lines += [f"- {_plain(contact_nodes(c, result.area, phrases))}" for c in result.emergency_contacts]
        return lines
    # The same words as the page: the headline, what is still open, then every reason.
    still_open = to_text(still_to_answer(thresholds, result, voice), lettered=True).strip().splitlines()
    lines = [headline(thresholds, result), *still_open, words_of(phrases, "summary.reasons")]
    lines += [f"- {reason_text(reason, voice, phrases)}" for reason in result.reasons]
    return lines


def _override_lines(thresholds: Thresholds, result: Result, voice: str) -> list[str]:
    assert result.override and result.override_level
    phrases = thresholds.phrases
    suggested = (
        level_and_route(result.level, result.route) if result.route else words_of(phrases, "summary.no-level-yet")
    )
    reason = result.override.reason or words_of(phrases, "summary.reason-left")
    return [
        words_of(phrases, "summary.override", voice, level=result.override_level.label, suggested=suggested),
        words_of(phrases, "summary.your-reason", voice, reason=reason),
    ]


def _age_line(check: Check, phrases: Mapping[str, str] = ENGLISH) -> str:
    if check.unborn:
        return words_of(phrases, "summary.age-unborn")
    return (
        words_of(phrases, "summary.age", age=age_words(check, phrases))
        if check.age is not None
        else (words_of(phrases, "summary.age-left"))
    )


def _plain(parts: list[Node | str]) -> str:
    """Words with links as plain text: a web page's address is written out, since text has no links."""
    return "".join(
        part
        if isinstance(part, str)
        else f"{inline_text(part)} ({part['attrs']['href']})"
        if part.get("attrs", {}).get("href", "").startswith("https:")
        else inline_text(part)
        for part in parts
    )


def _or_placeholder(lines: list[str], placeholder: str) -> list[str]:
    kept = [line for line in lines if line]
    return kept or [placeholder]


def schema_defs() -> dict[str, Any]:
    """The part of the thresholds schema these parts define: what a referral question may receive, the
    headings a practice framework gives them and the parts it adds."""
    return {
        "practice_framework": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "anyOf": [{"required": ["headings"]}, {"required": ["parts"]}],
            "description": "The partnership's practice framework: the headings it gives the summary's parts "
            "(where no referral question receives them), and the parts it adds. Without it, a file with "
            "signs_of_safety has Signs of Safety's headings, and any other the plain ones.",
            "properties": {
                "name": {"$ref": "#/$defs/text", "description": "The framework's name."},
                "headings": {
                    "type": "object",
                    "additionalProperties": False,
                    "minProperties": 1,
                    "properties": {p.id: {"$ref": "#/$defs/text", "description": p.heading} for p in PARTS},
                },
                "parts": {
                    "type": "array",
                    "minItems": 1,
                    "items": {"$ref": "#/$defs/framework_part"},
                    "description": "Parts the framework adds to the referral summary, such as a danger statement, a "
                    "safety goal or a scaling question: the referrer types each on the self-check's 'Write the "
                    "referral summary' page, and it goes under the referral question that receives it, or under "
                    "its own heading after the others.",
                },
            },
        },
        "framework_part": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "heading", "label"],
            "properties": {
                "id": {
                    "$ref": "#/$defs/id",
                    "description": "What referral_questions[].receives names it by; not one of the fixed parts' ids.",
                },
                "heading": {
                    "$ref": "#/$defs/text",
                    "description": "Its heading where no referral question receives it.",
                },
                "label": {
                    "$ref": "#/$defs/text",
                    "description": "The box's label on the page: the framework's question.",
                },
                "hint": {"$ref": "#/$defs/text", "description": "A line under the label, in the framework's words."},
                "scale": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["lowest", "highest", "lowest_means", "highest_means"],
                    "description": "A scaling question: answered with a whole number from lowest to highest (0 to 10, "
                    "or the framework's own range), each end's meaning in the framework's words.",
                    "properties": {
                        "lowest": {"type": "integer", "minimum": 0, "maximum": 100},
                        "highest": {"type": "integer", "minimum": 1, "maximum": 100},
                        "lowest_means": {"$ref": "#/$defs/text"},
                        "highest_means": {"$ref": "#/$defs/text"},
                    },
                },
            },
        },
        "fixed_part": {
            "enum": list(PART_IDS),
            "description": "One of the summary's own parts, which every check has (not a part practice_framework.parts "
            "adds, which holds only what is typed in it).",
        },
        "summary_part": {
            "anyOf": [{"$ref": "#/$defs/fixed_part"}, {"$ref": "#/$defs/id"}],
            "description": "A part of the referral summary: " + "; ".join(f"{p.id}: {p.holds}" for p in PARTS) + "; "
            "or the id of a part practice_framework.parts adds.",
        },
    }
