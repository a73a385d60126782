"""What a working phone link is, for the core's, the site's and the browser's tests: a tel: URI that
dials exactly the digits its text shows."""

from __future__ import annotations

import re

# RFC 3966: a global number is "+" and digits; an extension is ";ext=" and digits. A short number or a
# relay prefix is dialled as written (see levels_of_need.phones.tel_href for why it has no phone-context).
TEL = re.compile(r"^tel:(?:\+[1-9][0-9]{6,14}|[0-9]{3,20})(?:;ext=[0-9]{1,8})?$")


def dialled(href: str) -> str:
    """The digits a tel: link dials, as a UK phone would: +44 is the trunk 0; the extension after."""
    number, _, extension = href.removeprefix("tel:").partition(";ext=")
    national = "0" + number[3:] if number.startswith("+44") else number
    return national + extension


def shown(text: str) -> str:
    """The digits a reader sees in a link's text: "+44" or "+44 (0)" is the trunk 0, as dialled at home."""
    text = re.sub(r"^\+44 ?(?:\(0\) ?)?", "0", text)
    return re.sub(r"\D", "", text)


def assert_phone_link(text: str, href: str) -> None:
    assert TEL.match(href), href
    assert dialled(href) == shown(text), (text, href)
