"""Every sentence the toolkit itself writes is either the guidance's words (found in the partnership's
documents, quotes and spaces made plain) or listed in toolkit/own_words.txt, marked as the toolkit's
own. A new claim cannot slip in unnoticed: it fails here until it is quoted or listed for review."""

from __future__ import annotations

import re

import pytest
from conftest import require_seeds
from toolkit_sentences import (
    OWN_WORDS,
    normalise,
    own_words,
    python_text,
    script_text,
    sentences,
    template_text,
    toolkit_sentences,
    unaccounted,
)

# The partnership's own documents: 000, 001 and 003. Seed 004 is a blog post on another MASH and 002
# another partnership's guidance; a sentence found only there is not Medway's guidance.
PARTNERSHIP_SEEDS = ("000_", "001_", "003_")
INVENTED = "Strengths never lower a statutory concern."


@pytest.fixture(scope="module")
def seeds() -> str:
    paths = [p for p in sorted(require_seeds().parent.glob("*.txt")) if p.name.startswith(PARTNERSHIP_SEEDS)]
    assert len(paths) == len(PARTNERSHIP_SEEDS)
    text = " ".join(path.read_text(encoding="utf-8") for path in paths)
    # A line of digits alone is a page number of the PDF the text came from.
    return normalise(re.sub(r"^\s*\d+\s*$", " ", text, flags=re.MULTILINE))


@pytest.fixture(scope="module")
def phrases() -> set[str]:
    return own_words()[0]


@pytest.fixture(scope="module")
def found() -> list[tuple[str, str]]:
    return toolkit_sentences()


def test_the_sentences_are_found_in_every_kind_of_file(found):
    where = {w for w, _ in found}
    for name in (
        "check.md.j2",
        "levels_of_need/interface.py",
        "summary.py",
        "training.py",
        "engine.js",
    ):
        assert any(w.endswith(name) for w in where), name
    assert len(found) > 400


def test_the_result_and_the_saved_checks_words_are_the_catalogues_alone(found):
    # Every sentence of the result, "Check your answers" and the messages about saving and opening a check
    # is a phrase of the catalogue (interface.py), which a language may give its words for (issue 29).
    assert [(w, s) for w, s in found if w.endswith(("present.py", "saved.py"))] == []


def test_the_check_practice_and_presenter_scripts_write_no_sentence_of_their_own(found):
    # A thin page (issue 23, point 6): what the self-check and the practice page say is Python's, or the
    # template's words that the script shows (a data-* attribute, audited above with the template).
    assert [(w, s) for w, s in found if w.endswith(("check.js", "practice.js", "presenter.js"))] == []


def test_every_sentence_the_toolkit_writes_is_the_guidances_or_its_own_words(found, phrases, seeds):
    assert unaccounted(found, phrases, seeds) == []


def test_every_line_of_the_own_words_file_is_marked_as_the_toolkits_own():
    _, unmarked = own_words()
    assert unmarked == []


def test_every_own_phrase_is_still_written_somewhere(found, phrases):
    # A stale entry would let the same words back in unreviewed.
    written = {normalise(s) for _, s in found}
    assert sorted(phrases - written) == []


def test_the_own_words_hold_no_claim_the_audit_found_invented(phrases):
    for claim in (
        "strengths do not lower",
        "strengths never lower",
        "what is working well?",
        "once you have telephoned and made the referral",
        "before anything else",
        "published by",
        "is committed to making its website",
        "this is the",
    ):
        assert not [p for p in phrases if claim in p], claim


# ---- the test catches an invented sentence, wherever it is written ------------------------------


def test_an_invented_sentence_in_a_template_is_caught(phrases, seeds):
    template = "\n".join(
        ["## Next steps", "", "{# a comment #}Under {{ route.statute }}. " + INVENTED, "{% if x %}Continue{% endif %}"]
    )
    written = [("injected.md.j2", s) for s in sentences(template_text(template))]
    assert unaccounted(written, phrases, seeds) == [("injected.md.j2", INVENTED)]


def test_an_invented_sentence_in_the_core_is_caught(phrases, seeds):
    source = f'def advice(level):\n    """Not shown."""\n    return f"Suggested level: {{level}}. {INVENTED}"\n'
    written = [("injected.py", s) for text in python_text(source) for s in sentences(text)]
    assert unaccounted(written, phrases, seeds) == [("injected.py", INVENTED)]


def test_an_invented_sentence_in_a_page_script_is_caught(phrases, seeds):
    source = f'// Don\'t count this: it is a comment.\nsay("status", `The checker is ready. {INVENTED}`);\n'
    written = [("injected.js", s) for text in script_text(source) for s in sentences(text)]
    assert unaccounted(written, phrases, seeds) == [("injected.js", INVENTED)]


def test_a_cut_or_altered_quotation_of_the_seeds_is_caught(phrases, seeds):
    # The seed's words, one changed: not the guidance, and not the toolkit's own.
    altered = "Immediate safeguarding concerns should always be made by email to First Response."
    assert unaccounted([("injected", altered)], phrases, seeds) == [("injected", altered)]
    # The seed's own sentence passes, however its quotes and spaces are written.
    quoted = "Having a  conversation doesn’t always result in increased levels of intervention."
    assert unaccounted([("quoted", quoted)], phrases, seeds) == []


def test_the_own_words_file_is_the_one_the_toolkit_keeps():
    assert OWN_WORDS.name == "own_words.txt" and OWN_WORDS.parent.name == "toolkit"
