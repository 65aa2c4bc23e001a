"""QR codes drawn as one filled path.

reportlab's QrCodeWidget draws every dark module as its own rectangle (~45 ms per
letter, DESIGN.md §6); here each horizontal run of dark modules is one rectangle of a
single path, filled once, and the path's operators are formatted once per payload (in
module units, placed by a scaling), so drawing a code again costs next to nothing.
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


@lru_cache(maxsize=256)
def _path_code(payload: str) -> tuple[int, str]:
    """(module count, the PDF path operators of the dark runs in module units, origin at
    the code's lower-left module): built once per payload, drawn under a scaling."""
    n, runs = qr_runs(payload)
    return n, " ".join(f"{c} {n - 1 - r} {length} 1 re" for r, c, length in runs)


class _ModulePath:
    """What canvas.drawPath needs of a path: its operators (already formatted)."""

    def __init__(self, code: str) -> None:
        self.code = code

    def getCode(self) -> str:
        return self.code


def draw_qr(canvas: Any, payload: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of `payload` with its lower-left corner at (x, y)."""
    n, code = _path_code(payload)
    quiet = 2  # modules of white border inside `size`
    m = size / (n + 2 * quiet)
    canvas.saveState()
    canvas.transform(m, 0, 0, m, x + quiet * m, y + quiet * m)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(_ModulePath(code), stroke=0, fill=1)
    canvas.restoreState()
