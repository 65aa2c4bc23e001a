"""A long single-line-per-row table drawn straight on the canvas.

Platypus tables lay out every cell as a flowable (a 10,000-row annex: ~6.8 s); this one
knows its fixed row height, so splitting across pages is arithmetic and drawing is a
string per cell (DESIGN.md §6). Cells are cut with an ellipsis to fit their column.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

from lapor_desktop.pdf.fonts import BOLD, REGULAR
from lapor_desktop.pdf.text import fit, plain


class _Widths:
    """Glyph advance widths of one TTF, read from its table once (reportlab's own
    stringWidth is pure Python per call without the optional rl_accel extension)."""

    def __init__(self, font_name: str) -> None:
        face = getFont(font_name).face
        self.default = float(face.defaultWidth)
        # A flat table over the BMP lets map() do the lookups in C.
        table = [self.default] * 0x10000
        for code, w in face.charWidths.items():
            if code < 0x10000:
                table[code] = float(w)
        self.table = table

    def _advances(self, s: str) -> list[float]:
        try:
            return list(map(self.table.__getitem__, map(ord, s)))
        except IndexError:  # beyond the BMP: text.plain() already replaced those
            return [self.table[o] if o < 0x10000 else self.default for o in map(ord, s)]

    def width(self, s: str, size: float) -> float:
        return sum(self._advances(s)) * size / 1000.0

    def cut(self, s: str, limit: float, size: float) -> str:
        """`s`, or its longest prefix plus "…" that fits `limit` points."""
        budget = limit * 1000.0 / size
        running = list(accumulate(self._advances(s)))
        if not running or running[-1] <= budget:
            return s
        keep = bisect_right(running, budget - self.table[0x2026])
        return s[:keep].rstrip() + "…"


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    align: str = "left"  # left | right | center


class AnnexTable(Flowable):
    """Rows of plain strings; the header repeats on every page."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[object]],
        font_size: float = 7.5,
        start: int = 0,
        end: int | None = None,
        _prepared: list[list[str]] | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self.size = font_size
        self.row_h = font_size * 1.55
        self.head_h = font_size * 2.0
        self.pad = 2.0
        self.rows = _prepared if _prepared is not None else self._prepare(rows)
        self.start = start
        self.end = len(self.rows) if end is None else end

    def _prepare(self, rows: Sequence[Sequence[object]]) -> list[list[str]]:
        metrics = _Widths(REGULAR)
        widths = [c.width - 2 * self.pad for c in self.columns]
        size = self.size
        seen: list[dict[object, str]] = [{} for _ in widths]  # dates, statuses repeat
        out = []
        for row in rows:
            cells = []
            for value, w, cache in zip(row, widths, seen, strict=True):
                s = cache.get(value)
                if s is None:
                    s = cache[value] = metrics.cut(plain(value), w, size)
                cells.append(s)
            out.append(cells)
        return out

    def _copy(self, start: int, end: int) -> AnnexTable:
        return AnnexTable(self.columns, (), self.size, start, end, _prepared=self.rows)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(c.width for c in self.columns)
        self.height = self.head_h + (self.end - self.start) * self.row_h
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        fits = int((avail_height - self.head_h) // self.row_h)
        if fits < 3:  # not even a few rows: start on the next page
            return []
        if self.start + fits >= self.end:
            return [self]
        cut = self.start + fits
        return [self._copy(self.start, cut), self._copy(cut, self.end)]

    def draw(self) -> None:
        c = self.canv
        n = self.end - self.start
        top = self.height
        c.saveState()
        c.setFillColor(colors.Color(0.9, 0.9, 0.9))
        c.rect(0, top - self.head_h, self.width, self.head_h, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont(BOLD, self.size)
        x = 0.0
        base = top - self.head_h + (self.head_h - self.size) / 2 + 1
        for col in self.columns:
            title = fit(col.title, col.width - 2 * self.pad, BOLD, self.size)
            c.drawCentredString(x + col.width / 2, base, title)
            x += col.width
        # Grid: one path for all lines of this page.
        path = c.beginPath()
        y = top
        path.moveTo(0, y)
        path.lineTo(self.width, y)
        y -= self.head_h
        for _ in range(n + 1):
            path.moveTo(0, y)
            path.lineTo(self.width, y)
            y -= self.row_h
        x = 0.0
        for edge in range(len(self.columns) + 1):
            path.moveTo(x, top)
            path.lineTo(x, 0)
            if edge < len(self.columns):
                x += self.columns[edge].width
        c.setLineWidth(0.4)
        c.drawPath(path, stroke=1, fill=0)
        # Cells: one text object for the page, written as PDF operators directly
        # (canvas.drawString builds a text object and measures the string per call).
        self._draw_cells(c, top)
        c.restoreState()

    def _draw_cells(self, c: Any, top: float) -> None:
        font = getFont(REGULAR)
        metrics = _Widths(REGULAR)
        doc = c._doc
        escape = c._escape
        size = self.size
        # Encoded strings per document: a string's subset codes never change once given.
        encoded: dict[str, list[tuple[int, str]]] = c.__dict__.setdefault("_annex_encoded", {})
        ops: list[str] = ["BT"]
        current = None
        first_base = top - self.head_h - self.row_h + (self.row_h - size) / 2 + 1
        x = 0.0
        for ci, col in enumerate(self.columns):
            for ri in range(self.start, self.end):
                s = self.rows[ri][ci]
                if not s:
                    continue
                yb = first_base - (ri - self.start) * self.row_h
                if col.align == "right":
                    xs = x + col.width - self.pad - metrics.width(s, size)
                elif col.align == "center":
                    xs = x + (col.width - metrics.width(s, size)) / 2
                else:
                    xs = x + self.pad
                ops.append(f"1 0 0 1 {xs:.2f} {yb:.2f} Tm")
                parts = encoded.get(s)
                if parts is None:
                    parts = encoded[s] = [
                        (subset, f"({escape(chunk)}) Tj")
                        for subset, chunk in font.splitString(s, doc)
                    ]
                for subset, op in parts:
                    if subset != current:
                        ops.append(f"{font.getSubsetInternalName(subset, doc)} {size:.2f} Tf")
                        current = subset
                    ops.append(op)
            x += col.width
        ops.append("ET")
        c._code.append("\n".join(ops))
