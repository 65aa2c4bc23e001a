"""The one font family of every PDF: bundled Liberation Sans (Arial metrics, SIL OFL).

No base-14 font may appear in a document (they are not embedded), so every style, table,
chart label and canvas call names one of these.
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
REGULAR = "LiberationSans"
BOLD = "LiberationSans-Bold"
ITALIC = "LiberationSans-Italic"
BOLD_ITALIC = "LiberationSans-BoldItalic"
_FILES = {
    REGULAR: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
    BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
}
# The fallback for what Liberation Sans lacks (emoji, symbols such as ✓, some scripts):
# DejaVu Sans (Bitstream Vera licence), only used inside paragraphs, character by character
# (text.markup); registered on first need.
FALLBACK = "DejaVuSans"
FALLBACK_BOLD = "DejaVuSans-Bold"
_FALLBACK_FILES = {FALLBACK: "DejaVuSans.ttf", FALLBACK_BOLD: "DejaVuSans-Bold.ttf"}
_registered = False
_fallback_registered = False


def register_fonts() -> None:
    """Register the family once per process (parsing the TTFs is the slow part)."""
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    # <b>, <i> inside Paragraphs map through these; without them bold prints regular.
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(REGULAR, bold, italic, name)
    _registered = True


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond the BMP (emoji) written as
    UTF-16 surrogate pairs: reportlab writes "<1F600>", which readers reject, so the
    emoji would print but not copy or search."""
    from reportlab.pdfbase import ttfonts

    text: str = ttfonts._rl_make_to_unicode_cmap(fontname, subset)
    for i, v in enumerate(subset):
        if v > 0xFFFF:
            utf16 = chr(v).encode("utf-16-be").hex().upper()
            text = text.replace(f"<{i:02X}> <{v:04X}>", f"<{i:02X}> <{utf16}>")
    return text


def _patch_to_unicode() -> None:
    from reportlab.pdfbase import ttfonts

    if not hasattr(ttfonts, "_rl_make_to_unicode_cmap"):
        ttfonts._rl_make_to_unicode_cmap = ttfonts.makeToUnicodeCMap
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def register_fallback() -> None:
    """Register DejaVu Sans (regular and bold; it has no italic: slanted text stays upright)."""
    global _fallback_registered
    if _fallback_registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    _patch_to_unicode()
    for name, file in _FALLBACK_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily(
        FALLBACK, normal=FALLBACK, bold=FALLBACK_BOLD, italic=FALLBACK, boldItalic=FALLBACK_BOLD
    )
    for bold, italic, name in (
        (0, 0, FALLBACK),
        (1, 0, FALLBACK_BOLD),
        (0, 1, FALLBACK),
        (1, 1, FALLBACK_BOLD),
    ):
        addMapping(FALLBACK, bold, italic, name)
    _fallback_registered = True
