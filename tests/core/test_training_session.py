"""The presenter's training session (levels_of_need.training_session): counts only, checked as they
are typed; a saved session is hostile input, opened all or nothing; the report holds every figure,
from the one definition of each statistic (levels_of_need.agreement)."""

from __future__ import annotations

import functools
import json
import math
import random

import pytest
from conftest import THRESHOLDS_FILE, examples, loaded
from hypothesis import given, settings
from hypothesis import strategies as st
from toolkit_cli import run_toolkit

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
        "field": "counts",  # the round as a whole: the page marks every box
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
    # Shares of the whole room of 10, not sure its own share.
    assert shown["shares"] == pytest.approx({"below": 0.3, "at": 0.4, "above": 0.2, "not_sure": 0.1})
    assert shown["shares_text"] == {"below": "3 (30%)", "at": "4 (40%)", "above": "2 (20%)", "not_sure": "1 (10%)"}
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
    assert under[0]["text"].endswith("below the answer key: 0 (0%) in round 1, 6 (60%) in round 2")


def test_an_unbalanced_set_is_warned_of(thresholds):
    statutory = [s for s in thresholds.scenarios if s.level.id == "statutory"]
    assert "unbalanced" in ts.balance_warning(thresholds, [s.level for s in statutory])
    balanced = [lv for lv in thresholds.levels for _ in range(2)]
    assert ts.balance_warning(thresholds, balanced) is None


# ---- The file: saved, and opened again as hostile input ------------------------------------------------


@functools.cache
def medway():

    return loaded(THRESHOLDS_FILE)


