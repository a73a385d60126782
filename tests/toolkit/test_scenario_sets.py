"""Scenario sets for the presenter's sessions: data in the file, checked by validate, and in both
partnerships' files a set balanced across levels and statutory routes, and an end-of-course set of twins."""

from __future__ import annotations

import pytest
from test_validation import edit
from toolkit_cli import run_toolkit

from levels_of_need.training_session import MIN_VIGNETTES, balance_warning
from toolkit.load import ThresholdsError, load_text


def balanced(t, scenarios) -> bool:
    """At least two scenarios at each level, and two on each statutory route alone."""
    statutory = [route for _, route in t.routes() if route.statute]
    return all(sum(1 for s in scenarios if s.level.id == level.id) >= 2 for level in t.levels) and all(
        sum(1 for s in scenarios if [r.id for r in s.routes] == [route.id]) >= 2 for route in statutory
    )


def test_each_partnership_offers_a_balanced_set_of_eight_or_more(partnership_thresholds):
    t = partnership_thresholds
    assert [route for _, route in t.routes() if route.statute], "a file with statutory routes"
    good = [s for s in t.scenario_sets if len(s.scenarios) >= 8 and balanced(t, s.scenarios)]
    assert good, [(s.id, len(s.scenarios)) for s in t.scenario_sets]
    for scenario_set in good:
        assert balance_warning(t, [s.level for s in scenario_set.scenarios]) is None


def test_each_partnership_offers_an_end_of_course_set_of_twins(partnership_thresholds):
    t = partnership_thresholds
    twin_sets = [s for s in t.scenario_sets if s.scenarios and all(sc.twin_of for sc in s.scenarios)]
    assert twin_sets
    for twin_set in twin_sets:
        assert len(twin_set.scenarios) >= MIN_VIGNETTES
        originals = [t.scenario(s.twin_of) for s in twin_set.scenarios]
        # The twins of a set that a course starts with: each original once.
        first = next(s for s in t.scenario_sets if {o.id for o in originals} <= {x.id for x in s.scenarios})
        assert len({o.id for o in originals}) == len(originals) == len(first.scenarios)
        for twin, original in zip(twin_set.scenarios, originals, strict=True):
            # The same decision: the same answer key, and the same rule where a rule decides it.
            assert (twin.level, twin.routes) == (original.level, original.routes), twin.id
            rules = {r.id for r in t.rules}
            assert {d for d in twin.decided_by if d in rules} == {d for d in original.decided_by if d in rules}
            # On a new surface: another age and other words.
            assert twin.vignette != original.vignette and twin.title != original.title
            assert (twin.check.age, twin.check.unborn) != (
                original.check.age,
                original.check.unborn,
            ) or (twin.check.indicators != original.check.indicators)


def test_scenarios_for_sessions_are_added_at_the_end(thresholds):
    # Another change may edit the scenarios before them: the new ones come after the first thirteen.
    ids = [s.id for s in thresholds.scenarios]
    assert ids.index("universal-youth-club") >= 13


SET = """scenario_sets:
  - id: levels-and-routes
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "      - universal-youth-club\n",
            "      - universal-youth-clubb\n",
            "'universal-youth-clubb' is not a defined scenario",
        ),
        (
            "      - universal-youth-club\n",
            "      - universal-strengths\n",
            "'universal-strengths' is listed twice in this set",
        ),
        (
            "  - id: end-of-course-twins\n",
            "  - id: levels-and-routes\n",
            "another scenario set has the id 'levels-and-routes'",
        ),
        (
            "    twin_of: universal-strengths\n",
            "    twin_of: universal-strength\n",
            "'universal-strength' is not a defined scenario",
        ),
        (
            "    twin_of: universal-strengths\n",
            "    twin_of: twin-universal-childminder\n",
            "a scenario cannot be its own twin",
        ),
    ],
)
def test_validate_refuses_a_broken_set_or_twin(old, new, message):
    text, _ = edit(old, new)
    with pytest.raises(ThresholdsError) as refused:
        load_text(text)
    lines = [str(p) for p in refused.value.problems]
    assert any(message in line for line in lines), lines
    assert len(lines) == 1, lines


def test_validate_refuses_a_twin_that_makes_another_decision(tmp_path):
    text, line = edit("    twin_of: universal-strengths\n", "    twin_of: early-help-young-carer\n")
    file = tmp_path / "thresholds.yml"
    file.write_text(text, encoding="utf-8")
    run = run_toolkit("validate", str(file))
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"{file}:{line}: scenarios[twin-universal-childminder].twin_of: a twin makes the same decision as its "
        "original, but 'early-help-young-carer' expects early-help (early-help) and this one universal (universal)"
    ]


def test_validate_warns_of_a_set_too_small_or_unbalanced(tmp_path):
    text, _ = edit(
        "      - child-protection-bruising\n      - universal-strengths\n      - early-help-young-carer\n"
        "      - homeless-sixteen-year-old\n",
        "",
    )
    file = tmp_path / "thresholds.yml"
    file.write_text(text, encoding="utf-8")
    run = run_toolkit("validate", str(file))
    assert run.returncode == 0, run.stderr
    warnings = [line for line in run.stderr.splitlines() if "scenario_sets[levels-and-routes]" in line]
    assert any("4 scenarios are too few to measure the room's agreement" in line for line in warnings), warnings
    assert any("unbalanced across levels" in line for line in warnings), warnings
    assert not any("end-of-course-twins" in line for line in run.stderr.splitlines())
