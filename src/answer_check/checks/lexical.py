"""Check kinds built on word lists: phrases present, phrases to avoid, specific vs generic."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from answer_check.analysis import question_doc
from answer_check.checks import KindExample, Outcome, Param, register
from answer_check.i18n import add, quote_list, t
from answer_check.lexicons import load_lexicon
from answer_check.model import Evidence

if TYPE_CHECKING:
    from answer_check.analysis import Analysis
    from answer_check.lexicons import Hit, TokenView

add(
    {
        "phrases.found": {
            "en": "Found {n} of the {need} needed: {items}.",
            "id": "Ditemukan {n} dari {need} yang dibutuhkan: {items}.",
        },
        "phrases.enough": {
            "en": "Found {n} (enough: {need}): {items}.",
            "id": "Ditemukan {n} (cukup: {need}): {items}.",
        },
        "phrases.none": {"en": "None found.", "id": "Tidak ditemukan."},
        "phrases.negated": {
            "en": "Only negated mentions found: {items}.",
            "id": "Hanya ditemukan dalam bentuk negatif: {items}.",
        },
        "avoid.clean": {"en": "None found. Clean.", "id": "Tidak ditemukan. Bersih."},
        "avoid.few": {
            "en": "{n} found, within the {allow} allowed: {items}.",
            "id": "Ditemukan {n}, masih dalam batas {allow}: {items}.",
        },
        "avoid.many": {
            "en": "{n} found (allowed: {allow}): {items}.",
            "id": "Ditemukan {n} (batasnya {allow}): {items}.",
        },
        "balance.found": {
            "en": "Signs of one specific story: {pos}. Generic habits: {neg}.",
            "id": "Tanda satu cerita spesifik: {pos}. Kebiasaan umum: {neg}.",
        },
        "balance.none": {
            "en": "No sign of one specific occasion; generic habits: {neg}.",
            "id": "Tidak ada tanda satu kejadian spesifik; kebiasaan umum: {neg}.",
        },
        "balance.nothing": {"en": "none", "id": "tidak ada"},
        "balance.past": {
            "en": "a story in the past tense ({n} verbs)",
            "id": "cerita tentang kejadian yang sudah terjadi ({n} kata kerja)",
        },
        "question.covered": {
            "en": "Your answer picks up {n} of the question's {total} key words: {items}.",
            "id": "Jawaban Anda memuat {n} dari {total} kata kunci pertanyaan: {items}.",
        },
        "question.missing": {
            "en": "Missing from your answer: {items}.",
            "id": "Belum ada di jawaban Anda: {items}.",
        },
        "short.unjudged": {
            "en": "Only {words} word(s): too short to count as clean (needs {need}).",
            "id": "Hanya {words} kata: terlalu pendek untuk dinilai bersih (perlu {need}).",
        },
        "question.none": {
            "en": "No question given: not checked.",
            "id": "Tidak ada pertanyaan: tidak diperiksa.",
        },
    }
)

_START = attrgetter("start")
_SPAN = attrgetter("start", "end")  # evidence and hits in text order

LEXICON_PARAMS = (
    Param("lexicons", "str_list", (), doc="word lists from rubrics/lexicons/<lang>/"),
    Param("terms", "str_list", (), doc="inline terms, same syntax as a word list line"),
)


MIN_WORDS = Param(
    "min_words",
    "int",
    0,
    min=0,
    doc="below this many words a clean answer earns only a share of the score",
)


def too_short(analysis: Analysis, min_words: int) -> Outcome | None:
    """For checks that reward an absence: a near-empty answer is not 'clean', only short."""
    if analysis.words >= min_words:
        return None
    return Outcome(
        analysis.words / min_words,
        (),
        "short.unjudged",
        {"words": analysis.words, "need": min_words},
    )


def hits_of(
    analysis: Analysis, params: Mapping[str, Any], *, negation: bool
) -> tuple[list[Hit], list[Hit]]:
    """(counted, negated) hits of the params' word lists and inline terms."""
    found = analysis.hits(tuple(params["lexicons"]), tuple(params["terms"]))
    if params.get("user_terms") and analysis.user_terms:
        found = found + analysis.hits((), analysis.user_terms)
    return _split_negated(analysis, one_per_span(found), negation)


