"""Helpers for reading rendered PDFs back."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from lapor_desktop.pdf import Templates, load_templates

BASE14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman",
    "Times-Bold", "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip


@pytest.fixture(scope="session")
def templates() -> Templates:
    return load_templates()


def pdf_text(pdf: bytes) -> str:
    """All text, whitespace collapsed (line breaks in the PDF become single spaces)."""
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def font_problems(pdf: bytes) -> list[str]:
    """Every font of every page must be an embedded TrueType subset, never base-14."""
    problems: list[str] = []
    seen = 0
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        resources = page["/Resources"].get_object()
        fonts = resources.get("/Font")
        if fonts is None:
            continue
        for key, ref in fonts.get_object().items():
            font = ref.get_object()
            seen += 1
            base = str(font.get("/BaseFont", "")).lstrip("/")
            name = base.split("+", 1)[-1]
            if name in BASE14:
                problems.append(f"page {number} {key}: base-14 font {base}")
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:
                problems.append(f"page {number} {key}: {base} has no /FontDescriptor")
            elif "/FontFile2" not in descriptor.get_object():
                problems.append(f"page {number} {key}: {base} is not embedded (/FontFile2)")
    if seen == 0:
        problems.append("no fonts at all")
    return problems


Matrix = tuple[tuple[bool, ...], ...]


def qr_matrix(payload: str) -> Matrix:
    """The QR module matrix of `payload` (reportlab's encoder, as the renderer uses)."""
    from lapor_desktop.pdf.qr import qr_runs

    n, runs = qr_runs(payload)
    grid = [[False] * n for _ in range(n)]
    for r, c, length in runs:
        for k in range(length):
            grid[r][c + k] = True
    return tuple(tuple(row) for row in grid)


def drawn_qrs(pdf: bytes) -> list[tuple[int, Matrix]]:
    """Every QR code drawn on the pages, read back from the content streams as a module
    matrix: (page number, matrix). No QR decoder is installed offline, so a test compares
    the matrix with `qr_matrix(expected payload)` — the drawing is exactly that code."""
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(pdf))
    found: list[tuple[int, Matrix]] = []
    for number, page in enumerate(reader.pages, start=1):
        contents = page.get_contents()
        if contents is None:
            continue
        rects: list[tuple[float, float, float, float]] = []
        for operands, op in ContentStream(contents, reader).operations:
            if op == b"re":
                rects.append(tuple(float(v) for v in operands))  # type: ignore[arg-type]
                continue
            if op in (b"f", b"f*") and len(rects) >= 20:
                matrix = _as_qr(rects)
                if matrix is not None:
                    found.append((number, matrix))
            if op not in (b"m", b"l", b"c", b"h"):
                rects = []
    return found


def _as_qr(rects: list[tuple[float, float, float, float]]) -> Matrix | None:
    m = rects[0][3]
    if m <= 0 or any(abs(h - m) > 1e-3 for _, _, _, h in rects):
        return None  # not one module height: a chart or a table
    left = min(x for x, _, _, _ in rects)
    top = max(y + h for _, y, _, h in rects)
    cells = []
    for x, y, w, _ in rects:
        c, r, length = round((x - left) / m), round((top - y) / m) - 1, round(w / m)
        if abs(w - length * m) > 1e-2:
            return None
        cells += [(r, c + k) for k in range(length)]
    n = max(max(r, c) for r, c in cells) + 1
    if (n - 17) % 4:
        return None
    grid = [[False] * n for _ in range(n)]
    for r, c in cells:
        grid[r][c] = True
    return tuple(tuple(row) for row in grid)
