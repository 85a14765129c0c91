"""Find numbers, percentages, money, durations, counts, ratios and years in EN/ID answer text."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import chain, compress, groupby
from typing import Final, Literal, NamedTuple

__all__ = ["KINDS", "Quantity", "QuantityKind", "find_quantities"]

QuantityKind = Literal["number", "percent", "money", "duration", "count", "ratio", "year"]
KINDS: Final[tuple[QuantityKind, ...]] = (
    "number",
    "percent",
    "money",
    "duration",
    "count",
    "ratio",
    "year",
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity found in a text.

    ``start``/``end`` are 0-based, end-exclusive character offsets; ``text == source[start:end]``.
    ``value`` is the amount in ``unit`` (e.g. 2.0 for "two weeks", 5e6 for "Rp 5 jt"), or None for
    vague amounts ("ratusan", "dozens"). ``unit`` is a currency code ("USD", "IDR"...) for
    money, a canonical time unit ("day", "week"...) for durations, the lower-cased noun for
    counts, "%" for percentages, "x" for ratios and None otherwise.
    """

    start: int
    end: int
    text: str
    kind: QuantityKind
    value: float | None
    unit: str | None = None


def _token_re(word: str) -> re.Pattern[str]:
    """A regex with one match per token, given the pattern of a word.

    Each match is (space, word, skip, num, sym): the whitespace before the token, then its text
    in exactly one of the four others. Clock times and slashed dates/fractions ("skip") are
    consumed whole and never reported.
    """
    return re.compile(
        r"(\s*)(?:"
        rf"({word})"
        r"|([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?|[0-9]+(?:/[0-9]+)+)"
        r"|([0-9]+(?:[.,][0-9]+)*)"
        r"|(\S))"
    )


_WORD: Final = r"[^\W\d_]+"  # letters
_TOKEN_RE: Final = _token_re(_WORD)
# The same tokens for ASCII text, found faster: the regex engine tests [A-Za-z] more quickly.
_ASCII_TOKEN_RE: Final = _token_re("[A-Za-z]+")
_GROUPS: Final = 5

# --- number words -----------------------------------------------------------------------------
_EN_UNITS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_EN_TEENS: Final = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_SCALES: Final = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_APPROX: Final = frozenset({"dozens", "hundreds", "thousands", "millions", "billions"})
_EN_A_NEXT: Final = frozenset({"hundred", "thousand", "million", "billion", "dozen", "half"})

_ID_UNITS: Final = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9,
}  # fmt: skip
_ID_SE: Final = {"sepuluh": 10, "sebelas": 11, "seratus": 100}
_ID_MULT: Final = {"belas": 0, "puluh": 10, "ratus": 100}  # belas: 10 + unit
_ID_SCALES: Final = {
    "ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9,
    "triliun": 1e12,
}  # fmt: skip
_ID_SE_SCALES: Final = {"seribu": 1e3, "sejuta": 1e6, "semiliar": 1e9, "semilyar": 1e9}
_ID_APPROX: Final = frozenset({"belasan", "puluhan", "ratusan", "ribuan", "jutaan", "miliaran"})
_ID_FRACTIONS: Final = {"setengah": 0.5, "separuh": 0.5, "sepertiga": 1 / 3, "seperempat": 0.25}
_ID_PER_FRACTIONS: Final = {"pertiga": 3, "perempat": 4}
_ID_SE_DURATIONS: Final = {
    "sedetik": "second", "semenit": "minute", "sejam": "hour", "sehari": "day",
    "seminggu": "week", "sepekan": "week", "sebulan": "month", "setahun": "year",
}  # fmt: skip

# Scales written straight after digits: "10k", "$2M", "5jt", "500rb", "3bn".
_ATTACHED_SCALES: Final = {
    "k": 1e3, "rb": 1e3, "jt": 1e6, "m": 1e6, "mn": 1e6, "mio": 1e6, "b": 1e9, "bn": 1e9,
}  # fmt: skip
_SPACED_SCALES: Final = {**_EN_SCALES, **_ID_SCALES}
_ID_MONEY_SCALES: Final = frozenset(
    {"ribu", "rb", "juta", "jt", "miliar", "milyar", "triliun", "seribu", "sejuta", "semiliar"}
    | {"semilyar"}
)