def list_hits(
    analysis: Analysis, lexicons: tuple[str, ...], *, negation: bool
) -> tuple[list[Hit], list[Hit]]:
    """(counted, negated) hits of these word lists: ``hits_of`` without inline terms."""
    return _split_negated(analysis, one_per_span(analysis.hits(lexicons)), negation)


def _split_negated(
    analysis: Analysis, found: list[Hit], negation: bool
) -> tuple[list[Hit], list[Hit]]:
    if not negation or not found:
        return found, []
    kept: list[Hit] = []
    dropped: list[Hit] = []
    negated = analysis.negated
    for hit in found:
        (dropped if negated(hit) else kept).append(hit)
    return kept, dropped


def one_per_span(hits: list[Hit]) -> list[Hit]:
    """Where hits of several lists overlap, keep the longest (then the first list's)."""
    if len(hits) < 2 or _apart(hits):
        return list(hits)  # nothing to choose between, already in text order
    ordered = sorted(hits, key=lambda h: (h.start - h.end, h.start, h.source, h.term))
    taken: list[tuple[int, int]] = []
    kept = []
    for hit in ordered:
        if any(hit.start < end and start < hit.end for start, end in taken):
            continue
        taken.append((hit.start, hit.end))
        kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


def _apart(hits: list[Hit]) -> bool:
    """True when the hits are in text order and none overlaps another (the usual case)."""
    end = -1
    for hit in hits:
        if hit.start < end or hit.start == hit.end:
            return False
        end = hit.end
    return True


def evidence(hits: list[Hit], polarity: str = "+") -> tuple[Evidence, ...]:
    """The evidence of these hits, with this polarity (each names its word list and term)."""
    return tuple(_evidence(hits, polarity))


def _evidence(hits: list[Hit], polarity: str) -> list[Evidence]:
    """``evidence`` as a list, for callers that add to it (a comprehension: tuple() of a
    generator costs more)."""
    return [Evidence(h.start, h.end, h.text, f"{h.source}: {h.term}", polarity) for h in hits]


