"""Class statistics for the batch dashboard, computed incrementally in bounded memory.

The statistics are small and written out here (no numpy or scipy): mean and median from
counts, a fixed-width histogram, Spearman's rank correlation (average ranks for ties) and
Cohen's kappa with quadratic weights on ordered bands. ``Cohort`` collects them while the
batch streams: it keeps one small ``AnswerRow`` per answer for the dashboard's table, and
per criterion only counts keyed by the (3-decimal) score, so the median stays exact.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import reduce
from operator import attrgetter
from typing import Any

from answer_check.memo import per_score

BAND_ORDER = ("needs_work", "developing", "strong", "excellent")


def mean(values: Iterable[float]) -> float | None:
    """The arithmetic mean, or None for no values."""
    total = 0.0
    n = 0
    for v in values:
        total += v
        n += 1
    return total / n if n else None


def median_of_counts(counts: Counter[Any]) -> float | None:
    """The median of a multiset given as value -> count (mean of the middle two when even)."""
    n = sum(counts.values())
    if n == 0:
        return None
    lo_rank, hi_rank = (n - 1) // 2, n // 2  # 0-based ranks of the middle value(s)
    seen = 0
    lo: float | None = None
    for value in sorted(counts):
        seen += counts[value]
        if lo is None and seen > lo_rank:
            lo = value
        if seen > hi_rank:
            assert lo is not None
            return float((lo + value) / 2)
    raise AssertionError("unreachable")


def median(values: Iterable[float]) -> float | None:
    """The median of ``values``, or None for no values."""
    return median_of_counts(Counter(values))


def histogram(values: Iterable[int], width: int = 10, top: int = 100) -> list[int]:
    """Counts of 0..``top`` scores in bins of ``width``; the last bin includes ``top``.

    With the defaults: 0-9, 10-19, ..., 80-89, 90-100 (ten bins).
    """
    bins = [0] * math.ceil(top / width)
    for v in values:
        bins[min(max(int(v), 0) // width, len(bins) - 1)] += 1
    return bins


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks; tied values share the average of their ranks."""
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        avg = (i + j) / 2 + 1
        for k in range(i, j + 1):
            out[order[k]] = avg
        i = j + 1
    return out


