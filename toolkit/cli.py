"""``python -m toolkit``: validate a thresholds file, list indicators or scenarios, run a check, build the site.

Exit codes: 0 success; 1 the thresholds file is invalid; 2 a bad command line
(including an unknown indicator id, and a session file ``agreement`` cannot open); ``scenarios --verify`` exits 1 when a
scenario's expected answer differs from the checker's; the site build's stages
(``sources``, ``engine``, ``finish``, ``build``) exit 1 when a stage fails.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from levels_of_need import api, training
from levels_of_need.model import Thresholds
from levels_of_need.questions import QUESTIONS
from levels_of_need.rules import CheckError
from levels_of_need.summary import DETAIL_LABELS

DEFAULT_FILE = "thresholds.yml"
BUILD_FOLDER = "build/sources"  # the site's Markdown and engine config, between the first two stages
PROJECT = Path.cwd()  # the current folder, as for mkdocs: mkdocs.yml, docs/, core/ and node_modules/


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except CheckError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


class OneLineParser(argparse.ArgumentParser):
    """An option's mistake in one line, as every other error here: argparse's usage dump buries it."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} ({self.prog} --help lists the options)\n")


class Once(argparse.Action):
    """An option that takes one answer: given twice, it is refused, never the last one silently kept
    (--significant-harm no --significant-harm yes must not become whichever came last)."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: Any = None
    ) -> None:
        given = getattr(namespace, "_given_once", set())
        if self.dest in given:
            parser.error(f"{option} given twice; give one answer")
        namespace._given_once = given | {self.dest}
        setattr(namespace, self.dest, values)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="python -m toolkit", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = sub.add_parser(
        "validate", help="check a thresholds file and its scenarios; exit 1 with one line per problem"
    )
    validate.add_argument("file", nargs="?", default=DEFAULT_FILE)
    validate.set_defaults(run=cmd_validate)

    new = sub.add_parser("new", help="write a commented starter thresholds file, which validates, to fill in")
    new.add_argument("file", nargs="?", default=DEFAULT_FILE)
    new.set_defaults(run=cmd_new)

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

    agreement = sub.add_parser(
        "agreement", help="how far a training room agreed: the summary of a session saved by the presenter"
    )
    agreement.add_argument("session", metavar="SESSION_FILE", help="a session downloaded from the presenter view")
    _add_common(agreement)
    agreement.set_defaults(run=cmd_agreement)

    schema = sub.add_parser("schema", help="print the thresholds file's JSON Schema, for editors; --out writes it")
    schema.add_argument("--out", metavar="FILE", help="write the schema to FILE instead")
    schema.set_defaults(run=cmd_schema)

    _add_site_commands(sub)

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
        command.add_argument(
            "--language",
            metavar="CODE",
            help="one of the file's declared languages (its code, such as cy), as "
            "that language's self-check reads the file; default: the file's own text",
        )
        command.set_defaults(run=run)
    summary = sub.choices["summary"]
    summary.add_argument("--markdown", action="store_true", help="Markdown instead of plain text")
    for option, helptext in DETAIL_LABELS.items():
        summary.add_argument(
            f"--{option.replace('_', '-')}", action=Once, dest=option, default="", metavar="TEXT", help=helptext
        )
    summary.add_argument(
        "--part",
        action="append",
        default=[],
        metavar="ID=TEXT",
        help="what to write under a part the file's practice framework adds (practice_framework.parts), such as "
        "a danger statement, or a scaling answer as a whole number: --part ID=7",
    )
    return parser


def _add_site_commands(sub: Any) -> None:
    """The site build's three stages, and all three in one (see toolkit/site/write.py, engine.py, build/finish.py)."""
    from .engine import DEFAULT_ENGINE, ENGINES

    def engine_option(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--engine", choices=list(ENGINES), default=DEFAULT_ENGINE, help="the site engine")

    sources = sub.add_parser("sources", help="before the engine: write the site's Markdown and engine config")
    engine_option(sources)
    sources.add_argument("--thresholds", default=DEFAULT_FILE, metavar="FILE", help="the thresholds file")
    sources.add_argument("--out", default=BUILD_FOLDER, help="the build folder to write")
    sources.set_defaults(run=cmd_sources)

    engine = sub.add_parser("engine", help="the engine: turn the build folder's Markdown into HTML")
    engine_option(engine)
    engine.add_argument("--sources", default=BUILD_FOLDER, help="the build folder (python -m toolkit sources)")
    engine.add_argument("--site", default="site", help="where the built site goes (replaced)")
    engine.set_defaults(run=cmd_engine)

    finish = sub.add_parser("finish", help="after the engine: checker, CSP, markup fixes, offline copy, _headers")
    engine_option(finish)
    finish.add_argument("--thresholds", default=DEFAULT_FILE, metavar="FILE", help="the thresholds file")
    finish.add_argument("--site", default="site", help="the engine's built site, finished in place")
    finish.set_defaults(run=cmd_finish)

    build = sub.add_parser("build", help="all three: sources, engine, finish")
    engine_option(build)
    build.add_argument("--thresholds", default=DEFAULT_FILE, metavar="FILE", help="the thresholds file")
    build.add_argument("--out", default=BUILD_FOLDER, help="the build folder for the sources")
    build.add_argument("--site", default="site", help="where the built site goes (replaced)")
    build.set_defaults(run=cmd_build)


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--thresholds", default=DEFAULT_FILE, metavar="FILE", help="the thresholds file")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def _add_check_arguments(parser: argparse.ArgumentParser) -> None:
    age = parser.add_mutually_exclusive_group()
    age.add_argument(
        "--age", action=Once, metavar="AGE", help="the child's age in whole years, or a baby's in months (\"7 months\")"
    )
    age.add_argument("--unborn", action="store_true", help="the child is unborn")
    for question in QUESTIONS:
        parser.add_argument(
            f"--{question.id.replace('_', '-')}", action=Once, dest=question.id, choices=question.values
        )
    parser.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="QUESTION=VALUE",
        help="an answer to a question of the file's own, such as the child's area: --answer area=ID",
    )
    parser.add_argument(
        "--confirm",
        action="append",
        default=[],
        metavar="ID",
        help="confirm an answer of 'no' to significant harm beside this indicator, or this rule, whose words "
        "describe harm; as immediate:ID, an answer of 'no' to immediate risk beside this indicator, or this rule, "
        "whose words name an imminent or immediate risk; or, as age:ID, that this indicator applies although the "
        "checker offers it for another age",
    )
    parser.add_argument(
        "--consent-note", action=Once, default="", metavar="TEXT", help="why consent was not sought, or what was tried"
    )
    parser.add_argument("--override", action=Once, metavar="LEVEL_ID", help="the level you think is right instead")
    parser.add_argument("--override-reason", action=Once, default="", metavar="TEXT", help="why, with --override")
    parser.add_argument("ids", nargs="*", metavar="ID", help="indicator ids (worries or strengths)")


