"""Faithful to the letter (issue 22): harm by rule as by tick, the consent exceptions wherever consent is
advised, the ages the guidance names, every answer in the summary, and web addresses in the CLI's text.

Each test runs for each partnership's file where the point is about any partnership.
"""

from __future__ import annotations

import itertools
import re

import pytest
from conftest import ROOT, ages_taken
from toolkit_cli import run_toolkit

from levels_of_need import api
from levels_of_need.model import AgeBand, check_from_dict
from levels_of_need.present import REFERRER, age_band, asked, one_line, the_child, to_text
from levels_of_need.rules import Check, evaluate, is_asked

NO_RISK = {"immediate_risk": "no"}


# A confirmation in the summary, in its voice: the referrer's ("I confirmed my answer") where the
# partnership's referral questions speak so, as Medway's do, else the page's.
CONFIRMED = r"(You|I) confirmed (your|my) answer"


def shown(thresholds, check: dict) -> str:
    """The whole result as the page shows it: its lead (level, route, what to do first) and the rest."""
    answer = api.run(thresholds, check)
    return to_text(answer["view"] + answer["view_more"])


def items(nodes: list) -> list:
    """Every list item and paragraph of a view, however deep: where a step or a piece of advice is shown."""
    found = []
    for n in nodes:
        if n.get("tag") in ("li", "p"):
            found.append(n)
        found += items([c for c in n.get("children", []) if isinstance(c, dict)])
    return found


def in_summary(thresholds, check: dict) -> str:
    return " ".join(api.run(thresholds, check)["summary"].split())


# ---- 1. Harm by rule, not only by tick -----------------------------------------------------------


def harm_rule_cases(thresholds):
    """Every harm-describing raise rule that a worry and an age can make hold, with such a check: (rule, check)."""
    ages = [None, *ages_taken(thresholds)]
    worries = [i for i in thresholds.indicators if not i.is_strength]
    for rule in (r for r in thresholds.rules if r.describes_harm):
        for indicator, age in itertools.product(worries, ages):
            check = {
                "indicators": [indicator.id],
                **({"unborn": True} if age is None else {"age": age}),
                "answers": {**NO_RISK, "significant_harm": "no"},
            }
            result = evaluate(thresholds, api.check_from_dict(check))
            if any(r.kind == "rule" and r.id == rule.id for r in result.reasons):
                yield rule, check


def test_medway_marks_the_statutory_rape_rule_as_describing_harm(thresholds):
    rule = next(r for r in thresholds.rules if r.id == "sexual-activity-or-pregnancy-under-13")
    assert rule.describes_harm and "(Statutory rape)" in rule.text


def test_no_beside_a_harm_rule_is_challenged_as_beside_a_ticked_worry(thresholds):
    """Audit N1: a 12-year-old ticked under the Level 2 worry, "no" to significant harm."""
    for indicator in ("l2-underage-sexual-activity", "l2-teenage-pregnancy"):
        check = {"indicators": [indicator], "age": 12, "answers": {**NO_RISK, "significant_harm": "no"}}
        answer = api.run(thresholds, check)
        result = answer["result"]
        assert next(c for c in result["challenges"] if "rule" in c) == {
            "rule": "sexual-activity-or-pregnancy-under-13",
            "question": "significant_harm",
            "answer": "no",
            "confirmed": False,
            "confirm": "sexual-activity-or-pregnancy-under-13",
        }
        assert result["route"] is None and result["next_steps"] == []
        # The challenge is said under the actions (present.waiting_for); what to do first leads, never consent.
        text = to_text(answer["view"] + answer["view_more"])
        assert "Check your answer" in text
        assert "“Child/ young parent/ pregnancy under the age of 13/ or having sex" in text
        assert "Until then the checker does not suggest a route." in text
        assert "seek their consent" not in to_text(answer["view"])
        confirm = [c["confirm"] for c in result["challenges"]]  # the teenage worry's age band too, at 12
        assert confirm[-1] == "sexual-activity-or-pregnancy-under-13"
        confirmed = {**check, "confirmed": confirm, "confirm_note": "R-77 reason"}
        after = api.run(thresholds, confirmed)
        assert after["result"]["route"] is None and "consent" in after["result"]["missing"]  # s.17 needs it
        confirmed["answers"] = {**confirmed["answers"], "consent": "given"}
        after = api.run(thresholds, confirmed)
        assert after["result"]["route"] == "child-in-need"
        summary = " ".join(after["summary"].split())
        assert "I confirmed my answer “No”" in summary and "(Statutory rape)" in summary
        assert "My reason: R-77 reason" in summary  # Medway's summary speaks as the referrer


