"""`validate` also runs the training scenarios through the checker: a scenario whose expected
answer the checker no longer gives is a problem in the file, reported like any other."""

from __future__ import annotations

from pathlib import Path

from levels_of_need import training
from levels_of_need.model import Thresholds

from .loading import load_with_lines, read_file
from .problems import Problem, ThresholdsError
from .scenario_sets import twin_problems
from .yaml_lines import LineIndex


def load_and_verify(path: str | Path) -> Thresholds:
    """Load and validate the file, then verify its scenarios; ThresholdsError lists every problem."""
    thresholds, lines = load_with_lines(read_file(path), str(path))
    problems = scenario_problems(thresholds, lines, str(path))
    if problems:
        raise ThresholdsError(problems)
    return thresholds


def scenario_problems(thresholds: Thresholds, lines: LineIndex, filename: str) -> list[Problem]:
    index = {scenario.id: i for i, scenario in enumerate(thresholds.scenarios)}
    problems = []
    for text in training.verify(thresholds):
        # training.verify writes "scenario-id: what differs".
        scenario_id, _, message = text.partition(": ")
        path: list[str | int] = ["scenarios", index[scenario_id]] if scenario_id in index else ["scenarios"]
        problems.append(Problem(filename, lines.line(path), lines.name(path), message or text))
    if not problems:
        problems += twin_problems(
            thresholds.data, lambda path, message: Problem(filename, lines.line(path), lines.name(path), message)
        )
    return problems
