"""Sentence-level STAR tagging: Situation, Task, Action, Result, Reflection, with cues.

Cues come from word lists (``star_situation``, ``star_task``, ``star_result``,
``star_reflection``); an *action* is a verb from ``action_verbs`` whose subject, within a
few words before it, is the speaker (``subject_singular``, "I") or the team
(``subject_plural``, "we"). Negated cues ("we did not meet the deadline") do not count.
Each sentence takes the label with the most weight; ties go to the more specific label.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from answer_check.model import Evidence

if TYPE_CHECKING:
    from collections.abc import Mapping

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


@dataclass(slots=True)
class ActionHit:
    """An action verb with its subject: 'i' (the speaker) or 'we' (the team).

    ``mode`` is "done" for a told action ("I called"), "habit" for a habit ("I usually
    call") and "hypothetical" for a plan ("I would call"). Read-only once made (slotted,
    not frozen: cheaper to build, like model.Evidence).
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


@dataclass(slots=True)
class StarMap:
    """STAR components of an answer: every cue per component and a label per sentence.

    Read-only once made.
    """

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


# Every word list the tagger reads, asked for in one call (one pass over the answer's hits).
STAR_LISTS = (*CUE_LISTS.values(), "subject_singular", "subject_plural", "action_verbs")


def find_actions(analysis: Analysis) -> tuple[ActionHit, ...]:
    """Action verbs with a first-person subject shortly before them in the same clause.

    Found once per answer (``Analysis.actions``).
    """
    return analysis.actions


def scan_actions(analysis: Analysis) -> tuple[ActionHit, ...]:
    """What ``find_actions`` gives, found anew."""
    return tuple(_find_actions(analysis, analysis.hits_by_list(STAR_LISTS)))


def _find_actions(analysis: Analysis, lists: Mapping[str, list[Hit]]) -> list[ActionHit]:
    verbs = lists["action_verbs"]
    if not verbs:
        return []
    # The subject each pronoun token stands for ("I" wins where a token is in both lists).
    subjects = {h.tok_start: "i" for h in lists["subject_singular"]}
    if lists["subject_plural"]:
        subjects = {h.tok_start: "we" for h in lists["subject_plural"]} | subjects
    if not subjects:
        return []  # no verb has a subject, nor one to share with the verbs after it
    texts = analysis.view.texts
    sent_of = analysis.token_sentences
    # Only a verb with a subject at most SUBJECT_WINDOW tokens before it can have a subject
    # of its own.
    no_subject_near = subjects.keys().isdisjoint
    verb_tokens: set[int] | None = None  # made for the first verb with a subject near
    out: list[ActionHit] = []
    last_owner: dict[int, tuple[str, str]] = {}
    for hit in verbs:
        verb = hit.tok_start
        sent = sent_of[verb]
        if no_subject_near(range(verb - SUBJECT_WINDOW, verb)):
            # (most verbs: no subject of their own, and none to share before the first action)
            if sent not in last_owner or not _coordinated(texts, verb):
                continue
            owner, mode = last_owner[sent]
        else:
            if verb_tokens is None:
                verb_tokens = {i for h in verbs for i in range(h.tok_start, h.tok_end)}
            found, mode = _subject(analysis, verb, sent, subjects, verb_tokens)
            if found is not None:
                owner = found
            elif sent in last_owner and _coordinated(texts, verb):
                owner, mode = last_owner[sent]
            else:
                continue
        # A verb without a subject is no action, negated or not: only the others need the
        # negation test.
        if analysis.negated(hit):
            continue
        last_owner[sent] = (owner, mode)
        out.append(ActionHit(_evidence(hit, "action_verbs"), owner, sent, mode))
    return out


