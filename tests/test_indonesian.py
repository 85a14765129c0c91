"""Indonesian answers, end to end through the check kinds: lemmas, STAR, negation, word lists."""

from __future__ import annotations

from typing import Any

import pytest

from answer_check.analysis import Analysis
from answer_check.checks import run_check, validate_params
from answer_check.checks.lexical import past_tense_verbs
from answer_check.lexicons import lexicon_path
from answer_check.nlp import pipeline
from answer_check.paths import rubrics_dir


def check(kind: str, text: str, **params: Any) -> Any:
    analysis = Analysis.of(text, "id")
    return run_check(kind, analysis, validate_params(kind, params, "test"))


def rules(outcome: Any) -> list[str]:
    return [e.rule for e in outcome.evidence]


def test_every_english_list_has_an_indonesian_twin() -> None:
    root = rubrics_dir() / "lexicons"
    names = [p.stem for p in sorted((root / "en").glob("*.txt")) if not p.stem.startswith("tech_")]
    missing = [n for n in names if not (root / "id" / f"{n}.txt").is_file()]
    assert not missing
    for name in names:
        assert lexicon_path(name, "id").parent.name == "id"


def test_an_affixed_verb_counts_as_its_base_action() -> None:
    out = check("star_component", "Saya memimpin tim lima orang.", component="action")
    assert out.score == 1.0
    assert rules(out) == ["action_verbs: pimpin"]


def test_a_passive_verb_counts_as_a_result() -> None:
    out = check(
        "star_component",
        "Laporan itu akhirnya diselesaikan dua hari lebih awal.",
        component="result",
    )
    assert "star_result: selesai" in rules(out)


def test_number_words_make_a_quantified_result() -> None:
    out = check(
        "quantified", "Hasilnya, komplain pelanggan turun dua puluh persen.", scope="result"
    )
    assert out.score == 1.0
    assert [e.text for e in out.evidence] == ["dua puluh persen"]


@pytest.mark.parametrize(
    "text",
    [
        "Proyek itu tidak berhasil.",
        "Kami belum mencapai target bulan itu.",
        "Sayangnya kami gagal menyelesaikan migrasi tepat waktu.",
        "Kampanyenya kurang berhasil.",
    ],
)
def test_a_negated_result_is_no_result(text: str) -> None:
    assert check("star_component", text, component="result").score == 0.0


def test_sebelumnya_is_not_a_negation() -> None:
    out = check(
        "star_component", "Sebelumnya saya berhasil menurunkan komplain.", component="result"
    )
    assert out.score == 1.0


def test_we_actions_own_less_than_i_actions() -> None:
    mine = check(
        "ownership",
        "Saya memetakan prosesnya, saya menulis checklist baru dan saya melatih timnya.",
    )
    ours = check(
        "ownership",
        "Kami memetakan prosesnya, kami menulis checklist dan kita melatih semua orang.",
    )
    assert mine.score == 1.0
    assert ours.score == 0.0
    assert {e.polarity for e in ours.evidence} == {"-"}


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        (
            "Saya lalu menghubungi klien, menjelaskan masalahnya, dan menawarkan solusi.",
            ["menghubungi", "menjelaskan", "menawarkan"],
        ),
        # the first of a list of actions carries the subject for the rest ("membagi" is an
        # action: its lemma is not the preposition "bagi")
        (
            "Saya membagi transaksi per cabang, membuat daftar periksa, dan meminta bukti.",
            ["membagi", "membuat", "meminta"],
        ),
        ("Bagi saya, kerja tim itu penting.", []),
        ("Semua vendor saya telepon satu per satu.", ["telepon"]),
        ("Klien yang saya hubungi akhirnya setuju.", ["hubungi"]),
        (
            "Gue langsung telepon vendornya terus gue follow up lewat email.",
            ["telepon", "follow up"],
        ),
        # a possessive or object "saya" is not the one acting
        ("Atasan saya meminta saya membuat laporan mingguan.", []),
        ("Tim saya membuat dashboard baru.", []),
        ("Manajer saya yang bicara dengan kliennya.", []),
        ("Menurut saya komunikasi adalah kunci.", []),
        # a noun that shares its root with an action verb is not an action
        ("Saya belajar bahwa komunikasi itu penting.", []),
        ("Saya ikut pelatihan negosiasi.", []),
    ],
)
def test_the_speaker_as_subject(text: str, actions: list[str]) -> None:
    analysis = Analysis.of(text, "id")
    assert [a.evidence.text for a in analysis.star.actions] == actions


def test_habits_are_no_told_actions() -> None:
    analysis = Analysis.of("Saya biasanya menghubungi klien setiap minggu.", "id")
    assert analysis.star.actions == ()


@pytest.mark.parametrize("word", ["eh", "gitu", "sih", "anu", "kayak"])
def test_fillers_are_found(word: str) -> None:
    text = f"Jadi {word} saya mengerjakan laporannya."
    out = check("avoid", text, lexicons=["fillers", "hedges"])
    assert [e.text.lower() for e in out.evidence] == [word]


def test_hedges_are_found() -> None:
    out = check("avoid", "Mungkin hasilnya kurang lebih bagus, sepertinya.", lexicons=["hedges"])
    assert [e.text for e in out.evidence] == ["Mungkin", "kurang lebih", "sepertinya"]


