"""Rubric files: every built-in one loads; broken ones fail with the file, criterion and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from answer_check.errors import RubricError
from answer_check.rubric import builtin_rubrics, load_rubric_file, resolve_rubric
from conftest import ROOT

GOOD = (ROOT / "rubrics" / "hr" / "behavioral.toml").read_text(encoding="utf-8")


def test_builtins_load_and_are_unique() -> None:
    rubrics = builtin_rubrics()
    assert len({r.id for r in rubrics}) == len(rubrics)
    assert {(r.stage, r.question_type) for r in rubrics} >= {("hr", "behavioral"),
                                                              ("user", "technical_practice")}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('check = "star_order"', 'check = "vibes"'), "criterion 'star_order': check: unknown check kind 'vibes'"),
        (("weight = 8\n", "weight = -3\n"), "criterion 'task': weight: must be a number >= 0, got -3"),
        (("weight = 8\n", ""), "criterion 'task': missing field 'weight'"),
        (('lexicons = ["fillers", "hedges"]', 'lexicons = ["fillers", "nope"]'),
         "word list 'nope' does not exist"),
        (("min = 3 }", "min = 0 }"), "criterion 'action': params.min: must be >= 1"),
        (("params = { component = \"result\" }", "params = { component = \"ending\" }"),
         "'ending' is not one of"),
        (('stage = "hr"', 'stage = "ceo"'), "unknown stage 'ceo'"),
        (("expect = \"pass\"", "expect = \"maybe\""), "must be 'pass' or 'fail'"),
        (("feedback.why = \"The recruiter needs", "feedback.whyy = \"The recruiter needs"),
         "criterion 'situation': feedback.why"),
    ],
)
def test_broken_rubric_errors_name_the_place(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    old, new = change
    assert old in GOOD
    path = tmp_path / "r.toml"
    path.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RubricError) as err:
        load_rubric_file(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_toml_syntax_error_has_line(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(GOOD.replace('version = "1.0"', "version = 1.0 ="), encoding="utf-8")
    with pytest.raises(RubricError, match=r"TOML syntax error: .*line 3"):
        load_rubric_file(path)


def test_resolve_by_id_and_path() -> None:
    assert resolve_rubric("hr.behavioral").question_type == "behavioral"
    assert resolve_rubric(str(ROOT / "rubrics" / "hr" / "behavioral.toml")).id == "hr.behavioral"