def _subject(
    analysis: Analysis, verb: int, sent: int, subjects: dict[int, str], verb_tokens: set[int]
) -> tuple[str | None, str]:
    """The subject ('i', 'we' or None) shortly before the verb at token ``verb`` in its
    clause, and the mode of the action."""
    view = analysis.view
    norms, texts = view.norms, view.texts
    sent_of = analysis.token_sentences
    indonesian = analysis.lang == "id"
    english = analysis.lang == "en"
    mode = "done"
    if verb and texts[verb - 1].lower() == "to":
        mode = "hypothetical"  # "I learned to plan", "I wanted to call": an aim, not a deed
    for i in range(verb - 1, max(-1, verb - 1 - SUBJECT_WINDOW), -1):
        text = texts[i]
        # (letters are no punctuation: no flag lookup for a word)
        if sent_of[i] != sent or (
            text != "'" and not text.isalpha() and analysis.lexeme_flags[text].is_punct
        ):
            break
        low = text.lower()
        if low in DETERMINERS or i in verb_tokens:
            break
        word = norms[i]
        if indonesian and _blocks_subject_id(low, word):
            break
        if english and word in PASSIVE_AUX and _participle(texts[verb], norms[verb]):
            break  # "I was told to ...": done to the speaker, not by them
        if word in HABIT_WORDS or low in HABIT_WORDS:
            mode = "habit"
        elif mode == "done" and (word in MODAL_WORDS or low in MODAL_WORDS):
            mode = "hypothetical"
        if i in subjects:
            if indonesian and not _subject_id(analysis, i, verb):
                break
            return subjects[i], mode
    return None, mode


# "I was told", "I got promoted": a form of these before a participle makes the verb passive.
PASSIVE_AUX = frozenset({"be", "get"})


def _participle(text: str, norm: str) -> bool:
    """An English verb form that is not the base form or the -ing form ("told", "asked")."""
    low = text.lower()
    return low != norm and not low.endswith(("ing", "s"))


def is_goal(analysis: Analysis, hit: Hit, task_starts: dict[int, int]) -> bool:
    """A result cue stated as an aim (after a task cue in its sentence, or after 'to') or as
    a point in time ('until it finished')."""
    start = hit.tok_start
    sent = analysis.token_sentences[start]
    if sent in task_starts and task_starts[sent] < start:
        return True
    view = analysis.view
    if not PURPOSE.isdisjoint(view.norms[max(0, start - 2) : start]):
        return True
    # "this would improve sales", "it can help resolve conflict": a hope or a general
    # statement, not an outcome that happened.
    before = list(map(str.lower, view.texts[max(0, start - 3) : start]))
    if not UNREAL_BEFORE_RESULT.isdisjoint(before[-2:]):
        return True
    return not TIME_CLAUSE.isdisjoint(before)


def echoes_question(analysis: Analysis, hit: Hit) -> bool:
    """A result word in the opening sentence that only repeats the question's own words.

    "A time when I improved a process was ..." restates "a time when you improved a
    process": it names the topic, not an outcome.
    """
    if not analysis.question or analysis.token_sentences[hit.tok_start] != 0:
        return False
    words = analysis.view.norms[hit.tok_start : hit.tok_end]
    return analysis.question_norms.issuperset(words)


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


def _coordinated(texts: list[str], tok: int) -> bool:
    """The verb at ``tok`` follows 'and'/'then' or a list comma (one adverb may stand between)."""
    for i in (tok - 1, tok - 2):
        if i < 0:
            return False
        low = texts[i].lower()
        if low in COORDINATORS:
            return True
        if not (low.endswith("ly") or low in ADVERBS_ID):
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


def _blocks_subject_id(low: str, norm: str) -> bool:
    """An Indonesian word (lower case, norm) between subject and candidate verb that makes
    the candidate a noun."""
    if low in NOUN_CONTEXT_ID:
        return True
    return _affixed(low, norm) and low not in _AUX_ID


def _subject_id(analysis: Analysis, pron: int, verb: int) -> bool:
    """Whether the Indonesian pronoun at ``pron`` is the subject of the verb at ``verb``."""
    view = analysis.view
    texts = view.texts
    prev = pron - 1
    sent_of = analysis.token_sentences
    if prev < 0 or sent_of[prev] != sent_of[pron]:
        return True
    before = texts[prev].lower()
    if before in PREPOSITIONS_ID:
        return False  # "menurut saya", "bagi kami": the pronoun is an object
    flags = analysis.lexeme_flags[texts[prev]]
    if flags.is_punct or before in SUBJECT_LEADS_ID or flags.like_num:
        return True
    # After a noun: only the object-focus form, a bare root right after the pronoun.
    if "yang" in map(str.lower, texts[pron + 1 : verb]):
        return False  # "Manajer saya yang bicara"
    return not _affixed(texts[verb].lower(), view.norms[verb])


