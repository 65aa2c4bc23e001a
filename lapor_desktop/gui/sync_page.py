"""The Sinkronisasi page (issue 17): the state and "Sinkronkan sekarang (F9)", the history of
cycles, the "gagal disinkronkan" list (redo / drop, each one service call), the conflicts,
what waits unsent per person, and (system admin) the connection settings.

The "Konflik" tab holds the conflict list and its side-by-side view
(gui/sync_conflicts.SyncConflictsWidget: keep mine / take theirs / merge field by field).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHeaderView, QScrollArea, QTableView, QWidget

from lapor_desktop.domain.permissions import capabilities
from lapor_desktop.gui import file_dialogs, messages
from lapor_desktop.gui.changes import Changed
from lapor_desktop.gui.forms.ui_sync_page import Ui_SyncPage
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.row_model import NUMBER, Column, RowTableModel
from lapor_desktop.gui.sync_conflicts import SyncConflictsWidget
from lapor_desktop.gui.sync_runner import Indicator, Phase, SyncRunner, interval_minutes
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


def _when(value: Any) -> str:
    return value.strftime("%d-%m-%Y %H.%M") if value is not None else "-"


HISTORY_COLUMNS = [
    Column(_t("Waktu"), lambda r: _when(r.at)),
    Column(_t("Hasil"), lambda r: _t("berhasil") if r.ok else _t("gagal"),
           lambda r: None if r.ok else "#b3261e"),
    Column(_t("Terkirim"), lambda r: str(r.pushed), align=NUMBER),
    Column(_t("Diterima"), lambda r: str(r.pulled), align=NUMBER),
    Column(_t("Ditolak"), lambda r: str(r.rejected), align=NUMBER),
    Column(_t("Konflik"), lambda r: str(r.conflicts), align=NUMBER),
    Column(_t("Detik"), lambda r: f"{r.seconds:.1f}", align=NUMBER),
    Column(_t("Keterangan"), lambda r: r.error),
]  # fmt: skip
FAILED_COLUMNS = [
    Column(_t("Waktu"), lambda r: _when(r.at)),
    Column(_t("Laporan"), lambda r: r.ticket or "-"),
    Column(_t("Tindakan"), lambda r: r.what),
    Column(_t("Oleh"), lambda r: r.author or "-"),
    Column(_t("Alasan server"), lambda r: r.reason),
]
CONFLICT_COLUMNS = [
    Column(_t("Waktu"), lambda r: _when(r.at)),
    Column(_t("Data"), lambda r: r.entity),
    Column(_t("Alasan"), lambda r: r.reason),
]
UNSENT_COLUMNS = [
    Column(_t("Login"), lambda r: r.username),
    Column(_t("Nama"), lambda r: r.full_name),
    Column(_t("Status"), lambda r: _t("aktif") if r.active else _t("dinonaktifkan"),
           lambda r: None if r.active else "#b3261e"),
    Column(_t("Tindakan"), lambda r: str(r.actions), align=NUMBER),
    Column(_t("Laporan"), lambda r: str(r.cases), align=NUMBER),
    Column(_t("Surat"), lambda r: str(r.letters), align=NUMBER),
]  # fmt: skip


def load_all() -> dict[str, Any]:
    """Worker thread: everything the page lists."""
    from lapor_desktop.services import sync_status

    return sync_status.page_data()


def _table(view: QTableView, columns: list[Column]) -> RowTableModel:
    model = RowTableModel(columns, view)
    view.setModel(model)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return model


class SyncPage(QWidget):
    def __init__(
        self,
        ctx: Ctx,
        runner: SyncRunner | None,
        on_changed: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.on_changed = on_changed  # MainWindow.apply_changes (a redo changes a case)
        self.ui = ui = Ui_SyncPage()
        ui.setupUi(self)
        self.conflicts = SyncConflictsWidget(ctx, ui.conflicts_slot)
        ui.conflicts_table.hide()  # the widget lists them (with both versions)
        ui.conflicts_slot_layout.addWidget(self.conflicts, 1)
        # A resolution changes the counts here; the widget reloads its own list.
        self.conflicts.changed.connect(lambda: run_op(self, load_all, self._loaded))
        self.history_model = _table(ui.history_table, HISTORY_COLUMNS)
        self.failed_model = _table(ui.failed_table, FAILED_COLUMNS)
        self.conflict_model = _table(ui.conflicts_table, CONFLICT_COLUMNS)
        self.unsent_model = _table(ui.unsent_table, UNSENT_COLUMNS)
        ui.redo_button.clicked.connect(self.redo_selected)
        ui.drop_button.clicked.connect(self.drop_selected)
        ui.sync_button.clicked.connect(self.sync_now)
        ui.cancel_button.clicked.connect(self._cancel)
        ui.cancel_button.hide()
        if not capabilities(ctx.user().role).manages_sync:
            ui.tabs.removeTab(ui.tabs.indexOf(ui.connection_tab))
            ui.connection_tab.hide()
            ui.tabs.removeTab(ui.tabs.indexOf(ui.unsent_tab))
            ui.unsent_tab.hide()
        else:  # the connection form scrolls rather than make the page taller than a screen
            at = ui.tabs.indexOf(ui.connection_tab)
            title = ui.tabs.tabText(at)
            ui.tabs.removeTab(at)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(ui.connection_tab)
            ui.tabs.insertTab(at, scroll, title)
        ui.sslmode_combo.addItems(["verify-full", "verify-ca", "require", "prefer", "disable"])
        ui.interval_spin.setValue(interval_minutes())
        ui.ca_button.clicked.connect(self._pick_ca)
        ui.save_button.clicked.connect(self.save_connection)
        ui.test_button.clicked.connect(self.test_connection)
        ui.failed_table.selectionModel().selectionChanged.connect(self._selection)
        self._selection()
        if runner is not None:
            runner.status_changed.connect(self.show_indicator)
            runner.cycle_done.connect(lambda _o: self.refresh())
            self.show_indicator(runner.indicator)
        else:
            self.show_indicator(Indicator())
        self.loaded = False
        self.refresh()

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        run_op(self, load_all, self._loaded)
        if self.loaded:  # (the widget loaded itself when it was built)
            self.conflicts.refresh()

    def _loaded(self, data: dict[str, Any]) -> None:
        self.history_model.set_rows(data["history"])
        self.failed_model.set_rows(data["failed"])
        self.conflict_model.set_rows(data["conflicts"])
        self.unsent_model.set_rows(data["unsent"])
        tabs = self.ui.tabs
        tabs.setTabText(
            tabs.indexOf(self.ui.failed_tab),
            _t("&Gagal disinkronkan ({0})").format(len(data["failed"])),
        )
        tabs.setTabText(
            tabs.indexOf(self.ui.conflicts_tab), _t("&Konflik ({0})").format(len(data["conflicts"]))
        )
        c = data["connection"]
        ui = self.ui
        if c and not self.loaded:
            ui.host_edit.setText(c.get("host", ""))
            ui.port_spin.setValue(int(c.get("port", "5432") or 5432))
            ui.dbname_edit.setText(c.get("dbname", ""))
            ui.sslmode_combo.setCurrentText(c.get("sslmode", "prefer"))
            ui.ca_edit.setText(c.get("sslrootcert", ""))
            ui.user_edit.setText(c.get("user", ""))
        self.loaded = True
        self._selection()

    def show_indicator(self, ind: Indicator) -> None:
        ui = self.ui
        ui.state_label.setText(ind.text())
        ui.state_label.setToolTip(ind.tooltip())
        running = ind.phase == Phase.RUNNING
        ui.progress_label.setText(ind.progress if running else ind.message)
        ui.sync_button.setEnabled(not running and ind.phase not in (Phase.LOCAL, Phase.DISABLED))
        ui.cancel_button.setVisible(running)

    # ------------------------------------------------------------ actions

    def sync_now(self) -> None:
        if self.runner is not None:
            self.runner.sync_now()

    def _cancel(self) -> None:
        if self.runner is not None:
            self.runner.cancel()

    def _selected_failed(self) -> Any:
        rows = self.ui.failed_table.selectionModel().selectedRows()
        return self.failed_model.row_at(rows[0].row()) if rows else None

    def _selection(self, *_: Any) -> None:
        row = self._selected_failed()
        self.ui.redo_button.setEnabled(row is not None and row.entity == "case_action")
        self.ui.drop_button.setEnabled(row is not None)

    def redo_selected(self) -> None:
        row = self._selected_failed()
        if row is None:
            return
        from lapor_desktop.services import sync_repair

        ctx, fid = self.ctx, row.id
        run_op(self, lambda: sync_repair.redo_failed(ctx, fid), self._redone)

    def _redone(self, result: Any) -> None:
        self.refresh()
        if self.on_changed is not None:
            self.on_changed(Changed.of_action(result))
        self.ui.progress_label.setText(
            _t("Tindakan pada {0} dilakukan lagi; dikirim pada sinkron berikutnya.").format(
                result.ticket
            )
        )

    def drop_selected(self) -> None:
        row = self._selected_failed()
        if row is None:
            return
        if not messages.confirm(
            self,
            _t("Abaikan tindakan yang ditolak ini? Tindakan tetap tercatat sebagai ditolak."),
        ):
            return
        from lapor_desktop.services import sync_repair

        ctx, fid = self.ctx, row.id
        run_op(self, lambda: sync_repair.drop_failed(ctx, fid), lambda _r: self.refresh())

    # ------------------------------------------------------------ connection (system admin)

    def _params(self) -> dict[str, str]:
        ui = self.ui
        return {
            "host": ui.host_edit.text(),
            "port": str(ui.port_spin.value()),
            "dbname": ui.dbname_edit.text(),
            "sslmode": ui.sslmode_combo.currentText(),
            "sslrootcert": ui.ca_edit.text(),
            "user": ui.user_edit.text(),
        }

    def _pick_ca(self) -> None:
        path = file_dialogs.open_file(
            self, _t("Sertifikat CA server pusat"), _t("Sertifikat (*.crt *.pem);;Semua (*)")
        )
        if path:
            self.ui.ca_edit.setText(str(path))

    def test_connection(self) -> None:
        from lapor_desktop.sync import online

        params, pw = self._params(), self.ui.password_edit.text()
        self.ui.connection_error.setText(_t("Menguji koneksi…"))
        run_op(
            self,
            lambda: online.test_connection(params, pw),
            lambda _r: self.ui.connection_error.setText(_t("Koneksi berhasil.")),
            self._connection_failed,
        )

    def save_connection(self) -> None:
        from lapor_desktop.sync import online

        ctx, params, pw = self.ctx, self._params(), self.ui.password_edit.text()
        if self.runner is not None:
            self.runner.set_interval(self.ui.interval_spin.value())
        run_op(self, lambda: online.save_connection(ctx, params, pw), self._saved,
               self._connection_failed)  # fmt: skip

    def _saved(self, stored: bool) -> None:
        self.ui.password_edit.clear()
        self.ui.connection_error.setText(
            _t("Koneksi disimpan; kata sandi di keyring sistem.")
            if stored
            else _t(
                "Koneksi disimpan. Keyring sistem tidak tersedia: kata sandi tidak disimpan "
                "dan ditanyakan saat masuk."
            )
        )

    def _connection_failed(self, exc: ServiceError) -> None:
        self.ui.connection_error.setText(exc.message)
