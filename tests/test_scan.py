"""The word-list scan's fast paths find what the matching rule, written out the slow way, finds.

The scan walks tries from the words that start a phrase, tries a gapped term only where its
second part's first word follows closely, and sorts a list's matches only when they overlap
or come out of order. The rule: every term is tried at every token (plain terms on norms,
exact terms on texts, gapped terms part by part, each part at most MAX_GAP tokens after the
previous one, shortest match); within each list the longest of overlapping matches is
kept (then the first, then by term), in text order.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from answer_check.analysis import Analysis
from answer_check.lexicons import (
    GAP,
    MAX_GAP,
    Term,
    TermMatcher,
    TokenView,
    _longest_per_source,
)
from answer_check.nlp import pipeline

Match = tuple[int, int, str]  # token start, token end, term


def _keep_by_rule(matches: list[Match]) -> list[Match]:
    """Longest first (then earliest, then by term), skip what overlaps a kept match."""
    kept: list[Match] = []
    for start, end, term in sorted(matches, key=lambda m: (m[0] - m[1], m[0], m[2])):
        if all(end <= s or e <= start for s, e, _ in kept):
            kept.append((start, end, term))
    return sorted(kept)


def _view(n: int) -> TokenView:
    """n one-letter tokens, one space apart."""
    words = [chr(ord("a") + i % 26) for i in range(n)]
    return TokenView(
        " ".join(words), words, words, [2 * i for i in range(n)], [2 * i + 1 for i in range(n)]
    )


MATCHES = st.dictionaries(
    st.sampled_from(["x", "y", "z"]),
    st.lists(
        st.tuples(st.integers(0, 20), st.integers(1, 4), st.sampled_from(["p", "q"])),
        min_size=1,
        max_size=8,
    ),
)


@settings(max_examples=300, deadline=None)
@given(MATCHES, st.booleans())
def test_longest_per_source_keeps_what_the_rule_keeps(
    raw: dict[str, list[tuple[int, int, str]]], in_text_order: bool
) -> None:
    found = {src: [(s, s + n, term) for s, n, term in group] for src, group in raw.items()}
    if in_text_order:
        found = {src: sorted(group) for src, group in found.items()}
    expected = {src: _keep_by_rule(group) for src, group in found.items()}
    view = _view(30)
    got = _longest_per_source({src: list(group) for src, group in found.items()}, view)
    assert {src: [(h.tok_start, h.tok_end, h.term) for h in hits] for src, hits in got.items()} == (
        expected
    )
    for hits in got.values():
        for hit in hits:
            assert (hit.start, hit.end) == (view.starts[hit.tok_start], view.ends[hit.tok_end - 1])
            assert hit.text == view.text[hit.start : hit.end]


# The terms: plain phrases that share words and overlap, exact forms, and gapped terms with
# one, two and three parts, some sharing a first part, spread over three lists.
TERMS = (
    Term("team", False, "x"),
    Term("team lead", False, "x"),
    Term("lead the team", False, "x"),
    Term("talk", False, "y"),
    Term("Go", True, "x"),
    Term("I", True, "y"),
    Term("i ... explain", False, "x"),
    Term("i ... talk to", False, "y"),
    Term("i be ... a leader", False, "y"),
    Term("i be ... lead", False, "x"),
    Term("lead ...", False, "z"),
    Term("the ... team ... lead", False, "z"),
    Term("we ... lead", False, "z"),
)
WORDS = (  # noqa: SIM905
    "I we really explained explain am was a an leader talk talked to the team lead led Go go ,"
).split()


def _scan_by_rule(view: TokenView) -> dict[str, list[Match]]:
    pipe = pipeline("en")
    found: dict[str, list[Match]] = {}
    n = len(view.norms)

    def add(term: Term, start: int, end: int) -> None:
        found.setdefault(term.source, []).append((start, end, term.text))

    for term in TERMS:
        if GAP in term.text:
            parts = [
                tuple(pipe.lemma(tok) for tok in pipe.term_tokens([part.strip()])[0])
                for part in term.text.split(GAP)
                if part.strip()
            ]
            for start in range(n):
                end = start + len(parts[0])
                if tuple(view.norms[start:end]) != parts[0]:
                    continue
                for part in parts[1:]:
                    at = next(
                        (
                            end + gap
                            for gap in range(MAX_GAP + 1)
                            if tuple(view.norms[end + gap : end + gap + len(part)]) == part
                        ),
                        None,
                    )
                    if at is None:
                        break
                    end = at + len(part)
                else:
                    add(term, start, end)
            continue
        words = pipe.term_tokens([term.text])[0]
        values = view.texts if term.exact else view.norms
        phrase = words if term.exact else tuple(pipe.lemma(w) for w in words)
        for start in range(n):
            if tuple(values[start : start + len(phrase)]) == phrase:
                add(term, start, start + len(phrase))
    return {src: _keep_by_rule(group) for src, group in found.items()}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=24))
def test_scan_finds_what_the_rule_finds(words: list[str]) -> None:
    analysis = Analysis.of(" ".join(words), "en")
    got = TermMatcher(pipeline("en"), TERMS).by_source(analysis.doc)
    assert {
        src: [(h.tok_start, h.tok_end, h.term) for h in hits] for src, hits in got.items() if hits
    } == _scan_by_rule(analysis.view)


def test_a_gapped_term_spans_its_words() -> None:
    text = "The big team I led, and we really did lead."
    analysis = Analysis.of(text, "en")
    got = TermMatcher(pipeline("en"), TERMS).by_source(analysis.doc)
    assert [h.text for h in got["z"]] == ["The big team I led", "we really did lead"]
