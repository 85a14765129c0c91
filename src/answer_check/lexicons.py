"""Word lists from ``rubrics/lexicons`` and the spaCy matchers that find them in a Doc."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from answer_check.errors import RubricError
from answer_check.nlp import TOKENS_KEY
from answer_check.paths import rubrics_dir

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Doc

    from answer_check.nlp import Pipeline

GAP = "..."
# After an ambiguous tool name at the start of a sentence, these next tokens (or any
# inflected word: "Slack sent", "Docker containers", "Excel sheets") show it is used as a
# name; anything else reads as the ordinary word ("Excel at ...", "Go to ...", "Word of").
_NAME_NEXT = frozenset(
    {
        "be",
        "have",
        "do",
        "can",
        "could",
        "will",
        "would",
        "should",
        "may",
        "might",
        "must",
        "and",
        "or",
        "&",
        "/",
    }
)
# '#' starts a comment at the start of a line or after white space ("C#" is a term).
_COMMENT = re.compile(r"(?:^|\s)#")
MAX_GAP = 3
VIEW_KEY = "answer_check_view"  # a Doc's TokenView, in doc.user_data
# Word lists of names (tools, methods, job terms), where a capital may be all that marks a name.
_NAME_SOURCES = ("tech_", "methods_", "job")


@dataclass(frozen=True)
class Term:
    """One entry of a word list."""

    text: str
    exact: bool
    source: str  # "<lexicon name>" or "inline"


@dataclass(slots=True)
class Hit:
    """A term found in a Doc: token and character offsets into the original text."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    text: str
    term: str
    source: str


def lexicon_path(name: str, lang: str, base: Path | None = None) -> Path:
    """The file for list ``name`` in ``lang``, falling back to English for shared lists."""
    root = (base or rubrics_dir()) / "lexicons"
    candidates = [root / lang / f"{name}.txt"]
    if lang != "en":
        candidates.append(root / "en" / f"{name}.txt")
    for path in candidates:
        if path.is_file():
            return path
    looked = ", ".join(str(p) for p in candidates)
    raise RubricError("E105", where=f"lexicon '{name}'", name=name, looked=looked)


def parse_terms(text: str, source: str) -> list[Term]:
    """Parse a word list's text: one term a line, '#' comments, '=' for exact case."""
    terms: list[Term] = []
    seen: set[tuple[str, bool]] = set()
    for line in text.splitlines():
        raw = (_COMMENT.split(line, maxsplit=1)[0] if "#" in line else line).strip()
        if not raw:
            continue
        exact = raw.startswith("=")
        if exact:
            raw = raw[1:].strip()
        key = (raw if exact else raw.lower(), exact)
        if raw and key not in seen:
            seen.add(key)
            terms.append(Term(raw, exact, source))
    return terms


@cache
def load_lexicon(name: str, lang: str) -> tuple[Term, ...]:
    """The terms of a bundled word list (cached per process)."""
    path = lexicon_path(name, lang)
    return tuple(parse_terms(path.read_text(encoding="utf-8"), name))


