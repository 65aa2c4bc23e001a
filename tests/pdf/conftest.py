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
