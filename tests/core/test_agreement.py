"""The room's agreement statistics (levels_of_need.agreement) against the published figures, and where a
coefficient is undefined. test_agreement_references.py holds them to the reference packages too."""

from __future__ import annotations

import pytest

from levels_of_need import agreement

TOLERANCE = 1e-5  # the parity: the published figures are given to five places

# Fleiss (1971): 15 patients, 6 psychiatrists, 5 diagnoses, as counts (irrCAC's distrib_6raters, which
# test_agreement_references.py checks this against).
FLEISS_1971 = [
    [0, 0, 0, 6, 0],
    [0, 3, 0, 0, 3],
    [0, 1, 4, 0, 1],
    [0, 0, 0, 0, 6],
    [0, 3, 0, 3, 0],
    [2, 0, 4, 0, 0],
    [0, 0, 4, 0, 2],
    [2, 0, 3, 1, 0],
    [2, 0, 0, 4, 0],
    [0, 0, 0, 0, 6],
    [1, 0, 0, 5, 0],
    [1, 1, 0, 4, 0],
    [0, 3, 3, 0, 0],
    [1, 0, 0, 5, 0],
    [0, 2, 0, 3, 1],
]


def six_raters() -> list[list[int]]:
    return [list(row) for row in FLEISS_1971]


def test_the_published_figures_for_six_raters():
    table = six_raters()
    assert len(table) == 15 and {sum(row) for row in table} == {6} and len(table[0]) == 5
    ac1 = agreement.gwet(table)
    assert ac1.value == pytest.approx(0.44480, abs=TOLERANCE)
    assert ac1.se == pytest.approx(0.08419, abs=TOLERANCE)
    kappa = agreement.fleiss(table)
    assert kappa.value == pytest.approx(0.41393, abs=TOLERANCE)
    assert kappa.se == pytest.approx(0.08119, abs=TOLERANCE)
    assert agreement.gwet(table, agreement.linear_weights(5)).value == pytest.approx(0.43081, abs=TOLERANCE)
    assert agreement.gwet(table, agreement.quadratic_weights(5)).value == pytest.approx(0.48374, abs=TOLERANCE)
    assert agreement.krippendorff_alpha(table, "nominal") == pytest.approx(0.42044, abs=TOLERANCE)
    assert agreement.krippendorff_alpha(table, "ordinal") == pytest.approx(0.34146, abs=TOLERANCE)


def test_undefined_coefficients_say_so():
    everyone_at_one_level = [[0, 5, 0]] * 6
    with pytest.raises(ValueError):
        agreement.fleiss(everyone_at_one_level)
    with pytest.raises(ValueError):
        agreement.krippendorff_alpha(everyone_at_one_level)
    assert agreement.gwet(everyone_at_one_level).value == pytest.approx(1.0)  # AC1 stays defined
    with pytest.raises(ValueError):
        agreement.gwet([[0, 0, 0], [1, 0, 0]])  # nobody paired


def test_no_change_has_no_spread():
    table = six_raters()
    same = agreement.paired_difference(agreement.gwet(table), agreement.gwet(table))
    assert (same.value, same.se, same.low, same.high) == (0, 0, 0, 0)


def test_the_95_percent_quantile_for_small_sessions():
    # n - 1 degrees of freedom for 6, 8 and 12 vignettes, as tables give them.
    assert [round(agreement.t_quantile(0.975, df), 3) for df in (5, 7, 11)] == [2.571, 2.365, 2.201]


def test_alpha_interval_needs_two_vignettes():
    with pytest.raises(ValueError):
        agreement.krippendorff_interval([[3, 2, 0]], "ordinal")
