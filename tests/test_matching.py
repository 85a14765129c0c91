"""Word-list matching: whole words, lemma-aware, phrase-aware, exact-case terms, negation."""

from __future__ import annotations

import pytest

from answer_check.analysis import Analysis


def found(text: str, terms: list[str], lang: str = "en") -> list[str]:
    analysis = Analysis.of(text, lang)
    return [h.text for h in analysis.hits((), tuple(terms)) if not analysis.negated(h)]


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("We shipped it rapidly.", ["api"], []),
        ("I designed the API first.", ["api"], ["API"]),
        ("I led the team.", ["lead"], ["led"]),
        ("She was leading the audit.", ["lead"], ["leading"]),
        ("It was kind of late.", ["kind of"], ["kind of"]),
        ("What kind of tool? Of course, kind people help.", ["kind of"], ["kind of"]),
        ("I wrote the report in Word.", ["=Word"], ["Word"]),
        ("I chose every word carefully.", ["=Word"], []),
        ("I finally really decided to stop.", ["i ... decide"], ["I finally really decided"]),
        ("I did not finish it.", ["finish"], []),
        ("I didn\u2019t finish it.", ["finish"], []),
        ("I never finished the course.", ["finish"], []),
        ("It was not easy, but I finished it.", ["finish"], ["finished"]),
        # a negation that the term itself spells is its meaning, not a denial of it
        ("I am not good at public speaking.", ["i be not good at"], ["I am not good at"]),
        ("I never said I am not good at it.", ["i be not good at"], []),
        ("I did not really decide.", ["i ... decide"], []),
        (
            "I not only planned it but also finished it.",
            ["plan", "finish"],
            ["planned", "finished"],
        ),
    ],
)
def test_matching(text: str, terms: list[str], expected: list[str]) -> None:
    assert found(text, terms) == expected


def test_offsets_index_the_original_text() -> None:
    text = "Line one.\r\n\r\n  I LED the rollout\u2014and it worked."
    analysis = Analysis.of(text, "en")
    hits = analysis.hits((), ("lead", "rollout"))
    assert [text[h.start : h.end] for h in hits] == [h.text for h in hits] == ["LED", "rollout"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I go to the office every day.", []),
        ("A word of advice: test early.", []),
        ("Excel at what you do, they said.", []),
        ("- Excel at customer care", []),
        ("Go to the settings page first.", []),
        ("Spark interest in the product.", []),
        ("Teams need clear goals.", []),
        ("I built the model in Excel.", ["Excel"]),
        ("Excel is where I built the model.", ["Excel"]),
        ("Go is the language we used.", ["Go"]),
        ("Word, Excel and PowerPoint are my tools.", ["Word", "Excel", "PowerPoint"]),
        ("Docker containers run the tests.", ["Docker"]),
        ("We met on Teams and I wrote the service in Go.", ["Teams", "Go"]),
    ],
)
def test_ambiguous_tool_names(text: str, expected: list[str]) -> None:
    """'=Excel', '=Go', '=Word': never the ordinary word, nor a capital at a sentence start."""
    analysis = Analysis.of(text, "en")
    hits = analysis.hits(("tech_general", "tech_software", "tech_data"))
    assert sorted({h.text for h in hits}, key=text.index) == expected


@pytest.mark.parametrize("lang", ["en", "id"])
def test_term_tokens_agree_with_the_tokenizer(lang: str) -> None:
    """The fast term tokenizer splits every bundled word-list term as spaCy does."""
    from answer_check.lexicons import lexicon_path, parse_terms
    from answer_check.nlp import pipeline
    from answer_check.paths import rubrics_dir

    pipe = pipeline(lang)
    names = {p.stem for p in (rubrics_dir() / "lexicons" / lang).glob("*.txt")}
    names |= {p.stem for p in (rubrics_dir() / "lexicons" / "en").glob("tech_*.txt")}
    texts = sorted(
        {
            t.text
            for name in names
            for t in parse_terms(lexicon_path(name, lang).read_text("utf-8"), name)
            if "..." not in t.text
        }
    )
    fast = pipe.term_tokens(texts)
    slow = [tuple(tok.text for tok in pipe.nlp.make_doc(text)) for text in texts]
    assert [(t, f) for t, f, s in zip(texts, fast, slow, strict=True) if f != s] == []


