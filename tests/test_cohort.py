"""Class statistics against values computed by hand."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from answer_check.cohort import (
    AnswerRow,
    Cohort,
    histogram,
    mean,
    median,
    median_of_counts,
    quadratic_weighted_kappa,
    ranks,
    spearman,
)


def test_mean_and_median() -> None:
    assert mean([]) is None
    assert mean([1, 2, 3, 4]) == 2.5
    assert median([]) is None
    assert median([7]) == 7
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 3, 2]) == 2.5
    assert median_of_counts(Counter({10: 3, 90: 1})) == 10
    assert median_of_counts(Counter({10: 2, 90: 2})) == 50


def test_histogram_bins_of_ten_last_includes_100() -> None:
    bins = histogram([0, 9, 10, 55, 89, 90, 100])
    assert len(bins) == 10
    assert bins == [2, 1, 0, 0, 0, 1, 0, 0, 1, 2]


def test_ranks_average_ties() -> None:
    assert ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4]
    assert ranks([5, 6, 7, 8, 7]) == [1, 2, 3.5, 5, 3.5]


def test_spearman_by_hand() -> None:
    # y ranks [1, 2, 3.5, 5, 3.5]; deviations from 3: x -2..2, y -2,-1,.5,2,.5
    # sum dx*dy = 8, sum dx^2 = 10, sum dy^2 = 9.5 -> 8 / sqrt(95)
    assert spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) == pytest.approx(8 / 95**0.5)
    assert spearman([1, 2, 3], [10, 20, 30]) == pytest.approx(1.0)
    assert spearman([1, 2, 3], [30, 20, 10]) == pytest.approx(-1.0)
    assert spearman([1, 2, 3], [5, 5, 5]) is None  # no spread
    assert spearman([1], [2]) is None


def test_quadratic_weighted_kappa_by_hand() -> None:
    # O: (0,0) (1,2) (2,2); weights (i-j)^2/4; sum W*O = 0.25.
    # Marginals a = [1,1,1], b = [1,0,2]; sum W*E = 2/3 + 1/4 + 1/3 = 1.25 -> 1 - 0.25/1.25
    assert quadratic_weighted_kappa([0, 1, 2], [0, 2, 2], 3) == pytest.approx(0.8)
    assert quadratic_weighted_kappa([0, 1, 2, 3], [0, 1, 2, 3], 4) == pytest.approx(1.0)
    # Chance-level agreement: O equals E.
    assert quadratic_weighted_kappa([0, 0, 1, 1], [0, 1, 0, 1], 2) == pytest.approx(0.0)
    # Complete reversal on two categories.
    assert quadratic_weighted_kappa([0, 1], [1, 0], 2) == pytest.approx(-1.0)
    assert quadratic_weighted_kappa([2, 2], [2, 2], 4) is None  # one category: undefined
    assert quadratic_weighted_kappa([], [], 4) is None


def _row(i: int, student: str, score: int, coach: float | None = None) -> AnswerRow:
    from answer_check.scoring import band_of

    return AnswerRow(
        index=i,
        where=f"row {i + 2}",
        id=f"a{i}",
        student=student,
        question="Q",
        stage="hr",
        qtype="behavioral",
        lang="en",
        rubric="hr.behavioral",
        score=score,
        band=band_of(score),
        words=100,
        coach_score=coach,
        report=None,
    )


def test_cohort_aggregates() -> None:
    cohort = Cohort()
    cohort.add(
        _row(0, "Budi", 30, 20),
        [("action", "Action", 0.2, False, False), ("length", "Length", 1.0, True, False)],
    )
    cohort.add(
        _row(1, "ayu", 70, 80),
        [
            ("action", "Action", 0.6, False, False),
            ("length", "Length", 1.0, True, False),
            ("quantified", "Figures", 0.0, False, True),
        ],
    )
    cohort.add(_row(2, "Budi", 50), [("action", "Action", 1.0, True, False)])
    assert cohort.n == 3
    assert cohort.mean == 50
    assert cohort.median == 50
    weakest = cohort.weakest_criteria()
    assert [c.id for c in weakest] == ["action", "length"]  # skipped criteria are not counted
    assert weakest[0].mean == pytest.approx(0.6)
    assert weakest[0].median == pytest.approx(0.6)
    assert weakest[0].met_share == pytest.approx(1 / 3)
    students = cohort.students()
    assert [(name, len(rows), avg) for name, rows, avg in students] == [
        ("ayu", 1, 70),
        ("Budi", 2, 40),
    ]
    agreement = cohort.agreement()
    assert agreement is not None
    assert agreement.n == 2
    assert agreement.mean_difference == pytest.approx(0.0)
    assert agreement.spearman == pytest.approx(1.0)
    # coach bands: needs_work, excellent; tool bands: needs_work, strong
    assert agreement.confusion[0][0] == 1 and agreement.confusion[3][2] == 1


def test_merging_chunk_tallies_equals_adding_answer_by_answer() -> None:
    """Batch workers tally their chunks' criteria and the parent merges them: every
    aggregate, the float totals bit for bit and the orders, as with Cohort.add."""
    from answer_check.cohort import CriteriaTally

    one, merged = Cohort(), Cohort()
    answers = []
    for i in range(40):
        row = _row(i, f"S{i % 5}", (i * 37) % 101)
        if i % 4 == 0:
            row = AnswerRow(**{**{f: getattr(row, f) for f in row.__slots__}, "lang": "id"})
        criteria = [
            ("action", "Action", (i % 3) / 3, i % 3 == 2, False),
            ("figures", "Figures", 0.1 * (i % 7), i % 2 == 0, i % 5 == 0),
        ]
        if i > 20:  # a criterion first seen in a later chunk
            criteria.append(("result", "Result", 0.7 if i % 2 else 0.35, i % 2 == 1, False))
        answers.append((row, criteria))
        one.add(row, criteria)
    for start in range(0, len(answers), 6):
        tally = CriteriaTally()
        for row, criteria in answers[start : start + 6]:
            tally.add(row.rubric, criteria)
        merged.merge([row for row, _ in answers[start : start + 6]], tally)
    assert merged.rows == one.rows
    assert list(merged.scores.items()) == list(one.scores.items())
    assert list(merged.langs.items()) == list(one.langs.items())
    assert list(merged.criteria) == list(one.criteria)
    for key, stats in one.criteria.items():
        other = merged.criteria[key]
        assert (other.title, other.met, other.total.hex()) == (
            stats.title,
            stats.met,
            stats.total.hex(),
        )
        assert sorted(other.counts.items()) == sorted(stats.counts.items())


def test_no_coach_scores_no_agreement() -> None:
    cohort = Cohort()
    cohort.add(_row(0, "A", 40), [])
    assert cohort.agreement() is None


def test_answer_row_survives_the_trip_from_a_worker() -> None:
    """Rows are pickled in batch workers and unpickled in the parent: every field arrives."""
    import pickle

    from answer_check.cohort import AnswerRow

    row = AnswerRow(
        3, "class.csv row 5", "a-7", "Ayu", "Tell me about a time...", "hr", "behavioral",
        "id", "hr/behavioral", 72, "strong", 140, 65.5, "reports/a-7.html",
    )  # fmt: skip
    back = pickle.loads(pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == row and type(back) is AnswerRow


@settings(max_examples=300)
@given(st.lists(st.floats(allow_nan=False) | st.sampled_from([0, 1, -0.0, 0.0, 1.0])))
def test_score_keys_are_the_plain_rounded_scores(scores: list[float]) -> None:
    """The counts' keys, remembered per score, are ``round(score, 3)``: -0.0 apart from
    0.0 and 1 apart from 1.0, the second time as the first."""
    from answer_check.cohort import score_key

    for score in scores + scores:
        assert repr(score_key(score)) == repr(round(score, 3)), repr(score)
