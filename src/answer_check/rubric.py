"""Rubric schema: load TOML files, validate every field, and find the built-in rubrics."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from answer_check.errors import RubricError
from answer_check.paths import rubrics_dir

STAGES = ("hr", "user")
TEXT_LANGS = ("en", "id")


@dataclass(frozen=True)
class Text:
    """A piece of rubric text in one or more languages (English required)."""

    by_lang: tuple[tuple[str, str], ...]

    def get(self, lang: str) -> str:
        """The text in ``lang``, or the English one when ``lang`` has none."""
        found = english = ""
        for code, text in self.by_lang:
            if code == lang:
                found = text
            if code == "en":
                english = text
        return found or english


@dataclass(frozen=True)
class Example:
    """A criterion's own test: an answer that must pass it or must fail it."""

    expect: str  # "pass" | "fail"
    text: str
    lang: str = "en"
    question: str | None = None
    job: str | None = None  # a job description, for criteria that read it


@dataclass(frozen=True)
class Criterion:
    """One criterion: a check kind with its parameters, weight and feedback."""

    id: str
    title: Text
    weight: float
    check: str
    params: dict[str, Any]
    checks: Text
    why: Text
    fix: Text
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class Rubric:
    """A validated rubric."""

    id: str
    version: str
    stage: str
    question_type: str
    title: Text
    description: Text
    criteria: tuple[Criterion, ...]
    path: Path
    rel_path: str = field(default="")

    def criterion_rule(self, criterion: Criterion) -> str:
        return f"{self.rel_path or self.path.name}#{criterion.id}"


def _where(path: Path, *parts: str) -> str:
    return ": ".join([str(path), *parts]) if parts else str(path)


def _text(raw: Any, path: Path, *where: str) -> Text:
    if isinstance(raw, str) and raw.strip():
        return Text((("en", raw.strip()),))
    if isinstance(raw, dict) and isinstance(raw.get("en"), str):
        bad = [k for k in raw if k not in TEXT_LANGS or not isinstance(raw[k], str)]
        if not bad:
            return Text(tuple((k, str(raw[k]).strip()) for k in TEXT_LANGS if k in raw))
    raise RubricError(
        "E102",
        where=_where(path, *where),
        detail="must be a non-empty string or a table with 'en' (and optionally 'id') strings",
    )


def _require(data: dict[str, Any], key: str, kind: type, path: Path, *where: str) -> Any:
    if key not in data:
        raise RubricError("E102", where=_where(path, *where), detail=f"missing field '{key}'")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise RubricError(
            "E102",
            where=_where(path, *where, key),
            detail=f"must be a {kind.__name__}, got {type(value).__name__}",
        )
    return value


def parse_rubric(data: dict[str, Any], path: Path, rel_path: str = "") -> Rubric:
    """Validate a rubric's parsed TOML; every error names the file, criterion and field."""
    from answer_check.checks import REGISTRY, validate_params

    rid = _require(data, "id", str, path)
    version = str(_require(data, "version", str, path))
    stage = _require(data, "stage", str, path)
    if stage not in STAGES:
        raise RubricError(
            "E102",
            where=_where(path, "stage"),
            detail=f"unknown stage '{stage}' (use one of: {', '.join(STAGES)})",
        )
    qtype = _require(data, "question_type", str, path)
    title = _text(data.get("title"), path, "title")
    description = _text(data.get("description", title.get("en")), path, "description")
    raw_criteria = _require(data, "criteria", list, path)
    if not raw_criteria:
        raise RubricError(
            "E102", where=_where(path, "criteria"), detail="needs at least one criterion"
        )
    criteria: list[Criterion] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_criteria):
        if not isinstance(raw, dict):
            raise RubricError(
                "E102", where=_where(path, f"criteria[{i}]"), detail="must be a table"
            )
        cid = _require(raw, "id", str, path, f"criteria[{i}]")
        here = f"criterion '{cid}'"
        if cid in seen:
            raise RubricError("E102", where=_where(path, here), detail="duplicate criterion id")
        seen.add(cid)
        if "weight" not in raw:
            raise RubricError("E102", where=_where(path, here), detail="missing field 'weight'")
        weight = raw["weight"]
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
            raise RubricError(
                "E102",
                where=_where(path, here, "weight"),
                detail=f"must be a number >= 0, got {weight!r}",
            )
        check = _require(raw, "check", str, path, here)
        if check not in REGISTRY:
            raise RubricError(
                "E102",
                where=_where(path, here, "check"),
                detail=f"unknown check kind '{check}' (known: {', '.join(sorted(REGISTRY))})",
            )
        params = raw.get("params", {})
        if not isinstance(params, dict):
            raise RubricError("E102", where=_where(path, here, "params"), detail="must be a table")
        params = validate_params(check, params, _where(path, here, "params"))
        feedback = raw.get("feedback")
        if not isinstance(feedback, dict):
            raise RubricError(
                "E102",
                where=_where(path, here),
                detail="missing table 'feedback' with 'checks', 'why' and 'fix'",
            )
        examples = _examples(raw.get("examples", []), path, here)
        criteria.append(
            Criterion(
                id=cid,
                title=_text(raw.get("title"), path, here, "title"),
                weight=float(weight),
                check=check,
                params=params,
                checks=_text(feedback.get("checks"), path, here, "feedback.checks"),
                why=_text(feedback.get("why"), path, here, "feedback.why"),
                fix=_text(feedback.get("fix"), path, here, "feedback.fix"),
                examples=examples,
            )
        )
    if sum(c.weight for c in criteria) <= 0:
        raise RubricError("E102", where=_where(path, "criteria"), detail="the weights add up to 0")
    return Rubric(rid, version, stage, qtype, title, description, tuple(criteria), path, rel_path)


