"""Every error a user can see, each with a stable code and the fix to suggest."""

from __future__ import annotations

from typing import Any

# Exit codes shared by every command.
EXIT_OK = 0
EXIT_INPUT = 1  # bad answer, bad rubric, bad batch record: the user must fix a file
EXIT_USAGE = 2  # bad option or argument: the user must fix the command line

MESSAGES: dict[str, str] = {
    # input files
    "E001": "{path}: no such file. Check the path, or pass - to read the answer from stdin.",
    "E002": "{path}: is a folder, not a file. Pass the answer's text file (or - for stdin).",
    "E003": "{path}: the answer is empty. Write or paste your answer into the file and run again.",
    "E004": "{path}: looks like binary data, not text. Save the answer as a plain-text (.txt) file.",
    "E005": (
        "{path}: is not valid UTF-8 (bad byte at offset {offset}). Save the file as UTF-8 "
        "(or UTF-16 with a byte-order mark) and run again."
    ),
    "E006": (
        "{path}: the answer has {words} words, over the limit of {limit}. Score one answer at "
        "a time, or use 'answer-check batch' for many."
    ),
    "E007": "{path}: cannot be read ({reason}). Check the file's permissions.",
    "E008": (
        "{path}: looks like an HTML or rich-text document, not the answer's plain text. "
        "Paste the answer into a .txt file."
    ),
    # rubrics
    "E101": "{where}: TOML syntax error: {detail}. Fix the rubric file at that line.",
    "E102": "{where}: {detail}",
    "E103": (
        "unknown rubric '{rubric}'. Run 'answer-check rubrics' to list them, or pass the path "
        "of a .toml file."
    ),
    "E104": (
        "no built-in rubric for stage '{stage}' and question type '{qtype}'. Choose a type with "
        "--type (see 'answer-check rubrics') or pass --rubric."
    ),
    "E105": "{where}: word list '{name}' not found (looked for {looked}). Add the file or fix the name.",
    "E106": (
        "rubric '{rubric}' is for stage '{rubric_stage}', but --stage is '{stage}'. "
        "Pass the matching --stage or another --rubric."
    ),
    # options
    "E201": "unknown question type '{qtype}' for stage '{stage}'. Choose one of: {choices}.",
    "E202": "{path}: the question file is empty. Put the interview question in it, or use --question.",
    "E203": "use either --question or --question-file, not both.",
    "E204": "{path}: the terms file has no terms. Put one term per line.",
    "E205": "{path}: no such file (given to {option}). Check the path.",
    "E206": "{path}: the job description is empty. Paste the job ad's text into the file.",
    # output
    "E301": "cannot write {path} ({reason}). Choose another --output path or folder.",
}


class AnswerCheckError(Exception):
    """A user-facing error: a stable code, a one-line message and an exit code."""

    exit_code = EXIT_INPUT

    def __init__(self, code: str, **fields: Any) -> None:
        self.code = code
        self.fields = fields
        super().__init__(MESSAGES[code].format(**fields))

    @property
    def message(self) -> str:
        return str(self)


class InputError(AnswerCheckError):
    """The answer, question or terms file cannot be used."""


class RubricError(AnswerCheckError):
    """A rubric file or word list is missing or invalid."""


class UsageError(AnswerCheckError):
    """An option's value does not make sense."""

    exit_code = EXIT_USAGE


class OutputError(AnswerCheckError):
    """A report cannot be written."""
