"""A training session in the presenter: the room's counts for each vignette, before and after
discussion, and how far the room agreed.

The trainer picks a scenario set and the room's size; for each vignette the room answers twice
(round 1, then round 2 after discussion), and the trainer types how many chose each level, and how
many were not sure. Only counts: no names, no answers per person. The session lives in the page's
memory until the trainer downloads it, and a downloaded session can be opened again to resume.

Everything the presenter shows about the counts comes from here, through the worker: whether the
counts add up to the room, the shares below, at and above the answer key, pairwise agreement, and
the session's coefficients (``agreement``, the one definition of each statistic).
``python -m toolkit agreement SESSION_FILE`` prints the same words from the same functions.

A session file is untrusted input, as a saved check is (``saved``): ``open_session`` reads the whole
file and returns a session the page can hold exactly, or raises CheckError with a plain-English
message, before anything on the page changes; ``save_session`` writes the file through the same
checks, so the page never saves a session it would refuse to open. Standard library only (runs in
the browser).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from . import agreement
from .model import Level, Scenario, ScenarioSet, Thresholds
from .present import Node, node, to_text
from .rules import CheckError
from .saved import _depth
from .training import answer_key_label

FORMAT = "levels-of-need-training-session"
FORMAT_VERSION = 1
MAX_BYTES = 200_000  # a session of 40 vignettes with its summary is under 60 kB; the page refuses larger unread
MAX_DEPTH = 8  # a session file nests six deep
MAX_PEOPLE = 999  # in a room, or choosing one answer
MAX_TITLE = 200  # characters in the session's title
MAX_VIGNETTES = 100
MIN_VIGNETTES = 6  # below this, the interval is too wide to say anything (about ±0.19 with 6 and 20 people)
ROUNDS = 2
STEPS = ("round-1", "discussion", "round-2", "reveal")
STEP_NAMES = {"round-1": "Round 1", "discussion": "Discussion", "round-2": "Round 2", "reveal": "The reveal"}
ROUND_NAMES = (STEP_NAMES["round-1"], STEP_NAMES["round-2"])
NOT_SURE_LABEL = "Not sure"
NOT_ASKED = "not asked"
SUMMARY = "summary"  # the step after the last vignette
ALL_SCENARIOS = "all-scenarios"  # the one set offered where the file has scenarios and no scenario_sets
NOT_SURE = "not_sure"
COUNTS = "counts"  # the field of a problem with a round's counts as a whole (the page marks every box)

TOO_FEW = "too few vignettes to measure agreement"
PUBLISHED = "Published: κ = .29 (Kang & Poertner 2006); α = .58 (Bolton et al. 2021)"
PUBLISHED_CONTEXT = (
    "These figures come from published studies of professionals deciding other cases against other thresholds: "
    "they show how far professionals have disagreed, and are no target for this room."
)
ROOM_OF_ONE = (
    "A room of 1 person cannot show agreement: agreement needs two people or more. The session still shows "
    "each answer against the answer key."
)
CHOOSE_THE_SESSION = "Choose the session file: the one downloaded as “Download the session”, whose name ends .json."
NOT_A_SESSION = f"This file is not a training session saved by this presenter. {CHOOSE_THE_SESSION}"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# ---- Sets ------------------------------------------------------------------------------------------


def session_sets(thresholds: Thresholds) -> tuple[ScenarioSet, ...]:
    """The scenario sets a session can take: the file's own, or every scenario in order where it has none."""
    if thresholds.scenario_sets:
        return thresholds.scenario_sets
    if thresholds.scenarios:
        return (ScenarioSet(id=ALL_SCENARIOS, title="Every scenario, in order", scenarios=thresholds.scenarios),)
    return ()


def set_label(chosen: ScenarioSet) -> str:
    """A set as the setup form lists it: its title, and how many vignettes it has unless the title says
    so already (\"8 scenarios\", \"10 fictional scenarios\", \"8 twins\": the number before such a word)."""
    n = len(chosen.scenarios)
    if re.search(rf"(?<![\d.]){n}\s+(?:\w+\s+)?(?:scenarios?|vignettes?|twins?|cases?)\b", chosen.title, re.IGNORECASE):
        return chosen.title
    return f"{chosen.title} ({n} {'vignette' if n == 1 else 'vignettes'})"


def _set(thresholds: Thresholds, set_id: Any) -> ScenarioSet | None:
    return next((s for s in session_sets(thresholds) if s.id == set_id), None)


def balance_warning(thresholds: Thresholds, keys: Sequence[Level]) -> str | None:
    """Words for a set whose answer keys crowd into some levels: where some level is the key of fewer
    than two vignettes, or the commonest level of more than twice as many as the rarest."""
    if not keys:
        return None
    per_level = [sum(1 for level in keys if level.id == lv.id) for lv in thresholds.levels]
    if min(per_level) >= 2 and max(per_level) <= 2 * min(per_level):
        return None
    spread = ", ".join(f"Level {lv.number}: {n}" for lv, n in zip(thresholds.levels, per_level, strict=True))
    return (
        f"The set is unbalanced across levels (answer keys: {spread}). Fleiss’ κ and Krippendorff’s α fall "
        "when most answers are at one level, for reasons that have nothing to do with the room; AC1 is less affected."
    )


# ---- Checking what the page sends, and a file ---------------------------------------------------------


def start(thresholds: Thresholds, raw: Mapping[str, Any]) -> dict[str, Any]:
    """A new session from the setup form: {title, set, room_size, date}."""
    title = _title(raw.get("title"))
    chosen = _set(thresholds, raw.get("set"))
    if chosen is None:
        raise CheckError("Choose a scenario set.", "set")
    room = _whole(raw.get("room_size"), "room_size", "the number of people in the room", minimum=1)
    return {
        "title": title,
        "date": _date(raw.get("date")),
        "set": chosen.id,
        "room_size": room,
        "vignettes": [{"scenario": s.id, "rounds": [None] * ROUNDS} for s in chosen.scenarios],
        "position": {"vignette": 0, "step": STEPS[0]},
    }


