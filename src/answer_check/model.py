"""The ScoreCard and its parts: plain dataclasses that every renderer and test reads.

Treat them as read-only once made. The parts made many times per answer (Evidence,
CriterionResult, ...) are plain slotted dataclasses rather than frozen ones: a frozen
dataclass sets each field through ``object.__setattr__``, which made building them
three to four times slower, and a batch builds dozens of them per answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"
STAR_KEYS = ("situation", "task", "action", "result")


@dataclass(slots=True)
class Evidence:
    """A span of the answer that a rule matched.

    ``start``/``end`` are 0-based, end-exclusive character offsets into the answer text;
    ``text`` equals ``answer[start:end]``. ``rule`` names the word list or parameter and
    the term that fired; ``polarity`` is "+" when the span earns points, "-" when it costs.
    """

    start: int
    end: int
    text: str
    rule: str
    polarity: str = "+"

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": self.rule,
            "polarity": self.polarity,
        }


@dataclass(slots=True)
class CriterionResult:
    """How one rubric criterion scored, why, and what to do about it."""

    id: str
    title: str
    weight: float
    score: float  # 0..1
    points: float  # share of the overall 0..100 score earned
    max_points: float  # share of the overall score at stake
    level: str  # "met" | "partial" | "missing"
    message: str  # what was found or is missing
    suggestion: str  # what to do (empty when met)
    checks: str  # what the criterion checks
    why: str  # why it matters
    check: str  # the check kind
    rule: str  # rubric file and criterion, e.g. "hr/behavioral.toml#action"
    evidence: tuple[Evidence, ...] = ()
    skipped: bool = False  # not applicable (e.g. no question given); weight not counted

    def to_dict(self) -> dict[str, Any]:
        # Written out (not dataclasses.asdict, which deep-copies): keys in field order.
        return {
            "id": self.id,
            "title": self.title,
            "weight": self.weight,
            "score": self.score,
            "points": self.points,
            "max_points": self.max_points,
            "level": self.level,
            "message": self.message,
            "suggestion": self.suggestion,
            "checks": self.checks,
            "why": self.why,
            "check": self.check,
            "rule": self.rule,
            "evidence": [e.to_dict() for e in self.evidence] if self.evidence else [],
            "skipped": self.skipped,
        }


@dataclass(slots=True)
class StarSentence:
    """One sentence of the answer with its STAR label and the cue that decided it."""

    index: int
    start: int
    end: int
    label: str  # situation | task | action | result | reflection | none
    cue: Evidence | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "cue": self.cue.to_dict() if self.cue else None,
        }


@dataclass(slots=True)
class JobTerm:
    """A key term of the job description and where the answer covers it."""

    term: str
    covered: bool
    evidence: tuple[Evidence, ...] = ()
    weight: float = 1.0  # 1.0 for a requirement, 0.5 for a nice-to-have
    why: str = ""  # why the term was extracted from the job text
    required: bool = True
    listed_only: bool = False  # covered only by bare mentions (no action of the speaker)

    def to_dict(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "covered": self.covered,
            "evidence": [e.to_dict() for e in self.evidence],
            "listed_only": self.listed_only,
            "required": self.required,
            "why": self.why,
        }


@dataclass(slots=True)
class Fix:
    """One thing to fix next, with the points at stake."""

    criterion: str
    title: str
    points: float
    suggestion: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "title": self.title,
            "points": self.points,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class QuestionInfo:
    """The question, its type and how the type was chosen."""

    text: str | None
    type: str
    source: str  # "detected" | "given" | "default"
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "type": self.type, "source": self.source, "cue": self.cue}


@dataclass(slots=True)
class ScoreCard:
    """The whole result of scoring one answer (slotted, not frozen, like its parts)."""

    score: int
    band: str
    stage: str
    question: QuestionInfo
    lang: str
    report_lang: str
    rubric_id: str
    rubric_version: str
    rubric_title: str
    criteria: tuple[CriterionResult, ...]
    answer: str
    words: int
    speaking_seconds: int
    star: dict[str, tuple[Evidence, ...]] | None = None
    star_sentences: tuple[StarSentence, ...] = ()
    star_order_ok: bool | None = None
    job: tuple[JobTerm, ...] | None = None
    fixes: tuple[Fix, ...] = ()
    name: str = "answer"
    notes: tuple[str, ...] = field(default=())

    @property
    def question_type(self) -> str:
        return self.question.type

    def to_dict(self) -> dict[str, Any]:
        """The JSON report (schema documented in the README)."""
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "score": self.score,
            "band": self.band,
            "stage": self.stage,
            "question_type": self.question.type,
            "question": self.question.to_dict(),
            "lang": self.lang,
            "report_lang": self.report_lang,
            "rubric": {
                "id": self.rubric_id,
                "version": self.rubric_version,
                "title": self.rubric_title,
            },
            "answer": {
                "text": self.answer,
                "words": self.words,
                "speaking_seconds": self.speaking_seconds,
            },
            "criteria": [c.to_dict() for c in self.criteria],
            "fixes": [f.to_dict() for f in self.fixes],
            "notes": list(self.notes),
        }
        if self.star is not None:
            data["star"] = {k: [e.to_dict() for e in self.star.get(k, ())] for k in STAR_KEYS}
            data["star_sentences"] = [s.to_dict() for s in self.star_sentences]
            data["star_order_ok"] = self.star_order_ok
        if self.job is not None:
            data["job"] = {"terms": [t.to_dict() for t in self.job]}
        return data
