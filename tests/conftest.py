"""Shared fixtures: the CLI runner and helpers to score text in-process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from answer_check.model import ScoreCard
from answer_check.scoring import Request, score

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def score_text() -> Callable[..., ScoreCard]:
    def run(text: str, stage: str = "hr", **kwargs: object) -> ScoreCard:
        return score(Request(text=text, stage=stage, **kwargs))  # type: ignore[arg-type]

    return run
