"""The golden checks (tests/fixtures/checks.yml): named checks and practice cases for both partnerships,
each with the exact words a user is shown. The core, Pyodide and browser tests all compare against the
same file, so a sentence of the result, "Check your answers", the referral summary or the debrief that
changes wording fails all three until the fixture is regenerated (tests/fixtures/make_checks.py --write)
and the change read by eye.

The words are taken from Python's page answer (api.page_answer) and debrief (training.debrief), which are
what the page and the practice page show: the texts below only join them into lines."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml_data

from levels_of_need.present import to_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "checks.yml"
# The partnership files the fixture names, by the name a check gives.
PARTNERSHIP_FILES = {"medway": ROOT / "thresholds.yml", "example": ROOT / "examples" / "fictional-four-levels.yml"}


def load() -> dict[str, Any]:
    """The fixture: {checks: [...], practice: [...]}."""
    return yaml_data.read(FIXTURE)


def result_text(answer: Mapping[str, Any]) -> str:
    """The result as the page shows it, top and rest, in the CLI's plain text (list markers written out)."""
    return to_text([*answer["view"], *answer["view_more"]])


def answers_text(rows: list[Mapping[str, Any]]) -> str:
    """ "Check your answers": each question on its own line, each of its answer's lines indented under it."""
    return "".join(f"{row['key']}\n" + "".join(f"  {line}\n" for line in row["value"]) for row in rows)


def page_texts(answer: Mapping[str, Any]) -> dict[str, str]:
    """The texts of a check, from api.page_answer's answer."""
    return {
        "result": result_text(answer),
        "check_your_answers": answers_text(answer["answers"]),
        "summary": answer["summary"],
        # Worries chosen for another age than the child's: the notice above the worries ("" where none).
        "age_notice": answer["age_notice"],
    }


def debrief_text(debrief: Mapping[str, Any]) -> str:
    """The debrief as words: the answer key, the learner's own result, and each difference (or that none)."""
    lines = [f"Answer key: {debrief['answer_key']}", f"Your choices: {debrief['yours_label']}"]
    lines += [f"- {difference['text']}" for difference in debrief["differences"]]
    return "\n".join(lines) + "\n"
