"""The fast paths of the STAR tagger and the checks give what their plain rules give.

Each shortcut (overlapping hits resolved only where hits overlap, the root search behind a
substring test, the past-tense spelling cache, the subject search only near a subject, the
negation test only for verbs with a subject) is compared here with the rule written out
the slow way.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from answer_check.analysis import Analysis
from answer_check.checks.lexical import (
    _IRREGULAR_PAST,
    STEM_MIN,
    STEM_SHARE,
    _lines,
    _same_stem,
    answers_question,
    one_per_span,
    past_tense_verbs,
    question_keywords,
)
from answer_check.checks.user import (
    _DEF_AFTER_BE,
    _ID_COPULAS,
    _ID_NOT_SUBJECT_START,
    _ID_PERSONS,
    _PRONOUNS,
    _is_a_definitions,
    direct_answer_first,
)
from answer_check.i18n import quote_list
from answer_check.lexicons import Hit, token_view
from answer_check.model import Evidence
from answer_check.star import (
    LABELS,
    STAR_LISTS,
    ActionHit,
    _best_label,
    _coordinated,
    _find_actions,
    _label_sentences,
    _subject,
    _unlabelled,
    find_actions,
    tag_star,
)

# --- one_per_span -------------------------------------------------------------------------


def _one_per_span_by_rule(hits: list[Hit]) -> list[Hit]:
    """Longest first (then earliest, then list and term), skip what overlaps a kept hit."""
    ordered = sorted(hits, key=lambda h: (h.start - h.end, h.start, h.source, h.term))
    kept: list[Hit] = []
    for hit in ordered:
        if not any(hit.start < k.end and k.start < hit.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


SPANS = st.lists(
    st.tuples(
        st.integers(0, 30), st.integers(0, 6), st.sampled_from(["a", "b"]), st.sampled_from("xy")
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(SPANS, st.booleans())
def test_one_per_span_keeps_what_the_rule_keeps(
    spans: list[tuple[int, int, str, str]], in_text_order: bool
) -> None:
    hits = [Hit(s, s + n, s, s + n, "w", term, src) for s, n, src, term in spans]
    if in_text_order:
        hits.sort(key=lambda h: (h.start, h.end, h.source, h.term))
    assert one_per_span(hits) == _one_per_span_by_rule(hits)


def test_one_per_span_returns_a_new_list() -> None:
    hits = [Hit(0, 2, 0, 1, "ab", "ab", "x"), Hit(3, 5, 1, 2, "cd", "cd", "x")]
    kept = one_per_span(hits)
    assert kept == hits
    assert kept is not hits


# --- past tense ---------------------------------------------------------------------------


def _past_by_rule(analysis: Analysis) -> list[str]:
    view = token_view(analysis.doc)
    out = []
    for text, norm in zip(view.texts, view.norms, strict=True):
        low = text.lower()
        if low != norm and (low.endswith("ed") or low in _IRREGULAR_PAST) and text.isalpha():
            out.append(text)
    return out


@pytest.mark.parametrize(
    "text",
    [
        "I WORKED late, Went home and was tired; the red bed needed paint.",
        "We Tested it, TOOK notes and sent them. Ed said 3ed was fine.",
        "Worked. worked WORKED wOrKeD, feed seed speed.",
    ],
)
def test_past_tense_verbs_follow_the_rule(text: str) -> None:
    analysis = Analysis.of(text, "en")
    found = past_tense_verbs(analysis)
    assert [e.text for e in found] == _past_by_rule(analysis)
    assert all(text[e.start : e.end] == e.text for e in found)


# --- answers_question: the root search ----------------------------------------------------


def _same_root(a: str, b: str) -> bool:
    shared = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
    shared = min(len(a), len(b)) if shared is None else shared
    return shared >= STEM_MIN and shared >= STEM_SHARE * min(len(a), len(b))


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Tell me about a failure at work.", "I failed my first audit, and I learned a lot."),
        ("Describe an initiative you took.", "I decided to initiate a weekly review."),
        ("Tell me about a conflict.", "We had a disagreement about the rota."),
        ("Tell me about a customer complaint.", "A customs officer complained about our forms."),
        ("Describe your leadership.", "Leaders lead; I led the leading team.\n\nLeadership!"),
        # The first word of the same start is too short a share; the second has the root
        # (with and without a paragraph break, a word of newlines, between them).
        ("Describe a negotiation.", "Negative news came first. I negotiated the terms."),
        ("Describe a negotiation.", "Negative news came first.\n\nI negotiated the terms."),
    ],
)
def test_answers_question_finds_the_first_word_of_the_same_lemma_or_root(
    question: str, answer: str
) -> None:
    analysis = Analysis.of(answer, "en", question=question)
    view = token_view(analysis.doc)
    expected = []
    for norm, surface in question_keywords(analysis):
        if norm in view.norms:
            expected.append((view.starts[view.norms.index(norm)], surface))
            continue
        for i, other in enumerate(view.norms):
            if other.startswith(norm[:STEM_MIN]) and _same_root(norm, other):
                expected.append((view.starts[i], surface))
                break
    outcome = answers_question(analysis, {"min_share": 0.5})
    found = [(e.start, e.rule.removeprefix("question word: ")) for e in outcome.evidence]
    assert found == sorted(expected, key=lambda pair: pair[0])


WORDS = st.lists(
    st.text(alphabet="ab\n ", max_size=7).map(lambda w: w.replace("a", "neg", 1)), max_size=12
)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.sampled_from(["nega", "negab", "negbbbb", "bbbb", "neg"]))
def test_root_search_by_lines_is_the_root_search_by_words(words: list[str], norm: str) -> None:
    """The root search finds line starts in one string (a newline inside a word, as in a
    paragraph break's token, must not shift the lines); the rule looks at every word."""
    head = norm[:STEM_MIN]
    expected = next(
        (i for i, other in enumerate(words) if other.startswith(head) and _same_root(norm, other)),
        None,
    )
    if len(norm) < STEM_MIN:
        expected = None
    assert _same_stem(norm, words, _lines(words)) == expected


# --- actions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A negated verb with a subject is no action and does not lend its subject onwards.
        ("I did not call them and emailed the client.", []),
        ("I called them and emailed the client.", [("called", "i"), ("emailed", "i")]),
        # A subject more than four words before the verb is no subject.
        ("I really very quickly and carefully called them.", []),
        ("We then quickly called them.", [("called", "we")]),
        # A verb with no subject near it takes the clause's last one only when coordinated.
        ("I called the bank, emailed the client and then wrote the memo.", None),
    ],
)
def test_find_actions(text: str, expected: list[tuple[str, str]] | None) -> None:
    analysis = Analysis.of(text, "en")
    found = [(a.evidence.text, a.owner) for a in find_actions(analysis)]
    if expected is None:
        assert [owner for _, owner in found] == ["i"] * len(found)
        assert len(found) >= 2
    else:
        assert found == expected
    star = tag_star(analysis)
    assert [a.evidence for a in star.actions] == [
        a.evidence for a in find_actions(analysis) if a.mode == "done"
    ]


