"""One cached spaCy pipeline per language, with lower-case lemmas stored as token norms.

The pipeline is ``spacy.blank(lang)`` + ``sentencizer`` + a lookup lemmatizer that reads
the lemma table of spacy-lookups-data (``<lang>_lemma_lookup``). It sets ``token.norm_`` to
the lower-case lemma (looked up case-insensitively, with an Indonesian affix fallback and a
few Indonesian overrides, ``id_lemma.OVERRIDES``), and ``token.lemma_`` to the same, so
Matcher and PhraseMatcher rules on ``NORM`` or ``LEMMA`` are lemma-aware and
case-insensitive. Nothing is downloaded.

Why not spaCy's own ``lemmatizer`` in lookup mode: it reads the same table, but loads it
into a hashed ``Table`` at start-up (about 0.2 s, a fifth of the whole command), and it
looks words up case-sensitively ("Led" stays "Led"). Reading the table into a plain dict
takes about 20 ms.

The tokenizer is spaCy's, with its special cases loaded as needed: spaCy's Indonesian
tokenizer has 15,573 special cases that are hyphenated words ("anak-anak", "sehari-hari":
kept whole, where a hyphen between other words splits), and loading them took 1.4 s, more
than everything else an Indonesian answer needs. Each is now loaded before the first text
that contains it is tokenized (``_hyphenated_on_demand``), which tokenizes every text
exactly as spaCy's own tokenizer does (a test compares them).
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

COMPONENT = "answer_check_lookup_lemmatizer"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_FIXED_NORMS = {"n't": "not", "'m": "be", "'re": "be", "'s": "'s", "'ve": "have", "'ll": "will"}
_BY_LANG: dict[str, Pipeline] = {}
_WORD_CACHE = 200_000  # distinct words whose lemma set_norms remembers
# Where set_norms leaves a Doc's token norms, texts, starts and ends (lexicons.token_view).
TOKENS_KEY = "answer_check_tokens"
# Words of letters only, one space apart: the tokenizer splits these at the spaces and
# nowhere else unless a word is one of its special cases (checked at run time; a test
# compares every lexicon term with the real tokenizer).
_SIMPLE_TERM = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


class Pipeline:
    """A spaCy pipeline for one language and the norm (lower-case lemma) function."""

    def __init__(self, lang: str) -> None:
        import numpy

        from answer_check.lemma_tables import load_table
        from answer_check.spacy_import import import_spacy

        spacy = import_spacy()
        from spacy.attrs import IDX, LEMMA, LENGTH, NORM, ORTH

        self.lang = lang
        self._table: Mapping[str, str] = load_table(f"{lang}_lemma_lookup")
        self._fallback: Callable[[str], str] | None = _fallback_for(lang, self._table)
        self._override: Callable[[str], str | None] | None = None
        if lang == "id":
            from answer_check.id_lemma import override

            self._override = override
        self._cache: dict[str, str] = {}
        # For set_norms, by ORTH hash: the lemma's hash, the lemma and the word's text, in
        # one look-up per token.
        self._words: dict[int, tuple[int, str, str]] = {}
        # set_norms's arguments to spaCy and numpy, made once: the columns it reads, the
        # ones it writes (the lemma hash in both), and the numpy functions and type of the
        # array of lemma hashes.
        self._read_attrs = [ORTH, IDX, LENGTH]
        self._write_attrs = [LEMMA, NORM]
        self._fromiter: Callable[[Iterable[int], Any, int], Any] = numpy.fromiter
        self._concatenate: Callable[[tuple[Any, Any]], Any] = numpy.concatenate
        self._hash_type = numpy.uint64
        _register_component()
        _BY_LANG[lang] = self
        nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": _TOKENIZER}}})
        nlp.add_pipe("sentencizer")
        nlp.add_pipe(COMPONENT)
        self.nlp: Language = nlp
        self._tokenizer = cast("Tokenizer", nlp.tokenizer)
        deferred = getattr(self._tokenizer, "deferred", {})
        self._special_cases = frozenset(self._tokenizer.rules or ()) | frozenset(deferred)

    def lemma(self, word: str) -> str:
        """The lower-case lemma of one word."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        lower = word.lower()
        if not lower.isascii():  # (the curly apostrophes are not ASCII: nothing to translate)
            lower = lower.translate(_APOSTROPHES)
        fixed = _FIXED_NORMS.get(lower)
        if fixed is not None:
            result = fixed
        else:
            found = self._override(lower) if self._override else None
            if found is None:
                found = self._table.get(lower)
            if found is None:
                found = self._fallback(lower) if self._fallback else lower
            result = found.lower()
        if len(self._cache) < 200_000:
            self._cache[word] = result
        return result

    def set_norms(self, doc: Doc) -> Doc:
        """Store each token's lower-case lemma in ``token.lemma_`` and ``token.norm_``.

        Works on the Doc's arrays (ORTH and offsets in, LEMMA and NORM out) with a cache
        from word id to lemma id, lemma and text, so no Token object is made: this runs on
        every token of every answer. The token texts, norms and offsets it reads are kept
        for ``lexicons.token_view`` (in ``doc.user_data``), so the checks never read them
        from the Doc again.
        """
        if not len(doc):
            return doc
        rows = doc.to_array(self._read_attrs)
        orths = rows[:, 0].tolist()
        words = self._words
        try:  # each token's lemma id, lemma and text, split into three columns
            norm_ids, norms, texts = zip(*map(words.__getitem__, orths), strict=True)
        except KeyError:
            self._learn(doc.vocab.strings, orths)
            try:
                norm_ids, norms, texts = zip(*map(words.__getitem__, orths), strict=True)
            except KeyError:  # the cache is full: look up this Doc's words one by one
                strings = doc.vocab.strings
                texts = tuple(strings[orth] for orth in orths)
                norms = tuple(self.lemma(text) for text in texts)
                norm_ids = tuple(strings.add(n) for n in norms)
        count = len(norm_ids)
        lemma_ids = self._fromiter(norm_ids, self._hash_type, count)
        # One row per written attribute: ``from_array`` reads the transposed array, which is
        # then the (2, count) array as made (no copy).
        doc.from_array(
            self._write_attrs, self._concatenate((lemma_ids, lemma_ids)).reshape(2, count).T
        )
        starts = rows[:, 1]
        doc.user_data[TOKENS_KEY] = (
            list(norms),
            list(texts),
            starts.tolist(),
            (starts + rows[:, 2]).tolist(),
        )
        return doc

    def _learn(self, strings: StringStore, orths: Iterable[int]) -> None:
        """Cache the lemma id, lemma and text of every new word id (up to a bound)."""
        words = self._words
        for orth in orths:
            if orth in words or len(words) >= _WORD_CACHE:
                continue
            text = strings[orth]
            norm = self.lemma(text)
            words[orth] = (strings.add(norm), norm, text)

    def __call__(self, text: str) -> Doc:
        return self.nlp(text)

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        """Process many texts with ``nlp.pipe``."""
        yield from self.nlp.pipe(texts, batch_size=batch_size)

    @property
    def known_words(self) -> frozenset[str]:
        """Every word form and lemma of the lookup table: the language's ordinary words."""
        words: frozenset[str] | None = getattr(self, "_known_words", None)
        if words is None:
            words = frozenset(self._table) | frozenset(self._table.values())
            self._known_words = words
        return words

    def term_tokens(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        """The token texts of many short terms, as the tokenizer would split them.

        Terms of plain words take a fast path (split at spaces, no Doc, no new lexemes);
        the rest ("C#", "A/B testing", "Node.js", special cases) go through
        ``nlp.tokenizer.pipe`` in one batch.
        """
        rules = self._special_cases
        out: list[tuple[str, ...] | None] = []
        slow: list[int] = []
        for i, text in enumerate(texts):
            if _SIMPLE_TERM.fullmatch(text):
                words = tuple(text.split(" "))
                if not any(w in rules for w in words):
                    out.append(words)
                    continue
            out.append(None)
            slow.append(i)
        if slow:
            docs = self._tokenizer.pipe([texts[i] for i in slow])
            for i, doc in zip(slow, docs, strict=True):
                out[i] = tuple(t.text for t in doc)
        return [toks or () for toks in out]

    def make_pattern(self, text: str) -> Doc:
        """Tokenize a lexicon term and set its norms (no sentence splitting needed)."""
        return self.set_norms(self.nlp.make_doc(text))


# Special cases of letters joined by hyphens, made of one token (spaCy's Indonesian
# reduplications): loaded when a text contains them.
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_TOKENIZER = "answer_check.tokenizer.v1"


def _register_component() -> None:
    from spacy.language import Language
    from spacy.util import registry

    registry.tokenizers.register(_TOKENIZER, func=_create_tokenizer)  # (again: the same)
    if Language.has_factory(COMPONENT):
        return

    @Language.component(COMPONENT)
    def lookup_lemmatizer(doc: Doc) -> Doc:
        """Set lower-case lookup lemmas (spacy-lookups-data) as lemma and norm."""
        return _BY_LANG[doc.lang_].set_norms(doc)


def _create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's tokenizer for a language (``spacy.Tokenizer.v1``), hyphenated words deferred."""
    from spacy.attrs import ORTH
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        rules: dict[str, Any] = {}
        deferred: dict[str, Any] = {}
        for text, tokens in (defaults.tokenizer_exceptions or {}).items():
            one = len(tokens) == 1 and tokens[0] == {ORTH: text}
            (deferred if one and _HYPHENATED.fullmatch(text) else rules)[text] = tokens
        prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
        tokenizer: Tokenizer = _hyphenated_on_demand()(
            nlp.vocab,
            rules=rules,
            prefix_search=compile_prefix_regex(prefixes).search if prefixes else None,
            suffix_search=compile_suffix_regex(suffixes).search if suffixes else None,
            infix_finditer=compile_infix_regex(infixes).finditer if infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )
        tokenizer.deferred = deferred
        return tokenizer

    return make


@cache
def _hyphenated_on_demand() -> type[Tokenizer]:
    """spaCy's Tokenizer, loading each deferred special case before the first text with it.

    A special case can change the tokens of a text only where its string occurs in the
    text, at token boundaries. A hyphenated one ("anak-anak") therefore lies within a run
    of letters and hyphens, starting and ending at hyphens or at the run's ends: before a
    text is tokenized, every such part of each run is looked up and, if deferred, loaded.
    Loading one need not empty the tokenizer's cache (``add_special_case`` does): no
    earlier text contained it, so no cached piece of one can change.
    """
    from spacy.tokenizer import Tokenizer

    class HyphenatedOnDemand(Tokenizer):  # type: ignore[misc]
        deferred: dict[str, Any] = {}  # noqa: RUF012 - set per instance by _create_tokenizer
        _loading = False

        def __call__(self, string: str) -> Doc:
            if "-" in string and self.deferred:
                self._load(string)
            return super().__call__(string)  # type: ignore[no-any-return]

        def _load(self, text: str) -> None:
            deferred = self.deferred
            for run in _HYPHENATED.finditer(text):
                parts = run.group().split("-")
                for i in range(len(parts) - 1):
                    for j in range(i + 2, len(parts) + 1):
                        part = "-".join(parts[i:j])
                        tokens = deferred.pop(part, None)
                        if tokens is not None:
                            self._loading = True
                            try:
                                self.add_special_case(part, tokens)
                            finally:
                                self._loading = False

        def _flush_cache(self) -> None:
            if not self._loading:
                super()._flush_cache()

    return HyphenatedOnDemand


def _english_plural(word: str) -> str:
    """Unknown English words (acronyms, product names): fold a plain plural 's'."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _fallback_for(lang: str, table: Mapping[str, str]) -> Callable[[str], str] | None:
    if lang == "en":
        return _english_plural
    if lang != "id":
        return None
    from answer_check.id_lemma import OVERRIDES, IndonesianLemmatizer

    return IndonesianLemmatizer(ChainMap(OVERRIDES, cast("dict[str, str]", table))).lemma


@cache
def pipeline(lang: str) -> Pipeline:
    """The shared pipeline for ``lang`` ("en" or "id"), built once per process."""
    return Pipeline(lang)
