"""The room's agreement statistics (levels_of_need.agreement) against the reference packages: irrCAC
(Gwet's coefficients and their variance), krippendorff (alpha) and scipy (Student's t). The references are
test-only: the core runs on the standard library in the browser.

Slow, and the packages imported on first use: numpy, pandas and scipy take each test worker about a second
of CPU to import, which `make check` (where these tests are deselected, but the file is still imported) need
not pay. It runs the published figures (test_agreement.py); `make test` runs these too."""

from __future__ import annotations

import importlib
import math
from types import ModuleType

import pytest
from conftest import examples
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_agreement import FLEISS_1971, TOLERANCE

from levels_of_need import agreement

pytestmark = pytest.mark.slow(seconds=60)


class OnFirstUse(ModuleType):
    """A module imported when one of its names is first read."""

    def __getattr__(self, name: str):
        # Only a public name imports the module. pytest, collecting, reads every module-level object's private
        # and dunder names (_mock_name, __wrapped__, ...) looking for fixtures: were those to import, numpy,
        # pandas, scipy and irrCAC would cost each `make check` worker 1.8 s of CPU for tests it deselects.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(importlib.import_module(self.__name__), name)


np = OnFirstUse("numpy")
pd = OnFirstUse("pandas")
krippendorff = OnFirstUse("krippendorff")
stats = OnFirstUse("scipy.stats")
irrcac_raw = OnFirstUse("irrCAC.raw")
irrcac_datasets = OnFirstUse("irrCAC.datasets")


def six_raters() -> list[list[int]]:
    """irrCAC's distrib_6raters (Fleiss 1971): 15 patients, 6 psychiatrists, 5 diagnoses, as counts."""
    return irrcac_datasets.distrib_6raters().to_numpy().tolist()


def test_the_published_table_is_irrcacs():
    assert six_raters() == FLEISS_1971


def as_raw(table: list[list[int]]) -> pd.DataFrame:
    """Counts as irrCAC's raw ratings: one row per vignette, a column per rater, NaN where a rater gave none."""
    width = max(sum(row) for row in table)
    rows = []
    for row in table:
        ratings = [float(k + 1) for k, count in enumerate(row) for _ in range(count)]
        rows.append(ratings + [np.nan] * (width - len(ratings)))
    return pd.DataFrame(rows)


def reference(table: list[list[int]], weights: str = "identity") -> irrcac_raw.CAC:
    q = len(table[0])
    return irrcac_raw.CAC(as_raw(table), weights=weights, categories=[float(k + 1) for k in range(q)], digits=12)


# ---- The published figures ---------------------------------------------------------------------------


def test_six_raters_against_the_reference_packages():
    table = six_raters()
    for weights, ours in (
        ("identity", agreement.identity_weights(5)),
        ("linear", agreement.linear_weights(5)),
        ("quadratic", agreement.quadratic_weights(5)),
    ):
        gwet = reference(table, weights).gwet()["est"]
        mine = agreement.gwet(table, ours)
        assert (mine.value, mine.se) == pytest.approx((gwet["coefficient_value"], gwet["se"]), abs=1e-9)
        assert (mine.low, mine.high) == pytest.approx(gwet["confidence_interval"], abs=1e-9)
    fleiss = reference(table).fleiss()["est"]
    mine = agreement.fleiss(table)
    assert (mine.value, mine.se) == pytest.approx((fleiss["coefficient_value"], fleiss["se"]), abs=1e-9)
    counts = np.array(table)
    for metric in ("nominal", "ordinal", "interval"):
        expected = krippendorff.alpha(value_counts=counts, level_of_measurement=metric)
        assert agreement.krippendorff_alpha(table, metric) == pytest.approx(expected, abs=1e-12), metric


# ---- Random rooms, some answers missing --------------------------------------------------------------


@st.composite
def rooms(draw, minimum_vignettes: int = 3):
    """A room's counts over vignettes: 2 to 5 levels, rooms of 2 to 30, each vignette answered by a
    different number of people (some were not sure, or out of the room), a few by one or none."""
    q = draw(st.integers(2, 5))
    n = draw(st.integers(minimum_vignettes, 14))
    room = draw(st.integers(2, 30))
    table = []
    for _ in range(n):
        answered = draw(st.integers(0, room))
        weights = draw(st.lists(st.integers(0, 6), min_size=q, max_size=q))
        if sum(weights) == 0:
            weights = [1] * q
        cuts = draw(st.lists(st.integers(0, answered), min_size=q - 1, max_size=q - 1))
        edges = [0, *sorted(cuts), answered]
        table.append([edges[k + 1] - edges[k] for k in range(q)])
    return table


