"""Every sentence the result, "Check your answers", the notice on other ages and the referral summary show
is the message catalogue's (levels_of_need.interface) or the partnership's file's: none is left in English
where a language gives its words (issue 29, point 10). Each catalogue phrase is given a marker as a
language's words, keeping its values; every golden check (tests/fixtures/checks.yml) is run; and once the
markers and the file's own words are taken out, no word is left. The messages about saving and opening a
check are checked the same way, for each refusal the page can show, and so is every sentence of the practice
page's debrief, over every scenario and a range of learners' answers."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

import golden
import pytest
from conftest import loaded

from levels_of_need import api, saved, training
from levels_of_need.api import check_from_dict
from levels_of_need.interface import CATALOGUE, IN_LANGUAGE, fields, in_first_person
from levels_of_need.model import Thresholds, from_dict
from levels_of_need.questions import QUESTIONS
from levels_of_need.rules import evaluate

MARK = re.compile(r"⟦[a-z0-9.-]+⟧")
# A word of two letters or more: what no text may hold once the markers and the file's words are out.
WORD = re.compile(r"[^\W\d_]{2,}")


def marker(key: str) -> str:
    """A language's words for phrase ``key``: a marker naming it, then each value it fills in."""
    return f"⟦{key}⟧" + " ".join(f"{{{name}}}" for name in sorted(fields(CATALOGUE[key])))


@functools.cache
def marked(name: str) -> Thresholds:
    """A partnership's thresholds whose language gives a marker for every phrase of the catalogue."""
    english = loaded(golden.PARTNERSHIP_FILES[name])
    return from_dict({**english.data, IN_LANGUAGE: {key: marker(key) for key in CATALOGUE}})


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def the_files_words(thresholds: Thresholds, check: Mapping[str, Any]) -> list[str]:
    """What may be left: the file's own words, what was typed into the check, and the fixed questions'
    own English, which a partnership translates by rewording them in its file (docs/format.md), longest
    first. Each also as one line, as the result writes it, and a question in the referrer's voice."""
    own = [*strings(thresholds.data), *strings(check), thresholds.version]  # the version stamp names its hash
    for question in QUESTIONS:
        own += [question.text, in_first_person(question.text)]
        own += [text for option in question.options for text in (option.label, option.words, option.words.capitalize())]
    own += [" ".join(text.split()) for text in own]
    return sorted({text for text in own if WORD.search(text)}, key=len, reverse=True)


def words_left(text: str, thresholds: Thresholds, check: Mapping[str, Any]) -> list[str]:
    """The lines of ``text`` that hold a word once the markers and the file's words are taken out."""
    text = MARK.sub(" ", text)
    own_words = _the_files_own_words(thresholds) if not check else the_files_words(thresholds, check)
    for own in own_words:
        if own in text:
            text = re.sub(rf"(?<![^\W\d_]){re.escape(own)}(?![^\W\d_])", " ", text)
    return [line.strip() for line in text.splitlines() if WORD.search(line)]


_OWN_WORDS: dict[int, tuple[Thresholds, list[str]]] = {}


def _the_files_own_words(thresholds: Thresholds) -> list[str]:
    """The file's words alone (nothing typed), worked out once for each file: a debrief is checked many times."""
    kept = _OWN_WORDS.get(id(thresholds))
    if kept is None or kept[0] is not thresholds:
        kept = _OWN_WORDS[id(thresholds)] = (thresholds, the_files_words(thresholds, {}))
    return kept[1]


CHECKS = {check["name"]: check for check in golden.load()["checks"]}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_every_sentence_a_golden_check_shows_is_the_catalogues_or_the_files(name):
    check = CHECKS[name]
    thresholds = marked(check["partnership"])
    answer = api.page_answer(thresholds, check["check"])
    shown = golden.page_texts(answer)
    shown["age_notes"] = "\n".join(note["text"] for note in answer.get("age_notes", []))
    shown["change"] = "\n".join(
        row["change"] if isinstance(row["change"], str) else row["change"]["text"] for row in answer["answers"]
    )
    for part, text in shown.items():
        assert words_left(text, thresholds, check["check"]) == [], (name, part)


def test_the_markers_reach_every_part_so_the_test_above_would_see_an_english_sentence():
    """The test above passes only because the sentences are the catalogue's: with the English (no
    language's words) the same check leaves the checker's sentences."""
    check = next(c for c in CHECKS.values() if c["check"].get("details") and c["partnership"] == "medway")
    english = loaded(golden.PARTNERSHIP_FILES["medway"])
    left = words_left(golden.page_texts(api.page_answer(english, check["check"]))["summary"], english, check["check"])
    assert "Reasons:" in left


def refusals(thresholds: Thresholds) -> dict[str, str]:
    """The page's words for a saved check it opens, and for each kind of file it refuses."""
    state = {"indicators": [], "answers": {"immediate_risk": "no"}, "age": "7"}
    good = json.loads(saved.save_check(thresholds, state))

    def refused(text: str) -> str:
        with pytest.raises(saved.CheckError) as caught:
            saved.open_check(thresholds, text)
        return str(caught.value)

    def with_state(**changed: Any) -> str:
        return json.dumps({**good, "state": {**good["state"], **changed}})

    return {
        "opened": saved.open_check(thresholds, json.dumps(good))["opened"],
        "other version": saved.open_check(thresholds, json.dumps({**good, "thresholds_version": "0.1"}))["opened"],
        "not json": refused("{"),
        "not a check": refused("{}"),
        "too large": refused(" " * (saved.MAX_BYTES + 1)),
        "newer": refused(json.dumps({**good, "format_version": 99})),
        "unknown answer": refused(with_state(answers={"nope": "yes"})),
        "unknown indicators": refused(with_state(indicators=["nope", "nor-this"])),
        "unknown indicator": refused(with_state(indicators=["nope"])),
        "damaged": refused(with_state(age=[])),
        "too long": refused(with_state(details={**good["state"]["details"], "worry": "x" * (saved.MAX_TEXT + 1)})),
    }


