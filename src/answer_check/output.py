"""Write report files atomically and derive safe file names."""

from __future__ import annotations

import itertools
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


_COUNTER = itertools.count()


def write_atomic(path: str | os.PathLike[str], text: str | bytes) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file and a rename: never
    half-written. ``path`` may be a str: joining a batch's thousands of report paths as
    str costs less than as Path objects (~1 us each).

    The temporary file is ``.<name>.<pid>-<n>.tmp`` next to the target, made with
    O_EXCL and the final mode (a name left by a crashed run falls back to
    ``tempfile.mkstemp``); a batch writes thousands of reports, and this path costs a
    third less than mkstemp + fdopen.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        try:
            fd, tmp = _create_temp(path)
        except FileNotFoundError:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = _create_temp(path)
        try:
            try:
                written = os.write(fd, data)  # all of it, but for a full disk or a signal
                if written < len(data):
                    view = memoryview(data)[written:]
                    while view:
                        view = view[os.write(fd, view) :]
            finally:
                os.close(fd)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(
            "E301", path=os.fspath(path), reason=exc.strerror or type(exc).__name__
        ) from None


def _create_temp(path: str | os.PathLike[str]) -> tuple[int, str]:
    """A new temporary file next to ``path``, open for writing, with the mode of a report."""
    # Split as a str: Path.parent and Path.name build new objects (~1 us a report).
    folder, name = os.path.split(os.fspath(path))
    folder = folder or os.curdir
    tmp = f"{folder}{os.sep}.{name}.{os.getpid()}-{next(_COUNTER)}.tmp"
    try:
        return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE), tmp
    except FileExistsError:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        try:
            os.fchmod(fd, FILE_MODE)
        except BaseException:
            os.close(fd)
            Path(tmp).unlink(missing_ok=True)
            raise
        return fd, tmp