@pytest.mark.parametrize("which", ["medway", "example"])
def test_no_harm_rule_result_shows_a_route_or_consent_step_until_confirmed(which, thresholds, example):
    """Every harm-describing rule, every worry and every age that make it hold: no route and no consent step
    while "no" stands unconfirmed; with it confirmed, the confirmation is in the summary."""
    t = thresholds if which == "medway" else example
    cases = list(harm_rule_cases(t))
    assert cases or which == "example"
    for rule, check in cases:
        answer = api.run(t, check)
        assert answer["result"]["route"] is None, (rule.id, check)
        assert not any(step["seeks_consent"] for step in answer["result"]["next_steps"])
        assert one_line(rule.text) in to_text(answer["view"] + answer["view_more"])
        done = api.run(t, {**check, "confirmed": [rule.id], "confirm_note": "N-5"})
        assert re.search(CONFIRMED, done["summary"]) and "N-5" in done["summary"]


CONFIRM_RULE = ["--confirm", "sexual-activity-or-pregnancy-under-13"]


def test_the_cli_confirms_a_rule_by_its_id():
    answers = ["--age", "11", "--immediate-risk", "no", "--significant-harm", "no", "--consent", "given"]
    run = run_toolkit("check", *answers, *CONFIRM_RULE, "l2-underage-sexual-activity")
    assert run.returncode == 0, run.stderr
    assert "Suggested level: Level 3: Statutory Social Care, Child in need (s.17)." in run.stdout
    assert "You confirmed your answer “No”" in run.stdout  # the result, as the page says it


# ---- 2. Consent exceptions wherever consent is advised -------------------------------------------


FGM_SENTENCE = "This may include the risk of forced marriage or female genital mutilation."


@pytest.mark.parametrize("consent", [None, "given", "refused", "not-sought"])
@pytest.mark.parametrize("significant_harm", ["no", "yes", "unsure"])
def test_every_consent_step_with_fgm_carries_the_fgm_sentence(thresholds, consent, significant_harm):
    """Audit N2, for every consent answer and every route it can reach."""
    answers = {**NO_RISK, "significant_harm": significant_harm, **({"consent": consent} if consent else {})}
    check = {"indicators": ["l3-forced-marriage-hbv-fgm"], "age": 9, "answers": answers}
    check["confirmed"] = ["l3-forced-marriage-hbv-fgm"]
    answer = api.run(thresholds, check)
    view = answer["view"] + answer["view_more"]
    consent_items = [to_text([s]) for s in items(view) if "seek their consent" in to_text([s])]
    # The guidance's advice that asks for consent, wherever it is shown (advice a step already gives whole is
    # said once, in the step: present._advice_below).
    seeking = [one_line(r.text) for r in thresholds.rules if r.kind == "advise" and r.seeks_consent]
    advice = [
        words
        for words in map(lambda n: to_text([n]), items(view))
        if any(t in " ".join(words.split()) for t in seeking)
    ]
    for words in consent_items + advice:
        assert " ".join(words.split()).count(FGM_SENTENCE) == 1, words  # there, and never twice in one item
    text = to_text(view)
    # A confirmed "no" beside FGM: the guidance's exception to seeking consent names it, so s.17 does not
    # wait for consent (beside other harm words it does: test_no_beside_a_harm_rule_…).
    if significant_harm == "no":
        assert consent_items, "the s.17 route advises consent"
        assert "unless you have reasonable cause to believe that to do so would place the child at risk" in text


