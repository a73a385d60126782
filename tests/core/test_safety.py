"""Safe decisions: the self-check never steers a practitioner towards a step that could put a child
at risk. One test (or a few) per point of the "Safe decisions" issue, through ``api`` (what the
browser worker calls) and through the CLI.

Where the guidance does not decide, the checker asks; it never defaults.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from toolkit_cli import run_toolkit

from levels_of_need import api, training
from levels_of_need.present import to_text

NO_RISK = {"immediate_risk": "no"}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_toolkit(*args)


def cli_json(*args: str) -> dict:
    run = cli("check", "--json", *args)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def shown(thresholds, check: dict) -> str:
    """The result as the page and the CLI show it."""
    return api.result_text(thresholds, check)


def first_step(result: dict) -> dict | None:
    return result["next_steps"][0] if result["next_steps"] else None


# ---- 1. Complete or not --------------------------------------------------------------------------


def test_an_untouched_form_shows_no_level_only_what_to_answer_first(thresholds):
    answer = api.run(thresholds, {})
    result = answer["result"]
    assert (result["complete"], result["level"], result["route"]) == (False, None, None)
    assert result["missing"] == ["age", "immediate_risk", "significant_harm"]
    assert answer["headline"] == "No suggested level yet."
    assert "Level 1" not in shown(thresholds, {})
    assert result == cli_json()


@pytest.mark.parametrize(
    "indicator",
    [
        "l3-forced-marriage-hbv-fgm",
        "l3-fabricated-illness",
        "l3-non-mobile-bruising",
        "l3-evidence-of-abuse",
        "l3-poor-supervision",
        "l3-private-fostering",
    ],
)
def test_level_3_with_significant_harm_unanswered_shows_no_route_and_no_consent_step(thresholds, indicator):
    check = {"indicators": [indicator], "age": 10, "answers": NO_RISK}
    result = api.run_check(thresholds, check)
    assert (result["level"], result["level_settled"], result["route"]) == (3, True, None)
    assert result["missing"] == ["significant_harm"] and result["complete"] is False
    assert result["next_steps"] == []
    text = shown(thresholds, check)
    assert text.startswith("Suggested level: Level 3: Statutory Social Care. The route is not decided yet.")
    assert "The checker does not suggest the route until you answer:" in text
    assert "Child in need (s.17)" not in text and "consent" not in text.lower()
    assert result == cli_json(indicator, "--age", "10", "--immediate-risk", "no")


def test_the_level_itself_is_open_while_an_answer_could_still_raise_it(thresholds):
    result = api.run_check(thresholds, {"indicators": ["l2-bereavement"], "age": 10, "answers": NO_RISK})
    assert (result["level"], result["level_settled"], result["route"]) == (2, False, None)
    assert shown(thresholds, {"indicators": ["l2-bereavement"], "age": 10, "answers": NO_RISK}).startswith(
        "So far: at least Level 2: Early Help. The level and route are not decided yet."
    )


def test_age_or_unborn_is_required(thresholds):
    check = {"indicators": ["l2-domestic-abuse"], "answers": {**NO_RISK, "significant_harm": "no"}}
    result = api.run_check(thresholds, check)
    assert result["missing"] == ["age"] and result["route"] is None
    # Unborn and under one decide a different route here: the empty age must never switch the age rules off.
    assert api.run_check(thresholds, {**check, "unborn": True})["route"] == "child-protection"
    assert api.run_check(thresholds, {**check, "age": 5})["consent_route"] == "early-help"


def test_an_age_outside_the_guidance_range_is_an_error_not_a_result(thresholds):
    from levels_of_need.rules import CheckError

    with pytest.raises(CheckError, match="Enter an age from 0 to 18: this guidance is for children and their"):
        api.run(thresholds, {"age": 30})
    run = cli("check", "--age", "30")
    assert run.returncode == 2 and "Enter an age from 0 to 18" in run.stderr and run.stdout == ""


# ---- 2. Significant harm -------------------------------------------------------------------------


def test_the_harm_markers_are_a_reading_of_the_indicators_own_words(thresholds):
    harm_words = re.compile(
        r"abuse|harm|injur|bruising|exploitation|statutory rape|genital mutilation|fabricated|trafficking|slavery|"
        r"threat to life|risk to a child|placed at risk",
        re.IGNORECASE,
    )
    marked = {i.id for i in thresholds.indicators if i.describes_harm}
    worded = {i.id for i in thresholds.indicators if i.level.id == "statutory" and harm_words.search(i.text)}
    assert marked == worded
    assert all(thresholds.indicator(i).level.id == "statutory" for i in marked)


def test_no_to_significant_harm_beside_a_harm_indicator_is_challenged_not_accepted(thresholds):
    check = {
        "indicators": ["l3-under-13-sex-pregnancy"],
        "age": 12,
        "answers": {**NO_RISK, "significant_harm": "no"},
        "details": {},
    }
    answer = api.run(thresholds, check)
    result = answer["result"]
    assert result["challenges"] == [
        {
            "indicator": "l3-under-13-sex-pregnancy",
            "question": "significant_harm",
            "answer": "no",
            "confirmed": False,
            "confirm": "l3-under-13-sex-pregnancy",
        }
    ]
    assert result["route"] is None and result["next_steps"] == []
    text = to_text(answer["view"] + answer["view_more"])
    assert "You chose “Child/ young parent/ pregnancy under the age of 13/ or having sex (Statutory rape)”" in text
    assert "Check that answer." in text
    assert "Answers the checker asked me to check" in answer["summary"]
    confirmed = api.run_check(thresholds, {**check, "confirmed": ["l3-under-13-sex-pregnancy"]})
    # Confirmed "no": s.17, which requires consent, waits for the consent answer (given, it is suggested).
    assert confirmed["route"] is None and confirmed["missing"] == ["consent"]
    assert confirmed["challenges"][0]["confirmed"] is True
    given = {**check, "answers": {**check["answers"], "consent": "given"}, "confirmed": ["l3-under-13-sex-pregnancy"]}
    assert api.run_check(thresholds, given)["route"] == "child-in-need"
    refused = {**given, "answers": {**given["answers"], "consent": "refused"}}
    assert api.run_check(thresholds, refused)["route"] is None
    assert (
        cli_json("l3-under-13-sex-pregnancy", "--age", "12", "--immediate-risk", "no", "--significant-harm", "no")[
            "challenges"
        ]
        == result["challenges"]
    )


# ---- 3. Next steps in a safe order ---------------------------------------------------------------


def test_child_protection_telephones_first_then_the_written_referral_then_consent(thresholds):
    check = {"indicators": ["l3-suspicious-injury"], "age": 9, "answers": {**NO_RISK, "significant_harm": "yes"}}
    steps = api.run_check(thresholds, check)["next_steps"]
    assert steps[0]["contact"]["phone"] == "01634 334466" and steps[0]["contact"]["tel"] == "tel:+441634334466"
    assert "telephone" in steps[0]["text"]
    portal = next(n for n, s in enumerate(steps) if s["contact"] and s["contact"]["id"] == "online-portal")
    consent = next(n for n, s in enumerate(steps) if s["seeks_consent"])
    assert 0 < portal < consent
    assert "via the online portal" in steps[portal]["text"]
    whole = " ".join(steps[consent]["text"].split())
    assert "This may include the risk of forced marriage or female genital mutilation." in whole
    assert "In all other cases you must seek consent before making a referral." in whole
    assert "unless you have reasonable cause to believe that to do so would place the child at risk" in whole
    cli_steps = cli_json("l3-suspicious-injury", "--age", "9", "--immediate-risk", "no", "--significant-harm", "yes")
    assert cli_steps["next_steps"] == steps


@pytest.mark.parametrize("significant_harm", [None, "unsure", "yes"])
def test_consent_seeking_is_never_first_while_the_route_is_undecided_or_child_protection(thresholds, significant_harm):
    answers = {**NO_RISK, **({"significant_harm": significant_harm} if significant_harm else {})}
    for indicator in thresholds.indicators:
        if indicator.is_strength:
            continue
        result = api.run_check(thresholds, {"indicators": [indicator.id], "age": 8, "answers": answers})
        if result["route"] in (None, "child-protection"):
            step = first_step(result)
            assert step is None or not step["seeks_consent"], indicator.id


def test_consent_refused_gets_the_guidances_words_for_that_case(thresholds):
    early = api.run_check(
        thresholds,
        {
            "indicators": ["l2-bereavement"],
            "age": 8,
            "answers": {**NO_RISK, "significant_harm": "no", "consent": "refused"},
        },
    )
    assert any("a family are not consenting to assistance" in a["text"] for a in early["advice"])
    statutory = api.run_check(
        thresholds,
        {
            "indicators": ["l3-private-fostering"],
            "age": 8,
            "answers": {**NO_RISK, "significant_harm": "no", "consent": "refused"},
        },
    )
    assert any("parental consent is not forthcoming" in " ".join(a["text"].split()) for a in statutory["advice"])


# ---- 4. "May" is advice, not a raise -------------------------------------------------------------


def test_may_need_is_advice_and_never_raises_the_level(thresholds):
    for indicator, level, advice in [
        ("l2-bereavement", 2, "early-help-not-improving"),
        ("l1-resilient", 1, "universal-not-meeting-needs"),
    ]:
        check = {
            "indicators": [indicator],
            "age": 8,
            "answers": {**NO_RISK, "significant_harm": "no", "support_not_improving": "yes"},
        }
        result = api.run_check(thresholds, check)
        assert result["level"] == level and advice in [a["id"] for a in result["advice"]]
        assert "may need" in " ".join(next(a["text"] for a in result["advice"] if a["id"] == advice).split())
    assert [
        r.kind for r in thresholds.rules if r.id in ("early-help-not-improving", "universal-not-meeting-needs")
    ] == [
        "advise",
        "advise",
    ]


# ---- 5. Advice the guidance links to the worry ---------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "advice", "words"),
    [
        ("l2-radicalisation", "prevent", "0800 789 321"),
        ("l2-domestic-abuse", "marac", "Multi-Agency Risk Assessment Conference (MARAC)"),
        ("l2-poor-response-needs", "graded-care-profile", "where neglect is known or suspected"),
        ("l3-exploitation", "exploitation-toolkit", "it is not a pre-requisite"),
    ],
)
def test_advice_the_guidance_links_to_the_worry_is_shown(thresholds, indicator, advice, words):
    check = {"indicators": [indicator], "age": 14, "answers": {**NO_RISK, "significant_harm": "yes"}}
    assert advice in [a["id"] for a in api.run_check(thresholds, check)["advice"]]
    assert words in " ".join(shown(thresholds, check).split())


def test_not_sure_with_no_listed_worry_never_ends_at_close_the_contact(thresholds):
    check = {"indicators": [], "age": 6, "answers": {**NO_RISK, "significant_harm": "unsure"}}
    result = api.run_check(thresholds, check)
    assert (result["level"], result["route"], result["unsure"]) == (None, None, ["significant_harm"])
    text = " ".join(shown(thresholds, check).split())
    assert "seek safeguarding supervision or have a conversation as soon as possible" in text
    assert "designated safeguarding lead" in text and "01634 334466" in text
    assert "close the contact" not in text


# ---- 7. Claims the guidance does not make ---------------------------------------------------------


def test_strengths_are_the_checkers_mechanic_not_the_guidances(thresholds):
    check = {
        "indicators": ["l2-bereavement", "l1-resilient"],
        "age": 8,
        "answers": {**NO_RISK, "significant_harm": "no"},
    }
    text = shown(thresholds, check)
    assert "The checker records the strengths you chose for the referral. It never lowers a level" in text


def test_the_summary_never_states_a_brag_rating_as_the_referrers(thresholds):
    for check in (
        {"indicators": ["l3-suspicious-injury"], "age": 3, "answers": {**NO_RISK, "significant_harm": "yes"}},
        {"indicators": ["l2-bereavement"], "age": 3, "answers": {**NO_RISK, "significant_harm": "no"}},
    ):
        assert "BRAG" not in api.run(thresholds, check)["summary"]


def test_about_describes_the_sources_accurately(thresholds):
    source = " ".join(thresholds.document.source.split())
    assert "a referral to Medway or Kent Children's Services" in source
    # Seed 004, a blog post on another MASH, is not Medway's: the file takes nothing from it.
    assert "De Jager" not in source and "how it works" not in source


def test_training_speaks_of_the_answer_key_never_the_guidances_answer(thresholds):
    for scenario in thresholds.scenarios:
        out = training.debrief(thresholds, scenario.id, {"indicators": [], "answers": {}}, None)
        for difference in out["differences"]:
            assert "guidance’s answer" not in difference["text"] and "The guidance reaches" not in difference["text"]
        assert out["differences"][0]["text"].startswith("You did not choose a level. The answer key is ")


# ---- 8. Training ----------------------------------------------------------------------------------


def test_a_scenario_accepts_every_route_the_guidance_leaves_open(thresholds):
    open_ = thresholds.scenario("allocated-social-worker")
    assert [r.id for r in open_.routes] == ["child-in-need", "child-protection"]
    out = training.debrief(thresholds, open_.id, {"indicators": [], "answers": {}}, "child-protection")
    assert out["commit_matches"] is True
    assert training.verify(thresholds) == []


# ---- Found by a fresh review as a DSL would use it ---------------------------------------------


def test_a_no_to_significant_harm_that_a_rule_overrules_is_said_not_silent(thresholds):
    check = {"indicators": ["l2-domestic-abuse"], "unborn": True, "answers": {**NO_RISK, "significant_harm": "no"}}
    answer = api.run(thresholds, check)
    assert answer["result"]["route"] == "child-protection"
    text = " ".join(to_text(answer["view"] + answer["view_more"]).split())
    assert "A rule of the guidance decides this route whatever that answer. Check your answer" in text
    assert "decides this route whatever that answer" in answer["summary"]


def test_while_the_route_is_open_the_advice_about_not_sure_comes_before_advice_about_consent(thresholds):
    check = {
        "indicators": ["l3-private-fostering"],
        "age": 8,
        "answers": {**NO_RISK, "significant_harm": "unsure", "consent": "not-sought"},
    }
    advice = [a["id"] for a in api.run_check(thresholds, check)["advice"]]
    assert advice[0] == "significant-harm-unsure" and advice[-1] == "no-consent-for-child-in-need"


def test_on_child_protection_the_consent_step_comes_after_the_call_and_the_referral(thresholds):
    check = {"indicators": ["l3-suspicious-injury"], "age": 9, "answers": {**NO_RISK, "significant_harm": "yes"}}
    lines = api.result_text(thresholds, check).splitlines()
    consent_at = next(n for n, line in enumerate(lines) if "seek their consent" in line)
    assert any("by telephone" in line for line in lines[:consent_at])
    assert any("online portal" in line for line in lines[:consent_at])
    # It says whose words follow, and nothing the guidance does not say (audit N3: "once you have telephoned
    # and made the referral" contradicted the sentence it introduced, consent "to make a contact and referral").
    assert lines[consent_at].split(". ", 1)[1].startswith("About consent, the guidance says: You should discuss")


def test_a_consent_step_shows_the_answer_already_given(thresholds):
    check = {
        "indicators": ["l2-bereavement"],
        "age": 8,
        "answers": {**NO_RISK, "significant_harm": "no", "consent": "given"},
    }
    text = api.result_text(thresholds, check)
    assert "(Your answer: consent given.)" in text


def test_continue_is_told_which_answers_the_result_still_needs(thresholds):
    required = api.page_answer(thresholds, {"indicators": ["l2-bereavement"]})["required"]
    assert [r["field"] for r in required] == ["age", "immediate_risk", "significant_harm"]
    assert required[0]["message"] == "Enter the child’s age in years, or tick that the child is not born yet"
    assert required[1]["message"].startswith("Answer the question: Is the child at")


def test_a_confirmed_answer_records_the_referrers_reason(thresholds):
    check = {
        "indicators": ["l3-fabricated-illness"],
        "age": 4,
        "answers": {**NO_RISK, "significant_harm": "no"},
        "confirmed": ["l3-fabricated-illness"],
        "confirm_note": "known medical condition, confirmed by the consultant",
    }
    summary = api.run(thresholds, check)["summary"]
    assert "My reason: known medical condition, confirmed by the consultant" in summary


def test_consent_advice_follows_the_rest_unless_the_route_says_consent_is_required():
    """A route whose file does not say whether consent is required is treated as one that may not need
    it, as its steps are (rules.safe_order): advice that seeks consent never comes first."""
    from types import SimpleNamespace

    from levels_of_need.rules import safe_advice

    consent, other = SimpleNamespace(seeks_consent=True), SimpleNamespace(seeks_consent=False)
    for route in (None, SimpleNamespace(consent_required=None), SimpleNamespace(consent_required=False)):
        assert safe_advice((consent, other), route) == (other, consent), route
    assert safe_advice((consent, other), SimpleNamespace(consent_required=True)) == (consent, other)
