"""The tokenizer loads spaCy's hyphenated special cases on demand: the tokens must be
exactly those of spaCy's own tokenizer, whatever came before (it keeps state)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from answer_check.nlp import _TOKENIZER as TOKENIZER
from answer_check.nlp import pipeline
from answer_check.spacy_import import import_spacy

from conftest import ROOT

# Around and between the hyphenated words: what answers put there, and what the prefix,
# suffix and infix rules split on (brackets, quotes, slashes, "-nya", digits).
SEPARATORS = ["", " ", "  ", "\n", "(", ")", ".", ",", "-", "--", "/", "'", '"', "nya", "-nya"]
SEPARATORS += ["-ku", "-lah", "x", "2", "%", ":", "!", "?", "&"]


@pytest.fixture(scope="module", params=["id", "en"])
def both(request: pytest.FixtureRequest) -> tuple[object, object, list[str]]:
    """(ours, spaCy's own, the hyphenated special cases ours defers) for a language."""
    spacy = import_spacy()
    ours = pipeline(request.param).nlp.tokenizer
    reference = spacy.blank(request.param).tokenizer
    deferred = sorted(
        text for text, tokens in reference.rules.items() if "-" in text and len(tokens) == 1
    )
    return ours, reference, deferred


def tokens(tokenizer: object, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in tokenizer(text)]  # type: ignore[operator]


def test_reduplications_stay_whole_and_other_hyphens_split() -> None:
    tok = pipeline("id").nlp.tokenizer
    assert [t.text for t in tok("Anak-anak bermain sehari-hari di Jawa-Bali.")] == [
        "Anak-anak",
        "bermain",
        "sehari-hari",
        "di",
        "Jawa",
        "-",
        "Bali",
        ".",
    ]


def test_the_indonesian_tokenizer_defers_its_hyphenated_words() -> None:
    """Loading all 15,573 of them took 1.4 s, paid by every command that met an Indonesian
    answer; each is loaded before the first text that contains it."""
    pipeline("id")  # registers the tokenizer
    fresh = import_spacy().blank("id", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    tok = fresh.tokenizer
    assert len(tok.rules) < 2_000 and len(tok.deferred) > 15_000
    assert "kupu-kupu" not in tok.rules and "kupu-kupu" in tok.deferred
    assert [t.text for t in fresh("Ada kupu-kupu.")] == ["Ada", "kupu-kupu", "."]
    assert "kupu-kupu" in tok.rules and "kupu-kupu" not in tok.deferred


def test_bundled_answers_tokenize_as_spacy_does(both: tuple[object, object, list[str]]) -> None:
    ours, reference, _ = both
    for path in [*sorted((ROOT / "examples").rglob("*.txt")), ROOT / "examples/batch/class.csv"]:
        text = path.read_text(encoding="utf-8")
        assert tokens(ours, text) == tokens(reference, text), path.name


def test_many_mixed_texts_tokenize_as_spacy_does(both: tuple[object, object, list[str]]) -> None:
    """Thousands of texts in a row, each with several hyphenated special cases mixed with
    what splits words, in every case: the cache that earlier texts filled must not keep a
    piece that a special case loaded later would change."""
    ours, reference, deferred = both
    rnd = random.Random(20261127)
    for _ in range(3000):
        words = [rnd.choice(deferred) for _ in range(rnd.randint(1, 4))]
        words = [rnd.choice([w, w.upper(), w.title(), w.lower()]) for w in words]
        text = "".join(w + rnd.choice(SEPARATORS) for w in words)
        assert tokens(ours, text) == tokens(reference, text), text


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_text_tokenizes_as_spacy_does(
    both: tuple[object, object, list[str]], data: st.DataObject
) -> None:
    ours, reference, deferred = both
    parts = data.draw(
        st.lists(
            st.one_of(
                st.sampled_from(deferred),
                st.sampled_from(SEPARATORS),
                st.text(alphabet="aAeknst-'. ()/2", max_size=6),
            ),
            max_size=12,
        )
    )
    text = "".join(parts)
    assert tokens(ours, text) == tokens(reference, text)
