"""System admin: offices (OPD) and categories."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from lapor_desktop.gui.field_errors import FieldErrors
from lapor_desktop.gui.forms.ui_reference import Ui_ReferencePage
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.row_model import Column, RowTableModel
from lapor_desktop.gui.widgets import list_table
from lapor_desktop.services import admin, reference
from lapor_desktop.services.context import Ctx


class ReferencePage(QWidget):
    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = ui = Ui_ReferencePage()
        ui.setupUi(self)
        yes, no = self.tr("Ya"), self.tr("Tidak")

        # offices
        self.office_model = RowTableModel(
            [
                Column(self.tr("Kode"), lambda o: o.code),
                Column(self.tr("Nama"), lambda o: o.name),
                Column(self.tr("Jenis"), lambda o: o.kind),
                Column(self.tr("Aktif"), lambda o: yes if o.active else no),
            ],
            self,
        )
        self.office_table = list_table(ui.office_table, self.office_model, 1)
        self.office_table.clicked.connect(self._office_selected)
        self.office_code_edit = ui.office_code_edit
        self.office_name_edit = ui.office_name_edit
        self.office_kind_combo = ui.office_kind_combo
        self.office_kind_combo.addItem(self.tr("OPD"), "opd")
        self.office_kind_combo.addItem(self.tr("Admin kabupaten"), "kabupaten")
        self.office_active_check = ui.office_active_check
        self.office_save_button = ui.office_save_button
        self.office_errors = FieldErrors(ui.office_error, 1)
        self.office_errors.add(ui.office_code_edit, ui.office_code_error, "code")
        self.office_errors.add(ui.office_name_edit, ui.office_name_error, "name")
        self.office_errors.add(ui.office_kind_combo, ui.office_kind_error, "kind")
        self.office_save_button.clicked.connect(self.save_office)
        for e in (ui.office_code_edit, ui.office_name_edit):
            e.returnPressed.connect(self.save_office)

        # categories
        self.category_model = RowTableModel(
            [
                Column(self.tr("Kode"), lambda c: c.code),
                Column(self.tr("Nama"), lambda c: c.name),
                Column(self.tr("Aktif"), lambda c: yes if c.active else no),
            ],
            self,
        )
        self.category_table = list_table(ui.category_table, self.category_model, 1)
        self.category_table.clicked.connect(self._category_selected)
        self.category_code_edit = ui.category_code_edit
        self.category_name_edit = ui.category_name_edit
        self.category_active_check = ui.category_active_check
        self.category_save_button = ui.category_save_button
        self.category_errors = FieldErrors(ui.category_error, 1)
        self.category_errors.add(ui.category_code_edit, ui.category_code_error, "code")
        self.category_errors.add(ui.category_name_edit, ui.category_name_error, "name")
        self.category_save_button.clicked.connect(self.save_category)
        for e in (ui.category_code_edit, ui.category_name_edit):
            e.returnPressed.connect(self.save_category)
        self.refresh()

    def refresh(self) -> None:
        self.office_model.set_rows(reference.list_offices(self.ctx, include_inactive=True))
        self.category_model.set_rows(reference.list_categories(self.ctx, include_inactive=True))
        self.office_table.resizeColumnsToContents()
        self.category_table.resizeColumnsToContents()

    def _office_selected(self) -> None:
        o = self.office_model.row_at(self.office_table.currentIndex().row())
        if o is not None:
            self.office_code_edit.setText(o.code)
            self.office_name_edit.setText(o.name)
            self.office_kind_combo.setCurrentIndex(self.office_kind_combo.findData(o.kind))
            self.office_active_check.setChecked(o.active)

    def _category_selected(self) -> None:
        c = self.category_model.row_at(self.category_table.currentIndex().row())
        if c is not None:
            self.category_code_edit.setText(c.code)
            self.category_name_edit.setText(c.name)
            self.category_active_check.setChecked(c.active)

    def save_office(self) -> None:
        self.office_errors.clear()
        ctx, code, name = self.ctx, self.office_code_edit.text(), self.office_name_edit.text()
        kind, active = self.office_kind_combo.currentData(), self.office_active_check.isChecked()
        run_op(
            self,
            lambda: admin.save_office(ctx, code, name, kind=kind, active=active),
            lambda _r: self.refresh(),
            self.office_errors.show_error,  # everything typed stays
        )

    def save_category(self) -> None:
        self.category_errors.clear()
        ctx, code = self.ctx, self.category_code_edit.text()
        name, active = self.category_name_edit.text(), self.category_active_check.isChecked()
        run_op(
            self,
            lambda: admin.save_category(ctx, code, name, active=active),
            lambda _r: self.refresh(),
            self.category_errors.show_error,
        )
