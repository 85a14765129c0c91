"""The HTML report: one self-contained, offline page (inline CSS, no scripts or fonts)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, partial
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

import answer_check.render.cohort_strings  # registers the batch strings
import answer_check.render.strings  # noqa: F401  (registers the interface strings)
from answer_check import __version__
from answer_check.checks.shape import format_time
from answer_check.disk_cache import fingerprint
from answer_check.i18n import CATALOG, number, t
from answer_check.render.strings import question_type_label

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, MutableMapping
    from types import CodeType

    from jinja2 import BytecodeCache, Environment, Template
    from markupsafe import Markup

    from answer_check.model import CriterionResult, Evidence, Fix, JobTerm, ScoreCard

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
DIAL = 2 * 3.14159 * 52  # circumference of the score dial's ring


class StarTag(NamedTuple):
    """How the STAR map shows a part in a report language, as HTML: the slice of the bar
    after its width, and the start of a sentence's row up to the sentence."""

    bar: str
    row: str


@cache
def star_tag(part: str, lang: str) -> StarTag:
    """How the STAR map shows ``part`` in ``lang`` (the same for every sentence of the part)."""
    esc = text_escaper()
    color = STAR_COLORS.get(part, "#cbd5e1")
    tag_color = color if part != "none" else "#94a3b8"
    label = esc(labels(lang)[f"ui.star.{part}"])
    color = esc(color)
    return StarTag(
        bar=f';background:{color}" title="{label}"></i>',
        row=(
            '  <div class="star-row">\n    <div class="star-tag" style="border-color:'
            f'{color};color:{esc(tag_color)}">{label}</div>\n    <div>'
        ),
    )


# A row of the criteria table: the criterion, its palette slot, and its HTML: its cells,
# message and guidance (the kept rendering of ReportTemplate.criterion), and its evidence
# chips (None without evidence).
CriterionRow = tuple["CriterionResult", int, "Markup", "Markup | None"]


class JobView(NamedTuple):
    """The job-description section: the terms the answer covers and those it misses."""

    covered: list[JobTerm]
    missing: list[JobTerm]
    summary: str
    bar_width: int


@dataclass(frozen=True)
class ReportNav:
    """In a batch run: the way back to the class dashboard, and whose answer this is."""

    index_href: str
    student: str = ""
    record_id: str = ""


class Labels(dict[str, str]):
    """The interface strings of one report language, each looked up in the catalog once."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, key: str) -> str:
        try:
            text = t(key, self.lang)
        except KeyError:
            # Not a KeyError: jinja2 would print an unknown key as a blank.
            raise ValueError(f"no interface string {key!r}") from None
        self[key] = text
        return text

    def __call__(self, key: str, **fields: Any) -> str:
        """The template's filter ``t``: the string for ``key``, formatted with ``fields``."""
        text = self[key]
        return text.format(**fields) if fields else text


@cache
def labels(lang: str) -> Labels:
    """The interface strings in ``lang``, shared by every report in that language."""
    return Labels(lang)


@cache
def environment() -> Environment:
    """The jinja2 environment: package templates, autoescaping on, compiled templates cached."""
    return _new_environment(_bytecode_cache())


def _new_environment(bytecode_cache: BytecodeCache | None) -> Environment:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("answer_check.render", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode_cache,
    )
    env.template_class = _template_class()
    return env


@cache
def text_escaper() -> Callable[[object], str]:
    """``markupsafe.escape`` returning a plain str: the same text, without the Markup object.

    A page prints hundreds of values; wrapping each escaped one in a Markup (which the
    page then joins into one str anyway) cost a third of its render time.
    """
    from markupsafe import Markup, escape

    try:  # markupsafe >= 3: the compiled escaper that escape() wraps in a Markup
        from markupsafe._speedups import _escape_inner
    except ImportError:  # no compiled speedups, or an older markupsafe: same text
        return escape

    def escape_text(value: object) -> str:
        kind = type(value)
        if kind is str:
            return _escape_inner(value)  # type: ignore[arg-type]
        if kind is Markup:  # the blocks and kept parts of a page: as they are, at once
            return value  # type: ignore[return-value]
        html = getattr(value, "__html__", None)
        if html is not None:  # already safe: a Markup, or an object that renders itself
            return html()  # type: ignore[no-any-return]
        return _escape_inner(str(value))

    return escape_text


