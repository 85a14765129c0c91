"""The JSON report: the ScoreCard's plain data, byte-identical for the same input."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from answer_check.model import ScoreCard


class JsonRenderer:
    """Render a ScoreCard as pretty, stable JSON (UTF-8, keys in schema order)."""

    name = "json"
    extension = ".json"

    def render(self, card: ScoreCard) -> str:
        return json.dumps(card.to_dict(), ensure_ascii=False, indent=2) + "\n"
