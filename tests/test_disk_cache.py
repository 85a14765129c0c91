"""The on-disk cache only makes things faster: same reports with it, without it, or broken."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

ANSWER = ROOT / "examples" / "user_technical_practice.txt"


def _score(cache_home: Path, *, no_cache: bool = False) -> str:
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(cache_home),
        "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    env.pop("ANSWER_CHECK_NO_CACHE", None)
    if no_cache:
        env["ANSWER_CHECK_NO_CACHE"] = "1"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "answer_check",
            "score",
            str(ANSWER),
            "--stage",
            "user",
            "--question",
            "How did you make the checkout API faster?",
            "--format",
            "json",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_cached_and_uncached_reports_are_identical(tmp_path: Path) -> None:
    first = _score(tmp_path)  # builds and stores
    entries = list((tmp_path / "answer-check").rglob("*.pickle"))
    assert entries, "nothing was cached"
    second = _score(tmp_path)  # loads from the cache
    uncached = _score(tmp_path / "other", no_cache=True)
    assert first == second == uncached
    assert not (tmp_path / "other").exists()


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    reference = _score(tmp_path)
    for entry in (tmp_path / "answer-check").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert _score(tmp_path) == reference


def test_an_unwritable_cache_folder_is_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert _score(blocker) == _score(tmp_path / "ok")


def _batch(cache_home: Path, out: Path) -> bytes:
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(cache_home),
        "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    env.pop("ANSWER_CHECK_NO_CACHE", None)
    source = ROOT / "examples" / "batch" / "class.csv"
    subprocess.run(
        [sys.executable, "-m", "answer_check", "batch", str(source), "--out", str(out)],
        env=env,
        capture_output=True,
        check=False,
    )
    return (out / "results.jsonl").read_bytes()


def test_batch_word_list_hint_only_saves_time(tmp_path: Path) -> None:
    """A batch keeps the names of the word lists it scanned for; the next run builds their
    combined matcher first. Kept, missing or naming a list that no longer exists: the
    results are the same."""
    import pickle

    first = _batch(tmp_path, tmp_path / "a")
    hints = list((tmp_path / "answer-check").rglob("universe/*.pickle"))
    assert len(hints) == 1, "the batch kept no word-list names"
    names = pickle.loads(hints[0].read_bytes())
    assert "negation" in names and all(isinstance(n, str) for n in names)
    assert _batch(tmp_path, tmp_path / "b") == first
    hints[0].write_bytes(pickle.dumps((*names, "no_such_list")))
    assert _batch(tmp_path, tmp_path / "c") == first


def test_old_entries_are_pruned_and_entries_in_use_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every edited word list leaves an entry behind: the least recently used go."""
    from answer_check import disk_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("ANSWER_CHECK_NO_CACHE", raising=False)
    disk_cache.cache_dir.cache_clear()
    try:
        for i in range(disk_cache.MAX_ENTRIES + 20):
            disk_cache.store("matchers", f"old{i:03d}", i)
        folder = tmp_path / "answer-check"
        entries = sorted(folder.rglob("matchers/*.pickle"))
        assert len(entries) == disk_cache.MAX_ENTRIES
        for n, path in enumerate(entries):  # make their ages distinct and old
            os.utime(path, (1_000_000 + n, 1_000_000 + n))
        oldest = entries[0].stem
        assert disk_cache.load("matchers", oldest) is not None  # used now: kept
        disk_cache.store("matchers", "new", "fresh")
        left = {p.stem for p in folder.rglob("matchers/*.pickle")}
        assert len(left) == disk_cache.MAX_ENTRIES
        assert {"new", oldest} <= left
        assert entries[1].stem not in left  # the least recently used one went
    finally:
        disk_cache.cache_dir.cache_clear()


def test_a_cached_lemma_table_equals_the_parsed_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lemma tables are kept unpickled-ready; read back, they are the same dict (same
    words, lemmas and order) as parsed from spacy-lookups-data without the cache."""
    from answer_check import disk_cache
    from answer_check.lemma_tables import load_table

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("ANSWER_CHECK_NO_CACHE", raising=False)
    disk_cache.cache_dir.cache_clear()
    load_table.cache_clear()
    try:
        stored = load_table("id_lemma_lookup")
        (entry,) = (tmp_path / "answer-check").rglob("lemmas/*.pickle")
        load_table.cache_clear()
        cached = load_table("id_lemma_lookup")
        assert cached is not stored
        monkeypatch.setenv("ANSWER_CHECK_NO_CACHE", "1")
        disk_cache.cache_dir.cache_clear()
        load_table.cache_clear()
        parsed = load_table("id_lemma_lookup")
        assert cached == stored == parsed
        assert list(cached.items()) == list(parsed.items())
        assert entry.exists()
    finally:
        disk_cache.cache_dir.cache_clear()
        load_table.cache_clear()