PREPOSITIONS_ID = frozenset(
    """menurut bagi buat untuk dari oleh kepada dengan sama ke pada tentang terhadap seperti
    kayak daripada""".split()  # noqa: SIM905
)


_SPAN = attrgetter("start", "end")


def tag_star(analysis: Analysis) -> StarMap:
    """Tag every sentence and collect the cues of each component."""
    lists = analysis.hits_by_list(STAR_LISTS)
    sent_of, negated = analysis.token_sentences, analysis.negated
    # Each component's cues in text order (LABELS, in their order; most stay empty).
    components: dict[str, tuple[Evidence, ...]] = dict.fromkeys(LABELS, ())
    # Every kept cue as (sentence, label, evidence), by label and then in text order.
    cues: list[tuple[int, str, Evidence]] = []
    for label, lexicon in CUE_LISTS.items():
        hits = lists[lexicon]
        if not hits:
            continue
        found: list[Evidence] = []
        result = label == "result"
        task_starts = _task_starts(lists["star_task"], sent_of) if result else {}
        for hit in hits:
            if negated(hit) or (
                result and (is_goal(analysis, hit, task_starts) or echoes_question(analysis, hit))
            ):
                continue
            ev = _evidence(hit, lexicon)
            found.append(ev)
            cues.append((sent_of[hit.tok_start], label, ev))
        components[label] = _in_text_order(found)
    actions = tuple([a for a in analysis.actions if a.mode == "done"])
    if actions:
        cues.extend([(a.sentence, "action", a.evidence) for a in actions])
        components["action"] = _in_text_order([a.evidence for a in actions])
    unlabelled = _unlabelled(len(analysis.sentences))
    if not cues:  # (a quarter of answers: no cue, every sentence unlabelled)
        return StarMap(components=components, sentence_labels=unlabelled, actions=actions)
    return StarMap(
        components=components,
        sentence_labels=_label_sentences(unlabelled, cues),
        actions=actions,
    )


def _task_starts(tasks: list[Hit], sent_of: list[int]) -> dict[int, int]:
    """The first token of a task cue in each sentence that has one (for ``is_goal``)."""
    starts: dict[int, int] = {}
    for hit in tasks:
        sent = sent_of[hit.tok_start]
        starts[sent] = min(starts.get(sent, hit.tok_start), hit.tok_start)
    return starts


@lru_cache(maxsize=256)
def _unlabelled(sentences: int) -> tuple[tuple[int, str, Evidence | None], ...]:
    """The labels of that many sentences without a cue (shared: tuples are never changed)."""
    return tuple([(index, "none", None) for index in range(sentences)])


def _label_sentences(
    unlabelled: tuple[tuple[int, str, Evidence | None], ...],
    cues: list[tuple[int, str, Evidence]],
) -> tuple[tuple[int, str, Evidence | None], ...]:
    """Each sentence's label and its first cue, given the cues as (sentence, label, cue)."""
    per_sentence: dict[int, dict[str, list[Evidence]]] = {}
    for sent, label, ev in cues:
        if sent >= 0:  # (-1: a whitespace-only sentence, not among the sentences)
            per_sentence.setdefault(sent, {}).setdefault(label, []).append(ev)
    labels = list(unlabelled)
    for sent, by_label in per_sentence.items():
        if len(by_label) == 1:  # most sentences with a cue: one label, which wins
            [(best, found)] = by_label.items()
        else:
            best = _best_label(by_label)
            found = by_label[best]
        labels[sent] = (sent, best, found[0])
    return tuple(labels)


def _in_text_order(cues: list[Evidence]) -> tuple[Evidence, ...]:
    return tuple(sorted(cues, key=_SPAN)) if len(cues) > 1 else tuple(cues)


def _best_label(cues: dict[str, list[Evidence]]) -> str:
    """The label with the most weight of cues; ties go to the earlier label of PRIORITY."""
    best, weight = "", 0.0
    for label in PRIORITY:
        found = cues.get(label)
        if found and len(found) * WEIGHTS[label] > weight:
            best, weight = label, len(found) * WEIGHTS[label]
    return best
