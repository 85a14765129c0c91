"""An Indonesian answer gets an Indonesian report: no English left in the interface text."""

from __future__ import annotations

import re
import tomllib
from html.parser import HTMLParser

import pytest

from answer_check.model import ScoreCard
from answer_check.render import get_renderer
from answer_check.rubric import find_rubric
from answer_check.scoring import Request, score

from conftest import DATA

ANSWER = (
    "Tahun lalu, ketika saya bekerja sebagai admin keuangan di sebuah perusahaan distribusi, "
    "kantor pajak meminta dokumen PPN kami dalam lima hari. Tugas saya adalah mengumpulkan "
    "300 faktur. Hasilnya, kantor pajak menerimanya tanpa koreksi. Pertama, saya membuat "
    "checklist di Excel, eh, dan kami meminta admin cabang memindai berkasnya, dll."
)
QUESTION = "Ceritakan pengalaman Anda saat harus mengejar tenggat waktu yang ketat."
TECH_ANSWER = "Biasanya saya pakai beberapa tools, terus saya bikin report, dll."
TECH_QUESTION = "Bagaimana Anda membangun data pipeline terakhir Anda?"

# English interface words that must not show in an Indonesian report.
ENGLISH_UI = (
    "score",
    "band",
    "excellent",
    "strong",
    "developing",
    "needs",
    "work",
    "criteria",
    "criterion",
    "evidence",
    "rule",
    "checks",
    "why",
    "matters",
    "improve",
    "fix",
    "next",
    "answer",
    "your",
    "legend",
    "costs",
    "points",
    "pts",
    "weight",
    "words",
    "spoken",
    "about",
    "question",
    "type",
    "detected",
    "language",
    "english",
    "indonesian",
    "met",
    "partly",
    "missing",
    "found",
    "none",
    "not",
    "situation",
    "task",
    "action",
    "result",
    "reflection",
    "cue",
    "notes",
    "scored",
    "offline",
    "rule-based",
    "same",
    "the",
    "and",
    "with",
    "of",
    "to",
    "is",
    "behavioral",
    "technical",
    "practice",
    "interview",
    "feedback",
    "what",
    "we",
    "highlights",
    "hover",
    "map",
    "story",
    "order",
    "length",
    "fillers",
    # words of the HR rubrics' English texts and check messages
    "strength",
    "weakness",
    "present",
    "past",
    "future",
    "goals",
    "career",
    "steps",
    "progress",
    "figures",
    "concise",
    "relevance",
    "approach",
    "fallback",
    "reasons",
    "people",
    "outcome",
    "traits",
    "claim",
    "claimed",
    "shown",
    "negative",
    "talk",
    "asked",
    "contribute",
    "flattery",
    "salary",
    "horizon",
    "disguised",
    "real",
    "plan",
    "planned",
    "would",
    "parts",
    "told",
    "professional",
    "backed",
    "example",
    "concrete",
    "figure",
    "remark",
    "employer",
    "boss",
    "colleague",
    "responsibilities",
    "achievements",
    "dates",
    "roles",
    "explanation",
    "communicated",
    "disagreement",
    "handled",
    "contribution",
)


