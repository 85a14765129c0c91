"""An analysed answer: the spaCy Doc, sentences, and cached word-list hits for the checks."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar, overload

from answer_check.errors import RubricError
from answer_check.lexicons import (
    Hit,
    Term,
    TermMatcher,
    TokenView,
    load_lexicon,
    parse_terms,
    token_view,
)
from answer_check.nlp import Pipeline, pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from answer_check.model import JobTerm
    from answer_check.quantities import Quantity
    from answer_check.star import ActionHit, StarMap

# Tokens within this distance before a match are searched for a negation cue.
NEGATION_WINDOW = 6

_MATCHERS: dict[tuple[str, tuple[str, ...], tuple[str, ...]], TermMatcher] = {}


def matcher_for(
    pipe: Pipeline, lexicons: tuple[str, ...], inline: tuple[str, ...] = ()
) -> TermMatcher:
    """A TermMatcher for these word lists and inline terms, built once per process.

    Matchers of bundled word lists are also kept in the on-disk cache (``disk_cache``):
    building the tool lists' matcher takes a tenth of a second, loading it a few ms.
    """
    key = (pipe.lang, lexicons, inline)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        matcher = _cached_matcher(pipe, lexicons) if not inline else None
        if matcher is None:
            matcher = _build_matcher(pipe, lexicons, inline)
            if not inline:
                _store_matcher(pipe, lexicons, matcher)
        _MATCHERS[key] = matcher
    return matcher


def _build_matcher(
    pipe: Pipeline, lexicons: tuple[str, ...], inline: tuple[str, ...]
) -> TermMatcher:
    terms: list[Term] = []
    for name in lexicons:
        terms.extend(load_lexicon(name, pipe.lang))
    if inline:
        terms.extend(parse_terms("\n".join(inline), "inline"))
    return TermMatcher(pipe, tuple(terms))


def _matcher_key(pipe: Pipeline, lexicons: tuple[str, ...]) -> str:
    """Everything a word-list matcher is built from: versions, code, the lists' contents."""
    from answer_check import disk_cache
    from answer_check.lexicons import lexicon_path

    parts: list[str | bytes] = [_build_fingerprint(), pipe.lang]
    for name in lexicons:
        parts += [name, lexicon_path(name, pipe.lang).read_bytes()]
    return disk_cache.fingerprint(*parts)


@cache
def _question_norms(lang: str, question: str) -> frozenset[str]:
    """Cached per question: a class shares a handful of questions across many answers."""
    return frozenset(t.norm_ for t in question_doc(lang, question))


@lru_cache(maxsize=16)
def question_doc(lang: str, question: str) -> Doc:
    """The question's tokens with their norms, for the caches of what is read from it (the
    last few questions: each of those caches reads an answer's question once)."""
    return pipeline(lang).make_pattern(question)


@cache
def _build_fingerprint() -> str:
    """spaCy's version, the lemma tables' file and the code that builds matchers."""
    from spacy.about import __version__ as spacy_version

    from answer_check import disk_cache
    from answer_check.lemma_tables import data_dir

    tables = data_dir()
    stats = [f"{p.name}:{p.stat().st_size}" for p in sorted(tables.glob("*_lemma_lookup.json.gz"))]
    return disk_cache.fingerprint(
        spacy_version, *stats, disk_cache.source_fingerprint("lexicons", "nlp", "id_lemma")
    )


def _cached_matcher(pipe: Pipeline, lexicons: tuple[str, ...]) -> TermMatcher | None:
    from answer_check import disk_cache

    if disk_cache.cache_dir() is None:
        return None
    found = disk_cache.load("matchers", _matcher_key(pipe, lexicons))
    return found if isinstance(found, TermMatcher) else None


def _store_matcher(pipe: Pipeline, lexicons: tuple[str, ...], matcher: TermMatcher) -> None:
    from answer_check import disk_cache

    if disk_cache.cache_dir() is not None:
        disk_cache.store("matchers", _matcher_key(pipe, lexicons), matcher)


