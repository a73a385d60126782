"""Step-down guidance (`step_down:`) gets its own page, as a reader sees it: the levels, each step with
its contact as a working link and its timescale, the consent words whole, in the navigation and in the
printable whole guidance; a file without it gets no such page."""

from __future__ import annotations

from sitebuild import page_text


def test_the_step_down_page_gives_the_steps_contacts_and_consent_in_the_files_words(example_site, example):
    step_down = example.data["step_down"]
    page = example_site.directory / "step-down" / "index.html"
    html, text = page.read_text(encoding="utf-8"), page_text(page)
    higher, lower = example.level(step_down["from"]), example.level(step_down["to"])
    assert f"Stepping down from {higher.label} to {lower.label}" in text
    assert " ".join(step_down["intro"].split()) in text
    first, second = step_down["next_steps"]
    contact = example.contact(first["contact"])
    timescale = example.timescale(first["timescale"])
    assert f"{first['text']} {contact.name}: {contact.email}. Timescale: {timescale.label}, {timescale.within}." in text
    assert f'href="mailto:{contact.email}"' in html
    assert second["text"] in text
    assert text.index(first["text"]) < text.index(second["text"])
    assert " ".join(step_down["consent"].split()) in text
    home = (example_site.directory / "index.html").read_text(encoding="utf-8")
    assert 'href="step-down/"' in home  # in the navigation, under Referrals
    whole = page_text(example_site.directory / "whole" / "index.html")
    assert " ".join(step_down["consent"].split()) in whole


def test_a_file_without_step_down_guidance_has_no_such_page(medway_site, thresholds):
    assert "step_down" not in thresholds.data
    assert not (medway_site.directory / "step-down").exists()
