"""Interface strings of the class dashboard and the batch reports' way back to it (en, id)."""

from __future__ import annotations

from answer_check.i18n import add

add(
    {
        "cohort.title": {"en": "Class overview", "id": "Ringkasan kelas"},
        "cohort.back": {"en": "Class overview", "id": "Ringkasan kelas"},
        "cohort.student": {"en": "Student", "id": "Peserta"},
        "cohort.id": {"en": "ID", "id": "ID"},
        "cohort.source": {"en": "Scored from {source}", "id": "Dinilai dari {source}"},
        "cohort.rubric_forced": {
            "en": "rubric {rubric} for every answer",
            "id": "rubrik {rubric} untuk semua jawaban",
        },
        "cohort.kpi.answers": {"en": "Answers scored", "id": "Jawaban dinilai"},
        "cohort.kpi.failed": {"en": "Could not be scored", "id": "Tidak dapat dinilai"},
        "cohort.kpi.average": {"en": "Class average", "id": "Rata-rata kelas"},
        "cohort.kpi.median": {"en": "Median", "id": "Median"},
        "cohort.kpi.students": {"en": "Students", "id": "Peserta"},
        "cohort.kpi.of_records": {"en": "of {total} records", "id": "dari {total} data"},
        "cohort.kpi.of100": {"en": "out of 100", "id": "dari 100"},
        "cohort.kpi.failed_see": {"en": "see the list below", "id": "lihat daftar di bawah"},
        "cohort.kpi.all_ok": {"en": "every record was scored", "id": "semua data dinilai"},
        "cohort.dist": {"en": "Score distribution", "id": "Sebaran skor"},
        "cohort.dist.help": {
            "en": "How many answers fall in each range of ten points. Colours show the bands.",
            "id": "Jumlah jawaban di setiap rentang sepuluh poin. Warna menunjukkan kategori.",
        },
        "cohort.dist.aria": {"en": "Histogram of the scores", "id": "Histogram skor"},
        "cohort.dist.mean": {"en": "average {value}", "id": "rata-rata {value}"},
        "cohort.bands": {"en": "Bands", "id": "Kategori"},
        "cohort.criteria": {"en": "Where the class is weakest", "id": "Di mana kelas paling lemah"},
        "cohort.criteria.help": {
            "en": "The class average of each criterion, the weakest first. \u201cMet\u201d is the share "
            "of answers that fully meet it: start the next lesson at the top of this list.",
            "id": "Rata-rata kelas untuk tiap kriteria, yang terlemah di atas. \u201cTerpenuhi\u201d "
            "adalah bagian jawaban yang memenuhinya: mulai pelajaran berikutnya dari atas daftar.",
        },
        "cohort.col.criterion": {"en": "Criterion", "id": "Kriteria"},
        "cohort.col.rubric": {"en": "Rubric", "id": "Rubrik"},
        "cohort.col.average": {"en": "Average", "id": "Rata-rata"},
        "cohort.col.median": {"en": "Median", "id": "Median"},
        "cohort.col.met": {"en": "Met", "id": "Terpenuhi"},
        "cohort.col.answers": {"en": "Answers", "id": "Jawaban"},
        "cohort.col.student": {"en": "Student", "id": "Peserta"},
        "cohort.col.question": {"en": "Question", "id": "Pertanyaan"},
        "cohort.col.stage": {"en": "Stage", "id": "Tahap"},
        "cohort.col.type": {"en": "Type", "id": "Jenis"},
        "cohort.col.score": {"en": "Score", "id": "Skor"},
        "cohort.col.band": {"en": "Band", "id": "Kategori"},
        "cohort.col.coach": {"en": "Coach", "id": "Pelatih"},
        "cohort.col.id": {"en": "ID", "id": "ID"},
        "cohort.col.where": {"en": "Where", "id": "Lokasi"},
        "cohort.col.column": {"en": "Column", "id": "Kolom"},
        "cohort.col.problem": {"en": "Problem and fix", "id": "Masalah dan perbaikan"},
        "cohort.col.average_score": {"en": "Average", "id": "Rata-rata"},
        "cohort.agree": {"en": "Your scores and the tool\u2019s", "id": "Skor Anda dan skor alat"},
        "cohort.agree.help": {
            "en": "{n} answers have your own score (column coach_score). Where the dots stray from "
            "the diagonal, the rubric judges differently from you: read those reports first.",
            "id": "{n} jawaban memiliki skor Anda sendiri (kolom coach_score). Titik yang jauh dari "
            "garis diagonal menunjukkan rubrik menilai berbeda dari Anda: baca laporan itu dahulu.",
        },
        "cohort.agree.spearman": {"en": "Rank agreement", "id": "Kesesuaian peringkat"},
        "cohort.agree.spearman.what": {
            "en": "Spearman \u03c1: do you and the tool rank the answers alike?",
            "id": "Spearman \u03c1: apakah Anda dan alat mengurutkan jawaban dengan sama?",
        },
        "cohort.agree.kappa": {"en": "Band agreement", "id": "Kesesuaian kategori"},
        "cohort.agree.kappa.what": {
            "en": "Quadratic weighted \u03ba on the four bands (1 = the same bands).",
            "id": "\u03ba berbobot kuadratik pada empat kategori (1 = kategori sama).",
        },
        "cohort.agree.bias": {"en": "Tool minus you", "id": "Alat dikurangi Anda"},
        "cohort.agree.bias.what": {
            "en": "points on average; below 0, the tool is stricter than you.",
            "id": "poin rata-rata; di bawah 0, alat lebih ketat daripada Anda.",
        },
        "cohort.agree.level.strong": {"en": "strong", "id": "kuat"},
        "cohort.agree.level.moderate": {"en": "moderate", "id": "sedang"},
        "cohort.agree.level.weak": {"en": "weak", "id": "lemah"},
        "cohort.agree.undefined": {"en": "not enough spread to tell", "id": "sebaran belum cukup"},
        "cohort.agree.scatter": {
            "en": "Each dot is an answer: your score across, the tool\u2019s up.",
            "id": "Setiap titik adalah satu jawaban: skor Anda mendatar, skor alat tegak.",
        },
        "cohort.agree.axis.coach": {"en": "your score", "id": "skor Anda"},
        "cohort.agree.axis.tool": {"en": "tool", "id": "alat"},
        "cohort.agree.matrix": {
            "en": "Bands: yours (rows) \u00d7 the tool\u2019s (columns)",
            "id": "Kategori: milik Anda (baris) \u00d7 milik alat (kolom)",
        },
        "cohort.agree.biggest": {"en": "Biggest disagreements", "id": "Perbedaan terbesar"},
        "cohort.agree.diff": {
            "en": "you {coach} \u00b7 tool {tool}",
            "id": "Anda {coach} \u00b7 alat {tool}",
        },
        "cohort.students": {"en": "Students", "id": "Peserta"},
        "cohort.students.help": {
            "en": "Each student\u2019s answers (click a score to open the report) and average.",
            "id": "Jawaban tiap peserta (klik skor untuk membuka laporan) dan rata-ratanya.",
        },
        "cohort.answers": {"en": "All answers", "id": "Semua jawaban"},
        "cohort.answers.help": {
            "en": "Click a column heading to sort; click an answer\u2019s ID to open its report.",
            "id": "Klik judul kolom untuk mengurutkan; klik ID jawaban untuk membuka laporannya.",
        },
        "cohort.failed": {
            "en": "Records that could not be scored",
            "id": "Data yang tidak dapat dinilai",
        },
        "cohort.failed.help": {
            "en": "Fix these and run again; every other answer was scored. The same list is in errors.csv.",
            "id": "Perbaiki data ini lalu jalankan lagi; jawaban lain sudah dinilai. Daftar yang sama ada di errors.csv.",
        },
        "cohort.ignored": {
            "en": "Columns not used: {columns}.",
            "id": "Kolom yang tidak dipakai: {columns}.",
        },
        "cohort.files": {"en": "In this folder", "id": "Di folder ini"},
        "cohort.files.scores": {
            "en": "one row per answer, a column per criterion (opens in a spreadsheet)",
            "id": "satu baris per jawaban, satu kolom per kriteria (dibuka di spreadsheet)",
        },
        "cohort.files.results": {
            "en": "the full JSON report of every answer, one per line",
            "id": "laporan JSON lengkap setiap jawaban, satu per baris",
        },
        "cohort.files.errors": {
            "en": "the records that could not be scored",
            "id": "data yang tidak dapat dinilai",
        },
        "cohort.no_question": {"en": "(no question given)", "id": "(tanpa pertanyaan)"},
        "cohort.no_name": {"en": "(no name)", "id": "(tanpa nama)"},
        "cohort.no_id": {"en": "(no id)", "id": "(tanpa id)"},
        "cohort.empty": {
            "en": "No answer could be scored.",
            "id": "Tidak ada jawaban yang dapat dinilai.",
        },
        "cohort.sort": {"en": "Sort by {column}", "id": "Urutkan menurut {column}"},
        "cohort.footer": {
            "en": "Made by answer-check {version}. Rule-based and offline: the same answers always get the same scores.",
            "id": "Dibuat oleh answer-check {version}. Berbasis aturan dan luring: jawaban yang sama selalu mendapat skor yang sama.",
        },
    }
)
