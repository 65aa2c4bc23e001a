"""Sign-in, with the lock-out message, and the (forced or voluntary) password change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.gui import messages
from lapor_desktop.gui.ops import run_op, tracker
from lapor_desktop.gui.widgets import FieldErrors, error_label, translate_buttons
from lapor_desktop.services.context import Ctx, Session
from lapor_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from lapor_desktop.gui.startup import DatabaseOpening


class SignInDialog(QDialog):
    """The first window. With `opening`, the database is still being opened behind it
    (gui/startup.py): signing in waits for that, and a key the keyring cannot give is
    asked for over this dialog."""

    def __init__(
        self, ctx: Ctx, parent: QWidget | None = None, opening: DatabaseOpening | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opening = opening
        self.session: Session | None = None
        self.setWindowTitle(self.tr("Masuk — LAPOR Desktop"))
        self.setMinimumWidth(380)
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("<b>LAPOR Desktop</b><br>Pengelolaan Pengaduan Kabupaten Kampar"))
        lay.addWidget(title)
        form = QFormLayout()
        lay.addLayout(form)
        self.error_label = error_label()
        self.errors = FieldErrors(self.error_label)
        self.username_edit = QLineEdit()
        self.errors.add_row(form, self.tr("Nama pengguna:"), self.username_edit)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(form, self.tr("Kata sandi:"), self.password_edit)
        lay.addWidget(self.error_label)
        self.status_label = QLabel()
        self.status_label.hide()
        lay.addWidget(self.status_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(self.buttons)
        self.sign_in_button = self.buttons.addButton(
            self.tr("Masuk"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        # Enter signs in. Only once the button is inside this dialog: set before, the dialog
        # never learns of it and makes "Batal" (its first button) the default.
        self.sign_in_button.setDefault(True)
        tracker().database_waiting.connect(self._database_waiting)
        if opening is not None and not opening.done:
            opening.opened.connect(self.status_label.hide)
            opening.needs_secret.connect(self._ask_secret)
            opening.failed.connect(self._opening_failed)
            self.finished.connect(self._detach)

    def _detach(self) -> None:
        # Closed: what the opening reports later (e.g. at exit) is no longer this dialog's.
        assert self.opening is not None
        self.opening.opened.disconnect(self.status_label.hide)
        self.opening.needs_secret.disconnect(self._ask_secret)
        self.opening.failed.disconnect(self._opening_failed)

    def submit(self) -> None:
        self.errors.clear()
        if not self.username_edit.text().strip() or not self.password_edit.text():
            self.errors.set("", self.tr("Isi nama pengguna dan kata sandi."))
            return
        self.sign_in_button.setEnabled(False)
        ctx, name, pw = self.ctx, self.username_edit.text(), self.password_edit.text()
        opening = self.opening
        if opening is not None and not opening.done:
            self.status_label.setText(self.tr("Menyiapkan basis data…"))
            self.status_label.show()

        def sign_in() -> Session:
            if opening is not None:
                opening.wait()
            from lapor_desktop.services import users  # loaded by the opening, off this thread

            return users.sign_in(ctx, name, pw)

        run_op(self, sign_in, self._signed_in, self._refused)

    def _database_waiting(self) -> None:
        # Opening or signing in waits for another process's write lock (up to the busy
        # timeout); hidden again when the opening or the sign-in ends.
        self.status_label.setText(self.tr("Menunggu basis data… (sedang dipakai proses lain)"))
        self.status_label.show()

    def _signed_in(self, session: Session) -> None:
        self.session = session
        self.accept()

    def _ask_secret(self, why: str) -> None:
        from lapor_desktop.gui.passphrase_dialog import PassphraseDialog

        assert self.opening is not None
        secret = PassphraseDialog.ask(False, self, why)
        if secret is None:
            self.opening.cancel(self.tr("Basis data tidak dibuka."))
            self.reject()
        else:
            self.opening.start(secret)

    def _opening_failed(self, message: str) -> None:
        messages.error(self, message)
        self.reject()

    def _refused(self, exc: ServiceError) -> None:
        self.status_label.hide()
        self.sign_in_button.setEnabled(True)
        self.password_edit.clear()
        self.password_edit.setFocus()
        self.errors.set("", exc.message)

    @classmethod
    def ask(
        cls, ctx: Ctx, parent: QWidget | None = None, opening: DatabaseOpening | None = None
    ) -> Session | None:
        dlg = cls(ctx, parent, opening)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            return dlg.session
        return None


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: Ctx, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session: Session | None = None
        self.setWindowTitle(self.tr("Ganti kata sandi"))
        lay = QVBoxLayout(self)
        if forced:
            note = QLabel(
                self.tr("Kata sandi Anda telah diatur ulang. Buat kata sandi baru untuk lanjut.")
            )
            note.setWordWrap(True)
            lay.addWidget(note)
        form = QFormLayout()
        lay.addLayout(form)
        self.error_label = error_label()
        self.errors = FieldErrors(self.error_label)
        self.old_edit = QLineEdit()
        self.new_edit = QLineEdit()
        self.repeat_edit = QLineEdit()
        for e in (self.old_edit, self.new_edit, self.repeat_edit):
            e.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(form, self.tr("Kata sandi lama:"), self.old_edit, "old_password")
        self.errors.add_row(form, self.tr("Kata sandi baru:"), self.new_edit, "password")
        self.errors.add_row(form, self.tr("Ulangi kata sandi baru:"), self.repeat_edit, "repeat")
        lay.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        translate_buttons(buttons)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def submit(self) -> None:
        self.errors.clear()
        if self.new_edit.text() != self.repeat_edit.text():
            self.errors.set("repeat", self.tr("Kedua kata sandi baru tidak sama."))
            return
        from lapor_desktop.services import users

        try:
            self.session = users.change_password(
                self.ctx, self.old_edit.text(), self.new_edit.text()
            )
        except ServiceError as exc:
            self.errors.show(exc)
            return
        self.accept()

    @classmethod
    def ask(cls, ctx: Ctx, forced: bool = False, parent: QWidget | None = None) -> Session | None:
        dlg = cls(ctx, forced, parent)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            return dlg.session
        return None
