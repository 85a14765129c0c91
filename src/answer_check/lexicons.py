"""Word lists from ``rubrics/lexicons`` and the spaCy matchers that find them in a Doc."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from answer_check.errors import RubricError
from answer_check.paths import rubrics_dir

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from answer_check.nlp import Pipeline

GAP = "..."
# '#' starts a comment at the start of a line or after white space ("C#" is a term).
_COMMENT = re.compile(r"(?:^|\s)#")
MAX_GAP = 3


@dataclass(frozen=True)
class Term:
    """One entry of a word list."""

    text: str
    exact: bool
    source: str  # "<lexicon name>" or "inline"


@dataclass(frozen=True)
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
        raw = _COMMENT.split(line, maxsplit=1)[0].strip()
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

    Plain terms go into a PhraseMatcher on NORM (the lower-case lemma), exact terms into
    one on ORTH, and terms with a ``...`` gap into a Matcher.
    """

    def __init__(self, pipe: Pipeline, terms: tuple[Term, ...]) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        vocab = pipe.nlp.vocab
        self._norm = PhraseMatcher(vocab, attr="NORM")
        self._orth = PhraseMatcher(vocab, attr="ORTH")
        self._gaps = Matcher(vocab)
        self._keys: dict[int, tuple[str, str]] = {}
        self.size = len(terms)
        plain: dict[str, list[Doc]] = {}
        exact: dict[str, list[Doc]] = {}
        for term in terms:
            key = f"{term.source}\x1f{term.text}"
            self._keys[vocab.strings.add(key)] = (term.source, term.text)
            if GAP in term.text:
                pattern: list[dict[str, object]] = []
                for i, part in enumerate(term.text.split(GAP)):
                    if i:
                        pattern.append({"OP": f"{{0,{MAX_GAP}}}"})
                    for tok in pipe.make_pattern(part.strip()):
                        pattern.append({"NORM": tok.norm_})
                self._gaps.add(key, [pattern])
            elif term.exact:
                exact.setdefault(key, []).append(pipe.nlp.make_doc(term.text))
            else:
                plain.setdefault(key, []).append(pipe.make_pattern(term.text))
        for key, docs in plain.items():
            self._norm.add(key, docs)
        for key, docs in exact.items():
            self._orth.add(key, docs)

    def __call__(self, doc: Doc) -> list[Hit]:
        """All hits, longest first where they overlap within one word list, in text order."""
        found = []
        for matcher in (self._norm, self._orth, self._gaps):
            if len(matcher):
                found.extend(matcher(doc))
        hits: list[Hit] = []
        for match_id, start, end in found:
            source, term = self._keys[match_id]
            span = doc[start:end]
            hits.append(
                Hit(span.start_char, span.end_char, start, end, span.text, term, source)
            )
        return _longest_per_source(hits)


def _longest_per_source(hits: list[Hit]) -> list[Hit]:
    by_source: dict[str, list[Hit]] = {}
    for hit in hits:
        by_source.setdefault(hit.source, []).append(hit)
    kept: list[Hit] = []
    for group in by_source.values():
        group.sort(key=lambda h: (-(h.tok_end - h.tok_start), h.tok_start, h.term))
        taken: set[int] = set()
        for hit in group:
            toks = set(range(hit.tok_start, hit.tok_end))
            if toks & taken:
                continue
            taken |= toks
            kept.append(hit)
    kept.sort(key=lambda h: (h.start, h.end, h.source, h.term))
    return kept
