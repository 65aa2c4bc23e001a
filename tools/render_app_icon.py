"""Render the application icon (resources/icons/lapor.svg) for the bundle: lapor.ico
(Windows; PNG images 16–256 px) and lapor.png (256 px, Linux desktop files).

    uv run python tools/render_app_icon.py

The app itself loads the SVG; these two files are committed so that building the bundle
(build.spec) needs no extra tool. Run again after editing the SVG. (A build tool: Qt
outside gui/ is fine here.)
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_bytes(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: TID251
    from PySide6.QtGui import QIcon  # noqa: TID251

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QIcon(str(svg)).pixmap(size, size).toImage().save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (read by Windows Vista and later)."""
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = len(head) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return head + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication  # noqa: TID251

    app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "lapor.svg"
    images = {size: png_bytes(svg, size) for size in SIZES}
    (ICONS / "lapor.ico").write_bytes(ico_bytes(images))
    (ICONS / "lapor.png").write_bytes(images[256])
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
