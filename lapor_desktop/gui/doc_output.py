"""Getting a generated document to the user: save it (file dialog), open it in the system
viewer, or print it through the system viewer. The document is generated off the UI
thread (ops); a ServiceError shows its Indonesian message and changes nothing.

`ask_save_path`, `ask_open_paths` and `open_file` are module-level hooks: tests replace
them (save to tmp_path, record what would be opened) instead of driving native dialogs.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from lapor_desktop.gui import file_dialogs, icons, messages
from lapor_desktop.gui.ops import run_op
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.services.signing_settings import Document

LAST_DIR_KEY = "documents/last_dir"
PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"
CSV_FILTER = "CSV (*.csv)"

Maker = Callable[[], "bytes | Document"]
# A numbered letter the service writes itself, in the transaction that reserves its
# number (services.outfile): a failed write leaves the letter register unchanged.
IntoMaker = Callable[[Path], Document]


def _tr(text: str) -> str:
    return QCoreApplication.translate("doc_output", text)


# ---------------------------------------------------------------- hooks (tests replace these)


def ask_save_path(
    parent: QWidget | None, title: str, default_name: str, file_filter: str
) -> Path | None:
    """The file to save to (None = cancelled); starts in the folder used last."""
    last = QSettings().value(LAST_DIR_KEY)
    path = file_dialogs.save_file(
        parent, title, default_name, file_filter, Path(str(last)) if last else None
    )
    if path is None:
        return None
    suffix = Path(default_name).suffix
    if suffix and path.suffix.lower() != suffix.lower():
        path = path.with_name(path.name + suffix)
    QSettings().setValue(LAST_DIR_KEY, str(path.parent))
    return path


def ask_open_paths(parent: QWidget | None, title: str, file_filter: str = "") -> list[Path]:
    return file_dialogs.open_files(parent, title, file_filter)


def open_file(path: Path) -> bool:
    """Open in the system's viewer (False when no application could open it)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# ---------------------------------------------------------------- files (worker thread)

_temp_root: Path | None = None


def _cleanup() -> None:
    if _temp_root is not None:
        shutil.rmtree(_temp_root, ignore_errors=True)


def temp_path(name: str) -> Path:
    """A fresh private path named `name` (the viewer shows the name) in this process's
    temp folder, removed when the application exits."""
    global _temp_root
    if _temp_root is None or not _temp_root.is_dir():
        _temp_root = Path(tempfile.mkdtemp(prefix="lapor-dokumen-"))
        atexit.register(_cleanup)
    return Path(tempfile.mkdtemp(dir=_temp_root)) / name


def write_file(path: Path, data: bytes) -> None:
    """Write the whole file or raise a ServiceError the user can read."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise ServiceError(
            _tr("Berkas tidak dapat disimpan ke {0}: {1}").format(path, exc.strerror or exc)
        ) from None


def payload(result: bytes | Document) -> tuple[bytes, str]:
    """(bytes, note): a Document's note says why a configured e-signature was not applied."""
    if isinstance(result, Document):
        return result.data, result.note
    return result, ""


# ---------------------------------------------------------------- the button