@cache
def str_escaper() -> Callable[[str], str]:
    """markupsafe's escaping of a str, as a str: what text_escaper() prints for a str.

    The blocks that html_report.py builds print only the card's text (pieces of the answer,
    titles, rules): some fifty values a page, each escaped here without text_escaper()'s
    look at its type (a Python call around the compiled escaper).
    """
    try:  # markupsafe >= 3
        from markupsafe._speedups import _escape_inner
    except ImportError:  # no compiled speedups, or an older markupsafe: same text
        from markupsafe import escape

        def escape_str(value: str) -> str:
            return str(escape(value))

        return escape_str
    return _escape_inner


@cache
def safe_markup() -> type[Markup]:
    """markupsafe's Markup (text the template prints as it is), imported on first use like
    jinja2: a batch without HTML reports never needs it. Looked up once, not imported in
    each function that builds HTML (an import statement costs ~0.4 us each time it runs)."""
    from markupsafe import Markup

    return Markup


@cache
def _template_class() -> type[Template]:
    from jinja2 import Template

    class TextEscapingTemplate(Template):
        """A template whose ``{{ value }}`` escapes through text_escaper().

        Under autoescape, jinja2 compiles ``{{ value }}`` to ``escape(value)``, ``escape``
        being markupsafe's, looked up in the compiled module's globals as the page renders.
        Those globals get text_escaper() instead: the same text. Only the globals change,
        not the compiled code, so compiled templates in the bytecode cache stay valid.
        """

        @classmethod
        def from_code(
            cls,
            environment: Environment,
            code: CodeType,
            globals: MutableMapping[str, Any],
            uptodate: Callable[[], bool] | None = None,
        ) -> Template:
            from markupsafe import escape

            template = super().from_code(environment, code, globals, uptodate)
            namespace = template.root_render_func.__globals__
            if namespace.get("escape") is escape:
                namespace["escape"] = text_escaper()
            return template

    return TextEscapingTemplate


def _bytecode_cache(variant: str = "", salt: str = "") -> BytecodeCache | None:
    """Compiled templates in the on-disk cache: compiling them costs ~70 ms a run.

    jinja2 keys each entry by the template's source checksum, so a changed template is
    compiled again. A ``variant`` (a report language) has files of its own, whose checksum
    also covers ``salt`` (the interface strings compiled into them).
    """
    from jinja2 import FileSystemBytecodeCache

    from answer_check.disk_cache import cache_dir

    class SaltedCache(FileSystemBytecodeCache):
        def get_source_checksum(self, source: str) -> str:
            return fingerprint(source, salt)

    folder = cache_dir()
    if folder is None:
        return None
    try:
        (folder / "templates").mkdir(exist_ok=True)
    except OSError:
        return None
    if not variant:
        return FileSystemBytecodeCache(str(folder / "templates"))
    return SaltedCache(str(folder / "templates"), f"__jinja2_%s.{variant}.cache")


_Part = TypeVar("_Part")  # a kept rendering: a Markup, or a pair of them


