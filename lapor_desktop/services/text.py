"""Checking free text from forms. Text is stored exactly as given — control characters,
markup and SQL fragments included — and made safe where it is shown (PDF escaping, Qt
plain-text widgets); here only emptiness and length are checked."""

from __future__ import annotations

from lapor_desktop.services.errors import ValidationError


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
