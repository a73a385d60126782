"""Hypothesis strategies: whole thresholds files, and checks against them.

The checker's promises must hold for any partnership's file, not only the two shipped ones. These
files are valid by construction (the strategy follows the schema and the cross-reference rules)
and go through the real loader, so a file the validator refuses fails the test loudly.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import strategies as st

from levels_of_need.questions import QUESTIONS
from levels_of_need.rules import Check
from toolkit.load import load_text

BRAG = ["blue", "green", "amber", "red"]


@st.composite
def steps(draw: Any, consent_required: bool | None) -> list[dict[str, Any]]:
    seeks = draw(st.lists(st.booleans(), min_size=1, max_size=3))
    if consent_required is False and seeks[0]:
        seeks.insert(0, False)  # the validator refuses a protection route that leads with consent
    return [
        {"text": "Fictional: seek the parents’ consent.", "seeks_consent": True}
        if seek
        else {"text": f"Fictional step {n}.", "contact": "c1"}
        for n, seek in enumerate(seeks)
    ]


def _reached_route(levels: list[dict[str, Any]], rule: dict[str, Any]) -> dict[str, Any]:
    """The route a raise rule reaches: its own, or its level's first (rules.reach)."""
    if "route" in rule:
        return next(route for level in levels for route in level["routes"] if route["id"] == rule["route"])
    return next(level["routes"][0] for level in levels if level["id"] == rule["level"])


def _never_waits_for_consent(route: dict[str, Any]) -> None:
    """The route "yes" to significant harm reaches does not require consent, and does not start with a step
    that seeks it (the validator refuses either)."""
    route["consent_required"] = False
    if route["next_steps"][0].get("seeks_consent"):
        route["next_steps"].insert(0, {"text": "Fictional step first.", "contact": "c1"})


@st.composite
def conditions(
    draw: Any, indicator_ids: list[str], level_ids: list[str], deciding: bool, worry_levels: list[str]
) -> dict[str, Any]:
    """A rule's ``when``. A deciding rule (emergency or raise) never reads "not sure"; its max_level (a raise
    rule confined to a level) is drawn with its level (thresholds_data). Counting counts worries at
    ``worry_levels`` only."""
    when: dict[str, Any] = {}
    if draw(st.booleans()):
        answers = {}
        for question in draw(st.lists(st.sampled_from(QUESTIONS), min_size=1, max_size=2, unique_by=lambda q: q.id)):
            values = question.decided_values if deciding else question.values
            answers[question.id] = draw(st.lists(st.sampled_from(values), min_size=1, max_size=2, unique=True))
        when["answers"] = answers
    if draw(st.booleans()):
        when["indicators"] = draw(st.lists(st.sampled_from(indicator_ids), min_size=1, max_size=3, unique=True))
    if draw(st.booleans()):
        when["themes"] = draw(st.lists(st.sampled_from(["t1", "t2"]), min_size=1, max_size=2, unique=True))
    if draw(st.booleans()):
        when["age"] = draw(age_bands())
    for counting in ("all_of", "at_least"):
        if draw(st.integers(0, 3)) == 0:
            when[counting] = draw(counted(indicator_ids, counting == "at_least", worry_levels))
    if draw(st.booleans()):
        when["min_level"] = draw(st.sampled_from(level_ids))
    if not deciding and draw(st.booleans()):
        # Never below min_level: validate refuses a rule that could never hold.
        least = level_ids.index(when["min_level"]) if "min_level" in when else 0
        when["max_level"] = draw(st.sampled_from(level_ids[least:]))
    return when or {"indicators": [draw(st.sampled_from(indicator_ids))]}


