"""docs/format.md's worked examples of the contact fields, areas, escalation contacts and the
partnership's own questions are the fictional file's own entries, and the words it quotes are the
checker's: the docs cannot drift from the data or the core."""

from __future__ import annotations

import re

import pytest
import yaml_data
from conftest import EXAMPLE_FILE, ROOT

from levels_of_need import api

DOC = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
EXAMPLE = yaml_data.read(EXAMPLE_FILE)
BLOCKS = [yaml_data.parse(block) for block in re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S)]


def entries(section: str, ids: set[str]) -> list[dict]:
    """Each worked example's entry of this section among these ids."""
    found = []
    for block in BLOCKS:
        if isinstance(block, dict) and isinstance(block.get(section), list):
            found += [item for item in block[section] if isinstance(item, dict) and item.get("id") in ids]
    return found


@pytest.mark.parametrize(
    ("section", "ids"),
    [
        ("contacts", {"hub-northdale", "hub-southwick", "early-help-hub"}),
        ("areas", {"northdale", "southwick"}),
        ("own_questions", {"about-a-professional"}),
        ("rules", {"concern-about-a-professional"}),
        # Multiple choice, a question asked only for some worries, and free text (issue 29, point 4).
        ("own_questions", {"legal-status", "part-time-timetable", "language-needs"}),
        ("rules", {"has-a-plan", "part-time-timetable"}),
        # Counting by domain and by level, and a raise rule confined to a level (issue 29).
        ("rules", {"needs-in-two-domains", "three-emerging-needs"}),
        ("scenario_sets", {"every-level", "end-of-course"}),
        ("scenarios", {"twin-injury-seven"}),
        # A pre-birth referral's timing, as an advise rule with a timescale (issue 29, round two).
        ("rules", {"pre-birth-referral"}),
        ("timescales", {"pre-birth"}),
        # Advice for one district only (issue 29, point 5).
        ("rules", {"northdale-family-support"}),
    ],
)
def test_each_worked_example_is_the_fictional_files_entry(section, ids):
    shown = entries(section, ids)
    assert {item["id"] for item in shown} == ids
    own = {item["id"]: item for item in EXAMPLE[section]}
    for item in shown:
        assert item == own[item["id"]], item["id"]


def test_the_escalation_and_area_question_examples_are_the_fictional_files():
    escalation = next(b["escalation"] for b in BLOCKS if isinstance(b, dict) and "escalation" in b)
    assert escalation == EXAMPLE["escalation"]
    wording = next(b["questions"] for b in BLOCKS if isinstance(b, dict) and "area" in b.get("questions", {}))
    assert wording["area"] == EXAMPLE["questions"]["area"]


def test_the_words_the_docs_quote_are_the_checkers(example):
    unanswered = api.result_text(example, {"indicators": ["tired"], "age": 9, "answers": {"immediate_risk": "no"}})
    quoted = re.search(r"the result says so and names the question \(\"([^\"]+)\"\)", DOC)
    assert quoted and quoted.group(1) in " ".join(unanswered.split())


@pytest.mark.parametrize("word", ["yes", "no", "Yes", "on"])
def test_the_line_the_doc_quotes_for_a_bare_yes_key_is_validates_own(word, tmp_path):
    """A reworded answer keyed by a bare yes/no word is read as true/false: validate names it in one line,
    the line docs/format.md quotes (with the key written)."""
    from toolkit.load import ThresholdsError, load_text

    text = EXAMPLE_FILE.read_text(encoding="utf-8").replace(
        "questions:\n", f"questions:\n  immediate_risk:\n    options:\n      {word}: Yes, now\n", 1
    )
    with pytest.raises(ThresholdsError) as refused:
        load_text(text, "thresholds.yml")
    lines = [problem.message for problem in refused.value.problems]
    quoted = re.search(r"`validate` names a bare key \(\"(the key 'yes' [^\"]+)\"\)", DOC).group(1)
    assert lines == [quoted.replace("'yes'", repr(word))]


@pytest.mark.parametrize("section", ["step_down", "step_up", "step_across"])
def test_the_worked_examples_of_a_case_moving_are_the_fictional_files(section):
    shown = [block[section] for block in BLOCKS if isinstance(block, dict) and section in block]
    assert shown == [EXAMPLE[section]]


