"""Evaluate a rubric on an analysed answer and build the ScoreCard."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from answer_check.analysis import Analysis
from answer_check.checks import PASS_AT, run_check
from answer_check.checks.shape import speaking_seconds
from answer_check.i18n import LANGS, add, t
from answer_check.model import STAR_KEYS, CriterionResult, Fix, QuestionInfo, ScoreCard
from answer_check.rubric import Rubric, find_rubric

if TYPE_CHECKING:
    from spacy.tokens import Doc

BANDS = ((80, "excellent"), (60, "strong"), (40, "developing"), (0, "needs_work"))
PARTIAL_AT = 0.4
STAR_CHECKS = frozenset({"star_component", "star_order", "ownership"})

add(
    {
        "band.excellent": {"en": "Excellent", "id": "Sangat baik"},
        "band.strong": {"en": "Strong", "id": "Baik"},
        "band.developing": {"en": "Developing", "id": "Berkembang"},
        "band.needs_work": {"en": "Needs work", "id": "Perlu diperbaiki"},
        "level.met": {"en": "met", "id": "terpenuhi"},
        "level.partial": {"en": "partly met", "id": "sebagian"},
        "level.missing": {"en": "missing", "id": "belum ada"},
        "note.assumed_type": {
            "en": "No question given: assumed a {type} question. Pass --question to check the type.",
            "id": "Tidak ada pertanyaan: dianggap pertanyaan {type}. Gunakan --question untuk memeriksa jenisnya.",
        },
        "note.skipped": {
            "en": "'{title}' was not scored: {reason}",
            "id": "'{title}' tidak dinilai: {reason}",
        },
    }
)


def band_of(score: int) -> str:
    """The band id for an overall score 0..100."""
    for floor, band in BANDS:
        if score >= floor:
            return band
    return "needs_work"


def level_of(score: float) -> str:
    if score >= PASS_AT:
        return "met"
    if score >= PARTIAL_AT:
        return "partial"
    return "missing"


@dataclass(frozen=True)
class Request:
    """What to score: the answer and every choice that shapes the result."""

    text: str
    stage: str
    question: str | None = None
    qtype: str | None = None  # forced question type (None: detect)
    rubric: Rubric | None = None
    lang: str | None = None  # forced answer language (None: detect)
    report_lang: str | None = None  # None: follow the answer's language
    user_terms: tuple[str, ...] = ()
    job_text: str | None = None
    name: str = "answer"


def choose_language(text: str, forced: str | None) -> str:
    if forced:
        return forced
    from answer_check.language import detect_language

    return detect_language(text).lang


def choose_type(req: Request) -> QuestionInfo:
    """The question type: the rubric's, the forced one, or detected from the question."""
    if req.rubric is not None:
        return QuestionInfo(req.question, req.rubric.question_type, "given")
    return _detect_type(req.question, req.stage, req.qtype)


@lru_cache(maxsize=4096)
def _detect_type(question: str | None, stage: str, forced: str | None) -> QuestionInfo:
    """Question-type detection, cached: a class answers the same few questions."""
    from answer_check.questions import detect_question_type

    det = detect_question_type(question, stage, forced)
    return QuestionInfo(question, det.type, det.source, det.cue)


def score(req: Request, doc: Doc | None = None) -> ScoreCard:
    """Score one answer. ``doc`` may be passed when the caller ran ``nlp.pipe`` in a batch."""
    lang = choose_language(req.text, req.lang)
    report_lang = req.report_lang or (lang if lang in LANGS else "en")
    qinfo = choose_type(req)
    rubric = req.rubric or find_rubric(req.stage, qinfo.type)
    analysis = Analysis.of(
        req.text,
        lang,
        doc=doc,
        question=req.question,
        user_terms=req.user_terms,
        job_text=req.job_text,
    )
    return evaluate(rubric, analysis, req.stage, qinfo, report_lang, req.name)


