"""Tests for the quantity finder: spans, kinds, values, false positives and properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from answer_check import quantities
from answer_check.quantities import KINDS, Quantity, find_quantities


def found(text: str, lang: str) -> list[tuple[str, str, float | None]]:
    return [(q.text, q.kind, q.value) for q in find_quantities(text, lang)]


def test_english_sentence() -> None:
    text = "In 2021 I grew revenue by 20% to $5,000 a month with 12 clients in 3 months."
    assert found(text, "en") == [
        ("2021", "year", 2021.0),
        ("20%", "percent", 20.0),
        ("$5,000", "money", 5000.0),
        ("12 clients", "count", 12.0),
        ("3 months", "duration", 3.0),
    ]
    q = find_quantities(text, "en")[2]
    assert (q.start, q.end, q.unit) == (text.index("$"), text.index(" a month"), "USD")


def test_formal_indonesian_sentence() -> None:
    text = "Saya memimpin lima orang selama tiga bulan dan penjualan naik dua puluh persen."
    assert found(text, "id") == [
        ("lima orang", "count", 5.0),
        ("tiga bulan", "duration", 3.0),
        ("dua puluh persen", "percent", 20.0),
    ]


def test_informal_code_switched_indonesian() -> None:
    text = "Deadline-nya cuma dua minggu, budget Rp 5 jt, tapi revenue naik 2x lipat lho."
    assert found(text, "id") == [
        ("dua minggu", "duration", 2.0),
        ("Rp 5 jt", "money", 5_000_000.0),
        ("2x lipat", "ratio", 2.0),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1,200", "en", 1200.0),
        ("1.200", "id", 1200.0),
        ("3.5", "en", 3.5),
        ("3,5", "id", 3.5),
        ("3.5", "id", 3.5),
        ("1.200", "en", 1.2),
        ("1,234,567.5", "en", 1234567.5),
        ("1.234.567,5", "id", 1234567.5),
    ],
)
def test_digit_separators(text: str, lang: str, value: float) -> None:
    assert found(text, lang) == [(text, "number", value)]


@pytest.mark.parametrize(
    ("text", "lang", "span", "value"),
    [
        ("up 20% this year", "en", "20%", 20.0),
        ("up 20 percent", "en", "20 percent", 20.0),
        ("up twenty percent", "en", "twenty percent", 20.0),
        ("up 30 per cent", "en", "30 per cent", 30.0),
        ("naik dua puluh persen", "id", "dua puluh persen", 20.0),
        ("naik 20 persen", "id", "20 persen", 20.0),
        ("naik 12,5%", "id", "12,5%", 12.5),
    ],
)
def test_percentages(text: str, lang: str, span: str, value: float) -> None:
    assert found(text, lang) == [(span, "percent", value)]


@pytest.mark.parametrize(
    ("text", "lang", "span", "value", "unit"),
    [
        ("a budget of $5,000", "en", "$5,000", 5000.0, "USD"),
        ("anggaran Rp 5 jt", "id", "Rp 5 jt", 5_000_000.0, "IDR"),
        ("anggaran Rp5.000.000 saja", "id", "Rp5.000.000", 5_000_000.0, "IDR"),
        ("about Rp5.000.000 only", "en", "Rp5.000.000", 5_000_000.0, "IDR"),
        ("gaji 5 juta rupiah", "id", "5 juta rupiah", 5_000_000.0, "IDR"),
        ("gaji 3 juta", "id", "3 juta", 3_000_000.0, None),
        ("costs USD 200 a seat", "en", "USD 200", 200.0, "USD"),
        ("nilai proyek IDR 2 miliar", "id", "IDR 2 miliar", 2e9, "IDR"),
        ("raised $2M in seed", "en", "$2M", 2e6, "USD"),
        ("worth 2 million dollars", "en", "2 million dollars", 2e6, "USD"),
        ("a 10k bonus", "en", "10k", 10_000.0, None),
        ("omzet Rp 2 M tahun lalu", "id", "Rp 2 M", 2e9, "IDR"),
        ("pakai $5,000 dari budget", "id", "$5,000", 5000.0, "USD"),
    ],
)
def test_money(text: str, lang: str, span: str, value: float, unit: str | None) -> None:
    (q,) = find_quantities(text, lang)
    assert (q.text, q.kind, q.value, q.unit) == (span, "money", value, unit)


@pytest.mark.parametrize(
    ("text", "lang", "span", "value", "unit"),
    [
        ("it took two weeks", "en", "two weeks", 2.0, "week"),
        ("for 3 months", "en", "3 months", 3.0, "month"),
        ("selama dua minggu", "id", "dua minggu", 2.0, "week"),
        ("butuh setengah hari", "id", "setengah hari", 0.5, "day"),
        ("within 48 hours", "en", "48 hours", 48.0, "hour"),
        ("done in 2 days", "en", "2 days", 2.0, "day"),
        ("dalam tiga bulan", "id", "tiga bulan", 3.0, "month"),
        ("a two-week sprint", "en", "two-week", 2.0, "week"),
        ("took half an hour", "en", "half an hour", 0.5, "hour"),
        ("two and a half years", "en", "two and a half years", 2.5, "year"),
        ("satu setengah tahun", "id", "satu setengah tahun", 1.5, "year"),
        ("selesai dalam seminggu", "id", "seminggu", 1.0, "week"),
        ("in 3 working days", "en", "3 working days", 3.0, "day"),
    ],
)
def test_durations(text: str, lang: str, span: str, value: float, unit: str) -> None:
    (q,) = find_quantities(text, lang)
    assert (q.text, q.kind, q.value, q.unit) == (span, "duration", value, unit)


@pytest.mark.parametrize(
    ("text", "lang", "span", "value"),
    [
        ("I managed five people", "en", "five people", 5.0),
        ("we signed 12 clients", "en", "12 clients", 12.0),
        ("tim saya lima orang", "id", "lima orang", 5.0),
        ("we onboarded 3 new customers", "en", "3 new customers", 3.0),
        ("a dozen interns", "en", "a dozen interns", 12.0),
        ("ada 10 klien", "id", "10 klien", 10.0),
        ("handle 4 project sekaligus", "id", "4 project", 4.0),
        ("puluhan klien", "id", "puluhan klien", None),
        ("hundreds of users", "en", "hundreds of users", None),
    ],
)
def test_counts(text: str, lang: str, span: str, value: float | None) -> None:
    assert found(text, lang) == [(span, "count", value)]


@pytest.mark.parametrize(
    ("text", "lang", "span", "value"),
    [
        ("it got 2x faster", "en", "2x", 2.0),
        ("twice as fast", "en", "twice", 2.0),
        ("naik dua kali lipat", "id", "dua kali lipat", 2.0),
        ("half of the team", "en", "half", 0.5),
        ("setengah dari tim", "id", "setengah", 0.5),
        ("separuh waktunya", "id", "separuh", 0.5),
        ("a third of the budget", "en", "a third", 1 / 3),
        ("two thirds of them", "en", "two thirds", 2 / 3),
        ("3 times faster", "en", "3 times", 3.0),
        ("costs were halved", "en", "halved", 0.5),
    ],
)
def test_ratios(text: str, lang: str, span: str, value: float) -> None:
    assert found(text, lang) == [(span, "ratio", value)]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("twenty-five", "en", 25.0),
        ("ninety-nine", "en", 99.0),
        ("two hundred and fifty thousand", "en", 250_000.0),
        ("one hundred", "en", 100.0),
        ("a thousand", "en", 1000.0),
        ("2.5 million", "en", 2_500_000.0),
        ("a dozen", "en", 12.0),
        ("sebelas", "id", 11.0),
        ("dua belas", "id", 12.0),
        ("dua puluh", "id", 20.0),
        ("seratus", "id", 100.0),
        ("tiga ratus dua puluh lima", "id", 325.0),
        ("ratusan", "id", None),
    ],
)
def test_number_words(text: str, lang: str, value: float | None) -> None:
    assert found(text, lang) == [(text, "number", value)]


def test_indonesian_scale_words_default_to_money() -> None:
    assert found("dua ratus lima puluh ribu", "id") == [
        ("dua ratus lima puluh ribu", "money", 250_000.0)
    ]
    assert found("3 juta pengguna", "id") == [("3 juta pengguna", "count", 3e6)]


@pytest.mark.parametrize(
    ("text", "lang", "kinds"),
    [
        ("I joined in 2021.", "en", [("2021", "year")]),
        ("Saya bergabung tahun 2019", "id", [("2019", "year")]),
        ("pada 2020 kami", "id", [("2020", "year")]),
        ("we had 2000 users", "en", [("2000 users", "count")]),
        ("order number 4821", "en", [("4821", "number")]),
        ("from 1999 to 2001", "en", [("1999", "year"), ("2001", "year")]),
    ],
)
def test_years(text: str, lang: str, kinds: list[tuple[str, str]]) -> None:
    assert [(q.text, q.kind) for q in find_quantities(text, lang)] == kinds


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("one of my colleagues helped", "en"),
        ("no one knew the answer", "en"),
        ("someone had to do it", "en"),
        ("one day the server crashed", "en"),
        ("the one thing I learned", "en"),
        ("it was a one-on-one", "en"),
        ("our Q3 targets", "en"),
        ("first we planned, second we executed", "en"),
        ("the 1st and the 3rd release", "en"),
        ("in the first half of the year", "en"),
        ("a third interview", "en"),
        ("a B2B product in 3D at 9am", "en"),
        ("salah satu klien saya", "id"),
        ("satu-satunya cara", "id"),
        ("pertama, kedua, ketiga", "id"),
        ("juara ke-2 tingkat nasional", "id"),
        ("selama pandemi COVID-19", "id"),
        ("rapat jam 9 pagi", "id"),
        ("meeting at 10:30", "en"),
        ("on 12/05/2021", "en"),
        ("kegiatan sehari-hari", "id"),
        ("I worked in Lima", "en"),
        ("", "en"),
    ],
)
def test_false_positives(text: str, lang: str) -> None:
    assert find_quantities(text, lang) == []


def test_offsets_with_unicode_prefix() -> None:
    text = "Café — naik 15% dalam 2 minggu"
    for q in find_quantities(text, "id"):
        assert text[q.start : q.end] == q.text
    assert [q.text for q in find_quantities(text, "id")] == ["15%", "2 minggu"]


def test_unsupported_lang() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        find_quantities("5", "fr")


def test_quantity_is_frozen() -> None:
    q = find_quantities("5 days", "en")[0]
    assert isinstance(q, Quantity)
    with pytest.raises(AttributeError):
        q.value = 6.0  # type: ignore[misc]


_PIECES = "one half dua puluh setengah Rp persen days juta a of satu salah kali lipat and hundred"
_ALPHABET = st.sampled_from(
    [*"0123456789.,%$-/: xkMmtjbr\u00d7\u00e9", "twenty-", *(w + " " for w in _PIECES.split())]
)


def _check(text: str, lang: str) -> None:
    qs = find_quantities(text, lang)
    prev_end = 0
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert q.start >= prev_end
        assert q.kind in KINDS
        prev_end = q.end


@given(st.text(), st.sampled_from(["en", "id"]))
def test_any_text(text: str, lang: str) -> None:
    _check(text, lang)


@given(st.lists(_ALPHABET, max_size=30).map("".join), st.sampled_from(["en", "id"]))
def test_quantity_like_text(text: str, lang: str) -> None:
    _check(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "spans"),
    [
        ("x_two weeks", "en", ["two weeks"]),
        ("\u0663two weeks", "en", ["two weeks"]),
        ("We\u2019re a team of FIVE people", "en", ["FIVE people"]),
        ("caf\u00e9 for two days", "en", ["two days"]),
        ("costs were HALVED", "en", ["HALVED"]),
        ("A Third of us", "en", ["A Third"]),
        ("a\tdozen\nusers", "en", ["a\tdozen\nusers"]),
        ("RATUSAN klien", "id", ["RATUSAN klien"]),
        ("Dua\u00a0minggu", "id", ["Dua\u00a0minggu"]),
        ("sebulan\u2014penuh", "id", ["sebulan"]),
        ("ribuan", "en", []),
        ("a thousand thanks", "id", ["a thousand"]),
        ("just another team", "en", []),
    ],
)
def test_words_next_to_other_characters(text: str, lang: str, spans: list[str]) -> None:
    assert [q.text for q in find_quantities(text, lang)] == spans


def _rule_words() -> list[str]:
    """Every word of the rule tables, the words the rules spell out, and a few more."""
    words = {"a", "an", "of", "and", "per", "cent", "salah", "no", "every", "jam", "pukul", "x"}
    words |= {"lipat", "M", "T", "K", "us", "s", "first", "thirds", "quarters", "pertiga"}
    words |= {"Two", "HALF", "Satu", "Dozen", "Third", "things", "feels", "bus", "class", "the"}
    for table in vars(quantities).values():
        if isinstance(table, dict | frozenset):
            words |= {w for w in table if isinstance(w, str) and w.isalpha()}
    return sorted(words)


_WORDS = _rule_words()
# No digits: a text with one always gets the full look.
_WORDS_AND_GAPS = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(
        [" ", " ", "-", "\n", "_", ".", "\u2019", "\u2014", "\u00e9", "\u212a", "\u0663"]
    ),
)


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


def _without_shortcuts(text: str, lang: str) -> list[Quantity]:
    """find_quantities with no pre-check and every word tried as the start of a quantity
    (every "a" too, whatever word follows it)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(quantities, "_may_have_quantities", lambda text, lang: True)
        mp.setattr(quantities, "_STARTS", {"en": _Everything(), "id": _Everything()})
        mp.setattr(quantities, "_AFTER_A", _Everything())
        mp.setattr(quantities, "_window", lambda text, lang: (0, len(text)))
        return find_quantities(text, lang)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_shortcuts_hide_no_word(lang: str) -> None:
    """The pre-check and the start words skip only texts and words that have no quantity."""
    contexts = ["{}", "{} days", "{} people", "{} of users", "{} percent", "{} kali", "a {}"]
    contexts += [
        "{} hundred",
        "{} ribu",
        "{} dozen",
        "{} and a half",
        "no {}",
        "{}-{}",
        "a {} of it",
        "{} 5",
        "{}$5",
        "one {}",
        "one-{}",
        "one {} one",
        "one {} days",
        "one {} faster",
        "one {} lipat",
        "one {} cent",
    ]
    for word in _WORDS:
        for context in contexts:
            for text in (context.format(word, word), context.format(word, word).upper()):
                assert find_quantities(text, lang) == _without_shortcuts(text, lang), text


