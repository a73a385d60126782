"""The CLI end to end, through a subprocess."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml_data
from conftest import EXAMPLE_FILE, ROOT
from toolkit_cli import run_toolkit


def toolkit(*args: str) -> subprocess.CompletedProcess[str]:
    return run_toolkit(*args)


def test_validate_the_real_file():
    run = toolkit("validate")
    assert run.returncode == 0
    assert "3 levels, 95 indicators" in run.stdout


def test_every_scenario_agrees_with_the_checker(partnership_file):
    """`make test` ran this command for each partnership before pytest; it is a test now, in process."""
    run = toolkit("scenarios", "--verify", "--thresholds", str(partnership_file))
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"{partnership_file.name}: all " in run.stdout and " scenarios agree with the checker." in run.stdout


def test_indicators_json_lists_every_indicator_with_level_numbers(thresholds):
    run = toolkit("indicators", "--json")
    assert run.returncode == 0
    items = json.loads(run.stdout)
    assert len(items) == len(thresholds.indicators) == 95
    assert {"id", "level", "domain", "text"} <= set(items[0])
    assert {i["level"] for i in items} == {1, 2, 3}
    first = next(i for i in items if i["id"] == "l1-good-attendance")
    assert (first["level"], first["domain"], first["text"]) == (
        1,
        "child-development",
        "Good education attendance (over 90%)",
    )


def test_check_json_has_the_promised_keys():
    run = toolkit("check", "--json", "--age", "0", "--immediate-risk", "no", "l2-domestic-abuse")
    assert run.returncode == 0
    result = json.loads(run.stdout)
    assert {"complete", "missing", "level", "route", "reasons", "next_steps", "advice", "challenges"} <= set(result)
    assert {"thresholds_version", "unsure", "level_settled"} <= set(result)
    assert (result["complete"], result["missing"]) == (True, [])
    assert (result["level"], result["route"]) == (3, "child-protection")
    assert "brag" not in result  # the MASH manager confirms a BRAG rating (seed 004), not the referrer


def test_check_json_says_what_is_still_missing_and_shows_no_route():
    result = json.loads(toolkit("check", "--json", "--age", "7", "l3-suspicious-injury").stdout)
    assert (result["complete"], result["route"], result["level"]) == (False, None, 3)
    assert result["missing"] == ["immediate_risk", "significant_harm"]
    assert result["next_steps"] == []


def test_check_accepts_strengths_and_every_answer():
    run = toolkit(
        "check",
        "--json",
        "--unborn",
        "--significant-harm",
        "no",
        "--consent",
        "refused",
        "--consent-note",
        "asked twice",
        "--social-worker",
        "none",
        "--support-not-improving",
        "yes",
        "--immediate-risk",
        "no",
        "l1-supportive-networks",
        "l2-poor-housing",
    )
    result = json.loads(run.stdout)
    # Consent refused: the route that requires it is held back (issue 22, W1), its level still given.
    assert (result["level"], result["route"], result["complete"]) == (2, None, False)
    assert result["consent_route"] == "early-help" and result["next_steps"] == []
    assert result["strengths"] == ["l1-supportive-networks"]
    # "May need" is advice, never a raise: it is shown, the level stays.
    assert {"early-help-not-improving", "no-consent-for-early-help"} <= {a["id"] for a in result["advice"]}


def test_unknown_id_exits_2_with_close_matches():
    run = toolkit("check", "--json", "l3-non-mobile-bruise")
    assert run.returncode == 2
    assert "unknown indicator 'l3-non-mobile-bruise'" in run.stderr
    assert "l3-non-mobile-bruising" in run.stderr
    assert run.stdout == ""


def test_bad_answer_value_exits_2():
    run = toolkit("check", "--significant-harm", "maybe")
    assert run.returncode == 2
    assert "invalid choice" in run.stderr


def test_human_output_is_readable():
    run = toolkit("check", "l3-suspicious-injury", "--age", "9", "--immediate-risk", "no", "--significant-harm", "yes")
    assert run.returncode == 0
    assert run.stdout.startswith("Suggested level: Level 3: Statutory Social Care, Child protection (s.47).\n")
    # What to do first leads, in a box of its own on the page; as text, its own paragraph after the level.
    assert "\n\nWhat to do first\n\nTelephone 01634 334466 now.\n\nImmediate safeguarding concerns" in run.stdout
    assert "01634 334466" in run.stdout
    assert "{" not in run.stdout
    assert run.stdout.rstrip().endswith(").") and "Thresholds version 1.0 (" in run.stdout


def test_summary_prints_the_referral_summary():
    run = toolkit(
        "summary",
        "--age",
        "9",
        "--worry",
        "bruises seen twice",
        "--override",
        "early-help",
        "--override-reason",
        "known to school",
        "l3-suspicious-injury",
    )
    assert run.returncode == 0
    assert "bruises seen twice" in run.stdout
    assert "My reason: known to school" in run.stdout
    assert "[Child’s name]" in run.stdout


def test_summary_markdown():
    run = toolkit("summary", "--markdown", "l2-bereavement")
    assert run.stdout.startswith("# Referral summary: Medway Safeguarding Children Partnership")
    assert "\n## 1. Does the person with parental responsibility" in run.stdout


def test_summary_markdown_keeps_typed_text_literal():
    typed = "<img src=x onerror=alert(1)> [click](javascript:alert(1))\n# Fake heading\n- fake item"
    run = toolkit("summary", "--markdown", "--worry", typed, "l2-bereavement")
    assert run.returncode == 0
    assert "<img" not in run.stdout and "](javascript:" not in run.stdout
    assert "&lt;img src=x onerror=alert\\(1\\)&gt; \\[click\\]\\(javascript:alert\\(1\\)\\)" in run.stdout
    assert "\n\\# Fake heading" in run.stdout and "\n\\- fake item" in run.stdout
    assert "\n# Fake heading" not in run.stdout


def test_other_partnership_files_work_through_the_cli():
    listed = json.loads(toolkit("indicators", "--json", "--thresholds", str(EXAMPLE_FILE)).stdout)
    own = yaml_data.read(EXAMPLE_FILE)["indicators"]
    assert [item["id"] for item in listed] == [item["id"] for item in own]
    assert all(item["text"].endswith("(fictional)") for item in listed)
    checked = json.loads(
        toolkit(
            "check",
            "--json",
            "--thresholds",
            str(EXAMPLE_FILE),
            "--age",
            "20",
            "--immediate-risk",
            "no",
            "--significant-harm",
            "yes",
            "injury",
        ).stdout
    )
    assert (checked["level"], checked["route"]) == (4, "protection-enquiry")
    assert checked["thresholds_version"].startswith("0.9-example (")


def test_invalid_thresholds_file_exits_1(tmp_path):
    bad = tmp_path / "t.yml"
    bad.write_text("format: 2\n", encoding="utf-8")
    run = toolkit("check", "--thresholds", str(bad))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr


def test_a_build_that_does_not_finish_leaves_no_site_behind(tmp_path, monkeypatch, capsys):
    """Pages without the finish stage have no Content-Security-Policy and no checker, yet look ready to
    publish: a build whose last stage fails removes them."""
    from toolkit import cli

    def engine(args) -> int:  # the first two stages as they end: pages written, not yet finished
        (Path(args.site) / "check").mkdir(parents=True)
        (Path(args.site) / "index.html").write_text("<!doctype html><title>Ready-looking</title>", encoding="utf-8")
        return 0

    # The stages themselves are the site builds' to test (a whole site build here cost `make check` a minute).
    monkeypatch.setattr(cli, "cmd_sources", lambda args: 0)
    monkeypatch.setattr(cli, "cmd_engine", engine)
    monkeypatch.setattr(cli, "cmd_finish", lambda args: 1)  # as when the page guard refuses a page
    site = tmp_path / "site"
    code = cli.main(
        ["build", "--thresholds", str(ROOT / "thresholds.yml"), "--out", str(tmp_path / "sources"), "--site", str(site)]
    )
    assert code == 1
    assert not site.exists()
    assert "removed: a site that did not finish must not be published" in capsys.readouterr().err


def test_a_missing_thresholds_file_says_how_to_name_it(tmp_path):
    run = run_toolkit("check", "--age", "4", cwd=tmp_path)
    assert run.returncode == 1
    assert "thresholds.yml: no such file" in run.stderr and "--thresholds FILE" in run.stderr
    assert ":1:" not in run.stderr  # no line number for a file that is not there


def test_validate_warns_of_the_starters_texts_left_in_a_valid_file(tmp_path):
    made = run_toolkit("new", cwd=tmp_path)
    assert made.returncode == 0
    run = run_toolkit("validate", "thresholds.yml", cwd=tmp_path)
    assert run.returncode == 0 and "valid." in run.stdout
    assert "texts still say “(replace this)”" in run.stderr
    real = run_toolkit("validate", str(ROOT / "thresholds.yml"))
    assert real.returncode == 0 and "(replace this)" not in real.stderr
    # Medway's file gives no contact or dates for its accessibility statement: said, once, by name.
    assert real.stderr.count("warning") == 1
    assert "the accessibility statement lacks a contact for reporting a problem" in real.stderr
    example = run_toolkit("validate", str(ROOT / "examples" / "fictional-four-levels.yml"))
    assert example.returncode == 0 and "warning" not in example.stderr


def test_one_question_answered_twice_is_refused_not_the_last_kept():
    run = toolkit(
        "check",
        "--thresholds",
        str(EXAMPLE_FILE),
        "--answer",
        "area=northdale",
        "--answer",
        "area=southwick",
    )
    assert run.returncode == 2
    assert "--answer area: answered twice ('northdale' and 'southwick')" in run.stderr
    assert run.stdout == ""


def test_summary_takes_the_parts_a_practice_framework_adds(example):
    # The CLI's words are the page's: the same summary as api.run for the same typed parts.
    typed = {"danger-statement": "D9 typed", "safety-scale": "7"}
    args = [f"--part={part}={text}" for part, text in typed.items()]
    shown = toolkit("summary", "--thresholds", str(EXAMPLE_FILE), "--age", "9", *args)
    assert shown.returncode == 0, shown.stderr
    from levels_of_need import api

    assert shown.stdout == api.run_summary(example, {"age": "9", "details": typed})
    assert "D9 typed" in shown.stdout and "7 on a scale of 0 to 10" in shown.stdout
    for bad, words in (
        (["--part", "safety-scale=eleven"], "Safety scale (fictional): enter a whole number from 0 to 10"),
        (["--part", "danger=x"], "it adds: danger-statement, safety-goal, safety-scale"),
        (["--part", "safety-goal=a", "--part", "safety-goal=b"], "--part safety-goal: given twice"),
    ):
        refused = toolkit("summary", "--thresholds", str(EXAMPLE_FILE), *bad)
        assert refused.returncode == 2 and words in refused.stderr, refused.stderr
    assert "it adds none" in toolkit("summary", "--part", "danger-statement=x").stderr
