"""Score a class's answers in one run: stream records, score in worker processes, write outputs.

Data flow (one direction, bounded memory):

    read_records (CSV | JSONL | folder + manifest.csv; validate each record)
      -> chunks of records -> worker processes: nlp.pipe per chunk, score, render, write
         reports; each chunk's lines of results.jsonl and scores.csv wait in the worker
      -> the parent, in input order: tells each worker where its chunks' lines go (the
         workers write them there), keeps cohort aggregates
      -> scores.csv (its criterion columns), index.html (the dashboard), errors.csv

A record that cannot be scored becomes a failed record (listed in the dashboard and in
``errors.csv``); only a problem with the input as a whole (a missing file, a bad header) or
with the output folder stops the run. Every file is written atomically (a temporary file,
then a rename), and files of an earlier run that this run did not write are removed, but
only inside a folder that ``answer-check batch`` marked as its own.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import dataclasses
import gc
import io
import json
import math
import multiprocessing
import os
import pickle
import shutil
import signal
import tempfile
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from multiprocessing.connection import Connection
from operator import attrgetter
from pathlib import Path
from typing import IO, Any, NamedTuple, Protocol

import orjson

from answer_check.cohort import AnswerRow, Cohort, CriteriaTally, FailedRow
from answer_check.errors import MESSAGES, AnswerCheckError, BatchError, InputError
from answer_check.inputs import clean_text, decode
from answer_check.memo import per_score
from answer_check.nlp import pipeline
from answer_check.output import FILE_MODE, safe_name, write_atomic
from answer_check.rubric import STAGES, Rubric
from answer_check.scoring import Request, choose_language, score

REQUIRED = ("id", "student", "question", "stage", "answer")
OPTIONAL = ("type", "job", "lang", "coach_score")
MANIFEST = "manifest.csv"
MANIFEST_REQUIRED = ("file", "stage", "question")
MANIFEST_OPTIONAL = ("id", "student", "type", "job", "lang", "coach_score")
LANGS = ("en", "id")
NUMBER_FIELDS = ("id", "student", "coach_score")  # JSON numbers accepted for these fields

# The files a run writes into the output folder; REPORTS_DIR holds one HTML report per answer.
MARKER = ".answer-check-batch"
INDEX = "index.html"
SCORES = "scores.csv"
RESULTS = "results.jsonl"
ERRORS = "errors.csv"
REPORTS_DIR = "reports"
OWNED = (INDEX, SCORES, RESULTS, ERRORS)

# Records per worker task: large enough for nlp.pipe and to keep the hand-over cheap, small
# enough that every worker gets several (see chunk_size) and the results stream.
CHUNK = 48  # when the number of records is not known
CHUNK_RANGE = (8, 128)
JOB_PATH_SUFFIXES = (".txt", ".md")
_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(10)] + [f"LPT{i}" for i in range(10)]
)


# --------------------------------------------------------------------------------------
# Records


@dataclass(slots=True)
class Record:
    """One answer to score, validated, with the report file name the parent chose for it."""

    index: int
    where: str  # for messages: "class.csv row 4", "class.jsonl line 7", "answers/ayu.txt"
    id: str
    student: str
    question: str | None
    stage: str
    answer: str
    qtype: str | None = None
    job: str | None = None  # the job description's text
    lang: str | None = None
    coach_score: float | None = None
    report: str | None = None  # file name inside reports/, set by the parent

    def __reduce__(self) -> tuple[type[Record], tuple[Any, ...]]:
        # Every record is pickled to a worker: its fields as one tuple pickle in half the
        # time of the default slotted-dataclass state, and unpickle in half the time too.
        return (Record, _RECORD_FIELDS(self))


_RECORD_FIELDS = attrgetter(*(f.name for f in dataclasses.fields(Record)))

# A record that cannot be scored (where it is, which column, and why) is exactly the failed
# row the dashboard lists: one type for both.
RecordError = FailedRow


class _Invalid(Exception):
    """Raised inside record validation; becomes a RecordError."""

    def __init__(self, column: str, code: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.code = code
        self.message = message


def _invalid(column: str, code: str, **fields: Any) -> _Invalid:
    return _Invalid(column, code, MESSAGES[code].format(**fields))


def _from_input_error(column: str, exc: AnswerCheckError) -> _Invalid:
    return _Invalid(column, exc.code, exc.message)


@dataclass
class Defaults:
    """What records that leave a field empty get, and what every record must fit."""

    stage: str | None = None
    rubric: Rubric | None = None


class _JobTexts:
    """Job descriptions read from files, cached by path (a class often shares one)."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._cache: dict[Path, str | _Invalid] = {}

    def get(self, value: str, where: str) -> str:
        if "\n" in value or not value.lower().endswith(JOB_PATH_SUFFIXES):
            return value
        path = (self.base / value).resolve()
        found = self._cache.get(path)
        if found is None:
            found = self._read(path, value, where)
            self._cache[path] = found
        if isinstance(found, _Invalid):
            raise _invalid("job", "E415", where=where, value=value, reason=found.message)
        return found

    @staticmethod
    def _read(path: Path, value: str, where: str) -> str | _Invalid:
        if not path.is_file():
            return _Invalid("job", "E415", "was not found")
        try:
            return clean_text(decode(path.read_bytes(), value), value)
        except OSError as exc:
            return _Invalid("job", "E415", f"cannot be read ({exc.strerror})")
        except InputError as exc:
            return _Invalid("job", "E415", f"cannot be used ({exc.code}: {exc.message})")


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _coach_score(raw: str, where: str) -> float | None:
    if not raw:
        return None
    text = raw.replace(",", ".") if raw.count(",") == 1 and "." not in raw else raw
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (0 <= value <= 100):  # also rejects nan
        raise _invalid("coach_score", "E414", where=where, value=raw)
    return value


def make_record(
    fields: dict[str, Any],
    index: int,
    where: str,
    defaults: Defaults,
    jobs: _JobTexts,
    answer_where: str | None = None,
) -> Record | RecordError:
    """Validate one record's fields (already strings or None) into a Record or a RecordError."""
    rid = _text(fields.get("id"))
    student = _text(fields.get("student"))
    try:
        stage = _text(fields.get("stage")).lower()
        if not stage:
            if defaults.stage is None:
                raise _invalid("stage", "E423", where=where)
            stage = defaults.stage
        if stage not in STAGES:
            raise _invalid("stage", "E411", where=where, value=fields.get("stage"))
        qtype = _text(fields.get("type")).lower() or None
        if qtype == "auto":
            qtype = None
        if qtype is not None:
            from answer_check.questions import question_types

            types = question_types(stage)
            if qtype not in types:
                raise _invalid(
                    "type", "E412", where=where, value=qtype, stage=stage, choices=", ".join(types)
                )
        lang = _text(fields.get("lang")).lower() or None
        if lang == "auto":
            lang = None
        if lang is not None and lang not in LANGS:
            raise _invalid("lang", "E413", where=where, value=lang)
        coach = _coach_score(_text(fields.get("coach_score")), where)
        rubric = defaults.rubric
        if rubric is not None and rubric.stage != stage:
            raise _invalid(
                "stage",
                "E424",
                where=where,
                stage=stage,
                rubric=rubric.id,
                rubric_stage=rubric.stage,
            )
        raw_answer = fields.get("answer")
        label = answer_where or f"{where}, column 'answer'"
        try:
            answer = clean_text("" if raw_answer is None else str(raw_answer), label)
        except InputError as exc:
            raise _from_input_error("answer", exc) from None
        job_raw = _text(fields.get("job"))
        job = jobs.get(job_raw, where) if job_raw else None
    except _Invalid as bad:
        return RecordError(index, where, rid, student, bad.column, bad.code, bad.message)
    question = " ".join(_text(fields.get("question")).split()) or None
    return Record(
        index=index,
        where=where,
        id=rid,
        student=student,
        question=question,
        stage=stage,
        answer=answer,
        qtype=qtype,
        job=job,
        lang=lang,
        coach_score=coach,
    )