@st.composite
def age_bands(draw: Any) -> dict[str, Any]:
    """An age band, as a rule's ``when: age`` and an indicator's ``age`` take it."""
    age: dict[str, Any] = {}
    if draw(st.booleans()):
        age["unborn"] = True
    bound = draw(st.sampled_from(["under", "at_least", "both", "months", "months and years", None]))
    if bound == "both":
        low = draw(st.integers(0, 15))
        age.update(at_least=low, under=draw(st.integers(low + 1, 17)))
    elif bound == "months":
        # A baby's months (1 to 11): under, at least, or both, in order.
        low = draw(st.one_of(st.none(), st.integers(1, 10)))
        high = draw(st.one_of(st.none(), st.integers((low or 0) + 1, 11)))
        if low is None and high is None:
            high = draw(st.integers(1, 11))
        age.update({k: v for k, v in (("at_least_months", low), ("under_months", high)) if v is not None})
    elif bound == "months and years":
        age.update(at_least_months=draw(st.integers(1, 11)), under=draw(st.integers(1, 15)))
    elif bound:
        age[bound] = draw(st.integers(1, 15))
    return age or {"unborn": True}


@st.composite
def counted(draw: Any, indicator_ids: list[str], with_count: bool, worry_levels: list[str]) -> dict[str, Any]:
    """A counting condition (all_of, at_least) over indicators, themes, domains, or any of them; or, with
    ``levels``, over the worries at those levels (never with indicators: validate refuses that)."""
    items: dict[str, Any] = {}
    by_level = draw(st.integers(0, 2)) == 0
    if not by_level and draw(st.booleans()):
        items["indicators"] = draw(st.lists(st.sampled_from(indicator_ids), min_size=1, max_size=3, unique=True))
    if draw(st.booleans()):
        items["themes"] = draw(st.lists(st.sampled_from(["t1", "t2"]), min_size=1, max_size=2, unique=True))
    if draw(st.integers(0, 2)) == 0:
        items["domains"] = draw(st.lists(st.sampled_from(["d1", "d2"]), min_size=1, max_size=2, unique=True))
    if by_level:
        items["levels"] = draw(st.lists(st.sampled_from(worry_levels), min_size=1, max_size=2, unique=True))
    listed = _listed(items)
    if not listed and (not by_level or not with_count):
        items["themes"] = ["t1", "t2"]  # all_of lists an item; at_least counts something
    elif with_count and listed == 1:
        items.setdefault("domains", ["d1", "d2"])
        items.setdefault("themes", ["t1", "t2"])
    listed = _listed(items)
    if with_count:
        items["count"] = draw(st.integers(2, listed if listed else 4))
    return items


def _listed(items: dict[str, Any]) -> int:
    return sum(len(items.get(kind, ())) for kind in ("indicators", "themes", "domains"))


def _most_holding(indicators: list[dict[str, Any]], strengths: set[str], counting: dict[str, Any]) -> int:
    """How many items a counting condition could ever hold, with every worry chosen."""
    levels = set(counting.get("levels", ()))
    worries = [i for i in indicators if i["id"] not in strengths and (not levels or i["level"] in levels)]
    if not _listed(counting):
        return len(worries)
    themes = {i.get("theme") for i in worries}
    domains = {d for i in worries for d in (i["domains"] if "domains" in i else [i["domain"]])}
    held = sum(t in themes for t in counting.get("themes", ())) + sum(d in domains for d in counting.get("domains", ()))
    return len(counting.get("indicators", ())) + held


def _holdable(rules: list[dict[str, Any]], indicators: list[dict[str, Any]], worry_ids: list[str]) -> None:
    """A counting condition that could never hold is refused by validate: lower its count, or leave it out."""
    strengths = {i["id"] for i in indicators} - set(worry_ids)
    for rule in rules:
        when = rule["when"]
        for kind in ("all_of", "at_least"):
            counting = when.get(kind)
            if counting is None:
                continue
            most = _most_holding(indicators, strengths, counting)
            if kind == "at_least" and most >= 2:
                counting["count"] = min(counting["count"], most)
            elif kind == "at_least" or most < _listed(counting):
                del when[kind]
        if not when:
            when["indicators"] = [worry_ids[0]]


def _confine(draw: Any, rule: dict[str, Any], levels: list[dict[str, Any]]) -> None:
    """Perhaps confine a raise rule to a level (max_level): at or above the level it sets (validate refuses one
    below), and never on a rule whose words describe harm or an immediate risk."""
    if draw(st.integers(0, 2)) != 0:
        return
    reached = _reached_route(levels, rule)
    number = next(lv["number"] for lv in levels if reached in lv["routes"])
    most = draw(st.sampled_from([lv for lv in levels if lv["number"] >= number]))
    rule["when"]["max_level"] = most["id"]
    least = next((lv for lv in levels if lv["id"] == rule["when"].get("min_level")), None)
    if least is not None and least["number"] > most["number"]:
        del rule["when"]["min_level"]
    rule.pop("describes_harm", None)
    rule.pop("describes_immediate_risk", None)


