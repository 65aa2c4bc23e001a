"""The page: paper, margins, the kop on page 1 only, "Halaman x dari y", the e-sign note.

LETTERS.md "Common grid": left 30 / right 20 / bottom 25 mm, top 20 mm from page 2; the
kop's closing rule about 40 mm from the top. Page numbers need the page count, so the
canvas keeps every page and stamps the footers when the document is saved (two passes
over the pages, one layout pass).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from lapor_desktop.pdf.data import Letterhead
from lapor_desktop.pdf.fonts import BOLD, REGULAR, register_fonts

PAPERS: dict[str, tuple[float, float]] = {"A4": A4, "F4": (215 * mm, 330 * mm)}
LEFT = 30 * mm
RIGHT = 20 * mm
BOTTOM = 25 * mm
TOP_LATER = 20 * mm
EMBLEM_W, EMBLEM_H, EMBLEM_TOP = 21 * mm, 26 * mm, 12 * mm


def paper_size(name: str) -> tuple[float, float]:
    try:
        return PAPERS[name.upper()]
    except KeyError:
        raise ValueError(f"Ukuran kertas tidak dikenal: {name!r} (A4 atau F4)") from None


def text_width(paper: str) -> float:
    """Width of the text column on a portrait page."""
    return paper_size(paper)[0] - LEFT - RIGHT


@lru_cache(maxsize=16)
def _image(path: str) -> ImageReader:
    return ImageReader(path)


@dataclass(frozen=True)
class KopLine:
    text: str
    font: str
    size: float
    y_from_top: float  # baseline


def _fit_size(text: str, font: str, width: float, biggest: float, smallest: float) -> float:
    size = biggest
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _split_two(text: str) -> tuple[str, str]:
    words = text.split()
    best = (text, "")
    best_diff = len(text)
    for i in range(1, len(words)):
        a, b = " ".join(words[:i]), " ".join(words[i:])
        if abs(len(a) - len(b)) < best_diff:
            best, best_diff = (a, b), abs(len(a) - len(b))
    return best


def kop_layout(lh: Letterhead, page_width: float) -> tuple[list[KopLine], float]:
    """The kop's text lines and the distance of the closing rule from the top."""
    from lapor_desktop.pdf.text import clip, fit

    def plain(text: str) -> str:
        return clip(text, 200)

    width = page_width - LEFT - RIGHT - EMBLEM_W - 6 * mm
    lines: list[KopLine] = []
    y = 17 * mm
    gov = plain(lh.government).upper()
    lines.append(KopLine(gov, REGULAR, _fit_size(gov, REGULAR, width, 12, 8), y))
    office = plain(lh.office).upper()
    size = _fit_size(office, BOLD, width, 16, 13)
    if stringWidth(office, BOLD, size) <= width:
        y += 7 * mm
        lines.append(KopLine(office, BOLD, size, y))
    else:
        parts = _split_two(office)
        size = min(_fit_size(p, BOLD, width, 16, 7) for p in parts)
        for p in parts:
            y += size * 1.2 + 1 * mm
            lines.append(KopLine(p, BOLD, size, y))
    address = plain(lh.address)
    asize = _fit_size(address, REGULAR, width, 10, 7)
    y += 5 * mm
    lines.append(KopLine(address, REGULAR, asize, y))
    contact = "   ".join(
        p
        for p in (
            f"Telepon {plain(lh.phone)}" if lh.phone else "",
            f"Laman {plain(lh.website)}" if lh.website else "",
            f"Pos-el {plain(lh.email)}" if lh.email else "",
        )
        if p
    )
    if contact:
        y += 4.3 * mm
        lines.append(KopLine(contact, REGULAR, _fit_size(contact, REGULAR, width, 9.5, 6.5), y))
    rule = max(40 * mm, y + 2.5 * mm)
    # Whatever did not fit at the smallest size is cut, never drawn over the margin.
    lines = [
        KopLine(fit(k.text, width, k.font, k.size), k.font, k.size, k.y_from_top) for k in lines
    ]
    return lines, rule


