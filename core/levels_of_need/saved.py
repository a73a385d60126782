"""A check saved to a file, and opened again: the only way to keep a check.

A saved file is untrusted input: it may be another tool's, another partnership's, tampered
with, or made to break the page. ``open_check`` reads the whole file and either returns a check
the form can hold exactly (every id known to these thresholds, every answer one the form offers,
every text a string of sensible length), or raises CheckError with a plain-English message; the
page applies the result all or nothing. ``save_check`` writes the file through the same
normalisation, so the page never saves a check it would refuse to open.

What a check may hold that the checker then reports (an age outside the guidance's range, say)
is kept, as the form would keep it if typed: opening it shows the problem, never another child's
result. Standard library only (runs in the browser).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .interface import CATALOGUE, ENGLISH, fill, phrase_text
from .model import Thresholds
from .questions import MAX_TYPED
from .rules import CheckError, age_confirmation, immediate_confirmation
from .summary import DETAIL_KEYS, DETAIL_LABELS

FORMAT = "levels-of-need-check"
FORMAT_VERSION = 2
MAX_BYTES = 100_000  # a real saved check is a few kilobytes; the page refuses larger files unread
MAX_DEPTH = 8  # a saved check nests four deep
MAX_TEXT = MAX_TYPED  # characters in one typed answer (one limit, the questions')
SCALE_CHARACTERS = 10  # a scaling answer's box, as the page's (maxlength): a number is at most three digits
RENAMED_QUESTIONS = {"early_help_not_improving": "support_not_improving"}  # format 1 → 2

NOT_A_CHECK = CATALOGUE["saved.not-a-check"]


class Refused(CheckError):
    """A saved check refused, said by the catalogue's phrase ``key`` (levels_of_need.interface) with its
    values: its message is the English; ``open_check`` and ``save_check`` say it in the page's language."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(_words(ENGLISH, key, **values))
        self.key, self.values = key, values

    def said_in(self, phrases: Mapping[str, str]) -> CheckError:
        return CheckError(_words(phrases, self.key, **self.values), self.field)


def _words(phrases: Mapping[str, str], key: str, **values: object) -> str:
    return fill(phrase_text(phrases, key), values)


def save_check(thresholds: Thresholds, state: Mapping[str, Any]) -> str:
    """The saved file's text for the form's state, through the same checks as opening it: never larger
    than ``open_check`` reads (MAX_BYTES, one limit for both), else CheckError naming the longest answers."""
    try:
        return _saved(thresholds, state)
    except Refused as refused:
        raise refused.said_in(thresholds.phrases) from None


def _saved(thresholds: Thresholds, state: Mapping[str, Any]) -> str:
    check = normalise(thresholds, state)
    file = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "thresholds_version": thresholds.version,
        **_language_fields(thresholds),
        "state": check,
    }
    text = json.dumps(file, ensure_ascii=False, indent=2) + "\n"
    if _size(text) > MAX_BYTES:
        raise CheckError(_too_large_to_save(thresholds, check, _size(text)))
    return text


def _size(text: str) -> int:
    """A file's size as the page and ``open_check`` measure it: UTF-8 bytes."""
    return len(text.encode("utf-8"))


def typed_labels(thresholds: Thresholds) -> dict[str, str]:
    """Each typed answer's name in the saved state, and the words the page shows it under: a part the
    practice framework adds is saved under its id, beside the fixed details."""
    phrases = thresholds.phrases
    return {
        **{name: phrase_text(phrases, DETAIL_KEYS[name]) for name in DETAIL_LABELS},
        **{part.id: part.label for part in thresholds.framework_parts},
        **{name: phrase_text(phrases, key) for name, key in _NOTES.items()},
    }


# The other typed answers a saved check holds: their names in the saved state ("saved.<name>" in the catalogue).
_NOTES = {"consent_note": "saved.consent-note", "confirm_note": "saved.confirm-note", "override": "saved.override"}


