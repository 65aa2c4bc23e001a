"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def run_gui(data_dir: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("LAPOR Desktop")
    app.setOrganizationName("Pemkab Kampar")
    window = QMainWindow()
    window.setWindowTitle("LAPOR Desktop — Kabupaten Kampar")
    label = QLabel(f"Folder data: {data_dir}")
    label.setMargin(24)
    window.setCentralWidget(label)
    window.resize(900, 600)
    window.show()
    return app.exec()
