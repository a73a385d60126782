"""Contacts as they really are: numbers written as a guidance writes them dial from a working tel: link
(+44, extensions, textphones, options said in words), and a contact that differs by area shows the
child's area's, or every area's, labelled, while the area is not known: never one area's guessed."""

from __future__ import annotations

import copy
import json
import re

import pytest
from conftest import examples, loaded
from generated import checks, load, thresholds_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from phone_links import assert_phone_link

from levels_of_need import api, phones, saved
from levels_of_need.model import from_dict
from levels_of_need.present import contact_nodes, inline_text, node, result_view
from levels_of_need.rules import CheckError, evaluate
from levels_of_need.summary import Details, render_text

NO = {"immediate_risk": "no", "significant_harm": "no", "consent": "given"}
# The fictional file's district hubs (examples/fictional-four-levels.yml).
NORTHDALE, SOUTHWICK = "01632 960222", "+44 (0)1632 960333 extension 4021"
FAMILY_HELP = {"indicators": ["damp-home"], "age": 5, "answers": NO}  # Level 3, whose steps name the hubs


@pytest.mark.parametrize(
    ("written", "extension", "href"),
    [
        ("01632 960000", None, "tel:+441632960000"),
        ("+44 1632 960000", None, "tel:+441632960000"),
        ("+44 (0)1632 960000", None, "tel:+441632960000"),
        ("+44 (0) 1632 960000", "4021", "tel:+441632960000;ext=4021"),
        ("0800 789 321", None, "tel:+44800789321"),
        ("01632 960000", "12", "tel:+441632960000;ext=12"),
        ("999", None, "tel:999"),
        ("101", None, "tel:101"),
        ("18001 01632 960222", None, "tel:1800101632960222"),  # a text relay: dialled as written
    ],
)
def test_a_number_as_written_dials_from_its_tel_link(written, extension, href):
    assert phones.is_phone(written)
    assert phones.tel_href(written, extension) == href
    assert_phone_link(phones.shown_with_extension(written, extension), href)


@pytest.mark.parametrize("written", ["+441632960000", "01632-960000", "+44 (1)1632 960000", "0163 2 ext 12", " 999"])
def test_a_number_the_links_could_get_wrong_is_not_a_phone(written):
    assert not phones.is_phone(written)


def links(nodes) -> list[tuple[str, str]]:
    """Every (text, href) of the links in a tree of nodes."""
    found = []
    for item in nodes:
        if isinstance(item, str):
            continue
        href = item.get("attrs", {}).get("href")
        if href:
            found.append((inline_text(item), href))
        found += links(item.get("children", ()))
    return found


def test_every_phone_link_in_every_contact_of_both_files_dials_the_number_shown(thresholds, example):
    for t in (thresholds, example):
        for contact in t.contacts:
            for area in (None, *t.areas):
                for text, href in links(contact_nodes(contact, area)):
                    if href.startswith("tel:"):
                        assert_phone_link(text, href)


def test_hours_option_textphone_and_extension_are_shown_beside_the_links(example):
    northdale = inline_text(node("p", *contact_nodes(example.contact("hub-northdale"))))
    assert northdale == (
        "Northdale Early Help Hub (fictional): 01632 960222 (then choose option 2), textphone 18001 01632 960222 "
        "(hours: Monday to Friday, 9am to 5pm (fictional))"
    )
    # The option is said, never dialled: no link holds it.
    assert all(
        "option" not in text and "," not in href
        for text, href in links(contact_nodes(example.contact("hub-northdale")))
    )
    southwick = links(contact_nodes(example.contact("hub-southwick")))
    assert southwick == [(SOUTHWICK, "tel:+441632960333;ext=4021")]


def test_the_format_doc_shows_the_words_the_checker_gives():
    from conftest import ROOT

    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    quoted = re.search(r'Shown on the site and in the self-check’s result as: "([^"]+)"', doc.replace("'", "’"))
    assert quoted, "docs/format.md has no worked example of a contact as shown"
    from conftest import EXAMPLE_FILE

    example = loaded(EXAMPLE_FILE)
    assert quoted.group(1) == inline_text(node("p", *contact_nodes(example.contact("hub-northdale"))))