def _too_large_to_save(thresholds: Thresholds, check: Mapping[str, Any], size: int) -> str:
    typed = {**check["details"], "consent_note": check["consent_note"], "confirm_note": check["confirm_note"]}
    if check["override"]:
        typed["override"] = check["override"]["reason"]
    # The words typed to the partnership's free-text questions, named by the question.
    free = [q for q in thresholds.questions if q.free_text and q.id in check["answers"]]
    typed |= {f"answers:{q.id}": check["answers"][q.id] for q in free}
    labels = typed_labels(thresholds) | {f"answers:{q.id}": q.text for q in free}
    longest = sorted((name for name in typed if typed[name]), key=lambda name: -_size(typed[name]))[:3]
    phrases = thresholds.phrases
    named = "; ".join(
        _words(phrases, "saved.answer-length", answer=labels[name], count=f"{len(typed[name]):,}") for name in longest
    )
    return _words(phrases, "saved.too-long", limit=MAX_BYTES // 1000, size=-(-size // 1000), answers=named)


def open_check(thresholds: Thresholds, text: str) -> dict[str, Any]:
    """{"state": the check as the form holds it, "thresholds_version": what it was saved with, "opened": the
    page's words for it}."""
    try:
        return _opened(thresholds, text)
    except Refused as refused:
        raise refused.said_in(thresholds.phrases) from None


def _opened(thresholds: Thresholds, text: str) -> dict[str, Any]:
    if _size(text) > MAX_BYTES:
        raise Refused("saved.too-large", limit=MAX_BYTES // 1000)
    if _depth(text) > MAX_DEPTH:
        raise Refused("saved.not-a-check")
    try:
        file = json.loads(text)
    except (ValueError, RecursionError):
        raise Refused("saved.not-json") from None
    if not isinstance(file, dict) or file.get("format") != FORMAT or not isinstance(file.get("state"), dict):
        raise Refused("saved.not-a-check")
    if file.get("format_version") not in (1, FORMAT_VERSION):
        raise Refused("saved.newer")
    version = file.get("thresholds_version")
    try:
        state = normalise(thresholds, file["state"], renamed=file["format_version"] == 1)
    except CheckError:
        raise
    except Exception:  # a file made to break the reader is refused whole, in the page's words
        raise Refused("saved.not-a-check") from None
    if not _evaluates(thresholds, state):
        raise Refused("saved.not-a-check")
    saved_with = version if isinstance(version, str) and len(version) < 100 else ""
    opened = opened_words(thresholds, saved_with, saved_in(thresholds, file))
    return {"state": state, "thresholds_version": saved_with, "opened": opened}


OPENED = CATALOGUE["saved.opened"]


def opened_words(thresholds: Thresholds, saved_with: str, language: str | None = None) -> str:
    """What the page says once a saved check is open: and, where it was made with other thresholds, which;
    where it was saved in another language of the same guidance (``language``: that language's name), so."""
    phrases = thresholds.phrases
    if saved_with == thresholds.version:
        return _words(phrases, "saved.opened")
    if language is not None:
        return _words(phrases, "saved.opened-in-language", language=language)
    version = saved_with or _words(phrases, "saved.version-unknown")
    return _words(phrases, "saved.opened-other-version", version=version, current=thresholds.version)


# ---- Which language of the guidance a check was saved in ---------------------------------------------
# A file that declares languages is built into a site for each (toolkit.site.languages); each language's
# data differs (its words), and so does its version stamp. A saved check says which language's page
# saved it and the whole file's stamp, so that the same guidance in another language is known as such.


def _language_fields(thresholds: Thresholds) -> dict[str, str]:
    page = thresholds.language
    return {"language": page.code, "guidance_version": page.file_version} if page else {}


def saved_in(thresholds: Thresholds, file: Mapping[str, Any]) -> str | None:
    """The name of the language a check was saved in, where that is another language of this page's
    guidance (the same file's stamp); None otherwise. The file is untrusted: only a declared code counts."""
    page = thresholds.language
    code = file.get("language")
    if page is None or code == page.code or file.get("guidance_version") != page.file_version:
        return None
    return page.names.get(code) if isinstance(code, str) else None


def _evaluates(thresholds: Thresholds, state: Mapping[str, Any]) -> bool:
    """Whether the checker can answer for the state: with a result, or with a problem it reports in its
    own words (an age out of range). A check it cannot read is refused whole, never opened half-shown."""
    from .api import page_answer  # api uses this module's neighbours; imported when opening

    problem = page_answer(thresholds, state)["problem"]
    return not (problem and problem["message"] == phrase_text(thresholds.phrases, "check.unreadable"))


def normalise(thresholds: Thresholds, state: Mapping[str, Any], renamed: bool = False) -> dict[str, Any]:
    """The state with exactly the keys the form has, each checked; CheckError for anything else."""
    indicators = _id_list(state.get("indicators"), {i.id for i in thresholds.indicators}, "indicators")
    confirmed = _confirmed(thresholds, state.get("confirmed"), indicators)
    answers = _answers(thresholds, state.get("answers"), renamed)
    details = _details(thresholds, state.get("details"))
    override = _override(thresholds, state.get("override"))
    return {
        "indicators": indicators,
        "age": _age(state.get("age")),
        "unborn": _flag(state.get("unborn"), "unborn"),
        "answers": answers,
        "confirmed": confirmed,
        "confirm_note": _text(state.get("confirm_note"), "confirm_note"),
        "consent_note": _text(state.get("consent_note"), "consent_note"),
        "override": override,
        "details": {name: _text(details.get(name), name) for name in DETAIL_LABELS} | _parts(thresholds, details),
    }


def _confirmed(thresholds: Thresholds, value: Any, indicators: list[str]) -> list[str]:
    """The confirmations that belong beside a chosen indicator, or a rule, whose words describe harm or name
    an immediate risk, or beside a chosen indicator with an age band; any other is dropped."""
    offered: set[str] = set()
    confirmable: set[str] = set()
    for kind in (_harm_confirmations, _age_confirmations, _immediate_confirmations):
        kind_offered, kind_confirmable = kind(thresholds, indicators)
        offered |= kind_offered
        confirmable |= kind_confirmable
    return [i for i in _id_list(value, offered, "confirmed") if i in confirmable]


# Each kind of confirmation: (every id a saved check may hold, those that belong beside these indicators).


def _harm_confirmations(thresholds: Thresholds, indicators: list[str]) -> tuple[set[str], set[str]]:
    harm_rules = {r.id for r in thresholds.rules if r.describes_harm}
    chosen_harm = {i.id for i in thresholds.indicators if i.describes_harm and i.id in indicators}
    return {i.id for i in thresholds.indicators} | harm_rules, chosen_harm | harm_rules


def _age_confirmations(thresholds: Thresholds, indicators: list[str]) -> tuple[set[str], set[str]]:
    ages = {age_confirmation(i.id) for i in thresholds.indicators if i.age is not None}
    return ages, {age_confirmation(i) for i in indicators} & ages


def _immediate_confirmations(thresholds: Thresholds, indicators: list[str]) -> tuple[set[str], set[str]]:
    immediate = {
        immediate_confirmation(x.id) for x in (*thresholds.indicators, *thresholds.rules) if x.describes_immediate_risk
    }
    beside = {immediate_confirmation(i) for i in indicators} | {immediate_confirmation(r.id) for r in thresholds.rules}
    return immediate, beside & immediate


def _answers(thresholds: Thresholds, value: Any, renamed: bool) -> dict[str, str]:
    """Each answer given, to a question the form asks, with a value the form offers (or, to a free-text
    question, typed words within the typed answers' limit). A conditional question's answer is kept as
    the form held it: the checker sets it aside while its theme is not chosen (rules.asked)."""
    asked = {q.id: q for q in thresholds.questions}  # the fixed questions and the file's own (area)
    raw_answers = value or {}
    if not isinstance(raw_answers, dict):
        raise _broken("answers")
    answers = {}
    for question, answer in raw_answers.items():
        question = RENAMED_QUESTIONS.get(question, question) if renamed else question
        if answer in (None, ""):
            continue
        if question in asked and asked[question].free_text:
            answers[question] = _text(answer, question)
            continue
        if question not in asked or not asked[question].accepts(answer):
            raise Refused("saved.unknown-answer", name=_short(question))
        answers[question] = answer
    return answers


def _details(thresholds: Thresholds, value: Any) -> dict[str, Any]:
    """The typed answers, by name; checked one by one later, as the form's own."""
    details = value or {}
    if not isinstance(details, dict):
        raise _broken("details")
    unknown = sorted(set(details) - set(DETAIL_LABELS) - {part.id for part in thresholds.framework_parts})
    if unknown:
        raise Refused("saved.unknown-typed", name=_short(unknown[0]))
    return details


def _parts(thresholds: Thresholds, details: Mapping[str, Any]) -> dict[str, str]:
    """What was typed for each part the practice framework adds. A scaling answer is kept as typed, as the
    form's box would keep it (off the scale, the checker says so when it opens), but only as short as the box
    takes it: anything longer, or not text, is no answer the form could hold."""
    typed = {}
    for part in thresholds.framework_parts:
        text = _text(details.get(part.id), part.id)
        if part.scale is not None and len(text) > SCALE_CHARACTERS:
            raise _broken(part.id)
        typed[part.id] = text
    return typed


def _override(thresholds: Thresholds, value: Any) -> dict[str, str] | None:
    """The practitioner's own view of the level, if any: a level these thresholds have, and why."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _broken("override")
    level = value.get("level") or ""
    if not isinstance(level, str):  # a list or an object is no level the form offers
        raise _broken("override")
    if level and level not in {lv.id for lv in thresholds.levels}:
        raise Refused("saved.unknown-level")
    return {"level": level, "reason": _text(value.get("reason"), "override")}


def _id_list(value: Any, known: set[str], what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _broken(what)
    unknown = [item for item in value if item not in known]
    if unknown:
        raise Refused(
            "saved.unknown-indicator" if len(unknown) == 1 else "saved.unknown-indicators", count=len(unknown)
        )
    return sorted(set(value), key=value.index)


def _age(value: Any) -> str:
    """The age as the form's box holds it: what was typed, kept for the checker to judge."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise _broken("age")
    text = str(value).strip()
    if len(text) > 10:
        raise _broken("age")
    return text


def _flag(value: Any, what: str) -> bool:
    if value is None or isinstance(value, bool):  # 1 and "yes" are not the form's tick
        return bool(value)
    raise _broken(what)


def _text(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _broken(what)
    if len(value) > MAX_TEXT:
        raise Refused("saved.typed-too-long", name=_short(what))
    return value


def _broken(what: str) -> Refused:
    return Refused("saved.damaged", name=_short(what))


def _short(text: str) -> str:
    """A name from the file, safe and short enough to put in a message."""
    printable = "".join(c if c.isprintable() else "?" for c in str(text))
    return printable[:40] + ("…" if len(printable) > 40 else "")


def _depth(text: str) -> int:
    """How deep the JSON's brackets nest, outside strings, without parsing it."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
        elif char in "]}":
            depth -= 1
    return deepest
