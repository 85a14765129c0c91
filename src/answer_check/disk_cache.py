"""The on-disk cache of built word-list matchers and compiled templates: only ever faster.

Entries live under ``$XDG_CACHE_HOME/answer-check`` (default ``~/.cache/answer-check``),
keyed by a fingerprint of everything they are built from (package versions, the source of
the modules that build them, the word lists' contents), so a changed input is simply built
again. Nothing here is needed: with ANSWER_CHECK_NO_CACHE set, or a folder that cannot be
written, or an entry that cannot be read, the work is done in memory as usual.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from answer_check import __version__

# Entries kept per kind (matchers, ...): one run of every rubric in both languages uses
# fewer than a hundred; the oldest beyond this are removed.
MAX_ENTRIES = 300


@cache
def cache_dir() -> Path | None:
    """The cache folder for this version, or None when caching is off or impossible."""
    if os.environ.get("ANSWER_CHECK_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "answer-check" / __version__
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        return None
    return folder


def fingerprint(*parts: str | bytes) -> str:
    """A stable hash of the given parts."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\x00")
    return digest.hexdigest()[:32]


@cache
def source_fingerprint(*modules: str) -> str:
    """A hash of these modules' source files (so a code change rebuilds their cache entries)."""
    here = Path(__file__).parent
    return fingerprint(*((here / f"{m}.py").read_bytes() for m in modules))


def load(kind: str, key: str) -> Any | None:
    """The cached object, or None (missing, unreadable or from another build)."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / kind / f"{key}.pickle"
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)
    except Exception:  # a damaged or foreign entry is only a cache miss
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: pruning keeps the entries in use
    return value


def store(kind: str, key: str, value: Any) -> None:
    """Save an object atomically; failures are ignored (the cache is optional)."""
    folder = cache_dir()
    if folder is None:
        return
    target = folder / kind
    try:
        target.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target / f"{key}.pickle")
    except (OSError, pickle.PickleError):
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        return
    prune(target)


def prune(folder: Path, keep: int = MAX_ENTRIES) -> int:
    """Remove all but the ``keep`` most recently used entries of one kind; how many went.

    Entries are keyed by what they were built from, so every edited word list or upgrade
    leaves old ones behind; a run uses a few dozen. Called after each store (rare: only
    when something new was built).
    """
    try:
        entries = [(p.stat().st_mtime, p) for p in folder.glob("*.pickle")]
    except OSError:
        return 0
    entries.sort(reverse=True)
    removed = 0
    for _, path in entries[keep:]:
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed
