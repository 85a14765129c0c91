"""Rule-based English/Indonesian language guess from counts of frequent function words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "EN_FUNCTION_WORDS",
    "ID_FUNCTION_WORDS",
    "SUPPORTED_LANGS",
    "LanguageGuess",
    "detect_language",
    "lower_words",
    "words_of",
]

Lang = Literal["en", "id"]
SUPPORTED_LANGS: Final[tuple[Lang, Lang]] = ("en", "id")

# Only function words: content words (deadline, meeting, project, team...) are borrowed freely
# in Indonesian answers and must not count. No word may appear in both lists.
EN_FUNCTION_WORDS: Final = frozenset(
    """
    the a an and or but nor so because if when while although though since until unless
    that this these those which who whom whose what where why how than then
    to of in on at for with from by about into onto over under after before during
    through between against without within across toward towards upon
    i me my mine myself we us our ours ourselves you your yours he him his she her it its
    they them their theirs
    is am are was were be been being have has had having do does did done
    will would can could should shall may might must
    not no also very just there here too only even ever never always often
    i'm i've i'd i'll we're we've we'd we'll you're it's that's there's don't didn't doesn't
    isn't wasn't weren't aren't can't couldn't won't wouldn't haven't hasn't hadn't
    """.split()  # noqa: SIM905
)
ID_FUNCTION_WORDS: Final = frozenset(
    """
    yang dan di ke dari saya aku kami kita tidak untuk dengan itu ini akan sudah belum juga
    karena sehingga dalam pada bisa ada adalah tersebut oleh atau tetapi tapi namun jika kalau
    ketika saat lalu kemudian agar supaya bahwa sebagai secara telah sedang masih harus dapat
    ia dia mereka kamu anda beliau sangat lebih paling hanya saja semua setiap para bagi
    tentang seperti sebelum setelah sesudah hingga sampai apa bagaimana mengapa kenapa siapa
    merupakan yaitu yakni serta maupun antara terhadap kepada sejak selama tanpa begitu
    sendiri sekali tak bukan jadi maka pernah ingin mau sih dong kok deh nih tuh banget
    gue gua gw aja udah nggak ngga gak enggak kalo gimana emang terus trus karna
    yg dgn utk tdk sdh krn jd tp
    """.split()  # noqa: SIM905
)
assert not EN_FUNCTION_WORDS & ID_FUNCTION_WORDS

_WORD_RE: Final = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
# The same words in ASCII text (nearly every answer), which the regex engine finds faster.
_ASCII_WORD_RE: Final = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# The same words of lower-cased ASCII text, found faster still: the text's bytes are
# lower-cased and every one but a letter or an apostrophe becomes a space, in one
# ``bytes.translate`` (a table look-up a byte; ``str.translate`` costs several times as
# much), and the text is split at the spaces. That gives the pattern's words unless an
# apostrophe is not between two letters or a word has two (``_ODD_APOSTROPHE``:
# "'quoted'", "rock'n'roll"); such text goes through the pattern.
_ASCII_LOWER_TO_SPACES: Final = bytes(
    ord(c.lower()) if c.isascii() and (c.isalpha() or c == "'") else ord(" ")
    for c in map(chr, range(256))
)
_ODD_APOSTROPHE: Final = re.compile(r"'(?:(?<![a-z]')|(?![a-z])|[a-z]+')")
# Confidence reaches its full margin only after this many function words were seen.
_FULL_EVIDENCE: Final = 6


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The guessed language, a 0..1 confidence and the function-word counts behind it."""

    lang: Lang
    confidence: float
    en_hits: int
    id_hits: int


def words_of(text: str) -> list[str]:
    """The words of ``text`` (letters, with one inner apostrophe), as written."""
    return (_ASCII_WORD_RE if text.isascii() else _WORD_RE).findall(text)


def lower_words(text: str) -> list[str]:
    """The words of ``text`` as ``words_of`` finds them, lower-cased, U+2019 as apostrophe."""
    if text.isascii():
        spaced = text.encode().translate(_ASCII_LOWER_TO_SPACES).decode()
        if _ODD_APOSTROPHE.search(spaced) is None:
            return spaced.split()
        return _ASCII_WORD_RE.findall(spaced)
    # Lower-cased in one call (joined by spaces, so each word's case mapping is the same as
    # on its own).
    return " ".join(_WORD_RE.findall(text)).lower().replace("\u2019", "'").split(" ")


def detect_language(text: str) -> LanguageGuess:
    """Guess whether ``text`` is English or Indonesian by its majority of function words.

    Words are matched whole and case-insensitively. ``confidence`` is the majority's margin
    ``|en - id| / (en + id)`` scaled down while fewer than six function words were seen.
    Text with no function words, or a tie, is ``"en"`` with confidence 0.
    """
    words = lower_words(text)  # (the two lists share no word)
    en_hits = sum(map(EN_FUNCTION_WORDS.__contains__, words))
    id_hits = sum(map(ID_FUNCTION_WORDS.__contains__, words))
    total = en_hits + id_hits
    if en_hits == id_hits:
        return LanguageGuess("en", 0.0, en_hits, id_hits)
    margin = abs(en_hits - id_hits) / total
    confidence = round(margin * min(1.0, total / _FULL_EVIDENCE), 4)
    lang: Lang = "id" if id_hits > en_hits else "en"
    return LanguageGuess(lang, confidence, en_hits, id_hits)
