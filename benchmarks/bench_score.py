"""Benchmark: scoring one answer from the command line vs bare spaCy start-up.

Runs, alternately, ``python -c "import spacy; spacy.blank('en')"`` (the baseline) and
``python -m answer_check score <answer> --stage <stage>`` (text summary + HTML report),
several times each, and prints the medians and their ratio. The target is a ratio of at
most 1.3. Timings depend on the machine and its load: compare ratios, not seconds.

It runs this checkout (``src`` first on the path), with its byte-code compiled first
(``compileall``), as pip does when it installs the tool.

Usage: python benchmarks/bench_score.py [--runs 9] [--answer FILE] [--stage hr]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], cwd: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    subprocess.run(
        cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--answer", default=str(ROOT / "examples" / "hr_behavioral_strong.txt"))
    parser.add_argument("--stage", default="hr")
    parser.add_argument("--question", default="Tell me about a time you handled a crisis at work.")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "src" / "answer_check", quiet=1)  # as an install does
    py = sys.executable
    baseline = [py, "-c", "import spacy; spacy.blank('en')"]
    score = [
        py,
        "-m",
        "answer_check",
        "score",
        args.answer,
        "--stage",
        args.stage,
        "--question",
        args.question,
    ]
    with tempfile.TemporaryDirectory() as cwd:
        for cmd in (baseline, score):  # warm the file cache and byte-code
            timed(cmd, cwd)
        base_t, score_t = [], []
        for _ in range(args.runs):
            base_t.append(timed(baseline, cwd))
            score_t.append(timed(score, cwd))
    b, s = statistics.median(base_t), statistics.median(score_t)
    print(f"baseline (import spacy; spacy.blank('en')): median {b:.3f} s over {args.runs} runs")
    print(f"answer-check score ({args.stage}):           median {s:.3f} s over {args.runs} runs")
    print(f"ratio: {s / b:.2f} (target <= 1.30)")


if __name__ == "__main__":
    main()
