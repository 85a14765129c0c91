"""The ``answer-check`` command line: parse options, call the library, print, exit code."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from answer_check import __version__
from answer_check.errors import AnswerCheckError, UsageError

STAGES = ("hr", "user")
CLOSED_PIPE = 141  # the exit status when stdout's reader has gone: 128 + SIGPIPE


class Cli(click.Group):
    """A click group that turns every AnswerCheckError into one line on stderr and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        # Start-up (spaCy, the pipeline, rubrics, word lists) makes hundreds of thousands of
        # objects that live as long as the command; the garbage collector would scan them
        # again and again for no garbage (a tenth of start-up). It is off while a command
        # runs; ``batch`` turns it back on for the scoring, with those objects frozen.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return super().invoke(ctx)
        except AnswerCheckError as exc:
            click.echo(f"answer-check: error [{exc.code}]: {exc.message}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("answer-check: interrupted.", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # The output's reader stopped reading (``answer-check ... | head``): end quietly,
            # with the status of a command that a closed pipe stops (128 + SIGPIPE).
            ctx.exit(CLOSED_PIPE)
        except Exception as exc:  # a bug: say so in one line; the traceback on request
            if os.environ.get("ANSWER_CHECK_DEBUG"):
                raise
            click.echo(
                f"answer-check: internal error ({type(exc).__name__}: {exc}). Please report it; "
                "set ANSWER_CHECK_DEBUG=1 to see the traceback.",
                err=True,
            )
            ctx.exit(70)
        finally:
            if collecting:
                gc.enable()


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="answer-check")
def main() -> None:
    """Rehearse and grade job-interview answers with explainable rules.

    \b
    Example:
      answer-check score answer.txt --stage hr --question "Tell me about a time you failed."
    """


def run() -> NoReturn:
    """The ``answer-check`` command: ``main``, then exit without tearing the objects down.

    A command ends with hundreds of thousands of objects alive: spaCy's vocabulary and
    pipeline, the rubrics, word lists and matchers. Freeing them one by one at interpreter
    exit took 0.15 to 0.2 s after the work was done (a fifth of ``score``'s time). By the
    time ``main`` returns, every file it wrote is complete and closed (written atomically,
    see ``output.write_atomic``) and the worker processes of ``batch`` have exited, so only
    the standard streams are left: they are flushed here, then the process exits at once.
    """
    try:
        main()
    except SystemExit as exc:
        code = _exit_status(exc.code)
    else:  # pragma: no cover - click's main always exits
        code = 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            # The reader went away (``answer-check ... | head``): nothing more can be said
            # there, and Python's own "Exception ignored" message would only be noise.
            code = code or CLOSED_PIPE
    os._exit(code)


