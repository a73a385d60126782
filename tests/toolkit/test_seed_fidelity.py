"""thresholds.yml says what the partnership's documents say: verbatim, at the right level."""

from __future__ import annotations

import itertools
import json
import re

import pytest
from conftest import require_seeds
from seed_table import seed_bullets, seed_bullets_by_level


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return require_seeds().read_text(encoding="utf-8")


def test_every_seed_bullet_is_an_indicator_verbatim(thresholds, seed_text):
    bullets = seed_bullets(seed_text)
    texts = [i.text for i in thresholds.indicators]
    assert len(bullets) == 95
    assert sorted(bullets) == sorted(texts)


def test_every_indicator_is_at_its_seed_level(thresholds, seed_text):
    levels = seed_bullets_by_level(seed_text)
    wrong = {i.id: (i.level.number, levels[i.text]) for i in thresholds.indicators if levels[i.text] != i.level.number}
    assert wrong == {}
    assert {n: sum(1 for v in levels.values() if v == n) for n in (1, 2, 3)} == {1: 19, 2: 42, 3: 34}


def test_level_one_descriptors_are_strengths_and_others_worries(thresholds):
    kinds = {lv.number: lv.indicator_kind for lv in thresholds.levels}
    assert kinds == {1: "strength", 2: "worry", 3: "worry"}


def test_seed_domains_are_kept_where_the_table_is_not_merged(thresholds, seed_text):
    # Level 1 cells are separate in the extraction: their domain is certain.
    first_domain = {
        "Good education attendance (over 90%)": "child-development",
        "Stable relationships with caregivers": "family-environment",
        "Protected by carers": "parents-carers",
    }
    for text, domain in first_domain.items():
        assert next(i for i in thresholds.indicators if i.text == text).domain.id == domain


@pytest.mark.parametrize(
    ("contact_id", "number"),
    [
        ("emergency", "999"),
        ("first-response", "01634 334466"),
        ("out-of-hours", "03000 419191"),
        ("prevent-advice", "101"),
        ("anti-terrorist-hotline", "0800 789 321"),
    ],
)
def test_contact_numbers_match_the_seed(thresholds, seed_text, contact_id, number):
    assert thresholds.contact(contact_id).phone == number
    assert number.replace(" ", "") in seed_text.replace(" ", "")


@pytest.mark.parametrize(
    ("timescale_id", "within", "seed_words"),
    [
        ("acknowledgement", "one working day", "Within one working day of a contact and"),
        ("decision", "24 hours", "decision on every contact and referral within 24 hours"),
        ("outcome-in-writing", "5 working days", "outcome of their referral in writing within 5 working days"),
        ("escalation-stage", "5 working days", "A response is required within 5 working days"),
        ("social-worker-involvement", "the past 12 weeks", "social worker involvement within the past 12 weeks"),
    ],
)
def test_timescales_match_the_seed(thresholds, seed_text, timescale_id, within, seed_words):
    timescale = next(t for t in thresholds.timescales if t.id == timescale_id)
    assert timescale.within == within
    assert seed_words in _flat(seed_text)


def test_escalation_has_four_stages_of_five_working_days(thresholds, seed_text):
    stages = thresholds.data["escalation"]["stages"]
    assert [s["number"] for s in stages] == [1, 2, 3, 4]
    assert [s.get("timescale") for s in stages] == ["escalation-stage"] * 3 + [None]
    for stage in stages:
        assert stage["text"] in _flat(seed_text)


def test_signs_of_safety_has_the_seven_questions_of_the_seed(thresholds, seed_text):
    questions = thresholds.data["signs_of_safety"]
    assert len(questions) == 7
    for question in questions:
        assert question in _flat(seed_text)


def test_six_referral_questions_are_the_seeds_own(thresholds, seed_text):
    questions = thresholds.data["referral_questions"]
    assert len(questions) == 6
    flat = _flat(seed_text)
    for number, question in enumerate(questions, start=1):
        assert f"{number}. {_flat(question['question'])}" in flat


def test_medway_gives_no_brag_rating_and_nothing_from_seed_004(thresholds):
    # BRAG is in seed 004 only, a blog post on another MASH; 001 never mentions it.
    assert {route.id: route.brag for _, route in thresholds.routes()} == dict.fromkeys(
        ["universal", "early-help", "child-in-need", "child-protection"]
    )
    text = json.dumps(thresholds.data, ensure_ascii=False)
    assert "BRAG" not in text and "brag" not in thresholds.data
    for sentence in ("referred directly to them", "MASH screening officers", "Consent before initiation"):
        assert sentence not in text


