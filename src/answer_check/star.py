"""Sentence-level STAR tagging: Situation, Task, Action, Result, Reflection, with cues.

Cues come from word lists (``star_situation``, ``star_task``, ``star_result``,
``star_reflection``); an *action* is a verb from ``action_verbs`` whose subject, within a
few words before it, is the speaker (``subject_singular``, "I") or the team
(``subject_plural``, "we"). Negated cues ("we did not meet the deadline") do not count.
Each sentence takes the label with the most weight; ties go to the more specific label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from answer_check.model import Evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from answer_check.analysis import Analysis
    from answer_check.lexicons import Hit

LABELS = ("situation", "task", "action", "result", "reflection")
CUE_LISTS = {
    "situation": "star_situation",
    "task": "star_task",
    "result": "star_result",
    "reflection": "star_reflection",
}
# How much one cue weighs toward a sentence's label, and the tie-break order.
WEIGHTS = {"situation": 1.0, "task": 1.5, "action": 1.2, "result": 1.5, "reflection": 2.0}
PRIORITY = ("reflection", "result", "task", "action", "situation")
SUBJECT_WINDOW = 4
# Words between a subject and a verb that show the verb is really an object noun
# ("I wrote an email"): the look-back for a subject stops at them.
DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "some",
        "every",
        "each",
        "any",
        "sebuah",
        "seorang",
        "para",
    ]
)


@dataclass(frozen=True)
class ActionHit:
    """An action verb with its subject: 'i' (the speaker) or 'we' (the team).

    ``mode`` is "done" for a told action ("I called"), "habit" for a habit ("I usually
    call") and "hypothetical" for a plan ("I would call").
    """

    evidence: Evidence
    owner: str
    sentence: int
    mode: str = "done"


# Words between a subject and its verb that make the action a habit or a plan.
HABIT_WORDS = frozenset(
    [
        "always",
        "usually",
        "often",
        "generally",
        "normally",
        "typically",
        "tend",
        "try",
        "sometimes",
        "biasanya",
        "selalu",
        "sering",
        "umumnya",
        "cenderung",
        "mencoba",
        "coba",
    ]
)
MODAL_WORDS = frozenset(
    [
        "would",
        "will",
        "'d",
        "'ll",
        "shall",
        "can",
        "could",
        "should",
        "might",
        "must",
        "may",
        "going",
        "akan",
        "bakal",
        "bisa",
        "dapat",
        "harus",
        "mau",
        "ingin",
        "perlu",
    ]
)


@dataclass(frozen=True)
class StarMap:
    """STAR components of an answer: every cue per component and a label per sentence."""

    components: dict[str, tuple[Evidence, ...]]
    sentence_labels: tuple[tuple[int, str, Evidence | None], ...]
    actions: tuple[ActionHit, ...]

    def first(self, label: str) -> int | None:
        for index, lab, _cue in self.sentence_labels:
            if lab == label:
                return index
        return None

    @property
    def order_ok(self) -> bool | None:
        """False when a result is told before any action; None when it cannot be judged."""
        action, result = self.first("action"), self.first("result")
        if action is None or result is None:
            return None
        return result > action


def _evidence(hit: Hit, rule: str) -> Evidence:
    return Evidence(hit.start, hit.end, hit.text, f"{rule}: {hit.term}")


def find_actions(analysis: Analysis) -> list[ActionHit]:
    """Action verbs with a first-person subject shortly before them in the same clause."""
    doc = analysis.doc
    singular = {h.tok_start for h in analysis.hits(("subject_singular",))}
    plural = {h.tok_start for h in analysis.hits(("subject_plural",))}
    verbs = analysis.hits(("action_verbs",))
    verb_tokens = {i for h in verbs for i in range(h.tok_start, h.tok_end)}
    indonesian = analysis.lang == "id"
    out: list[ActionHit] = []
    last_owner: dict[int, tuple[str, str]] = {}
    for hit in verbs:
        if analysis.negated(hit):
            continue
        sent = analysis.sentence_of(hit.tok_start)
        owner = None
        mode = "done"
        if hit.tok_start and doc[hit.tok_start - 1].lower_ == "to":
            mode = "hypothetical"  # "I learned to plan", "I wanted to call": an aim, not a deed
        for i in range(hit.tok_start - 1, max(-1, hit.tok_start - 1 - SUBJECT_WINDOW), -1):
            if analysis.sentence_of(i) != sent or (doc[i].is_punct and doc[i].text != "'"):
                break
            if doc[i].lower_ in DETERMINERS or i in verb_tokens:
                break
            if indonesian and _blocks_subject_id(doc, i):
                break
            word = doc[i].norm_
            if analysis.lang == "en" and word in PASSIVE_AUX and _participle(doc, hit.tok_start):
                break  # "I was told to ...": done to the speaker, not by them
            if word in HABIT_WORDS or doc[i].lower_ in HABIT_WORDS:
                mode = "habit"
            elif mode == "done" and (word in MODAL_WORDS or doc[i].lower_ in MODAL_WORDS):
                mode = "hypothetical"
            if i in singular or i in plural:
                if indonesian and not _subject_id(analysis, i, hit.tok_start):
                    break
                owner = "i" if i in singular else "we"
                break
        if owner is None and sent in last_owner and _coordinated(doc, hit.tok_start):
            owner, mode = last_owner[sent]
        if owner is not None:
            last_owner[sent] = (owner, mode)
            out.append(ActionHit(_evidence(hit, "action_verbs"), owner, sent, mode))
    return out


# "I was told", "I got promoted": a form of these before a participle makes the verb passive.
PASSIVE_AUX = frozenset({"be", "get"})


def _participle(doc: Doc, tok: int) -> bool:
    """An English verb form that is not the base form or the -ing form ("told", "asked")."""
    token = doc[tok]
    low = token.lower_
    return low != token.norm_ and not low.endswith(("ing", "s"))


def is_goal(analysis: Analysis, hit: Hit, task_starts: dict[int, int]) -> bool:
    """A result cue stated as an aim (after a task cue in its sentence, or after 'to') or as
    a point in time ('until it finished')."""
    sent = analysis.sentence_of(hit.tok_start)
    if sent in task_starts and task_starts[sent] < hit.tok_start:
        return True
    window = analysis.doc[max(0, hit.tok_start - 2) : hit.tok_start]
    if any(tok.norm_ in PURPOSE for tok in window):
        return True
    # "this would improve sales", "it can help resolve conflict": a hope or a general
    # statement, not an outcome that happened.
    if any(tok.lower_ in UNREAL_BEFORE_RESULT for tok in window):
        return True
    wider = analysis.doc[max(0, hit.tok_start - 3) : hit.tok_start]
    return any(tok.lower_ in TIME_CLAUSE for tok in wider)


def echoes_question(analysis: Analysis, hit: Hit) -> bool:
    """A result word in the opening sentence that only repeats the question's own words.

    "A time when I improved a process was ..." restates "a time when you improved a
    process": it names the topic, not an outcome.
    """
    if not analysis.question or analysis.sentence_of(hit.tok_start) != 0:
        return False
    words = {analysis.doc[i].norm_ for i in range(hit.tok_start, hit.tok_end)}
    return words <= analysis.question_norms


# Words right before a result cue that make it a possibility, not an outcome (English).
UNREAL_BEFORE_RESULT = frozenset(
    (
        "can",
        "could",
        "will",
        "would",
        "should",
        "might",
        "may",
        "must",
        "help",
        "helps",
        "'ll",
        "'d",
    )
)

# Words that turn a following result verb into a purpose ("to reduce costs").
PURPOSE = frozenset({"to", "untuk", "agar", "supaya", "demi"})
# Words that make a following result cue a point in time, not an outcome ("waited until
# the campaign finished", "menunggu sampai kampanye selesai").
TIME_CLAUSE = frozenset({"until", "till", "sampai", "hingga", "sebelum"})


def _coordinated(doc: Doc, tok: int) -> bool:
    """The verb at ``tok`` follows 'and'/'then' or a list comma (one adverb may stand between)."""
    for i in (tok - 1, tok - 2):
        if i < 0:
            return False
        if doc[i].lower_ in COORDINATORS:
            return True
        if not (doc[i].lower_.endswith("ly") or doc[i].lower_ in ADVERBS_ID):
            return False
    return False


COORDINATORS = frozenset({"and", "then", ",", "dan", "lalu", "kemudian", "serta", "terus", "trus"})
# Indonesian adverbs that may stand between a coordinator and its verb ("lalu langsung menelepon").
ADVERBS_ID = frozenset("langsung segera juga pun sendiri kembali lagi akhirnya".split())  # noqa: SIM905

# Indonesian: words after which "saya"/"kami" still opens a clause as its subject
# ("Lalu saya menelepon", "Laporan itu saya kirim", "klien yang saya hubungi"). After any
# other word the pronoun is a possessive or an object ("Atasan saya meminta",
# "meminta saya membuat"), unless the verb is the bare root of the object-focus form
# ("Semua vendor saya telepon").
SUBJECT_LEADS_ID = frozenset(
    """
    dan lalu kemudian terus trus jadi maka akhirnya setelah sesudah sebelum sebelumnya
    ketika saat waktu sewaktu selama karena sehingga tapi tetapi namun itu ini tersebut pun
    juga yang kali pertama kedua ketiga selanjutnya berikutnya langsung segera awalnya
    untungnya situ sana sini mana bahwa agar supaya kalau jika bila apabila sedangkan
    sementara serta atau maupun hingga sampai sejak dulu kemarin tadi sekarang kini nah
    oke ya sih eh lalu habis abis akhir pagi siang sore malam sendiri
    """.split()  # noqa: SIM905
)
# Indonesian words between a pronoun and a candidate verb that show the candidate is a
# noun ("Saya belajar bahwa komunikasi ...", "saya ikut pelatihan negosiasi").
NOUN_CONTEXT_ID = frozenset(
    """
    bahwa di ke dari pada dengan untuk tentang dalam oleh kepada bagi terhadap soal
    semua setiap beberapa banyak sebuah suatu satu seluruh para
    belajar punya suka ikut ada adalah merupakan tahu paham
    """.split()  # noqa: SIM905
)
# Affixed verbs that introduce another verb rather than take a noun ("saya berhasil meyakinkan").
_AUX_ID = frozenset("berhasil sempat bersama menjadi terus".split())  # noqa: SIM905


def _affixed(word: str, norm: str) -> bool:
    return word != norm and word.startswith(("me", "ber", "ter", "di", "pe"))


def _blocks_subject_id(doc: Doc, i: int) -> bool:
    """An Indonesian word between subject and candidate verb that makes the candidate a noun."""
    tok = doc[i]
    low = tok.lower_
    if low in NOUN_CONTEXT_ID:
        return True
    return _affixed(low, tok.norm_) and low not in _AUX_ID


def _subject_id(analysis: Analysis, pron: int, verb: int) -> bool:
    """Whether the Indonesian pronoun at ``pron`` is the subject of the verb at ``verb``."""
    doc = analysis.doc
    prev = pron - 1
    if prev < 0 or analysis.sentence_of(prev) != analysis.sentence_of(pron):
        return True
    before = doc[prev]
    if before.lower_ in PREPOSITIONS_ID:
        return False  # "menurut saya", "bagi kami": the pronoun is an object
    if before.is_punct or before.lower_ in SUBJECT_LEADS_ID or before.like_num:
        return True
    # After a noun: only the object-focus form, a bare root right after the pronoun.
    if any(doc[i].lower_ == "yang" for i in range(pron + 1, verb)):
        return False  # "Manajer saya yang bicara"
    return not _affixed(doc[verb].lower_, doc[verb].norm_)


PREPOSITIONS_ID = frozenset(
    """menurut bagi buat untuk dari oleh kepada dengan sama ke pada tentang terhadap seperti
    kayak daripada""".split()  # noqa: SIM905
)


def tag_star(analysis: Analysis) -> StarMap:
    """Tag every sentence and collect the cues of each component."""
    per_sentence: dict[int, dict[str, list[Evidence]]] = {}
    components: dict[str, list[Evidence]] = {label: [] for label in LABELS}
    task_starts: dict[int, int] = {}
    for hit in analysis.hits((CUE_LISTS["task"],)):
        sent = analysis.sentence_of(hit.tok_start)
        task_starts[sent] = min(task_starts.get(sent, hit.tok_start), hit.tok_start)
    for label, lexicon in CUE_LISTS.items():
        for hit in analysis.hits((lexicon,)):
            if analysis.negated(hit):
                continue
            if label == "result" and (
                is_goal(analysis, hit, task_starts) or echoes_question(analysis, hit)
            ):
                continue
            ev = _evidence(hit, lexicon)
            components[label].append(ev)
            sent = analysis.sentence_of(hit.tok_start)
            per_sentence.setdefault(sent, {}).setdefault(label, []).append(ev)
    actions = [a for a in find_actions(analysis) if a.mode == "done"]
    for action in actions:
        components["action"].append(action.evidence)
        per_sentence.setdefault(action.sentence, {}).setdefault("action", []).append(
            action.evidence
        )
    labels: list[tuple[int, str, Evidence | None]] = []
    for sentence in analysis.sentences:
        cues = per_sentence.get(sentence.index, {})
        if not cues:
            labels.append((sentence.index, "none", None))
            continue
        best = max(
            PRIORITY, key=lambda lab: (len(cues.get(lab, ())) * WEIGHTS[lab], -PRIORITY.index(lab))
        )
        labels.append((sentence.index, best, cues[best][0]))
    return StarMap(
        components={
            k: tuple(sorted(v, key=lambda e: (e.start, e.end))) for k, v in components.items()
        },
        sentence_labels=tuple(labels),
        actions=tuple(actions),
    )
