"""The command line: success paths and every bad-input case (one line, no traceback, exit code)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from answer_check.cli import main

from conftest import ROOT

STRONG = ROOT / "examples" / "hr_behavioral_strong.txt"
WEAK = ROOT / "examples" / "hr_behavioral_weak.txt"


def run(runner: CliRunner, *args: str, stdin: bytes | str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_score_prints_summary_and_writes_html(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    code, stdout, _ = run(runner, "score", str(STRONG), "--stage", "hr", "--output", str(out))
    assert code == 0
    assert re.search(r"Score: \d+/100", stdout)
    assert "Situation" in stdout and "Report: " in stdout
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_default_report_path_is_reports_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = run(runner, "score", str(STRONG), "--stage", "hr")
    assert code == 0
    assert (tmp_path / "reports" / "hr_behavioral_strong-hr.html").is_file()
    assert "reports/hr_behavioral_strong-hr.html" in stdout


def test_json_on_stdout(runner: CliRunner) -> None:
    code, stdout, _ = run(runner, "score", str(STRONG), "--stage", "hr", "--format", "json")
    assert code == 0
    data = json.loads(stdout)
    assert data["schema_version"] and 0 <= data["score"] <= 100
    assert set(data["star"]) == {"situation", "task", "action", "result"}


def test_stdin(runner: CliRunner) -> None:
    code, stdout, _ = run(runner, "score", "-", "--format", "json", stdin=STRONG.read_bytes())
    assert code == 0
    assert json.loads(stdout)["score"] >= 60


def test_strong_example_beats_weak(runner: CliRunner) -> None:
    scores = []
    for path in (STRONG, WEAK):
        _, stdout, _ = run(runner, "score", str(path), "--format", "json")
        scores.append(json.loads(stdout)["score"])
    assert scores[0] - scores[1] >= 30


def test_question_type_detected_and_shown(runner: CliRunner) -> None:
    code, stdout, _ = run(
        runner,
        "score",
        str(STRONG),
        "--question",
        "Tell me about a time you handled a crisis.",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(stdout)
    assert data["question_type"] == "behavioral"
    assert data["question"]["source"] == "detected"


def test_no_question_says_type_was_assumed(runner: CliRunner) -> None:
    _, stdout, _ = run(runner, "score", str(STRONG), "--format", "json")
    data = json.loads(stdout)
    assert data["question"]["source"] == "default"
    assert any("assumed" in note for note in data["notes"])


def test_utf8_bom_and_utf16_accepted(runner: CliRunner, tmp_path: Path) -> None:
    text = STRONG.read_text(encoding="utf-8")
    reference = json.loads(run(runner, "score", str(STRONG), "--format", "json")[1])["score"]
    for name, data in (
        ("bom.txt", b"\xef\xbb\xbf" + text.encode()),
        ("u16.txt", text.encode("utf-16")),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        code, stdout, _ = run(runner, "score", str(path), "--format", "json")
        assert code == 0, name
        assert json.loads(stdout)["score"] == reference


BAD_INPUTS = [
    ("missing", None, "no such file"),
    ("folder", None, "is a folder"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t \n", "empty"),
    ("binary.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("latin1.txt", "Saya bekerja di caf\u00e9 itu.".encode("latin-1"), "not valid UTF-8"),
    ("huge.txt", ("word " * 20_001).encode(), "over the limit"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_answer_input(
    runner: CliRunner, tmp_path: Path, name: str, data: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if name == "folder":
        path.mkdir()
    elif data is not None:
        path.write_bytes(data)
    code, stdout, stderr = run(runner, "score", str(path))
    assert code == 1
    assert message in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert "Traceback" not in stderr + stdout


def test_empty_stdin(runner: CliRunner) -> None:
    code, _, stderr = run(runner, "score", "-", stdin=b"")
    assert code == 1 and "stdin: the answer is empty" in stderr


def test_unknown_stage_is_usage_error(runner: CliRunner) -> None:
    code, _, stderr = run(runner, "score", str(STRONG), "--stage", "ceo")
    assert code == 2 and "ceo" in stderr


def test_unknown_type_is_usage_error(runner: CliRunner) -> None:
    code, _, stderr = run(runner, "score", str(STRONG), "--type", "riddle")
    assert code == 2 and "unknown question type 'riddle'" in stderr


def test_unknown_rubric(runner: CliRunner) -> None:
    code, _, stderr = run(runner, "score", str(STRONG), "--rubric", "hr.nonsense")
    assert code == 1 and "unknown rubric 'hr.nonsense'" in stderr


def test_broken_rubric_names_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\nversion = "1"\nstage = "hr"\nquestion_type = [\n', encoding="utf-8")
    code, _, stderr = run(runner, "score", str(STRONG), "--rubric", str(bad))
    assert code == 1
    assert str(bad) in stderr and "line" in stderr and "Traceback" not in stderr


def test_custom_rubric_copy_is_used(runner: CliRunner, tmp_path: Path) -> None:
    src = (ROOT / "rubrics" / "hr" / "behavioral.toml").read_text(encoding="utf-8")
    custom = src.replace('id = "hr.behavioral"', 'id = "coach.behavioral"')
    custom = custom.replace(
        'title = { en = "Situation", id = "Situasi" }',
        'title = { en = "Setting the scene", id = "Situasi" }',
    )
    path = tmp_path / "mine.toml"
    path.write_text(custom, encoding="utf-8")
    code, stdout, _ = run(runner, "score", str(STRONG), "--rubric", str(path), "--format", "json")
    assert code == 0
    data = json.loads(stdout)
    assert data["rubric"]["id"] == "coach.behavioral"
    assert data["criteria"][0]["title"] == "Setting the scene"


def test_rubric_for_other_stage_is_refused(runner: CliRunner) -> None:
    code, _, stderr = run(
        runner, "score", str(STRONG), "--stage", "user", "--rubric", "hr.behavioral"
    )
    assert code == 1 and "is for stage 'hr'" in stderr


def test_question_and_question_file_conflict(runner: CliRunner, tmp_path: Path) -> None:
    q = tmp_path / "q.txt"
    q.write_text("Tell me about a time you failed.", encoding="utf-8")
    code, _, stderr = run(
        runner, "score", str(STRONG), "--question", "x", "--question-file", str(q)
    )
    assert code == 2 and "not both" in stderr


def test_unwritable_output(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, stderr = run(runner, "score", str(STRONG), "--output", str(blocker / "r.html"))
    assert code == 1 and "cannot write" in stderr


def test_rubrics_list_and_show(runner: CliRunner) -> None:
    code, stdout, _ = run(runner, "rubrics")
    assert code == 0 and "hr.behavioral" in stdout and "behavioral" in stdout
    code, stdout, _ = run(runner, "rubrics", "show", "hr.behavioral")
    assert code == 0 and "weight" in stdout and "star_component" in stdout


def test_version_and_help(runner: CliRunner) -> None:
    code, stdout, _ = run(runner, "--version")
    assert code == 0 and "answer-check" in stdout
    code, stdout, _ = run(runner, "score", "--help")
    assert code == 0 and "Examples:" in stdout


JOB_ANSWER = ROOT / "examples" / "user_job_fit.txt"
JOB_TEXT = ROOT / "examples" / "jobdesc_data_analyst.txt"


def test_job_option_adds_job_terms_to_json(runner: CliRunner) -> None:
    code, stdout, _ = run(
        runner,
        "score",
        str(JOB_ANSWER),
        "--stage",
        "user",
        "--job",
        str(JOB_TEXT),
        "--question",
        "How does your experience fit this role?",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(stdout)
    terms = {t["term"]: t for t in data["job"]["terms"]}
    assert terms["Tableau"]["covered"] and terms["Tableau"]["evidence"]
    assert not terms["VLOOKUP"]["covered"] and terms["VLOOKUP"]["evidence"] == []
    crit = {c["id"]: c for c in data["criteria"]}
    assert not crit["job_match"]["skipped"] and crit["job_match"]["level"] == "met"


def test_job_report_shows_covered_and_missing(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    code, _, _ = run(
        runner,
        "score",
        str(JOB_ANSWER),
        "--stage",
        "user",
        "--job",
        str(JOB_TEXT),
        "--output",
        str(out),
    )
    html = out.read_text(encoding="utf-8")
    assert code == 0 and "Job description match" in html
    assert 'class="term yes"' in html and 'class="term no"' in html


def test_terms_option_counts_own_terms(runner: CliRunner, tmp_path: Path) -> None:
    answer = tmp_path / "a.txt"
    answer.write_text(
        "First I tuned the Frobnicator, then I rebuilt the Quuxstore index.", encoding="utf-8"
    )
    terms = tmp_path / "terms.txt"
    terms.write_text("# my tools\nFrobnicator\nQuuxstore\n", encoding="utf-8")
    scores = []
    for extra in ((), ("--terms", str(terms))):
        code, stdout, _ = run(
            runner,
            "score",
            str(answer),
            "--stage",
            "user",
            "--type",
            "technical_practice",
            "--format",
            "json",
            *extra,
        )
        assert code == 0
        crit = {c["id"]: c for c in json.loads(stdout)["criteria"]}
        scores.append(crit["technical_detail"]["score"])
    assert scores[1] > scores[0]


@pytest.mark.parametrize("option", ["--job", "--terms"])
def test_missing_job_or_terms_file(runner: CliRunner, tmp_path: Path, option: str) -> None:
    code, _, stderr = run(
        runner, "score", str(JOB_ANSWER), "--stage", "user", option, str(tmp_path / "nope.txt")
    )
    assert code == 1 and "[E205]" in stderr and option in stderr
    assert "Traceback" not in stderr


def test_empty_terms_and_job_files(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("# only a comment\n\n", encoding="utf-8")
    code, _, stderr = run(
        runner, "score", str(JOB_ANSWER), "--stage", "user", "--terms", str(empty)
    )
    assert code == 1 and "[E204]" in stderr
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n", encoding="utf-8")
    code, _, stderr = run(runner, "score", str(JOB_ANSWER), "--stage", "user", "--job", str(blank))
    assert code == 1 and "[E206]" in stderr


def _command(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: its own process (``python -m answer_check``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "answer_check", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def test_the_command_writes_all_its_output_before_it_exits() -> None:
    """The process ends without Python's teardown (``cli.run``): what it printed is all
    there (the JSON report is larger than a pipe's buffer), with the exit status of each
    case."""
    done = _command("score", str(STRONG), "--stage", "hr", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) > 8192
    assert json.loads(done.stdout)["score"] >= 60
    assert done.stderr == ""
    missing = _command("score", str(ROOT / "no-such-answer.txt"))
    assert missing.returncode == 1
    assert missing.stdout == ""
    assert missing.stderr.startswith("answer-check: error [E001]: ")
    assert missing.stderr.count("\n") == 1
    usage = _command("score", str(STRONG), "--stage", "boss")
    assert usage.returncode == 2
    assert "Invalid value for '--stage'" in usage.stderr


def test_output_into_a_closed_pipe_ends_quietly() -> None:
    """``answer-check score ... --format json | head -c 100``: the reader stops early. No
    "internal error", no "Exception ignored": nothing on stderr, the status of a closed pipe."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "answer_check", "score", str(STRONG), "--format", "json"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader is gone before anything is written
        stderr = proc.stderr.read()
        assert proc.wait(timeout=60) == 141
    assert stderr == b""