def test_consent_is_needed_for_early_help_and_s17_but_not_s47(thresholds):
    consent = {route.id: route.consent_required for _, route in thresholds.routes()}
    assert consent == {"universal": None, "early-help": True, "child-in-need": True, "child-protection": False}


@pytest.fixture(scope="module")
def all_seeds_flat() -> str:
    """Every seed document as one lower-case line, apostrophes and dashes made plain."""
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(require_seeds().parent.glob("*.txt")))
    # A line of digits alone is a page number of the PDF the text came from, not the guidance's words.
    return _plain(re.sub(r"^\s*\d+\s*$", " ", text, flags=re.MULTILINE))


def _plain(text: str) -> str:
    return _flat(text.replace("’", "'").replace("–", "-")).lower()


def _quoted_pieces(quotation: str) -> list[str]:
    """A quotation's verbatim stretches, sentence by sentence (a rule may join sentences from
    different places): "…" marks words left out, "[…]" words put in."""
    pieces = re.split(r"…|\[[^\]]*\]|(?<=[.?!])\s+", _flat(quotation))
    return [piece.strip(" .,;:") for piece in pieces if piece.strip(" .,;:")]


def test_caveats_and_every_rule_are_the_seeds_own_words(thresholds, all_seeds_flat):
    # The checker shows a rule's text as the guidance's words: it must be them.
    for text in (*thresholds.caveats, *(rule.text for rule in thresholds.rules)):
        for piece in _quoted_pieces(text):
            assert _plain(piece) in all_seeds_flat, piece


def test_every_quotation_in_the_training_scenarios_is_the_seeds_own_words(thresholds, all_seeds_flat):
    quotations = [
        (scenario.id, quotation)
        for scenario in thresholds.scenarios
        for text in (*scenario.teaching_points, *scenario.common_mistakes)
        for quotation in re.findall(r"“([^”]+)”", text)
    ]
    assert len(quotations) >= 20
    for scenario_id, quotation in quotations:
        for piece in _quoted_pieces(quotation):
            assert _plain(piece) in all_seeds_flat, (scenario_id, piece)


# The seeds use these without ever spelling them out: the glossary gives them no meaning it would invent.
UNEXPANDED_IN_THE_SEEDS = {"DOB", "GP", "FISD"}


def test_glossary_covers_every_abbreviation_used(thresholds):
    def words_shown(value):
        # Synonyms and the filter's examples are aids for finding a worry, never shown as the guidance's
        # words: an abbreviation a practitioner types ("HSB", "DV") needs no glossary entry the seeds do not give.
        if isinstance(value, dict):
            return {k: words_shown(v) for k, v in value.items() if k not in ("synonyms", "filter_examples")}
        return [words_shown(v) for v in value] if isinstance(value, list) else value

    text = json.dumps(words_shown(thresholds.data), ensure_ascii=False)
    used = set(re.findall(r"\b[A-Z][A-Za-z]*[A-Z]s?\b", text))
    missing = sorted(used - set(thresholds.glossary))
    assert missing == sorted(UNEXPANDED_IN_THE_SEEDS & used)


@pytest.fixture(scope="module")
def medway_seeds() -> str:
    """Seeds 000, 001 and 003 only, the partnership's own documents, in their own case."""
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(require_seeds().parent.glob("00[013]_*.txt")))
    return re.sub(r"^\s*\d+\s*$", " ", text, flags=re.MULTILINE)


def test_every_glossary_entry_is_the_seeds_own(thresholds, medway_seeds):
    # Issue 22's I2: "LADO Local authority designated officer" was in the glossary; no seed has it.
    # The glossary says "Abbreviations used in this guidance": each is in the seeds, and so is its meaning
    # (the words before any bracket; a bracket quotes the seeds too).
    assert len(thresholds.glossary) > 10
    for abbreviation, meaning in thresholds.glossary.items():
        assert re.search(rf"\b{re.escape(abbreviation)}\b", medway_seeds), abbreviation
        for piece in re.split(r"[()]", meaning):
            if piece.strip(" .,;"):
                assert _plain(piece.strip(" .,;")) in _plain(medway_seeds), (abbreviation, piece)
    for abbreviation in UNEXPANDED_IN_THE_SEEDS:
        assert re.search(rf"\b{abbreviation}\b", medway_seeds), abbreviation
        assert abbreviation not in thresholds.glossary


