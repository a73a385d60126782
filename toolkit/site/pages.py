"""The guidance site's pages as Markdown, from Jinja2 templates."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from levels_of_need import saved, training_session
from levels_of_need.interface import CATALOGUE, phrase_text
from levels_of_need.model import (
    MOVE_SECTIONS,
    CaseMove,
    Contact,
    Indicator,
    Level,
    Scenario,
    Thresholds,
    graver_first,
)
from levels_of_need.present import (
    BY_AREA,
    Node,
    age_band,
    age_band_hint,
    consent_unless_judged,
    consent_unless_text,
    contact_ways,
    inline_text,
    level_and_route,
    sentence,
    tel_href,
    timescale_text,
)
from levels_of_need.summary import DETAIL_KEYS
from levels_of_need.training import answer_key_label, consent_held

from ..load.colours import css_class
from ..load.translations import Marked
from . import accessibility, discussion, nothing_found
from .escaping import markdown_field, page_text, plain
from .interface import phrase
from .nothing_found import WORDS_PAGE, has_everyday_words

TEMPLATES = Path(__file__).parent / "templates"
ABBREVIATION = re.compile(r"[A-Za-z][A-Za-z0-9.&]*")  # as the schema's glossary keys
WHOLE = "whole.md"  # the printable whole-guidance page


@dataclass(frozen=True)
class Page:
    path: str  # e.g. "levels/<level id>.md"
    title: str
    section: str | None  # the navigation section, or None for top level
    markdown: str
    in_whole: bool = True  # included in the printable whole-guidance page


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # The partnership's file is data, never markup: every value is escaped for Markdown and HTML
        # (finalize), and template helpers that build markup return Markup (see escaping.py).
        autoescape=True,
        finalize=page_text,
    )
    env.filters["tel"] = tel_href  # the core's one definition of a phone link
    env.filters["oneline"] = oneline
    env.filters["plain"] = plain  # attributes and options hold text only (escaping.plain)
    env.filters["markdown"] = markdown_field
    env.filters["sentence"] = sentence_of
    env.filters["timescale"] = timescale_text
    # The core's one sentence for a route's exceptions to consent, and with the checker's part where it asks.
    env.filters["consent_unless"] = consent_unless_text
    env.filters["consent_unless_judged"] = consent_unless_judged
    return env


def oneline(text: object) -> str:
    """Text with its line breaks and runs of spaces made single spaces (Markup stays Markup)."""
    joined = " ".join(str(text).split())
    return Markup(joined) if hasattr(text, "__html__") else same_language(text, joined)


def same_language(source: object, text: str) -> str:
    """``text`` made from ``source``: still marked as in its own language, if ``source`` was (translations.py)."""
    return Marked(text, source.lang) if isinstance(source, Marked) else text


def sentence_of(text: object) -> str:
    """Text from the file on one line, ended with a full stop unless it ends a sentence already."""
    ended = sentence(str(oneline(text)))
    return Markup(ended) if hasattr(text, "__html__") else same_language(text, ended)


def render(template: str, here: str, t: Thresholds, **context: object) -> str:
    def link(target: str) -> str:
        """A link MkDocs resolves: from one Markdown source to another."""
        return posixpath.relpath(target, posixpath.dirname(here) or ".")

    def url(target: str) -> str:
        """A link in raw HTML, which MkDocs leaves alone: from one built page's URL to another's."""
        relative = posixpath.relpath(served_at(target) or ".", served_at(here) or ".")
        return "./" if relative == "." else relative + "/"

    given = t.phrases

    def words(key: str, **values: object) -> Markup:
        """The toolkit's phrase ``key`` in the page's language (interface.py), values filled in."""
        return phrase(given, key, values)

    def words_text(key: str, **values: object) -> Markup:
        """The same for an attribute or an option, which hold text only."""
        return phrase(given, key, values, text_only=True)

    return (
        _environment()
        .get_template(template)
        .render(
            t=t,
            words=words,
            words_text=words_text,
            here=here,
            link=link,
            url=url,
            theme_ladder=theme_ladder,
            search_terms=search_terms,
            age_band=age_band,
            filter_hint=filter_hint,
            summary_fields=[{"name": name, "key": key} for name, key in DETAIL_KEYS.items()],
            contact_line=contact_line,
            contact_ways_line=contact_ways_line,
            contact_html=contact_html,
            level_page=level_page,
            domain_page=domain_page,
            indicators_of=indicators_of,
            indicator_notes=indicator_notes,
            check_hint=check_hint,
            strength_hint=strength_hint,
            referral_contacts=referral_contacts,
            level_and_route=level_and_route,
            answer_key_label=answer_key_label,
            consent_held=consent_held,
            decided_by=decided_by,
            emergency_answers=emergency_answers(t),
            nothing_found=nothing_found,
            everyday_words=everyday_words,
            graver_rank=graver_rank,
            colour_mark=lambda kind, item_id: colour_mark(t, kind, item_id),
            **context,
        )
    )


def colour_mark(t: Thresholds, kind: str, item_id: str) -> Markup:
    """A heading's attribute list that marks it with the level's or route's colour (toolkit.load.colours),
    or nothing where the file gives none. Ids are checked by the schema: nothing else reaches the Markdown."""
    classes = css_class(t, kind, item_id)
    return Markup(" { " + " ".join(f".{name}" for name in classes.split()) + " }") if classes else Markup("")


def served_at(source: str) -> str:
    """Where a Markdown source is served with directory URLs: "a/b.md" -> "a/b", "index.md" -> ""."""
    stem = source[: -len(".md")]
    return "" if stem == "index" else stem.removesuffix("/index")


def theme_ladder(t: Thresholds, indicator: Indicator) -> list[Indicator]:
    """The same theme's indicators at the other levels, lowest first."""
    if indicator.theme is None:
        return []
    return [i for i in t.indicators if i.theme == indicator.theme and i.level != indicator.level]