def load(path: str, verify_scenarios: bool = False) -> Thresholds | None:
    from .load import ThresholdsError, load_file
    from .load.scenarios import load_and_verify

    if not Path(path).exists():
        print(
            f"error: {path}: no such file. Run this in the folder that holds the partnership's thresholds.yml, "
            "or give the file with --thresholds FILE.",
            file=sys.stderr,
        )
        return None
    try:
        return load_and_verify(path) if verify_scenarios else load_file(path)
    except ThresholdsError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None


def in_language(thresholds: Thresholds | None, code: str | None) -> Thresholds | None:
    """The thresholds as the self-check of language ``code`` reads them (the file's own without a code)."""
    if thresholds is None or code is None:
        return thresholds
    from .load.schema import load_schema
    from .site.languages import language_builds, thresholds_in

    builds = {build.language.code: build for build in language_builds(dict(thresholds.data))}
    if code not in builds:
        raise CheckError(f"--language {code}: not a language the file declares ({', '.join(builds) or 'none'})")
    return thresholds if not builds[code].folder else thresholds_in(dict(thresholds.data), builds[code], load_schema())


def check_payload(args: argparse.Namespace) -> dict[str, Any]:
    if args.age is not None and not args.age.strip():
        raise CheckError("--age is empty: give the child's age, or leave --age out")
    if args.override is not None and not (args.override.strip() and args.override_reason.strip()):
        raise CheckError("--override needs a level and --override-reason: a view of the level is kept with its reason")
    if twice := sorted({i for i in args.ids if args.ids.count(i) > 1}):
        raise CheckError(f"{', '.join(twice)}: given twice; name each worry or strength once")
    if args.override_reason.strip() and args.override is None:
        raise CheckError("--override-reason is given without --override: say which level you think is right")
    return {
        "indicators": args.ids,
        "age": args.age,
        "unborn": args.unborn,
        "answers": {
            **own_answers(args.answer),
            **{q.id: getattr(args, q.id) for q in QUESTIONS if getattr(args, q.id)},
        },
        "confirmed": args.confirm,
        "consent_note": args.consent_note,
        "override": {"level": args.override, "reason": args.override_reason} if args.override else None,
    }