def test_every_next_step_and_level_text_is_the_seeds_own_words(thresholds, all_seeds_flat):
    # Next steps are shown as what to do, so they quote the guidance too ("…" for words left out).
    texts = [step.text for _, route in thresholds.routes() for step in route.next_steps]
    texts += [text for level in thresholds.levels for text in (level.summary, level.description)]
    texts += [route.response for _, route in thresholds.routes()]
    texts += [q["guidance"] for q in thresholds.data["referral_questions"]]
    texts += [thresholds.age_range.text]
    assert len(texts) > 25
    for text in texts:
        for piece in _quoted_pieces(text):
            assert _plain(piece) in all_seeds_flat, piece


def test_what_the_site_lacked_is_now_there_in_the_seeds_words(thresholds, all_seeds_flat):
    statutory = thresholds.level("statutory").description
    assert "children who are remanded into custody" in " ".join(statutory.split())
    children_act = next(s for s in thresholds.data["guidance"] if s["id"] == "children-act")["body"]
    assert "have a duty to refer under both s.17 (children in need) and s.47" in children_act
    what_has_been_done = next(q for q in thresholds.data["referral_questions"] if q["id"] == "what-has-been-done")
    assert "chronic neglect with families who appear compliant with plans" in " ".join(
        what_has_been_done["guidance"].split()
    )
    duty = next(line for line in children_act.splitlines() if "have a duty to refer" in line)
    for piece in _quoted_pieces(duty):
        assert _plain(piece) in all_seeds_flat, piece


# ---- a quotation never stops where the seed's sentence carries on, unless "…" says so ------------------


def _guidance_texts(thresholds) -> list[tuple[str, str]]:
    """Every text the site and the checker show as the guidance's own words, with where it is."""
    data = thresholds.data
    texts = [(f"contacts[{c['id']}].when", c["when"]) for c in data["contacts"]]
    texts += [(f"timescales[{t['id']}].text", t["text"]) for t in data["timescales"]]
    texts += [(f"rules[{r.id}].text", r.text) for r in thresholds.rules]
    for level in thresholds.levels:
        texts += [(f"levels[{level.id}]", level.summary), (f"levels[{level.id}]", level.description)]
    for _, route in thresholds.routes():
        texts += [(f"routes[{route.id}].response", route.response)]
        texts += [(f"routes[{route.id}].next_steps", step.text) for step in route.next_steps]
    texts += [(f"referral_questions[{q['id']}]", q["guidance"]) for q in data["referral_questions"]]
    texts += [("escalation.intro", data["escalation"]["intro"]), *(("caveats", c) for c in thresholds.caveats)]
    for section in data["guidance"]:
        for line in section["body"].splitlines():
            if line.strip() and not line.lstrip().startswith("#"):  # headings are the site's
                line = re.sub(r"^\s*(?:[-*>]|\d+\.)\s*", "", line)
                texts.append((f"guidance[{section['id']}]", re.sub(r"\[([^\]]*)\]\([^)]*\)", " … ", line)))
    for scenario in thresholds.scenarios:
        for text in (*scenario.teaching_points, *scenario.common_mistakes):
            # A quotation that ends a sentence inside its quotes stands as a whole sentence of the seed.
            texts += [(f"scenarios[{scenario.id}]", q) for q in re.findall(r"“([^”]+[.?!])”", text)]
    return texts


def _cut_short(text: str, seeds: str) -> list[str]:
    """The stretches of ``text`` that stop where every matching place in ``seeds`` (in their own case)
    carries on."""
    lower = seeds.lower()
    cut = []
    stretches = re.split(r"…|\[[^\]]*\]", _flat(text))
    for number, stretch in enumerate(stretches):
        marked_after = number < len(stretches) - 1
        sentences = [s for s in re.split(r"(?<=[.?!])\s+", stretch.strip()) if s.strip(" .,;:")]
        for position, sentence in enumerate(sentences):
            # Marked as cut, or going on in the next line (a clause of the Act, a list's comma).
            if (marked_after and position == len(sentences) - 1) or sentence.rstrip().endswith((",", ";")):
                continue
            words = _plain(sentence).strip(" .,;:")
            if len(words.split()) < 3:
                continue
            following = [seeds[m.end() : m.end() + 2].strip()[:1] for m in re.finditer(re.escape(words), lower)]
            # The seed's sentence ends there (its stop, a bracket, a quote) or a new one, a heading or a
            # list item starts (the PDF dropped some stops). A small letter or a comma means it carries on.
            if following and all(f and (f.islower() or f == ",") for f in following):
                cut.append(words)
    return cut


@pytest.fixture(scope="module")
def seeds_in_their_case() -> str:
    """The seeds as one line, apostrophes and dashes made plain, bullets gone, in their own case."""
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(require_seeds().parent.glob("*.txt")))
    text = re.sub(r"^\s*\d+\s*$", " ", text, flags=re.MULTILINE).replace("•", " ")
    return _flat(text.replace("’", "'").replace("–", "-")).strip()


