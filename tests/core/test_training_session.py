"""The presenter's training session (levels_of_need.training_session): counts only, checked as they
are typed; a saved session is hostile input, opened all or nothing; the report holds every figure,
from the one definition of each statistic (levels_of_need.agreement)."""

from __future__ import annotations

import functools
import json
import random
import subprocess
import sys

import pytest
from conftest import ROOT, THRESHOLDS_FILE
from hypothesis import given, settings
from hypothesis import strategies as st

from levels_of_need import agreement, messages, worker
from levels_of_need import training_session as ts
from levels_of_need.rules import CheckError


def new_session(t, room: int = 20, title: str = "Course A", chosen: str | None = None) -> dict:
    chosen = chosen or ts.session_sets(t)[0].id
    answer = ts.page_answer(t, {"start": {"title": title, "set": chosen, "room_size": str(room), "date": "2026-12-05"}})
    assert answer["problem"] is None, answer["problem"]
    return answer["session"]


def typed(t, counts: list[int], not_sure: int = 0) -> dict:
    return {"counts": {lv.id: str(n) for lv, n in zip(t.levels, counts, strict=True)}, "not_sure": str(not_sure)}


def answer_round(t, session: dict, vignette: int, round_number: int, counts: list[int], not_sure: int = 0) -> dict:
    answer = ts.page_answer(
        t, {"session": session, "round": {"vignette": vignette, "round": round_number, **typed(t, counts, not_sure)}}
    )
    assert answer["problem"] is None, answer["problem"]
    return answer["session"]


def random_counts(rng: random.Random, q: int, room: int) -> tuple[list[int], int]:
    not_sure = rng.randint(0, min(2, room))
    counts = [0] * q
    for _ in range(room - not_sure):
        counts[rng.randrange(q)] += 1
    return counts, not_sure


def full_session(t, rng: random.Random, room: int = 20, vignettes: int | None = None) -> dict:
    session = new_session(t, room)
    for i in range(vignettes if vignettes is not None else len(session["vignettes"])):
        for r in (1, 2):
            counts, not_sure = random_counts(rng, len(t.levels), room)
            session = answer_round(t, session, i, r, counts, not_sure)
    return session


# ---- Typing the counts -------------------------------------------------------------------------------


def test_counts_must_add_up_to_the_room(partnership_thresholds):
    t = partnership_thresholds
    session = new_session(t, room=20)
    q = len(t.levels)
    short = ts.page_answer(t, {"session": session, "round": {"vignette": 0, "round": 1, **typed(t, [3] * q, 1)}})
    assert short["problem"] == {
        "message": f"The counts add up to {3 * q + 1}, but the room has 20 people. Check the counts. "
        "Count anyone who did not choose a level as not sure.",
        "field": f"count-{t.levels[0].id}",
    }
    assert short["session"] == session  # nothing recorded
    exact = [20 - 2 * (q - 1) - 1] + [2] * (q - 1)
    recorded = answer_round(t, session, 0, 1, exact, 1)
    assert recorded["vignettes"][0]["rounds"][0] == {
        "counts": {lv.id: n for lv, n in zip(t.levels, exact, strict=True)},
        "not_sure": 1,
    }


@pytest.mark.parametrize("value", ["three", "-1", "2.5", "٣", "３", "1e3", "1000", " 7x"])
def test_a_count_that_is_not_a_whole_number_is_named(thresholds, value):
    session = new_session(thresholds)
    raw = typed(thresholds, [20, 0, 0])
    raw["counts"]["early-help"] = value
    answer = ts.page_answer(thresholds, {"session": session, "round": {"vignette": 0, "round": 1, **raw}})
    assert answer["problem"]["field"] == "count-early-help"
    assert "whole number" in answer["problem"]["message"]
    assert "Level 2: Early Help" in answer["problem"]["message"]


def test_an_empty_box_is_nobody(thresholds):
    session = new_session(thresholds, room=5)
    answer = ts.page_answer(
        thresholds,
        {
            "session": session,
            "round": {"vignette": 0, "round": 1, "counts": {"universal": "", "early-help": " 5 "}, "not_sure": ""},
        },
    )
    assert answer["problem"] is None
    assert answer["session"]["vignettes"][0]["rounds"][0]["counts"] == {"universal": 0, "early-help": 5, "statutory": 0}


