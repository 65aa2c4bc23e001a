"""System admin: offices (OPD) and categories."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.gui.row_model import Column, RowTableModel
from lapor_desktop.gui.widgets import FieldErrors, error_label
from lapor_desktop.services import admin, reference
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError


def _table(model: RowTableModel, name: str) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setAccessibleName(name)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return t


class ReferencePage(QWidget):
    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QHBoxLayout(self)
        yes, no = self.tr("Ya"), self.tr("Tidak")

        # offices
        left = QVBoxLayout()
        self.office_model = RowTableModel(
            [
                Column(self.tr("Kode"), lambda o: o.code),
                Column(self.tr("Nama"), lambda o: o.name),
                Column(self.tr("Jenis"), lambda o: o.kind),
                Column(self.tr("Aktif"), lambda o: yes if o.active else no),
            ],
            self,
        )
        self.office_table = _table(self.office_model, self.tr("Daftar kantor"))
        self.office_table.clicked.connect(self._office_selected)
        left.addWidget(self.office_table, 1)
        box = QGroupBox(self.tr("Simpan kantor/OPD"))
        form = QFormLayout(box)
        self.office_error = error_label()
        self.office_errors = FieldErrors(self.office_error)
        self.office_code_edit = QLineEdit()
        self.office_errors.add_row(form, self.tr("Kode:"), self.office_code_edit, "code")
        self.office_name_edit = QLineEdit()
        self.office_errors.add_row(form, self.tr("Nama:"), self.office_name_edit, "name")
        self.office_kind_combo = QComboBox()
        self.office_kind_combo.addItem(self.tr("OPD"), "opd")
        self.office_kind_combo.addItem(self.tr("Admin kabupaten"), "kabupaten")
        self.office_errors.add_row(form, self.tr("Jenis:"), self.office_kind_combo, "kind")
        self.office_active_check = QCheckBox(self.tr("Aktif"))
        self.office_active_check.setChecked(True)
        form.addRow("", self.office_active_check)
        form.addRow(self.office_error)
        self.office_save_button = QPushButton(self.tr("Simpan kantor"))
        self.office_save_button.clicked.connect(self.save_office)
        form.addRow("", self.office_save_button)
        left.addWidget(box)
        lay.addLayout(left, 3)

        # categories
        right = QVBoxLayout()
        self.category_model = RowTableModel(
            [
                Column(self.tr("Kode"), lambda c: c.code),
                Column(self.tr("Nama"), lambda c: c.name),
                Column(self.tr("Aktif"), lambda c: yes if c.active else no),
            ],
            self,
        )
        self.category_table = _table(self.category_model, self.tr("Daftar kategori"))
        self.category_table.clicked.connect(self._category_selected)
        right.addWidget(self.category_table, 1)
        box2 = QGroupBox(self.tr("Simpan kategori"))
        form2 = QFormLayout(box2)
        self.category_error = error_label()
        self.category_errors = FieldErrors(self.category_error)
        self.category_code_edit = QLineEdit()
        self.category_errors.add_row(form2, self.tr("Kode:"), self.category_code_edit, "code")
        self.category_name_edit = QLineEdit()
        self.category_errors.add_row(form2, self.tr("Nama:"), self.category_name_edit, "name")
        self.category_active_check = QCheckBox(self.tr("Aktif"))
        self.category_active_check.setChecked(True)
        form2.addRow("", self.category_active_check)
        form2.addRow(self.category_error)
        self.category_save_button = QPushButton(self.tr("Simpan kategori"))
        self.category_save_button.clicked.connect(self.save_category)
        form2.addRow("", self.category_save_button)
        right.addWidget(box2)
        lay.addLayout(right, 2)
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
        try:
            admin.save_office(
                self.ctx,
                self.office_code_edit.text(),
                self.office_name_edit.text(),
                kind=self.office_kind_combo.currentData(),
                active=self.office_active_check.isChecked(),
            )
        except ServiceError as exc:
            self.office_errors.show(exc)
            return
        self.refresh()

    def save_category(self) -> None:
        self.category_errors.clear()
        try:
            admin.save_category(
                self.ctx,
                self.category_code_edit.text(),
                self.category_name_edit.text(),
                active=self.category_active_check.isChecked(),
            )
        except ServiceError as exc:
            self.category_errors.show(exc)
            return
        self.refresh()