def test_no_quotation_stops_where_the_seeds_sentence_carries_on(thresholds, seeds_in_their_case):
    # The audit's N6 and N7: "…to meet the child's needs." where 001 goes on "and reduce any risks to their
    # safety"; "…whether statutory services are needed." where it goes on "to ensure the child reaches …".
    texts = _guidance_texts(thresholds)
    assert len(texts) > 150
    assert [(where, cut) for where, text in texts for cut in _cut_short(text, seeds_in_their_case)] == []


def test_the_cut_check_finds_a_cut_the_audit_found(seeds_in_their_case):
    seeds = seeds_in_their_case
    cut = "Where you are becoming more concerned … agree what else needs to happen to meet the child’s needs."
    assert _cut_short(cut, seeds) == ["agree what else needs to happen to meet the child's needs"]
    assert _cut_short(cut[:-1] + " …", seeds) == []


# ---- two quoted sentences side by side are side by side in the seed, unless "…" says so ---------------

_GAP = r"[\s•-]*(?:\d+\.\s+)?"  # between two sentences of the seed: spaces, a bullet, a list's number


def _sentences_of(stretch: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.?!])\s+", stretch.strip()) if len(s.strip(" .,;:").split()) >= 3]


def _not_adjacent(text: str, seeds: str) -> list[tuple[str, str]]:
    """Each pair of sentences that ``text`` quotes one after the other, with no "…" between them, that
    sits in ``seeds`` (in its own case) apart or in another order: words were left out unmarked."""
    lower = seeds.lower()
    apart = []
    for stretch in re.split(r"…|\[[^\]]*\]", _flat(text)):
        sentences = [_plain(s) for s in _sentences_of(stretch)]
        for first, second in itertools.pairwise(sentences):
            ends = [m.end() for m in re.finditer(re.escape(first), lower)]
            if not ends or second not in lower:
                continue  # not the seed's words at all: the verbatim tests above say so
            if not any(re.match(_GAP + re.escape(second), lower[end:]) for end in ends):
                apart.append((first, second))
    return apart


def _guidance_blocks(thresholds) -> list[tuple[str, str]]:
    """Each guidance section's text between two headings as one passage: paragraphs that follow one
    another on the page follow one another in the seed too, unless "…" says so."""
    blocks = []
    for section in thresholds.data["guidance"]:
        for block in re.split(r"^\s*#.*$", section["body"], flags=re.MULTILINE):
            lines = [re.sub(r"^\s*(?:[-*>]|\d+\.)\s*", "", line) for line in block.splitlines()]
            text = " ".join(re.sub(r"\[([^\]]*)\]\([^)]*\)", " … ", line) for line in lines if line.strip())
            blocks.append((f"guidance[{section['id']}]", text.replace("**", "")))
    return blocks


def test_no_two_quoted_sentences_are_joined_where_the_seed_has_words_between(thresholds, seeds_in_their_case):
    # Issue 22's W3: "The emphasis is on helping families rather than ‘intervening’. Whilst there is an
    # emphasis on the strengths …" where 001 has "The focus is shifted … helping parents to change." between.
    texts = [(where, text) for where, text in _guidance_texts(thresholds) if not where.startswith("guidance[")]
    texts += _guidance_blocks(thresholds)
    found = [(where, pair) for where, text in texts for pair in _not_adjacent(text, seeds_in_their_case)]
    assert found == []


def test_the_adjacency_check_finds_a_gap_the_audit_found(seeds_in_their_case):
    joined = (
        "The emphasis is on helping families rather than ‘intervening’. Whilst there is an emphasis on the "
        "strengths in the child’s network, the child’s safety is always the focus of any help provided."
    )
    assert len(_not_adjacent(joined, seeds_in_their_case)) == 1
    marked = joined.replace("‘intervening’. ", "‘intervening’. … ")
    assert _not_adjacent(marked, seeds_in_their_case) == []
    whole = (
        "The emphasis is on helping families rather than ‘intervening’. The focus is shifted from a way of "
        "working where professionals are considered to be the experts to a constructive, relationship-based "
        "model of helping parents to change."
    )
    assert _not_adjacent(whole, seeds_in_their_case) == []


