"""Hostile answers and saved checks, second probe (issue 24: N1, N2, F3): whatever is typed or opened,
the page shows its own words, never Python's, and never answers that are not the form's."""

from __future__ import annotations

import json
import sys
import unicodedata

import pytest

from levels_of_need import api, saved, worker
from levels_of_need.questions import AGE
from levels_of_need.rules import AGE_REFUSED, CheckError


def _non_ascii_digits() -> list[str]:
    """One character of each kind Python takes as a digit or a number but nobody types for an age: for each
    Unicode category and each block of ten (by the character's digit value), the first such character."""
    seen: dict[tuple[str, str], str] = {}
    # isnumeric takes in every isdigit and isdecimal character; filtered in C, not a Python loop over all
    # 1.1 million code points (which cost every test worker seconds at collection).
    for char in filter(str.isnumeric, map(chr, range(0x80, sys.maxunicode + 1))):
        name = unicodedata.name(char, "")
        kind = (unicodedata.category(char), name.split(" DIGIT")[0].split(" NUMBER")[0])
        seen.setdefault(kind, char)
    return sorted(seen.values())


NON_ASCII_DIGITS = _non_ascii_digits()
NAMED = ["²", "①", "٣", "３", "߃", "৩", "𝟑", "⑶", "Ⅲ", "½"]  # the probe's four and their neighbours


def test_the_non_ascii_digits_cover_every_kind_the_probe_named():
    assert {"²", "①", "٣", "３"} <= set(NON_ASCII_DIGITS) | set(NAMED)
    assert len(NON_ASCII_DIGITS) > 100


@pytest.mark.parametrize("typed", [*NAMED, *(f"1{c}" for c in NAMED[:4]), *(f" {c} " for c in NAMED[:4])])
def test_an_age_in_non_ascii_digits_is_the_pages_own_age_problem(example, typed):
    answer = api.page_answer(example, {"age": typed, "indicators": ["tired"], "answers": {"immediate_risk": "no"}})
    assert answer["problem"] == {
        "field": AGE,
        "message": AGE_REFUSED,
    }
    assert answer["result"] is None and answer["summary"] == ""
    # "Check your answers" lists this form's age, as typed: never an earlier one.
    age_row = next(row for row in answer["answers"] if row["field"] == AGE)
    assert typed.strip() in age_row["value"][0]


def test_every_kind_of_non_ascii_digit_is_an_age_problem(example):
    wrong = []
    for char in NON_ASCII_DIGITS:
        problem = api.page_answer(example, {"age": char})["problem"]
        if not (problem and problem["field"] == AGE):
            wrong.append(char)
    assert wrong == []


def test_ascii_ages_still_count(example):
    for typed, years in (("7", 7), (" 7 ", 7), ("07", 7), ("0", 0), ("18", 18)):
        assert api.parse_age(typed) == (years, None, None)  # years, no text refused, no months


def test_a_babys_months_take_ascii_digits_only(example):
    assert api.parse_age("7 months") == (0, None, 7)
    for typed in ("７ months", "٧ months", "⁷ months", "① month"):
        answer = api.page_answer(example, {"age": typed, "indicators": ["tired"], "answers": {"immediate_risk": "no"}})
        assert answer["problem"] == {"field": AGE, "message": AGE_REFUSED}, typed


def test_the_worker_answers_a_non_ascii_age_as_an_age_problem(example):
    worker._loaded[:] = [example]
    reply = json.loads(worker.answer("evaluate", json.dumps({"age": "²", "indicators": ["tired"]})))
    assert reply["ok"] is True
    assert reply["problem"]["field"] == AGE


