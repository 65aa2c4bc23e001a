"""The file dialogs of the app, in one place: each starts in the user's Documents folder
unless the caller names a better one (the backups folder, the folder used last), and is
the platform's native dialog where there is one (Qt's own elsewhere, in Indonesian through
gui/i18n, its list of places wide enough for their names)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QListView, QSplitter, QWidget

_Mode = QFileDialog.FileMode
_Accept = QFileDialog.AcceptMode


def documents_dir() -> Path:
    """The user's Documents folder (the home folder when there is none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(location) if location else Path.home()
    return path if path.is_dir() else Path.home()


def _start(start: Path | None) -> Path:
    return start if start is not None and start.is_dir() else documents_dir()


def _run(
    parent: QWidget | None,
    title: str,
    start: Path | None,
    file_filter: str,
    mode: QFileDialog.FileMode,
    accept: QFileDialog.AcceptMode = _Accept.AcceptOpen,
    name: str = "",
) -> list[Path]:
    dialog = QFileDialog(parent, title, str(_start(start)), file_filter)
    dialog.setFileMode(mode)
    dialog.setAcceptMode(accept)
    if name:
        dialog.selectFile(name)
    _widen_places(dialog)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return [Path(f) for f in dialog.selectedFiles()]


def _widen_places(dialog: QFileDialog) -> None:
    """Qt's own dialog (no native one): the places on the left show their whole names."""
    places = dialog.findChild(QListView, "sidebar")
    splitter = dialog.findChild(QSplitter, "splitter")
    if places is None or splitter is None or splitter.count() != 2:
        return
    needs = places.sizeHintForColumn(0) + 2 * places.frameWidth() + 8
    sizes = splitter.sizes()
    if sizes[0] < needs:
        splitter.setSizes([needs, max(sum(sizes) - needs, 1)])


def open_file(
    parent: QWidget | None, title: str, file_filter: str = "", start: Path | None = None
) -> Path | None:
    """One existing file (None = cancelled)."""
    chosen = _run(parent, title, start, file_filter, _Mode.ExistingFile)
    return chosen[0] if chosen else None


def open_files(
    parent: QWidget | None, title: str, file_filter: str = "", start: Path | None = None
) -> list[Path]:
    """Existing files, any number (empty = cancelled)."""
    return _run(parent, title, start, file_filter, _Mode.ExistingFiles)


def save_file(
    parent: QWidget | None,
    title: str,
    default_name: str,
    file_filter: str = "",
    start: Path | None = None,
) -> Path | None:
    """The file to write, proposed as `default_name` (None = cancelled)."""
    chosen = _run(
        parent, title, start, file_filter, _Mode.AnyFile, _Accept.AcceptSave, default_name
    )
    return chosen[0] if chosen else None
