"""Every check kind and every rubric criterion runs its own passing and failing examples."""

from __future__ import annotations

import pytest

from answer_check.analysis import Analysis
from answer_check.checks import FAIL_AT, PASS_AT, REGISTRY, KindExample, run_check, validate_params
from answer_check.rubric import Criterion, Rubric, builtin_rubrics

KIND_CASES = [
    pytest.param(kind, ex, id=f"{kind}-{ex.expect}-{i}")
    for kind, spec in sorted(REGISTRY.items())
    for i, ex in enumerate(spec.examples)
]


def _criterion_cases() -> list[object]:
    cases = []
    for rubric in builtin_rubrics():
        for crit in rubric.criteria:
            for i, ex in enumerate(crit.examples):
                cases.append(
                    pytest.param(rubric, crit, ex, id=f"{rubric.id}:{crit.id}-{ex.expect}-{i}")
                )
    return cases


def _assert_expected(expect: str, score: float, what: str) -> None:
    if expect == "pass":
        assert score >= PASS_AT, f"{what}: expected a pass (>= {PASS_AT}), scored {score:.2f}"
    else:
        assert score <= FAIL_AT, f"{what}: expected a fail (<= {FAIL_AT}), scored {score:.2f}"


@pytest.mark.parametrize(("kind", "example"), KIND_CASES)
def test_check_kind_examples(kind: str, example: KindExample) -> None:
    params = validate_params(kind, example.params, f"example of {kind}")
    analysis = Analysis.of(
        example.text, example.lang, question=example.question, job_text=example.job
    )
    outcome = run_check(kind, analysis, params)
    _assert_expected(example.expect, outcome.score, f"{kind} on {example.text!r}")


@pytest.mark.parametrize("kind", sorted(REGISTRY))
def test_every_check_kind_has_a_passing_and_a_failing_example(kind: str) -> None:
    expects = {ex.expect for ex in REGISTRY[kind].examples}
    assert expects == {"pass", "fail"}, f"check kind {kind!r} needs a passing and a failing example"
    assert REGISTRY[kind].summary, f"check kind {kind!r} needs a docstring"


@pytest.mark.parametrize(("rubric", "criterion", "example"), _criterion_cases())
def test_criterion_examples(rubric: Rubric, criterion: Criterion, example: object) -> None:
    from answer_check.rubric import Example

    assert isinstance(example, Example)
    analysis = Analysis.of(
        example.text, example.lang, question=example.question, job_text=example.job
    )
    outcome = run_check(criterion.check, analysis, criterion.params)
    _assert_expected(
        example.expect, outcome.score, f"{rubric.id}:{criterion.id} on {example.text[:60]!r}"
    )


@pytest.mark.parametrize("rubric", builtin_rubrics(), ids=lambda r: r.id)
def test_every_criterion_has_a_passing_and_a_failing_example(rubric: Rubric) -> None:
    for crit in rubric.criteria:
        for lang in {ex.lang for ex in crit.examples} | {"en"}:
            expects = {ex.expect for ex in crit.examples if ex.lang == lang}
            assert expects == {"pass", "fail"}, (
                f"{rubric.path}: criterion {crit.id!r} needs a passing and a failing example "
                f"in {lang!r}"
            )