BUILT_IN = {question.id for question in QUESTIONS}


def own_answers(pairs: Sequence[str]) -> dict[str, str]:
    """--answer QUESTION=VALUE, each as given: the checker says whether the file asks it."""
    answers = {}
    for pair in pairs:
        question, sep, value = pair.partition("=")
        if not sep or not question or not value:
            raise CheckError(f"--answer {pair!r}: write it as QUESTION=VALUE, for example area=north")
        question = question.strip()
        if question in BUILT_IN:
            # Else one question could hold two answers: --significant-harm no beside --answer significant_harm=yes.
            raise CheckError(f"--answer {question}: answer it with --{question.replace('_', '-')}")
        # Two answers to one question would silently keep the last: a practitioner's slip must be seen.
        if question in answers and answers[question] != value.strip():
            raise CheckError(
                f"--answer {question}: answered twice ({answers[question]!r} and {value.strip()!r}); give one answer"
            )
        answers[question] = value.strip()
    return answers


def framework_parts(thresholds: Thresholds, pairs: Sequence[str]) -> dict[str, str]:
    """--part ID=TEXT, each a part the file's practice framework adds, given once (the checker judges a scale)."""
    known = [part.id for part in thresholds.framework_parts]
    typed: dict[str, str] = {}
    for pair in pairs:
        part, sep, text = pair.partition("=")
        part = part.strip()
        if not sep or part not in known:
            adds = f"it adds: {', '.join(known)}" if known else "it adds none"
            raise CheckError(
                f"--part {pair[:40]!r}: write it as ID=TEXT, ID a part the file's practice framework adds ({adds})"
            )
        if part in typed:
            raise CheckError(f"--part {part}: given twice; give it once")
        typed[part] = text
    return typed


def cmd_validate(args: argparse.Namespace) -> int:
    thresholds = load(args.file, verify_scenarios=True)
    if thresholds is None:
        return 1
    print(
        f"{args.file}: valid. {len(thresholds.levels)} levels, {len(thresholds.indicators)} indicators, "
        f"{len(thresholds.rules)} rules. Version {thresholds.version}."
    )
    warn_of_placeholders(thresholds)
    from .load.immediate_words import immediate_risk_warnings
    from .load.named_ages import age_band_warnings
    from .load.scenario_sets import scenario_set_warnings
    from .load.schema import load_schema
    from .load.translations import untranslated_warnings

    warnings = [
        *untranslated_warnings(thresholds.data, load_schema()),
        *scenario_set_warnings(thresholds),
        *age_band_warnings(thresholds),
        *immediate_risk_warnings(thresholds),
    ]
    for warning in warnings:
        print(f"warning: {args.file}: {warning}", file=sys.stderr)
    from .load.loading import indicators_without_everyday_words

    if bare := indicators_without_everyday_words(thresholds):
        have = "indicator has" if len(bare) == 1 else "indicators have"
        print(
            f"warning: {args.file}: {len(bare)} {have} no everyday words, so the self-check's filter "
            f"and the site's search find them only by their wording: {', '.join(bare)}. Give each synonyms "
            "(docs/format.md, “Everyday words”)",
            file=sys.stderr,
        )
    return 0


