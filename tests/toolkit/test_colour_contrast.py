"""The contrast check for a partnership's colours follows WCAG 2.2's formula."""

from __future__ import annotations

import pytest

from toolkit.load.colours import contrast, too_faint


@pytest.mark.parametrize(
    ("colour", "ratio"),
    [("#000000", 21.0), ("#ffffff", 1.0), ("#767676", 4.54), ("#1d70b8", 5.17), ("#949494", 3.03)],
)
def test_contrast_against_white_matches_the_published_ratios(colour, ratio):
    assert contrast(colour, "#ffffff") == pytest.approx(ratio, abs=0.01)
    assert contrast("#ffffff", colour) == contrast(colour, "#ffffff")


def test_a_colour_under_three_to_one_on_white_is_refused_and_one_above_is_not():
    assert too_faint("#949494") is None  # 3.03:1
    assert "has a contrast of 2.9:1 against the white page" in too_faint("#979797")
