"""Pieces every letter shares: styles, header block, addressee, signature, tembusan.

Every style names a Liberation Sans face explicitly (reportlab's defaults are Helvetica).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from lapor_desktop.pdf.data import Signatory
from lapor_desktop.pdf.fonts import BOLD, REGULAR, register_fonts
from lapor_desktop.pdf.qr import draw_qr
from lapor_desktop.pdf.text import clip, markup, paragraphs, plain

register_fonts()  # Paragraphs resolve their font family when created

BODY_SIZE = 12
BASE = ParagraphStyle("base", fontName=REGULAR, fontSize=BODY_SIZE, leading=15)
BODY = ParagraphStyle(
    "body", parent=BASE, alignment=TA_JUSTIFY, firstLineIndent=12.5 * mm, spaceAfter=6
)
LEFT_TEXT = ParagraphStyle("left", parent=BASE, alignment=TA_LEFT)
RIGHT_TEXT = ParagraphStyle("right", parent=BASE, alignment=TA_RIGHT)
TITLE = ParagraphStyle(
    "title", parent=BASE, fontName=BOLD, fontSize=13, leading=17, alignment=TA_CENTER
)
HEADING = ParagraphStyle(
    "heading", parent=BASE, fontName=BOLD, spaceBefore=8, spaceAfter=4, keepWithNext=1
)
SMALL = ParagraphStyle("small", parent=BASE, fontSize=9, leading=11)
SMALL_BOLD = ParagraphStyle("smallbold", parent=SMALL, fontName=BOLD)
CELL = ParagraphStyle("cell", parent=BASE, fontSize=9.5, leading=11.5)
CELL_BOLD = ParagraphStyle("cellbold", parent=CELL, fontName=BOLD)
CELL_CENTER = ParagraphStyle("cellc", parent=CELL, alignment=TA_CENTER)
CELL_RIGHT = ParagraphStyle("cellr", parent=CELL, alignment=TA_RIGHT)
CELL_HEAD = ParagraphStyle("cellh", parent=CELL, fontName=BOLD, alignment=TA_CENTER)


# The longest text a table cell prints by default; rows may split over pages, but a long
# field in a narrow column would fill pages with one cell (history notes pass more).
CELL_LIMIT = 600


def cell_style(
    size: float, valign: str, left: float, right: float, top: float, bottom: float
) -> list[tuple[Any, ...]]:
    """The commands a table's style starts with: its font, how cells align vertically and
    their padding (points), for every cell; more specific commands follow them."""
    every = ((0, 0), (-1, -1))
    return [
        ("FONT", *every, REGULAR, size),
        ("VALIGN", *every, valign),
        ("LEFTPADDING", *every, left),
        ("RIGHTPADDING", *every, right),
        ("TOPPADDING", *every, top),
        ("BOTTOMPADDING", *every, bottom),
    ]


def p(text: object, style: ParagraphStyle = BASE, limit: int = CELL_LIMIT) -> Paragraph:
    """A paragraph of *user* text (escaped, clipped to `limit` characters)."""
    return Paragraph(markup(clip(text, limit, fallback=True)), style)


def body(text: object) -> list[Paragraph]:
    """Justified body paragraphs from user text (blank lines separate paragraphs)."""
    return [Paragraph(s, BODY) for s in paragraphs(text)]


def header_block(
    nomor: str, sifat: str, lampiran: str, hal: str, place_date: str, width: float
) -> Table:
    """Nomor / Sifat / Lampiran / Hal; labels at 30 mm, colons at 54, values at 58 mm;
    the place and date right-aligned on the Nomor line."""
    date_w = 62 * mm
    rows = [
        [p("Nomor"), p(":"), p(nomor, LEFT_TEXT, 80), p(place_date, RIGHT_TEXT, 80)],
        [p("Sifat"), p(":"), p(sifat, LEFT_TEXT, 80), ""],
        [p("Lampiran"), p(":"), p(lampiran, LEFT_TEXT, 80), ""],
        [p("Hal"), p(":"), p(hal, LEFT_TEXT, 400), ""],
    ]
    # Only the Nomor line carries the date; the other values may use its column.
    t = Table(rows, colWidths=[24 * mm, 4 * mm, width - 28 * mm - date_w, date_w])
    t.setStyle(
        TableStyle(
            [
                *cell_style(BODY_SIZE, "TOP", 0, 0, 0, 1),
                ("SPAN", (2, 1), (3, 1)),
                ("SPAN", (2, 2), (3, 2)),
                ("SPAN", (2, 3), (3, 3)),
                ("RIGHTPADDING", (2, 3), (3, 3), 30 * mm),
            ]
        )
    )
    return t


YTH_INDENT = stringWidth("Yth. ", REGULAR, BODY_SIZE)  # where the addressee's text starts
ADDRESSEE = ParagraphStyle("addr", parent=LEFT_TEXT, leftIndent=YTH_INDENT)
ADDRESSEE_FIRST = ParagraphStyle("addr1", parent=ADDRESSEE, firstLineIndent=-YTH_INDENT)
ADDRESSEE_PLACE = ParagraphStyle("addrplace", parent=LEFT_TEXT, leftIndent=YTH_INDENT)


def addressee(recipient_lines: Sequence[str], place: str) -> list[Any]:
    """LETTERS.md: "Yth. …" with the addressee on the same line (a long one wraps under
    its own first letter), then "di", then the place indented (left block)."""
    lines = [markup(clip(line, 500, True)) for line in recipient_lines if plain(line)] or [""]
    out: list[Any] = [Spacer(1, 8 * mm)]
    out.append(Paragraph(f"Yth. {lines[0]}", ADDRESSEE_FIRST))
    out += [Paragraph(line, ADDRESSEE) for line in lines[1:]]
    out.append(Paragraph("di", LEFT_TEXT))
    out.append(p(place, ADDRESSEE_PLACE, 500))
    out.append(Spacer(1, 6 * mm))
    return out


# Between a letter's closing paragraph (6 pt after it) and the signature block; the
# signature's space for the wet signature and stamp (LETTERS.md: 24 mm); the gap before
# "Tembusan:" (one line). Tight enough that a 3-case forwarding letter keeps to one page.
SIGNATURE_GAP = 2 * mm
SIGNATURE_SPACE = 24 * mm
TEMBUSAN_GAP = 15  # pt: BASE's leading

POINTER_QR = 20 * mm  # the verification QR beside a wet signature (LETTERS.md: 20–24)
POINTER_CAPTION = 7  # pt


class SignatureBlock(Flowable):
    """Jabatan, 24 mm space (or QR + e-sign text), NAME bold underlined, pangkat, NIP —
    on the right half of the page (x = 120 mm), kept in one piece.

    `pointer` (a document's verification pointer, services.verification): on a letter
    signed on paper it is a QR at the left margin, level with the signature's foot, with
    `caption` beside it — inside the block, so the block's height (and the "kept
    together" pagination) does not change. An e-signed letter draws `qr_payload` in the
    signature space instead."""

    def __init__(
        self,
        signatory: Signatory | None,
        qr_payload: str = "",
        signed_by: str = "Ditandatangani secara elektronik oleh:",
        offset: float = 90 * mm,
        width: float = 80 * mm,
        date_line: str = "",
        size: float = 12,
        space: float = SIGNATURE_SPACE,
        pointer: str = "",
        caption: str = "",
        pointer_size: float = POINTER_QR,
    ) -> None:
        super().__init__()
        self.size = size  # 12 pt on letters; smaller on a form
        self.signatory = signatory or Signatory(jabatan="", name="")
        self.qr_payload = qr_payload if self.signatory.electronic else ""
        self.pointer = "" if self.signatory.electronic else plain(pointer)[:1000]
        self.pointer_size = pointer_size
        room = offset - pointer_size - 6 * mm
        self.caption_lines = (
            simpleSplit(clip(caption, 300), REGULAR, POINTER_CAPTION, room)[:5]
            if self.pointer and room > 15 * mm
            else []
        )
        self.signed_by = signed_by
        self.offset = offset
        self.block_width = width
        self.date_line = clip(date_line, 120)
        sig = self.signatory
        jab = clip(sig.jabatan, 250).upper().rstrip(",")
        self.top_lines: list[tuple[str, str]] = []
        if self.date_line:
            self.top_lines += [
                (x, REGULAR) for x in simpleSplit(self.date_line, REGULAR, size, width)
            ]
        if sig.an:
            self.top_lines += [
                (x, REGULAR) for x in simpleSplit(clip(sig.an, 120), REGULAR, size, width)
            ]
        if jab:
            self.top_lines += [(x, REGULAR) for x in simpleSplit(jab + ",", REGULAR, size, width)]
        name = clip(sig.name, 120)
        self.name_lines = simpleSplit(name, BOLD, size, width) or [""]
        self.bottom_lines = []
        if sig.pangkat:
            self.bottom_lines += simpleSplit(clip(sig.pangkat, 120), REGULAR, size, width)
        if sig.nip:
            self.bottom_lines += simpleSplit(f"NIP. {clip(sig.nip, 40)}", REGULAR, size, width)
        self.space = space
        self.esign_lines: list[tuple[str, str]] = []
        if self.qr_payload:
            tw = width - 25 * mm
            self.esign_lines = [(x, REGULAR) for x in simpleSplit(signed_by, REGULAR, 8, tw)]
            self.esign_lines += [(x, BOLD) for x in simpleSplit(jab, BOLD, 8, tw)]
            self.esign_lines += [(x, REGULAR) for x in simpleSplit(name, REGULAR, 8, tw)]
        self.line = size * 1.25

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        n = len(self.top_lines) + len(self.name_lines) + len(self.bottom_lines)
        self.height = n * self.line + self.space
        return avail_width, self.height

    def _draw_pointer(self) -> None:
        """The verification QR at the left, its foot level with the block's last line."""
        c = self.canv
        qr = min(self.pointer_size, self.height)
        draw_qr(c, self.pointer, 0, 0, qr)
        c.setFont(REGULAR, POINTER_CAPTION)
        ty = qr / 2 + len(self.caption_lines) * (POINTER_CAPTION + 1.5) / 2 - POINTER_CAPTION
        for text in self.caption_lines:
            c.drawString(qr + 1 * mm, ty, text)
            ty -= POINTER_CAPTION + 1.5

    def draw(self) -> None:
        c = self.canv
        x = self.offset
        y = self.height - self.size
        for text, font in self.top_lines:
            c.setFont(font, self.size)
            c.drawString(x, y, text)
            y -= self.line
        space_top = y + self.size - 1 * mm
        if self.qr_payload:
            qr = 22 * mm
            draw_qr(c, self.qr_payload, x, space_top - qr - 1 * mm, qr)
            ty = space_top - 3 * mm - 8
            for text, font in self.esign_lines[:7]:
                c.setFont(font, 8)
                c.drawString(x + 24 * mm, ty, text)
                ty -= 9.5
        if self.pointer:
            self._draw_pointer()
        y -= self.space
        c.setFont(BOLD, self.size)
        for text in self.name_lines:
            c.drawString(x, y, text)
            c.setLineWidth(0.7)
            c.line(x, y - 1.5, x + c.stringWidth(text, BOLD, self.size), y - 1.5)
            y -= self.line
        c.setFont(REGULAR, self.size)
        for text in self.bottom_lines:
            c.drawString(x, y, text)
            y -= self.line


def tembusan(items: Sequence[str]) -> list[Any]:
    """Tembusan: numbered, "…;" then "…; dan" then the last with a full stop. Kept with
    the signature by `closing_group`."""
    items = [clip(i, 500, fallback=True).rstrip(";.") for i in items if plain(i)]
    if not items:
        return []
    out: list[Any] = [p("Tembusan:", LEFT_TEXT)]
    style = ParagraphStyle("temb", parent=LEFT_TEXT, leftIndent=6 * mm, firstLineIndent=-6 * mm)
    for i, item in enumerate(items, start=1):
        if len(items) == 1 or i == len(items):
            end = "."
        elif i == len(items) - 1:
            end = "; dan"
        else:
            end = ";"
        out.append(Paragraph(f"{i}.&nbsp;&nbsp;{markup(item)}{end}", style))
    return [Spacer(1, TEMBUSAN_GAP), *out]


class KeepTail(KeepTogether):
    """A closing paragraph kept with what follows it (signature, tembusan).

    When the whole group does not fit in what is left of the page, the paragraph's first
    lines may stay, but at least `min_lines` of its last lines go to the next page with
    the followers: the signature never starts a page on its own (LETTERS.md "kept
    together"). A group taller than a page flows from the top of one as it can."""

    def __init__(
        self,
        paragraph: Flowable,
        followers: Sequence[Flowable],
        min_lines: int = 2,
        lead: Sequence[Flowable] = (),
    ):
        super().__init__([*lead, paragraph, *followers])
        self._lead = list(lead)  # a heading before the paragraph: never left behind
        self._paragraph = paragraph
        self._followers = list(followers)
        self._min_lines = min_lines

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (avail_width, avail_height):
            self.wrap(avail_width, avail_height)
        content = list(self._content)
        height: float = self._H
        if height <= avail_height:
            return content
        frame = getattr(self, "_frame", None)
        at_top = bool(frame is not None and getattr(frame, "_atTop", False))
        if at_top:
            return content  # taller than a whole page: flow, nothing better to do
        para = self._paragraph
        if isinstance(para, Paragraph) and not self._lead:
            para.wrap(avail_width, avail_height)
            lines = len(getattr(para.blPara, "lines", ()))
            leading = para.style.leading
            keep = lines - self._min_lines  # lines that may stay on this page
            fit = int(min(avail_height, keep * leading + 0.01) / leading)
            if keep >= 2 and fit >= 2:
                parts = para.split(avail_width, fit * leading + 0.01)
                if len(parts) == 2:
                    return [parts[0], self.FrameBreak(), parts[1], *self._followers]
        return [self.FrameBreak(), *content]


def closing_group(
    closing: Sequence[Flowable], followers: Sequence[Flowable], lead: Sequence[Flowable] = ()
) -> list[Flowable]:
    """The closing paragraphs, then the signature and tembusan (`followers`) kept with the
    closing's last lines. `lead` (a heading) goes with a one-paragraph closing."""
    if not closing:
        return [KeepTogether([*lead, *followers])]
    if len(closing) > 1:
        return [*lead, *closing[:-1], KeepTail(closing[-1], followers)]
    return [KeepTail(closing[-1], followers, lead=lead)]


def grid_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    header_rows: int = 1,
    font_size: float = 9.5,
) -> Table:
    """A bordered table with a repeated bold header; cells are Paragraphs or strings."""
    from reportlab.platypus import LongTable

    t = LongTable(list(rows), colWidths=list(col_widths), repeatRows=header_rows, splitInRow=24)
    t.setStyle(
        TableStyle(
            [
                *cell_style(font_size, "TOP", CELL_PADDING, CELL_PADDING, 2, 3),
                ("FONT", (0, 0), (-1, header_rows - 1), BOLD, font_size),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.9, 0.9, 0.9)),
            ]
        )
    )
    return t


