"""Property tests: any text scores without crashing, within 0..100, with exact evidence spans."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from answer_check.scoring import Request, score

WORDS = st.sampled_from(
    [
        "I",
        "we",
        "led",
        "lead",
        "the",
        "team",
        "as",
        "a",
        "result",
        "20%",
        "Rp",
        "5",
        "juta",
        "saya",
        "memimpin",
        "tidak",
        "berhasil",
        "not",
        "finish",
        "finished",
        ".",
        ",",
        ";",
        "\n",
        "first",
        "then",
        "because",
        "kind",
        "of",
        "basically",
        "etc.",
        "API",
        "rapid",
        "last",
        "year",
        "my",
        "task",
        "was",
        "to",
        "reduce",
        "costs",
        "by",
        "3",
        "weeks",
        "hasilnya",
        "dll.",
    ]
)
TEXTS = st.one_of(
    st.text(min_size=1, max_size=400),
    st.lists(WORDS, min_size=1, max_size=80).map(" ".join),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, stage=st.sampled_from(["hr", "user"]), lang=st.sampled_from([None, "en", "id"]))
def test_any_text_scores_with_valid_spans(text: str, stage: str, lang: str | None) -> None:
    if not text.strip():
        return
    card = score(Request(text=text, stage=stage, lang=lang))
    assert 0 <= card.score <= 100
    for crit in card.criteria:
        assert 0.0 <= crit.score <= 1.0
        for ev in crit.evidence:
            assert 0 <= ev.start < ev.end <= len(text)
            assert text[ev.start : ev.end] == ev.text
    if card.star is not None:
        for spans in card.star.values():
            for ev in spans:
                assert text[ev.start : ev.end] == ev.text
    for s in card.star_sentences:
        assert 0 <= s.start <= s.end <= len(text)
