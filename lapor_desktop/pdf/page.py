"""The page: paper, margins, the kop on page 1 only, "Halaman x dari y", the e-sign note.

LETTERS.md "Common grid": left 30 / right 20 / bottom 25 mm, top 20 mm from page 2; the
kop's closing rule about 40 mm from the top. Page numbers need the page count, so the
canvas keeps every page and stamps the footers when the document is saved (two passes
over the pages, one layout pass).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from lapor_desktop.pdf.data import Letterhead
from lapor_desktop.pdf.fonts import BOLD, REGULAR, register_fonts

if TYPE_CHECKING:
    from lapor_desktop.pdf.templates import Templates

PAPERS: dict[str, tuple[float, float]] = {
    "A4": A4,
    "F4": (215 * mm, 330 * mm),
    # forms (the disposition sheet, LETTERS.md B1): A5, or half an F4 sheet
    "A5": (148 * mm, 210 * mm),
    "F4/2": (165 * mm, 215 * mm),
}
# The form's paper for each letter paper (LETTERS.md B1 "A5 / half F4").
FORM_PAPER = {"A4": "A5", "F4": "F4/2"}
LEFT = 30 * mm
RIGHT = 20 * mm
BOTTOM = 25 * mm
TOP_LATER = 20 * mm
EMBLEM_W, EMBLEM_H, EMBLEM_TOP = 21 * mm, 26 * mm, 12 * mm


_invariant = False


@contextmanager
def invariant_output() -> Iterator[None]:
    """Deterministic bytes inside the block (a fixed creation date and document id):
    for tests and golden files only. Production output carries its real creation date."""
    global _invariant
    old, _invariant = _invariant, True
    try:
        yield
    finally:
        _invariant = old


def paper_size(name: str) -> tuple[float, float]:
    try:
        return PAPERS[name.upper()]
    except KeyError:
        raise ValueError(f"Ukuran kertas tidak dikenal: {name!r} (A4 atau F4)") from None


def form_paper(paper: str) -> str:
    """A5 for A4 letters, half F4 for F4 letters."""
    return FORM_PAPER.get(paper.upper(), "A5")


def text_width(paper: str) -> float:
    """Width of the text column on a portrait page."""
    return paper_size(paper)[0] - LEFT - RIGHT


def landscape_width(paper: str) -> float:
    """Width of the text column on a landscape page."""
    return paper_size(paper)[1] - LEFT - RIGHT


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


@dataclass(frozen=True)
class KopStyle:
    """Kop metrics (LETTERS.md "Letterhead"; lengths in points from the page's top).

    The office name shrinks before anything else does: one line at `office_one`…max,
    else two lines at `office_two`…max, else one line as small as it must, so the
    address and contact lines keep their sizes and the rule stays near `rule_min`."""

    emblem_w: float
    emblem_h: float
    emblem_top: float
    gap: float  # emblem → text area
    gov_size: float
    gov_baseline: float
    office_max: float
    office_one: float
    office_two: float
    address_sizes: tuple[float, ...]
    contact_size: float
    address_gap: float  # last office line → first address line (baselines)
    small_pitch: float  # between address and contact lines
    rule_gap: float  # last line → the closing rule
    rule_min: float
    rule_max: float
    left: float = LEFT  # page margins the kop spans
    right: float = RIGHT


FULL_KOP = KopStyle(
    emblem_w=EMBLEM_W,
    emblem_h=EMBLEM_H,
    emblem_top=EMBLEM_TOP,
    gap=6 * mm,
    gov_size=12,
    gov_baseline=16 * mm,
    office_max=16,
    office_one=14,
    office_two=13,
    address_sizes=(10, 9.5),
    contact_size=9.5,
    address_gap=4.6 * mm,
    small_pitch=3.9 * mm,
    rule_gap=2.3 * mm,
    rule_min=40 * mm,
    rule_max=42 * mm,
)
# The receipt's (LETTERS.md "Tanda terima": "office letterhead (compact)").
COMPACT_KOP = KopStyle(
    emblem_w=14 * mm,
    emblem_h=17.3 * mm,
    emblem_top=10 * mm,
    gap=4 * mm,
    gov_size=10,
    gov_baseline=13.5 * mm,
    office_max=12.5,
    office_one=11,
    office_two=10.5,
    address_sizes=(8.5, 8),
    contact_size=8,
    address_gap=3.9 * mm,
    small_pitch=3.3 * mm,
    rule_gap=2 * mm,
    rule_min=29 * mm,
    rule_max=31 * mm,
)


def _wrap_pieces(pieces: Sequence[str], font: str, size: float, width: float) -> list[str]:
    """Greedy lines of whole pieces ("Telepon …", "Laman …") joined by three spaces."""
    lines: list[str] = []
    for piece in pieces:
        if lines and stringWidth(f"{lines[-1]}   {piece}", font, size) <= width:
            lines[-1] = f"{lines[-1]}   {piece}"
        else:
            lines.append(piece)
    return lines


def _small_lines(
    lh: Letterhead, width: float, plain: Any, style: KopStyle
) -> list[tuple[str, float]]:
    """The address (10 pt, 9.5 at least, wrapped if longer) and the contact line(s) at
    9.5 pt: (text, size) from top to bottom."""
    out: list[tuple[str, float]] = []
    address = plain(lh.address)
    if address:
        size = next(
            (s for s in style.address_sizes if stringWidth(address, REGULAR, s) <= width),
            style.address_sizes[-1],
        )
        out += [(line, size) for line in simpleSplit(address, REGULAR, size, width)]
    pieces = [
        p
        for p in (
            f"Telepon {plain(lh.phone)}" if lh.phone else "",
            f"Laman {plain(lh.website)}" if lh.website else "",
            f"Pos-el {plain(lh.email)}" if lh.email else "",
        )
        if p
    ]
    for line in _wrap_pieces(pieces, REGULAR, style.contact_size, width):
        # A single piece wider than the kop (a very long address) shrinks on its own.
        out.append((line, _fit_size(line, REGULAR, width, style.contact_size, 6.5)))
    return out


def _office_options(office: str, width: float, style: KopStyle) -> list[tuple[list[str], float]]:
    """Ways to set the office name, best first: (lines, size)."""
    options: list[tuple[list[str], float]] = []

    def fits(lines: list[str], size: float) -> bool:
        return all(stringWidth(line, BOLD, size) <= width for line in lines)

    top = style.office_max
    sizes = [top - 0.5 * i for i in range(11)]  # 16 … 11 for the full kop
    two = list(_split_two(office))
    options += [([office], s) for s in sizes if s >= style.office_one and fits([office], s)]
    if two[1]:
        options += [(two, s) for s in sizes if s >= style.office_two and fits(two, s)]
    options += [([office], s) for s in sizes if s < style.office_one and fits([office], s)]
    if two[1]:  # nothing fits: two lines as large as the width allows
        options.append((two, min(_fit_size(p, BOLD, width, top, 6) for p in two)))
    else:
        options.append(([office], _fit_size(office, BOLD, width, top, 6)))
    return options


def kop_layout(
    lh: Letterhead, page_width: float, style: KopStyle = FULL_KOP
) -> tuple[list[KopLine], float]:
    """The kop's text lines and the distance of the closing rule from the top."""
    from lapor_desktop.pdf.text import clip, fit

    def plain(text: str) -> str:
        return clip(text, 200)

    register_fonts()
    width = page_width - style.left - style.right - style.emblem_w - style.gap
    gov = plain(lh.government).upper()
    gov_size = _fit_size(gov, REGULAR, width, style.gov_size, 7)
    gov_line = KopLine(gov, REGULAR, gov_size, style.gov_baseline)
    small = _small_lines(lh, width, plain, style)
    office = plain(lh.office).upper()
    best: tuple[list[KopLine], float] | None = None
    for office_lines, size in _office_options(office, width, style):
        lines = [gov_line]
        y = style.gov_baseline
        for text in office_lines:
            y += size * 1.08
            lines.append(KopLine(text, BOLD, size, y))
        for n, (text, tsize) in enumerate(small):
            y += style.address_gap if n == 0 else style.small_pitch
            lines.append(KopLine(text, REGULAR, tsize, y))
        rule = max(style.rule_min, y + style.rule_gap)
        best = (lines, rule)
        if rule <= style.rule_max:
            break
    assert best is not None
    lines, rule = best
    # A short kop sits lower, halfway into the room above the rule.
    shift = (rule - style.rule_gap - lines[-1].y_from_top) / 2
    lines = [KopLine(k.text, k.font, k.size, k.y_from_top + shift) for k in lines]
    # Whatever did not fit at the smallest size is cut, never drawn over the margin.
    lines = [
        KopLine(fit(k.text, width, k.font, k.size), k.font, k.size, k.y_from_top) for k in lines
    ]
    return lines, rule


def draw_kop(
    canvas: Any,
    lh: Letterhead,
    emblem: Path | None,
    lines: list[KopLine],
    rule: float,
    style: KopStyle = FULL_KOP,
) -> None:
    w, h = canvas._pagesize
    left, right = style.left, style.right
    if emblem is not None:
        canvas.drawImage(
            _image(str(emblem)),
            left,
            h - style.emblem_top - style.emblem_h,
            style.emblem_w,
            style.emblem_h,
            preserveAspectRatio=True,
            anchor="c",
            mask="auto",
        )
    cx = (left + style.emblem_w + style.gap + w - right) / 2
    for line in lines:
        canvas.setFont(line.font, line.size)
        canvas.drawCentredString(cx, h - line.y_from_top, line.text)
    canvas.setLineWidth(2)
    canvas.line(left, h - rule, w - right, h - rule)
    canvas.setLineWidth(0.6)
    canvas.line(left, h - rule - 1 * mm, w - right, h - rule - 1 * mm)


def draw_marking(canvas: Any, marking: str) -> None:
    """A security marking ("RAHASIA") centred at the top and the foot of every page."""
    w, h = canvas._pagesize
    canvas.saveState()
    canvas.setFont(BOLD, 11)
    canvas.drawCentredString(w / 2, h - 7 * mm, marking)
    canvas.drawCentredString(w / 2, 13 * mm, marking)
    canvas.restoreState()


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
    compact_kop: bool = False  # the receipt's smaller kop
    # (left, right) margins of a form on small paper; None: the letter grid (30/20 mm)
    margins: tuple[float, float] | None = None
    marking: str = ""  # "RAHASIA": printed at the top and the foot of every page
    subject: str = ""  # PDF metadata
    # PDF metadata "Keywords": a letter's verification pointer (the QR's payload), read
    # back by `verify` without decoding the QR image.
    keywords: str = ""
    # A "landscape" page template (NextPageTemplate("landscape") before a page break),
    # for a wide annex (LETTERS.md: "landscape if needed").
    landscape: bool = False


SUBJECT = "Pengelolaan pengaduan pelayanan publik SP4N-LAPOR! Kabupaten Kampar"


def _author(lh: Letterhead | None) -> str:
    """The issuing office ("Dinas …, Pemerintah Kabupaten Kampar")."""
    if lh is None:
        return "LAPOR Desktop"
    from lapor_desktop.pdf.text import clip

    parts = [p for p in (clip(lh.office, 150), clip(lh.government, 80)) if p]
    return ", ".join(parts) or "LAPOR Desktop"


def build_pdf(story: Sequence[Any], setup: PageSetup) -> bytes:
    """Lay out `story` on our pages. Metadata: the real creation date, the title, the
    issuing office as author and a subject (`invariant_output()` fixes the date and id
    for tests)."""
    register_fonts()
    # ASCII85 around compressed streams only makes files bigger, and reportlab's encoder
    # is pure Python without rl_accel (~20 % of a long document's build time).
    rl_config.useA85 = 0
    size = paper_size(setup.paper)
    w, h = size
    frames_top = TOP_LATER
    kop_lines: list[KopLine] = []
    rule = 0.0
    kop = COMPACT_KOP if setup.compact_kop else FULL_KOP
    left, right = setup.margins or (LEFT, RIGHT)
    if setup.margins:
        kop = replace(kop, left=left, right=right)
    if setup.letterhead is not None:
        kop_lines, rule = kop_layout(setup.letterhead, w, kop)
        frames_top = rule + (5 if setup.compact_kop else 8) * mm

    def on_first(canvas: Any, _doc: Any) -> None:
        if setup.letterhead is not None:
            draw_kop(canvas, setup.letterhead, setup.emblem, kop_lines, rule, kop)
        on_later(canvas, _doc)

    def on_later(canvas: Any, _doc: Any) -> None:
        if setup.esign_note:
            draw_esign_note(canvas, setup.esign_note)
        if setup.marking:
            draw_marking(canvas, setup.marking)

    bottom = (BOTTOM if not setup.margins else 18 * mm) + (6 * mm if setup.esign_note else 0)
    first = Frame(left, bottom, w - left - right, h - frames_top - bottom, 0, 0, 0, 0, id="first")
    later = Frame(left, bottom, w - left - right, h - TOP_LATER - bottom, 0, 0, 0, 0, id="later")
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=size,
        leftMargin=left,
        rightMargin=right,
        bottomMargin=BOTTOM,
        topMargin=TOP_LATER,
        invariant=1 if _invariant else 0,
        initialFontName=REGULAR,
        title=setup.title,
        author=_author(setup.letterhead),
        creator="LAPOR Desktop",
        producer="LAPOR Desktop",
        subject=setup.subject or SUBJECT,
        keywords=setup.keywords,
    )
    templates = [
        PageTemplate(
            "first", [first], onPage=on_first, autoNextPageTemplate="later", pagesize=size
        ),
        PageTemplate("later", [later], onPage=on_later, pagesize=size),
    ]
    if setup.landscape:
        wide = (h, w)
        frame = Frame(LEFT, bottom, h - LEFT - RIGHT, w - TOP_LATER - bottom, 0, 0, 0, 0, id="wide")
        templates.append(PageTemplate("landscape", [frame], onPage=on_later, pagesize=wide))
    doc.addPageTemplates(templates)
    doc.build(list(story), canvasmaker=NumberedCanvas)
    return buf.getvalue()


def setup_for(
    templates: Templates, office_code: str, paper: str | None, **options: Any
) -> PageSetup:
    """The page set-up of a document printed for `office_code`: that office's kop and its
    emblem, on `paper` (the templates' default when None); `options`: the rest of PageSetup."""
    lh = templates.letterhead(office_code)
    return PageSetup(
        paper=paper or templates.paper, letterhead=lh, emblem=templates.emblem_path(lh), **options
    )