def test_the_accessibility_example_is_the_fictional_files_named_contact():
    shown = next(b["accessibility"] for b in BLOCKS if isinstance(b, dict) and "accessibility" in b)
    assert shown == EXAMPLE["accessibility"]
    assert {"team", "textphone", "address"} <= set(shown["contact"])


def test_the_consent_unless_example_is_the_fictional_files_route():
    routes = {route["id"]: route for level in EXAMPLE["levels"] for route in level["routes"]}
    shown = [item for b in BLOCKS if isinstance(b, list) for item in b if isinstance(item, dict)]
    [route] = [item for item in shown if item.get("id") == "child-in-need-assessment"]
    assert route == routes["child-in-need-assessment"]
    assert set(route["consent_required"]) == {"unless"}


def quoted_yes_block() -> str:
    """The doc's example of rewording a yes-or-no question's answers, as written (its quotes kept)."""
    [block] = [b for b in re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S) if '"yes":' in b and "options:" in b]
    return block


def with_questions(block: str) -> str:
    """The fictional file with the block's question wording added to its own."""
    wording = "".join(line + "\n" for line in block.splitlines()[1:])
    return EXAMPLE_FILE.read_text(encoding="utf-8").replace("questions:\n", "questions:\n" + wording, 1)


def test_the_quoted_yes_example_rewords_the_answers():
    from toolkit.load import load_text

    block = quoted_yes_block()
    options = yaml_data.parse(block)["questions"]["significant_harm"]["options"]
    assert set(options) == {"yes", "no"}  # keys read as words, thanks to the quotes
    question = load_text(with_questions(block)).question("significant_harm")
    assert [question.option(value).label for value in ("yes", "no")] == [options["yes"], options["no"]]


def test_the_yes_example_written_bare_is_one_line_on_its_key():
    from toolkit.load import ThresholdsError, load_text

    bare = quoted_yes_block().replace('"yes":', "yes:")
    text = with_questions(bare)
    with pytest.raises(ThresholdsError) as refused:
        load_text(text, "thresholds.yml")
    [problem] = refused.value.problems
    assert problem.line == text[: text.index("      yes:")].count("\n") + 1
    said = re.search(r"`validate` says so on that key's line: \"([^\"]+)\"", " ".join(DOC.split())).group(1)
    assert problem.message == said


def test_the_age_band_examples_are_the_fictional_files_indicators():
    """The indicators with an age band the doc shows (in months too) are the fictional file's own entries."""
    shown = [item for block in BLOCKS if isinstance(block, list) for item in block if isinstance(item, dict)]
    banded = {item["id"]: item for item in shown if "age" in item}
    assert {"missed-health-checks", "bruised-baby", "nowhere-to-live"} <= set(banded)
    own = {item["id"]: item for item in EXAMPLE["indicators"]}
    for indicator_id, item in banded.items():
        assert item == own[indicator_id], indicator_id
    assert banded["bruised-baby"]["age"] == {"under_months": 6}


def test_the_words_the_docs_quote_for_a_babys_months_are_the_checkers(example):
    from levels_of_need.present import AGE_TOPIC_MONTHS
    from levels_of_need.rules import MONTHS_NEEDED

    flat = " ".join(DOC.split())
    assert f'"{MONTHS_NEEDED}"' in flat
    assert f'"{AGE_TOPIC_MONTHS}"' in flat
    refused = api.page_answer(
        example, {"age": "0", "indicators": ["bruised-baby"], "answers": {"immediate_risk": "no"}}
    )
    assert refused["problem"]["message"] == MONTHS_NEEDED
    band = api.result_text(example, {"age": "7 months", "indicators": ["bruised-baby"], "answers": {}})
    assert "(the checker offers it for babies under 6 months)" in flat
    assert "The checker offers it for babies under 6 months" in " ".join(band.split())


def test_the_pre_birth_advice_the_docs_quote_is_the_checkers(example):
    raw = {"unborn": True, "indicators": ["missed-health-checks"], "answers": {"immediate_risk": "no"}}
    shown = " ".join(api.result_text(example, raw).split())
    quoted = re.search(r'The result shows: "([^"]+)"', DOC)
    assert quoted and quoted.group(1) in shown