def record(thresholds: Thresholds, session: Mapping[str, Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """The session with one round's counts, as typed: {vignette, round, counts: {level id: text}, not_sure}.
    An empty box is 0. The counts, with "not sure", must add up to the room."""
    session = normalise(thresholds, session)
    index = raw.get("vignette")
    round_number = raw.get("round")
    if not (_is_int(index) and 0 <= index < len(session["vignettes"])) or round_number not in range(1, ROUNDS + 1):
        raise CheckError("There is no such vignette or round in this session.")
    typed = raw.get("counts") or {}
    if not isinstance(typed, dict):
        raise CheckError("The counts are not in the form this presenter sends.")
    if all(_blank(typed.get(level.id)) for level in thresholds.levels) and _blank(raw.get(NOT_SURE)):
        raise CheckError(
            "Nothing was typed. Type how many chose each level, and how many were not sure: the counts add up "
            f"to the room’s {session['room_size']} {_people(session['room_size'])}.",
            COUNTS,
        )
    counts = {}
    for level in thresholds.levels:
        counts[level.id] = _whole(typed.get(level.id), f"count-{level.id}", f"the number who chose {level.label}")
    not_sure = _whole(raw.get(NOT_SURE), f"count-{NOT_SURE}", "the number who were not sure")
    total = sum(counts.values()) + not_sure
    if total != session["room_size"]:
        raise CheckError(
            f"The counts add up to {total}, but the room has {session['room_size']} "
            f"{_people(session['room_size'])}. Check the counts. Count anyone who did not choose a level as not sure.",
            COUNTS,
        )
    session["vignettes"][index]["rounds"][round_number - 1] = {"counts": counts, NOT_SURE: not_sure}
    return session


def move(thresholds: Thresholds, session: Mapping[str, Any], position: Mapping[str, Any]) -> dict[str, Any]:
    session = normalise(thresholds, session)
    session["position"] = _position(position, session["vignettes"])
    return session


def normalise(thresholds: Thresholds, session: Any) -> dict[str, Any]:
    """The session with exactly the keys the presenter holds, each checked; CheckError for anything else."""
    if not isinstance(session, Mapping):
        raise CheckError(_broken("session"))
    chosen = _set(thresholds, session.get("set"))
    if chosen is None:
        raise CheckError(
            "This session uses a scenario set these thresholds do not have. It may have been saved for "
            "another partnership’s guidance, or before the sets changed."
        )
    room = _room_size(session.get("room_size"))
    title = _checked_title(session.get("title", ""))
    date = _checked_date(session.get("date", ""))
    vignettes = _vignettes(thresholds, session.get("vignettes"), room)
    return {
        "title": _title(title),
        "date": date,
        "set": chosen.id,
        "room_size": room,
        "vignettes": vignettes,
        "position": _position(session.get("position"), vignettes),
    }


def _room_size(room: Any) -> int:
    if not (_is_int(room) and 1 <= room <= MAX_PEOPLE):
        raise CheckError(_broken("room size"))
    return room


def _checked_title(title: Any) -> str:
    if not isinstance(title, str) or len(" ".join(title.split())) > MAX_TITLE:
        raise CheckError(_broken("title"))
    return title


def _checked_date(date: Any) -> str:
    if not (isinstance(date, str) and (date == "" or _DATE.fullmatch(date))):
        raise CheckError(_broken("date"))
    return date


def _vignettes(thresholds: Thresholds, raw_vignettes: Any, room: int) -> list[dict[str, Any]]:
    """Each vignette once, a scenario these thresholds have, with its rounds' counts checked."""
    if not isinstance(raw_vignettes, list) or not 1 <= len(raw_vignettes) <= MAX_VIGNETTES:
        raise CheckError(_broken("vignettes"))
    known = {s.id for s in thresholds.scenarios}
    vignettes: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, vignette in enumerate(raw_vignettes, start=1):
        scenario_id = _vignette_scenario(vignette, known, seen)
        seen.add(scenario_id)
        rounds = vignette.get("rounds")
        if not isinstance(rounds, list) or len(rounds) != ROUNDS:
            raise CheckError(_broken("rounds"))
        vignettes.append(
            {
                "scenario": scenario_id,
                "rounds": [_round(thresholds, r, room, number, n) for n, r in enumerate(rounds, start=1)],
            }
        )
    return vignettes


def _vignette_scenario(vignette: Any, known: set[str], seen: set[str]) -> str:
    """The scenario a vignette names: one these thresholds have, not named before in the session."""
    if not isinstance(vignette, Mapping) or not isinstance(vignette.get("scenario"), str):
        raise CheckError(_broken("vignettes"))
    scenario_id = vignette["scenario"]
    if scenario_id not in known:
        raise CheckError(
            "This session names a scenario these thresholds do not have. It may have been saved for another "
            "partnership’s guidance."
        )
    if scenario_id in seen:
        raise CheckError(_broken("vignettes"))
    return scenario_id


def _round(thresholds: Thresholds, raw: Any, room: int, vignette: int, round_number: int) -> dict[str, Any] | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or not isinstance(raw.get("counts"), Mapping) or set(raw) - {"counts", NOT_SURE}:
        raise CheckError(_broken("counts"))
    levels = {level.id for level in thresholds.levels}
    if set(raw["counts"]) - levels:
        raise CheckError("This session counts answers at a level these thresholds do not have.")
    values = [raw["counts"].get(level.id, 0) for level in thresholds.levels] + [raw.get(NOT_SURE, 0)]
    if not all(_is_int(v) and 0 <= v <= MAX_PEOPLE for v in values):
        raise CheckError(_broken("counts"))
    if sum(values) != room:
        raise CheckError(
            f"This session is damaged: the counts for vignette {vignette}, round {round_number} add up to "
            f"{sum(values)}, not the room’s {room}."
        )
    return {"counts": {lv.id: v for lv, v in zip(thresholds.levels, values, strict=False)}, NOT_SURE: values[-1]}


def _position(raw: Any, vignettes: list[dict[str, Any]]) -> dict[str, Any]:
    if raw is None:
        return {"vignette": 0, "step": STEPS[0]}
    if not isinstance(raw, Mapping):
        raise CheckError(_broken("position"))
    index, step = raw.get("vignette"), raw.get("step")
    if not (_is_int(index) and 0 <= index < len(vignettes)) or step not in (*STEPS, SUMMARY):
        raise CheckError(_broken("position"))
    rounds = vignettes[index]["rounds"]
    # A step is reached only with the rounds before it recorded: the page never shows a reveal without answers.
    needs = {"discussion": 1, "round-2": 1, "reveal": 2}.get(step, 0)
    if any(r is None for r in rounds[:needs]):
        raise CheckError(_broken("position"))
    return {"vignette": index, "step": step}


def _whole(value: Any, field: str, what: str, minimum: int = 0) -> int:
    """A whole number of people as typed (an empty box is 0 where 0 is allowed)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if minimum == 0:
            return 0
        raise CheckError(f"Enter {what}.", field)
    if _is_int(value):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) <= 4:
        number = int(value.strip())
    else:
        raise CheckError(f"Enter {what} as a whole number, like 3.", field)
    if not minimum <= number <= MAX_PEOPLE:
        raise CheckError(f"Enter {what} as a whole number from {minimum} to {MAX_PEOPLE}.", field)
    return number


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _title(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CheckError("The session’s title is not in the form this presenter sends.", "title")
    title = " ".join(value.split())
    if len(title) > MAX_TITLE:
        raise CheckError(f"The session’s title must be {MAX_TITLE} characters or fewer.", "title")
    return title


def _date(value: Any) -> str:
    return value if isinstance(value, str) and _DATE.fullmatch(value) else ""


def _broken(what: str) -> str:
    return f"This session is damaged: its {what} is not in the form this presenter saves."


def _people(n: int) -> str:
    return "person" if n == 1 else "people"


# ---- The file ----------------------------------------------------------------------------------------


def save_session(thresholds: Thresholds, session: Mapping[str, Any]) -> str:
    """The session file's text: the session, through the same checks as opening it, and its summary
    for the trainer's records (never read back: opening a session computes it afresh)."""
    checked = normalise(thresholds, session)
    file = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "thresholds_version": thresholds.version,
        "session": checked,
        "summary": report(thresholds, checked),
    }
    text = json.dumps(file, ensure_ascii=False, indent=2) + "\n"
    if len(text.encode("utf-8")) > MAX_BYTES:  # never a file this presenter would refuse
        raise CheckError(f"This session is too large to save (a session file is under {MAX_BYTES // 1000} KB).")
    return text


def open_session(thresholds: Thresholds, text: Any) -> dict[str, Any]:
    """{"session": the session as the presenter holds it, "thresholds_version": what it was saved with,
    "opened": the presenter's words for it}."""
    if not isinstance(text, str):
        raise CheckError(NOT_A_SESSION)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise CheckError(
            f"This file is too large to be a training session (a session file is under {MAX_BYTES // 1000} KB)."
        )
    if _depth(text) > MAX_DEPTH:
        raise CheckError(NOT_A_SESSION)
    try:
        file = json.loads(text)
    except (ValueError, RecursionError):
        if text.lstrip("\ufeff").startswith("Session,"):  # the summary this presenter writes as CSV
            raise CheckError(
                f"This file is the summary (CSV), which cannot be opened again. {CHOOSE_THE_SESSION}"
            ) from None
        raise CheckError(f"This file is not a training session: it is not a JSON file. {CHOOSE_THE_SESSION}") from None
    if not isinstance(file, dict) or file.get("format") != FORMAT or not isinstance(file.get("session"), dict):
        raise CheckError(NOT_A_SESSION)
    if file.get("format_version") != FORMAT_VERSION:
        raise CheckError("This session was saved by a newer version of the presenter, which this page cannot read.")
    if "summary" in file and not isinstance(file["summary"], dict):
        raise CheckError(_broken("summary"))
    version = file.get("thresholds_version")
    saved_with = version if isinstance(version, str) and len(version) < 100 else ""
    return {
        "session": normalise(thresholds, file["session"]),
        "thresholds_version": saved_with,
        "opened": session_opened_words(thresholds, saved_with),
    }


SESSION_OPENED = "The session has been opened."


def session_opened_words(thresholds: Thresholds, saved_with: str) -> str:
    """What the presenter says once a session is open: and, where it was saved with other thresholds (a file
    that names none is taken as this version's), that the answer keys shown are this version's."""
    if not saved_with or saved_with == thresholds.version:
        return SESSION_OPENED
    return (
        f"{SESSION_OPENED} It was saved with thresholds version {saved_with}; "
        f"the answer keys shown are from version {thresholds.version}."
    )


# ---- What the counts show ---------------------------------------------------------------------------


def report(thresholds: Thresholds, session: Mapping[str, Any]) -> dict[str, Any]:
    """Every figure the presenter shows, as data and as the words it shows them in."""
    session = normalise(thresholds, session)
    chosen = _set(thresholds, session["set"])
    assert chosen is not None
    levels = thresholds.levels
    vignettes = []
    for number, vignette in enumerate(session["vignettes"], start=1):
        scenario = thresholds.scenario(vignette["scenario"])
        rounds = [None if r is None else _round_figures(levels, scenario.level, r) for r in vignette["rounds"]]
        vignettes.append(
            {
                "number": number,
                "scenario": scenario.id,
                "title": scenario.title,
                "key": _key(thresholds, scenario),
                "rounds": rounds,
                "fell_towards_key": _fell_towards_key(rounds),
                "chart": round_chart(levels, rounds[0]),
            }
        )
    room = session["room_size"]
    return {
        "title": session["title"],
        "date": session["date"],
        "set": {"id": chosen.id, "title": chosen.title},
        "thresholds_version": thresholds.version,
        "room_size": room,
        "room_note": ROOM_OF_ONE if room < 2 else None,
        "levels": [{"id": lv.id, "number": lv.number, "label": lv.label} for lv in levels],
        "vignettes": vignettes,
        "session": _session_figures(thresholds, vignettes, room),
        "under_levelled": _most(vignettes, "below"),
        "over_levelled": _most(vignettes, "above"),
        "published": PUBLISHED,
        "published_context": PUBLISHED_CONTEXT,
    }


def round_chart(levels: Sequence[Level], figures: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """Round 1's answers as the discussion screen's bars: a row for each level and one for not sure, each
    with its label, its share of the whole room and its words; "not asked" before the round is recorded."""
    labels = [*(lv.label for lv in levels), NOT_SURE_LABEL]
    if figures is None:
        return [
            {"label": label, "share": 0, "text": NOT_ASKED, "unsure": k == len(labels) - 1}
            for k, label in enumerate(labels)
        ]
    shares = [*figures["level_shares"], figures["not_sure_share"]]
    texts = [*figures["level_text"], figures["not_sure_text"]]
    return [
        {"label": label, "share": share, "text": text, "unsure": k == len(labels) - 1}
        for k, (label, share, text) in enumerate(zip(labels, shares, texts, strict=True))
    ]


def screen_words(session: Mapping[str, Any]) -> dict[str, str | None]:
    """The words of the presenter's screen at the session's position: its heading, and in a round its
    question and its button; at the reveal, the button to go on."""
    index, step = session["position"]["vignette"], session["position"]["step"]
    if step == SUMMARY:
        return {"heading": None, "round_question": None, "record": None, "next": None}
    total = len(session["vignettes"])
    round_number = {"round-1": 1, "round-2": 2}.get(step)
    room = session["room_size"]
    people = "person" if room == 1 else "people"
    return {
        "heading": f"Vignette {index + 1} of {total}: {STEP_NAMES[step]}",
        "round_question": f"Round {round_number}: how many chose each level? The room has {room} {people}."
        if round_number
        else None,
        "record": f"Record round {round_number}" if round_number else None,
        "next": "Next vignette" if index + 1 < total else "See the summary",
    }


def _key(thresholds: Thresholds, scenario: Scenario) -> dict[str, Any]:
    return {
        "level": scenario.level.number,
        "level_id": scenario.level.id,
        "level_label": scenario.level.label,
        "routes": [route.id for route in scenario.routes],
        "answer_key": answer_key_label(thresholds, scenario),
    }


PARTS = ("below", "at", "above", NOT_SURE)


def room_percentages(counts: Sequence[int], not_sure: int, key: int) -> tuple[list[int], dict[str, int]]:
    """Whole percentages of the room (not sure included) for each level and for below, at and above the
    key (the level at index ``key``; levels in order), that add up to 100 and agree with each other.

    Below, at, above and not sure are rounded first, to the largest remainders (Hamilton's method), so that
    each is its exact share rounded down or up and the four add up to 100; then below's and above's
    totals are shared among their levels the same way. Every figure is its exact share rounded down or
    up, and below is exactly the sum of the levels below the key."""
    room = sum(counts) + not_sure
    if room == 0:
        raise ValueError("a room of nobody has no shares")
    groups = [counts[:key], [counts[key]], counts[key + 1 :], [not_sure]]
    totals = _largest_remainder([Fraction(100 * sum(g), room) for g in groups], 100)
    shared = [_largest_remainder([Fraction(100 * c, room) for c in g], t) for g, t in zip(groups, totals, strict=True)]
    levels = [*shared[0], *shared[1], *shared[2]]
    return levels, dict(zip(PARTS, totals, strict=True))


def _largest_remainder(quotas: Sequence[Fraction], total: int) -> list[int]:
    """Whole numbers, each its quota rounded down or up, adding up to ``total``: the quotas rounded down,
    then one more for each of the largest remainders (the first in order where two are equal)."""
    shares = [int(q) for q in quotas]  # quotas are never negative: int() rounds down
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - shares[i]), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def _round_figures(levels: Sequence[Level], key: Level, raw: Mapping[str, Any]) -> dict[str, Any]:
    """One round of one vignette: the counts, and shares of the whole room with not sure as its own share."""
    counts = [raw["counts"][lv.id] for lv in levels]
    not_sure = raw[NOT_SURE]
    chose = sum(counts)
    room = chose + not_sure
    k = next(i for i, lv in enumerate(levels) if lv.id == key.id)
    level_percent, percent = room_percentages(counts, not_sure, k)
    people = {"below": sum(counts[:k]), "at": counts[k], "above": sum(counts[k + 1 :]), NOT_SURE: not_sure}
    pairwise = agreement.pairwise_agreement(counts)
    return {
        "counts": counts,
        "not_sure": not_sure,
        "chose": chose,
        "room": room,
        "shares": {part: n / room for part, n in people.items()},
        "percent": percent,
        "shares_text": {part: f"{n} ({percent[part]}%)" for part, n in people.items()},
        "level_shares": [c / room for c in counts],
        "level_percent": level_percent,
        "level_text": [f"{c} ({p}%)" for c, p in zip(counts, level_percent, strict=True)],
        "not_sure_share": not_sure / room,
        "not_sure_text": f"{not_sure} ({percent[NOT_SURE]}%)",
        "pairwise": pairwise,
        "pairwise_text": "needs two people who chose a level" if pairwise is None else _decimal(pairwise),
        "note": _unsure_note(chose, not_sure),
    }


def _unsure_note(chose: int, not_sure: int) -> str | None:
    """Plain words where most of the room was not sure: the figures from those who chose rest on few."""
    room = chose + not_sure
    if chose == 0:
        return f"Nobody chose a level: all {room} {_people(room)} were not sure."
    if 2 * not_sure <= room:
        return None
    rest = (
        f"Pairwise agreement describes only the {chose} who chose a level."
        if chose >= 2
        else "Only 1 person chose a level: too few for pairwise agreement."
    )
    return f"Most of the room was not sure: {not_sure} of {room} {_people(room)}. {rest}"


def _fell_towards_key(rounds: Sequence[Mapping[str, Any] | None]) -> bool:
    """Pairwise agreement fell while more of the room chose the key: a room that reads it as "discussion
    made it worse" needs to be told what agreement measures."""
    first, second = rounds
    if first is None or second is None or first["pairwise"] is None or second["pairwise"] is None:
        return False
    return second["pairwise"] < first["pairwise"] and second["shares"]["at"] > first["shares"]["at"]


def _session_figures(thresholds: Thresholds, vignettes: list[dict[str, Any]], room: int) -> dict[str, Any]:
    q = len(thresholds.levels)
    recorded = [v for v in vignettes if all(r is not None for r in v["rounds"])]
    both = [v for v in recorded if all(r["chose"] >= 2 for r in v["rounds"])]
    change = _agreement_change(both) if room >= 2 and len(both) >= MIN_VIGNETTES else None
    keys = [thresholds.level(v["key"]["level_id"]) for v in vignettes]
    return {
        "rounds": [_round_agreement(vignettes, room, q, r) for r in range(ROUNDS)],
        "change": change,
        "change_note": None if change else _not_enough(room, len(recorded), len(both), "in both rounds"),
        "balance_warning": balance_warning(thresholds, keys),
    }


def _not_enough(room: int, recorded: int, paired: int, where: str = "") -> str:
    """Why a figure is not shown: a room of one, or too few vignettes with pairs of answers."""
    return ROOM_OF_ONE if room < 2 else _too_few(recorded, paired, where)


def _round_agreement(vignettes: list[dict[str, Any]], room: int, q: int, r: int) -> dict[str, Any]:
    """One round's agreement over the vignettes the room answered in pairs, where there are enough."""
    recorded = [v for v in vignettes if v["rounds"][r] is not None]
    answered = [v for v in recorded if v["rounds"][r]["chose"] >= 2]  # the coefficients need pairs
    table = [v["rounds"][r]["counts"] for v in answered]
    enough = room >= 2 and len(answered) >= MIN_VIGNETTES
    figures: dict[str, Any] = {
        "round": r + 1,
        "answered": len(recorded),
        "paired": len(answered),
        "enough": enough,
        "note": None if enough else _not_enough(room, len(recorded), len(answered)),
    }
    coefficients = _coefficients(table, q) if enough else dict.fromkeys(_COEFFICIENTS)
    return {**figures, **coefficients}


_COEFFICIENTS = ("ac1", "ac2_linear", "fleiss_kappa", "alpha_ordinal")


def _coefficients(table: list[list[int]], q: int) -> dict[str, Any]:
    return {
        "ac1": _coefficient(agreement.gwet, table),
        "ac2_linear": _coefficient(agreement.gwet, table, agreement.linear_weights(q)),
        "fleiss_kappa": _coefficient(agreement.fleiss, table),
        "alpha_ordinal": _alpha(table),
    }


def _agreement_change(both: list[dict[str, Any]]) -> dict[str, Any]:
    """How far agreement changed from round 1 to round 2, over the vignettes answered in pairs in both."""
    first = agreement.gwet([v["rounds"][0]["counts"] for v in both])
    second = agreement.gwet([v["rounds"][1]["counts"] for v in both])
    difference = agreement.paired_difference(first, second)
    return {
        "value": difference.value,
        "se": difference.se,
        "low": difference.low,
        "high": difference.high,
        "vignettes": difference.n,
        "text": f"{_signed(difference.value)} (95% CI {_signed(difference.low)} to {_signed(difference.high)})",
        "reading": _change_reading(difference.low, difference.high),
    }


def _coefficient(measure: Any, table: list[list[int]], weights: Any = None) -> dict[str, Any]:
    try:
        c = measure(table, weights)
    except ValueError:
        return {"value": None, "text": "cannot be computed: every answer was at one level", "reading": ""}
    return _with_reading(c)


def _with_reading(c: agreement.Coefficient) -> dict[str, Any]:
    return {
        "value": c.value,
        "se": c.se,
        "low": c.low,
        "high": c.high,
        "vignettes": c.n,
        "text": f"{_decimal(c.value)} (95% CI {_decimal(c.low)} to {_decimal(c.high)})",
        "reading": _reading(c.value, c.low, c.high),
    }


def _alpha(table: list[list[int]]) -> dict[str, Any]:
    try:
        return _with_reading(agreement.krippendorff_interval(table, "ordinal"))
    except ValueError:
        pass
    try:
        value = agreement.krippendorff_alpha(table, "ordinal")
    except ValueError:
        return {"value": None, "text": "cannot be computed: every answer was at one level", "reading": ""}
    return {
        "value": value,
        "text": f"{_decimal(value)} (no interval: without one of the vignettes, every answer would be at one level)",
        "reading": _reading(value),
    }


# Landis and Koch (1977), "The measurement of observer agreement for categorical data", Biometrics 33:
# the scale's upper bounds. A published convention for reading a coefficient, not guidance.
SCALE = ((0.0, "poor"), (0.20, "slight"), (0.40, "fair"), (0.60, "moderate"), (0.80, "substantial"))
TOP_OF_SCALE = "almost perfect"


def scale_word(value: float) -> str:
    """The word for a coefficient on Landis and Koch's scale, as shown (to two places): poor below 0,
    slight to 0.20, fair to 0.40, moderate to 0.60, substantial to 0.80, almost perfect above."""
    shown = float(f"{value:.2f}")
    if shown < 0:
        return "poor"
    return next((word for bound, word in SCALE[1:] if shown <= bound), TOP_OF_SCALE)


def _reading(value: float, low: float | None = None, high: float | None = None) -> str:
    words = f"{scale_word(value)} agreement on Landis and Koch’s scale"
    if low is None or high is None:
        return words
    ends = scale_word(low), scale_word(high)
    if ends[0] == ends[1]:
        return f"{words}; the whole interval is {ends[0]}"
    return f"{words}; its interval runs from {ends[0]} to {ends[1]}"


def _change_reading(low: float, high: float) -> str:
    if low > 0:
        return "The whole interval is above 0: the room agreed more after discussion."
    if high < 0:
        return (
            "The whole interval is below 0: the room agreed less after discussion. Agreement is the room with "
            "itself, not with the answer key: the shares at the key show whether the room moved towards it."
        )
    return (
        "The interval includes 0: over these vignettes, the session does not show that discussion changed how "
        "far the room agreed."
    )


def _most(vignettes: list[dict[str, Any]], part: str) -> list[dict[str, Any]]:
    """The three vignettes the room most often put below (or above) the answer key, in either round: by the
    larger of the two rounds' shares of the room, then round 2's, then the vignette's number."""
    found = []
    for v in vignettes:
        shares = [r["shares"][part] if r else None for r in v["rounds"]]
        if any(share for share in shares):
            found.append((max(s or 0 for s in shares), shares[1] or 0, v))
    found.sort(key=lambda item: (-item[0], -item[1], item[2]["number"]))
    where = "below" if part == "below" else "above"
    return [
        {
            "number": v["number"],
            "scenario": v["scenario"],
            "title": v["title"],
            "shares": [r["shares"][part] if r else None for r in v["rounds"]],
            "text": f"Vignette {v['number']}, {v['title']} ({v['key']['answer_key']}), {where} the answer key: "
            + ", ".join(
                f"{r['shares_text'][part] if r else NOT_ASKED} in round {n}" for n, r in enumerate(v["rounds"], start=1)
            ),
        }
        for _, _, v in found[:3]
    ]


def _too_few(answered: int, paired: int, where: str = "") -> str:
    words = f"{TOO_FEW[0].upper()}{TOO_FEW[1:]}: {answered} answered{(' ' + where) if where else ''}"
    if paired < answered:
        words += f", {paired} of them by two people or more who chose a level;"
    else:
        words += ","
    return f"{words} at least {MIN_VIGNETTES} are needed."


def _decimal(value: float) -> str:
    return f"{value:.2f}".replace("-", "−")


def _signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "−")


