"""First run: create the encrypted database, the first system admin, optionally demo data;
it ends by saying which accounts exist (the demo accounts and their password)."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from lapor_desktop import credentials
from lapor_desktop.domain.workflow import Role
from lapor_desktop.gui.field_errors import FieldErrors
from lapor_desktop.gui.forms.ui_first_run import Ui_FirstRunDialog
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.passphrase_dialog import PassphraseDialog
from lapor_desktop.gui.widgets import translate_buttons
from lapor_desktop.services import setup, storage, users
from lapor_desktop.services.clock import Clock, SystemClock
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError

DEMO_MODULE = "lapor_desktop.demo"
NAMES_SHOWN = 3  # per role; the rest is counted


def demo_available() -> bool:
    try:
        return importlib.util.find_spec(DEMO_MODULE) is not None
    except ImportError:
        return False


@dataclass
class FirstRunResult:
    store: storage.Storage
    admin: str


@dataclass(frozen=True)
class Created:
    store: storage.Storage
    demo_cases: int = 0
    demo_accounts: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (role label, usernames)
    demo_password: str = ""


def create_everything(
    data_dir: Path,
    secret: str | None,
    admin: str,
    password: str,
    full_name: str,
    demo_cases: int,
    clock: Clock,
) -> Created:
    """Runs on a worker thread: the database, reference data, the admin, demo data."""

    def ask_secret(_new: bool) -> str:
        if secret is None:
            raise ServiceError("Frasa sandi basis data diperlukan.")
        return secret

    store = storage.create_database(data_dir, ask_secret)
    base = Ctx(data_dir=data_dir, clock=clock)
    try:
        setup.initialize(base, admin, password, full_name)
        if not demo_cases:
            return Created(store)
        demo = importlib.import_module(DEMO_MODULE)
        root = base.as_user(users.sign_in(base, admin, password))
        made = demo.generate(root, demo_cases, 1)
        accounts: dict[str, list[str]] = {}
        wanted = set(made.demo_users)
        for row in users.list_users(root):
            if row.username in wanted:
                accounts.setdefault(Role(row.role).label, []).append(row.username)
        return Created(
            store,
            made.cases,
            tuple((label, tuple(names)) for label, names in accounts.items()),
            made.password,
        )
    except Exception:
        store.close()
        raise


class _JoinRelay(QObject):
    """The first pull's progress from the worker; `cancelled` read back by the worker."""

    progress = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = False

    def __call__(self, text: str) -> None:
        from lapor_desktop.sync.link import SyncError

        if self.cancelled:
            raise SyncError(
                QApplication.translate(
                    "FirstRunDialog",
                    "Penerimaan data dihentikan. Tekan Gabung untuk melanjutkan.",
                )
            )
        self.progress.emit(text)


