"""`validate` on the parts a practice framework adds (practice_framework.parts): one clear line for each
misuse, at the line it is on, naming the part."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_FILE

from toolkit.load import ThresholdsError, load_text

GOOD = EXAMPLE_FILE.read_text(encoding="utf-8")
SCALE_HIGHEST_MEANS = (
    '        highest_means: "Fictional example: everyone agrees the child is safe enough to close the case."\n'
)


def edited(old: str, new: str) -> tuple[str, int]:
    """The fictional file with one edit, and the edit's line."""
    assert GOOD.count(old) == 1, old
    return GOOD.replace(old, new), GOOD[: GOOD.index(old)].count("\n") + 1


CASES = [
    (
        "an-id-of-a-fixed-part",
        "    - id: safety-goal\n",
        "    - id: needs\n",
        "practice_framework.parts[needs].id",
        "'needs' is the self-check's own name for a part of the summary or a typed answer: choose another id",
    ),
    (
        "an-id-of-a-typed-box",
        "    - id: safety-goal\n",
        "    - id: impact\n",
        "practice_framework.parts[impact].id",
        "'impact' is the self-check's own name",
    ),
    (
        "two-parts-with-one-id",
        "    - id: safety-goal\n",
        "    - id: danger-statement\n",
        "practice_framework.parts[danger-statement].id",
        "'danger-statement' is the id of an earlier part",
    ),
    (
        "a-scale-without-its-highest-end",
        "        highest: 10\n",
        "",
        "practice_framework.parts[safety-scale].scale",
        "missing required field 'highest'",
    ),
    (
        "a-scale-without-what-its-highest-end-means",
        SCALE_HIGHEST_MEANS,
        "",
        "practice_framework.parts[safety-scale].scale",
        "missing required field 'highest_means'",
    ),
    (
        "a-scale-upside-down",
        "        lowest: 0\n",
        "        lowest: 10\n",
        "practice_framework.parts[safety-scale].scale.lowest",
        "the scale's lowest end (10) must be below its highest (10)",
    ),
    (
        "a-scale-below-zero",
        "        lowest: 0\n",
        "        lowest: -1\n",
        "practice_framework.parts[safety-scale].scale.lowest",
        "must be at least 0, got -1",
    ),
    (
        "a-scale-end-not-whole",
        "        highest: 10\n",
        "        highest: 10.5\n",
        "practice_framework.parts[safety-scale].scale.highest",
        "expected a whole number",
    ),
    (
        "a-part-without-its-label",
        "      label: What will the family be doing that shows the child is safe? (fictional)\n",
        "",
        "practice_framework.parts[safety-goal]",
        "missing required field 'label'",
    ),
    (
        "receives-an-unknown-part",
        "    receives: [worries, danger-statement]\n",
        "    receives: [worries, danger-statment]\n",
        "referral_questions[worry].receives[1]",
        "'danger-statment' is not one of: level, age, worries, consent, tried, professionals, strengths, needs, "
        "child_voice, availability, nor a part practice_framework.parts adds; did you mean 'danger-statement'?",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "where", "words"), CASES, ids=[c[0] for c in CASES])
def test_each_misuse_is_one_line_naming_the_part(name, old, new, where, words):
    text, near = edited(old, new)
    with pytest.raises(ThresholdsError) as refused:
        load_text(text, "example.yml")
    lines = str(refused.value).splitlines()
    assert len(lines) == 1, lines
    line = int(lines[0].split(":")[1])
    assert abs(line - near) <= 8, (line, near)  # the part's line, or the field's within it
    assert f": {where}: " in lines[0] and words in lines[0], lines[0]


def test_a_framework_may_add_parts_without_renaming_any():
    text, _ = edited(
        "  headings:\n    strengths: What is going well for the family (fictional)\n"
        "    needs: What we agree should happen next (fictional)\n",
        "",
    )
    assert [p.id for p in load_text(text, "example.yml").framework_parts][-1] == "safety-scale"


def test_a_framework_that_neither_renames_nor_adds_is_refused():
    start = GOOD.index("  headings:\n    strengths: What is going well")
    end = GOOD.index("\nescalation:")
    text = GOOD[:start] + GOOD[end:].replace("receives: [worries, danger-statement]", "receives: [worries]")
    with pytest.raises(ThresholdsError) as refused:
        load_text(text, "example.yml")
    assert str(refused.value).endswith(": practice_framework: give 'headings' or 'parts', or both")


def test_each_missing_field_is_named_on_a_line_of_its_own():
    # The class: any object missing two or more required fields (a scale, a part, an own question).
    scale = GOOD[GOOD.index("      scale:\n") : GOOD.index(SCALE_HIGHEST_MEANS) + len(SCALE_HIGHEST_MEANS)]
    cases = {
        "a scale given only its ends": (
            scale,
            "      scale: {lowest: 0, highest: 10}\n",
            ["lowest_means", "highest_means"],
        ),
        "an empty scale": (scale, "      scale: {}\n", ["lowest", "highest", "lowest_means", "highest_means"]),
    }
    for why, (old, new, fields) in cases.items():
        text, _ = edited(old, new)
        with pytest.raises(ThresholdsError) as refused:
            load_text(text, "example.yml")
        named = [str(p).rsplit("missing required field ", 1)[-1] for p in refused.value.problems]
        assert sorted(named) == sorted(f"'{f}'" for f in fields), (why, named)
    own, _ = edited("  - id: language-needs\n    text:", "  - text:")
    own = own.replace("    free_text: true\n    summary_part: needs\n", "", 1)
    with pytest.raises(ThresholdsError) as refused:
        load_text(
            own.replace("  - text: Does the child or family need", "  - hint: Does the child or family need", 1),
            "x.yml",
        )
    named = {str(p).rsplit("missing required field ", 1)[-1] for p in refused.value.problems if "missing" in str(p)}
    assert named == {"'id'", "'text'"}, named


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("      heading: Safety goal (fictional)\n", "      heading: Parental consent (fictional)\n"),
        (
            "      label: What will the family be doing that shows the child is safe? (fictional)\n",
            "      label: Have you asked the parents for their CONSENT first? (fictional)\n",
        ),
    ],
)
def test_a_part_about_consent_goes_with_consent(old, new):
    from levels_of_need import api

    text, _ = edited(old, new)
    with pytest.raises(ThresholdsError) as refused:
        load_text(text, "example.yml")
    lines = [str(p) for p in refused.value.problems]
    assert len(lines) == 1 and "practice_framework.parts[safety-goal].id: this part is about consent" in lines[0]
    # Received with consent, it is taken, and where the child may be at risk it comes last, with consent.
    with_consent = text.replace("    receives: [consent]\n", "    receives: [consent, safety-goal]\n", 1)
    t = load_text(with_consent, "example.yml")
    raw = {"age": "9", "answers": {"significant_harm": "yes"}, "details": {"safety-goal": "Asked mum first"}}
    lines = api.run_summary(t, raw).splitlines()

    def heading_at(question) -> int:
        return next(n for n, line in enumerate(lines) if line.endswith(" ".join(question.question.split())))

    consent = next(q for q in t.referral_questions if "consent" in q.receives)
    assert all(heading_at(consent) > heading_at(q) for q in t.referral_questions if q is not consent)
    assert lines.index("Asked mum first") > heading_at(consent)