def _exit_status(code: Any) -> int:
    """The exit status Python gives ``SystemExit(code)``; a message goes to stderr."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


@main.command()
@click.argument("path", metavar="PATH|-")
@click.option(
    "--stage",
    type=click.Choice(STAGES),
    default="hr",
    show_default=True,
    help="Interview stage: hr (recruiter) or user (future manager).",
)
@click.option(
    "--question", "question", metavar="TEXT", help="The interview question, to detect its type."
)
@click.option(
    "--question-file", type=click.Path(dir_okay=False), help="Read the question from a file."
)
@click.option(
    "--type",
    "qtype",
    default="auto",
    show_default=True,
    metavar="auto|NAME",
    help="Question type; 'auto' detects it from the question.",
)
@click.option(
    "--rubric", "rubric_ref", metavar="ID|PATH", help="A rubric id or a rubric .toml file."
)
@click.option(
    "--lang",
    type=click.Choice(("auto", "en", "id")),
    default="auto",
    show_default=True,
    help="The answer's language; 'auto' detects it.",
)
@click.option(
    "--report-lang",
    type=click.Choice(("auto", "en", "id")),
    default="auto",
    show_default=True,
    help="The report's language; 'auto' follows the answer.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json", "html")),
    default="text",
    show_default=True,
    help="text: summary here + HTML report file; json: JSON on stdout.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file."
)
@click.option(
    "--job",
    "job_file",
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="A job description (text file): its key terms are matched in the answer.",
)
@click.option(
    "--terms",
    "terms_file",
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="Your own technical terms, one per line (counted as concrete detail).",
)
@click.option("--open", "open_report", is_flag=True, help="Open the HTML report in a browser.")
def score(
    path: str,
    stage: str,
    question: str | None,
    question_file: str | None,
    qtype: str,
    rubric_ref: str | None,
    lang: str,
    report_lang: str,
    fmt: str,
    output: str | None,
    job_file: str | None,
    terms_file: str | None,
    open_report: bool,
) -> None:
    """Score one answer (a text file, or - for stdin).

    \b
    Examples:
      answer-check score examples/hr_behavioral_strong.txt --stage hr
      pbpaste | answer-check score - --stage user --question "How did you speed up the API?"
      answer-check score answer.txt --format json > report.json
      answer-check score answer.txt --stage user --job jobdesc.txt --terms my_terms.txt
    """
    from answer_check.app import ScoreOptions, run_score

    if question and question_file:
        raise UsageError("E203")
    result = run_score(
        ScoreOptions(
            path=path,
            stage=stage,
            question=question,
            question_file=question_file,
            qtype=None if qtype == "auto" else qtype,
            rubric=rubric_ref,
            lang=None if lang == "auto" else lang,
            report_lang=None if report_lang == "auto" else report_lang,
            fmt=fmt,
            output=output,
            color=sys.stdout.isatty(),
            terms_file=terms_file,
            job_file=job_file,
        )
    )
    if result.stdout:
        click.echo(result.stdout, nl=False)
    if result.report_path is not None:
        from answer_check.i18n import t

        click.echo(
            t("ui.report_saved", result.report_lang, path=result.report_path), err=fmt == "json"
        )
        if open_report:
            click.launch(str(result.report_path))


@main.group(invoke_without_command=True)
@click.pass_context
def rubrics(ctx: click.Context) -> None:
    """List the built-in rubrics (id, stage, question type, title).

    \b
    Examples:
      answer-check rubrics
      answer-check rubrics show hr.behavioral
    """
    if ctx.invoked_subcommand is None:
        from answer_check.app import list_rubrics

        click.echo(list_rubrics(), nl=False)


@rubrics.command("show")
@click.argument("rubric_ref", metavar="ID|PATH")
def rubrics_show(rubric_ref: str) -> None:
    """Print a rubric's criteria, weights and what each checks.

    \b
    Example:
      answer-check rubrics show hr.behavioral
    """
    from answer_check.app import show_rubric

    click.echo(show_rubric(rubric_ref), nl=False)


@main.command()
@click.option(
    "--stage",
    type=click.Choice(STAGES),
    default="hr",
    show_default=True,
    help="Interview stage: hr (recruiter) or user (future manager).",
)
@click.option("--type", "qtype", metavar="NAME", help="Only this question type.")
@click.option("--lang", type=click.Choice(("en", "id")), help="Only this language.")
def questions(stage: str, qtype: str | None, lang: str | None) -> None:
    """Print sample interview questions per type, in English and Indonesian, to practise with.

    \b
    Examples:
      answer-check questions --stage hr
      answer-check questions --stage hr --type situational --lang id
    """
    from answer_check.app import list_practice_questions

    click.echo(list_practice_questions(stage, qtype, lang), nl=False)


class _Bar:
    """The batch progress bar on stderr (only shown on a terminal)."""

    def __init__(self) -> None:
        self._bar: Any = None

    def start(self, total: int | None) -> None:
        self._bar = click.progressbar(
            length=total, label="Scoring", file=sys.stderr, show_pos=True, show_eta=True, width=30
        )
        self._bar.__enter__()

    def advance(self, n: int = 1) -> None:
        self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder (created; an earlier run's results there are replaced).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: the number of CPUs].",
)
@click.option(
    "--rubric",
    "rubric_ref",
    metavar="ID|PATH",
    help="Score every answer with this rubric instead of the one for its question type.",
)
@click.option(
    "--stage",
    type=click.Choice(STAGES),
    default=None,
    help="Stage of records that give none (e.g. a folder without manifest.csv).",
)
@click.option(
    "--report-lang",
    type=click.Choice(("auto", "en", "id")),
    default="auto",
    show_default=True,
    help="Reports' and dashboard's language; 'auto' follows the answers.",
)
@click.option(
    "--no-html",
    is_flag=True,
    help="Scoring alone: results.jsonl, scores.csv and errors.csv; no HTML.",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="No progress bar and no summary (failures are still reported).",
)
def batch(
    input_path: Path,
    out: Path,
    jobs: int | None,
    rubric_ref: str | None,
    stage: str | None,
    report_lang: str,
    no_html: bool,
    quiet: bool,
) -> None:
    """Score a class's answers: a report each, a dashboard, scores.csv.

    INPUT is a .csv or .jsonl file (columns id, student, question, stage, answer; optional
    type, job, lang, coach_score) or a folder of .txt answers with an optional manifest.csv
    (file, stage, question, ...). Exit code 1 when any record could not be scored.

    \b
    Examples:
      answer-check batch class.csv --out results/
      answer-check batch answers/ --stage hr --out results/ --jobs 2
      answer-check batch class.jsonl --out results/ --no-html --quiet
    """
    from answer_check.batch import BatchOptions, run_batch

    bar = _Bar() if not quiet and sys.stderr.isatty() else None
    try:
        summary = run_batch(
            BatchOptions(
                input=input_path,
                out=out,
                jobs=jobs or os.cpu_count() or 1,
                rubric=rubric_ref,
                stage=stage,
                report_lang=None if report_lang == "auto" else report_lang,
                html=not no_html,
                progress=bar,
            )
        )
    finally:
        if bar is not None:
            bar.close()
    if summary.ignored_columns:
        click.echo(
            f"answer-check: note: columns not used: {', '.join(summary.ignored_columns)}", err=True
        )
    if not quiet:
        workers = "1 process" if summary.jobs == 1 else f"{summary.jobs} worker processes"
        click.echo(
            f"Scored {summary.scored} of {summary.total} answers in "
            f"{summary.seconds:.1f} s ({workers})."
        )
        if summary.index is not None:
            click.echo(f"Dashboard: {summary.index}")
        click.echo(f"Files: {summary.out / 'scores.csv'}, {summary.out / 'results.jsonl'}")
    if summary.failed:
        click.echo(
            f"answer-check: {summary.failed} of {summary.total} records failed; "
            f"see {summary.errors}.",
            err=True,
        )
        raise SystemExit(1)
