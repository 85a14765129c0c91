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
    for known in _BY_LANG.values():
        for key in entries:
            known.pop(key, None)


def t(key: str, lang: str, **fields: Any) -> str:
    """The text for ``key`` in ``lang`` (English when missing), formatted with ``fields``."""
    entry = CATALOG[key]
    text = entry.get(lang) or entry["en"]
    return text.format_map(fields) if fields else text  # ``fields`` is this call's own dict


class _Texts(dict[str, str]):
    """The catalog's texts in one language (English where it has none), by key, each looked
    up once: scoring reads a dozen messages per answer."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, key: str) -> str:
        entry = CATALOG[key]
        text = self[key] = entry.get(self.lang) or entry["en"]
        return text


_BY_LANG: dict[str, _Texts] = {}


def texts(lang: str) -> Mapping[str, str]:
    """By key: the unformatted text of ``t(key, lang)``."""
    found = _BY_LANG.get(lang)
    if found is None:
        found = _BY_LANG[lang] = _Texts(lang)
    return found


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
