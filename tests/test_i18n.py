"""Every interface string and check message is in English and Indonesian, with the same fields."""

from __future__ import annotations

import string

import pytest

# imported for their catalog entries: check messages, report strings, scoring notes
import answer_check.checks
import answer_check.render.strings
import answer_check.scoring  # noqa: F401
from answer_check.i18n import CATALOG, LANGS


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_catalog_key_has_both_languages(key: str) -> None:
    entry = CATALOG[key]
    assert set(entry) == set(LANGS), f"{key}: languages {sorted(entry)}"
    if entry["en"].strip():
        assert entry["id"].strip(), f"{key}: Indonesian text is empty"
    assert _fields(entry["en"]) == _fields(entry["id"]), f"{key}: fields differ"
