"""Adversarial class cases (A-F) for the safeguarding threshold checker, run as a black box.

Written by a helper who had seen neither the issues' examples nor the code (issue 22's "fix the class"):
every test runs the CLI (`python -m toolkit check|summary`) by its arguments, reading only its exit code and
output: its entry point in this process (tests/toolkit_cli.py), as the other CLI tests do, which spares
about 300 Python starts; the real command in a subprocess is tested by test_validation_fuzz.py and
test_install.py.
Three partnership files are used: Medway's real thresholds.yml, the fictional four-level
Exampleton file, and a third fictional file ("Thirdshire") built by third_partnership.py from
Exampleton's with other level and route names, a harm-describing indicator on a level whose
route requires consent, harm-describing raise and counting rules, an immediate-risk rule read
from an own question, and age-banded worries inside counting rules.

Each test's docstring names its class and why the case is new.
"""

import json
import os
import re
import tempfile

import pytest
import third_partnership
from conftest import ROOT
from toolkit_cli import run_toolkit

pytestmark = pytest.mark.slow(seconds=0.3)  # about 300 runs of the CLI: half a minute in all

CWD = ROOT
MEDWAY = "thresholds.yml"
FICT = "examples/fictional-four-levels.yml"
THIRD = os.path.join(tempfile.mkdtemp(prefix="third-partnership-"), "third-partnership.yml")
third_partnership.build(THIRD)

# answers that leave nothing open, per file (own questions answered)
FICT_OWN = ["--answer", "about-a-professional=no", "--answer", "area=northdale"]
THIRD_OWN = ["--answer", "about-a-professional=no", "--answer", "violent-ex-returning=no", "--answer", "area=northdale"]


def run(cmd, *args, thresholds=None, as_json=True):
    argv = [cmd]
    if thresholds:
        argv += ["--thresholds", thresholds]
    if as_json:
        argv.append("--json")
    argv += [str(a) for a in args]
    return run_toolkit(*argv, cwd=CWD)


def check(*args, thresholds=None):
    p = run("check", *args, thresholds=thresholds)
    assert p.returncode == 0, f"rc={p.returncode} stderr={p.stderr!r}"
    return json.loads(p.stdout)


def text(*args, thresholds=None):
    p = run("check", *args, thresholds=thresholds, as_json=False)
    assert p.returncode == 0, f"rc={p.returncode} stderr={p.stderr!r}"
    return p.stdout


def summary(*args, thresholds=None):
    p = run("summary", *args, thresholds=thresholds, as_json=False)
    assert p.returncode == 0, f"rc={p.returncode} stderr={p.stderr!r}"
    return p.stdout


def assert_clean_error(p, one_line=True):
    out = p.stdout + p.stderr
    assert p.returncode != 0, f"accepted silently (rc=0); stdout starts {p.stdout[:200]!r}"
    assert "Traceback" not in out, out
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert lines, "no error message"
    if one_line:
        assert len(lines) == 1, f"{len(lines)} lines of error: {lines[:3]}..."


def first_action(d):
    """The result's first action: the telephone step where harm may be present, else the first step."""
    if d.get("emergency"):
        return {"seeks_consent": False, "text": "emergency contacts"}
    if d.get("harm_step"):
        return d["harm_step"]
    return d["next_steps"][0] if d["next_steps"] else None


def consent_step_texts(d):
    return [s["text"] for s in d["next_steps"] if s.get("seeks_consent")]


def what_to_do_first(txt):
    m = re.search(r"What to do first\n\n(.*?)(?:\n\n|\Z)", txt, re.S)
    return m.group(1) if m else None


def assert_not_consent_first(d, txt=None):
    first = first_action(d)
    assert first is not None, "no first action although the route is decided"
    assert not first.get("seeks_consent"), f"leads with consent: {first['text'][:120]}"
    if d["next_steps"]:
        assert not d["next_steps"][0].get("seeks_consent"), (
            f"first step seeks consent: {d['next_steps'][0]['text'][:120]}"
        )
    if txt is not None:
        lead = what_to_do_first(txt)
        assert lead is not None, "text shows no 'What to do first'"
        for c in consent_step_texts(d):
            assert c[:60] not in lead, f"text leads with consent step: {lead[:160]}"
        assert "consent" not in lead.lower(), f"text leads with consent: {lead[:160]}"


def assert_undecided(d, txt=None):
    assert d["route"] is None, f"route {d['route']} suggested although undecided"
    assert d["complete"] is False
    assert d["next_steps"] == [], [s["text"][:60] for s in d["next_steps"]]
    if txt is not None:
        assert "Next steps" not in txt
        assert re.search(r"not (yet )?decided|does not suggest", txt), txt[:300]


# ---------------------------------------------------------------- A: the guidance does not decide


def test_A1_medway_unsure_harm_beside_non_harm_level3_worry():
    """A: 'unsure' to significant harm with a Level 3 worry that does not itself describe harm
    (private fostering): CIN or CP depends on the answer. New: a statutory worry with no harm flag."""
    args = [
        "--age",
        8,
        "l3-private-fostering",
        "--significant-harm",
        "unsure",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
    ]
    d = check(*args)
    assert "significant_harm" in d["unsure"]
    assert_undecided(d, text(*args))


def test_A2_medway_strengths_only_harm_unanswered():
    """A: only strengths chosen and significant harm left unanswered: 'yes' would mean child protection,
    so no route (not the universal route). New: no worry at all, the gap is the harm question."""
    args = ["--age", 8, "l1-secure-home", "l1-physically-healthy", "--immediate-risk", "no", "--consent", "given"]
    d = check(*args)
    assert "significant_harm" in d["missing"]
    assert_undecided(d, text(*args))


