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
from types import MappingProxyType

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
    "level.label": "Level {number}: {name}",
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
    # The rest of the result's sentences, as Python writes them (present.py). A key in VOICED is said to the
    # practitioner on the page ("you") and, in the referral summary, as the referrer writes it ("I"): its
    # English is written once, here, and the referrer's (the same key with ".referrer" after it) is made from
    # it (in_first_person). A {name} is filled in as it is shown: the guidance's words, a question, an age.
    "result.area-unsure": (
        "You are not sure of the child’s area (“{question}”), so what the guidance gives for each area is shown, "
        "each with its area’s name. Use the child’s area’s."
    ),
    "result.area-unanswered": (
        "You have not answered the child’s area (“{question}”), so what the guidance gives for each area is "
        "shown, each with its area’s name. Use the child’s area’s."
    ),
    "result.timescale": "Timescale: {label}, {within}.",
    "result.harm-step-leads": (
        "What to do first, above, does not wait for the route: the words of a worry or rule that applies describe "
        "harm, and the guidance gives that step first where harm is suspected."
    ),
    "result.advice-below": "The guidance’s advice for this is below.",
    "result.guidance-says": "The guidance says: {words}",
    "result.cannot-decide": (
        "The checker cannot answer “{question}” for you, and the guidance gives no advice for being unsure of it. "
        "Decide now, with the guidance’s words above, then answer the question."
    ),
    # A number to dial as a link ({number}); {option} is "contact.option" in brackets, or nothing.
    "result.call-now": "Call {number} now{option}.",
    "result.telephone-now": "Telephone {number} now{option}.",
    "result.telephone-name": "Telephone {number}{option}: {name}.",
    "result.missing-level": "The checker does not suggest a level and route until you answer:",
    "result.missing-route": "The checker does not suggest the route until you answer:",
    "result.unsure-route": (
        "You are not sure of the answer to “{question}” The route depends on it, so the checker does not suggest one."
    ),
    "result.advice-unsure": (
        "You are not sure of the answer to “{question}” Some of the guidance’s advice depends on it."
    ),
    "result.advice-unanswered": (
        "You have not given the answer to “{question}” Some of the guidance’s advice depends on it."
    ),
    "result.consent-held": (
        "You answered “{answer}” to “{question}” The partnership’s file says that “{route}” requires consent, so "
        "the checker does not suggest it."
    ),
    # {unless} is the guidance's exceptions in quotation marks.
    "result.consent-unless": "The guidance says that “{route}” requires consent unless {unless}.",
    "result.consent-judged": "Whether that applies is for you to judge: the checker does not decide it.",
    "result.age-topic": "The child’s age in years, or that the child is unborn",
    "result.age-topic-months": "The child’s age in years (a baby’s in months), or that the child is unborn",
    "result.check-your-answer": "Check your answer",
    "result.harm-overruled": (
        "You answered “{answer}” to “{question}” A rule of the guidance decides this route whatever that answer. "
        "Check your answer, and say in your referral why you gave it."
    ),
    # A "no" challenged: {about} is the worry's or rule's words in quotation marks, with its level.
    "result.challenge-worry-harm": (
        "You chose {about}, whose words describe harm, and you answered “{answer}” to “{question}” Check that "
        "answer. If it stands, confirm it under the question and say why in your referral. Until then the checker "
        "does not suggest a route."
    ),
    "result.challenge-worry-immediate": (
        "You chose {about}, whose words name an imminent or immediate risk, and you answered “{answer}” to "
        "“{question}” Check that answer. If it stands, confirm it under the question and say why in your "
        "referral. Until then the checker does not suggest a route."
    ),
    "result.challenge-rule-harm": (
        "The guidance’s rule {about}, whose words describe harm, applies to your answers, and you answered "
        "“{answer}” to “{question}” Check that answer. If it stands, confirm it under the question and say why in "
        "your referral. Until then the checker does not suggest a route."
    ),
    "result.challenge-rule-immediate": (
        "The guidance’s rule {about}, whose words name an imminent or immediate risk, applies to your answers, and "
        "you answered “{answer}” to “{question}” Check that answer. If it stands, confirm it under the question "
        "and say why in your referral. Until then the checker does not suggest a route."
    ),
    "result.confirmed-worry-harm": (
        "You confirmed your answer “{answer}” to “{question}” although you chose {about}, whose words describe harm."
    ),
    "result.confirmed-worry-immediate": (
        "You confirmed your answer “{answer}” to “{question}” although you chose {about}, whose words name an "
        "imminent or immediate risk."
    ),
    "result.confirmed-rule-harm": (
        "You confirmed your answer “{answer}” to “{question}” although the guidance’s rule {about}, whose words "
        "describe harm, applies to your answers."
    ),
    "result.confirmed-rule-immediate": (
        "You confirmed your answer “{answer}” to “{question}” although the guidance’s rule {about}, whose words "
        "name an imminent or immediate risk, applies to your answers."
    ),
    # A worry chosen for a child outside its age band: {worry} its words, {level} its level, {child} and {band}
    # the "age." phrases.
    "result.age-challenge": (
        "You chose “{worry}” ({level}) for {child}, though the checker offers it only for {band}. Check that "
        "answer: if it does not apply to this child, untick it. If it does, confirm it under the question and say "
        "why in your referral. Until then the checker does not suggest a route. It does not count towards a rule "
        "that needs several of the guidance’s worries together."
    ),
    "result.age-confirmed": (
        "You confirmed that you chose “{worry}” ({level}) for {child}, though the checker offers it only for "
        "{band}. It sets its own level, but it does not count towards a rule that needs several of the guidance’s "
        "worries together."
    ),
    "result.reason-rule": "Rule: {rule} ({source})",
    "result.reason-none": "No worries were chosen. {level}: {text}",
    "result.reason-other-age": "The checker offers it for {band}; you chose it, so it sets its own level.",
    "result.about-consent": "About consent, the guidance says: {words}",
    "result.your-answer": "(Your answer: {answer}.)",
    "result.area-step": "For a child in {area}:",
    "result.area-advice": "For a child in {areas} only:",
    "result.area-or": "{one} or {other}",
    "result.strengths-recorded": (
        "The checker records the strengths you chose for the referral. It never lowers a level because of them."
    ),
    "result.your-view": "You think {level} is right. Your view and your reason are recorded in the summary.",
    # A contact's ways of being reached, each a link after these words.
    "contact.by-area": "by the child’s area",
    "contact.extension": "{number} extension {extension}",
    "contact.textphone": "textphone",
    "contact.web-page": "web page",
    "contact.hours": "(hours: {hours})",
    "contact.option": "then choose option {option}",
    # Two names or bands joined: two domains of one worry, an unborn baby's band and a child's.
    "list.and": "{one} and {other}",
    # Two choices either of which is meant: the routes an answer key accepts, the answers a rule needs.
    "list.or": "{one} or {other}",
    # Ages and age bands, as the result, "Check your answers" and the summary name them.
    "age.years": "{count} years",
    "age.one-year": "1 year",
    "age.months": "{count} months",
    "age.one-month": "1 month",
    "age.unborn-babies": "unborn babies",
    "age.children-aged": "children aged {low}",
    "age.children-aged-or": "children aged {low} or {last}",
    "age.children-aged-to": "children aged {low} to {last}",
    "age.children-aged-over": "children aged {low} or over",
    "age.children-under": "children under {high}",
    "age.babies-under": "babies under {high}",
    "age.babies-aged": "babies aged {low}",
    "age.babies-aged-or": "babies aged {low} or {last}",
    "age.babies-aged-to": "babies aged {low} to {last}",
    "age.an-unborn-baby": "an unborn baby",
    "age.a-baby-aged": "a baby aged {age}",
    "age.a-child-aged": "a child aged {age}",
    "age.offered-for": "The checker offers it for {band}.",
    "age.offered-not-for": "The checker offers it for {band}, not for {child}.",
    "age.listed": "“{worry}” (the checker offers it for {band})",
    "age.notice": (
        "You chose indicators that the checker offers for another age than {child}: {listed}. They are still "
        "chosen and still count in the result at their own level, though not towards a rule that needs several "
        "of the guidance’s worries together. If they do not apply to this child, untick them."
    ),
    # "Check your answers": the lines under an answer.
    "answers.confirmed-for": "Checked and confirmed for “{worry}”",
    "answers.confirmed-for-rule": "Checked and confirmed for the guidance’s rule “{rule}”",
    "answers.other-age": "The checker offers it for {band}, not for {child}",
    "answers.other-age-confirmed": (
        "The checker offers it for {band}, not for {child}. You confirmed that it applies to this child"
    ),
    "answers.age-typed": "“{typed}” (not a whole number of years)",
    "answers.age-and-unborn": "{age} (and ticked unborn)",
    "answers.yes": "Yes",
    "answers.no": "No",
    "answers.not-sure": "I am not sure",
    # The referral summary (summary.py), in the referrer's words: its title, its parts' headings where no
    # referral question of the partnership receives them, and the lines the checker writes under them.
    "summary.title": "REFERRAL SUMMARY: {partnership}",
    "summary.title-markdown": "Referral summary: {partnership}",
    "summary.part-level": "Suggested level",
    "summary.part-age": "The child’s age",
    "summary.part-worries": "Concerns about the child",
    "summary.part-consent": "Consent",
    "summary.part-tried": "What has been tried",
    "summary.part-professionals": "Other professionals involved",
    "summary.part-strengths": "Strengths and safety",
    "summary.part-needs": "What should happen next",
    "summary.part-child-voice": "The child’s voice",
    "summary.part-availability": "When and how you can be contacted",
    # Signs of Safety's three questions, heading its parts where the file chooses Signs of Safety.
    "summary.signs-of-safety-worries": "What I am worried about",
    "summary.signs-of-safety-strengths": "What is working well",
    "summary.signs-of-safety-needs": "What needs to happen",
    "summary.thresholds": "Thresholds",
    "summary.version": "{title}, version {version}.",
    "summary.suggested-by": "Suggested by the Levels of Need self-check. It does not replace professional judgement.",
    "summary.your-answer": "[Your answer]",
    "summary.your-reason": "Your reason: {reason}",
    "summary.reason-left": "[Reason]",
    "summary.asked-to-check": "Answers the checker asked you to check",
    "summary.professional-view": "Professional view of the level",
    "summary.override": "You consider {level} to be right, rather than the suggested {suggested}.",
    "summary.no-level-yet": "no level yet (not finished)",
    "summary.impact": "Impact on the child: {impact}",
    "summary.indicators": "Threshold indicators:",
    "summary.indicator": "Level {number}, {domains}: {worry}",
    "summary.offered-for": "(the checker offers it for {band})",
    "summary.area": "Area: {area}",
    "summary.area-left": "[Area]",
    "summary.age": "Age: {age}",
    "summary.age-unborn": "Age: unborn",
    "summary.age-left": "[Age]",
    "summary.consent-why": "Why, or what was done to seek it: {note}",
    "summary.what-worked": "What worked: {worked}",
    "summary.family-view": "The family’s view: {view}",
    "summary.emergency": "IMMEDIATE RISK: call now.",
    "summary.reasons": "Reasons:",
    # A practice framework's scaling question: the answer typed, or left for the referrer.
    "summary.on-scale": "{typed} on a scale of {lowest} to {highest}",
    "summary.scale-left": "[A whole number from {lowest} to {highest}]",
    "summary.off-scale": "{heading}: enter a whole number from {lowest} to {highest}",
    # What the summary leaves, in brackets, for the referrer to write where they have written nothing.
    "summary.left-worries": "[What you are worried about, in your own words]",
    "summary.left-consent": "[Has consent been sought? Given or refused?]",
    "summary.left-tried": "[What has been done already, and what worked or did not]",
    "summary.left-professionals": "[Other professionals working with the family]",
    "summary.left-strengths": "[Strengths and existing safety]",
    "summary.left-needs": "[What needs to happen]",
    "summary.left-child-voice": "[The child’s wishes and feelings]",
    "summary.left-availability": "[When and how you can be contacted]",
    "summary.left-not-sought": "[Why consent has not been sought]",
    "summary.left-refused": "[What I did to seek consent]",
    # The boxes the referrer types the referral's details in: each one's name.
    "summary.detail-worry": "What you are worried about, in your own words",
    "summary.detail-impact": "The impact on the child",
    "summary.detail-tried": "What has been tried",
    "summary.detail-worked": "What worked, and what did not",
    "summary.detail-professionals": "Other professionals involved",
    "summary.detail-child-voice": "The child’s voice: their wishes and feelings",
    "summary.detail-strengths": "Strengths and existing safety",
    "summary.detail-needs": "What needs to happen",
    "summary.detail-family-view": "The family’s view",
    "summary.detail-availability": "When and how you can be contacted",
    # The self-check's page for the referral's details (check.md.j2): the lines above its boxes, and under a
    # practice framework's scaling question ({lowest_means} and {highest_means}: the framework's words).
    "check.details-own-words": (
        "In your own words. Do not enter names, dates of birth or addresses: the summary leaves spaces for them. "
        "What you type here stays when you go back to the result."
    ),
    "check.details-whenever": (
        "Copy, download or print the summary whenever you are ready: it includes what you type below."
    ),
    "check.scale-hint": (
        "A whole number from {lowest} to {highest}. {lowest} means: {lowest_means} {highest} means: {highest_means}"
    ),
    # Saving a check to a file and opening it again (saved.py): what the page says.
    "saved.opened": "The saved check has been opened.",
    "saved.opened-in-language": (
        "The saved check has been opened. It was saved on the self-check in {language}: the same guidance, in "
        "another language."
    ),
    "saved.opened-other-version": (
        "The saved check has been opened. It was made with thresholds version {version}; this is {current}."
    ),
    "saved.version-unknown": "unknown",
    "saved.not-a-check": "This file is not a check saved by this self-check.",
    "saved.not-json": "This file is not a saved check: it is not a JSON file.",
    "saved.too-large": "This file is too large to be a saved check (a saved check is under {limit} KB).",
    "saved.newer": "This check was saved by a newer version of the self-check, which this page cannot read.",
    "saved.too-long": (
        "This check is too long to save: a saved check must be under {limit} KB, and these answers make {size} KB. "
        "Shorten the longest answers: {answers}. Nothing has been saved."
    ),
    "saved.answer-length": "“{answer}” ({count} characters)",
    "saved.unknown-answer": "This check has an answer this self-check does not ask ({name}).",
    "saved.unknown-typed": "This check has a typed answer this self-check does not ask ({name}).",
    "saved.unknown-level": "This check names a level these thresholds do not have.",
    "saved.unknown-indicator": (
        "This check names 1 indicator these thresholds do not have. It may have been saved for another "
        "partnership's guidance."
    ),
    "saved.unknown-indicators": (
        "This check names {count} indicators these thresholds do not have. It may have been saved for another "
        "partnership's guidance."
    ),
    "saved.typed-too-long": "One of the typed answers in this check is too long ({name}).",
    "saved.damaged": "This check is damaged: its {name} is not in the form this self-check saves.",
    # The typed answers beside the referral's details, as a message about saving names them.
    "saved.consent-note": "Why consent was not sought, or what you did to seek it",
    "saved.confirm-note": "Why your answer stands",
    "saved.override": "Why (your view of the level)",
    # What the page says where the checker cannot take an answer as given (rules.validate_age), and where
    # it could not read the answers or do what was asked at all (api.page_answer, worker.py).
    "check.age-refused": (
        "Enter the child’s age as a whole number of years, like 7, or a baby’s in months, like 7 months"
    ),
    "check.age-and-unborn": "Enter the child’s age or tick that the child is unborn, not both",
    "check.age-out-of-range": "Enter an age from {youngest} to {oldest}: this guidance is for {ages}",
    "check.months-needed": (
        "Enter the baby’s age in months, like 7 months: the checker offers some worries by a baby’s age in months"
    ),
    "check.unreadable": (
        "The checker could not read these answers, so there is no result. Check each answer, or clear the form and "
        "start again."
    ),
    "check.unexpected": "The checker could not do this. Nothing on this page has changed.",
    "saved.could-not-write": "Something in these answers could not be written to a file.",
    "saved.could-not-read": "This file could not be read as a saved check.",
    "saved.could-not-read-session": "This file could not be read as a saved session.",
    # What the page says beside an answer the result needs, when Continue is pressed without it.
    "check.age-required": "Enter the child’s age in years, or tick that the child is not born yet",
    "check.answer-required": "Answer the question: {question}",
    # The debrief on the practice page (training.py): the learner's answer against the answer key, each
    # difference in a sentence of its own. {worry}, {rule} and {question} are the guidance's words, {level}
    # a level's label, {answer_key} the answer key, {headline} a result's headline, {why} the checker's reasons.
    "debrief.matches": "Your answer matches the answer key.",
    "debrief.differs": "Your answer differs from the answer key.",
    "debrief.nothing-differs": "Nothing: your choices and your answer match the scenario’s.",
    "debrief.reasons-above": "the reasons given above.",
    "debrief.no-level-chosen": "You did not choose a level. The answer key is {answer_key}, because: {why}",
    "debrief.chose-level": "You chose {chosen}. The answer key is {answer_key}, because: {why}",
    "debrief.your-choices": "From the worries and answers you chose, the checker says: {headline} Because: {why}",
    "debrief.missed-worry": "You did not choose “{worry}” ({level}), which the scenario shows.",
    "debrief.missed-key-worry": (
        "You did not choose “{worry}” ({level}), which the scenario shows, one of the reasons for the answer key."
    ),
    "debrief.extra-worry": "You chose “{worry}” ({level}); the answer key does not include it.",
    "debrief.extra-worry-same": "With the answer key’s other choices, it does not change the level or the route.",
    "debrief.extra-worry-changes": "With the answer key’s other choices, it changes the result to: {headline}",
    "debrief.answer-differs": "“{question}” You answered “{yours}”; the answer key says “{answer_key}”.",
    "debrief.no-answer": "no answer",
    "debrief.missed-rule": "This rule applies to the answer key’s choices, and not to yours: {rule}",
    "debrief.extra-rule": "This rule applies to your choices but not to the scenario: {rule}",
    "debrief.rule-names-chosen": "You chose “{worry}”, which it names.",
    "debrief.rule-needs": "It needs {needed} to “{question}” You answered “{yours}”.",
    "debrief.rule-from-level": "It applies from {level}; your choices reach {reached}.",
    "debrief.route-depends": "The route depends on the answer to “{question}”.",
    "debrief.route-depends-rules": "The route depends on the answer to “{question}”: {rules}",
    # The practice page (training-practice.md.j2, _practice_choices.md.j2) and each scenario's answer key, as
    # the practice page, the presenter and the trainer's answer sheet show it (_scenario_answer.md.j2).
    "practice.lede": (
        "Read a fictional case and choose what you see in it. The levels are hidden. Commit to a level and route, "
        "then reveal the answer key (what the checker computes from the case) and see where yours differs, and why."
    ),
    "practice.nothing-kept": (
        "Nothing you choose here is saved or sent. It is gone when you change scenario or close the page."
    ),
    "practice.ready": "The checker is ready.",
    "practice.failed-status": "The checker could not start. You can still reveal the answer keys.",
    "practice.failed-still": (
        "You can still commit and reveal the answer key, its teaching points and common mistakes, but not the "
        "explanation of your own choices."
    ),
    "practice.scenario": "Scenario",
    "practice.the-case": "The case",
    "practice.fictional-of": "Fictional scenario {number} of {count}",
    "practice.choose-level": "Choose the level and route you think is right",
    "practice.step-strengths": "1. Strengths",
    "practice.step-worries": "2. What you are worried about",
    "practice.step-questions": "3. What else the case tells you",
    "practice.step-commit": "4. Your answer",
    "practice.which-level": "Which level and route do you think is right?",
    "practice.reveal": "Commit and reveal the answer",
    "practice.case-again": "Read the case again",
    "practice.the-answer": "The answer",
    "practice.answer-key": "The answer key",
    "practice.you-chose": "You chose",
    "practice.from-your-choices": "The checker, from your own choices",
    "practice.not-available": "Not available: the checker did not start.",
    "practice.what-differs": "What differs, and why",
    "practice.no-engine": (
        "The checker is not running, so your own choices cannot be compared. The answer key is below."
    ),
    "practice.could-not-compare": "The checker could not compare your choices:",
    "practice.cleared": "Your choices have been cleared. Try the scenario again.",
    "practice.try-again": "Try this scenario again",
    "practice.next": "Next scenario",
    "practice.answer-key-is": "The answer key: {answer_key}",
    "practice.routes-open": (
        "The guidance leaves the route to an answer this scenario does not settle, so the answer key accepts each "
        "of these routes. What decides it is below."
    ),
    "practice.decides": "What decides it",
    "practice.more": "What the scenario shows, teaching points and common mistakes",
    "practice.shows": "What the scenario shows",
    "practice.teaching-points": "Teaching points",
    "practice.common-mistakes": "Common mistakes",
    "practice.trainers-words": (
        "Teaching points and common mistakes are the trainers’ own words; only the words in quotation marks are "
        "the guidance’s."
    ),
    # The training pages' shared words: a scenario's age and its tag, on the practice page, the handout, the
    # answer sheet and the presenter's slide.
    "training.age": "Age:",
    "training.fictional": "Fictional scenario",
    # The training pages' index (training.md.j2): each page's link ({page}) with what it is for.
    "training.intro": (
        "Fictional case vignettes for partnership training courses. Each one uses this guidance’s own indicators. "
        "Its answer key is what the threshold checker computes from the case, checked every time the site is "
        "built. {invented}: any likeness to a real child or family is coincidence."
    ),
    "training.invented": "Every scenario is invented",
    "training.about-practice": (
        "{page}: read a case with the levels hidden, commit to a level and route, then reveal the answer key and "
        "see where yours differs, and why."
    ),
    "training.about-presenter": (
        "{page}: a session for a projector. For each vignette the room answers with level cards before and after "
        "discussion, you type the counts (digits, Tab, Enter), and the reveal shows the answer key beside the "
        "room’s answers. The session measures how far the room agreed and ends on a summary to print and "
        "download. Only counts are typed."
    ),
    "training.about-handout": "{page}: the scenarios without answers, to print.",
    "training.about-answers": "{page}: the answers, teaching points and common mistakes, to print separately.",
    "training.nothing-kept": (
        "Nothing typed or chosen in training mode is saved or sent, except in a file you download yourself."
    ),
    "training.the-scenarios": "The scenarios",
    # The learner handout (training-handout.md.j2) and the trainer answer sheet (training-answers.md.j2): each
    # names the other in a link, whose words are a phrase of their own ({answer_sheet}, {handout}).
    "training.handout-title": "Learner handout: practice scenarios",
    "training.handout-screen": (
        "This page prints as a handout without the answers. The answers are on the separate {answer_sheet}."
    ),
    "training.answer-sheet-link": "trainer answer sheet",
    "training.handout-intro": (
        "Every scenario is fictional. For each one, decide the level of need and the route, and say why."
    ),
    "training.handout-level": "The level and route I think are right:",
    "training.handout-why": "Why:",
    "training.answers-screen": (
        "This page prints separately from the {handout}. Keep it away from learners until the debrief."
    ),
    "training.handout-link": "learner handout",
    "training.answers-intro": (
        "Every scenario is fictional. Each answer below is what the threshold checker computes from the "
        "scenario’s indicators and answers, checked whenever the site is built."
    ),
    # The answer key on the practice page and the trainer's answer sheet, where its route requires consent and
    # the scenario's parents refused it or were not asked.
    "practice.consent-hold": (
        "The checker suggests no route for these answers: “{route}” requires consent, and the answer on consent is "
        "“{answer}”."
    ),
}