# --- what may follow a number -------------------------------------------------------------------
_PERCENT_WORDS: Final = frozenset({"percent", "persen", "pct", "prosen"})
_CURRENCY_PREFIX: Final = {
    "$": "USD", "€": "EUR", "£": "GBP", "usd": "USD", "idr": "IDR", "rp": "IDR", "eur": "EUR",
    "gbp": "GBP", "sgd": "SGD",
}  # fmt: skip
_CURRENCY_SUFFIX: Final = {
    "$": "USD", "dollar": "USD", "dollars": "USD", "dolar": "USD", "usd": "USD", "bucks": "USD",
    "rupiah": "IDR", "idr": "IDR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
}  # fmt: skip
_DURATION_UNITS: Final = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "quarter": "quarter", "quarters": "quarter", "decade": "decade", "decades": "decade",
    "detik": "second", "menit": "minute", "jam": "hour", "hari": "day", "minggu": "week",
    "pekan": "week", "bulan": "month", "tahun": "year", "kuartal": "quarter",
    "semester": "semester", "dekade": "decade",
}  # fmt: skip
_DURATION_ADJECTIVES: Final = frozenset({"working", "business", "full", "calendar", "straight"})
# Letters allowed straight after digits; any other ("1st", "3D", "9am") voids the number.
_ATTACHED_OK: Final = frozenset(
    set(_ATTACHED_SCALES)
    | {"x", "h", "hr", "hrs", "min", "mins", "yr", "yrs", "persen", "percent", "juta", "ribu"}
    | {"usd", "idr"}
)
_TIMES_WORDS: Final = frozenset({"times", "kali"})
_COMPARATIVES: Final = frozenset(
    """
    as more faster higher bigger larger better greater lower less fewer cheaper quicker
    smaller over the lebih
    """.split()  # noqa: SIM905
)
_RATIO_WORDS: Final = {
    "twice": 2.0, "thrice": 3.0, "doubled": 2.0, "tripled": 3.0, "quadrupled": 4.0,
    "halved": 0.5,
}  # fmt: skip
_COUNT_NOUNS: Final = frozenset(
    """
    people person persons staff personnel children men women folks client customer user
    member employee colleague engineer developer designer intern candidate student
    stakeholder partner vendor supplier manager analyst hire recruit project team report
    meeting product feature bug ticket release deployment sprint store branch office
    country city market deal account lead order campaign session task issue case call
    email article page app application module service server step orang klien pelanggan
    karyawan pegawai anggota staf tim proyek produk laporan rapat unit buah cabang toko
    kota negara pengguna peserta siswa mahasiswa mitra divisi departemen fitur aplikasi
    transaksi dokumen artikel kampanye acara sesi modul kelas halaman tugas masalah tiket
    pesanan karyawan vendor
    """.split()  # noqa: SIM905
)
_EN_COUNT_ADJECTIVES: Final = frozenset(
    """
    new more other different additional major key senior junior active big large small
    main core regular extra existing potential internal external full-time international
    local
    """.split()  # noqa: SIM905
)
# Words ending in "s" that are not plural nouns, for the English "12 things" heuristic.
_NOT_PLURAL: Final = frozenset(
    """
    this his its was has does is yes less plus thus always perhaps towards afterwards
    across besides unless whereas sometimes ones others as us
    """.split()  # noqa: SIM905
)
_ORDINAL_HALF_BEFORE: Final = frozenset({"first", "second", "pertama", "kedua"})
_TIME_OF_DAY_BEFORE: Final = frozenset({"jam", "pukul"})
_YEAR_MIN: Final = 1950
_YEAR_MAX: Final = 2035


class _Num(NamedTuple):
    end: int  # index of the first token after the number
    value: float | None
    lone_one: bool  # just "one" / "satu"
    fraction: bool  # half, setengah, a third...
    approx: bool  # dozens, ratusan...
    scale: str | None  # the scale word that ended it, e.g. "k", "juta"
    year_like: bool


