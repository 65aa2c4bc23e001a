"""run_gui: open the database, sign in (forced password change), main window, sign out."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QApplication

from lapor_desktop.gui import application
from lapor_desktop.gui.main_window import MainWindow
from lapor_desktop.gui.sign_in import ChangePasswordDialog, SignInDialog
from lapor_desktop.services import backup, users
from tests.gui.conftest import PASSWORD, World, wait_ops

pytestmark = pytest.mark.gui


def test_run_gui_signs_in_and_opens_main_window(
    qtbot, world: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="lapor_desktop.services.backup")
    users.reset_password(world.as_("sysadmin"), "loket", "sementara-123")
    session = users.sign_in(world.base, "loket", "sementara-123")
    asked: list[str] = []
    sessions = [session, None]
    monkeypatch.setattr(
        SignInDialog,
        "ask",
        classmethod(lambda cls, ctx, parent=None, opening=None, username="": sessions.pop(0)),
    )

    def change(cls, ctx, forced=False, parent=None):  # type: ignore[no-untyped-def]
        asked.append("forced" if forced else "voluntary")
        return users.change_password(ctx, "sementara-123", PASSWORD)

    monkeypatch.setattr(ChangePasswordDialog, "ask", classmethod(change))
    windows: list[MainWindow] = []

    def fake_exec() -> int:
        wait_ops(qtbot)
        w = next(x for x in QApplication.topLevelWidgets() if isinstance(x, MainWindow))
        windows.append(w)
        assert w.isVisible() and w.session.username == "loket"
        w.sign_out()  # back to the sign-in dialog, which is cancelled (None)
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    world.store.close()
    assert application.run_gui(world.data_dir) == 0
    assert asked == ["forced"]
    assert len(windows) == 1 and not windows[0].isVisible()
    windows[0].deleteLater()
    # the day's backup at sign-in and the one at sign-out: the newest of the day is kept
    autos = [r for r in backup.list_backups(world.data_dir) if r.kind == backup.AUTO]
    assert len(autos) == 1
    assert sum("backup made" in r.getMessage() for r in caplog.records) == 2


def test_run_gui_first_run_cancelled(data_dir, monkeypatch: pytest.MonkeyPatch) -> None:
    from lapor_desktop.gui.first_run import FirstRunDialog

    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(lambda cls, d, c=None, p=None: None))
    assert application.run_gui(data_dir) == 1


def test_run_gui_after_the_first_run_signs_in_with_the_admin_name_filled(
    data_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lapor_desktop.gui.first_run import FirstRunDialog, FirstRunResult, create_everything
    from lapor_desktop.services.clock import SystemClock

    def made(cls, d, c=None, p=None):  # type: ignore[no-untyped-def]
        created = create_everything(d, None, "kominfo", PASSWORD, "", 0, SystemClock())
        return FirstRunResult(created.store, "kominfo")

    asked: list[str] = []

    def ask(cls, ctx, parent=None, opening=None, username=""):  # type: ignore[no-untyped-def]
        asked.append(username)
        opening.wait_on_ui_thread()
        return None  # the person closes the dialog

    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(made))
    monkeypatch.setattr(SignInDialog, "ask", classmethod(ask))
    assert application.run_gui(data_dir) == 0
    assert asked == ["kominfo"]
