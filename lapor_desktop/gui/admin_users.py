"""System admin: users (list, add, disable/enable, reset password)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
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

from lapor_desktop.domain.workflow import Role
from lapor_desktop.gui import messages
from lapor_desktop.gui.row_model import Column, RowTableModel
from lapor_desktop.gui.widgets import FieldErrors, compact_combo, error_label
from lapor_desktop.services import reference, users
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError


class UsersPage(QWidget):
    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        self.model = RowTableModel(
            [
                Column(self.tr("Nama pengguna"), lambda u: u.username),
                Column(self.tr("Nama lengkap"), lambda u: u.full_name),
                Column(self.tr("Peran"), lambda u: Role(u.role).label),
                Column(self.tr("Kantor"), lambda u: u.office_code),
                Column(
                    self.tr("Keadaan"),
                    lambda u: self.tr("Aktif") if u.active else self.tr("Nonaktif"),
                    lambda u: None if u.active else "#b71c1c",
                ),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Daftar pengguna"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.disable_button = QPushButton(self.tr("Nonaktifkan"))
        self.enable_button = QPushButton(self.tr("Aktifkan"))
        self.reset_edit = QLineEdit()
        self.reset_edit.setPlaceholderText(self.tr("Kata sandi sementara"))
        self.reset_edit.setAccessibleName(self.tr("Kata sandi sementara"))
        self.reset_button = QPushButton(self.tr("Atur ulang kata sandi"))
        for w in (self.disable_button, self.enable_button, self.reset_edit, self.reset_button):
            row.addWidget(w)
        row.addStretch(1)
        lay.addLayout(row)
        self.disable_button.clicked.connect(lambda: self._on_selected(users.disable_user))
        self.enable_button.clicked.connect(lambda: self._on_selected(users.enable_user))
        self.reset_button.clicked.connect(self._reset)

        box = QGroupBox(self.tr("Tambah pengguna"))
        form = QFormLayout(box)
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        self.username_edit = QLineEdit()
        self.errors.add_row(form, self.tr("Nama pengguna:"), self.username_edit, "username")
        self.full_name_edit = QLineEdit()
        self.errors.add_row(form, self.tr("Nama lengkap:"), self.full_name_edit, "full_name")
        self.nip_edit = QLineEdit()
        self.errors.add_row(form, self.tr("NIP:"), self.nip_edit, "nip")
        self.role_combo = QComboBox()
        for r in users.PERSON_ROLES:
            self.role_combo.addItem(r.label, r.value)
        self.errors.add_row(form, self.tr("Peran:"), self.role_combo, "role")
        self.office_combo = QComboBox()
        for o in reference.list_offices(ctx):
            self.office_combo.addItem(f"{o.code} — {o.name}", o.code)
        compact_combo(self.office_combo, 30)
        self.errors.add_row(form, self.tr("Kantor:"), self.office_combo, "office")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(form, self.tr("Kata sandi awal:"), self.password_edit, "password")
        form.addRow(self.general_error)
        self.add_button = QPushButton(self.tr("Tambah"))
        self.add_button.clicked.connect(self.add)
        form.addRow("", self.add_button)
        lay.addWidget(box)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(users.list_users(self.ctx))
        self.table.resizeColumnsToContents()

    def selected(self) -> users.UserRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, username: str) -> None:
        for i, u in enumerate(self.model.rows):
            if u.username == username:
                self.table.setCurrentIndex(self.model.index(i, 0))

    def _on_selected(self, fn) -> None:
        u = self.selected()
        if u is None:
            messages.warn(self, self.tr("Pilih pengguna dahulu."))
            return
        try:
            fn(self.ctx, u.username)
        except ServiceError as exc:
            messages.warn(self, exc.message)
        self.refresh()
        self.select(u.username)

    def _reset(self) -> None:
        u = self.selected()
        if u is None:
            messages.warn(self, self.tr("Pilih pengguna dahulu."))
            return
        try:
            users.reset_password(self.ctx, u.username, self.reset_edit.text())
        except ServiceError as exc:
            messages.warn(self, exc.message)
            return
        self.reset_edit.clear()
        messages.info(
            self,
            self.tr("Kata sandi {0} diatur ulang; wajib diganti saat masuk.").format(u.username),
        )

    def add(self) -> None:
        self.errors.clear()
        try:
            users.add_user(
                self.ctx,
                self.username_edit.text(),
                role=self.role_combo.currentData(),
                office_code=self.office_combo.currentData(),
                password=self.password_edit.text(),
                full_name=self.full_name_edit.text(),
                nip=self.nip_edit.text(),
            )
        except ServiceError as exc:
            self.errors.show(exc)
            return
        for e in (self.username_edit, self.full_name_edit, self.nip_edit, self.password_edit):
            e.clear()
        self.refresh()