class _Tokens:
    """The tokens of a text as parallel columns, ``n`` entries each (no object per token).

    Token ``j`` is a word, a number, a symbol or a skipped clock time/date: ``word[j]``,
    ``num[j]`` or ``sym[j]`` holds its text if it is a word, a number or a symbol, else "".
    ``low[j]`` is the lower-cased word ("" for any other token) and ``space[j]`` the whitespace
    before the token.
    """

    __slots__ = ("_found", "low", "n", "num", "space", "sym", "word")

    def __init__(self, text: str) -> None:
        token_re = _ASCII_TOKEN_RE if text.isascii() else _TOKEN_RE
        found: list[tuple[str, str, str, str, str]] = token_re.findall(text)
        self._found = found
        self.n = len(found)
        columns = tuple(zip(*found, strict=True)) or ((),) * _GROUPS
        self.space: tuple[str, ...] = columns[0]
        self.word: tuple[str, ...] = columns[1]
        self.num: tuple[str, ...] = columns[3]
        self.sym: tuple[str, ...] = columns[4]
        self.low: list[str] = list(map(str.lower, self.word))

    def starts(self, words: frozenset[str]) -> list[int]:
        """Indices, in order, of the numbers, the currency symbols and the words in ``words``."""
        every = range(self.n)
        return sorted(
            [
                *compress(every, self.num),
                *compress(every, map(_CURRENCY_SYMBOLS.__contains__, self.sym)),
                *compress(every, map(words.__contains__, self.low)),
            ]
        )

    def width(self, first: int, stop: int) -> int:
        """Characters from the whitespace before token ``first`` to the end of ``stop - 1``."""
        return len("".join(chain.from_iterable(self._found[first:stop])))

    def word_at(self, j: int) -> str:
        """The lower-cased word at ``j``; "" when ``j`` is out of range or not a word."""
        return self.low[j] if 0 <= j < self.n else ""

    def sym_at(self, j: int) -> str:
        """The symbol at ``j``; "" when ``j`` is out of range or not a symbol."""
        return self.sym[j] if 0 <= j < self.n else ""

    def adjacent(self, j: int) -> bool:
        """True when token ``j`` starts right where token ``j - 1`` ends."""
        return 0 < j < self.n and not self.space[j]


def _parse_digits(s: str, convention: str) -> float | None:
    """Parse "1,200", "1.200", "3,5", "5.000.000" under an "en" or "id" separator convention."""
    seps = [ch for ch in s if ch in ".,"]
    if not seps:
        value = float(s)
        return value if math.isfinite(value) else None
    thousands, decimal = (",", ".") if convention == "en" else (".", ",")
    kinds = set(seps)
    if len(kinds) == 2:
        decimal = seps[-1]
        thousands = "," if decimal == "." else "."
        if seps.count(decimal) != 1:
            return None
    elif len(seps) == 1:
        head, tail = re.split(r"[.,]", s)
        if len(tail) != 3 or len(head) > 3:
            decimal = seps[0]  # "3.5", "3,5", "1234.567": a decimal mark
        else:  # "1,200" / "1.200": the convention decides
            decimal = "" if seps[0] == thousands else seps[0]
            if decimal:
                thousands = ""
    else:
        decimal = ""
        thousands = seps[0]
    int_part, _, frac_part = s.partition(decimal) if decimal else (s, "", "")
    groups = int_part.split(thousands) if thousands and thousands in int_part else [int_part]
    if len(groups) > 1 and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    digits = "".join(groups)
    if not digits.isdigit() or (frac_part and not frac_part.isdigit()):
        return None
    value = float(digits + ("." + frac_part if frac_part else ""))
    return value if math.isfinite(value) else None


def _parse_digit_number(
    toks: _Tokens, i: int, convention: str, *, idr: bool = False, after_currency: bool = False
) -> _Num | None:
    digits = toks.num[i]
    if not after_currency and i > 0 and toks.adjacent(i):
        if toks.word[i - 1] or toks.num[i - 1] or toks.sym[i - 1] in {"#", ".", ","}:
            return None  # Q3, H1, B2B, #1
        if toks.sym[i - 1] == "-" and i > 1 and toks.adjacent(i - 1) and toks.word[i - 2]:
            return None  # COVID-19, ke-2
    if not after_currency and toks.word_at(i - 1) in _TIME_OF_DAY_BEFORE:
        return None  # "jam 9", "pukul 10.30": a time of day
    value = _parse_digits(digits, convention)
    if value is None:
        return None
    j = i + 1
    scale: str | None = None
    nxt = toks.word_at(j)
    if nxt and toks.adjacent(j):
        raw = toks.word[j]
        if idr and raw in {"M", "T"}:
            value *= 1e9 if raw == "M" else 1e12
            scale = raw.lower()
            j += 1
        elif nxt in _ATTACHED_SCALES:
            value *= _ATTACHED_SCALES[nxt]
            scale = nxt
            j += 1
        elif nxt not in _ATTACHED_OK and nxt not in _SPACED_SCALES:
            return None  # 1st, 3rd, 3D, 9am
    nxt = toks.word_at(j)
    if scale is None and nxt in {"hundred", "ratus"}:
        value *= 100
        j += 1
        nxt = toks.word_at(j)
    if scale is None and nxt in _SPACED_SCALES:
        value *= _SPACED_SCALES[nxt]
        scale = nxt
        j += 1
    elif scale is None and idr and j < toks.n and toks.word[j] in {"M", "T"}:
        value *= 1e9 if toks.word[j] == "M" else 1e12  # "Rp 2 M" = 2 miliar
        scale = toks.low[j]
        j += 1
    year_like = (
        scale is None
        and j == i + 1
        and len(digits) == 4
        and digits.isdigit()
        and _YEAR_MIN <= value <= _YEAR_MAX
    )
    return _Num(j, value, False, False, False, scale, year_like)


