"""The HTML report: escaped user text, self-contained, highlights where the evidence is."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from answer_check.model import Evidence, ScoreCard, StarSentence
from answer_check.render import html_report
from answer_check.render.html_report import (
    MINUS,
    HtmlRenderer,
    ReportNav,
    ReportTemplate,
    environment,
    highlighted_answer,
    labels,
    report_template,
    str_escaper,
    text_escaper,
)
from answer_check.scoring import Request, score

HOSTILE = (
    'Last year I led a <script>alert("x")</script> migration & I wrote <b>bold</b> docs. '
    "As a result, errors fell by 30%. <img src=x onerror=alert(1)>"
)


def test_user_text_is_escaped() -> None:
    card = score(Request(text=HOSTILE, stage="hr", question='Why <i>you</i>? "Tell me" & more'))
    page = HtmlRenderer().render(card)
    assert "<script>" not in page and "<img" not in page and "<b>bold" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;i&gt;you&lt;/i&gt;" in page


def test_report_is_self_contained() -> None:
    page = HtmlRenderer().render(score(Request(text=HOSTILE, stage="hr")))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "<script" not in page


def test_evidence_is_highlighted_in_the_answer() -> None:
    card = score(Request(text=HOSTILE, stage="hr"))
    page = HtmlRenderer().render(card)
    answer_html = page.split('<div class="answer">', 1)[1].split("</div>", 1)[0]
    marked = re.findall(r"<mark[^>]*>(.*?)</mark>", answer_html)
    assert "led" in marked and "As a result" in marked and "30%" in marked
    # the answer's text is all there, in order, once the marks are removed
    plain = re.sub(r"</?mark[^>]*>", "", answer_html)
    import html

    assert html.unescape(plain) == HOSTILE


def test_blocks_built_in_python_print_the_page_markup() -> None:
    # The chips, the legend and the STAR map are built in html_report.py, not the template:
    # this pins the markup they print.
    card = score(Request(text=HOSTILE, stage="hr"))
    text = "I led it. It worked."
    chip = Evidence(2, 5, "led", "action: led", "+")
    crit = replace(card.criteria[0], title="Action", evidence=(chip,))
    cue = Evidence(2, 5, "led", "star_action: led")
    star = (StarSentence(0, 0, 9, "action", cue), StarSentence(1, 10, 20, "none", None))
    card = replace(
        card,
        answer=text,
        criteria=(crit, *(replace(c, evidence=()) for c in card.criteria[1:])),
        star_sentences=star,
    )
    page = HtmlRenderer().render(card)
    assert (
        '<div class="answer">I <mark class="c0" title="Action">led</mark> it. It worked.</div>'
        in page
    )
    assert '<span><i class="sw c0"></i>Action</span>' in page
    assert '<div class="chips"><span class="chip" title="action: led">led</span></div>' in page
    assert (
        '<div class="starbar"><i style="flex:9;background:#22c55e" title="Action"></i>'
        '<i style="flex:10;background:#cbd5e1" title="\u2014"></i></div>'
    ) in page
    assert (
        '  <div class="star-row">\n'
        '    <div class="star-tag" style="border-color:#22c55e;color:#22c55e">Action</div>\n'
        '    <div>I led it.<div class="star-cue">cue: <span class="cue" '
        'title="star_action: led">led</span></div></div>\n'
        "  </div>\n"
        '  <div class="star-row">\n'
        '    <div class="star-tag" style="border-color:#cbd5e1;color:#94a3b8">\u2014</div>\n'
        "    <div>It worked.</div>\n"
        "  </div>\n"
        "</section>"
    ) in page


def test_evidence_and_star_cues_are_escaped() -> None:
    card = score(Request(text=HOSTILE, stage="hr"))
    hostile = Evidence(0, 4, "<b>x</b>", 'rule "<1>" & co', "-")
    crit = replace(card.criteria[0], evidence=(hostile,))
    cue = Evidence(0, 4, "<i>cue</i>", "r<2>")
    sentence = StarSentence(0, 0, len(HOSTILE), "action", cue)
    card = replace(card, criteria=(crit, *card.criteria[1:]), star_sentences=(sentence,))
    page = HtmlRenderer().render(card)
    assert "<b>x</b>" not in page and "<i>cue</i>" not in page
    chip = '<span class="chip neg" title="rule &#34;&lt;1&gt;&#34; &amp; co">&lt;b&gt;x&lt;/b&gt;'
    assert chip in page
    assert 'title="r&lt;2&gt;">&lt;i&gt;cue&lt;/i&gt;</span>' in page


# --- the highlighted answer: cut at every evidence edge --------------------------------------


def _highlighted_by_hand(card: ScoreCard, slots: dict[str, int]) -> str:
    """highlighted_answer() the slow way: each piece looks for the spans that cover it."""
    text = card.answer
    spans = [
        (slots[c.id], ev.start, ev.end, ev.polarity, c.title + MINUS * (ev.polarity == "-"))
        for c in card.criteria
        for ev in c.evidence
        if 0 <= ev.start < ev.end <= len(text)
    ]
    spans.sort(key=lambda span: span[0])
    cuts = sorted({0, len(text)} | {span[1] for span in spans} | {span[2] for span in spans})
    html = []
    for a, b in pairwise(cuts):
        over = [span for span in spans if span[1] <= a < span[2]]
        piece = str(escape(text[a:b]))
        if not over:
            html.append(piece)
            continue
        earning = [span for span in over if span[3] == "+"]
        if earning:
            mark = f"c{earning[0][0]}"
        elif any(span[3] == "-" for span in over):
            mark = "neg"
        else:
            mark = f"c{over[0][0]}"
        title = " \u00b7 ".join(dict.fromkeys(span[4] for span in over))
        html.append(f'<mark class="{mark}" title="{escape(title)}">{piece}</mark>')
    return "".join(html)


_CARD = score(Request(text=HOSTILE, stage="hr"))


@settings(max_examples=300)
@given(
    st.text(alphabet='ab<&" ', max_size=20),
    st.lists(
        st.tuples(
            st.sampled_from([0, 1, 2, 11, 12, 13]),  # the criterion: 0 and 12 share slot 0
            st.integers(-1, 21),  # start
            st.integers(0, 8),  # length
            st.sampled_from("++-?"),  # polarity
        ),
        max_size=8,
    ),
)
def test_highlighted_answer_marks_what_covers_each_piece(
    text: str, evidence: list[tuple[int, int, int, str]]
) -> None:
    # 14 criteria in a palette of 12: two pairs share a colour slot.
    base = _CARD.criteria[0]
    criteria = tuple(
        replace(
            base,
            id=f"c{i}",
            title=f"<T{i}>" if i % 2 else f"T{i}",
            evidence=tuple(
                Evidence(start, start + length, "", "", polarity)
                for n, start, length, polarity in evidence
                if n == i
            ),
        )
        for i in range(14)
    )
    card = replace(_CARD, answer=text, criteria=criteria)
    slots = {c.id: i % 12 for i, c in enumerate(criteria)}
    assert highlighted_answer(card, slots, str_escaper()) == _highlighted_by_hand(card, slots)


# --- the parts rendered once (CSS, a criterion's cells and guidance, a fix) ---------------

ANSWERS = (
    HOSTILE,
    "In my last job our team missed a deadline. I was responsible for the release. "
    "First I listed the open bugs, then I asked two colleagues to test the fixes and I "
    "wrote the release notes myself. As a result, we shipped two days later with no "
    "critical bugs. I learned to plan a buffer.",
    "Saya memimpin tim kecil. Saya membuat jadwal dan menghubungi pelanggan setiap minggu. "
    "Hasilnya, keluhan turun 20% dalam dua bulan.",
)


def _in_place(card: ScoreCard, nav: ReportNav | None = None) -> str:
    """The page with every block rendered where it stands (no kept renderings)."""
    renderer = HtmlRenderer(nav=nav)
    context = renderer.context(card)
    context["style"] = ""
    context["criteria"] = [(c, slot, "", chips) for c, slot, _, chips in context["criteria"]]
    context["fixes"] = [(fix, "") for fix, _ in context["fixes"]]
    return report_template(card.report_lang).render(context)


@pytest.mark.parametrize("answer", ANSWERS)
@pytest.mark.parametrize("report_lang", ["en", "id"])
def test_kept_renderings_print_what_the_template_renders_in_place(
    answer: str, report_lang: str
) -> None:
    nav = ReportNav(index_href="../index.html", student="Ayu <b>", record_id="r&1")
    for question in (None, "Tell me about a time you missed a deadline."):
        card = score(Request(text=answer, stage="hr", question=question, report_lang=report_lang))
        assert HtmlRenderer(nav=nav).render(card) == _in_place(card, nav)


def test_criterion_text_is_escaped_in_the_kept_cells() -> None:
    card = score(Request(text=HOSTILE, stage="hr"))
    crit = replace(card.criteria[0], title="<i>T</i>", checks="a < b & c", why='"q"', rule="r<1>")
    card = replace(card, criteria=(crit, *card.criteria[1:]))
    page = HtmlRenderer().render(card)
    assert "<i>T</i>" not in page and "&lt;i&gt;T&lt;/i&gt;" in page
    assert "a &lt; b &amp; c" in page and "&#34;q&#34;" in page and "r&lt;1&gt;" in page
    assert page == _in_place(card)


@pytest.mark.parametrize("kept", [ReportTemplate.KEPT, 1])
@pytest.mark.parametrize("report_lang", ["en", "id"])
def test_page_as_utf8_is_the_page_encoded(
    report_lang: str, kept: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # render_utf8() joins the pieces' UTF-8, the kept parts' encoded once: the same bytes.
    # A template that keeps one rendering of each part starts its stores afresh on every
    # new part, so its pages also print parts whose UTF-8 is no longer kept.
    template = ReportTemplate(report_lang)
    template.KEPT = kept
    monkeypatch.setattr(html_report, "report_template", lambda lang: template)
    nav = ReportNav(index_href="../index.html", student="Ay\u00fb <b> \u2192", record_id="r&1")
    for answer in (*ANSWERS, "Caf\u00e9 \u2014 I led \U0001f680 & <b>won</b>.") * 2:
        card = score(Request(text=answer, stage="hr", report_lang=report_lang))
        renderer = HtmlRenderer(nav=nav)
        assert renderer.render_utf8(card) == renderer.render(card).encode()


def test_cells_tell_a_negative_zero_from_zero() -> None:
    # 0.0 == -0.0, but they print differently: the kept cells must not mix them up.
    card = score(Request(text=HOSTILE, stage="hr"))
    crit = replace(card.criteria[0], points=0.0, skipped=False)
    template = report_template(card.report_lang)
    plus = template.criterion(crit, 0)
    minus = template.criterion(replace(crit, points=-0.0), 0)
    assert "<b>0.0</b>" in plus and "<b>-0.0</b>" in minus


def test_interface_strings_are_compiled_in_for_each_language() -> None:
    card = score(Request(text=HOSTILE, stage="hr", report_lang="id"))
    page = HtmlRenderer().render(card)
    assert "Umpan balik jawaban wawancara" in page and "Interview answer feedback" not in page
    assert labels("id")["ui.title"] == "Umpan balik jawaban wawancara"


def test_an_unknown_interface_string_is_an_error() -> None:
    with pytest.raises(ValueError, match="no interface string"):
        labels("en")["ui.no_such_string"]


# --- printing values: markupsafe's escaping, as plain str ----------------------------------


class _Safe:
    def __html__(self) -> str:
        return "<b>safe</b>"


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.booleans()))
def test_text_escaper_escapes_like_markupsafe(value: object) -> None:
    assert text_escaper()(value) == str(escape(value))


@given(st.text())
def test_str_escaper_escapes_like_markupsafe(value: str) -> None:
    assert str_escaper()(value) == str(escape(value))


def test_text_escaper_prints_safe_values_as_they_are() -> None:
    escape_text = text_escaper()
    assert escape_text(Markup("<i>x</i>")) == "<i>x</i>"
    assert escape_text(_Safe()) == "<b>safe</b>"
    assert escape_text("<i>'x' & \"y\"</i>") == "&lt;i&gt;&#39;x&#39; &amp; &#34;y&#34;&lt;/i&gt;"


def test_templates_print_through_the_text_escaper() -> None:
    # The compiled templates look markupsafe's escape up in their globals; the environment
    # swaps in text_escaper(). A jinja2 that no longer does so would only be slower, but
    # this test says so.
    for template in (
        report_template("en").template,
        environment().get_template("dashboard.html.j2"),
    ):
        assert template.root_render_func.__globals__["escape"] is text_escaper()