# Every file has its emergency rule on "yes" to immediate risk (validate refuses a file without one).
EMERGENCY_RULE: dict[str, Any] = {
    "id": "emergency",
    "kind": "emergency",
    "when": {"answers": {"immediate_risk": ["yes"]}},
    "contacts": ["c1"],
    "text": "Fictional.",
    "source": "Fictional",
}


@st.composite
def thresholds_data(draw: Any) -> dict[str, Any]:
    level_ids = [f"lv{n}" for n in range(1, draw(st.integers(2, 5)) + 1)]
    first_kind = draw(st.sampled_from(["strength", "worry"]))
    levels, indicators = [], []
    for number, level_id in enumerate(level_ids, start=1):
        routes = []
        for r in range(draw(st.integers(1, 3))):
            consent = draw(st.sampled_from([True, False, None]))
            route = {
                "id": f"{level_id}-r{r}",
                "name": f"Route {number}.{r}",
                "brag": draw(st.sampled_from(BRAG)),
                "response": "Fictional response.",
                "next_steps": draw(steps(consent)),
            }
            if consent is not None:
                route["consent_required"] = consent
            routes.append(route)
        levels.append(
            {
                "id": level_id,
                "number": number,
                "name": f"Level {number} name",
                "title": "Fictional title",
                "summary": "Fictional summary.",
                "description": "Fictional description.",
                "indicator_kind": first_kind if number == 1 else "worry",
                "routes": routes,
            }
        )
        for k in range(draw(st.integers(1, 3))):
            indicator: dict[str, Any] = {"id": f"{level_id}-i{k}", "level": level_id}
            # One domain, or several (the optional ``domains``).
            if draw(st.integers(0, 3)) == 0:
                indicator["domains"] = draw(st.permutations(["d1", "d2"]))
            else:
                indicator["domain"] = draw(st.sampled_from(["d1", "d2"]))
            indicator["text"] = f"Fictional indicator {number}.{k}"
            if draw(st.booleans()):
                indicator["theme"] = draw(st.sampled_from(["t1", "t2"]))
            if draw(st.integers(0, 3)) == 0:
                indicator["age"] = draw(age_bands())  # an age band: the indicator counts at any age
            strength_level = number == 1 and first_kind == "strength"
            if not strength_level and k > 0 and draw(st.integers(0, 3)) == 0:
                indicator["strength"] = True  # a strength above Level 1 (never the first: a level keeps a worry)
            elif draw(st.booleans()) and not strength_level:
                indicator["describes_harm"] = True  # a worry's words can describe harm; a strength's cannot
            if not strength_level and not indicator.get("strength") and draw(st.integers(0, 3)) == 0:
                indicator["describes_immediate_risk"] = True  # a worry's words can name an immediate risk
            indicators.append(indicator)
    indicator_ids = [i["id"] for i in indicators]
    # Strengths never set a level, so only a worry may decide an emergency or raise rule.
    worry_ids = [
        i["id"] for i in indicators if not i.get("strength") and (first_kind == "worry" or i["level"] != "lv1")
    ]
    route_ids = [r["id"] for level in levels for r in level["routes"]]
    worry_levels = [lv["id"] for lv in levels if lv["indicator_kind"] == "worry"]
    rules: list[dict[str, Any]] = [copy.deepcopy(EMERGENCY_RULE)]
    for n in range(draw(st.integers(0, 4))):
        rule = {
            "id": f"raise-{n}",
            "kind": "raise",
            "when": draw(conditions(worry_ids, level_ids, deciding=True, worry_levels=worry_levels)),
            "text": "Fictional.",
            "source": "Fictional",
        }
        if draw(st.booleans()):
            rule["level"] = draw(st.sampled_from(level_ids))
        else:
            rule["route"] = draw(st.sampled_from(route_ids))
        if "yes" in rule["when"].get("answers", {}).get("significant_harm", ()):
            _never_waits_for_consent(_reached_route(levels, rule))
        if draw(st.booleans()):
            rule["describes_harm"] = True  # a rule's words can describe harm, as an indicator's can
        if draw(st.integers(0, 3)) == 0:
            rule["describes_immediate_risk"] = True  # and name an immediate risk
        _confine(draw, rule, levels)
        rules.append(rule)
    for n in range(draw(st.integers(0, 3))):
        rules.append(
            {
                "id": f"advise-{n}",
                "kind": "advise",
                "when": draw(conditions(indicator_ids, level_ids, deciding=False, worry_levels=worry_levels)),
                "text": "Fictional advice.",
                "source": "Fictional",
                # The guidance's exception to seeking consent, for the worries the rule names.
                **({"consent_exception": True} if draw(st.integers(0, 3)) == 0 else {}),
            }
        )
    _holdable(rules, indicators, worry_ids)
    data = {
        "format": 1,
        "partnership": {"name": "Generated partnership (fictional)", "short_name": "GP", "area": "Nowhere"},
        "document": {"title": "Generated", "version": "0", "date": "2026-01-01", "source": "Generated."},
        "age_range": {"youngest": 0, "oldest": draw(st.integers(16, 19)), "text": "generated ages"},
        "contacts": [{"id": "c1", "name": "Fictional contact", "phone": "01632 960001", "when": "Fictional."}],
        "timescales": [],
        "levels": levels,
        "domains": [{"id": "d1", "name": "Domain one"}, {"id": "d2", "name": "Domain two"}],
        "themes": [{"id": "t1", "name": "Theme one"}, {"id": "t2", "name": "Theme two"}],
        "indicators": indicators,
        "rules": rules,
        "glossary": {"GP": "Generated partnership"},
    }
    return draw(content_fields(data))


