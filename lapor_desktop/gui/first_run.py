"""First run: create the encrypted database, the first system admin, optionally demo data."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop import credentials
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.passphrase_dialog import PassphraseDialog
from lapor_desktop.gui.widgets import FieldErrors, error_label, translate_buttons
from lapor_desktop.services import setup, storage, users
from lapor_desktop.services.clock import Clock, SystemClock
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError, ValidationError

DEMO_MODULE = "lapor_desktop.demo"


def demo_available() -> bool:
    try:
        return importlib.util.find_spec(DEMO_MODULE) is not None
    except ImportError:
        return False


@dataclass
class FirstRunResult:
    store: storage.Storage
    admin: str


def create_everything(
    data_dir: Path,
    secret: str | None,
    admin: str,
    password: str,
    full_name: str,
    demo_cases: int,
    clock: Clock,
) -> storage.Storage:
    """Runs on a worker thread: the database, reference data, the admin, demo data."""

    def ask_secret(_new: bool) -> str:
        if secret is None:
            raise ServiceError("Frasa sandi basis data diperlukan.")
        return secret

    store = storage.create_database(data_dir, ask_secret)
    base = Ctx(data_dir=data_dir, clock=clock)
    try:
        setup.initialize(base, admin, password, full_name)
        if demo_cases:
            demo = importlib.import_module(DEMO_MODULE)
            root = base.as_user(users.sign_in(base, admin, password))
            demo.generate(root, demo_cases, 1)
    except Exception:
        store.close()
        raise
    return store


class FirstRunDialog(QDialog):
    def __init__(
        self, data_dir: Path, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.clock = clock or SystemClock()
        self.result_store: storage.Storage | None = None
        self.setWindowTitle(self.tr("Penyiapan awal LAPOR Desktop"))
        self.setMinimumWidth(480)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Belum ada basis data di folder berikut. Aplikasi akan membuat basis data "
                "terenkripsi beserta data referensi (OPD, kategori, aturan tenggat), lalu "
                "akun administrator sistem pertama.\n\n{0}"
            ).format(data_dir)
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        lay.addLayout(form)
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        self.username_edit = QLineEdit("admin")
        self.errors.add_row(form, self.tr("Nama pengguna admin:"), self.username_edit, "username")
        self.full_name_edit = QLineEdit(self.tr("Administrator Sistem"))
        self.errors.add_row(form, self.tr("Nama lengkap:"), self.full_name_edit, "full_name")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(form, self.tr("Kata sandi:"), self.password_edit, "password")
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(form, self.tr("Ulangi kata sandi:"), self.repeat_edit, "repeat")
        self.demo_check = QCheckBox(self.tr("Isi dengan data contoh (untuk pelatihan/demo)"))
        self.demo_check.setAccessibleName(self.tr("Data contoh"))
        self.demo_spin = QSpinBox()
        self.demo_spin.setRange(10, 100_000)
        self.demo_spin.setValue(300)
        self.demo_spin.setAccessibleName(self.tr("Jumlah laporan contoh"))
        if demo_available():
            form.addRow(self.demo_check)
            form.addRow(self.tr("Jumlah laporan contoh:"), self.demo_spin)
        else:
            self.demo_check.hide()
            self.demo_spin.hide()
        lay.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(self.buttons)
        self.create_button = self.buttons.addButton(
            self.tr("Buat basis data"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def submit(self) -> None:
        self.errors.clear()
        password = self.password_edit.text()
        if password != self.repeat_edit.text():
            self.errors.set("repeat", self.tr("Kedua kata sandi tidak sama."))
            return
        if len(password) < users.MIN_PASSWORD:
            self.errors.set(
                "password", self.tr("Kata sandi minimal {0} karakter.").format(users.MIN_PASSWORD)
            )
            return
        secret: str | None = None
        if not credentials.keyring_usable():
            secret = PassphraseDialog.ask(True, self)
            if secret is None:
                return
        demo = self.demo_spin.value() if self.demo_check.isChecked() else 0
        self.create_button.setEnabled(False)
        self.general_error.setText(self.tr("Membuat basis data…"))
        self.general_error.setStyleSheet("")
        self.general_error.show()
        args = (
            self.data_dir,
            secret,
            self.username_edit.text(),
            password,
            self.full_name_edit.text(),
            demo,
            self.clock,
        )
        run_op(self, lambda: create_everything(*args), self._created, self._failed)

    def _created(self, store: storage.Storage) -> None:
        self.result_store = store
        self.accept()

    def _failed(self, exc: ServiceError) -> None:
        self.create_button.setEnabled(True)
        self.general_error.setStyleSheet("color: #b71c1c;")
        self.errors.clear()
        if isinstance(exc, ValidationError) or exc.message:
            self.errors.show(exc)

    @classmethod
    def ask(
        cls, data_dir: Path, clock: Clock | None = None, parent: QWidget | None = None
    ) -> FirstRunResult | None:
        dlg = cls(data_dir, clock, parent)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.result_store is not None:
            return FirstRunResult(dlg.result_store, dlg.username_edit.text().strip().lower())
        return None
