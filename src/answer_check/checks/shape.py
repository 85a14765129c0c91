"""Check kinds on the answer's shape: length and speaking time, steps in sequence."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from answer_check.checks import KindExample, Outcome, Param, register
from answer_check.checks.lexical import evidence, hits_of
from answer_check.i18n import add, quote_list, t
from answer_check.model import Evidence

if TYPE_CHECKING:
    from answer_check.analysis import Analysis

add(
    {
        "length.ok": {
            "en": "{words} words, about {time} spoken: a good length.",
            "id": "{words} kata, sekitar {time} jika diucapkan: panjangnya pas.",
        },
        "length.short": {
            "en": "{words} words, about {time} spoken: short (aim for {lo} to {hi} words).",
            "id": "{words} kata, sekitar {time} jika diucapkan: terlalu pendek (idealnya {lo} sampai {hi} kata).",
        },
        "length.long": {
            "en": "{words} words, about {time} spoken: long (aim for {lo} to {hi} words).",
            "id": "{words} kata, sekitar {time} jika diucapkan: terlalu panjang (idealnya {lo} sampai {hi} kata).",
        },
        "time.seconds": {"en": "{s} s", "id": "{s} detik"},
        "time.minutes": {"en": "{m} min {s:02d} s", "id": "{m} menit {s:02d} detik"},
        "steps.found": {
            "en": "{n} step marker(s): {items}.",
            "id": "{n} penanda langkah: {items}.",
        },
        "steps.none": {"en": "No steps in sequence.", "id": "Tidak ada langkah yang berurutan."},
    }
)

_LIST_ITEM = re.compile(r"^[ \t]*(\d{1,2}[.)]|[-*\u2022])[ \t]+\S", re.MULTILINE)


def speaking_seconds(words: int, wpm: float = 140.0) -> int:
    return round(words / wpm * 60)


def format_time(seconds: int, lang: str) -> str:
    if seconds < 60:
        return t("time.seconds", lang, s=seconds)
    return t("time.minutes", lang, m=seconds // 60, s=seconds % 60)


@register(
    "length",
    params=(
        Param("min_words", "int", 40, min=0, doc="at or below this, the score is 0"),
        Param("ideal_min", "int", 120, min=1, doc="the ideal range starts here"),
        Param("ideal_max", "int", 350, min=1, doc="the ideal range ends here"),
        Param("max_words", "int", 600, min=1, doc="at or above this, the score is 0"),
        Param("wpm", "float", 140.0, min=60, max=250, doc="speaking rate for the time estimate"),
    ),
    examples=(
        KindExample("pass", " ".join(["word"] * 150), {}),
        KindExample("fail", "Too short to tell a story.", {}),
    ),
)
def length(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Full score inside the ideal word range, falling linearly to 0 at the outer bounds."""
    words = analysis.words
    lo, hi = params["ideal_min"], params["ideal_max"]
    fields = {
        "words": words,
        "time": format_time(speaking_seconds(words, params["wpm"]), analysis.lang),
        "lo": lo,
        "hi": hi,
    }
    if words < lo:
        span = max(1, lo - params["min_words"])
        return Outcome((words - params["min_words"]) / span, (), "length.short", fields)
    if words > hi:
        span = max(1, params["max_words"] - hi)
        return Outcome(1 - (words - hi) / span, (), "length.long", fields)
    return Outcome(1.0, (), "length.ok", fields)


@register(
    "steps",
    params=(
        Param(
            "lexicons",
            "str_list",
            ("sequence_markers",),
            doc="sequence markers (first, then, next)",
        ),
        Param("terms", "str_list", ()),
        Param("min", "int", 3, min=1, doc="markers or list items for the full score"),
    ),
    examples=(
        KindExample(
            "pass",
            "First I profiled the query. Then I added an index. Finally I load-tested it.",
            {},
        ),
        KindExample("fail", "I made the query faster.", {}),
    ),
)
def steps(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit for an ordered process: sequence markers and numbered or bulleted list items."""
    kept, _ = hits_of(analysis, params, negation=False)
    ev = list(evidence(kept))
    for m in _LIST_ITEM.finditer(analysis.text):
        ev.append(Evidence(m.start(1), m.end(1), m.group(1), "list item"))
    ev.sort(key=lambda e: (e.start, e.end))
    if not ev:
        return Outcome(0.0, (), "steps.none")
    return Outcome(
        len(ev) / params["min"],
        tuple(ev),
        "steps.found",
        {"n": len(ev), "items": quote_list([e.text for e in ev], analysis.lang)},
    )
