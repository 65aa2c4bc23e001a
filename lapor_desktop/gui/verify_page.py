"""'Periksa surat': is this PDF (or the QR of a paper copy) a document issued here?

The same service as `lapor-desktop verify` (services.verification), off the UI thread:
SAH / TIDAK SAH / TIDAK DIKENAL with the reason, the pointer read from the file and, for a
signed file, its signers. The file is picked with a file dialog or typed (Enter checks
it); a QR scanner that types like a keyboard fills the code field (Enter checks it).
`ask_open_path` is a module-level hook: tests replace it instead of driving a native
dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from lapor_desktop.gui import file_dialogs
from lapor_desktop.gui.forms.ui_verify_page import Ui_VerifyPage
from lapor_desktop.gui.ops import run_op
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError

PDF_FILTER = "PDF (*.pdf)"
READ_LIMIT = 200 * 1024 * 1024  # a letter is well under 1 MB; refuse to load a disc image
COLOURS = {"SAH": "#1b5e20", "TIDAK SAH": "#b71c1c", "TIDAK DIKENAL": "#6d4c00"}


def ask_open_path(parent: QWidget | None, title: str) -> Path | None:
    return file_dialogs.open_file(parent, title, PDF_FILTER)


def _read(path: Path) -> bytes:
    """The file's bytes, or a ServiceError in words (worker thread)."""
    try:
        if path.stat().st_size > READ_LIMIT:
            raise ServiceError(f"Berkas terlalu besar untuk sebuah surat: {path.name}")
        return path.read_bytes()
    except FileNotFoundError:
        raise ServiceError(f"Berkas tidak ditemukan: {path}") from None
    except IsADirectoryError:
        raise ServiceError(f"Yang dipilih adalah folder, bukan berkas PDF: {path}") from None
    except OSError as exc:
        raise ServiceError(f"Berkas tidak dapat dibaca: {path} ({exc.strerror or exc})") from None


def _verify_file(ctx: Ctx, path: Path) -> Any:
    from lapor_desktop.services import verification  # worker thread: pypdf/pyHanko

    return verification.verify_pdf(ctx, _read(path))


def _verify_code(ctx: Ctx, text: str) -> Any:
    from lapor_desktop.services import verification

    return verification.verify_text(ctx, text)


class VerifyPage(QWidget):
    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_VerifyPage()
        self.ui.setupUi(self)
        self._busy = 0
        self._generation = 0
        self.ui.busy_bar.hide()
        self.ui.result_box.hide()
        self.ui.verdict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.ui.reason_label.setTextFormat(Qt.TextFormat.PlainText)
        self.ui.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.ui.choose_button.clicked.connect(self.choose)
        self.ui.check_file_button.clicked.connect(self.check_file)
        self.ui.file_edit.returnPressed.connect(self.check_file)
        self.ui.check_code_button.clicked.connect(self.check_code)
        self.ui.code_edit.returnPressed.connect(self.check_code)
        for button in (self.ui.choose_button, self.ui.check_file_button):
            button.setAutoDefault(True)  # Enter on a focused button presses it
        self.ui.check_code_button.setAutoDefault(True)

    def first_field(self) -> QWidget:
        return self.ui.file_edit

    # ------------------------------------------------------------ actions

    def choose(self) -> None:
        path = ask_open_path(self.window(), self.tr("Pilih surat PDF yang akan diperiksa"))
        if path is None:
            return
        self.ui.file_edit.setText(str(path))
        self.check_file()

    def check_file(self) -> None:
        text = self.ui.file_edit.text().strip().strip('"')
        if not text:
            self._show_problem(self.tr("Pilih atau ketik lokasi berkas PDF terlebih dahulu."))
            self.ui.file_edit.setFocus()
            return
        path = Path(text).expanduser()
        self._run(lambda ctx=self.ctx: _verify_file(ctx, path), path.name)

    def check_code(self) -> None:
        text = self.ui.code_edit.text().strip()
        if not text:
            self._show_problem(self.tr("Pindai atau tempel isi kode QR terlebih dahulu."))
            self.ui.code_edit.setFocus()
            return
        self._run(lambda ctx=self.ctx: _verify_code(ctx, text), self.tr("kode QR"))

    # ------------------------------------------------------------ plumbing

    def _run(self, work: Any, what: str) -> None:
        self._generation += 1
        generation = self._generation
        self._set_busy(True)
        self.ui.result_box.show()
        self.ui.verdict_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.ui.verdict_label.setText(self.tr("Memeriksa {0}…").format(what))
        self.ui.reason_label.clear()
        self.ui.details_label.clear()
        run_op(
            self,
            work,
            lambda result: self._show(generation, result),
            lambda exc: self._show_problem(exc.message, generation),
            lambda: self._set_busy(False),
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy += 1 if busy else -1
        self.ui.busy_bar.setVisible(self._busy > 0)

    def _show(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return  # an older check answered after a newer one was asked
        colour = COLOURS.get(result.verdict, "#6d4c00")
        self.ui.verdict_label.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {colour};")
        self.ui.verdict_label.setText(result.verdict)
        self.ui.reason_label.setText(result.reason[:1].upper() + result.reason[1:] + ".")
        lines: list[str] = []
        p = result.pointer
        if p is not None:
            if p.ticket != "-":
                lines.append(self.tr("Tiket: {0}").format(p.ticket))
            lines.append(self.tr("Nomor/jenis: {0}").format(p.nomor))
            lines.append(self.tr("Sidik isi: {0}").format(p.digest))
        for name in result.signers:
            lines.append(self.tr("Penanda tangan elektronik: {0}").format(name))
        self.ui.details_label.setText("\n".join(lines))

    def _show_problem(self, text: str, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return
        self.ui.result_box.show()
        self.ui.verdict_label.setStyleSheet("font-size: 14pt; font-weight: bold; color: #b71c1c;")
        self.ui.verdict_label.setText(self.tr("Tidak dapat diperiksa"))
        self.ui.reason_label.setText(text)
        self.ui.details_label.clear()
