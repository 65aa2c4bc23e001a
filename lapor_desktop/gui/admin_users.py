"""System admin: users (list, add, disable/enable, reset password). An account made or
reset here changes its password at the first sign-in unless the admin unticks it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from lapor_desktop.domain.workflow import Role
from lapor_desktop.gui import messages
from lapor_desktop.gui.field_errors import FieldErrors, fit_width
from lapor_desktop.gui.forms.ui_users import Ui_UsersPage
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.row_model import Column, RowTableModel
from lapor_desktop.gui.widgets import compact_combo, list_table
from lapor_desktop.services import reference, users
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError


class UsersPage(QWidget):
    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = ui = Ui_UsersPage()
        ui.setupUi(self)
        self.model = RowTableModel(
            [
                Column(self.tr("Nama pengguna"), lambda u: u.username),
                Column(self.tr("Nama lengkap"), lambda u: u.full_name),
                Column(self.tr("Peran"), lambda u: Role(u.role).label),
                Column(self.tr("Kantor"), lambda u: u.office_code),
                Column(
                    self.tr("Keadaan"),
                    self.state,
                    lambda u: None if u.active else "#b71c1c",
                ),
            ],
            self,
        )
        self.table = list_table(ui.table, self.model, 1)
        self.disable_button = ui.disable_button
        self.enable_button = ui.enable_button
        self.reset_edit = ui.reset_edit
        self.reset_button = ui.reset_button
        self.selected_errors = FieldErrors(ui.selected_error, 1)
        self.selected_errors.clear_on_edit(ui.reset_edit)
        self.disable_button.clicked.connect(lambda: self._on_selected(users.disable_user))
        self.enable_button.clicked.connect(lambda: self._on_selected(users.enable_user))
        self.reset_button.clicked.connect(self._reset)
        self.reset_edit.returnPressed.connect(self._reset)

        self.username_edit = ui.username_edit
        self.full_name_edit = ui.full_name_edit
        self.nip_edit = ui.nip_edit
        self.role_combo = ui.role_combo
        self.office_combo = ui.office_combo
        self.password_edit = ui.password_edit
        self.must_change_check = ui.must_change_check
        self.add_button = ui.add_button
        for r in users.PERSON_ROLES:
            self.role_combo.addItem(r.label, r.value)
        for o in reference.list_offices(ctx):
            self.office_combo.addItem(f"{o.code} — {o.name}", o.code)
        compact_combo(self.office_combo, 30)
        self.errors = FieldErrors(ui.general_error, 1)
        self.errors.add(ui.username_edit, ui.username_error, "username")
        self.errors.add(ui.full_name_edit, ui.full_name_error, "full_name")
        self.errors.add(ui.nip_edit, ui.nip_error, "nip")
        self.errors.add(ui.role_combo, ui.role_error, "role")
        self.errors.add(ui.office_combo, ui.office_error, "office")
        self.errors.add(ui.password_edit, ui.password_error, "password")
        self.add_button.clicked.connect(self.add)
        for edit in (ui.username_edit, ui.full_name_edit, ui.nip_edit, ui.password_edit):
            edit.returnPressed.connect(self.add)  # Enter in the form adds
        fit_width(ui.add_scroll)
        self.refresh()

    def state(self, u: users.UserRow) -> str:
        text = self.tr("Aktif") if u.active else self.tr("Nonaktif")
        if u.must_change_password:
            text += self.tr(", wajib ganti kata sandi")
        return text

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

    def _chosen(self) -> users.UserRow | None:
        u = self.selected()
        if u is None:
            self.selected_errors.show({"": self.tr("Pilih pengguna dahulu.")})
            self.table.setFocus()
        return u

    def _on_selected(self, fn: Callable[[Ctx, str], None]) -> None:
        u = self._chosen()
        if u is None:
            return
        self.selected_errors.clear()
        ctx, name = self.ctx, u.username

        def done(_r: object) -> None:
            self.refresh()
            self.select(name)

        run_op(self, lambda: fn(ctx, name), done, self._selected_refused)

    def _selected_refused(self, exc: ServiceError) -> None:
        self.selected_errors.show({"": exc.message})

    def _reset(self) -> None:
        u = self._chosen()
        if u is None:
            return
        ctx, name, password = self.ctx, u.username, self.reset_edit.text()
        must = self.ui.reset_must_change_check.isChecked()
        self.selected_errors.clear()

        def done(_r: object) -> None:
            self.reset_edit.clear()
            self.refresh()
            self.select(name)
            if must:
                text = self.tr("Kata sandi {0} diatur ulang; wajib diganti saat masuk.")
            else:
                text = self.tr("Kata sandi {0} diatur ulang.")
            messages.info(self, text.format(name))

        def refused(exc: ServiceError) -> None:
            self._selected_refused(exc)
            self.reset_edit.setFocus()

        run_op(self, lambda: users.reset_password(ctx, name, password, must), done, refused)

    def add(self) -> None:
        self.errors.clear()
        ctx = self.ctx
        name, role = self.username_edit.text(), self.role_combo.currentData()
        office, password = self.office_combo.currentData(), self.password_edit.text()
        full_name, nip = self.full_name_edit.text(), self.nip_edit.text()
        must = self.must_change_check.isChecked()
        self.add_button.setEnabled(False)

        def make() -> users.UserRow:
            return users.add_user(
                ctx,
                name,
                role=role,
                office_code=office,
                password=password,
                full_name=full_name,
                nip=nip,
                must_change_password=must,
            )

        run_op(self, make, self._added, self._refused, lambda: self.add_button.setEnabled(True))

    def _added(self, row: users.UserRow) -> None:
        for e in (self.username_edit, self.full_name_edit, self.nip_edit, self.password_edit):
            e.clear()
        self.must_change_check.setChecked(True)
        self.refresh()
        self.select(row.username)
        self.username_edit.setFocus()

    def _refused(self, exc: ServiceError) -> None:
        self.errors.show_error(exc)  # everything typed stays