class _Universe:
    """Every word list asked for so far in this process, per language, in one matcher.

    An answer's checks ask for a dozen or more groups of word lists; scanning the answer
    once for all of them is much cheaper than once per group. The first answer of a run
    uses one matcher per group (nothing is built that a single answer does not need) and
    registers the lists; later answers get the hits of every registered list from one
    scan, filtered by list. Inline terms always use their own matcher.
    """

    def __init__(self) -> None:
        self.names: dict[str, set[str]] = {}
        self.matchers: dict[str, tuple[frozenset[str], TermMatcher]] = {}
        self._kept: dict[str, frozenset[str]] = {}  # per language: the lists preload found

    def register(self, lang: str, names: tuple[str, ...]) -> None:
        self.names.setdefault(lang, set()).update(names)

    def matcher(self, pipe: Pipeline) -> tuple[frozenset[str], TermMatcher] | None:
        """The combined matcher over every registered list (rebuilt when lists were added)."""
        names = frozenset(self.names.get(pipe.lang, ()))
        if not names:
            return None
        built = self.matchers.get(pipe.lang)
        if built is None or built[0] != names:
            built = (names, matcher_for(pipe, tuple(sorted(names))))
            self.matchers[pipe.lang] = built
        return built

    def preload(self, pipe: Pipeline, key: str) -> bool:
        """Register the lists a run with this ``key`` registered last time (kept in the
        on-disk cache) and build their combined matcher; False when nothing was kept.

        Only a shortcut: which lists are in the combined matcher changes what one scan
        costs, never the hits a check gets (they are filtered by list).
        """
        from answer_check import disk_cache

        names = disk_cache.load("universe", key)
        if not isinstance(names, tuple) or not all(isinstance(n, str) for n in names):
            return False
        before = set(self.names.get(pipe.lang, ()))
        self.register(pipe.lang, names)
        try:
            self.matcher(pipe)
        except RubricError:  # a list that no longer exists: forget the hint
            self.names[pipe.lang] = before
            self.matchers.pop(pipe.lang, None)
            return False
        self._kept[pipe.lang] = frozenset(names)
        return True

    def remember(self, pipe: Pipeline, key: str) -> None:
        """Keep the lists registered so far for the next run with this ``key``."""
        from answer_check import disk_cache

        names = frozenset(self.names.get(pipe.lang, ()))
        if names != self._kept.get(pipe.lang):
            self._kept[pipe.lang] = names
            disk_cache.store("universe", key, tuple(sorted(names)))


UNIVERSE = _Universe()


class LexemeFlags(NamedTuple):
    """A word's lexeme flags in spaCy's vocabulary, and whether it ends a clause."""

    is_punct: bool
    like_num: bool
    is_space: bool
    is_alpha: bool
    clause_end: bool  # punctuation that ends a clause (not an apostrophe or hyphen)


class _LexemeFlags(dict[str, LexemeFlags]):
    """Words' lexeme flags by their text, for one language.

    Read from the vocabulary once per word (up to _WORD_FLAGS_MAX words), instead of making
    a spaCy Token for every look at a word.
    """

    def __init__(self, vocab: Any) -> None:
        super().__init__()
        self.vocab = vocab

    def __missing__(self, text: str) -> LexemeFlags:
        lexeme = self.vocab[text]
        punct = bool(lexeme.is_punct)
        found = LexemeFlags(
            punct,
            bool(lexeme.like_num),
            bool(lexeme.is_space),
            bool(lexeme.is_alpha),
            punct and text not in ("'", "\u2019", "-"),
        )
        if len(self) < _WORD_FLAGS_MAX:
            self[text] = found
        return found


class _WordLike(dict[str, bool]):
    """By token text: does it hold a letter or digit (a word for the word count)?"""

    def __missing__(self, text: str) -> bool:
        found = text.isalnum() or _HAS_ALNUM(text) is not None
        if len(self) < _WORD_FLAGS_MAX:
            self[text] = found
        return found


