"""The messages between the page and the checker's worker, written down once.

The page (``engine.js``, used by ``check.js``, ``practice.js`` and ``presenter.js``) and the worker (``worker.mjs``)
post plain objects with a ``kind``. The page sends requests; the worker answers each with a
``result`` or an ``error`` carrying the request's ``id``, and tells the page how loading goes.
``worker.answer`` serves the requests (``worker.REQUESTS``); tests/core/test_messages.py checks that
the scripts post and read only the kinds and fields defined here.

Standard library only (runs in the browser).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    kind: str
    sender: str  # "page" or "worker"
    about: str
    fields: Mapping[str, str]  # each field besides ``kind``, and what it holds
    # A request's answer: the fields of the ``result`` the worker sends back for it.
    reply: Mapping[str, str] = field(default_factory=dict)


EVALUATE = Message(
    kind="evaluate",
    sender="page",
    about="run a check: the result, its words and the referral summary",
    fields={
        "id": "a number the page chooses; the answer carries it back",
        "payload": "the check, as api.check_from_dict takes it, with the referrer's words under 'details'",
    },
    reply={
        "problem": "{message, field} where the answers have a problem (an age out of range, say), else null",
        "answers": "the rows of “Check your answers” (present.answers_view)",
        "required": "[{field, message}]: the answers the result still needs, for Continue to ask for",
        "result": "the result as data (api.result_to_dict), or null beside a problem",
        "headline": "one line for the live region (present.headline)",
        "now": "where the child may be at risk of significant harm, what to do now as a tree of text nodes: the "
        "first action, which leads the question pages (present.what_to_do_now); else []",
        "now_line": "the first line of 'now', which leads the sticky banner (present.now_line); else []",
        "view": "the top of the result as a tree of text nodes: level, route, the first action, the next steps "
        "(present.result_lead)",
        "view_more": "the rest of the result below the actions: why, advice, notes (present.result_more)",
        "summary": "the referral summary as plain text",
        "detail_problem": "{message, field} where a summary detail is refused (a scaling answer off its scale), "
        "else null: shown beside its box, while the result stays (the summary leaves that answer out)",
        "asks_consent_note": "whether the referral details offer the box for why consent was not sought or what "
        "was done to seek it (summary.asks_consent_note)",
        "age_notes": "[{indicator, text}]: beside each indicator written for another age than the child's, "
        "chosen or not, the words that say so (present.age_notes); none while the age is unknown",
        "age_notice": "the words telling the user that chosen indicators are written for another age and "
        "still count, or '' (present.age_notice)",
        "conditional_asked": "the ids of the partnership's questions asked only for some worries (themes) that "
        "these worries ask (api.conditional_asked): the page shows those and hides the other such questions",
    },
)
SAVE = Message(
    kind="save",
    sender="page",
    about="the text of a saved-check file for the form as it stands (saved.save_check)",
    fields={
        "id": "a number the page chooses; the answer carries it back",
        "payload": "the form's state, as the saved file holds it",
    },
    reply={"text": "the file's text, which the page offers as a download"},
)
OPEN = Message(
    kind="open",
    sender="page",
    about="read a file the user chose as a saved check, whole, before anything on the page changes",
    fields={
        "id": "a number the page chooses; the answer carries it back",
        "payload": "{text: the file's text}",
    },
    reply={
        "state": "the check, every part checked, as the form holds it",
        "thresholds_version": "the thresholds version it was saved with",
        "opened": "the page's words once it is open: which thresholds version it was made with, where not this one",
    },
)
DEBRIEF = Message(
    kind="debrief",
    sender="page",
    about="compare a learner's choices in training mode with a scenario's answer key",
    fields={
        "id": "a number the page chooses; the answer carries it back",
        "payload": "{scenario: its id, choices: the learner's indicators and answers, committed: the route chosen}",
    },
    reply={
        "debrief": "whether the answer committed matches the answer key, and what differs (or that nothing does), "
        "with the checker's reasons, each in the words the page shows"
    },
)
SESSION = Message(
    kind="session",
    sender="page",
    about=(
        "the presenter's training session as it stands: start it, record one round's counts or move to a "
        "step, and get back everything the presenter shows (training_session.page_answer)"
    ),
    fields={
        "id": "a number the page chooses; the answer carries it back",
        "payload": (
            "{session: the session as the worker last gave it, or null; start: {title, set, room_size, date} or null; "
            "round: {vignette, round, counts: {level id: what was typed}, not_sure} or null; "
            "position: {vignette, step} or null; figures: false for a move alone, answered without report and views}"
        ),
    },
    reply={
        "problem": "{message, field} where what was typed cannot be taken (the counts do not add up to the room, "
        "say), else null; the session is then as it was",
        "session": "the session, every part checked, as the page holds it (null if it could not start)",
        "screen": "the words of the screen at the session's position: {heading, round_question, record, next}, "
        "each null where that screen has none (training_session.screen_words)",
        "report": "every figure the presenter shows, as data and as words (training_session.report)",
        "views": "{reveal: for each vignette the room's answers as a tree of text nodes, or null before any "
        "round; summary: the trainer's summary as a tree of text nodes}",
    },
)
SAVE_SESSION = Message(
    kind="save_session",
    sender="page",
    about="the files the trainer downloads: the session (to open again and resume) and its summary as CSV",
    fields={
        "id": "a number the page chooses; the answer carries it back",
        "payload": "{session: the session as the worker last gave it}",
    },
    reply={"json": "the session file's text", "csv": "the summary as CSV"},
)
OPEN_SESSION = Message(
    kind="open_session",
    sender="page",
    about="read a file the trainer chose as a saved session, whole, before anything on the page changes",
    fields={
        "id": "a number the page chooses; the answer carries it back",
        "payload": "{text: the file's text}",
    },
    reply={
        "session": "the session, every part checked, as the page holds it",
        "thresholds_version": "the thresholds version it was saved with",
        "opened": "the presenter's words once it is open: which thresholds version it was saved with, where not this",
    },
)
WASM = Message(
    kind="wasm",
    sender="page",
    about=(
        "Pyodide's wasm, which the page fetches and compiles so that the browser keeps the compiled code "
        "for the next visit: one message for each thing the worker needs to know, in this order"
    ),
    fields={
        "status": "the response's HTTP status, once its headers arrive",
        "type": "the response's Content-Type, with status",
        "wireLength": "the response's Content-Length (bytes over the wire), with status; 0 or NaN if none",
        "received": "bytes of the file that have just arrived",
        "done": "true once the whole file has arrived",
        "module": "the compiled WebAssembly.Module, for Pyodide to instantiate",
        "problem": "why the page could not fetch or compile the file, instead of the rest",
    },
)
PROGRESS = Message(
    kind="progress",
    sender="worker",
    about="how loading goes: bytes of the engine over the wire so far, then Python starting",
    fields={
        "stage": "'download' while the engine's files arrive, then 'start' while Python starts",
        "loaded": "bytes over the wire so far (download only)",
        "total": "bytes over the wire in all, once every file's size is known (download only)",
    },
)
READY = Message(
    kind="ready",
    sender="worker",
    about="Python has started and the network is switched off: requests are answered from now on",
    fields={
        "version": "the thresholds version the engine answers from",
        "networkLocked": "true when every way to the network was checked shut",
        "networkClosed": "the ways to the network checked shut",
        "networkOpen": "any way still open (then the page does not trust the engine)",
        "wasmBytes": "the size of Python's memory, for the benchmark",
        "stages": "{stage: wall-clock ms} when each stage of the start ended, for the benchmark",
    },
)
FAILED = Message(
    kind="failed",
    sender="worker",
    about="the engine cannot start on this device: the page shows its fallback",
    fields={"reason": "why, in words"},
)
RESULT = Message(
    kind="result",
    sender="worker",
    about="the answer to a request: the request's reply fields",
    fields={"id": "the request's id"},
)
ERROR = Message(
    kind="error",
    sender="worker",
    about="a request that could not be answered",
    fields={
        "id": "the request's id",
        "message": "what is wrong, for the user",
        "field": "the form field at fault (``age``, say), or null",
    },
)

MESSAGES: tuple[Message, ...] = (
    EVALUATE,
    DEBRIEF,
    SAVE,
    OPEN,
    SESSION,
    SAVE_SESSION,
    OPEN_SESSION,
    WASM,
    PROGRESS,
    READY,
    FAILED,
    RESULT,
    ERROR,
)
# The page's requests, which Python answers: the messages that have a reply.
REQUEST_KINDS: tuple[str, ...] = tuple(m.kind for m in MESSAGES if m.sender == "page" and m.reply)


def message(kind: str) -> Message:
    return next(m for m in MESSAGES if m.kind == kind)
