"""The file dialogs of the app, in one place: each starts in the user's Documents folder
unless the caller names a better one (the backups folder, the folder used last), and is
the platform's native dialog where there is one (Qt's own elsewhere, in Indonesian through
gui/i18n)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_dir() -> Path:
    """The user's Documents folder (the home folder when there is none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(location) if location else Path.home()
    return path if path.is_dir() else Path.home()


def _start(start: Path | None) -> Path:
    return start if start is not None and start.is_dir() else documents_dir()


def open_file(
    parent: QWidget | None, title: str, file_filter: str = "", start: Path | None = None
) -> Path | None:
    """One existing file (None = cancelled)."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(_start(start)), file_filter)
    return Path(name) if name else None


def open_files(
    parent: QWidget | None, title: str, file_filter: str = "", start: Path | None = None
) -> list[Path]:
    """Existing files, any number (empty = cancelled)."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(_start(start)), file_filter)
    return [Path(n) for n in names]


def save_file(
    parent: QWidget | None,
    title: str,
    default_name: str,
    file_filter: str = "",
    start: Path | None = None,
) -> Path | None:
    """The file to write, proposed as `default_name` (None = cancelled)."""
    proposed = _start(start) / default_name
    name, _ = QFileDialog.getSaveFileName(parent, title, str(proposed), file_filter)
    return Path(name) if name else None
