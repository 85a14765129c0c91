"""Check kinds for HR answers: bare trait claims, negative talk, planned actions, parts told."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from answer_check.checks import KindExample, Outcome, Param, by_lang, register
from answer_check.checks.lexical import MIN_WORDS, evidence, hits_of, list_hits, too_short
from answer_check.i18n import add, quote_list, t
from answer_check.model import Evidence
from answer_check.star import DETERMINERS, find_actions

if TYPE_CHECKING:
    from answer_check.analysis import Analysis
    from answer_check.lexicons import Hit

add(
    {
        "question.not_asked": {
            "en": "the question did not ask about it.",
            "id": "pertanyaannya tidak menanyakan hal ini.",
        },
        "traits.none": {
            "en": "No bare self-praise (such as \u201chard worker\u201d or \u201cteam player\u201d).",
            "id": "Tidak ada pujian diri tanpa bukti (seperti \u201cpekerja keras\u201d atau "
            "\u201cteam player\u201d).",
        },
        "traits.backed": {
            "en": "You claim {items}, and you back it with {signs}.",
            "id": "Anda menyebut {items}, dan mendukungnya dengan {signs}.",
        },
        "traits.unbacked": {
            "en": "You claim {items}, but nothing shows it: no {missing}.",
            "id": "Anda menyebut {items}, tetapi tidak ada buktinya: tidak ada {missing}.",
        },
        "traits.partial": {
            "en": "You claim {items}; the evidence is thin ({signs}); missing: {missing}.",
            "id": "Anda menyebut {items}; buktinya masih tipis ({signs}); belum ada: {missing}.",
        },
        "traits.sign.action": {
            "en": "actions told with \u201cI\u201d",
            "id": "tindakan dengan \u201csaya\u201d",
        },
        "traits.sign.figure": {
            "en": "a figure",
            "id": "angka",
        },
        "traits.sign.example": {
            "en": "a concrete example",
            "id": "contoh konkret",
        },
        "traits.and": {
            "en": " and ",
            "id": " dan ",
        },
        "traits.or": {
            "en": " or ",
            "id": " atau ",
        },
        "negative.clean": {
            "en": "No negative talk about a former employer, boss or colleague.",
            "id": "Tidak ada ucapan negatif tentang mantan perusahaan, atasan, atau rekan kerja.",
        },
        "negative.found": {
            "en": "{n} negative remark(s) about a former employer, boss or colleague: {items}.",
            "id": "{n} ucapan negatif tentang mantan perusahaan, atasan, atau rekan kerja: {items}.",
        },
        "planned.found": {
            "en": "{n} step(s) you would take yourself: {items}.",
            "id": "{n} langkah yang akan Anda ambil sendiri: {items}.",
        },
        "planned.few": {
            "en": "Only {n} of the {need} steps needed that you would take yourself: {items}.",
            "id": "Baru {n} dari {need} langkah yang akan Anda ambil sendiri: {items}.",
        },
        "planned.none": {
            "en": "No step told as what you would do (\u201cI would ...\u201d, \u201cI will "
            "...\u201d).",
            "id": "Tidak ada langkah yang disampaikan sebagai rencana (\u201csaya akan ...\u201d).",
        },
        "parts.all": {
            "en": "All {total} parts told: {found}.",
            "id": "Semua {total} bagian ada: {found}.",
        },
        "parts.some": {
            "en": "Found {n} of {total} parts: {found}. Missing: {missing}.",
            "id": "Ditemukan {n} dari {total} bagian: {found}. Belum ada: {missing}.",
        },
        "parts.none": {
            "en": "None of the parts found. Missing: {missing}.",
            "id": "Tidak ada bagian yang ditemukan. Belum ada: {missing}.",
        },
        "parts.order": {
            "en": "All {total} parts told ({found}), but not in that order.",
            "id": "Semua {total} bagian ada ({found}), tetapi urutannya tidak sesuai.",
        },
    }
)


def _join(items: list[str], lang: str, word: str = "traits.and") -> str:
    """'a, b and c' (or 'a, b or c' with word="traits.or")."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + t(word, lang) + items[-1]


