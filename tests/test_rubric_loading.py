"""Rubric files: every built-in one loads; broken ones fail with the file, criterion and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from answer_check.errors import RubricError
from answer_check.rubric import builtin_rubrics, load_rubric_file, resolve_rubric

from conftest import ROOT

GOOD = """# a small, valid rubric that each test breaks in one place
id = "test.rubric"
version = "1.0"
stage = "hr"
question_type = "behavioral"
title = "Test rubric"

[[criteria]]
id = "situation"
title = "Situation"
weight = 10
check = "star_component"
params = { component = "situation" }
feedback.checks = "A past context."
feedback.why = "The recruiter needs the scene to judge the story."
feedback.fix = "Set the scene."
[[criteria.examples]]
expect = "pass"
text = "Last year, when I was working at a bank, our system failed."

[[criteria]]
id = "task"
title = "Task"
weight = 8
check = "star_component"
params = { component = "task" }
feedback.checks = "Your goal."
feedback.why = "It shows what was at stake."
feedback.fix = "Say what you had to achieve."

[[criteria]]
id = "action"
title = "Action"
weight = 16
check = "star_component"
params = { component = "action", min = 3 }
feedback.checks = "Your steps."
feedback.why = "They show how you work."
feedback.fix = "Describe your steps."

[[criteria]]
id = "story_order"
title = "Order"
weight = 4
check = "star_order"
feedback.checks = "Actions before the result."
feedback.why = "Easy to follow."
feedback.fix = "Tell the actions first."

[[criteria]]
id = "fillers"
title = "Fillers"
weight = 6
check = "avoid"
params = { lexicons = ["fillers", "hedges"] }
feedback.checks = "Fillers."
feedback.why = "They make you sound unsure."
feedback.fix = "Cut them."
"""


def test_builtins_load_and_are_unique() -> None:
    rubrics = builtin_rubrics()
    assert len({r.id for r in rubrics}) == len(rubrics)
    assert {(r.stage, r.question_type) for r in rubrics} >= {
        ("hr", "behavioral"),
        ("user", "technical_practice"),
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('check = "star_order"', 'check = "vibes"'),
            "criterion 'story_order': check: unknown check kind 'vibes'",
        ),
        (
            ("weight = 8\n", "weight = -3\n"),
            "criterion 'task': weight: must be a number >= 0, got -3",
        ),
        (("weight = 8\n", ""), "criterion 'task': missing field 'weight'"),
        (
            ('lexicons = ["fillers", "hedges"]', 'lexicons = ["fillers", "nope"]'),
            "word list 'nope' does not exist",
        ),
        (("min = 3 }", "min = 0 }"), "criterion 'action': params.min: must be >= 1"),
        (
            ('params = { component = "task" }', 'params = { component = "ending" }'),
            "'ending' is not one of",
        ),
        (('stage = "hr"', 'stage = "ceo"'), "unknown stage 'ceo'"),
        (('expect = "pass"', 'expect = "maybe"'), "must be 'pass' or 'fail'"),
        (
            ('feedback.why = "The recruiter needs', 'feedback.whyy = "The recruiter needs'),
            "criterion 'situation': feedback.why",
        ),
    ],
)
def test_broken_rubric_errors_name_the_place(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
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
