"""Key terms of a job description (skills, tools, qualifications) and their coverage in an answer.

Extraction is rule-based, deterministic and explainable; every term records why it was
taken (``JobKeyTerm.why``):

1. The job text is split into lines and sections by their headings (word lists
   ``jobdesc_requirement_headers``, ``jobdesc_preferred_headers``, ``jobdesc_task_headers``,
   ``jobdesc_other_headers``; "Requirements:", "Kualifikasi", "Nice to have", "Benefits").
   Lines under "other" headings (benefits, about us, how to apply) are never mined.
2. **Known terms**: every tool, technology and method of the ``tech_*`` and ``methods_*``
   lists found in the job text, lemma-aware (``=Exact`` names keep their exact case).
3. **Requirement phrases**, in requirement and nice-to-have lines only: the words after a
   trigger ("experience with", "knowledge of", "proficient in", "degree in", "S1", word
   list ``jobdesc_triggers``), and short bullet lines; split into items at commas, "and",
   "or", brackets and "such as"; cut at prepositions that start a new thought ("for",
   "in", "to"); leading qualifiers ("strong", "solid", ``jobdesc_modifiers``) and trailing
   generic words ("skills", "experience", ``jobdesc_tails``) trimmed; items of one to five
   words kept. An item that holds a known term gives way to that term.
4. **Names**: upper-case acronyms (2 to 6 letters: "CPA", "KPI") and capitalised words
   that are not ordinary words ("HubSpot", "Xero") in requirement, nice-to-have and duty
   lines.
5. Stop words and boilerplate (``jobdesc_boilerplate``: "we are looking for", "competitive
   salary", "fast-paced environment", "gaji kompetitif") are removed; terms are
   de-duplicated by their lemmas, the first spelling is kept, and a term inside a longer
   one at the same place gives way to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from answer_check.lexicons import Term, TermMatcher, load_lexicon, sentence_initial
from answer_check.nlp import pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from answer_check.analysis import Analysis
    from answer_check.model import JobTerm

FAMILIES = (
    "general",
    "software",
    "data",
    "design",
    "marketing",
    "sales",
    "finance",
    "hr",
    "operations",
    "customer_service",
)
KNOWN_LISTS = tuple(f"tech_{f}" for f in FAMILIES) + tuple(
    f"methods_{f}" for f in FAMILIES if f != "general"
)
SECTION_LISTS = {
    "requirements": "jobdesc_requirement_headers",
    "preferred": "jobdesc_preferred_headers",
    "tasks": "jobdesc_task_headers",
    "other": "jobdesc_other_headers",
}
MAX_WORDS = 5
# Words that end an item: a new thought starts ("SQL for reporting", "Python to automate").
_CUT = frozenset(
    {
        "in",
        "for",
        "to",
        "at",
        "on",
        "within",
        "across",
        "from",
        "using",
        "with",
        "including",
        "especially",
        "preferably",
        "ideally",
        "as",
        "is",
        "are",
        "will",
        "who",
        "which",
        "that",
        "where",
        "when",
        "while",
        "by",
        "into",
        "via",
        "untuk",
        "di",
        "dengan",
        "yang",
        "dalam",
        "seperti",
        "pada",
        "serta",
        "ke",
        "dari",
    }
)
# Words that separate the items of a list.
_SPLIT = frozenset(
    {
        ",",
        ";",
        "and",
        "or",
        "&",
        "(",
        ")",
        "e.g.",
        "eg",
        "i.e.",
        "such",
        "like",
        "dan",
        "atau",
        "maupun",
        "misalnya",
        "contohnya",
        "+",
    }
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf\u2013]|\d{1,2}[.)])\s+")
_HEADER_CLEAN = re.compile(r"[#*_:\s]+$|^[#*_\s]+")


@dataclass(frozen=True)
class JobKeyTerm:
    """A key term of a job description, with where and why it was extracted."""

    term: str  # as first written in the job text
    key: tuple[str, ...]  # lower-case lemmas, the de-duplication key
    why: str  # e.g. "known tool (tech_data)", "after 'experience with'"
    section: str  # requirements | preferred | tasks | intro
    start: int  # first occurrence in the job text
    end: int
    exact: bool = False  # match exactly as written (ambiguous names such as "Go")

    @property
    def required(self) -> bool:
        return self.section != "preferred"


@dataclass
class _Line:
    start: int
    end: int
    section: str
    bullet: bool


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    key: tuple[str, ...]
    why: str
    section: str
    exact: bool = False
    known: bool = False
    reasons: list[str] = field(default_factory=list)


def _headers(lang: str) -> dict[str, set[str]]:
    return {
        kind: {t.text.lower() for t in load_lexicon(name, lang)}
        for kind, name in SECTION_LISTS.items()
    }


def _lines(text: str, lang: str) -> list[_Line]:
    """Every non-empty line with its section; heading lines themselves are left out."""
    headers = _headers(lang)
    section = "intro"
    out: list[_Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, end = pos, pos + len(raw.rstrip("\r\n"))
        pos += len(raw)
        line = text[start:end]
        if not line.strip():
            continue
        head, sep, rest = line.partition(":")
        label = _HEADER_CLEAN.sub("", head).strip().lower()
        kind = next((k for k, names in headers.items() if label in names), None)
        short = len(label.split()) <= 6
        if kind and short and (sep or len(line.split()) <= 6):
            section = kind
            if rest.strip():
                offset = start + len(head) + 1
                out.append(_Line(offset, end, section, False))
            continue
        if short and sep and not rest.strip() and not _BULLET.match(line):
            section = "intro"  # an unknown heading ("Our stack:"): tools only
            continue
        out.append(_Line(start, end, section, bool(_BULLET.match(line))))
    return out


@cache
def _word_set(name: str, lang: str) -> frozenset[tuple[str, ...]]:
    """A word list as tuples of lemmas (for trimming and boilerplate checks)."""
    pipe = pipeline(lang)
    texts = [t.text for t in load_lexicon(name, lang)]
    return frozenset(tuple(pipe.lemma(w) for w in toks) for toks in pipe.term_tokens(texts))


def _exact_names(lang: str) -> frozenset[str]:
    return frozenset(t.text for name in KNOWN_LISTS for t in load_lexicon(name, lang) if t.exact)


def _trim(tokens: list[int], doc: Doc, lang: str) -> list[int]:
    """Drop leading qualifiers and stop words, trailing generic words and stop words."""
    mods = _word_set("jobdesc_modifiers", lang)
    tails = _word_set("jobdesc_tails", lang)
    changed = True
    while tokens and changed:
        changed = False
        for size in (3, 2, 1):
            head = tuple(doc[i].norm_ for i in tokens[:size])
            if len(head) == size and head in mods:
                tokens, changed = tokens[size:], True
                break
        for size in (4, 3, 2, 1):
            tail = tuple(doc[i].norm_ for i in tokens[-size:])
            if len(tokens) >= size and tail in tails:
                tokens, changed = tokens[:-size], True
                break
        while tokens and (
            doc[tokens[0]].is_stop
            or doc[tokens[0]].is_punct
            or doc[tokens[0]].like_num
            or doc[tokens[0]].text in "+-/"
        ):
            tokens, changed = tokens[1:], True
        while tokens and (doc[tokens[-1]].is_stop or doc[tokens[-1]].is_punct):
            tokens, changed = tokens[:-1], True
    return tokens


def _items(doc: Doc, first: int, last: int, lang: str) -> list[list[int]]:
    """Split tokens ``first..last`` (inclusive) into list items, cut at new thoughts."""
    items: list[list[int]] = []
    current: list[int] = []
    cut = False
    for i in range(first, last + 1):
        tok = doc[i]
        low = tok.lower_
        if (tok.is_space and "\n" in tok.text) or low in (".", "!", "?"):
            break
        if low in _SPLIT or (tok.is_punct and low not in ("-", "/", "#", "+")):
            items.append(current)
            current, cut = [], False
            continue
        if cut:
            continue
        if low in _CUT and (current or doc[i - 1].lower_ not in ("such",)):
            cut = True  # ", preferably in ...", ", including ..." start a new thought too
            continue
        current.append(i)
    items.append(current)
    return [t for t in (_trim(item, doc, lang) for item in items) if t]


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.start, span.end - 1


def _valid(tokens: list[int], doc: Doc, lang: str) -> bool:
    if not tokens or len(tokens) > MAX_WORDS:
        return False
    words = [doc[i] for i in tokens]
    if not any(t.is_alpha and (len(t.text) > 1 or t.is_upper) for t in words):
        return False
    if any(t.like_url or t.like_email for t in words):
        return False
    key = tuple(t.norm_ for t in words)
    return key not in _word_set("jobdesc_boilerplate", lang)


def _span_text(doc: Doc, tokens: list[int]) -> str:
    return str(doc[tokens[0] : tokens[-1] + 1].text)


def extract_terms(text: str, lang: str) -> list[JobKeyTerm]:
    """The key terms of a job description, in order of first appearance."""
    return list(_extract(text, lang))


@cache
def _extract(text: str, lang: str) -> tuple[JobKeyTerm, ...]:
    from answer_check.analysis import matcher_for

    pipe = pipeline(lang)
    doc = pipe(text)
    lines = [ln for ln in _lines(text, lang) if ln.section != "other"]
    exact = _exact_names(lang)
    boiler_hits = matcher_for(pipe, ("jobdesc_boilerplate",))(doc)
    boiler_spans = [(h.start, h.end) for h in boiler_hits if h.tok_end - h.tok_start > 1]
    known_hits = matcher_for(pipe, KNOWN_LISTS)(doc)
    trigger_hits = matcher_for(pipe, ("jobdesc_triggers",))(doc)
    cands: list[_Candidate] = []

    def line_of(start: int) -> _Line | None:
        return next((ln for ln in lines if ln.start <= start < ln.end), None)

    # 2. known tools and methods (one candidate per place, naming every list that knows it)
    sources: dict[tuple[int, int], list[str]] = {}
    for hit in known_hits:
        sources.setdefault((hit.tok_start, hit.tok_end), []).append(hit.source)
    ordinary = pipe.known_words
    boiler_words = _word_set("jobdesc_boilerplate", lang)
    for hit in known_hits:
        ln = line_of(hit.start)
        names = sources.pop((hit.tok_start, hit.tok_end), None)
        if ln is None or names is None:
            continue
        if (
            hit.term in exact
            and hit.text.lower() in ordinary
            and hit.tok_start > 0
            and doc[hit.tok_start - 1].is_title
            and (not sentence_initial(doc, hit.tok_start - 1) or _headline(text, ln))
        ):
            continue  # "Product Designer", "Senior Designer": a job title, not the tool
        if tuple(doc[i].norm_ for i in range(hit.tok_start, hit.tok_end)) in boiler_words:
            continue
        toks = list(range(hit.tok_start, hit.tok_end))
        cands.append(
            _Candidate(
                hit.start,
                hit.end,
                hit.text,
                tuple(doc[i].norm_ for i in toks),
                f"known term ({', '.join(sorted(set(names)))})",
                ln.section,
                exact=hit.term in exact and hit.text == hit.term,
                known=True,
            )
        )

    # 3. requirement phrases
    def add_items(first: int, last: int, why: str, section: str) -> None:
        for item in _items(doc, first, last, lang):
            if not _valid(item, doc, lang):
                continue
            s, e = doc[item[0]].idx, doc[item[-1]].idx + len(doc[item[-1]].text)
            cands.append(
                _Candidate(
                    s, e, _span_text(doc, item), tuple(doc[i].norm_ for i in item), why, section
                )
            )

    for ln in lines:
        if ln.section not in ("requirements", "preferred"):
            continue
        rng = _token_range(doc, ln.start, ln.end)
        if rng is None:
            continue
        first, last = rng
        triggered = [h for h in trigger_hits if ln.start <= h.start < ln.end]
        for hit in triggered:
            add_items(hit.tok_end, last, f"after '{hit.text}'", ln.section)
        if not triggered and ln.bullet:
            body = [i for i in range(first, last + 1) if not doc[i].is_punct or doc[i].text in "#+"]
            words = [i for i in body if doc[i].is_alpha]
            if len(words) <= MAX_WORDS + 2:
                add_items(first, last, "short requirement line", ln.section)

    # 4. acronyms and product-like names
    words_known = pipe.known_words | pipeline("en").known_words
    for ln in lines:
        if ln.section == "intro":
            continue
        rng = _token_range(doc, ln.start, ln.end)
        if rng is None:
            continue
        first, last = rng
        for i in range(first, last + 1):
            tok = doc[i]
            word = tok.text
            acronym = word.isalpha() and word.isupper() and 2 <= len(word) <= 6 and not tok.is_stop
            name = (
                word.isalpha()
                and len(word) > 2
                and word[0].isupper()
                and any(c.isupper() for c in word[1:])
                and not word.isupper()
            )
            name = name or (
                word.isalpha()
                and word.istitle()
                and len(word) > 2
                and i > first
                and not doc[i - 1].is_punct
                and word.lower() not in words_known
            )
            if (acronym or name) and _valid([i], doc, lang):
                cands.append(
                    _Candidate(
                        tok.idx,
                        tok.idx + len(word),
                        word,
                        (tok.norm_,),
                        "acronym" if acronym else "product-like name",
                        ln.section,
                        exact=acronym,
                    )
                )

    return _merge(cands, boiler_spans)


def _headline(text: str, line: _Line) -> bool:
    """A line whose words all start with a capital: a title such as 'Product Designer'."""
    words = re.findall(r"[^\W\d_]+", text[line.start : line.end])
    return bool(words) and all(w[0].isupper() for w in words)


def _merge(cands: list[_Candidate], boiler: list[tuple[int, int]]) -> tuple[JobKeyTerm, ...]:
    """Drop boilerplate and contained candidates; de-duplicate by lemmas."""
    kept = [c for c in cands if not any(s < c.end and c.start < e for s, e in boiler)]
    # An item holding a known term gives way to it; otherwise the longer span wins.
    kept.sort(key=lambda c: (not c.known, -(c.end - c.start), c.start))
    placed: list[_Candidate] = []
    for c in kept:
        clash = next((p for p in placed if p.start < c.end and c.start < p.end), None)
        if clash is None:
            placed.append(c)
        elif clash.key == c.key:
            clash.reasons.append(c.why)
    by_key: dict[tuple[str, ...], _Candidate] = {}
    for c in sorted(placed, key=lambda c: (c.start, c.end)):
        seen = by_key.get(c.key)
        if seen is None:
            by_key[c.key] = c
            continue
        seen.reasons.append(c.why)
        if seen.section == "preferred" and c.section != "preferred":
            seen.section = c.section
    out = []
    for c in by_key.values():
        whys = list(dict.fromkeys([c.why, *c.reasons]))
        out.append(JobKeyTerm(c.text, c.key, "; ".join(whys), c.section, c.start, c.end, c.exact))
    return tuple(sorted(out, key=lambda t: t.start))


# ---------------------------------------------------------------------------- coverage

# A first-person action within this many tokens makes a mention count in full.
ACTION_WINDOW = 12


@cache
def _answer_matcher(text: str, lang: str) -> tuple[tuple[JobKeyTerm, ...], TermMatcher]:
    """The job's terms (extracted in the job's own language) and a matcher for answers in
    ``lang``."""
    from answer_check.language import detect_language

    job_lang = detect_language(text).lang
    terms = _extract(text, job_lang if job_lang in ("en", "id") else lang)
    return terms, TermMatcher(pipeline(lang), tuple(Term(t.term, t.exact, "job") for t in terms))


def coverage(analysis: Analysis) -> tuple[JobTerm, ...]:
    """Every key term of the analysis' job text with the answer's evidence for it.

    A mention counts as "used" when a first-person action ("I built", "we would use")
    stands within ``ACTION_WINDOW`` tokens of it in the same sentence; otherwise it is only
    "listed" (a bare list of skills, a sentence with no action of the speaker). Negated
    mentions ("I have not used Tableau") do not count.
    """
    from answer_check.model import Evidence, JobTerm
    from answer_check.star import find_actions

    if not analysis.job_text:
        return ()
    terms, matcher = _answer_matcher(analysis.job_text, analysis.lang)
    hits = [h for h in matcher(analysis.doc) if not analysis.negated(h)]
    actions = []
    for act in find_actions(analysis):
        span = analysis.doc.char_span(act.evidence.start, act.evidence.end, alignment_mode="expand")
        if span is not None:
            actions.append((act.sentence, span.start))
    by_term: dict[str, list[tuple[Evidence, bool]]] = {}
    for h in hits:
        sent = analysis.sentence_of(h.tok_start)
        used = any(s == sent and abs(tok - h.tok_start) <= ACTION_WINDOW for s, tok in actions)
        ev = Evidence(h.start, h.end, h.text, f"job: {h.term} ({'used' if used else 'listed'})")
        by_term.setdefault(h.term, []).append((ev, used))
    out = []
    for t in terms:
        found = by_term.get(t.term, [])
        used = any(u for _, u in found)
        out.append(
            JobTerm(
                term=t.term,
                covered=bool(found),
                evidence=tuple(e for e, _ in found),
                weight=1.0 if t.required else 0.5,
                why=t.why,
                required=t.required,
                listed_only=bool(found) and not used,
            )
        )
    return tuple(out)
