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
    # batch: the input as a whole (the run stops)
    "E401": (
        "{path}: no such file or folder. Pass a .csv or .jsonl file, or a folder of .txt answers."
    ),
    "E402": (
        "{path}: cannot tell the input's format. Pass a .csv or .jsonl file, or a folder of "
        ".txt answers (with an optional manifest.csv)."
    ),
    "E403": (
        "{path}: row 1 (the header) lacks the required column '{column}' (found: {found}). "
        "Add it; the required columns are {required}."
    ),
    "E404": (
        "{path}: row 1 (the header) names the column '{column}' twice (columns {first} and "
        "{second}). Remove or rename one."
    ),
    "E405": ("{path}: has no header row. The first row must name the columns, e.g. {required}."),
    "E406": "{path}: cannot be read ({reason}). Check the file's permissions.",
    "E407": (
        "{path}: the folder is not empty and was not written by 'answer-check batch'. Choose a "
        "new or empty folder for --out: a batch run replaces what it wrote before there."
    ),
    "E408": (
        "{path}: a folder without manifest.csv needs --stage (hr or user) for its answers, or a "
        "manifest.csv with the columns file, stage, question."
    ),
    "E409": "{path}: no answers found. {hint}",
    "E410": (
        "{path}: row 1 (the header) has an empty column name in column {column}. Name every "
        "column, or delete the empty one."
    ),
    # batch: one record (it is listed as failed; the run goes on)
    "E411": "{where}: unknown stage '{value}' in column 'stage'. Use hr or user.",
    "E412": (
        "{where}: unknown question type '{value}' in column 'type' for stage '{stage}'. Use one "
        "of: {choices}; or leave it empty to detect the type from the question."
    ),
    "E413": (
        "{where}: unknown language '{value}' in column 'lang'. Use en or id, or leave it empty."
    ),
    "E414": (
        "{where}: '{value}' in column 'coach_score' is not a number from 0 to 100. Fix it or "
        "leave it empty."
    ),
    "E415": (
        "{where}: the job description file '{value}' in column 'job' {reason}. Paths are "
        "relative to the input file's folder; or put the job description's text in the cell."
    ),
    "E416": (
        "{where}: the row has {cells} cells but the header has {columns} columns. Look for an "
        "unquoted comma or a missing closing quote."
    ),
    "E417": (
        "{where}: is not valid JSON ({detail} at character {col}). Write one JSON object per line."
    ),
    "E418": "{where}: is a JSON {kind}, not an object. Write one JSON object per line.",
    "E419": ("{where}: the required field '{column}' is missing. Every record needs {required}."),
    "E420": "{where}: field '{column}' must be text, not {kind}.",
    "E421": (
        "{where}: the answer file '{value}' named in column 'file' is not in the folder. Fix "
        "the name in manifest.csv or add the file."
    ),
    "E422": (
        "{where}: is not listed in manifest.csv. Add a row for it (file, stage, question) or "
        "move it out of the folder."
    ),
    "E423": (
        "{where}: the stage is empty. Fill in column 'stage' (hr or user), or pass --stage "
        "for records without one."
    ),
    "E424": (
        "{where}: the stage is '{stage}' but --rubric {rubric} is for stage '{rubric_stage}'. "
        "Score these records in a separate run."
    ),
    "E425": "{where}: cannot be read as CSV ({detail}). Check the quotes in this row.",
    "E426": "{where}: cannot be read ({reason}). Check the file's permissions.",
    "E427": (
        "{where}: no built-in rubric for stage '{stage}' and question type '{qtype}' (the type "
        "{how}). Put a type that has one in column 'type' (see 'answer-check rubrics'), or pass "
        "--rubric."
    ),
    "E499": "{where}: internal error while scoring ({detail}). Please report it.",
    # batch: the run itself
    "E430": (
        "a worker process stopped unexpectedly ({how}), so the run stopped; the folder keeps "
        "the earlier run's files. If the computer ran out of memory, run again with --jobs 1."
    ),
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


class BatchError(AnswerCheckError):
    """A batch input (as a whole) or output folder cannot be used: the run stops."""
