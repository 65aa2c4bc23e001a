"""Konflik sinkronisasi: the clashes of this PC's edits, each resolved by a person.

A list of clashes on the left; on the right the differing fields side by side (this PC's
version, the server's) with a choice per field, and three buttons: "Pakai versi saya",
"Pakai versi server", "Gabungkan" (the per-field choices). Every call runs through
gui/ops (off the UI thread); the result goes to the server at the next sync.

Self-contained: `SyncConflictsWidget(ctx, parent)` like the other pages; `changed` is
emitted after a clash was resolved (the Sinkronisasi page may refresh its counts).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.gui.ops import run_op
from lapor_desktop.services.context import Ctx
from lapor_desktop.sync import conflicts

MINE, THEIRS = "mine", "theirs"


def shown(value: Any) -> str:
    if value is True:
        return "Ya"
    if value is False:
        return "Tidak"
    return "—" if value in (None, "") else str(value)


class SyncConflictsWidget(QWidget):
    changed = Signal()

    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[conflicts.Conflict] = []
        lay = QVBoxLayout(self)
        self.summary_label = QLabel()
        lay.addWidget(self.summary_label)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Daftar konflik sinkronisasi"))
        self.list.currentRowChanged.connect(self._select)
        split.addWidget(self.list)
        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        rlay.addWidget(self.reason_label)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kolom"), self.tr("Versi saya"), self.tr("Versi server"), self.tr("Pakai")]
        )
        self.table.setAccessibleName(self.tr("Perbandingan versi saya dan versi server"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        rlay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.mine_button = QPushButton(self.tr("Pakai versi saya"))
        self.theirs_button = QPushButton(self.tr("Pakai versi server"))
        self.merge_button = QPushButton(self.tr("Gabungkan"))
        self.merge_button.setToolTip(self.tr("Pakai pilihan di kolom 'Pakai' untuk tiap baris"))
        self.mine_button.clicked.connect(lambda: self._resolve(MINE))
        self.theirs_button.clicked.connect(lambda: self._resolve(THEIRS))
        self.merge_button.clicked.connect(lambda: self._resolve("merge"))
        buttons.addStretch(1)
        for b in (self.mine_button, self.theirs_button, self.merge_button):
            buttons.addWidget(b)
        self.refresh_button = QPushButton(self.tr("Muat ulang"))
        self.refresh_button.clicked.connect(self.refresh)
        buttons.insertWidget(0, self.refresh_button)
        rlay.addLayout(buttons)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        self._enable(False)
        self.refresh()

    # ------------------------------------------------------------ data

    def refresh(self) -> None:
        ctx = self.ctx
        run_op(self, lambda: conflicts.list_conflicts(ctx), self._show)

    def _show(self, items: list[conflicts.Conflict]) -> None:
        now = self.current()
        keep = now.id if now is not None else None
        self.items = items
        self.list.blockSignals(True)
        self.list.clear()
        for c in items:
            kind = conflicts.ENTITY_LABELS.get(c.entity, c.entity)
            item = QListWidgetItem(f"{kind} {c.label}")
            item.setToolTip(c.reason)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if items:
            self.summary_label.setText(
                self.tr("%n konflik menunggu keputusan Anda.", "", len(items))
            )
        else:
            self.summary_label.setText(self.tr("Tidak ada konflik sinkronisasi."))
        rows = [i for i, c in enumerate(items) if c.id == keep]
        self.list.setCurrentRow(rows[0] if rows else (0 if items else -1))
        self._select(self.list.currentRow())

    def current(self) -> conflicts.Conflict | None:
        row = self.list.currentRow() if hasattr(self, "list") else -1
        return self.items[row] if 0 <= row < len(self.items) else None

    def _select(self, row: int) -> None:
        c = self.items[row] if 0 <= row < len(self.items) else None
        self.table.setRowCount(0)
        if c is None:
            self.reason_label.setText("")
            self._enable(False)
            return
        self.reason_label.setText(c.reason)
        self.table.setRowCount(len(c.fields))
        for i, f in enumerate(c.fields):
            self.table.setItem(i, 0, QTableWidgetItem(f.label))
            self.table.setItem(i, 1, QTableWidgetItem(shown(f.mine)))
            self.table.setItem(i, 2, QTableWidgetItem(shown(f.theirs)))
            pick = QComboBox()
            pick.addItem(self.tr("Versi server"), THEIRS)
            pick.addItem(self.tr("Versi saya"), MINE)
            pick.setAccessibleName(self.tr("Pakai versi untuk %s") % f.label)
            self.table.setCellWidget(i, 3, pick)
        self.table.resizeRowsToContents()
        self._enable(True)
        # Without differing fields (one NIK registered twice) there is nothing to merge.
        self.merge_button.setEnabled(bool(c.fields))
        self.mine_button.setEnabled(bool(c.fields))

    def picks(self) -> dict[str, str]:
        """The per-field choice of the merge (field name -> 'mine' | 'theirs')."""
        c = self.current()
        if c is None:
            return {}
        out = {}
        for i, f in enumerate(c.fields):
            pick = self.table.cellWidget(i, 3)
            if isinstance(pick, QComboBox):
                out[f.name] = str(pick.currentData())
        return out

    def set_pick(self, name: str, side: str) -> None:
        c = self.current()
        if c is None:
            return
        for i, f in enumerate(c.fields):
            pick = self.table.cellWidget(i, 3)
            if f.name == name and isinstance(pick, QComboBox):
                pick.setCurrentIndex(pick.findData(side))

    # ------------------------------------------------------------ actions

    def _enable(self, on: bool) -> None:
        for b in (self.mine_button, self.theirs_button, self.merge_button):
            b.setEnabled(on)

    def _resolve(self, choice: str) -> None:
        c = self.current()
        if c is None:
            return
        ctx = self.ctx
        picks = self.picks() if choice == "merge" else None
        self._enable(False)
        run_op(
            self,
            lambda: conflicts.resolve(ctx, c.id, choice, picks),
            self._resolved,
            on_finished=lambda: self._select(self.list.currentRow()),
        )

    def _resolved(self, _: conflicts.Resolved) -> None:
        self.changed.emit()
        self.refresh()
