"""A function of a score, remembered per score.

Criterion scores are few (0, 1 and a few fractions), while the card, the dashboard's counts
and scores.csv each turn every score of every answer into a rounded number or a text.
``round`` is correctly rounded (it goes through a decimal conversion), so doing that once
per distinct score saves a tenth of an answer's scoring.
"""

from __future__ import annotations

from collections.abc import Callable
from math import copysign
from typing import TypeVar

T = TypeVar("T")


def per_score(fn: Callable[[float], T], limit: int = 4096) -> Callable[[float], T]:
    """``fn``, with its result remembered for up to ``limit`` distinct float scores.

    -0.0 is the dict key of 0.0 and 1 that of 1.0, but each may round or print
    differently: those (and anything not a float) are worked out every time.
    """
    memo: dict[float, T] = {}

    def remembered(score: float) -> T:
        if type(score) is not float or (not score and copysign(1.0, score) < 0.0):
            return fn(score)
        try:
            return memo[score]
        except KeyError:
            found = fn(score)
            if len(memo) < limit:
                memo[score] = found
            return found

    return remembered
