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

    The returned dict is shared between callers: treat it as read-only. It is also kept in
    the on-disk cache, keyed by the file's bytes and this module's source: unpickling the
    English table takes about half the time of decompressing and parsing its JSON.
    """
    from answer_check import disk_cache

    path = data_dir() / f"{name}.json.gz"
    raw = path.read_bytes()
    key = None
    if disk_cache.cache_dir() is not None:
        key = disk_cache.fingerprint(name, raw, disk_cache.source_fingerprint("lemma_tables"))
        cached = disk_cache.load("lemmas", key)
        if isinstance(cached, dict):
            return cast(dict[str, str], cached)
    data = json.loads(gzip.decompress(raw).decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path} does not hold a JSON object")
    if key is not None:
        # One string per distinct lemma: the pickle then holds each once and loads faster.
        lemmas: dict[str, str] = {}
        data = {word: lemmas.setdefault(lemma, lemma) for word, lemma in data.items()}
        disk_cache.store("lemmas", key, data)
    return cast(dict[str, str], data)


def load_id_table() -> dict[str, str]:
    """Indonesian lookup lemmas (``id_lemma_lookup``), e.g. ``memimpin`` -> ``pimpin``."""
    return load_table("id_lemma_lookup")


def load_en_table() -> dict[str, str]:
    """English lookup lemmas (``en_lemma_lookup``), e.g. ``led`` -> ``lead``."""
    return load_table("en_lemma_lookup")