@settings(max_examples=examples(20), deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_a_saved_session_opens_as_it_was(seed, room):
    t = medway()
    rng = random.Random(seed)
    session = full_session(t, rng, room=room, vignettes=rng.randint(0, 8))
    session = ts.move(t, session, {"vignette": 0, "step": "round-1"})
    text = ts.save_session(t, session)
    opened = ts.open_session(t, text)
    assert opened == {"session": session, "thresholds_version": t.version, "opened": "The session has been opened."}
    assert json.loads(text)["summary"] == ts.report(t, session)


def test_opening_a_session_says_in_pythons_words_which_thresholds_it_was_saved_with():
    # Whether the versions differ is Python's to say, not the presenter page's (issue 23, point 6).
    t = medway()
    file = json.loads(ts.save_session(t, full_session(t, random.Random(2), room=5, vignettes=1)))
    for version, words in (
        (t.version, "The session has been opened."),
        ("", "The session has been opened."),  # a file that names no version: taken as this one's
        (
            "2020-01-01",
            "The session has been opened. It was saved with thresholds version 2020-01-01; "
            f"the answer keys shown are from version {t.version}.",
        ),
    ):
        assert ts.open_session(t, json.dumps({**file, "thresholds_version": version}))["opened"] == words


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
    assert csv_text.splitlines()[0] == "\ufeffSession,'=HYPERLINK(1)"


# ---- The CLI: the same words as the presenter --------------------------------------------------------


def test_the_cli_prints_the_presenters_summary(thresholds, tmp_path):
    session = full_session(thresholds, random.Random(11))
    file = tmp_path / "session.json"
    file.write_text(ts.save_session(thresholds, session), encoding="utf-8")
    run = run_toolkit("agreement", str(file))
    assert run.returncode == 0, run.stderr
    figures = ts.report(thresholds, session)
    assert run.stdout == ts.summary_text(thresholds, figures)
    assert f"Gwet’s AC1, round 1: {figures['session']['rounds'][0]['ac1']['text']}" in run.stdout
    as_json = run_toolkit("agreement", "--json", str(file))
    assert json.loads(as_json.stdout) == json.loads(json.dumps(figures))

    file.write_text("not a session", encoding="utf-8")
    refused = run_toolkit("agreement", str(file))
    assert refused.returncode == 2
    assert (
        refused.stderr.strip()
        == f"error: This file is not a training session: it is not a JSON file. {ts.CHOOSE_THE_SESSION}"
    )


# ---- What a trainer found running a room of 20 ---------------------------------------------------------


def key_at(t, session: dict, number: int) -> int:
    """The first vignette of the session whose answer key is the level with this number."""
    return next(i for i, v in enumerate(session["vignettes"]) if t.scenario(v["scenario"]).level.number == number)


def reveal_words(t, session: dict, index: int) -> str:
    from levels_of_need.present import to_text

    figures = ts.report(t, session)
    return " ".join(to_text(ts.reveal_view(t, figures, index + 1)).split())


def test_shares_are_of_the_whole_room_and_not_sure_is_its_own(thresholds):
    t = thresholds
    session = new_session(t, room=20)
    top = key_at(t, session, 3)
    # 15 of 20 not sure, the other 5 at the key: never "100% at the key".
    session = answer_round(t, session, top, 1, [0, 0, 5], 15)
    shown = ts.report(t, session)["vignettes"][top]["rounds"][0]
    assert shown["shares_text"] == {"below": "0 (0%)", "at": "5 (25%)", "above": "0 (0%)", "not_sure": "15 (75%)"}
    assert shown["level_text"] == ["0 (0%)", "0 (0%)", "5 (25%)"]
    assert shown["level_shares"] == [0, 0, 0.25] and shown["not_sure_share"] == 0.75
    assert shown["note"] == (
        "Most of the room was not sure: 15 of 20 people. Pairwise agreement describes only the 5 who chose a level."
    )
    words = reveal_words(t, session, top)
    assert "(100%)" not in words
    assert "Most of the room was not sure: 15 of 20 people." in words
    assert "The room of 20, before and after discussion" in words
    assert "Not sure is a share of its own; shares are rounded so that they add up to 100%." in words


@pytest.mark.parametrize(
    ("counts", "not_sure", "note"),
    [
        ([0, 4, 5], 11, "Most of the room was not sure: 11 of 20 people."),
        ([0, 5, 5], 10, None),  # half is not most
        ([0, 0, 0], 20, "Nobody chose a level: all 20 people were not sure."),
    ],
)
def test_a_room_mostly_not_sure_is_said_plainly(thresholds, counts, not_sure, note):
    session = new_session(thresholds, room=20)
    session = answer_round(thresholds, session, 0, 1, counts, not_sure)
    shown = ts.report(thresholds, session)["vignettes"][0]["rounds"][0]
    assert (shown["note"] or None) == note or (note and shown["note"].startswith(note))


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.integers(0, 40), min_size=2, max_size=6), st.integers(0, 40), st.data())
def test_rounded_shares_add_up_to_100_and_each_is_the_nearest_whole_below_or_above(counts, not_sure, data):
    room = sum(counts) + not_sure
    if room == 0:
        return
    key = data.draw(st.integers(0, len(counts) - 1))
    levels, parts = ts.room_percentages(counts, not_sure, key)
    assert sum(levels) + parts["not_sure"] == 100
    assert parts["below"] + parts["at"] + parts["above"] + parts["not_sure"] == 100
    assert (
        parts["below"] == sum(levels[:key]) and parts["at"] == levels[key] and parts["above"] == sum(levels[key + 1 :])
    )
    for count, shown in [*zip(counts, levels, strict=True), (not_sure, parts["not_sure"])]:
        exact = 100 * count / room
        assert math.floor(exact) <= shown <= math.ceil(exact), (count, shown, exact)
    for part, members in (("below", counts[:key]), ("above", counts[key + 1 :])):
        exact = 100 * sum(members) / room
        assert math.floor(exact) <= parts[part] <= math.ceil(exact), part


def test_pairwise_agreement_is_read_in_plain_words_and_a_fall_towards_the_key_explained(thresholds):
    t = thresholds
    session = new_session(t, room=20)
    top = key_at(t, session, 3)
    # Round 1: most agree on Level 2; round 2: the room moves towards the key, and splits on the way.
    session = answer_round(t, session, top, 1, [0, 14, 5], 1)
    session = answer_round(t, session, top, 2, [0, 9, 10], 1)
    rounds = ts.report(t, session)["vignettes"][top]["rounds"]
    assert rounds[1]["pairwise"] < rounds[0]["pairwise"] and rounds[1]["shares"]["at"] > rounds[0]["shares"]["at"]
    words = reveal_words(t, session, top)
    assert (
        "Pairwise agreement (0 to 1): the chance that two people who chose a level chose the same one. It is how "
        "far the room agreed with itself, not with the answer key." in words
    )
    assert "Pairwise agreement fell from round 1 to round 2 while more of the room chose the answer key" in words
    # Where agreement rises with the key, nothing needs explaining.
    session = answer_round(t, session, top, 2, [0, 2, 17], 1)
    assert "fell from round 1 to round 2" not in reveal_words(t, session, top)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (-0.05, "poor"),
        (0.0, "slight"),
        (0.2, "slight"),
        (0.204, "slight"),  # shown as 0.20
        (0.206, "fair"),  # shown as 0.21
        (0.4, "fair"),
        (0.41, "moderate"),
        (0.6, "moderate"),
        (0.61, "substantial"),
        (0.8, "substantial"),
        (0.81, "almost perfect"),
        (1.0, "almost perfect"),
    ],
)
def test_a_coefficient_is_read_on_landis_and_kochs_scale(value, words):
    assert ts.scale_word(value) == words