# Digits, symbols and names around numbers, for texts whose first quantity is far in.
_NUMBERS_AND_WORDS = st.one_of(
    _WORDS_AND_GAPS,
    st.sampled_from(["5", "1,200", "2019", "10:30", "3/4", "$", "$5", "US$", "Rp.", "%"]),
    st.sampled_from(["Q3", "COVID-19", "ke-2", "PPh", "Python", "jam", "no", "salah", "#"]),
)


_FILLER = st.lists(
    st.sampled_from(["x", "y", "z", ",", "\n", "\t\x1f", "-", "I'm", "Q"]), max_size=12
)


@given(_FILLER, st.lists(_NUMBERS_AND_WORDS, max_size=14), _FILLER, st.sampled_from(["en", "id"]))
def test_window_hides_nothing(
    lead: list[str], numbers: list[str], trail: list[str], lang: str
) -> None:
    """Tokenizing from a few tokens before the first number to a few after the last finds what
    tokenizing it all does."""
    text = " ".join(lead) + " " + " ".join(numbers) + " " + " ".join(trail)
    assert find_quantities(text, lang) == _without_shortcuts(text, lang)
    start, end = quantities._window(text, lang)
    assert start == 0 or text[start].isspace()
    assert end == len(text) or text[end].isspace()


@pytest.mark.parametrize(
    "quantity",
    [
        "5 ratus ribu working days",  # the unit five tokens after the last digit
        "5 ratus ribu orang",
        "dozens of new hires",
        "lima puluh ribu rupiah",
        "up 30 per cent",
        "two thirds of users",
        "a third",
        "no one",
        "done. Python 3",
        "Rp. 5 jt",
        "US$ 5",
        "salah satu",
    ],
)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_window_reaches_far_enough(quantity: str, lang: str) -> None:
    """The tokens that the rules read furthest from a number are inside the window."""
    for text in (f"x y z w v u {quantity} x y z w v u t s r q", f"x y z w v u {quantity}"):
        assert find_quantities(text, lang) == _without_shortcuts(text, lang), text