def search_terms(indicator: Indicator) -> str:
    """What the checker's filter matches: the indicator's whole vocabulary, as words."""
    return indicator.search_terms


def filter_hint(t: Thresholds) -> str:
    """The hint under the self-check's filter: the partnership's own examples where its file gives
    them, else the first everyday word given for each of its first themes; never a heading's name,
    which is no everyday word."""
    examples = list(t.filter_examples) or [theme.synonyms[0] for theme in t.themes if theme.synonyms][:3]
    if not examples:
        return "Type a word from the worry, or another word for it."
    listed = examples[0] if len(examples) == 1 else f"{', '.join(examples[:-1])} or {examples[-1]}"
    return f"An everyday word works: for example {listed}."


def contact_line(contact: Contact) -> Markup:
    """A contact as Markdown, with every way of reaching it as a link (the words are the self-check's,
    levels_of_need.present); a contact that differs by area, with every area's ways, each labelled."""
    name = f"**{page_text(contact.name)}**"
    if contact.by_area:
        each = "; ".join(f"{page_text(where.name)}: {_ways(own)}" for where, own in contact.by_area)
        return Markup(f"{name}, {page_text(BY_AREA)}: {each}")
    return Markup(f"{name}: {_ways(contact)}")


def contact_ways_line(contact: Contact) -> Markup:
    """A contact's ways of reaching it, without its name: for under a heading that names it already
    (the contacts page), so that each contact is named once there."""

    def ways(own: Contact) -> str:
        # A web page's link says where it goes (its site), not the name the heading gives.
        site = urlsplit(own.url).hostname if own.url else None
        return nodes_markdown(contact_ways(own, url_text=f"{site} (web page)" if site else "web page"))

    if contact.by_area:
        each = "; ".join(f"{page_text(where.name)}: {ways(own)}" for where, own in contact.by_area)
        return Markup(f"{page_text(BY_AREA[0].upper() + BY_AREA[1:])}: {each}")
    return Markup(ways(contact))


