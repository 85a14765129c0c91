"""The HTML report: escaped user text, self-contained, highlights where the evidence is."""

from __future__ import annotations

import re

from answer_check.render.html_report import HtmlRenderer
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
