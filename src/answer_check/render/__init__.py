"""Renderers: every output format takes the same ScoreCard through one interface."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from answer_check.model import ScoreCard


class Renderer(Protocol):
    """Turns a ScoreCard into the text of one output format."""

    name: str
    extension: str

    def render(self, card: ScoreCard) -> str: ...


def get_renderer(name: str, color: bool = False) -> Renderer:
    """The renderer for ``name`` ("text", "json" or "html"), imported only when asked for."""
    if name == "json":
        from answer_check.render.json_report import JsonRenderer

        return JsonRenderer()
    if name == "html":
        from answer_check.render.html_report import HtmlRenderer

        return HtmlRenderer()
    if name == "text":
        from answer_check.render.text_report import TextRenderer

        return TextRenderer(color=color)
    raise ValueError(f"unknown format {name!r}")


FORMATS = ("text", "json", "html")
