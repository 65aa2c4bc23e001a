"""Checking free text from people (forms, CLI arguments, later import and sync).

Every free-text field a person types passes through here before it is stored, so the
GUI, the CLI and later import/sync share one rule (`strip_unsafe`):

- Removed silently from every field: C0 control characters other than tab and newline,
  DEL, C1 controls and the bidi embeddings, overrides and isolates. They can rewrite a
  terminal (ESC, BEL) or reorder a printed line ("Trojan source"); no form needs them,
  and refusing them would only make a person retype a pasted text they cannot see.
  Windows/Mac line ends become "\\n".
- Long text (complaint body, location, address, notes and answers): line breaks and
  tabs are kept (`checked_text`).
- Titles, names, phone numbers, e-mail addresses, codes, reasons and letterhead lines:
  one line; line breaks and tabs become single spaces and the ends are trimmed
  (`checked_text(single_line=True)`, `one_line`).
- A required field that is empty after this is refused ("wajib diisi"), also when it held
  only control characters; the length limit counts the cleaned text.

Everything else — markup, SQL fragments, emoji, zero-width characters, any script — is
stored as given and made safe where it is shown (PDF escaping, Qt plain-text widgets,
the CLI's output filter, which also cleans text stored before this rule existed).
"""

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
    value: str | None,
    *,
    field: str,
    label: str,
    max_len: int,
    required: bool = False,
    single_line: bool = False,
) -> str:
    """`value` cleaned by the rule above (one line with `single_line`), then checked:
    not empty when `required`, at most `max_len` characters."""
    text = strip_unsafe(value, keep_newlines=not single_line)
    if required and not text.strip():
        raise ValidationError(f"{label} wajib diisi.", field)
    if len(text) > max_len:
        raise ValidationError(
            f"{label} terlalu panjang ({len(text)} karakter; maksimal {max_len}).", field
        )
    return text


def one_line(value: str | None) -> str:
    """Names, phone numbers and codes: unsafe characters removed, line breaks and tabs
    made single spaces, surrounding whitespace removed."""
    return strip_unsafe(value, keep_newlines=False)


def escape_unsafe(text: str) -> str:
    """`text` with each unsafe character written as `\\uXXXX`: machine-readable output
    (the CLI's JSON) keeps the data exactly while a terminal showing it stays safe."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
