"""The HTML report: one self-contained, offline page (inline CSS, no scripts or fonts)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import answer_check.render.cohort_strings  # registers the batch strings
import answer_check.render.strings  # noqa: F401  (registers the interface strings)
from answer_check import __version__
from answer_check.checks.shape import format_time
from answer_check.i18n import number, t
from answer_check.render.strings import question_type_label

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment

    from answer_check.model import ScoreCard

# Highlight colours, one per criterion in rubric order (background, border).
PALETTE = (
    ("#dbeafe", "#3b82f6"),
    ("#dcfce7", "#22c55e"),
    ("#fef3c7", "#f59e0b"),
    ("#ede9fe", "#8b5cf6"),
    ("#cffafe", "#06b6d4"),
    ("#fce7f3", "#ec4899"),
    ("#e0e7ff", "#6366f1"),
    ("#ecfccb", "#84cc16"),
    ("#ffedd5", "#f97316"),
    ("#f1f5f9", "#64748b"),
    ("#d1fae5", "#10b981"),
    ("#fae8ff", "#d946ef"),
)
NEGATIVE = ("#fee2e2", "#ef4444")
MINUS = " (\u2212)"
STAR_COLORS = {
    "situation": "#3b82f6",
    "task": "#8b5cf6",
    "action": "#22c55e",
    "result": "#f59e0b",
    "reflection": "#ec4899",
    "none": "#cbd5e1",
}


@dataclass(frozen=True)
class Segment:
    """A run of the answer's text with the criteria whose evidence covers it."""

    text: str
    slot: int | None  # palette index of the first covering criterion, None when plain
    negative: bool
    title: str


@dataclass(frozen=True)
class ReportNav:
    """In a batch run: the way back to the class dashboard, and whose answer this is."""

    index_href: str
    student: str = ""
    record_id: str = ""


@cache
def environment() -> Environment:
    """The jinja2 environment: package templates, autoescaping on, compiled templates cached."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("answer_check.render", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(),
    )
    return env


def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates in the on-disk cache: compiling them costs ~70 ms a run.

    jinja2 keys each entry by the template's source checksum, so a changed template is
    compiled again.
    """
    from jinja2 import FileSystemBytecodeCache

    from answer_check.disk_cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    try:
        (folder / "templates").mkdir(exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder / "templates"))


def segments(card: ScoreCard, slots: dict[str, int]) -> list[Segment]:
    """Split the answer at every evidence edge; each piece knows which criteria cover it."""
    text = card.answer
    spans: list[tuple[int, int, str, str, str]] = []
    for crit in card.criteria:
        for ev in crit.evidence:
            if 0 <= ev.start < ev.end <= len(text):
                spans.append((ev.start, ev.end, crit.id, crit.title, ev.polarity))
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        covering = [s for s in spans if s[0] <= a and b <= s[1]]
        piece = text[a:b]
        if not covering:
            out.append(Segment(piece, None, False, ""))
            continue
        negative = any(s[4] == "-" for s in covering)
        positive = [s for s in covering if s[4] == "+"]
        first = min(positive or covering, key=lambda s: slots[s[2]])
        titles = []
        for s in sorted(covering, key=lambda s: slots[s[2]]):
            label = s[3] + (MINUS if s[4] == "-" else "")
            if label not in titles:
                titles.append(label)
        out.append(
            Segment(
                piece,
                None if negative and not positive else slots[first[2]],
                negative and not positive,
                " \u00b7 ".join(titles),
            )
        )
    return out


class HtmlRenderer:
    """Render a ScoreCard as a single self-contained HTML page."""

    name = "html"
    extension = ".html"

    def __init__(self, nav: ReportNav | None = None) -> None:
        self.nav = nav

    def context(self, card: ScoreCard) -> dict[str, Any]:
        rl = card.report_lang
        slots = {c.id: i % len(PALETTE) for i, c in enumerate(card.criteria)}
        sents = []
        for s in card.star_sentences:
            sents.append(
                {
                    "label": s.label,
                    "text": card.answer[s.start : s.end],
                    "cue": s.cue.text if s.cue else "",
                    "rule": s.cue.rule if s.cue else "",
                    "color": STAR_COLORS.get(s.label, "#cbd5e1"),
                }
            )
        return {
            "card": card,
            "rl": rl,
            "t": lambda key, **kw: t(key, rl, **kw),
            "num": lambda value, decimals=1: number(value, rl, decimals),
            "qtype": question_type_label(card.question.type, rl),
            "segments": segments(card, slots),
            "slots": slots,
            "palette": PALETTE,
            "negative": NEGATIVE,
            "star_sentences": sents,
            "star_colors": STAR_COLORS,
            "time": format_time(card.speaking_seconds, rl),
            "version": __version__,
            "has_negative": any(e.polarity == "-" for c in card.criteria for e in c.evidence),
            "dash": 2 * 3.14159 * 52,
            "nav": self.nav,
        }

    def render(self, card: ScoreCard) -> str:
        return environment().get_template("report.html.j2").render(**self.context(card))
