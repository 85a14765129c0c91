"""Where one answer's time goes: CPU microseconds per answer for each stage of scoring.

    python benchmarks/stages.py [CORPUS.jsonl] [--n 2000]

CORPUS is a JSONL file with ``answer`` and ``question`` fields (default: the shared corpus
``../shared/corpus/siop2024-interview-answers.jsonl``, read by path, never copied). The
answers are scored as HR answers after the same warm-up as ``answer-check batch``, in chunks of
128 with the start-up objects frozen for the garbage collector, as a batch does; each
stage is timed with the process's CPU clock (``time.process_time``), so other work on the
machine shows less than in wall-clock time. Stages run in the order the batch runs them,
and a stage is charged for the shared caches it fills first (for example STAR tagging for
the sentences). Not a test: a tool for finding what to make faster.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "siop2024-interview-answers.jsonl"
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=2000, help="answers (default 2000)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"{args.corpus}: no such corpus file (pass the path of a JSONL corpus)")

    import orjson

    from answer_check.analysis import Analysis
    from answer_check.batch import Settings, _warm_up
    from answer_check.nlp import pipeline
    from answer_check.render.html_report import HtmlRenderer, ReportNav
    from answer_check.rubric import find_rubric
    from answer_check.scoring import Request, choose_language, choose_type, evaluate

    rows = [json.loads(line) for line in args.corpus.open(encoding="utf-8") if line.strip()]
    records = [rows[i % len(rows)] for i in range(args.n)]
    _warm_up(Settings(None, None, None))
    spent: dict[str, float] = {}

    def timed(stage: str, work: Callable[[], Any]) -> Any:
        start = time.process_time()
        result = work()
        spent[stage] = spent.get(stage, 0.0) + time.process_time() - start
        return result

    # As in a batch: the start-up objects frozen for the garbage collector, and the answers
    # in chunks of 128, one nlp.pipe call each (so no more than a chunk's Docs are alive).
    gc.collect()
    gc.freeze()
    nav = ReportNav(index_href="../index.html")
    for first in range(0, len(records), 128):
        chunk = records[first : first + 128]
        texts = [r["answer"] for r in chunk]
        langs = timed("language guess", lambda t=texts: [choose_language(x, None) for x in t])
        docs = timed(
            "spaCy + lemmas",
            lambda t=texts: list(pipeline("en").pipe(t, batch_size=len(t))),
        )
        for record, doc, lang in zip(chunk, docs, langs, strict=True):
            request = Request(text=record["answer"], stage="hr", question=record["question"])
            question = choose_type(request)
            rubric = find_rubric("hr", question.type)
            analysis = timed(
                "token view",
                lambda r=record, d=doc, lg=lang: Analysis.of(
                    r["answer"], lg, doc=d, question=r["question"]
                ),
            )
            timed("word-list scan", lambda a=analysis: a._all_hits)
            timed("STAR tagging", lambda a=analysis: a.star)
            timed("quantities", lambda a=analysis: a.quantities)
            card = timed(
                "checks + score card",
                lambda a=analysis, rb=rubric, q=question, lg=lang: evaluate(rb, a, "hr", q, lg),
            )
            timed("JSON line", lambda c=card: orjson.dumps(c.to_dict()))
            timed("HTML report", lambda c=card: HtmlRenderer(nav=nav).render(c))
    n = len(records)
    print(f"{n} answers from {args.corpus.name}: CPU microseconds per answer")
    for stage, seconds in spent.items():
        print(f"  {stage:22} {seconds * 1e6 / n:7.1f}")
    print(f"  {'total':22} {sum(spent.values()) * 1e6 / n:7.1f}")


if __name__ == "__main__":
    main()
