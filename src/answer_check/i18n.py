"""Interface strings of the reports and check messages, in English and Indonesian."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGS = ("en", "id")

# Each entry: key -> {lang: text}. Text may hold str.format fields.
CATALOG: dict[str, dict[str, str]] = {}


def add(entries: dict[str, dict[str, str]]) -> None:
    """Register catalog entries (used by the modules that own the strings)."""
    CATALOG.update(entries)


def t(key: str, lang: str, **fields: Any) -> str:
    """The text for ``key`` in ``lang`` (English when missing), formatted with ``fields``."""
    entry = CATALOG[key]
    text = entry.get(lang) or entry["en"]
    return text.format_map(fields) if fields else text  # ``fields`` is this call's own dict


def t_map(key: str, lang: str, fields: Mapping[str, Any]) -> str:
    """``t`` with the fields given as a mapping (a check's message fields), not copied into
    keyword arguments."""
    entry = CATALOG[key]
    text = entry.get(lang) or entry["en"]
    return text.format_map(fields) if fields else text


def quote_list(items: list[str], lang: str, limit: int = 4) -> str:
    """'a', 'b' and 2 more: a short quoted list of found items (repeats, in any case, once)."""
    if len(items) == 1:
        return f"\u201c{items[0]}\u201d"
    unique: list[str] = []
    seen: set[str] = set()
    for item in items:
        low = item.lower()
        if low not in seen:
            seen.add(low)
            unique.append(item)
    if not unique:
        return ""
    shown = "\u201c" + "\u201d, \u201c".join(unique[:limit]) + "\u201d"
    rest = len(unique) - limit
    if rest > 0:
        shown += t("list.more", lang, n=rest)
    return shown


add({"list.more": {"en": " and {n} more", "id": " dan {n} lainnya"}})


def number(value: float, lang: str, decimals: int = 1) -> str:
    """A decimal number as written in ``lang``: "10.5" in English, "10,5" in Indonesian."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if lang == "id" else text
