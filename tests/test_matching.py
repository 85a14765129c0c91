"""Word-list matching: whole words, lemma-aware, phrase-aware, exact-case terms, negation."""

from __future__ import annotations

import pytest

from answer_check.analysis import Analysis


def found(text: str, terms: list[str], lang: str = "en") -> list[str]:
    analysis = Analysis.of(text, lang)
    return [h.text for h in analysis.hits((), tuple(terms)) if not analysis.negated(h)]


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("We shipped it rapidly.", ["api"], []),
        ("I designed the API first.", ["api"], ["API"]),
        ("I led the team.", ["lead"], ["led"]),
        ("She was leading the audit.", ["lead"], ["leading"]),
        ("It was kind of late.", ["kind of"], ["kind of"]),
        ("What kind of tool? Of course, kind people help.", ["kind of"], ["kind of"]),
        ("I wrote the report in Word.", ["=Word"], ["Word"]),
        ("I chose every word carefully.", ["=Word"], []),
        ("I finally really decided to stop.", ["i ... decide"], ["I finally really decided"]),
        ("I did not finish it.", ["finish"], []),
        ("I didn\u2019t finish it.", ["finish"], []),
        ("I never finished the course.", ["finish"], []),
        ("It was not easy, but I finished it.", ["finish"], ["finished"]),
        # a negation that the term itself spells is its meaning, not a denial of it
        ("I am not good at public speaking.", ["i be not good at"], ["I am not good at"]),
        ("I never said I am not good at it.", ["i be not good at"], []),
        ("I did not really decide.", ["i ... decide"], []),
        ("I not only planned it but also finished it.", ["plan", "finish"], ["planned", "finished"]),
    ],
)
def test_matching(text: str, terms: list[str], expected: list[str]) -> None:
    assert found(text, terms) == expected


def test_offsets_index_the_original_text() -> None:
    text = "Line one.\r\n\r\n  I LED the rollout\u2014and it worked."
    analysis = Analysis.of(text, "en")
    hits = analysis.hits((), ("lead", "rollout"))
    assert [text[h.start : h.end] for h in hits] == [h.text for h in hits] == ["LED", "rollout"]