def enough(table: list[list[int]]) -> bool:
    rated = [row for row in table if sum(row) > 0]
    return len(rated) >= 2 and any(sum(row) >= 2 for row in rated)


@settings(max_examples=examples(60), deadline=None)
@given(rooms())
def test_gwet_on_random_rooms_equals_irrcac(table):
    assume(enough(table))
    q = len(table[0])
    for name, weights in (("identity", agreement.identity_weights(q)), ("linear", agreement.linear_weights(q))):
        expected = reference(table, name).gwet()["est"]
        mine = agreement.gwet(table, weights)
        assert mine.value == pytest.approx(expected["coefficient_value"], abs=1e-9), name
        if expected["se"] > 1e-9:
            assert mine.se == pytest.approx(expected["se"], abs=1e-9), name
            assert mine.low == pytest.approx(expected["confidence_interval"][0], abs=1e-8), name
            assert mine.high == pytest.approx(expected["confidence_interval"][1], abs=1e-8), name


@settings(max_examples=examples(60), deadline=None)
@given(rooms())
def test_fleiss_on_random_rooms_equals_irrcac(table):
    assume(enough(table))
    rated = [row for row in table if sum(row) > 0]
    assume(sum(1 for k in range(len(table[0])) if any(row[k] for row in rated)) >= 2)  # else undefined
    expected = reference(table).fleiss()["est"]
    mine = agreement.fleiss(table)
    assert mine.value == pytest.approx(expected["coefficient_value"], abs=1e-9)
    if expected["se"] > 1e-9:
        assert mine.se == pytest.approx(expected["se"], abs=1e-9)


@settings(max_examples=examples(60), deadline=None)
@given(rooms())
def test_krippendorff_on_random_rooms_equals_the_package(table):
    pairable = [row for row in table if sum(row) >= 2]
    assume(pairable and sum(1 for k in range(len(table[0])) if any(row[k] for row in pairable)) >= 2)
    counts = np.array(table)
    for metric in ("nominal", "ordinal", "interval"):
        expected = krippendorff.alpha(value_counts=counts, level_of_measurement=metric)
        assert agreement.krippendorff_alpha(table, metric) == pytest.approx(expected, abs=1e-9), metric


# ---- The paired change (Gwet 2016) --------------------------------------------------------------------


def numpy_terms(table: list[list[int]]) -> np.ndarray:
    """Gwet's vignette-level linearised terms for AC1, written again with numpy from Gwet (2014, 5.4),
    every vignette rated by two people or more."""
    counts = np.array(table, dtype=float)
    q = counts.shape[1]
    r = counts.sum(axis=1)
    pa_i = (counts * (counts - 1)).sum(axis=1) / (r * (r - 1))
    pi = (counts / r[:, None]).mean(axis=0)
    pe = (pi * (1 - pi)).sum() / (q - 1)
    ac1 = (pa_i.mean() - pe) / (1 - pe)
    pe_i = (counts / r[:, None] * (1 - pi)).sum(axis=1) / (q - 1)
    return (pa_i - pe) / (1 - pe) - 2 * (1 - ac1) * (pe_i - pe) / (1 - pe)


@settings(max_examples=examples(60), deadline=None)
@given(rooms(minimum_vignettes=6), st.randoms(use_true_random=False))
def test_the_paired_change_is_gwets_2016_interval(table, rng):
    table = [row for row in table if sum(row) >= 2]
    assume(len(table) >= 6)
    # Round 2: the same vignettes, each person moving to a neighbouring level or staying.
    second = []
    for row in table:
        moved = [0] * len(row)
        for k, count in enumerate(row):
            for _ in range(count):
                moved[min(len(row) - 1, max(0, k + rng.choice((-1, 0, 0, 1))))] += 1
        second.append(moved)
    first_ac1, second_ac1 = agreement.gwet(table), agreement.gwet(second)
    change = agreement.paired_difference(first_ac1, second_ac1)
    terms = numpy_terms(second) - numpy_terms(table)
    n = len(table)
    assert change.value == pytest.approx(terms.mean(), abs=1e-12)
    assert change.value == pytest.approx(second_ac1.value - first_ac1.value, abs=1e-12)
    se = math.sqrt(((terms - terms.mean()) ** 2).sum() / (n * (n - 1)))
    assert change.se == pytest.approx(se, abs=1e-12)
    t = stats.t.ppf(0.975, n - 1)
    # scipy's ppf is good to about 1e-9 relative (see the t tests below): a wide interval is compared relatively.
    assert (change.low, change.high) == pytest.approx(
        (change.value - t * se, change.value + t * se), rel=1e-8, abs=1e-9
    )
    # Each round's own terms give its own standard error, as irrCAC computes it.
    for mine, rows in ((first_ac1, table), (second_ac1, second)):
        assert np.array(mine.terms) == pytest.approx(numpy_terms(rows), abs=1e-12)
        assert mine.se == pytest.approx(reference(rows).gwet()["est"]["se"], abs=1e-9)