def _ways(contact: Contact) -> str:
    return nodes_markdown(contact_ways(contact, url_text=f"{contact.name} (web page)"))


def nodes_markdown(parts: list[Node | str]) -> str:
    """Words and links from the core (present.contact_ways) as Markdown: text escaped, and a link only
    to https:, mailto: or tel: (the validator allows nothing else; anything else shows as text)."""
    out = []
    for part in parts:
        if isinstance(part, str) or "href" not in part.get("attrs", {}):
            out.append(page_text(part if isinstance(part, str) else inline_text(part)))
            continue
        text, href = page_text(inline_text(part)), part["attrs"]["href"]
        linked = href.startswith(("https://", "mailto:", "tel:"))
        out.append(f"[{text}]({link_safe(href)})" if linked else text)
    return "".join(out)


def contact_html(contact: Contact) -> Markup:
    """A contact as HTML, for raw HTML in a page (the self-check's "Call now"): the name in bold, then
    the same words and links as ``contact_line``."""
    if contact.by_area:
        each = "; ".join(f"{page_text(where.name)}: {_ways_html(own)}" for where, own in contact.by_area)
        return Markup(f"<strong>{page_text(contact.name)}</strong>, {page_text(BY_AREA)}: {each}")
    return Markup(f"<strong>{page_text(contact.name)}</strong>: {_ways_html(contact)}")


def _ways_html(contact: Contact) -> str:
    parts = contact_ways(contact, url_text=f"{contact.name} (web page)")
    return "".join(
        page_text(part)
        if isinstance(part, str)
        else f'<a href="{page_text(part["attrs"]["href"])}">{page_text(inline_text(part))}</a>'
        for part in parts
    )


def link_safe(address: str) -> str:
    """An address as a Markdown link target: anything that could end or break the link percent-encoded."""
    return quote(address, safe="@:/?#&=+;,%~!$*'.-_")


def referral_contacts(t: Thresholds) -> list[Contact]:
    """The contacts the routes' next steps use: the ways into the front door."""
    seen: dict[str, Contact] = {}
    for _, route in t.routes():
        for step in route.next_steps:
            if step.contact:
                seen.setdefault(step.contact.id, step.contact)
    return list(seen.values())


def decided_by(t: Thresholds, scenario: Scenario) -> list[str]:
    """What decides a scenario's answer, in the guidance's words; a rule that quotes an indicator word
    for word is listed once."""
    rules = {rule.id: rule for rule in t.rules}
    texts = {}
    for item in scenario.decided_by:
        words = " ".join(rules[item].text.split()) if item in rules else t.indicator(item).text
        shown = words if item in rules else f"“{words}” ({t.indicator(item).level.label})"
        texts.setdefault(words.rstrip("."), shown)
    return list(texts.values())


def everyday_words(t: Thresholds) -> list[tuple[str, list[object]]]:
    """Every everyday word in the file, A to Z, with what it finds: the worries whose own synonyms or
    theme give the word, or a whole domain where the domain gives it. One vocabulary with the filter."""
    found: dict[str, list[object]] = {}
    for domain in t.domains:
        for word in domain.synonyms:
            found.setdefault(word, []).append({"domain": domain})
    for indicator in t.indicators:
        if indicator.is_strength:
            continue
        theme_words = indicator.theme.synonyms if indicator.theme else ()
        for word in (*indicator.synonyms, *theme_words):
            # The words the wording holds too: the search lands on a word's section here first (a short
            # section outranks a level page's), so a worry left out would be hidden behind the others
            # ("self harm" would find only the mild worry, whose wording lacks it).
            if indicator not in found.setdefault(word, []):
                found[word].append(indicator)
    # Under each word, the highest level first: a word with a mild and a grave reading shows the
    # grave one first; a whole domain after the worries.
    rank = graver_rank(t)
    found = {
        word: sorted(items, key=lambda item: rank[item.id] if isinstance(item, Indicator) else len(rank))
        for word, items in found.items()
        if items
    }
    return sorted(found.items(), key=lambda item: item[0].lower())