@pytest.mark.parametrize("name", sorted(golden.PARTNERSHIP_FILES))
def test_what_the_page_says_about_opening_a_saved_check_is_the_catalogues(name):
    thresholds = marked(name)
    for what, text in refusals(thresholds).items():
        assert MARK.search(text), what
        assert words_left(text, thresholds, {"the file's own names": ["nope", "nor-this"]}) == [], what
    # The English, with no language's words, is the catalogue's English.
    english = refusals(loaded(golden.PARTNERSHIP_FILES[name]))
    assert english["opened"] == CATALOGUE["saved.opened"]
    assert english["not a check"] == CATALOGUE["saved.not-a-check"]


def test_a_check_too_long_to_save_is_said_in_the_languages_words():
    thresholds = marked("medway")
    state = {"indicators": [], "answers": {}, "details": {"worry": "x" * 19_000, "tried": "y" * 19_000}}
    state["details"] |= {name: "z" * 19_000 for name in ("impact", "needs", "strengths", "family_view")}
    with pytest.raises(saved.CheckError) as caught:
        saved.save_check(thresholds, state)
    assert "⟦saved.too-long⟧" in str(caught.value) and "⟦summary.detail-worry⟧" in str(caught.value)
    assert words_left(str(caught.value), thresholds, state) == []


def learners(thresholds: Thresholds, scenario: Any) -> Iterator[tuple[dict[str, Any], str | None]]:
    """What a learner may choose and commit to: nothing at all; the answer key's choices and route; its
    answers with the lowest worry in place of its own; its worries with each answer changed in turn; its
    worries with a worry of each level added; and each rule's first worry alone."""
    shows, answers = list(scenario.shows), dict(scenario.check.answers)
    first_route = thresholds.levels[0].routes[0].id
    yield {"indicators": [], "answers": {}}, None
    yield {"indicators": shows, "answers": answers}, scenario.routes[0].id
    lowest = min((i for i in thresholds.indicators if not i.is_strength), key=lambda i: i.level.number)
    yield {"indicators": [lowest.id], "answers": answers}, first_route
    for question in thresholds.questions:
        for value in question.values:
            if value != answers.get(question.id):
                yield {"indicators": shows, "answers": {**answers, question.id: value}}, first_route
    for level in thresholds.levels:
        extra = next((i for i in thresholds.indicators if i.level == level and i.id not in shows), None)
        if extra is not None:
            yield {"indicators": [*shows, extra.id], "answers": answers}, scenario.routes[-1].id
    for rule in thresholds.rules:
        yield {"indicators": list(rule.when.indicators)[:1], "answers": {}}, first_route


def debrief_texts(thresholds: Thresholds, scenario: Any, learner: Mapping[str, Any], committed: str | None):
    out = training.debrief(thresholds, scenario.id, learner, committed)
    said = [out["answer_key"], out["yours_label"], out["outcome_text"], out["nothing_differs"] or ""]
    return said + [difference["text"] for difference in out["differences"]]


@pytest.mark.parametrize("name", sorted(golden.PARTNERSHIP_FILES))
def test_every_sentence_of_the_practice_debrief_is_the_catalogues_or_the_files(name):
    thresholds = marked(name)
    seen: set[str] = set()
    for scenario in thresholds.scenarios:
        for learner, committed in learners(thresholds, scenario):
            text = "\n".join(debrief_texts(thresholds, scenario, learner, committed))
            seen.update(MARK.findall(text))
            assert words_left(text, thresholds, {}) == [], (scenario.id, learner, committed)
    # The learners above reach every sentence of the debrief but why a rule that applies only from a level does
    # not apply, which no scenario of either file reaches (the test below gives it a learner).
    debriefs = {key for key in CATALOGUE if key.startswith("debrief.")}
    assert debriefs - {mark[1:-1] for mark in seen} == {"debrief.rule-from-level"}


@pytest.mark.parametrize("name", sorted(golden.PARTNERSHIP_FILES))
def test_why_a_rule_from_a_level_does_not_apply_is_the_catalogues(name):
    thresholds = marked(name)
    rule = next(r for r in thresholds.rules if r.when.min_level and thresholds.level(r.when.min_level).number > 1)
    learner = {"indicators": [], "answers": {}}
    from_level = thresholds.level(rule.when.min_level)
    yours = replace(evaluate(thresholds, check_from_dict(learner)), level=thresholds.levels[0])
    assert thresholds.levels[0].number < from_level.number
    text = training._why_not_yours(thresholds, rule.id, learner, yours)
    assert "⟦debrief.rule-from-level⟧" in text and words_left(text, thresholds, {}) == []


def test_the_practice_markers_reach_the_debrief_so_the_test_above_would_see_an_english_sentence():
    english = loaded(golden.PARTNERSHIP_FILES["example"])
    scenario = english.scenarios[0]
    texts = debrief_texts(english, scenario, {"indicators": [], "answers": {}}, None)
    assert any(words_left(text, english, {}) for text in texts)