# ---- Student's t without scipy ----------------------------------------------------------------------


DEGREES = [0.5, 1, 2, 3, 4, 5, 6, 7, 9, 11, 14, 19, 29, 49, 99, 999, 1e5]
PROBABILITIES = [1e-10, 1e-6, 0.001, 0.025, 0.05, 0.1, 0.3, 0.4999, 0.5, 0.6, 0.9, 0.95, 0.975, 0.99, 0.999]


@pytest.mark.parametrize("df", DEGREES)
def test_t_quantiles_equal_scipy(df):
    for p in PROBABILITIES:
        expected = stats.t.ppf(p, df)
        mine = agreement.t_quantile(p, df)
        # scipy's own ppf is good to about 1e-9 here; its cdf to the last digits.
        assert mine == pytest.approx(expected, rel=1e-8, abs=1e-12), (p, df)
        assert agreement.t_cdf(mine, df) == pytest.approx(p, rel=1e-10), (p, df)
        assert stats.t.cdf(mine, df) == pytest.approx(p, rel=1e-9), (p, df)


@settings(max_examples=examples(200), deadline=None)
@given(st.floats(-60, 60, allow_nan=False), st.floats(0.2, 5000))
def test_t_cdf_equals_scipy(x, df):
    # lgamma's rounding at thousands of degrees of freedom leaves about 1e-11; a session has tens.
    assert agreement.t_cdf(x, df) == pytest.approx(stats.t.cdf(x, df), rel=1e-13 * max(10, df), abs=1e-300)


# ---- Krippendorff's alpha with an interval: the jackknife over vignettes ------------------------------


def jackknife_reference(table: list[list[int]], metric: str) -> tuple[float, float, float, float]:
    """alpha, its jackknife standard error and t interval, from the krippendorff package and scipy: each
    vignette left out in turn, SE = sqrt((n - 1) / n * sum((alpha_i - mean) ** 2)), t with n - 1 df."""
    rows = [row for row in table if sum(row) >= 2]
    n = len(rows)
    whole = krippendorff.alpha(value_counts=np.array(rows), level_of_measurement=metric)
    left_out = np.array(
        [
            krippendorff.alpha(value_counts=np.array(rows[:i] + rows[i + 1 :]), level_of_measurement=metric)
            for i in range(n)
        ]
    )
    se = math.sqrt((n - 1) / n * ((left_out - left_out.mean()) ** 2).sum())
    half = stats.t.ppf(0.975, n - 1) * se
    return whole, se, whole - half, min(1.0, whole + half)


def test_alpha_has_a_jackknife_interval_on_six_raters():
    table = six_raters()
    mine = agreement.krippendorff_interval(table, "ordinal")
    expected = jackknife_reference(table, "ordinal")
    assert mine.value == pytest.approx(0.34146, abs=TOLERANCE)
    assert (mine.value, mine.se, mine.low, mine.high) == pytest.approx(expected, abs=1e-9)
    assert mine.n == 15


@settings(max_examples=examples(40), deadline=None)
@given(rooms(minimum_vignettes=6))
def test_alpha_interval_on_random_rooms_equals_the_reference(table):
    rows = [row for row in table if sum(row) >= 2]
    q = len(table[0])
    # Every vignette left out still leaves two levels chosen, or alpha is undefined for that subset.
    assume(len(rows) >= 3)
    assume(all(sum(1 for k in range(q) if any(r[k] for r in rows[:i] + rows[i + 1 :])) >= 2 for i in range(len(rows))))
    for metric in ("nominal", "ordinal"):
        mine = agreement.krippendorff_interval(table, metric)
        expected = jackknife_reference(table, metric)
        assert (mine.value, mine.se, mine.low, mine.high) == pytest.approx(expected, abs=1e-8), metric