def test_the_district_steps_example_is_the_fictional_files_and_builds_what_the_doc_says(example):
    """The worked example of steps that differ by district is the fictional file's, step for step, and the
    words the doc quotes are the checker's."""
    shown = next(b["levels"] for b in BLOCKS if isinstance(b, dict) and "levels" in b)
    routes = {r["id"]: r for lv in EXAMPLE["levels"] for r in lv["routes"]}
    for level in shown:
        for route in level["routes"]:
            own = [step for step in routes[route["id"]]["next_steps"] if "areas" in step]
            assert route["next_steps"] == own
    raw = {"indicators": ["damp-home"], "age": 5, "answers": {"immediate_risk": "no", "significant_harm": "no"}}
    words = " ".join(api.result_text(example, raw).split())
    for quoted in re.findall(r'\("(For a child in [^"]+?): …"\)', DOC):
        assert quoted in words, quoted
    assert len(re.findall(r'\("(For a child in [^"]+?): …"\)', DOC)) == 2


# ---- The shapes the web officer's report found missing (session 15) --------------------------------------


def block_with(*sections: str) -> dict:
    """The doc's one worked example that gives exactly these top-level sections."""
    [block] = [b for b in BLOCKS if isinstance(b, dict) and set(b) == set(sections)]
    return block


def valid_with(data: dict, tmp_path) -> None:
    """The data, written as a file, validates and its scenarios agree with the checker."""
    import yaml

    from toolkit.load.scenarios import load_and_verify

    path = tmp_path / "thresholds.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load_and_verify(path)


@pytest.mark.parametrize(
    "sections",
    [
        ("document",),
        ("age_range",),
        ("domains", "themes"),
        ("caveats", "introductions"),
        ("signs_of_safety", "brag", "guidance"),
    ],
)
def test_each_sections_worked_example_validates_in_the_fictional_file(sections, tmp_path):
    """Each section's worked example, in place of the fictional file's own section, validates: the doc shows a
    shape the toolkit takes. (BRAG ratings need a route with a BRAG colour: each route is given one.)"""
    import copy

    data = copy.deepcopy(EXAMPLE)
    for section, shown in copy.deepcopy(block_with(*sections)).items():
        data[section] = merged(data.get(section), shown)
    if "brag" in sections:
        for level in data["levels"]:
            for route in level["routes"]:
                route["brag"] = "green"
    valid_with(data, tmp_path)


def merged(own, shown):
    """A section as the example shows it; a list of items with ids keeps the file's other items (the domains
    example shows two of the file's four, which the file's indicators name)."""
    if isinstance(shown, list) and isinstance(own, list) and all(isinstance(i, dict) and "id" in i for i in shown):
        by_id = {item["id"]: item for item in shown}
        return [by_id.pop(item["id"], item) for item in own] + list(by_id.values())
    return shown


def test_the_domains_example_is_of_the_fictional_files_domains_with_the_optional_fields():
    shown = block_with("domains", "themes")
    assert {d["id"] for d in shown["domains"]} <= {d["id"] for d in EXAMPLE["domains"]}
    assert {"heading", "synonyms"} <= {key for d in shown["domains"] for key in d}


def test_the_age_range_example_is_the_fictional_files_and_its_refusal_is_the_checkers(example):
    from levels_of_need.model import check_from_dict
    from levels_of_need.rules import CheckError, validate_age

    assert block_with("age_range")["age_range"] == EXAMPLE["age_range"]
    quoted = re.search(r'its message quotes `text` \("([^"]+)"\)', " ".join(DOC.split())).group(1)
    with pytest.raises(CheckError) as refused:
        validate_age(example, check_from_dict({"age": 30}))
    assert str(refused.value) == quoted


def test_the_advice_that_seeks_consent_validates_in_the_fictional_file(tmp_path):
    import copy

    [rule] = entries("rules", {"ask-about-early-help"})
    assert rule["kind"] == "advise" and rule["seeks_consent"] is True and "consent" in rule["text"]
    data = copy.deepcopy(EXAMPLE)
    data["rules"].append(rule)
    valid_with(data, tmp_path)
    del rule["seeks_consent"]  # the same advice without it is refused: its text mentions consent
    from toolkit.load import ThresholdsError

    with pytest.raises(ThresholdsError):
        valid_with(data, tmp_path)