def test_the_consent_exception_is_never_said_twice_in_one_step(thresholds):
    check = {"indicators": ["l3-forced-marriage-hbv-fgm"], "age": 9, "answers": {**NO_RISK, "significant_harm": "yes"}}
    text = shown(thresholds, check)
    assert text.count(FGM_SENTENCE) == 1


# ---- 3. Ages the guidance names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "band"),
    [
        ("l3-16-17-homeless", {"at_least": 16, "under": 18}),
        ("l3-under-13-sex-pregnancy", {"under": 13}),
        ("l3-unborn-at-risk", {"unborn": True}),
        ("l2-teenage-pregnancy", {"at_least": 13}),
    ],
)
def test_medway_indicators_naming_an_age_carry_its_band(thresholds, indicator, band):
    assert thresholds.indicator(indicator).age == AgeBand(**band)


def test_medway_rules_naming_an_age_carry_its_band(thresholds):
    bands = {r.id: r.when.age for r in thresholds.rules}
    # No rule repeats the 16/17 homeless worry's own level (audit C12): the worry carries the band itself.
    assert "sixteen-seventeen-homeless" not in bands
    assert thresholds.indicator("l3-16-17-homeless").age == AgeBand(at_least=16, under=18)
    assert bands["sexual-activity-or-pregnancy-under-13"] == AgeBand(under=13)
    assert bands["domestic-abuse-unborn-or-under-one"] == AgeBand(unborn=True, under=1)


def test_a_worry_for_16_17_year_olds_at_age_3_is_challenged_not_accepted(thresholds):
    text = shown(thresholds, {"indicators": ["l3-16-17-homeless"], "age": 3, "answers": {**NO_RISK}})
    assert "Check your answer" in text
    assert (
        "“16/17year old presenting as homeless” (Level 3: Statutory Social Care) for a child aged 3, though the "
        "checker offers it only for children aged 16 or 17" in text
    )
    summary = in_summary(thresholds, {"indicators": ["l3-16-17-homeless"], "age": 3, "answers": NO_RISK})
    assert "for a child aged 3, though the checker offers it only for children aged 16 or 17" in summary


@pytest.mark.parametrize("age", ["0 months", 1, 2, 5, 9])
def test_a_worry_outside_its_band_never_counts_towards_two_or_more(example, age):
    """The example's "two or more of" rule, with a worry given a band the child is outside."""
    data = {**example.data, "indicators": [dict(i) for i in example.data["indicators"]]}
    for raw in data["indicators"]:
        if raw["id"] == "hangs-around-late":
            raw["age"] = {"at_least": 10}
    from levels_of_need.model import from_dict

    t = from_dict(data)
    check = api.check_from_dict({"indicators": ["misses-school", "hangs-around-late"], "age": age, "answers": NO_RISK})
    result = evaluate(t, check)
    assert "two-or-more-emerging" not in {r.id for r in result.reasons}
    view = shown(t, {"indicators": sorted(check.indicators), "age": age, "answers": NO_RISK})
    band = age_band(AgeBand(at_least=10))
    assert f"for {the_child(check)}, though the checker offers it only for {band}" in view
    inside = evaluate(t, Check(indicators=check.indicators, age=10, answers={**NO_RISK}))
    assert "two-or-more-emerging" in {r.id for r in inside.reasons}


def test_with_no_age_the_counting_rule_waits_for_the_age(example):
    data = {**example.data, "indicators": [dict(i) for i in example.data["indicators"]]}
    for raw in data["indicators"]:
        if raw["id"] == "hangs-around-late":
            raw["age"] = {"at_least": 10}
    from levels_of_need.model import from_dict

    t = from_dict(data)
    result = evaluate(t, Check(indicators=frozenset({"misses-school", "hangs-around-late"}), answers={**NO_RISK}))
    assert "age" in result.missing and result.route is None and not result.level_settled


# ---- 5. Every answer given, in the summary, for any partnership ---------------------------------