class TermMatcher:
    """Finds the terms of several word lists in a Doc, whole words, lemma-aware.

    Plain terms are phrases of token norms (the lower-case lemmas), exact terms phrases of
    token texts, each kind kept as a trie of words. Building needs no Doc per term: the
    terms are tokenized in one batch (``Pipeline.term_tokens``) and lemmatized with the
    same function that sets the answer's norms, so matching is exactly equal norms, token
    by token, as a PhraseMatcher on NORM would do, at a fraction of the start-up cost.
    Matching reads the Doc's norms once as a list (``token_view``) and walks the trie from
    each word that starts a phrase; a term with ``...`` gaps is matched part by part, each
    part at most MAX_GAP tokens after the previous one.
    """

    def __init__(self, pipe: Pipeline, terms: tuple[Term, ...]) -> None:
        self._plain: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self._exact: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        simple = [t for t in terms if GAP not in t.text]
        for term, toks in zip(simple, pipe.term_tokens([t.text for t in simple]), strict=True):
            if not toks:
                continue
            if term.exact:
                phrase, table = toks, self._exact
            else:
                phrase, table = tuple(pipe.lemma(tok) for tok in toks), self._plain
            keys = table.setdefault(phrase, [])
            if (term.source, term.text) not in keys:
                keys.append((term.source, term.text))
        # Exact one-word names that are also ordinary words ("Excel", "Go", "Word", "Spark"):
        # at the start of a sentence the capital letter proves nothing. Only names (tool
        # lists, job terms): elsewhere a capitalised exact form such as "=Sebaiknya" is
        # written for the sentence start.
        words = pipe.known_words
        self._ambiguous = {
            k
            for k, keys in self._exact.items()
            if len(k) == 1
            and k[0].istitle()
            and len(k[0]) > 1
            and k[0].lower() in words
            and any(src.startswith(_NAME_SOURCES) for src, _ in keys)
        }
        # The phrases as tries (see _Node): a scan walks from each word only as far as some
        # phrase goes on.
        self._plain_trie = _trie(self._plain)
        self._exact_trie = _trie(self._exact)
        # Terms with "..." gaps, by their first word (see _gapped_terms). Every such word
        # is also a key of the plain trie (with no terms of its own when no phrase starts
        # with it), so the plain trie's walk finds every start of a gapped term too.
        self._gapped = _gapped_terms(pipe, terms)
        for first in self._gapped:
            self._plain_trie.setdefault(first, (None, None))

    def __call__(self, doc: Doc) -> list[Hit]:
        """All hits, longest first where they overlap within one word list, in text order."""
        hits = [hit for group in self.by_source(doc).values() for hit in group]
        hits.sort(key=lambda h: (h.start, h.end, h.source, h.term))
        return hits

    def by_source(self, doc: Doc) -> dict[str, list[Hit]]:
        """The hits of each word list, longest first where they overlap, in text order."""
        view = token_view(doc)
        found: dict[str, list[tuple[int, int, str]]] = {}
        norms = view.norms
        gapped = self._gapped
        starts = _walk(self._plain_trie, norms, found, marked=gapped) if self._plain_trie else []
        if self._exact_trie:
            _walk(self._exact_trie, view.texts, found, self._ambiguous, doc)
        for start in starts:
            # Tried only where some second part's first word follows closely enough.
            first = gapped[norms[start]]
            if first.alone or not first.next_words.isdisjoint(
                norms[start + 1 : start + first.reach]
            ):
                _match_gapped(norms, start, first.groups, found)
        return _longest_per_source(found, view)


def _walk(
    trie: dict[str, _Node],
    values: list[str],
    found: dict[str, list[tuple[int, int, str]]],
    ambiguous: Collection[tuple[str, ...]] | None = None,
    doc: Doc | None = None,
    marked: Collection[str] = (),
) -> list[int]:
    """Add to ``found`` (by word list: token start, end and term) every phrase of ``trie``
    in ``values``, walking from each word that starts one; the positions of those words
    that are also ``marked`` are returned. One-word ``ambiguous`` names count only where
    the Doc shows they are names (see _NAME_NEXT)."""
    n = len(values)
    starts: list[int] = []
    for start, value in enumerate(values):
        node = trie.get(value)
        if node is None:  # (one test per word: most words start no phrase)
            continue
        if value in marked:
            starts.append(start)
        keys, next_words = node
        end = start + 1
        while True:
            if keys is not None and not (
                ambiguous
                and end - start == 1
                and (value,) in ambiguous
                and sentence_initial(cast("Doc", doc), start)
                and not _name_follows(cast("Doc", doc), start)
            ):
                for source, term in keys:
                    _add(found, source, (start, end, term))
            if next_words is None or end >= n:
                break
            node = next_words.get(values[end])
            if node is None:
                break
            keys, next_words = node
            end += 1
    return starts


def _add(
    found: dict[str, list[tuple[int, int, str]]], source: str, hit: tuple[int, int, str]
) -> None:
    """Add a match (token start, end, term) to its word list's matches in ``found``."""
    group = found.get(source)
    if group is None:
        found[source] = [hit]
    else:
        group.append(hit)


@dataclass
class TokenView:
    """A Doc's token norms, texts and character offsets as plain lists, made once per Doc."""

    text: str
    norms: list[str]
    texts: list[str]
    starts: list[int]
    ends: list[int]


