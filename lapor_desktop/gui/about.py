"""Bantuan > Tentang: the version a person reads out to the IT desk (the same as
`lapor-desktop --version` and the Windows file version, all from lapor_desktop.__version__)."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication

from lapor_desktop import __version__


def about_text(data_dir: Path) -> str:
    tr = QApplication.translate
    lines = [
        f"LAPOR Desktop {__version__}",
        tr("About", "Pengelolaan pengaduan SP4N LAPOR! Kabupaten Kampar"),
        "",
        tr("About", "Folder data: {0}").format(data_dir),
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}",
        tr("About", "Lisensi MIT"),
    ]
    return "\n".join(lines)