@pytest.mark.parametrize(
    ("start", "field"),
    [
        ({"set": "no-such-set", "room_size": "20"}, "set"),
        ({"room_size": "20"}, "set"),
        ({"set": "SET", "room_size": ""}, "room_size"),
        ({"set": "SET", "room_size": "0"}, "room_size"),
        ({"set": "SET", "room_size": "twenty"}, "room_size"),
        ({"set": "SET", "room_size": "20", "title": "x" * 201}, "title"),
    ],
)
def test_the_setup_names_what_is_missing(thresholds, start, field):
    start = {k: (ts.session_sets(thresholds)[0].id if v == "SET" else v) for k, v in start.items()}
    answer = ts.page_answer(thresholds, {"start": start})
    assert answer["problem"]["field"] == field
    assert answer["session"] is None and answer["report"] is None


def test_a_file_without_sets_offers_every_scenario(thresholds):
    from dataclasses import replace

    bare = replace(thresholds, scenario_sets=())
    [only] = ts.session_sets(bare)
    assert [s.id for s in only.scenarios] == [s.id for s in thresholds.scenarios]


# ---- What the counts show ------------------------------------------------------------------------------


def test_each_vignette_shows_its_shares_and_pairwise_agreement(thresholds):
    session = new_session(thresholds, room=10)
    # A vignette whose answer key is Level 2, early help: below, at and above it are one level each.
    at = next(i for i, v in enumerate(session["vignettes"]) if thresholds.scenario(v["scenario"]).level.number == 2)
    session = answer_round(thresholds, session, at, 1, [3, 4, 2], 1)
    figures = ts.report(thresholds, session)
    shown = figures["vignettes"][at]["rounds"][0]
    assert shown["counts"] == [3, 4, 2] and shown["not_sure"] == 1 and shown["chose"] == 9
    assert shown["shares"] == pytest.approx({"below": 3 / 9, "at": 4 / 9, "above": 2 / 9})
    assert shown["shares_text"] == {"below": "33%", "at": "44%", "above": "22%"}
    assert shown["pairwise"] == pytest.approx((3 * 2 + 4 * 3 + 2 * 1) / (9 * 8))  # not sure left out
    assert figures["vignettes"][at]["rounds"][1] is None


def test_below_six_answered_vignettes_the_session_says_too_few(partnership_thresholds):
    t = partnership_thresholds
    session = full_session(t, random.Random(5), vignettes=5)
    figures = ts.report(t, session)
    for r in figures["session"]["rounds"]:
        assert r["enough"] is False and r["ac1"] is None
        assert ts.TOO_FEW in r["note"].lower()
    assert figures["session"]["change"] is None
    text = ts.summary_text(t, figures)
    assert text.count("Too few vignettes to measure agreement: 5 answered") >= 4


def test_the_session_figures_are_the_agreement_modules(partnership_thresholds):
    t = partnership_thresholds
    session = full_session(t, random.Random(7))
    figures = ts.report(t, session)
    assert len(session["vignettes"]) >= 8
    q = len(t.levels)
    tables = [[v["rounds"][r]["counts"] for v in figures["vignettes"]] for r in range(2)]
    for r, shown in enumerate(figures["session"]["rounds"]):
        ac1 = agreement.gwet(tables[r])
        assert (shown["ac1"]["value"], shown["ac1"]["se"], shown["ac1"]["low"], shown["ac1"]["high"]) == (
            ac1.value,
            ac1.se,
            ac1.low,
            ac1.high,
        )
        assert shown["ac2_linear"]["value"] == agreement.gwet(tables[r], agreement.linear_weights(q)).value
        assert shown["fleiss_kappa"]["value"] == agreement.fleiss(tables[r]).value
        assert shown["alpha_ordinal"]["value"] == agreement.krippendorff_alpha(tables[r], "ordinal")
    change = agreement.paired_difference(agreement.gwet(tables[0]), agreement.gwet(tables[1]))
    assert figures["session"]["change"]["value"] == change.value
    assert figures["session"]["change"]["low"] == change.low
    assert figures["published"] == "Published: κ = .29 (Kang & Poertner 2006); α = .58 (Bolton et al. 2021)"


