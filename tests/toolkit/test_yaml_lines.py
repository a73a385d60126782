"""libyaml composes a thresholds file where it can (toolkit/load/limits.compose_quickly); PyYAML's own
parser, with the loader's limits, takes over wherever a file needs a closer look. Both must read a file
the same: the same tree, tags and lines, so every problem keeps its line."""

from __future__ import annotations

import bad_files
import pytest
import yaml
from conftest import PARTNERSHIPS, ROOT

from toolkit.load import ThresholdsError, limits
from toolkit.load.yaml_lines import parse_yaml

FILES = [*PARTNERSHIPS.values(), ROOT / "toolkit" / "schema" / "starter.yml"]


def shape(node) -> tuple:
    """A node as comparable data: kind, tag, line and column, and its value or children."""
    where = (type(node).__name__, node.tag, node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return (*where, node.value, node.style or None)  # plain: None in PyYAML, "" in libyaml
    if isinstance(node, yaml.MappingNode):
        return (*where, [(shape(k), shape(v)) for k, v in node.value])
    return (*where, [shape(n) for n in node.value])


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="libyaml is not installed here")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_libyaml_and_pyyaml_compose_the_same_tree_with_the_same_lines(path):
    text = path.read_text(encoding="utf-8")
    quick = limits.compose_quickly(text)
    assert quick is not None, "a valid shipped file is composed by libyaml"
    assert shape(quick) == shape(limits.LimitedLoader(text).get_single_node())


@pytest.mark.parametrize(
    "text",
    [
        "",  # empty
        "a: &x 1\nb: *x\n",  # an anchor and an alias
        "a: !!str &x 1\n",  # an anchor alone
        "a:" + " [" * limits.MAX_DEPTH + " 1" + " ]" * limits.MAX_DEPTH + "\n",  # deep nesting
        "? [a, b]\n: 1\n",  # a list as a key
        "1: one\n",  # a number as a key
        "a: [1, 2\n",  # a syntax error
    ],
    ids=["empty", "alias", "anchor", "deep", "list key", "number key", "syntax"],
)
def test_a_file_that_needs_a_closer_look_is_left_to_the_careful_loader(text):
    assert limits.compose_quickly(text) is None


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_a_file_reads_the_same_with_or_without_libyaml(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    quick = parse_yaml(text, path.name)[0]
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    careful = parse_yaml(text, path.name)[0]
    assert quick == careful


def outcome(text: str) -> object:
    try:
        return parse_yaml(text, "thresholds.yml")[0]
    except ThresholdsError as refused:
        return [str(problem) for problem in refused.problems]


def readable(case: bad_files.Case) -> bool:
    """Text at all (a file that is not UTF-8 is refused before YAML is read)."""
    try:
        case.content.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.slow  # a hundred generated bad files (every kind), read twice
def test_every_generated_bad_file_reads_the_same_with_or_without_libyaml(monkeypatch):
    """The fuzz test's files (YAML PyYAML chokes on, aliases, deep nesting, odd keys, tags, tabs, noise):
    libyaml never accepts what PyYAML refuses, and every refusal is the same line."""
    cases = [case for case in bad_files.generate(count=100) if len(case.content) <= limits.MAX_BYTES and readable(case)]
    # The schema's fields written in other forms (numbers in other bases, a trailing line break) are the
    # same scalars in both files: read in the small one only (Medway's takes a third of a second each
    # without libyaml, and it holds 108 of them).
    cases = [case for case in cases if not case.name.startswith(("base-medway-", "line-break-medway-"))]
    texts = [case.content.decode("utf-8", "surrogatepass") for case in cases]
    quick = [outcome(text) for text in texts]
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    differ = [case.name for case, text, seen in zip(cases, texts, quick, strict=True) if outcome(text) != seen]
    assert len(cases) > 100 and differ == []