def test_the_check_that_confirms_a_challenged_answer_is_what_the_checker_takes(example, tmp_path):
    """The doc's scenario check with `confirmed`: without it the checker suggests no route; with it, the child in
    need assessment, which, as the doc says, no scenario can expect, since its first step seeks consent."""
    import copy

    from levels_of_need.model import check_from_dict
    from levels_of_need.rules import evaluate
    from toolkit.load import ThresholdsError

    [check] = [b["check"] for b in BLOCKS if isinstance(b, dict) and set(b) == {"check"}]
    assert check["confirmed"] == ["injury"]
    confirmed = evaluate(example, check_from_dict(check))
    unconfirmed = evaluate(example, check_from_dict({**check, "confirmed": []}))
    assert confirmed.route is not None and confirmed.route.id == "child-in-need-assessment"
    assert confirmed.route.next_steps[0].seeks_consent
    assert unconfirmed.route is None
    data = copy.deepcopy(EXAMPLE)
    scenario = copy.deepcopy(data["scenarios"][0])
    scenario.update(id="confirmed-injury", check=check, decided_by=["injury"])
    scenario["expected"] = {"level": "statutory-social-work", "routes": ["child-in-need-assessment"]}
    data["scenarios"].append(scenario)
    with pytest.raises(ThresholdsError) as refused:
        valid_with(data, tmp_path)
    [problem] = refused.value.problems
    assert "whose first step seeks consent" in problem.message


def test_a_scenario_cannot_give_the_childs_area_as_the_doc_says(tmp_path):
    import copy

    from toolkit.load import ThresholdsError

    data = copy.deepcopy(EXAMPLE)
    data["scenarios"][0]["check"]["answers"]["area"] = "northdale"
    with pytest.raises(ThresholdsError) as refused:
        valid_with(data, tmp_path)
    quoted = re.search(r'among a scenario\'s `answers` \("([^"]+)"\)', " ".join(DOC.split())).group(1)
    assert [p.message for p in refused.value.problems] == [quoted]


def test_each_translation_key_the_doc_shows_names_a_field_of_the_fictional_file():
    """The table of translation keys: each names a text field of the fictional file (its languages added)."""
    from worked_languages import with_languages

    from toolkit.load import load_text

    table = DOC[DOC.index("| to translate | write the key |") :].split("\n\n", 1)[0]
    keys = [key for row in table.splitlines()[2:] for key in re.findall(r"`([^`]+)`", row.split("|")[2])]
    assert "glossary.FESP" in keys and "questions.consent.options.given" in keys
    words = "".join(f"    {key}: Geiriau (ffuglennol)\n" for key in keys)
    load_text(
        with_languages(
            "languages:\n  - {code: en, name: English}\n  - {code: cy, name: Cymraeg}\n"
            f"translations:\n  cy:\n{words}"
        )
    )


def test_a_fixed_question_the_file_does_not_reword_cannot_be_translated_as_the_doc_says():
    from worked_languages import with_languages

    from toolkit.load import ThresholdsError, load_text

    assert "names no field of the file" in " ".join(DOC.split())
    with pytest.raises(ThresholdsError) as refused:
        load_text(
            with_languages(
                "languages:\n  - {code: en, name: English}\n  - {code: cy, name: Cymraeg}\n"
                "translations:\n  cy:\n    questions.immediate_risk.text: Geiriau (ffuglennol)\n"
            )
        )
    [problem] = refused.value.problems
    assert "names no field of the file" in problem.message


def test_a_languages_everyday_words_are_the_english_lists_places_as_the_doc_says():
    """A current limit, documented: a language gives each everyday word by its place in the English list, and
    cannot add one past its end."""
    from worked_languages import with_languages

    from toolkit.load import ThresholdsError, load_text

    [left_alone] = [i for i in EXAMPLE["indicators"] if i["id"] == "left-alone"]
    head = "languages:\n  - {code: en, name: English}\n  - {code: cy, name: Cymraeg}\ntranslations:\n  cy:\n"
    load_text(with_languages(head + "    indicators.left-alone.synonyms.0: Geiriau (ffuglennol)\n"))
    past_the_end = f"    indicators.left-alone.synonyms.{len(left_alone['synonyms'])}: Geiriau (ffuglennol)\n"
    with pytest.raises(ThresholdsError):
        load_text(with_languages(head + past_the_end))
    assert "It cannot add words of its own" in " ".join(DOC.split())