# ---- The words: the reveal, the summary, the CLI's text and the CSV --------------------------------


STATISTICS = (
    ("ac1", "Gwet’s AC1"),
    ("ac2_linear", "Gwet’s AC2, linear weights (levels in order)"),
)
COMPARISON = (
    ("fleiss_kappa", "Fleiss’ κ"),
    ("alpha_ordinal", "Krippendorff’s α (ordinal)"),
)
SHARE_NAMES = (("below", "Below the key"), ("at", "At the key"), ("above", "Above the key"))

# What each figure means, in the toolkit's own words: how to read a statistic, never guidance.
READ_SHARES = (
    "Below, at and above the key: shares of the whole room, whose level was lower than the answer key, the same "
    "or higher. Not sure is a share of its own; shares are rounded so that they add up to 100%."
)
READ_PAIRWISE = (
    "Pairwise agreement (0 to 1): the chance that two people who chose a level chose the same one. It is how far "
    "the room agreed with itself, not with the answer key."
)
FELL_TOWARDS_KEY = (
    "Pairwise agreement fell from round 1 to round 2 while more of the room chose the answer key: agreement "
    "measures how alike the answers were, not how many chose the key, so a room moving towards the key can "
    "be more split on the way."
)
READ_COEFFICIENTS = (
    "Gwet’s AC1: how far the room agreed on a level, over every vignette, beyond what chance alone would give; "
    "1 is full agreement, 0 no more than chance.",
    "Gwet’s AC2 with linear weights: AC1 with part credit where two people chose neighbouring levels.",
    "Fleiss’ κ and Krippendorff’s α: the coefficients published studies report. They fall when most answers are "
    "at one level, whatever the room did.",
    "Each coefficient, like pairwise agreement, is how far the room agreed with itself, not with the answer key: "
    "the shares below, at and above the key show that.",
    "The words poor, slight, fair, moderate, substantial and almost perfect are the scale of Landis and Koch (1977) "
    "for reading agreement coefficients: a published convention, not a standard for this room.",
)
METHOD = (
    "Each 95% confidence interval comes from the spread over vignettes (Gwet’s linearised variance for AC1, AC2 "
    "and κ; for α, the jackknife, leaving out one vignette at a time; Student’s t): more vignettes narrow it, a "
    "larger room hardly does. The change uses the same vignettes in both rounds."
)


