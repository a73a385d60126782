"""Load and validate a thresholds file on the host (build time and CLI).

Each problem is one line naming the file, the line and the path, with list items named by their id
where they have one, e.g.::

    thresholds.yml:212: indicators[l2-young-carer].level: 'four' is not a defined level (known: thriving, …)

PyYAML and jsonschema are build-time dependencies: the browser receives JSON
that has already passed here and never imports this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from levels_of_need import phones, questions, summary
from levels_of_need.model import Thresholds, filter_finds, from_dict
from levels_of_need.questions import AGE, AREA, UNSURE

from . import limits
from .colours import too_faint
from .scenario_sets import scenario_set_problems
from .text import strings, text_problems

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "thresholds.schema.json"

PathItems = Sequence[str | int]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        # Always one printable line, whatever the file put into a path or a quoted value.
        line = f"{self.file}:{self.line}: {self.path}: {self.message}"
        return "".join(char if char.isprintable() else repr(char)[1:-1] for char in line)


class ThresholdsError(Exception):
    """The file could not be loaded; ``problems`` says why, one line each."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def format_path(path: PathItems, names: Sequence[str | None] = ()) -> str:
    """indicators[4].level, in the style of cfgv's ``At key:`` errors; where ``names`` gives a list
    item's id (``LineIndex.item_names``), the item is named by it: indicators[l2-young-carer].level."""
    out = ""
    for depth, part in enumerate(path):
        name = names[depth] if depth < len(names) else None
        if isinstance(part, int):
            out += f"[{name or part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def load_file(path: str | Path) -> Thresholds:
    return load_text(read_file(path), str(path))


def read_file(path: str | Path) -> str:
    """The file's text, refused before reading if it is not a regular file or is too large."""
    path = Path(path)
    try:
        if not path.is_file():
            what = "no such file" if not path.exists() else "not a regular file"
            raise ThresholdsError([Problem(str(path), 1, "(file)", what)])
        limits.check_size(path.stat().st_size)
        text = path.read_text(encoding="utf-8")
        limits.check_complete(text)
        return text
    except limits.LimitError as exc:
        raise ThresholdsError([Problem(str(path), exc.line, exc.where, exc.message)]) from None
    except UnicodeDecodeError as exc:
        raise ThresholdsError([Problem(str(path), 1, "(file)", f"not UTF-8 text ({exc.reason})")]) from None
    except OSError as exc:
        raise ThresholdsError([Problem(str(path), 1, "(file)", f"cannot read: {exc.strerror}")]) from None


def load_text(text: str, filename: str = "thresholds.yml") -> Thresholds:
    return load_with_lines(text, filename)[0]


def load_with_lines(text: str, filename: str = "thresholds.yml") -> tuple[Thresholds, LineIndex]:
    """The thresholds, and where each part of them is in the file (for later checks' messages)."""
    data, lines = parse_yaml(text, filename)
    problems = list(schema_problems(data, lines, filename))
    # One line per field: text problems only for fields whose shape is right.
    shaped_wrong = {problem.path for problem in problems}
    for path, message in text_problems(data):
        if lines.name(path) not in shaped_wrong:
            problems.append(Problem(filename, lines.line(path), lines.name(path), message))
    if not problems:
        # Cross-references only make sense once the shape is right.
        problems = list(reference_problems(data, lines, filename))
    if problems:
        raise ThresholdsError(sorted(problems, key=lambda p: p.line))
    thresholds = from_dict(data)
    problems = list(filter_example_problems(thresholds, lines, filename))
    if problems:
        raise ThresholdsError(problems)
    return thresholds, lines


def filter_example_problems(t: Thresholds, lines: LineIndex, filename: str) -> Iterator[Problem]:
    """Each example the check page offers for its filter finds a worry. Checked on the built
    thresholds, because the filter reads each worry's whole vocabulary (Indicator.vocabulary)."""
    worries = [i.search_terms for i in t.indicators if not i.is_strength]
    for i, example in enumerate(t.data.get("filter_examples", ())):
        if not any(filter_finds(example, terms) for terms in worries):
            path = ["filter_examples", i]
            message = f"{example!r} finds no worry: use a word from a worry's wording, its theme or its synonyms"
            yield Problem(filename, lines.line(path), lines.name(path), message)


def indicators_without_everyday_words(t: Thresholds) -> list[str]:
    """The worries only their wording finds: no everyday words of their own, their theme's or their
    domain's. A practitioner types what was heard, rarely the guidance's words (docs/format.md,
    "Everyday words")."""
    return [
        i.id
        for i in t.indicators
        if not i.is_strength and len(i.vocabulary) == 1 + bool(i.theme) and not (i.theme and i.theme.synonyms)
    ]


# ---- YAML with line numbers ------------------------------------------------


# An id good enough to name a list item by in a message: the schema's id form, and not too long.
_ITEM_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")


class LineIndex:
    """Maps a data path to the line of the YAML node it came from, and names its list items by id."""

    def __init__(self, root: Any) -> None:
        self.root = root

    def item_names(self, path: PathItems) -> list[str | None]:
        """For each step of the path into a list, the item's ``id`` if it has one of the id form."""
        import yaml

        names: list[str | None] = []
        for depth, part in enumerate(path):
            node = self.node(path[: depth + 1]) if isinstance(part, int) else None
            item_id = None
            if isinstance(node, yaml.MappingNode):
                value = next((v for k, v in node.value if k.value == "id"), None)
                if isinstance(value, yaml.ScalarNode) and _ITEM_ID.fullmatch(value.value):
                    item_id = value.value
            names.append(item_id)
        return names

    def name(self, path: PathItems) -> str:
        """The path as a message names it: indicators[l2-young-carer].level."""
        return format_path(path, self.item_names(path))

    def node(self, path: PathItems) -> Any:
        import yaml

        node = self.root
        for part in path:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == part), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
            else:
                return node
            if node is None:
                return None
        return node

    def line(self, path: PathItems) -> int:
        # The deepest node that exists: a missing key is reported at its parent.
        for depth in range(len(path), -1, -1):
            node = self.node(path[:depth])
            if node is not None:
                return node.start_mark.line + 1
        return 1

    def key_line(self, path: PathItems, key: str) -> int:
        import yaml

        node = self.node(path)
        if isinstance(node, yaml.MappingNode):
            for k, _ in node.value:
                if k.value == key:
                    return k.start_mark.line + 1
        return self.line(path)