STARTER = Path(__file__).resolve().parent / "schema" / "starter.yml"
STARTER_PLACEHOLDER = "(replace this)"  # what the starter file's texts say until a partnership writes its own


def warn_of_placeholders(thresholds: Thresholds) -> None:
    """A file can be valid and still hold the starter's texts, or lack what the accessibility statement
    must give: say so, since a site built from it would publish them."""

    from .load.text import strings
    from .site.accessibility import missing_facts

    left = sum(STARTER_PLACEHOLDER in text for _, text in strings(thresholds.data, []))
    if left:
        print(
            f"warning: {left} texts still say “{STARTER_PLACEHOLDER}”: write the partnership's own words "
            "before the site is published",
            file=sys.stderr,
        )
    if missing := missing_facts(thresholds):
        listed = " and ".join([", ".join(missing[:-1]), missing[-1]]) if len(missing) > 1 else missing[0]
        print(
            f"warning: the accessibility statement lacks {listed}, which the public sector accessibility "
            "regulations require: add them under accessibility: (docs/format.md, “The accessibility "
            "statement”) before the site is published",
            file=sys.stderr,
        )


def cmd_new(args: argparse.Namespace) -> int:
    target = Path(args.file)
    if target.exists():
        print(f"error: {target} exists already: nothing written", file=sys.stderr)
        return 2
    from .load.schema import schema_text

    target.write_text(STARTER.read_text(encoding="utf-8"), encoding="utf-8")
    # The starter's first line points editors at the schema beside it, for help as the file is written.
    schema = target.parent / "thresholds.schema.json"
    if not schema.exists():
        schema.write_text(schema_text(), encoding="utf-8")
    print(
        f"{target} written: a starter file that validates (and {schema}, which editors use to help).\n"
        f"Replace every value with your guidance's own words, then check it with: python -m toolkit validate {target}"
    )
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .load.schema import schema_text

    if args.out:
        Path(args.out).write_text(schema_text(), encoding="utf-8")
        print(f"{args.out} written")
    else:
        print(schema_text(), end="")
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


def cmd_agreement(args: argparse.Namespace) -> int:
    """The trainer's summary of a saved session, from the same functions as the presenter's screen."""
    from levels_of_need import training_session

    thresholds = load(args.thresholds)
    if thresholds is None:
        return 1
    try:
        with Path(args.session).open("rb") as file:
            data = file.read(training_session.MAX_BYTES + 1)  # a larger file is refused unread, as on the page
        text = data.decode("utf-8", errors="replace" if len(data) > training_session.MAX_BYTES else "strict")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: {args.session}: cannot read it as a session file ({exc})", file=sys.stderr)
        return 2
    opened = training_session.open_session(thresholds, text)  # a CheckError exits 2 with its words
    figures = training_session.report(thresholds, opened["session"])
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        if opened["thresholds_version"] != thresholds.version:
            print(
                f"note: the session was saved with thresholds version {opened['thresholds_version'] or 'unknown'}; "
                f"the answer keys below are from {thresholds.version}",
                file=sys.stderr,
            )
        print(training_session.summary_text(thresholds, figures), end="")
    return 0


def cmd_dist(args: argparse.Namespace) -> int:
    from .publish.deploy import make_dist  # host only

    try:
        archive, snippet = make_dist(Path(args.site), Path(args.out))
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{archive} ({archive.stat().st_size / 1e6:.1f} MB)\n{snippet}")
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from .site.write import site_sources, write_sources  # host only

    thresholds = load(args.thresholds)
    if thresholds is None:
        return 1
    warn_of_placeholders(thresholds)
    try:
        config = write_sources(site_sources(thresholds), PROJECT, Path(args.out), args.engine)
        written = [config, *write_language_sources(thresholds, Path(args.out), args.engine)]
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for each in written:
        print(f"{each} and {each.parent / 'docs'}/")
    return 0


