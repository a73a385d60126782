"""The check's questions: their ids, their answers and how each is worded. One definition.

The rules (``when: {answers: …}``), the summary, the self-check form, training, the schema and
the docs all read these. A question's id and its answer values are the checker's own
vocabulary: rules in a thresholds file refer to them, so they are fixed here. Their wording
is the checker's default; a partnership can reword a question or an answer in its file
(``questions:``), and ``worded`` applies that.

Standard library only (runs in the browser).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from .interface import CATALOGUE, ENGLISH, phrase_text

AGE = "age"  # not a multiple-choice question, but a required answer like one: "missing" names it
AREA = "area"  # the child's area, asked only where a partnership's contacts differ by area
UNSURE = "unsure"


@dataclass(frozen=True)
class Option:
    value: str
    label: str  # as the form offers it
    words: str  # as a summary or debrief reports it


@dataclass(frozen=True)
class Question:
    id: str
    text: str  # the question as the form asks it
    topic: str  # a short name: "significant harm", for "answer the question on significant harm"
    options: tuple[Option, ...]
    # Answers that leave the question open ("not sure"): a result that depends on the question is
    # not decided by them. The guidance's advice for that case comes from the partnership's rules.
    open_values: tuple[str, ...] = ()
    own: bool = False  # one of the partnership's own questions (``own_questions`` in its file)
    # Answered in the practitioner's own words (``free_text: true``): no options, and no rule reads it.
    free_text: bool = False
    # Asked only where a chosen worry has one of these themes (``themes`` on an own question); else not
    # asked at all, which is not "unanswered": its answer is set aside (rules.asked).
    themes: tuple[str, ...] = ()
    # The part of the referral summary (levels_of_need.summary.PARTS) whose block states the answer given.
    # Every answered question is stated somewhere: a question that names no part is stated with the level.
    summary_part: str = "level"

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(option.value for option in self.options)

    @property
    def decided_values(self) -> tuple[str, ...]:
        return tuple(value for value in self.values if value not in self.open_values)

    def option(self, value: str) -> Option:
        return next(option for option in self.options if option.value == value)

    def accepts(self, value: object) -> bool:
        """Whether ``value`` is an answer this question takes: one of its options, or typed words."""
        if self.free_text:
            return isinstance(value, str) and len(value) <= MAX_TYPED
        return value in self.values

    def label(self, value: str) -> str:
        """An answer as the form and "Check your answers" show it: the option's label, or the words typed."""
        return value if self.free_text else self.option(value).label


# "I am not sure": offered on every question a practitioner may not know the answer to. It leaves the
# question open: a result that depends on it says so and suggests no route (rules.open_questions).
NOT_SURE = Option(UNSURE, CATALOGUE["answers.not-sure"], "not sure")

QUESTIONS: tuple[Question, ...] = (
    Question(
        id="immediate_risk",
        text="Is the child at immediate risk of harm now?",
        topic="immediate risk",
        options=(Option("yes", "Yes", "yes"), Option("no", "No", "no"), NOT_SURE),
        open_values=(UNSURE,),
    ),
    Question(
        id="significant_harm",
        text=(
            "Do you have reasonable cause to suspect the child is suffering, or is likely to suffer, significant harm?"
        ),
        topic="significant harm",
        options=(Option("yes", "Yes", "yes"), Option("no", "No", "no"), NOT_SURE),
        open_values=(UNSURE,),
    ),
    Question(
        id="support_not_improving",
        text="Has help already been tried without enough improvement?",
        topic="help already tried",
        summary_part="tried",
        options=(Option("yes", "Yes", "yes"), Option("no", "No, or not tried", "no, or not tried"), NOT_SURE),
        open_values=(UNSURE,),
    ),
    Question(
        id="consent",
        text="Have the parents or carers consented to the referral?",
        topic="consent",
        summary_part="consent",
        options=(
            Option("given", "Yes, consent given", "consent given"),
            Option("refused", "No, consent refused", "consent refused"),
            Option("not-sought", "Consent not sought", "consent not sought"),
            NOT_SURE,
        ),
        open_values=(UNSURE,),
    ),
    Question(
        id="social_worker",
        text="Does the child have a social worker?",
        topic="a social worker",
        summary_part="professionals",
        options=(
            Option("none", "No", "no social worker"),
            Option("allocated", "Yes, an allocated social worker", "an allocated social worker"),
            Option("recent", "Not now, but recent social worker involvement", "recent social worker involvement"),
            NOT_SURE,
        ),
        open_values=(UNSURE,),
    ),
)

