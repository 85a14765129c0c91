"""Tests for the lemma-table loaders and the Indonesian affix-stripping fallback."""

import pytest

from answer_check.id_lemma import IndonesianLemmatizer
from answer_check.lemma_tables import load_en_table, load_id_table


@pytest.fixture(scope="module")
def lemmatizer() -> IndonesianLemmatizer:
    return IndonesianLemmatizer(load_id_table())


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("diselesaikan", "selesai"),
        ("memimpin", "pimpin"),
        ("meningkatkan", "tingkat"),
        ("menyelesaikan", "selesai"),
        ("dikerjakan", "kerja"),
        ("pekerjaan", "kerja"),
        ("keberhasilan", "hasil"),
        ("berhasil", "hasil"),
        ("penjualannya", "jual"),
        ("mengatasi", "atas"),
        ("mengkoordinasikan", "koordinasi"),
        ("dipimpin", "pimpin"),
        ("bertanggung", "tanggung"),
        ("Diselesaikan", "selesai"),
        ("dikoordinasikan", "koordinasi"),
        ("dipromosikan", "promosi"),
        ("diselesaikannya", "selesai"),
        ("hal-hal", "hal"),
    ],
)
def test_lemmas(lemmatizer: IndonesianLemmatizer, word: str, lemma: str) -> None:
    assert lemmatizer.lemma(word) == lemma


@pytest.mark.parametrize(
    "word", ["meeting", "deadline", "saya", "kami", "mereka", "tetapi", "project", "client"]
)
def test_unknown_and_function_words_unchanged(lemmatizer: IndonesianLemmatizer, word: str) -> None:
    assert lemmatizer.lemma(word) == word
    assert lemmatizer.lemma(word.upper()) == word


def test_fallback_only_accepts_known_roots() -> None:
    table = {"pimpin": "pimpin", "memimpin": "pimpin"}
    lem = IndonesianLemmatizer(table)
    assert lem.roots == frozenset({"pimpin"})
    assert lem.lemma("dipimpinnya") == "pimpin"
    assert lem.lemma("dikerjakan") == "dikerjakan"  # "kerja" is not a known root here
    assert lem.lemma("") == ""


def test_nasal_restoration_with_small_table() -> None:
    lem = IndonesianLemmatizer({"x": "tulis", "y": "sapu", "z": "kirim", "w": "pakai"})
    assert lem.lemma("menulis") == "tulis"
    assert lem.lemma("menyapu") == "sapu"
    assert lem.lemma("mengirimkan") == "kirim"
    assert lem.lemma("pemakaian") == "pakai"


def test_tables_load_and_are_cached() -> None:
    id_table = load_id_table()
    assert id_table["memimpin"] == "pimpin"
    assert load_id_table() is id_table
    en_table = load_en_table()
    assert en_table["led"] == "lead"
    assert load_en_table() is en_table