def draw_kop(canvas: Any, lh: Letterhead, emblem: Path | None, lines: list[KopLine], rule: float):
    w, h = canvas._pagesize
    if emblem is not None:
        canvas.drawImage(
            _image(str(emblem)),
            LEFT,
            h - EMBLEM_TOP - EMBLEM_H,
            EMBLEM_W,
            EMBLEM_H,
            preserveAspectRatio=True,
            anchor="c",
            mask="auto",
        )
    cx = (LEFT + EMBLEM_W + 6 * mm + w - RIGHT) / 2
    for line in lines:
        canvas.setFont(line.font, line.size)
        canvas.drawCentredString(cx, h - line.y_from_top, line.text)
    canvas.setLineWidth(2)
    canvas.line(LEFT, h - rule, w - RIGHT, h - rule)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, h - rule - 1 * mm, w - RIGHT, h - rule - 1 * mm)


def draw_esign_note(canvas: Any, note: str) -> None:
    w, _ = canvas._pagesize
    canvas.setFont(REGULAR, 7.5)
    lines = simpleSplit(note, REGULAR, 7.5, w - LEFT - RIGHT)
    y = 16 * mm
    for line in lines:
        canvas.drawCentredString((LEFT + w - RIGHT) / 2, y, line)
        y -= 9.5


class NumberedCanvas(Canvas):
    """Keeps every page until save, then writes "Halaman x dari y" on each."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_page_number(number, total)
            super().showPage()
        super().save()

    def _draw_page_number(self, number: int, total: int) -> None:
        w, _ = self._pagesize
        self.setFont(REGULAR, 8)
        self.drawCentredString((LEFT + w - RIGHT) / 2, 8 * mm, f"Halaman {number} dari {total}")


@dataclass(frozen=True)
class PageSetup:
    paper: str = "A4"
    letterhead: Letterhead | None = None  # None: no kop
    emblem: Path | None = None
    esign_note: str = ""  # drawn on every page when the letter is e-signed
    title: str = ""


def build_pdf(story: Sequence[Any], setup: PageSetup) -> bytes:
    """Lay out `story` on our pages; deterministic bytes (invariant=1)."""
    register_fonts()
    # ASCII85 around compressed streams only makes files bigger, and reportlab's encoder
    # is pure Python without rl_accel (~20 % of a long document's build time).
    rl_config.useA85 = 0
    size = paper_size(setup.paper)
    w, h = size
    frames_top = TOP_LATER
    kop_lines: list[KopLine] = []
    rule = 0.0
    if setup.letterhead is not None:
        kop_lines, rule = kop_layout(setup.letterhead, w)
        frames_top = rule + 8 * mm

    def on_first(canvas: Any, _doc: Any) -> None:
        if setup.letterhead is not None:
            draw_kop(canvas, setup.letterhead, setup.emblem, kop_lines, rule)
        if setup.esign_note:
            draw_esign_note(canvas, setup.esign_note)

    def on_later(canvas: Any, _doc: Any) -> None:
        if setup.esign_note:
            draw_esign_note(canvas, setup.esign_note)

    bottom = BOTTOM + (6 * mm if setup.esign_note else 0)
    first = Frame(LEFT, bottom, w - LEFT - RIGHT, h - frames_top - bottom, 0, 0, 0, 0, id="first")
    later = Frame(LEFT, bottom, w - LEFT - RIGHT, h - TOP_LATER - bottom, 0, 0, 0, 0, id="later")
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=size,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        bottomMargin=BOTTOM,
        topMargin=TOP_LATER,
        invariant=1,
        initialFontName=REGULAR,
        title=setup.title,
        author="LAPOR Desktop",
        creator="LAPOR Desktop",
        producer="LAPOR Desktop",
        subject="",
        keywords="",
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                "first", [first], onPage=on_first, autoNextPageTemplate="later", pagesize=size
            ),
            PageTemplate("later", [later], onPage=on_later, pagesize=size),
        ]
    )
    doc.build(list(story), canvasmaker=NumberedCanvas)
    return buf.getvalue()
