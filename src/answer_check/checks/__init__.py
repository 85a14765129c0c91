"""The registry of check kinds: name -> pure function, its parameters and its examples.

A check kind is code; a rubric criterion names a kind and gives its parameters (word
lists, thresholds, messages live in the TOML). Every kind registers a passing and a
failing example, which the test suite runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from answer_check.errors import RubricError

if TYPE_CHECKING:
    from answer_check.analysis import Analysis
    from answer_check.model import Evidence


@dataclass(frozen=True)
class Param:
    """One parameter of a check kind."""

    name: str
    type: str  # "str" | "int" | "float" | "bool" | "str_list" | "str_list_i18n"
    default: Any = None
    required: bool = False
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    doc: str = ""


@dataclass(frozen=True)
class KindExample:
    """A passing or failing example of a check kind, with the parameters it runs with."""

    expect: str  # "pass" | "fail"
    text: str
    params: dict[str, Any]
    lang: str = "en"
    question: str | None = None
    job: str | None = None  # a job description, for kinds that read it


@dataclass(slots=True)
class Outcome:
    """What a check returns: a score 0..1, the evidence, and a message key with its fields.

    Read-only once made (slotted, not frozen: a check builds one per call, and a frozen
    dataclass is several times slower to build).
    """

    score: float
    evidence: tuple[Evidence, ...] = ()
    message: str = ""  # i18n catalog key
    fields: dict[str, Any] = field(default_factory=dict)
    skipped: bool = False


CheckFn = Callable[["Analysis", Mapping[str, Any]], Outcome]


@dataclass(frozen=True)
class CheckKind:
    """A registered check kind."""

    name: str
    fn: CheckFn
    params: tuple[Param, ...]
    summary: str
    examples: tuple[KindExample, ...]


REGISTRY: dict[str, CheckKind] = {}

# Thresholds for the examples of kinds and criteria: a passing example must score at
# least PASS_AT on its check, a failing one at most FAIL_AT.
PASS_AT = 0.75
FAIL_AT = 0.4


def register(
    name: str, params: tuple[Param, ...], examples: tuple[KindExample, ...]
) -> Callable[[CheckFn], CheckFn]:
    """Register a check kind under ``name``; its docstring's first line is its summary."""

    def wrap(fn: CheckFn) -> CheckFn:
        summary = (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else ""
        REGISTRY[name] = CheckKind(name, fn, params, summary, examples)
        return fn

    return wrap


def _bad(where: str, detail: str) -> RubricError:
    return RubricError("E102", where=where, detail=detail)


# A parameter every kind takes: terms of which the question must use one for the criterion
# to apply ("weakness" for a criterion on weaknesses). With a question that uses none of
# them the criterion is skipped; with no question it always applies.
ASKED = Param("asked", "str_list", (), doc="question terms that make the criterion apply")


def validate_params(kind: str, raw: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Check a criterion's parameters against its kind; fill in defaults."""
    spec = {p.name: p for p in (*REGISTRY[kind].params, ASKED)}
    unknown = sorted(set(raw) - set(spec))
    if unknown:
        raise _bad(
            f"{where}.{unknown[0]}",
            f"unknown parameter for check '{kind}' (known: {', '.join(spec) or 'none'})",
        )
    out: dict[str, Any] = {}
    for name, p in spec.items():
        here = f"{where}.{name}"
        if name not in raw:
            if p.required:
                raise _bad(where, f"missing parameter '{name}' for check '{kind}'")
            out[name] = p.default
            continue
        value = raw[name]
        if p.type == "str_list":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                raise _bad(here, "must be a list of non-empty strings")
            value = tuple(value)
        elif p.type == "str_list_i18n":
            value = _str_list_i18n(value, here)
        elif p.type == "bool":
            if not isinstance(value, bool):
                raise _bad(here, "must be true or false")
        elif p.type in ("int", "float"):
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or (p.type == "int" and not isinstance(value, int))
            ):
                raise _bad(here, f"must be {'a whole number' if p.type == 'int' else 'a number'}")
            if p.min is not None and value < p.min:
                raise _bad(here, f"must be >= {p.min:g}, got {value}")
            if p.max is not None and value > p.max:
                raise _bad(here, f"must be <= {p.max:g}, got {value}")
        elif p.type == "str" and not isinstance(value, str):
            raise _bad(here, "must be a string")
        if p.choices:
            values = value if isinstance(value, tuple) else (value,)
            for v in values:
                if v not in p.choices:
                    raise _bad(here, f"'{v}' is not one of: {', '.join(p.choices)}")
        out[name] = value
    _validate_lexicons(out, where)
    return out


def _str_list_i18n(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    """A list of strings (any language), or a table of lists per language: { en = [...] }."""
    from answer_check.i18n import LANGS

    def strings(v: Any, here: str) -> tuple[str, ...]:
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            raise _bad(here, "must be a list of non-empty strings")
        return tuple(v)

    if isinstance(value, dict):
        unknown = sorted(set(value) - set(LANGS))
        if unknown:
            raise _bad(f"{where}.{unknown[0]}", f"unknown language (known: {', '.join(LANGS)})")
        return {lang: strings(v, f"{where}.{lang}") for lang, v in value.items()}
    return {"en": strings(value, where)}


def by_lang(value: Mapping[str, tuple[str, ...]], lang: str) -> tuple[str, ...]:
    """The ``str_list_i18n`` value for ``lang`` (English when that language has none)."""
    return tuple(value.get(lang) or value.get("en") or ())


def _validate_lexicons(params: Mapping[str, Any], where: str) -> None:
    """Every named word list must exist (for English at least)."""
    from answer_check.lexicons import lexicon_path

    for key, value in params.items():
        if key in ("lexicons", "positive", "negative", "markers", "targets") and value:
            for name in value:
                try:
                    lexicon_path(name, "en")
                except RubricError:
                    raise _bad(
                        f"{where}.{key}",
                        f"word list '{name}' does not exist in rubrics/lexicons/en/",
                    ) from None


def run_check(kind: str, analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Run one check kind; the score is clamped to 0..1. Skipped when the question did not ask."""
    if params.get("asked") and analysis.question and not _asked(analysis, tuple(params["asked"])):
        return Outcome(0.0, (), "question.not_asked", skipped=True)
    outcome = REGISTRY[kind].fn(analysis, params)
    if 0.0 <= outcome.score <= 1.0:
        return outcome
    score = min(1.0, max(0.0, outcome.score))
    if score != outcome.score:
        outcome = Outcome(score, outcome.evidence, outcome.message, outcome.fields, outcome.skipped)
    return outcome


def _asked(analysis: Analysis, terms: tuple[str, ...]) -> bool:
    """True when the question uses one of ``terms`` (whole words, lemma-aware)."""
    assert analysis.question is not None
    return _question_uses(analysis.lang, analysis.question, terms)


@cache
def _question_uses(lang: str, question: str, terms: tuple[str, ...]) -> bool:
    """Cached per question: a class shares a handful of questions across many answers."""
    from answer_check.analysis import matcher_for
    from answer_check.nlp import pipeline

    pipe = pipeline(lang)
    return bool(matcher_for(pipe, (), terms)(pipe(question)))


def _load_kinds() -> None:
    from answer_check.checks import hr, lexical, quantity, shape, star_checks, user  # noqa: F401


_load_kinds()
