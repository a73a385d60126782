"""The presenter's questions for discussion between a session's two rounds: the toolkit's own
questions about how the room decided, never guidance. They name no level, route, indicator or
rule, and say nothing about what to do: the answer key and its teaching points, which come from
the partnership's file, say that at the reveal. The page marks them as the toolkit's own
(tests/site/test_discussion_prompts.py holds them to this for every partnership)."""

from __future__ import annotations

LABEL = "Questions for discussion: the toolkit’s own questions about how you decided, not guidance"

PROMPTS = (
    "Which facts in the case moved your answer most, and which did you set aside?",
    "Where the room split, what did each side see in the case that the other did not?",
    "What would you want to know before deciding, and how would knowing it change your answer?",
)