def test_every_timescale_names_only_what_the_seed_attaches_it_to(thresholds, seed_text):
    # Issue 22's W2: "Response at each stage of escalation: 5 working days." where 001 gives the
    # 5 working days to stages 1-3 only ("Stage 4 – Involving the Medway Safeguarding Children Partnership").
    stages = thresholds.data["escalation"]["stages"]
    for timescale in thresholds.timescales:
        carried_by = [s["number"] for s in stages if s.get("timescale") == timescale.id]
        if not carried_by:
            continue
        label = timescale.label.lower()
        assert "each stage" not in label and "every stage" not in label, timescale.label
        assert set(map(int, re.findall(r"\b\d+\b", label))) == set(carried_by), timescale.label
    flat = _flat(seed_text)
    assert re.search(r"Stage 4 – Involving the Medway Safeguarding Children Partnership(?! \(A response)", flat)


def _section(thresholds, section_id: str) -> str:
    return _flat(next(s for s in thresholds.data["guidance"] if s["id"] == section_id)["body"])


def test_the_seed_text_the_second_audit_missed_is_there_where_the_guidance_puts_it(thresholds):
    # Issue 22's G1-G5 (the fresh audit of 2026-12-05): each in 001's words, where 001 puts it.
    universal = next(route for _, route in thresholds.routes() if route.id == "universal")
    assert "Information about other resources available to families can be found at: Medway FISD" in [
        _flat(step.text) for step in universal.next_steps
    ]
    assert "Government publication: Information sharing advice for safeguarding practitioners" in _section(
        thresholds, "information-sharing"
    )
    other = _section(thresholds, "other-referrals")
    forms = "Referral forms can be downloaded from here"
    assert f"coordinated safety plan is drawn up to support the victim. {forms}" in other
    assert "a risk focused, coordinated plan drawn up. Referral information" in other
    assert forms in _flat(next(r for r in thresholds.rules if r.id == "marac").text)
    sought = "It is imperative that these risks are not overlooked, and that advice and guidance is sought"
    assert sought in other and sought in _flat(next(r for r in thresholds.rules if r.id == "prevent").text)
    restored = {
        "signs-of-safety": "The focus is shifted from a way of working where professionals are considered",
        "assessment-tools": "The tool allows parents and professionals to identify specific areas of concern",
        "after-referral": "For example, that their parent or carer will engage with a specific course",
        "other-referrals": "Prevent is about safeguarding our communities from the threat of terrorism",
        "mash": "We work with families and wider partners in the community to create a holistic family plan.",
    }
    for section_id, words in restored.items():
        assert words in _section(thresholds, section_id), section_id


def _outside_quotations(text: str) -> str:
    return re.sub(r"“[^”]*”", "“…”", _flat(text))


def test_scenarios_claim_nothing_of_the_guidance_it_does_not_say(thresholds):
    # Issue 22's I3: "A falling-out that adults helped to settle is not an indicator." and "The guidance's
    # advice for that case" were the trainers' words given as the guidance's. A scenario says only what an
    # indicator is (checked against the file) and quotes the rest; it never says what is not an indicator.
    claims = 0
    for scenario in thresholds.scenarios:
        for text in (*scenario.teaching_points, *scenario.common_mistakes):
            own = _outside_quotations(text)
            assert not re.search(r"\bnot an? (?:indicator|worry)\b", own, re.IGNORECASE), (scenario.id, text)
            assert not re.search(r"guidance(?:'|’)s (?:advice|view|answer)", own, re.IGNORECASE), (scenario.id, text)
            for quoted, number in re.findall(r"“([^”]+)” is a Level (\d) indicator", _flat(text)):
                # A worry may be named by its first words ("Concerns about underage sexual activity").
                named = [i for i in thresholds.indicators if _flat(i.text).startswith(quoted.rstrip("."))]
                assert [i.level.number for i in named] == [int(number)], (scenario.id, quoted)
                claims += 1
    assert claims >= 8


def test_a_scenario_files_an_injury_as_unexplained_only_where_nobody_explains_it(thresholds):
    # Issue 22's W4: marks from a belt that the boy explains were filed as "Unexplained, non accidental,
    # suspicious injury"; "Evidence of physical, emotional or sexual abuse or neglect" is what fits.
    unexplained = {i.id for i in thresholds.indicators if "unexplained" in i.text.lower()}
    chosen = 0
    for scenario in thresholds.scenarios:
        if unexplained & scenario.check.indicators:
            chosen += 1
            vignette = _flat(scenario.vignette)
            assert re.search(r"(?:does not know|cannot say|can say) how", vignette), scenario.id
            assert not re.search(r"\b(?:hit|belt|punched|kicked)\b", vignette), scenario.id
    assert chosen >= 2
    belt = next(s for s in thresholds.scenarios if "belt" in s.vignette)
    assert "l3-evidence-of-abuse" in belt.check.indicators