def write_language_sources(thresholds: Thresholds, out: Path, engine: str) -> list[Path]:
    """Each declared language's sources: the default's configuration rewritten with the language
    switch, each other language's pages and configuration in its own folder (``out/cy``)."""
    from .load.schema import load_schema
    from .site.languages import language_builds, thresholds_in
    from .site.write import site_sources, write_sources

    builds = language_builds(dict(thresholds.data))
    schema = load_schema() if builds else {}
    written = []
    for build in builds:
        in_language = thresholds if not build.folder else thresholds_in(dict(thresholds.data), build, schema)
        written.append(write_sources(site_sources(in_language), PROJECT, out / build.folder, engine, build))
    return written[1:]


def cmd_engine(args: argparse.Namespace) -> int:
    from .engine import EngineError, run_engine  # host only
    from .site.languages import other_folders

    sources, site = Path(args.sources), Path(args.site)
    try:
        log = run_engine(args.engine, sources, site)
        # Each other language's site into its folder of the default's (cy/), as the switch links to it.
        for folder in other_folders(sources):
            log += run_engine(args.engine, sources / folder, site / folder)
    except EngineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(log, end="", file=sys.stderr)
    print(f"{args.site}/ built by {args.engine}")
    return 0


def cmd_finish(args: argparse.Namespace) -> int:
    from .publish.bundle import BundleError  # host only
    from .publish.conformance import MarkupChanged
    from .publish.csp import UnsafePageError
    from .publish.finish import AlreadyFinished, finish_site

    thresholds = load(args.thresholds)
    if thresholds is None:
        return 1
    try:
        finish_site(Path(args.site), thresholds, PROJECT, args.engine)
    except (FileNotFoundError, AlreadyFinished, MarkupChanged, BundleError, UnsafePageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{args.site}/ finished: checker, CSP, markup fixes for {args.engine}, _headers and sw.js")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """The three stages. A site that does not finish is removed: without the last stage its pages
    have no Content-Security-Policy and no checker, yet look ready to publish."""
    import shutil

    from .resources import MissingResource, pyodide_dir

    try:
        pyodide_dir(PROJECT)  # what the last stage needs, asked for before the first one writes anything
    except MissingResource as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    stages = (
        (cmd_sources, {"engine": args.engine, "thresholds": args.thresholds, "out": args.out}),
        (cmd_engine, {"engine": args.engine, "sources": args.out, "site": args.site}),
        (cmd_finish, {"engine": args.engine, "thresholds": args.thresholds, "site": args.site}),
    )
    for number, (stage, options) in enumerate(stages, start=1):
        if (code := stage(argparse.Namespace(**options))) != 0:
            if number == len(stages):
                shutil.rmtree(args.site, ignore_errors=True)
                print(f"{args.site}/ removed: a site that did not finish must not be published", file=sys.stderr)
            return code
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    thresholds = in_language(load(args.thresholds), args.language)
    if thresholds is None:
        return 1
    payload = check_payload(args)
    result = api.run_check(thresholds, payload)
    refuse_needless_confirmations(payload, result)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(api.result_text(thresholds, payload), end="")
    return 0


def refuse_needless_confirmations(payload: dict[str, Any], result: dict[str, Any]) -> None:
    """A --confirm that confirms nothing in this check is a slip (a wrong id, or the wrong prefix): said,
    not ignored, since the practitioner believes an answer was checked that was not."""
    offered = {challenge["confirm"] for challenge in result["challenges"]}
    for confirmation in payload["confirmed"]:
        if confirmation not in offered:
            raise CheckError(
                f"--confirm {confirmation}: no answer in this check contradicts its words, so there is nothing "
                "to confirm by it"
            )


def cmd_summary(args: argparse.Namespace) -> int:
    thresholds = in_language(load(args.thresholds), args.language)
    if thresholds is None:
        return 1
    payload = check_payload(args)
    payload["details"] = {name: getattr(args, name) for name in DETAIL_LABELS} | framework_parts(thresholds, args.part)
    both = api.run(thresholds, payload, markdown=args.markdown)
    if both["detail_problem"]:  # the page shows it beside its box; here it is refused
        raise CheckError(both["detail_problem"]["message"])
    refuse_needless_confirmations(payload, both["result"])
    if args.json:
        print(json.dumps({"summary": both["summary"], **both["result"]}, ensure_ascii=False, indent=2))
    else:
        print(both["summary"], end="")
    return 0


__all__ = ["main"]
