"""Indonesian answers through the User check kinds: direct answers, definitions, the User word
lists (look-alike roots kept apart) and requirements mapped to experience."""

from __future__ import annotations

from typing import Any

import pytest

from answer_check.analysis import Analysis
from answer_check.checks import run_check, validate_params


def check(
    kind: str, text: str, question: str | None = None, job: str | None = None, **params: Any
) -> Any:
    analysis = Analysis.of(text, "id", question=question, job_text=job)
    return run_check(kind, analysis, validate_params(kind, params, "test"))


@pytest.mark.parametrize(
    "text",
    [
        "Ya, saya pernah memakai Tableau selama tiga tahun.",
        "Belum pernah, tapi saya sudah memakai Power BI dua tahun.",
        "Sudah, sekitar 3 tahun di bagian keuangan.",
        "Bisa. Di kantor lama saya menutup buku setiap bulan sendiri.",
        "Tidak, tapi saya pernah memakai Jurnal.id.",
    ],
)
def test_a_direct_answer_up_front(text: str) -> None:
    out = check("direct_answer_first", text, question="Apakah Anda pernah memakai Tableau?")
    assert out.score == 1.0


@pytest.mark.parametrize(
    "text",
    [
        # "ya" as a discourse particle and "tertentu" (certain) are no yes
        "Hmm, gimana ya, setiap perusahaan punya tools sendiri dan dalam situasi tertentu "
        "semuanya berguna.",
        "Wah, pertanyaan yang menarik. Menurut saya semua tergantung kebutuhan timnya.",
    ],
)
def test_no_direct_answer(text: str) -> None:
    out = check("direct_answer_first", text, question="Apakah Anda pernah memakai Tableau?")
    assert out.score == 0.0


def test_a_number_answers_berapa() -> None:
    out = check(
        "direct_answer_first",
        "Lima tahun. Saya mulai dengan MySQL.",
        question="Berapa tahun pengalaman Anda dengan SQL?",
    )
    assert out.score == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Indeks database adalah struktur data yang mempercepat pencarian baris.",
        "Churn rate merupakan persentase pelanggan yang berhenti dalam satu periode.",
        "Churn, yaitu pelanggan yang berhenti memakai produk dalam satu bulan.",
        "KPI singkatan dari key performance indicator.",
        "Secara sederhana, cohort analysis mengelompokkan pelanggan menurut bulan daftarnya.",
    ],
)
def test_a_definition(text: str) -> None:
    assert check("definition", text).score == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Tugas saya adalah mengumpulkan 300 faktur.",
        "Yang paling penting adalah komunikasi dengan tim.",
        "Menurut saya itu adalah hal yang sangat penting.",
        "Ada sebuah masalah waktu itu, dan ada cara lain untuk menyelesaikannya.",
        "Dashboard ini lebih panjang dari yang lama.",
    ],
)
def test_no_definition(text: str) -> None:
    assert check("definition", text).score == 0.0


@pytest.mark.parametrize(
    ("lexicon", "text"),
    [
        # "pengguna" shares the root "guna" with "berguna" (useful)
        ("impact_markers", "Fitur ini sangat berguna."),
        # "kelebihan"/"kekurangan" share roots with "lebih"/"kurang"
        ("tradeoff_markers", "Hasilnya lebih cepat dan kurang lebih sama."),
        # "sebaiknya" shares "baik" with "dengan baik"; "tampilkan" shares "tampil" with "tampilan"
        ("suggestion_markers", "Tampilannya baik dan bekerja dengan baik."),
        # "bermasalah" is lemmatized to "masa"
        ("obstacle_markers", "Masa kerja saya tiga tahun di sana."),
    ],
)
def test_lookalike_roots_do_not_fire(lexicon: str, text: str) -> None:
    out = check("phrases", text, lexicons=[lexicon], negation=False)
    assert out.evidence == ()