def pearson(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Pearson's correlation, or None when undefined (fewer than 2 pairs, or no spread)."""
    if len(x) != len(y):
        raise ValueError("x and y differ in length")
    n = len(x)
    if n < 2:
        return None
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rank correlation: Pearson's on average ranks. None when undefined."""
    return pearson(ranks(x), ranks(y))


def quadratic_weighted_kappa(a: Sequence[int], b: Sequence[int], categories: int) -> float | None:
    """Cohen's kappa with quadratic weights for two raters' ordered categories 0..k-1.

    ``1 - sum(W*O) / sum(W*E)`` where O is the observed confusion matrix, E the one expected
    by chance from the two raters' marginals, and ``W[i][j] = (i-j)^2 / (k-1)^2``. None when
    undefined: no pairs, or chance disagreement 0 (both raters used a single category).
    """
    if len(a) != len(b):
        raise ValueError("a and b differ in length")
    n = len(a)
    if n == 0 or categories < 2:
        return None
    observed = confusion(a, b, categories)
    hist_a = [sum(row) for row in observed]
    hist_b = [sum(observed[i][j] for i in range(categories)) for j in range(categories)]
    num = den = 0.0
    for i in range(categories):
        for j in range(categories):
            w = (i - j) ** 2 / (categories - 1) ** 2
            num += w * observed[i][j]
            den += w * hist_a[i] * hist_b[j] / n
    if den == 0:
        return None
    return 1.0 - num / den


def confusion(a: Sequence[int], b: Sequence[int], categories: int) -> list[list[int]]:
    """The confusion matrix: ``m[i][j]`` counts pairs where a is i and b is j."""
    m = [[0] * categories for _ in range(categories)]
    for i, j in zip(a, b, strict=True):
        m[i][j] += 1
    return m


def band_index(band: str) -> int:
    return BAND_ORDER.index(band)


@dataclass(slots=True)
class AnswerRow:
    """What the dashboard's table needs about one answer (kept for every answer: small).

    Read-only once made, but not frozen: a frozen dataclass of 14 fields took 1.8 us to
    build instead of 0.5, and a batch builds one per answer in a worker and again in the
    parent when it unpickles it.
    """

    index: int  # position in the input (0-based)
    where: str  # "row 4", "line 7" or a file name
    id: str
    student: str
    question: str
    stage: str
    qtype: str
    lang: str
    rubric: str
    score: int
    band: str
    words: int
    coach_score: float | None
    report: str | None  # relative path of the HTML report, None without HTML

    def __reduce__(self) -> tuple[type[AnswerRow], tuple[Any, ...]]:
        # Every batch row is pickled in a worker and unpickled in the parent: the fields
        # as one tuple cost a quarter of the default slotted-dataclass state.
        return (AnswerRow, _ROW_FIELDS(self))


_ROW_FIELDS = attrgetter(*(f.name for f in fields(AnswerRow)))


@dataclass(frozen=True, slots=True)
class FailedRow:
    """A record that could not be scored, with the reason."""

    index: int
    where: str
    id: str
    student: str
    column: str
    code: str
    message: str


@dataclass
class CriterionStats:
    """Running statistics of one criterion (identified by rubric and criterion id)."""

    rubric: str
    id: str
    title: str
    counts: Counter[float] = field(default_factory=Counter)  # score (0..1, 3 decimals) -> n
    met: int = 0
    total: float = 0.0

    @property
    def n(self) -> int:
        return sum(self.counts.values())

    @property
    def mean(self) -> float | None:
        n = self.n
        return self.total / n if n else None

    @property
    def median(self) -> float | None:
        return median_of_counts(self.counts)

    @property
    def met_share(self) -> float | None:
        n = self.n
        return self.met / n if n else None


def _rounded(score: float) -> float:
    return round(score, 3)


# A criterion score's key in the counts: ``round(score, 3)``, remembered per score (a dozen
# per answer for the dashboard).
score_key = per_score(_rounded)


@dataclass(slots=True)
class CriterionTally:
    """One criterion's results in a run of answers, in input order (see CriteriaTally)."""

    title: str
    counts: Counter[float] = field(default_factory=Counter)  # score (3 decimals) -> n
    scores: list[float] = field(default_factory=list)  # the scores themselves, in order
    met: int = 0


@dataclass
class CriteriaTally:
    """The criteria of a run of answers (a batch chunk), for ``Cohort.merge`` to take at once.

    A batch worker tallies its chunk, so that one small object per chunk, not a tuple per
    criterion and answer, crosses to the parent. The scores are kept in order because the
    merged total must be the same float as ``Cohort.add`` gives answer by answer: float
    addition depends on its order.
    """

    by_key: dict[tuple[str, str], CriterionTally] = field(default_factory=dict)

    def add(self, rubric: str, criteria: Iterable[tuple[str, str, float, bool, bool]]) -> None:
        """Add an answer's criteria as ``(id, title, score, met, skipped)``, as Cohort.add."""
        for cid, title, score, met, skipped in criteria:
            if skipped:
                continue
            key = (rubric, cid)
            tally = self.by_key.get(key)
            if tally is None:
                tally = self.by_key[key] = CriterionTally(title)
            tally.counts[score_key(score)] += 1
            tally.scores.append(score)
            tally.met += met


@dataclass(frozen=True)
class Agreement:
    """How the tool's scores agree with the coach's, where the input gave ``coach_score``."""

    n: int
    spearman: float | None
    kappa: float | None
    mean_difference: float  # tool minus coach, points
    confusion: list[list[int]]  # bands: coach (rows) x tool (columns), BAND_ORDER
    pairs: list[tuple[float, int, int]]  # (coach, tool, row index) for the scatter plot


@dataclass
class Cohort:
    """Aggregates of a batch run, fed one answer at a time."""

    rows: list[AnswerRow] = field(default_factory=list)
    failed: list[FailedRow] = field(default_factory=list)
    criteria: dict[tuple[str, str], CriterionStats] = field(default_factory=dict)
    scores: Counter[int] = field(default_factory=Counter)
    langs: Counter[str] = field(default_factory=Counter)

    def add(self, row: AnswerRow, criteria: Iterable[tuple[str, str, float, bool, bool]]) -> None:
        """Add a scored answer and its criteria as ``(id, title, score, met, skipped)``."""
        self.rows.append(row)
        self.scores[row.score] += 1
        self.langs[row.lang] += 1
        for cid, title, score, met, skipped in criteria:
            if skipped:
                continue
            key = (row.rubric, cid)
            stats = self.criteria.get(key)
            if stats is None:
                stats = self.criteria[key] = CriterionStats(row.rubric, cid, title)
            stats.counts[score_key(score)] += 1
            stats.total += score
            stats.met += met

    def merge(self, rows: list[AnswerRow], criteria: CriteriaTally) -> None:
        """Add scored answers at once: the same as ``add`` for each row with its criteria."""
        self.rows.extend(rows)
        self.scores.update(r.score for r in rows)
        self.langs.update(r.lang for r in rows)
        for key, tally in criteria.by_key.items():
            stats = self.criteria.get(key)
            if stats is None:
                stats = self.criteria[key] = CriterionStats(key[0], key[1], tally.title)
            stats.counts.update(tally.counts)
            stats.total = reduce(operator.add, tally.scores, stats.total)  # in order, as add()
            stats.met += tally.met

    def fail(self, row: FailedRow) -> None:
        self.failed.append(row)

    @property
    def n(self) -> int:
        return len(self.rows)

    @property
    def mean(self) -> float | None:
        return mean(r.score for r in self.rows)

    @property
    def median(self) -> float | None:
        return median_of_counts(self.scores)

    def histogram(self) -> list[int]:
        return histogram(r.score for r in self.rows)

    def bands(self) -> dict[str, int]:
        counts = Counter(r.band for r in self.rows)
        return {b: counts.get(b, 0) for b in BAND_ORDER}

    def weakest_criteria(self) -> list[CriterionStats]:
        """Criteria by class mean, the weakest first (ties: rubric, then criterion id)."""
        return sorted(
            self.criteria.values(),
            key=lambda c: (c.mean if c.mean is not None else 1.0, c.rubric, c.id),
        )

    def students(self) -> list[tuple[str, list[AnswerRow], float]]:
        """Each student (in name order) with their answers and their average score."""
        by: dict[str, list[AnswerRow]] = {}
        for r in self.rows:
            by.setdefault(r.student, []).append(r)
        out = []
        for name in sorted(by, key=lambda s: (s.casefold(), s)):
            answers = by[name]
            out.append((name, answers, sum(a.score for a in answers) / len(answers)))
        return out

    def agreement(self) -> Agreement | None:
        """Tool versus coach on the answers that have a coach score; None when there are none."""
        from answer_check.scoring import band_of

        pairs = [(r.coach_score, r.score, r.index) for r in self.rows if r.coach_score is not None]
        if not pairs:
            return None
        coach = [p[0] for p in pairs]
        tool = [float(p[1]) for p in pairs]
        coach_bands = [band_index(band_of(int(c + 0.5))) for c in coach]
        tool_bands = [band_index(band_of(int(t))) for t in tool]
        k = len(BAND_ORDER)
        return Agreement(
            n=len(pairs),
            spearman=spearman(coach, tool),
            kappa=quadratic_weighted_kappa(coach_bands, tool_bands, k),
            mean_difference=sum(t - c for c, t in zip(coach, tool, strict=True)) / len(pairs),
            confusion=confusion(coach_bands, tool_bands, k),
            pairs=pairs,
        )