QUESTION_IDS: tuple[str, ...] = tuple(question.id for question in QUESTIONS)
ANSWER_VALUES: Mapping[str, tuple[str, ...]] = {question.id: question.values for question in QUESTIONS}


def question(question_id: str) -> Question:
    return next(q for q in QUESTIONS if q.id == question_id)


class _Area(Protocol):
    id: str
    name: str


def area_question(areas: Sequence[_Area], text: str | None = None, phrases: Mapping[str, str] = ENGLISH) -> Question:
    """Which of the partnership's areas the child lives in: the areas as options, and "not sure",
    which leaves the question open (the result then shows every area's contacts, labelled)."""
    return Question(
        id=AREA,
        text=text or "Which area does the child live in?",
        topic="the child’s area",
        summary_part="age",
        options=(*(Option(a.id, a.name, a.name) for a in areas), _not_sure(phrases)),
        open_values=(UNSURE,),
    )


# The answers to a partnership's own questions: yes, no, or not sure, which leaves the question open.
OWN_VALUES: tuple[str, ...] = ("yes", "no", UNSURE)
MAX_OWN_DECIDING = 3  # own questions that decide a level or route: the checker tries every answer to each
MAX_OWN_OPTIONS = 12  # a multiple-choice question's options, "I am not sure" aside
MAX_OWN_TRIALS = 64  # combinations of answers the checker tries across the own questions that decide
# The page's box for a free-text answer is QUESTION-typed (an option's control is QUESTION-VALUE).
FREE_TEXT_SUFFIX = "typed"
MAX_TYPED = 20_000  # characters in one typed answer: a referral detail, or a free-text question's


def _not_sure(phrases: Mapping[str, str]) -> Option:
    """ "I am not sure", in a language's words (the catalogue's "answers.not-sure") where its data gives them."""
    return replace(NOT_SURE, label=phrase_text(phrases, "answers.not-sure"))


def own_question(raw: Mapping[str, Any], phrases: Mapping[str, str] = ENGLISH) -> Question:
    """One of the partnership's own questions (``own_questions``): yes / no / not sure; one of its own
    ``options`` (multiple choice), with "I am not sure" added; or ``free_text``, in the practitioner's words."""
    if raw.get("free_text"):
        options: tuple[Option, ...] = ()
    elif "options" in raw:
        options = (*(Option(o["id"], o["text"], o["text"]) for o in raw["options"]), _not_sure(phrases))
    else:
        # The toolkit's answers to a yes-or-no question, in the language's words where its data gives them.
        yes, no = phrase_text(phrases, "answers.yes"), phrase_text(phrases, "answers.no")
        options = (Option("yes", yes, "yes"), Option("no", no, "no"), _not_sure(phrases))
    return Question(
        id=raw["id"],
        text=raw["text"],
        topic=raw["text"],
        options=options,
        open_values=() if raw.get("free_text") else (UNSURE,),
        own=True,
        free_text=bool(raw.get("free_text")),
        themes=tuple(raw.get("themes", ())),
        summary_part=raw.get("summary_part", "level"),
    )


def own_values(raw: Mapping[str, Any]) -> tuple[str, ...]:
    """The answers one of a file's own questions takes, as rules and scenarios name them (none: free text)."""
    return own_question(raw).values


def worded(
    overrides: Mapping[str, Any],
    areas: Sequence[_Area] = (),
    own: Sequence[Mapping[str, Any]] = (),
    phrases: Mapping[str, str] = ENGLISH,
) -> tuple[Question, ...]:
    """The questions in a partnership's own words: ``{id: {text?, options?: {value: label}}}``, then
    its own questions, then the question on the child's area where the partnership has areas.

    Ids and values never change (the rules depend on them); only what the form shows does.
    """
    questions = []
    for q in QUESTIONS:
        own_words = overrides.get(q.id, {})
        labels = own_words.get("options", {})
        options = tuple(replace(o, label=labels.get(o.value, o.label)) for o in q.options)
        questions.append(replace(q, text=own_words.get("text", q.text), options=options))
    # The toolkit's own answers to the partnership's questions, and "I am not sure" on the child's area, in the
    # data's language (``phrases``); the fixed questions' answers are translated by rewording them (overrides).
    questions += [own_question(raw, phrases) for raw in own]
    if areas:
        questions.append(area_question(areas, overrides.get(AREA, {}).get("text"), phrases))
    return tuple(questions)