@st.composite
def content_fields(draw: Any, data: dict[str, Any]) -> dict[str, Any]:
    """Issue 17's content fields, added to a generated file and used by it: the partnership's own questions
    (read by raise and advise rules), and areas with a contact that differs by area (in steps and in the
    emergency rule), whose numbers have an extension, an option and a +44 form."""
    if draw(st.booleans()):
        # A question asked for a theme only where a worry has it (validate refuses one never asked).
        kinds = {level["id"]: level["indicator_kind"] for level in data["levels"]}
        worry_themes = {
            i.get("theme") for i in data["indicators"] if not i.get("strength") and kinds[i["level"]] != "strength"
        }
        own = [q for q in OWN_QUESTIONS if set(q.get("themes", ())) <= worry_themes]
        data["own_questions"] = [dict(q) for q in own]
        readable = [q for q in own if not q.get("free_text")]  # no rule reads a free-text answer
        for rule in data["rules"]:
            if rule["kind"] != "emergency" and draw(st.booleans()):
                _reads_an_own_question(draw, rule, draw(st.sampled_from(readable)))
    if draw(st.booleans()):
        data["areas"] = [{"id": "north", "name": "North (fictional)"}, {"id": "south", "name": "South (fictional)"}]
        data["contacts"] += [
            {"id": "c-north", "name": "North hub", "phone": "01632 960002", "extension": "12", "when": "Fictional."},
            {"id": "c-south", "name": "South hub", "phone": "+44 (0)1632 960003", "option": "2", "when": "Fictional."},
            {
                "id": "c-area",
                "name": "Hub by area",
                "when": "Fictional.",
                "areas": {"north": "c-north", "south": "c-south"},
            },
        ]
        for step in (step for level in data["levels"] for route in level["routes"] for step in route["next_steps"]):
            if step.get("contact") == "c1" and draw(st.booleans()):
                step["contact"] = "c-area"
        for rule in data["rules"]:
            if rule["kind"] == "emergency" and draw(st.booleans()):
                rule["contacts"].append("c-area")
        district_words(draw, data)
    return data