def _shares_hint(room: int) -> str:
    return f"Shares are of the whole room of {room}, not sure included, rounded so that they add up to 100%."


def reveal_view(thresholds: Thresholds, figures: Mapping[str, Any], number: int) -> list[Node]:
    """One vignette's answers, round 1 and 2 side by side, the answer key marked in words; each statistic
    with its plain reading."""
    vignette = figures["vignettes"][number - 1]
    key = vignette["key"]
    rounds = vignette["rounds"]
    head = node("tr", node("th", "Level", scope="col"), *(node("th", name, scope="col") for name in ROUND_NAMES))
    rows = [*_level_rows(figures["levels"], key, rounds), *_statistic_rows(rounds)]
    return [
        node("p", "The answer key: ", node("strong", key["answer_key"]), class_="lon-answer-level"),
        node(
            "table",
            node("caption", f"The room of {figures['room_size']}, before and after discussion"),
            node("thead", head),
            node("tbody", *rows),
            class_="lon-room-table",
        ),
        *_reveal_notes(vignette),
        node("ul", node("li", READ_SHARES), node("li", READ_PAIRWISE), class_="lon-readings"),
    ]


def _round_cells(rounds: list[Any], cell: Callable[[Mapping[str, Any]], str]) -> list[Node]:
    """One cell for each round: its figure, or that the round was not asked."""
    return [node("td", cell(r) if r else NOT_ASKED) for r in rounds]


