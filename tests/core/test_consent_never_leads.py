"""Issue 25, a DSL's finding: the referral summary led with the partnership's consent question where the child
may be at risk of significant harm. Never lead with parental consent there, however the level was reached (an
emergency, "yes" or "not sure" to immediate risk or significant harm, a worry or rule whose words describe harm,
a route that does not require consent): the consent question goes last, with the guidance's words on consent
where seeking it could put the child at risk. For every partnership, in plain text, Markdown and the CLI (the
page, its copy, print and saved views show the same summary: api.run)."""

from __future__ import annotations

import itertools

import pytest
from conftest import PARTNERSHIPS, loaded
from toolkit_cli import run_toolkit

from levels_of_need import api
from levels_of_need.model import check_from_dict
from levels_of_need.rules import evaluate, may_be_at_risk
from levels_of_need.summary import heading

CONSENT_ANSWERS = ("given", "refused", None)


@pytest.fixture(params=list(PARTNERSHIPS), scope="module")
def any_file(request):

    return loaded(PARTNERSHIPS[request.param])


def consent_heading(thresholds) -> str:
    """The summary's heading for consent where the child may be at risk: the partnership's referral question
    that receives it, numbered last (the summary numbers its questions in the order it shows them), or the
    part's own heading."""
    question = thresholds.referral_question_receiving("consent")
    if question is None:
        return heading(thresholds, "consent")
    return f"{len(thresholds.referral_questions)}. {' '.join(question.question.split())}"


def harm_worry(thresholds):
    return next(i for i in thresholds.indicators if i.describes_harm and not i.is_strength and i.age is None)


def at_risk_checks(thresholds):
    """Every way of reaching a check where the child may be at risk of significant harm."""
    worry = harm_worry(thresholds).id
    plain = next(i for i in thresholds.indicators if not i.describes_harm and not i.is_strength and i.age is None).id
    ways = [
        ("immediate risk yes", [plain], {"immediate_risk": "yes"}),
        ("immediate risk not sure", [plain], {"immediate_risk": "unsure", "significant_harm": "no"}),
        ("significant harm yes", [plain], {"immediate_risk": "no", "significant_harm": "yes"}),
        ("significant harm not sure", [plain], {"immediate_risk": "no", "significant_harm": "unsure"}),
        ("a worry that describes harm, harm not answered", [worry], {"immediate_risk": "no"}),
        ("a worry that describes harm, harm no", [worry], {"immediate_risk": "no", "significant_harm": "no"}),
    ]
    for (name, indicators, answers), consent in itertools.product(ways, CONSENT_ANSWERS):
        given = {**answers, **({"consent": consent} if consent else {})}
        yield f"{name}, consent {consent}", {"indicators": indicators, "age": "7", "answers": given}


def headings_of(markdown: str) -> list[str]:
    return [line[3:].replace("\\", "") for line in markdown.splitlines() if line.startswith("## ")]


def test_where_the_child_may_be_at_risk_consent_comes_last_in_the_guidances_words(any_file):
    consent = consent_heading(any_file)
    for name, raw in at_risk_checks(any_file):
        assert may_be_at_risk(any_file, check_from_dict(raw), evaluate(any_file, check_from_dict(raw))), name
        markdown = api.run_summary(any_file, raw, markdown=True)
        headings = headings_of(markdown)
        assert headings[-2:] == [consent, "Thresholds"], name  # after every other block, never first
        text = api.run_summary(any_file, raw)
        block = text.split(f"\n{consent}\n", 1)[1].split("\nThresholds\n", 1)[0]
        assert "The guidance says:" in block, name
        assert text.index(f"\n{consent}\n") > max(text.index(f"\n{h}\n") for h in headings[:-2]), name


def test_where_nothing_says_the_child_may_be_at_risk_the_partnerships_order_stays(any_file):
    plain = next(i for i in any_file.indicators if not i.describes_harm and not i.is_strength and i.age is None)
    raw = {
        "indicators": [plain.id],
        "age": "7",
        "answers": {"immediate_risk": "no", "significant_harm": "no", "consent": "given"},
    }
    assert not may_be_at_risk(any_file, check_from_dict(raw), evaluate(any_file, check_from_dict(raw)))
    headings = headings_of(api.run_summary(any_file, raw, markdown=True))
    numbered = [h for h in headings if h[0].isdigit()]
    assert numbered == sorted(numbered, key=lambda h: int(h.split(".")[0]))
    assert "The guidance says:" not in api.run_summary(any_file, raw)


def test_the_cli_summary_puts_consent_last_where_harm_is_suspected(thresholds):
    answers = ["--age", "8", "--immediate-risk", "no", "--significant-harm", "yes", "--consent", "refused"]
    done = run_toolkit("summary", *answers, harm_worry(thresholds).id)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    consent = consent_heading(thresholds)
    others = [f"{n}. " for n in range(1, len(thresholds.referral_questions))]
    assert out.index(f"\n{consent}\n") > max(out.index(f"\n{start}") for start in others)
