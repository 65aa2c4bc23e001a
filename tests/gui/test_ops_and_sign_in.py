"""The off-thread helper, first run, sign-in with lock-out, and password change."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from lapor_desktop.gui import ops
from lapor_desktop.gui.first_run import FirstRunDialog
from lapor_desktop.gui.passphrase_dialog import PassphraseDialog
from lapor_desktop.gui.sign_in import ChangePasswordDialog, SignInDialog
from lapor_desktop.services import storage, users
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError
from tests.gui.conftest import PASSWORD, World, wait_ops

pytestmark = pytest.mark.gui


def test_op_delivers_result_on_ui_thread(qtbot, qapp) -> None:
    seen: list[tuple[object, bool]] = []
    main = threading.get_ident()
    worker: list[int] = []

    def slow() -> int:
        worker.append(threading.get_ident())
        return 42

    ops.run_op(None, slow, lambda r: seen.append((r, threading.get_ident() == main)))
    assert not ops.idle()
    wait_ops(qtbot)
    assert seen == [(42, True)]
    assert worker and worker[0] != main


def test_op_delivers_service_error(qtbot, recorded_messages) -> None:
    errors: list[str] = []

    def fails() -> None:
        raise ServiceError("Gagal karena alasan.")

    ops.run_op(None, fails, on_error=lambda e: errors.append(e.message))
    ops.run_op(None, fails)  # default: a warning box with the message
    wait_ops(qtbot)
    assert errors == ["Gagal karena alasan."]
    assert recorded_messages.texts() == ["Gagal karena alasan."]


def test_first_run_creates_database_and_admin(qtbot, data_dir: Path) -> None:
    dlg = FirstRunDialog(data_dir)
    qtbot.addWidget(dlg)
    dlg.username_edit.setText("kominfo")
    dlg.password_edit.setText("rahasia-sekali")
    dlg.repeat_edit.setText("beda")
    dlg.create_button.click()
    assert dlg.errors.text("repeat") == "Kedua kata sandi tidak sama."
    assert not storage.database_exists(data_dir)
    dlg.repeat_edit.setText("rahasia-sekali")
    dlg.create_button.click()
    qtbot.waitUntil(lambda: dlg.result_store is not None, timeout=10_000)
    assert dlg.ui.pages.currentWidget() is dlg.ui.done_page  # it says what was made
    assert "kominfo" in dlg.ui.done_label.text()
    with qtbot.waitSignal(dlg.accepted):
        dlg.create_button.click()  # "Lanjut ke Masuk"
    assert storage.database_exists(data_dir)
    s = users.sign_in(Ctx(data_dir=data_dir), "kominfo", "rahasia-sekali")
    assert s.role.value == "SYS_ADMIN"
    dlg.result_store.close()


def test_first_run_asks_passphrase_without_keyring(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lapor_desktop import credentials

    def no_keyring(*_a: object) -> None:
        raise credentials.KeyringUnavailable("none")

    monkeypatch.setattr(credentials, "keyring_usable", lambda: False)
    monkeypatch.setattr(credentials, "store_db_key", no_keyring)
    asked: list[bool] = []
    monkeypatch.setattr(
        PassphraseDialog,
        "ask",
        classmethod(lambda cls, new, p=None: asked.append(new) or "frasa-sandi-panjang"),
    )
    dlg = FirstRunDialog(data_dir)
    qtbot.addWidget(dlg)
    dlg.password_edit.setText("rahasia-sekali")
    dlg.repeat_edit.setText("rahasia-sekali")
    dlg.create_button.click()
    qtbot.waitUntil(lambda: dlg.result_store is not None, timeout=10_000)
    assert asked == [True]
    assert dlg.result_store is not None and not dlg.result_store.key_in_keyring
    dlg.result_store.close()


def test_passphrase_dialog_checks_length_and_repeat(qtbot) -> None:
    dlg = PassphraseDialog(True)
    qtbot.addWidget(dlg)
    dlg.secret_edit.setText("pendek")
    dlg._accept()
    assert "minimal" in dlg.errors.text("secret")
    dlg.secret_edit.setText("cukup-panjang-sekali")
    dlg.repeat_edit.setText("lain")
    dlg._accept()
    assert dlg.errors.text("repeat") == "Kedua frasa sandi tidak sama."
    dlg.repeat_edit.setText("cukup-panjang-sekali")
    with qtbot.waitSignal(dlg.accepted):
        dlg._accept()


def test_sign_in_and_lock_out(qtbot, world: World) -> None:
    dlg = SignInDialog(world.base)
    qtbot.addWidget(dlg)
    for _ in range(4):
        dlg.username_edit.setText("loket")
        dlg.password_edit.setText("salah-salah")
        dlg.sign_in_button.click()
        wait_ops(qtbot)
        assert dlg.error_label.text() == "Nama pengguna atau kata sandi salah."
        assert dlg.password_edit.text() == ""
    dlg.password_edit.setText("salah-salah")
    dlg.sign_in_button.click()
    wait_ops(qtbot)
    assert "terkunci" in dlg.error_label.text()
    dlg.password_edit.setText(PASSWORD)
    dlg.sign_in_button.click()
    wait_ops(qtbot)
    assert "terkunci" in dlg.error_label.text()
    assert dlg.session is None
    world.clock.advance(minutes=16)
    dlg.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.sign_in_button.click()
    assert dlg.session is not None and dlg.session.username == "loket"


def test_sign_in_by_keyboard_alone(qtbot, world: World) -> None:
    from PySide6.QtCore import Qt

    dlg = SignInDialog(world.base)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.focusWidget() is dlg.username_edit)  # the name comes first
    qtbot.keyClicks(dlg.username_edit, "loket")
    qtbot.keyClick(dlg.username_edit, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.password_edit
    qtbot.keyClicks(dlg.password_edit, PASSWORD)
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        qtbot.keyClick(dlg.password_edit, Qt.Key.Key_Return)  # Enter signs in, never cancels
    assert dlg.session is not None and dlg.session.username == "loket"


def test_change_password_keeps_input_on_error(qtbot, world: World) -> None:
    dlg = ChangePasswordDialog(world.as_("loket"), forced=True)
    qtbot.addWidget(dlg)
    dlg.old_edit.setText("keliru-sekali")
    dlg.new_edit.setText("sandi-baru-456")
    dlg.repeat_edit.setText("sandi-baru-456")
    dlg.submit()
    wait_ops(qtbot)
    assert dlg.errors.text("old_password") == "Kata sandi lama salah."
    assert dlg.new_edit.text() == "sandi-baru-456"
    dlg.old_edit.setText(PASSWORD)
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.submit()
    assert users.sign_in(world.base, "loket", "sandi-baru-456").username == "loket"


def test_first_run_with_demo_data(qtbot, data_dir: Path) -> None:
    pytest.importorskip("lapor_desktop.demo")
    from lapor_desktop.services import cases

    dlg = FirstRunDialog(data_dir)
    qtbot.addWidget(dlg)
    assert not dlg.demo_check.isHidden()
    dlg.password_edit.setText("rahasia-sekali")
    dlg.repeat_edit.setText("rahasia-sekali")
    dlg.demo_check.setChecked(True)
    dlg.demo_spin.setValue(25)
    dlg.create_button.click()
    qtbot.waitUntil(lambda: dlg.result_store is not None, timeout=30_000)
    from lapor_desktop import demo

    said = dlg.ui.done_label.text()  # the demo accounts and their password are said
    assert f"kata sandi semuanya: {demo.DEMO_PASSWORD}" in said
    assert "loket1, loket2" in said and "admin1, admin2" in said and "inspektur1" in said
    assert "Masuk sebagai admin" in said
    base = Ctx(data_dir=data_dir)
    root = base.as_user(users.sign_in(base, "admin", "rahasia-sekali"))
    admin = base.as_user(users.sign_in(base, "admin1", demo.DEMO_PASSWORD))
    assert cases.count_cases(admin) == 25
    assert root.user().role.value == "SYS_ADMIN"
    dlg.result_store.close()


def test_first_run_hides_demo_option_without_module(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lapor_desktop.gui import first_run

    monkeypatch.setattr(first_run, "demo_available", lambda: False)
    dlg = FirstRunDialog(data_dir)
    qtbot.addWidget(dlg)
    assert dlg.demo_check.isHidden() and dlg.demo_spin.isHidden()


def test_gc_regime_freezes_start_up_objects() -> None:
    # In a fresh process: the freeze is process-wide and must not leak into other tests.
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(
        """
        import gc, os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        import lapor_desktop.gui.main_window
        from lapor_desktop.gui import ops
        ops.collect_garbage_on_ui_thread()
        ops.collect_garbage_on_ui_thread()  # a second call changes nothing
        print(gc.isenabled(), gc.get_freeze_count() > 10_000)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