def _level_rows(levels: list[Mapping[str, Any]], key: Mapping[str, Any], rounds: list[Any]) -> list[Node]:
    """How many chose each level in each round (the answer key's row marked in words), then "not sure"."""
    rows = []
    for i, level in enumerate(levels):
        is_key = level["number"] == key["level"]
        label = [level["label"]] + ([node("strong", " (the answer key)")] if is_key else [])
        rows.append(
            node(
                "tr",
                node("th", *label, scope="row"),
                *_round_cells(rounds, lambda r, i=i: r["level_text"][i]),
                class_="lon-level-row lon-key-row" if is_key else "lon-level-row",
            )
        )
    rows.append(
        node(
            "tr",
            node("th", NOT_SURE_LABEL, scope="row"),
            *_round_cells(rounds, lambda r: r["not_sure_text"]),
            class_="lon-level-row lon-unsure-row",
        )
    )
    return rows


def _statistic_rows(rounds: list[Any]) -> list[Node]:
    """The shares of the room against the answer key, then the pairwise agreement, for each round."""
    rows = [
        node(
            "tr",
            node("th", words, scope="row"),
            *_round_cells(rounds, lambda r, part=part: r["shares_text"][part]),
            class_=f"lon-share-row lon-share-{part}",
        )
        for part, words in SHARE_NAMES
    ]
    rows.append(
        node("tr", node("th", "Pairwise agreement", scope="row"), *_round_cells(rounds, lambda r: r["pairwise_text"]))
    )
    return rows