def _parse_en_words(toks: _Tokens, i: int) -> _Num | None:
    n = toks.n
    first = toks.word_at(i)
    # Fractions and vague amounts first.
    if first in _EN_APPROX:
        return _Num(i + 1, None, False, False, True, None, False)
    if first == "half":
        if toks.word_at(i - 1) in _ORDINAL_HALF_BEFORE:
            return None  # "the first half of the year"
        if toks.word_at(i + 1) == "a" and toks.word_at(i + 2) in _EN_SCALES:
            scale = toks.word_at(i + 2)
            return _Num(i + 3, 0.5 * _EN_SCALES[scale], False, False, False, scale, False)
        return _Num(i + 1, 0.5, False, True, False, None, False)
    if first == "a":
        nxt = toks.word_at(i + 1)
        if nxt in {"third", "quarter"}:
            after = toks.word_at(i + 2)
            ends = i + 2 >= n or bool(toks.sym[i + 2])
            if after == "of" or (nxt == "third" and ends):
                return _Num(
                    i + 2, 1 / 3 if nxt == "third" else 0.25, False, True, False, None, False
                )
            return None
        if nxt not in _EN_A_NEXT or nxt == "half":
            return None
    total = 0.0
    current = 0.0
    last = ""
    j = i
    words = 0
    while j < n:
        w = toks.low[j]
        if toks.sym[j] == "-" and last == "tens" and toks.adjacent(j):
            if toks.adjacent(j + 1) and toks.word_at(j + 1) in _EN_UNITS:
                j += 1
                continue
            break
        if w == "a" and j == i:
            last = "a"
        elif w in _EN_UNITS and last in {"", "tens", "hundred", "scale", "and"}:
            current += _EN_UNITS[w]
            last = "unit"
        elif w in _EN_TEENS and last in {"", "hundred", "scale", "and"}:
            current += _EN_TEENS[w]
            last = "teen"
        elif w in _EN_TENS and last in {"", "hundred", "scale", "and"}:
            current += _EN_TENS[w]
            last = "tens"
        elif w == "hundred" and last in {"a", "unit", "teen"} and current < 100:
            current = (current or 1) * 100
            last = "hundred"
        elif w in _EN_SCALES and last in {"a", "unit", "teen", "tens", "hundred"}:
            total += (current or 1) * _EN_SCALES[w]
            current = 0.0
            last = "scale"
        elif w == "dozen" and last in {"a", "unit", "teen"}:
            current = (current or 1) * 12
            last = "dozen"
        elif (
            w == "and"
            and last in {"hundred", "scale"}
            and (
                toks.word_at(j + 1) in _EN_UNITS
                or toks.word_at(j + 1) in _EN_TEENS
                or toks.word_at(j + 1) in _EN_TENS
            )
        ):
            last = "and"
        elif (
            w == "and"
            and last in {"unit", "teen", "tens"}
            and toks.word_at(j + 1) == "a"
            and toks.word_at(j + 2) == "half"
        ):
            current += 0.5  # "two and a half"
            j += 3
            words += 1
            last = "half"
            break
        else:
            break
        words += 1
        j += 1
    if last in {"", "a", "and"}:
        return None
    value = total + current
    if last in {"unit", "teen", "tens"}:
        frac = toks.word_at(j)
        if frac in {"third", "thirds"} or (
            frac in {"quarter", "quarters"} and toks.word_at(j + 1) == "of"
        ):
            return _Num(
                j + 1, value / (3 if "third" in frac else 4), False, True, False, None, False
            )
    lone = words == 1 and first == "one"
    return _Num(j, value, lone, False, False, None, False)