# --------------------------------------------------------------------------------------
# Readers


@cache
def _norm_header(name: str) -> str:
    return "_".join(name.strip().lstrip("\ufeff").lower().replace("-", " ").split())


def _lines(fh: IO[bytes], bad: dict[int, int]) -> Iterator[str]:
    """Decode a file line by line as UTF-8 (BOM optional); note lines that are not UTF-8.

    A line that does not decode is replaced leniently so that the reader can go on, and its
    number goes into ``bad`` (line -> byte offset) so the record holding it fails.
    """
    for number, raw in enumerate(fh, 1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad[number] = exc.start
            yield raw.decode("utf-8", "replace")


def _open_text_lines(fh: IO[bytes], bad: dict[int, int]) -> Iterator[str]:
    head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return iter(io.TextIOWrapper(fh, encoding="utf-16", newline=""))
    return _lines(fh, bad)


def _sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


class CsvTable:
    """A CSV file read row by row, its header validated before the first row is read."""

    def __init__(self, path: Path, required: tuple[str, ...], optional: tuple[str, ...]) -> None:
        self.path = path
        self.name = path.name
        self.bad_lines: dict[int, int] = {}
        try:
            self._fh: IO[bytes] = path.open("rb")
        except OSError as exc:
            raise BatchError(
                "E406", path=str(path), reason=exc.strerror or type(exc).__name__
            ) from None
        lines = _open_text_lines(self._fh, self.bad_lines)
        first = next(lines, None)
        while first is not None and not first.strip():
            first = next(lines, None)
        if first is None:
            self.close()
            raise BatchError("E405", path=str(path), required=", ".join(required))
        self._head_line = 1
        delimiter = _sniff_delimiter(first)

        def rest() -> Iterator[str]:
            yield first
            yield from lines

        self._reader = csv.reader(rest(), delimiter=delimiter)
        raw_header = next(self._reader)
        while raw_header and not raw_header[-1].strip():
            raw_header.pop()  # trailing empty columns (a spreadsheet's artefact)
        header = [_norm_header(h) for h in raw_header]
        seen: dict[str, int] = {}
        for i, name in enumerate(header):
            if not name:
                self.close()
                raise BatchError("E410", path=str(path), column=_column_letter(i))
            if name in seen:
                self.close()
                raise BatchError(
                    "E404",
                    path=str(path),
                    column=name,
                    first=_column_letter(seen[name]),
                    second=_column_letter(i),
                )
            seen[name] = i
        for name in required:
            if name not in seen:
                self.close()
                raise BatchError(
                    "E403",
                    path=str(path),
                    column=name,
                    found=", ".join(header) or "nothing",
                    required=", ".join(required),
                )
        self.header = header
        self.ignored = [h for h in header if h not in required and h not in optional]
        self._line = self._reader.line_num

    def close(self) -> None:
        self._fh.close()

    def rows(self) -> Iterator[tuple[int, dict[str, str] | _Invalid]]:
        """(spreadsheet row number, the row's fields or why it cannot be read)."""
        row_number = 1
        try:
            while True:
                try:
                    cells = next(self._reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    row_number += 1
                    self._line = self._reader.line_num
                    yield (
                        row_number,
                        _Invalid(
                            "",
                            "E425",
                            MESSAGES["E425"].format(
                                where=f"{self.name} row {row_number}", detail=exc
                            ),
                        ),
                    )
                    continue
                row_number += 1
                first_line, self._line = self._line + 1, self._reader.line_num
                if not any(c.strip() for c in cells):
                    continue
                where = f"{self.name} row {row_number}"
                bad = [n for n in range(first_line, self._line + 1) if n in self.bad_lines]
                if bad:
                    yield (
                        row_number,
                        _Invalid(
                            "",
                            "E005",
                            MESSAGES["E005"].format(
                                path=f"{where} (line {bad[0]})", offset=self.bad_lines[bad[0]]
                            ),
                        ),
                    )
                    continue
                while len(cells) > len(self.header) and not cells[-1].strip():
                    cells.pop()
                if len(cells) != len(self.header):
                    yield (
                        row_number,
                        _Invalid(
                            "",
                            "E416",
                            MESSAGES["E416"].format(
                                where=where, cells=len(cells), columns=len(self.header)
                            ),
                        ),
                    )
                    continue
                yield row_number, dict(zip(self.header, cells, strict=True))
        finally:
            self.close()


def _column_letter(i: int) -> str:
    """Spreadsheet column name of 0-based column ``i``: A, B, ..., Z, AA."""
    name = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        name = chr(65 + rem) + name
    return name


class Source(Protocol):
    """An input: a description, ignored columns, and its records in input order."""

    path: Path
    kind: str
    ignored: list[str]

    def records(self) -> Iterator[Record | RecordError]: ...

    def close(self) -> None: ...


class CsvSource:
    """A CSV file: one answer per row; the header names the columns."""

    kind = "csv"

    def __init__(self, path: Path, defaults: Defaults) -> None:
        self.path = path
        self.defaults = defaults
        self.table = CsvTable(path, REQUIRED, OPTIONAL)
        self.ignored = self.table.ignored

    def close(self) -> None:
        self.table.close()

    def records(self) -> Iterator[Record | RecordError]:
        jobs = _JobTexts(self.path.parent)
        for index, (row_number, fields) in enumerate(self.table.rows()):
            where = f"{self.path.name} row {row_number}"
            if isinstance(fields, _Invalid):
                yield RecordError(index, where, "", "", fields.column, fields.code, fields.message)
            else:
                yield make_record(fields, index, where, self.defaults, jobs)


class JsonlSource:
    """A JSON Lines file: one JSON object per line."""

    kind = "jsonl"

    def __init__(self, path: Path, defaults: Defaults) -> None:
        self.path = path
        self.defaults = defaults
        self.ignored: list[str] = []
        try:
            self._fh: IO[bytes] = path.open("rb")
        except OSError as exc:
            raise BatchError(
                "E406", path=str(path), reason=exc.strerror or type(exc).__name__
            ) from None

    def close(self) -> None:
        self._fh.close()

    def records(self) -> Iterator[Record | RecordError]:
        jobs = _JobTexts(self.path.parent)
        bad: dict[int, int] = {}
        index = 0
        ignored: set[str] = set()
        with self._fh:
            for number, line in enumerate(_lines(self._fh, bad), 1):
                if not line.strip():
                    continue
                where = f"{self.path.name} line {number}"
                result = self._record(line, number, where, bad, index, jobs, ignored)
                index += 1
                yield result
        self.ignored[:] = sorted(ignored)

    def _record(
        self,
        line: str,
        number: int,
        where: str,
        bad: dict[int, int],
        index: int,
        jobs: _JobTexts,
        ignored: set[str],
    ) -> Record | RecordError:
        def fail(code: str, column: str = "", **fields: Any) -> RecordError:
            return RecordError(
                index,
                where,
                "",
                "",
                column,
                code,
                MESSAGES[code].format(where=where, column=column, **fields),
            )

        if number in bad:
            return RecordError(
                index,
                where,
                "",
                "",
                "",
                "E005",
                MESSAGES["E005"].format(path=where, offset=bad[number]),
            )
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            return fail("E417", detail=exc.msg, col=exc.colno)
        if not isinstance(data, dict):
            return fail("E418", kind=_json_kind(data))
        fields: dict[str, str | None] = {}
        for key, value in data.items():
            name = _norm_header(str(key))
            if name not in _JSONL_COLUMNS:
                ignored.add(name)
                continue
            if type(value) is str:  # the usual case, first
                fields[name] = value
            elif value is None:
                fields[name] = None
            elif isinstance(value, bool | dict | list) or (
                isinstance(value, int | float) and name not in NUMBER_FIELDS
            ):
                return fail("E420", column=name, kind=_json_kind(value))
            else:
                fields[name] = str(value)
        for name in REQUIRED:
            if name not in fields:
                error = fail("E419", column=name, required=", ".join(REQUIRED))
                return RecordError(
                    index,
                    where,
                    _text(fields.get("id")),
                    _text(fields.get("student")),
                    name,
                    error.code,
                    error.message,
                )
        return make_record(fields, index, where, self.defaults, jobs)


_JSONL_COLUMNS = frozenset(REQUIRED + OPTIONAL)


def _json_kind(value: Any) -> str:
    return {
        dict: "object",
        list: "array",
        str: "string",
        bool: "true/false",
        int: "number",
        float: "number",
    }.get(type(value), "null")


class FolderSource:
    """A folder of .txt answers, one per file; ``manifest.csv`` (optional) describes them.

    The manifest has the columns ``file``, ``stage``, ``question`` and optionally ``id``,
    ``student``, ``type``, ``job``, ``lang``, ``coach_score``. Without it every ``*.txt`` file
    is one answer whose id and student are the file's name, scored with ``--stage``.
    """

    kind = "folder"

    def __init__(self, path: Path, defaults: Defaults) -> None:
        self.path = path
        self.defaults = defaults
        manifest = path / MANIFEST
        self.table = (
            CsvTable(manifest, MANIFEST_REQUIRED, MANIFEST_OPTIONAL) if manifest.is_file() else None
        )
        if self.table is None and defaults.stage is None:
            raise BatchError("E408", path=str(path))
        self.ignored = self.table.ignored if self.table else []

    def close(self) -> None:
        if self.table is not None:
            self.table.close()

    def _files(self) -> list[str]:
        return sorted(
            p.name for p in self.path.iterdir() if p.suffix.lower() == ".txt" and p.is_file()
        )

    def records(self) -> Iterator[Record | RecordError]:
        jobs = _JobTexts(self.path)
        files = self._files()
        index = 0
        if self.table is None:
            for name in files:
                stem = Path(name).stem
                yield self._read(
                    {"id": stem, "student": stem}, name, index, jobs, f"{self.path.name}/{name}"
                )
                index += 1
            return
        listed: set[str] = set()
        for row_number, fields in self.table.rows():
            where = f"{MANIFEST} row {row_number}"
            if isinstance(fields, _Invalid):
                yield RecordError(index, where, "", "", fields.column, fields.code, fields.message)
            else:
                name = fields["file"].strip()
                listed.add(name)
                fields.setdefault("id", "")
                fields.setdefault("student", "")
                if not fields["id"].strip():
                    fields["id"] = Path(name).stem
                if not fields["student"].strip():
                    fields["student"] = Path(name).stem
                yield self._read(fields, name, index, jobs, where)
            index += 1
        for name in files:
            if name not in listed:
                stem = Path(name).stem
                where = f"{self.path.name}/{name}"
                yield RecordError(
                    index, where, stem, stem, "file", "E422", MESSAGES["E422"].format(where=where)
                )
                index += 1

    def _read(
        self, fields: dict[str, Any], name: str, index: int, jobs: _JobTexts, where: str
    ) -> Record | RecordError:
        path = self.path / name
        rid, student = _text(fields.get("id")), _text(fields.get("student"))
        inside = path.resolve().parent == self.path.resolve()
        if not name or not inside or not path.is_file():
            return RecordError(
                index,
                where,
                rid,
                student,
                "file",
                "E421",
                MESSAGES["E421"].format(where=where, value=name),
            )
        try:
            data = path.read_bytes()
            text = decode(data, f"{self.path.name}/{name}")
        except OSError as exc:
            return RecordError(
                index,
                where,
                rid,
                student,
                "file",
                "E426",
                MESSAGES["E426"].format(
                    where=f"{self.path.name}/{name}", reason=exc.strerror or type(exc).__name__
                ),
            )
        except InputError as exc:
            return RecordError(index, where, rid, student, "answer", exc.code, exc.message)
        return make_record(
            {**fields, "answer": text},
            index,
            where,
            self.defaults,
            jobs,
            answer_where=f"{self.path.name}/{name}",
        )


def open_source(path: Path, defaults: Defaults) -> Source:
    """The reader for ``path`` (its header is validated now, before anything is scored)."""
    if not path.exists():
        raise BatchError("E401", path=str(path))
    if path.is_dir():
        return FolderSource(path, defaults)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return CsvSource(path, defaults)
    if suffix in (".jsonl", ".ndjson", ".json"):
        return JsonlSource(path, defaults)
    raise BatchError("E402", path=str(path))


# --------------------------------------------------------------------------------------
# Report names


class ReportNames:
    """Unique, safe report file names from record ids: no traversal, no collisions.

    A name is the id's ASCII slug (see ``output.safe_name``), ``answer`` for an empty id,
    with a ``_`` added to Windows device names (``CON``) and ``-2``, ``-3``... for repeats.
    Names are compared case-insensitively, as on macOS and Windows file systems.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def next(self, rid: str) -> str:
        stem = safe_name(rid)[:60].rstrip("-.") or "answer"
        first, dot, rest = stem.partition(".")
        if first.upper() in _WINDOWS_RESERVED:
            stem = f"{first}_{dot}{rest}"
        name = stem
        n = 1
        while name.casefold() in self._taken:
            n += 1
            name = f"{stem}-{n}"
        self._taken.add(name.casefold())
        return f"{name}.html"


# --------------------------------------------------------------------------------------
# Workers


@dataclass(frozen=True)
class Settings:
    """What every worker needs besides the records (sent once per worker)."""

    reports: Path | None  # the reports folder; None: no HTML (and no dashboard)
    rubric: Rubric | None
    report_lang: str | None


class ChunkDone(NamedTuple):
    """What the parent needs of a scored chunk (its output lines are written elsewhere).

    One small tuple per chunk: the JSON lines (about 12 KB an answer) never cross the pipe
    to the parent (a worker writes them into place, see ``_worker``); with a dashboard, one
    small row per answer crosses it and the chunk's criteria as one tally.
    """

    records: int
    failed: list[FailedRow]
    columns: tuple[str, ...]  # "rubric/criterion" columns of scores.csv, first seen first
    dashboard: tuple[list[AnswerRow], CriteriaTally] | None  # scored answers; None: no HTML


_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings


class _RowText(list[str]):
    """The text of each row a ``csv.writer`` writes into it (its ``write`` appends)."""

    write = list.append


def score_chunk(
    chunk: list[Record | RecordError], results: IO[bytes], scores: IO[bytes]
) -> ChunkDone:
    """Score a chunk and write its output lines; never raises for a record's fault.

    One ``nlp.pipe`` pass per language, then each record. Each record's line of
    ``results.jsonl`` goes to ``results``; its row of ``scores.csv`` goes to ``scores`` as
    a JSON pair (the row's own cells as CSV text, and its criterion scores by column),
    because the criterion columns are known only when every record is scored (see
    ``_write_scores``). Each file gets one write per chunk. The chunk's HTML reports are
    written together once it is scored (``_write_reports``).
    """
    settings = _SETTINGS
    assert settings is not None, "worker not initialised"
    by_lang: dict[str, list[int]] = {}
    langs: dict[int, str] = {}
    for i, rec in enumerate(chunk):
        if isinstance(rec, Record):
            lang = choose_language(rec.answer, rec.lang)
            langs[i] = lang
            by_lang.setdefault(lang, []).append(i)
    docs: dict[int, Any] = {}
    for lang, members in by_lang.items():
        texts = [chunk[i].answer for i in members]  # type: ignore[union-attr]
        for i, doc in zip(members, pipeline(lang).pipe(texts, batch_size=len(texts)), strict=True):
            docs[i] = doc
    lines: list[bytes] = []
    rows: list[bytes] = []
    failed: list[FailedRow] = []
    columns: dict[str, str] = {}  # the keys: first seen first (the values are not read)
    dashboard: tuple[list[AnswerRow], CriteriaTally] | None = (
        ([], CriteriaTally()) if settings.reports is not None else None
    )
    cells = _RowText()
    writer = csv.writer(cells)
    scored = [
        rec if isinstance(rec, RecordError) else _score_one(rec, langs[i], docs.pop(i))
        for i, rec in enumerate(chunk)
    ]
    if settings.reports is not None:
        _write_reports(chunk, scored, settings.reports)
    for result in scored:
        if isinstance(result, RecordError):
            failed.append(result)
            lines.append(_failed_line(result))
            writer.writerow(_failed_cells(result))
            crit_scores: dict[str, str] = {}
        else:
            row, tally, crit_scores, line, _ = result
            lines.append(line)
            writer.writerow(_scored_cells(row))
            columns.update(crit_scores)
            if dashboard is not None:
                dashboard[0].append(row)
                dashboard[1].add(row.rubric, tally)
        # The row's own cells as csv.writer writes them into scores.csv, less the "\r\n".
        rows.append(orjson.dumps((cells.pop()[:-2], crit_scores), option=orjson.OPT_APPEND_NEWLINE))
    results.write(b"".join(lines))
    scores.write(b"".join(rows))
    return ChunkDone(len(chunk), failed, tuple(columns), dashboard)


def _failed_line(item: RecordError) -> bytes:
    return orjson.dumps(
        {
            "id": item.id,
            "student": item.student,
            "status": "failed",
            "where": item.where,
            "error": {"code": item.code, "column": item.column, "message": item.message},
        },
        option=orjson.OPT_APPEND_NEWLINE,
    )


def _failed_cells(item: RecordError) -> list[Any]:
    """A failed record's cells of scores.csv, in SCORE_COLUMNS order."""
    values = {
        "id": item.id,
        "student": item.student,
        "status": "failed",
        "where": item.where,
        "error": f"{item.code}: {item.message}",
    }
    return [_cell(values.get(c)) for c in SCORE_COLUMNS]


def _scored_cells(row: AnswerRow) -> list[Any]:
    """A scored record's cells of scores.csv, in SCORE_COLUMNS order."""
    coach = None if row.coach_score is None else f"{row.coach_score:g}"
    values = (
        row.id,
        row.student,
        "scored",
        row.score,
        row.band,
        coach,
        row.stage,
        row.qtype,
        row.lang,
        row.rubric,
        row.words,
        row.question,
        row.report,
        row.where,
        None,
    )
    return [_cell(v) for v in values]


# A scored record: its dashboard row, its criteria for the dashboard as (id, title, score,
# met, skipped) (empty without a dashboard), its scores.csv cells by column, its JSON line
# and its HTML report's UTF-8 (None without HTML). Plain values only: a chunk's results
# wait for its reports to be written, and the ScoreCards' objects would keep the garbage
# collector busy meanwhile (about 20 us an answer).
Tally = list[tuple[str, str, float, bool, bool]]
Scored = tuple[AnswerRow, Tally, dict[str, str], bytes, bytes | None]


def _score_one(rec: Record, lang: str, doc: Any) -> Scored | RecordError:
    """Score one record (its HTML report rendered, not yet written)."""
    settings = _SETTINGS
    assert settings is not None, "worker not initialised"
    try:
        card = score(
            Request(
                text=rec.answer,
                stage=rec.stage,
                question=rec.question,
                qtype=rec.qtype,
                rubric=settings.rubric,
                lang=lang,
                report_lang=settings.report_lang,
                job_text=rec.job,
                name=rec.id or "answer",
            ),
            doc=doc,
        )
        report = page = None
        if settings.reports is not None and rec.report is not None:
            # Imported here: a run without HTML never loads jinja2 (a fiftieth of start-up).
            from answer_check.render.html_report import HtmlRenderer, ReportNav

            nav = ReportNav(index_href=f"../{INDEX}", student=rec.student, record_id=rec.id)
            # Rendered straight to UTF-8 (the page's kept parts are kept encoded).
            page = HtmlRenderer(nav=nav).render_utf8(card)
            report = f"{REPORTS_DIR}/{rec.report}"
    except Exception as exc:
        return _record_failure(rec, exc)
    rubric_id = card.rubric_id
    crit_scores = {
        f"{rubric_id}/{c.id}": _score_text(c.score) for c in card.criteria if not c.skipped
    }
    row = AnswerRow(
        index=rec.index,
        where=rec.where,
        id=rec.id,
        student=rec.student,
        question=rec.question or "",
        stage=rec.stage,
        qtype=card.question_type,
        lang=card.lang,
        rubric=card.rubric_id,
        score=card.score,
        band=card.band,
        words=card.words,
        coach_score=rec.coach_score,
        report=report,
    )
    line = orjson.dumps(
        {
            "id": rec.id,
            "student": rec.student,
            "status": "scored",
            "where": rec.where,
            "coach_score": rec.coach_score,
            "html": report,
            "report": card.to_dict(),
        },
        option=orjson.OPT_APPEND_NEWLINE,
    )
    tally = (
        [(c.id, c.title, c.score, c.level == "met", c.skipped) for c in card.criteria]
        if settings.reports is not None
        else []
    )
    return row, tally, crit_scores, line, page


def _record_failure(rec: Record, exc: Exception) -> RecordError:
    """The failed row for a record whose scoring, report or report file failed."""

    def failed(column: str, code: str, message: str) -> RecordError:
        return RecordError(rec.index, rec.where, rec.id, rec.student, column, code, message)

    if isinstance(exc, AnswerCheckError):
        if exc.code == "E104":
            how = "was given in column 'type'" if rec.qtype else "was detected from the question"
            return failed(
                "type" if rec.qtype else "question",
                "E427",
                MESSAGES["E427"].format(where=rec.where, how=how, **exc.fields),
            )
        column = {"E201": "type"}.get(exc.code, "")
        message = (
            exc.message if exc.message.startswith(rec.where) else f"{rec.where}: {exc.message}"
        )
        return failed(column, exc.code, message)
    # A bug must not stop the class's run: list it and go on.
    detail = f"{type(exc).__name__}: {exc}"
    return failed("", "E499", MESSAGES["E499"].format(where=rec.where, detail=detail))


def _write_reports(
    chunk: list[Record | RecordError], scored: list[Scored | RecordError], folder: Path
) -> None:
    """Write the chunk's HTML reports, one after the other once the chunk is scored.

    Creating a file costs the kernel tens of microseconds, and interleaved with the scoring
    it also slowed each answer's scoring by about 0.1 ms of CPU (caches refilled after every
    file); written together they cost about 0.15 ms less an answer. A record whose file
    cannot be written fails (and its line says so), as when it could not be scored.
    """
    reports = os.fspath(folder)  # each path joined as text: a Path join costs a microsecond
    for i, result in enumerate(scored):
        if isinstance(result, RecordError) or result[4] is None:
            continue
        rec = chunk[i]
        assert isinstance(rec, Record) and rec.report is not None
        try:
            write_atomic(f"{reports}{os.sep}{rec.report}", result[4])
        except Exception as exc:
            scored[i] = _record_failure(rec, exc)


def _cell_text(score: float) -> str:
    return str(round(100 * score, 1))


# A criterion's cell of scores.csv: its score out of 100 to one decimal, as csv.writer
# writes it (``str`` of the rounded float), remembered per score.
_score_text = per_score(_cell_text)


def chunk_size(total: int | None, jobs: int) -> int:
    """Records per task: about four tasks per worker, within CHUNK_RANGE.

    A class of 60 answers gets chunks of 8 (both workers busy to the end); 10,000 answers
    get 128 (fewer hand-overs: 4% faster than 48).
    """
    if total is None:
        return CHUNK
    low, high = CHUNK_RANGE
    return max(low, min(high, total // (4 * max(1, jobs))))


def _chunks(
    items: Iterable[Record | RecordError], size: int
) -> Iterator[list[Record | RecordError]]:
    chunk: list[Record | RecordError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


Task = tuple[int, "list[Record | RecordError] | str"]  # a chunk's number and records (or file)


def _ordered_results(
    tasks: Iterator[Task],
    settings: Settings,
    jobs: int,
    results: _Spool,
    scores: _Spool,
    keep_from_workers: tuple[Connection, ...] = (),
) -> Generator[ChunkDone, None, None]:
    """Score numbered chunks in ``jobs`` worker processes, their lines placed in input order.

    A chunk comes as its records or, from a ``_Reader``, as the file they were saved in.
    ``keep_from_workers``: this process's pipe ends that forked workers must not hold.

    Each chunk's lines go to ``results`` (results.jsonl) and ``scores`` (the scores.csv
    rows' spool) in input order; all of them are there once the generator is exhausted.
    ``jobs == 1`` scores in this process, writing each chunk's lines before it is yielded.
    """
    # The warmed-up pipeline, word lists and matchers live as long as the run: frozen, the
    # garbage collector stops scanning them (a tenth of the time per answer), and forked
    # workers share their pages instead of copying them. No full collection first: it costs
    # 50 ms (the start-up's 100,000 objects), and the start-up's garbage that it would free
    # is about 3,000 objects and 0.5 MB (the rubric and config parsers' cycles).
    collecting = gc.isenabled()
    gc.freeze()
    gc.enable()
    try:
        if jobs <= 1:
            _init_worker(settings)
            for _, chunk in tasks:
                yield score_chunk(_records(chunk), results.fh, scores.fh)
        else:
            yield from _score_in_workers(tasks, settings, jobs, results, scores, keep_from_workers)
    finally:
        gc.unfreeze()
        if not collecting:
            gc.disable()


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _records(chunk: list[Record | RecordError] | str) -> list[Record | RecordError]:
    """A chunk's records: as given, or loaded from the file a ``_Reader`` saved them in."""
    if not isinstance(chunk, str):
        return chunk
    with open(chunk, "rb") as fh:
        records: list[Record | RecordError] = pickle.load(fh)
    os.unlink(chunk)
    return records


READ_AHEAD = 64  # chunks a reader may save before the parent takes them (about 8,000 records)


class _ReadDone(NamedTuple):
    """A reader's last message: what reading every record taught it."""

    written: set[str]  # the report names it gave
    ignored: list[str]  # the input's columns (fields) that were not used


class _Reader:
    """Reads, checks and names the records in a process of its own, ahead of the scoring.

    With ``--jobs`` above 1 the parent starts up alone (spaCy, the pipeline, the matchers:
    most of a second on one core) while the other cores wait for the workers. The reader,
    forked before that start-up, reads the records meanwhile and saves each chunk to a file
    of a temporary folder in the output folder; the parent hands the workers those files'
    names, and its own work during the scoring shrinks to a message per chunk each way. At
    most READ_AHEAD chunks wait on disk. A stopped run kills the reader (it holds nothing
    but its files, which go with the folder).
    """

    def __init__(
        self,
        chunks: Iterator[list[Record | RecordError]],
        out: Path,
        source: Source,
        written: set[str],
    ) -> None:
        ctx: Any = multiprocessing.get_context("fork")
        self.folder = tempfile.mkdtemp(prefix=".input.", suffix=".tmp", dir=out)
        self.conn, theirs = ctx.Pipe(duplex=False)
        self._permits = ctx.BoundedSemaphore(READ_AHEAD)
        self.done: _ReadDone | None = None
        self.process = ctx.Process(
            target=self._read, args=(chunks, theirs, source, written), daemon=True
        )
        try:
            self.process.start()
        finally:
            theirs.close()

    def _read(
        self,
        chunks: Iterator[list[Record | RecordError]],
        conn: Connection,
        source: Source,
        written: set[str],
    ) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        self.conn.close()
        parent = os.getppid()
        try:
            for seq, chunk in enumerate(chunks):
                while not self._permits.acquire(timeout=1.0):
                    if os.getppid() != parent:  # the parent has gone
                        return
                path = os.path.join(self.folder, f"{seq}.pickle")
                with open(path, "wb") as fh:
                    pickle.dump(chunk, fh, protocol=pickle.HIGHEST_PROTOCOL)
                if not _reply(conn, (seq, path)):
                    return
            _reply(conn, _ReadDone(written, list(source.ignored)))
        except BaseException as exc:  # a file that cannot be read on: the parent says so
            _reply(conn, _Failed(exc))

    def __iter__(self) -> Iterator[Task]:
        return self

    def __next__(self) -> Task:
        if self.done is not None:
            raise StopIteration
        try:
            message = self.conn.recv()
        except (EOFError, OSError):
            raise BatchError("E430", how=_how_it_ended(self.process)) from None
        if isinstance(message, _Failed):
            raise message.error
        if isinstance(message, _ReadDone):
            self.done = message
            raise StopIteration
        self._permits.release()
        return message  # type: ignore[no-any-return]

    def close(self) -> None:
        if self.process.exitcode is None:
            self.process.terminate()
        self.process.join()
        self.conn.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class _Sink(list[bytes]):
    """Keeps what ``score_chunk`` writes (one ``write`` per file and chunk), uncopied."""

    write = list.append


class _Failed(NamedTuple):
    """A worker's report that it could not go on: the exception, raised in the parent."""

    error: BaseException


def _worker(
    conn: Connection, settings: Settings, spools: tuple[str, str], inherited: list[Connection]
) -> None:
    """A worker process: score the chunks it is sent; write their lines where it is told.

    Each message is ``(places, task)``. ``places`` gives, for chunks this worker scored
    earlier, where their lines go in the two spool files: a chunk's place is known once
    every chunk before it is scored, so its lines wait here until then (one or two chunks
    at a time) and are written once, where they belong. ``task`` is ``(seq, chunk)`` to
    score, or None: then the worker writes, flushes, says so and exits. A bare None stops
    it at once (the run was stopped; nothing more is written).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    for other in inherited:  # the parent's ends of the pipes, copied by fork: only the
        other.close()  # parent may hold them, so that a worker sees its parent go (EOF)
    _init_worker(settings)
    held: dict[int, tuple[bytes, bytes]] = {}
    with open(spools[0], "r+b") as results, open(spools[1], "r+b") as scores:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):  # the parent has gone (killed, say): so do we
                return
            if message is None:
                return
            places, task = message
            reply: Any
            try:
                for seq, at_results, at_scores in places:
                    lines, rows = held.pop(seq)
                    results.seek(at_results)
                    results.write(lines)
                    scores.seek(at_scores)
                    scores.write(rows)
                if task is None:
                    results.flush()
                    scores.flush()
                    reply = None
                else:
                    seq, chunk = task
                    lines_out, rows_out = _Sink(), _Sink()
                    done = score_chunk(_records(chunk), lines_out, rows_out)  # type: ignore[arg-type]
                    held[seq] = (b"".join(lines_out), b"".join(rows_out))
                    reply = (seq, done, len(held[seq][0]), len(held[seq][1]))
            except BaseException as exc:  # a bug, or a spool that cannot be written
                reply = _Failed(exc)
            if not _reply(conn, reply) or reply is None or isinstance(reply, _Failed):
                return


def _reply(conn: Connection, message: Any) -> bool:
    """Send ``message`` to the parent; False when the parent has gone (nothing to tell)."""
    try:
        try:
            conn.send(message)
        except (pickle.PicklingError, TypeError, AttributeError):  # an exception that will not
            conn.send(_Failed(RuntimeError(repr(getattr(message, "error", message)))))
    except OSError:
        return False
    return True


@dataclass(slots=True, eq=False)
class _WorkerHandle:
    """The parent's side of a worker: its process, its pipe and the places it must write."""

    process: Any
    conn: Connection
    places: list[tuple[int, int, int]] = field(default_factory=list)
    finished: bool = False  # it wrote its last lines and exits

    def send(self, task: Task | None) -> None:
        places, self.places = self.places, []
        try:
            self.conn.send((places, task))
        except OSError:  # its end of the pipe is closed: the process has died
            raise _died(self) from None


def _score_in_workers(
    tasks: Iterator[Task],
    settings: Settings,
    jobs: int,
    results: _Spool,
    scores: _Spool,
    keep_from_workers: tuple[Connection, ...] = (),
) -> Iterator[ChunkDone]:
    """Hand chunks to ``jobs`` worker processes; yield what each did, in input order.

    A worker is sent a chunk whenever it is free, so none waits while there is work. Only
    a chunk (or the name of the file a ``_Reader`` saved it in) and a small ChunkDone cross
    the pipes: a worker writes its chunks' lines itself, straight into the spool files, at
    the places this process gives it in input order (see ``_worker``). No thread and no
    copy of the lines: the parent's work per chunk is a message each way.

    A worker that dies (killed by the system, for one) stops the run with E430 instead of
    leaving it waiting. A run stopped early (Ctrl-C, an error) tells each worker to stop:
    it finishes the chunk in hand (so no report is left half-written) and exits. A second
    Ctrl-C while they finish kills them.
    """
    from multiprocessing.connection import wait

    for spool in (results, scores):
        spool.fh.flush()
    at = [results.fh.tell(), scores.fh.tell()]  # where the next chunk's lines go
    fork = _can_fork()
    ctx: Any = multiprocessing.get_context("fork" if fork else "spawn")
    spools = (os.fspath(results.tmp), os.fspath(scores.tmp))
    workers: list[_WorkerHandle] = []
    try:
        for _ in range(jobs):
            ours, theirs = ctx.Pipe()
            inherited = [*keep_from_workers, *(w.conn for w in workers), ours] if fork else []
            process = ctx.Process(
                target=_worker, args=(theirs, settings, spools, inherited), daemon=True
            )
            process.start()
            theirs.close()
            workers.append(_WorkerHandle(process, ours))
        idle = list(reversed(workers))
        scoring: dict[int, _WorkerHandle] = {}  # chunk number -> the worker scoring it
        scored: dict[int, tuple[ChunkDone, int, int, _WorkerHandle]] = {}  # ahead of order
        ready: deque[Task] = deque()  # read ahead
        more = True
        following = 0  # the next chunk to yield

        def hand_out() -> None:
            while idle and ready and len(scoring) + len(scored) < 4 * jobs:
                task = ready.popleft()
                worker = idle.pop()
                worker.send(task)
                scoring[task[0]] = worker

        while True:
            # Chunks are read (and checked) ahead, while the workers score: a worker that
            # comes back is handed the next chunk at once, not after its reading.
            hand_out()
            while more and len(ready) < jobs:
                task = next(tasks, None)
                if task is None:
                    more = False
                else:
                    ready.append(task)
                    hand_out()
            if not scoring:
                break
            for worker, message in _messages(wait, workers):
                seq, done, n_lines, n_rows = message
                del scoring[seq]
                scored[seq] = (done, n_lines, n_rows, worker)
                idle.append(worker)
                hand_out()
            while following in scored:
                done, n_lines, n_rows, worker = scored.pop(following)
                worker.places.append((following, at[0], at[1]))
                at[0] += n_lines
                at[1] += n_rows
                following += 1
                yield done
        for worker in workers:  # the last places; each worker writes, flushes and exits
            worker.send(None)
        while not all(worker.finished for worker in workers):
            for _ in _messages(wait, workers):
                pass
        for worker in workers:
            worker.process.join()
    except BaseException:
        _stop_workers(workers)
        raise
    finally:
        for worker in workers:
            worker.conn.close()


def _messages(wait: Any, workers: list[_WorkerHandle]) -> Iterator[tuple[_WorkerHandle, Any]]:
    """The workers' messages that are ready (waiting for one at least).

    A worker's last message (None, once it has written its lines) marks it finished. A
    worker's report that it failed is raised here; a worker that died without a word (its
    process ended, its pipe closed) stops the run with E430.
    """
    live = [w for w in workers if not w.finished]
    by_handle = {w.conn: w for w in live} | {w.process.sentinel: w for w in live}
    for ready in wait(list(by_handle)):
        worker = by_handle[ready]
        if worker.finished:  # both its pipe and its process's end were ready
            continue
        try:
            message = worker.conn.recv()  # the process ended: what it said first, if anything
        except (EOFError, OSError):  # its end closed (or reset) without a word
            raise _died(worker) from None
        if isinstance(message, _Failed):
            raise message.error
        if message is None:
            worker.finished = True
        yield worker, message


def _died(worker: _WorkerHandle) -> BatchError:
    return BatchError("E430", how=_how_it_ended(worker.process))


def _how_it_ended(process: Any) -> str:
    process.join(1)
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


def _stop_workers(workers: list[_WorkerHandle]) -> None:
    """Stop the workers: each finishes the chunk in hand and exits; a second Ctrl-C kills.

    What they still send is read and dropped meanwhile: a worker blocked on sending a large
    result would otherwise never read the word to stop.
    """
    from multiprocessing.connection import wait

    for worker in workers:
        with contextlib.suppress(OSError):
            worker.conn.send(None)
    try:
        running = {w.process.sentinel: w for w in workers if w.process.exitcode is None}
        listening = {w.conn: w for w in workers}
        while running:
            for ready in wait([*running, *listening]):
                if ready in running:
                    running.pop(ready).process.join()
                elif ready in listening:
                    try:
                        ready.recv()
                    except (EOFError, OSError):
                        del listening[ready]
    except BaseException:  # interrupted again while they finish: stop them now
        for worker in workers:
            worker.process.terminate()
        for worker in workers:
            worker.process.join()
        raise


def _warm_up(settings: Settings) -> None:
    """Build the English pipeline and every rubric's matchers once, before workers fork.

    Scoring a short answer with each rubric registers every word list the rubrics ask
    for; each answer is then scanned once for all of them with one combined matcher
    (``analysis.UNIVERSE``). The names of those lists are kept in the on-disk cache, so a
    later run builds the combined matcher first and skips the per-list matchers.
    """
    from answer_check import disk_cache
    from answer_check.analysis import UNIVERSE
    from answer_check.rubric import builtin_rubrics

    # A negation in it: checks then also ask for the lists a negation brings in (clause
    # breaks), so the combined matcher holds them before the workers fork.
    text = "Last year I led the team. We did not miss the deadline, and we finished on time."
    rubrics = [settings.rubric] if settings.rubric else list(builtin_rubrics())
    question = "Tell me about a project you led."
    pipe = pipeline("en")
    key = disk_cache.fingerprint("en", *(f"{r.id}@{r.path}" for r in rubrics))
    kept = UNIVERSE.preload(pipe, key)
    for _ in range(1 if kept else 2):
        for rubric in rubrics:
            with contextlib.suppress(AnswerCheckError):
                score(
                    Request(
                        text=text, stage=rubric.stage, rubric=rubric, lang="en", question=question
                    )
                )
    UNIVERSE.remember(pipe, key)


# --------------------------------------------------------------------------------------
# Output


class Progress(Protocol):
    """Progress display: told the total (None when unknown), then each finished record."""

    def start(self, total: int | None) -> None: ...

    def advance(self, n: int = 1) -> None: ...


@dataclass(frozen=True)
class BatchOptions:
    """The options of ``answer-check batch``."""

    input: Path
    out: Path
    jobs: int = 1
    rubric: str | None = None
    stage: str | None = None
    report_lang: str | None = None
    html: bool = True
    progress: Progress | None = None


@dataclass
class BatchSummary:
    """What a batch run did."""

    out: Path
    total: int = 0
    scored: int = 0
    failed: int = 0
    seconds: float = 0.0
    jobs: int = 1
    index: Path | None = None
    errors: Path | None = None
    ignored_columns: list[str] = field(default_factory=list)
    removed: int = 0  # stale reports of an earlier run, removed


def prepare_out(out: Path) -> None:
    """Create the output folder, or accept it when it is empty or an earlier run's."""
    if out.exists() and not out.is_dir():
        raise BatchError("E407", path=str(out))
    if out.is_dir() and not (out / MARKER).is_file() and any(out.iterdir()):
        raise BatchError("E407", path=str(out))
    try:
        (out / REPORTS_DIR).mkdir(parents=True, exist_ok=True)
        marker = out / MARKER
        if not marker.is_file():
            marker.write_text(
                "This folder is written by 'answer-check batch'; a new run replaces its files.\n",
                encoding="utf-8",
            )
    except OSError as exc:
        from answer_check.errors import OutputError

        raise OutputError(
            "E301", path=str(out), reason=exc.strerror or type(exc).__name__
        ) from None
    for folder in (out, out / REPORTS_DIR):  # temporary files (and folders) of a killed run
        for tmp in folder.glob(".*.tmp"):
            if tmp.is_dir() and not tmp.is_symlink():
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                tmp.unlink(missing_ok=True)


class _Spool:
    """A temporary file in the output folder, renamed into place when complete.

    ``newline=None`` opens it for bytes (lines that are already UTF-8, such as the
    workers' JSON lines); otherwise for text with that line end.
    """

    def __init__(self, path: Path, newline: str | None = "\n") -> None:
        self.path = path
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.tmp = Path(tmp)
        self.fh: IO[Any] = (
            os.fdopen(fd, "wb")
            if newline is None
            else os.fdopen(fd, "w", encoding="utf-8", newline=newline)
        )

    def commit(self) -> None:
        self.fh.close()
        os.chmod(self.tmp, FILE_MODE)
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        self.fh.close()
        self.tmp.unlink(missing_ok=True)


SCORE_COLUMNS = (
    "id",
    "student",
    "status",
    "score",
    "band",
    "coach_score",
    "stage",
    "type",
    "lang",
    "rubric",
    "words",
    "question",
    "report",
    "where",
    "error",
)


def _cell(value: Any) -> Any:
    """A spreadsheet-safe cell: text that a spreadsheet would run as a formula is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def _write_scores(out: Path, spool: Path, criteria: list[str]) -> None:
    """scores.csv: UTF-8 with BOM (spreadsheets then detect it), one row per record.

    Each line of ``spool`` holds a row's own cells as CSV text and its criterion scores
    by column (see ``score_chunk``); a score is a number, which needs no quoting, so
    joining them with commas gives what ``csv.writer`` would write for the whole row.
    """
    tmp = _Spool(out / SCORES, newline="")
    try:
        tmp.fh.write("\ufeff")
        csv.writer(tmp.fh).writerow([*SCORE_COLUMNS, *criteria])
        write = tmp.fh.write
        empty = [""] * len(criteria)
        with spool.open("rb") as fh:
            for line in fh:
                cells, scores = orjson.loads(line)
                write(",".join([cells, *map(scores.get, criteria, empty)]) + "\r\n")
        tmp.commit()
    except BaseException:
        tmp.discard()
        raise


def _write_errors(out: Path, failed: list[FailedRow]) -> None:
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf)
    writer.writerow(["where", "id", "student", "column", "code", "message"])
    for f in failed:
        writer.writerow(
            [_cell(f.where), _cell(f.id), _cell(f.student), f.column, f.code, _cell(f.message)]
        )
    write_atomic(out / ERRORS, buf.getvalue())


def _remove_stale(out: Path, written: set[str], html: bool) -> int:
    """Remove reports (and, without HTML, the dashboard) that this run did not write."""
    removed = 0
    for path in (out / REPORTS_DIR).glob("*.html"):
        if path.name not in written:
            path.unlink(missing_ok=True)
            removed += 1
    if not html:
        (out / INDEX).unlink(missing_ok=True)
    return removed


def run_batch(opts: BatchOptions) -> BatchSummary:
    """Score every record of ``opts.input`` into ``opts.out``; return what happened."""
    from answer_check.rubric import resolve_rubric

    started = time.perf_counter()
    rubric = resolve_rubric(opts.rubric) if opts.rubric else None
    defaults = Defaults(stage=opts.stage, rubric=rubric)
    source = open_source(opts.input, defaults)
    try:
        return _run(opts, source, rubric, started)
    finally:
        source.close()


def _run(opts: BatchOptions, source: Source, rubric: Rubric | None, started: float) -> BatchSummary:
    prepare_out(opts.out)
    reports = opts.out / REPORTS_DIR
    settings = Settings(
        reports=reports if opts.html else None, rubric=rubric, report_lang=opts.report_lang
    )
    total = count_records(opts.input)
    size = chunk_size(total, opts.jobs)
    # No more workers than chunks: a class of 12 answers is 2 chunks, whatever --jobs says.
    jobs = opts.jobs if total is None else max(1, min(opts.jobs, -(-total // size)))
    summary = BatchSummary(out=opts.out, jobs=jobs)
    if opts.progress is not None:
        opts.progress.start(total)

    names = ReportNames()
    written: set[str] = set()

    def named(items: Iterator[Record | RecordError]) -> Iterator[Record | RecordError]:
        for item in items:
            if isinstance(item, Record) and opts.html:
                item.report = names.next(item.id)
                written.add(item.report)
            yield item

    chunks = _chunks(named(source.records()), size)
    reader = _Reader(chunks, opts.out, source, written) if jobs > 1 and _can_fork() else None
    try:
        return _score_all(opts, source, rubric, started, settings, summary, chunks, reader, written)
    finally:
        if reader is not None:
            reader.close()


def _score_all(
    opts: BatchOptions,
    source: Source,
    rubric: Rubric | None,
    started: float,
    settings: Settings,
    summary: BatchSummary,
    chunks: Iterator[list[Record | RecordError]],
    reader: _Reader | None,
    written: set[str],
) -> BatchSummary:
    _warm_up(settings)
    cohort = Cohort()
    questions: dict[str, str] = {}
    criteria_columns: dict[str, None] = {}
    results = _Spool(opts.out / RESULTS, newline=None)
    spool = _Spool(opts.out / ".scores.rows", newline=None)
    tasks: Iterator[Task] = reader if reader is not None else enumerate(chunks)
    keep = (reader.conn,) if reader is not None else ()
    stream = _ordered_results(tasks, settings, summary.jobs, results, spool, keep)
    try:
        for done in stream:
            summary.total += done.records
            summary.failed += len(done.failed)
            for failed in done.failed:
                cohort.fail(failed)
            criteria_columns.update(dict.fromkeys(done.columns))
            if done.dashboard is not None:
                rows, criteria = done.dashboard
                cohort.merge([_interned(row, questions) for row in rows], criteria)
            if opts.progress is not None:
                opts.progress.advance(done.records)
        summary.scored = summary.total - summary.failed
        spool.fh.close()
        _write_scores(opts.out, spool.tmp, list(criteria_columns))
        results.commit()
    except BaseException:
        results.discard()
        raise
    finally:
        stream.close()  # on an error too: the workers stop before the spools go
        spool.discard()
    read = reader.done if reader is not None else None  # what the reader process learnt
    if read is not None:
        written |= read.written
    summary.ignored_columns = list(read.ignored if read is not None else source.ignored)
    _write_errors(opts.out, cohort.failed)
    summary.errors = opts.out / ERRORS
    summary.removed = _remove_stale(opts.out, written, opts.html)
    if opts.html:
        from answer_check.render.dashboard import DashboardInfo, render_dashboard

        info = DashboardInfo(
            source=opts.input.name,
            kind=source.kind,
            rubric=rubric.id if rubric else None,
            ignored_columns=tuple(summary.ignored_columns),
        )
        lang = opts.report_lang or (cohort.langs.most_common(1)[0][0] if cohort.langs else "en")
        write_atomic(opts.out / INDEX, render_dashboard(cohort, info, lang))
        summary.index = opts.out / INDEX
    if summary.total == 0:
        raise BatchError("E409", path=str(opts.input), hint=_empty_hint(source.kind))
    summary.seconds = time.perf_counter() - started
    return summary


def _empty_hint(kind: str) -> str:
    if kind == "folder":
        return "Put one answer per .txt file in the folder."
    return "Add one answer per row (CSV) or per line (JSONL) below the header."


def _interned(row: AnswerRow, seen: dict[str, str]) -> AnswerRow:
    """Share the text of repeated questions between rows (a class answers few questions)."""
    q = seen.setdefault(row.question, row.question)
    if q is not row.question:
        # The row was just unpickled from a worker and nothing else holds it yet: share the
        # text in place (dataclasses.replace costs more than the rest of the row's handling).
        row.question = q
    return row


def count_records(path: Path) -> int | None:
    """A quick count of the records, for the progress bar (None when it cannot tell)."""
    try:
        if path.is_dir():
            if (path / MANIFEST).is_file():
                with (path / MANIFEST).open("rb") as fh:
                    return max(0, sum(1 for line in fh if line.strip()) - 1)
            return sum(1 for p in path.iterdir() if p.suffix.lower() == ".txt")
        with path.open("rb") as fh:
            if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
                return sum(1 for line in fh if line.strip())
            text = io.TextIOWrapper(fh, encoding="utf-8", errors="replace", newline="")
            return max(0, sum(1 for row in csv.reader(text) if any(row)) - 1)
    except (OSError, csv.Error):
        return None
