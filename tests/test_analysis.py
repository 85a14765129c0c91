"""The analysis' lazily worked-out values behave like functools.cached_property."""

from __future__ import annotations

from answer_check.analysis import Analysis, lazy


class _Counted:
    calls = 0

    @lazy
    def value(self) -> int:
        """A value worked out once."""
        _Counted.calls += 1
        return 42


def test_lazy_works_out_once_and_keeps_its_doc() -> None:
    first, second = _Counted(), _Counted()
    assert (first.value, first.value, second.value) == (42, 42, 42)
    assert _Counted.calls == 2  # once per instance
    assert first.__dict__["value"] == 42
    assert isinstance(_Counted.__dict__["value"], lazy)
    assert _Counted.value.__doc__ == "A value worked out once."


def test_analysis_values_are_kept() -> None:
    analysis = Analysis.of("I led the team. We shipped it on time.", "en")
    assert analysis.sentences is analysis.sentences
    assert analysis.words == 9
    assert "words" in analysis.__dict__