CELL_PADDING = 3  # left and right padding of grid_table cells (points)
_token_styles: dict[tuple[str, float], ParagraphStyle] = {}


def token_cell(text: object, style: ParagraphStyle, width: float) -> Paragraph:
    """A ticket or tracking number in a grid_table column `width` wide: one line, never
    broken mid-token (its font shrinks a little instead when the column is too narrow)."""
    token = clip(text, 60)
    room = width - 2 * CELL_PADDING - 0.5
    size = float(style.fontSize)
    while size > 6 and stringWidth(token, style.fontName, size) > room:
        size -= 0.25
    if size == style.fontSize:
        return Paragraph(markup(token), style)
    key = (style.name, size)
    if key not in _token_styles:
        _token_styles[key] = ParagraphStyle(
            f"{style.name}-{size}", parent=style, fontSize=size, leading=style.leading
        )
    return Paragraph(markup(token), _token_styles[key])


def token_width(
    texts: Sequence[object], style: ParagraphStyle, smallest: float, largest: float
) -> float:
    """The width of a column that prints every token on one line at the style's size,
    between `smallest` and `largest`."""
    need = max((stringWidth(clip(t, 60), style.fontName, style.fontSize) for t in texts), default=0)
    return min(largest, max(smallest, need + 2 * CELL_PADDING + 1))