def _examples(raw: Any, path: Path, here: str) -> tuple[Example, ...]:
    if not isinstance(raw, list):
        raise RubricError(
            "E102", where=_where(path, here, "examples"), detail="must be a list of tables"
        )
    out = []
    for j, ex in enumerate(raw):
        where = (here, f"examples[{j}]")
        if not isinstance(ex, dict):
            raise RubricError("E102", where=_where(path, *where), detail="must be a table")
        expect = _require(ex, "expect", str, path, *where)
        if expect not in ("pass", "fail"):
            raise RubricError(
                "E102", where=_where(path, *where, "expect"), detail="must be 'pass' or 'fail'"
            )
        text = _require(ex, "text", str, path, *where)
        lang = ex.get("lang", "en")
        question = ex.get("question")
        job = ex.get("job")
        out.append(
            Example(
                expect,
                text,
                lang,
                question if isinstance(question, str) else None,
                job if isinstance(job, str) else None,
            )
        )
    return tuple(out)


def load_rubric_file(path: Path, rel_path: str = "") -> Rubric:
    """Read and validate one rubric file (a valid one is kept in the on-disk cache)."""
    return _load_rubric(path, rel_path, _validation_key())


def _load_rubric(path: Path, rel_path: str, validation_key: str | None) -> Rubric:
    """Read one rubric file; parse and validate it unless the disk cache has the result.

    The cache entry is keyed by the file's bytes and name and by ``validation_key`` (what
    else validation reads), so an edited file is validated again at once. Only a valid
    rubric is stored: a broken file is parsed, and its error raised, on every load.
    """
    from answer_check import disk_cache

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RubricError("E103", rubric=str(path)) from None
    except OSError as exc:
        raise RubricError(
            "E102", where=str(path), detail=f"cannot be read ({exc.strerror})"
        ) from None
    key = None
    if validation_key is not None:
        key = disk_cache.fingerprint(validation_key, str(path), rel_path, raw)
        cached = disk_cache.load("rubrics", key)
        if isinstance(cached, Rubric):
            return cached
    import tomllib  # only on a miss: a warm run never imports the parser

    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise RubricError("E102", where=str(path), detail="is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise RubricError("E101", where=str(path), detail=str(exc)) from None
    rubric = parse_rubric(data, path, rel_path)
    if key is not None:
        disk_cache.store("rubrics", key, rubric)
    return rubric


def _validation_key() -> str | None:
    """A fingerprint of everything besides the file that validating a rubric reads, or None
    when the disk cache is off.

    That is the code (this module, the parameter checks, the word-list look-up, the
    languages, and Python's, whose tomllib parses the file), every check kind's
    parameters, and which word lists exist: a criterion may name only existing ones. Every
    file under lexicons/ is listed, so a name reaching into a subfolder is covered too, and
    listed afresh on each load, so a removed list is reported at once.
    """
    from answer_check import disk_cache
    from answer_check.checks import ASKED, REGISTRY

    if disk_cache.cache_dir() is None:
        return None
    code = disk_cache.source_fingerprint("rubric", "checks/__init__", "lexicons", "i18n")
    kinds = repr([ASKED, *((kind.name, kind.params) for kind in REGISTRY.values())])
    root = rubrics_dir() / "lexicons"
    lists = sorted(
        os.path.join(folder, name) for folder, _, files in os.walk(root) for name in files
    )
    return disk_cache.fingerprint(sys.version, code, kinds, str(root), *lists)


@cache
def builtin_paths() -> dict[str, Path]:
    """Built-in rubric files by stage folder: 'hr/behavioral' -> path (no parsing)."""
    root = rubrics_dir()
    found: dict[str, Path] = {}
    for stage in STAGES:
        for path in sorted((root / stage).glob("*.toml")):
            found[f"{stage}/{path.stem}"] = path
    return found


@cache
def builtin_rubrics() -> tuple[Rubric, ...]:
    """Every built-in rubric, validated, sorted by stage then id."""
    validation_key = _validation_key()
    rubrics = [_load_rubric(p, f"{k}.toml", validation_key) for k, p in builtin_paths().items()]
    return tuple(sorted(rubrics, key=lambda r: (STAGES.index(r.stage), r.id)))


@cache
def find_rubric(stage: str, question_type: str) -> Rubric:
    """The built-in rubric for a stage and question type (loads only that file, once)."""
    path = builtin_paths().get(f"{stage}/{question_type}")
    if path is not None:
        rubric = load_rubric_file(path, f"{stage}/{question_type}.toml")
        if rubric.stage == stage and rubric.question_type == question_type:
            return rubric
    for rubric in builtin_rubrics():
        if rubric.stage == stage and rubric.question_type == question_type:
            return rubric
    raise RubricError("E104", stage=stage, qtype=question_type)


def resolve_rubric(ref: str) -> Rubric:
    """A rubric by id (e.g. 'hr.behavioral') or by the path of a TOML file."""
    path = Path(ref)
    if ref.endswith(".toml") or path.is_file():
        if not path.is_file():
            raise RubricError("E103", rubric=ref)
        return load_rubric_file(path)
    for rubric in builtin_rubrics():
        if rubric.id == ref:
            return rubric
    raise RubricError("E103", rubric=ref)