class ReportTemplate:
    """The report's template compiled for one language, and the parts it renders only once.

    The template prints interface strings as ``{{ 'ui.title'|t }}``: a filter applied to a
    constant, so jinja2's optimizer runs it at compile time and every page prints the
    (escaped) string as plain template text. A computed key (``('band.' + card.band)|t``)
    is looked up as the page renders.

    The CSS is the same on every page, and a criterion's cells, its message, its fix and
    rubric text, and an item of the list of fixes are the same on many: each of those parts
    (the macros of report_parts.html.j2) is rendered once and the page prints the rendering.
    The page calls the macro itself when given none, so it reads the same either way (the
    tests check that it is the same).
    """

    KEPT = 4096  # renderings of a part kept; past that, its store starts afresh

    def __init__(self, lang: str) -> None:
        ui = labels(lang)
        salt = fingerprint(*(f"{key}\t{t(key, lang)}" for key in sorted(CATALOG)))
        env = _new_environment(_bytecode_cache(f"report-{lang}", salt))
        env.filters["t"] = ui
        env.filters["num"] = partial(number, lang=lang)
        self.template = env.get_template("report.html.j2")
        # jinja2 gives a template its globals as a ChainMap over the environment's, which
        # each render copies into the page's context key by key in Python (~4 us a page).
        # A plain dict of the same globals copies in C; nothing changes this environment's
        # globals after this point.
        self.template.globals = dict(self.template.globals)
        # The macros of report_parts.html.j2, as attributes (Any: jinja2 makes them).
        self.parts = cast("Any", env.get_template("report_parts.html.j2").module)
        self.style: Markup = self.parts.style(PALETTE, NEGATIVE)
        self._criteria: dict[tuple[object, ...], tuple[Markup, Markup]] = {}
        self._rows: dict[tuple[object, ...], Markup] = {}
        self._fixes: dict[tuple[object, ...], Markup] = {}
        # The UTF-8 of the kept parts the page prints as they are (the CSS, rows, fixes),
        # by their text: render_utf8() encodes each of them once, not on every page.
        self._utf8: dict[str, bytes] = {self.style: self.style.encode()}

    # The key of each part: what its macro reads. -0.0 == 0.0 but prints differently, so a
    # zero is told apart by its repr (``x or repr(x)``).

    def criterion(self, c: CriterionResult, slot: int) -> Markup:
        """A row's macros ``criterion_cells`` (the criterion's name, weight and score),
        ``criterion_message`` (what was found) and ``criterion_guidance`` (its fix, what it
        checks, why, its rule), kept as one rendering: the page prints one value a row.

        The message varies more than the rest, so the cells and guidance are also kept
        without it, and a new message costs only its own small macro.
        """
        reads = (
            slot,
            _CRITERION_READS(c),
            c.weight or repr(c.weight),
            c.points or repr(c.points),
            c.max_points or repr(c.max_points),
        )
        key = (reads, c.message)
        html = self._rows.get(key)
        if html is None:
            pair = self._criteria.get(reads)
            if pair is None:
                rendered = (self.parts.criterion_cells(c, slot), self.parts.criterion_guidance(c))
                pair = self._keep(self._criteria, reads, rendered)
            cells, guidance = pair
            row = cells + self.parts.criterion_message(c.message) + guidance
            html = self._keep(self._rows, key, row)
        return html

    def fix_item(self, f: Fix) -> Markup:
        """The macro ``fix_item``: a fix and the points at stake."""
        key = (f.title, f.suggestion, f.points or repr(f.points))
        html = self._fixes.get(key)
        if html is None:
            html = self._keep(self._fixes, key, self.parts.fix_item(f))
        return html

    def render(self, context: dict[str, Any]) -> str:
        return self.template.render(context)

    def render_utf8(self, context: dict[str, Any]) -> bytes:
        """The page as UTF-8: the bytes of ``render(context).encode()``.

        Three quarters of a page (~26 KB) are kept parts: their UTF-8 is kept too, and the
        page joins the encoded pieces the template prints. Encoding the page whole cost
        more (~13 us), as did joining it into one str first, which widened every piece to
        two bytes a character (a page holds characters past Latin-1, such as its arrows).
        The UTF-8 of a piece is looked up by its text: a piece that merely equals a kept
        part has the same bytes.
        """
        template = self.template
        utf8 = self._utf8.get
        # What Template.render does, with each piece encoded rather than joined as str.
        ctx = template.new_context(context)
        try:
            pieces = [utf8(piece) or piece.encode() for piece in template.root_render_func(ctx)]
        except Exception:
            template.environment.handle_exception()
        return b"".join(pieces)

    def _keep(self, store: dict[Any, _Part], key: Any, html: _Part) -> _Part:
        """Keep ``html`` in ``store``, which starts afresh when full (a bound on memory),
        and, when it is a part the page prints as it is (not a pair), its UTF-8."""
        if len(store) >= self.KEPT:
            store.clear()
        store[key] = html
        if isinstance(html, str):
            utf8 = self._utf8
            if len(utf8) >= self.KEPT:  # at most ~4 MB (a row is ~1 KB)
                utf8.clear()
                utf8[self.style] = self.style.encode()
            utf8[html] = html.encode()
        return html