# The partnership's own questions of every kind: yes / no / not sure, multiple choice, free text, and one
# asked only where a chosen worry has theme t1.
OWN_QUESTIONS: tuple[dict[str, Any], ...] = (
    {"id": "own-1", "text": "Fictional question one?"},
    {"id": "own-2", "text": "Fictional choice?", "options": [{"id": f"opt-{n}", "text": f"Option {n}"} for n in "abc"]},
    {"id": "own-3", "text": "Fictional words?", "free_text": True, "summary_part": "needs"},
    {"id": "own-4", "text": "Fictional question for theme one?", "themes": ["t1"], "summary_part": "worries"},
)


def _reads_an_own_question(draw: Any, rule: dict[str, Any], question: dict[str, Any]) -> None:
    """The rule reads the question: decided answers only where it decides ("not sure" never decides), and,
    for a question asked only for theme t1, only where the rule needs t1 too (validate refuses any other)."""
    decided = [o["id"] for o in question["options"]] if "options" in question else ["yes", "no"]
    values = decided if rule["kind"] == "raise" else [*decided, "unsure"]
    chosen = draw(st.lists(st.sampled_from(values), min_size=1, max_size=2, unique=True))
    rule["when"].setdefault("answers", {})[question["id"]] = chosen
    if "themes" in question:
        rule["when"]["themes"] = list(question["themes"])


# Each area's own words for a step, and advice for one area only (issue 29, point 5): a step's area words
# that seek consent too, so that the safety properties are tested where an area's words differ.
AREA_STEP_WORDS = "North's own words (fictional)."
AREA_CONSENT_WORDS = "Fictional: in the north, seek the parents' consent first."


def district_words(draw: Any, data: dict[str, Any]) -> None:
    data["timescales"].append({"id": "t-south", "label": "South's own", "within": "5 days", "text": "Fictional."})
    for step in (step for level in data["levels"] for route in level["routes"] for step in route["next_steps"]):
        choice = draw(st.integers(0, 3))
        if choice == 1:
            words = AREA_CONSENT_WORDS if step.get("seeks_consent") else AREA_STEP_WORDS
            step["areas"] = {"north": {"text": words}}
        elif choice == 2:
            step["areas"] = {"south": {"timescale": "t-south"}}
    for rule in data["rules"]:
        if rule["kind"] == "advise" and draw(st.booleans()):
            rule["areas"] = [draw(st.sampled_from(["north", "south"]))]


def load(data: dict[str, Any]) -> Any:
    """Through the real loader: JSON is YAML, so the file is validated exactly as a partnership's is."""
    return load_text(json.dumps(data), "generated.yml")


@st.composite
def checks(draw: Any, thresholds: Any) -> Check:
    ids = [i.id for i in thresholds.indicators]
    answers = draw(st.fixed_dictionaries({}, optional={q.id: _answers_to(q) for q in thresholds.questions}))
    unborn = draw(st.booleans())
    age = None if unborn else draw(st.one_of(st.none(), st.integers(0, thresholds.age_range.oldest)))
    # A baby's months, as "7 months" gives them; where a band is in months, always for a baby under one (the check
    # refuses "0" years there: rules.validate_age).
    in_months = age == 0 and (thresholds.months_asked or draw(st.booleans()))
    months = draw(st.integers(0, 11)) if in_months else None
    chosen = frozenset(draw(st.sets(st.sampled_from(ids), max_size=6)))
    # Confirmations of chosen indicators, and of rules (a rule whose words describe harm is confirmed by its id).
    confirmable = sorted(
        chosen
        | {r.id for r in thresholds.rules if r.describes_harm}
        | {f"age:{i.id}" for i in thresholds.indicators if i.id in chosen and i.age is not None}
        | {f"immediate:{i.id}" for i in (*thresholds.indicators, *thresholds.rules) if i.describes_immediate_risk}
    )
    confirmed = frozenset(draw(st.sets(st.sampled_from(confirmable), max_size=3))) if confirmable else frozenset()
    return Check(indicators=chosen, answers=answers, age=age, age_months=months, unborn=unborn, confirmed=confirmed)


def _answers_to(question: Any) -> Any:
    """Any answer the question takes: one of its options, or words typed (a free-text question)."""
    return st.text(min_size=1, max_size=40) if question.free_text else st.sampled_from(question.values)
