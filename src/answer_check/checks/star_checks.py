"""Check kinds on the STAR map: a component present, the order told, the speaker's ownership."""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from answer_check.checks import KindExample, Outcome, Param, register
from answer_check.i18n import add, quote_list
from answer_check.model import Evidence

if TYPE_CHECKING:
    from answer_check.analysis import Analysis

COMPONENTS = ("situation", "task", "action", "result", "reflection")
_START = attrgetter("start")


def _against(ev: Evidence) -> Evidence:
    """The span as evidence that costs points (``dataclasses.replace`` without its overhead)."""
    return Evidence(ev.start, ev.end, ev.text, ev.rule, "-")


add(
    {
        "star.found": {"en": "Found: {items}.", "id": "Ditemukan: {items}."},
        "star.few": {
            "en": "Found {n} of the {need} needed: {items}.",
            "id": "Ditemukan {n} dari {need} yang dibutuhkan: {items}.",
        },
        "star.none": {"en": "Not found.", "id": "Tidak ditemukan."},
        "order.ok": {
            "en": "The story runs in order: actions come before the result.",
            "id": "Urutan cerita runtut: tindakan disampaikan sebelum hasil.",
        },
        "order.bad": {
            "en": "The result (sentence {r}) comes before any action (sentence {a}).",
            "id": "Hasil (kalimat {r}) muncul sebelum tindakan apa pun (kalimat {a}).",
        },
        "order.unknown": {
            "en": "Too few STAR parts to judge the order.",
            "id": "Bagian STAR terlalu sedikit untuk menilai urutannya.",
        },
        "own.ok": {
            "en": "{i} action(s) with \u201cI\u201d, {we} with \u201cwe\u201d: your own part is clear.",
            "id": "{i} tindakan dengan \u201csaya\u201d, {we} dengan \u201ckami/kita\u201d: peran Anda jelas.",
        },
        "own.low": {
            "en": "{i} action(s) with \u201cI\u201d, {we} with \u201cwe\u201d: your own part is unclear.",
            "id": "{i} tindakan dengan \u201csaya\u201d, {we} dengan \u201ckami/kita\u201d: peran Anda belum jelas.",
        },
        "own.none": {
            "en": "No actions with a clear subject found.",
            "id": "Tidak ada tindakan dengan pelaku yang jelas.",
        },
    }
)


@register(
    "star_component",
    params=(
        Param("component", "str", required=True, choices=COMPONENTS),
        Param("min", "int", 1, min=1, doc="cues needed for the full score"),
    ),
    examples=(
        KindExample(
            "pass", "As a result, complaints dropped within a month.", {"component": "result"}
        ),
        KindExample("fail", "We did not meet the deadline.", {"component": "result"}),
    ),
)
def star_component(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit when the answer has cues of one STAR component (negated cues do not count)."""
    cues = analysis.star.components[params["component"]]
    need = params["min"]
    if not cues:
        return Outcome(0.0, (), "star.none")
    items = quote_list([e.text for e in cues], analysis.lang)
    key = "star.found" if len(cues) >= need else "star.few"
    return Outcome(len(cues) / need, cues, key, {"n": len(cues), "need": need, "items": items})


@register(
    "star_order",
    params=(),
    examples=(
        KindExample(
            "pass", "I called every supplier myself. As a result, the order arrived on time.", {}
        ),
        KindExample(
            "fail", "As a result, the order arrived on time. I called every supplier myself.", {}
        ),
    ),
)
def star_order(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Full score when actions are told before the result; 0 when a result comes first."""
    star = analysis.star
    ok = star.order_ok
    if ok is None:
        return Outcome(0.5, (), "order.unknown")
    if ok:
        return Outcome(1.0, (), "order.ok")
    first_result = star.first("result")
    first_action = star.first("action")
    assert first_result is not None and first_action is not None
    cue = next(c for i, _lab, c in star.sentence_labels if i == first_result)
    return Outcome(
        0.0,
        (_against(cue),) if cue else (),
        "order.bad",
        {"r": first_result + 1, "a": first_action + 1},
    )


@register(
    "ownership",
    params=(
        Param(
            "target",
            "float",
            0.6,
            min=0.05,
            max=1,
            doc="share of actions told with 'I' for full score",
        ),
        Param("min_actions", "int", 2, min=1, doc="actions with 'I' needed for the full score"),
    ),
    examples=(
        KindExample(
            "pass", "I mapped the process, I wrote the new checklist and I trained the team.", {}
        ),
        KindExample(
            "fail", "We mapped the process, we wrote a checklist and we trained everyone.", {}
        ),
    ),
)
def ownership(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit for actions told with 'I' rather than only 'we' (the speaker's own part)."""
    actions = analysis.star.actions
    mine = [a for a in actions if a.owner == "i"]
    ours = [a for a in actions if a.owner == "we"]
    if not actions:
        return Outcome(0.0, (), "own.none")
    share = len(mine) / len(actions)
    score = min(share / params["target"], len(mine) / params["min_actions"])
    ev = tuple(
        sorted([a.evidence for a in mine] + [_against(a.evidence) for a in ours], key=_START)
    )
    key = "own.ok" if score >= 0.75 else "own.low"
    return Outcome(
        score,
        ev,
        key,
        {
            "i": len(mine),
            "we": len(ours),
            "items": quote_list([a.evidence.text for a in mine], analysis.lang),
        },
    )