def test_A3_medway_domestic_abuse_without_age():
    """A: Level 2 domestic abuse with no age: the under-one age rule could make it child protection,
    so the route waits for the age. New: age as the undecided answer, theme-based age rule."""
    args = ["l2-domestic-abuse", "--significant-harm", "no", "--immediate-risk", "no", "--consent", "given"]
    d = check(*args)
    assert "age" in d["missing"]
    assert_undecided(d, text(*args))


def test_A4_medway_underage_sex_without_age():
    """A: underage sexual activity without an age: the under-13 'Statutory rape' rule may apply.
    New: a describes_harm raise rule hidden behind a missing age."""
    args = ["l2-underage-sexual-activity", "--significant-harm", "no", "--immediate-risk", "no", "--consent", "given"]
    d = check(*args)
    assert "age" in d["missing"]
    assert_undecided(d, text(*args))


def test_A5_fictional_tired_without_age():
    """A: Exampleton 'tired' without an age: the toddler age rule decides Level 2 or 3.
    New: the fictional file's age rule, level not route depends on the gap."""
    args = ["tired", "--significant-harm", "no", "--immediate-risk", "no", "--consent", "given", *FICT_OWN]
    d = check(*args, thresholds=FICT)
    assert "age" in d["missing"]
    assert_undecided(d, text(*args, thresholds=FICT))


def test_A6_fictional_count_rule_level_consent_unanswered():
    """A: a counting rule reaches targeted early help (a route that requires consent) and consent is
    unanswered: no route, no steps, and the consent question is named. New: level reached by count."""
    args = ["--age", 8, "tired", "misses-school", "--significant-harm", "no", "--immediate-risk", "no", *FICT_OWN]
    d = check(*args, thresholds=FICT)
    assert "consent" in d["missing"]
    t = text(*args, thresholds=FICT)
    assert_undecided(d, t)
    assert "Does the family know about this request" in t


def test_A7_fictional_level4_consent_unsure():
    """A: Level 4 without harm, consent 'unsure': the child in need route requires consent, so the
    result says it is not sure and suggests nothing. New: unsure (not missing) consent at Level 4."""
    args = [
        "--age",
        3,
        "left-alone",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "unsure",
        *FICT_OWN,
    ]
    d = check(*args, thresholds=FICT)
    assert "consent" in d["unsure"]
    t = text(*args, thresholds=FICT)
    assert_undecided(d, t)
    assert "not sure" in t


def test_A8_third_own_question_unanswered_decides_level():
    """A: Thirdshire's own question 'violent former partner returning' decides Level 4 through a raise
    rule; left unanswered, the result names it and suggests no route. New: own question, own file."""
    args = [
        "--age",
        9,
        "misses-school",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--answer",
        "about-a-professional=no",
        "--answer",
        "area=northdale",
    ]
    d = check(*args, thresholds=THIRD)
    assert "violent-ex-returning" in d["missing"]
    t = text(*args, thresholds=THIRD)
    assert_undecided(d, t)
    assert "violent former partner" in t


def test_A9_third_own_question_unsure():
    """A: the same own question answered 'unsure' cannot decide anything: no route, named as unsure.
    New: unsure own question beside a settled lower level."""
    args = [
        "--age",
        9,
        "misses-school",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--answer",
        "about-a-professional=no",
        "--answer",
        "violent-ex-returning=unsure",
        "--answer",
        "area=northdale",
    ]
    d = check(*args, thresholds=THIRD)
    assert "violent-ex-returning" in d["unsure"]
    assert_undecided(d, text(*args, thresholds=THIRD))


def test_A10_medway_immediate_risk_unsure_shows_999_not_route():
    """A: immediate risk 'unsure' beside a Level 2 worry: no route and no steps, and the emergency
    rule's words are shown. New: the emergency question as the open one."""
    args = ["--age", 8, "l2-bullying", "--significant-harm", "no", "--immediate-risk", "unsure", "--consent", "given"]
    d = check(*args)
    assert "immediate_risk" in d["unsure"]
    t = text(*args)
    assert_undecided(d, t)
    assert "999" in t


def test_A11_medway_support_unsure_advice_depends():
    """A (judgement): help-tried 'unsure' at Level 2, where the guidance's advice (Level 2 not improving)
    depends on it. Own questions in the same position are named as open; this one should be too.
    New: one of the five questions driving advice only."""
    args = [
        "--age",
        8,
        "l2-bullying",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--support-not-improving",
        "unsure",
    ]
    d = check(*args)
    t = text(*args)
    assert d["advice_open"] or "Has help already been tried" in t or "not sure" in t, (
        "the result does not say that advice depends on the unsure answer"
    )


def test_A12_third_age_missing_count_with_banded_worry():
    """A: no age, and a 'two or more' rule met only with a worry banded 10+: the level depends on
    the age, so the result waits. New: age gap interacting with a count and a band."""
    args = [
        "tired",
        "talks-to-strangers-online",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        *THIRD_OWN,
    ]
    d = check(*args, thresholds=THIRD)
    assert "age" in d["missing"]
    assert_undecided(d, text(*args, thresholds=THIRD))


# ---------------------------------------------------------------- B: never lead with consent


