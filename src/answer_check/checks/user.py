"""Check kinds of the User interview: job-description match, direct answers, definitions,
requirements mapped to experience."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from answer_check.checks import KindExample, Outcome, Param, register
from answer_check.checks.lexical import evidence, hits_of
from answer_check.i18n import add, quote_list, t
from answer_check.model import Evidence
from answer_check.star import find_actions

if TYPE_CHECKING:
    from answer_check.analysis import Analysis, Sentence

add(
    {
        "job.none": {
            "en": "No job description given (--job): not checked.",
            "id": "Deskripsi pekerjaan tidak diberikan (--job), jadi bagian ini tidak diperiksa.",
        },
        "job.empty": {
            "en": "No key terms found in the job description: not checked.",
            "id": "Tidak ada istilah kunci di deskripsi pekerjaan, jadi bagian ini tidak "
            "diperiksa.",
        },
        "job.found": {
            "en": "Covers {n} of the job's {total} key terms ({used} in what you did, {listed} only "
            "listed): {items}. Missing: {missing}.",
            "id": "Jawaban Anda memuat {n} dari {total} istilah kunci lowongan ({used} dalam cerita "
            "tentang pekerjaan Anda, {listed} hanya disebut): {items}. Belum ada: {missing}.",
        },
        "job.missing": {
            "en": "None of the job's {total} key terms, e.g. {missing}.",
            "id": "Belum ada satu pun dari {total} istilah kunci lowongan, misalnya {missing}.",
        },
        "direct.first": {
            "en": "Direct answer up front: {items}.",
            "id": "Jawaban langsung di awal: {items}.",
        },
        "direct.late": {
            "en": "The direct answer ({items}) comes late: say it in your first words.",
            "id": "Jawaban langsungnya ({items}) baru muncul belakangan: sampaikan di kata-kata "
            "pertama.",
        },
        "direct.none": {
            "en": "No direct answer ({expect}) found.",
            "id": "Belum ada jawaban langsung ({expect}).",
        },
        "direct.expect.number": {"en": "a number", "id": "angka"},
        "direct.expect.either": {"en": "yes, no or a number", "id": "ya, tidak, atau angka"},
        "direct.expect.yes_no": {"en": "yes or no", "id": "ya atau tidak"},
        "definition.found": {"en": "Definition: {items}.", "id": "Definisi: {items}."},
        "definition.late": {
            "en": "A definition ({items}) comes late: open with it.",
            "id": "Definisinya ({items}) baru muncul belakangan: buka jawaban Anda "
            "dengan definisi.",
        },
        "definition.none": {
            "en": "No definition ('X is a ...', 'X refers to ...').",
            "id": "Belum ada definisi ('X adalah ...', 'X merupakan ...').",
        },
        "mapping.found": {
            "en": "{n} requirement(s) tied to your own experience: {items}.",
            "id": "{n} persyaratan posisi dikaitkan dengan pengalaman Anda: {items}.",
        },
        "mapping.none": {
            "en": "No requirement of the role tied to your own experience.",
            "id": "Belum ada persyaratan posisi yang dikaitkan dengan pengalaman Anda.",
        },
    }
)


# ---------------------------------------------------------------------------- job_match


@register(
    "job_match",
    params=(
        Param(
            "min_share",
            "float",
            0.3,
            min=0.05,
            max=1,
            doc="weighted share of the job's key terms for the full score",
        ),
        Param(
            "listed_weight",
            "float",
            0.3,
            min=0,
            max=1,
            doc="credit for a term only listed, not used in a sentence about your actions",
        ),
    ),
    examples=(
        KindExample(
            "pass",
            "I cleaned the sales data with Python and built the dashboard in "
            "Tableau; I also wrote the SQL myself.",
            {},
            job="Requirements\n- Python\n- SQL\n- Tableau\n- Excel",
        ),
        KindExample(
            "fail",
            "Skills: Python, SQL, Tableau, Excel.",
            {"listed_weight": 0.1},
            job="Requirements\n- Python\n- SQL\n- Tableau\n- Excel\n- Airflow"
            "\n- Power BI\n- dbt\n- Looker\n- Spark\n- Kafka",
        ),
        KindExample(
            "fail",
            "I enjoy working with people and solving problems.",
            {},
            job="Requirements\n- Python\n- SQL\n- Tableau",
        ),
    ),
)
def job_match(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit for the job description's key terms the answer covers, less for bare lists."""
    if not analysis.job_text:
        return Outcome(0.0, (), "job.none", skipped=True)
    terms = analysis.job_terms
    if not terms:
        return Outcome(0.0, (), "job.empty", skipped=True)
    total = sum(t.weight for t in terms)
    need = params["min_share"] * total
    used_share = sum(t.weight for t in terms if t.covered and not t.listed_only) / need
    listed_share = sum(t.weight for t in terms if t.listed_only) / need
    # Bare mentions earn listed_weight each, and together never more than listed_weight.
    listed_credit = min(params["listed_weight"], params["listed_weight"] * listed_share)
    covered = [t for t in terms if t.covered]
    missing = [t.term for t in terms if not t.covered and t.required] or [
        t.term for t in terms if not t.covered
    ]
    lang = analysis.lang
    missing_text = quote_list(missing, lang) if missing else "\u2014"
    if not covered:
        return Outcome(0.0, (), "job.missing", {"total": len(terms), "missing": missing_text})
    ev = tuple(sorted((e for t in covered for e in t.evidence), key=lambda e: (e.start, e.end)))
    used = sum(1 for t in covered if not t.listed_only)
    return Outcome(
        min(1.0, used_share + listed_credit),
        ev,
        "job.found",
        {
            "n": len(covered),
            "total": len(terms),
            "used": used,
            "listed": len(covered) - used,
            "items": quote_list([t.term for t in covered], lang),
            "missing": missing_text,
        },
    )


