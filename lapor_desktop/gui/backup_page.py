"""Backups in the GUI: the system admin's page "Cadangan & pemulihan", the automatic backup
at sign-out/exit (with a progress dialog that can skip it) and the daily one.

Slow work (a copy of the whole database: ~3 s for 140 MB here) runs through gui/ops.py on a
worker; its progress reaches the UI thread through a signal.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QProgressDialog,
    QWidget,
)

from lapor_desktop.gui import file_dialogs, messages, ops
from lapor_desktop.gui.forms.ui_backup import Ui_BackupPage
from lapor_desktop.gui.passphrase_dialog import PassphraseDialog
from lapor_desktop.gui.row_model import Column, RowTableModel
from lapor_desktop.gui.widgets import list_table
from lapor_desktop.services import backup
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import KeyRefused, ServiceError

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("backup", text)


class _Relay(QObject):
    """Progress from the worker to the UI thread; `cancelled` read back by the worker."""

    progress = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = False

    def __call__(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self.cancelled


def run_with_progress(
    parent: QWidget | None,
    label: str,
    work: Callable[[backup.Progress], Any],
    cancel_text: str | None = None,
) -> Any:
    """Run `work(progress)` on a worker while a modal progress dialog shows how far it is;
    returns its result, raises its error. With `cancel_text`, the person may stop it (the
    work then raises a ServiceError saying it was cancelled)."""
    relay = _Relay()
    dialog = QProgressDialog(label, cancel_text or "", 0, 0, parent)
    dialog.setWindowTitle(_t("LAPOR Desktop"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if cancel_text is None:
        dialog.setCancelButton(None)
    dialog.canceled.connect(lambda: setattr(relay, "cancelled", True))

    def show(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    relay.progress.connect(show, Qt.ConnectionType.QueuedConnection)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def done(result: Any) -> None:
        outcome["result"] = result

    def failed(exc: ServiceError) -> None:
        outcome["error"] = exc

    ops.run_op(parent, lambda: work(relay), done, failed, loop.quit)
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def backup_at_exit(ctx: Ctx, parent: QWidget | None = None) -> backup.BackupRow | None:
    """At sign-out and exit: an automatic backup, which the person may skip; a failure is
    logged and said, never blocks the exit."""
    try:
        return run_with_progress(
            parent,
            _t("Membuat cadangan basis data…"),
            lambda progress: backup.automatic_backup(ctx, progress),
            _t("Lewati"),
        )
    except backup.BackupCancelled:
        log.info("automatic backup at exit skipped by the user")
        return None
    except ServiceError as exc:
        log.warning("automatic backup at exit not made: %s", exc.message)
        messages.warn(parent, _t("Cadangan otomatis tidak dibuat: {0}").format(exc.message))
        return None
    except Exception as exc:
        log.exception("automatic backup at exit failed")
        messages.warn(parent, _t("Cadangan otomatis tidak dibuat: {0}").format(exc))
        return None


class DailyBackup(QObject):
    """The first sign-in of a day, and every hour while the app stays open: an automatic
    backup in the background when none was made today."""

    made = Signal(object)

    def __init__(self, ctx: Ctx, parent: QWidget, interval_ms: int = 3_600_000) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._widget = parent
        self._running = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        if self._running:
            return
        ctx = self.ctx

        def work() -> backup.BackupRow | None:
            return backup.automatic_backup(ctx) if backup.daily_backup_due(ctx) else None

        self._running = True
        ops.run_op(self._widget, work, self._done, self._failed, self._finished)

    def _done(self, row: backup.BackupRow | None) -> None:
        if row is not None:
            self.made.emit(row)

    def _failed(self, exc: ServiceError) -> None:
        log.warning("daily backup not made: %s", exc.message)

    def _finished(self) -> None:
        self._running = False


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB".replace(".", ",")


class BackupPage(QWidget):
    """The system admin's backups: list, make one now, restore one, automatic retention."""

    restored = Signal()

    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = ui = Ui_BackupPage()
        ui.setupUi(self)
        self.folder_label = ui.folder_label
        self.model = RowTableModel(
            [
                Column(self.tr("Waktu"), lambda r: f"{r.made_at:%d-%m-%Y %H:%M}"),
                Column(self.tr("Jenis"), lambda r: r.kind_label),
                Column(self.tr("Ukuran"), lambda r: _size(r.size)),
                Column(self.tr("Berkas"), lambda r: r.name),
            ],
            self,
        )
        self.table = list_table(ui.table, self.model, 3)
        self.backup_button = ui.backup_button
        self.restore_selected_button = ui.restore_selected_button
        self.restore_file_button = ui.restore_file_button
        self.export_button = ui.export_button
        self.keep_spin = ui.keep_spin
        self.keep_spin.setMaximum(backup.MAX_KEEP)
        self.keep_button = ui.keep_button
        self.keep_spin.lineEdit().returnPressed.connect(self.save_keep)

        self.backup_button.clicked.connect(self.make_backup)
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.keep_button.clicked.connect(self.save_keep)
        self.export_button.clicked.connect(self.export)
        self.refresh()

    # ------------------------------------------------------------ hooks (tests replace)

    def choose_file(self) -> Path | None:
        return file_dialogs.open_file(
            self,
            self.tr("Pulihkan dari berkas cadangan"),
            self.tr("Cadangan LAPOR Desktop (*.db);;Semua berkas (*)"),
            backup.backups_dir(self.ctx.data_dir),
        )

    def ask_passphrase(self, message: str) -> str | None:
        dlg = PassphraseDialog(False, self, title=self.tr("Frasa sandi cadangan"), intro=message)
        return dlg.secret_edit.text() if dlg.exec() == QDialog.DialogCode.Accepted else None

    def choose_export_file(self) -> Path | None:
        return file_dialogs.save_file(
            self,
            self.tr("Ekspor cadangan untuk PC lain"),
            "lapor-cadangan.db",
            self.tr("Cadangan LAPOR Desktop (*.db)"),
        )

    def ask_new_passphrase(self) -> str | None:
        dlg = ExportPassphraseDialog(self)
        return dlg.secret_edit.text() if dlg.exec() == QDialog.DialogCode.Accepted else None

    # ------------------------------------------------------------ actions

    def export(self) -> None:
        out = self.choose_export_file()
        if out is None:
            return
        passphrase = self.ask_new_passphrase()
        if passphrase is None:
            return
        ctx = self.ctx
        try:
            run_with_progress(
                self,
                self.tr("Mengekspor cadangan…"),
                functools.partial(backup.export_backup, ctx, out, passphrase),
                self.tr("Batal"),
            )
        except ServiceError as exc:
            messages.warn(self, exc.message)
            return
        messages.info(
            self,
            self.tr(
                "Cadangan untuk PC lain ditulis: {0}. Simpan frasa sandinya baik-baik: tanpa "
                "frasa sandi itu cadangan tidak dapat dibuka."
            ).format(out),
        )

    def refresh(self) -> None:
        ctx = self.ctx
        ops.run_op(self, lambda: (backup.list_for(ctx), backup.keep_count(ctx)), self._show_rows)

    def _show_rows(self, result: tuple[list[backup.BackupRow], int]) -> None:
        rows, keep = result
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.keep_spin.setValue(keep)
        self.folder_label.setText(
            self.tr("Folder cadangan: {0}").format(backup.backups_dir(self.ctx.data_dir))
        )

    def selected(self) -> backup.BackupRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def make_backup(self) -> None:
        ctx = self.ctx
        try:
            row = run_with_progress(
                self,
                self.tr("Membuat cadangan…"),
                lambda progress: backup.make_backup(ctx, progress),
                self.tr("Batal"),
            )
        except ServiceError as exc:
            messages.warn(self, exc.message)
            return
        self.refresh()
        messages.info(self, self.tr("Cadangan dibuat: {0}").format(row.name))

    def save_keep(self) -> None:
        try:
            n = backup.set_keep_count(self.ctx, self.keep_spin.value())
        except ServiceError as exc:
            messages.warn(self, exc.message)
            return
        messages.info(self, self.tr("Cadangan otomatis disimpan untuk {0} hari.").format(n))

    def restore_selected(self) -> None:
        row = self.selected()
        if row is None:
            messages.warn(self, self.tr("Pilih cadangan dahulu."))
            return
        self.restore(row.path)

    def restore_from_file(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.restore(path)

    def restore(self, path: Path) -> bool:
        if not messages.confirm(
            self,
            self.tr(
                "Pulihkan basis data dari {0}?\n\nBasis data saat ini disimpan dahulu di folder "
                "cadangan, lalu diganti. Setelah itu aplikasi ditutup dan perlu dibuka kembali."
            ).format(path.name),
        ):
            return False
        ctx = self.ctx
        passphrase: str | None = None
        while True:
            try:
                run_with_progress(
                    self,
                    self.tr("Memulihkan basis data…"),
                    functools.partial(backup.restore, ctx, path, passphrase),
                )
            except backup.BackupPassphraseNeeded as exc:
                passphrase = self.ask_passphrase(exc.message)
                if passphrase is None:
                    return False
                continue
            except ServiceError as exc:
                messages.warn(self, exc.message)
                if passphrase is not None and isinstance(exc, KeyRefused):
                    passphrase = self.ask_passphrase(exc.message)
                    if passphrase is not None:
                        continue
                return False
            break
        messages.info(
            self,
            self.tr("Basis data dipulihkan dari {0}. Aplikasi akan ditutup; buka kembali.").format(
                path.name
            ),
        )
        self.restored.emit()
        return True


class ExportPassphraseDialog(PassphraseDialog):
    """A new passphrase for an exported backup, typed twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            True,
            parent,
            title=_t("Frasa sandi cadangan"),
            intro=_t(
                "Cadangan ini dienkripsi dengan frasa sandi, yang diminta saat memulihkannya "
                "di PC lain (minimal {0} karakter)."
            ).format(backup.MIN_PASSPHRASE),
        )