def _reveal_notes(vignette: Mapping[str, Any]) -> list[Node]:
    """A round's note (too few answers, say), and whether the room fell towards the answer key."""
    notes = [
        node("p", node("strong", f"{ROUND_NAMES[n]}: "), r["note"], class_="lon-warning")
        for n, r in enumerate(vignette["rounds"])
        if r and r["note"]
    ]
    if vignette["fell_towards_key"]:
        notes.append(node("p", FELL_TOWARDS_KEY, class_="lon-warning"))
    return notes


def summary_view(thresholds: Thresholds, figures: Mapping[str, Any]) -> list[Node]:
    """The trainer's summary: the session, each vignette, the agreement, and the comparison."""
    return [
        *_session_view(figures),
        node("h3", "Each vignette"),
        _vignette_table(figures),
        node("p", _shares_hint(figures["room_size"])),
        *_vignette_notes_view(figures["vignettes"]),
        *_agreement_view(figures),
        node("h3", "What the figures mean"),
        node("ul", *(node("li", words) for words in (READ_SHARES, READ_PAIRWISE, *READ_COEFFICIENTS))),
        node("p", METHOD, class_="lon-hint"),
        *_most_view(figures),
    ]


def _session_view(figures: Mapping[str, Any]) -> list[Node]:
    """The summary's heading, the session's title, its facts, and a warning about the room where there is one."""
    facts = [
        f"Date: {figures['date'] or 'not recorded'}",
        f"Scenario set: {figures['set']['title']}",
        f"Thresholds version: {figures['thresholds_version']}",
        f"Room: {figures['room_size']} {_people(figures['room_size'])}",
    ]
    view: list[Node] = [node("h2", "Summary of the session", class_="lon-summary-heading")]
    if figures["title"]:
        view.append(node("p", node("strong", figures["title"])))
    view.append(node("ul", *(node("li", fact) for fact in facts), class_="lon-session-facts"))
    if figures["room_note"]:
        view.append(node("p", node("strong", "Warning: "), figures["room_note"], class_="lon-warning"))
    return view