@pytest.mark.parametrize(
    "error",
    [
        ValueError("invalid literal for int() with base 10: '²'"),
        RecursionError(),
        KeyError("x"),
        AttributeError("y"),
        ZeroDivisionError(),
    ],
)
def test_whatever_python_raises_the_page_gets_its_own_words_and_no_stale_answers(example, monkeypatch, error):
    def broken(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(api, "evaluate", broken)
    answer = api.page_answer(example, {"age": "5", "indicators": ["tired"]})
    assert answer["problem"] == {"message": api.UNREADABLE, "field": None}
    # Every view of the answers is replaced: no rows, no notes, no result, no summary, nothing required.
    assert answer["answers"] == [] and answer["required"] == [] and answer["age_notes"] == []
    assert answer["result"] is None and answer["summary"] == "" and answer["view"] == []
    worker._loaded[:] = [example]
    for kind in ("evaluate", "save", "open", "debrief", "session"):
        monkeypatch.setitem(worker.REQUESTS, kind, broken)
        reply = json.loads(worker.answer(kind, "{}"))
        assert reply["ok"] is False
        assert str(error) not in reply["message"] or not str(error), reply
        assert reply["message"][0].isupper() and reply["message"].endswith("."), reply


def _saved_with(example, **state) -> str:
    text = saved.save_check(example, {"indicators": ["tired"], "age": "5"})
    file = json.loads(text)
    file["state"].update(state)
    return json.dumps(file, ensure_ascii=False)


@pytest.mark.parametrize("age", ["²", "①", "٣", "３"])
def test_a_saved_check_with_a_non_ascii_age_opens_whole_and_shows_the_age_problem(example, age):
    opened = saved.open_check(example, _saved_with(example, age=age, details={"worry": "what the file says"}))
    assert opened["state"]["age"] == age
    answer = api.page_answer(example, opened["state"])
    assert answer["problem"]["field"] == AGE
    assert any(age in " ".join(row["value"]) for row in answer["answers"])


def test_a_saved_check_the_checker_cannot_read_is_refused_whole(example, monkeypatch):
    def broken(*_args, **_kwargs):
        raise ValueError("invalid literal for int() with base 10")

    monkeypatch.setattr(api, "evaluate", broken)
    with pytest.raises(CheckError) as refused:
        saved.open_check(example, _saved_with(example))
    assert str(refused.value) == saved.NOT_A_CHECK


@pytest.mark.parametrize("level", [["statutory"], {"id": "statutory"}, 4, True, 1.5])
def test_an_override_level_that_is_not_text_is_refused_in_the_pages_words(example, level):
    text = _saved_with(example, override={"level": level, "reason": "because"})
    with pytest.raises(CheckError) as refused:
        saved.open_check(example, text)
    assert str(refused.value) == "This check is damaged: its override is not in the form this self-check saves."
    worker._loaded[:] = [example]
    reply = json.loads(worker.answer("open", json.dumps({"text": text})))
    assert reply == {"ok": False, "message": str(refused.value), "field": None}


# ---- N2: one limit for saving and opening ---------------------------------------------------------------


def _long_state(chars: str, boxes: int) -> dict:
    names = list(saved.DETAIL_LABELS)[:boxes]
    return {"indicators": ["tired"], "age": "5", "details": {name: chars for name in names}}


@pytest.mark.parametrize(
    ("text", "boxes"),
    [
        ("Long account of what happened at home. " * 480, 6),  # the probe's: 18,720 characters in six boxes
        ("ع" * 13_000, 4),  # another script: two bytes a character
        ("𝟑" * 5_000, 6),  # four bytes a character
        ("\u0001" * 3_000, 6),  # a control character is written as six
    ],
)
def test_the_page_never_saves_a_check_too_large_to_open(example, text, boxes):
    state = _long_state(text, boxes)
    with pytest.raises(CheckError) as refused:
        saved.save_check(example, state)
    message = str(refused.value)
    assert message.startswith(
        f"This check is too long to save: a saved check must be under {saved.MAX_BYTES // 1000} KB"
    )
    # The longest answers are named, with the words the page shows them under.
    assert saved.DETAIL_LABELS[next(iter(state["details"]))] in message
    assert f"({len(text):,} characters)" in message
    assert message.endswith("Nothing has been saved.")


def test_a_check_just_under_the_limit_saves_and_opens(example):
    state = _long_state("x" * 9_000, 10)
    text = saved.save_check(example, state)
    assert len(text.encode("utf-8")) <= saved.MAX_BYTES
    assert saved.open_check(example, text)["state"]["details"]["worry"] == "x" * 9_000


def test_saving_and_opening_share_one_limit_in_one_definition():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    script = (root / "toolkit/web/theme/assets/checker/check.js").read_text(encoding="utf-8")
    template = (root / "toolkit/site/templates/check.md.j2").read_text(encoding="utf-8")
    assert "100_000" not in script and "100000" not in script
    assert "dataset.maxBytes" in script
    assert 'data-max-bytes="{{ saved_max_bytes }}"' in template


# ---- F4: the CLI's Markdown summary keeps typed text literal, attribute lists included --------------------------

ATTRIBUTE_LISTS = [
    'x\n{: onclick="alert`1`" }',
    "x {: #id .class onclick=alert(1) }",
    "{: onclick=x }",
    "x\n{ onclick=x }",
]


def _rendered(markdown_text: str) -> str:
    import markdown

    return markdown.markdown(markdown_text, extensions=["attr_list", "admonition", "tables", "md_in_html", "abbr"])


def _attributes(html: str) -> set[str]:
    """Every attribute name on every element: what an attribute list would add."""
    from html.parser import HTMLParser

    names: set[str] = set()

    class Attributes(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list) -> None:
            names.update(name for name, _ in attrs)

    Attributes().feed(html)
    return names


@pytest.mark.parametrize("typed", ATTRIBUTE_LISTS)
def test_no_typed_answer_makes_an_attribute_in_the_markdown_summary(thresholds, typed):
    state = {
        "indicators": ["l3-exploitation"],
        "age": 7,
        "answers": {"consent": "not-sought"},
        "consent_note": typed,
        "override": {"level": "universal", "reason": typed},
        "details": {name: typed for name in saved.DETAIL_LABELS},
    }
    html = _rendered(api.run_summary(thresholds, state, markdown=True))
    assert _attributes(html) == set(), (typed, html)
    # The text is shown as typed: the braces are there to read.
    assert "{" in html and "onclick" in html


def test_the_cli_summary_from_the_probe_makes_no_attribute():
    from toolkit_cli import run_toolkit  # in process: a new Python's start and imports cost more than the summary

    args = ["summary", "--markdown", "--age", "7", "--consent", "not-sought"]
    typed = 'x\n{: onclick="alert`1`" }'
    args += ["--override", "universal", "--override-reason", typed, "--tried", typed, "l3-exploitation"]
    done = run_toolkit(*args)
    assert done.returncode == 0, done.stderr
    html = _rendered(done.stdout)
    assert _attributes(html) == set() and "onclick" in html