def schema_answers() -> dict[str, Any]:
    """The JSON Schema of an ``answers`` mapping in a scenario's check: one value per question."""
    return {
        "type": "object",
        "additionalProperties": {"type": "string"},  # the validator checks the file's own questions
        "description": "An answer to each question named: the check's own, or the partnership's (own_questions).",
        "properties": {q.id: {"enum": list(q.values)} for q in QUESTIONS},
    }


def schema_answer_condition() -> dict[str, Any]:
    """The JSON Schema of ``when: {answers: …}`` in a rule: a list of values per question."""
    return {
        "type": "object",
        # The file's own questions (own_questions): the validator checks their ids and answers.
        "additionalProperties": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "minProperties": 1,
        "description": "The values allowed for each question named: the check's own, or the partnership's "
        "(own_questions, answered yes, no or unsure).",
        "properties": {q.id: {"type": "array", "minItems": 1, "items": {"enum": list(q.values)}} for q in QUESTIONS},
    }


def schema_question_wording() -> dict[str, Any]:
    """The JSON Schema of ``questions:`` in a thresholds file: a partnership's own wording."""
    return {
        "type": "object",
        "additionalProperties": False,
        "description": "The self-check's questions in the partnership's own words. Ids and answers are fixed.",
        "properties": {
            q.id: {
                "type": "object",
                "additionalProperties": False,
                "minProperties": 1,
                "properties": {
                    "text": {"$ref": "#/$defs/text"},
                    "options": {
                        "type": "object",
                        "additionalProperties": False,
                        "minProperties": 1,
                        "properties": {o.value: {"$ref": "#/$defs/text"} for o in q.options},
                    },
                },
            }
            for q in QUESTIONS
        }
        | {
            AREA: {
                "type": "object",
                "additionalProperties": False,
                "required": ["text"],
                "description": "The question on the child's area (only with areas): its options are the areas.",
                "properties": {"text": {"$ref": "#/$defs/text"}},
            }
        },
    }


def schema_own_question() -> dict[str, Any]:
    """The JSON Schema of one of ``own_questions``: yes / no / not sure, multiple choice or free text."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "text"],
        "description": "A question of the partnership's own: answered yes, no or not sure (unsure); or one of "
        "its options (multiple choice, with not sure added); or, with free_text, in the practitioner's own words.",
        "not": {"required": ["options", "free_text"]},
        "properties": {
            "id": {"$ref": "#/$defs/id", "description": 'How rules name it: when: {answers: {ID: ["yes"]}}.'},
            "text": {"$ref": "#/$defs/text", "description": "The question as the self-check asks it."},
            "options": {
                "type": "array",
                "minItems": 2,
                "maxItems": MAX_OWN_OPTIONS,
                "description": "Multiple choice: the answers offered, in order (one is chosen); "
                '"I am not sure" (unsure) is added. Rules name an option by its id.',
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id", "text"],
                    "properties": {
                        "id": {"$ref": "#/$defs/id", "description": "How rules and scenarios name this answer."},
                        "text": {"$ref": "#/$defs/text", "description": "The answer as the self-check offers it."},
                    },
                },
            },
            "free_text": {
                "const": True,
                "description": "Answered in the practitioner's own words, which go into the referral summary. "
                "No rule may read it.",
            },
            "themes": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": {"$ref": "#/$defs/id"},
                "description": "Asked only where a chosen worry has one of these themes; not asked otherwise.",
            },
            "summary_part": {
                # One of the fixed parts, which state answers: a framework's own part holds only what is typed
                # in it, so an answer sent there would be in no summary.
                "$ref": "#/$defs/fixed_part",
                "description": "The part of the referral summary that states the answer (level if not given).",
            },
        },
    }


def schema_defs() -> dict[str, Any]:
    """Every part of the thresholds schema that these questions define."""
    return {
        "own_question": schema_own_question(),
        "answer_condition": schema_answer_condition(),
        "scenario_answers": schema_answers(),
        "question_wording": schema_question_wording(),
    }
