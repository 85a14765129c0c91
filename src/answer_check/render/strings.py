"""Interface strings shared by the terminal and HTML reports (English and Indonesian)."""

from __future__ import annotations

from answer_check.i18n import CATALOG, add


def question_type_label(qtype: str, lang: str) -> str:
    """The name of a question type in ``lang`` (its id when it has no name yet)."""
    entry = CATALOG.get(f"qtype.{qtype}")
    if entry is None:
        return qtype
    return entry.get(lang) or entry["en"]


add(
    {
        "ui.title": {"en": "Interview answer feedback", "id": "Umpan balik jawaban wawancara"},
        "ui.stage.hr": {"en": "HR interview", "id": "Wawancara HR"},
        "ui.stage.user": {"en": "User interview", "id": "Wawancara user"},
        "ui.score": {"en": "Score", "id": "Skor"},
        "ui.band": {"en": "Band", "id": "Kategori"},
        "ui.question": {"en": "Question", "id": "Pertanyaan"},
        "ui.no_question": {"en": "No question given", "id": "Tidak ada pertanyaan"},
        "ui.type": {"en": "Question type", "id": "Jenis pertanyaan"},
        "ui.type.detected": {
            "en": "detected from \u201c{cue}\u201d",
            "id": "terdeteksi dari \u201c{cue}\u201d",
        },
        "ui.type.detected_nocue": {"en": "detected", "id": "terdeteksi"},
        "ui.type.given": {"en": "chosen by you", "id": "dipilih oleh Anda"},
        "ui.type.default": {
            "en": "assumed (no question given)",
            "id": "diasumsikan (tidak ada pertanyaan)",
        },
        "ui.lang": {"en": "Answer language", "id": "Bahasa jawaban"},
        "ui.lang.en": {"en": "English", "id": "Inggris"},
        "ui.lang.id": {"en": "Indonesian", "id": "Indonesia"},
        "ui.rubric": {"en": "Rubric", "id": "Rubrik"},
        "ui.words": {
            "en": "{words} words \u00b7 about {time} spoken",
            "id": "{words} kata \u00b7 sekitar {time} jika diucapkan",
        },
        "ui.fixes": {"en": "What to fix next", "id": "Yang perlu diperbaiki"},
        "ui.fixes.none": {
            "en": "Nothing to fix: every criterion is met.",
            "id": "Tidak ada yang perlu diperbaiki: semua kriteria terpenuhi.",
        },
        "ui.points_at_stake": {"en": "+{points} pts", "id": "+{points} poin"},
        "ui.answer": {"en": "Your answer", "id": "Jawaban Anda"},
        "ui.answer.help": {
            "en": "Highlights show the evidence each criterion found. Hover a highlight to see the rule.",
            "id": "Sorotan menunjukkan bukti yang ditemukan tiap kriteria. Arahkan kursor ke sorotan untuk melihat aturannya.",
        },
        "ui.legend": {"en": "Legend", "id": "Keterangan"},
        "ui.legend.negative": {"en": "costs points", "id": "mengurangi poin"},
        "ui.criteria": {"en": "Criteria", "id": "Kriteria"},
        "ui.col.criterion": {"en": "Criterion", "id": "Kriteria"},
        "ui.col.score": {"en": "Score", "id": "Skor"},
        "ui.col.points": {"en": "Points", "id": "Poin"},
        "ui.col.feedback": {"en": "What we found", "id": "Yang kami temukan"},
        "ui.checks": {"en": "Checks", "id": "Yang diperiksa"},
        "ui.why": {"en": "Why it matters", "id": "Mengapa penting"},
        "ui.fix": {"en": "How to improve", "id": "Cara memperbaiki"},
        "ui.evidence": {"en": "Evidence", "id": "Bukti"},
        "ui.rule": {"en": "Rule", "id": "Aturan"},
        "ui.weight": {"en": "weight {w}", "id": "bobot {w}"},
        "ui.skipped": {"en": "not scored", "id": "tidak dinilai"},
        "ui.star": {"en": "STAR map", "id": "Peta STAR"},
        "ui.star.help": {
            "en": "Each sentence with the STAR part it tells and the cue that decided it.",
            "id": "Setiap kalimat dengan bagian STAR yang diceritakannya dan penanda yang menentukannya.",
        },
        "ui.star.order_bad": {
            "en": "The result comes before any action: tell the actions first.",
            "id": "Hasil muncul sebelum tindakan: ceritakan tindakannya terlebih dahulu.",
        },
        "ui.star.situation": {"en": "Situation", "id": "Situasi"},
        "ui.star.task": {"en": "Task", "id": "Tugas"},
        "ui.star.action": {"en": "Action", "id": "Tindakan"},
        "ui.star.result": {"en": "Result", "id": "Hasil"},
        "ui.star.reflection": {"en": "Reflection", "id": "Refleksi"},
        "ui.star.none": {"en": "\u2014", "id": "\u2014"},
        "ui.star.cue": {"en": "cue", "id": "penanda"},
        "ui.job": {"en": "Job description match", "id": "Kecocokan dengan deskripsi pekerjaan"},
        "ui.job.covered": {"en": "Covered", "id": "Tercakup"},
        "ui.job.missing": {"en": "Missing", "id": "Belum ada"},
        "ui.job.listed": {"en": "only listed", "id": "hanya disebut"},
        "ui.job.optional": {"en": "nice to have", "id": "nilai plus"},
        "ui.job.help": {
            "en": "Key terms of the job description. Green: covered in a sentence about what you did "
            "(highlighted in your answer). Amber: only listed, which counts less. Red: missing.",
            "id": "Istilah kunci deskripsi pekerjaan. Hijau: muncul dalam kalimat tentang hal yang "
            "Anda kerjakan (disorot di jawaban). Kuning: hanya disebut, nilainya lebih kecil. "
            "Merah: belum ada.",
        },
        "ui.job.summary": {
            "en": "{n} of {total} key terms covered",
            "id": "{n} dari {total} istilah kunci tercakup",
        },
        "ui.notes": {"en": "Notes", "id": "Catatan"},
        "ui.footer": {
            "en": "Scored by answer-check {version} with rubric {rubric} v{rv}. Rule-based and offline: the same answer always gets the same score.",
            "id": "Dinilai oleh answer-check {version} dengan rubrik {rubric} v{rv}. Berbasis aturan dan berjalan tanpa internet: jawaban yang sama selalu mendapat skor yang sama.",
        },
        "ui.report_saved": {"en": "Report: {path}", "id": "Laporan: {path}"},
        "ui.top_fixes": {"en": "Top fixes", "id": "Perbaikan utama"},
        "ui.all_met": {
            "en": "Every criterion is met. Well done.",
            "id": "Semua kriteria terpenuhi. Bagus sekali.",
        },
        "ui.points": {"en": "pts", "id": "poin"},
        # Question types, as named in the reports.
        "qtype.behavioral": {"en": "behavioral", "id": "perilaku"},
        "qtype.situational": {"en": "situational", "id": "situasional"},
        "qtype.cv_clarification": {"en": "CV clarification", "id": "klarifikasi CV"},
        "qtype.motivation": {"en": "motivation", "id": "motivasi"},
        "qtype.strengths_weaknesses": {
            "en": "strengths and weaknesses",
            "id": "kelebihan dan kekurangan",
        },
        "qtype.career_goals": {"en": "career goals", "id": "tujuan karier"},
        "qtype.teamwork": {"en": "teamwork", "id": "kerja sama tim"},
        "qtype.self_introduction": {"en": "self-introduction", "id": "perkenalan diri"},
        "qtype.technical_practice": {"en": "technical practice", "id": "praktik teknis"},
        "qtype.technical_theory": {"en": "technical theory", "id": "teori teknis"},
        "qtype.product_insight": {"en": "product insight", "id": "pemahaman produk"},
        "qtype.closed": {"en": "closed question", "id": "pertanyaan tertutup"},
        "qtype.job_fit": {"en": "job fit", "id": "kecocokan dengan pekerjaan"},
    }
)
