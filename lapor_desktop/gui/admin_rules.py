"""System admin: deadline rule sets and holiday overrides."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.gui import fmt, messages
from lapor_desktop.gui.row_model import Column, RowTableModel
from lapor_desktop.gui.widgets import FieldErrors, compact_combo, error_label
from lapor_desktop.services import admin
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError


def _qdate_to_date(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class _LimitEdit(QWidget):
    def __init__(self, days: int, kind: str, name: str) -> None:
        super().__init__()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 365)
        self.days_spin.setValue(days)
        self.days_spin.setAccessibleName(name)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("hari kerja"), "working")
        self.kind_combo.addItem(self.tr("hari kalender"), "calendar")
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.kind_combo.setAccessibleName(name)
        lay.addWidget(self.days_spin)
        lay.addWidget(self.kind_combo)

    def value(self) -> tuple[int, str]:
        return self.days_spin.value(), self.kind_combo.currentData()


def _limit_text(text: str) -> str:
    days, _, kind = text.partition(" ")
    unit = {"working": "hari kerja", "calendar": "hari kalender"}.get(kind, kind)
    return f"{days} {unit}"


class RulesPage(QWidget):
    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QHBoxLayout(self)

        left = QVBoxLayout()
        self.rules_model = RowTableModel(
            [
                Column(self.tr("Nama"), lambda r: r.name),
                Column(self.tr("Berlaku mulai"), lambda r: fmt.short_date(r.effective_from)),
                Column(self.tr("Verifikasi"), lambda r: _limit_text(r.verification)),
                Column(self.tr("Tindak lanjut"), lambda r: _limit_text(r.follow_up)),
                Column(self.tr("Eskalasi"), lambda r: _limit_text(r.escalation)),
                Column(self.tr("Tanggapan"), lambda r: _limit_text(r.reply)),
            ],
            self,
        )
        self.rules_table = QTableView()
        self.rules_table.setModel(self.rules_model)
        self.rules_table.setAccessibleName(self.tr("Aturan tenggat"))
        self.rules_table.verticalHeader().hide()
        self.rules_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.rules_table, 1)
        box = QGroupBox(self.tr("Aturan tenggat baru"))
        form = QFormLayout(box)
        # Two tables and two forms side by side: on a narrow window (1080p at 200 %) the
        # labels go above their fields rather than widening the window.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.rule_error = error_label()
        self.rule_errors = FieldErrors(self.rule_error)
        self.rule_name_edit = QLineEdit()
        self.rule_errors.add_row(form, self.tr("Nama/dasar:"), self.rule_name_edit, "name")
        self.rule_from_edit = QDateEdit(QDate.currentDate())
        self.rule_from_edit.setDisplayFormat("dd-MM-yyyy")
        self.rule_from_edit.setCalendarPopup(True)
        self.rule_errors.add_row(
            form, self.tr("Berlaku mulai:"), self.rule_from_edit, "effective_from"
        )
        self.verification_edit = _LimitEdit(5, "working", self.tr("Verifikasi"))
        self.follow_up_edit = _LimitEdit(10, "working", self.tr("Tindak lanjut"))
        self.escalation_edit = _LimitEdit(60, "calendar", self.tr("Eskalasi"))
        self.reply_edit = _LimitEdit(10, "working", self.tr("Masa tanggapan"))
        form.addRow(self.tr("Verifikasi:"), self.verification_edit)
        form.addRow(self.tr("Tindak lanjut:"), self.follow_up_edit)
        form.addRow(self.tr("Eskalasi Ombudsman:"), self.escalation_edit)
        form.addRow(self.tr("Masa tanggapan:"), self.reply_edit)
        form.addRow(self.rule_error)
        self.add_rule_button = QPushButton(self.tr("Tambah aturan"))
        self.add_rule_button.clicked.connect(self.add_rule)
        form.addRow("", self.add_rule_button)
        left.addWidget(box)
        lay.addLayout(left, 3)

        right = QVBoxLayout()
        self.holiday_model = RowTableModel(
            [
                Column(self.tr("Tanggal"), lambda h: fmt.long_date(h.day)),
                Column(
                    self.tr("Jenis"),
                    lambda h: self.tr("Libur") if h.kind == "add" else self.tr("Masuk kerja"),
                ),
                Column(self.tr("Dasar"), lambda h: h.reason),
            ],
            self,
        )
        self.holiday_table = QTableView()
        self.holiday_table.setModel(self.holiday_model)
        self.holiday_table.setAccessibleName(self.tr("Pengecualian hari libur"))
        self.holiday_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.holiday_table.verticalHeader().hide()
        self.holiday_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        right.addWidget(self.holiday_table, 1)
        box2 = QGroupBox(self.tr("Pengecualian hari libur (lokal)"))
        form2 = QFormLayout(box2)
        form2.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.holiday_error = error_label()
        self.holiday_errors = FieldErrors(self.holiday_error)
        self.holiday_day_edit = QDateEdit(QDate.currentDate())
        self.holiday_day_edit.setDisplayFormat("dd-MM-yyyy")
        self.holiday_day_edit.setCalendarPopup(True)
        self.holiday_errors.add_row(form2, self.tr("Tanggal:"), self.holiday_day_edit, "day")
        self.holiday_kind_combo = QComboBox()
        self.holiday_kind_combo.addItem(self.tr("Tambah hari libur"), "add")
        self.holiday_kind_combo.addItem(self.tr("Batalkan hari libur (masuk kerja)"), "remove")
        compact_combo(self.holiday_kind_combo, 16)
        self.holiday_errors.add_row(form2, self.tr("Jenis:"), self.holiday_kind_combo, "kind")
        self.holiday_reason_edit = QLineEdit()
        self.holiday_errors.add_row(
            form2, self.tr("Dasar (nomor keputusan):"), self.holiday_reason_edit, "reason"
        )
        form2.addRow(self.holiday_error)
        buttons = QHBoxLayout()
        self.add_holiday_button = QPushButton(self.tr("Simpan"))
        self.add_holiday_button.clicked.connect(self.add_holiday)
        self.remove_holiday_button = QPushButton(self.tr("Hapus yang dipilih"))
        self.remove_holiday_button.clicked.connect(self.remove_holiday)
        buttons.addWidget(self.add_holiday_button)
        buttons.addWidget(self.remove_holiday_button)
        form2.addRow(buttons)  # across both columns: never squeezed beside a label
        right.addWidget(box2)
        lay.addLayout(right, 2)
        self.refresh()

    def refresh(self) -> None:
        self.rules_model.set_rows(admin.list_rule_sets(self.ctx))
        self.holiday_model.set_rows(admin.list_holiday_overrides(self.ctx))
        for table in (self.rules_table, self.holiday_table):
            table.resizeColumnsToContents()

    def add_rule(self) -> None:
        self.rule_errors.clear()
        try:
            admin.add_rule_set(
                self.ctx,
                self.rule_name_edit.text(),
                _qdate_to_date(self.rule_from_edit.date()),
                verification=self.verification_edit.value(),
                follow_up=self.follow_up_edit.value(),
                escalation=self.escalation_edit.value(),
                reply=self.reply_edit.value(),
            )
        except ServiceError as exc:
            self.rule_errors.show(exc)
            return
        self.rule_name_edit.clear()
        self.refresh()

    def add_holiday(self) -> None:
        self.holiday_errors.clear()
        try:
            admin.set_holiday_override(
                self.ctx,
                _qdate_to_date(self.holiday_day_edit.date()),
                self.holiday_kind_combo.currentData(),
                self.holiday_reason_edit.text(),
            )
        except ServiceError as exc:
            self.holiday_errors.show(exc)
            return
        self.holiday_reason_edit.clear()
        self.refresh()

    def remove_holiday(self) -> None:
        h = self.holiday_model.row_at(self.holiday_table.currentIndex().row())
        if h is None:
            messages.warn(self, self.tr("Pilih tanggal yang akan dihapus."))
            return
        try:
            admin.remove_holiday_override(self.ctx, h.day)
        except ServiceError as exc:
            messages.warn(self, exc.message)
        self.refresh()
