"""The messages between the page and the checker's worker are defined once (levels_of_need.messages):
the Python side answers with exactly the defined replies, and the scripts post and read only the
defined kinds and fields."""

from __future__ import annotations

import json
import re

from conftest import ROOT

from levels_of_need import messages, worker

CHECKER = ROOT / "toolkit" / "web" / "theme" / "assets" / "checker"


def object_literals(source: str, call: str) -> list[str]:
    """The text inside each object literal passed to ``call`` (e.g. ``postMessage(``), even as either
    side of a ``?:``; brackets matched."""
    found = []
    for match in re.finditer(re.escape(call), source):
        depth, start = 1, None
        for at in range(match.end(), len(source)):
            char = source[at]
            if char == "{" and depth == 1:
                start = at
            depth += {"{": 1, "(": 1, "[": 1, "}": -1, ")": -1, "]": -1}.get(char, 0)
            if char == "}" and depth == 1 and start is not None:
                found.append(source[start + 1 : at])
                start = None
            if depth == 0:
                break
    return found


def keys(literal: str) -> tuple[str | None, set[str]]:
    """(the literal's kind, if written out, and its other keys), from its top-level entries."""
    entries, depth, current = [], 0, ""
    for char in re.sub(r"//[^\n]*", "", literal):
        depth += {"{": 1, "(": 1, "[": 1, "}": -1, ")": -1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            entries.append(current)
            current = ""
        else:
            current += char
    entries.append(current)
    names, kind = set(), None
    for entry in (e.strip() for e in entries):
        if not entry or entry.startswith("..."):
            continue
        name = re.match(r"[A-Za-z_]\w*", entry).group(0)
        if name == "kind" and (literal_kind := re.match(r'kind:\s*"(\w+)"', entry)):
            kind = literal_kind.group(1)
        names.add(name)
    return kind, names - {"kind"}


def test_the_worker_answers_each_request_with_exactly_its_reply_fields(example):
    worker.start(json.dumps(example.data))  # the build's JSON of the partnership's file
    evaluated = json.loads(worker.answer("evaluate", json.dumps({"age": 9, "indicators": ["tired"]})))
    assert evaluated.pop("ok") is True
    assert set(evaluated) == set(messages.EVALUATE.reply)
    scenario = example.scenarios[0]
    debriefed = json.loads(worker.answer("debrief", json.dumps({"scenario": scenario.id, "choices": {}})))
    assert debriefed.pop("ok") is True
    assert set(debriefed) == set(messages.DEBRIEF.reply)
    # A problem with the answers is part of the page's answer; a request that cannot be answered is an error.
    problem = json.loads(worker.answer("evaluate", json.dumps({"age": "seven"})))
    assert problem.pop("ok") is True and problem["problem"]["field"] == "age"
    saved = json.loads(worker.answer("save", json.dumps({"age": "9", "indicators": []})))
    assert saved.pop("ok") is True
    assert set(saved) == set(messages.SAVE.reply)
    opened = json.loads(worker.answer("open", json.dumps({"text": saved["text"]})))
    assert opened.pop("ok") is True
    assert set(opened) == set(messages.OPEN.reply)
    refused = json.loads(worker.answer("open", json.dumps({"text": "not a saved check"})))
    assert refused.pop("ok") is False
    assert set(refused) == set(messages.ERROR.fields) - {"id"}
    assert tuple(worker.REQUESTS) == messages.REQUEST_KINDS


def test_the_worker_script_posts_only_defined_messages_with_defined_fields():
    source = (CHECKER / "worker.mjs").read_text(encoding="utf-8")
    posted = [keys(literal) for literal in object_literals(source, "postMessage(")]
    assert len(posted) >= 5
    for kind, names in posted:
        message = messages.message(kind)
        assert message.sender == "worker", kind
        assert names <= set(message.fields), (kind, names - set(message.fields))
    assert {kind for kind, _ in posted} == {m.kind for m in messages.MESSAGES if m.sender == "worker"}
    # Every request goes to Python, which knows the kinds (worker.REQUESTS, held to REQUEST_KINDS above) and
    # answers every one, unknown ones included: the worker keeps no list of its own to fall out of step.
    assert "KINDS" not in source and not any(f'"{kind}"' in source for kind in messages.REQUEST_KINDS)
    # The page's news of the wasm: read only by its defined fields.
    assert set(re.findall(r"(?<![.\w])news\.(\w+)", source)) <= set(messages.WASM.fields)
    assert 'kind === "wasm"' in source


def test_the_page_sends_defined_requests_and_reads_only_defined_fields():
    engine = (CHECKER / "engine.js").read_text(encoding="utf-8")
    [(_, sent)] = [keys(literal) for literal in object_literals(engine, "worker.postMessage(")]
    assert sent == set(messages.EVALUATE.fields) == set(messages.DEBRIEF.fields)
    read_kinds = set(re.findall(r'data\.kind === "(\w+)"', engine))
    assert read_kinds == {m.kind for m in messages.MESSAGES if m.sender == "worker"}
    worker_fields = {name for m in messages.MESSAGES if m.sender == "worker" for name in m.fields}
    assert set(re.findall(r"\bdata\.(\w+)", engine)) - {"kind"} <= worker_fields
    told = [keys(literal) for literal in object_literals(engine, "tell(")]
    assert {kind for kind, _ in told} == {messages.WASM.kind}
    assert set().union(*(names for _, names in told)) == set(messages.WASM.fields)
    for script in ("check.js", "practice.js", "presenter.js"):
        asked = re.findall(r'request\("(\w+)"', (CHECKER / script).read_text(encoding="utf-8"))
        assert asked and set(asked) <= set(messages.REQUEST_KINDS), script


def test_the_keys_reader_reads_an_object_literal():
    assert keys('kind: "ready",\n  version: v(),\n  open: a.map((x) => ({ y: x })), // note\n  total, ...rest') == (
        "ready",
        {"version", "open", "total"},
    )
    assert object_literals("f({ a: { b: 1 } }); g({c})", "f(") == [" a: { b: 1 } "]
    assert object_literals("f(ok ? { a } : { b: g(1) }, 2)", "f(") == [" a ", " b: g(1) "]