# ---------------------------------------------------------------------------- direct answer

_NUMBER_QUESTION = re.compile(r"\b(how (many|much|long|often)|berapa)\b", re.IGNORECASE)


@register(
    "direct_answer_first",
    params=(
        Param("lexicons", "str_list", ("direct_answers",), doc="yes/no answer cues"),
        Param("terms", "str_list", ()),
        Param("words", "int", 12, min=3, doc="the answer must come within this many words"),
        Param(
            "expect",
            "str",
            "auto",
            choices=("auto", "either", "yes_no", "number"),
            doc="auto: a number for 'how many/much/long', else yes/no or a number",
        ),
    ),
    examples=(
        KindExample(
            "pass",
            "Yes, I have used Tableau for three years, mostly for sales reports.",
            {},
            question="Have you used Tableau?",
        ),
        KindExample(
            "pass",
            "Four years. I started with Excel models and moved to Python.",
            {},
            question="How many years of Python do you have?",
        ),
        KindExample(
            "fail",
            "Well, that is a good question, and it depends on the project, "
            "but in general I would say that I like it.",
            {},
            question="Have you used Tableau?",
        ),
    ),
)
def direct_answer_first(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit when the first words give the direct answer (yes, no, a number), as a closed
    question asks."""
    expect = params["expect"]
    if expect == "auto":
        expect = (
            "number"
            if analysis.question and _NUMBER_QUESTION.search(analysis.question)
            else "either"
        )
    cues: list[Evidence] = []
    if expect in ("either", "yes_no"):
        kept, _ = hits_of(analysis, params, negation=False)
        cues += evidence(kept)
    if expect in ("either", "number"):
        cues += [
            Evidence(q.start, q.end, q.text, f"quantity: {q.kind}")
            for q in analysis.quantities
            if q.kind != "year"
        ]
    lang = analysis.lang
    if not cues or not analysis.sentences:
        return Outcome(0.0, (), "direct.none", {"expect": _expect_text(expect, lang)})
    cues.sort(key=lambda e: (e.start, e.end))
    first = cues[0]
    # Words (letters or a number) of the tokens that start before the first cue.
    flags = analysis.lexeme_flags
    view = analysis.view
    words_before = sum(
        1
        for text in view.texts[: bisect_left(view.starts, first.start)]
        if flags[text].is_alpha or flags[text].like_num
    )
    first_sentence_end = analysis.sentences[0].end
    items = quote_list([first.text], lang)
    if words_before < params["words"]:
        return Outcome(1.0, (first,), "direct.first", {"items": items})
    score = 0.5 if first.start < first_sentence_end else 0.25
    return Outcome(score, (first,), "direct.late", {"items": items})


def _expect_text(expect: str, lang: str) -> str:
    return t(f"direct.expect.{expect}", lang)


# ---------------------------------------------------------------------------- definition

_PRONOUNS = frozenset(
    {
        "it",
        "this",
        "that",
        "there",
        "i",
        "we",
        "you",
        "they",
        "he",
        "she",
        "ini",
        "itu",
        "saya",
        "kami",
        "kita",
        "anda",
        "mereka",
        "dia",
    }
)
_DEF_AFTER_BE = frozenset(
    {"a", "an", "the", "basically", "simply", "essentially", "when", "how", "where"}
)
_DEF_SUBJECT_MAX = 6
# Indonesian has no articles: "<subject> adalah/merupakan/ialah/yaitu ..." is the definition
# shape. A subject with a person in it ("Tugas saya adalah ...") or a cleft or discourse
# opening ("Yang penting adalah ...", "Menurut saya ...") is no definition.
_ID_COPULAS = frozenset({"adalah", "merupakan", "ialah", "yaitu", "yakni"})
_ID_PERSONS = frozenset(
    {"saya", "aku", "gue", "gw", "kami", "kita", "anda", "kamu", "dia", "mereka", "beliau"}
)
_ID_NOT_SUBJECT_START = frozenset(
    {
        "yang",
        "menurut",
        "jadi",
        "nah",
        "kalau",
        "kalo",
        "jika",
        "apabila",
        "karena",
        "hal",
        "salah",
        "satu",
        "alasan",
        "tujuan",
        "tugas",
        "masalahnya",
        "intinya",
        "pokoknya",
    }
)


@register(
    "definition",
    params=(
        Param(
            "lexicons",
            "str_list",
            ("definition_markers",),
            doc="definition phrases ('refers to', 'is defined as')",
        ),
        Param("terms", "str_list", ()),
        Param("within", "int", 2, min=1, doc="the definition should come in these first sentences"),
    ),
    examples=(
        KindExample(
            "pass",
            "A database index is a data structure that lets the database find "
            "rows without scanning the whole table.",
            {},
        ),
        KindExample(
            "pass", "Churn refers to the share of customers who stop paying in a period.", {}
        ),
        KindExample("fail", "It is a good question. I used indexes a lot in my last job.", {}),
    ),
)
def definition(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit for defining the concept ('X is a ...', 'X refers to ...'), best in the opening."""
    found = list(evidence(hits_of(analysis, params, negation=False)[0]))
    found += _is_a_definitions(analysis)
    lang = analysis.lang
    if not found:
        return Outcome(0.0, (), "definition.none")
    found.sort(key=lambda e: (e.start, e.end))
    first = found[0]
    sent = next((s.index for s in analysis.sentences if s.start <= first.start < s.end), 0)
    items = quote_list([first.text], lang)
    if sent < params["within"]:
        return Outcome(1.0, (first,), "definition.found", {"items": items})
    return Outcome(0.6, (first,), "definition.late", {"items": items})


def _is_a_definitions(analysis: Analysis) -> list[Evidence]:
    """'<subject of 1-6 words> is a/an/the ...' at a sentence start, subject not a pronoun."""
    if analysis.lang == "id":
        return _adalah_definitions(analysis)
    out = []
    view = analysis.view
    texts, norms, starts, ends = view.texts, view.norms, view.starts, view.ends
    flags = analysis.lexeme_flags
    for sent in analysis.sentences:
        toks = _sentence_words(analysis, sent)
        for j, tok in enumerate(toks[1 : _DEF_SUBJECT_MAX + 1], start=1):
            if flags[texts[tok]].is_punct and texts[tok] not in ("-", "/"):
                break
            if (
                norms[tok] == "be"
                and texts[tok].lower() not in ("'s",)
                and j + 1 < len(toks)
                and texts[toks[j + 1]].lower() in _DEF_AFTER_BE
            ):
                if texts[toks[0]].lower() in _PRONOUNS:
                    break
                start, end = starts[toks[0]], ends[toks[j + 1]]
                out.append(Evidence(start, end, analysis.text[start:end], "definition: X is a"))
                break
    return out


def _adalah_definitions(analysis: Analysis) -> list[Evidence]:
    """Indonesian: '<subject of 1-6 words> adalah/merupakan/ialah/yaitu ...' at a sentence
    start, the subject neither a pronoun nor holding a person ('Tugas saya adalah ...')."""
    out = []
    view = analysis.view
    texts, starts, ends = view.texts, view.starts, view.ends
    flags = analysis.lexeme_flags
    for sent in analysis.sentences:
        toks = _sentence_words(analysis, sent)
        if not toks:
            continue
        first = texts[toks[0]].lower()
        if first in _PRONOUNS or first in _ID_NOT_SUBJECT_START:
            continue
        for j, tok in enumerate(toks[1 : _DEF_SUBJECT_MAX + 1], start=1):
            low = texts[tok].lower()
            if (
                low == ","
                and j + 1 < len(toks)
                and texts[toks[j + 1]].lower() in ("yaitu", "yakni")
            ):
                continue  # "Churn, yaitu ..."
            if (flags[texts[tok]].is_punct and texts[tok] not in ("-", "/")) or low in _ID_PERSONS:
                break
            if low in _ID_COPULAS and j + 1 < len(toks) and flags[texts[toks[j + 1]]].is_alpha:
                start, end = starts[toks[0]], ends[tok]
                out.append(Evidence(start, end, analysis.text[start:end], "definition: X adalah"))
                break
    return out


def _sentence_words(analysis: Analysis, sent: Sentence) -> list[int]:
    """The positions of a sentence's tokens that are not whitespace."""
    texts, flags = analysis.view.texts, analysis.lexeme_flags
    return [i for i in range(sent.tok_start, sent.tok_end) if not flags[texts[i]].is_space]


# ---------------------------------------------------------------------------- requirement map


@register(
    "requirement_mapping",
    params=(
        Param(
            "lexicons",
            "str_list",
            ("requirement_refs",),
            doc="references to the role's needs ('the role needs', 'you are looking for')",
        ),
        Param("terms", "str_list", ()),
        Param("min", "int", 3, min=1, doc="requirements mapped for the full score"),
    ),
    examples=(
        KindExample(
            "pass",
            "The role needs SQL: I wrote our reporting queries for two years. "
            "You also ask for stakeholder management, and I ran the weekly review with "
            "sales. The posting mentions forecasting; I built our demand model.",
            {},
        ),
        KindExample("fail", "I am a hard worker and a fast learner, and I think I fit well.", {}),
    ),
)
def requirement_mapping(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit for each requirement of the role tied to the candidate's own experience: a
    reference to the role ('the role needs', or a job-description term) with an action of
    the speaker in the same or the next sentence."""
    refs, _ = hits_of(analysis, params, negation=False)
    action_sents = {a.sentence for a in find_actions(analysis) if a.owner in ("i", "we")}
    mapped: dict[int, Evidence] = {}
    for h in refs:
        sent = analysis.sentence_of(h.tok_start)
        if sent in action_sents or sent + 1 in action_sents:
            mapped.setdefault(sent, Evidence(h.start, h.end, h.text, f"{h.source}: {h.term}"))
    for term in analysis.job_terms:
        for ev in term.evidence:
            tok = analysis.doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if tok is not None and not term.listed_only:
                sent = analysis.sentence_of(tok.start)
                mapped.setdefault(sent, ev)
    if not mapped:
        return Outcome(0.0, (), "mapping.none")
    found = tuple(sorted(mapped.values(), key=lambda e: e.start))
    return Outcome(
        len(mapped) / params["min"],
        found,
        "mapping.found",
        {"n": len(mapped), "items": quote_list([e.text for e in found], analysis.lang)},
    )