def evaluate(
    rubric: Rubric,
    analysis: Analysis,
    stage: str,
    qinfo: QuestionInfo,
    report_lang: str,
    name: str = "answer",
) -> ScoreCard:
    """Run every criterion of ``rubric`` and assemble the ScoreCard."""
    rl = report_lang
    static = _criterion_texts(rubric, rl)
    outcomes = [run_check(c.check, analysis, c.params) for c in rubric.criteria]
    total_weight = (
        sum(c.weight for c, o in zip(rubric.criteria, outcomes, strict=True) if not o.skipped)
        or 1.0
    )
    results: list[CriterionResult] = []
    notes: list[str] = []
    if qinfo.source == "default":
        notes.append(t("note.assumed_type", rl, type=qinfo.type))
    for (cid, title, weight, fix, checks, why, check, rule), out in zip(
        static, outcomes, strict=True
    ):
        message = t(out.message, rl, **out.fields) if out.message else ""
        if out.skipped:
            reason = message[:1].lower() + message[1:]
            notes.append(t("note.skipped", rl, title=title, reason=reason))
            max_points = 0.0
        else:
            max_points = 100.0 * weight / total_weight
        score = out.score
        level = "missing" if out.skipped else level_of(score)
        results.append(
            CriterionResult(  # positional, in field order (a batch builds a dozen per answer)
                cid,
                title,
                weight,
                round(score, 3),
                round(max_points * score, 2),
                round(max_points, 2),
                level,
                message,
                "" if level == "met" or out.skipped else fix,
                checks,
                why,
                check,
                rule,
                out.evidence,
                out.skipped,
            )
        )
    total = sum(r.points for r in results)
    overall = int(total + 0.5)
    fixes = sorted(
        (r for r in results if not r.skipped and r.level != "met"),
        key=lambda r: (-(r.max_points - r.points), r.id),
    )
    uses_star = any(c.check in STAR_CHECKS for c in rubric.criteria)
    star = analysis.star if uses_star else None

    return ScoreCard(
        score=overall,
        band=band_of(overall),
        stage=stage,
        question=qinfo,
        lang=analysis.lang,
        report_lang=rl,
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        rubric_title=rubric.title.get(rl),
        criteria=tuple(results),
        answer=analysis.text,
        words=analysis.words,
        speaking_seconds=speaking_seconds(analysis.words),
        star={k: star.components[k] for k in STAR_KEYS} if star else None,
        star_sentences=_star_sentences(analysis) if star else (),
        star_order_ok=star.order_ok if star else None,
        fixes=tuple(
            Fix(r.id, r.title, round(r.max_points - r.points, 1), r.suggestion) for r in fixes
        ),
        job=analysis.job_terms if analysis.job_text else None,
        name=name,
        notes=tuple(notes),
    )


_TEXTS: dict[tuple[int, str], tuple[Rubric, tuple[_CriterionTexts, ...]]] = {}
# A criterion's fixed parts in one report language: id, title, weight, fix, checks, why,
# check kind and rule.
_CriterionTexts = tuple[str, str, float, str, str, str, str, str]


def _criterion_texts(rubric: Rubric, lang: str) -> tuple[_CriterionTexts, ...]:
    """Each criterion's fixed texts in ``lang``, worked out once per rubric and language."""
    key = (id(rubric), lang)
    found = _TEXTS.get(key)
    if found is None or found[0] is not rubric:
        texts = tuple(
            (
                c.id,
                c.title.get(lang),
                c.weight,
                c.fix.get(lang),
                c.checks.get(lang),
                c.why.get(lang),
                c.check,
                rubric.criterion_rule(c),
            )
            for c in rubric.criteria
        )
        found = _TEXTS[key] = (rubric, texts)
    return found[1]


def _star_sentences(analysis: Analysis) -> tuple:  # type: ignore[type-arg]
    from answer_check.model import StarSentence

    sents = analysis.sentences  # a sentence's index is its position in the list
    return tuple(
        StarSentence(i, sents[i].start, sents[i].end, label, cue)
        for i, label, cue in analysis.star.sentence_labels
    )
