"""Snapshot tests: the JSON report of each example answer, stored in tests/snapshots/.

A change in scoring shows up as a diff here. After a deliberate change, review the diff and
refresh the snapshots with
``ANSWER_CHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from answer_check.render.json_report import JsonRenderer
from answer_check.scoring import Request, score

from conftest import ROOT

SNAPSHOTS = Path(__file__).parent / "snapshots"
CASES = [
    ("hr_behavioral_strong", "hr", "Tell me about a time you handled a crisis at work."),
    ("hr_behavioral_weak", "hr", "Tell me about a time you worked under pressure."),
    ("user_technical_practice", "user", "How did you make the checkout API faster?"),
]


def render(name: str, stage: str, question: str) -> str:
    text = (ROOT / "examples" / f"{name}.txt").read_text(encoding="utf-8")
    return JsonRenderer().render(
        score(Request(text=text, stage=stage, question=question, name=name))
    )


@pytest.mark.parametrize(("name", "stage", "question"), CASES, ids=[c[0] for c in CASES])
def test_json_report_matches_snapshot(name: str, stage: str, question: str) -> None:
    got = render(name, stage, question)
    path = SNAPSHOTS / f"{name}.json"
    if os.environ.get("ANSWER_CHECK_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}; run with ANSWER_CHECK_UPDATE_SNAPSHOTS=1"
    assert got == path.read_text(encoding="utf-8"), f"{name}: JSON report differs from its snapshot"


def test_same_input_gives_byte_identical_json() -> None:
    first = render(*CASES[0])
    assert all(render(*CASES[0]) == first for _ in range(3))
