"""The toolkit's own interface words: one message catalogue (docs/format.md, "Other languages and easy read").

Each key names one of the toolkit's own phrases (a heading, a button, a label, a word a page script
shows), and ``CATALOGUE`` holds its English, the only language the toolkit ships: each phrase is written
here once, and whatever shows it asks for it by key: the site's templates (toolkit/site/interface.py) and
the checker's Python, which runs in the browser and so holds the catalogue here, in the core. A
partnership that declares another language may give its own words for any key, as data::

    interface:
      cy:
        check.continue: Parhau

A language's data holds its own words under ``IN_LANGUAGE`` (toolkit.load.translations.translated); a key
it leaves out shows the English. A ``{name}`` in a phrase is a value filled in where it is shown, and a
translation keeps the same ones. Standard library only (runs in the browser).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Where a language's words for the catalogue's phrases sit in its data: that language's words alone (the
# file's own ``interface`` holds every language's).
IN_LANGUAGE = "interface_words"

# Keys: a page or part of the site, a dot, the phrase's own name (lower case, digits and dashes).
KEY = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")

CATALOGUE: dict[str, str] = {
    # Every page with an emergency rule (_emergency.md.j2): the box's name, read aloud.
    "emergency.label": "In an emergency",
    # The navigation: its sections and the generated pages' titles (toolkit/site/pages.py).
    "nav.levels-of-need": "Levels of need",
    "nav.domains": "Domains",
    "nav.referrals": "Referrals",
    "nav.guidance": "Guidance",
    "nav.training": "Training",
    "nav.about": "About",
    "page.home": "Home",
    "page.contacts": "Who to contact",
    "page.continuum": "The continuum of need",
    "page.matrix": "All indicators by domain",
    "page.themes": "The same theme across levels",
    "page.words": "Everyday words",
    "page.referral": "Making a referral",
    "page.referral-template": "Blank referral template",
    "page.escalation": "Escalation: resolving professional differences",
    "page.training": "Training scenarios",
    "page.practice": "Practise a scenario",
    "page.presenter": "Presenter view",
    "page.handout": "Learner handout",
    "page.answers": "Trainer answer sheet",
    "page.glossary": "Glossary",
    "page.about": "About this guidance",
    "page.accessibility": "Accessibility statement",
    "page.whole": "The whole guidance (for printing)",
    "page.step-down": "Stepping down",
    "page.step-up": "Stepping up",
    "page.step-across": "Stepping across",
    # A level's page (level.md.j2).
    "level.response": "What response to expect",
    "level.under-statute": "Under {statute}.",
    "level.consent-required": "Parents must consent",
    "level.consent-to-support": "to support on this route.",
    "level.next-steps": "Next steps",
    "level.indicators": "Indicators",
    "level.strengths-note": (
        "These describe a child whose needs are met. The self-check records them as strengths; it never "
        "lowers a level because of them."
    ),
    # The accessibility statement (accessibility.md.j2), in the order the regulations' model statement gives
    # its parts. {site} and {partnership} are the file's names; the links' words are phrases of their own.
    "accessibility.applies": (
        "This accessibility statement applies to the {site} website, built from the {partnership}’s guidance."
    ),
    "accessibility.want": (
        "We want as many people as possible to be able to use this website, on a phone, on a locked-down laptop, "
        "with a keyboard alone or with a screen reader. For example, you should be able to:"
    ),
    "accessibility.able-zoom": "zoom in up to 400% without the text spilling off the screen;",
    "accessibility.able-keyboard": "use the whole site, the self-check included, with a keyboard alone;",
    "accessibility.able-search": "find any indicator, phone number or term with the search box;",
    "accessibility.able-abbreviations": "hover over or focus an abbreviation to see its meaning, or read the glossary;",
    "accessibility.able-print": "print any page, with the navigation left out.",
    "accessibility.how-accessible": "How accessible this website is",
    "accessibility.some-not-accessible": "We know some parts of this website are not fully accessible:",
    "accessibility.no-part-not-accessible": "We know of no part of this website that is not accessible.",
    "accessibility.feedback": "Feedback and contact information",
    "accessibility.contact-us": (
        "If you find a problem with this website, or you need anything on it in a different format, such as large "
        "print, easy read or audio, contact {whom}:"
    ),
    "accessibility.team-at": "{team} at {partnership}",
    "accessibility.email": "email",
    "accessibility.telephone": "telephone",
    "accessibility.textphone": "textphone",
    "accessibility.online": "online",
    "accessibility.post": "post",
    "accessibility.respond-within": "We will consider your request and get back to you within {within}.",
    "accessibility.no-contact": "This statement does not yet give a contact for accessibility problems.",
    "accessibility.no-contact-until": (
        "{partnership} must add one. Until then, tell the partnership through any contact you already have for it."
    ),
    "accessibility.reporting": "Reporting accessibility problems with this website",
    "accessibility.report-above": (
        "We are always looking to improve the accessibility of this website. If you find any problems not listed "
        "on this page, or think we are not meeting accessibility requirements, use the contact details above."
    ),
    "accessibility.report-tell": (
        "We are always looking to improve the accessibility of this website. If you find any problems not listed "
        "on this page, or think we are not meeting accessibility requirements, tell {partnership}."
    ),
    "accessibility.enforcement": "Enforcement procedure",
    "accessibility.enforcement-text": (
        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing {regulations} (the "
        "accessibility regulations). If you are not happy with how we respond to your complaint, contact the {eass}."
    ),
    "accessibility.regulations": (
        "the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018"
    ),
    "accessibility.eass": "Equality Advisory and Support Service (EASS)",
    "accessibility.technical": "Technical information about this website’s accessibility",
    "accessibility.committed": "We are committed to making this website accessible, in accordance with {regulations}.",
    "accessibility.compliance": "Compliance status",
    "accessibility.partially-compliant": (
        "This website is partially compliant with {standard}, due to the non-compliances listed below."
    ),
    "accessibility.fully-compliant": "This website is fully compliant with {standard}.",
    "accessibility.not-tested-against": "This website has not yet been tested against {standard}.",
    "accessibility.standard": "the Web Content Accessibility Guidelines version 2.2 AA standard",
    "accessibility.non-accessible": "Non-accessible content",
    "accessibility.reasons": "The content listed below is non-accessible for the following reasons.",
    "accessibility.non-compliance": "Non-compliance with the accessibility regulations",
    "accessibility.fails": "This fails WCAG 2.2 success criterion {criterion}.",
    "accessibility.no-content-not-accessible": "We know of no content that is not accessible.",
    "accessibility.burden": "Disproportionate burden",
    "accessibility.no-burden": "We are not claiming that fixing any problem would be a disproportionate burden.",
    "accessibility.preparation": "Preparation of this accessibility statement",
    "accessibility.prepared": "This statement was prepared on {prepared}. It was last reviewed on {reviewed}.",
    "accessibility.not-prepared": "This statement does not yet say when it was prepared.",
    "accessibility.must-add-date": "{partnership} must add the date.",
    "accessibility.tested": "This website was last tested on {tested}.",
    "accessibility.tested-by": "This website was last tested on {tested}. The test was carried out by {tested_by}.",
    "accessibility.not-tested": "This statement does not yet say when the website was last tested.",
    "accessibility.toolkit-tested": (
        "The toolkit that builds this website is tested on every change to it: every page, and the self-check in "
        "each of its states, with the axe-core accessibility engine against the WCAG 2.0, 2.1 and 2.2 A and AA "
        "rules; the HTML of every page is validated; the self-check is used with the keyboard alone and at a "
        "width of 320 CSS pixels (the width of a 1280 pixel screen zoomed to 400%)."
    ),
    # The self-check (check.md.j2): its title, the page's steps and buttons.
    "check.title": "Threshold self-check",
    "check.preparing": "Preparing the checker…",
    "check.question-count": "Question {number} of {count}",
    "check.risk-title": "Immediate risk",
    "check.continue": "Continue",
    "check.back": "Back",
    "check.answers": "Check your answers",
    "check.change": "Change",
    # The self-check's pages: their headings, labels and buttons (check.md.j2).
    "check.how-kept": "How the checker keeps what you enter on this page",
    "check.could-not-start": "The checker could not start on this device",
    "check.technical-details": "Technical details, for your IT team",
    "check.problem": "There is a problem",
    "check.replace-confirm": "Yes, open the saved check",
    "check.replace-cancel": "No, keep this page",
    "check.open-saved": "Open a saved check",
    "check.call-now": "Call now",
    "check.see-result-and-write": "see the result and write the referral summary",
    "check.age": "Age",
    "check.worries": "What are you worried about?",
    "check.find-worry": "Find a worry",
    "check.browse": "Clear the words and browse the worries by heading",
    "check.same-theme": "The same theme at other levels",
    "check.strengths-optional": "Strengths (optional)",
    "check.harm-help-consent": "About the harm, the help so far, and consent",
    "check.harm-guidance": "What the guidance says about significant harm",
    "check.why-stands": "Why your answer stands (recorded in the summary)",
    "check.consent-sharing": "Consent and information sharing",
    "check.see-result": "See the result",
    "check.your-result": "Your result",
    "check.copy-summary": "Copy the summary",
    "check.print": "Print",
    "check.save": "Save this check to a file",
    "check.write-summary": "Write the referral summary",
    "check.download-summary": "Download the summary as a text file",
    "check.level-right": "The level I think is right",
    "check.why": "Why",
    "check.start-again": "Start again",
    "check.clear": "Clear everything",
    "check.clear-confirm": "Yes, clear everything",
    "check.clear-cancel": "No, keep my answers",
    "check.download-text": "Download as a text file",
    "check.your-summary": "Your referral summary",
    "check.back-to-result": "Back to the result",
    "check.about-child": "About the child",
    "check.how-old": "How old is the child?",
    # The words check.js shows (its data-* attributes): {name} is filled in by the script.
    "check.script.failed-status": (
        "The checker could not start. You can still use the guidance, and copy, download or print what you type."
    ),
    "check.script.no-detail": "None.",
    "check.script.no-result": "There is no suggested level: the checker could not start.",
    "check.script.ready-locked": "The checker is ready. Network access inside the checker is switched off.",
    "check.script.ready-open": (
        "The checker is ready. Network access inside the checker is NOT switched off (open: {open})."
    ),
    "check.script.python-requests": "Python's own requests",
    "check.script.network-checked": (
        "Network access inside the checker is switched off (checked: {closed}). What you enter stays in this "
        "page's memory: it is not stored or sent. It leaves the page only when you copy, download, print or "
        "save it yourself."
    ),
    "check.script.no-copy": "There is no summary to copy yet.",
    "check.script.copied": "The summary has been copied. Paste it into the referral form.",
    "check.script.copy-refused": (
        "Your browser did not allow copying. The summary is selected: press Control and C (on a Mac, Command "
        "and C) to copy it."
    ),
    "check.script.no-download": "There is no summary to download yet.",
    "check.script.downloaded": "The summary has been downloaded as {file}.",
    "check.script.printed-at": "Printed on {date} at {time}.",
    "check.script.save-waits": "Saving needs the checker: wait until it says it is ready.",
    "check.script.saved": "The check has been saved to a file ({file}). Keep it safe: it holds what you typed.",
    "check.script.not-saved": "The check could not be saved. {reason}",
    "check.script.unchanged": "{problem} Nothing on this page has changed.",
    "check.script.open-waits": "Opening a saved check needs the checker: wait until it says it is ready.",
    "check.script.too-large": "This file is too large to be a saved check.",
    "check.script.not-opened": "The saved check was not opened.",
    "check.script.cleared-result": "Cleared. Your result appears here as you answer.",
    "check.script.cleared": "Everything has been cleared.",
    "check.script.chosen": "{count} chosen",
    "check.script.worries-match": "{shown} of {all} worries match.",
    "check.script.some-words": "No worry has all of those words; {shown} have some of them.",
    "check.script.error": "Error: {message}",
    # The self-check's result, as Python writes it (present.py): the page, the CLI, the referral summary and
    # the training debrief show the same words. Its headline, one of five, announced by the live region:
    "result.emergency": "Immediate risk: call now.",
    "result.suggested": "Suggested level: {level}.",
    "result.no-level": "No suggested level yet.",
    "result.route-open": "Suggested level: {level}. The route is not decided yet.",
    "result.so-far": "So far: at least {level}. The level and route are not decided yet.",
    "result.version": "Thresholds version {version}.",
    "result.first-action": "What to do first",
    # "Check your answers", its rows as Python lists them (present.answers_view) and the script shows them.
    "answers.age": "The child’s age",
    "answers.worries": "What you are worried about",
    "answers.strengths": "Strengths",
    "answers.not-answered": "Not answered",
    "answers.none-chosen": "None chosen",
    "answers.unborn": "Unborn",
    "answers.change": "your answer to “{question}”",
    "result.emergency-contacts": "Who to call in an emergency",
    "result.next-steps": "Next steps",
    "result.why": "Why",
    "result.guidance-also": "The guidance also says",
    "result.please-note": "Please note",
}

# The language the catalogue's English is in: what a language's own words are marked as differing from.
CATALOGUE_LANG = "en"


# A value a phrase holds, filled in where it is shown: a name in braces, nothing else (no format spec, no
# attribute: a partnership's words are data, never a format string).
FIELD = re.compile(r"\{([a-z_]+)\}")


def fields(text: str) -> set[str]:
    """The ``{name}`` values a phrase holds, filled in where it is shown."""
    return set(FIELD.findall(text))


def stray_brace(text: str) -> bool:
    """A ``{`` or ``}`` in ``text`` that is not part of a ``{name}``: a value misspelt, or braces of its own."""
    return "{" in FIELD.sub("", text) or "}" in FIELD.sub("", text)


# A text that ends a sentence already: its own stop, perhaps inside quotes or brackets ("…at once.”", "(see below.)").
ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")

# A value with the full stop the phrase puts after it, if any: a value that ends a sentence already
# takes that stop's place ("within 5 working days.", never "days..").
_FIELD_AND_STOP = re.compile(FIELD.pattern + r"(\.?)")


def fill(text: str, values: Mapping[str, object]) -> str:
    """``text`` with each ``{name}`` given in ``values`` filled in; one not given is kept (a page script's)."""

    def filled(match: re.Match[str]) -> str:
        if match.group(1) not in values:
            return match.group()
        value = str(values[match.group(1)])
        return value if ENDS_SENTENCE.search(value) else value + match.group(2)

    return _FIELD_AND_STOP.sub(filled, text)


def phrase_text(phrases: Mapping[str, str], key: str) -> str:
    """The words for ``key``: a language's own (``phrases``, Thresholds.phrases), else the English."""
    return phrases.get(key, CATALOGUE[key])


def phrase_lang(phrases: Mapping[str, str], lang: str | None, key: str) -> str | None:
    """The language to mark the words for ``key`` with, where they differ from the catalogue's English
    around them (a Welsh phrase among English ones, WCAG 3.1.2); None where they need no mark."""
    return lang if key in phrases and lang is not None and lang != CATALOGUE_LANG else None