class FirstRunDialog(QDialog):
    def __init__(
        self, data_dir: Path, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.clock = clock or SystemClock()
        self.result_store: storage.Storage | None = None
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self.ui.intro_label.setText(self._intro(False))
        ui = self.ui
        self.username_edit = ui.username_edit
        self.full_name_edit = ui.full_name_edit
        self.password_edit = ui.password_edit
        self.repeat_edit = ui.repeat_edit
        self.demo_check = ui.demo_check
        self.demo_spin = ui.demo_spin
        self.errors = FieldErrors(ui.general_error)
        self.errors.add(ui.username_edit, ui.username_error, "username")
        self.errors.add(ui.full_name_edit, ui.full_name_error, "full_name")
        self.errors.add(ui.password_edit, ui.password_error, "password")
        self.errors.add(ui.repeat_edit, ui.repeat_error, "repeat")
        ui.status_label.setMinimumHeight(ui.status_label.fontMetrics().lineSpacing())
        if not demo_available():
            for w in (ui.demo_check, ui.demo_label, ui.demo_spin):
                w.hide()
        self.buttons = translate_buttons(ui.buttons)
        self.create_button = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Buat basis data"))
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        # "Gabung ke server kabupaten" (issue 17): this PC's database comes from the server.
        self.joined_as = ""
        self._relay: _JoinRelay | None = None
        self._partial_join = False  # a join stopped during its first pull: resumable
        self._secret: str | None = None
        ui.join_sslmode_combo.addItems(["verify-full", "verify-ca", "require", "prefer", "disable"])
        ui.join_ca_button.clicked.connect(self._pick_ca)
        self.local_widgets = [
            ui.username_label, ui.username_edit, ui.username_error, ui.full_name_label,
            ui.full_name_edit, ui.full_name_error, ui.password_label, ui.password_edit,
            ui.password_error, ui.repeat_label, ui.repeat_edit, ui.repeat_error,
        ]  # fmt: skip
        if demo_available():
            self.local_widgets += [ui.demo_check, ui.demo_label, ui.demo_spin]
        ui.join_radio.toggled.connect(self._mode_changed)
        self._mode_changed(False)
        # The form page's hint falls a few pixels short with the choice row above it (the
        # wrapped intro's height-for-width): room for every field at its full height.
        self.resize(self.sizeHint().width(), self.sizeHint().height() + 12)
        ui.password_edit.setFocus()  # name and full name come filled in

    def _intro(self, join: bool) -> str:
        if join:
            return self.tr(
                "Belum ada basis data di folder berikut. Komputer ini bergabung ke server "
                "kabupaten dengan login Anda: basis data terenkripsi dibuat dari data yang "
                "boleh dilihat login itu, lalu disinkronkan otomatis.\n\n{0}"
            ).format(self.data_dir)
        return self.tr(
            "Belum ada basis data di folder berikut. Aplikasi akan membuat basis data "
            "terenkripsi beserta data referensi (OPD, kategori, aturan tenggat), lalu "
            "akun administrator sistem pertama.\n\n{0}"
        ).format(self.data_dir)

    def joining(self) -> bool:
        return self.ui.join_radio.isChecked()

    def _mode_changed(self, join: bool) -> None:
        for w in self.local_widgets:
            w.setVisible(not join)
        self.ui.join_box.setVisible(join)
        self.ui.intro_label.setText(self._intro(join))
        self.create_button.setText(self.tr("Gabung") if join else self.tr("Buat basis data"))
        if join:
            self.ui.join_host_edit.setFocus()

    def _pick_ca(self) -> None:
        from lapor_desktop.gui import file_dialogs

        path = file_dialogs.open_file(
            self,
            self.tr("Sertifikat CA server pusat"),
            self.tr("Sertifikat (*.crt *.pem);;Semua (*)"),
        )
        if path:
            self.ui.join_ca_edit.setText(str(path))

    def _ok(self) -> None:
        if self.ui.pages.currentWidget() is self.ui.done_page:
            self.accept()
        elif self.joining():
            self.submit_join()
        else:
            self.submit()

    def reject(self) -> None:
        if self._relay is not None:  # the first pull runs: Batal stops it (resumable)
            self._relay.cancelled = True
            self.ui.status_label.setText(self.tr("Menghentikan…"))
            return
        if self.result_store is not None:  # made: the database is there, go on to sign in
            self.accept()
        else:
            if self._partial_join:
                from lapor_desktop.sync import online

                online.discard_partial_join(self.data_dir)
            super().reject()

    # ------------------------------------------------------------ joining

    def join_params(self) -> dict[str, str]:
        ui = self.ui
        return {
            "host": ui.join_host_edit.text(),
            "port": str(ui.join_port_spin.value()),
            "dbname": ui.join_dbname_edit.text(),
            "sslmode": ui.join_sslmode_combo.currentText(),
            "sslrootcert": ui.join_ca_edit.text(),
            "user": ui.join_user_edit.text().strip().lower(),
        }

    def submit_join(self) -> None:
        from lapor_desktop.sync import online

        ui = self.ui
        problems: dict[QWidget | str, str] = {}
        if not ui.join_host_edit.text().strip():
            problems[ui.join_host_edit] = self.tr("Host server wajib diisi.")
        if not ui.join_user_edit.text().strip():
            problems[ui.join_user_edit] = self.tr("Nama login wajib diisi.")
        if not ui.join_password_edit.text():
            problems[ui.join_password_edit] = self.tr("Kata sandi wajib diisi.")
        if self.errors.show(problems):
            return
        if self._secret is None and not credentials.keyring_usable():
            self._secret = PassphraseDialog.ask(True, self)
            if self._secret is None:
                return
        secret = self._secret

        def ask_secret(_new: bool) -> str:
            if secret is None:
                raise ServiceError(self.tr("Frasa sandi basis data diperlukan."))
            return secret

        relay = self._relay = _JoinRelay()
        relay.progress.connect(ui.status_label.setText, Qt.ConnectionType.QueuedConnection)
        params, password, data_dir = self.join_params(), ui.join_password_edit.text(), self.data_dir
        self.create_button.setEnabled(False)
        ui.join_box.setEnabled(False)
        ui.local_radio.setEnabled(False)
        ui.join_radio.setEnabled(False)
        ui.status_label.setText(self.tr("Menghubungi server kabupaten…"))

        def work() -> storage.Storage:
            name = online.join_from_app(data_dir, params, password, ask_secret, relay)
            self.joined_as = name
            return storage.open_database(data_dir, ask_secret)

        run_op(self, work, self._joined, self._join_failed)

    def _joined(self, store: storage.Storage) -> None:
        self._relay = None
        self._partial_join = False
        self.result_store = store
        self.ui.status_label.clear()
        self.ui.done_label.setText(
            self.tr(
                "Komputer ini sudah bergabung dengan server kabupaten.\n\nMasuk sebagai {0} "
                "dengan kata sandi server. Data disinkronkan otomatis di latar belakang."
            ).format(self.joined_as)
        )
        self.ui.pages.setCurrentWidget(self.ui.done_page)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.create_button.setText(self.tr("Lanjut ke Masuk"))
        self.create_button.setEnabled(True)
        self.create_button.setFocus()

    def _join_failed(self, exc: ServiceError) -> None:
        self._relay = None
        self._partial_join = storage.database_exists(self.data_dir)
        ui = self.ui
        self.create_button.setEnabled(True)
        self.create_button.setText(
            self.tr("Lanjutkan") if self._partial_join else self.tr("Gabung")
        )
        ui.join_box.setEnabled(True)
        ui.status_label.clear()
        self.errors.show_error(exc)

    def problems(self) -> dict[QWidget | str, str]:
        """Everything wrong with the form, each beside its field."""
        found: dict[QWidget | str, str] = {}
        if not self.username_edit.text().strip():
            found[self.username_edit] = self.tr("Nama pengguna wajib diisi.")
        password = self.password_edit.text()
        if len(password) < users.MIN_PASSWORD:
            found[self.password_edit] = self.tr("Kata sandi minimal {0} karakter.").format(
                users.MIN_PASSWORD
            )
        if password != self.repeat_edit.text():
            found[self.repeat_edit] = self.tr("Kedua kata sandi tidak sama.")
        return found

    def submit(self) -> None:
        if self.errors.show(self.problems()):
            return
        secret: str | None = None
        if not credentials.keyring_usable():
            secret = PassphraseDialog.ask(True, self)
            if secret is None:
                return
        demo = self.demo_spin.value() if self.demo_check.isChecked() else 0
        self.create_button.setEnabled(False)
        self.ui.status_label.setText(self.tr("Membuat basis data…"))
        args = (
            self.data_dir,
            secret,
            self.username_edit.text(),
            self.password_edit.text(),
            self.full_name_edit.text(),
            demo,
            self.clock,
        )
        run_op(self, lambda: create_everything(*args), self._created, self._failed)

    def _created(self, made: Created) -> None:
        self.result_store = made.store
        self.ui.status_label.clear()
        self.ui.done_label.setText(self.summary(made))
        self.ui.pages.setCurrentWidget(self.ui.done_page)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.create_button.setText(self.tr("Lanjut ke Masuk"))
        self.create_button.setEnabled(True)
        self.create_button.setFocus()

    def summary(self, made: Created) -> str:
        admin = self.admin_name()
        text = self.tr(
            "Basis data sudah dibuat.\n\nMasuk sebagai {0} dengan kata sandi yang baru Anda buat."
        ).format(admin)
        if made.demo_cases:
            lines = [
                self.tr(
                    "\n\nData contoh: {0} laporan. Akun contoh untuk pelatihan "
                    "(kata sandi semuanya: {1}):"
                ).format(made.demo_cases, made.demo_password)
            ]
            for label, names in made.demo_accounts:
                shown = ", ".join(names[:NAMES_SHOWN])
                more = len(names) - NAMES_SHOWN
                if more > 0:
                    shown += self.tr(" dan {0} lainnya").format(more)
                lines.append(f"\n• {label}: {shown}")
            text += "".join(lines)
        return text

    def admin_name(self) -> str:
        return self.username_edit.text().strip().lower()

    def _failed(self, exc: ServiceError) -> None:
        self.create_button.setEnabled(True)
        self.ui.status_label.clear()
        self.errors.show_error(exc)

    @classmethod
    def ask(
        cls, data_dir: Path, clock: Clock | None = None, parent: QWidget | None = None
    ) -> FirstRunResult | None:
        dlg = cls(data_dir, clock, parent)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.result_store is not None:
            return FirstRunResult(dlg.result_store, dlg.joined_as or dlg.admin_name())
        return None