def test_the_summary_reads_each_coefficient_in_plain_words(partnership_thresholds):
    t = partnership_thresholds
    session = full_session(t, random.Random(7))
    figures = ts.report(t, session)
    text = ts.summary_text(t, figures)
    for r in figures["session"]["rounds"]:
        for key in ("ac1", "ac2_linear", "fleiss_kappa", "alpha_ordinal"):
            figure = r[key]
            assert figure["text"].startswith(f"{figure['value']:.2f}".replace("-", "−"))
            assert "(95% CI " in figure["text"], key  # Krippendorff's alpha too
            assert f"{ts.scale_word(figure['value'])} agreement on Landis and Koch’s scale" in figure["reading"], key
            assert figure["reading"] in text
    assert "Landis and Koch (1977)" in text
    # The published line as the issue gives it, then a sentence of context in the toolkit's words.
    lines = [line for line in text.splitlines() if line]
    published = lines.index(ts.PUBLISHED)
    assert lines[published + 1] == ts.PUBLISHED_CONTEXT
    # Each vignette's pairwise agreement, as on the reveal and in the CSV.
    for v in figures["vignettes"]:
        for r in v["rounds"]:
            assert r["pairwise_text"] in text
    assert "Pairwise agreement" in text


def test_the_change_is_read_in_plain_words(partnership_thresholds):
    t = partnership_thresholds
    figures = ts.report(t, full_session(t, random.Random(7)))
    change = figures["session"]["change"]
    assert change["reading"] in ts.summary_text(t, figures)
    if change["low"] <= 0 <= change["high"]:
        assert "does not show that discussion changed" in change["reading"]


def test_the_most_under_and_over_levelled_from_both_rounds(thresholds):
    t = thresholds
    session = new_session(t, room=10)
    middle = [i for i, v in enumerate(session["vignettes"]) if t.scenario(v["scenario"]).level.number == 2]
    assert len(middle) >= 2
    for i in range(len(session["vignettes"])):
        key = t.scenario(session["vignettes"][i]["scenario"]).level.number
        at_key = [10 if n == key else 0 for n in (1, 2, 3)]
        session = answer_round(t, session, i, 1, at_key)
        session = answer_round(t, session, i, 2, at_key)
    # The first Level 2 vignette: 6 below in round 1, none in round 2; the second: 3 above in round 2 only.
    session = answer_round(t, session, middle[0], 1, [6, 4, 0])
    session = answer_round(t, session, middle[1], 2, [0, 7, 3])
    figures = ts.report(t, session)
    [under] = figures["under_levelled"]
    assert under["number"] == middle[0] + 1
    assert under["text"].endswith("below the answer key: 6 (60%) in round 1, 0 (0%) in round 2")
    [over] = figures["over_levelled"]
    assert over["number"] == middle[1] + 1
    assert over["text"].endswith("above the answer key: 0 (0%) in round 1, 3 (30%) in round 2")
    text = ts.summary_text(t, figures)
    assert "Most under-levelled" in text and "Most over-levelled" in text
    assert "No vignette was put below its answer key" not in text


def test_a_room_of_one(thresholds):
    """Nothing to agree with, but the answers against the key still count."""
    t = thresholds
    answer = ts.page_answer(t, {"start": {"set": ts.session_sets(t)[0].id, "room_size": "1"}})
    assert answer["problem"] is None
    assert answer["report"]["room_note"] == ts.ROOM_OF_ONE
    session = answer["session"]
    top = key_at(t, session, 3)
    session = answer_round(t, session, top, 1, [1, 0, 0])  # below the key in round 1
    session = answer_round(t, session, top, 2, [0, 0, 1])  # at the key in round 2
    figures = ts.report(t, session)
    [under] = figures["under_levelled"]
    assert under["number"] == top + 1 and "1 (100%) in round 1" in under["text"]
    rounds = figures["vignettes"][top]["rounds"]
    assert rounds[0]["pairwise"] is None and rounds[0]["pairwise_text"] == "needs two people who chose a level"
    text = ts.summary_text(t, figures)
    assert "No vignette was put below its answer key" not in text
    assert "0 answered" not in text
    assert ts.ROOM_OF_ONE in text
    for r in figures["session"]["rounds"]:
        assert r["note"] == ts.ROOM_OF_ONE
    assert (
        ts.page_answer(t, {"start": {"set": ts.session_sets(t)[0].id, "room_size": "2"}})["report"]["room_note"] is None
    )


