"""The database passphrase, asked only when no OS keyring can keep the key."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from lapor_desktop.gui.field_errors import FieldErrors
from lapor_desktop.gui.forms.ui_passphrase import Ui_PassphraseDialog
from lapor_desktop.gui.widgets import translate_buttons
from lapor_desktop.services.storage import MIN_PASSPHRASE


class PassphraseDialog(QDialog):
    """A passphrase typed once (to open) or twice (`new`: to create, at least
    MIN_PASSPHRASE characters); `title` and `intro` for other uses than the database key
    (e.g. an exported backup)."""

    def __init__(
        self,
        new: bool,
        parent: QWidget | None = None,
        message: str = "",
        *,
        title: str = "",
        intro: str = "",
    ) -> None:
        super().__init__(parent)
        self.new = new
        self.ui = Ui_PassphraseDialog()
        self.ui.setupUi(self)
        if title:
            self.setWindowTitle(title)
        self.ui.intro_label.setText(
            intro
            or (
                self.tr(
                    "Penyimpanan kunci sistem operasi (keyring) tidak tersedia. "
                    "Buat frasa sandi untuk mengenkripsi basis data, dan simpan baik-baik: "
                    "tanpa frasa sandi ini data tidak dapat dibuka."
                )
                if new
                else self.tr("Masukkan frasa sandi basis data.")
            )
        )
        self.secret_edit = self.ui.secret_edit
        self.repeat_edit = self.ui.repeat_edit
        self.errors = FieldErrors(self.ui.general_error)
        self.errors.add(self.secret_edit, self.ui.secret_error, "secret")
        self.errors.add(self.repeat_edit, self.ui.repeat_error, "repeat")
        if not new:
            self.ui.form.setRowVisible(self.ui.repeat_edit, False)
            self.ui.form.setRowVisible(self.ui.repeat_error, False)
        if message:  # why it is asked again, e.g. the last passphrase did not open the file
            self.errors.set("", message)
        buttons = translate_buttons(self.ui.buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.secret_edit.setFocus()

    def _accept(self) -> None:
        secret = self.secret_edit.text()
        problems: dict[QWidget | str, str] = {}
        if not secret:
            problems[self.secret_edit] = self.tr("Frasa sandi wajib diisi.")
        elif self.new and len(secret) < MIN_PASSPHRASE:
            problems[self.secret_edit] = self.tr("Frasa sandi minimal {0} karakter.").format(
                MIN_PASSPHRASE
            )
        if self.new and secret != self.repeat_edit.text():
            problems[self.repeat_edit] = self.tr("Kedua frasa sandi tidak sama.")
        if self.errors.show(problems):
            return
        self.accept()

    @classmethod
    def ask(cls, new: bool, parent: QWidget | None = None, message: str = "") -> str | None:
        dlg = cls(new, parent, message)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            return dlg.secret_edit.text()
        return None