@pytest.mark.parametrize("which", ["medway", "example"])
def test_the_summary_holds_every_answer_given(which, thresholds, example):
    t = thresholds if which == "medway" else example
    worry = next(i for i in t.indicators if not i.is_strength and i.describes_harm)
    questions = [q for q in t.questions if q.id != "immediate_risk"]
    # Every answer to every question, in as many checks as the longest question has answers.
    # A free-text question's answer is words typed (the partnership's own, free_text).
    for n in range(max(len(q.values) for q in questions)):
        answers = {**NO_RISK, **{q.id: _nth_answer(q, n) for q in questions}}
        check = {
            "indicators": [worry.id],
            "age": 8,
            "answers": answers,
            "confirmed": [worry.id],
            "confirm_note": "because R-1",
            "consent_note": "asked on Monday N-1",
        }
        summary = in_summary(t, check)
        for q in questions:
            if not is_asked(t, check_from_dict(check), q):  # asked only for other worries: set aside, not said
                assert one_line(asked(q, REFERRER)) not in summary, q.id
                continue
            if q.free_text:
                assert f"{one_line(asked(q, REFERRER))} {answers[q.id]}" in summary, q.id
                continue
            option = q.option(answers[q.id])
            said = summary.lower()
            assert one_line(option.words).lower() in said or one_line(option.label).lower() in said, (q.id, option)
            if q.id != "consent" and q.id != "area":
                assert one_line(asked(q, REFERRER)) in summary, q.id  # as the referrer says it: "Do I have…"
        if answers["significant_harm"] == "no":
            assert re.search(CONFIRMED, summary) and "because R-1" in summary
        assert "asked on Monday N-1" in summary
        assert worry.text in summary


def _nth_answer(question, n: int) -> str:
    return question.values[n % len(question.values)] if question.values else f"Typed words {n} (fictional)"


def test_the_summary_of_an_emergency_keeps_the_worries_and_answers(thresholds):
    check = {
        "indicators": ["l3-private-fostering"],
        "age": 14,
        "answers": {"immediate_risk": "yes", "social_worker": "allocated", "consent": "not-sought"},
    }
    summary = in_summary(thresholds, check)
    assert "Private Fostering" in summary
    assert "Does the child have a social worker? Yes, an allocated social worker" in summary
    assert "Consent not sought." in summary


# ---- 6. Web addresses in the CLI's text -----------------------------------------------------------


def test_the_text_output_keeps_web_addresses(thresholds):
    check = {
        "indicators": ["l2-bereavement"],
        "age": 8,
        "answers": {**NO_RISK, "significant_harm": "no", "consent": "given"},
    }
    text = shown(thresholds, check)
    portal = next(c for c in thresholds.contacts if c.id == "online-portal")
    assert f"({portal.url})" in text
    assert "web page" not in text
    args = ["--age", "8", "--immediate-risk", "no", "--significant-harm", "no", "--consent", "given", "l2-bereavement"]
    run = run_toolkit("check", *args)
    assert run.returncode == 0 and portal.url in run.stdout and "web page" not in run.stdout


def test_the_text_output_writes_out_every_web_address_whatever_the_contact_has():
    """A web address alone (a link named after the contact), beside a phone and an email, or by area."""
    from levels_of_need.model import Area, Contact
    from levels_of_need.present import contact_nodes, node, plain_text

    url = "https://example.org/help/fictional"
    alone = Contact(id="a", name="Help page (fictional)", when="Fictional.", url=url)
    beside = Contact(
        id="b", name="Hub (fictional)", when="Fictional.", phone="01632 960001", email="a@example.org", url=url
    )
    north = Area("north", "North")
    by_area = Contact(id="c", name="By area", when="Fictional.", by_area=((north, beside),))
    for contact, area in [(alone, None), (beside, None), (by_area, None), (by_area, north)]:
        text = plain_text(node("p", *contact_nodes(contact, area)))
        assert url in text, text


# ---- 3. validate warns where an indicator's words name an age its band does not cover ---------------


def with_indicator(example, text: str, age: dict | None):
    from levels_of_need.model import from_dict

    data = {**example.data, "indicators": [dict(i) for i in example.data["indicators"]]}
    raw = data["indicators"][4]  # a worry
    raw["text"] = text
    raw.pop("age", None)
    if age is not None:
        raw["age"] = age
    return from_dict(data), raw["id"]