# ---- Areas -------------------------------------------------------------------------------------


def result_words(t, raw) -> str:
    return api.result_text(t, raw)


def test_the_area_answered_shows_that_areas_contact_only(example):
    for area, mine, other in (("northdale", NORTHDALE, SOUTHWICK), ("southwick", SOUTHWICK, NORTHDALE)):
        raw = {**FAMILY_HELP, "answers": {**NO, "area": area}}
        words = result_words(example, raw)
        assert mine in words and other not in words
        assert "by the child’s area" not in words and "is shown, each with its area’s name" not in words
        result = api.run_check(example, raw)
        assert result["area"] == area and result["area_open"] is False
        hub = next(s["contact"] for s in result["next_steps"] if s["contact"] and s["contact"].get("area"))
        assert hub["area"] == area and hub["by_area"] == []


@pytest.mark.parametrize("answer", [None, "unsure"])
def test_the_area_not_known_shows_every_areas_contact_labelled_and_says_so(example, answer):
    answers = {**NO, **({"area": answer} if answer else {})}
    raw = {**FAMILY_HELP, "answers": answers}
    words = result_words(example, raw)
    assert "Northdale (fictional): 01632 960222" in words
    assert "Southwick (fictional): +44 (0)1632 960333 extension 4021" in words
    said = "You are not sure of" if answer else "You have not answered"
    assert f"{said} the child’s area (“Which district of Exampleton does the child live in? (fictional)”)" in words
    result = api.run_check(example, raw)
    assert result["area"] is None and result["area_open"] is True
    hub = next(s["contact"] for s in result["next_steps"] if s["contact"] and s["contact"]["by_area"])
    assert [(a["area"], a["phone"]) for a in hub["by_area"]] == [
        ("northdale", "01632 960222"),
        ("southwick", "+44 (0)1632 960333"),
    ]
    assert hub["phone"] is None  # no number of its own to fall back on: never a default


def test_a_result_whose_contacts_do_not_differ_by_area_does_not_mention_the_area(example):
    words = result_words(example, {"indicators": ["tired"], "age": 9, "answers": NO})
    assert "area" not in words.lower()


def test_the_page_asks_the_area_while_a_contact_shown_depends_on_it(example):
    fields = lambda raw: [r["field"] for r in api.page_answer(example, raw)["required"]]  # noqa: E731
    assert "area" in fields(FAMILY_HELP)
    assert "area" not in fields({**FAMILY_HELP, "answers": {**NO, "area": "unsure"}})
    assert "area" not in fields({**FAMILY_HELP, "answers": {**NO, "area": "northdale"}})
    # Before any worry, no contact is shown yet: Continue does not stop on the child's page for it.
    assert "area" not in fields({"age": 5, "answers": {"immediate_risk": "no"}})
    rows = api.page_answer(example, {"age": 5, "answers": {"area": "southwick"}})["answers"]
    keys = [row["key"] for row in rows]
    assert (
        keys.index("Which district of Exampleton does the child live in? (fictional)")
        == keys.index("The child’s age") + 1
    )
    assert next(r for r in rows if r["field"] == "area")["value"] == ["Southwick (fictional)"]


def test_an_unknown_area_is_refused(example, thresholds):
    with pytest.raises(CheckError, match="area"):
        evaluate(example, api.check_from_dict({"age": 5, "answers": {"area": "eastdale"}}))
    with pytest.raises(CheckError, match="unknown question 'area'"):
        evaluate(thresholds, api.check_from_dict({"age": 5, "answers": {"area": "northdale"}}))


def with_hub_in_the_emergency(example):
    data = copy.deepcopy(dict(example.data))
    danger = next(r for r in data["rules"] if r["kind"] == "emergency")
    danger["contacts"] = [*danger["contacts"], "early-help-hub"]
    return from_dict(data)


