"""Load and validate a thresholds file on the host (build time and CLI): read it within its limits,
parse the YAML with lines (yaml_lines.py), check the shape (schema.py), the text (text.py), then what
each part needs of the others (cross_checks.py, its references in one table: references.py).

Each problem is one line naming the file, the line and the path (problems.py). PyYAML and jsonschema
are build-time dependencies: the browser receives JSON that has already passed here and never imports
this package.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from levels_of_need.model import Thresholds, filter_finds, from_dict

from . import limits
from .cross_checks import cross_check_problems
from .problems import Problem, ThresholdsError
from .schema import schema_problems
from .text import text_problems
from .yaml_lines import LineIndex, parse_yaml


def load_file(path: str | Path) -> Thresholds:
    return load_text(read_file(path), str(path))


def read_file(path: str | Path) -> str:
    """The file's text, refused before reading if it is not a regular file or is too large."""
    path = Path(path)
    try:
        if not path.is_file():
            what = "no such file" if not path.exists() else "not a regular file"
            raise ThresholdsError([Problem(str(path), 1, "(file)", what)])
        limits.check_size(path.stat().st_size)
        text = path.read_text(encoding="utf-8")
        limits.check_complete(text)
        return text
    except limits.LimitError as exc:
        raise ThresholdsError([Problem(str(path), exc.line, exc.where, exc.message)]) from None
    except UnicodeDecodeError as exc:
        raise ThresholdsError([Problem(str(path), 1, "(file)", f"not UTF-8 text ({exc.reason})")]) from None
    except OSError as exc:
        raise ThresholdsError([Problem(str(path), 1, "(file)", f"cannot read: {exc.strerror}")]) from None


def load_text(text: str, filename: str = "thresholds.yml") -> Thresholds:
    return load_with_lines(text, filename)[0]


def load_with_lines(text: str, filename: str = "thresholds.yml") -> tuple[Thresholds, LineIndex]:
    """The thresholds, and where each part of them is in the file (for later checks' messages)."""
    data, lines = parse_yaml(text, filename)
    problems = list(schema_problems(data, lines, filename))
    # One line per field: text problems only for fields whose shape is right.
    shaped_wrong = {problem.path for problem in problems}
    for path, message in text_problems(data):
        if lines.name(path) not in shaped_wrong:
            problems.append(Problem(filename, lines.line(path), lines.name(path), message))
    if not problems:
        # Cross-references only make sense once the shape is right.
        problems = list(cross_check_problems(data, lines, filename))
    if problems:
        raise ThresholdsError(sorted(problems, key=lambda p: p.line))
    thresholds = from_dict(data)
    problems = [*filter_example_problems(thresholds, lines, filename), *folder_problems(thresholds, lines, filename)]
    if problems:
        raise ThresholdsError(problems)
    return thresholds, lines


def folder_problems(t: Thresholds, lines: LineIndex, filename: str) -> Iterator[Problem]:
    """A language served in a folder the site already has (``cy/`` beside ``check/``): checked on the built
    thresholds, whose pages say which folders the site has (toolkit.site.languages.site_folders)."""
    if not t.data.get("languages"):
        return
    from pathlib import Path

    from ..site.languages import language_builds, site_folders

    builds = language_builds(dict(t.data))[1:]
    taken = site_folders(t, Path.cwd()) if builds else set()
    declared = [lang["code"] for lang in t.data["languages"]]
    for index, code in ((declared.index(b.folder), b.folder) for b in builds if b.folder in taken):
        path = ["languages", index, "code"]
        why = (
            f"{code!r} is a folder the site already has ({code}/), where this language's pages would be served: "
            "give the language another code (and lang: the language its pages declare)"
        )
        yield Problem(filename, lines.line(path), lines.name(path), why)


def filter_example_problems(t: Thresholds, lines: LineIndex, filename: str) -> Iterator[Problem]:
    """Each example the check page offers for its filter finds a worry. Checked on the built
    thresholds, because the filter reads each worry's whole vocabulary (Indicator.vocabulary)."""
    worries = tuple(i.search_terms for i in t.indicators if not i.is_strength)
    for i, example in enumerate(t.filter_examples):
        if not _finds_a_worry(example, worries):
            path = ["filter_examples", i]
            message = f"{example!r} finds no worry: use a word from a worry's wording, its theme or its synonyms"
            yield Problem(filename, lines.line(path), lines.name(path), message)


# Each example against every worry's words is thousands of word comparisons, and a file's examples and
# words rarely change between loads: answered once per process for each.
@functools.lru_cache(maxsize=256)
def _finds_a_worry(example: str, worries: tuple[str, ...]) -> bool:
    return any(filter_finds(example, terms) for terms in worries)


def indicators_without_everyday_words(t: Thresholds) -> list[str]:
    """The worries only their wording finds: no everyday words of their own, their theme's or their
    domain's. A practitioner types what was heard, rarely the guidance's words (docs/format.md,
    "Everyday words")."""
    return [
        i.id
        for i in t.indicators
        if not i.is_strength and len(i.vocabulary) == 1 + bool(i.theme) and not (i.theme and i.theme.synonyms)
    ]
