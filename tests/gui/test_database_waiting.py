"""The GUI and a database used by another process (a second PC's sync, a CLI command): the
sign-in dialog says "Menunggu basis data…" while it waits, a busy or damaged database is
said as such — never as a wrong key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lapor_desktop import credentials, paths
from lapor_desktop.db.database import BUSY_TIMEOUT_ENV
from lapor_desktop.gui.sign_in import SignInDialog
from lapor_desktop.gui.startup import DatabaseOpening
from lapor_desktop.services.errors import DatabaseBusy, DatabaseDamaged
from tests.gui.conftest import PASSWORD, Recorded, World, open_main_window, wait_ops

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def hold_write_lock(world: World, seconds: float) -> subprocess.Popen[str]:
    """Another process takes the write lock (BEGIN IMMEDIATE) and keeps it `seconds`."""
    db_file = paths.db_path(world.data_dir)
    key = credentials.get_db_key(db_file)
    assert key is not None
    env = {k: v for k, v in os.environ.items() if k != BUSY_TIMEOUT_ENV}
    p = subprocess.Popen(
        [sys.executable, "-m", "tests.db.processes", "hold", str(world.data_dir), str(seconds)],
        cwd=ROOT,
        env={**env, "LAPOR_DB_KEY": key},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert p.stdout is not None and p.stdout.readline().strip() == "held"
    return p


def sign_in_dialog(qtbot, world: World) -> tuple[SignInDialog, DatabaseOpening]:
    world.store.close()
    opening = DatabaseOpening(world.data_dir)
    dlg = SignInDialog(world.base, opening=opening)
    qtbot.addWidget(dlg)
    dlg.username_edit.setText("loket")
    dlg.password_edit.setText(PASSWORD)
    return dlg, opening


def test_sign_in_says_it_waits_for_the_database_then_goes_on(qtbot, world: World) -> None:
    holder = hold_write_lock(world, 4)
    dlg, opening = sign_in_dialog(qtbot, world)
    opening.start()
    dlg.sign_in_button.click()  # signing in writes (its audit row): it has to wait
    qtbot.waitUntil(
        lambda: dlg.status_label.text().startswith("Menunggu basis data…"), timeout=15_000
    )
    assert not dlg.status_label.isHidden()
    assert holder.poll() is None  # still held while the dialog says so
    with qtbot.waitSignal(dlg.accepted, timeout=40_000):
        pass
    holder.communicate(timeout=10)
    assert holder.returncode == 0
    assert dlg.session is not None and dlg.session.username == "loket"
    opening.close()


def test_a_database_busy_too_long_is_said_and_signing_in_can_be_retried(
    qtbot, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = hold_write_lock(world, 5)
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "300")  # (the test override of the 30 s)
    dlg, opening = sign_in_dialog(qtbot, world)
    opening.start()
    dlg.sign_in_button.click()
    qtbot.waitUntil(lambda: dlg.error_label.text() == DatabaseBusy.MESSAGE, timeout=20_000)
    assert dlg.result() != dlg.DialogCode.Accepted and dlg.sign_in_button.isEnabled()
    assert holder.poll() is None
    holder.communicate(timeout=20)
    dlg.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dlg.accepted, timeout=20_000):
        dlg.sign_in_button.click()
    opening.close()


def test_a_damaged_database_is_said_as_damaged_not_as_a_wrong_key(
    qtbot, world: World, recorded_messages: Recorded
) -> None:
    world.store.close()
    db_file = paths.db_path(world.data_dir)
    with db_file.open("r+b") as f:  # every page but the first fails its HMAC
        for page in range(1, db_file.stat().st_size // 4096):
            f.seek(page * 4096 + 512)
            f.write(b"\x5a" * 256)
    opening = DatabaseOpening(world.data_dir)
    dlg = SignInDialog(world.base, opening=opening)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.rejected, timeout=15_000):
        opening.start()
    assert recorded_messages.shown == [("error", DatabaseDamaged.MESSAGE)]
    assert isinstance(opening.exception, DatabaseDamaged)  # for "restore a backup" to hook in
    wait_ops(qtbot)
    opening.close()


def test_the_main_window_says_when_a_write_waits(qtbot, world: World) -> None:
    from lapor_desktop.gui import ops
    from lapor_desktop.services import users

    w, _ = open_main_window(qtbot, world, "loket", "loket")
    # As the app's opening sets it (gui/startup.py): waits are reported to the UI thread.
    world.store.db.on_wait = ops.notify_database_waiting
    holder = hold_write_lock(world, 3)
    done: list[object] = []
    ops.run_op(w, lambda: users.sign_in(world.base, "admin", PASSWORD), done.append)
    qtbot.waitUntil(
        lambda: w.statusBar().currentMessage().startswith("Menunggu basis data…"), timeout=15_000
    )
    qtbot.waitUntil(lambda: bool(done), timeout=40_000)
    holder.communicate(timeout=10)
    assert holder.returncode == 0
