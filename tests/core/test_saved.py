"""Saved checks are untrusted input: every fixture opens exactly, or is refused in plain English, and
the page never saves a check it would refuse to open."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from levels_of_need import api, saved
from levels_of_need.rules import CheckError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "saved-checks"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
PLAIN = re.compile(r"^[A-Z][^\n]{10,300}\.$")
NOT_PLAIN = ("Error", "Traceback", "undefined", "None", "null", "[object", "{", "Expecting")


def read(name: str) -> str:
    # As the browser's File.text() reads it: UTF-8 without a BOM, with a broken byte made U+FFFD.
    return (FIXTURES / name).read_bytes().decode("utf-8-sig", errors="replace")


def test_there_are_at_least_sixty_fixtures_of_both_kinds():
    assert len(EXPECTED) >= 60
    assert set(EXPECTED.values()) == {"opens", "refused"}
    assert sum(outcome == "refused" for outcome in EXPECTED.values()) >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_saved_check_opens_exactly_or_is_refused_in_plain_english(thresholds, name):
    if EXPECTED[name] == "opens":
        opened = saved.open_check(thresholds, read(name))
        state = opened["state"]
        assert set(state) == {
            "indicators",
            "age",
            "unborn",
            "answers",
            "confirmed",
            "confirm_note",
            "consent_note",
            "override",
            "details",
        }
        # What opened is what the form can hold, and the checker answers for it (or says what is wrong).
        answer = api.page_answer(thresholds, state)
        assert (answer["result"] is None) == (answer["problem"] is not None)
        # And saving it again gives a file that opens to the same check.
        assert saved.open_check(thresholds, saved.save_check(thresholds, state))["state"] == state
    else:
        with pytest.raises(CheckError) as refused:
            saved.open_check(thresholds, read(name))
        message = str(refused.value)
        assert PLAIN.match(message), message
        assert not [word for word in NOT_PLAIN if word in message], message


def test_an_older_file_has_its_renamed_question_read(thresholds):
    opened = saved.open_check(thresholds, read("format-1-with-the-old-question-name.json"))
    assert opened["state"]["answers"] == {"support_not_improving": "yes"}


def test_a_huge_nesting_is_refused_without_parsing(thresholds, monkeypatch):
    monkeypatch.setattr(json, "loads", lambda *_: pytest.fail("a file this deep must not reach the parser"))
    with pytest.raises(CheckError):
        saved.open_check(thresholds, "[" * 50 + "]" * 50)
    assert sys.getrecursionlimit() > 50


STATES = st.fixed_dictionaries(
    {},
    optional={
        "indicators": st.lists(st.sampled_from(["l2-bereavement", "l3-fabricated-illness", "l1-resilient", "nope"])),
        "age": st.one_of(st.none(), st.integers(-5, 40), st.text(max_size=12)),
        "unborn": st.one_of(st.booleans(), st.none(), st.just("yes")),
        "answers": st.dictionaries(
            st.sampled_from(["immediate_risk", "significant_harm", "consent", "weather"]),
            st.sampled_from(["yes", "no", "unsure", "given", "maybe", ""]),
        ),
        "confirmed": st.lists(st.sampled_from(["l3-fabricated-illness", "l2-bereavement"])),
        "consent_note": st.one_of(st.text(max_size=30), st.integers()),
        "override": st.one_of(st.none(), st.fixed_dictionaries({"level": st.sampled_from(["", "statutory", "x"])})),
        "details": st.dictionaries(st.sampled_from(["worry", "impact", "nope"]), st.text(max_size=30)),
    },
)


@settings(max_examples=examples(300), deadline=None)
@given(STATES)
def test_the_page_never_saves_a_check_it_would_refuse_to_open(thresholds, state):
    try:
        text = saved.save_check(thresholds, state)
    except CheckError:
        return  # refused at saving, with a message: never written
    assert saved.open_check(thresholds, text)["state"] == saved.normalise(thresholds, state)


def test_opening_says_in_pythons_words_which_thresholds_a_check_was_made_with(thresholds):
    # Whether the versions differ is Python's to say, not the page's (issue 23, point 6).
    state = saved.normalise(thresholds, {})
    same = json.loads(saved.save_check(thresholds, state))
    assert saved.open_check(thresholds, json.dumps(same))["opened"] == "The saved check has been opened."
    for version, named in (("2020-01-01", "2020-01-01"), ("", "unknown")):
        older = json.dumps({**same, "thresholds_version": version})
        assert saved.open_check(thresholds, older)["opened"] == (
            f"The saved check has been opened. It was made with thresholds version {named}; "
            f"this is {thresholds.version}."
        )