def test_an_emergency_shows_every_areas_number_until_the_area_is_known_and_the_summary_too():
    from conftest import EXAMPLE_FILE

    t = with_hub_in_the_emergency(loaded(EXAMPLE_FILE))
    raw = {"answers": {"immediate_risk": "yes"}}
    result = evaluate(t, api.check_from_dict(raw))
    words = api.result_text(t, raw)
    summary = render_text(t, api.check_from_dict(raw), result, Details())
    for text in (words, summary):
        assert "Northdale (fictional): 01632 960222" in text and "Southwick (fictional): +44 (0)1632 960333" in text
    assert "You have not answered the child’s area" in words
    assert "I have not answered the child’s area" in summary  # the summary is the referrer's
    raw = {"answers": {"immediate_risk": "yes", "area": "southwick"}}
    summary = render_text(t, api.check_from_dict(raw), evaluate(t, api.check_from_dict(raw)), Details())
    assert "Southwick Early Help Hub (fictional): +44 (0)1632 960333 extension 4021" in summary
    assert NORTHDALE not in summary and "not answered the child’s area" not in summary
    assert "Area: Southwick (fictional)" in summary
    view = result_view(t, evaluate(t, api.check_from_dict(raw)))
    for text, href in links(view):
        if href.startswith("tel:"):
            assert_phone_link(text, href)


def test_the_summary_gives_the_childs_area_where_the_file_has_areas(example, thresholds):
    def summary(t, raw):
        check = api.check_from_dict(raw)
        return render_text(t, check, evaluate(t, check), Details())

    assert "Area: Northdale (fictional)" in summary(example, {**FAMILY_HELP, "answers": {**NO, "area": "northdale"}})
    assert "[Area]" in summary(example, FAMILY_HELP)
    assert "Area: " not in summary(thresholds, {"indicators": ["l2-domestic-abuse"], "age": 5, "answers": NO})
    assert "[Area]" not in summary(thresholds, {"indicators": ["l2-domestic-abuse"], "age": 5, "answers": NO})


def test_a_saved_check_carries_the_area_and_refuses_an_area_the_file_does_not_have(example, thresholds):
    state = {**FAMILY_HELP, "answers": {**NO, "area": "southwick"}}
    text = saved.save_check(example, state)
    assert saved.open_check(example, text)["state"]["answers"]["area"] == "southwick"
    tampered = json.loads(text)
    tampered["state"]["answers"]["area"] = "eastdale"
    with pytest.raises(CheckError, match="an answer this self-check does not ask"):
        saved.open_check(example, json.dumps(tampered))
    medway = {"indicators": ["l2-domestic-abuse"], "age": 5, "answers": {"area": "southwick"}}
    with pytest.raises(CheckError, match="an answer this self-check does not ask"):
        saved.save_check(thresholds, medway)  # a file without areas asks no area


# ---- Over generated files (tests/core/generated.py: areas, extensions, options, +44) -------------


@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_over_generated_files_a_district_number_is_never_guessed_and_every_link_dials_its_number(data):
    t = load(data.draw(thresholds_data()))
    check = data.draw(checks(t))
    result = evaluate(t, check)
    view = result_view(t, result)
    for text, href in links(view):
        if href.startswith("tel:"):
            assert_phone_link(text, href)
    words = inline_text(node("div", *view))
    if not t.areas:
        return
    area = check.answers.get("area")
    known = area in ("north", "south")
    assert result.area_open == (not known and ("Hub by area" in words or "For a child in" in words))
    if "Hub by area" in words:  # every area's, each labelled, and the area said to be unknown
        assert "North (fictional): 01632 960002 extension 12" in words
        assert "South (fictional): +44 (0)1632 960003 (then choose option 2)" in words
        assert "the child’s area" in words
    for name, own in (("north", "North hub:"), ("south", "South hub:")):
        if own in words:
            assert area == name, (area, words)  # an area's own contact only once that area is answered
