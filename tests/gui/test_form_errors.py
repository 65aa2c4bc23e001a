"""Validation by keyboard alone (issue 14 item 6): every error at once, each beside its
field, the focus on the first faulty field, a message gone once its field is edited, and
the dialog's layout never changing size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from lapor_desktop.gui.first_run import FirstRunDialog
from lapor_desktop.gui.passphrase_dialog import PassphraseDialog
from lapor_desktop.gui.sign_in import ChangePasswordDialog, SignInDialog
from lapor_desktop.services import storage, users
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.storage import MIN_PASSPHRASE
from tests.gui.conftest import PASSWORD, World, wait_ops

pytestmark = pytest.mark.gui


def geometry(dlg: QDialog, *fields: QWidget) -> list[tuple[int, int, int, int]]:
    """Where the dialog and its fields sit: unchanged when a message comes or goes."""
    return [(dlg.width(), dlg.height(), 0, 0)] + [
        (f.x(), f.y(), f.width(), f.height()) for f in fields
    ]


def shown(qtbot, dlg: QDialog) -> None:
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)


def key(qtbot, dlg: QDialog, which: Qt.Key, mod=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(dlg.focusWidget(), which, mod)


def typed(qtbot, dlg: QDialog, text: str) -> None:
    qtbot.keyClicks(dlg.focusWidget(), text)


def test_first_run_wizard_by_keyboard(qtbot, data_dir: Path) -> None:
    dlg = FirstRunDialog(data_dir)
    qtbot.addWidget(dlg)
    shown(qtbot, dlg)
    ui = dlg.ui
    assert dlg.focusWidget() is ui.password_edit  # name and full name come filled in
    assert not ui.demo_spin.isEnabled()  # no demo data: no count to type
    fields = (ui.username_edit, ui.full_name_edit, ui.password_edit, ui.repeat_edit)
    before = geometry(dlg, *fields)

    # Shift+Tab twice to the name, emptied; Tab Tab, a short password, a different repeat.
    key(qtbot, dlg, Qt.Key.Key_Backtab)
    key(qtbot, dlg, Qt.Key.Key_Backtab)
    assert dlg.focusWidget() is ui.username_edit
    key(qtbot, dlg, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, dlg, Qt.Key.Key_Delete)
    key(qtbot, dlg, Qt.Key.Key_Tab)
    key(qtbot, dlg, Qt.Key.Key_Tab)
    typed(qtbot, dlg, "pendek")
    key(qtbot, dlg, Qt.Key.Key_Tab)
    typed(qtbot, dlg, "lain")
    key(qtbot, dlg, Qt.Key.Key_Return)  # Enter = Buat basis data

    # all three at once, each beside its field; focus on the first; nothing moved
    assert dlg.errors.text("username") == "Nama pengguna wajib diisi."
    assert dlg.errors.text("password") == "Kata sandi minimal 8 karakter."
    assert dlg.errors.text("repeat") == "Kedua kata sandi tidak sama."
    assert ui.general_error.text() == ""
    assert dlg.focusWidget() is ui.username_edit
    assert geometry(dlg, *fields) == before
    assert ui.password_edit.height() >= ui.password_edit.sizeHint().height()  # not a line
    assert not storage.database_exists(data_dir)

    typed(qtbot, dlg, "kominfo")  # fixing one field clears its message only
    assert dlg.errors.text("username") == ""
    assert dlg.errors.text("password") and dlg.errors.text("repeat")
    key(qtbot, dlg, Qt.Key.Key_Tab)
    key(qtbot, dlg, Qt.Key.Key_Tab)
    key(qtbot, dlg, Qt.Key.Key_End)  # Tab selected the text; keep it, add to it
    typed(qtbot, dlg, "-panjang")
    assert dlg.errors.text("password") == "" and dlg.errors.text("repeat")
    key(qtbot, dlg, Qt.Key.Key_Tab)
    key(qtbot, dlg, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    typed(qtbot, dlg, "pendek-panjang")
    assert dlg.errors.text("repeat") == ""
    assert geometry(dlg, *fields) == before

    if not ui.demo_check.isHidden():  # Space ticks the demo data, and the count opens
        key(qtbot, dlg, Qt.Key.Key_Tab)
        assert dlg.focusWidget() is ui.demo_check
        key(qtbot, dlg, Qt.Key.Key_Space)
        assert ui.demo_spin.isEnabled()
        key(qtbot, dlg, Qt.Key.Key_Space)
        assert not ui.demo_spin.isEnabled()
    key(qtbot, dlg, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.result_store is not None, timeout=15_000)
    assert ui.pages.currentWidget() is ui.done_page
    assert "Masuk sebagai kominfo" in ui.done_label.text()
    assert dlg.focusWidget() is dlg.create_button
    with qtbot.waitSignal(dlg.accepted):
        key(qtbot, dlg, Qt.Key.Key_Return)  # "Lanjut ke Masuk"
    assert dlg.admin_name() == "kominfo"
    dlg.result_store.close()


def test_first_run_refused_by_the_service_says_it_beside_the_field(qtbot, data_dir: Path) -> None:
    dlg = FirstRunDialog(data_dir)
    qtbot.addWidget(dlg)
    dlg.username_edit.setText("Bukan Nama!")
    dlg.password_edit.setText("rahasia-sekali")
    dlg.repeat_edit.setText("rahasia-sekali")
    dlg.create_button.click()
    qtbot.waitUntil(lambda: dlg.errors.text("username") != "", timeout=10_000)
    assert "Nama pengguna 2–60 karakter" in dlg.errors.text("username")
    assert dlg.create_button.isEnabled() and dlg.result_store is None
    assert dlg.password_edit.text() == "rahasia-sekali"  # nothing typed is lost


def test_sign_in_after_the_wizard_has_the_admin_name_filled(qtbot, world: World) -> None:
    dlg = SignInDialog(world.base, username="sysadmin")
    qtbot.addWidget(dlg)
    shown(qtbot, dlg)
    assert dlg.username_edit.text() == "sysadmin"
    assert dlg.focusWidget() is dlg.password_edit
    typed(qtbot, dlg, PASSWORD)
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        key(qtbot, dlg, Qt.Key.Key_Return)
    assert dlg.session is not None and dlg.session.username == "sysadmin"


def test_sign_in_empty_says_both_beside_their_fields(qtbot, world: World) -> None:
    dlg = SignInDialog(world.base)
    qtbot.addWidget(dlg)
    shown(qtbot, dlg)
    before = geometry(dlg, dlg.username_edit, dlg.password_edit)
    key(qtbot, dlg, Qt.Key.Key_Return)
    assert dlg.errors.text("username") == "Nama pengguna wajib diisi."
    assert dlg.errors.text("password") == "Kata sandi wajib diisi."
    assert dlg.focusWidget() is dlg.username_edit
    assert geometry(dlg, dlg.username_edit, dlg.password_edit) == before
    typed(qtbot, dlg, "loket")
    assert dlg.errors.text("username") == "" and dlg.errors.text("password")
    key(qtbot, dlg, Qt.Key.Key_Tab)
    typed(qtbot, dlg, "salah-salah")
    key(qtbot, dlg, Qt.Key.Key_Return)
    wait_ops(qtbot)
    assert dlg.error_label.text() == "Nama pengguna atau kata sandi salah."
    assert geometry(dlg, dlg.username_edit, dlg.password_edit) == before
    with qtbot.waitSignal(dlg.rejected):
        key(qtbot, dlg, Qt.Key.Key_Escape)


def test_passphrase_dialog_by_keyboard(qtbot) -> None:
    dlg = PassphraseDialog(True)
    qtbot.addWidget(dlg)
    shown(qtbot, dlg)
    fields = (dlg.secret_edit, dlg.repeat_edit)
    before = geometry(dlg, *fields)
    assert dlg.focusWidget() is dlg.secret_edit
    typed(qtbot, dlg, "pendek")
    key(qtbot, dlg, Qt.Key.Key_Return)
    assert dlg.errors.text("secret") == f"Frasa sandi minimal {MIN_PASSPHRASE} karakter."
    assert dlg.errors.text("repeat") == "Kedua frasa sandi tidak sama."
    assert dlg.focusWidget() is dlg.secret_edit
    assert geometry(dlg, *fields) == before  # nothing clipped, nothing moved
    assert dlg.result() != QDialog.DialogCode.Accepted
    key(qtbot, dlg, Qt.Key.Key_End)
    typed(qtbot, dlg, "-tapi-panjang")
    assert dlg.errors.text("secret") == "" and dlg.errors.text("repeat")
    key(qtbot, dlg, Qt.Key.Key_Tab)
    typed(qtbot, dlg, "pendek-tapi-panjang")
    assert dlg.errors.text("repeat") == ""
    with qtbot.waitSignal(dlg.accepted):
        key(qtbot, dlg, Qt.Key.Key_Return)
    assert dlg.secret_edit.text() == "pendek-tapi-panjang"


def test_passphrase_dialog_to_open_has_one_field_and_escape_cancels(qtbot) -> None:
    why = "Basis data tidak dapat dibuka: kunci salah atau berkas rusak."
    dlg = PassphraseDialog(False, None, why)
    qtbot.addWidget(dlg)
    shown(qtbot, dlg)
    assert dlg.repeat_edit.isHidden()
    assert dlg.ui.general_error.text() == why
    assert dlg.ui.general_error.height() >= dlg.ui.general_error.sizeHint().height()
    key(qtbot, dlg, Qt.Key.Key_Return)
    assert dlg.errors.text("secret") == "Frasa sandi wajib diisi."
    with qtbot.waitSignal(dlg.rejected):
        key(qtbot, dlg, Qt.Key.Key_Escape)


def test_forced_password_change_by_keyboard(qtbot, world: World) -> None:
    users.reset_password(world.as_("sysadmin"), "loket", "sementara-123")
    ctx = world.base.as_user(users.sign_in(world.base, "loket", "sementara-123"))
    dlg = ChangePasswordDialog(ctx, forced=True)
    qtbot.addWidget(dlg)
    shown(qtbot, dlg)
    fields = (dlg.old_edit, dlg.new_edit, dlg.repeat_edit)
    before = geometry(dlg, *fields)
    assert dlg.focusWidget() is dlg.old_edit
    key(qtbot, dlg, Qt.Key.Key_Tab)
    typed(qtbot, dlg, "baru")
    key(qtbot, dlg, Qt.Key.Key_Return)
    assert dlg.errors.text("old_password") == "Kata sandi lama wajib diisi."
    assert dlg.errors.text("password") == "Kata sandi minimal 8 karakter."
    assert dlg.errors.text("repeat") == "Kedua kata sandi baru tidak sama."
    assert dlg.focusWidget() is dlg.old_edit
    assert geometry(dlg, *fields) == before
    typed(qtbot, dlg, "sementara-123")
    key(qtbot, dlg, Qt.Key.Key_Tab)
    key(qtbot, dlg, Qt.Key.Key_End)
    typed(qtbot, dlg, "-sekali")
    key(qtbot, dlg, Qt.Key.Key_Tab)
    typed(qtbot, dlg, "baru-sekali")
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        key(qtbot, dlg, Qt.Key.Key_Return)
    assert dlg.session is not None and not dlg.session.must_change_password
    assert users.sign_in(Ctx(data_dir=world.data_dir), "loket", "baru-sekali")