def graver_rank(t: Thresholds) -> dict[str, int]:
    """Each worry's place when the filter shows what a word finds: the highest level first, so that a
    word with a mild and a grave reading never hides the grave one (levels_of_need.model.graver_first)."""
    return {i.id: n for n, i in enumerate(graver_first(t.indicators, t.levels))}


def emergency_answers(t: Thresholds) -> set[tuple[str, str]]:
    """The answers that alone stop the check (an emergency rule on one question and nothing else), so
    the form can show "call now" the moment one is chosen, before Python has even started."""
    return {
        (question, value)
        for rule in t.rules
        if rule.kind == "emergency" and rule.when.given == {"answers"} and len(rule.when.answers) == 1
        for question, values in rule.when.answers.items()
        for value in values
    }


def level_page(level: Level) -> str:
    return f"levels/{level.id}.md"


def domain_page(domain_id: str) -> str:
    return f"domains/{domain_id}.md"


def indicators_of(t: Thresholds, level_id: str | None = None, domain_id: str | None = None) -> list:
    """The indicators of a level and a domain: an indicator under several domains is under each."""
    return [
        i
        for i in t.indicators
        if (level_id is None or i.level.id == level_id)
        and (domain_id is None or domain_id in {d.id for d in i.domains})
    ]


def indicator_notes(indicator: Indicator, domain_id: str | None = None) -> str:
    """What the guidance's pages say after an indicator, in brackets, where its file says more than its
    words: a strength on a level of worries, the ages it is written for, and the other domains it is
    also under. "" for an indicator with none of these."""
    notes = []
    if indicator.is_strength and indicator.level.indicator_kind != "strength":
        notes.append("a strength")
    if indicator.age is not None:
        notes.append(f"the checker offers it for {age_band(indicator.age)}")
    others = [d.name for d in indicator.domains if d.id != domain_id]
    if len(indicator.domains) > 1:
        notes.append(f"also under {' and '.join(others)}" if domain_id else f"under {indicator.domain_names}")
    return f" ({'; '.join(notes)})" if notes else ""


def strength_hint(indicator: Indicator) -> str:
    """The hint under a strength on the self-check's form: as check_hint where its file says more than
    its words (its level where that lists worries), else "" (strengths on a strength level, as before)."""
    plain = indicator.level.indicator_kind == "strength" and indicator.age is None and not indicator.more_domains
    return "" if plain else check_hint(indicator, f"A strength the guidance lists at {indicator.level.label}.")


def check_hint(indicator: Indicator, lead: str | None = None) -> str:
    """The hint under an indicator on the self-check's form: its level, the ages it is written for and
    the other domains it is also under (the form shows it once, under its first domain)."""
    parts = [lead or sentence(indicator.level.label), age_band_hint(indicator)]
    if indicator.more_domains:
        parts.append(f"Also under {' and '.join(d.name for d in indicator.more_domains)}.")
    return " ".join(part for part in parts if part)


# ---- Pages ----------------------------------------------------------------------------


def title(t: Thresholds, key: str) -> str:
    """A page's title (the navigation's, the browser tab's) in the data's language: the catalogue's phrase,
    as text alone (the navigation holds text only: its words are in the page's language, or English)."""
    return str.__str__(phrase_text(t.phrases, key))


# The navigation's sections, by their English: their words in a language are given at the navigation
# (write.generated_nav), where a hand-written page named under a section's English title has joined it.
SECTIONS = {key: CATALOGUE[key] for key in CATALOGUE if key.startswith("nav.")}


@dataclass(frozen=True)
class PageSpec:
    path: str
    title: str
    section: str | None
    template: str
    context: dict[str, object]
    in_whole: bool = True