class DocumentButton(QToolButton):
    """One document: click = the primary action; the arrow = Simpan… / Buka / Cetak.

    `finished(text)` carries a line for a status label (saved where, opened, or why the
    letter is not e-signed); `failed(text)` the service's message (also shown in a box).
    """

    finished = Signal(str)
    failed = Signal(str)
    busy = Signal(bool)  # generating now (for a page's busy indicator)

    def __init__(
        self,
        text: str,
        default_name: str,
        make: Maker,
        parent: QWidget | None = None,
        *,
        primary: str = "open",
        file_filter: str = PDF_FILTER,
        printable: bool = True,
        make_into: IntoMaker | None = None,
        warning: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.make_into = make_into
        # A line shown with the document when it printed on a borrowed or sample kop or
        # with an incomplete signer (services.documents.print_warning); "" = nothing.
        self.warning = warning
        self.setText(text)
        self.setAccessibleName(text)
        self.default_name = default_name
        self.make = make
        self.file_filter = file_filter
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        spreadsheet = Path(default_name).suffix.lower() in (".xlsx", ".csv")
        self.setIcon(icons.icon("file-spreadsheet" if spreadsheet else "file-text"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        self.save_action = QAction(icons.icon("save"), _tr("Simpan…"), self)
        self.save_action.setToolTip(_tr("Simpan berkas ke folder pilihan Anda."))
        self.save_action.triggered.connect(self.save)
        self.open_action = QAction(icons.icon("external-link"), _tr("Buka di penampil"), self)
        self.open_action.setToolTip(_tr("Buka berkas dengan aplikasi penampil di komputer ini."))
        self.open_action.triggered.connect(self.open)
        self.print_action = QAction(icons.icon("printer"), _tr("Cetak…"), self)
        self.print_action.setToolTip(
            _tr("Membuka berkas di penampil PDF sistem; cetak dari sana (Ctrl+P).")
        )
        self.print_action.triggered.connect(self.print_)
        menu.addAction(self.save_action)
        menu.addAction(self.open_action)
        if printable:
            menu.addAction(self.print_action)
        self.setMenu(menu)
        actions = {"save": self.save, "open": self.open, "print": self.print_}
        self.clicked.connect(actions[primary])
        tips = {
            "save": _tr("Klik untuk menyimpan; panah untuk membuka atau mencetak."),
            "open": _tr("Klik untuk membuka di penampil; panah untuk menyimpan atau mencetak."),
            "print": _tr(
                "Klik untuk mencetak: berkas dibuka di penampil PDF sistem, cetak dari "
                "sana. Panah untuk menyimpan."
            ),
        }
        self.setToolTip(tips[primary])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter does the button's own action (as a click); Down, Alt+Down, F4 or the
        menu key open the menu of the other ways out (save, open, print)."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_F4, Qt.Key.Key_Menu):
            self.showMenu()
            return
        super().keyPressEvent(event)

    # -- the three ways out

    def save(self) -> None:
        path = ask_save_path(self.window(), self.text(), self.default_name, self.file_filter)
        if path is None:
            return
        make, into = self.make, self.make_into

        def work() -> tuple[Path, str]:
            if into is not None:
                return path, self._with_warning(into(path).note)
            data, note = payload(make())
            write_file(path, data)
            return path, self._with_warning(note)

        self._run(work, lambda r: self._report(_tr("Disimpan ke {0}").format(r[0]), r[1]))

    def open(self) -> None:
        self._open_temp(_tr("Dibuka di penampil: {0}"))

    def print_(self) -> None:
        self._open_temp(_tr("Dibuka di penampil untuk dicetak: {0}"))

    def _open_temp(self, done_text: str) -> None:
        make, into, name = self.make, self.make_into, self.default_name

        def work() -> tuple[Path, str]:
            path = temp_path(name)
            if into is not None:
                return path, self._with_warning(into(path).note)
            data, note = payload(make())
            write_file(path, data)
            return path, self._with_warning(note)

        def show(result: tuple[Path, str]) -> None:
            path, note = result
            if not open_file(path):
                messages.warn(
                    self,
                    _tr(
                        "Tidak ada aplikasi untuk membuka {0}. Gunakan Simpan… lalu buka "
                        "berkasnya secara manual."
                    ).format(path.name),
                )
                return
            self._report(done_text.format(path.name), note)

        self._run(work, show)

    # -- plumbing

    def _with_warning(self, note: str) -> str:
        """The note with the print-time warning appended (worker thread, after the make)."""
        extra = self.warning() if self.warning is not None else ""
        return " — ".join(t for t in (note, extra) if t)

    def _run(
        self,
        work: Callable[[], tuple[Path, str]],
        done: Callable[[tuple[Path, str]], None],
    ) -> None:
        self.setEnabled(False)
        self.busy.emit(True)
        run_op(self, work, done, self._failed, self._idle)

    def _idle(self) -> None:
        self.setEnabled(True)
        self.busy.emit(False)

    def _failed(self, exc: ServiceError) -> None:
        self.failed.emit(exc.message)
        messages.warn(self, exc.message)

    def _report(self, text: str, note: str) -> None:
        if note:
            text += " — " + note
        self.finished.emit(text)
