"""Check kind for numbers and measurements: quantities, optionally tied to the outcome."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from answer_check.checks import KindExample, Outcome, Param, register
from answer_check.i18n import add, quote_list, t
from answer_check.model import Evidence

if TYPE_CHECKING:
    from answer_check.analysis import Analysis

add(
    {
        "quantified.found": {
            "en": "Found {n} figure(s){where}: {items}.",
            "id": "Ditemukan {n} angka{where}: {items}.",
        },
        "quantified.none": {"en": "No figures{where}.", "id": "Tidak ada angka{where}."},
        "quantified.where.result": {"en": " tied to the outcome", "id": " yang terkait hasil"},
        "quantified.where.any": {"en": "", "id": ""},
        "quantified.elsewhere": {
            "en": "No figures tied to the outcome (figures elsewhere: {items}).",
            "id": "Tidak ada angka yang terkait hasil (angka di bagian lain: {items}).",
        },
    }
)

KINDS = ("number", "percent", "money", "duration", "count", "ratio", "year")


@register(
    "quantified",
    params=(
        Param("min", "int", 1, min=1, doc="figures needed for the full score"),
        Param(
            "kinds",
            "str_list",
            ("number", "percent", "money", "duration", "count", "ratio"),
            choices=KINDS,
            doc="which kinds of quantity count",
        ),
        Param(
            "scope",
            "str",
            "any",
            choices=("any", "result"),
            doc="'result': only figures in sentences that state a result",
        ),
    ),
    examples=(
        KindExample(
            "pass",
            "I rewrote the checkout, and as a result conversion rose by 12%.",
            {"scope": "result"},
        ),
        KindExample(
            "fail", "I rewrote the checkout and customers liked it a lot.", {"scope": "result"}
        ),
    ),
)
def quantified(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit for figures (numbers, %, money, time, counts), optionally only in result sentences."""
    kinds = set(params["kinds"])
    found = [q for q in analysis.quantities if q.kind in kinds]
    lang = analysis.lang
    where_key = f"quantified.where.{params['scope']}"
    where = t(where_key, lang)
    if params["scope"] == "result" and found:  # (no figures: none in result sentences either)
        result_sents = result_sentences(analysis)
        text = analysis.text
        in_scope = [
            q
            for q in found
            if _sentence_at(analysis, q.start) in result_sents
            and not (q.kind == "duration" and _is_span_of_time(text, q.start))
        ]
        if not in_scope and found:
            return Outcome(
                0.25,
                (),
                "quantified.elsewhere",
                {"items": quote_list([q.text for q in found], lang)},
            )
        found = in_scope
    if not found:
        return Outcome(0.0, (), "quantified.none", {"where": where})
    ev = tuple(Evidence(q.start, q.end, q.text, f"quantity: {q.kind}") for q in found)
    return Outcome(
        len(found) / params["min"],
        ev,
        "quantified.found",
        {"n": len(found), "where": where, "items": quote_list([q.text for q in found], lang)},
    )


# "for 3 years", "selama dua tahun": how long something went on (a tenure, a stay), which
# measures no outcome even in a result sentence; "in 2 weeks", "by 3 days" do.
_SPAN_OF_TIME = re.compile(r"(?:\bfor|\bselama)\s*$", re.IGNORECASE)


def _is_span_of_time(text: str, start: int) -> bool:
    return _SPAN_OF_TIME.search(text, max(0, start - 12), start) is not None


def result_sentences(analysis: Analysis) -> set[int]:
    """Sentences that carry a (non-negated) result cue."""
    out = set()
    star = analysis.star
    for ev in star.components["result"]:
        out.add(_sentence_at(analysis, ev.start))
    return out


def _sentence_at(analysis: Analysis, char: int) -> int:
    for sent in analysis.sentences:
        if sent.start <= char < sent.end:
            return sent.index
    return -1