# What the macros criterion_cells and criterion_guidance read of a criterion (besides
# criterion_cells' numbers, which ReportTemplate.criterion keys with care for -0.0).
_CRITERION_READS = attrgetter(
    "title", "skipped", "score", "level", "suggestion", "checks", "why", "rule", "check"
)


@cache
def report_template(lang: str) -> ReportTemplate:
    """The report template for pages in ``lang``."""
    return ReportTemplate(lang)


def _type_source(card: ScoreCard) -> str:
    """How the question type was chosen, in the report language."""
    q, rl = card.question, card.report_lang
    if q.source == "detected":
        return t("ui.type.detected", rl, cue=q.cue) if q.cue else t("ui.type.detected_nocue", rl)
    return t(f"ui.type.{q.source}", rl)


def _job(terms: tuple[JobTerm, ...], rl: str) -> JobView:
    covered = [term for term in terms if term.covered]
    missing = [term for term in terms if not term.covered]
    return JobView(
        covered=covered,
        missing=missing,
        summary=t("ui.job.summary", rl, n=len(covered), total=len(terms)),
        bar_width=round(100 * len(covered) / (len(terms) or 1)),
    )


# --- The page's repeated blocks --------------------------------------------------------------
#
# A page prints its answer in some 14 pieces, a chip for each piece of evidence, and a STAR
# bar slice and row for each sentence. As loops of the template, each value of each item
# went through jinja2's attribute look-up and the escaper's checks. These functions build
# the same HTML in Python, one Markup a block, every value that is not our own markup
# escaped by markupsafe (``esc``, from str_escaper()).


def highlighted_answer(
    card: ScoreCard, slots: Mapping[str, int], esc: Callable[[str], str]
) -> Markup:
    """The answer as HTML, cut at every evidence edge, each piece that evidence covers in a
    <mark>: of class "c<slot>" (its palette slot) or "neg" (evidence that only costs
    points), titled with the covering criteria, for the tooltip.

    The spans covering each piece are found by walking each span's pieces, rather than
    by a sweep over the edges that keeps a set of open spans: fewer Python steps.
    """
    Markup = safe_markup()
    text = card.answer
    size = len(text)
    # The evidence, as (slot, start, end, polarity, label): the label is the criterion's
    # title, marked when the evidence costs points.
    spans: list[tuple[int, int, int, str, str]] = []
    cuts = {0, size}
    for crit in card.criteria:
        if crit.evidence:
            slot = slots[crit.id]
            for ev in crit.evidence:
                start, end = ev.start, ev.end
                if 0 <= start < end <= size:
                    label = crit.title + MINUS if ev.polarity == "-" else crit.title
                    spans.append((slot, start, end, ev.polarity, label))
                    cuts.add(start)
                    cuts.add(end)
    if not spans:
        return Markup(esc(text))
    spans.sort(key=_SLOT)  # stable: the spans of one slot stay in rubric order
    edges = sorted(cuts)
    piece_at = {edge: i for i, edge in enumerate(edges)}
    # The spans covering each piece (between two edges), in slot order.
    covering: list[list[tuple[int, int, int, str, str]]] = [[] for _ in range(len(edges) - 1)]
    for span in spans:
        for i in range(piece_at[span[1]], piece_at[span[2]]):
            covering[i].append(span)
    html: list[str] = []
    for i, over in enumerate(covering):
        piece = esc(text[edges[i] : edges[i + 1]])
        if not over:
            html.append(piece)
            continue
        if len(over) == 1:  # the usual case
            slot, _, _, polarity, title = over[0]
            mark = "neg" if polarity == "-" else f"c{slot}"
        else:
            mark, title = _highlight(over)
        html.append(f'<mark class="{mark}" title="{esc(title)}">{piece}</mark>')
    return Markup("".join(html))


def _highlight(covering: list[tuple[int, int, int, str, str]]) -> tuple[str, str]:
    """The <mark> class and tooltip of a piece covered by several spans (in slot order): the
    first that earns points decides the colour, and each label is named once."""
    first = next((s for s in covering if s[3] == "+"), None)
    if first is not None:
        mark = f"c{first[0]}"
    elif any(s[3] == "-" for s in covering):
        mark = "neg"
    else:
        mark = f"c{covering[0][0]}"
    return mark, " \u00b7 ".join(dict.fromkeys(s[4] for s in covering))