@pytest.mark.parametrize(
    ("lexicon", "text", "found"),
    [
        (
            "impact_markers",
            "Pengguna baru jadi bingung dan banyak yang meninggalkan keranjang.",
            ["Pengguna", "bingung", "meninggalkan"],
        ),
        (
            "tradeoff_markers",
            "Kelebihannya cepat, tapi kekurangannya setiap insert jadi lebih lambat.",
            ["Kelebihannya", "kekurangannya", "lebih lambat"],
        ),
        (
            "suggestion_markers",
            "Saran saya, sebaiknya tampilkan harga di halaman pertama.",
            ["Saran saya", "sebaiknya", "tampilkan"],
        ),
        (
            "obstacle_markers",
            "Kendalanya, datanya ternyata tidak konsisten.",
            ["Kendalanya", "ternyata", "tidak konsisten"],
        ),
        (
            "measurement_markers",
            "Keberhasilannya diukur dengan tingkat konversi lewat A/B test.",
            ["diukur dengan", "tingkat konversi", "A/B test"],
        ),
    ],
)
def test_user_word_lists_find_what_candidates_say(
    lexicon: str, text: str, found: list[str]
) -> None:
    out = check("phrases", text, lexicons=[lexicon], negation=False)
    assert [e.text for e in out.evidence] == found


def test_requirements_mapped_to_experience() -> None:
    text = (
        "Posisi ini membutuhkan SQL, dan saya menulis query laporan penjualan setiap hari. "
        "Anda juga mencari orang yang bisa membuat dashboard: saya membangun 12 dashboard "
        "Tableau untuk manajer toko. Di lowongan tertulis forecasting, dan saya menyusun "
        "model permintaan mingguan."
    )
    out = check("requirement_mapping", text)
    assert out.score == 1.0
    bare = check(
        "requirement_mapping",
        "Saya pekerja keras dan cepat belajar, jadi saya rasa saya cocok dengan posisi ini.",
    )
    assert bare.score == 0.0


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("Saya pernah dengar namanya, tapi semua aplikasi itu mirip-mirip saja.", 0.0),
        ("Saya sudah baca dokumentasinya.", 0.0),
        ("Saya pernah menangani klien yang marah karena pesanannya terlambat.", 1.0),
    ],
)
def test_hearsay_is_no_experience(text: str, score: float) -> None:
    out = check(
        "balance",
        text,
        positive=["example_markers", "specific_markers"],
        negative=["generic_habits"],
        past_tense=True,
    )
    assert out.score == score


def _job_terms(text: str) -> dict[str, tuple[bool, bool]]:
    from conftest import DATA

    job = (DATA / "jobs" / "staf_akuntansi_id.txt").read_text(encoding="utf-8")
    analysis = Analysis.of(text, "id", job_text=job)
    return {t.term: (t.covered, t.listed_only) for t in analysis.job_terms}


def test_indonesian_job_terms_used_listed_and_negated() -> None:
    cov = _job_terms(
        "Di kantor lama, saya menutup buku setiap bulan di Accurate dan saya "
        "membuat rekonsiliasi bank untuk 8 rekening. Saya belum pernah memakai SAP. "
        "Keahlian: PSAK, PPN, Microsoft Excel."
    )
    assert cov["Accurate"] == (True, False) and cov["rekonsiliasi bank"] == (True, False)
    assert cov["SAP"][0] is False  # negated
    assert cov["PSAK"] == (True, True) and cov["PPN"] == (True, True)  # a bare list


def test_indonesian_job_ad_boilerplate_is_no_term() -> None:
    from answer_check.jobdesc import extract_terms

    from conftest import DATA

    job = (DATA / "jobs" / "staf_akuntansi_id.txt").read_text(encoding="utf-8")
    terms = " | ".join(t.term.lower() for t in extract_terms(job, "id"))
    for phrase in ("lowongan", "pengalaman", "teliti", "gaji", "bpjs", "cv", "minimal"):
        assert phrase not in terms
