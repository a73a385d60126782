"""How far a room agrees: chance-corrected agreement coefficients over counts, in the standard library.

A training room answers each vignette with counts: how many chose each level. This module holds
the one definition of every statistic the presenter shows and ``python -m toolkit agreement``
prints (``training_session`` applies them to a session):

- per vignette: pairwise agreement (the chance that two people chose the same level);
- per session: Gwet's AC1 (and AC2 with weights), Fleiss' kappa, each with the linearised variance
  over vignettes of Gwet (2014, *Handbook of Inter-Rater Reliability*, 4th ed.) and a confidence
  interval from Student's t with n - 1 degrees of freedom; the change between two rounds with a
  paired interval on the differences of the vignette-level terms (Gwet 2016, "Testing the
  difference of correlated agreement coefficients for statistical significance", *Educational and
  Psychological Measurement* 76(4)); Krippendorff's alpha (nominal, ordinal or interval), with a
  jackknife interval over vignettes.

Counts come as one row per vignette: a list of how many people chose each category, in order.
The formulas are those of the irrCAC and krippendorff packages, which the tests use as references.
Standard library only (runs in the browser under Pyodide): Student's t comes from the regularised
incomplete beta function below, not from scipy. Sums of floats are ``math.fsum``, correctly rounded, so
that the browser's Python (3.14, whose ``sum`` compensates) and the CLI's give the same last digit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Table = Sequence[Sequence[int]]  # one row per vignette: the count for each category
Weights = Sequence[Sequence[float]]

CONFIDENCE = 0.95


# ---- Weights over ordered categories (Gwet 2014, chapter 3) -------------------------------------


def identity_weights(q: int) -> list[list[float]]:
    """Agreement only on the same category: AC1 and the unweighted kappa."""
    return [[1.0 if k == m else 0.0 for m in range(q)] for k in range(q)]


def linear_weights(q: int) -> list[list[float]]:
    """Partial agreement for neighbouring levels: 1 - |k - l| / (q - 1)."""
    return [[1.0 - abs(k - m) / (q - 1) for m in range(q)] for k in range(q)]


def quadratic_weights(q: int) -> list[list[float]]:
    return [[1.0 - ((k - m) / (q - 1)) ** 2 for m in range(q)] for k in range(q)]


# ---- Coefficients with their vignette-level terms --------------------------------------------------


@dataclass(frozen=True)
class Coefficient:
    """A coefficient over n vignettes with its standard error and confidence interval.

    ``terms`` are the vignette-level linearised terms: their mean is the coefficient, and their
    spread gives the variance (Gwet 2014, 5.4). Two rounds over the same vignettes are compared
    through them (``paired_difference``)."""

    value: float
    se: float
    low: float
    high: float
    n: int
    terms: tuple[float, ...]
    pa: float  # observed agreement
    pe: float  # agreement expected by chance


@dataclass(frozen=True)
class Difference:
    """The change from a first coefficient to a second over the same vignettes, with a paired interval."""

    value: float
    se: float
    low: float
    high: float
    n: int


def _rated(table: Table) -> list[list[int]]:
    """The rows with at least one rating: a vignette nobody rated says nothing (irrCAC drops it too)."""
    rows = [[int(c) for c in row] for row in table]
    q = len(rows[0]) if rows else 0
    if any(len(row) != q for row in rows):
        raise ValueError("every vignette needs a count for each category")
    if any(c < 0 for row in rows for c in row):
        raise ValueError("a count cannot be negative")
    return [row for row in rows if sum(row) > 0]


def _weighted(row: Sequence[int], weights: Weights) -> list[float]:
    return [math.fsum(weights[k][m] * row[m] for m in range(len(row))) for k in range(len(row))]


def _observed(rows: list[list[int]], weights: Weights) -> tuple[list[float], int, float]:
    """Each vignette's observed agreement (0 where fewer than two rated it), how many had two or more
    ratings, and the mean over those."""
    per_row = []
    for row in rows:
        r = sum(row)
        starred = _weighted(row, weights)
        per_row.append(
            math.fsum(c * (s - 1) for c, s in zip(row, starred, strict=True)) / (r * (r - 1)) if r >= 2 else 0.0
        )
    pairs = sum(1 for row in rows if sum(row) >= 2)
    if pairs == 0:
        raise ValueError("no vignette was rated by two people or more")
    return per_row, pairs, math.fsum(per_row) / pairs


def _prevalence(rows: list[list[int]]) -> list[float]:
    """pi_k: the mean over vignettes of the share who chose category k."""
    n, q = len(rows), len(rows[0])
    return [math.fsum(row[k] / sum(row) for row in rows) / n for k in range(q)]


def gwet(table: Table, weights: Weights | None = None, confidence: float = CONFIDENCE) -> Coefficient:
    """Gwet's AC1 (identity weights) or AC2 (other weights), with the linearised variance."""
    rows = _rated(table)
    if not rows:
        raise ValueError("no vignette was rated")
    n, q = len(rows), len(rows[0])
    if q < 2:
        raise ValueError("agreement needs two categories or more")
    weights = weights or identity_weights(q)
    pa_rows, pairs, pa = _observed(rows, weights)
    pi = _prevalence(rows)
    total_weight = math.fsum(math.fsum(row) for row in weights)
    scale = total_weight / (q * (q - 1))
    pe = scale * math.fsum(p * (1 - p) for p in pi)
    value = (pa - pe) / (1 - pe)
    terms = []
    for row, pa_row in zip(rows, pa_rows, strict=True):
        r = sum(row)
        ac_row = (n / pairs) * (pa_row - (pe if r >= 2 else 0.0)) / (1 - pe)
        pe_row = scale * math.fsum(row[k] / r * (1 - pi[k]) for k in range(q))
        terms.append(ac_row - 2 * (1 - value) * (pe_row - pe) / (1 - pe))
    return _with_interval(value, terms, pa, pe, confidence)