def test_negation_reaches_across_a_verb_phrase() -> None:
    from answer_check.scoring import Request, score

    card = score(
        Request(text="Saya tidak berhasil menyelesaikan proyek itu tepat waktu.", stage="hr")
    )
    assert card.lang == "id" and card.star is not None
    assert card.star["result"] == ()


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("In my internship at a logistics company, returns had reached 9%.", ["In my internship"]),
        ("As an intern at a bank, I checked 400 transactions.", ["As an intern at a"]),
        ("I fixed the invoices and never made that mistake again.", []),
    ],
)
def test_an_internship_sets_the_scene(text: str, situation: list[str]) -> None:
    from answer_check.scoring import Request, score

    card = score(Request(text=text, stage="hr"))
    assert card.star is not None
    assert [e.text for e in card.star["situation"]] == situation


def test_an_aim_is_not_a_told_action() -> None:
    from answer_check.scoring import Request, score

    card = score(
        Request(text="Last year the launch slipped. I learned to plan better.", stage="hr")
    )
    assert card.star is not None
    assert [e.text for e in card.star["action"]] == []
    told = score(Request(text="Last year the launch slipped, so I planned every step.", stage="hr"))
    assert told.star is not None
    assert [e.text for e in told.star["action"]] == ["planned"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I applied because this kind of role fits me.", []),
        ("What sort of team would I join?", []),
        ("The same kind of problem came back, so I fixed the cause.", []),
        ("I kind of fixed it.", ["I kind of"]),
        ("It was kind of late, and I'm sort of unsure.", ["was kind of", "'m sort of"]),
    ],
)
def test_kind_of_is_a_hedge_only_as_one(text: str, expected: list[str]) -> None:
    """A false hedge costs the answer points: 'this kind of role' is a noun phrase."""
    analysis = Analysis.of(text, "en")
    assert [h.text for h in analysis.hits(("hedges",))] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The stock count was always off at the warehouse.", "en", []),
        ("I always double-check my work.", "en", ["I always"]),
        ("Stok di gudang selalu selisih setiap akhir bulan.", "id", []),
        ("Saya selalu memeriksa ulang pekerjaan saya.", "id", ["Saya selalu"]),
    ],
)
def test_always_is_habit_talk_only_about_the_speaker(
    text: str, lang: str, expected: list[str]
) -> None:
    """'always' describing the situation is not a generic habit of the speaker."""
    analysis = Analysis.of(text, lang)
    assert [h.text for h in analysis.hits(("generic_habits",))] == expected


def test_norms_are_the_same_when_the_word_caches_are_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past its cache bound the norms component looks each word up anew: same norms."""
    from answer_check import nlp
    from answer_check.lexicons import token_view

    text = "I LED the rollout, and we didn't miss the deadline: 3 teams finished early."
    pipe = nlp.pipeline("en")
    cached = pipe.set_norms(pipe.nlp.make_doc(text))
    expected = token_view(cached, text)
    assert [t.norm_ for t in cached] == expected.norms
    monkeypatch.setattr(nlp, "_WORD_CACHE", 0)
    monkeypatch.setattr(pipe, "_words", {})
    doc = pipe.set_norms(pipe.nlp.make_doc(text))
    assert token_view(doc, text) == expected
    assert [t.norm_ for t in doc] == expected.norms


@pytest.mark.parametrize(
    ("lang", "text", "lemmas"),
    [
        (
            "en",
            "I LED two Teams and didn't stop.",
            ["i", "lead", "two", "team", "and", "do", "not", "stop", "."],
        ),
        (
            "id",
            "Saya memimpin tim dan meningkatkan penjualan.",
            ["saya", "pimpin", "tim", "dan", "tingkat", "jual", "."],
        ),
    ],
)
def test_the_pipeline_sets_lemma_and_norm_to_the_lower_case_lemma(
    lang: str, text: str, lemmas: list[str]
) -> None:
    """Matcher rules on LEMMA or NORM see the same lower-case lemma."""
    from answer_check.nlp import pipeline

    doc = pipeline(lang)(text)
    assert [t.lemma_ for t in doc] == lemmas
    assert [t.norm_ for t in doc] == lemmas
