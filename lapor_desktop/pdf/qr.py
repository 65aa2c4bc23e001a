"""QR codes drawn as one filled path.

reportlab's QrCodeWidget draws every dark module as its own rectangle (~45 ms per
letter, DESIGN.md §6); here each horizontal run of dark modules is one rectangle of a
single path, filled once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=256)
def qr_runs(payload: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(module count, ((row, first column, length), …)) for the dark runs."""
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    n = qr.getModuleCount()
    runs: list[tuple[int, int, int]] = []
    for r, row in enumerate(qr.modules):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                runs.append((r, start, c - start))
            else:
                c += 1
    return n, tuple(runs)


def draw_qr(canvas: Any, payload: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of `payload` with its lower-left corner at (x, y)."""
    n, runs = qr_runs(payload)
    quiet = 2  # modules of white border inside `size`
    m = size / (n + 2 * quiet)
    top = y + size - quiet * m
    left = x + quiet * m
    path = canvas.beginPath()
    for r, c, length in runs:
        path.rect(left + c * m, top - (r + 1) * m, length * m, m)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
