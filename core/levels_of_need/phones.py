"""Phone numbers as a thresholds file writes them, and the ``tel:`` links that dial them. One definition:
the schema's pattern, the validator, the site's pages and the self-check's result all use this.

A number is written as it should be shown: a UK number with its leading 0 ("01632 960123"), a short
number of three digits, a textphone number with its relay prefix ("18001 01632 960123"), or an
international number with its country code ("+44 1632 960123", "+44 (0)1632 960123"). An extension is
part of the dialled link (RFC 3966 ``;ext=``); an option chosen on the call (an IVR menu) is not, and is
said in words beside the link.

Standard library only (runs in the browser).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .interface import ENGLISH, fill, phrase_text

# As the file may write a number: digits and single spaces, or "+" and a country code, where the
# national trunk 0 may be shown in brackets, "(0)", which is never dialled from abroad.
# At least three digits: the shortest numbers UK phones dial, the emergency and short-code numbers, have three.
# At most twenty: an international number has at most fifteen (ITU-T E.164), and a text relay prefix
# (18001) adds five. Single spaces between digits, so a number cannot be padded without end.
MAX_PHONE_DIGITS = 20
PHONE_PATTERN = rf"^(?:\+[1-9][0-9]{{0,2}} (?:\(0\) ?)?)?[0-9](?: ?[0-9]){{2,{MAX_PHONE_DIGITS - 1}}}$"
EXTENSION_PATTERN = r"^[0-9]{1,8}$"
OPTION_PATTERN = r"^[0-9*#]{1,3}(?: then [0-9*#]{1,3}){0,3}$"

UK_COUNTRY_CODE = "44"
_TRUNK = re.compile(r"\(0\)")


def is_phone(text: str) -> bool:
    return re.fullmatch(PHONE_PATTERN, text) is not None


def tel_href(phone: str, extension: str | None = None) -> str:
    """The ``tel:`` link that dials a number as written, with its extension if it has one.

    A UK number with its trunk 0 ("01632 960123") becomes international ("tel:+441632960123"), so it
    dials from any phone; "+44 (0)1632 960123" drops the bracketed 0. A short number or a
    relay prefix ("18001 …") is dialled as written: that is what UK phones dial (RFC 3966 would
    want a ``phone-context`` on such local numbers, which phones do not need and some mishandle)."""
    if phone.startswith("+"):
        link = "tel:+" + re.sub(r"\D", "", _TRUNK.sub("", phone))
    else:
        digits = re.sub(r"\D", "", phone)
        national = digits.startswith("0") and len(digits) >= 10
        link = f"tel:+{UK_COUNTRY_CODE}{digits[1:]}" if national else f"tel:{digits}"
    return f"{link};ext={extension}" if extension else link


def shown_with_extension(phone: str, extension: str | None, phrases: Mapping[str, str] = ENGLISH) -> str:
    """The number as the link shows it: as written, and its extension in words (the catalogue's
    "contact.extension", in a language's words where ``phrases`` gives them)."""
    if not extension:
        return phone
    return fill(phrase_text(phrases, "contact.extension"), {"number": phone, "extension": extension})


def schema_defs() -> dict[str, Any]:
    """The parts of the thresholds schema these definitions make: how a number, an extension and an
    option are written."""
    return {
        "phone": {
            "type": "string",
            "pattern": PHONE_PATTERN,
            "description": (
                "Written as it should be shown: digits and single spaces (01632 960123, a short number, or 18001 "
                "and a number for a text relay), or + with the country code, a space and the number (+44 1632 "
                f"960123, +44 (0)1632 960123); from 3 to {MAX_PHONE_DIGITS} digits."
            ),
        },
        "phone_extension": {
            "type": "string",
            "pattern": EXTENSION_PATTERN,
            "description": "An extension, dialled after the number: digits only (the link dials it, tel: ;ext=).",
        },
        "phone_option": {
            "type": "string",
            "pattern": OPTION_PATTERN,
            "description": (
                "The option to choose on the call, as digits (2, or 2 then 1): said beside the number, never dialled."
            ),
        },
    }