@pytest.mark.parametrize(
    "text",
    [
        "Saya membersihkan data, membuat model, dll.",
        "Saya membersihkan data, membuat model, dll",
        "Saya mengerjakan laporan, presentasi, dan lain-lain.",
        "Saya membersihkan data, membuat model, dsb.",
    ],
)
def test_vague_wording_is_found(text: str) -> None:
    out = check("avoid", text, lexicons=["vague"])
    assert out.score < 1.0


def test_a_habit_word_does_not_fire_on_its_lookalike() -> None:
    # "selalu" (always) and "lalu" (then) share a lookup lemma in spaCy's table.
    out = check(
        "balance",
        "Tahun lalu saya memimpin proyek itu.",
        positive=["specific_markers"],
        negative=["generic_habits"],
    )
    assert all(e.polarity == "+" for e in out.evidence)
    habits = check(
        "balance",
        "Saya selalu tenang dan biasanya merencanakan semuanya.",
        positive=["specific_markers"],
        negative=["generic_habits"],
    )
    assert habits.score == 0.0


def test_a_told_story_counts_as_past_narrative() -> None:
    story = Analysis.of(
        "Saya menelepon vendor, saya menegosiasikan harga dan saya sudah mengirim laporan.", "id"
    )
    habit = Analysis.of("Saya biasanya menelepon vendor dan selalu menegosiasikan harga.", "id")
    assert len(past_tense_verbs(story)) >= 3
    assert past_tense_verbs(habit) == []


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("memimpin", "pimpin"),
        ("meningkatkan", "tingkat"),
        ("diselesaikan", "selesai"),
        ("sebelumnya", "sebelumnya"),
        ("selalu", "selalu"),
        ("berhasil", "berhasil"),
        ("keberhasilannya", "berhasil"),
        ("pengalamannya", "pengalaman"),
        ("terakhir", "terakhir"),
    ],
)
def test_pipeline_lemmas(word: str, lemma: str) -> None:
    assert pipeline("id").lemma(word) == lemma


@pytest.mark.parametrize(
    ("text", "remarks"),
    [
        ("Saya keluar karena bos saya toxic dan rekan kerja saya malas semua.", 2),
        ("Atasan saya yang lama nggak becus, manajemennya juga kacau balau.", 2),
        # a fact told to the boss is no remark about the boss
        ("Saya bilang ke atasan saya bahwa jadwalnya kacau, lalu kami menyusun ulang shift.", 0),
        ("Atasan saya tidak malas; dia hanya punya prioritas lain.", 0),
    ],
)
def test_negative_talk_about_a_former_boss(text: str, remarks: int) -> None:
    out = check("negative_talk", text)
    assert len(out.evidence) == remarks


def test_claimed_traits_without_evidence_cost_points() -> None:
    bare = check(
        "trait_claims",
        "Saya orangnya pekerja keras, fast learner, dan bisa bekerja di bawah tekanan.",
    )
    backed = check(
        "trait_claims",
        "Saya pekerja keras. Bulan lalu saya menggantikan tiga shift "
        "tambahan dan saya melatih dua kasir baru.",
    )
    assert bare.score == 0.0
    assert backed.score == 1.0


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("terlalu", "terlalu"),
        ("pendapatan", "pendapatan"),
        ("masukannya", "masukan"),
        ("mendalami", "dalami"),
        ("terkenal", "terkenal"),
    ],
)
def test_lookalike_roots_are_kept_apart(word: str, lemma: str) -> None:
    assert pipeline("id").lemma(word) == lemma


def test_parts_name_their_labels_in_the_answer_language() -> None:
    labels = {"en": ["present", "past", "future"], "id": ["masa kini", "masa lalu", "masa depan"]}
    params = {"lexicons": ["intro_present", "intro_past", "intro_future"], "labels": labels}
    out = check(
        "parts",
        "Saat ini saya bekerja sebagai perawat. Sebelumnya saya kuliah di Yogyakarta.",
        **params,
    )
    assert out.fields["found"].startswith("masa kini")
    assert out.fields["missing"] == "masa depan"


def test_content_words_on_the_stop_list_still_count_as_question_words() -> None:
    q = "Di mana Anda melihat diri Anda lima tahun ke depan?"
    analysis = Analysis.of("Dalam lima tahun saya ingin menjadi auditor senior.", "id", question=q)
    out = run_check("answers_question", analysis, validate_params("answers_question", {}, "t"))
    assert not out.skipped and out.score == 1.0


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("Gue ngecek stoknya, terus gue nelpon vendornya.", ["ngecek", "nelpon"]),
        ("Aku dengerin keluhannya dan aku jelasin prosesnya.", ["dengerin", "jelasin"]),
    ],
)
def test_colloquial_verbs_count_as_actions(text: str, actions: list[str]) -> None:
    analysis = Analysis.of(text, "id")
    assert [a.evidence.text for a in analysis.star.actions] == actions


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("manajernya", "manajer"),
        ("kliennya", "klien"),
        ("bosnya", "bos"),
        ("hanya", "hanya"),
    ],
)
def test_a_loanword_loses_its_possessive(word: str, lemma: str) -> None:
    assert pipeline("id").lemma(word) == lemma