def _vignette_notes_view(vignettes: list[Mapping[str, Any]]) -> list[Node]:
    """Each vignette's round notes, and each that fell towards its answer key, as one list (none: nothing)."""
    notes = [
        f"Vignette {v['number']}, {ROUND_NAMES[n].lower()}: {r['note']}"
        for v in vignettes
        for n, r in enumerate(v["rounds"])
        if r and r["note"]
    ]
    notes += [f"Vignette {v['number']}: {FELL_TOWARDS_KEY}" for v in vignettes if v["fell_towards_key"]]
    return [node("ul", *(node("li", note) for note in notes), class_="lon-warning")] if notes else []


def _agreement_view(figures: Mapping[str, Any]) -> list[Node]:
    """How far the room agreed, round by round, then the figures to compare with published studies."""
    session = figures["session"]
    lines = [
        node("li", f"{name}, {ROUND_NAMES[r['round'] - 1].lower()}: {_figure(r, key)}")
        for key, name in STATISTICS
        for r in session["rounds"]
    ]
    lines.append(node("li", f"Change in AC1 from round 1 to round 2: {_change(session)}"))
    comparison = [
        node("li", f"{name}, {ROUND_NAMES[r['round'] - 1].lower()}: {_figure(r, key)}")
        for key, name in COMPARISON
        for r in session["rounds"]
    ]
    view = [
        node("h3", "How far the room agreed"),
        node("ul", *lines, class_="lon-agreement"),
        node("h3", "For comparison with published studies"),
        node("ul", *comparison, class_="lon-comparison"),
    ]
    if session["balance_warning"]:
        view.append(node("p", node("strong", "Warning: "), session["balance_warning"], class_="lon-warning"))
    view.append(node("p", figures["published"]))
    view.append(node("p", figures["published_context"]))
    return view


def _most_view(figures: Mapping[str, Any]) -> list[Node]:
    """The vignettes most under- and over-levelled, or that none was."""
    view = []
    for part, heading, none in (
        ("under_levelled", "Most under-levelled", "No vignette was put below its answer key."),
        ("over_levelled", "Most over-levelled", "No vignette was put above its answer key."),
    ):
        view.append(node("h3", heading))
        if figures[part]:
            view.append(node("ol", *(node("li", item["text"]) for item in figures[part]), class_="lon-under"))
        else:
            view.append(node("p", none))
    return view


def _vignette_table(figures: Mapping[str, Any]) -> Node:
    levels = figures["levels"]
    names = (
        "Vignette",
        "Answer key",
        "Round",
        *(lv["label"] for lv in levels),
        NOT_SURE_LABEL,
        *(words for _, words in SHARE_NAMES),
        "Pairwise agreement",
    )
    head = node("tr", *(node("th", name, scope="col") for name in names))
    rows = []
    blank = len(names) - 3
    for v in figures["vignettes"]:
        first = [node("th", f"{v['number']}. {v['title']}", scope="row"), node("td", v["key"]["answer_key"])]
        if not any(v["rounds"]):  # a vignette the session did not reach: one row that says so
            rows.append(node("tr", *first, node("td", NOT_ASKED), *(node("td", "") for _ in range(blank))))
            continue
        for r, figures_round in enumerate(v["rounds"]):
            cells = [str(r + 1)]
            if figures_round is None:
                cells += [NOT_ASKED] * blank
            else:
                cells += [str(c) for c in figures_round["counts"]] + [str(figures_round[NOT_SURE])]
                cells += [f"{figures_round['percent'][part]}%" for part, _ in SHARE_NAMES]
                cells.append(figures_round["pairwise_text"])
            lead = first if r == 0 else [node("td", ""), node("td", "")]
            rows.append(node("tr", *lead, *(node("td", c) for c in cells)))
    return node(
        "table",
        node("caption", "The room’s answers to each vignette, by round: how many chose each level, and shares"),
        node("thead", head),
        node("tbody", *rows),
        class_="lon-room-table lon-summary-table",
    )


def _figure(round_figures: Mapping[str, Any], key: str) -> str:
    if not round_figures["enough"]:
        return round_figures["note"]
    figure = round_figures[key]
    words = figure["text"] + (f", over {figure['vignettes']} vignettes" if figure.get("vignettes") else "")
    return f"{words}: {figure['reading']}" if figure.get("reading") else words