def fleiss(table: Table, weights: Weights | None = None, confidence: float = CONFIDENCE) -> Coefficient:
    """Fleiss' generalised kappa, with Gwet's linearised variance. Undefined (ValueError) when every
    rating is in one category: chance agreement is then 1."""
    rows = _rated(table)
    if not rows:
        raise ValueError("no vignette was rated")
    n, q = len(rows), len(rows[0])
    weights = weights or identity_weights(q)
    pa_rows, pairs, pa = _observed(rows, weights)
    pi = _prevalence(rows)
    pe = math.fsum(weights[k][m] * pi[k] * pi[m] for k in range(q) for m in range(q))
    if pe >= 1 - 1e-12:
        raise ValueError("every rating is in one category: kappa is undefined")
    value = (pa - pe) / (1 - pe)
    pi_w = [
        (math.fsum(weights[k][m] * pi[m] for m in range(q)) + math.fsum(weights[m][k] * pi[m] for m in range(q))) / 2
        for k in range(q)
    ]
    terms = []
    for row, pa_row in zip(rows, pa_rows, strict=True):
        r = sum(row)
        kappa_row = (n / pairs) * (pa_row - (pe if r >= 2 else 0.0)) / (1 - pe)
        pe_row = math.fsum(row[k] * pi_w[k] for k in range(q)) / r
        terms.append(kappa_row - 2 * (1 - value) * (pe_row - pe) / (1 - pe))
    return _with_interval(value, terms, pa, pe, confidence)


def _with_interval(value: float, terms: list[float], pa: float, pe: float, confidence: float) -> Coefficient:
    n = len(terms)
    if n < 2:
        raise ValueError("a confidence interval needs two vignettes or more")
    variance = math.fsum((t - value) ** 2 for t in terms) / (n * (n - 1))
    se = math.sqrt(variance)
    half = t_quantile((1 + confidence) / 2, n - 1) * se
    return Coefficient(
        value=value,
        se=se,
        low=value - half,
        high=min(1.0, value + half),  # no coefficient exceeds 1 (irrCAC caps it too)
        n=n,
        terms=tuple(terms),
        pa=pa,
        pe=pe,
    )


def paired_difference(first: Coefficient, second: Coefficient, confidence: float = CONFIDENCE) -> Difference:
    """second - first over the same vignettes, in the same order, with Gwet's (2016) paired variance:
    the variance over vignettes of the differences of their linearised terms."""
    if first.n != second.n:
        raise ValueError("a paired difference needs the same vignettes in both rounds")
    n = first.n
    value = second.value - first.value
    differences = [b - a for a, b in zip(first.terms, second.terms, strict=True)]
    variance = math.fsum((d - value) ** 2 for d in differences) / (n * (n - 1))
    se = math.sqrt(variance)
    half = t_quantile((1 + confidence) / 2, n - 1) * se
    return Difference(value=value, se=se, low=value - half, high=value + half, n=n)


# ---- Krippendorff's alpha -----------------------------------------------------------------------


def krippendorff_alpha(table: Table, metric: str = "nominal") -> float:
    """Krippendorff's alpha from counts (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"),
    over the vignettes at least two people rated. ``metric``: nominal, ordinal (the rank metric, which
    weighs a step between levels by how many chose the levels between) or interval. ValueError when
    there is no disagreement to expect (every rating in one category)."""
    rows = [row for row in _rated(table) if sum(row) >= 2]
    if not rows:
        raise ValueError("no vignette was rated by two people or more")
    q = len(rows[0])
    # The coincidence matrix: each pair of ratings within a vignette, weighted 1 / (m_u - 1).
    o = [[0.0] * q for _ in range(q)]
    for row in rows:
        m = sum(row)
        for c in range(q):
            for k in range(q):
                o[c][k] += (row[c] * row[k] - (row[c] if c == k else 0)) / (m - 1)
    n_c = [math.fsum(o[c]) for c in range(q)]
    n = math.fsum(n_c)
    delta = _distance(metric, n_c)
    observed = math.fsum(o[c][k] * delta[c][k] for c in range(q) for k in range(q))
    expected = math.fsum(n_c[c] * n_c[k] * delta[c][k] for c in range(q) for k in range(q))
    if expected == 0:
        raise ValueError("every rating is in one category: alpha is undefined")
    return 1 - (n - 1) * observed / expected


