"""Unexpected errors in the GUI: logged with their traceback, shown in one crash dialog with
a report a person can copy, and the application keeps running.

Installed by run_gui as sys.excepthook (an exception in a slot or a Qt virtual ends there)
and threading.excepthook; gui/ops.py sends an op's failure that is not a ServiceError here.
The report is version, time, platform and the traceback as logs.format_exception writes
it: frames and exception types, messages only of exceptions that carry no values (database
errors), 16-digit numbers and the home folder masked — so it can be pasted into a chat or
a ticket without a citizen's data in it.

One dialog at a time: errors that come while it is open are logged and counted in it.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
from datetime import datetime
from types import TracebackType

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop import __version__

# lapor_desktop.logs is imported where a report is made: its logging.handlers (~15–20 ms)
# is not needed on the way to the sign-in dialog (app.py has configured the log already).

log = logging.getLogger(__name__)


def crash_report(exc: BaseException, at: datetime | None = None) -> str:
    """The text of the report: no personal data (see the module's docstring)."""
    from PySide6 import __version__ as pyside_version

    from lapor_desktop import logs

    moment = (at or datetime.now()).astimezone()
    return "\n".join(
        (
            f"LAPOR Desktop {__version__}",
            f"Waktu: {moment.isoformat(sep=' ', timespec='seconds')}",
            f"Sistem: {platform.system()} {platform.release()} {platform.machine()}; "
            f"Python {platform.python_version()}; PySide6 {pyside_version}",
            "",
            logs.format_exception(exc),
        )
    )


class CrashDialog(QDialog):
    """ "Terjadi kesalahan tak terduga", the report read-only, "Salin laporan" and "Tutup"."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("LAPOR Desktop — kesalahan"))
        self.setObjectName("crash_dialog")
        self.more = 0
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("<b>Terjadi kesalahan tak terduga.</b>"), self)
        layout.addWidget(heading)
        from lapor_desktop import logs

        where = logs.current_log_file()
        explanation = QLabel(
            self.tr(
                "Aplikasi tetap berjalan, tetapi tindakan terakhir mungkin tidak selesai: "
                "periksa hasilnya. Salin laporan di bawah ini dan kirimkan ke petugas TI. "
                "Laporan ini tidak memuat data pelapor."
            )
            + (self.tr(" Laporan juga dicatat di {0}.").format(where) if where else ""),
            self,
        )
        explanation.setWordWrap(True)
        explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(explanation)
        # Imported here: a class PySide6 makes on first use, not needed before a crash.
        from PySide6.QtGui import QFontDatabase
        from PySide6.QtWidgets import QPlainTextEdit

        self.report_edit = QPlainTextEdit(self)
        self.report_edit.setObjectName("report_edit")
        self.report_edit.setReadOnly(True)
        self.report_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report_edit.setPlainText(report)
        self.report_edit.setMinimumSize(560, 260)
        layout.addWidget(self.report_edit)
        self.more_label = QLabel(self)
        self.more_label.setObjectName("more_label")
        self.more_label.hide()
        layout.addWidget(self.more_label)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Salin laporan"), self)
        self.copy_button.setObjectName("copy_button")
        self.copy_button.clicked.connect(self.copy_report)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.close_button.setDefault(True)

    def report(self) -> str:
        return self.report_edit.toPlainText()

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report())
        self.copy_button.setText(self.tr("Tersalin"))

    def count_another(self) -> None:
        """Another error came while this dialog was open (it is in the log)."""
        self.more += 1
        self.more_label.setText(
            self.tr("{0} kesalahan lain terjadi setelah ini; rinciannya ada di log.").format(
                self.more
            )
        )
        self.more_label.show()


class CrashHandler(QObject):
    """Logs an unexpected exception and shows it in the one CrashDialog (from any thread:
    the dialog is made on the UI thread through a queued signal)."""

    _reported = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.dialog: CrashDialog | None = None
        self._previous_hooks: tuple[object, object] | None = None
        self._reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks  # type: ignore[assignment]
            self._previous_hooks = None

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()  # Ctrl+C in the terminal that started the GUI
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        self.report(exc)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            exc = args.exc_value
            if exc.__traceback__ is None and args.exc_traceback is not None:
                exc = exc.with_traceback(args.exc_traceback)
            self.report(exc)

    def report(self, exc: BaseException) -> None:
        """Log `exc` with its traceback and show (or count) it in the crash dialog."""
        log.error("unexpected error", exc_info=exc)
        try:
            text = crash_report(exc)
        except Exception:  # the report itself must never be the next crash
            text = f"LAPOR Desktop {__version__}\n{type(exc).__name__}"
        self._reported.emit(text)

    def _show(self, text: str) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.count_another()
            return
        dialog = CrashDialog(text, QApplication.activeWindow())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The dialog that went, not a newer one (deletion comes after the close).
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget(d))
        dialog.setModal(True)
        self.dialog = dialog
        dialog.show()
        dialog.activateWindow()

    def _forget(self, dialog: CrashDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None


_handler: CrashHandler | None = None


def install() -> CrashHandler:
    """Call once on the UI thread after the QApplication exists."""
    global _handler
    if _handler is None:
        _handler = CrashHandler()
        _handler.install()
    return _handler


def uninstall() -> None:
    """Put the previous hooks back (run_gui's end; a test's end)."""
    global _handler
    if _handler is not None:
        _handler.uninstall()
        _handler = None


def report(exc: BaseException, parent: QWidget | None = None) -> None:
    """An unexpected exception caught by the application's own code (gui/ops.py): logged
    and shown like an uncaught one. Without an installed handler (a widget used on its
    own, in a test) it is logged and said in a plain error box."""
    if _handler is not None:
        _handler.report(exc)
        return
    from lapor_desktop.gui import messages

    log.error("unexpected error", exc_info=exc)
    messages.error(
        parent,
        QApplication.translate("crash", "Terjadi kesalahan tak terduga ({0}).").format(
            type(exc).__name__
        ),
    )