def test_B1_medway_fgm_confirmed_no_consent_not_sought():
    """B: FGM/forced marriage chosen, 'no' to harm confirmed, consent not sought: child in need route,
    but the telephone must lead. New: consent-exception worry with a confirmed 'no'."""
    args = [
        "--age",
        14,
        "l3-forced-marriage-hbv-fgm",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "not-sought",
        "--confirm",
        "l3-forced-marriage-hbv-fgm",
    ]
    d = check(*args)
    assert d["route"] == "child-in-need"
    assert_not_consent_first(d, text(*args))


def test_B2_medway_statutory_rape_rule_confirmed_no():
    """B: the Level 2 worry is raised by the describes_harm age rule (under 13) and the 'no' confirmed:
    the telephone leads, not consent. New: level reached by a raise rule, consent given."""
    args = [
        "--age",
        12,
        "l2-underage-sexual-activity",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--confirm",
        "sexual-activity-or-pregnancy-under-13",
    ]
    d = check(*args)
    assert d["level_id"] == "statutory"
    assert_not_consent_first(d, text(*args))


def test_B3_medway_under_one_domestic_abuse_consent_refused():
    """B: an age rule sends Level 2 domestic abuse for a baby to child protection although harm was
    answered 'no': consent must not lead. New: 0-year-old, route reached by age+theme rule."""
    args = [
        "--age",
        0,
        "l2-domestic-abuse",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "refused",
    ]
    d = check(*args)
    assert d["route"] == "child-protection"
    assert_not_consent_first(d, text(*args))


def test_B4_medway_harm_yes_with_override_down():
    """B: 'yes' to harm, but the referrer overrides down to Early Help: the route stays protective and
    consent must not lead. New: override below the harm route."""
    args = [
        "--age",
        8,
        "l2-bullying",
        "--significant-harm",
        "yes",
        "--immediate-risk",
        "no",
        "--consent",
        "refused",
        "--override",
        "early-help",
        "--override-reason",
        "I think it is early help",
    ]
    d = check(*args)
    assert d["route"] == "child-protection"
    assert_not_consent_first(d, text(*args))


def test_B5_medway_harm_yes_no_worries_consent_given():
    """B: 'yes' to harm with no worry ticked and consent given: child protection, telephone first.
    New: the harm answer alone, with consent already given (a tempting consent-first case)."""
    args = ["--age", 8, "--significant-harm", "yes", "--immediate-risk", "no", "--consent", "given"]
    d = check(*args)
    assert d["route"] == "child-protection"
    assert_not_consent_first(d, text(*args))


def test_B6_fictional_exploited_confirmed_no_cin_route():
    """B: Exampleton's child in need route starts with a consent step; exploitation chosen, 'no'
    confirmed: the front-door call must lead. New: fictional file's consent-first route."""
    args = [
        "--age",
        15,
        "exploited",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--confirm",
        "exploited",
        *FICT_OWN,
    ]
    d = check(*args, thresholds=FICT)
    assert d["route"] == "child-in-need-assessment"
    assert_not_consent_first(d, text(*args, thresholds=FICT))


def test_B7_fictional_injury_harm_yes_override_to_level3():
    """B: injury and 'yes' to harm, override to targeted early help (whose route leads with consent):
    consent must not lead. New: override into a consent-first level of the fictional file."""
    args = [
        "--age",
        7,
        "injury",
        "--significant-harm",
        "yes",
        "--immediate-risk",
        "no",
        "--consent",
        "unsure",
        "--override",
        "targeted-early-help",
        "--override-reason",
        "family engaging",
        *FICT_OWN,
    ]
    d = check(*args, thresholds=FICT)
    assert_not_consent_first(d, text(*args, thresholds=FICT))


def test_B8_fictional_toddler_age_rule_harm_yes():
    """B: the level comes from an age rule (tired under 3) and harm is 'yes': protection enquiry,
    telephone first. New: age-rule level combined with harm."""
    args = ["--age", 2, "tired", "--significant-harm", "yes", "--immediate-risk", "no", "--consent", "given", *FICT_OWN]
    d = check(*args, thresholds=FICT)
    assert d["route"] == "protection-enquiry"
    assert_not_consent_first(d, text(*args, thresholds=FICT))


def test_B9_third_harm_counting_rule_confirmed_no():
    """B: a 'two of three' counting rule marked describes_harm reaches Level 4 (needs assessment leads
    with consent); 'no' confirmed: telephone leads. New: harm via a counting rule."""
    args = [
        "--age",
        9,
        "frightening-arguments",
        "parent-low-mood",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--confirm",
        "two-of-three-at-home",
        *THIRD_OWN,
    ]
    d = check(*args, thresholds=THIRD)
    assert d["route"] == "needs-assessment"
    assert_not_consent_first(d, text(*args, thresholds=THIRD))


def test_B10_third_harm_indicator_on_consent_level3():
    """B: a worry that describes harm sits at Level 3 (family support, consent first); 'no' confirmed:
    the call of the harm route must lead. New: harm indicator below the statutory level."""
    args = [
        "--age",
        6,
        "hit-by-parent",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--confirm",
        "hit-by-parent",
        *THIRD_OWN,
    ]
    d = check(*args, thresholds=THIRD)
    assert d["level_id"] == "family-support"
    assert_not_consent_first(d, text(*args, thresholds=THIRD))


def test_B11_third_image_abuse_rule_consent_refused():
    """B: the describes_harm age rule (images, under 12) raises a Level 2 worry to Level 4; 'no'
    confirmed, consent refused: telephone first. New: raise-to-level harm rule in the third file."""
    args = [
        "--age",
        9,
        "shares-images",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "refused",
        "--confirm",
        "images-under-twelve",
        *THIRD_OWN,
    ]
    d = check(*args, thresholds=THIRD)
    assert d["level_id"] == "social-care"
    assert_not_consent_first(d, text(*args, thresholds=THIRD))


