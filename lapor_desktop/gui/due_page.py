"""'Jatuh tempo': cases in scope whose deadline is near or passed, most urgent first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.domain.workflow import Status
from lapor_desktop.gui import fmt
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.row_model import Column, RowTableModel
from lapor_desktop.services import cases
from lapor_desktop.services.context import Ctx


class _Table(QTableView):
    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DuePage", text)


def work_list_model(parent: QWidget | None = None) -> RowTableModel:
    return RowTableModel(
        [
            Column(_tr("Nomor tiket"), lambda r: r.ticket),
            Column(_tr("Judul"), lambda r: r.title, tip=True),
            Column(_tr("Status"), lambda r: Status(r.status).label),
            Column(_tr("OPD"), lambda r: r.opd or ""),
            Column(_tr("Tenggat"), lambda r: r.clock_label),
            Column(_tr("Jatuh tempo"), lambda r: fmt.short_date(r.due)),
            Column(
                _tr("Keadaan"),
                lambda r: r.state_label,
                lambda r: fmt.STATE_COLORS.get(r.state),
            ),
        ],
        parent,
    )


class DuePage(QWidget):
    open_case = Signal(str)

    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary_label = QLabel()
        top.addWidget(self.summary_label, 1)
        self.refresh_button = QPushButton(self.tr("Muat ulang"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        lay.addLayout(top)
        self.model = work_list_model(self)
        self.table = _Table()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Daftar jatuh tempo"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda i: self._open(i.row()))
        self.table.activated_row.connect(self._open)
        lay.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        run_op(self, lambda: cases.work_list(ctx), self._show)

    def _show(self, items: list[cases.WorkItem]) -> None:
        self.model.set_rows(items)
        self.table.resizeColumnsToContents()
        counts: dict[str, int] = {}
        for i in items:
            counts[i.state_label] = counts.get(i.state_label, 0) + 1
        if items:
            text = ", ".join(f"{k}: {v}" for k, v in counts.items())
        else:
            text = self.tr("Tidak ada laporan yang mendekati atau melewati tenggat.")
        self.summary_label.setText(text)
        if items:
            self.table.setCurrentIndex(self.model.index(0, 0, QModelIndex()))

    def _open(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is not None:
            self.open_case.emit(item.ticket)