def krippendorff_interval(table: Table, metric: str = "nominal", confidence: float = CONFIDENCE) -> Coefficient:
    """Krippendorff's alpha with a standard error and interval from the jackknife over vignettes: each
    vignette rated by two people or more left out in turn, SE = sqrt((n - 1) / n * sum((a_i - mean) ** 2)),
    and Student's t with n - 1 degrees of freedom, as for the other coefficients. (Krippendorff's own
    interval is a bootstrap over pairs of answers, whose random draws would give the browser and the
    CLI different last digits.) ValueError where alpha, or alpha without some vignette, is undefined.
    ``terms`` holds the leave-one-out values; ``pa`` and ``pe`` are not used for alpha (0)."""
    rows = [row for row in _rated(table) if sum(row) >= 2]
    n = len(rows)
    if n < 2:
        raise ValueError("an interval needs two vignettes or more")
    value = krippendorff_alpha(rows, metric)
    left_out = [krippendorff_alpha(rows[:i] + rows[i + 1 :], metric) for i in range(n)]
    mean = math.fsum(left_out) / n
    se = math.sqrt((n - 1) / n * math.fsum((a - mean) ** 2 for a in left_out))
    half = t_quantile((1 + confidence) / 2, n - 1) * se
    return Coefficient(
        value=value, se=se, low=value - half, high=min(1.0, value + half), n=n, terms=tuple(left_out), pa=0.0, pe=0.0
    )


def _distance(metric: str, n_c: list[float]) -> list[list[float]]:
    q = len(n_c)
    if metric == "nominal":
        return [[0.0 if c == k else 1.0 for k in range(q)] for c in range(q)]
    if metric == "interval":
        return [[float(c - k) ** 2 for k in range(q)] for c in range(q)]
    if metric == "ordinal":
        return [
            [(math.fsum(n_c[min(c, k) : max(c, k) + 1]) - (n_c[c] + n_c[k]) / 2) ** 2 for k in range(q)]
            for c in range(q)
        ]
    raise ValueError(f"unknown metric {metric!r}")


# ---- One vignette ----------------------------------------------------------------------------------


def pairwise_agreement(counts: Sequence[int]) -> float | None:
    """The chance that two people picked at random chose the same category; None below two people."""
    n = sum(counts)
    if n < 2:
        return None
    return sum(c * (c - 1) for c in counts) / (n * (n - 1))


# ---- Student's t, without scipy ------------------------------------------------------------------


def t_cdf(x: float, df: float) -> float:
    """P(T <= x) for Student's t with df degrees of freedom."""
    return 1 - _upper_tail(x, df) if x >= 0 else _upper_tail(-x, df)


def _upper_tail(x: float, df: float) -> float:
    """P(T > x) for x >= 0, computed where its digits are: the tail itself far out, half of
    P(|T| < x) near the centre (1 - tail would lose them there)."""
    if df <= 0:
        raise ValueError("degrees of freedom must be positive")
    if math.isinf(x):
        return 0.0
    tail = 0.5 * regularised_beta(df / 2, 0.5, df / (df + x * x))
    if tail > 0.25:
        return 0.5 - 0.5 * regularised_beta(0.5, df / 2, x * x / (df + x * x))
    return tail


def t_quantile(p: float, df: float) -> float:
    """The x with P(T <= x) = p: the inverse of ``t_cdf``, by bisection on the nearer tail to the last bit."""
    if not 0 < p < 1:
        raise ValueError("p must be between 0 and 1")
    tail = min(p, 1 - p)
    if tail == 0.5:
        return 0.0
    low, high = 0.0, 1.0
    while _upper_tail(high, df) > tail:
        low, high = high, high * 2
        if high > 1e300:
            return math.inf if p > 0.5 else -math.inf
    for _ in range(2000):
        middle = (low + high) / 2
        if middle in (low, high):
            break
        if _upper_tail(middle, df) > tail:
            low = middle
        else:
            high = middle
    x = (low + high) / 2
    return x if p > 0.5 else -x


def regularised_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b), the regularised incomplete beta function, by its continued fraction (modified Lentz),
    using the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where the fraction converges faster."""
    if not 0 <= x <= 1:
        raise ValueError("x must be between 0 and 1")
    if x in (0, 1):
        return float(x)
    if x > (a + 1) / (a + b + 2):
        return 1 - regularised_beta(b, a, 1 - x)
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    return math.exp(log_front) * _beta_fraction(a, b, x) / a


def _beta_fraction(a: float, b: float, x: float) -> float:
    tiny = 1e-300
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 10_000):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1) < 1e-16:
            break
    return result
