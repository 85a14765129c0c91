"""Cached loaders for the spaCy lookup lemma tables shipped in spacy-lookups-data."""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import cast

__all__ = ["data_dir", "load_en_table", "load_id_table", "load_table"]

_PACKAGE = "spacy_lookups_data"


def data_dir() -> Path:
    """Return the ``data`` folder of the installed spacy-lookups-data package.

    The package is located with ``importlib.util.find_spec`` so that its (slow) ``__init__``
    is never executed.
    """
    spec = find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the {_PACKAGE} package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@cache
def load_table(name: str) -> dict[str, str]:
    """Load ``<name>.json.gz`` from spacy-lookups-data as a word -> lemma dict (cached).

    The returned dict is shared between callers: treat it as read-only.
    """
    path = data_dir() / f"{name}.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path} does not hold a JSON object")
    return cast(dict[str, str], data)


def load_id_table() -> dict[str, str]:
    """Indonesian lookup lemmas (``id_lemma_lookup``), e.g. ``memimpin`` -> ``pimpin``."""
    return load_table("id_lemma_lookup")


def load_en_table() -> dict[str, str]:
    """English lookup lemmas (``en_lemma_lookup``), e.g. ``led`` -> ``lead``."""
    return load_table("en_lemma_lookup")
