"""An analysed answer: the spaCy Doc, sentences, and cached word-list hits for the checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from answer_check.lexicons import Hit, Term, TermMatcher, load_lexicon, parse_terms
from answer_check.nlp import Pipeline, pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from answer_check.model import JobTerm
    from answer_check.quantities import Quantity
    from answer_check.star import StarMap

# Tokens within this distance before a match are searched for a negation cue.
NEGATION_WINDOW = 4

_MATCHERS: dict[tuple[str, tuple[str, ...], tuple[str, ...]], TermMatcher] = {}


def matcher_for(pipe: Pipeline, lexicons: tuple[str, ...], inline: tuple[str, ...] = ()) -> TermMatcher:
    """A TermMatcher for these word lists and inline terms, built once per process."""
    key = (pipe.lang, lexicons, inline)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        terms: list[Term] = []
        for name in lexicons:
            terms.extend(load_lexicon(name, pipe.lang))
        if inline:
            terms.extend(parse_terms("\n".join(inline), "inline"))
        matcher = TermMatcher(pipe, tuple(terms))
        _MATCHERS[key] = matcher
    return matcher


_TERM_WORDS: dict[tuple[str, str], frozenset[str]] = {}


@dataclass
class Sentence:
    """A sentence's character and token bounds."""

    index: int
    start: int
    end: int
    tok_start: int
    tok_end: int


@dataclass
class Analysis:
    """Everything the checks read about one answer. Built once, read by every check."""

    text: str
    lang: str
    doc: Doc
    pipe: Pipeline
    question: str | None = None
    user_terms: tuple[str, ...] = ()
    job_text: str | None = None
    _hits: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Hit]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, lang: str, doc: Doc | None = None, **kwargs: Any) -> Analysis:
        pipe = pipeline(lang)
        return cls(text=text, lang=lang, doc=doc if doc is not None else pipe(text), pipe=pipe,
                   **kwargs)

    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        for i, sent in enumerate(s for s in self.doc.sents if s.text.strip()):
            out.append(Sentence(i, sent.start_char, sent.end_char, sent.start, sent.end))
        return out

    @cached_property
    def _sent_of_token(self) -> list[int]:
        index = [-1] * len(self.doc)
        for sent in self.sentences:
            for i in range(sent.tok_start, sent.tok_end):
                index[i] = sent.index
        return index

    def sentence_of(self, tok: int) -> int:
        """The index of the sentence holding token ``tok`` (-1 for whitespace-only)."""
        return self._sent_of_token[tok]

    @cached_property
    def question_norms(self) -> frozenset[str]:
        """The lower-case lemmas of the question's words (empty without a question)."""
        if not self.question:
            return frozenset()
        return frozenset(t.norm_ for t in self.pipe.make_pattern(self.question))

    @cached_property
    def words(self) -> int:
        return sum(1 for t in self.doc if t.is_alpha or t.like_num or any(c.isalnum() for c in t.text))

    def hits(self, lexicons: tuple[str, ...] = (), inline: tuple[str, ...] = ()) -> list[Hit]:
        """Hits of these word lists (and inline terms) in the answer, cached."""
        key = (lexicons, inline)
        found = self._hits.get(key)
        if found is None:
            found = matcher_for(self.pipe, lexicons, inline)(self.doc)
            self._hits[key] = found
        return found

    @cached_property
    def _negation_tokens(self) -> set[int]:
        toks: set[int] = set()
        for hit in self.hits(("negation",)):
            toks.update(range(hit.tok_start, hit.tok_end))
        return toks

    @cached_property
    def _break_tokens(self) -> set[int]:
        toks = {t.i for t in self.doc if t.is_punct and t.text not in ("'", "\u2019", "-")}
        for hit in self.hits(("clause_breaks",)):
            toks.update(range(hit.tok_start, hit.tok_end))
        return toks

    def _term_words(self, term: str) -> frozenset[str]:
        """The lower-case words and lemmas of a word-list term."""
        key = (self.lang, term)
        words = _TERM_WORDS.get(key)
        if words is None:
            pattern = self.pipe.make_pattern(term.lstrip("="))
            words = frozenset({t.lower_ for t in pattern} | {t.norm_ for t in pattern})
            _TERM_WORDS[key] = words
        return words

    def negated(self, hit: Hit) -> bool:
        """True when a negation cue stands inside the hit or just before it in its clause."""
        neg = self._negation_tokens
        inside = [i for i in range(hit.tok_start, hit.tok_end) if i in neg]
        if inside:
            # A negation the term itself spells ("not my fault", "tidak becus") is its meaning;
            # only one that the term does not hold (in a gap, or another word) negates it.
            own = self._term_words(hit.term)
            if any(self.doc[i].norm_ not in own and self.doc[i].lower_ not in own
                   for i in inside):
                return True
        sent = self.sentence_of(hit.tok_start)
        for i in range(hit.tok_start - 1, max(-1, hit.tok_start - 1 - NEGATION_WINDOW), -1):
            if self.sentence_of(i) != sent or i in self._break_tokens:
                return False
            if i in neg:
                return True
        return False

    @cached_property
    def quantities(self) -> list[Quantity]:
        from answer_check.quantities import find_quantities

        return find_quantities(self.text, self.lang)

    @cached_property
    def job_terms(self) -> tuple[JobTerm, ...]:
        """The job description's key terms and the answer's evidence for each (none without
        a job description)."""
        from answer_check.jobdesc import coverage

        return coverage(self)

    @cached_property
    def star(self) -> StarMap:
        from answer_check.star import tag_star

        return tag_star(self)
