"""The checker engine's Python side: what the browser worker calls.

The web worker (toolkit/web/theme/assets/checker/worker.mjs) imports this module, calls
``start`` once with the thresholds JSON, then ``answer`` for each request. The requests and
their replies are defined in ``messages``. Standard library only: the build compiles this package,
with the standard-library modules it uses, into the site's ``python.zip``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from . import api, messages, model, saved, training
from .interface import phrase_text
from .rules import CheckError

_loaded: list[model.Thresholds] = []  # the one set of thresholds this engine answers from


def _session() -> ModuleType:
    """The presenter's session (and its agreement statistics), imported at its first request: only the
    presenter's page sends one, and on a slow phone the check's start should not pay for importing it."""
    from . import training_session

    return training_session


# Each request the page may send (messages.REQUEST_KINDS), and how it is answered: its reply's fields.
REQUESTS: Mapping[str, Callable[[model.Thresholds, Any], dict[str, Any]]] = {
    messages.EVALUATE.kind: lambda t, payload: api.page_answer(t, payload),
    messages.DEBRIEF.kind: lambda t, payload: {
        "debrief": training.debrief(t, payload["scenario"], payload.get("choices") or {}, payload.get("committed"))
    },
    messages.SAVE.kind: lambda t, payload: {"text": saved.save_check(t, payload)},
    messages.OPEN.kind: lambda t, payload: saved.open_check(t, payload["text"]),
    messages.SESSION.kind: lambda t, payload: _session().page_answer(t, payload),
    messages.SAVE_SESSION.kind: lambda t, payload: _session().page_save(t, payload["session"]),
    messages.OPEN_SESSION.kind: lambda t, payload: _session().open_session(t, payload["text"]),
}
assert tuple(REQUESTS) == messages.REQUEST_KINDS


# What the page says when a request fails in a way Python did not foresee: the page's words for each request.
# Each is the catalogue's phrase (levels_of_need.interface), in the data's language.
UNEXPECTED_ANY = "check.unexpected"
UNEXPECTED: Mapping[str, str] = {
    messages.EVALUATE.kind: "check.unreadable",
    messages.SAVE.kind: "saved.could-not-write",
    messages.OPEN.kind: "saved.could-not-read",
    messages.OPEN_SESSION.kind: "saved.could-not-read-session",
}


def start(thresholds_json: str) -> str:
    """Load the thresholds; return their version stamp."""
    _loaded[:] = [model.from_json(thresholds_json)]
    return version()


def version() -> str:
    return _loaded[0].version if _loaded else ""


def answer(kind: str, payload_json: str) -> str:
    """One request as JSON in, {"ok": true, ...} or {"ok": false, "message"} as JSON out."""
    if not _loaded:
        return json.dumps({"ok": False, "message": "The checker is not ready yet."})
    if kind not in REQUESTS:
        return json.dumps({"ok": False, "message": f"unknown request {kind!r}"})
    try:
        return json.dumps({"ok": True, **REQUESTS[kind](_loaded[0], json.loads(payload_json))})
    except CheckError as error:
        # A problem with the answers: the page shows the message, at the field where there is one.
        return json.dumps({"ok": False, "message": str(error), "field": error.field})
    except Exception:  # whatever Python raises, the page shows its own words and carries on
        # A malformed payload is the page's bug, or a file made to break it: it must never stop the engine,
        # and Python's own words ("invalid literal for int()…") are never shown as the page's.
        message = phrase_text(_loaded[0].phrases, UNEXPECTED.get(kind, UNEXPECTED_ANY))
        return json.dumps({"ok": False, "message": message, "field": None})


def network_probe() -> str:
    """Python's own attempts at the network, from inside Pyodide; each must fail. JSON list of blocked names."""
    import js  # only in Pyodide, and only after the worker has switched the network off

    attempts = {
        "fetch": lambda: js.fetch("probe-network"),
        "XMLHttpRequest": lambda: js.XMLHttpRequest.new(),
        "WebSocket": lambda: js.WebSocket.new("ws://127.0.0.1:9/"),
        "EventSource": lambda: js.EventSource.new("probe-network"),
    }
    blocked = []
    for name, attempt in attempts.items():
        try:
            attempt()
        except Exception:
            blocked.append(name)
    return json.dumps(blocked)