def _parse_id_words(toks: _Tokens, i: int) -> _Num | None:
    n = toks.n
    first = toks.word_at(i)
    if first in _ID_APPROX:
        return _Num(i + 1, None, False, False, True, None, False)
    if first in _ID_FRACTIONS:
        value = _ID_FRACTIONS[first]
        nxt = toks.word_at(i + 1)
        if nxt in _ID_SCALES:
            return _Num(i + 2, value * _ID_SCALES[nxt], False, False, False, nxt, False)
        return _Num(i + 1, value, False, True, False, None, False)
    total = 0.0
    current = 0.0
    pending: float | None = None
    last = ""
    scale: str | None = None
    j = i
    words = 0
    while j < n:
        w = toks.word_at(j)
        if w in _ID_UNITS and pending is None and last not in {"unit", "half"}:
            pending = float(_ID_UNITS[w])
            last = "unit"
        elif w in _ID_MULT and pending is not None:
            current += 10 + pending if w == "belas" else pending * _ID_MULT[w]
            pending = None
            last = w
        elif w in _ID_SE and pending is None and last in {"", "scale", "ratus"}:
            current += _ID_SE[w]
            last = w
        elif w in _ID_SCALES and (pending is not None or current) and last != "scale":
            total += (current + (pending or 0.0)) * _ID_SCALES[w]
            current, pending, scale, last = 0.0, None, w, "scale"
        elif w in _ID_SE_SCALES and pending is None and not current and last in {"", "scale"}:
            total += _ID_SE_SCALES[w]
            scale, last = w, "scale"
        elif w == "setengah" and last == "unit":
            current += 0.5  # "satu setengah" = 1.5
            last = "half"
        elif w in _ID_PER_FRACTIONS and last == "unit" and pending is not None:
            value = (total + current + pending) / _ID_PER_FRACTIONS[w]
            return _Num(j + 1, value, False, True, False, None, False)
        else:
            break
        words += 1
        j += 1
    if not words:
        return None
    value = total + current + (pending or 0.0)
    lone = words == 1 and first == "satu"
    return _Num(j, value, lone, False, False, scale if last == "scale" else None, False)


def _count_noun_end(toks: _Tokens, j: int, lang: str) -> int:
    """Index after a count noun starting at ``j`` (allowing one English adjective), else -1."""
    w = toks.word_at(j)
    if not w:
        return -1
    if _is_count_noun(w, lang):
        return j + 1
    if w in _EN_COUNT_ADJECTIVES and _is_count_noun(toks.word_at(j + 1), lang):
        return j + 2
    return -1


def _is_count_noun(w: str, lang: str) -> bool:
    if not w:
        return False
    if w in _COUNT_NOUNS or (w.endswith("s") and w[:-1] in _COUNT_NOUNS):
        return True
    return (
        lang == "en"
        and len(w) >= 4
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is"))
        and w not in _NOT_PLURAL
    )


def _classify(
    toks: _Tokens, i: int, num: _Num, lang: str
) -> tuple[int, QuantityKind, float | None, str | None] | None:
    """Decide what kind of quantity the number at ``i`` starts; return (end, kind, value, unit)."""
    j = num.end
    w = toks.word_at(j)
    sym = toks.sym_at(j)
    value = num.value
    if sym == "%":
        return j + 1, "percent", value, "%"
    if w in _PERCENT_WORDS:
        return j + 1, "percent", value, "%"
    if w == "per" and toks.word_at(j + 1) == "cent":
        return j + 2, "percent", value, "%"
    if w in _CURRENCY_SUFFIX or sym == "$":
        return j + 1, "money", value, _CURRENCY_SUFFIX[w or sym]
    if (w == "x" and toks.adjacent(j)) or sym == "\u00d7":
        end = j + 2 if toks.word_at(j + 1) == "lipat" else j + 1
        return end, "ratio", value, "x"
    if w in _TIMES_WORDS:
        after = toks.word_at(j + 1)
        if w == "kali" and after == "lipat":
            return j + 2, "ratio", value, "x"
        if after in _COMPARATIVES:
            return j + 1, "ratio", value, "x"
        if num.lone_one:
            return None  # "one time"
        return j + 1, "count", value, "time"
    # Durations: "3 months", "two-week", "half a day", "3 working days".
    k = j
    if (sym == "-" and toks.adjacent(j) and toks.adjacent(j + 1)) or (
        num.fraction and w in {"a", "an"}
    ):
        k = j + 1
    unit_word = toks.word_at(k)
    if unit_word in _DURATION_ADJECTIVES and toks.word_at(k + 1) in _DURATION_UNITS:
        k += 1
        unit_word = toks.word_at(k)
    if unit_word in _DURATION_UNITS and (unit_word != "h" or toks.adjacent(k)):
        if num.lone_one and unit_word == "day":
            return None  # "one day" = some day
        return k + 1, "duration", value, _DURATION_UNITS[unit_word]
    # Counts: "12 clients", "lima orang", "a dozen new hires".
    end = _count_noun_end(toks, j, lang)
    if end > 0:
        unit = " ".join(toks.low[j:end])
        return end, "count", value, unit
    if w == "of" and num.approx and _count_noun_end(toks, j + 1, lang) > 0:
        end = _count_noun_end(toks, j + 1, lang)
        return end, "count", None, toks.low[end - 1]
    if num.fraction:
        return j, "ratio", value, "x"
    if num.lone_one:
        return None
    if num.scale is not None and (num.scale in _ID_MONEY_SCALES or num.scale == "k"):
        return j, "money", value, None
    if num.year_like:
        return j, "year", value, None
    return j, "number", value, None