def page_specs(t: Thresholds) -> list[PageSpec]:
    """What the site holds, in reading order. Sections a file leaves out get no page."""
    return [
        *_level_specs(t),
        *(
            PageSpec(domain_page(d.id), d.name, SECTIONS["nav.domains"], "domain.md.j2", {"domain": d})
            for d in t.domains
        ),
        *_referral_specs(t),
        *(
            PageSpec(f"guidance/{s.id}.md", s.title, SECTIONS["nav.guidance"], "guidance.md.j2", {"section": s})
            for s in t.guidance
        ),
        *_training_specs(t),
        *_about_specs(t),
    ]


def _level_specs(t: Thresholds) -> list[PageSpec]:
    """The home page, the check, who to contact, and the levels of need."""
    specs = [
        PageSpec("index.md", title(t, "page.home"), None, "home.md.j2", {}, in_whole=False),
        PageSpec(
            "check.md",
            title(t, "check.title"),
            None,
            "check.md.j2",
            {"saved_max_bytes": saved.MAX_BYTES, "scale_characters": saved.SCALE_CHARACTERS},
            in_whole=False,
        ),
        PageSpec("contacts.md", title(t, "page.contacts"), None, "contacts.md.j2", {}),
        PageSpec("continuum.md", title(t, "page.continuum"), SECTIONS["nav.levels-of-need"], "continuum.md.j2", {}),
        *(
            PageSpec(level_page(lv), lv.label, SECTIONS["nav.levels-of-need"], "level.md.j2", {"level": lv})
            for lv in t.levels
        ),
        PageSpec("matrix.md", title(t, "page.matrix"), SECTIONS["nav.levels-of-need"], "matrix.md.j2", {}),
    ]
    if t.themes:
        specs.append(PageSpec("themes.md", title(t, "page.themes"), SECTIONS["nav.levels-of-need"], "themes.md.j2", {}))
    if has_everyday_words(t):
        specs.append(
            PageSpec(
                WORDS_PAGE, title(t, "page.words"), SECTIONS["nav.levels-of-need"], "words.md.j2", {}, in_whole=False
            )
        )
    return specs


def _referral_specs(t: Thresholds) -> list[PageSpec]:
    """Making a referral, its blank template, and escalation and stepping down where the file has them."""
    specs = [
        PageSpec("referral.md", title(t, "page.referral"), SECTIONS["nav.referrals"], "referral.md.j2", {}),
        PageSpec(
            "referral-template.md",
            title(t, "page.referral-template"),
            SECTIONS["nav.referrals"],
            "referral-template.md.j2",
            {},
            in_whole=False,
        ),
    ]
    if t.escalation is not None:
        specs.append(
            PageSpec("escalation.md", title(t, "page.escalation"), SECTIONS["nav.referrals"], "escalation.md.j2", {})
        )
    return specs + _case_move_specs(t)


# Each direction's page: its file and its title.
MOVE_PAGES = {
    "down": ("step-down.md", "page.step-down"),
    "up": ("step-up.md", "page.step-up"),
    "across": ("step-across.md", "page.step-across"),
}


def _case_move_specs(t: Thresholds) -> list[PageSpec]:
    """A page for each direction the file says a case moves in: one path's heading names its levels;
    several paths each get a section under the page's title."""
    specs = []
    for _section, direction in MOVE_SECTIONS:
        moves = [move for move in t.case_moves if move.direction == direction]
        if not moves:
            continue
        path, key = MOVE_PAGES[direction]
        heading = move_heading(moves[0]) if len(moves) == 1 else title(t, key)
        context = {"heading": heading, "moves": moves, "move_heading": move_heading}
        specs.append(PageSpec(path, title(t, key), SECTIONS["nav.referrals"], "case-moves.md.j2", context))
    return specs


