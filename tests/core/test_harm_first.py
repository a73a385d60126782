"""Issue 22, the fresh audit's checker findings (H1, H2, W1, H3), as classes over both partnerships' files.

H1. A worry or rule whose words describe harm means the child may be at risk, whatever the answers: the step the
    guidance gives where harm is suspected (the route "yes" to significant harm reaches, its first step: a
    telephone call) leads, and no consent step comes before it, for every harm answer and consent answer.
H2. A "no" to immediate risk beside words that name an imminent or immediate risk is challenged: the words and the
    guidance's emergency sentence quoted, no route until the answer changes or is confirmed (``immediate:ID``).
W1. A route the file says requires consent is never suggested without it: its referral steps are not shown.
H3. Every scenario's answer key is what the checker gives, and none accepts a consent-first route beside words
    that describe harm.

These tests use only the API that main (fa2e951) already had, so that they run, and fail, there.
"""

from __future__ import annotations

import itertools

import pytest
from conftest import PARTNERSHIPS, ROOT, loaded
from toolkit_cli import run_toolkit

from levels_of_need import api
from levels_of_need.model import AgeBand
from levels_of_need.rules import Check, evaluate, reach

HARM_ANSWERS = ("no", "unsure", "yes")
CONSENT_ANSWERS = ("given", "refused", "not-sought", "unsure", None)


@pytest.fixture(params=list(PARTNERSHIPS), scope="module")
def any_file(request):

    return loaded(PARTNERSHIPS[request.param])


def one_line(text: str) -> str:
    return " ".join(text.split())


def an_age_for(indicator, default: int = 7) -> dict:
    """An age inside the indicator's band (the guidance writes it for that child)."""
    band = indicator.age or AgeBand()
    if band.unborn and band.at_least is None and band.under is None:
        return {"unborn": True}
    if band.at_least is not None:
        return {"age": band.at_least}
    if band.at_least_months is not None:
        return {"age": f"{band.at_least_months} months"}
    if band.under_months is not None:
        return {"age": f"{band.under_months - 1} months"}
    if band.under is not None:
        # A baby's months for a baby under one: the check takes no "0" years where a band is in months.
        return {"age": band.under - 1 if band.under > 1 else "11 months"}
    return {"age": default}


def harm_step(thresholds, check: Check):
    """The first step of the route "yes" to significant harm reaches: where the guidance tells you to telephone."""
    answers = {**check.answers, "significant_harm": "yes", "immediate_risk": "no"}
    route = reach(thresholds, Check(indicators=check.indicators, age=check.age, unborn=check.unborn, answers=answers))
    assert route.route.consent_required is False
    return route.route.next_steps[0]


def first_action_and_before_consent(thresholds, raw: dict) -> tuple[str, str]:
    """The result's "What to do first" box, and all the result says before the first words that seek consent."""
    view = api.run(thresholds, raw)["view"]
    box = next(n for n in view if n.get("attrs", {}).get("class") == "lon-first-action")
    text = one_line(api.result_text(thresholds, raw))
    consent = [one_line(s.text) for _, r in thresholds.routes() for s in r.next_steps if s.seeks_consent]
    cut = min([text.find(words) for words in consent if words in text] or [len(text)])
    from levels_of_need.present import inline_text

    return one_line(inline_text(box)), text[:cut]


# ---- H1 ---------------------------------------------------------------------------------------------------


def harm_worries(thresholds):
    return [i for i in thresholds.indicators if i.describes_harm and not i.is_strength]


def test_a_harm_describing_worry_leads_with_the_telephone_step_for_every_harm_and_consent_answer(any_file):
    """Audit H1: non-mobile bruising at 0, trafficking at 15, FGM at 8 ... with "no" confirmed gave s.17 with
    "seek their consent" first and no number. Now, every such worry, every harm answer, every consent answer."""
    checked = 0
    for indicator in harm_worries(any_file):
        for harm, consent in itertools.product(HARM_ANSWERS, CONSENT_ANSWERS):
            answers = {"immediate_risk": "no", "significant_harm": harm} | ({"consent": consent} if consent else {})
            raw = {
                "indicators": [indicator.id],
                "answers": answers,
                "confirmed": [indicator.id],
                **an_age_for(indicator),
            }
            step = harm_step(any_file, api.check_from_dict(raw))
            box, before_consent = first_action_and_before_consent(any_file, raw)
            assert one_line(step.text) in box, (indicator.id, harm, consent, box)
            assert one_line(step.text) in before_consent, (indicator.id, harm, consent)
            if step.contact and step.contact.phone:
                assert step.contact.phone in box, (indicator.id, harm, consent)
            checked += 1
    assert checked >= len(CONSENT_ANSWERS) * len(HARM_ANSWERS)


