"""The analysis' lazily worked-out values behave like functools.cached_property."""

from __future__ import annotations

import pytest

from answer_check.analysis import NEGATION_WINDOW, Analysis, lazy
from answer_check.lexicons import Hit


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


def _negated_by_rule(analysis: Analysis, hit: Hit) -> bool:
    """``Analysis.negated`` written out: a cue inside the hit that the term does not spell,
    or one within NEGATION_WINDOW tokens before it with no sentence or clause break between."""
    neg = {i for h in analysis.hits(("negation",)) for i in range(h.tok_start, h.tok_end)}
    breaks = {i for h in analysis.hits(("clause_breaks",)) for i in range(h.tok_start, h.tok_end)}
    texts, norms = analysis.view.texts, analysis.view.norms
    own = analysis._term_words(hit.term)
    for i in range(hit.tok_start, hit.tok_end):
        if i in neg and norms[i] not in own and texts[i].lower() not in own:
            return True
    sent_of = analysis.token_sentences
    for i in range(hit.tok_start - 1, -1, -1):
        if hit.tok_start - i > NEGATION_WINDOW:
            return False
        if sent_of[i] != sent_of[hit.tok_start] or i in breaks:
            return False
        if analysis.lexeme_flags[texts[i]].clause_end:
            return False
        if i in neg:
            return True
    return False


@pytest.mark.parametrize(
    "text",
    [
        "I did not call them. I called the bank, but never emailed the client.",
        "Not once did I call, email, plan or review the budget we wrote.",
        "Never. I called. We did not, in the end, really quite fully plan it at all then.",
        "No one led; I never really did take the lead, but I did not blame them.",
        # A cue exactly NEGATION_WINDOW tokens before the verb, and one token further.
        "I did not really very quite fully properly call them.",
        "I did not really very quite fully properly ever call them.",
        "Saya tidak menelepon klien, tetapi saya sudah mengirim laporan.",
    ],
)
def test_negated_follows_the_rule(text: str) -> None:
    lang = "id" if text.startswith("Saya") else "en"
    analysis = Analysis.of(text, lang)
    hits = analysis.hits(("action_verbs", "excuses", "negative_talk"))
    assert hits
    found = [analysis.negated(h) for h in hits]
    assert found == [_negated_by_rule(analysis, h) for h in hits]
    if text.startswith("I did not call"):  # both kinds of hit
        assert True in found and False in found