def move_heading(move: CaseMove) -> str:
    """A path's heading: the levels it moves between, or, across, the two routes and their level."""
    if move.direction == "down":
        return f"Stepping down from {move.start.label} to {move.end.label}"
    if move.direction == "up":
        return f"Stepping up from {move.start.label} to {move.end.label}"
    start, end = move.start_route.name if move.start_route else "", move.end_route.name if move.end_route else ""
    return f"Stepping across from {start} to {end} ({move.start.label})"


def _training_specs(t: Thresholds) -> list[PageSpec]:
    """The training pages, where the file has scenarios."""
    if not t.scenarios:
        return []
    # The presenter's session: its scenario sets, the toolkit's discussion prompts, and the one size limit
    # of a session file (the page refuses a larger file unread; Python refuses it too).
    session = {
        "sets": training_session.session_sets(t),
        "set_label": training_session.set_label,
        "prompts": discussion.PROMPTS,
        "prompts_label": discussion.LABEL,
        "session_max_bytes": training_session.MAX_BYTES,
        "not_sure_label": training_session.NOT_SURE_LABEL,
        "step_names": training_session.STEP_NAMES,
    }
    return [
        PageSpec(
            f"training/{path}.md",
            title(t, key),
            SECTIONS["nav.training"],
            template,
            session if path == "presenter" else {},
            in_whole=False,
        )
        for path, key, template in (
            ("index", "page.training", "training.md.j2"),
            ("practice", "page.practice", "training-practice.md.j2"),
            ("presenter", "page.presenter", "training-presenter.md.j2"),
            ("handout", "page.handout", "training-handout.md.j2"),
            ("answers", "page.answers", "training-answers.md.j2"),
        )
    ]


def _about_specs(t: Thresholds) -> list[PageSpec]:
    return [
        PageSpec("glossary.md", title(t, "page.glossary"), SECTIONS["nav.about"], "glossary.md.j2", {}),
        PageSpec("about.md", title(t, "page.about"), SECTIONS["nav.about"], "about.md.j2", {}),
        PageSpec(
            "accessibility.md",
            title(t, "page.accessibility"),
            SECTIONS["nav.about"],
            "accessibility.md.j2",
            {
                "statement": accessibility.statement(t),
                "link_to": accessibility.markdown_link,
                "REGULATIONS_URL": accessibility.REGULATIONS_URL,
                "EASS_URL": accessibility.EASS_URL,
            },
            in_whole=False,
        ),
    ]


def site_pages(t: Thresholds) -> list[Page]:
    """Every generated page, in reading order, ending with the printable whole guidance."""
    specs = page_specs(t)
    pages = [Page(s.path, s.title, s.section, render(s.template, s.path, t, **s.context), s.in_whole) for s in specs]
    pages.append(Page(WHOLE, title(t, "page.whole"), SECTIONS["nav.about"], whole_guidance(t, specs), in_whole=False))
    return pages


def whole_guidance(t: Thresholds, specs: list[PageSpec]) -> str:
    """Every page in one, for trainers to print. Each page's headings move down one level."""
    parts = [render("whole.md.j2", WHOLE, t)]
    for spec in specs:
        if spec.in_whole:
            markdown = without_front_matter(render(spec.template, WHOLE, t, **spec.context))
            parts.append(re.sub(r"^(#{1,5}) ", r"#\1 ", markdown, flags=re.MULTILINE))
    return "\n\n".join(parts)


FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def without_front_matter(markdown: str) -> str:
    """A page's Markdown without its front matter, which tells the engine how to treat the page
    (search, navigation): inside another page it would be shown as text."""
    return FRONT_MATTER.sub("", markdown, count=1)


def abbreviations(t: Thresholds) -> str:
    """Markdown abbreviation definitions, appended to every page for tooltips.

    The meaning becomes a title attribute, which Markdown escapes; it is kept to one line so that
    nothing of it can start a line of its own. A key that is not an abbreviation is left out.
    """
    return "\n".join(
        f"*[{abbr}]: {oneline(meaning)}" for abbr, meaning in sorted(t.glossary.items()) if ABBREVIATION.fullmatch(abbr)
    )