def test_the_three_most_under_levelled(thresholds):
    session = new_session(thresholds, room=10)
    for i in range(len(session["vignettes"])):
        session = answer_round(thresholds, session, i, 1, [0, 0, 10])  # everyone at the top: none below
    # Statutory vignettes (key Level 3): some of the room below it in round 2.
    statutory = [i for i, v in enumerate(session["vignettes"]) if thresholds.scenario(v["scenario"]).level.number == 3][
        :4
    ]
    for below, i in zip((2, 6, 4, 1), statutory, strict=True):
        session = answer_round(thresholds, session, i, 2, [below, 0, 10 - below])
    under = ts.report(thresholds, session)["under_levelled"]
    assert [item["number"] for item in under] == [statutory[1] + 1, statutory[2] + 1, statutory[0] + 1]
    assert under[0]["text"].startswith(f"Vignette {statutory[1] + 1}, ")
    assert "60% below the answer key" in under[0]["text"] and "in round 2" in under[0]["text"]


def test_an_unbalanced_set_is_warned_of(thresholds):
    statutory = [s for s in thresholds.scenarios if s.level.id == "statutory"]
    assert "unbalanced" in ts.balance_warning(thresholds, [s.level for s in statutory])
    balanced = [lv for lv in thresholds.levels for _ in range(2)]
    assert ts.balance_warning(thresholds, balanced) is None


# ---- The file: saved, and opened again as hostile input ------------------------------------------------


@functools.cache
def medway():
    from toolkit.load import load_file

    return load_file(THRESHOLDS_FILE)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_a_saved_session_opens_as_it_was(seed, room):
    t = medway()
    rng = random.Random(seed)
    session = full_session(t, rng, room=room, vignettes=rng.randint(0, 8))
    session = ts.move(t, session, {"vignette": 0, "step": "round-1"})
    text = ts.save_session(t, session)
    opened = ts.open_session(t, text)
    assert opened == {"session": session, "thresholds_version": t.version}
    assert json.loads(text)["summary"] == ts.report(t, session)


def broken(t, change) -> str:
    session = full_session(t, random.Random(1), room=12, vignettes=2)
    file = json.loads(ts.save_session(t, session))
    change(file)
    return json.dumps(file)


