"""Rubric files: every built-in one loads; broken ones fail with the file, criterion and field."""

from __future__ import annotations

from collections.abc import Iterator
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


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The on-disk cache on, in a folder of its own."""
    from answer_check import disk_cache

    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("ANSWER_CHECK_NO_CACHE", raising=False)
    disk_cache.cache_dir.cache_clear()
    yield home
    disk_cache.cache_dir.cache_clear()


def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    from answer_check import disk_cache

    monkeypatch.setenv("ANSWER_CHECK_NO_CACHE", "1")
    disk_cache.cache_dir.cache_clear()


def _entries(cache_home: Path) -> list[Path]:
    return sorted(cache_home.rglob("rubrics/*.pickle"))


def test_a_cached_rubric_equals_a_freshly_validated_one(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.toml"
    path.write_text(GOOD, encoding="utf-8")
    first = load_rubric_file(path, "user/r.toml")
    (entry,) = _entries(cache_home)
    cached = load_rubric_file(path, "user/r.toml")
    assert cached is not first  # read back from the entry
    assert cached == first and cached.criteria[4].params == first.criteria[4].params
    _no_cache(monkeypatch)
    assert load_rubric_file(path, "user/r.toml") == first
    entry.write_bytes(b"damaged")  # a damaged entry is only a miss
    assert load_rubric_file(path, "user/r.toml") == first


def test_the_builtins_are_the_same_with_and_without_the_cache(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builtin_rubrics.cache_clear()
    try:
        built = builtin_rubrics()  # validated and stored
        assert len(_entries(cache_home)) == len(built)
        builtin_rubrics.cache_clear()
        cached = builtin_rubrics()
        assert cached == built and all(a is not b for a, b in zip(cached, built, strict=True))
        _no_cache(monkeypatch)
        builtin_rubrics.cache_clear()
        assert builtin_rubrics() == built
    finally:
        builtin_rubrics.cache_clear()


def test_an_edited_rubric_is_read_again(tmp_path: Path, cache_home: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_rubric_file(path).title.get("en") == "Test rubric"
    path.write_text(GOOD.replace('"Test rubric"', '"Edited"'), encoding="utf-8")
    assert load_rubric_file(path).title.get("en") == "Edited"
    path.write_text(GOOD.replace("weight = 8\n", "weight = -3\n"), encoding="utf-8")
    for _ in range(2):  # an error is never kept as a success
        with pytest.raises(RubricError, match="weight: must be a number >= 0"):
            load_rubric_file(path)
    assert len(_entries(cache_home)) == 2
    path.write_text(GOOD, encoding="utf-8")
    assert load_rubric_file(path).title.get("en") == "Test rubric"


@pytest.mark.parametrize("name", ["hedges", "more/hedges", "../id/hedges"])
def test_a_word_list_removed_after_caching_is_reported(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Which word lists exist is part of the cache key: a cached rubric naming a list
    that was removed since fails as it would without the cache."""
    from answer_check import lexicons, rubric

    root = tmp_path / "rubrics"
    for list_path in ("en/fillers", f"en/{name}"):
        file = root / "lexicons" / f"{list_path}.txt"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text("um\n", encoding="utf-8")
    monkeypatch.setattr(rubric, "rubrics_dir", lambda: root)
    monkeypatch.setattr(lexicons, "rubrics_dir", lambda: root)
    path = tmp_path / "r.toml"
    path.write_text(GOOD.replace('"hedges"', f'"{name}"'), encoding="utf-8")
    load_rubric_file(path)
    assert load_rubric_file(path) == load_rubric_file(path)
    (root / "lexicons" / "en" / f"{name}.txt").unlink()
    with pytest.raises(RubricError, match=f"word list '{name}' does not exist"):
        load_rubric_file(path)
