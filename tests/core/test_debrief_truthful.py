"""Practice tells the truth about the learner's choices: the debrief never says a worry the learner
ticked was not chosen, explains a rule of the key that does not apply to their choices by what differs,
says whether an extra worry changes the level, and says each sentence once."""

from __future__ import annotations

import re

import pytest
from conftest import first_in_check

from levels_of_need.training import debrief

NOT_SURE = "unsure"


def learner_variants(thresholds, scenario):
    """The key's own worries with each answer changed in turn (and left open), and no choices at all."""
    shows, answers = list(scenario.shows), dict(scenario.check.answers)
    yield {"indicators": shows, "answers": {}}
    for question in thresholds.questions:
        for value in question.values:
            if value != answers.get(question.id):
                yield {"indicators": shows, "answers": {**answers, question.id: value}}


def sentences(text: str) -> list[str]:
    # A question quoted with its answer ("“Q?” You answered …") stays one sentence: it ends after the answer.
    return [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z“])", text) if len(s) > 20]


@pytest.mark.parametrize("which", ["thresholds", "example"])
def test_the_debrief_never_says_a_ticked_worry_was_not_chosen_and_says_what_differs(which, request):
    thresholds = request.getfixturevalue(which)
    explained = 0
    for scenario in thresholds.scenarios:
        for learner in learner_variants(thresholds, scenario):
            out = debrief(thresholds, scenario.id, learner, scenario.routes[0].id)
            texts = [d["text"] for d in out["differences"]]
            for text in texts:
                assert "not to your choices" not in text
                for indicator_id in learner["indicators"]:
                    assert f"You did not choose “{thresholds.indicator(indicator_id).text}”" not in text
            for difference in out["differences"]:
                if difference["kind"] != "missed-rule":
                    continue
                rule = next(r for r in thresholds.rules if r.id == difference["id"])
                for indicator_id in set(rule.when.indicators) & set(learner["indicators"]):
                    assert (
                        f"You chose “{thresholds.indicator(indicator_id).text}”, which it names." in difference["text"]
                    )
                for question_id, values in rule.when.answers.items():
                    if learner["answers"].get(question_id) not in values:
                        explained += 1
                        assert f"“{thresholds.question(question_id).text}” You answered" in difference["text"]
    if which == "thresholds":
        assert explained > 0  # some rule of the key needs an answer the learner gave otherwise


# Every scenario, answer changed and route committed to (a thousand debriefs or more a file): `make check` the
# fictional file's, whose scenarios are the more varied; `make test` Medway's too.
@pytest.mark.parametrize("which", first_in_check(["example", "thresholds"], keep=1))
def test_each_sentence_of_the_debrief_appears_once(which, request):
    thresholds = request.getfixturevalue(which)
    for scenario in thresholds.scenarios:
        for learner in [*learner_variants(thresholds, scenario), {"indicators": [], "answers": {}}]:
            for committed in (None, scenario.routes[0].id, thresholds.levels[0].routes[0].id):
                out = debrief(thresholds, scenario.id, learner, committed)
                said = [s for d in out["differences"] for s in sentences(d["text"])]
                repeated = {s for s in said if said.count(s) > 1}
                assert not repeated, (scenario.id, learner, committed, repeated)


@pytest.mark.parametrize("which", ["thresholds", "example"])
def test_an_extra_worry_says_whether_it_changes_the_level(which, request):
    thresholds = request.getfixturevalue(which)
    for scenario in thresholds.scenarios[:4]:
        extra = next(i for i in thresholds.indicators if i.id not in scenario.check.indicators and not i.is_strength)
        learner = {
            "indicators": [*scenario.shows, extra.id],
            "answers": dict(scenario.check.answers),
        }
        out = debrief(thresholds, scenario.id, learner, scenario.routes[0].id)
        [text] = [d["text"] for d in out["differences"] if d["kind"] == "extra-indicator"]
        assert "does not change the level or the route" in text or "it changes the result to" in text
