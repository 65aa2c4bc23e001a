"""Sign-in, with the lock-out message, and the (forced or voluntary) password change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from lapor_desktop.gui import messages
from lapor_desktop.gui.field_errors import FieldErrors
from lapor_desktop.gui.forms.ui_sign_in import Ui_SignInDialog
from lapor_desktop.gui.ops import run_op, tracker
from lapor_desktop.gui.widgets import translate_buttons
from lapor_desktop.services.context import Ctx, Session
from lapor_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from lapor_desktop.gui.startup import DatabaseOpening


class SignInDialog(QDialog):
    """The first window. With `opening`, the database is still being opened behind it
    (gui/startup.py): signing in waits for that, and a key the keyring cannot give is
    asked for over this dialog."""

    _accepted_password = ""  # see take_password
    # Why the last sign-in was checked offline (the server's problem), "" when it was not.
    last_offline_note = ""

    def __init__(
        self,
        ctx: Ctx,
        parent: QWidget | None = None,
        opening: DatabaseOpening | None = None,
        username: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opening = opening
        self.session: Session | None = None
        # Joined PCs: the password the central server (or, offline, the cached hash)
        # accepted — kept in memory for the background sync — and how it was checked.
        self.password = ""
        self.reach = ""
        self.reach_note = ""
        self.ui = Ui_SignInDialog()
        self.ui.setupUi(self)
        self.username_edit = self.ui.username_edit
        self.password_edit = self.ui.password_edit
        self.error_label = self.ui.error_label
        self.status_label = self.ui.status_label
        self.status_label.setMinimumHeight(self.status_label.fontMetrics().lineSpacing())
        self.errors = FieldErrors(self.error_label)
        self.errors.add(self.username_edit, self.ui.username_error, "username")
        self.errors.add(self.password_edit, self.ui.password_error, "password")
        self.buttons = translate_buttons(self.ui.buttons)
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Masuk"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.sign_in_button.setDefault(True)  # Enter signs in, never cancels
        if username:  # e.g. the administrator just made by the first-run wizard
            self.username_edit.setText(username)
            self.password_edit.setFocus()
        else:
            self.username_edit.setFocus()
        tracker().database_waiting.connect(self._database_waiting)
        if opening is not None and opening.pending:  # run_gui: opened once this is painted
            opening.start_when_painted(self)
        if opening is not None and not opening.done:
            opening.opened.connect(self.status_label.clear)
            opening.needs_secret.connect(self._ask_secret)
            opening.failed.connect(self._opening_failed)
            self.finished.connect(self._detach)

    def _detach(self) -> None:
        # Closed: what the opening reports later (e.g. at exit) is no longer this dialog's.
        assert self.opening is not None
        self.opening.opened.disconnect(self.status_label.clear)
        self.opening.needs_secret.disconnect(self._ask_secret)
        self.opening.failed.disconnect(self._opening_failed)

    def submit(self) -> None:
        problems: dict[QWidget | str, str] = {}
        if not self.username_edit.text().strip():
            problems[self.username_edit] = self.tr("Nama pengguna wajib diisi.")
        if not self.password_edit.text():
            problems[self.password_edit] = self.tr("Kata sandi wajib diisi.")
        if self.errors.show(problems):
            return
        self.sign_in_button.setEnabled(False)
        ctx, name, pw = self.ctx, self.username_edit.text(), self.password_edit.text()
        opening = self.opening
        if opening is not None and not opening.done:
            self.status_label.setText(self.tr("Menyiapkan basis data…"))

        def sign_in() -> Any:
            if opening is not None:
                opening.wait()
            # Loaded by the opening, off this thread. Online when this PC joined a central
            # server and it answers; else the local (cached) argon2 hash decides.
            from lapor_desktop.sync import online

            return online.sign_in(ctx, name, pw)

        self.password = pw
        run_op(self, sign_in, self._signed_in, self._refused)

    def _database_waiting(self) -> None:
        # Opening or signing in waits for another process's write lock (up to the busy
        # timeout); hidden again when the opening or the sign-in ends.
        self.status_label.setText(self.tr("Menunggu basis data… (sedang dipakai proses lain)"))

    def _signed_in(self, signed: Any) -> None:
        self.session = signed.session
        self.reach, self.reach_note = str(signed.reach), signed.note
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
        self.password = ""
        self.status_label.clear()
        self.sign_in_button.setEnabled(True)
        self.password_edit.clear()
        self.password_edit.setFocus()
        self.errors.show({"": exc.message})

    @classmethod
    def ask(
        cls,
        ctx: Ctx,
        parent: QWidget | None = None,
        opening: DatabaseOpening | None = None,
        username: str = "",
    ) -> Session | None:
        dlg = cls(ctx, parent, opening, username)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            SignInDialog._accepted_password = dlg.password
            SignInDialog.last_offline_note = dlg.reach_note if dlg.reach == "offline" else ""
            return dlg.session
        return None

    @classmethod
    def take_password(cls) -> str:
        """The password the last sign-in accepted (the background sync connects with it),
        handed over once and forgotten here; "" when none."""
        password, cls._accepted_password = cls._accepted_password, ""
        return password


class ChangePasswordDialog(QDialog):
    """The person's own password. `forced`: the account was made or reset by an
    administrator, so the initial password is changed before anything else."""

    def __init__(self, ctx: Ctx, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session: Session | None = None
        # Imported here: the sign-in dialog is the first window, and this form is rarely
        # needed (~15 ms of Qt class set-up at every start otherwise).
        from lapor_desktop.gui.forms.ui_change_password import Ui_ChangePasswordDialog

        self.ui = Ui_ChangePasswordDialog()
        self.ui.setupUi(self)
        if forced:
            self.ui.note_label.setText(
                self.tr(
                    "Kata sandi Anda dibuat atau diatur ulang oleh administrator. "
                    "Buat kata sandi baru untuk lanjut."
                )
            )
        else:
            self.ui.note_label.hide()
        self.old_edit = self.ui.old_edit
        self.new_edit = self.ui.new_edit
        self.repeat_edit = self.ui.repeat_edit
        self.error_label = self.ui.error_label
        self.errors = FieldErrors(self.error_label)
        self.errors.add(self.old_edit, self.ui.old_error, "old_password")
        self.errors.add(self.new_edit, self.ui.new_error, "password")
        self.errors.add(self.repeat_edit, self.ui.repeat_error, "repeat")
        buttons = translate_buttons(self.ui.buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.old_edit.setFocus()

    def problems(self) -> dict[QWidget | str, str]:
        from lapor_desktop.services import users

        found: dict[QWidget | str, str] = {}
        if not self.old_edit.text():
            found[self.old_edit] = self.tr("Kata sandi lama wajib diisi.")
        new = self.new_edit.text()
        if len(new) < users.MIN_PASSWORD:
            found[self.new_edit] = self.tr("Kata sandi minimal {0} karakter.").format(
                users.MIN_PASSWORD
            )
        elif new == self.old_edit.text():
            found[self.new_edit] = self.tr("Kata sandi baru harus berbeda dari yang lama.")
        if new != self.repeat_edit.text():
            found[self.repeat_edit] = self.tr("Kedua kata sandi baru tidak sama.")
        return found

    def submit(self) -> None:
        if self.errors.show(self.problems()):
            return
        from lapor_desktop.services import users

        ctx, old, new = self.ctx, self.old_edit.text(), self.new_edit.text()
        self.ok_button.setEnabled(False)
        run_op(self, lambda: users.change_password(ctx, old, new), self._changed, self._refused)

    def _changed(self, session: Session) -> None:
        self.session = session
        self.accept()

    def _refused(self, exc: ServiceError) -> None:
        self.ok_button.setEnabled(True)
        self.errors.show_error(exc)

    @classmethod
    def ask(cls, ctx: Ctx, forced: bool = False, parent: QWidget | None = None) -> Session | None:
        dlg = cls(ctx, forced, parent)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            return dlg.session
        return None