def test_B12_third_count_level_harm_yes_override_down():
    """B: a counting rule reaches family support, harm 'yes', override to the strength level: the
    protective route's call leads. New: count + override + harm together in another file."""
    args = [
        "--age",
        11,
        "misses-school",
        "tired",
        "--significant-harm",
        "yes",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--override",
        "doing-well",
        "--override-reason",
        "doing fine",
        *THIRD_OWN,
    ]
    d = check(*args, thresholds=THIRD)
    assert d["route"] == "safeguarding-enquiry"
    assert_not_consent_first(d, text(*args, thresholds=THIRD))


def test_B13_medway_poor_supervision_both_confirmed():
    """B: 'Imminent risk of significant harm due to poor supervision' with both 'no' answers confirmed:
    child in need route, telephone first. New: two confirmations on one worry."""
    args = [
        "--age",
        6,
        "l3-poor-supervision",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--confirm",
        "l3-poor-supervision",
        "--confirm",
        "immediate:l3-poor-supervision",
    ]
    d = check(*args)
    assert d["route"] == "child-in-need"
    assert_not_consent_first(d, text(*args))


def test_B14_medway_out_of_band_harm_worry_confirmed():
    """B: 'under 13 ... (Statutory rape)' chosen for a 14 year old, age and harm 'no' both confirmed:
    the worry still describes harm, so the telephone leads. New: age-confirmed harm worry."""
    args = [
        "--age",
        14,
        "l3-under-13-sex-pregnancy",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--confirm",
        "l3-under-13-sex-pregnancy",
        "--confirm",
        "age:l3-under-13-sex-pregnancy",
    ]
    d = check(*args)
    assert d["route"] == "child-in-need"
    assert_not_consent_first(d, text(*args))


def test_B15_medway_emergency_with_consent_refused():
    """B: immediate risk 'yes' with consent refused: the emergency contacts, never consent, come first.
    New: emergency path with a consent answer present."""
    args = ["--age", 5, "l2-bullying", "--significant-harm", "no", "--immediate-risk", "yes", "--consent", "refused"]
    d = check(*args)
    assert d["emergency"] is True
    assert all(not s.get("seeks_consent") for s in d["next_steps"][:1])
    t = text(*args)
    assert "seek their consent" not in t.split("Why")[0]


# ---------------------------------------------------------------- C: contradictions are challenged


def test_C1_medway_immediate_no_beside_imminent_worry():
    """C: 'Imminent risk ... poor supervision' with immediate risk 'no' (harm 'yes'): challenged, no route;
    confirmed: route, and the confirmation is in the summary. New: immediate challenge with harm yes."""
    base = [
        "--age",
        6,
        "l3-poor-supervision",
        "--significant-harm",
        "yes",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
    ]
    d = check(*base)
    assert any(c["question"] == "immediate_risk" and not c["confirmed"] for c in d["challenges"])
    assert d["route"] is None
    conf = [*base, "--confirm", "immediate:l3-poor-supervision"]
    d2 = check(*conf)
    assert d2["route"] == "child-protection"
    s = summary(*conf)
    assert "confirmed" in s and "Imminent risk of significant harm due to poor supervision" in s


def test_C2_medway_one_of_two_challenges_confirmed():
    """C: both 'no' answers contradict the poor-supervision worry; confirming only the immediate one
    leaves the harm challenge open: still no route. New: partial confirmation."""
    d = check(
        "--age",
        6,
        "l3-poor-supervision",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--confirm",
        "immediate:l3-poor-supervision",
    )
    assert d["route"] is None and d["next_steps"] == []


def test_C3_medway_wrong_kind_of_confirmation():
    """C: harm 'no' beside a suspicious injury, 'confirmed' as immediate:ID instead: the harm challenge
    stays open. New: a confirmation of the wrong kind for the right indicator."""
    p = run(
        "check",
        "--age",
        7,
        "l3-suspicious-injury",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--confirm",
        "immediate:l3-suspicious-injury",
    )
    if p.returncode == 0:
        d = json.loads(p.stdout)
        assert d["route"] is None, "wrong-kind confirmation cleared the harm challenge"


def test_C4_medway_teenage_pregnancy_for_11_year_old():
    """C: 'teenage pregnancy' (13+) chosen for an 11 year old: challenged for age and by the under-13
    rule; no route until both confirmed; summary shows both. New: two challenges from one worry."""
    base = [
        "--age",
        11,
        "l2-teenage-pregnancy",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
    ]
    d = check(*base)
    assert {c["question"] for c in d["challenges"]} >= {"age", "significant_harm"}
    assert d["route"] is None
    d1 = check(*base, "--confirm", "age:l2-teenage-pregnancy")
    assert d1["route"] is None
    full = [*base, "--confirm", "age:l2-teenage-pregnancy", "--confirm", "sexual-activity-or-pregnancy-under-13"]
    assert check(*full)["route"] == "child-in-need"
    s = summary(*full)
    assert "aged 11" in s and "Statutory rape" in s and s.count("confirmed") >= 2


def test_C5_medway_unborn_worry_for_newborn_in_months():
    """C: 'Unborn child placed at risk' for a baby of 0 months (born): challenged for age even with harm
    'yes'. New: a month age against an unborn-only band."""
    d = check(
        "--age",
        "0 months",
        "l3-unborn-at-risk",
        "--significant-harm",
        "yes",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
    )
    assert any(c["question"] == "age" and not c["confirmed"] for c in d["challenges"])
    assert d["route"] is None