def test_a_vignette_only_not_sure_people_answered_counts_as_answered(thresholds):
    t = thresholds
    session = full_session(t, random.Random(3), vignettes=5)
    session = answer_round(t, session, 5, 1, [0, 0, 0], 20)  # the sixth: everyone not sure
    r1 = ts.report(t, session)["session"]["rounds"][0]
    assert r1["answered"] == 6 and r1["enough"] is False
    assert r1["note"] == (
        "Too few vignettes to measure agreement: 6 answered, 5 of them by two people or more who chose a level; "
        "at least 6 are needed."
    )


@pytest.mark.parametrize("blank", ["", "  "])
def test_nothing_typed_says_so(partnership_thresholds, blank):
    t = partnership_thresholds
    session = new_session(t, room=20)
    raw = {"counts": {lv.id: blank for lv in t.levels}, "not_sure": blank}
    answer = ts.page_answer(t, {"session": session, "round": {"vignette": 0, "round": 1, **raw}})
    assert answer["problem"] == {
        "message": "Nothing was typed. Type how many chose each level, and how many were not sure: the counts add "
        "up to the room’s 20 people.",
        "field": "counts",
    }


def test_counts_that_do_not_add_up_name_the_whole_group(thresholds):
    session = new_session(thresholds, room=20)
    answer = ts.page_answer(
        thresholds, {"session": session, "round": {"vignette": 0, "round": 1, **typed(thresholds, [3, 3, 3])}}
    )
    assert answer["problem"]["field"] == "counts"


def test_the_wrong_file_says_which_file_to_choose(thresholds):
    session = full_session(thresholds, random.Random(2), vignettes=1)
    csv_text = ts.page_save(thresholds, session)["csv"]
    with pytest.raises(CheckError) as refused:
        ts.open_session(thresholds, csv_text)
    assert str(refused.value) == (
        "This file is the summary (CSV), which cannot be opened again. Choose the session file: the one "
        "downloaded as “Download the session”, whose name ends .json."
    )
    for text in ("{ not json", json.dumps({"format": "something else"}), "[]"):
        with pytest.raises(CheckError) as refused:
            ts.open_session(thresholds, text)
        assert str(refused.value).endswith(ts.CHOOSE_THE_SESSION), text


def test_the_csv_opens_in_a_spreadsheet_as_the_screen_shows_it(thresholds):
    session = new_session(thresholds, room=20, title="Gwet’s κ and α")
    session = answer_round(thresholds, session, 0, 1, [2, 1, 16], 1)
    csv_text = ts.page_save(thresholds, session)["csv"]
    assert csv_text.startswith("\ufeff")  # Excel on Windows reads UTF-8 only after a byte order mark
    rows = list(__import__("csv").reader(csv_text.lstrip("\ufeff").splitlines()))
    header = next(row for row in rows if row and row[0] == "Vignette")
    assert [lv.label for lv in thresholds.levels] == header[4 : 4 + len(thresholds.levels)]
    assert "Below the key (% of the room)" in header and "Not sure (% of the room)" in header
    first = rows[rows.index(header) + 1]
    figures = ts.report(thresholds, session)["vignettes"][0]["rounds"][0]
    assert first[header.index("Below the key (% of the room)")] == str(figures["percent"]["below"])
    assert first[header.index("Not sure (% of the room)")] == "5"
    assert "0.10526" not in csv_text


def test_a_set_is_listed_with_its_count_once(partnership_thresholds):
    from dataclasses import replace

    t = partnership_thresholds
    for chosen in ts.session_sets(t):
        label = ts.set_label(chosen)
        assert label.count(str(len(chosen.scenarios))) == 1, label
    bare = replace(ts.session_sets(t)[0], title="Warm-up")
    assert ts.set_label(bare) == f"Warm-up ({len(bare.scenarios)} vignettes)"


