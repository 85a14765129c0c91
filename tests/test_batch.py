"""answer-check batch: inputs, every bad-record case, safe names, outputs and reruns."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from answer_check.batch import (
    INDEX,
    REPORTS_DIR,
    BatchOptions,
    BatchSummary,
    ReportNames,
    run_batch,
)
from answer_check.cli import main
from answer_check.errors import BatchError

from conftest import ROOT

QUESTION = "Tell me about a time you made a mistake at work."
STRONG = (
    "In my first month as a junior accountant at a trading company, I sent a client an invoice "
    "with the wrong tax rate. I was responsible for every invoice of that client. When the "
    "client called, I apologised, checked all 48 invoices I had sent that month, and found two "
    "more with the same error. I corrected all three the same day, told my manager, and added "
    "a tax-rate check to our invoice template. As a result, none of our invoices has had a tax "
    "error since, and I learned to test a new template before I use it."
)
WEAK = "I don't really make mistakes because I am careful. Maybe sometimes I am late."
HEADER = ["id", "student", "question", "stage", "answer"]
PAST_ONE_CHUNK = 10  # more records than the smallest chunk (8): --jobs 2 then uses two workers


def write_csv(
    path: Path, rows: list[list[str]], header: list[str] | None = None, delimiter: str = ","
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header or HEADER)
        writer.writerows(rows)
    return path


def batch(src: Path, out: Path, **kwargs: object) -> BatchSummary:
    return run_batch(BatchOptions(input=src, out=out, **kwargs))  # type: ignore[arg-type]


def read_scores(out: Path) -> list[dict[str, str]]:
    with (out / "scores.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def read_errors(out: Path) -> list[dict[str, str]]:
    with (out / "errors.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def read_results(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text("utf-8").splitlines()]


def reports(out: Path) -> list[str]:
    return sorted(p.name for p in (out / REPORTS_DIR).iterdir())


# --------------------------------------------------------------------------------------
# The happy path


def test_csv_batch_writes_every_output(tmp_path: Path) -> None:
    src = write_csv(
        tmp_path / "class.csv",
        [
            ["s1", "Ayu", QUESTION, "hr", STRONG],
            ["s2", "Budi", QUESTION, "hr", WEAK],
        ],
    )
    out = tmp_path / "out"
    summary = batch(src, out)
    assert (summary.total, summary.scored, summary.failed) == (2, 2, 0)
    assert reports(out) == ["s1.html", "s2.html"]
    scores = read_scores(out)
    assert [r["id"] for r in scores] == ["s1", "s2"]
    assert int(scores[0]["score"]) > int(scores[1]["score"])
    assert scores[0]["report"] == "reports/s1.html"
    # a column per criterion of the rubric used, holding 0..100
    crit_cols = [c for c in scores[0] if c.startswith("hr.behavioral/")]
    assert {"hr.behavioral/action", "hr.behavioral/result"} <= set(crit_cols)
    assert all(0 <= float(scores[0][c]) <= 100 for c in crit_cols if scores[0][c])
    results = read_results(out)
    assert [r["id"] for r in results] == ["s1", "s2"]
    report = results[0]["report"]
    assert isinstance(report, dict) and report["score"] == int(scores[0]["score"])
    assert report["answer"]["text"] == STRONG
    assert read_errors(out) == []
    index = (out / INDEX).read_text("utf-8")
    assert 'href="reports/s1.html"' in index and "Ayu" in index and "<svg" in index
    report_html = (out / REPORTS_DIR / "s1.html").read_text("utf-8")
    assert 'href="../index.html"' in report_html and "Ayu" in report_html


def test_cli_batch_exit_0_and_summary(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "c.csv", [["s1", "Ayu", QUESTION, "hr", STRONG]])
    result = CliRunner().invoke(
        main, ["batch", str(src), "--out", str(tmp_path / "o"), "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "Scored 1 of 1 answers" in result.stdout
    assert "Scoring" not in result.stderr  # no progress bar when not on a terminal
    quiet = CliRunner().invoke(
        main, ["batch", str(src), "--out", str(tmp_path / "o"), "--jobs", "1", "--quiet"]
    )
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_jobs_2_gives_the_same_files_as_jobs_1(tmp_path: Path) -> None:
    rows = [
        [f"s{i}", f"Student {i % 7}", QUESTION, "hr", STRONG if i % 3 else WEAK] for i in range(120)
    ]
    rows[5][4] = ""  # one failure in the middle keeps its place
    src = write_csv(tmp_path / "c.csv", rows)
    one, two = tmp_path / "one", tmp_path / "two"
    batch(src, one, jobs=1)
    summary = batch(src, two, jobs=2)
    assert summary.failed == 1 and summary.scored == 119
    for name in ("scores.csv", "results.jsonl", "errors.csv", "index.html"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    assert reports(one) == reports(two)


def test_spawned_workers_give_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where processes cannot fork (Windows), workers are spawned: they start afresh, get
    the settings pickled and open the spools by name. Same files as one process."""
    rows = [[f"s{i}", "S", QUESTION, "hr", STRONG if i % 2 else WEAK] for i in range(40)]
    rows[11][4] = ""
    src = write_csv(tmp_path / "c.csv", rows)
    one, two = tmp_path / "one", tmp_path / "two"
    batch(src, one, jobs=1)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    batch(src, two, jobs=2)
    for name in ("scores.csv", "results.jsonl", "errors.csv", "index.html"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    assert reports(one) == reports(two)
    assert multiprocessing.active_children() == []


def test_scores_csv_is_what_csv_writer_writes_for_its_rows(tmp_path: Path) -> None:
    """Workers write each row's own cells as CSV text and the parent joins the criterion
    scores to them; the file must equal csv.writer's output for the whole rows (quotes,
    commas and line breaks in cells), with columns first seen in a later chunk as well."""
    rows = [[f"s{i}", f"Student {i}", QUESTION, "hr", STRONG] for i in range(40)]
    rows[3][:2] = ['id "quoted", with comma', "Line\nbreak; and \r return"]
    rows[7][1] = "=cmd|' /C calc'!A0"
    rows[9][4] = ""  # a failed row between scored ones
    rows[33][2] = "Why do you want to work for our company?"  # another rubric, late
    rows[34][2] = "Introduce yourself."
    src = write_csv(tmp_path / "c.csv", rows)
    one, two = tmp_path / "one", tmp_path / "two"
    batch(src, one, jobs=1, html=False)
    batch(src, two, jobs=2, html=False)
    data = (two / "scores.csv").read_bytes()
    assert data == (one / "scores.csv").read_bytes()
    assert (two / "results.jsonl").read_bytes() == (one / "results.jsonl").read_bytes()
    with (two / "scores.csv").open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    rubrics = {row[table[0].index("rubric")] for row in table[1:]}
    assert len(rubrics) >= 3  # hr.* rubrics, and "" for the failed row
    assert table[4][:2] == rows[3][:2]
    rewritten = io.StringIO()
    rewritten.write("\ufeff")
    csv.writer(rewritten).writerows(table)
    assert rewritten.getvalue().encode("utf-8") == data


@pytest.mark.parametrize("jobs", [1, 2])
def test_jsonl_input_accepts_numbers_for_id_and_coach_score(tmp_path: Path, jobs: int) -> None:
    src = tmp_path / "c.jsonl"
    lines = [
        {
            "id": 17,
            "student": "Ayu",
            "question": QUESTION,
            "stage": "hr",
            "answer": STRONG,
            "coach_score": 80,
        },
        {
            "id": "b",
            "student": "Budi",
            "question": QUESTION,
            "stage": "hr",
            "answer": WEAK,
            "coach_score": "30",
            "note": "not used",
        },
    ]
    lines += [{**lines[0], "id": f"z{i}"} for i in range(PAST_ONE_CHUNK)]
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = batch(src, out, jobs=jobs)  # fields not used: known once every line is read
    assert summary.failed == 0 and summary.ignored_columns == ["note"]
    assert summary.jobs == jobs
    scores = read_scores(out)[:2]
    assert [r["id"] for r in scores] == ["17", "b"]
    assert [r["coach_score"] for r in scores] == ["80", "30"]
    index = (out / INDEX).read_text("utf-8")
    assert 'id="agreement"' in index and "<circle" in index


def test_semicolon_csv_with_bom_and_spreadsheet_headers(tmp_path: Path) -> None:
    src = tmp_path / "excel.csv"
    text = (
        "ID;Student;Question;Stage;Answer;Coach Score;;\r\n"
        f'x1;Ayu;{QUESTION};HR;"{STRONG}";"72,5";;\r\n'
    )
    src.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    out = tmp_path / "out"
    summary = batch(src, out)
    assert summary.failed == 0, read_errors(out)
    assert read_scores(out)[0]["coach_score"] == "72.5"


def test_csv_cells_that_look_like_formulas_are_quoted(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "c.csv", [["=1+1", "@SUM(A1)", QUESTION, "hr", STRONG]])
    out = tmp_path / "out"
    batch(src, out)
    row = read_scores(out)[0]
    assert row["id"] == "'=1+1" and row["student"] == "'@SUM(A1)"


def test_folder_with_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    (folder / "ayu.txt").write_text(STRONG, encoding="utf-8")
    (folder / "budi.txt").write_text(WEAK, encoding="utf-16")  # BOM-marked UTF-16 is fine
    write_csv(
        folder / "manifest.csv",
        [["ayu.txt", "hr", QUESTION, "Ayu L."], ["budi.txt", "hr", QUESTION, ""]],
        header=["file", "stage", "question", "student"],
    )
    out = tmp_path / "out"
    summary = batch(folder, out)
    assert (summary.scored, summary.failed) == (2, 0)
    scores = read_scores(out)
    assert [(r["id"], r["student"]) for r in scores] == [("ayu", "Ayu L."), ("budi", "budi")]


def test_folder_without_manifest_uses_stage_option(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    (folder / "ayu.txt").write_text(STRONG, encoding="utf-8")
    (folder / "notes.md").write_text("not an answer", encoding="utf-8")
    with pytest.raises(BatchError) as exc:
        batch(folder, tmp_path / "o1")
    assert exc.value.code == "E408"
    summary = batch(folder, tmp_path / "o2", stage="hr")
    assert (summary.total, summary.scored) == (1, 1)


# --------------------------------------------------------------------------------------
# Bad records: each is listed, the others are still scored


def _bad_record_run(
    tmp_path: Path,
    row: list[str],
    header: list[str] | None = None,
    files: dict[str, bytes] | None = None,
) -> dict[str, str]:
    for name, data in (files or {}).items():
        (tmp_path / name).write_bytes(data)
    header = header or HEADER
    good = dict(zip(HEADER, ["ok", "Ayu", QUESTION, "hr", STRONG], strict=True))
    src = write_csv(tmp_path / "c.csv", [[good.get(h, "") for h in header], row], header=header)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(src), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 1, result.output
    assert "1 of 2 records failed" in result.stderr
    assert [r["id"] for r in read_scores(out) if r["status"] == "scored"] == ["ok"]
    assert reports(out) == ["ok.html"]
    errors = read_errors(out)
    assert len(errors) == 1
    assert errors[0]["where"] == "c.csv row 3"
    index = (out / INDEX).read_text("utf-8")
    assert 'id="failed"' in index and errors[0]["code"] in index
    failed = [r for r in read_results(out) if r["status"] == "failed"]
    assert len(failed) == 1
    return errors[0]


FULL = [*HEADER, "type", "job", "lang", "coach_score"]


@pytest.mark.parametrize(
    ("row", "code", "column", "says"),
    [
        (["e", "Eka", QUESTION, "hr", "   "], "E003", "answer", "empty"),
        (["e", "Eka", QUESTION, "hrr", STRONG], "E411", "stage", "unknown stage 'hrr'"),
        (["e", "Eka", QUESTION, "", STRONG], "E423", "stage", "stage is empty"),
        (
            ["e", "Eka", QUESTION, "hr", STRONG, "behavorial", "", "", ""],
            "E412",
            "type",
            "unknown question type 'behavorial'",
        ),
        (
            ["e", "Eka", QUESTION, "hr", STRONG, "", "missing-job.txt", "", ""],
            "E415",
            "job",
            "was not found",
        ),
        (
            ["e", "Eka", QUESTION, "hr", STRONG, "", "binary-job.txt", "", ""],
            "E415",
            "job",
            "cannot be used",
        ),
        (
            ["e", "Eka", QUESTION, "hr", STRONG, "", "", "fr", ""],
            "E413",
            "lang",
            "unknown language",
        ),
        (
            ["e", "Eka", QUESTION, "hr", STRONG, "", "", "", "ninety"],
            "E414",
            "coach_score",
            "not a number from 0 to 100",
        ),
        (["e", "Eka", QUESTION, "hr", STRONG, "", "", "", "120"], "E414", "coach_score", "120"),
        (["e", "Eka", QUESTION, "hr", "<html><body>hi</body></html>"], "E008", "answer", "HTML"),
    ],
)
def test_bad_record(tmp_path: Path, row: list[str], code: str, column: str, says: str) -> None:
    header = FULL if len(row) > len(HEADER) else HEADER
    error = _bad_record_run(
        tmp_path, row, header, files={"binary-job.txt": b"\x00\x01\x02binary\x00" * 20}
    )
    assert (error["code"], error["column"], error["id"]) == (code, column, "e")
    assert says in error["message"]
    assert error["message"].startswith("c.csv row 3")


def test_row_with_too_many_cells(tmp_path: Path) -> None:
    error = _bad_record_run(tmp_path, ["e", "Eka", QUESTION, "hr", STRONG, "extra"])
    assert error["code"] == "E416" and "6 cells" in error["message"]


def test_bad_encoding_in_a_csv_row(tmp_path: Path) -> None:
    src = tmp_path / "c.csv"
    src.write_bytes(
        (",".join(HEADER) + "\n" + f'ok,Ayu,{QUESTION},hr,"{STRONG}"\n').encode("utf-8")
        + b"bad,Budi,Q,hr,caf\xe9 latte\n"
        + f'ok2,Citra,{QUESTION},hr,"{STRONG}"\n'.encode()
    )
    out = tmp_path / "out"
    summary = batch(src, out)
    assert (summary.scored, summary.failed) == (2, 1)
    error = read_errors(out)[0]
    assert error["code"] == "E005" and "row 3" in error["where"]
    assert "not valid UTF-8" in error["message"]


def test_bad_encoding_in_a_folder_txt(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    (folder / "a.txt").write_text(STRONG, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"I worked at a caf\xe9 and I fixed the till.")
    (folder / "c.txt").write_bytes(b"")
    (folder / "stray.txt").write_text(STRONG, encoding="utf-8")
    write_csv(
        folder / "manifest.csv",
        [
            ["a.txt", "hr", QUESTION],
            ["b.txt", "hr", QUESTION],
            ["c.txt", "hr", QUESTION],
            ["gone.txt", "hr", QUESTION],
            ["../a.txt", "hr", QUESTION],
        ],
        header=["file", "stage", "question"],
    )
    out = tmp_path / "out"
    summary = batch(folder, out)
    assert (summary.scored, summary.failed) == (1, 5)
    codes = {(e["where"], e["code"]) for e in read_errors(out)}
    assert codes == {
        ("manifest.csv row 3", "E005"),
        ("manifest.csv row 4", "E003"),
        ("manifest.csv row 5", "E421"),
        ("manifest.csv row 6", "E421"),
        ("answers/stray.txt", "E422"),
    }


@pytest.mark.parametrize(
    ("line", "code", "says"),
    [
        (
            '{"id": "x", "student": "S", "question": "Q", "stage": "hr", "answer": "A"',
            "E417",
            "not valid JSON",
        ),
        ('["not", "an", "object"]', "E418", "JSON array"),
        ('{"id": "x", "student": "S", "question": "Q", "stage": "hr"}', "E419", "'answer'"),
        (
            '{"id": "x", "student": "S", "question": "Q", "stage": "hr", "answer": ["a"]}',
            "E420",
            "must be text",
        ),
    ],
)
def test_malformed_jsonl_line(tmp_path: Path, line: str, code: str, says: str) -> None:
    good = json.dumps(
        {"id": "ok", "student": "Ayu", "question": QUESTION, "stage": "hr", "answer": STRONG}
    )
    src = tmp_path / "c.jsonl"
    src.write_text(
        good + "\n" + line + "\n" + good.replace('"ok"', '"ok2"') + "\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    summary = batch(src, out)
    assert (summary.scored, summary.failed) == (2, 1)
    error = read_errors(out)[0]
    assert error["code"] == code and error["where"] == "c.jsonl line 2"
    assert says in error["message"]


def test_jsonl_bad_encoding_line(tmp_path: Path) -> None:
    good = json.dumps(
        {"id": "ok", "student": "Ayu", "question": QUESTION, "stage": "hr", "answer": STRONG}
    ).encode()
    src = tmp_path / "c.jsonl"
    src.write_bytes(good + b"\n" + b'{"id": "caf\xe9"}\n')
    summary = batch(src, tmp_path / "out")
    assert (summary.scored, summary.failed) == (1, 1)
    assert read_errors(tmp_path / "out")[0]["code"] == "E005"


# --------------------------------------------------------------------------------------
# Problems with the input as a whole stop the run before anything is written


@pytest.mark.parametrize(
    ("content", "code", "says"),
    [
        ("id,student,question,stage\nx,S,Q,hr\n", "E403", "required column 'answer'"),
        ("id,student,question,stage,answer,Stage\n", "E404", "'stage' twice (columns D and F)"),
        ("id,student,,question,stage,answer\n", "E410", "column C"),
        ("\n\n", "E405", "no header row"),
    ],
)
def test_bad_header(tmp_path: Path, content: str, code: str, says: str) -> None:
    src = tmp_path / "c.csv"
    src.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(src), "--out", str(out)])
    assert result.exit_code == 1
    assert f"[{code}]" in result.stderr and says in result.stderr
    assert "row 1" in result.stderr or code == "E405"
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_missing_input_and_unknown_format(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["batch", str(tmp_path / "nope.csv"), "--out", str(tmp_path)])
    assert result.exit_code == 1 and "[E401]" in result.stderr
    (tmp_path / "x.xlsx").write_bytes(b"PK")
    result = runner.invoke(main, ["batch", str(tmp_path / "x.xlsx"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "[E402]" in result.stderr
    result = runner.invoke(main, ["batch", str(tmp_path / "x.xlsx"), "--out", "o", "--jobs", "0"])
    assert result.exit_code == 2


def test_empty_input(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "c.csv", [])
    with pytest.raises(BatchError) as exc:
        batch(src, tmp_path / "out")
    assert exc.value.code == "E409"


# --------------------------------------------------------------------------------------
# Safe names


def test_report_names_are_safe_and_unique() -> None:
    names = ReportNames()
    ids = [
        "../../etc/x",
        "a/b",
        "CON",
        "con.txt",
        "",
        "",
        "dup",
        "dup",
        "DUP",
        "Résumé ü",
        "学生",
        "..",
        "a b\tc",
        "x" * 300,
        "nul",
    ]
    got = [names.next(i) for i in ids]
    assert len(set(n.casefold() for n in got)) == len(got)
    for name in got:
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.html", name), name
        assert len(name) <= 80
        assert name.split(".")[0].upper() not in {"CON", "NUL"}
    assert got[0] == "etc-x.html"
    assert got[1] == "a-b.html"
    assert got[6:9] == ["dup.html", "dup-2.html", "DUP-3.html"]
    assert got[9] == "Resume-u.html"


def test_traversal_ids_stay_inside_the_output_folder(tmp_path: Path) -> None:
    ids = ["../../etc/x", "../escape", "a/b", "/abs/path", "CON", "", "", "dup", "dup", "学生"]
    src = write_csv(tmp_path / "c.csv", [[i, "S", QUESTION, "hr", STRONG] for i in ids])
    out = tmp_path / "deep" / "out"
    summary = batch(src, out)
    assert summary.scored == len(ids)
    inside = {p.resolve() for p in out.rglob("*")}
    everything = {p.resolve() for p in tmp_path.rglob("*")}
    outside = everything - inside - {out.resolve(), out.parent.resolve(), src.resolve()}
    assert outside == set()
    assert len(reports(out)) == len(ids)
    for row in read_scores(out):
        path = (out / row["report"]).resolve()
        assert path.parent == (out / REPORTS_DIR).resolve() and path.is_file()


# --------------------------------------------------------------------------------------
# Reruns, ownership of the folder, atomic writes


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_report_that_cannot_be_written_fails_its_record_only(tmp_path: Path, jobs: int) -> None:
    """The reports of a chunk are written once it is scored: a file that cannot be written
    (here a folder stands where b's report goes) fails that record alone, with the reason."""
    rows = [[rid, rid.upper(), QUESTION, "hr", STRONG] for rid in ("a", "b", "c")]
    rows += [[f"z{i}", "Z", QUESTION, "hr", WEAK] for i in range(PAST_ONE_CHUNK)]
    src = write_csv(tmp_path / "c.csv", rows)
    out = tmp_path / "out"
    batch(src, out, jobs=jobs)
    (out / "reports" / "b.html").unlink()
    (out / "reports" / "b.html" / "in-the-way").mkdir(parents=True)
    summary = batch(src, out, jobs=jobs)
    assert (summary.scored, summary.failed, summary.jobs) == (2 + PAST_ONE_CHUNK, 1, jobs)
    (error,) = read_errors(out)
    assert error["id"] == "b"
    assert error["code"] == "E301"
    assert error["message"].startswith("c.csv row 3: cannot write ")
    assert "b.html" in error["message"]
    statuses = {r["id"]: (r["status"], r.get("html")) for r in read_results(out)[:3]}
    assert statuses == {
        "a": ("scored", "reports/a.html"),
        "b": ("failed", None),
        "c": ("scored", "reports/c.html"),
    }
    assert [r["status"] for r in read_scores(out)][:4] == ["scored", "failed", "scored", "scored"]
    assert (out / "reports" / "a.html").is_file() and (out / "reports" / "c.html").is_file()
    assert not list((out / "reports").glob(".*.tmp"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_rerun_with_fewer_records_leaves_a_consistent_folder(tmp_path: Path, jobs: int) -> None:
    """With --jobs 2 the records are read in a process of their own, which must tell the
    run which reports it named (the others are an earlier run's and go)."""
    out = tmp_path / "out"
    first = write_csv(
        tmp_path / "c1.csv",
        [
            ["a", "A", QUESTION, "hr", STRONG],
            ["b", "B", QUESTION, "hr", WEAK],
            ["c", "C", QUESTION, "hr", ""],
        ],
    )
    batch(first, out)
    assert reports(out) == ["a.html", "b.html"]
    more = [[f"z{i}", "Z", QUESTION, "hr", WEAK] for i in range(PAST_ONE_CHUNK)]
    second = write_csv(tmp_path / "c2.csv", [["a", "A", QUESTION, "hr", WEAK], *more])
    summary = batch(second, out, jobs=jobs)
    assert summary.removed == 1 and summary.jobs == jobs
    assert reports(out) == sorted(["a.html"] + [f"z{i}.html" for i in range(PAST_ONE_CHUNK)])
    assert [r["id"] for r in read_scores(out)] == ["a"] + [f"z{i}" for i in range(PAST_ONE_CHUNK)]
    assert [r["id"] for r in read_results(out)] == ["a"] + [f"z{i}" for i in range(PAST_ONE_CHUNK)]
    assert read_errors(out) == []
    index = (out / INDEX).read_text("utf-8")
    assert "reports/b.html" not in index and "reports/a.html" in index
    assert not list(out.rglob("*.tmp"))
    # every link of the dashboard resolves
    for href in re.findall(r'href="(reports/[^"]+)"', index):
        assert (out / href).is_file()
    # scoring alone removes the HTML of the earlier run, which would be stale
    batch(second, out, html=False)
    assert reports(out) == [] and not (out / INDEX).exists()


def test_refuses_a_foreign_non_empty_folder(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"precious")
    src = write_csv(tmp_path / "c.csv", [["a", "A", QUESTION, "hr", STRONG]])
    with pytest.raises(BatchError) as exc:
        batch(src, out)
    assert exc.value.code == "E407"
    assert (out / "thesis.docx").read_bytes() == b"precious"
    assert sorted(p.name for p in out.iterdir()) == ["thesis.docx"]


def test_interrupted_run_leaves_no_half_written_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import answer_check.batch as batch_mod

    src = write_csv(
        tmp_path / "c.csv",
        [[f"s{i}", "S", QUESTION, "hr", STRONG] for i in range(batch_mod.CHUNK * 2 + 3)],
    )
    out = tmp_path / "out"
    batch(src, out)
    before = {name: (out / name).read_bytes() for name in ("results.jsonl", "scores.csv")}
    real = batch_mod.score_chunk
    calls = []

    def interrupted(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(batch_mod, "score_chunk", interrupted)
    with pytest.raises(KeyboardInterrupt):
        batch(src, out, jobs=1)
    # the earlier run's complete files are still there, nothing half-written, no temp files
    for name, data in before.items():
        assert (out / name).read_bytes() == data
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    for report in (out / REPORTS_DIR).glob("*.html"):
        assert report.read_text("utf-8").rstrip().endswith("</html>")


def test_interrupted_parallel_run_leaves_no_temp_files(tmp_path: Path) -> None:
    """Workers write their chunks' lines straight into temporary files of the output
    folder; a run interrupted in the middle stops them, removes those files, keeps the
    earlier run's files and leaves no worker process behind."""
    rows = [[f"s{i}", "S", QUESTION, "hr", STRONG] for i in range(60)]
    src = write_csv(tmp_path / "c.csv", rows)
    out = tmp_path / "out"
    batch(src, out, html=False)
    before = {name: (out / name).read_bytes() for name in ("results.jsonl", "scores.csv")}

    class Interrupted:  # Ctrl-C after the third chunk (of eight)
        calls = 0

        def start(self, total: int | None) -> None:
            assert total == 60

        def advance(self, n: int = 1) -> None:
            self.calls += 1
            if self.calls == 3:
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch(src, out, jobs=2, html=False, progress=Interrupted())
    for name, data in before.items():
        assert (out / name).read_bytes() == data
    assert sorted(p.name for p in out.iterdir()) == [
        ".answer-check-batch",
        "errors.csv",
        "reports",
        "results.jsonl",
        "scores.csv",
    ]
    assert multiprocessing.active_children() == []


needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods() or not hasattr(signal, "SIGALRM"),
    reason="the workers must inherit the patched scoring (fork)",
)


@needs_fork
def test_a_worker_killed_by_the_system_stops_the_run_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    """A worker killed mid-run (the out-of-memory killer, say) must not leave the run
    waiting forever for its chunk: one line says what happened and what to do, the exit
    status is 1, the earlier run's files stay, and no temporary file or process is left."""
    import answer_check.batch as batch_mod

    rows = [[f"s{i}", "S", QUESTION, "hr", STRONG] for i in range(60)]
    src = write_csv(tmp_path / "c.csv", rows)
    out = tmp_path / "out"
    batch(src, out, html=False)
    before = {name: (out / name).read_bytes() for name in ("results.jsonl", "scores.csv")}
    real = batch_mod.score_chunk

    def killed(chunk: list[Any], *args: Any) -> Any:
        if any(getattr(rec, "id", "") == "s20" for rec in chunk):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(chunk, *args)

    monkeypatch.setattr(batch_mod, "score_chunk", killed)

    def hung(signum: int, frame: Any) -> None:
        raise TimeoutError("the run still waits for the killed worker's chunk")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)  # a failure, not a test run that hangs
    try:
        result = runner.invoke(main, ["batch", str(src), "--out", str(out), "--jobs", "2"])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert not isinstance(result.exception, TimeoutError), result.exception
    assert result.exit_code == 1
    assert result.stderr == (
        "answer-check: error [E430]: a worker process stopped unexpectedly (killed by signal "
        "SIGKILL), so the run stopped; the folder keeps the earlier run's files. If the "
        "computer ran out of memory, run again with --jobs 1.\n"
    )
    for name, data in before.items():
        assert (out / name).read_bytes() == data
    assert not [p.name for p in out.rglob("*.tmp")]
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_input_that_fails_while_being_read_stops_the_run_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """With --jobs 2 the records are read in a process of their own: a file that cannot be
    read on (a disk error, say) stops the run with the same error as in one process, and
    leaves no temporary file or process behind."""
    import answer_check.batch as batch_mod

    rows = [[f"s{i}", "S", QUESTION, "hr", STRONG] for i in range(60)]
    src = write_csv(tmp_path / "c.csv", rows)
    real = batch_mod.CsvSource.records

    def failing(self: Any) -> Any:
        for n, item in enumerate(real(self)):
            if n == 30:
                raise OSError(5, "Input/output error")
            yield item

    monkeypatch.setattr(batch_mod.CsvSource, "records", failing)
    out = tmp_path / "out"
    with pytest.raises(OSError, match="Input/output error"):
        batch(src, out, jobs=jobs, html=False)
    assert not [p.name for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert multiprocessing.active_children() == []


@needs_fork
def test_a_bug_in_a_worker_reaches_the_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception that escapes a worker's chunk (a bug: a record's own fault never does)
    is raised in the parent, which the command reports as an internal error."""
    import answer_check.batch as batch_mod

    rows = [[f"s{i}", "S", QUESTION, "hr", STRONG] for i in range(60)]
    src = write_csv(tmp_path / "c.csv", rows)
    real = batch_mod.score_chunk

    def broken(chunk: list[Any], *args: Any) -> Any:
        if any(getattr(rec, "id", "") == "s33" for rec in chunk):
            raise RuntimeError("a bug in chunk s33")
        return real(chunk, *args)

    monkeypatch.setattr(batch_mod, "score_chunk", broken)
    with pytest.raises(RuntimeError, match="a bug in chunk s33"):
        batch(src, tmp_path / "out", jobs=2, html=False)
    assert not [p.name for p in (tmp_path / "out").rglob("*.tmp")]
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_ctrl_c_stops_a_parallel_run_cleanly(tmp_path: Path) -> None:
    """Ctrl-C in a terminal interrupts the whole process group, workers included. The run
    stops at once with its one-line message (no worker's traceback), removes its temporary
    files and keeps the earlier run's outputs. (Workers killed mid-result by
    Pool.terminate could also leave the run hanging: this stop must not need it.)"""
    out = tmp_path / "out"
    small = write_csv(tmp_path / "small.csv", [["a", "A", QUESTION, "hr", STRONG]])
    batch(small, out, html=False)
    before = {name: (out / name).read_bytes() for name in ("results.jsonl", "scores.csv")}
    proc = _scoring_in_workers(
        tmp_path,
        out,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        # Ctrl-C's default action, even where the tests run with SIGINT ignored (a
        # background job of a shell).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        os.killpg(proc.pid, signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130
    assert stderr == "answer-check: interrupted.\n"
    assert stdout == ""
    for name, data in before.items():
        assert (out / name).read_bytes() == data
    assert not [p.name for p in out.rglob("*") if p.name.startswith(".chunks.")]
    assert not [p.name for p in out.rglob("*.tmp")]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_a_killed_run_leaves_no_process_behind(tmp_path: Path) -> None:
    """A run killed outright (kill -9: it cannot clean up) takes its worker and reader
    processes with it, quietly, instead of leaving them waiting or scoring for nobody."""
    proc = _scoring_in_workers(tmp_path, tmp_path / "out")
    try:
        children = [
            int(pid)
            for task in Path(f"/proc/{proc.pid}/task").iterdir()
            for pid in (task / "children").read_text().split()
        ]
        assert len(children) >= 2  # two workers (and the reader, if still reading)
        proc.kill()
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    deadline = time.monotonic() + 10
    alive = children
    while alive and time.monotonic() < deadline:
        time.sleep(0.05)
        alive = [pid for pid in children if _running(pid)]
    assert alive == []
    assert stderr == ""  # nothing from the processes left behind either


def _scoring_in_workers(tmp_path: Path, out: Path, **popen: Any) -> subprocess.Popen[str]:
    """``answer-check batch --jobs 2`` of 4,000 answers into ``out``, as its own process,
    returned once the workers have written a chunk: the run is in the middle of scoring."""
    rows = [[f"s{i}", "S", QUESTION, "hr", STRONG] for i in range(4000)]
    src = write_csv(tmp_path / "big.csv", rows)
    command = [sys.executable, "-m", "answer_check", "batch", str(src), "--out", str(out)]
    proc = subprocess.Popen(
        [*command, "--jobs", "2", "--no-html", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )
    deadline = time.monotonic() + 60
    try:
        while not any(p.stat().st_size for p in out.glob(".results.jsonl.*.tmp")):
            assert proc.poll() is None, "the run ended before it was in the middle"
            assert time.monotonic() < deadline, "the run did not start scoring"
            time.sleep(0.005)
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    return proc


def _running(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for init to reap it does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_a_killed_runs_temporary_folder_is_removed_by_the_next_run(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "c.csv", [["a", "A", QUESTION, "hr", STRONG]])
    out = tmp_path / "out"
    batch(src, out)
    left = out / ".chunks.k1ll3d.tmp"
    left.mkdir()
    (left / "0.jsonl").write_bytes(b'{"half": ')
    batch(src, out)
    assert not left.exists()
    assert [r["id"] for r in read_results(out)] == ["a"]


def test_write_atomic_failure_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from answer_check.errors import OutputError
    from answer_check.output import write_atomic

    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")

    def broken_replace(a: object, b: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_write_atomic_gives_reports_the_mode_of_a_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import itertools
    import os
    import stat

    from answer_check import output

    output.write_atomic(tmp_path / "a.html", "a")
    # a temporary name left by a crashed run: the fallback (mkstemp) gives the same mode
    monkeypatch.setattr(output, "_COUNTER", itertools.count(7))
    (tmp_path / f".b.html.{os.getpid()}-7.tmp").write_text("left over", encoding="utf-8")
    output.write_atomic(tmp_path / "b.html", "b")
    for name in ("a.html", "b.html"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == output.FILE_MODE
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == "b"


def test_write_atomic_writes_everything_when_the_system_writes_less(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from answer_check.output import write_atomic

    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:5])))
    write_atomic(tmp_path / "r.html", "<p>caf\u00e9 \u00b7 r\u00e9sum\u00e9</p>" * 3)
    assert (tmp_path / "r.html").read_text(
        "utf-8"
    ) == "<p>caf\u00e9 \u00b7 r\u00e9sum\u00e9</p>" * 3


def test_write_atomic_writes_a_relative_path_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from answer_check.output import write_atomic

    renamed: list[str] = []
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        renamed.append(src)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.chdir(tmp_path)
    write_atomic(Path("r.html"), "new")
    write_atomic(Path("r.html"), b"newer")
    assert [os.path.dirname(tmp) for tmp in renamed] == [os.curdir] * 2
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]
    assert (tmp_path / "r.html").read_bytes() == b"newer"


def test_write_atomic_takes_a_str_path_and_makes_its_folder(tmp_path: Path) -> None:
    from answer_check.output import write_atomic

    target = tmp_path / "reports" / "r.html"
    write_atomic(str(target), "caf\u00e9")
    write_atomic(str(target), "caf\u00e9 \u2192")
    assert [p.name for p in target.parent.iterdir()] == ["r.html"]
    assert target.read_text(encoding="utf-8") == "caf\u00e9 \u2192"


def test_example_class_runs(tmp_path: Path) -> None:
    summary = batch(ROOT / "examples" / "batch" / "class.csv", tmp_path / "out", jobs=2)
    assert summary.failed == 0 and summary.scored == 12


def test_no_more_workers_than_chunks(tmp_path: Path, runner: CliRunner) -> None:
    """Three answers are one chunk: --jobs 8 scores them in one process, and says so."""
    rows = [[f"s{i}", "S", QUESTION, "hr", STRONG] for i in range(3)]
    src = write_csv(tmp_path / "c.csv", rows)
    result = runner.invoke(main, ["batch", str(src), "--out", str(tmp_path / "o"), "--jobs", "8"])
    assert result.exit_code == 0, result.output
    assert re.search(r"Scored 3 of 3 answers in \d+\.\d s \(1 process\)\.", result.stdout)
    twelve = batch(ROOT / "examples" / "batch" / "class.csv", tmp_path / "twelve", jobs=8)
    assert (twelve.scored, twelve.jobs) == (12, 2)  # chunks of 8: two


def test_readme_documents_batch() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Batch scoring for coaches" in readme
    for word in (
        "--jobs",
        "--no-html",
        "manifest.csv",
        "scores.csv",
        "results.jsonl",
        "errors.csv",
        "coach_score",
    ):
        assert word in readme, word


def test_a_record_crosses_to_a_worker_whole() -> None:
    """Record pickles as its fields in a tuple (faster): every field must survive it."""
    import pickle

    from answer_check.batch import Record

    record = Record(
        index=3,
        where="c.csv row 5",
        id="s3",
        student="Ayu",
        question=QUESTION,
        stage="hr",
        answer=STRONG,
        qtype="behavioral",
        job="Accountant",
        lang="en",
        coach_score=72.5,
        report="s3.html",
    )
    assert pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL)) == record


def test_chunks_give_every_worker_several_tasks() -> None:
    """A small class is split so that both workers score to the end; a large one is handed
    over in bigger chunks; an unknown count falls back to the default."""
    from answer_check.batch import CHUNK, CHUNK_RANGE, chunk_size

    assert 60 // chunk_size(60, 2) >= 4 * 2 - 1
    assert chunk_size(10, 2) == CHUNK_RANGE[0]
    assert chunk_size(10_000, 2) == CHUNK_RANGE[1]
    assert chunk_size(None, 2) == CHUNK


@settings(max_examples=300)
@given(st.lists(st.floats(min_value=0.0, max_value=1.0) | st.sampled_from([0, 1, -0.0])))
def test_score_cells_are_the_plain_text_of_the_rounded_score(scores: list[float]) -> None:
    """scores.csv's criterion cells, remembered per score, read as ``str(round(...))``:
    -0.0 apart from 0.0 and 1 apart from 1.0, the second time as the first."""
    from answer_check.batch import _score_text

    for score in scores + scores:
        assert _score_text(score) == str(round(100 * score, 1)), repr(score)
