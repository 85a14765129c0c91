"""The terminal summary: overall score and band, one line per criterion, the top fixes."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import click

import answer_check.render.strings  # noqa: F401  (registers the interface strings)
from answer_check.checks.shape import format_time
from answer_check.i18n import number, t
from answer_check.render.strings import question_type_label

if TYPE_CHECKING:
    from answer_check.model import ScoreCard

BAND_COLORS = {"excellent": "green", "strong": "green", "developing": "yellow", "needs_work": "red"}
LEVEL_MARKS = {"met": ("\u2713", "green"), "partial": ("~", "yellow"), "missing": ("\u2717", "red")}
WIDTH = 88


class TextRenderer:
    """Render a ScoreCard for a terminal; colour only when asked (a TTY)."""

    name = "text"
    extension = ".txt"

    def __init__(self, color: bool = False) -> None:
        self.color = color

    def _s(self, text: str, **style: object) -> str:
        return click.style(text, **style) if self.color else text  # type: ignore[arg-type]

    def render(self, card: ScoreCard) -> str:
        rl = card.report_lang
        lines: list[str] = []
        head = f"{t('ui.stage.' + card.stage, rl)} \u00b7 {card.rubric_title}"
        lines.append(self._s(head, bold=True))
        q = card.question
        if q.text:
            lines.append(f"{t('ui.question', rl)}: {q.text}")
        qtype = question_type_label(q.type, rl)
        lines.append(f"{t('ui.type', rl)}: {qtype} ({_type_source(card)})")
        time = format_time(card.speaking_seconds, rl)
        lines.append(
            f"{t('ui.lang', rl)}: {t('ui.lang.' + card.lang, rl)} \u00b7 "
            + t("ui.words", rl, words=card.words, time=time)
        )
        lines.append("")
        bar_len = 30
        filled = round(card.score / 100 * bar_len)
        bar = "\u2588" * filled + "\u2591" * (bar_len - filled)
        band = t(f"band.{card.band}", rl)
        color = BAND_COLORS[card.band]
        lines.append(
            f"{t('ui.score', rl)}: "
            + self._s(f"{card.score}/100", bold=True, fg=color)
            + f"  {self._s(bar, fg=color)}  "
            + self._s(band, bold=True, fg=color)
        )
        lines.append("")
        name_w = max(len(c.title) for c in card.criteria) + 2
        for c in card.criteria:
            if c.skipped:
                mark, col = "\u00b7", "bright_black"
                pts = t("ui.skipped", rl)
            else:
                mark, col = LEVEL_MARKS[c.level]
                pts = f"{number(c.points, rl):>4}/{number(c.max_points, rl):>4}"
            prefix = f" {self._s(mark, fg=col)} {c.title.ljust(name_w)}{pts.rjust(11)}  "
            indent = 3 + name_w + 11 + 2
            wrapped = textwrap.wrap(c.message, max(30, WIDTH - indent)) or [""]
            lines.append(prefix + wrapped[0])
            lines.extend(" " * indent + w for w in wrapped[1:])
        lines.append("")
        if card.fixes:
            lines.append(self._s(t("ui.top_fixes", rl), bold=True))
            for i, fix in enumerate(card.fixes[:3], 1):
                pts = t("ui.points_at_stake", rl, points=f"{fix.points:.0f}")
                first = f" {i}. {fix.title} ({pts}): "
                body = textwrap.wrap(first + fix.suggestion, WIDTH, subsequent_indent="    ")
                lines.extend(body)
        else:
            lines.append(self._s(t("ui.all_met", rl), fg="green"))
        for note in card.notes:
            lines.append(self._s(f"\u2139 {note}", fg="bright_black"))
        return "\n".join(lines) + "\n"


def _type_source(card: ScoreCard) -> str:
    q = card.question
    rl = card.report_lang
    if q.source == "detected":
        return t("ui.type.detected", rl, cue=q.cue) if q.cue else t("ui.type.detected_nocue", rl)
    return t(f"ui.type.{q.source}", rl)