def token_view(doc: Doc, text: str | None = None) -> TokenView:
    """The TokenView of ``doc``, cached in ``doc.user_data``.

    Pass the Doc's ``text`` when it is at hand: spaCy rebuilds ``doc.text`` from its tokens
    on every access.
    """
    view = doc.user_data.get(VIEW_KEY)
    if view is None:
        tokens = doc.user_data.get(TOKENS_KEY)
        if tokens is None:  # a Doc that did not go through the pipeline's norms component
            from spacy.attrs import IDX, LENGTH, NORM, ORTH

            strings = doc.vocab.strings
            rows = doc.to_array([NORM, ORTH, IDX, LENGTH]).tolist() if len(doc) else []
            tokens = (
                [strings[r[0]] for r in rows],
                [strings[r[1]] for r in rows],
                [r[2] for r in rows],
                [r[2] + r[3] for r in rows],
            )
        view = TokenView(doc.text if text is None else text, *tokens)
        doc.user_data[VIEW_KEY] = view
    return view


# Gapped terms that open with one phrase (``first``): the terms of that phrase alone
# (list, term) and, by the first word of their second part, their later parts with list
# and term.
_GapGroup = tuple[
    tuple[str, ...],
    list[tuple[str, str]],
    dict[str, list[tuple[tuple[tuple[str, ...], ...], str, str]]],
]


class _Gapped(NamedTuple):
    """The gapped terms that open with one word, and what a match of any of them needs."""

    groups: list[_GapGroup]
    # The first words of their second parts, all found before token ``start + reach``
    # when a term matches at ``start``.
    next_words: frozenset[str]
    reach: int
    alone: bool  # some term is its first part alone ("plan ..."): no second part to look for


def _gapped_terms(pipe: Pipeline, terms: tuple[Term, ...]) -> dict[str, _Gapped]:
    """The terms with "..." gaps, their parts as norm tuples, by their first word."""
    by_first: dict[str, list[_GapGroup]] = {}
    for term in terms:
        if GAP not in term.text:
            continue
        parts = tuple(
            tuple(pipe.lemma(tok) for tok in pipe.term_tokens([part.strip()])[0])
            for part in term.text.split(GAP)
            if part.strip()
        )
        if not (parts and all(parts)):
            continue
        groups = by_first.setdefault(parts[0][0], [])
        group = next((g for g in groups if g[0] == parts[0]), None)
        if group is None:
            group = (parts[0], [], {})
            groups.append(group)
        if len(parts) == 1:
            group[1].append((term.source, term.text))
        else:
            group[2].setdefault(parts[1][0], []).append((parts[1:], term.source, term.text))
    return {
        word: _Gapped(
            groups,
            frozenset(w for _, _, by_next in groups for w in by_next),
            max(len(first) for first, _, _ in groups) + MAX_GAP + 1,
            any(alone for _, alone, _ in groups),
        )
        for word, groups in by_first.items()
    }


def _match_gapped(
    norms: list[str],
    start: int,
    groups: list[_GapGroup],
    found: dict[str, list[tuple[int, int, str]]],
) -> None:
    """Add to ``found`` the gapped terms that match at token ``start``.

    A later part starts at most MAX_GAP tokens after the first part, so only the terms
    whose second part opens with one of the next MAX_GAP + 1 words (each word once) are
    tried.
    """
    for first, alone, by_next in groups:
        end = start + len(first)
        if end - start > 1 and tuple(norms[start:end]) != first:
            continue
        for source, term in alone:
            _add(found, source, (start, end, term))
        if by_next and not by_next.keys().isdisjoint(window := norms[end : end + MAX_GAP + 1]):
            for word in dict.fromkeys(window):
                for later, source, term in by_next.get(word, ()):
                    stop = _match_later(norms, end, later)
                    if stop is not None:
                        _add(found, source, (start, stop, term))


def _match_later(norms: list[str], end: int, parts: tuple[tuple[str, ...], ...]) -> int | None:
    """The end of the shortest match of ``parts`` after token ``end``, each part up to
    MAX_GAP tokens after the previous one; None when there is none."""
    for part in parts:
        size = len(part)
        for gap in range(MAX_GAP + 1):
            at = end + gap
            if tuple(norms[at : at + size]) == part:
                end = at + size
                break
        else:
            return None
    return end


