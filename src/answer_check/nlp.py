"""One cached spaCy pipeline per language, with lower-case lemmas stored as token norms.

The pipeline is ``spacy.blank(lang)`` + ``sentencizer`` + the lookup ``lemmatizer`` whose
tables come from spacy-lookups-data (the component is kept for its table, but disabled:
``set_norms`` does the lookups). After it runs, every token's ``norm_`` holds the
lower-case lemma of the token (looked up case-insensitively, with an Indonesian affix
fallback), so Matcher and PhraseMatcher rules on ``NORM`` are lemma-aware and
case-insensitive. Nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_FIXED_NORMS = {"n't": "not", "'m": "be", "'re": "be", "'s": "'s", "'ve": "have", "'ll": "will"}


class Pipeline:
    """A spaCy pipeline for one language and the norm (lower-case lemma) function."""

    def __init__(self, lang: str) -> None:
        import spacy

        self.lang = lang
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        self.nlp: Language = nlp
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        # Only the lemmatizer's table is used (``lemma`` below): running the component
        # would set token.lemma_, which nothing reads, for every token of every answer.
        nlp.disable_pipe("lemmatizer")
        self._table: Mapping[str, str] = table
        self._fallback: Callable[[str], str] | None = _fallback_for(lang, table)
        self._cache: dict[str, str] = {}
        self._norm_ids: dict[int, int] = {}  # ORTH hash -> NORM hash, for set_norms

    def lemma(self, word: str) -> str:
        """The lower-case lemma of one word."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        lower = word.lower().translate(_APOSTROPHES)
        fixed = _FIXED_NORMS.get(lower)
        if fixed is not None:
            result = fixed
        else:
            found = self._table.get(lower)
            if found is None:
                found = self._fallback(lower) if self._fallback else lower
            result = found.lower()
        if len(self._cache) < 200_000:
            self._cache[word] = result
        return result

    def set_norms(self, doc: Doc) -> Doc:
        """Store each token's lower-case lemma in ``token.norm_``.

        Works on the Doc's arrays (ORTH in, NORM out) with a cache from word to lemma id, so
        no Token object is made: this runs on every token of every answer.
        """
        if not len(doc):
            return doc
        import numpy
        from spacy.attrs import NORM, ORTH

        strings = doc.vocab.strings
        cache = self._norm_ids
        norms = []
        for orth in doc.to_array(ORTH).tolist():
            norm = cache.get(orth)
            if norm is None:
                norm = strings.add(self.lemma(strings[orth]))
                if len(cache) < 200_000:
                    cache[orth] = norm
            norms.append(norm)
        doc.from_array([NORM], numpy.array(norms, dtype="uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    def __call__(self, text: str) -> Doc:
        return self.set_norms(self.nlp(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        """Process many texts with ``nlp.pipe``, norms set."""
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield self.set_norms(doc)

    def make_pattern(self, text: str) -> Doc:
        """Tokenize a lexicon term and set its norms (no sentence splitting needed)."""
        return self.set_norms(self.nlp.make_doc(text))


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
    from answer_check.id_lemma import IndonesianLemmatizer
    from answer_check.lemma_tables import load_id_table

    return IndonesianLemmatizer(load_id_table()).lemma


@cache
def pipeline(lang: str) -> Pipeline:
    """The shared pipeline for ``lang`` ("en" or "id"), built once per process."""
    return Pipeline(lang)