_SLOT = itemgetter(0)


def _chips(evidence: tuple[Evidence, ...], esc: Callable[[str], str]) -> Markup | None:
    """A criterion's evidence as chips (red when it costs points), titled with the rule."""
    if not evidence:
        return None
    html = ['<div class="chips">']
    for e in evidence:
        html.append(
            f'<span class="chip{" neg" if e.polarity == "-" else ""}" title="{esc(e.rule)}">'
            f"{esc(e.text)}</span>"
        )
    html.append("</div>")
    return safe_markup()("".join(html))


def _star_html(card: ScoreCard, esc: Callable[[str], str]) -> tuple[Markup, Markup]:
    """The STAR map: its bar (a slice a sentence, as wide as the sentence) and its rows."""
    Markup = safe_markup()
    rl, answer = card.report_lang, card.answer
    cue_label = esc(labels(rl)["ui.star.cue"])
    bar: list[str] = []
    rows: list[str] = []
    for s in card.star_sentences:
        tag = star_tag(s.label, rl)
        text = answer[s.start : s.end]
        bar.append(f'<i style="flex:{len(text)}{tag.bar}')
        cue = s.cue
        if cue is not None and cue.text:
            rows.append(
                f'{tag.row}{esc(text)}<div class="star-cue">{cue_label}: <span class="cue" '
                f'title="{esc(cue.rule)}">{esc(cue.text)}</span></div></div>\n  </div>\n'
            )
        else:
            rows.append(f"{tag.row}{esc(text)}</div>\n  </div>\n")
    return Markup("".join(bar)), Markup("".join(rows))


class HtmlRenderer:
    """Render a ScoreCard as a single self-contained HTML page."""

    name = "html"
    extension = ".html"

    def __init__(self, nav: ReportNav | None = None) -> None:
        self.nav = nav

    def context(self, card: ScoreCard) -> dict[str, Any]:
        """What the template prints: the card, its blocks as Markup, and the texts it formats."""
        Markup = safe_markup()
        rl = card.report_lang
        template = report_template(rl)
        esc = str_escaper()
        slots: dict[str, int] = {}
        rows: list[CriterionRow] = []
        legend: list[str] = []  # the criteria with evidence that earns points
        has_negative = False
        for i, c in enumerate(card.criteria):
            slot = slots[c.id] = i % len(PALETTE)
            evidence = c.evidence
            rows.append((c, slot, template.criterion(c, slot), _chips(evidence, esc)))
            if evidence:
                polarities = {e.polarity for e in evidence}
                if "+" in polarities:
                    legend.append(f'<span><i class="sw c{slot}"></i>{esc(c.title)}</span>')
                has_negative = has_negative or "-" in polarities
        star_bar, star_rows = _star_html(card, esc)
        return {
            "card": card,
            "rl": rl,
            "parts": template.parts,
            "style": template.style,
            "palette": PALETTE,  # what parts.style reads
            "negative": NEGATIVE,
            "dasharray": f"{DIAL * card.score / 100:.1f} {DIAL:.1f}",
            "qtype": question_type_label(card.question.type, rl),
            "type_source": _type_source(card),
            "words": t(
                "ui.words", rl, words=card.words, time=format_time(card.speaking_seconds, rl)
            ),
            "answer": highlighted_answer(card, slots, esc),
            "legend": Markup("".join(legend)),
            "has_negative": has_negative,
            "fixes": [(f, template.fix_item(f)) for f in card.fixes],
            "job": None if card.job is None else _job(card.job, rl),
            "criteria": rows,
            "star_bar": star_bar,
            "star_rows": star_rows,
            "footer": t(
                "ui.footer", rl, version=__version__, rubric=card.rubric_id, rv=card.rubric_version
            ),
            "version": __version__,
            "nav": self.nav,
        }

    def render(self, card: ScoreCard) -> str:
        return report_template(card.report_lang).render(self.context(card))

    def render_utf8(self, card: ScoreCard) -> bytes:
        """The page as UTF-8, for a file: ``render(card).encode()``, made faster."""
        return report_template(card.report_lang).render_utf8(self.context(card))