def test_a_harm_describing_rule_leads_with_the_telephone_step(thresholds):
    """The under-13 rule ("(Statutory rape)") lifting a Level 2 worry: "no" confirmed gives the telephone first."""
    rule = next(r for r in thresholds.rules if r.describes_harm and r.kind == "raise")
    worry = rule.when.indicators[0]
    for consent in CONSENT_ANSWERS:
        answers = {"immediate_risk": "no", "significant_harm": "no"} | ({"consent": consent} if consent else {})
        raw = {"indicators": [worry], "age": rule.when.age.under - 1, "answers": answers, "confirmed": [rule.id]}
        step = harm_step(thresholds, api.check_from_dict(raw))
        box, before_consent = first_action_and_before_consent(thresholds, raw)
        assert one_line(step.text) in box and step.contact.phone in box, consent
        assert one_line(step.text) in before_consent


def test_a_consent_step_after_a_harm_describing_worry_keeps_the_guidance_exception(thresholds):
    """The consent step that remains comes later, with "unless ... at risk of significant harm" and, for FGM,
    the forced marriage / FGM sentence."""
    fgm = next(i for i in thresholds.indicators if "female genital mutilation" in i.text)
    raw = {
        "indicators": [fgm.id],
        "age": 8,
        "answers": {"immediate_risk": "no", "significant_harm": "no", "consent": "given"},
        "confirmed": [fgm.id],
    }
    text = one_line(api.result_text(thresholds, raw))
    consent_at = text.index("seek their consent")
    assert "by telephone" in text[:consent_at]
    after = text[consent_at:]
    assert "unless you have reasonable cause to believe that to do so would place the child at risk" in after
    assert "This may include the risk of forced marriage or female genital mutilation." in after


# ---- H2 ---------------------------------------------------------------------------------------------------


def immediate_worries(thresholds):
    return [i for i in thresholds.indicators if "imminent risk of significant harm" in i.text.lower()]


def test_immediate_risk_words_challenge_a_no_to_immediate_risk(thresholds):
    """Audit H2: "Imminent risk of significant harm due to poor supervision" beside "no" to immediate risk."""
    emergency = next(r for r in thresholds.rules if r.kind == "emergency")
    worries = immediate_worries(thresholds)
    assert worries
    for worry, harm in itertools.product(worries, HARM_ANSWERS):
        raw = {
            "indicators": [worry.id],
            "age": 4,
            "answers": {"immediate_risk": "no", "significant_harm": harm, "consent": "given", "social_worker": "none"},
            "confirmed": [worry.id],
        }
        result = api.run_check(thresholds, raw)
        assert result["route"] is None, (worry.id, harm)
        challenge = next(c for c in result["challenges"] if c["question"] == "immediate_risk")
        text = one_line(api.result_text(thresholds, raw))
        assert f"“{worry.text}”" in text and one_line(emergency.text) in text and "999" in text
        # Changing the answer gives the emergency result; confirming it (by its id) gives the route.
        yes = api.run_check(thresholds, {**raw, "answers": {**raw["answers"], "immediate_risk": "yes"}})
        assert yes["emergency"] is True
        confirmed = api.run_check(thresholds, {**raw, "confirmed": [worry.id, challenge["confirm"]]})
        assert confirmed["route"] is not None or harm == "unsure"


def test_the_cli_and_the_page_say_the_same_and_the_cli_confirms_by_id(thresholds):
    worry = immediate_worries(thresholds)[0]
    args = ["--age", "4", "--immediate-risk", "no", "--significant-harm", "yes", worry.id]
    held = run_toolkit("check", *args)
    raw = {"indicators": [worry.id], "age": 4, "answers": {"immediate_risk": "no", "significant_harm": "yes"}}
    assert held.returncode == 0 and held.stdout == api.result_text(thresholds, raw)
    assert "999" in held.stdout and "does not suggest a route" in held.stdout
    args += ["--confirm", f"immediate:{worry.id}"]
    confirmed = run_toolkit("check", "--json", *args)
    import json

    assert confirmed.returncode == 0, confirmed.stderr
    assert json.loads(confirmed.stdout)["route"] is not None


