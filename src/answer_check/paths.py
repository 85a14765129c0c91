"""Where answer-check finds its bundled data files (rubrics, cue lists, practice questions)."""

from __future__ import annotations

from pathlib import Path


def rubrics_dir() -> Path:
    """Return the rubrics folder: bundled in the installed wheel, else the checkout's top level."""
    bundled = Path(__file__).parent / "rubrics"
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parents[2] / "rubrics"
