"""Evaluate a rubric on an analysed answer and build the ScoreCard."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from answer_check.analysis import Analysis
from answer_check.checks import PASS_AT, run_check
from answer_check.checks.shape import speaking_seconds
from answer_check.i18n import LANGS, add, t, texts
from answer_check.memo import per_score
from answer_check.model import (
    STAR_KEYS,
    CriterionResult,
    Fix,
    QuestionInfo,
    ScoreCard,
    StarSentence,
)
from answer_check.rubric import Rubric, find_rubric

if TYPE_CHECKING:
    from collections.abc import Callable

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


@dataclass(slots=True)
class Request:
    """What to score: the answer and every choice that shapes the result.

    Read-only once made. Slotted, not frozen, like the ScoreCard's parts (see
    ``answer_check.model``): a batch makes one per answer, and a frozen dataclass of ten
    fields took 1.5 us to build, three times as long.
    """

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
    plan = _plan(rubric, rl)
    outcomes = [run_check(kind, analysis, params) for kind, params in plan.checks]
    stakes = plan.stakes(tuple([o.skipped for o in outcomes]))
    messages = texts(rl)
    results: list[CriterionResult] = []
    earned: list[float] = []
    # Per criterion to fix: -points lost, id, position (unique: the sort stops there), the
    # points lost as shown, title and suggestion.
    to_fix: list[tuple[float, str, int, float, str, str]] = []
    notes: list[str] = []
    if qinfo.source == "default":
        notes.append(t("note.assumed_type", rl, type=qinfo.type))
    for (cid, title, weight, fix, checks, why, check, rule), out, stake in zip(
        plan.texts, outcomes, stakes, strict=True
    ):
        if out.message:
            message = messages[out.message]
            if out.fields:
                message = message.format_map(out.fields)
        else:
            message = ""
        if stake is None:  # skipped: its weight is not counted, nothing is at stake
            reason = message[:1].lower() + message[1:]
            notes.append(t("note.skipped", rl, title=title, reason=reason))
            score, points, max_points = _skipped_values(out.score)
            level = "missing"
            suggestion = ""
        else:
            score, points, level, lost, shown_lost = stake.values(out.score)
            max_points = stake.max_points
            if level == "met":
                suggestion = ""
            else:
                suggestion = fix
                to_fix.append((-lost, cid, len(results), shown_lost, title, fix))
        earned.append(points)
        results.append(
            CriterionResult(  # positional, in field order (a batch builds a dozen per answer)
                cid,
                title,
                weight,
                score,
                points,
                max_points,
                level,
                message,
                suggestion,
                checks,
                why,
                check,
                rule,
                out.evidence,
                out.skipped,
            )
        )
    overall = int(sum(earned) + 0.5)
    # The most points lost first, then by id (a tie of both keeps the rubric's order).
    to_fix.sort()
    star = analysis.star if plan.uses_star else None

    return ScoreCard(
        score=overall,
        band=band_of(overall),
        stage=stage,
        question=qinfo,
        lang=analysis.lang,
        report_lang=rl,
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        rubric_title=plan.title,
        criteria=tuple(results),
        answer=analysis.text,
        words=analysis.words,
        speaking_seconds=speaking_seconds(analysis.words),
        star={k: star.components[k] for k in STAR_KEYS} if star else None,
        star_sentences=_star_sentences(analysis) if star else (),
        star_order_ok=star.order_ok if star else None,
        fixes=tuple([Fix(cid, title, lost, fix) for _, cid, _, lost, title, fix in to_fix]),
        job=analysis.job_terms if analysis.job_text else None,
        name=name,
        notes=tuple(notes),
    )


def _skipped_values(score: float) -> tuple[float, float, float]:
    """A skipped criterion's score, points and points at stake as the card shows them."""
    return round(score, 3), round(0.0 * score, 2), 0.0


# A criterion's fixed parts in one report language: id, title, weight, fix, checks, why,
# check kind and rule.
_CriterionTexts = tuple[str, str, float, str, str, str, str, str]
# What a score comes to on the card: the score and points shown, the level, the points
# lost (for ordering the fixes) and the points lost as shown.
_Values = tuple[float, float, str, float, float]
_MEMO_MAX = 2048  # distinct scores remembered per criterion and set of skipped criteria


class _Stake:
    """One criterion's share of the overall score, and what each of its scores comes to.

    ``round`` is correctly rounded (it goes through a decimal conversion), so three of them
    per criterion were a tenth of an answer's scoring; a criterion sees few distinct scores
    (0, 1 and a few fractions), so what a score comes to is worked out once and remembered.
    """

    __slots__ = ("_at_stake", "max_points", "values")

    def __init__(self, at_stake: float) -> None:
        self._at_stake = at_stake  # unrounded
        self.max_points = round(at_stake, 2)  # as the card shows it
        # The card's values for a score (``_values``), remembered per score.
        self.values: Callable[[float], _Values] = per_score(self._values, _MEMO_MAX)

    def _values(self, score: float) -> _Values:
        shown = round(score, 3)
        points = round(self._at_stake * score, 2)
        lost = self.max_points - points
        return shown, points, level_of(score), lost, round(lost, 1)


class _Plan:
    """What scoring a rubric in one report language takes that no answer changes: each
    criterion's check, parameters and fixed texts, and the points at stake for each set
    of skipped criteria. Worked out once per rubric and language."""

    __slots__ = ("_stakes", "checks", "rubric", "texts", "title", "uses_star", "weights")

    def __init__(self, rubric: Rubric, lang: str) -> None:
        self.rubric = rubric
        criteria = rubric.criteria
        self.checks = tuple((c.check, c.params) for c in criteria)
        self.weights = tuple(c.weight for c in criteria)
        self.texts: tuple[_CriterionTexts, ...] = tuple(
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
            for c in criteria
        )
        self.title = rubric.title.get(lang)
        self.uses_star = any(c.check in STAR_CHECKS for c in criteria)
        self._stakes: dict[tuple[bool, ...], tuple[_Stake | None, ...]] = {}

    def stakes(self, skipped: tuple[bool, ...]) -> tuple[_Stake | None, ...]:
        """Per criterion, its stake (None when skipped), when these criteria are skipped."""
        found = self._stakes.get(skipped)
        if found is None:
            total = sum(w for w, skip in zip(self.weights, skipped, strict=True) if not skip)
            total = total or 1.0
            found = tuple(
                None if skip else _Stake(100.0 * w / total)
                for w, skip in zip(self.weights, skipped, strict=True)
            )
            self._stakes[skipped] = found
        return found


_PLANS: dict[tuple[int, str], _Plan] = {}


def _plan(rubric: Rubric, lang: str) -> _Plan:
    """The rubric's plan in report language ``lang``, made once (``_Plan``)."""
    key = (id(rubric), lang)
    found = _PLANS.get(key)
    if found is None or found.rubric is not rubric:
        found = _PLANS[key] = _Plan(rubric, lang)
    return found


def _star_sentences(analysis: Analysis) -> tuple[StarSentence, ...]:
    sents = analysis.sentences  # a sentence's index is its position in the list
    return tuple(
        [
            StarSentence(i, sents[i].start, sents[i].end, label, cue)
            for i, label, cue in analysis.star.sentence_labels
        ]
    )