def evidence_signs(
    analysis: Analysis, markers: tuple[str, ...], min_actions: int
) -> tuple[list[str], list[str], list[Evidence]]:
    """Which kinds of evidence the answer shows: actions with 'I', figures, example markers.

    Returns the catalog keys of the signs present and absent, and the spans that show them.
    """
    present: list[str] = []
    absent: list[str] = []
    spans: list[Evidence] = []
    mine = [a for a in analysis.star.actions if a.owner == "i" and a.mode == "done"]
    if len(mine) >= min_actions:
        present.append("traits.sign.action")
        spans.extend(a.evidence for a in mine[:3])
    else:
        absent.append("traits.sign.action")
    figures = [q for q in analysis.quantities if q.kind != "year"]
    if figures:
        present.append("traits.sign.figure")
        spans.extend(Evidence(q.start, q.end, q.text, f"quantity: {q.kind}") for q in figures[:2])
    else:
        absent.append("traits.sign.figure")
    examples, _ = list_hits(analysis, markers, negation=True)
    if examples:
        present.append("traits.sign.example")
        spans.extend(evidence(examples[:2]))
    else:
        absent.append("traits.sign.example")
    return present, absent, spans


@register(
    "trait_claims",
    params=(
        Param("lexicons", "str_list", ("trait_claims",), doc="self-praise phrases ('hard worker')"),
        Param("terms", "str_list", ()),
        Param(
            "markers",
            "str_list",
            ("example_markers", "specific_markers"),
            doc="word lists that mark a concrete example",
        ),
        Param(
            "min_evidence",
            "int",
            2,
            min=1,
            max=3,
            doc="kinds of evidence (actions with 'I', a figure, an example) that back a claim",
        ),
        Param("min_actions", "int", 2, min=1, doc="actions told with 'I' that count as evidence"),
        Param("penalty", "float", 0.4, min=0, max=1, doc="points off per unbacked claim"),
        MIN_WORDS,
    ),
    examples=(
        KindExample(
            "pass",
            "I am a hard worker. Last year I covered two extra shifts a week for "
            "three months, and I trained the new cashier myself.",
            {},
        ),
        KindExample("pass", "I rebuilt the stock sheet and cut counting time by half.", {}),
        KindExample(
            "fail",
            "I am a hard worker, a fast learner and a team player. I am very "
            "passionate and detail-oriented.",
            {},
        ),
    ),
)
def trait_claims(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Points off for traits claimed ('hard worker', 'team player') that nothing shows."""
    claims, _ = hits_of(analysis, params, negation=True)
    lang = analysis.lang
    if not claims:
        return too_short(analysis, params["min_words"]) or Outcome(1.0, (), "traits.none")
    markers = tuple(params["markers"])
    present, absent, spans = evidence_signs(analysis, markers, params["min_actions"])
    need = params["min_evidence"]
    items = quote_list([h.text for h in claims], lang)
    signs = _join([t(k, lang) for k in present], lang)
    missing = _join([t(k, lang) for k in absent], lang, "traits.or")
    distinct = len({h.term.lower() for h in claims})
    if len(present) >= need:
        ev = tuple(sorted([*evidence(claims), *spans], key=lambda e: (e.start, e.end)))
        return Outcome(1.0, ev, "traits.backed", {"items": items, "signs": signs})
    score = 1.0 - min(1.0, distinct * params["penalty"]) * (1 - len(present) / need)
    ev = tuple(sorted([*evidence(claims, "-"), *spans], key=lambda e: (e.start, e.end)))
    key = "traits.partial" if present else "traits.unbacked"
    return Outcome(score, ev, key, {"items": items, "signs": signs, "missing": missing})


# Words that start another clause: a remark after one of them is about something else.
# (Not the clause_breaks list: its "so" is also an intensifier, "so toxic".)
CLAUSE_WORDS = frozenset(
    (
        "and",
        "but",
        "however",
        "although",
        "though",
        "because",
        "while",
        "whereas",
        "yet",
        "which",
        "who",
        "that",
        "when",
        "if",
        "after",
        "before",
        "until",
        "or",
        # Indonesian ("yang" is left out: "atasan yang toxic" is one remark)
        "dan",
        "tapi",
        "tetapi",
        "namun",
        "karena",
        "soalnya",
        "meskipun",
        "walaupun",
        "sedangkan",
        "ketika",
        "saat",
        "jika",
        "kalau",
        "setelah",
        "sebelum",
        "sampai",
        "atau",
        "bahwa",
        "sehingga",
        "lalu",
        "terus",
        "kemudian",
    )
)


def _is_break(analysis: Analysis, i: int) -> bool:
    """Whether token ``i`` ends a clause: punctuation or one of CLAUSE_WORDS."""
    text = analysis.view.texts[i]
    return text.lower() in CLAUSE_WORDS or analysis.lexeme_flags[text].clause_end


def _about(analysis: Analysis, target: Hit, word: Hit, window: int) -> bool:
    """True when ``word`` is said about ``target``: same clause, close, nothing in between.

    After the target ("my boss was incompetent") up to ``window`` words may stand between,
    but no determiner (which starts another noun: "my manager said the system was bad"),
    except right after "be" ("my boss was a terrible person").
    Before the target ("a toxic boss", "I hated my boss") at most 3 words may stand between.
    """
    if analysis.sentence_of(target.tok_start) != analysis.sentence_of(word.tok_start):
        return False
    view = analysis.view
    if target.tok_end <= word.tok_start:
        between = range(target.tok_end, word.tok_start)
        if len(between) > window:
            return False
        return not any(
            _is_break(analysis, i)
            or (view.texts[i].lower() in DETERMINERS and view.norms[i - 1] != "be")
            for i in between
        )
    if word.tok_end <= target.tok_start:
        between = range(word.tok_end, target.tok_start)
        return len(between) <= 3 and not any(_is_break(analysis, i) for i in between)
    return False


@register(
    "negative_talk",
    params=(
        Param("lexicons", "str_list", ("negative_talk",), doc="contemptuous words ('incompetent')"),
        Param("terms", "str_list", ()),
        Param(
            "targets",
            "str_list",
            ("negative_targets",),
            doc="who they must be about: boss, former company, colleague",
        ),
        Param("window", "int", 5, min=1, max=12, doc="most words between the target and the word"),
        Param("limit", "int", 2, min=1, doc="remarks that bring the score to 0"),
        MIN_WORDS,
    ),
    examples=(
        KindExample(
            "pass",
            "My manager and I disagreed about the rota, so I showed her the "
            "overtime figures and we agreed a new plan.",
            {},
        ),
        KindExample(
            "fail", "I left because my boss was incompetent and the company was so toxic.", {}
        ),
    ),
)
def negative_talk(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Points off for contemptuous words said about a former employer, boss or colleague."""
    words, _ = hits_of(analysis, params, negation=True)
    targets = analysis.hits(tuple(params["targets"]))
    remarks: list[Evidence] = []
    used: set[int] = set()
    for word in words:
        near = [tg for tg in targets if _about(analysis, tg, word, params["window"])]
        if not near or word.tok_start in used:
            continue
        used.add(word.tok_start)
        target = min(near, key=lambda tg: abs(tg.tok_start - word.tok_start))
        start, end = min(target.start, word.start), max(target.end, word.end)
        remarks.append(
            Evidence(
                start,
                end,
                analysis.text[start:end],
                f"{word.source}: {word.term} ({target.term})",
                "-",
            )
        )
    if not remarks:
        return too_short(analysis, params["min_words"]) or Outcome(1.0, (), "negative.clean")
    score = 1.0 - len(remarks) / params["limit"]
    items = quote_list([r.text for r in remarks], analysis.lang)
    return Outcome(score, tuple(remarks), "negative.found", {"n": len(remarks), "items": items})


@register(
    "actions_planned",
    params=(
        Param("min", "int", 3, min=1, doc="actions needed for the full score"),
        Param(
            "modes",
            "str_list",
            ("hypothetical",),
            choices=("done", "habit", "hypothetical"),
            doc="which actions count: planned ('I would'), habits ('I usually'), told ('I did')",
        ),
        Param("owner", "str", "i", choices=("i", "we", "any"), doc="whose actions count"),
    ),
    examples=(
        KindExample(
            "pass",
            "First I would listen to the customer. Then I would check the order "
            "and I would offer a replacement.",
            {},
        ),
        KindExample(
            "fail", "The customer should be treated well and the problem must be solved.", {}
        ),
    ),
)
def actions_planned(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit for the actions the speaker would take ('I would call...'): an approach in steps."""
    modes = set(params["modes"])
    owner = params["owner"]
    found = [
        a
        for a in find_actions(analysis)
        if a.mode in modes and (owner == "any" or a.owner == owner)
    ]
    need = params["min"]
    if not found:
        return Outcome(0.0, (), "planned.none")
    items = quote_list([a.evidence.text for a in found], analysis.lang)
    key = "planned.found" if len(found) >= need else "planned.few"
    return Outcome(
        len(found) / need,
        tuple(a.evidence for a in found),
        key,
        {"n": len(found), "need": need, "items": items},
    )


@register(
    "parts",
    params=(
        Param("lexicons", "str_list", (), required=True, doc="one word list per part, in order"),
        Param(
            "labels",
            "str_list_i18n",
            {},
            doc="a short name per part (default: the list "
            "names); a list, or a table of lists per language",
        ),
        Param("in_order", "bool", False, doc="the parts must first appear in the order listed"),
        Param("order_penalty", "float", 0.25, min=0, max=1, doc="points off when out of order"),
        Param("negation", "bool", True, doc="ignore negated mentions"),
    ),
    examples=(
        KindExample(
            "pass",
            "I am currently a nurse at a city hospital. Before that, I studied "
            "nursing in Yogyakarta. Now I am looking for a role in paediatrics.",
            {"lexicons": ["intro_present", "intro_past", "intro_future"], "in_order": True},
        ),
        KindExample(
            "fail",
            "I like reading and football, and people say I am friendly.",
            {"lexicons": ["intro_present", "intro_past", "intro_future"]},
        ),
    ),
)
def parts(analysis: Analysis, params: Mapping[str, Any]) -> Outcome:
    """Credit for each part of a structure that the answer tells (one word list per part)."""
    names = list(params["lexicons"])
    lang = analysis.lang
    given = list(by_lang(params["labels"], lang))
    labels = given if len(given) == len(names) else names
    firsts: list[int] = []
    found: list[str] = []
    missing: list[str] = []
    ev: list[Evidence] = []
    for name, label in zip(names, labels, strict=True):
        kept, _ = list_hits(analysis, (name,), negation=params["negation"])
        if kept:
            found.append(f"{label} (\u201c{kept[0].text}\u201d)")
            firsts.append(kept[0].start)
            ev.extend(evidence(kept[:2]))
        else:
            missing.append(label)
    total = len(names)
    ev.sort(key=lambda e: (e.start, e.end))
    fields = {
        "n": len(found),
        "total": total,
        "found": _join(found, lang),
        "missing": _join(missing, lang),
    }
    if not found:
        return Outcome(0.0, (), "parts.none", fields)
    score = len(found) / total
    if missing:
        return Outcome(score, tuple(ev), "parts.some", fields)
    if params["in_order"] and firsts != sorted(firsts):
        return Outcome(score - params["order_penalty"], tuple(ev), "parts.order", fields)
    return Outcome(score, tuple(ev), "parts.all", fields)