# The sentences said both to the practitioner and in the referrer's voice (see "result.area-unsure" above).
VOICED = frozenset(
    {
        "result.area-unsure",
        "result.area-unanswered",
        "result.missing-level",
        "result.missing-route",
        "result.unsure-route",
        "result.advice-unsure",
        "result.advice-unanswered",
        "result.consent-held",
        "result.consent-judged",
        "result.harm-overruled",
        "result.challenge-worry-harm",
        "result.challenge-worry-immediate",
        "result.challenge-rule-harm",
        "result.challenge-rule-immediate",
        "result.confirmed-worry-harm",
        "result.confirmed-worry-immediate",
        "result.confirmed-rule-harm",
        "result.confirmed-rule-immediate",
        "result.age-challenge",
        "result.age-confirmed",
        "result.reason-other-age",
        "summary.part-availability",
        "summary.your-answer",
        "summary.your-reason",
        "summary.asked-to-check",
        "summary.override",
        "summary.left-worries",
        "summary.left-availability",
    }
)
REFERRER_KEY = "{key}.referrer"

# The practitioner's "you" as the referrer writes it in the summary ("I", "me", "my"): "you" as an object first
# ("asked you to check": "asked me to check"), then as a subject. Only the checker's own English is turned so,
# never the guidance's words, which are filled in after.
_FIRST_PERSON = (
    (r"\b(asked|tell|told|to|for|with|gives|give|help|helps) you\b", r"\1 me"),
    (r"\bYou are\b", "I am"),
    (r"\byou are\b", "I am"),
    (r"\b(asked|for|to) you\b", r"\1 me"),  # you as the object: me, not I
    (r"\bYour\b", "My"),
    (r"\byour\b", "my"),
    (r"\b[Yy]ou\b", "I"),
)


