"""Write report files atomically and derive safe file names."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from answer_check.errors import OutputError


def _file_mode() -> int:
    """Mode of new report files: readable like any file the user creates (mkstemp gives 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _file_mode()
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str, fallback: str = "answer") -> str:
    """A file-name-safe slug: ASCII letters, digits, '.', '_' and '-', no leading dots."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = _UNSAFE.sub("-", ascii_name).strip("-.")
    return slug[:80] or fallback


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename: never half-written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            os.chmod(tmp, FILE_MODE)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(
            "E301", path=str(path), reason=exc.strerror or type(exc).__name__
        ) from None