class _Visible(HTMLParser):
    """Collects the page's visible text nodes, leaving out <code>, <style> and <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("code", "style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.nodes.append(data)


def _card(answer: str, question: str, stage: str, qtype: str) -> ScoreCard:
    return score(
        Request(text=answer, stage=stage, question=question, rubric=find_rubric(stage, qtype))
    )


def _english_left(text: str) -> list[str]:
    text = re.sub(r"\S*[._/#]\w\S*", " ", text)  # identifiers: answer-check, hr.behavioral
    text = re.sub(r"\u201c[^\u201d]*\u201d", " ", text)  # quoted words from the answer
    words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]*", text)}
    return sorted(words & set(ENGLISH_UI))


def _interface_text(html: str, card: ScoreCard) -> str:
    parser = _Visible()
    parser.feed(html)
    own = card.answer + " " + (card.question.text or "")
    # text nodes taken from the answer or the question (highlights, STAR sentences, cues)
    kept = [n for n in parser.nodes if n.strip() not in own]
    return "\n".join(kept).replace("answer\n-check", "answer-check")  # the brand


def _answer_set_cases() -> list[object]:
    """The first strong and the first weak Indonesian answer of every HR answer set."""
    cases: list[object] = []
    for path in sorted((DATA / "answers").glob("hr.*.toml")):
        qtype = path.stem.split(".", 1)[1]
        answers = tomllib.loads(path.read_text(encoding="utf-8"))["answers"]
        for quality in ("strong", "weak"):
            a = next(a for a in answers if a.get("lang") == "id" and a["quality"] == quality)
            cases.append(
                pytest.param(a["text"], a["question"], "hr", qtype, id=f"{path.stem}-{quality}")
            )
    return cases


CASES = [
    pytest.param(ANSWER, QUESTION, "hr", "behavioral", id="hr.behavioral"),
    pytest.param(
        TECH_ANSWER, TECH_QUESTION, "user", "technical_practice", id="user.technical_practice"
    ),
    *_answer_set_cases(),
]


@pytest.mark.parametrize(("answer", "question", "stage", "qtype"), CASES)
def test_indonesian_html_report_has_no_english_interface_text(
    answer: str, question: str, stage: str, qtype: str
) -> None:
    card = _card(answer, question, stage, qtype)
    assert (card.lang, card.report_lang) == ("id", "id")
    html = get_renderer("html").render(card)
    assert '<html lang="id">' in html
    text = _interface_text(html, card)
    assert "Umpan balik jawaban wawancara" in text
    assert _english_left(text) == []


@pytest.mark.parametrize(("answer", "question", "stage", "qtype"), CASES)
def test_indonesian_text_report_has_no_english_interface_text(
    answer: str, question: str, stage: str, qtype: str
) -> None:
    card = _card(answer, question, stage, qtype)
    text = get_renderer("text").render(card)
    text = text.replace(question, " ")
    assert "Skor:" in text
    assert _english_left(text) == []


def test_indonesian_decimals_use_a_comma() -> None:
    card = _card(ANSWER, QUESTION, "hr", "behavioral")
    text = get_renderer("text").render(card)
    assert re.search(r"\d,\d/\s*\d+,\d", text)
    html = get_renderer("html").render(card)
    assert re.search(r"<b>\d+,\d</b> / \d+,\d poin", html)


def test_report_lang_can_override_the_answer_language() -> None:
    card = score(
        Request(
            text=ANSWER,
            stage="hr",
            question=QUESTION,
            report_lang="en",
            rubric=find_rubric("hr", "behavioral"),
        )
    )
    assert (card.lang, card.report_lang) == ("id", "en")
    text = get_renderer("text").render(card)
    assert "Score:" in text and "Indonesian" in text


# Every User rubric, with an Indonesian job description (--job): the job section, the User
# check messages and the rubric texts are Indonesian too.
USER_ENGLISH_UI = (
    *ENGLISH_UI,
    "covered",
    "listed",
    "only",
    "nice",
    "have",
    "job",
    "description",
    "match",
    "key",
    "terms",
    "definition",
    "direct",
    "requirement",
    "requirements",
    "mapped",
    "tied",
    "experience",
    "own",
    "comes",
    "late",
    "first",
    "open",
    "insight",
    "product",
    "closed",
    "fit",
    "theory",
    "named",
    "tools",
    "figures",
    "hedges",
    "vagueness",
    "concise",
    "observation",
    "impact",
    "suggestion",
    "reason",
    "measure",
    "generic",
    "praise",
    "outcome",
    "obstacles",
    "steps",
    "example",
    "given",
    "checked",
    "missing",
    "covers",
    "none",
)
JOB = "staf_akuntansi_id.txt"
USER_CASES = [
    pytest.param(
        "Ya, tiga tahun. Di kantor lama saya menutup buku setiap bulan di Accurate dan "
        "saya membuat rekonsiliasi bank untuk 8 rekening. Keahlian lain: PSAK, PPN.",
        "Apakah Anda pernah memakai Accurate?",
        "closed",
        id="user.closed",
    ),
    pytest.param(
        "Rekonsiliasi bank adalah proses mencocokkan saldo buku besar dengan rekening "
        "koran. Cara kerjanya, pertama saya mencocokkan setiap transaksi, lalu selisihnya "
        "dicatat sebagai jurnal penyesuaian. Misalnya, selisihnya Rp120 juta, dll.",
        "Apa itu rekonsiliasi bank?",
        "technical_theory",
        id="user.technical_theory",
    ),
    pytest.param(
        "Aplikasinya sudah bagus. Waktu saya mencoba fitur e-Faktur, saya harus mengisi "
        "NPWP tiga kali. Saran saya, isi otomatis saja.",
        "Apa pendapat Anda tentang aplikasi akuntansi kami?",
        "product_insight",
        id="user.product_insight",
    ),
    pytest.param(
        "Posisi ini membutuhkan tutup buku bulanan, dan saya menutup buku di Accurate "
        "selama tiga tahun. Saya rasa saya cocok, karena saya teliti.",
        "Mengapa Anda cocok untuk posisi staf akuntansi ini?",
        "job_fit",
        id="user.job_fit",
    ),
    pytest.param(
        "Pertama, saya mencatat semua jurnal umum di Accurate, lalu saya membuat "
        "rekonsiliasi bank. Kendalanya, data cabang sering terlambat.",
        "Bagaimana Anda melakukan tutup buku bulanan?",
        "technical_practice",
        id="user.technical_practice",
    ),
]


def _user_card(answer: str, question: str, qtype: str) -> ScoreCard:
    from conftest import DATA

    job = (DATA / "jobs" / JOB).read_text(encoding="utf-8")
    card = score(
        Request(
            text=answer,
            stage="user",
            question=question,
            job_text=job,
            rubric=find_rubric("user", qtype),
        )
    )
    assert (card.lang, card.report_lang) == ("id", "id")
    assert card.job
    return card


def _english_left_user(text: str) -> list[str]:
    text = re.sub(r"--\w+", " ", text)  # option names: --job
    text = re.sub(r"\S*[._/#]\w\S*", " ", text)
    text = re.sub(r"\u201c[^\u201d]*\u201d", " ", text)
    words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]*", text)}
    return sorted(words & set(USER_ENGLISH_UI))


@pytest.mark.parametrize(("answer", "question", "qtype"), USER_CASES)
def test_indonesian_user_html_report_with_a_job(answer: str, question: str, qtype: str) -> None:
    card = _user_card(answer, question, qtype)
    html = get_renderer("html").render(card)
    text = _interface_text(html, card)
    assert "Kecocokan dengan deskripsi pekerjaan" in text
    assert "istilah kunci tercakup" in text
    for crit in card.criteria:
        assert crit.title in text  # the rubric's Indonesian titles
    assert _english_left_user(text) == []


@pytest.mark.parametrize(("answer", "question", "qtype"), USER_CASES)
def test_indonesian_user_text_report_with_a_job(answer: str, question: str, qtype: str) -> None:
    card = _user_card(answer, question, qtype)
    text = get_renderer("text").render(card).replace(question, " ")
    assert "Skor:" in text
    assert _english_left_user(text) == []