def test_a_move_alone_is_answered_without_the_figures(thresholds):
    session = full_session(thresholds, random.Random(9), vignettes=2)
    answer = ts.page_answer(
        thresholds, {"session": session, "position": {"vignette": 1, "step": "reveal"}, "figures": False}
    )
    assert answer["problem"] is None and answer["report"] is None and answer["views"] is None
    assert answer["session"]["position"] == {"vignette": 1, "step": "reveal"}
    assert {k: v for k, v in answer["session"].items() if k != "position"} == {
        k: v for k, v in session.items() if k != "position"
    }
    # A move that is not allowed is refused as before.
    wrong = ts.page_answer(
        thresholds, {"session": session, "position": {"vignette": 4, "step": "reveal"}, "figures": False}
    )
    assert wrong["problem"] is not None and wrong["session"]["position"] == session["position"]


@pytest.mark.parametrize("box", ["level", "not_sure"])
def test_a_wrong_count_names_its_own_box(partnership_thresholds, box):
    """Every box a problem names is a box on the page: the error links to it and marks it."""
    t = partnership_thresholds
    session = new_session(t, room=20)
    raw = typed(t, [20] + [0] * (len(t.levels) - 1))
    if box == "level":
        raw["counts"][t.levels[-1].id] = "l7"
    else:
        raw["not_sure"] = "l7"
    answer = ts.page_answer(t, {"session": session, "round": {"vignette": 0, "round": 1, **raw}})
    assert answer["problem"]["field"] == (f"count-{t.levels[-1].id}" if box == "level" else "count-not_sure")


# ---- The words of each screen: Python's, so the page holds none ----------------------------------


@pytest.mark.parametrize("room", [1, 2, 20])
def test_each_screen_has_its_heading_question_and_buttons_from_python(partnership_thresholds, room):
    session = new_session(partnership_thresholds, room)
    total = len(session["vignettes"])
    people = "person" if room == 1 else "people"
    for index in (0, total - 1):
        for step in ts.STEPS:
            screen = ts.screen_words({**session, "position": {"vignette": index, "step": step}})
            assert screen["heading"] == f"Vignette {index + 1} of {total}: {ts.STEP_NAMES[step]}"
            rounds = {"round-1": 1, "round-2": 2}
            if step in rounds:
                n = rounds[step]
                assert screen["round_question"] == (
                    f"Round {n}: how many chose each level? The room has {room} {people}."
                )
                assert screen["record"] == f"Record round {n}"
            else:
                assert screen["round_question"] is None and screen["record"] is None
            assert screen["next"] == ("Next vignette" if index + 1 < total else "See the summary")
    summary = ts.screen_words({**session, "position": {"vignette": 0, "step": ts.SUMMARY}})
    assert set(summary.values()) == {None}


def test_every_answer_with_a_session_carries_its_screens_words(thresholds):
    session = answer_round(thresholds, new_session(thresholds, 10), 0, 1, [10] + [0] * (len(thresholds.levels) - 1))
    moved = ts.page_answer(thresholds, {"session": session, "position": {"vignette": 0, "step": "discussion"}})
    assert moved["problem"] is None and moved["screen"]["heading"].endswith(": Discussion")
    alone = ts.page_answer(
        thresholds, {"session": session, "position": {"vignette": 1, "step": "round-1"}, "figures": False}
    )
    assert alone["report"] is None and alone["screen"]["heading"].startswith("Vignette 2 of ")


def test_round_ones_chart_is_a_row_per_level_and_one_for_not_sure(thresholds):
    session = new_session(thresholds, room=10)
    labels = [*(lv.label for lv in thresholds.levels), ts.NOT_SURE_LABEL]
    before = ts.report(thresholds, session)["vignettes"][0]["chart"]
    assert [row["label"] for row in before] == labels
    assert all(row["text"] == ts.NOT_ASKED and row["share"] == 0 for row in before)
    assert [row["unsure"] for row in before] == [False] * len(thresholds.levels) + [True]
    counts = [1] * len(thresholds.levels)
    unsure = 10 - len(thresholds.levels)
    session = answer_round(thresholds, session, 0, 1, counts, unsure)
    vignette = ts.report(thresholds, session)["vignettes"][0]
    after = vignette["chart"]
    figures = vignette["rounds"][0]
    assert [row["text"] for row in after] == [*figures["level_text"], figures["not_sure_text"]]
    assert [row["share"] for row in after] == pytest.approx([*figures["level_shares"], figures["not_sure_share"]])
    assert after[-1]["text"] == f"{unsure} ({figures['percent']['not_sure']}%)"