def test_C6_medway_homeless_16_17_for_15_year_old():
    """C: '16/17 year old presenting as homeless' for a 15 year old: no route until confirmed; the
    confirmation is in the summary. New: upper-teen band, child just below it."""
    base = [
        "--age",
        15,
        "l3-16-17-homeless",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
    ]
    assert check(*base)["route"] is None
    conf = [*base, "--confirm", "age:l3-16-17-homeless"]
    assert check(*conf)["route"] == "child-in-need"
    s = summary(*conf)
    assert "confirmed" in s and "aged 15" in s


def test_C7_fictional_baby_checks_at_one_year():
    """C: 'Missed antenatal or baby health checks' (unborn, under 1) for a 1 year old is challenged,
    while 11 months is not. New: the year boundary of a month-based band."""
    x = ["missed-health-checks", "--significant-harm", "no", "--immediate-risk", "no", "--consent", "given", *FICT_OWN]
    d = check("--age", 1, *x, thresholds=FICT)
    assert any(c["question"] == "age" for c in d["challenges"]) and d["route"] is None
    d2 = check("--age", "11 months", *x, thresholds=FICT)
    assert d2["challenges"] == [] and d2["route"] == "family-help"


def test_C8_fictional_nowhere_to_live_unborn():
    """C: 'A 16 or 17 year old with nowhere safe to live' for an unborn child: challenged, no route.
    New: unborn against a teenage band."""
    d = check(
        "--unborn",
        "nowhere-to-live",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        *FICT_OWN,
        thresholds=FICT,
    )
    assert any(c["question"] == "age" for c in d["challenges"]) and d["route"] is None


def test_C9_fictional_exploited_no_harm_summary():
    """C: exploitation with harm 'no' in the fictional file: no route until confirmed; the summary
    records the confirmation with the worry's words. New: fictional file, consent refused."""
    base = [
        "--age",
        15,
        "exploited",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "refused",
        *FICT_OWN,
    ]
    assert check(*base, thresholds=FICT)["route"] is None
    s = summary(*base, "--confirm", "exploited", thresholds=FICT)
    assert "confirmed" in s and "Exploited by adults outside the home" in s


def test_C10_third_immediate_risk_rule_from_own_question():
    """C: an own question's 'yes' triggers a rule naming imminent risk, while immediate risk is 'no':
    challenged; confirmed as immediate:RULE, in the summary. New: immediate challenge from a rule."""
    base = [
        "--age",
        9,
        "misses-school",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--answer",
        "about-a-professional=no",
        "--answer",
        "violent-ex-returning=yes",
        "--answer",
        "area=northdale",
    ]
    d = check(*base, thresholds=THIRD)
    assert any(c.get("rule") == "violent-ex" and c["question"] == "immediate_risk" for c in d["challenges"])
    assert d["route"] is None
    s = summary(*base, "--confirm", "immediate:violent-ex", thresholds=THIRD)
    assert "confirmed" in s and "violent former partner is about to return" in s


def test_C11_third_harm_count_rule_challenged():
    """C: a counting rule whose words describe harm, with harm 'no': challenged (no route) until the
    rule id is confirmed; summary quotes it. New: describes_harm on a counting rule."""
    base = [
        "--age",
        9,
        "parent-drink-drugs",
        "parent-low-mood",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        *THIRD_OWN,
    ]
    d = check(*base, thresholds=THIRD)
    assert any(c.get("rule") == "two-of-three-at-home" for c in d["challenges"]) and d["route"] is None
    s = summary(*base, "--confirm", "two-of-three-at-home", thresholds=THIRD)
    assert "confirmed" in s and "child is being harmed" in s


def test_C12_third_teen_worry_for_12_year_old():
    """C: a 13-17 worry chosen for a 12 year old in the third file: challenged, no route; confirmed:
    summary says so. New: band just missed by one year, own-file band."""
    base = [
        "--age",
        12,
        "teen-self-neglect",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        *THIRD_OWN,
    ]
    assert check(*base, thresholds=THIRD)["route"] is None
    s = summary(*base, "--confirm", "age:teen-self-neglect", thresholds=THIRD)
    assert "confirmed" in s and "aged 12" in s


def test_C13_medway_two_harm_worries_one_confirmed():
    """C: two harm worries and harm 'no'; confirming one leaves the other's challenge: no route.
    New: partial confirmation across two indicators."""
    d = check(
        "--age",
        8,
        "l3-suspicious-injury",
        "l3-evidence-of-abuse",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--confirm",
        "l3-suspicious-injury",
    )
    assert d["route"] is None and d["next_steps"] == []


# ---------------------------------------------------------------- D: counting never uses out-of-band worries

THIRD_NO = ["--significant-harm", "no", "--immediate-risk", "no", "--consent", "given", *THIRD_OWN]


def _reason_ids(d):
    return [r["id"] for r in d["reasons"]]


def test_D1_third_two_or_more_with_10plus_worry_at_7():
    """D: 'two or more' met only with a worry banded 10+ for a 7 year old (confirmed): the rule must
    not hold. New: at_least with a banded member, own file."""
    d = check(
        "--age",
        7,
        "tired",
        "talks-to-strangers-online",
        "--confirm",
        "age:talks-to-strangers-online",
        *THIRD_NO,
        thresholds=THIRD,
    )
    assert "two-or-more-emerging" not in _reason_ids(d)
    assert d["level_id"] == "extra-support"