def _actions_by_rule(analysis: Analysis) -> list[ActionHit]:
    """Every verb's subject looked for, then the clause's last owner for a coordinated verb
    without one; the negation test for every verb with an owner."""
    lists = analysis.hits_by_list(STAR_LISTS)
    verbs = lists["action_verbs"]
    subjects = {h.tok_start: "we" for h in lists["subject_plural"]}
    subjects.update({h.tok_start: "i" for h in lists["subject_singular"]})
    verb_tokens = {i for h in verbs for i in range(h.tok_start, h.tok_end)}
    out: list[ActionHit] = []
    last_owner: dict[int, tuple[str, str]] = {}
    for hit in verbs:
        sent = analysis.token_sentences[hit.tok_start]
        owner, mode = _subject(analysis, hit.tok_start, sent, subjects, verb_tokens)
        coordinated = _coordinated(analysis.view.texts, hit.tok_start)
        if owner is None and sent in last_owner and coordinated:
            owner, mode = last_owner[sent]
        if owner is None or analysis.negated(hit):
            continue
        last_owner[sent] = (owner, mode)
        evidence = Evidence(hit.start, hit.end, hit.text, f"action_verbs: {hit.term}")
        out.append(ActionHit(evidence, owner, sent, mode))
    return out


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I called them and emailed the client, then we quickly wrote the memo.", "en"),
        ("I would call them and email the client. We usually plan and then review.", "en"),
        ("I was told to call them, so I called and emailed. I did not write it.", "en"),
        ("My manager and I called the bank, emailed the client and then wrote a memo.", "en"),
        ("I learned to plan. We wanted to call; I always try to email and call.", "en"),
        ("Lalu saya menelepon klien dan mengirim laporan. Atasan saya meminta saya membuat.", "id"),
        ("Semua vendor saya telepon, lalu kami langsung menghubungi klien.", "id"),
    ],
)
def test_find_actions_as_by_rule(text: str, lang: str) -> None:
    analysis = Analysis.of(text, lang)
    found = _find_actions(analysis, analysis.hits_by_list(STAR_LISTS))
    assert found == _actions_by_rule(analysis)
    assert found  # (each text has actions)


