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
from collections.abc import Mapping, Sequence
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
SUMMARY = "summary"  # the step after the last vignette
ALL_SCENARIOS = "all-scenarios"  # the one set offered where the file has scenarios and no scenario_sets
NOT_SURE = "not_sure"

TOO_FEW = "too few vignettes to measure agreement"
PUBLISHED = "Published: κ = .29 (Kang & Poertner 2006); α = .58 (Bolton et al. 2021)"
NOT_A_SESSION = "This file is not a training session saved by this presenter."
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# ---- Sets ------------------------------------------------------------------------------------------


def session_sets(thresholds: Thresholds) -> tuple[ScenarioSet, ...]:
    """The scenario sets a session can take: the file's own, or every scenario in order where it has none."""
    if thresholds.scenario_sets:
        return thresholds.scenario_sets
    if thresholds.scenarios:
        return (ScenarioSet(id=ALL_SCENARIOS, title="Every scenario, in order", scenarios=thresholds.scenarios),)
    return ()


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
    counts = {}
    for level in thresholds.levels:
        counts[level.id] = _whole(typed.get(level.id), f"count-{level.id}", f"the number who chose {level.label}")
    not_sure = _whole(raw.get(NOT_SURE), NOT_SURE, "the number who were not sure")
    total = sum(counts.values()) + not_sure
    if total != session["room_size"]:
        first = f"count-{thresholds.levels[0].id}"
        raise CheckError(
            f"The counts add up to {total}, but the room has {session['room_size']} "
            f"{_people(session['room_size'])}. Check the counts. Count anyone who did not choose a level as not sure.",
            first,
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
    room = session.get("room_size")
    if not (_is_int(room) and 1 <= room <= MAX_PEOPLE):
        raise CheckError(_broken("room size"))
    title = session.get("title", "")
    if not isinstance(title, str) or len(" ".join(title.split())) > MAX_TITLE:
        raise CheckError(_broken("title"))
    date = session.get("date", "")
    if not (isinstance(date, str) and (date == "" or _DATE.fullmatch(date))):
        raise CheckError(_broken("date"))
    raw_vignettes = session.get("vignettes")
    if not isinstance(raw_vignettes, list) or not 1 <= len(raw_vignettes) <= MAX_VIGNETTES:
        raise CheckError(_broken("vignettes"))
    known = {s.id for s in thresholds.scenarios}
    vignettes, seen = [], set()
    for number, vignette in enumerate(raw_vignettes, start=1):
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
    return {
        "title": _title(title),
        "date": date,
        "set": chosen.id,
        "room_size": room,
        "vignettes": vignettes,
        "position": _position(session.get("position"), vignettes),
    }


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
    """{"session": the session as the presenter holds it, "thresholds_version": what it was saved with}."""
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
        raise CheckError("This file is not a training session: it is not a JSON file.") from None
    if not isinstance(file, dict) or file.get("format") != FORMAT or not isinstance(file.get("session"), dict):
        raise CheckError(NOT_A_SESSION)
    if file.get("format_version") != FORMAT_VERSION:
        raise CheckError("This session was saved by a newer version of the presenter, which this page cannot read.")
    if "summary" in file and not isinstance(file["summary"], dict):
        raise CheckError(_broken("summary"))
    version = file.get("thresholds_version")
    return {
        "session": normalise(thresholds, file["session"]),
        "thresholds_version": version if isinstance(version, str) and len(version) < 100 else "",
    }


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
        vignettes.append(
            {
                "number": number,
                "scenario": scenario.id,
                "title": scenario.title,
                "key": _key(scenario),
                "rounds": [
                    None if r is None else _round_figures(levels, scenario.level, r) for r in vignette["rounds"]
                ],
            }
        )
    return {
        "title": session["title"],
        "date": session["date"],
        "set": {"id": chosen.id, "title": chosen.title},
        "thresholds_version": thresholds.version,
        "room_size": session["room_size"],
        "levels": [{"id": lv.id, "number": lv.number, "label": lv.label} for lv in levels],
        "vignettes": vignettes,
        "session": _session_figures(thresholds, vignettes),
        "under_levelled": _under_levelled(vignettes),
        "published": PUBLISHED,
    }


def _key(scenario: Scenario) -> dict[str, Any]:
    return {
        "level": scenario.level.number,
        "level_id": scenario.level.id,
        "level_label": scenario.level.label,
        "routes": [route.id for route in scenario.routes],
        "answer_key": answer_key_label(scenario),
    }


def _round_figures(levels: Sequence[Level], key: Level, raw: Mapping[str, Any]) -> dict[str, Any]:
    counts = [raw["counts"][lv.id] for lv in levels]
    chose = sum(counts)
    below = sum(c for lv, c in zip(levels, counts, strict=True) if lv.number < key.number)
    at = sum(c for lv, c in zip(levels, counts, strict=True) if lv.number == key.number)
    shares = {"below": below / chose, "at": at / chose, "above": (chose - below - at) / chose} if chose else None
    pairwise = agreement.pairwise_agreement(counts)
    return {
        "counts": counts,
        "not_sure": raw[NOT_SURE],
        "chose": chose,
        "shares": shares,
        "shares_text": {part: _percent(share) for part, share in shares.items()} if shares else None,
        "level_shares": [c / chose if chose else 0.0 for c in counts],
        "level_text": [f"{c} ({_percent(c / chose)})" if chose else str(c) for c in counts],
        "pairwise": pairwise,
        "pairwise_text": "not enough answers" if pairwise is None else _decimal(pairwise),
    }


def _session_figures(thresholds: Thresholds, vignettes: list[dict[str, Any]]) -> dict[str, Any]:
    q = len(thresholds.levels)
    rounds = []
    for r in range(ROUNDS):
        answered = [v for v in vignettes if v["rounds"][r] is not None and v["rounds"][r]["chose"] >= 2]
        table = [v["rounds"][r]["counts"] for v in answered]
        enough = len(answered) >= MIN_VIGNETTES
        rounds.append(
            {
                "round": r + 1,
                "answered": len(answered),
                "enough": enough,
                "note": None if enough else _too_few(len(answered)),
                "ac1": _coefficient(agreement.gwet, table) if enough else None,
                "ac2_linear": _coefficient(agreement.gwet, table, agreement.linear_weights(q)) if enough else None,
                "fleiss_kappa": _coefficient(agreement.fleiss, table) if enough else None,
                "alpha_ordinal": _alpha(table) if enough else None,
            }
        )
    both = [v for v in vignettes if all(r is not None and r["chose"] >= 2 for r in v["rounds"])]
    change = None
    if len(both) >= MIN_VIGNETTES:
        first = agreement.gwet([v["rounds"][0]["counts"] for v in both])
        second = agreement.gwet([v["rounds"][1]["counts"] for v in both])
        difference = agreement.paired_difference(first, second)
        change = {
            "value": difference.value,
            "se": difference.se,
            "low": difference.low,
            "high": difference.high,
            "vignettes": difference.n,
            "text": f"{_signed(difference.value)} (95% CI {_signed(difference.low)} to {_signed(difference.high)})",
        }
    keys = [thresholds.level(v["key"]["level_id"]) for v in vignettes]
    return {
        "rounds": rounds,
        "change": change,
        "change_note": None if change else _too_few(len(both), "in both rounds"),
        "balance_warning": balance_warning(thresholds, keys),
    }


def _coefficient(measure: Any, table: list[list[int]], weights: Any = None) -> dict[str, Any]:
    try:
        c = measure(table, weights)
    except ValueError:
        return {"value": None, "text": "cannot be computed: every answer was at one level"}
    return {
        "value": c.value,
        "se": c.se,
        "low": c.low,
        "high": c.high,
        "vignettes": c.n,
        "text": f"{_decimal(c.value)} (95% CI {_decimal(c.low)} to {_decimal(c.high)})",
    }


def _alpha(table: list[list[int]]) -> dict[str, Any]:
    try:
        value = agreement.krippendorff_alpha(table, "ordinal")
    except ValueError:
        return {"value": None, "text": "cannot be computed: every answer was at one level"}
    return {"value": value, "text": _decimal(value)}


def _under_levelled(vignettes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The three vignettes the room most often put below the answer key, in its last recorded round."""
    found = []
    for v in vignettes:
        recorded = [(n, r) for n, r in enumerate(v["rounds"], start=1) if r is not None and r["shares"]]
        if not recorded:
            continue
        round_number, last = recorded[-1]
        if last["shares"]["below"] > 0:
            found.append((last["shares"]["below"], v, round_number, last))
    found.sort(key=lambda item: (-item[0], item[1]["number"]))
    return [
        {
            "number": v["number"],
            "scenario": v["scenario"],
            "title": v["title"],
            "round": round_number,
            "below": below,
            "text": f"Vignette {v['number']}, {v['title']}: {last['shares_text']['below']} below the answer key "
            f"({v['key']['answer_key']}) in round {round_number}",
        }
        for below, v, round_number, last in found[:3]
    ]


def _too_few(answered: int, where: str = "") -> str:
    return (
        f"{TOO_FEW[0].upper()}{TOO_FEW[1:]}: {answered} answered{(' ' + where) if where else ''}, "
        f"at least {MIN_VIGNETTES} are needed."
    )


def _decimal(value: float) -> str:
    return f"{value:.2f}".replace("-", "−")


def _signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "−")


def _percent(share: float) -> str:
    return f"{round(100 * share)}%"


# ---- The words: the reveal, the summary, the CLI's text and the CSV --------------------------------


ROUND_NAMES = ("Round 1", "Round 2")
STATISTICS = (
    ("ac1", "Gwet’s AC1"),
    ("ac2_linear", "Gwet’s AC2, linear weights (levels in order)"),
)
COMPARISON = (
    ("fleiss_kappa", "Fleiss’ κ"),
    ("alpha_ordinal", "Krippendorff’s α (ordinal)"),
)


def reveal_view(thresholds: Thresholds, figures: Mapping[str, Any], number: int) -> list[Node]:
    """One vignette's answers, round 1 and 2 side by side, the answer key marked in words."""
    vignette = figures["vignettes"][number - 1]
    key = vignette["key"]
    rounds = vignette["rounds"]
    head = node("tr", node("th", "Level", scope="col"), *(node("th", name, scope="col") for name in ROUND_NAMES))
    rows = []
    for i, level in enumerate(figures["levels"]):
        is_key = level["number"] == key["level"]
        label = [level["label"]] + ([node("strong", " (the answer key)")] if is_key else [])
        cells = [node("td", r["level_text"][i] if r else "not asked") for r in rounds]
        rows.append(node("tr", node("th", *label, scope="row"), *cells, class_="lon-key-row" if is_key else ""))
    rows.append(
        node(
            "tr",
            node("th", "Not sure", scope="row"),
            *(node("td", str(r[NOT_SURE]) if r else "not asked") for r in rounds),
        )
    )
    for part, words in (("below", "Below the key"), ("at", "At the key"), ("above", "Above the key")):
        rows.append(
            node(
                "tr",
                node("th", words, scope="row"),
                *(node("td", r["shares_text"][part] if r and r["shares_text"] else "no answers") for r in rounds),
                class_=f"lon-share-row lon-share-{part}",
            )
        )
    rows.append(
        node(
            "tr",
            node("th", "Pairwise agreement", scope="row"),
            *(node("td", r["pairwise_text"] if r else "not asked") for r in rounds),
        )
    )
    return [
        node("p", "The answer key: ", node("strong", key["answer_key"]), class_="lon-answer-level"),
        node(
            "table",
            node("caption", f"The room’s answers to vignette {number}, before and after discussion"),
            node("thead", head),
            node("tbody", *rows),
            class_="lon-room-table",
        ),
        node(
            "p",
            "Shares are of those who chose a level. Pairwise agreement is the chance that two people picked at "
            "random chose the same level.",
            class_="lon-hint",
        ),
    ]


def summary_view(thresholds: Thresholds, figures: Mapping[str, Any]) -> list[Node]:
    """The trainer's summary: the session, each vignette, the agreement, and the comparison."""
    facts = [
        f"Date: {figures['date'] or 'not recorded'}",
        f"Scenario set: {figures['set']['title']}",
        f"Thresholds version: {figures['thresholds_version']}",
        f"Room: {figures['room_size']} {_people(figures['room_size'])}",
    ]
    view: list[Node] = [node("h2", "Summary of the session")]
    if figures["title"]:
        view.append(node("p", node("strong", figures["title"])))
    view.append(node("ul", *(node("li", fact) for fact in facts), class_="lon-session-facts"))
    view += [node("h3", "Each vignette"), _vignette_table(figures)]
    session = figures["session"]
    lines = []
    for key, name in STATISTICS:
        for r in session["rounds"]:
            lines.append(node("li", f"{name}, {ROUND_NAMES[r['round'] - 1].lower()}: {_figure(r, key)}"))
    lines.append(node("li", f"Change in AC1 from round 1 to round 2: {_change(session)}"))
    view += [
        node("h3", "How far the room agreed"),
        node("ul", *lines, class_="lon-agreement"),
        node(
            "p",
            "Each 95% confidence interval comes from the spread over vignettes (Gwet’s linearised variance, "
            "Student’s t): more vignettes narrow it, a larger room hardly does. The change uses the same "
            "vignettes in both rounds.",
            class_="lon-hint",
        ),
        node("h3", "For comparison with published studies"),
    ]
    comparison = [
        node("li", f"{name}, {ROUND_NAMES[r['round'] - 1].lower()}: {_figure(r, key)}")
        for key, name in COMPARISON
        for r in session["rounds"]
    ]
    view.append(node("ul", *comparison, class_="lon-comparison"))
    if session["balance_warning"]:
        view.append(node("p", node("strong", "Warning: "), session["balance_warning"], class_="lon-warning"))
    view.append(node("p", figures["published"]))
    view.append(node("h3", "Most under-levelled"))
    if figures["under_levelled"]:
        view.append(node("ol", *(node("li", item["text"]) for item in figures["under_levelled"]), class_="lon-under"))
    else:
        view.append(node("p", "No vignette was put below its answer key."))
    return view


def _vignette_table(figures: Mapping[str, Any]) -> Node:
    levels = figures["levels"]
    head = node(
        "tr",
        *(
            node("th", name, scope="col")
            for name in (
                "Vignette",
                "Answer key",
                "Round",
                *(f"Level {lv['number']}" for lv in levels),
                "Not sure",
                "Below",
                "At",
                "Above",
            )
        ),
    )
    rows = []
    for v in figures["vignettes"]:
        if not any(v["rounds"]):  # a vignette the session did not reach: one row that says so
            first = [node("th", f"{v['number']}. {v['title']}", scope="row"), node("td", v["key"]["answer_key"])]
            rows.append(node("tr", *first, node("td", "not asked"), *(node("td", "") for _ in range(len(levels) + 4))))
            continue
        for r, figures_round in enumerate(v["rounds"]):
            cells = [str(r + 1)]
            if figures_round is None:
                cells += ["not asked"] * (len(levels) + 4)
            else:
                cells += [str(c) for c in figures_round["counts"]] + [str(figures_round[NOT_SURE])]
                shares = figures_round["shares_text"] or {}
                cells += [shares.get(part, "no answers") for part in ("below", "at", "above")]
            first = (
                [node("th", f"{v['number']}. {v['title']}", scope="row"), node("td", v["key"]["answer_key"])]
                if r == 0
                else [
                    node("td", ""),
                    node("td", ""),
                ]
            )
            rows.append(node("tr", *first, *(node("td", c) for c in cells)))
    return node(
        "table",
        node("caption", "The room’s answers to each vignette, by round"),
        node("thead", head),
        node("tbody", *rows),
        class_="lon-room-table lon-summary-table",
    )


def _figure(round_figures: Mapping[str, Any], key: str) -> str:
    if not round_figures["enough"]:
        return round_figures["note"]
    figure = round_figures[key]
    return figure["text"] + (f", over {figure['vignettes']} vignettes" if figure.get("vignettes") else "")


def _change(session: Mapping[str, Any]) -> str:
    change = session["change"]
    if change is None:
        return session["change_note"]
    return f"{change['text']}, over {change['vignettes']} vignettes"


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


def summary_csv(thresholds: Thresholds, figures: Mapping[str, Any]) -> str:
    """The summary as a spreadsheet: the session's facts, a row per vignette and round, then the statistics."""
    out = io.StringIO()
    write = csv.writer(out, lineterminator="\r\n").writerow
    levels = figures["levels"]
    for name, value in (
        ("Session", figures["title"]),
        ("Date", figures["date"]),
        ("Scenario set", figures["set"]["title"]),
        ("Thresholds version", figures["thresholds_version"]),
        ("Room size", figures["room_size"]),
    ):
        write([name, _cell(value)])
    write([])
    write(
        [
            "Vignette",
            "Scenario",
            "Answer key",
            "Round",
            *(f"Level {lv['number']}" for lv in levels),
            "Not sure",
            "Below the key",
            "At the key",
            "Above the key",
            "Pairwise agreement",
        ]
    )
    for v in figures["vignettes"]:
        for r, f in enumerate(v["rounds"], start=1):
            row = [v["number"], _cell(v["title"]), _cell(v["key"]["answer_key"]), r]
            if f is None:
                row += [""] * (len(levels) + 5)
            else:
                shares = f["shares"] or {}
                row += [*f["counts"], f[NOT_SURE], *(_number(shares.get(p)) for p in ("below", "at", "above"))]
                row.append(_number(f["pairwise"]))
            write(row)
    write([])
    write(["Statistic", "Round", "Value", "Standard error", "95% CI low", "95% CI high", "Vignettes"])
    session = figures["session"]
    for key, name in (*STATISTICS, *COMPARISON):
        for r in session["rounds"]:
            figure = r[key] or {}
            write(
                [
                    _cell(name),
                    r["round"],
                    _number(figure.get("value")),
                    *(_number(figure.get(part)) for part in ("se", "low", "high")),
                    figure.get("vignettes", r["answered"]),
                ]
            )
    change = session["change"] or {}
    write(
        [
            "Change in AC1, round 1 to round 2",
            "",
            _number(change.get("value")),
            *(_number(change.get(p)) for p in ("se", "low", "high")),
            change.get("vignettes", ""),
        ]
    )
    return out.getvalue()


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
    typed cannot be taken, with the session as it was."""
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
                "report": None,
                "views": None,
            }
        problem = {"message": str(error), "field": error.field}
    checked = normalise(thresholds, session)
    figures = report(thresholds, checked)
    return {
        "problem": problem,
        "session": checked,
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
