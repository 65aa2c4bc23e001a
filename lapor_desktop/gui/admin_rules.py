"""System admin: deadline rule sets and holiday overrides."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from lapor_desktop.gui import fmt
from lapor_desktop.gui.field_errors import FieldErrors, fit_width
from lapor_desktop.gui.forms.ui_rules import Ui_RulesPage
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.row_model import Column, RowTableModel
from lapor_desktop.gui.widgets import compact_combo, list_table
from lapor_desktop.services import admin
from lapor_desktop.services.context import Ctx


def _qdate_to_date(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class LimitFields:
    """One deadline of a rule set: a number of days and their kind (spin box and combo
    box of the form)."""

    def __init__(self, days_spin: QSpinBox, kind_combo: QComboBox, days: int, kind: str) -> None:
        self.days_spin = days_spin
        self.kind_combo = kind_combo
        days_spin.setValue(days)
        kind_combo.addItem(kind_combo.tr("hari kerja"), "working")
        kind_combo.addItem(kind_combo.tr("hari kalender"), "calendar")
        kind_combo.setCurrentIndex(kind_combo.findData(kind))

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
        self.ui = ui = Ui_RulesPage()
        ui.setupUi(self)

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
        self.rules_table = list_table(ui.rules_table, self.rules_model, 0)
        self.rule_name_edit = ui.rule_name_edit
        self.rule_from_edit = ui.rule_from_edit
        self.rule_from_edit.setDate(QDate.currentDate())
        self.verification_edit = LimitFields(
            ui.verification_days_spin, ui.verification_kind_combo, 5, "working"
        )
        self.follow_up_edit = LimitFields(
            ui.follow_up_days_spin, ui.follow_up_kind_combo, 10, "working"
        )
        self.escalation_edit = LimitFields(
            ui.escalation_days_spin, ui.escalation_kind_combo, 60, "calendar"
        )
        self.reply_edit = LimitFields(ui.reply_days_spin, ui.reply_kind_combo, 10, "working")
        self.add_rule_button = ui.add_rule_button
        self.rule_errors = FieldErrors(ui.rule_error, 1)
        self.rule_errors.add(ui.rule_name_edit, ui.rule_name_error, "name")
        self.rule_errors.add(ui.rule_from_edit, ui.rule_from_error, "effective_from")
        for name in ("verification", "follow_up", "escalation", "reply"):
            self.rule_errors.add(
                getattr(ui, f"{name}_days_spin"), getattr(ui, f"{name}_error"), name
            )
        self.add_rule_button.clicked.connect(self.add_rule)
        self.rule_name_edit.returnPressed.connect(self.add_rule)

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
        self.holiday_table = list_table(ui.holiday_table, self.holiday_model, 2)
        self.holiday_day_edit = ui.holiday_day_edit
        self.holiday_day_edit.setDate(QDate.currentDate())
        self.holiday_kind_combo = ui.holiday_kind_combo
        self.holiday_kind_combo.addItem(self.tr("Tambah hari libur"), "add")
        self.holiday_kind_combo.addItem(self.tr("Batalkan hari libur (masuk kerja)"), "remove")
        compact_combo(self.holiday_kind_combo, 16)
        self.holiday_reason_edit = ui.holiday_reason_edit
        self.add_holiday_button = ui.add_holiday_button
        self.remove_holiday_button = ui.remove_holiday_button
        self.holiday_errors = FieldErrors(ui.holiday_error, 1)
        self.holiday_errors.add(ui.holiday_day_edit, ui.holiday_day_error, "day")
        self.holiday_errors.add(ui.holiday_kind_combo, ui.holiday_kind_error, "kind")
        self.holiday_errors.add(ui.holiday_reason_edit, ui.holiday_reason_error, "reason")
        self.add_holiday_button.clicked.connect(self.add_holiday)
        self.holiday_reason_edit.returnPressed.connect(self.add_holiday)
        self.remove_holiday_button.clicked.connect(self.remove_holiday)
        fit_width(ui.rule_scroll)
        fit_width(ui.holiday_scroll)
        self.refresh()

    def refresh(self) -> None:
        self.rules_model.set_rows(admin.list_rule_sets(self.ctx))
        self.holiday_model.set_rows(admin.list_holiday_overrides(self.ctx))
        for table in (self.rules_table, self.holiday_table):
            table.resizeColumnsToContents()

    def add_rule(self) -> None:
        self.rule_errors.clear()
        ctx, name = self.ctx, self.rule_name_edit.text()
        start = _qdate_to_date(self.rule_from_edit.date())
        limits = {
            "verification": self.verification_edit.value(),
            "follow_up": self.follow_up_edit.value(),
            "escalation": self.escalation_edit.value(),
            "reply": self.reply_edit.value(),
        }

        def added(_r: object) -> None:
            self.rule_name_edit.clear()
            self.refresh()

        run_op(
            self,
            lambda: admin.add_rule_set(ctx, name, start, **limits),
            added,
            self.rule_errors.show_error,
        )

    def add_holiday(self) -> None:
        self.holiday_errors.clear()
        ctx, day = self.ctx, _qdate_to_date(self.holiday_day_edit.date())
        kind, reason = self.holiday_kind_combo.currentData(), self.holiday_reason_edit.text()

        def saved(_r: object) -> None:
            self.holiday_reason_edit.clear()
            self.refresh()

        run_op(
            self,
            lambda: admin.set_holiday_override(ctx, day, kind, reason),
            saved,
            self.holiday_errors.show_error,
        )

    def remove_holiday(self) -> None:
        h = self.holiday_model.row_at(self.holiday_table.currentIndex().row())
        if h is None:
            self.holiday_errors.show({"": self.tr("Pilih tanggal yang akan dihapus.")})
            self.holiday_table.setFocus()
            return
        self.holiday_errors.clear()
        ctx, day = self.ctx, h.day
        run_op(
            self,
            lambda: admin.remove_holiday_override(ctx, day),
            lambda _r: self.refresh(),
            self.holiday_errors.show_error,
        )
