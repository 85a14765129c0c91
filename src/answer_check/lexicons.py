"""Word lists from ``rubrics/lexicons`` and the spaCy matchers that find them in a Doc."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from answer_check.errors import RubricError
from answer_check.paths import rubrics_dir

if TYPE_CHECKING:
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
        # The phrases as tries (word -> next words), the terms of a phrase under END: a
        # scan walks from each word only as far as some phrase goes on.
        self._plain_trie = _trie(self._plain)
        self._exact_trie = _trie(self._exact)
        # Terms with "..." gaps: their parts as norm tuples, matched part by part below.
        self._gapped: dict[
            str, list[tuple[tuple[tuple[str, ...], ...], frozenset[str], str, str]]
        ] = {}
        for term in terms:
            if GAP not in term.text:
                continue
            parts = tuple(
                tuple(pipe.lemma(tok) for tok in pipe.term_tokens([part.strip()])[0])
                for part in term.text.split(GAP)
                if part.strip()
            )
            if parts and all(parts):
                needs = frozenset(part[0] for part in parts[1:])
                self._gapped.setdefault(parts[0][0], []).append(
                    (parts, needs, term.source, term.text)
                )

    def __call__(self, doc: Doc) -> list[Hit]:
        """All hits, longest first where they overlap within one word list, in text order."""
        hits = [hit for group in self.by_source(doc).values() for hit in group]
        hits.sort(key=lambda h: (h.start, h.end, h.source, h.term))
        return hits

    def by_source(self, doc: Doc) -> dict[str, list[Hit]]:
        """The hits of each word list, longest first where they overlap, in text order."""
        view = token_view(doc)
        found: list[tuple[str, str, int, int]] = []
        for trie, values in ((self._plain_trie, view.norms), (self._exact_trie, view.texts)):
            if not trie:
                continue
            n = len(values)
            # Only positions whose word starts some phrase.
            for start in [i for i, value in enumerate(values) if value in trie]:
                node = trie[values[start]]
                end = start + 1
                while True:
                    keys = node.get(END)
                    if keys is not None and not (
                        trie is self._exact_trie
                        and end - start == 1
                        and (values[start],) in self._ambiguous
                        and sentence_initial(doc, start)
                        and not _name_follows(doc, start)
                    ):
                        found.extend((src, term, start, end) for src, term in keys)
                    if end >= n:
                        break
                    node = node.get(values[end])
                    if node is None:
                        break
                    end += 1
        gapped = self._gapped
        if gapped:
            norms = view.norms
            starts = [i for i, value in enumerate(norms) if value in gapped]
            if starts:
                # The terms whose later parts' first words all occur, once per first word.
                present = view.norm_set
                possible = {
                    first: [g for g in gapped[first] if g[1] <= present]
                    for first in {norms[i] for i in starts}
                }
                for start in starts:
                    for parts, _, source, term in possible[norms[start]]:
                        stop = _match_parts(norms, start, parts)
                        if stop is not None:
                            found.append((source, term, start, stop))
        return _longest_per_source(found, view)


@dataclass
class TokenView:
    """A Doc's token norms, texts and character offsets as plain lists, made once per Doc."""

    text: str
    norms: list[str]
    texts: list[str]
    starts: list[int]
    ends: list[int]

    @cached_property
    def norm_set(self) -> frozenset[str]:
        return frozenset(self.norms)


def token_view(doc: Doc, text: str | None = None) -> TokenView:
    """The TokenView of ``doc``, cached in ``doc.user_data``.

    Pass the Doc's ``text`` when it is at hand: spaCy rebuilds ``doc.text`` from its tokens
    on every access.
    """
    view = doc.user_data.get(VIEW_KEY)
    if view is None:
        from answer_check.nlp import TOKENS_KEY

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


def _match_parts(norms: list[str], start: int, parts: tuple[tuple[str, ...], ...]) -> int | None:
    """The end of the shortest match of ``parts`` at ``start``, each part up to MAX_GAP
    tokens after the previous one; None when there is none."""
    first = parts[0]
    end = start + len(first)
    if tuple(norms[start:end]) != first:
        return None
    for part in parts[1:]:
        size = len(part)
        for gap in range(MAX_GAP + 1):
            at = end + gap
            if tuple(norms[at : at + size]) == part:
                end = at + size
                break
        else:
            return None
    return end


END = ""  # the key under which a trie node keeps the terms that end there (no token is "")


def _trie(table: dict[tuple[str, ...], list[tuple[str, str]]]) -> dict[str, Any]:
    """Nested dicts, one level per word of the phrases; a phrase's terms under END."""
    root: dict[str, Any] = {}
    for phrase, keys in table.items():
        node = root
        for word in phrase:
            node = node.setdefault(word, {})
        node[END] = keys
    return root


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
    found: list[tuple[str, str, int, int]], view: TokenView
) -> dict[str, list[Hit]]:
    """Within each word list, the longest of overlapping matches (then the first, then by
    term), as Hits in text order, by list."""
    found.sort(key=lambda f: (f[0], f[2] - f[3], f[2], f[1]))
    text, starts, ends = view.text, view.starts, view.ends
    by_source: dict[str, list[Hit]] = {}
    kept: list[Hit] = []
    source = None
    taken: set[int] = set()
    for src, term, start, end in found:
        if src != source:
            source, taken, kept = src, set(), by_source.setdefault(src, [])
        if end - start == 1:
            if start in taken:
                continue
            taken.add(start)
        else:
            toks = range(start, end)
            if not taken.isdisjoint(toks):
                continue
            taken.update(toks)
        a, b = starts[start], ends[end - 1]
        kept.append(Hit(a, b, start, end, text[a:b], term, src))
    for group in by_source.values():
        if len(group) > 1:
            group.sort(key=lambda h: (h.start, h.end, h.term))
    return by_source