def head_cells(*labels: str) -> list[Paragraph]:
    return [Paragraph(markup(label), CELL_HEAD) for label in labels]


class QrFlowable(Flowable):
    """A QR code drawn as one path (see qr.py), with an optional caption below."""

    def __init__(self, payload: str, size: float, caption: str = "") -> None:
        super().__init__()
        self.payload = plain(payload)[:1000] or "-"  # a QR holds ~2,300 bytes at most
        self.size = size
        self.caption = clip(caption, 40)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.size
        self.height = self.size + (10 if self.caption else 0)
        return self.width, self.height

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, self.height - self.size, self.size)
        if self.caption:
            self.canv.setFont(REGULAR, 7)
            self.canv.drawCentredString(self.size / 2, 1, self.caption)


def field_table(
    rows: Sequence[tuple[str, Any]],
    label_width: float,
    width: float,
    limit: int = CELL_LIMIT,
    style: ParagraphStyle = CELL,
) -> Table:
    """Label : value rows (values are user text unless already flowables)."""
    data = [
        [p(label, style, 200), p(":", style), v if isinstance(v, Flowable) else p(v, style, limit)]
        for label, v in rows
    ]
    t = Table(data, colWidths=[label_width, 3 * mm, width - label_width - 3 * mm], splitInRow=24)
    t.setStyle(TableStyle(cell_style(9.5, "TOP", 0, 2, 1, 2)))
    return t


