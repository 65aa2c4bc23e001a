"""Checking free text from forms. Text is stored exactly as given — control characters,
markup and SQL fragments included — and made safe where it is shown (PDF escaping, Qt
plain-text widgets); here only emptiness and length are checked."""

from __future__ import annotations

import re

from lapor_desktop.services.errors import ValidationError

# C0 controls other than tab and newline, DEL, C1 controls, and the bidi embeddings,
# overrides and isolates (U+202A-E, U+2066-9): they can rewrite a terminal or reorder a
# printed line ("Trojan source"), and no form field needs them.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_unsafe(value: str | None, *, keep_newlines: bool = True) -> str:
    """`value` without unsafe characters; Windows/Mac line ends become "\\n". Without
    `keep_newlines`, tabs and line breaks become single spaces (titles, names, file names)."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _UNSAFE.sub("", text)
    if not keep_newlines:
        text = " ".join(text.split())
    return text


def checked_text(
    value: str | None, *, field: str, label: str, max_len: int, required: bool = False
) -> str:
    text = value or ""
    if required and not text.strip():
        raise ValidationError(f"{label} wajib diisi.", field)
    if len(text) > max_len:
        raise ValidationError(
            f"{label} terlalu panjang ({len(text)} karakter; maksimal {max_len}).", field
        )
    return text


def one_line(value: str | None) -> str:
    """Names, phone numbers and codes: surrounding whitespace and line breaks removed."""
    return " ".join((value or "").split())
