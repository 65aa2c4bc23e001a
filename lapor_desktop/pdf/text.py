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


# A character no shipped font can draw prints as the Unicode replacement character "�"
# (from the fallback font) in paragraphs, and as "?" in text drawn straight on the canvas
# (one font per string there): visible, never an empty box.
MISSING_GLYPH = "\ufffd"
CANVAS_MISSING = "?"
# Right-to-left scripts print reversed and unjoined without a shaping engine: replaced.
_RTL = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF), (0x10800, 0x10FFF))
_covered: frozenset[int] | None = None
_fallback: frozenset[int] | None = None


def _main_coverage() -> frozenset[int]:
    global _covered
    if _covered is None:
        from reportlab.pdfbase.pdfmetrics import getFont

        from lapor_desktop.pdf.fonts import REGULAR, register_fonts

        register_fonts()
        _covered = frozenset(getFont(REGULAR).face.charWidths)
    return _covered


def _fallback_coverage() -> frozenset[int]:
    """Code points only the fallback font has (it is loaded on the first such text)."""
    global _fallback
    if _fallback is None:
        from reportlab.pdfbase.pdfmetrics import getFont

        from lapor_desktop.pdf.fonts import FALLBACK, register_fallback

        register_fallback()
        main = _main_coverage()
        _fallback = frozenset(
            c
            for c in getFont(FALLBACK).face.charWidths
            if c not in main and c > 0x20 and not any(lo <= c <= hi for lo, hi in _RTL)
        )
    return _fallback


def _glyphs(s: str, fallback: bool = False) -> str:
    """Replace characters the letter font cannot draw: with `fallback`, those the fallback
    font has stay (markup() sets them in it) and the rest become "�"; without, "?"."""
    if s.isascii():
        return s
    main = _main_coverage()
    if all(ord(ch) in main for ch in s):
        return s
    if fallback:
        extra = _fallback_coverage()
        return "".join(
            ch if ord(ch) in main or ord(ch) in extra or ch == "\n" else MISSING_GLYPH for ch in s
        )
    return "".join(ch if ord(ch) in main or ch == "\n" else CANVAS_MISSING for ch in s)


def _fallback_runs(s: str) -> str:
    """Escaped markup with every run of characters Liberation Sans lacks set in the
    fallback font."""
    if s.isascii():
        return s
    main = _main_coverage()
    if all(ord(ch) in main for ch in s):
        return s
    from lapor_desktop.pdf.fonts import FALLBACK

    out: list[str] = []
    run: list[str] = []
    for ch in s:
        if ord(ch) in main or ch == "\n":
            if run:
                out.append(f'<font face="{FALLBACK}">{"".join(run)}</font>')
                run = []
            out.append(ch)
        else:
            run.append(ch)
    if run:
        out.append(f'<font face="{FALLBACK}">{"".join(run)}</font>')
    return "".join(out)


def strip_controls(text: object) -> str:
    """Text without control characters or lone surrogates (no font involved)."""
    return _CONTROL.sub("", str(text))


def plain(text: object, fallback: bool = False) -> str:
    """Clean text for the canvas: one line, no control characters, only drawable glyphs
    (with `fallback`: also the fallback font's, for text that goes on to markup())."""
    s = _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))
    return _glyphs(s.replace("\t", " ").replace("\n", " ").strip(), fallback)


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
    return _break_long_words(_glyphs(_CONTROL.sub("", s), fallback=True))


def markup(text: object) -> str:
    """Escape user text for reportlab Paragraph markup; newlines become <br/>."""
    s = escape(clean_multiline(text).strip())
    return _fallback_runs(s).replace("\n", "<br/>")


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


def clip(text: object, limit: int, fallback: bool = False) -> str:
    """One clean line of at most `limit` characters (with "…"), long words broken.

    For places that cannot grow without bound: table cells that cannot split, the
    signature block, headers. Body text is never clipped. `fallback`: for markup()."""
    s = plain(text, fallback)
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return _break_long_words(s)


def clip_words(text: object, limit: int) -> str:
    """Like `clip`, but a text longer than `limit` is cut after a whole word ("…");
    for markup()."""
    s = plain(text, fallback=True)
    if len(s) > limit:
        cut = s[: limit - 1]
        space = cut.rfind(" ")
        if space > limit // 2:
            cut = cut[:space]
        s = cut.rstrip(" ,;:.-") + "…"
    return _break_long_words(s)


_UNITS = (
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas",
)  # fmt: skip


def terbilang(n: int) -> str:
    """A whole number in Indonesian words, as letters write it: 3 → "tiga", 11 →
    "sebelas", 118 → "seratus delapan belas", 1000 → "seribu"."""
    if n < 0:
        return "minus " + terbilang(-n)
    if n < 12:
        return _UNITS[n]
    if n < 20:
        return f"{_UNITS[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return f"{_UNITS[tens]} puluh" + (f" {_UNITS[rest]}" if rest else "")
    if n < 200:
        return "seratus" + (f" {terbilang(n - 100)}" if n > 100 else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_UNITS[hundreds]} ratus" + (f" {terbilang(rest)}" if rest else "")
    if n < 2000:
        return "seribu" + (f" {terbilang(n - 1000)}" if n > 1000 else "")
    for size, word in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        if n >= size:
            head, rest = divmod(n, size)
            return f"{terbilang(head)} {word}" + (f" {terbilang(rest)}" if rest else "")
    raise AssertionError(n)  # pragma: no cover


def counted(n: int) -> str:
    """A count as an official letter writes it: "3 (tiga)", "1.250 (seribu dua ratus
    lima puluh)"."""
    return f"{integer(n)} ({terbilang(n)})"


def channel_phrase(label: object) -> str:
    """How a report came in, as a letter says it: "secara langsung" (walk-in), "melalui
    SMS 1708", "melalui SP4N-LAPOR!", "melalui telepon" — never "melalui Datang
    langsung"."""
    s = plain(label, fallback=True).strip()
    low = s.lower()
    if not s:
        return ""
    if "langsung" in low:
        return "secara langsung"
    if low.startswith("lapor"):
        return "melalui SP4N-LAPOR!"
    first = s.split()[0]
    if len(first) > 1 and first.isupper():  # an acronym: SMS, SP4N-LAPOR!
        return f"melalui {s}"
    return f"melalui {s[:1].lower()}{s[1:]}"


_END = re.compile(r"[\s.,;:]+$")


def without_end(text: object) -> str:
    """User text to be continued inside a sentence: its trailing full stop, comma,
    semicolon or colon dropped ("desa." + ", bersama" never prints "desa., bersama")."""
    return _END.sub("", plain(text, fallback=True))


def join_sentences(*parts: object) -> str:
    """Sentences of user text joined with one full stop each ("Judul. Isi"), never
    "desa.. Mohon"; blank parts are left out."""
    texts = [plain(part, fallback=True).strip() for part in parts]
    texts = [t for t in texts if t]
    out = [t if t[-1] in "!?" else f"{without_end(t)}." for t in texts[:-1]]
    return " ".join(out + texts[-1:])
