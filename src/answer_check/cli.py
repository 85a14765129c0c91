"""The ``answer-check`` command line: parse options, call the library, print, exit code."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from answer_check import __version__
from answer_check.errors import AnswerCheckError, UsageError

STAGES = ("hr", "user")


class Cli(click.Group):
    """A click group that turns every AnswerCheckError into one line on stderr and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
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
        except Exception as exc:  # a bug: say so in one line; the traceback on request
            if os.environ.get("ANSWER_CHECK_DEBUG"):
                raise
            click.echo(
                f"answer-check: internal error ({type(exc).__name__}: {exc}). Please report it; "
                "set ANSWER_CHECK_DEBUG=1 to see the traceback.",
                err=True,
            )
            ctx.exit(70)


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="answer-check")
def main() -> None:
    """Rehearse and grade job-interview answers with explainable rules.

    \b
    Example:
      answer-check score answer.txt --stage hr --question "Tell me about a time you failed."
    """


@main.command()
@click.argument("path", metavar="PATH|-")
@click.option("--stage", type=click.Choice(STAGES), default="hr", show_default=True,
              help="Interview stage: hr (recruiter) or user (future manager).")
@click.option("--question", "question", metavar="TEXT", help="The interview question, to detect its type.")
@click.option("--question-file", type=click.Path(dir_okay=False), help="Read the question from a file.")
@click.option("--type", "qtype", default="auto", show_default=True, metavar="auto|NAME",
              help="Question type; 'auto' detects it from the question.")
@click.option("--rubric", "rubric_ref", metavar="ID|PATH", help="A rubric id or a rubric .toml file.")
@click.option("--lang", type=click.Choice(("auto", "en", "id")), default="auto", show_default=True,
              help="The answer's language; 'auto' detects it.")
@click.option("--report-lang", type=click.Choice(("auto", "en", "id")), default="auto", show_default=True,
              help="The report's language; 'auto' follows the answer.")
@click.option("--format", "fmt", type=click.Choice(("text", "json", "html")), default="text",
              show_default=True, help="text: summary here + HTML report file; json: JSON on stdout.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--job", "job_file", type=click.Path(dir_okay=False), metavar="PATH",
              help="A job description (text file): its key terms are matched in the answer.")
@click.option("--terms", "terms_file", type=click.Path(dir_okay=False), metavar="PATH",
              help="Your own technical terms, one per line (counted as concrete detail).")
@click.option("--open", "open_report", is_flag=True, help="Open the HTML report in a browser.")
def score(path: str, stage: str, question: str | None, question_file: str | None, qtype: str,
          rubric_ref: str | None, lang: str, report_lang: str, fmt: str, output: str | None,
          job_file: str | None, terms_file: str | None, open_report: bool) -> None:
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
    result = run_score(ScoreOptions(
        path=path, stage=stage, question=question, question_file=question_file,
        qtype=None if qtype == "auto" else qtype, rubric=rubric_ref,
        lang=None if lang == "auto" else lang,
        report_lang=None if report_lang == "auto" else report_lang,
        fmt=fmt, output=output, color=sys.stdout.isatty(), terms_file=terms_file,
        job_file=job_file,
    ))
    if result.stdout:
        click.echo(result.stdout, nl=False)
    if result.report_path is not None:
        from answer_check.i18n import t

        click.echo(t("ui.report_saved", result.report_lang, path=result.report_path),
                   err=fmt == "json")
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
@click.option("--stage", type=click.Choice(STAGES), default="hr", show_default=True,
              help="Interview stage: hr (recruiter) or user (future manager).")
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