HOSTILE = {
    "not JSON": lambda t: "{ not json",
    "a list": lambda t: "[]",
    "another format": lambda t: broken(t, lambda f: f.update(format="levels-of-need-check")),
    "a newer version": lambda t: broken(t, lambda f: f.update(format_version=2)),
    "an unknown set": lambda t: broken(t, lambda f: f["session"].update(set="nope")),
    "an unknown scenario": lambda t: broken(t, lambda f: f["session"]["vignettes"][0].update(scenario="nope")),
    "a scenario twice": lambda t: broken(
        t, lambda f: f["session"]["vignettes"][1].update(scenario=f["session"]["vignettes"][0]["scenario"])
    ),
    "an unknown level": lambda t: broken(t, lambda f: f["session"]["vignettes"][0]["rounds"][0]["counts"].update(x=0)),
    "counts that do not add up": lambda t: broken(
        t, lambda f: f["session"]["vignettes"][0]["rounds"][0].update(not_sure=99)
    ),
    "a count that is a boolean": lambda t: broken(
        t, lambda f: f["session"]["vignettes"][0]["rounds"][0]["counts"].update({t.levels[0].id: True})
    ),
    "a negative count": lambda t: broken(
        t, lambda f: f["session"]["vignettes"][0]["rounds"][0]["counts"].update({t.levels[0].id: -1})
    ),
    "a count as text": lambda t: broken(
        t, lambda f: f["session"]["vignettes"][0]["rounds"][0]["counts"].update({t.levels[0].id: "3"})
    ),
    "three rounds": lambda t: broken(t, lambda f: f["session"]["vignettes"][0]["rounds"].append(None)),
    "a room of none": lambda t: broken(t, lambda f: f["session"].update(room_size=0)),
    "a room as text": lambda t: broken(t, lambda f: f["session"].update(room_size="12")),
    "a reveal before round 2": lambda t: broken(
        t, lambda f: f["session"].update(position={"vignette": 5, "step": "reveal"})
    ),
    "a step that is not one": lambda t: broken(t, lambda f: f["session"].update(position={"vignette": 0, "step": "x"})),
    "a title too long": lambda t: broken(t, lambda f: f["session"].update(title="x" * 201)),
    "a title that is a list": lambda t: broken(t, lambda f: f["session"].update(title=["x"])),
    "a date that is not one": lambda t: broken(t, lambda f: f["session"].update(date="<script>")),
    "a summary that is a list": lambda t: broken(t, lambda f: f.update(summary=[])),
    "no vignettes": lambda t: broken(t, lambda f: f["session"].update(vignettes=[])),
    "too large": lambda t: broken(t, lambda f: f.update(padding="x" * ts.MAX_BYTES)),
    "nested too deep": lambda t: broken(t, lambda f: f.update(summary={"a": [[[[[[[[[[]]]]]]]]]]})),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_session_is_refused_in_plain_words(partnership_thresholds, case):
    text = HOSTILE[case](partnership_thresholds)
    with pytest.raises(CheckError) as refused:
        ts.open_session(partnership_thresholds, text)
    message = str(refused.value)
    assert message.endswith(".") and "Traceback" not in message and "{" not in message
    assert message.startswith("This "), message
    # Through the worker, the same refusal as an error, never a half-opened session.
    worker.start(json.dumps(partnership_thresholds.data))
    answered = json.loads(worker.answer("open_session", json.dumps({"text": text})))
    assert answered == {"ok": False, "message": message, "field": None}


def test_the_worker_answers_the_session_requests_with_exactly_their_fields(example):
    worker.start(json.dumps(example.data))
    started = json.loads(
        worker.answer(
            "session",
            json.dumps({"start": {"set": ts.session_sets(example)[0].id, "room_size": "12", "title": "t"}}),
        )
    )
    assert started.pop("ok") is True
    assert set(started) == set(messages.SESSION.reply)
    saved = json.loads(worker.answer("save_session", json.dumps({"session": started["session"]})))
    assert saved.pop("ok") is True
    assert set(saved) == set(messages.SAVE_SESSION.reply)
    opened = json.loads(worker.answer("open_session", json.dumps({"text": saved["json"]})))
    assert opened.pop("ok") is True
    assert set(opened) == set(messages.OPEN_SESSION.reply)
    assert opened["session"] == started["session"]


def test_the_csv_writes_typed_text_as_text(thresholds):
    session = new_session(thresholds, title="=HYPERLINK(1)")
    csv_text = ts.page_save(thresholds, session)["csv"]
    assert "Session,'=HYPERLINK(1)" in csv_text
    assert csv_text.splitlines()[0] == "Session,'=HYPERLINK(1)"


# ---- The CLI: the same words as the presenter --------------------------------------------------------


def test_the_cli_prints_the_presenters_summary(thresholds, tmp_path):
    session = full_session(thresholds, random.Random(11))
    file = tmp_path / "session.json"
    file.write_text(ts.save_session(thresholds, session), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "toolkit", "agreement", str(file)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    figures = ts.report(thresholds, session)
    assert run.stdout == ts.summary_text(thresholds, figures)
    assert f"Gwet’s AC1, round 1: {figures['session']['rounds'][0]['ac1']['text']}" in run.stdout
    as_json = subprocess.run(
        [sys.executable, "-m", "toolkit", "agreement", "--json", str(file)], cwd=ROOT, capture_output=True, text=True
    )
    assert json.loads(as_json.stdout) == json.loads(json.dumps(figures))

    file.write_text("not a session", encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "toolkit", "agreement", str(file)], cwd=ROOT, capture_output=True, text=True
    )
    assert refused.returncode == 2
    assert refused.stderr.strip() == "error: This file is not a training session: it is not a JSON file."
