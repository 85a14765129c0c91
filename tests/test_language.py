"""Tests for the rule-based English/Indonesian language guess."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from answer_check.language import SUPPORTED_LANGS, LanguageGuess, detect_language


@pytest.mark.parametrize(
    "text",
    [
        "I led the migration of our billing system and we finished it two weeks early.",
        "When the client was unhappy, I called them and we agreed on a new plan.",
        "To be honest, I'm not sure it was the best decision, but it worked.",
    ],
)
def test_english(text: str) -> None:
    guess = detect_language(text)
    assert guess.lang == "en"
    assert guess.confidence > 0.5
    assert guess.id_hits == 0


@pytest.mark.parametrize(
    "text",
    [
        # formal
        "Saya memimpin tim yang terdiri dari lima orang untuk menyelesaikan proyek tersebut.",
        "Karena target belum tercapai, kami mengubah strategi sehingga penjualan meningkat.",
        # informal
        "Jadi gue tuh udah coba ngomong sama atasan, tapi dia nggak mau dengerin.",
        "Aku sih biasanya langsung aja bikin daftar tugas, terus dikerjain satu-satu.",
    ],
)
def test_indonesian(text: str) -> None:
    guess = detect_language(text)
    assert guess.lang == "id"
    assert guess.confidence > 0.5
    assert guess.en_hits == 0


@pytest.mark.parametrize(
    "text",
    [
        "Waktu itu deadline-nya mepet banget, jadi saya bikin meeting sama team dan client.",
        "Saya handle project itu dengan report mingguan ke manager, dan hasilnya on track.",
        "Basically saya yang lead, tapi the whole team juga bantu untuk follow up client.",
    ],
)
def test_code_switched_indonesian_stays_indonesian(text: str) -> None:
    guess = detect_language(text)
    assert guess.lang == "id"
    assert guess.id_hits > guess.en_hits


def test_loanwords_alone_are_not_evidence() -> None:
    guess = detect_language("Deadline meeting project report team client")
    assert guess == LanguageGuess("en", 0.0, 0, 0)


@pytest.mark.parametrize("text", ["", "   ", "123 456", "!!!", "Jakarta"])
def test_undecidable_is_english_with_zero_confidence(text: str) -> None:
    guess = detect_language(text)
    assert guess.lang == "en"
    assert guess.confidence == 0.0


def test_tie_is_undecidable() -> None:
    guess = detect_language("the yang")
    assert (guess.lang, guess.confidence, guess.en_hits, guess.id_hits) == ("en", 0.0, 1, 1)


def test_whole_words_and_case_insensitive() -> None:
    # "theory" and "dance" contain function words ("the", "dan") but are not them.
    assert detect_language("theory dance").en_hits == 0
    guess = detect_language("THE Team AND The Client")
    assert guess.en_hits == 3


def test_little_evidence_means_low_confidence() -> None:
    assert (
        detect_language("the deadline").confidence
        < detect_language("I told the team that we would meet the deadline and we did.").confidence
    )


def test_supported_langs() -> None:
    assert SUPPORTED_LANGS == ("en", "id")


@given(st.text())
def test_any_text(text: str) -> None:
    guess = detect_language(text)
    assert guess.lang in SUPPORTED_LANGS
    assert 0.0 <= guess.confidence <= 1.0
    assert guess.en_hits >= 0
    assert guess.id_hits >= 0


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_words_are_found_as_by_the_unicode_rule(text: str) -> None:
    """ASCII text takes a faster pattern; it must find exactly the same words."""
    from answer_check.language import _WORD_RE, words_of

    assert words_of(text) == _WORD_RE.findall(text)


@settings(max_examples=500)
@given(
    st.one_of(
        st.text(alphabet=st.characters(max_codepoint=127), max_size=60),
        st.text(alphabet=st.sampled_from("aBz' \u2019-.,1_\nI\u0130\u00df"), max_size=40),
        st.text(alphabet=st.sampled_from("aBz' -."), max_size=40),
    )
)
def test_lower_words_are_the_words_lower_cased(text: str) -> None:
    """The split at spaces of ASCII text finds the pattern's words, apostrophes and all."""
    from answer_check.language import _WORD_RE, lower_words

    expected = " ".join(_WORD_RE.findall(text)).lower().replace("\u2019", "'").split(" ")
    assert [w for w in lower_words(text) if w] == [w for w in expected if w]