@pytest.mark.parametrize(
    ("text", "age", "warned"),
    [
        ("A 14 year old caring for a parent (fictional)", {"at_least": 16}, "age 14"),
        ("A 14 year old caring for a parent (fictional)", None, "no age band"),
        ("Children under five with no nursery place (fictional)", {"under": 5}, None),
        ("Children under five with no nursery place (fictional)", {"under": 3}, "age 3, age 4"),
        ("Babies under one who miss checks, and the unborn (fictional)", {"under": 1}, "unborn"),
        ("Teenagers out all night (fictional)", {"at_least": 13}, None),
        ("Teenagers out all night (fictional)", {"at_least": 15}, "age 13, age 14"),
        ("Young carers of all ages, even those under 10 (fictional)", None, None),
        ("Often tired at school (fictional)", None, None),
    ],
)
def test_validate_warns_where_the_words_name_an_age_the_band_does_not_cover(example, text, age, warned):
    from toolkit.load.named_ages import age_band_warnings

    t, indicator_id = with_indicator(example, text, age)
    warnings = [w for w in age_band_warnings(t) if w.startswith(f"indicators[{indicator_id}]")]
    if warned is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warned in warnings[0], warnings


def test_validate_gives_both_partnerships_files_no_age_warning(thresholds, example):
    from toolkit.load.named_ages import age_band_warnings

    assert list(age_band_warnings(thresholds)) == []
    assert list(age_band_warnings(example)) == []


def test_validate_prints_the_age_warning(tmp_path):
    text = (ROOT / "thresholds.yml").read_text(encoding="utf-8")
    text = text.replace("theme: housing, age: {at_least: 16, under: 18}, synonyms:", "theme: housing, synonyms:")
    (tmp_path / "t.yml").write_text(text, encoding="utf-8")
    run = run_toolkit("validate", str(tmp_path / "t.yml"))
    assert run.returncode == 0
    assert "indicators[l3-16-17-homeless]: its words name an age (“16/17year old”) but it has no age band" in run.stderr


# ---- Age bands are the checker's, never said to be the guidance's (issue 22's I1) -----------------


def _outside(band: AgeBand) -> dict:
    """A child the band does not cover: unborn where it starts at an age, else an age outside it (a baby's
    months just past a band in months)."""
    if not band.unborn and (band.at_least or band.at_least_months):
        return {"unborn": True}
    if band.under_months is not None:
        return {"age": f"{band.under_months} months"}
    return {"age": band.under + 1 if band.under is not None else 0}


def test_every_age_band_shown_is_said_to_be_the_checkers(partnership_thresholds):
    # 001 lists "Concerns about teenage pregnancy" with no age: the band (13 or over) is the checker's
    # reading of "teenage". Wherever a band is shown (the form, the result, the answers, the summary,
    # the CLI's text), it is the checker that offers the worry for those ages, never the guidance.
    from toolkit.site.pages import check_hint, indicator_notes

    t = partnership_thresholds
    banded = [i for i in t.indicators if i.age]
    assert banded
    for indicator in banded:
        child = _outside(indicator.age)
        raw = {"indicators": [indicator.id], "answers": {**NO_RISK, "significant_harm": "no"}, **child}
        page = api.page_answer(t, {**raw, **({"age": str(child["age"])} if "age" in child else {})})
        texts = [
            check_hint(indicator),
            indicator_notes(indicator),
            shown(t, raw),
            in_summary(t, raw),
            api.result_text(t, raw),
            page["age_notice"],
            *(note["text"] for note in page["age_notes"]),
        ]
        band = age_band(indicator.age)
        said = 0
        for text in texts:
            text = " ".join(text.split())
            assert "guidance writes" not in text and "Written for" not in text, text
            for at in (m.start() for m in re.finditer(re.escape(band), text)):
                assert "checker offers" in text[max(0, at - 40) : at], (indicator.id, text[max(0, at - 80) : at + 40])
                said += 1
        assert said >= 4, indicator.id
