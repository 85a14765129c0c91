"""Tests for question-type detection and practice questions."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from answer_check.paths import rubrics_dir
from answer_check.questions import (
    Detection,
    default_type,
    detect_question_type,
    practice_questions,
    question_types,
)

DATA = Path(__file__).parent / "data"
STAGES = ("hr", "user")


def _labelled(stage: str) -> list[dict[str, str]]:
    with (DATA / f"questions_{stage}.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _confusion(stage: str) -> tuple[float, dict[str, float], str]:
    """Overall accuracy, accuracy per gold type, and a readable report of the misses."""
    rows = _labelled(stage)
    totals: Counter[str] = Counter()
    right: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    misses = []
    for row in rows:
        found = detect_question_type(row["question"], stage)
        totals[row["type"]] += 1
        pairs[row["type"], found.type] += 1
        if found.type == row["type"]:
            right[row["type"]] += 1
        else:
            misses.append(f"  {row['type']} -> {found.type} (cue {found.cue!r}): {row['question']}")
    overall = sum(right.values()) / len(rows)
    per_type = {t: right[t] / n for t, n in totals.items()}
    lines = [f"{stage}: {overall:.1%} of {len(rows)}"]
    lines += [f"  {t}: {right[t]}/{totals[t]}" for t in totals]
    lines += ["confusions (gold -> detected):"]
    lines += [f"  {g} -> {d}: {n}" for (g, d), n in sorted(pairs.items()) if g != d]
    lines += ["misses:", *misses]
    return overall, per_type, "\n".join(lines)


def test_labelled_sets_cover_every_type_in_both_languages() -> None:
    for stage, minimum in (("hr", 70), ("user", 50)):
        rows = _labelled(stage)
        assert len(rows) >= minimum
        assert {r["type"] for r in rows} == set(question_types(stage))
        for qtype in question_types(stage):
            assert {r["lang"] for r in rows if r["type"] == qtype} == {"en", "id"}, qtype


def test_hr_accuracy() -> None:
    overall, per_type, report = _confusion("hr")
    assert overall >= 0.90, report
    assert min(per_type.values()) >= 0.80, report


def test_user_accuracy() -> None:
    overall, _, report = _confusion("user")
    assert overall >= 0.90, report


@pytest.mark.parametrize("stage", STAGES)
def test_cue_offsets_point_at_the_cue_in_the_original_text(stage: str) -> None:
    for row in _labelled(stage):
        found = detect_question_type(row["question"], stage)
        if found.source != "detected":
            continue
        assert found.cue is not None and found.cue_start is not None and found.cue_end is not None
        matched = row["question"][found.cue_start : found.cue_end].lower()
        words = [w for w in re.findall(r"[^\W_]+", found.cue.replace("*", " ")) if w]
        for word in words:
            assert word in matched, (found, matched)
        # The span starts and ends on word boundaries of the original text.
        assert matched[:1].isalnum() and matched[-1:].isalnum(), matched


def test_offsets_map_back_through_punctuation_and_case() -> None:
    question = "  Okay...  WHAT   would (you) DO, if the server fails?"
    found = detect_question_type(question, "hr")
    assert found.type == "situational" and found.source == "detected"
    assert found.cue == "what * you do if"
    assert question[found.cue_start : found.cue_end] == "WHAT   would (you) DO, if"


def test_indonesian_gap_cue_with_bapak_ibu() -> None:
    question = "Apa yang akan Bapak/Ibu lakukan jika klien membatalkan kontrak?"
    found = detect_question_type(question, "hr")
    assert found.type == "situational"
    assert found.cue_start is not None and found.cue_end is not None
    assert question[found.cue_start : found.cue_end].startswith("Apa yang akan Bapak/Ibu lakukan")


def test_forced_type_overrides_detection() -> None:
    found = detect_question_type("Tell me about yourself.", "hr", forced="motivation")
    assert found.type == "motivation" and found.source == "given"
    assert found.cue is None and found.cue_start is None and found.cue_end is None
    assert found.scores["self_introduction"] > 0  # the scores are still reported


def test_forced_type_must_belong_to_the_stage() -> None:
    with pytest.raises(ValueError, match=r"valid types: .*behavioral"):
        detect_question_type("What is Docker?", "hr", forced="technical_theory")


@pytest.mark.parametrize("question", [None, "", "   ", "?!"])
@pytest.mark.parametrize("stage", STAGES)
def test_no_question_gives_the_stage_default(question: str | None, stage: str) -> None:
    found = detect_question_type(question, stage)
    assert found.type == default_type(stage)
    assert found.source == "default" and found.cue is None and found.cue_start is None
    assert set(found.scores) == set(question_types(stage))
    assert not any(found.scores.values())


def test_no_cue_gives_the_stage_default() -> None:
    found = detect_question_type("Lorem ipsum dolor sit amet.", "user")
    assert (found.type, found.source) == ("technical_practice", "default")


def test_defaults() -> None:
    assert default_type("hr") == "behavioral"
    assert default_type("user") == "technical_practice"


def test_types_per_stage() -> None:
    assert set(question_types("hr")) == {
        "behavioral", "situational", "cv_clarification", "motivation",
        "strengths_weaknesses", "career_goals", "teamwork", "self_introduction",
    }  # fmt: skip
    assert set(question_types("user")) == {
        "technical_practice", "technical_theory", "product_insight", "closed", "job_fit",
    }  # fmt: skip


@pytest.mark.parametrize(
    "call",
    [
        lambda: detect_question_type("Tell me about yourself", "manager"),
        lambda: question_types("HR"),
        lambda: default_type(""),
        lambda: practice_questions("panel"),
    ],
)
def test_unknown_stage_raises(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match=r"unknown stage .*valid stages: hr, user"):
        call()


def test_practice_questions_unknown_type_or_language_raises() -> None:
    with pytest.raises(ValueError, match="valid types"):
        practice_questions("user", "behavioral")
    with pytest.raises(ValueError, match="valid languages: en, id"):
        practice_questions("hr", lang="fr")


@pytest.mark.parametrize("stage", STAGES)
def test_every_type_has_practice_questions_in_both_languages(stage: str) -> None:
    for qtype in question_types(stage):
        for lang in ("en", "id"):
            found = practice_questions(stage, qtype, lang)
            assert len(found) >= 4, (stage, qtype, lang)
            assert all((q.stage, q.type, q.lang) == (stage, qtype, lang) for q in found)
            assert len({q.text for q in found}) == len(found)


@pytest.mark.parametrize("stage", STAGES)
def test_practice_questions_are_detected_as_their_own_type(stage: str) -> None:
    for q in practice_questions(stage):
        assert detect_question_type(q.text, stage).type == q.type, q


def test_rubrics_dir_holds_the_data_files() -> None:
    assert (rubrics_dir() / "questions.toml").is_file()
    assert (rubrics_dir() / "practice_questions.toml").is_file()


def test_detection_is_deterministic() -> None:
    question = "Kenapa kamu mau kerja di sini, dan di mana kamu lihat dirimu 5 tahun lagi?"
    first = detect_question_type(question, "hr")
    assert all(detect_question_type(question, "hr") == first for _ in range(5))


@given(text=st.text(max_size=300), stage=st.sampled_from(STAGES))
def test_any_text_gives_a_valid_type_and_offsets_in_bounds(text: str, stage: str) -> None:
    found = detect_question_type(text, stage)
    assert isinstance(found, Detection)
    assert found.type in question_types(stage)
    assert found.source in {"detected", "default"}
    if found.source == "detected":
        assert found.cue_start is not None and found.cue_end is not None
        assert 0 <= found.cue_start < found.cue_end <= len(text)
        assert found.scores[found.type] == max(found.scores.values()) > 0
    else:
        assert found.cue is None and found.cue_start is None and found.cue_end is None


@given(
    words=st.lists(
        st.sampled_from(["tell", "me", "about", "a", "time", "Apa", "itu", "yourself", "?", "..."]),
        max_size=30,
    ),
    stage=st.sampled_from(STAGES),
)
def test_cue_rich_text_gives_offsets_in_bounds(words: list[str], stage: str) -> None:
    text = " ".join(words)
    found = detect_question_type(text, stage)
    if found.source == "detected":
        assert found.cue_start is not None and found.cue_end is not None
        assert 0 <= found.cue_start < found.cue_end <= len(text)


def _cue_example(pattern: str) -> str:
    """A question the cue matches: each gap filled with a word, each prefix lengthened."""
    parts = pattern.split()
    return " ".join("really" if p == "*" else p[:-1] + "s" if p[-1] == "*" else p for p in parts)


@pytest.mark.parametrize("stage", STAGES)
def test_the_cue_pre_check_only_skips_cues_that_do_not_match(stage: str) -> None:
    """Only the cues that pass a cheap pre-check are searched for: the matches found are
    exactly those of searching every cue, in the same order (ties go to the first)."""
    from answer_check.questions import _Match, _matches, _Normalised, _stage

    spec = _stage(stage)
    texts = [row["question"] for row in _labelled(stage)]
    texts += [_cue_example(cue.pattern) for cues in spec.cues.values() for cue in cues]
    matched = set()
    for text in texts:
        norm = _Normalised(text).text
        every = []
        for qtype, cues in spec.cues.items():
            for cue in cues:
                m = cue.regex.search(norm)
                if m:
                    every.append(_Match(qtype, cue, m.start(), m.end()))
                    matched.add(cue.pattern)
        assert _matches(spec, norm) == every, text
    assert matched == {cue.pattern for cues in spec.cues.values() for cue in cues}
