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


# "I am not sure": offered on every question a practitioner may not know the answer to. It leaves the
# question open: a result that depends on it says so and suggests no route (rules.open_questions).
NOT_SURE = Option(UNSURE, "I am not sure", "not sure")

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


def area_question(areas: Sequence[_Area], text: str | None = None) -> Question:
    """Which of the partnership's areas the child lives in: the areas as options, and "not sure",
    which leaves the question open (the result then shows every area's contacts, labelled)."""
    return Question(
        id=AREA,
        text=text or "Which area does the child live in?",
        topic="the child’s area",
        summary_part="age",
        options=(*(Option(a.id, a.name, a.name) for a in areas), Option(UNSURE, "I am not sure", "not sure")),
        open_values=(UNSURE,),
    )


# The answers to a partnership's own questions: yes, no, or not sure, which leaves the question open.
OWN_VALUES: tuple[str, ...] = ("yes", "no", UNSURE)
MAX_OWN_DECIDING = 3  # own questions that decide a level or route: the checker tries every answer to each


def own_question(raw: Mapping[str, Any]) -> Question:
    """One of the partnership's own yes / no / not sure questions (``own_questions``)."""
    return Question(
        id=raw["id"],
        text=raw["text"],
        topic=raw["text"],
        options=(Option("yes", "Yes", "yes"), Option("no", "No", "no"), Option(UNSURE, "I am not sure", "not sure")),
        open_values=(UNSURE,),
        own=True,
    )


def worded(
    overrides: Mapping[str, Any], areas: Sequence[_Area] = (), own: Sequence[Mapping[str, Any]] = ()
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
    questions += [own_question(raw) for raw in own]
    if areas:
        questions.append(area_question(areas, overrides.get(AREA, {}).get("text")))
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
    """The JSON Schema of one of ``own_questions``: a yes / no / not sure question of the partnership's."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "text"],
        "description": "A question of the partnership's own, answered yes, no or not sure (unsure).",
        "properties": {
            "id": {"$ref": "#/$defs/id", "description": 'How rules name it: when: {answers: {ID: ["yes"]}}.'},
            "text": {"$ref": "#/$defs/text", "description": "The question as the self-check asks it."},
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
