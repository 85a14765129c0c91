"""Score every answer of a JSONL corpus with its question and summarise the scores.

Each line of the corpus is a JSON object with ``id``, ``question`` and ``answer``. The
script prints the score distribution (min, quartiles, max, a histogram by tens, the band
counts), the detected question types, the rubrics used, and the ids of the highest and
lowest scored answers. ``--show ID`` prints the text summary of one answer's report (and
``--answer`` the answer itself) so that a reader can judge it.

    python scripts/eval_corpus.py ../shared/corpus/siop2024-interview-answers.jsonl
    python scripts/eval_corpus.py CORPUS --show b420a96b1f --answer
    python scripts/eval_corpus.py CORPUS --type behavioral      # force one type

Not used by the tests: the corpus is not part of the repository.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from answer_check.errors import AnswerCheckError
from answer_check.model import ScoreCard
from answer_check.render import get_renderer
from answer_check.scoring import Request, band_of, score


def load(path: Path) -> list[dict[str, str]]:
    """The corpus records, in file order."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def score_row(row: dict[str, str], stage: str, qtype: str | None) -> ScoreCard:
    return score(
        Request(
            text=row["answer"],
            stage=stage,
            question=row.get("question") or None,
            qtype=qtype,
            lang="en",
            name=row["id"],
        )
    )


def quartiles(values: list[int]) -> tuple[float, float, float]:
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


def summary(cards: dict[str, ScoreCard], errors: dict[str, str], top: int) -> str:
    scores = sorted(c.score for c in cards.values())
    lines = [f"answers scored: {len(cards)}   errors: {len(errors)}"]
    for rid, err in sorted(errors.items())[:10]:
        lines.append(f"  error {rid}: {err}")
    if not scores:
        return "\n".join(lines) + "\n"
    q1, q2, q3 = quartiles(scores)
    lines.append(
        f"score: min {scores[0]}  q1 {q1:g}  median {q2:g}  q3 {q3:g}  max {scores[-1]}"
        f"  mean {statistics.fmean(scores):.1f}"
    )
    lines.append("histogram:")
    hist = Counter(min(s // 10, 9) for s in scores)
    for tens in range(10):
        n = hist.get(tens, 0)
        label = f"{tens * 10:>3}-{tens * 10 + 9 if tens < 9 else 100:<3}"
        lines.append(f"  {label} {n:>4} {'#' * n}")
    bands = Counter(band_of(s) for s in scores)
    order = ("needs_work", "developing", "strong", "excellent")
    lines.append("bands: " + "  ".join(f"{b} {bands.get(b, 0)}" for b in order))
    types = Counter(c.question.type for c in cards.values())
    sources = Counter(c.question.source for c in cards.values())
    lines.append("question types: " + "  ".join(f"{k} {v}" for k, v in types.most_common()))
    lines.append("type source: " + "  ".join(f"{k} {v}" for k, v in sources.most_common()))
    ranked = sorted(cards.values(), key=lambda c: (-c.score, c.name))
    lines.append(f"highest {top}: " + "  ".join(f"{c.name} ({c.score})" for c in ranked[:top]))
    lines.append(f"lowest {top}: " + "  ".join(f"{c.name} ({c.score})" for c in ranked[::-1][:top]))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a JSONL file with id, question, answer")
    parser.add_argument("--stage", default="hr", choices=("hr", "user"))
    parser.add_argument("--type", dest="qtype", default=None, help="force a question type")
    parser.add_argument("--top", type=int, default=5, help="how many highest and lowest ids")
    parser.add_argument(
        "--show",
        action="append",
        default=[],
        metavar="ID",
        help="print the text summary of this answer's report (repeatable)",
    )
    parser.add_argument("--answer", action="store_true", help="with --show: print the answer too")
    parser.add_argument("--scores", action="store_true", help="print every id with its score")
    args = parser.parse_args(argv)
    rows = load(args.path)
    if args.show:
        by_id = {r["id"]: r for r in rows}
        for rid in args.show:
            row = by_id[rid]
            card = score_row(row, args.stage, args.qtype)
            print(f"=== {rid}")
            if args.answer:
                print(f"Answer: {row['answer']}\n")
            print(get_renderer("text").render(card))
        return 0
    cards: dict[str, ScoreCard] = {}
    errors: dict[str, str] = {}
    for row in rows:
        try:
            cards[row["id"]] = score_row(row, args.stage, args.qtype)
        except AnswerCheckError as exc:
            errors[row["id"]] = f"[{exc.code}] {exc.message}"
    if args.scores:
        for rid, card in sorted(cards.items(), key=lambda kv: (-kv[1].score, kv[0])):
            print(f"{rid}\t{card.score}\t{card.question.type}")
    print(summary(cards, errors, args.top), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