def test_D2_third_theme_count_with_out_of_band_theme():
    """D: a theme count ('online' and 'school') where the only online worry is out of band: the theme
    must not count. New: counting by themes, not ids."""
    d = check(
        "--age",
        7,
        "misses-school",
        "talks-to-strangers-online",
        "--confirm",
        "age:talks-to-strangers-online",
        *THIRD_NO,
        thresholds=THIRD,
    )
    assert "online-and-school" not in _reason_ids(d)
    assert "two-or-more-emerging" not in _reason_ids(d)


def test_D3_third_all_of_with_out_of_band_member():
    """D: 'all of' (teen self-neglect and out late) for a 12 year old: the banded member cannot count.
    New: all_of rather than at_least."""
    d = check(
        "--age",
        12,
        "teen-self-neglect",
        "hangs-around-late",
        "--confirm",
        "age:teen-self-neglect",
        *THIRD_NO,
        thresholds=THIRD,
    )
    assert "teen-and-arguments" not in _reason_ids(d)
    assert d["level_id"] != "social-care"


def test_D4_third_unborn_with_10plus_worry():
    """D: an unborn child with 'tired' and a 10+ worry: no count. New: unborn against an at_least band."""
    d = check(
        "--unborn",
        "tired",
        "talks-to-strangers-online",
        "--confirm",
        "age:talks-to-strangers-online",
        *THIRD_NO,
        thresholds=THIRD,
    )
    assert "two-or-more-emerging" not in _reason_ids(d)


def test_D5_third_month_age_with_10plus_worry():
    """D: a baby of 7 months with 'tired' and a 10+ worry: the toddler rule applies, the count must
    not. New: month age against a years band inside a count."""
    d = check(
        "--age",
        "7 months",
        "tired",
        "talks-to-strangers-online",
        "--confirm",
        "age:talks-to-strangers-online",
        *THIRD_NO,
        thresholds=THIRD,
    )
    assert "two-or-more-emerging" not in _reason_ids(d)
    assert "toddler-tired" in _reason_ids(d)


def test_D6_third_baby_band_worry_for_4_year_old():
    """D: a baby-only worry (unborn or under 1) counted with 'tired' for a 4 year old: no count; the
    same pair for an unborn child does count (control). New: unborn/under-1 band inside a count."""
    d = check("--age", 4, "tired", "baby-not-feeding", "--confirm", "age:baby-not-feeding", *THIRD_NO, thresholds=THIRD)
    assert "two-or-more-emerging" not in _reason_ids(d)
    d2 = check("--unborn", "tired", "baby-not-feeding", *THIRD_NO, thresholds=THIRD)
    assert "two-or-more-emerging" in _reason_ids(d2)


def test_D7_third_in_band_control_age_11():
    """D (control): the same pair at 11, inside the band, does meet both counting rules, so D1/D2 are
    meaningful. New: boundary check just inside the band."""
    d = check("--age", 11, "misses-school", "talks-to-strangers-online", *THIRD_NO, thresholds=THIRD)
    assert "two-or-more-emerging" in _reason_ids(d) and "online-and-school" in _reason_ids(d)


def test_D8_fictional_duplicate_id_not_two_worries():
    """D: the same worry given twice ('tired tired') must never satisfy 'two or more' (it should be
    refused, F). New: duplicate ids against a count."""
    p = run(
        "check",
        "--age",
        8,
        "tired",
        "tired",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        *FICT_OWN,
        thresholds=FICT,
    )
    if p.returncode == 0:
        assert "two-or-more-emerging" not in _reason_ids(json.loads(p.stdout))


# ---------------------------------------------------------------- E: every answer is in the summary


@pytest.mark.parametrize(
    "sw,label",
    [
        ("none", "Does the child have a social worker? No"),
        ("allocated", "allocated social worker"),
        ("recent", "within the past 12 weeks"),
        ("unsure", "Does the child have a social worker? I am not sure"),
    ],
)
def test_E1_medway_social_worker_each_answer(sw, label):
    """E: each social worker answer, including Medway's reworded 'recent', appears in the summary.
    New: all four values, with the partnership's own option wording."""
    s = summary(
        "--age",
        8,
        "l2-bullying",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--social-worker",
        sw,
    )
    assert label in s


def test_E2_medway_unsure_harm_and_immediate_in_summary():
    """E: 'not sure' to harm and to immediate risk (an undecided result) both appear in the summary.
    New: unsure answers on an incomplete check."""
    s = summary("--age", 8, "l2-bullying", "--significant-harm", "unsure", "--immediate-risk", "unsure")
    assert "significant harm? I am not sure" in s
    assert "risk of harm now? I am not sure" in s


def test_E3_medway_consent_note_not_sought():
    """E: consent not sought, with the reason: both in the summary. New: not-sought with a note."""
    s = summary(
        "--age",
        8,
        "l3-forced-marriage-hbv-fgm",
        "--significant-harm",
        "yes",
        "--immediate-risk",
        "no",
        "--consent",
        "not-sought",
        "--consent-note",
        "Asking would alert the family (NOTE-E3)",
    )
    assert "Consent not sought" in s and "NOTE-E3" in s


@pytest.mark.parametrize("val,shown", [("yes", "Yes"), ("no", "No"), ("unsure", "I am not sure")])
def test_E4_fictional_own_question_each_answer(val, shown):
    """E: Exampleton's own question, each answer, appears with its words. New: own question values."""
    s = summary(
        "--age",
        8,
        "tired",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--answer",
        f"about-a-professional={val}",
        thresholds=FICT,
    )
    assert f"Is the concern about someone who works with children? (fictional) {shown}" in s


