"""The same answers in English and Indonesian get the same STAR parts and close scores.

``tests/data/parallel/behavioral.toml`` holds answers written by the project in English and
translated naturally into Indonesian (formal and informal register, code-switching), from
strong to weak. Both sides are scored with the HR behavioral rubric.
"""

from __future__ import annotations

import tomllib
from functools import cache

from answer_check.model import STAR_KEYS, ScoreCard
from answer_check.rubric import find_rubric
from answer_check.scoring import Request, score

from conftest import DATA

MIN_PAIRS = 25
SAME_COMPONENTS = 0.9
CLOSE_SCORES = 0.9
MAX_GAP = 10


def load_pairs() -> list[dict[str, str]]:
    path = DATA / "parallel" / "behavioral.toml"
    return list(tomllib.loads(path.read_text(encoding="utf-8"))["pairs"])


@cache
def scored() -> tuple[tuple[ScoreCard, ScoreCard], ...]:
    rubric = find_rubric("hr", "behavioral")
    out = []
    for pair in load_pairs():
        en = score(
            Request(text=pair["en"], stage="hr", question=pair["question_en"], rubric=rubric)
        )
        id_ = score(
            Request(text=pair["id"], stage="hr", question=pair["question_id"], rubric=rubric)
        )
        out.append((en, id_))
    return tuple(out)


def components(card: ScoreCard) -> frozenset[str]:
    assert card.star is not None
    return frozenset(k for k in STAR_KEYS if card.star[k])


def test_the_parallel_set_is_large_and_varied() -> None:
    pairs = scored()
    assert len(pairs) >= MIN_PAIRS
    en_scores = [en.score for en, _ in pairs]
    assert min(en_scores) < 40 and max(en_scores) >= 80, "the set should run from weak to strong"


def test_each_side_is_detected_in_its_language() -> None:
    for en, id_ in scored():
        assert (en.lang, id_.lang) == ("en", "id"), en.answer[:60]
        assert id_.report_lang == "id"


def test_same_star_components_in_most_pairs() -> None:
    pairs = scored()
    differ = [
        (sorted(components(en) ^ components(id_)), en.answer[:50])
        for en, id_ in pairs
        if components(en) != components(id_)
    ]
    share = 1 - len(differ) / len(pairs)
    assert share >= SAME_COMPONENTS, f"same STAR parts in {share:.0%} of pairs; differ: {differ}"


def test_scores_within_ten_points_in_most_pairs() -> None:
    pairs = scored()
    far = [
        (en.score, id_.score, en.answer[:50])
        for en, id_ in pairs
        if abs(en.score - id_.score) > MAX_GAP
    ]
    share = 1 - len(far) / len(pairs)
    assert share >= CLOSE_SCORES, f"scores within {MAX_GAP} in {share:.0%} of pairs; far: {far}"