@pytest.mark.parametrize("text", ["one %", "one$", "one \u00d7", "the one% share", "one $ only"])
def test_shortcuts_hide_no_symbol(text: str) -> None:
    assert find_quantities(text, "en") == _without_shortcuts(text, "en") != []


@given(st.lists(_WORDS_AND_GAPS, max_size=20).map("".join), st.sampled_from(["en", "id"]))
def test_shortcuts_hide_nothing(text: str, lang: str) -> None:
    assert find_quantities(text, lang) == _without_shortcuts(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A number in a name is no figure: versions, models, tax articles, standards.
        ("I moved our scripts to Python 3 and Windows 10.", "en", []),
        ("I handled the PPh 23 filings and the ISO 9001 audit.", "en", []),
        ("Saya mengurus PPh 21 untuk 120 karyawan.", "id", [("120 karyawan", "count", 120.0)]),
        # A capital that only opens a sentence or a line proves nothing; months name dates.
        ("In 2019 I joined.", "en", [("2019", "year", 2019.0)]),
        ("Around 40 clients left.\nOver 30 came back.", "en", [
            ("40 clients", "count", 40.0), ("30", "number", 30.0)
        ]),
        ("Pada Maret 2021 kami melayani 300 pelanggan.", "id", [
            ("2021", "year", 2021.0), ("300 pelanggan", "count", 300.0)
        ]),
        ("Since March 2020 sales grew 20%.", "en", [
            ("2020", "year", 2020.0), ("20%", "percent", 20.0)
        ]),
        # An amount right after a name still counts when it has a unit.
        ("Sales at Tokopedia 20% higher, costs at Shopee $5,000 lower.", "en", [
            ("20%", "percent", 20.0), ("$5,000", "money", 5000.0)
        ]),
    ],
)  # fmt: skip
def test_numbers_in_names_are_not_figures(
    text: str, lang: str, expected: list[tuple[str, str, float]]
) -> None:
    assert found(text, lang) == expected