_WORD_FLAGS_MAX = 200_000
_LEXEME_FLAGS: dict[str, _LexemeFlags] = {}  # per language
_WORD_LIKE = _WordLike()


_TERM_WORDS: dict[tuple[str, str], frozenset[str]] = {}
_HAS_ALNUM = re.compile(r"[^\W_]").search  # a character for which str.isalnum() is true
# The order of hits of several word lists: by offsets, then list, then term (one scan's).
_HIT_ORDER = attrgetter("start", "end", "source", "term")


_T = TypeVar("_T")


class lazy(Generic[_T]):
    """``functools.cached_property`` without its lock: worked out on first access, then
    read from the instance's ``__dict__``.

    Python 3.11's cached_property takes a lock on every first access (3.12 dropped it), which
    cost more than some of the values it guards; an answer's analysis fills a dozen of them,
    and each Analysis belongs to one thread.
    """

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> lazy[_T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> _T | lazy[_T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass(slots=True)
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
    _hits_by_list: dict[tuple[str, ...], dict[str, list[Hit]]] = field(default_factory=dict)
    # The Doc's token norms, texts and offsets (``lexicons.token_view``).
    view: TokenView = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.view = token_view(self.doc, self.text)  # made once, with the text at hand

    @classmethod
    def of(cls, text: str, lang: str, doc: Doc | None = None, **kwargs: Any) -> Analysis:
        pipe = pipeline(lang)
        return cls(
            text=text, lang=lang, doc=doc if doc is not None else pipe(text), pipe=pipe, **kwargs
        )

    @lazy
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        text = self.text
        for sent in self.doc.sents:
            start, end = sent.start_char, sent.end_char
            if text[start:end].strip():
                out.append(Sentence(len(out), start, end, sent.start, sent.end))
        return out

    @lazy
    def token_sentences(self) -> list[int]:
        """The index of each token's sentence (-1 for whitespace-only), by token."""
        index = [-1] * len(self.doc)
        for sent in self.sentences:
            index[sent.tok_start : sent.tok_end] = [sent.index] * (sent.tok_end - sent.tok_start)
        return index

    def sentence_of(self, tok: int) -> int:
        """The index of the sentence holding token ``tok`` (-1 for whitespace-only)."""
        return self.token_sentences[tok]

    @lazy
    def question_norms(self) -> frozenset[str]:
        """The lower-case lemmas of the question's words (empty without a question)."""
        if not self.question:
            return frozenset()
        return _question_norms(self.lang, self.question)

    @lazy
    def words(self) -> int:
        """Tokens with a letter or digit in them."""
        return sum(map(_WORD_LIKE.__getitem__, self.view.texts))

    def hits(self, lexicons: tuple[str, ...] = (), inline: tuple[str, ...] = ()) -> list[Hit]:
        """Hits of these word lists (and inline terms) in the answer, cached."""
        key = (lexicons, inline)
        found = self._hits.get(key)
        if found is None:
            every = self._all_hits
            if not inline and every is not None and every[0].issuperset(lexicons):
                by_list = every[1]
                if len(lexicons) == 1:
                    found = list(by_list.get(lexicons[0], ()))
                else:
                    groups = [by_list[name] for name in set(lexicons) if name in by_list]
                    if len(groups) == 1:
                        found = list(groups[0])
                    else:  # the order of the one scan
                        found = sorted(chain.from_iterable(groups), key=_HIT_ORDER)
            else:
                found = matcher_for(self.pipe, lexicons, inline)(self.doc)
                UNIVERSE.register(self.lang, lexicons)
            self._hits[key] = found
        return found

    def hits_by_list(self, lexicons: tuple[str, ...]) -> Mapping[str, list[Hit]]:
        """The hits of each of these word lists, in text order (as ``hits`` gives them).

        The lists may be shared with the answer's other caches: read them, never change them.
        """
        by_list = self._hits_by_list.get(lexicons)
        if by_list is None:
            every = self._all_hits
            if every is not None and every[0].issuperset(lexicons):
                found = every[1]
                by_list = {name: found.get(name, []) for name in lexicons}
            else:
                by_list = {name: [] for name in lexicons}
                for hit in self.hits(lexicons):
                    by_list[hit.source].append(hit)
            self._hits_by_list[lexicons] = by_list
        return by_list

    @lazy
    def _all_hits(self) -> tuple[frozenset[str], dict[str, list[Hit]]] | None:
        """Hits of every word list registered before this answer, from one scan, by list."""
        built = UNIVERSE.matcher(self.pipe)
        if built is None:
            return None
        names, matcher = built
        return names, matcher.by_source(self.doc)

    @lazy
    def _negation_tokens(self) -> set[int]:
        toks: set[int] = set()
        for hit in self.hits(("negation",)):
            toks.update(range(hit.tok_start, hit.tok_end))
        return toks

    @lazy
    def _break_tokens(self) -> set[int]:
        """Tokens of clause-break words ("but", "because"); clause-ending punctuation is
        told by ``lexeme_flags``."""
        toks: set[int] = set()
        for hit in self.hits(("clause_breaks",)):
            toks.update(range(hit.tok_start, hit.tok_end))
        return toks

    @property
    def lexeme_flags(self) -> Mapping[str, LexemeFlags]:
        """By word text: the word's lexeme flags (as a Token of the answer has them)."""
        flags = _LEXEME_FLAGS.get(self.lang)
        if flags is None:
            flags = _LEXEME_FLAGS[self.lang] = _LexemeFlags(self.doc.vocab)
        return flags

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
        start = hit.tok_start
        # No cue in the hit or the window before it (most hits): nothing to walk.
        if not neg or neg.isdisjoint(range(max(0, start - NEGATION_WINDOW), hit.tok_end)):
            return False
        texts = self.view.texts
        if not neg.isdisjoint(range(start, hit.tok_end)):
            # A negation the term itself spells ("not my fault", "tidak becus") is its meaning;
            # only one that the term does not hold (in a gap, or another word) negates it.
            own = self._term_words(hit.term)
            norms = self.view.norms
            for i in range(start, hit.tok_end):
                if i in neg and norms[i] not in own and texts[i].lower() not in own:
                    return True
        sent_of = self.token_sentences
        sent = sent_of[start]
        breaks, flags = self._break_tokens, self.lexeme_flags
        for i in range(start - 1, max(-1, start - 1 - NEGATION_WINDOW), -1):
            if sent_of[i] != sent or i in breaks or flags[texts[i]].clause_end:
                return False
            if i in neg:
                return True
        return False

    @lazy
    def quantities(self) -> list[Quantity]:
        return _imported().find_quantities(self.text, self.lang)

    @lazy
    def job_terms(self) -> tuple[JobTerm, ...]:
        """The job description's key terms and the answer's evidence for each (none without
        a job description)."""
        from answer_check.jobdesc import coverage

        return coverage(self)

    @lazy
    def actions(self) -> tuple[ActionHit, ...]:
        """Action verbs with the speaker or the team as subject, of every mode
        (``star.find_actions``)."""
        return _imported().scan_actions(self)

    @lazy
    def star(self) -> StarMap:
        return _imported().tag_star(self)


class _Imported(NamedTuple):
    """The functions of other modules that ``Analysis`` calls on every answer."""

    find_quantities: Callable[[str, str], list[Quantity]]
    scan_actions: Callable[[Analysis], tuple[ActionHit, ...]]
    tag_star: Callable[[Analysis], StarMap]


@cache
def _imported() -> _Imported:
    """The functions behind ``Analysis``'s quantities and STAR tagging, imported on first use
    (the quantities module takes ~10 ms to import, which commands that score no answer need
    not pay) and then kept: an import statement costs ~0.5 us, run on every answer."""
    from answer_check.quantities import find_quantities
    from answer_check.star import scan_actions, tag_star

    return _Imported(find_quantities, scan_actions, tag_star)
