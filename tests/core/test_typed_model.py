"""The model is typed all through: every section of a partnership's file is read once, in
``model.from_dict``, into frozen dataclasses; only ``Thresholds.data`` keeps the raw mapping (for the
build's ``thresholds.json``). What reads the model never looks a key up by its string."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from levels_of_need.model import Thresholds
from levels_of_need.rules import Check
from toolkit.load.schema import load_schema

# Sections read into a field of another name: the check's own questions and the partnership's are
# one list of questions; "format" is the file format's version, which the loader checks.
READ_INTO = {
    "own_questions": "questions",
    "format": None,
    # Build time only: each language's site gets the file's data in that language (toolkit/load/translations.py),
    # so the core never reads either.
    "languages": None,
    "translations": None,
    "interface": None,  # the language's own words for the toolkit's phrases: Thresholds.phrases
    "step_down": "case_moves",
    "step_up": "case_moves",
    "step_across": "case_moves",
}


def _raw_values(value: object, where: str) -> list[str]:
    """Where a raw mapping or list of the file survives in the model: a list, or a mapping whose values
    are not plain text, numbers, tuples or typed objects (a glossary of words is a typed mapping)."""
    if isinstance(value, list):
        return [where]
    if isinstance(value, Mapping):
        nested = [k for k, v in value.items() if isinstance(v, (Mapping, list))]
        return [f"{where}[{k!r}]" for k in nested]
    if isinstance(value, tuple):
        return [found for i, item in enumerate(value) for found in _raw_values(item, f"{where}[{i}]")]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            found
            for f in dataclasses.fields(value)
            if f.name != "data"
            for found in _raw_values(getattr(value, f.name), f"{where}.{f.name}")
        ]
    return []


def test_every_section_of_the_file_has_a_typed_field(partnership_thresholds):
    fields = {f.name for f in dataclasses.fields(Thresholds)}
    sections = load_schema()["properties"]
    missing = [s for s in sections if READ_INTO.get(s, s) is not None and READ_INTO.get(s, s) not in fields]
    assert not missing, f"sections read only from the raw mapping: {missing}"


def test_no_raw_mapping_or_list_survives_in_the_model(partnership_thresholds):
    assert _raw_values(partnership_thresholds, "thresholds") == []


def test_a_rule_holds_a_condition_and_a_scenario_a_check(partnership_thresholds):
    assert all(dataclasses.is_dataclass(rule.when) for rule in partnership_thresholds.rules)
    assert all(isinstance(scenario.check, Check) for scenario in partnership_thresholds.scenarios)
    # The answer sheet lists the worries a scenario shows in its own order; the check holds the same set.
    assert all(frozenset(s.shows) == s.check.indicators for s in partnership_thresholds.scenarios)