class CheckList(Flowable):
    """Tick boxes drawn on the canvas (the font has no ballot-box glyphs)."""

    def __init__(self, items: Sequence[tuple[str, bool]], size: float = 9.5, columns: int = 1):
        super().__init__()
        self.items = [(plain(label), ticked) for label, ticked in items]
        self.size = size
        self.columns = max(1, columns)
        self.line = size * 1.5

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        rows = -(-len(self.items) // self.columns)
        self.height = rows * self.line
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        col_w = self.width / self.columns
        box = self.size * 0.9
        c.setLineWidth(0.6)
        for i, (label, ticked) in enumerate(self.items):
            row, col = divmod(i, self.columns)
            x = col * col_w
            y = self.height - (row + 1) * self.line + 2
            c.rect(x, y, box, box, stroke=1, fill=0)
            if ticked:
                c.setLineWidth(1.2)
                c.line(x + 1.5, y + box / 2, x + box / 2.5, y + 1.5)
                c.line(x + box / 2.5, y + 1.5, x + box - 1, y + box - 1)
                c.setLineWidth(0.6)
            c.setFont(REGULAR, self.size)
            from lapor_desktop.pdf.text import fit

            c.drawString(x + box + 4, y + 1, fit(label, col_w - box - 8, REGULAR, self.size))


_HEAD_TITLES = (  # how the head of an office is addressed (prefix of its name → title)
    ("kecamatan ", "Camat ", False),
    ("rsud ", "Direktur RSUD ", False),
    ("rumah sakit umum daerah ", "Direktur Rumah Sakit Umum Daerah ", False),
    ("sekretariat daerah", "Sekretaris Daerah", True),
    ("sekretariat dprd", "Sekretaris DPRD", True),
    ("inspektorat daerah", "Inspektur", True),
    ("inspektorat", "Inspektur", True),
)
_TITLED = ("kepala ", "direktur ", "camat ", "sekretaris ", "inspektur", "bupati", "lurah ")


def head_title(office: str) -> str:
    """The head of an office as a tembusan names it: "Camat Tambang", "Direktur RSUD
    Bangkinang", "Sekretaris Daerah Kabupaten Kampar", "Inspektur Kabupaten Kampar",
    else "Kepala <office> Kabupaten Kampar". A name that already is a title is kept."""
    name = " ".join(plain(office, fallback=True).split())
    low = name.lower()
    if not name or low.startswith(_TITLED):
        return name
    title = f"Kepala {name}"
    regency = True
    for prefix, head, keep_regency in _HEAD_TITLES:
        if low.startswith(prefix) or low == prefix.strip():
            title = head + name[len(prefix) :].strip() if not keep_regency else head
            regency = keep_regency
            break
    title = " ".join(title.split())
    if regency and "kampar" not in title.lower():
        title += " Kabupaten Kampar"
    return title


def distinct_copies(items: Sequence[str]) -> list[str]:
    """Tembusan without repeats (compared without case and punctuation)."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = " ".join(plain(item).lower().replace("(sebagai laporan)", "").split()).strip(";.")
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out