_CUES = st.lists(
    st.tuples(
        st.integers(-1, 3),
        st.sampled_from(LABELS),
        st.builds(Evidence, st.integers(0, 9), st.integers(0, 9), st.just("w"), st.text("ab")),
    ),
    max_size=8,
)


@given(_CUES)
def test_sentence_labels_as_by_rule(cues: list[tuple[int, str, Evidence]]) -> None:
    """Each sentence's label from all its cues (the most weight, ties by priority); a
    sentence with cues of one label only takes it without the weighing."""
    expected: list[tuple[int, str, Evidence | None]] = [(i, "none", None) for i in range(4)]
    for sent in range(4):
        by_label: dict[str, list[Evidence]] = {}
        for where, label, ev in cues:
            if where == sent:
                by_label.setdefault(label, []).append(ev)
        if by_label:
            best = _best_label(by_label)
            expected[sent] = (sent, best, by_label[best][0])
    assert _label_sentences(_unlabelled(4), cues) == tuple(expected)


# --- user stage: definitions and the words before a direct answer --------------------------


def _definitions_by_tokens(analysis: Analysis) -> list[tuple[int, int]]:
    """'<subject> is a/an/the ...' and '<subject> adalah ...', read from spaCy Tokens."""
    out = []
    for sent in analysis.sentences:
        toks = [t for t in analysis.doc[sent.tok_start : sent.tok_end] if not t.is_space]
        for j, tok in enumerate(toks[1:7], start=1):
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if analysis.lang == "id":
                if (
                    not toks
                    or toks[0].lower_ in _PRONOUNS
                    or toks[0].lower_ in _ID_NOT_SUBJECT_START
                ):
                    break
                if tok.lower_ == "," and nxt is not None and nxt.lower_ in ("yaitu", "yakni"):
                    continue
                if (tok.is_punct and tok.text not in ("-", "/")) or tok.lower_ in _ID_PERSONS:
                    break
                if tok.lower_ in _ID_COPULAS and nxt is not None and nxt.is_alpha:
                    out.append((toks[0].idx, tok.idx + len(tok.text)))
                    break
                continue
            if tok.is_punct and tok.text not in ("-", "/"):
                break
            if tok.norm_ == "be" and tok.lower_ != "'s" and nxt is not None:
                if nxt.lower_ not in _DEF_AFTER_BE:
                    continue
                if toks[0].lower_ not in _PRONOUNS:
                    out.append((toks[0].idx, nxt.idx + len(nxt.text)))
                break
    return out


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A database index is a data structure. It is a good question.", "en"),
        ("Churn\n\nis the share of customers who leave. Sharding, in short, is a split.", "en"),
        ("The CAP theorem (2000) is basically a trade-off; it's a rule.", "en"),
        ("Churn, yaitu jumlah pelanggan yang berhenti. Indeks adalah struktur data.", "id"),
        ("Tugas saya adalah menulis. Menurut saya API adalah kontrak.", "id"),
        ("Cache\n\nmerupakan salinan. Kami adalah tim.", "id"),
    ],
)
def test_definitions_follow_the_token_rule(text: str, lang: str) -> None:
    analysis = Analysis.of(text, lang)
    found = [(e.start, e.end) for e in _is_a_definitions(analysis)]
    assert found == _definitions_by_tokens(analysis)


@pytest.mark.parametrize(
    "text",
    [
        "Yes, I have used it for three years.",
        "Well, honestly, after 2 long years and twenty projects - yes, four.",
        "I think... it depends.\n\nNo, I have not.",
    ],
)
def test_words_before_a_direct_answer_follow_the_token_rule(text: str) -> None:
    analysis = Analysis.of(text, "en", question="Have you used Tableau?")
    outcome = direct_answer_first(
        analysis, {"lexicons": ("direct_answers",), "terms": (), "words": 3, "expect": "yes_no"}
    )
    if not outcome.evidence:
        return
    first = outcome.evidence[0].start
    before = sum(1 for t in analysis.doc if t.idx < first and (t.is_alpha or t.like_num))
    assert (outcome.message == "direct.first") == (before < 3)


# --- quote_list ------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "A", "b", "B c", "b C", "", "\u0130", "ss", "SS"]), max_size=8)
)
def test_quote_list_keeps_the_first_of_each_word_in_any_case(items: list[str]) -> None:
    unique: list[str] = []
    for item in items:
        if item.lower() not in [u.lower() for u in unique]:
            unique.append(item)
    expected = ", ".join(f"\u201c{u}\u201d" for u in unique[:4])
    if len(unique) > 4:
        expected += f" and {len(unique) - 4} more"
    assert quote_list(items, "en") == expected
