"""Detect an interview question's type from cue phrases in questions.toml; practice questions."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from answer_check.paths import rubrics_dir

QUESTIONS_FILE = "questions.toml"
PRACTICE_FILE = "practice_questions.toml"
LANGS = ("en", "id")

# A word of the normalised text: letters and digits; everything else (punctuation, "_",
# symbols) separates words, as whitespace does.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Detection:
    """The detected (or given, or default) type of one interview question.

    ``source`` is ``"detected"`` when a cue decided, ``"default"`` when there was no question
    or no cue matched, ``"given"`` when the caller forced the type. ``cue`` is the deciding
    cue pattern as written in questions.toml; ``cue_start``/``cue_end`` are 0-based,
    end-exclusive offsets of its match in the original question text. ``scores`` maps every
    type of the stage to its score (the weight of its strongest matched cue, 0.0 if none).
    """

    type: str
    source: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    scores: dict[str, float]


@dataclass(frozen=True)
class PracticeQuestion:
    """One sample interview question to rehearse with."""

    stage: str
    type: str
    lang: str
    text: str


@dataclass(frozen=True)
class _Cue:
    pattern: str
    lang: str
    weight: float
    source: str  # the regex source; compiled on first use (most cues never are)
    words: frozenset[str]  # the whole words a match needs
    prefixes: tuple[str, ...]  # and the beginnings of words (a part ending in '*')

    def could_match(self, words: frozenset[str]) -> bool:
        """A cheap pre-check, never wrong when it says no: the question has every word of the
        cue (and a word starting with each of its prefixes). Few cues pass it, so few cue
        regexes are ever compiled (the slow part of detecting a new question's type).
        """
        return self.words <= words and all(
            any(w.startswith(p) for w in words) for p in self.prefixes
        )

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.source)


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


@dataclass(frozen=True)
class _Stage:
    name: str
    default: str
    types: tuple[str, ...]
    priority: tuple[str, ...]
    cues: dict[str, tuple[_Cue, ...]]
    # For _matches: every cue with its type, in order; the positions of the cues that need
    # a whole word, by one such word (their longest, most often absent); of the others.
    ordered: tuple[tuple[str, _Cue], ...]
    by_word: dict[str, tuple[int, ...]]
    unindexed: tuple[int, ...]


@dataclass(frozen=True)
class _Match:
    qtype: str
    cue: _Cue
    start: int  # offsets into the normalised text
    end: int


class _Normalised:
    """A question as lower-case words joined by single spaces, with each word's original span."""

    def __init__(self, text: str) -> None:
        words = list(_WORD.finditer(text))
        self.spans = [(m.start(), m.end()) for m in words]
        parts = [m.group().lower() for m in words]
        self.starts: list[int] = []
        pos = 0
        for part in parts:
            self.starts.append(pos)
            pos += len(part) + 1
        self.text = " ".join(parts)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a match [start, end) of the normalised text to offsets in the original text."""
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, end - 1) - 1
        return self.spans[first][0], self.spans[last][1]


def _compile_cue(
    pattern: str, max_gap: int, where: str
) -> tuple[str, frozenset[str], tuple[str, ...]]:
    """Translate a cue pattern to a regex source over normalised text (see questions.toml);
    with the whole words and the word beginnings that every match contains."""
    pieces: list[str] = []
    whole: set[str] = set()
    prefixes: list[str] = []
    gap_pending = False
    for part in pattern.split():
        if part == "*":
            if not pieces or gap_pending:
                raise ValueError(f"{where}: cue {pattern!r} has a '*' gap at its start or twice")
            gap_pending = True
            continue
        prefix = part.endswith("*")
        words = [w.lower() for w in _WORD.findall(part.rstrip("*"))]
        if not words:
            raise ValueError(f"{where}: cue {pattern!r} has a part without letters: {part!r}")
        for i, word in enumerate(words):
            piece = re.escape(word)
            if prefix and i == len(words) - 1:
                piece += r"\S*"
                prefixes.append(word)
            else:
                whole.add(word)
            if pieces:
                piece = (rf"(?: \S+){{0,{max_gap}}}? " if gap_pending else " ") + piece
                gap_pending = False
            pieces.append(piece)
    if not pieces or gap_pending:
        raise ValueError(f"{where}: cue {pattern!r} is empty or ends with a '*' gap")
    source = r"(?<!\S)" + "".join(pieces) + r"(?!\S)"
    return source, frozenset(whole), tuple(dict.fromkeys(prefixes))


def _read_toml(name: str) -> dict[str, Any]:
    import tomllib  # not at module level: a warm run parses no TOML

    path: Path = rubrics_dir() / name
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _parse_cues(entries: Any, lang: str, max_gap: int, where: str) -> list[_Cue]:
    if not isinstance(entries, list):
        raise ValueError(f"{where}.{lang} must be a list of {{ cue = ..., weight = ... }} tables")
    cues = []
    for entry in entries:
        if not isinstance(entry, dict) or set(entry) != {"cue", "weight"}:
            raise ValueError(f"{where}.{lang}: each entry needs just 'cue' and 'weight': {entry}")
        pattern, weight = entry["cue"], entry["weight"]
        if not isinstance(pattern, str) or pattern != pattern.lower():
            raise ValueError(f"{where}.{lang}: cue {pattern!r} must be a lower-case string")
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
            raise ValueError(f"{where}.{lang}: cue {pattern!r} needs a positive number weight")
        source, words, prefixes = _compile_cue(pattern, max_gap, f"{where}.{lang}")
        cues.append(_Cue(pattern, lang, float(weight), source, words, prefixes))
    return cues


@cache
def _stages() -> dict[str, _Stage]:
    """Load and validate questions.toml once per process (and keep it in the disk cache)."""
    from answer_check import disk_cache

    raw = (rubrics_dir() / QUESTIONS_FILE).read_bytes()
    # Python's version too: its tomllib parses the file.
    key = disk_cache.fingerprint(sys.version, raw, disk_cache.source_fingerprint("questions"))
    cached = disk_cache.load("questions", key)
    if isinstance(cached, dict):
        return cached
    import tomllib

    stages = _parse_stages(tomllib.loads(raw.decode("utf-8")))
    disk_cache.store("questions", key, stages)
    return stages


def _parse_stages(data: dict[str, Any]) -> dict[str, _Stage]:
    """Validate the cue tables of questions.toml."""
    max_gap = data.get("matching", {}).get("max_gap", 3)
    if isinstance(max_gap, bool) or not isinstance(max_gap, int) or max_gap < 0:
        raise ValueError(f"{QUESTIONS_FILE}: matching.max_gap must be a whole number >= 0")
    stages: dict[str, _Stage] = {}
    for name, table in data.get("stages", {}).items():
        where = f"{QUESTIONS_FILE}: stages.{name}"
        type_tables: dict[str, Any] = table.get("types", {})
        types = tuple(type_tables)
        default, priority = table.get("default"), tuple(table.get("priority", ()))
        if default not in types:
            raise ValueError(f"{where}.default {default!r} is not one of its types {types}")
        if sorted(priority) != sorted(types):
            raise ValueError(f"{where}.priority must list each of {types} once, got {priority}")
        for qtype, spec in type_tables.items():
            unknown = set(spec) - {"description", *LANGS}
            if unknown:
                raise ValueError(f"{where}.types.{qtype} has unknown keys {sorted(unknown)}")
        cues = {
            qtype: tuple(
                cue
                for lang in LANGS
                for cue in _parse_cues(spec.get(lang, []), lang, max_gap, f"{where}.types.{qtype}")
            )
            for qtype, spec in type_tables.items()
        }
        ordered = tuple((qtype, cue) for qtype, group in cues.items() for cue in group)
        by_word: dict[str, list[int]] = {}
        unindexed = []
        for i, (_, cue) in enumerate(ordered):
            if cue.words:
                by_word.setdefault(max(sorted(cue.words), key=len), []).append(i)
            else:
                unindexed.append(i)
        stages[name] = _Stage(
            name,
            default,
            types,
            priority,
            cues,
            ordered,
            {word: tuple(at) for word, at in by_word.items()},
            tuple(unindexed),
        )
    if not stages:
        raise ValueError(f"{QUESTIONS_FILE} defines no stages")
    return stages


def _stage(stage: str) -> _Stage:
    stages = _stages()
    if stage not in stages:
        raise ValueError(f"unknown stage {stage!r}; valid stages: {', '.join(stages)}")
    return stages[stage]


def _check_type(spec: _Stage, qtype: str) -> None:
    if qtype not in spec.types:
        raise ValueError(
            f"unknown question type {qtype!r} for stage {spec.name!r}; "
            f"valid types: {', '.join(spec.types)}"
        )


def question_types(stage: str) -> list[str]:
    """Return the question types of a stage, in the order questions.toml lists them."""
    return list(_stage(stage).types)


def default_type(stage: str) -> str:
    """Return the type assumed for a stage when no question is given or no cue matches."""
    return _stage(stage).default


def _matches(spec: _Stage, text: str) -> list[_Match]:
    """The first match of every cue of the stage in the normalised text, in cue order.

    Only the cues indexed under a word of the text (and the few not indexed) are looked
    at, in their order in questions.toml: a question's words are a small part of the cues'.
    """
    found = []
    words = frozenset(text.split())
    candidates = list(spec.unindexed)
    for word in words:
        candidates += spec.by_word.get(word, ())
    for i in sorted(candidates):
        qtype, cue = spec.ordered[i]
        if not cue.could_match(words):
            continue
        m = cue.regex.search(text)
        if m:
            found.append(_Match(qtype, cue, m.start(), m.end()))
    return found


def _rank(match: _Match) -> tuple[float, int, int]:
    """Order a type's matches: the strongest cue first; among equals the earliest, then longest."""
    return (-match.cue.weight, match.start, match.start - match.end)


def detect_question_type(question: str | None, stage: str, forced: str | None = None) -> Detection:
    """Detect a question's type for a stage ("hr" or "user").

    Each type scores the weight of its strongest matched cue; the highest score wins and a
    tie goes to the type listed first in the stage's ``priority``. A forced type (checked
    against the stage's types) wins over detection; the scores are still reported.
    """
    spec = _stage(stage)
    if forced is not None:
        _check_type(spec, forced)
    scores = dict.fromkeys(spec.types, 0.0)
    best: dict[str, _Match] = {}
    norm = _Normalised(question or "")
    for match in _matches(spec, norm.text):
        current = best.get(match.qtype)
        if current is None or _rank(match) < _rank(current):
            best[match.qtype] = match
            scores[match.qtype] = match.cue.weight
    if forced is not None:
        return Detection(forced, "given", None, None, None, scores)
    if not best:
        return Detection(spec.default, "default", None, None, None, scores)
    winner = min(best, key=lambda t: (-scores[t], spec.priority.index(t)))
    decided = best[winner]
    start, end = norm.original_span(decided.start, decided.end)
    return Detection(winner, "detected", decided.cue.pattern, start, end, scores)


@cache
def _practice() -> tuple[PracticeQuestion, ...]:
    """Load and validate practice_questions.toml once per process."""
    data = _read_toml(PRACTICE_FILE)
    found: list[PracticeQuestion] = []
    for stage, by_type in data.items():
        spec = _stage(stage)
        for qtype, by_lang in by_type.items():
            _check_type(spec, qtype)
            for lang, texts in by_lang.items():
                if lang not in LANGS or not isinstance(texts, list):
                    raise ValueError(f"{PRACTICE_FILE}: {stage}.{qtype}.{lang} is not a known list")
                found.extend(PracticeQuestion(stage, qtype, lang, str(t)) for t in texts)
    return tuple(found)


def practice_questions(
    stage: str, qtype: str | None = None, lang: str | None = None
) -> list[PracticeQuestion]:
    """Return the sample questions of a stage, optionally of one type and/or one language."""
    spec = _stage(stage)
    if qtype is not None:
        _check_type(spec, qtype)
    if lang is not None and lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; valid languages: {', '.join(LANGS)}")
    return [
        q
        for q in _practice()
        if q.stage == stage
        and (qtype is None or q.type == qtype)
        and (lang is None or q.lang == lang)
    ]
