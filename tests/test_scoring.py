"""Scoring's shortcuts give what the plain computation gives, to the printed digit."""

from __future__ import annotations

import pytest

from answer_check.scoring import _Stake, level_of

SCORES = [0.0, -0.0, 1.0, 1, 0.5, 1 / 3, 2 / 3, 0.12345, 0.0005, 0.9995, 0.75, 0.4, 0.39999]


def _plain(at_stake: float, score: float) -> tuple[object, ...]:
    """What ``evaluate`` computed per criterion before the stakes were remembered."""
    shown_max = round(at_stake, 2)
    points = round(at_stake * score, 2)
    return (
        round(score, 3),
        points,
        level_of(score),
        shown_max - points,
        round(shown_max - points, 1),
    )


@pytest.mark.parametrize("at_stake", [100.0, 100.0 * 1.5 / 7.0, 100.0 / 3.0, 0.125])
def test_stake_values_equal_plain_rounding(at_stake: float) -> None:
    stake = _Stake(at_stake)
    assert repr(stake.max_points) == repr(round(at_stake, 2))
    for score in SCORES + SCORES[::-1]:  # the second pass reads what the first remembered
        # repr tells -0.0 from 0.0 and 1 from 1.0, which the JSON report would print apart
        assert repr(stake.values(score)) == repr(_plain(at_stake, score)), score


def test_texts_follow_the_catalog() -> None:
    from answer_check.i18n import CATALOG, add, t, texts

    for key in CATALOG:
        for lang in ("en", "id", "xx"):
            assert texts(lang)[key] == t(key, lang)
    add({"test.texts": {"en": "one"}})
    assert texts("id")["test.texts"] == "one"
    add({"test.texts": {"en": "two", "id": "dua"}})  # a changed entry is read again
    assert (texts("en")["test.texts"], texts("id")["test.texts"]) == ("two", "dua")
    del CATALOG["test.texts"]