def test_E5_fictional_area_in_summary():
    """E: the child's area (Southwick) appears in the summary. New: the area answer."""
    s = summary(
        "--age",
        8,
        "tired",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--answer",
        "about-a-professional=no",
        "--answer",
        "area=southwick",
        thresholds=FICT,
    )
    assert "Southwick (fictional)" in s


def test_E6_third_three_kinds_of_confirmation():
    """E: age, immediate-risk and harm-rule confirmations in one check all appear in the summary.
    New: every confirmation kind together, all from rules/bands of the third file."""
    s = summary(
        "--age",
        9,
        "shares-images",
        "talks-to-strangers-online",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "refused",
        "--answer",
        "about-a-professional=no",
        "--answer",
        "violent-ex-returning=yes",
        "--answer",
        "area=southwick",
        "--confirm",
        "images-under-twelve",
        "--confirm",
        "immediate:violent-ex",
        "--confirm",
        "age:talks-to-strangers-online",
        thresholds=THIRD,
    )
    assert s.count("You confirmed") + s.count("I confirmed") >= 3
    assert "violent former partner about to return to the home? (fictional third) Yes" in s


def test_E7_medway_override_level_and_reason():
    """E: the referrer's own view of the level and the reason both appear. New: override upward."""
    s = summary(
        "--age",
        8,
        "l2-bullying",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--override",
        "statutory",
        "--override-reason",
        "REASON-E7 repeated incidents",
    )
    assert "Level 3: Statutory Social Care" in s and "REASON-E7" in s


def test_E8_medway_override_reason_without_override():
    """E/F: an override reason given without an override level: it must appear in the summary or be
    refused; it must not vanish. New: orphan override reason."""
    p = run(
        "summary",
        "--age",
        8,
        "l2-bullying",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--override-reason",
        "ORPHAN-E8",
        as_json=False,
    )
    if p.returncode == 0:
        assert "ORPHAN-E8" in p.stdout, "override reason silently dropped from the summary"


def test_E9_medway_support_not_improving_no():
    """E: 'no' to help already tried appears (as Medway words it). New: the tried part of the summary."""
    s = summary(
        "--age",
        8,
        "l2-bullying",
        "--significant-harm",
        "no",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        "--support-not-improving",
        "no",
    )
    assert "Has help already been tried without enough improvement? No" in s


def test_E10_fictional_harm_yes_via_answer_not_lost():
    """E/F: '--significant-harm no' and '--answer significant_harm=yes' together: the 'yes' must be
    refused as a contradiction or shown; here the summary must not silently say only 'No'.
    New: the same question answered through two options."""
    p = run(
        "summary",
        "--age",
        8,
        "tired",
        "--significant-harm",
        "no",
        "--answer",
        "significant_harm=yes",
        "--immediate-risk",
        "no",
        "--consent",
        "given",
        *FICT_OWN,
        thresholds=FICT,
        as_json=False,
    )
    if p.returncode == 0:
        assert "significant harm? Yes" in p.stdout, "the 'yes' to significant harm vanished"


def test_E11_medway_emergency_summary_keeps_other_answers():
    """E: an emergency (immediate risk 'yes') summary still carries consent, the note, the social
    worker and help tried. New: answers on the emergency path."""
    s = summary(
        "--age",
        "7 months",
        "l2-bullying",
        "--immediate-risk",
        "yes",
        "--significant-harm",
        "yes",
        "--support-not-improving",
        "yes",
        "--consent",
        "refused",
        "--consent-note",
        "NOTE-E11",
        "--social-worker",
        "allocated",
    )
    for want in [
        "Consent refused",
        "NOTE-E11",
        "allocated social worker",
        "Has help already been tried without enough improvement? Yes",
        "Age: 7 months",
    ]:
        assert want in s, want


def test_E12_medway_consent_note_without_consent_answer():
    """E: a consent note with consent unanswered still appears. New: note without the answer."""
    s = summary(
        "--age",
        8,
        "l2-bullying",
        "--immediate-risk",
        "no",
        "--significant-harm",
        "no",
        "--consent-note",
        "NOTE-E12 parents abroad",
    )
    assert "NOTE-E12" in s


# ---------------------------------------------------------------- F: hostile CLI input

BASE = ["l2-bullying", "--significant-harm", "no", "--immediate-risk", "no", "--consent", "given"]


# "007" and "00" are not here: leading zeros read as the number they write (7, 0), which is what was meant.
@pytest.mark.parametrize(
    "age", ["7.0", "0x7", "-1", "19", "\u0667", "\uff17", "+7", "1e1", "12 months", "7 years", "-0"]
)
def test_F1_medway_odd_ages(age):
    """F: odd ages (decimals, hex, negative, over range, Arabic-Indic and fullwidth digits,
    sign, exponent, 12 months, units in years, minus zero) give one error line. New: the set of spellings."""
    assert_clean_error(run("check", "--age", age, *BASE))


def test_F2_third_age_18_out_of_range():
    """F: 18 in a partnership whose guidance stops at 17. New: range from the third file."""
    assert_clean_error(run("check", "--age", "18", "tired", thresholds=THIRD))


def test_F3_medway_empty_age():
    """F (judgement): '--age ""' is not an age; it must be refused, not treated as 'no age given'.
    New: empty string."""
    assert_clean_error(run("check", "--age", "", *BASE))


def test_F4_medway_duplicate_indicator_ids():
    """F: the same id twice is refused. New: duplicate worries."""
    assert_clean_error(
        run(
            "check",
            "--age",
            8,
            "l3-suspicious-injury",
            "l3-suspicious-injury",
            "--significant-harm",
            "yes",
            "--immediate-risk",
            "no",
            "--consent",
            "given",
        )
    )


def test_F5_fictional_unknown_id_from_another_file():
    """F: a Medway id used with the fictional file is unknown there. New: cross-file id."""
    assert_clean_error(run("check", "--age", 8, "l2-bullying", thresholds=FICT))


def test_F6_medway_confirm_indicator_not_chosen():
    """F: confirming an indicator that was not chosen does not apply. New: stray confirmation."""
    assert_clean_error(run("check", "--age", 8, *BASE, "--confirm", "l3-suspicious-injury"))


def test_F7_medway_confirm_immediate_on_non_immediate_worry():
    """F: immediate:ID for a worry whose words name no immediate risk. New: wrong-kind confirm id."""
    assert_clean_error(run("check", "--age", 8, *BASE, "--confirm", "immediate:l2-bullying"))


def test_F8_medway_confirm_age_in_band():
    """F: age:ID for an indicator with no age band (nothing to confirm). New: needless age confirm."""
    assert_clean_error(run("check", "--age", 8, *BASE, "--confirm", "age:l2-bullying"))


def test_F9_medway_confirm_when_harm_answered_yes():
    """F: confirming a 'no' to harm when the answer was 'yes' (no challenge exists). New."""
    assert_clean_error(
        run(
            "check",
            "--age",
            7,
            "l3-suspicious-injury",
            "--significant-harm",
            "yes",
            "--immediate-risk",
            "no",
            "--consent",
            "given",
            "--confirm",
            "l3-suspicious-injury",
        )
    )


def test_F10_medway_unknown_override_level():
    """F: an override naming no level ('nope') is refused by check (summary refuses it already).
    New: unknown override level on the check command."""
    assert_clean_error(run("check", "--age", 8, *BASE, "--override", "nope", "--override-reason", "x"))


def test_F11_medway_override_case_variant():
    """F: '--override Statutory' (wrong case) is not a level id. New: case variant of a real id."""
    assert_clean_error(run("check", "--age", 8, *BASE, "--override", "Statutory"))


def test_F12_medway_age_given_twice():
    """F: two different ages are a contradiction, not 'last one wins'. New: duplicate option."""
    assert_clean_error(run("check", "--age", 8, "--age", 15, *BASE))


def test_F13_fictional_harm_answer_twice_through_answer():
    """F: '--significant-harm no' plus '--answer significant_harm=yes' answers one question twice with
    different values; own questions answered twice are refused, so this must be too. New."""
    assert_clean_error(
        run(
            "check",
            "--age",
            8,
            "tired",
            "--significant-harm",
            "no",
            "--answer",
            "significant_harm=yes",
            "--immediate-risk",
            "no",
            "--consent",
            "given",
            *FICT_OWN,
            thresholds=FICT,
        )
    )


def test_F14_medway_harm_option_twice():
    """F: '--significant-harm no --significant-harm yes' is refused, not resolved silently. New."""
    assert_clean_error(
        run(
            "check",
            "--age",
            8,
            "l2-bullying",
            "--significant-harm",
            "no",
            "--significant-harm",
            "yes",
            "--immediate-risk",
            "no",
            "--consent",
            "given",
        )
    )


def test_F15_medway_bad_choice_one_line():
    """F (judgement on 'one line'): '--consent maybe' gives one clear error line, not a usage dump.
    New: an argparse choice error."""
    assert_clean_error(run("check", "--age", 8, "l2-bullying", "--consent", "maybe"))


def test_F16_medway_age_and_unborn():
    """F (judgement on 'one line'): '--age 3 --unborn' gives one clear error line. New."""
    assert_clean_error(run("check", "--age", 3, "--unborn", "l2-bullying"))


def test_F17_fictional_own_question_bad_value_and_case():
    """F: an own question answered 'maybe', or named in capitals, is refused with one line. New."""
    assert_clean_error(run("check", "--age", 8, "tired", "--answer", "about-a-professional=maybe", thresholds=FICT))
    assert_clean_error(run("check", "--age", 8, "tired", "--answer", "About-A-Professional=yes", thresholds=FICT))


def test_F18_medway_override_reason_without_override():
    """F: an override reason with no override level is silently accepted and lost. New."""
    assert_clean_error(run("check", "--age", 8, *BASE, "--override-reason", "no level given"))


def test_F19_medway_strength_twice():
    """F: duplicate strength ids. New: duplicates among strengths (no level effect, still a bad input)."""
    assert_clean_error(
        run(
            "check",
            "--age",
            8,
            "l1-secure-home",
            "l1-secure-home",
            "--significant-harm",
            "no",
            "--immediate-risk",
            "no",
        )
    )


def test_F20_medway_thresholds_is_directory():
    """F: '--thresholds /tmp' (a directory): one clear line, non-zero, no traceback. New."""
    assert_clean_error(run("check", "--age", 8, *BASE, thresholds="/tmp"))


def test_F21_medway_unknown_override_without_reason():
    """F: '--override nope' with no reason is dropped silently by check (with a reason it is refused).
    New: the same bad level, differing only in the reason's presence."""
    assert_clean_error(run("check", "--age", 8, *BASE, "--override", "nope"))


def test_F22_medway_empty_override():
    """F: '--override ""' names no level. New: empty override value."""
    assert_clean_error(run("check", "--age", 8, *BASE, "--override", ""))