def in_first_person(text: str) -> str:
    """The checker's English sentence to the practitioner as the referrer writes it: "you" as "I"."""
    for pattern, first_person in _FIRST_PERSON:
        text = re.sub(pattern, first_person, text)
    return text


def _with_referrer_voice(written: dict[str, str]) -> dict[str, str]:
    """The catalogue with each VOICED key's referrer's English right after its own."""
    out: dict[str, str] = {}
    for key, english in written.items():
        out[key] = english
        if key in VOICED:
            out[REFERRER_KEY.format(key=key)] = in_first_person(english)
    return out


CATALOGUE = _with_referrer_voice(CATALOGUE)

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


# No language's own words: each phrase in the catalogue's English.
ENGLISH: Mapping[str, str] = MappingProxyType({})


def phrase_text(phrases: Mapping[str, str], key: str) -> str:
    """The words for ``key``: a language's own (``phrases``, Thresholds.phrases), else the English."""
    return phrases.get(key, CATALOGUE[key])


def phrase_lang(phrases: Mapping[str, str], lang: str | None, key: str) -> str | None:
    """The language to mark the words for ``key`` with, where they differ from the catalogue's English
    around them (a Welsh phrase among English ones, WCAG 3.1.2); None where they need no mark."""
    return lang if key in phrases and lang is not None and lang != CATALOGUE_LANG else None
