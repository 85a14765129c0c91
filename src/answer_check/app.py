"""What the commands do, as plain functions that return data: the CLI only prints it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from answer_check.errors import RubricError, UsageError
from answer_check.inputs import read_answer, read_question
from answer_check.model import ScoreCard
from answer_check.output import safe_name, write_atomic
from answer_check.rubric import Rubric, builtin_rubrics, resolve_rubric

DEFAULT_REPORTS = Path("reports")


@dataclass(frozen=True)
class ScoreOptions:
    """The options of ``answer-check score``."""

    path: str
    stage: str = "hr"
    question: str | None = None
    question_file: str | None = None
    qtype: str | None = None
    rubric: str | None = None
    lang: str | None = None
    report_lang: str | None = None
    fmt: str = "text"
    output: str | None = None
    color: bool = False
    terms_file: str | None = None
    job_file: str | None = None


@dataclass(frozen=True)
class ScoreResult:
    """What ``score`` produced: text for stdout and the report file written, if any."""

    card: ScoreCard
    stdout: str
    report_path: Path | None
    report_lang: str


def check_type(stage: str, qtype: str | None) -> None:
    """A forced question type must exist for the stage."""
    if qtype is None:
        return
    from answer_check.questions import question_types

    types = question_types(stage)
    if qtype not in types:
        raise UsageError("E201", qtype=qtype, stage=stage, choices=", ".join(types))


def run_score(opts: ScoreOptions) -> ScoreResult:
    """Read the answer, score it, render it and write the report file."""
    from answer_check.render import get_renderer
    from answer_check.scoring import Request, score

    answer = read_answer(opts.path)
    question = opts.question
    if opts.question_file:
        question = read_question(opts.question_file)
    if question is not None:
        question = " ".join(question.split()) or None
    check_type(opts.stage, opts.qtype)
    rubric: Rubric | None = None
    if opts.rubric:
        rubric = resolve_rubric(opts.rubric)
        if rubric.stage != opts.stage:
            raise RubricError(
                "E106", rubric=opts.rubric, rubric_stage=rubric.stage, stage=opts.stage
            )
    user_terms: tuple[str, ...] = ()
    if opts.terms_file:
        from answer_check.inputs import read_terms

        user_terms = tuple(read_terms(opts.terms_file))
    job_text = None
    if opts.job_file:
        from answer_check.inputs import read_job

        job_text = read_job(opts.job_file)
    card = score(
        Request(
            text=answer.text,
            stage=opts.stage,
            question=question,
            qtype=opts.qtype,
            rubric=rubric,
            lang=opts.lang,
            report_lang=opts.report_lang,
            user_terms=user_terms,
            job_text=job_text,
            name=answer.name,
        )
    )
    stdout = ""
    report_path: Path | None = None
    if opts.fmt == "json":
        text = get_renderer("json").render(card)
        if opts.output:
            report_path = Path(opts.output)
            write_atomic(report_path, text)
        else:
            stdout = text
    else:
        if opts.fmt == "text":
            stdout = get_renderer("text", color=opts.color).render(card)
        report_path = (
            Path(opts.output)
            if opts.output
            else (DEFAULT_REPORTS / f"{safe_name(answer.name)}-{opts.stage}.html")
        )
        write_atomic(report_path, get_renderer("html").render(card))
    return ScoreResult(card, stdout, report_path, card.report_lang)


def list_rubrics() -> str:
    """A table of the built-in rubrics."""
    rows = [("ID", "STAGE", "TYPE", "TITLE")]
    rows += [(r.id, r.stage, r.question_type, r.title.get("en")) for r in builtin_rubrics()]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = ["  ".join(row[i].ljust(widths[i]) for i in range(3)) + "  " + row[3] for row in rows]
    return "\n".join(lines) + "\n"


def show_rubric(ref: str) -> str:
    """A rubric's criteria, weights and what each checks."""
    rubric = resolve_rubric(ref)
    total = sum(c.weight for c in rubric.criteria)
    lines = [
        f"{rubric.id} v{rubric.version}: {rubric.title.get('en')}",
        f"stage: {rubric.stage}  question type: {rubric.question_type}  file: {rubric.path}",
        rubric.description.get("en"),
        "",
    ]
    for c in rubric.criteria:
        share = 100 * c.weight / total
        lines.append(
            f"- {c.id} ({c.title.get('en')}): weight {c.weight:g} ({share:.0f}% of the score), "
            f"check '{c.check}'"
        )
        lines.append(f"    checks: {c.checks.get('en')}")
        params = ", ".join(f"{k}={_fmt(v)}" for k, v in c.params.items() if v not in (None, (), ""))
        if params:
            lines.append(f"    params: {params}")
    return "\n".join(lines) + "\n"


def _fmt(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def list_practice_questions(stage: str, qtype: str | None = None, lang: str | None = None) -> str:
    """Sample questions to practise with, grouped by question type, each with its language."""
    from answer_check.questions import practice_questions, question_types

    check_type(stage, qtype)
    found = practice_questions(stage, qtype, lang)
    lines: list[str] = []
    for name in question_types(stage) if qtype is None else [qtype]:
        group = [q for q in found if q.type == name]
        if not group:
            continue
        if lines:
            lines.append("")
        lines.append(f"{stage}.{name}")
        lines.extend(f"  [{q.lang}] {q.text}" for q in group)
    return "\n".join(lines) + "\n" if lines else ""