def parse_yaml(text: str, filename: str) -> tuple[Any, LineIndex]:
    import yaml

    try:
        limits.check_text(text)
    except limits.LimitError as exc:
        raise ThresholdsError([Problem(filename, exc.line, exc.where, exc.message)]) from None
    loader = limits.LimitedLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise ThresholdsError([Problem(filename, 1, "(top level)", "the file is empty")])
        duplicates = list(_duplicate_keys(root, []))
        if duplicates:
            named = LineIndex(root)
            raise ThresholdsError([Problem(filename, line, named.name(p), msg) for p, line, msg in duplicates])
        data = loader.construct_document(root)
    except limits.LimitError as exc:
        raise ThresholdsError([Problem(filename, exc.line, exc.where, exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(filter(None, [exc.context, exc.problem]))
        raise ThresholdsError([Problem(filename, line, "(YAML syntax)", what + _yaml_hint(what))]) from None
    except yaml.YAMLError as exc:
        raise ThresholdsError([Problem(filename, 1, "(YAML syntax)", " ".join(str(exc).split()))]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise ThresholdsError(
            [Problem(filename, 1, "(top level)", f"expected a mapping of sections, got {_describe(data)}")]
        )
    return data, LineIndex(root)


# What a web officer can do about the YAML errors that texts from a guidance document cause most.
_YAML_HINTS = {
    "mapping values are not allowed here": "a text with a colon in it (“Note: …”) must be in quotes",
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "expected <block end>, but found '<scalar>'": "a text that starts with a quote must end with it, or be "
    "put in the other kind of quotes",
}


def _yaml_hint(message: str) -> str:
    hints = [hint for problem, hint in _YAML_HINTS.items() if problem in message]
    return f": {hints[0]}" if hints else ""


def _duplicate_keys(node: Any, path: list[str | int]) -> Iterator[tuple[list[str | int], int, str]]:
    """PyYAML keeps the last of two equal keys silently; a lost entry must be an error."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                yield path, line, f"duplicate key '{key.value}' (first at line {seen[key.value]})"
            seen.setdefault(key.value, line)
            yield from _duplicate_keys(value, [*path, key.value])
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _duplicate_keys(item, [*path, index])


# ---- Schema ------------------------------------------------------------------


def load_schema() -> dict[str, Any]:
    """The schema file, with the parts the core defines taken from their one definition: the check's
    questions (levels_of_need.questions) and the summary's parts (levels_of_need.summary). The file on
    disk, which editors read, is kept in step: ``python -m toolkit schema --out`` rewrites it, and
    tests/toolkit fail when it differs."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    schema["$defs"].update(questions.schema_defs())
    schema["$defs"].update(summary.schema_defs())
    schema["$defs"].update(phones.schema_defs())
    return schema


def schema_text() -> str:
    """The whole schema as the file on disk holds it."""
    return json.dumps(load_schema(), indent=2, ensure_ascii=False) + "\n"


def full_match(pattern: str, text: str) -> bool:
    """A schema pattern as JSON Schema means it (ECMA-262, as editors read the schema): ``$`` is the very
    end, never before a final line break as in Python's ``re.search``, and ``\\d`` is an ASCII digit."""
    anchored = pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
    return re.search(anchored, text, re.ASCII) is not None


def _pattern(validator: Any, pattern: str, instance: Any, schema: Mapping[str, Any]) -> Iterator[Any]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not full_match(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def schema_problems(data: Any, lines: LineIndex, filename: str) -> Iterator[Problem]:
    from jsonschema import Draft202012Validator, validators

    # JSON Schema counts 18.0 as an integer; YAML reads it as a float, which a range or a count then
    # refuses with a traceback. A whole number here is written as one.
    whole = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _checker, instance: isinstance(instance, int) and not isinstance(instance, bool)
    )
    checker = validators.extend(Draft202012Validator, {"pattern": _pattern}, type_checker=whole)
    validator = checker(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = list(validator.iter_errors(data))
    # A value not in the pattern's form is one problem: "not a real date" beside it says the same again.
    misshapen = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    for error in errors:
        if error.validator == "format" and tuple(error.absolute_path) in misshapen:
            continue
        path = list(error.absolute_path)
        line, path, message = _explain(error, path, lines)
        yield Problem(filename, line, lines.name(path), message)


def _explain(error: Any, path: list[str | int], lines: LineIndex) -> tuple[int, list[str | int], str]:
    kind, value, instance = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [name for name in value if name not in instance]
        return lines.line(path), path, f"missing required field '{missing[0]}'"
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = next(k for k in instance if k not in allowed)
        known = f" (allowed: {', '.join(allowed)})" if allowed else ""
        return lines.key_line(path, extra), [*path, extra], f"unknown field '{extra}'{known}"
    line = lines.line(path)
    if kind in ("oneOf", "anyOf") and all(set(option) == {"required"} for option in value):
        # Fields of which the schema wants one (oneOf) or any (anyOf): say which, by name.
        names = [name for option in value for name in option["required"]]
        given = [name for name in names if isinstance(instance, Mapping) and name in instance]
        which = "one of the two" if kind == "oneOf" else "or both"
        also = f", not both (this gives {' and '.join(given)})" if kind == "oneOf" and given else ""
        return line, path, f"give '{names[0]}' or '{names[1]}', {which}{also}"
    if kind == "type":
        return line, path, f"expected {_article(value)}, got {_describe(instance)}"
    if kind == "enum":
        return line, path, f"{_show(instance)} is not one of: {', '.join(map(str, value))}"
    if kind == "const":
        # In YAML's words (true, 1), with the schema's reason when it gives one.
        why = f": {error.schema['description']}" if error.schema.get("description") else ""
        return line, path, f"must be {json.dumps(value)}, got {json.dumps(instance, default=str)}{why}"
    if kind == "pattern":
        hint = error.schema.get("description") or f"the pattern {value}"
        if "propertyNames" in error.schema_path:  # a key, not a value: point at the key's own line
            return (
                lines.key_line(path, instance),
                [*path, instance],
                f"{instance!r} is not in the expected form: {hint}",
            )
        return line, path, f"{instance!r} is not in the expected form: {hint}"
    if kind == "format":
        hint = error.schema.get("description") or value
        return line, path, f"{_show(instance)} is not a real {value}: {hint}"
    if kind == "minItems":
        return line, path, f"needs at least {value} item{'s' if value != 1 else ''}, has {len(instance)}"
    if kind == "maxItems":
        return line, path, f"allows at most {value} items, has {len(instance)}"
    if kind == "minLength":
        return line, path, "must not be empty"
    if kind == "minProperties":
        return line, path, f"needs more fields: {error.schema.get('description', 'it must not be empty')}"
    if kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        return line, path, f"must be {bound} {value}, got {instance!r}"
    if kind == "uniqueItems":
        twice = next(item for i, item in enumerate(instance) if item in instance[:i])
        return line, path, f"lists {_show(twice)} twice: give each once"
    return line, path, error.message


def _article(type_name: str | list[str]) -> str:
    names = {
        "string": "a string",
        "integer": "a whole number",
        "object": "a mapping",
        "array": "a list",
        "boolean": "true or false",
        "number": "a number",
    }
    if isinstance(type_name, list):
        return " or ".join(names.get(t, t) for t in type_name)
    return names.get(type_name, type_name)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return _describe(value)
    return repr(value)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (quote yes/no/on/off to keep them as words)"
    kinds = {dict: "a mapping", list: "a list", str: "a string", int: "a whole number", float: "a number"}
    return f"{kinds.get(type(value), type(value).__name__)} {json.dumps(value, default=str)[:60]}"


# ---- Cross-references -----------------------------------------------------------


def reference_problems(data: Mapping[str, Any], lines: LineIndex, filename: str) -> Iterator[Problem]:
    def problem(path: PathItems, message: str) -> Problem:
        return Problem(filename, lines.line(path), lines.name(path), message)

    def ids_of(section: str) -> list[tuple[list[str | int], str]]:
        return [([section, i, "id"], item["id"]) for i, item in enumerate(data.get(section, ()))]

    route_ids = [
        (["levels", li, "routes", ri, "id"], route["id"])
        for li, level in enumerate(data["levels"])
        for ri, route in enumerate(level["routes"])
    ]
    known = {
        "level": [v for _, v in ids_of("levels")],
        "route": [v for _, v in route_ids],
        "domain": [v for _, v in ids_of("domains")],
        "theme": [v for _, v in ids_of("themes")],
        "indicator": [v for _, v in ids_of("indicators")],
        "contact": [v for _, v in ids_of("contacts")],
        "timescale": [v for _, v in ids_of("timescales")],
        "rule": [v for _, v in ids_of("rules")],
    }

    for section in (
        "levels",
        "domains",
        "themes",
        "indicators",
        "rules",
        "contacts",
        "areas",
        "own_questions",
        "timescales",
        "referral_questions",
        "guidance",
        "scenarios",
    ):
        yield from _duplicates(ids_of(section), problem, lines)
    yield from _duplicates(route_ids, problem, lines)

    for i, level in enumerate(data["levels"]):
        if level["number"] != i + 1:
            yield problem(
                ["levels", i, "number"],
                f"levels are listed lowest first and numbered 1, 2, 3… without gaps; expected {i + 1}, "
                f"got {level['number']}",
            )
            break

    def check_ref(path: PathItems, kind: str, value: str | None) -> Iterator[Problem]:
        if value is not None and value not in known[kind]:
            yield problem(path, f"{value!r} is not a defined {kind} (known: {_shortlist(known[kind])})")

    for i, ind in enumerate(data["indicators"]):
        yield from check_ref(["indicators", i, "level"], "level", ind["level"])
        if "domain" in ind:
            yield from check_ref(["indicators", i, "domain"], "domain", ind["domain"])
        for j, domain in enumerate(ind.get("domains", ())):
            yield from check_ref(["indicators", i, "domains", j], "domain", domain)
        yield from check_ref(["indicators", i, "theme"], "theme", ind.get("theme"))

    used_levels = {ind["level"] for ind in data["indicators"]}
    # An indicator with a mistyped level is the real problem: its level's "no indicators" would only
    # send the reader to add one, so it is said only when every indicator names a known level.
    level_typo = not used_levels <= {level["id"] for level in data["levels"]}
    for li, level in enumerate(data["levels"]):
        if level["id"] not in used_levels and not level_typo:
            yield problem(["levels", li], f"level {level['id']!r} has no indicators")
        if "colour" in level and (faint := too_faint(level["colour"])):
            yield problem(["levels", li, "colour"], faint)
        for ri, route in enumerate(level["routes"]):
            if "colour" in route and (faint := too_faint(route["colour"])):
                yield problem(["levels", li, "routes", ri, "colour"], faint)
            for si, step in enumerate(route["next_steps"]):
                base = ["levels", li, "routes", ri, "next_steps", si]
                yield from check_ref([*base, "contact"], "contact", step.get("contact"))
                yield from check_ref([*base, "timescale"], "timescale", step.get("timescale"))
            yield from _consent_problems(route, ["levels", li, "routes", ri], problem)

    ages = data["age_range"]
    if ages["youngest"] > ages["oldest"]:
        yield problem(
            ["age_range", "oldest"], f"the oldest age ({ages['oldest']}) is below the youngest ({ages['youngest']})"
        )

    strength_levels = {level["id"] for level in data["levels"] if level["indicator_kind"] == "strength"}
    strengths = {ind["id"] for ind in data["indicators"] if ind["level"] in strength_levels or ind.get("strength")}
    for i, ind in enumerate(data["indicators"]):
        yield from _indicator_problems(ind, ["indicators", i], strength_levels, ages, problem)
    for i, ind in enumerate(data["indicators"]):
        if ind["id"] in strengths and ind.get("describes_harm"):
            yield problem(
                ["indicators", i, "describes_harm"],
                "a strength cannot describe harm: its level lists what is working well",
            )
        if ind["id"] in strengths and ind.get("describes_immediate_risk"):
            yield problem(
                ["indicators", i, "describes_immediate_risk"],
                "a strength cannot describe an immediate risk: its level lists what is working well",
            )
    for i, rule in enumerate(data["rules"]):
        yield from _rule_problems(rule, ["rules", i], problem, check_ref, strengths)
        if "age" in rule["when"]:
            yield from _band_problems(
                rule["when"]["age"], ["rules", i, "when", "age"], ages, problem, "the rule would never hold"
            )

    for i, stage in enumerate(data.get("escalation", {}).get("stages", ())):
        if stage["number"] != i + 1:
            yield problem(
                ["escalation", "stages", i, "number"],
                f"stages are listed in order, numbered 1, 2, 3… without gaps; expected {i + 1}, got {stage['number']}",
            )
            break
    for i, stage in enumerate(data.get("escalation", {}).get("stages", ())):
        yield from check_ref(["escalation", "stages", i, "timescale"], "timescale", stage.get("timescale"))
        yield from check_ref(["escalation", "stages", i, "contact"], "contact", stage.get("contact"))
    yield from _contact_problems(data, problem)
    yield from _area_contact_problems(data, problem)
    yield from _own_question_problems(data, problem)
    yield from _element_id_problems(data, problem)

    yield from _optional_part_problems(data, problem)
    yield from _glossary_problems(data, lines, problem)
    yield from _accessibility_problems(data, problem)
    yield from _step_down_problems(data, problem, check_ref)

    routes_of = {level["id"]: [route["id"] for route in level["routes"]] for level in data["levels"]}
    deciders = {*known["indicator"], *known["rule"]}
    harmful = {ind["id"] for ind in data["indicators"] if ind.get("describes_harm")}
    harmful_rules = {rule["id"] for rule in data["rules"] if rule.get("describes_harm")}
    for i, scenario in enumerate(data.get("scenarios", ())):
        yield from _scenario_problems(scenario, ["scenarios", i], routes_of, deciders, problem, check_ref)
        yield from _scenario_check_problems(
            scenario["check"], ["scenarios", i, "check"], ages, harmful, harmful_rules, problem
        )
    yield from scenario_set_problems(data, problem)  # scenario_sets: and twins (scenario_sets.py)


def _indicator_problems(
    ind: Mapping[str, Any], base: list[str | int], strength_levels: set[str], ages: Mapping[str, Any], problem: Any
) -> Iterator[Problem]:
    """An indicator's own fields that the schema cannot check: a worry on a strength level, and an age
    band that holds no age (or none the guidance covers)."""
    if ind.get("strength") is False and ind["level"] in strength_levels:
        yield problem(
            [*base, "strength"],
            f"level {ind['level']!r} lists what is working well, so its indicators are strengths: "
            "leave 'strength' out (or move the indicator to a level of worries)",
        )
    if "age" in ind:
        yield from _band_problems(ind["age"], [*base, "age"], ages, problem, "the indicator would never apply")


def _band_problems(
    band: Mapping[str, Any], path: list[str | int], ages: Mapping[str, Any], problem: Any, never: str
) -> Iterator[Problem]:
    """An age band (an indicator's ``age``, or a rule's ``when: age``) that holds no age, or none the
    guidance covers: what it is written for could never apply."""
    low, high = band.get("at_least", 0), band.get("under")
    if high is not None and high <= low:
        yield problem(path, f"'under: {high}' must be above 'at_least: {low}': no age is in this band")
        return
    if ages["youngest"] > ages["oldest"]:
        return  # the age range itself is wrong, and said so: no band can be judged against it
    covered = range(max(low, ages["youngest"]), min(high if high is not None else 10**6, ages["oldest"] + 1))
    has_years = "at_least" in band or "under" in band
    if has_years and not covered and not band.get("unborn"):
        yield problem(
            path, f"no age in this band is within age_range ({ages['youngest']} to {ages['oldest']}): {never}"
        )


def _contact_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """Each contact can be reached, its extension and option belong to a number, and a contact that
    differs by area names a contact for every area, so the checker never has to guess one."""
    areas = [area["id"] for area in data.get("areas", ())]
    for i, area_id in enumerate(areas):
        if area_id == UNSURE:
            message = f"an area cannot be called {UNSURE!r}: that is the answer “I am not sure”"
            yield problem(["areas", i, "id"], message)
    contacts = {contact["id"]: contact for contact in data["contacts"]}
    for i, contact in enumerate(data["contacts"]):
        base = ["contacts", i]
        if not any(key in contact for key in ("phone", "textphone", "email", "url", "areas")):
            yield problem(base, "give at least one way to reach this contact: phone, textphone, email or url")
        for key in ("extension", "option"):
            if key in contact and "phone" not in contact:
                yield problem([*base, key], f"{key!r} belongs to a phone number, and this contact has no 'phone'")
        by_area = contact.get("areas")
        if by_area is None:
            continue
        if not areas:
            yield problem([*base, "areas"], "this contact differs by area, but the file has no 'areas' section")
            continue
        for area_id, own_id in by_area.items():
            if area_id not in areas:
                yield problem([*base, "areas"], f"{area_id!r} is not a defined area (known: {_shortlist(areas)})")
            elif own_id not in contacts:
                yield problem([*base, "areas"], f"{area_id}: {own_id!r} is not a defined contact")
            elif "areas" in contacts[own_id]:
                yield problem(
                    [*base, "areas"], f"{area_id}: {own_id!r} differs by area itself: name the area's own contact"
                )
        for area_id in areas:
            if area_id not in by_area:
                yield problem(
                    [*base, "areas"],
                    f"no contact for area {area_id!r}: give one for every area, so the self-check never guesses",
                )
    if "area" in data.get("questions", {}) and not areas:
        yield problem(["questions", "area"], "rewords the question on the child's area, but the file has no 'areas'")


def _area_contact_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """Steps, rules and escalation stages name the contact that differs by area, never one area's own:
    the checker then shows the child's area's, or every area's while the area is not known."""
    area_of = {
        own_id: contact["id"] for contact in data["contacts"] for own_id in (contact.get("areas") or {}).values()
    }
    if not area_of:
        return
    named: list[tuple[list[str | int], Any]] = []
    for li, level in enumerate(data["levels"]):
        for ri, route in enumerate(level["routes"]):
            for si, step in enumerate(route["next_steps"]):
                named.append((["levels", li, "routes", ri, "next_steps", si, "contact"], step.get("contact")))
    for si, step in enumerate((data.get("step_down") or {}).get("next_steps", ())):
        named.append((["step_down", "next_steps", si, "contact"], step.get("contact")))
    for i, rule in enumerate(data["rules"]):
        named += [(["rules", i, "contacts", j], contact) for j, contact in enumerate(rule.get("contacts", ()))]
    for i, stage in enumerate((data.get("escalation") or {}).get("stages", ())):
        named.append((["escalation", "stages", i, "contact"], stage.get("contact")))
    for path, contact_id in named:
        if contact_id in area_of:
            yield problem(
                path,
                f"{contact_id!r} is one area's contact: name {area_of[contact_id]!r}, which differs by area, so the "
                "self-check shows the child's area's (or every area's while the area is not known)",
            )


def _own_question_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """The partnership's own questions: ids that are not the check's own, and every question a rule or a
    scenario names is one the self-check asks."""
    own = [q["id"] for q in data.get("own_questions", ())]
    for i, question_id in enumerate(own):
        if question_id in (AGE, AREA, *questions.QUESTION_IDS):
            yield problem(
                ["own_questions", i, "id"], f"{question_id!r} is the check's own: give the question another id"
            )
    usable = [*questions.QUESTION_IDS, *own]

    def unknown(question_id: str) -> str:
        if question_id == AREA:
            return "the child's area is not a question rules use: an area changes who to contact, never a level"
        return f"{question_id!r} is not a question the self-check asks (known: {_shortlist(usable)})"

    def wrong_answers(path: list[str | int], question_id: str, values: list[str]) -> Iterator[Problem]:
        if question_id in own:
            for j, value in enumerate(values):
                if value not in questions.OWN_VALUES:
                    message = f"{value!r} is not an answer to this question ({', '.join(questions.OWN_VALUES)})"
                    yield problem([*path, j], message)

    deciding: set[str] = set()
    for i, rule in enumerate(data["rules"]):
        for question_id, values in rule["when"].get("answers", {}).items():
            path: list[str | int] = ["rules", i, "when", "answers", question_id]
            if question_id not in usable:
                yield problem(path, unknown(question_id))
            yield from wrong_answers(path, question_id, values)
            if question_id in own and rule["kind"] != "advise":
                deciding.add(question_id)
    if len(deciding) > questions.MAX_OWN_DECIDING:
        yield problem(
            ["own_questions"],
            f"{len(deciding)} of these questions decide a level or route ({', '.join(sorted(deciding))}); at most "
            f"{questions.MAX_OWN_DECIDING} may, since the checker tries every answer to each: use 'advise' rules",
        )
    for i, scenario in enumerate(data.get("scenarios", ())):
        for question_id, value in scenario["check"].get("answers", {}).items():
            path = ["scenarios", i, "check", "answers", question_id]
            if question_id not in usable:
                yield problem(path, unknown(question_id))
            elif question_id in own and value not in questions.OWN_VALUES:
                yield problem(path, f"{value!r} is not an answer to this question ({', '.join(questions.OWN_VALUES)})")


def page_element_ids(data: Mapping[str, Any]) -> Iterator[tuple[str, list[str | int]]]:
    """(element id, the field that makes it) for every id the check and practice pages build from the
    file (toolkit/site/templates: _questions, check, _practice_choices). The page finds its controls by
    id, so two alike would make one answer tick another (a question "ind" answered "yes" ticking the worry
    "yes"). tests/toolkit/test_hostile_file.py fails when a template builds an id this list lacks."""
    asked: list[tuple[str, list[tuple[str, list[str | int]]], list[str | int]]] = [
        (question_id, [(value, ["questions", question_id]) for value in values], ["questions", question_id])
        for question_id, values in questions.ANSWER_VALUES.items()
    ]
    for i, own in enumerate(data.get("own_questions", ())):
        path: list[str | int] = ["own_questions", i, "id"]
        asked.append((own["id"], [(value, path) for value in questions.OWN_VALUES], path))
    if data.get("areas"):
        options = [(area["id"], ["areas", i, "id"]) for i, area in enumerate(data["areas"])]
        asked.append((AREA, [*options, (UNSURE, ["areas"])], ["areas"]))
    for question_id, options, path in asked:
        yield f"q-{question_id}", path
        for value, value_path in options:
            yield f"{question_id}-{value}", value_path
    for i, indicator in enumerate(data.get("indicators", ())):
        for prefix in INDICATOR_ID_PREFIXES:
            yield f"{prefix}{indicator['id']}", ["indicators", i, "id"]
    for i, domain in enumerate(data.get("domains", ())):
        for prefix in DOMAIN_ID_PREFIXES:
            yield f"{prefix}{domain['id']}", ["domains", i, "id"]
    # A rule's confirmation box (a rule whose words describe harm) shares the indicators' prefixes, and a
    # confirmation names its rule or indicator by id alone: so no rule may take an indicator's id.
    for i, rule in enumerate(data.get("rules", ())):
        for prefix in RULE_ID_PREFIXES:
            yield f"{prefix}{rule['id']}", ["rules", i, "id"]


INDICATOR_ID_PREFIXES = ("ind-", "hint-", "age-note-", "confirm-", "confirm-box-")
RULE_ID_PREFIXES = ("confirm-", "confirm-box-")
DOMAIN_ID_PREFIXES = ("group-", "group-strengths-", "practice-strengths-", "practice-worries-")


def _element_id_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """No two elements of a page get the same id from the file's ids."""
    first: dict[str, list[str | int]] = {}
    reported: set[tuple[str, ...]] = set()
    for element_id, path in page_element_ids(data):
        if element_id not in first:
            first[element_id] = path
            continue
        other = first[element_id]
        if tuple(map(str, path)) in reported or _same_id(data, path, other):
            continue  # one field's own duplicate ids, reported as such
        reported.add(tuple(map(str, path)))
        yield problem(
            path,
            f"makes the page element id {element_id!r}, which {_dotted(other)} makes too, so one answer on the "
            "page would tick the other: choose another id",
        )


def _same_id(data: Any, path: list[str | int], other: list[str | int]) -> bool:
    """Whether two paths are the same field (list items alike) holding the same id: a duplicate id."""

    def field(at: list[str | int]) -> tuple[str | int, ...]:
        return tuple("*" if isinstance(part, int) else part for part in at)

    if field(path) != field(other):
        return False
    return _at(data, path) == _at(data, other)


def _at(data: Any, path: list[str | int]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _dotted(path: list[str | int]) -> str:
    return ".".join(str(part) for part in path)


def _optional_part_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """The optional parts of a file that other parts depend on: BRAG colours, the sections a guidance
    page includes, which referral question receives each part of the summary, the filter's examples."""
    routes = [
        (["levels", li, "routes", ri], route)
        for li, level in enumerate(data["levels"])
        for ri, route in enumerate(level["routes"])
    ]
    coloured = [path for path, route in routes if "brag" in route]
    uncoloured = "some routes have a 'brag' colour and this one has none: give every route one, or none"
    if coloured and len(coloured) != len(routes):
        for path, route in routes:
            if "brag" not in route:
                yield problem(path, uncoloured)
    if "brag" in data and not coloured:
        yield problem(["brag"], "the BRAG ratings are given, but no route has a 'brag' colour")
    sections = {"signs_of_safety": "signs_of_safety", "brag_ratings": "brag"}
    for i, section in enumerate(data.get("guidance", ())):
        for j, part in enumerate(section.get("include", ())):
            if sections[part] not in data:
                yield problem(["guidance", i, "include", j], f"includes {part!r}; the file has no '{sections[part]}'")
    first_question: dict[str, str] = {}
    for i, question in enumerate(data.get("referral_questions", ())):
        for j, part in enumerate(question.get("receives", ())):
            if part in first_question:
                yield problem(
                    ["referral_questions", i, "receives", j],
                    f"{part!r} already goes under referral question {first_question[part]!r}: "
                    "each part of the summary goes under one question",
                )
            first_question.setdefault(part, question["id"])
    for part in data.get("practice_framework", {}).get("headings", {}):
        if part in first_question:
            yield problem(
                ["practice_framework", "headings", part],
                f"{part!r} goes under referral question {first_question[part]!r}, so this heading is never shown: "
                "leave it out, or take the part out of that question's 'receives'",
            )


# An abbreviation the file itself marks as one: capitals (and digits or &) in brackets after the
# words they stand for, as in "Multi Agency Safeguarding Hub (MASH)" or "(ACEs)". Whether other words
# of free text are abbreviations is a judgement the validator does not make.
_BRACKETED_ABBREVIATION = re.compile(r"\(([A-Z][A-Z0-9&]*[A-Z0-9&]s?)\)")


def _step_down_problems(data: Mapping[str, Any], problem: Any, check_ref: Any) -> Iterator[Problem]:
    """Step-down guidance names real levels, steps down (to a lower level), and real contacts and timescales."""
    step_down = data.get("step_down")
    if not step_down:
        return
    yield from check_ref(["step_down", "from"], "level", step_down["from"])
    yield from check_ref(["step_down", "to"], "level", step_down["to"])
    numbers = {level["id"]: level["number"] for level in data["levels"]}
    if numbers.get(step_down["to"], 0) >= numbers.get(step_down["from"], 99):
        yield problem(
            ["step_down", "to"],
            f"a case steps down to a lower level: {step_down['to']!r} (Level {numbers[step_down['to']]}) is not "
            f"below {step_down['from']!r} (Level {numbers[step_down['from']]})",
        )
    for si, step in enumerate(step_down["next_steps"]):
        yield from check_ref(["step_down", "next_steps", si, "contact"], "contact", step.get("contact"))
        yield from check_ref(["step_down", "next_steps", si, "timescale"], "timescale", step.get("timescale"))
    yield from _consent_problems(step_down, ["step_down"], problem)  # a step that mentions consent says if it seeks it


def _accessibility_problems(data: Mapping[str, Any], problem: Any) -> Iterator[Problem]:
    """The accessibility statement is not reviewed before it was prepared (the schema checks each is a real day)."""
    own = data.get("accessibility") or {}
    if own.get("reviewed", own.get("prepared", "")) < own.get("prepared", ""):
        yield problem(
            ["accessibility", "reviewed"],
            f"the statement was last reviewed ({own['reviewed']}) before it was prepared ({own['prepared']})",
        )


def _glossary_problems(data: Mapping[str, Any], lines: LineIndex, problem: Any) -> Iterator[Problem]:
    """The glossary holds the partnership's short name and every abbreviation the file writes in
    brackets: the site shows each one's meaning wherever it appears."""
    glossary = data["glossary"]
    short_name = data["partnership"]["short_name"]
    if short_name not in glossary:
        yield problem(
            ["partnership", "short_name"],
            f"{short_name!r} is not in the glossary: add it there with the partnership's full name",
        )
    first: dict[str, list[str | int]] = {}
    for path, text in strings(data, []):
        if path[0] == "glossary":
            continue
        for abbreviation in _BRACKETED_ABBREVIATION.findall(text):
            if abbreviation in glossary or abbreviation == short_name:  # the short name: reported above
                continue
            if abbreviation not in first or lines.line(path) < lines.line(first[abbreviation]):
                first[abbreviation] = path
    for abbreviation, path in first.items():
        yield problem(
            path,
            f"{abbreviation!r} is written in brackets as an abbreviation but is not in the glossary: "
            "add it there with its expansion",
        )


_CONSENT = re.compile(r"\bconsent", re.IGNORECASE)


def _consent_problems(route: Mapping[str, Any], base: list[str | int], problem: Any) -> Iterator[Problem]:
    """Never lead with consent where a child may be at risk of significant harm: every step that
    mentions consent says whether it seeks it, and a route that does not require consent does not
    start with a step that seeks it."""
    steps = route["next_steps"]
    for si, step in enumerate(steps):
        if _CONSENT.search(step["text"]) and "seeks_consent" not in step:
            yield problem(
                [*base, "next_steps", si],
                "this step mentions consent: say whether it asks for the parents' or carers' consent "
                "(seeks_consent: true or false)",
            )
    if route.get("consent_required") is False and steps and steps[0].get("seeks_consent"):
        yield problem(
            [*base, "next_steps", 0],
            "this route does not require consent (a child who may be at risk of significant harm): "
            "its first step must not seek consent; put the telephone call or the referral first",
        )


def _scenario_check_problems(
    check: Mapping[str, Any],
    base: list[str | int],
    ages: Mapping[str, Any],
    harmful: set[str],
    harmful_rules: set[str],
    problem: Any,
) -> Iterator[Problem]:
    valid_range = ages["youngest"] <= ages["oldest"]  # otherwise that is the one problem to report
    if "age" in check and valid_range and not ages["youngest"] <= check["age"] <= ages["oldest"]:
        yield problem([*base, "age"], f"{check['age']} is outside age_range ({ages['youngest']} to {ages['oldest']})")
    for j, indicator in enumerate(check.get("confirmed", ())):
        if indicator.startswith("age:") and indicator.removeprefix("age:") in check["indicators"]:
            continue  # a worry chosen for another age than the band the checker offers it for
        if indicator not in harmful_rules and (indicator not in check["indicators"] or indicator not in harmful):
            yield problem(
                [*base, "confirmed", j],
                f"{indicator!r} is not one of this check's indicators, nor a rule, marked describes_harm: "
                "only those are confirmed",
            )


def _scenario_problems(
    scenario: Mapping[str, Any],
    base: list[str | int],
    routes_of: Mapping[str, list[str]],
    deciders: set[str],
    problem: Any,
    check_ref: Any,
) -> Iterator[Problem]:
    check = scenario["check"]
    if ("age" in check) == ("unborn" in check):
        yield problem([*base, "check"], "give the child's age or 'unborn: true', one of the two")
    for j, indicator in enumerate(check["indicators"]):
        yield from check_ref([*base, "check", "indicators", j], "indicator", indicator)
    expected = scenario["expected"]
    yield from check_ref([*base, "expected", "level"], "level", expected["level"])
    routes = routes_of.get(expected["level"])
    for j, route in enumerate(expected["routes"]):
        yield from check_ref([*base, "expected", "routes", j], "route", route)
        known_route = any(route in level_routes for level_routes in routes_of.values())
        if routes is not None and known_route and route not in routes:
            yield problem(
                [*base, "expected", "routes", j],
                f"route {route!r} is not a route of level {expected['level']!r} (its routes: {', '.join(routes)})",
            )
    for j, reason in enumerate(scenario.get("decided_by", ())):
        if reason not in deciders:
            yield problem([*base, "decided_by", j], f"{reason!r} is neither an indicator nor a rule id")


def _rule_problems(
    rule: Mapping[str, Any], base: list[str | int], problem: Any, check_ref: Any, strengths: set[str]
) -> Iterator[Problem]:
    kind = rule["kind"]
    when = rule["when"]
    yield from check_ref([*base, "level"], "level", rule.get("level"))
    yield from check_ref([*base, "route"], "route", rule.get("route"))
    yield from check_ref([*base, "timescale"], "timescale", rule.get("timescale"))
    for j, contact in enumerate(rule.get("contacts", ())):
        yield from check_ref([*base, "contacts", j], "contact", contact)
    for j, indicator in enumerate(when.get("indicators", ())):
        yield from check_ref([*base, "when", "indicators", j], "indicator", indicator)
        if kind in ("emergency", "raise") and indicator in strengths:
            yield problem(
                [*base, "when", "indicators", j],
                f"{indicator!r} is a strength: strengths never set a level, so a {kind!r} rule cannot depend on one",
            )
    for j, theme in enumerate(when.get("themes", ())):
        yield from check_ref([*base, "when", "themes", j], "theme", theme)
    for counting in ("all_of", "at_least"):
        if counting in when:
            where = [*base, "when", counting]
            yield from _counting_problems(rule, where, when[counting], strengths, problem, check_ref)
    for bound in ("min_level", "max_level"):
        yield from check_ref([*base, "when", bound], "level", when.get(bound))
    if kind in ("emergency", "raise"):
        yield from _deciding_rule_problems(rule, base, problem)
    if kind == "advise" and _CONSENT.search(rule["text"]) and "seeks_consent" not in rule:
        yield problem(
            base,
            "this advice mentions consent: say whether it asks for the parents' or carers' consent "
            "(seeks_consent: true or false)",
        )
    for marked in ("describes_harm", "describes_immediate_risk"):
        if kind != "raise" and marked in rule:
            yield problem([*base, marked], f"only a 'raise' rule takes {marked!r}; this rule is {kind!r}")
    if kind != "advise" and "consent_exception" in rule:
        yield problem(
            [*base, "consent_exception"], f"only an 'advise' rule takes 'consent_exception'; this rule is {kind!r}"
        )
    if kind != "advise" and "seeks_consent" in rule:
        yield problem([*base, "seeks_consent"], f"only an 'advise' rule takes 'seeks_consent'; this rule is {kind!r}")
    targets = [key for key in ("level", "route") if key in rule]
    if kind == "raise" and len(targets) != 1:
        yield problem(base, "a 'raise' rule needs exactly one of 'level' or 'route'")
    if kind != "raise" and targets:
        yield problem([*base, targets[0]], f"only a 'raise' rule takes '{targets[0]}'; this rule is {kind!r}")
    if kind == "emergency" and not rule.get("contacts"):
        yield problem(base, "an 'emergency' rule needs 'contacts' to show")


def _counting_problems(
    rule: Mapping[str, Any],
    base: list[str | int],
    counting: Mapping[str, Any],
    strengths: set[str],
    problem: Any,
    check_ref: Any,
) -> Iterator[Problem]:
    """A counting condition (all_of, at_least) names defined items, no strength where it decides a
    level, and no more than it lists."""
    kind = rule["kind"]
    for j, indicator in enumerate(counting.get("indicators", ())):
        yield from check_ref([*base, "indicators", j], "indicator", indicator)
        if kind in ("emergency", "raise") and indicator in strengths:
            yield problem(
                [*base, "indicators", j],
                f"{indicator!r} is a strength: strengths never set a level, so a {kind!r} rule cannot count one",
            )
    for j, theme in enumerate(counting.get("themes", ())):
        yield from check_ref([*base, "themes", j], "theme", theme)
    listed = len(counting.get("indicators", ())) + len(counting.get("themes", ()))
    if "count" in counting and counting["count"] > listed:
        yield problem(
            [*base, "count"],
            f"at least {counting['count']} of {listed} listed can never hold: list more indicators or themes, "
            "or lower the count",
        )


def _deciding_rule_problems(rule: Mapping[str, Any], base: list[str | int], problem: Any) -> Iterator[Problem]:
    """Rules that decide a level or route must keep the checker's promises: adding a worry never
    lowers the result, and "not sure" never decides anything."""
    when = rule["when"]
    if "max_level" in when:
        yield problem(
            [*base, "when", "max_level"],
            f"a {rule['kind']!r} rule cannot take max_level: adding a worry would then lower the result "
            "(use max_level on an 'advise' rule)",
        )
    for question_id, values in when.get("answers", {}).items():
        fixed = question_id in questions.QUESTION_IDS
        open_values = sorted(set(values) & set(questions.question(question_id).open_values if fixed else [UNSURE]))
        if open_values:
            yield problem(
                [*base, "when", "answers", question_id],
                f"{', '.join(open_values)!r} leaves the question open, so it cannot decide a level or route: "
                "give the guidance's advice for it in an 'advise' rule",
            )


def _duplicates(items: Iterable[tuple[list[str | int], str]], problem: Any, lines: LineIndex) -> Iterator[Problem]:
    first_line: dict[str, int] = {}
    for path, value in items:
        if value in first_line:
            yield problem(path, f"duplicate id {value!r} (first at line {first_line[value]})")
        else:
            first_line[value] = lines.line(path)


def _shortlist(values: Sequence[str], limit: int = 8) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f", … {len(values) - limit} more" if len(values) > limit else "")
