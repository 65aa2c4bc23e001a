"""The database passphrase, asked only when no OS keyring can keep the key."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.gui.widgets import FieldErrors, error_label, translate_buttons
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
        self.setWindowTitle(title or self.tr("Frasa sandi basis data"))
        lay = QVBoxLayout(self)
        intro_label = QLabel(
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
        intro_label.setWordWrap(True)
        lay.addWidget(intro_label)
        form = QFormLayout()
        lay.addLayout(form)
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(form, self.tr("Frasa sandi:"), self.secret_edit, "secret")
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if new:
            self.errors.add_row(form, self.tr("Ulangi frasa sandi:"), self.repeat_edit, "repeat")
        else:
            self.repeat_edit.hide()
        lay.addWidget(self.general_error)
        if message:  # why it is asked again, e.g. the last passphrase did not open the file
            self.errors.set("", message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        translate_buttons(buttons)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _accept(self) -> None:
        self.errors.clear()
        secret = self.secret_edit.text()
        if self.new and len(secret) < MIN_PASSPHRASE:
            self.errors.set(
                "secret", self.tr("Frasa sandi minimal {0} karakter.").format(MIN_PASSPHRASE)
            )
            return
        if self.new and secret != self.repeat_edit.text():
            self.errors.set("repeat", self.tr("Kedua frasa sandi tidak sama."))
            return
        if not secret:
            self.errors.set("secret", self.tr("Frasa sandi wajib diisi."))
            return
        self.accept()

    @classmethod
    def ask(cls, new: bool, parent: QWidget | None = None, message: str = "") -> str | None:
        dlg = cls(new, parent, message)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            return dlg.secret_edit.text()
        return None
