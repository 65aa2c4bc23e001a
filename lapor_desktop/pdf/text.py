"""User text made safe for reportlab (LETTERS.md, "ReportLab traps").

`markup()` is the only way user text enters a Paragraph: it is escaped, so `<img>`,
`&`, unclosed tags and `</para>` print literally; control characters and lone
surrogates are dropped; very long words are cut into pieces that can wrap.
`plain()` is the same cleaning for text drawn straight on the canvas.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

# C0/C1 controls except tab and newline, plus lone surrogates (they cannot be encoded).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff]")
# A "word" longer than this gets break points; a line of body text holds ~80 characters.
LONG_WORD = 40
_LONG_RUN = re.compile(r"\S{" + str(LONG_WORD + 1) + ",}")


def plain(text: object) -> str:
    """Clean text for the canvas: one line, no control characters."""
    s = _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))
    return s.replace("\t", " ").replace("\n", " ").strip()


def _break_long_words(s: str) -> str:
    # A space every LONG_WORD characters lets the line breaker wrap a 10,000-character
    # "word" in linear time (reportlab's own long-word splitting is quadratic).
    return _LONG_RUN.sub(
        lambda m: " ".join(
            m.group(0)[i : i + LONG_WORD] for i in range(0, len(m.group(0)), LONG_WORD)
        ),
        s,
    )


def clean_multiline(text: object) -> str:
    """Clean text but keep newlines (for paragraphs the caller splits itself)."""
    s = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _break_long_words(_CONTROL.sub("", s))


def markup(text: object) -> str:
    """Escape user text for reportlab Paragraph markup; newlines become <br/>."""
    s = escape(clean_multiline(text).strip())
    return s.replace("\n", "<br/>")


def paragraphs(text: object) -> list[str]:
    """Split user text on blank lines into escaped paragraphs (empty ones dropped)."""
    chunks = re.split(r"\n\s*\n", clean_multiline(text))
    return [markup(c) for c in chunks if c.strip()]


def fit(text: str, width: float, font: str, size: float) -> str:
    """Cut `text` with an ellipsis so it fits `width` points (single-line cells)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits together with the ellipsis
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def decimal(value: float | None, places: int = 1) -> str:
    """Indonesian decimal comma and dot thousands: 1.234,5; None prints "-"."""
    if value is None:
        return "-"
    s = f"{value:,.{places}f}"
    return s.replace(",", "\0").replace(".", ",").replace("\0", ".")


def integer(value: int) -> str:
    """1.234"""
    return f"{value:,d}".replace(",", ".")


def percent(value: float | None) -> str:
    """ "87,5 %" or "-" when undefined (no cases)."""
    return "-" if value is None else f"{decimal(value, 1)} %"
