"""The Sinkronisasi page without a server: a PC with a local database only, and the system
administrator's connection settings (the password only ever in the OS keyring)."""

from __future__ import annotations

from typing import Any

import pytest

from lapor_desktop import credentials
from lapor_desktop.db.models import Setting
from lapor_desktop.gui.sync_page import SyncPage
from lapor_desktop.gui.sync_runner import Phase, SyncRunner
from lapor_desktop.sync import online, settings
from tests.gui.conftest import World, wait_ops

pytestmark = pytest.mark.gui


def test_a_local_only_pc_says_so_and_offers_no_sync(qtbot: Any, world: World) -> None:
    runner = SyncRunner(world.as_("loket"), "x", interval_ms=3_600_000)
    page = SyncPage(world.as_("loket"), runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(runner.status_changed, timeout=10_000):
        runner.start()
    assert runner.indicator.phase == Phase.LOCAL and not runner.enabled
    assert "lokal saja" in page.ui.state_label.text()
    assert not page.ui.sync_button.isEnabled() and not runner.sync_now()
    assert page.ui.tabs.indexOf(page.ui.connection_tab) == -1  # the system admin's only
    runner.stop()


def _fill(page: SyncPage, password: str) -> None:
    ui = page.ui
    ui.host_edit.setText("pusat.kamparkab.go.id")
    ui.port_spin.setValue(5433)
    ui.dbname_edit.setText("lapor_pusat")
    ui.sslmode_combo.setCurrentText("verify-full")
    ui.ca_edit.setText("/etc/lapor/ca.pem")
    ui.user_edit.setText("siti")
    ui.password_edit.setText(password)


def test_the_system_admin_saves_the_connection_password_in_the_keyring_only(
    qtbot: Any, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = SyncPage(world.as_("sysadmin"), None)
    qtbot.addWidget(page)
    wait_ops(qtbot)
    _fill(page, "rahasia-siti-1")
    page.ui.save_button.click()
    wait_ops(qtbot)
    assert "keyring sistem" in page.ui.connection_error.text()
    stored = online.connection_params()
    assert stored == {
        "host": "pusat.kamparkab.go.id", "port": "5433", "dbname": "lapor_pusat",
        "sslmode": "verify-full", "sslrootcert": "/etc/lapor/ca.pem", "user": "siti",
    }  # fmt: skip
    conn = settings.load()
    assert conn is not None and credentials.get_secret(conn.secret_name()) == "rahasia-siti-1"
    values = [s.value for s in Setting.select()]
    assert not any("rahasia" in v for v in values)
    assert page.ui.password_edit.text() == ""

    def no_keyring(_name: str, _value: str) -> None:
        raise credentials.KeyringUnavailable("none")

    monkeypatch.setattr(credentials, "store_secret", no_keyring)
    _fill(page, "rahasia-siti-2")
    page.ui.save_button.click()
    wait_ops(qtbot)
    assert "tidak disimpan" in page.ui.connection_error.text()
    assert not any("rahasia-siti-2" in s.value for s in Setting.select())


def test_connection_test_and_bad_settings_say_why(qtbot: Any, world: World) -> None:
    page = SyncPage(world.as_("sysadmin"), None)
    qtbot.addWidget(page)
    wait_ops(qtbot)
    _fill(page, "x")
    page.ui.host_edit.setText("")
    page.ui.save_button.click()
    wait_ops(qtbot)
    assert page.ui.connection_error.text() == "Host server pusat wajib diisi."
    _fill(page, "x")
    page.ui.host_edit.setText("127.0.0.1")
    page.ui.port_spin.setValue(1)
    page.ui.sslmode_combo.setCurrentText("disable")
    page.ui.test_button.click()
    wait_ops(qtbot)
    assert "tidak dapat dihubungi" in page.ui.connection_error.text()


def test_only_the_system_admin_may_change_the_connection(world: World) -> None:
    from lapor_desktop.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        online.save_connection(world.as_("admin"), {"host": "h", "dbname": "d", "user": "u"}, "")