# A trie node, reached by a phrase's words so far: the terms (list, term) of the phrases
# that end there and the node of each next word, None for none. One tuple rather than a
# dict with the terms under a key of their own: the scan unpacks it instead of looking the
# terms up at each word.
_Node = tuple[list[tuple[str, str]] | None, dict[str, "_Node"] | None]


def _trie(table: dict[tuple[str, ...], list[tuple[str, str]]]) -> dict[str, _Node]:
    """The first words of the phrases with their nodes (one level per word)."""
    root: dict[str, Any] = {}  # nested dicts first, each phrase's terms under ""
    for phrase, keys in table.items():
        node = root
        for word in phrase:
            node = node.setdefault(word, {})
        node[""] = keys
    return {word: _node(child) for word, child in root.items()}


def _node(nested: dict[str, Any]) -> _Node:
    next_words = {word: _node(child) for word, child in nested.items() if word}
    return nested.get(""), next_words or None


def sentence_initial(doc: Doc, i: int) -> bool:
    """True when token ``i`` opens a sentence, a line or a list item (ignoring bullets, quotes)."""
    while i > 0:
        prev = doc[i - 1]
        if "\n" in prev.text:
            return True
        if not (prev.is_punct or prev.is_space or prev.like_num):
            return doc[i].is_sent_start is True
        i -= 1
    return True


def _name_follows(doc: Doc, i: int) -> bool:
    """True when the token after ``i`` shows that token ``i`` is a name (see _NAME_NEXT)."""
    if i + 1 >= len(doc):
        return True
    nxt = doc[i + 1]
    low = nxt.lower_
    return (
        nxt.norm_ in _NAME_NEXT
        or low in _NAME_NEXT
        or nxt.is_punct
        or (nxt.is_alpha and nxt.norm_ != low)
    )


def _longest_per_source(
    found: dict[str, list[tuple[int, int, str]]], view: TokenView
) -> dict[str, list[Hit]]:
    """Within each word list, the longest of overlapping matches (then the first, then by
    term), as Hits in text order, by list.

    A list's matches nearly always come in text order without overlapping (one word each,
    apart): those are kept as they are, and only a list whose matches overlap or come out
    of order is sorted and resolved (``_resolve``).
    """
    return {
        source: _hits(view, group if _in_order(group) else _resolve(group), source)
        for source, group in found.items()
    }


def _in_order(group: list[tuple[int, int, str]]) -> bool:
    """True when each match starts at or after the end of the one before."""
    last = 0  # where the previous match ends
    for start, end, _ in group:
        if start < last:
            return False
        last = end
    return True


def _hits(view: TokenView, matches: list[tuple[int, int, str]], source: str) -> list[Hit]:
    """The matches (token start, end, term) of one word list as Hits."""
    starts, ends, text = view.starts, view.ends, view.text
    hits: list[Hit] = []
    for start, end, term in matches:
        a, b = starts[start], ends[end - 1]
        hits.append(Hit(a, b, start, end, text[a:b], term, source))
    return hits


def _resolve(group: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The longest of overlapping matches (then the first, then by term), in text order.

    Text order is token order: tokens are never empty, so token and character offsets sort
    alike. Most lists that get here only have matches out of order, or two terms on the
    same words ("i" and "=I" on "I"), of which the first term stays: in text order these
    are resolved in one pass; real overlaps go to ``_longest_kept``.
    """
    ordered = sorted(group)
    kept = [ordered[0]]
    last_start, last_end, _ = ordered[0]
    for match in ordered[1:]:
        start, end, _ = match
        if start >= last_end:
            kept.append(match)
            last_start, last_end = start, end
        elif start != last_start or end != last_end:
            return _longest_kept(ordered)
    return kept


def _longest_first(match: tuple[int, int, str]) -> tuple[int, int, str]:
    start, end, term = match
    return (start - end, start, term)


def _longest_kept(group: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The longest of overlapping matches (then the first, then by term), in text order."""
    taken: set[int] = set()
    kept: list[tuple[int, int, str]] = []
    for start, end, term in sorted(group, key=_longest_first):
        if end - start == 1:
            if start in taken:
                continue
            taken.add(start)
        else:
            toks = range(start, end)
            if not taken.isdisjoint(toks):
                continue
            taken.update(toks)
        kept.append((start, end, term))
    kept.sort()
    return kept