def test_an_immediate_risk_confirmation_and_its_reason_reach_the_summary_and_a_saved_check(thresholds):
    worry = immediate_worries(thresholds)[0]
    raw = {
        "indicators": [worry.id],
        "age": 4,
        "answers": {"immediate_risk": "no", "significant_harm": "yes"},
        "confirmed": [f"immediate:{worry.id}"],
        "confirm_note": "Fictional reason seen by the test",
    }
    summary = one_line(api.run_summary(thresholds, raw))
    assert "confirmed" in summary and f"“{worry.text}”" in summary and "Fictional reason seen by the test" in summary
    from levels_of_need import saved

    state = saved.normalise(thresholds, raw)
    assert f"immediate:{worry.id}" in state["confirmed"]


def test_validate_warns_where_words_name_an_immediate_risk_unmarked(tmp_path):
    text = (ROOT / "thresholds.yml").read_text(encoding="utf-8")
    assert "describes_immediate_risk: true" in text
    unmarked = tmp_path / "thresholds.yml"
    unmarked.write_text(text.replace("describes_immediate_risk: true, ", ""), encoding="utf-8")
    for path, warned in ((ROOT / "thresholds.yml", False), (unmarked, True)):
        run = run_toolkit("validate", str(path))
        assert run.returncode == 0
        assert ("imminent or immediate risk" in run.stderr) is warned, run.stderr


# ---- W1 ---------------------------------------------------------------------------------------------------


def test_a_route_that_requires_consent_is_never_suggested_without_it(any_file):
    """Audit W1: Level 2 with consent refused showed the portal referral step. For every route whose file says
    consent is required, every worry that reaches it alone, and every answer on consent but "given"."""
    checked = 0
    for level, route in any_file.routes():
        if not route.consent_required:
            continue
        referral_steps = [one_line(s.text) for s in route.next_steps if not s.seeks_consent]
        consent_steps = [one_line(s.text) for s in route.next_steps if s.seeks_consent]
        for worry in [i for i in any_file.indicators if i.level == level and not i.is_strength][:6]:
            if worry.describes_harm:
                continue  # H1 applies there instead
            for consent in ("refused", "not-sought", "unsure", None):
                answers = {"immediate_risk": "no", "significant_harm": "no", "support_not_improving": "no"}
                answers |= {"social_worker": "none"} | ({"consent": consent} if consent else {})
                raw = {"indicators": [worry.id], "answers": answers, **an_age_for(worry, default=9)}
                result = api.run_check(any_file, raw)
                if (result["level_id"], result.get("consent_route") or route.id) != (level.id, route.id):
                    continue
                assert result["route"] is None and result["next_steps"] == [], (worry.id, consent)
                text = one_line(api.result_text(any_file, raw))
                assert not any(step in text for step in referral_steps[:1]), (worry.id, consent)
                if consent in ("refused", "not-sought"):
                    assert all(words in text for words in consent_steps), (worry.id, consent)
                checked += 1
    assert checked > 0


# ---- H3 ---------------------------------------------------------------------------------------------------


def test_no_answer_key_accepts_a_consent_first_route_beside_harm_describing_words(any_file):
    harm_rules = {r.id for r in any_file.rules if r.describes_harm}
    for scenario in any_file.scenarios:
        check = scenario.check
        reached = reach(any_file, check)
        if reached.emergency is not None:
            continue
        described = any(any_file.indicator(i).describes_harm for i in check.indicators) or any(
            r.kind == "rule" and r.id in harm_rules for r in reached.reasons
        )
        if described:
            consent_first = [r.id for r in scenario.routes if r.next_steps and r.next_steps[0].seeks_consent]
            assert consent_first == [], scenario.id


def test_every_answer_key_is_the_checkers_level_and_route(any_file):
    from levels_of_need.rules import possible_routes
    from levels_of_need.training import verify

    assert verify(any_file) == []
    for scenario in any_file.scenarios:
        check = scenario.check
        assert evaluate(any_file, check).level == scenario.level, scenario.id
        assert [r for _, r in possible_routes(any_file, check)] == list(scenario.routes), scenario.id
