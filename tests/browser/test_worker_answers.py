"""The checker's worker answers every request, whatever its kind: the page waits on a promise for each
request it sends (engine.js), and a request left unanswered would leave the page waiting for ever."""

from __future__ import annotations

from .checker_helpers import checker_worker, open_checker

# Inside the worker: send a request to its message handler as the page would, and catch what it posts
# back for that request (or null if nothing comes within two seconds).
ASK = """async (request) => {
    const post = self.postMessage;
    try {
        return await new Promise((resolve) => {
            self.postMessage = (message) => (message && message.id === request.id ? resolve(message) : post(message));
            setTimeout(() => resolve(null), 2000);
            self.onmessage({ data: request });
        });
    } finally {
        self.postMessage = post;
    }
}"""


def test_an_unknown_request_gets_a_clear_error_reply(strict_context, medway_url):
    page = strict_context.new_page()
    open_checker(page, medway_url)
    worker = checker_worker(page)
    for request in (
        {"kind": "steal", "id": 901, "payload": {}},
        {"kind": "", "id": 902},
        {"kind": "evaluate;drop", "id": 903, "payload": {"age": 7}},
    ):
        reply = worker.evaluate(ASK, request)
        assert reply is not None, f"no reply to {request}"
        assert reply["kind"] == "error" and reply["id"] == request["id"], reply
        assert reply["message"] == f"unknown request {request['kind']!r}", reply
    # A known kind is still answered as before.
    known = worker.evaluate(ASK, {"kind": "evaluate", "id": 904, "payload": {"age": 7, "indicators": []}})
    assert known is not None and known["kind"] == "result" and known["id"] == 904, known
