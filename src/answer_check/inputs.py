"""Read answers, questions and term lists safely: encodings, binary data, size limits."""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from answer_check.errors import InputError

MAX_WORDS = 20_000
_WORD = re.compile(r"\w+")
_COMMENT = re.compile(r"(?:^|\s)#")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters other than whitespace
_MARKUP = re.compile(r"^\s*(<!doctype html|<html|\{\\rtf)", re.IGNORECASE)


@dataclass(frozen=True)
class AnswerText:
    """An answer's text with the name it came from (a file name, or 'stdin')."""

    text: str
    name: str
    source: str


def decode(data: bytes, where: str) -> str:
    """Decode bytes as UTF-8 (BOM optional) or BOM-marked UTF-16; name the problem otherwise."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("E005", path=where, offset=exc.start) from None
    if b"\x00" in data[:8192]:
        raise InputError("E004", path=where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("E005", path=where, offset=exc.start) from None
    return text


def clean_text(text: str, where: str) -> str:
    """Validate decoded answer text; offsets in reports index exactly this string."""
    controls = len(_CONTROL.findall(text, 0, 8192))
    if controls > 8:
        raise InputError("E004", path=where)
    if not text.strip():
        raise InputError("E003", path=where)
    if _MARKUP.match(text):
        raise InputError("E008", path=where)
    words = len(_WORD.findall(text)) if len(text) > MAX_WORDS else 0  # fewer chars: fewer words
    if words > MAX_WORDS:
        raise InputError("E006", path=where, words=words, limit=MAX_WORDS)
    return text


def read_bytes(path: str) -> bytes:
    """Read a file (or stdin for '-') as bytes with user-facing errors."""
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if p.is_dir():
        raise InputError("E002", path=path)
    if not p.exists():
        raise InputError("E001", path=path)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError("E007", path=path, reason=exc.strerror or type(exc).__name__) from None


def read_answer(path: str) -> AnswerText:
    """Read one answer from a file path or '-' (stdin)."""
    where = "stdin" if path == "-" else path
    text = clean_text(decode(read_bytes(path), where), where)
    name = "answer" if path == "-" else Path(path).stem
    return AnswerText(text=text, name=name, source=where)


def read_question(path: str) -> str:
    """Read an interview question from a file."""
    text = decode(read_bytes(path), path).strip()
    if not text:
        raise InputError("E202", path=path)
    return " ".join(text.split())


def _read_option_file(path: str, option: str) -> str:
    """Read a file given to an option (--terms, --job); name the option when it is missing."""
    if path != "-" and not Path(path).exists():
        raise InputError("E205", path=path, option=option)
    return decode(read_bytes(path), path)


def read_terms(path: str) -> list[str]:
    """Read a user's own term list: one term per line, '#' comments allowed."""
    text = _read_option_file(path, "--terms")
    terms = []
    for line in text.splitlines():
        term = _COMMENT.split(line, maxsplit=1)[0].strip()  # "C#" stays a term
        if term:
            terms.append(term)
    if not terms:
        raise InputError("E204", path=path)
    return terms


def read_job(path: str) -> str:
    """Read a job description (plain text) from a file."""
    text = _read_option_file(path, "--job")
    if not text.strip():
        raise InputError("E206", path=path)
    return clean_text(text, path)
