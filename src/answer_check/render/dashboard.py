"""The class dashboard: one self-contained page (inline CSS, SVG and a small sort script)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import answer_check.render.cohort_strings  # noqa: F401  (registers the dashboard strings)
from answer_check import __version__
from answer_check.cohort import BAND_ORDER, Agreement, Cohort
from answer_check.i18n import number, t
from answer_check.render.html_report import environment
from answer_check.rubric import STAGES

if TYPE_CHECKING:
    from answer_check.cohort import AnswerRow

BAND_COLORS = {
    "needs_work": "#dc2626",
    "developing": "#d97706",
    "strong": "#16a34a",
    "excellent": "#15803d",
}
# Histogram geometry (SVG user units).
H_W, H_H, H_LEFT, H_TOP, H_BOTTOM = 640, 250, 40, 26, 34
# Scatter geometry.
S_SIZE, S_PAD = 300, 40


@dataclass(frozen=True)
class DashboardInfo:
    """What the dashboard says about the run itself."""

    source: str
    kind: str
    rubric: str | None = None
    ignored_columns: tuple[str, ...] = ()


def _band_of_bin(low: int) -> str:
    from answer_check.scoring import band_of

    return band_of(low)


def histogram_view(cohort: Cohort) -> dict[str, Any]:
    """Bars, axis ticks and the mean marker of the score histogram, in SVG coordinates."""
    bins: list[int] = cohort.histogram()
    top: int = max(bins) if any(bins) else 1
    step = _nice_step(top)
    y_max = step * -(-top // step)
    plot_w, plot_h = H_W - H_LEFT - 10, H_H - H_TOP - H_BOTTOM
    slot = plot_w / len(bins)
    bars = []
    for i, count in enumerate(bins):
        h = plot_h * count / y_max
        low, high = i * 10, (100 if i == len(bins) - 1 else i * 10 + 9)
        bars.append(
            {
                "x": round(H_LEFT + i * slot + 4, 1),
                "w": round(slot - 8, 1),
                "y": round(H_TOP + plot_h - h, 1),
                "h": round(h, 1),
                "count": count,
                "label": f"{low}\u2013{high}",
                "cx": round(H_LEFT + (i + 0.5) * slot, 1),
                "color": BAND_COLORS[_band_of_bin(low)],
            }
        )
    ticks = [
        {"y": round(H_TOP + plot_h - plot_h * v / y_max, 1), "v": v}
        for v in range(0, y_max + 1, step)
    ]
    mean = cohort.mean
    mean_x = round(H_LEFT + plot_w * (mean or 0) / 100, 1) if mean is not None else None
    return {
        "bars": bars,
        "ticks": ticks,
        "w": H_W,
        "h": H_H,
        "left": H_LEFT,
        "right": H_W - 10,
        "base": H_TOP + plot_h,
        "top": H_TOP,
        "mean": mean,
        "mean_x": mean_x,
    }


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000):
        if top / step <= 5:
            return step
    return int(10 ** len(str(top)))


def _level(value: float | None) -> str:
    if value is None:
        return "undefined"
    if value >= 0.7:
        return "strong"
    if value >= 0.4:
        return "moderate"
    return "weak"


def agreement_view(agreement: Agreement, rows: list[AnswerRow]) -> dict[str, Any]:
    """The scatter plot's dots and axes, the band matrix and the biggest disagreements."""
    by_index = {r.index: r for r in rows}

    def px(v: float) -> float:
        return round(S_PAD + S_SIZE * v / 100, 1)

    def py(v: float) -> float:
        return round(S_PAD + S_SIZE - S_SIZE * v / 100, 1)

    dots = []
    for coach, tool, index in agreement.pairs:
        row = by_index[index]
        gap = abs(tool - coach)
        dots.append(
            {
                "x": px(coach),
                "y": py(tool),
                "row": row,
                "coach": _num(coach),
                "tool": tool,
                "cls": "far" if gap > 20 else "mid" if gap > 10 else "near",
            }
        )
    grid = [{"v": v, "x": px(v), "y": py(v)} for v in (0, 20, 40, 60, 80, 100)]
    worst = sorted(agreement.pairs, key=lambda p: (-abs(p[1] - p[0]), p[2]))[:6]
    biggest = [
        {"row": by_index[i], "coach": _num(c), "tool": tl, "diff": round(tl - c)}
        for c, tl, i in worst
        if abs(tl - c) >= 10
    ]
    matrix_max = max((max(r) for r in agreement.confusion), default=1) or 1
    return {
        "a": agreement,
        "dots": dots,
        "grid": grid,
        "size": S_SIZE + 2 * S_PAD,
        "pad": S_PAD,
        "end": S_PAD + S_SIZE,
        "biggest": biggest,
        "matrix_max": matrix_max,
        "spearman_level": _level(agreement.spearman),
        "kappa_level": _level(agreement.kappa),
    }


def _num(value: float) -> str:
    return f"{value:g}"


def _signed(text: str, sign: bool, value: float) -> str:
    return f"+{text}" if sign and value > 0 else text


def render_dashboard(cohort: Cohort, info: DashboardInfo, lang: str = "en") -> str:
    """The dashboard's HTML for a finished run."""
    rows = cohort.rows
    agreement = cohort.agreement()
    criteria: list[dict[str, Any]] = []
    for c in cohort.weakest_criteria():
        criteria.append(
            {
                "c": c,
                "pct": round(100 * (c.mean or 0)),
                "median": round(100 * (c.median or 0)),
                "met": round(100 * (c.met_share or 0)),
                "color": "#ef4444"
                if (c.mean or 0) < 0.4
                else "#f59e0b"
                if (c.mean or 0) < 0.7
                else "#22c55e",
            }
        )
    students = [
        {"name": name, "answers": answers, "avg": round(avg, 1), "band": _band(avg)}
        for name, answers, avg in cohort.students()
    ]
    bands = cohort.bands()
    total = sum(bands.values()) or 1
    context = {
        "t": lambda key, **kw: t(key, lang, **kw),
        "num": lambda value, decimals=1, sign=False: _signed(
            number(value, lang, decimals), sign, value
        ),
        "rl": lang,
        "info": info,
        "cohort": cohort,
        "rows": rows,
        "failed": cohort.failed,
        "n": cohort.n,
        "mean": cohort.mean,
        "median": cohort.median,
        "hist": histogram_view(cohort),
        "bands": [
            {
                "band": b,
                "n": bands[b],
                "pct": round(100 * bands[b] / total),
                "color": BAND_COLORS[b],
            }
            for b in BAND_ORDER
        ],
        "band_colors": BAND_COLORS,
        "band_order": BAND_ORDER,
        "criteria": criteria,
        "many_rubrics": len({c["c"].rubric for c in criteria}) > 1,
        "students": students,
        "agree": agreement_view(agreement, rows) if agreement else None,
        "mean_band": _band(cohort.mean) if cohort.mean is not None else "needs_work",
        "version": __version__,
        "has_coach": any(r.coach_score is not None for r in rows),
        # Labels looked up once, not per table row (a class of thousands of answers).
        "stage_label": {stage: t(f"ui.stage.{stage}", lang) for stage in STAGES},
        "band_label": {band: t(f"band.{band}", lang) for band in BAND_ORDER},
        "no_id": t("cohort.no_id", lang),
        "no_name": t("cohort.no_name", lang),
        "no_question": t("cohort.no_question", lang),
    }
    return environment().get_template("dashboard.html.j2").render(**context)


def _band(score: float | None) -> str:
    from answer_check.scoring import band_of

    return band_of(int((score or 0) + 0.5))
