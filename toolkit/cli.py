"""``python -m toolkit``: validate a thresholds file, list indicators or scenarios, run a check.

Exit codes: 0 success; 1 the thresholds file is invalid; 2 a bad command line
(including an unknown indicator id); ``scenarios --verify`` exits 1 when a
scenario's expected answer differs from the checker's.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from levels_of_need import api, training
from levels_of_need.model import Thresholds
from levels_of_need.questions import QUESTIONS
from levels_of_need.rules import CheckError
from levels_of_need.summary import DETAIL_LABELS

DEFAULT_FILE = "thresholds.yml"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except CheckError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m toolkit", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = sub.add_parser(
        "validate", help="check a thresholds file and its scenarios; exit 1 with one line per problem"
    )
    validate.add_argument("file", nargs="?", default=DEFAULT_FILE)
    validate.set_defaults(run=cmd_validate)

    indicators = sub.add_parser("indicators", help="list every indicator, strengths included")
    _add_common(indicators)
    indicators.set_defaults(run=cmd_indicators)

    scenarios = sub.add_parser(
        "scenarios", help="list the training scenarios; --verify checks them against the checker"
    )
    _add_common(scenarios)
    scenarios.add_argument(
        "--verify", action="store_true", help="exit 1, one line each, if any expected answer differs from the checker"
    )
    scenarios.set_defaults(run=cmd_scenarios)

    dist = sub.add_parser("dist", help="zip the built site for an intranet server, with an nginx snippet")
    dist.add_argument("--site", default="site", help="the built site (make build)")
    dist.add_argument("--out", default="dist", help="where to write the zip and the snippet")
    dist.set_defaults(run=cmd_dist)

    for name, run, helptext in (
        ("check", cmd_check, "suggest a level for the chosen indicator ids and answers"),
        ("summary", cmd_summary, "print the referral summary for a check"),
    ):
        command = sub.add_parser(name, help=helptext)
        _add_common(command)
        _add_check_arguments(command)
        command.set_defaults(run=run)
    summary = sub.choices["summary"]
    summary.add_argument("--markdown", action="store_true", help="Markdown instead of plain text")
    for option, helptext in DETAIL_LABELS.items():
        summary.add_argument(f"--{option.replace('_', '-')}", dest=option, default="", metavar="TEXT", help=helptext)
    return parser


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--thresholds", default=DEFAULT_FILE, metavar="FILE", help="the thresholds file")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def _add_check_arguments(parser: argparse.ArgumentParser) -> None:
    age = parser.add_mutually_exclusive_group()
    age.add_argument("--age", type=int, metavar="YEARS", help="the child's age in whole years")
    age.add_argument("--unborn", action="store_true", help="the child is unborn")
    for question in QUESTIONS:
        parser.add_argument(f"--{question.id.replace('_', '-')}", dest=question.id, choices=question.values)
    parser.add_argument(
        "--confirm",
        action="append",
        default=[],
        metavar="ID",
        help="confirm an answer of 'no' to significant harm beside this indicator, whose words describe harm",
    )
    parser.add_argument(
        "--consent-note", default="", metavar="TEXT", help="why consent was not sought, or what was tried"
    )
    parser.add_argument("--override", metavar="LEVEL_ID", help="the level you think is right instead")
    parser.add_argument("--override-reason", default="", metavar="TEXT")
    parser.add_argument("ids", nargs="*", metavar="ID", help="indicator ids (worries or strengths)")


def load(path: str, verify_scenarios: bool = False) -> Thresholds | None:
    from .load import ThresholdsError, load_file
    from .load.scenarios import load_and_verify

    try:
        return load_and_verify(path) if verify_scenarios else load_file(path)
    except ThresholdsError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None


def check_payload(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "indicators": args.ids,
        "age": args.age,
        "unborn": args.unborn,
        "answers": {q.id: getattr(args, q.id) for q in QUESTIONS if getattr(args, q.id)},
        "confirmed": args.confirm,
        "consent_note": args.consent_note,
        "override": {"level": args.override, "reason": args.override_reason} if args.override else None,
    }


def cmd_validate(args: argparse.Namespace) -> int:
    thresholds = load(args.file, verify_scenarios=True)
    if thresholds is None:
        return 1
    print(
        f"{args.file}: valid. {len(thresholds.levels)} levels, {len(thresholds.indicators)} indicators, "
        f"{len(thresholds.rules)} rules. Version {thresholds.version}."
    )
    return 0


def cmd_indicators(args: argparse.Namespace) -> int:
    thresholds = load(args.thresholds)
    if thresholds is None:
        return 1
    items = api.indicator_list(thresholds)
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    for item in items:
        print(f"L{item['level']}  {item['id']:<36} {item['text']}")
    return 0


def cmd_scenarios(args: argparse.Namespace) -> int:
    thresholds = load(args.thresholds)
    if thresholds is None:
        return 1
    if args.verify:
        problems = training.verify(thresholds)
        for problem in problems:
            print(f"{args.thresholds}: scenario {problem}", file=sys.stderr)
        if problems:
            return 1
        print(f"{args.thresholds}: all {len(thresholds.scenarios)} scenarios agree with the checker.")
        return 0
    items = training.scenario_list(thresholds)
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    if not items:
        print(f"{args.thresholds} has no training scenarios.")
    for item in items:
        print(f"L{item['level']}  {' or '.join(item['routes']):<18} {item['id']:<36} {item['title']}")
    return 0


def cmd_dist(args: argparse.Namespace) -> int:
    from .build.deploy import make_dist  # host only

    try:
        archive, snippet = make_dist(Path(args.site), Path(args.out))
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{archive} ({archive.stat().st_size / 1e6:.1f} MB)\n{snippet}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    thresholds = load(args.thresholds)
    if thresholds is None:
        return 1
    if args.json:
        print(json.dumps(api.run_check(thresholds, check_payload(args)), ensure_ascii=False, indent=2))
    else:
        print(api.result_text(thresholds, check_payload(args)), end="")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    thresholds = load(args.thresholds)
    if thresholds is None:
        return 1
    payload = check_payload(args)
    payload["details"] = {name: getattr(args, name) for name in DETAIL_LABELS}
    both = api.run(thresholds, payload, markdown=args.markdown)
    if args.json:
        print(json.dumps({"summary": both["summary"], **both["result"]}, ensure_ascii=False, indent=2))
    else:
        print(both["summary"], end="")
    return 0


__all__ = ["main"]