# A number right after a name is part of the name (a version, model, article or standard)
# when it would otherwise be a bare number, a count or a year; months name dates.
_NAME_KINDS: Final = frozenset({"number", "count", "year"})
_MONTHS: Final = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    januari februari maret mei juni juli agustus oktober desember agu agt okt des""".split()  # noqa: SIM905
)
_SENTENCE_ENDS: Final = frozenset(".!?:;\u2022*-")


def _after_a_name(toks: _Tokens, i: int) -> bool:
    """Is the number at ``i`` right after a name: an acronym-like word ("ISO", "PPh", "COVID")
    or a capitalised word inside a sentence ("Python", "Windows"), not a month?

    A capital at the start of a sentence or line proves nothing ("In 2019", "Around 40").
    """
    j = i - 1
    word = toks.word[j] if j >= 0 else ""
    if not word or not word[0].isupper() or toks.low[j] in _MONTHS:
        return False
    if sum(c.isupper() for c in word) >= 2:
        return True
    return j > 0 and "\n" not in toks.space[j] and toks.sym[j - 1] not in _SENTENCE_ENDS


def _match_money_prefix(
    toks: _Tokens, i: int
) -> tuple[int, QuantityKind, float | None, str | None] | None:
    word = toks.low[i]
    j = i + 1
    code: str | None = None
    if word in {"us", "s"} and toks.sym_at(j) == "$" and toks.adjacent(j):
        code = "USD" if word == "us" else "SGD"
        j += 1
    elif (word or toks.sym[i]) in _CURRENCY_PREFIX:  # a word or "$", "€", "£"
        code = _CURRENCY_PREFIX[word or toks.sym[i]]
        if word == "rp" and toks.sym_at(j) == "." and toks.adjacent(j):
            j += 1  # "Rp."
    if code is None or j >= toks.n or not toks.num[j]:
        return None
    if word and i > 0 and toks.adjacent(i) and toks.low[i - 1]:
        return None
    convention = "id" if code == "IDR" else "en"
    num = _parse_digit_number(toks, j, convention, idr=code == "IDR", after_currency=True)
    if num is None:
        return None
    return num.end, "money", num.value, code


def _match_at(
    toks: _Tokens, i: int, lang: str
) -> tuple[int, QuantityKind, float | None, str | None] | None:
    money = _match_money_prefix(toks, i)
    if money is not None:
        return money
    if toks.num[i]:
        num = _parse_digit_number(toks, i, lang)
        if num is None:
            return None
        if num.year_like and toks.word_at(i - 1) in _MONTHS:
            return num.end, "year", num.value, None  # "March 2020 sales": a date, not a count
        found = _classify(toks, i, num, lang)
        if found is not None and found[1] in _NAME_KINDS and _after_a_name(toks, i):
            return None  # "Python 3", "Windows 10", "PPh 21", "ISO 9001": a name, not an amount
        return found
    w = toks.low[i]
    if not w:
        return None
    if w in _RATIO_WORDS:
        return i + 1, "ratio", _RATIO_WORDS[w], "x"
    if lang == "id":
        if w in _ID_SE_DURATIONS:
            if toks.sym_at(i + 1) == "-" and toks.adjacent(i + 1):
                return None  # "sehari-hari" = daily
            return i + 1, "duration", 1.0, _ID_SE_DURATIONS[w]
        if w == "satu" and toks.word_at(i - 1) == "salah":
            return None  # "salah satu" = one of
        if (w == "satu" or w in _ID_SE) and toks.sym_at(i + 1) == "-":
            return None  # "satu-satunya"
        num = _parse_id_words(toks, i)
        if num is not None:
            return _classify(toks, i, num, lang)
    num = _parse_en_words(toks, i)
    if num is None:
        return None
    if num.lone_one and toks.word_at(i - 1) in {"no", "every", "any", "each", "some"}:
        return None
    return _classify(toks, i, num, lang)


# Words a quantity can start from, by language: all other words fail at once in _match_at
# (checked by the tests). "a" starts one only before the words of _AFTER_A ("a dozen", "a third").
_EN_FIRST_WORDS: Final = frozenset(
    {*_EN_UNITS, *_EN_TEENS, *_EN_TENS, *_EN_APPROX, "half", *_RATIO_WORDS}
)
_FIRST_WORDS: Final = {
    "en": _EN_FIRST_WORDS,
    "id": _EN_FIRST_WORDS
    | {*_ID_SE_DURATIONS, *_ID_UNITS, *_ID_SE, *_ID_SE_SCALES, *_ID_APPROX, *_ID_FRACTIONS},
}
_AFTER_A: Final = frozenset({"third", "quarter"} | (_EN_A_NEXT - {"half"}))
# Money amounts start at a currency word or symbol, but only right before digits.
_CURRENCY_WORDS: Final = frozenset({*(w for w in _CURRENCY_PREFIX if w.isalpha()), "us", "s"})
_CURRENCY_SYMBOLS: Final = frozenset(_CURRENCY_PREFIX) - _CURRENCY_WORDS  # $, €, £

# The tokens a quantity can start from besides numbers: any other token is passed over.
_STARTS: Final = {lang: words | {"a"} | _CURRENCY_WORDS for lang, words in _FIRST_WORDS.items()}
# A text with no digit has a quantity only if it has one of these words ("a" is everywhere,
# the word after it stands in for it).
_STARTS_WITHOUT_DIGITS: Final = {lang: words | _AFTER_A for lang, words in _FIRST_WORDS.items()}
# A lone "one" ("one of them", "no one") is no quantity. It is part of one only when followed
# by one of these words (see _parse_en_words and _classify), by a count noun, or by one of the
# symbols (checked anywhere in the text). A "-" between does not matter: "one-week".
_AFTER_ONE: Final = frozenset(
    {"hundred", "dozen", "and", "third", "thirds", "quarter", "quarters", "per", "x"}
    | {*_EN_SCALES, *_PERCENT_WORDS, *_CURRENCY_SUFFIX, *_TIMES_WORDS}
    | {*_DURATION_UNITS, *_DURATION_ADJECTIVES, *_EN_COUNT_ADJECTIVES}
)
_SYMBOLS_AFTER_ONE: Final = ("%", "$", "\u00d7")
# For ASCII text: letters lower-cased, digits to "0", everything else to a space, so that the
# words of the result are the lower-cased word tokens.
_ASCII_FOLD: Final = str.maketrans(
    {c: c.lower() if c.isalpha() else "0" if c.isdigit() else " " for c in map(chr, range(128))}
)
_WORD_RE: Final = re.compile(_WORD)
_DIGIT_RE: Final = re.compile(r"[0-9]")


def _trie(words: list[str]) -> str:
    """A regex alternation of sorted, distinct ``words`` sharing their prefixes, which the regex
    engine tries much faster than one alternative per word: "one|ten|two" -> "(?:one|t(?:en|wo))".
    """
    branches = [
        re.escape(first) + _trie([w[1:] for w in group]) if first else ""
        for first, group in groupby(words, key=lambda w: w[:1])
    ]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


# In the output of _words_between_spaces: the start words, and the word after each "one".
_STARTS_WITHOUT_DIGITS_RE: Final = {
    lang: re.compile(f" ({_trie(sorted(words))})(?= )")
    for lang, words in _STARTS_WITHOUT_DIGITS.items()
}
_ONE_FOLLOWED_BY_RE: Final = re.compile(r" one(?= +([^ ]+))")


def _words_between_spaces(text: str) -> str | None:
    """The lower-cased words of ``text``, each between spaces; None when ``text`` has a digit."""
    if text.isascii():
        folded = text.translate(_ASCII_FOLD)
        return None if "0" in folded else f" {folded} "
    if _DIGIT_RE.search(text):
        return None
    # Lower-cased one by one, as in _Tokens (a lone "\u212a", the Kelvin sign, is "k").
    return f" {' '.join(_WORD_RE.findall(text)).lower()} "


def _may_have_quantities(text: str, lang: str) -> bool:
    """False when ``text`` has no digit and no word a quantity can start from (most answers).

    An exact pre-check, much cheaper than tokenizing: find_quantities finds nothing when false.
    It may be true for a text without quantities (the rules decide), never the other way round.
    """
    words = _words_between_spaces(text)
    if words is None:
        return True
    starts = set(_STARTS_WITHOUT_DIGITS_RE[lang].findall(words))
    if starts != {"one"}:
        return bool(starts)
    # Only "one", the most common of them: look at the word after each (symbols between do not
    # show in ``words``, so this may pass a "one" the rules then reject, which is fine).
    return any(sym in text for sym in _SYMBOLS_AFTER_ONE) or any(
        word in _AFTER_ONE or _is_count_noun(word, lang)
        for word in _ONE_FOLLOWED_BY_RE.findall(words)
    )


# Tokens before the first digit, "$" or number word that the rules may read: two ("no one",
# "done. Python 3", "Rp. 5" after a word); twice that, to be safe. Tokens after the last one
# that they may read: four ("5 ratus ribu working days"); twice that. (The tests check both.)
_LOOK_BACK: Final = 4
_LOOK_AHEAD: Final = 8
# In " " + an ASCII text folded with _ASCII_FOLD + " ": a digit or a word a quantity can start
# from (or, for _AFTER_A, start just before); the second, in that string reversed.
_FIRST_START_RE: Final = {
    lang: re.compile(f"0| ({_trie(sorted(words))})(?= )")
    for lang, words in _STARTS_WITHOUT_DIGITS.items()
}
_LAST_START_RE: Final = {
    lang: re.compile(f"0| ({_trie(sorted(w[::-1] for w in words))})(?= )")
    for lang, words in _STARTS_WITHOUT_DIGITS.items()
}
# _LOOK_AHEAD whitespace-separated chunks, the first maybe the end of one (possessive: a chunk is
# never split to make up the count).
_CHUNKS_AHEAD: Final = re.compile(rf"(?:\s*+\S++){{{_LOOK_AHEAD}}}")


def _window(text: str, lang: str) -> tuple[int, int]:
    """The part of ``text`` worth tokenizing, as (start, end): from a whitespace run at least
    _LOOK_BACK tokens before the first digit, "$" or number word of an ASCII text to the end of
    the _LOOK_AHEAD-th whitespace-separated chunk after the last one; all of any other text.

    A token never spans whitespace, so text[start:end] splits into the text's own tokens, and
    no rule reads the tokens outside it (an answer's quantities are often in one stretch).
    """
    if not text.isascii():
        return 0, len(text)
    folded = f" {text.translate(_ASCII_FOLD)} "
    first, last = text.find("$"), text.rfind("$") + 1  # (-1, 0 without one)
    found = _FIRST_START_RE[lang].search(folded)
    if found is not None:
        where = found.start(found.lastindex or 0) - 1
        first = where if first < 0 else min(first, where)
        # The last one, found first in the string reversed: where it ends in ``text``.
        found = _LAST_START_RE[lang].search(folded[::-1])
        if found is not None:  # (always: the first one is one)
            last = max(last, len(text) + 1 - found.start(found.lastindex or 0))
    elif first < 0:
        return 0, len(text)
    chunks = text[:first].rsplit(None, _LOOK_BACK)  # the whitespace-separated chunks before
    start = len(chunks[0]) if len(chunks) > _LOOK_BACK else 0
    ahead = _CHUNKS_AHEAD.match(text, last)
    return start, len(text) if ahead is None else ahead.end()


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Return the quantities in ``text``, sorted and non-overlapping.

    ``lang`` ("en" or "id") sets the digit-separator convention ("1.200" is 1200 in "id" and 1.2
    in "en"; "$"/"USD" amounts always use the English one and "Rp"/"IDR" the Indonesian one)
    and whether Indonesian number words are recognised. English number words always are, as
    Indonesian answers often switch to English.
    """
    if lang not in {"en", "id"}:
        raise ValueError(f"unsupported language {lang!r}; expected 'en' or 'id'")
    out: list[Quantity] = []
    if not _may_have_quantities(text, lang):
        return out
    begin, end = _window(text, lang)
    toks = _Tokens(text[begin:end] if begin or end < len(text) else text)
    # The token after the last match, and where its whitespace starts in ``text``.
    after, after_char = 0, begin
    low = toks.low
    for i in toks.starts(_STARTS[lang]):
        if i < after or (low[i] == "a" and toks.word_at(i + 1) not in _AFTER_A):
            continue  # (most answers have several "a", which only "a dozen" and such start)
        match = _match_at(toks, i, lang)
        if match is None:
            continue
        end, kind, value, unit = match
        start_char = after_char + toks.width(after, i) + len(toks.space[i])
        end_char = after_char + toks.width(after, end)
        out.append(Quantity(start_char, end_char, text[start_char:end_char], kind, value, unit))
        after, after_char = end, end_char
    return out
