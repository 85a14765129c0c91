"""Where the bundled rubrics and word lists live, installed or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def rubrics_dir() -> Path:
    """The rubrics folder: inside the wheel when installed, else the checkout's top level."""
    packaged = Path(__file__).parent / "rubrics"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rubrics"
