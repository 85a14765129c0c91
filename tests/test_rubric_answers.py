"""Strong answers outscore weak ones by a clear margin, for every rubric and language.

Answer sets live in ``tests/data/answers/<stage>.<question_type>.toml``, written by the
project: ``[[answers]]`` tables with ``quality`` ("strong" or "weak"), ``lang``,
``question`` and ``text``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from answer_check.rubric import builtin_rubrics, find_rubric
from answer_check.scoring import Request, score

from conftest import DATA

MARGIN = 15
MIN_PER_QUALITY = 5
SETS = sorted((DATA / "answers").glob("*.toml"))


def load(path: Path) -> list[dict[str, str]]:
    return list(tomllib.loads(path.read_text(encoding="utf-8"))["answers"])


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_strong_answers_outscore_weak_ones(path: Path) -> None:
    stage, qtype = path.stem.split(".")
    rubric = find_rubric(stage, qtype)
    answers = load(path)
    for lang in sorted({a.get("lang", "en") for a in answers}):
        scored = {"strong": [], "weak": []}  # type: dict[str, list[tuple[int, str]]]
        for a in answers:
            if a.get("lang", "en") != lang:
                continue
            card = score(
                Request(
                    text=a["text"],
                    stage=stage,
                    question=a.get("question"),
                    rubric=rubric,
                    lang=lang,
                )
            )
            scored[a["quality"]].append((card.score, a["text"][:50]))
        strong, weak = scored["strong"], scored["weak"]
        assert len(strong) >= MIN_PER_QUALITY and len(weak) >= MIN_PER_QUALITY, (path, lang)
        lowest_strong = min(strong)
        highest_weak = max(weak)
        assert lowest_strong[0] - highest_weak[0] >= MARGIN, (
            f"{path.name} [{lang}]: weakest strong answer {lowest_strong} vs strongest weak "
            f"answer {highest_weak}"
        )


def test_every_builtin_rubric_has_an_answer_set() -> None:
    have = {p.stem for p in SETS}
    missing = [
        f"{r.stage}.{r.question_type}"
        for r in builtin_rubrics()
        if f"{r.stage}.{r.question_type}" not in have
    ]
    assert not missing, f"rubrics without strong/weak answer sets: {missing}"