def _change(session: Mapping[str, Any]) -> str:
    change = session["change"]
    if change is None:
        return session["change_note"]
    return f"{change['text']}, over {change['vignettes']} vignettes. {change['reading']}"


def summary_text(thresholds: Thresholds, figures: Mapping[str, Any]) -> str:
    """The summary as the CLI prints it: the same words as the page, a table as lines of cells."""
    return to_text(_tables_as_lines(summary_view(thresholds, figures)))


def _tables_as_lines(nodes: list[Node]) -> list[Node]:
    out = []
    for item in nodes:
        if item.get("tag") == "table":
            rows = [
                child
                for part in item["children"]
                if part.get("tag") in ("thead", "tbody")
                for child in part["children"]
            ]
            caption = next(part for part in item["children"] if part.get("tag") == "caption")
            out.append(node("p", caption["text"]))
            out.append(node("ul", *(node("li", " | ".join(_inline(cell) for cell in row["children"])) for row in rows)))
        else:
            out.append(item)
    return out


def _inline(item: Node) -> str:
    if "text" in item:
        return item["text"]
    return "".join(_inline(child) for child in item.get("children", ()))


BOM = "\ufeff"  # Excel on Windows reads a CSV file as UTF-8 only after this mark (Gwet’s, κ, α)


def summary_csv(thresholds: Thresholds, figures: Mapping[str, Any]) -> str:
    """The summary as a spreadsheet: the session's facts, a row per vignette and round, then the statistics.
    Shares are whole percentages of the room, as on screen; each column says its unit."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(
        [*_csv_facts(figures), [], *_csv_vignettes(figures), [], *_csv_statistics(figures["session"])]
    )
    return BOM + out.getvalue()


def _csv_facts(figures: Mapping[str, Any]) -> list[list[Any]]:
    return [
        [name, _cell(value)]
        for name, value in (
            ("Session", figures["title"]),
            ("Date", figures["date"]),
            ("Scenario set", figures["set"]["title"]),
            ("Thresholds version", figures["thresholds_version"]),
            ("Room size", figures["room_size"]),
        )
    ]


def _csv_vignettes(figures: Mapping[str, Any]) -> list[list[Any]]:
    """A heading row, then a row for each vignette and round: counts, shares and pairwise agreement."""
    levels = figures["levels"]
    rows: list[list[Any]] = [
        [
            "Vignette",
            "Scenario",
            "Answer key",
            "Round",
            *(_cell(lv["label"]) for lv in levels),
            NOT_SURE_LABEL,
            *(f"{words} (% of the room)" for _, words in SHARE_NAMES),
            f"{NOT_SURE_LABEL} (% of the room)",
            "Pairwise agreement (0 to 1)",
        ]
    ]
    for v in figures["vignettes"]:
        for r, f in enumerate(v["rounds"], start=1):
            row = [v["number"], _cell(v["title"]), _cell(v["key"]["answer_key"]), r]
            if f is None:
                row += [""] * (len(levels) + 6)
            else:
                row += [*f["counts"], f[NOT_SURE], *(f["percent"][p] for p in PARTS)]
                row.append(_number(f["pairwise"]))
            rows.append(row)
    return rows


def _csv_statistics(session: Mapping[str, Any]) -> list[list[Any]]:
    """A heading row, then each statistic for each round, then the change in AC1 between the rounds."""
    rows: list[list[Any]] = [
        [
            "Statistic",
            "Round",
            "Value",
            "Standard error",
            "95% CI low",
            "95% CI high",
            "Vignettes",
            "Reading (Landis and Koch 1977)",
        ]
    ]
    for key, name in (*STATISTICS, *COMPARISON):
        for r in session["rounds"]:
            figure = r[key] or {}
            rows.append(
                [
                    _cell(name),
                    r["round"],
                    _number(figure.get("value")),
                    *(_number(figure.get(part)) for part in ("se", "low", "high")),
                    figure.get("vignettes", r["paired"]),
                    figure.get("reading") or r["note"] or "",
                ]
            )
    change = session["change"] or {}
    rows.append(
        [
            "Change in AC1, round 1 to round 2",
            "",
            _number(change.get("value")),
            *(_number(change.get(p)) for p in ("se", "low", "high")),
            change.get("vignettes", ""),
            change.get("reading") or session["change_note"] or "",
        ]
    )
    return rows


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}"


def _cell(value: Any) -> Any:
    """Text a spreadsheet would take for a formula is written as text (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


# ---- What the worker answers ----------------------------------------------------------------------


def page_answer(thresholds: Thresholds, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The presenter's one request for the session as it stands: start it, record a round's counts or
    move to a step, then everything the page shows. ``problem`` ({message, field}) where what was
    typed cannot be taken, with the session as it was. ``figures: false`` (a move alone, which changes
    no figure) answers with the session only, and the page keeps the figures it has: stepping through
    the screens does not recompute the whole session each time."""
    session = payload.get("session")
    try:
        if payload.get("start") is not None:
            session = start(thresholds, payload["start"])
        if payload.get("round") is not None:
            session = record(thresholds, session, payload["round"])
        if payload.get("position") is not None:
            session = move(thresholds, session, payload["position"])
        problem = None
    except CheckError as error:
        if session is None:
            return {
                "problem": {"message": str(error), "field": error.field},
                "session": None,
                "screen": None,
                "report": None,
                "views": None,
            }
        problem = {"message": str(error), "field": error.field}
    checked = normalise(thresholds, session)
    screen = screen_words(checked)
    if payload.get("figures") is False and payload.get("start") is None and payload.get("round") is None:
        return {"problem": problem, "session": checked, "screen": screen, "report": None, "views": None}
    figures = report(thresholds, checked)
    return {
        "problem": problem,
        "session": checked,
        "screen": screen,
        "report": figures,
        "views": {
            "reveal": [
                reveal_view(thresholds, figures, v["number"]) if any(v["rounds"]) else None
                for v in figures["vignettes"]
            ],
            "summary": summary_view(thresholds, figures),
        },
    }


def page_save(thresholds: Thresholds, session: Mapping[str, Any]) -> dict[str, Any]:
    """The session file's text, and the summary as CSV, for the trainer to download."""
    checked = normalise(thresholds, session)
    return {"json": save_session(thresholds, checked), "csv": summary_csv(thresholds, report(thresholds, checked))}