@register(
    "phrases",
    params=(
        *LEXICON_PARAMS,
        Param("min", "int", 1, min=1, doc="distinct terms needed for the full score"),
        Param("negation", "bool", True, doc="ignore negated mentions ('I did not ...')"),
        Param("user_terms", "bool", False, doc="also count the user's --terms list"),
    ),
    examples=(
        KindExample(
            "pass",
            "I led the migration and reviewed every pull request.",
            {"terms": ["lead", "review"], "min": 2},
        ),
        KindExample("fail", "The rapid rollout went fine.", {"terms": ["api", "lead"]}),
        KindExample("fail", "I did not lead the project.", {"terms": ["lead"]}),
    ),
)
def phrases(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit for distinct terms of the word lists that the answer uses (not negated)."""
    kept, dropped = hits_of(analysis, params, negation=params["negation"])
    distinct = {h.term.lower() for h in kept}
    need = params["min"]
    lang = analysis.lang
    if kept:
        key = "phrases.enough" if len(distinct) >= need else "phrases.found"
        return Outcome(
            len(distinct) / need,
            evidence(kept),
            key,
            {"n": len(distinct), "need": need, "items": quote_list([h.text for h in kept], lang)},
        )
    if dropped:
        return Outcome(
            0.0, (), "phrases.negated", {"items": quote_list([h.text for h in dropped], lang)}
        )
    return Outcome(0.0, (), "phrases.none")


@register(
    "avoid",
    params=(
        *LEXICON_PARAMS,
        Param("allow", "int", 0, min=0, doc="occurrences allowed at no cost"),
        Param("per_100_words", "float", 0.0, min=0, doc="extra allowance per 100 words"),
        Param(
            "limit",
            "int",
            4,
            min=1,
            doc="occurrences beyond the allowance that bring the score to 0",
        ),
        MIN_WORDS,
    ),
    examples=(
        KindExample(
            "pass",
            "I rebuilt the report and cut its run time in half.",
            {"terms": ["basically", "kind of"]},
        ),
        KindExample(
            "fail",
            "Basically I kind of fixed it, basically, I guess, kind of.",
            {"terms": ["basically", "kind of", "i guess"], "limit": 3},
        ),
    ),
)
def avoid(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Points off for each use of the word lists beyond an allowance (fillers, hedges, vagueness)."""
    found, _ = hits_of(analysis, params, negation=False)
    if not found:
        return too_short(analysis, params["min_words"]) or Outcome(1.0, (), "avoid.clean")
    allowed = params["allow"] + int(params["per_100_words"] * analysis.words / 100)
    over = max(0, len(found) - allowed)
    score = 1.0 - over / params["limit"]
    items = quote_list([h.text for h in found], analysis.lang)
    key = "avoid.few" if not over else "avoid.many"
    return Outcome(
        score, evidence(found, "-"), key, {"n": len(found), "allow": allowed, "items": items}
    )


@register(
    "balance",
    params=(
        Param("positive", "str_list", (), doc="word lists that show the wanted quality"),
        Param("negative", "str_list", (), doc="word lists that show its opposite"),
        Param("min", "int", 1, min=1, doc="distinct positive signs for the full score"),
        Param("past_tense", "bool", False, doc="count a narrative in the past tense as a sign"),
        Param("penalty", "float", 0.2, min=0, max=1, doc="points off per negative sign"),
        Param("max_penalty", "float", 0.6, min=0, max=1, doc="the most the negatives take off"),
        Param(
            "negative_except",
            "str_list",
            (),
            choices=("situation", "task", "action", "result", "reflection"),
            doc="STAR parts where the negatives do not count (a lesson may state a new habit)",
        ),
    ),
    examples=(
        KindExample(
            "pass",
            "Last year, when I worked at a clinic, I rebuilt the schedule.",
            {"positive": ["specific_markers"], "negative": ["generic_habits"]},
        ),
        KindExample(
            "fail",
            "I always stay calm and I usually plan ahead.",
            {"positive": ["specific_markers"], "negative": ["generic_habits"]},
        ),
    ),
)
def balance(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit for signs of the wanted quality, less a penalty for signs of its opposite."""
    lang = analysis.lang
    pos, _ = list_hits(analysis, tuple(params["positive"]), negation=True)
    if lang == "id":
        pos = [h for h in pos if not _hearsay(analysis, h.tok_end)]
    neg, _ = list_hits(analysis, tuple(params["negative"]), negation=False)
    if params["negative_except"] and neg:
        skip = set(params["negative_except"])
        labels = {i: lab for i, lab, _cue in analysis.star.sentence_labels}
        sent_of = analysis.token_sentences
        neg = [h for h in neg if labels.get(sent_of[h.tok_start]) not in skip]
    pos_ev = _evidence(pos, "+")
    items = [h.text for h in pos]
    signs = len({h.term.lower() for h in pos})
    if params["past_tense"]:
        count, first = _past_tense_signs(analysis, PAST_TENSE_MIN)
        if count >= PAST_TENSE_MIN:
            signs += 1
            pos_ev.extend(first)
            items.append(t("balance.past", lang, n=count))
    score = min(1.0, signs / params["min"]) * (
        1 - min(params["max_penalty"], len(neg) * params["penalty"])
    )
    if neg:
        neg_items = quote_list([h.text for h in neg], lang)
        pos_ev.extend(_evidence(neg, "-"))
    else:
        neg_items = t("balance.nothing", lang)
    ev = tuple(sorted(pos_ev, key=_SPAN)) if len(pos_ev) > 1 else tuple(pos_ev)
    if not signs:
        return Outcome(0.0, ev, "balance.none", {"neg": neg_items})
    return Outcome(score, ev, "balance.found", {"pos": quote_list(items, lang), "neg": neg_items})


def past_tense_verbs(analysis: Analysis) -> list[Evidence]:
    """Signs of a told past: English past-tense verbs (lemma differs, -ed or irregular).

    Indonesian verbs have no tense: there the signs are the told actions of the STAR map
    ("saya menelepon", not "saya biasanya menelepon") and the aspect words of a finished
    event ("sudah", "telah", "pernah", "sempat").
    """
    view = analysis.view
    texts = view.texts
    if analysis.lang == "id":
        out = [
            Evidence(view.starts[i], view.ends[i], text, "past aspect word")
            for i, text in enumerate(texts)
            if text.lower() in _ID_PAST_ASPECT and not _hearsay(analysis, i + 1)
        ]
        out.extend(
            Evidence(e.start, e.end, e.text, "told action", e.polarity)
            for e in (a.evidence for a in analysis.star.actions)
        )
        return sorted(out, key=_SPAN)
    if analysis.lang != "en":
        return []
    return [_past_evidence(view, i) for i in _english_past(view)]


def _past_tense_signs(analysis: Analysis, limit: int) -> tuple[int, list[Evidence]]:
    """How many signs of a told past there are (``past_tense_verbs``), and the first
    ``limit`` of them when there are that many (else none)."""
    if analysis.lang == "en":
        view = analysis.view
        where = _english_past(view)
        first = [_past_evidence(view, i) for i in where[:limit]] if len(where) >= limit else []
        return len(where), first
    signs = past_tense_verbs(analysis)
    return len(signs), signs[:limit] if len(signs) >= limit else []


def _english_past(view: TokenView) -> list[int]:
    """The positions of English past-tense verbs."""
    texts, norms = view.texts, view.norms
    return [
        i
        for i in compress(range(len(texts)), map(_PAST_FORMS.__getitem__, texts))
        if texts[i].lower() != norms[i]  # not its own lemma: an inflected form
    ]


def _past_evidence(view: TokenView, i: int) -> Evidence:
    return Evidence(view.starts[i], view.ends[i], view.texts[i], "past tense verb")


class _PastForms(dict[str, bool]):
    """Whether an English word is written like a past tense: letters only, ending in -ed or
    an irregular past form (its lemma tells whether it is one). Cached per word."""

    def __missing__(self, text: str) -> bool:
        low = text.lower()
        found = (low.endswith("ed") or low in _IRREGULAR_PAST) and text.isalpha()
        if len(self) < _PAST_FORMS_MAX:
            self[text] = found
        return found


_PAST_FORMS = _PastForms()
_PAST_FORMS_MAX = 200_000


PAST_TENSE_MIN = 3
# "Saya pernah dengar/baca/lihat ..." (I have heard of it) is hearsay, not an experience.
_ID_HEARSAY = frozenset({"dengar", "denger", "baca", "lihat", "tahu", "tau"})


def _hearsay(analysis: Analysis, tok: int) -> bool:
    """Indonesian: a past-experience cue ending before token ``tok`` is followed by a verb of
    hearing, reading or seeing ("saya pernah dengar namanya")."""
    if analysis.lang != "id":
        return False
    view = analysis.view
    if tok >= len(view.texts):
        return False
    prev = view.texts[tok - 1].lower() if tok else ""
    return prev in ("pernah", "sudah", "udah", "sempat") and view.norms[tok] in _ID_HEARSAY


_ID_PAST_ASPECT = frozenset({"sudah", "telah", "pernah", "sempat", "udah", "tadinya"})
_IRREGULAR_PAST = frozenset(
    [
        "was",
        "were",
        "did",
        "had",
        "went",
        "made",
        "took",
        "gave",
        "got",
        "found",
        "told",
        "thought",
        "brought",
        "built",
        "bought",
        "caught",
        "chose",
        "came",
        "drew",
        "drove",
        "felt",
        "fought",
        "began",
        "ran",
        "saw",
        "sent",
        "set",
        "spoke",
        "spent",
        "stood",
        "taught",
        "understood",
        "wrote",
        "led",
        "met",
        "kept",
        "left",
        "lost",
        "paid",
        "put",
        "read",
        "said",
        "sold",
        "sat",
        "shut",
        "won",
    ]
)


@register(
    "answers_question",
    params=(
        Param(
            "min_share",
            "float",
            0.5,
            min=0.05,
            max=1,
            doc="share of the question's key words the answer should pick up",
        ),
    ),
    examples=(
        KindExample(
            "pass",
            "When a customer complained about a late delivery, I called them.",
            {},
            question="Tell me about a customer complaint you handled.",
        ),
        KindExample(
            "fail",
            "I enjoy hiking and painting on weekends.",
            {},
            question="Tell me about a customer complaint you handled.",
        ),
    ),
)
def answers_question(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit for picking up the question's content words (lemma-matched): answering what was asked."""
    if not analysis.question:
        return Outcome(0.0, (), "question.none", skipped=True)
    keys = _keyword_search(analysis.lang, analysis.question)
    if not keys:
        return Outcome(0.0, (), "question.none", skipped=True)
    view = analysis.view
    norms = view.norms
    present = frozenset(norms)
    starts, ends, texts = view.starts, view.ends, view.texts
    lines: str | None = None  # the answer's words, each after a newline (made when needed)
    covered: list[str] = []
    ev: list[Evidence] = []
    for norm, surface, probe, rule in keys:
        if norm in present:
            i = norms.index(norm)
        elif probe is None:
            continue
        else:
            # Only a word that starts with the same STEM_MIN letters can share the root: one
            # substring search rules out most words (a match only may be one).
            if lines is None:
                lines = _lines(norms)
            found = _same_stem(norm, norms, lines) if probe in lines else None
            if found is None:
                continue
            i = found
        covered.append(surface)
        ev.append(Evidence(starts[i], ends[i], texts[i], rule))
    lang = analysis.lang
    if not covered:
        missing = [surface for _norm, surface, _probe, _rule in keys]
        return Outcome(0.0, (), "question.missing", {"items": quote_list(missing, lang)})
    score = len(covered) / (params["min_share"] * len(keys))
    fields = {"n": len(covered), "total": len(keys), "items": quote_list(covered, lang)}
    if len(ev) > 1:
        ev.sort(key=_START)
    return Outcome(score, tuple(ev), "question.covered", fields)


@cache
def _keyword_search(lang: str, question: str) -> tuple[tuple[str, str, str | None, str], ...]:
    """Per keyword of the question (``question_keywords``): its norm, its surface form, the
    line start that a word of the same root would have in the answer's lines of norms (None
    when the keyword is too short for a root search) and its evidence rule."""
    return tuple(
        (
            norm,
            surface,
            "\n" + norm[:STEM_MIN] if len(norm) >= STEM_MIN else None,
            f"question word: {surface}",
        )
        for norm, surface in _question_keywords(lang, question)
    )


# Words of another form of the same root count ("failure" answers "failed", "initiate" answers
# "initiative"): a shared start of at least STEM_MIN letters that covers at least STEM_SHARE
# of the shorter word.
STEM_MIN = 4
STEM_SHARE = 0.8


def _same_stem(norm: str, norms: list[str], lines: str) -> int | None:
    """The first position of an answer word that shares the root of ``norm`` (lemmas alone
    miss it); ``norm`` is not among the answer's words, ``lines`` holds them (``_lines``)."""
    if len(norm) < STEM_MIN:
        return None
    for where in _line_numbers(lines, "\n" + norm[:STEM_MIN]):
        other = norms[where]
        shared = next(
            (i for i, (a, b) in enumerate(zip(norm, other, strict=False)) if a != b),
            min(len(norm), len(other)),
        )
        if shared >= STEM_MIN and shared >= STEM_SHARE * min(len(norm), len(other)):
            return where
    return None


def _lines(norms: list[str]) -> str:
    """The words, each after a newline: line ``i`` (of those after the first newline) holds
    word ``i``, a newline inside a word (a paragraph break) written as a space."""
    lines = "\n" + "\n".join(norms)
    if lines.count("\n") != len(norms):
        lines = "\n" + "\n".join([norm.replace("\n", " ") for norm in norms])
    return lines


def _line_numbers(lines: str, probe: str) -> Iterator[int]:
    """The numbers of the lines of ``_lines`` that start like ``probe`` (a newline and the
    start of a line, no other newline), in order."""
    at = lines.find(probe)
    while at != -1:
        yield lines.count("\n", 0, at)
        at = lines.find(probe, at + 1)


def question_keywords(analysis: Analysis) -> list[tuple[str, str]]:
    """The question's content words: (norm, surface), no stop words (unless question_content)
    or boilerplate."""
    assert analysis.question is not None
    return _question_keywords(analysis.lang, analysis.question)


@cache
def _question_word_lists(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The lemmas of the question boilerplate and question content word lists (per language)."""
    from answer_check.nlp import pipeline

    pipe = pipeline(lang)
    boiler = frozenset(pipe.lemma(t.text) for t in load_lexicon("question_boilerplate", lang))
    content = frozenset(pipe.lemma(t.text) for t in load_lexicon("question_content", lang))
    return boiler, content


@cache
def _question_keywords(lang: str, question: str) -> list[tuple[str, str]]:
    """Cached per question: a class shares a handful of questions across many answers."""
    qdoc = question_doc(lang, question)
    boiler, content = _question_word_lists(lang)
    seen: set[str] = set()
    out = []
    for tok in qdoc:
        norm = tok.norm_
        stop = tok.is_stop and norm not in content
        if (
            not tok.is_alpha
            or len(tok.text) < 3
            or stop
            or norm in boiler
            or tok.lower_ in boiler
            or norm in seen
        ):
            continue
        seen.add(norm)
        out.append((norm, tok.text))
    return out
