"""Shape rules that depend on another field (a rule's kind, a scenario's age or unborn), written
into the schema as ``if``/``then`` so that editors show them as the file is written. Each carries its
one-line message as ``errorMessage`` (the keyword VS Code's JSON support shows), which schema.py's
messages use too: the sentence lives here, once."""

from __future__ import annotations

from typing import Any

RULE_KINDS = ("emergency", "raise", "advise")
# The fields only one kind of rule takes.
ONLY_FOR = {
    "level": "raise",
    "route": "raise",
    "describes_harm": "raise",
    "describes_immediate_risk": "raise",
    "consent_exception": "advise",
    "seeks_consent": "advise",
    "areas": "advise",
}
# Why a kind refuses a field, where the field's name does not say it.
WHY_ONLY = {"areas": "an area never changes a level or stops a check, it changes only who to contact and what to do"}


def schema_defs_shapes() -> dict[str, dict[str, Any]]:
    """The keys each of the schema's definitions takes for its shape rules."""
    return {
        "rule": {"allOf": [*_kind_needs(), *_kind_refuses()]},
        # In an allOf, so that its message is only its own: errorMessage names the schema it is in.
        "accessibility_contact": {"allOf": _accessibility_contact()},
        # Its own message: "expected true or false or a mapping" would not say what the mapping holds.
        "route": {
            "allOf": [
                {
                    "properties": {
                        "consent_required": {
                            "type": ["boolean", "object"],
                            "errorMessage": (
                                'write true, false, or {unless: "…"}: consent required, with the guidance\'s '
                                "exceptions in its own words"
                            ),
                        }
                    }
                }
            ]
        },
        "scenario_check": {
            "allOf": [
                {
                    "oneOf": [{"required": ["age"]}, {"required": ["unborn"]}],
                    "errorMessage": "give the child's age or 'unborn: true', one of the two",
                }
            ]
        },
    }


# The ways to reach the accessibility contact: a team's name alone is no way to report a problem.
ACCESSIBILITY_WAYS = ("email", "phone", "textphone", "url", "address")


def _accessibility_contact() -> list[dict[str, Any]]:
    """The accessibility statement's contact can be reached, and its postal address is written in lines."""
    return [
        {
            "anyOf": [{"required": [way]} for way in ACCESSIBILITY_WAYS],
            "errorMessage": f"give at least one way to report a problem: {', '.join(ACCESSIBILITY_WAYS)}",
        },
        {
            # Not a list: a string would show as one line, and its commas as the partnership wrote them.
            "properties": {
                "address": {
                    "type": "array",
                    "errorMessage": (
                        "write the postal address as a list of its lines: [Team, 1 Example Street, Town, EX1 1AA]"
                    ),
                }
            }
        },
    ]


def _kind_is(kind: str, **more: Any) -> dict[str, Any]:
    return {"properties": {"kind": {"const": kind}}, "required": ["kind"], **more}


def _kind_needs() -> list[dict[str, Any]]:
    return [
        {
            "if": _kind_is("raise"),
            "then": {
                "oneOf": [{"required": ["level"]}, {"required": ["route"]}],
                "errorMessage": "a 'raise' rule needs exactly one of 'level' or 'route'",
            },
        },
        {
            # Contacts given and not empty: a rule that stops the check shows whom to call.
            "if": _kind_is("emergency"),
            "then": {
                "not": {"properties": {"contacts": {"maxItems": 0}}},
                "errorMessage": "an 'emergency' rule needs 'contacts' to show",
            },
        },
    ]


def _kind_refuses() -> list[dict[str, Any]]:
    """Each kind refuses the fields of the others; a level and a route on a rule that is no 'raise'
    are one problem (the level), not two."""
    shapes = []
    for kind in RULE_KINDS:
        refused = [name for name, only in ONLY_FOR.items() if only != kind and name != "route"]
        shapes.append({"if": _kind_is(kind), "then": {"properties": {name: _refused(name, kind) for name in refused}}})
        if ONLY_FOR["route"] != kind:
            shapes.append(
                {
                    "if": _kind_is(kind, **{"not": {"required": ["level"]}}),
                    "then": {"properties": {"route": _refused("route", kind)}},
                }
            )
    return shapes


def _refused(name: str, kind: str) -> dict[str, Any]:
    only = ONLY_FOR[name]
    article = "an" if only[0] in "aeiou" else "a"
    why = f" ({WHY_ONLY[name]})" if name in WHY_ONLY else ""
    return {"not": {}, "errorMessage": f"only {article} {only!r} rule takes {name!r}; this rule is {kind!r}{why}"}
