"""The "Cadangan & pemulihan" page, the automatic backups of the GUI and the offer to
restore the newest good backup of a damaged database — real widgets, a real database."""

from __future__ import annotations

from pathlib import Path

import pytest

from lapor_desktop import paths
from lapor_desktop.db import snapshot
from lapor_desktop.db.models import Complaint, database_proxy
from lapor_desktop.gui import messages
from lapor_desktop.gui.backup_page import BackupPage, DailyBackup, backup_at_exit
from lapor_desktop.gui.restore_offer import offer_restore
from lapor_desktop.services import backup
from lapor_desktop.services.errors import DatabaseDamaged
from tests.gui.conftest import Recorded, World, open_main_window, wait_ops


def _tickets() -> set[str]:
    return {c.ticket for c in Complaint.select()}


def test_page_lists_makes_backups_and_sets_retention(
    qtbot, world: World, recorded_messages: Recorded
) -> None:
    _w, page = open_main_window(qtbot, world, "sysadmin", "cadangan")
    assert isinstance(page, BackupPage)
    assert page.model.rowCount() == 0 and page.keep_spin.value() == backup.DEFAULT_KEEP
    page.backup_button.click()
    wait_ops(qtbot)
    assert page.model.rowCount() == 1
    assert page.model.row_at(0).kind == backup.MANUAL
    assert any("Cadangan dibuat" in t for t in recorded_messages.texts())
    page.keep_spin.setValue(5)
    page.keep_button.click()
    assert backup.keep_count(world.as_("sysadmin")) == 5


def test_restore_the_selected_backup_closes_the_app(
    qtbot, world: World, recorded_messages: Recorded
) -> None:
    before = world.new_case(title="Sebelum")
    backup.make_backup(world.as_("sysadmin"))
    after = world.new_case(title="Sesudah")
    w, page = open_main_window(qtbot, world, "sysadmin", "cadangan")
    page.table.selectRow(0)
    with qtbot.waitSignal(page.restored, timeout=30_000):
        page.restore_selected_button.click()
    qtbot.waitUntil(lambda: not w.isVisible())
    assert w.restored
    assert before in _tickets() and after not in _tickets()
    assert any("buka kembali" in t for t in recorded_messages.texts())


def test_restore_from_a_file_asks_its_passphrase_and_refuses_a_foreign_file(
    qtbot, world: World, recorded_messages: Recorded, tmp_path: Path
) -> None:
    out = tmp_path / "dari-pc-lain.db"
    backup.export_backup(world.as_("sysadmin"), out, "frasa-sandi-pindahan")
    later = world.new_case(title="Sesudah ekspor")
    w, page = open_main_window(qtbot, world, "sysadmin", "cadangan")

    text = tmp_path / "bukan.db"
    text.write_bytes(b"bukan cadangan".ljust(1000, b"."))
    page.choose_file = lambda: text  # type: ignore[method-assign]
    page.ask_passphrase = lambda _m: pytest.fail("not asked for a text file")  # type: ignore[method-assign]
    page.restore_file_button.click()
    wait_ops(qtbot)
    assert any("bukan cadangan" in t for t in recorded_messages.texts())
    assert w.isVisible() and not w.restored and later in _tickets()

    asked: list[str] = []
    answers = iter(["frasa-sandi-keliru", "frasa-sandi-pindahan"])

    def ask(message: str) -> str | None:
        asked.append(message)
        return next(answers)

    page.choose_file = lambda: out  # type: ignore[method-assign]
    page.ask_passphrase = ask  # type: ignore[method-assign]
    with qtbot.waitSignal(page.restored, timeout=30_000):
        page.restore_file_button.click()
    assert "PC lain" in asked[0] and "salah" in asked[1]
    assert later not in _tickets()


def test_automatic_backup_at_exit_and_daily(
    qtbot, world: World, recorded_messages: Recorded
) -> None:
    ctx = world.as_("loket")
    row = backup_at_exit(ctx)
    assert row is not None and row.kind == backup.AUTO
    assert recorded_messages.texts() == []
    world.clock.advance(days=1)
    w, _page = open_main_window(qtbot, world, "loket", "loket")
    daily = DailyBackup(ctx, w)
    made: list[object] = []
    daily.made.connect(made.append)
    daily.check()
    wait_ops(qtbot)
    daily.check()  # the day has its backup now
    wait_ops(qtbot)
    assert len(made) == 1
    autos = [r for r in backup.list_backups(world.data_dir) if r.kind == backup.AUTO]
    assert len(autos) == 2


def _damage_live(world: World) -> None:
    database_proxy.obj.close()
    live = paths.db_path(world.data_dir)
    key = world.store.db.connect_params["passphrase"]
    with snapshot.opened(live, key) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(live.read_bytes())
    for page in range(1, len(raw) // 4096):
        raw[page * 4096 + 100 : page * 4096 + 132] = bytes(32)
    live.write_bytes(bytes(raw))
    assert backup.database_health(world.data_dir, key) is not backup.Health.OK


def test_offer_restores_the_newest_good_backup(
    qtbot, world: World, recorded_messages: Recorded, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = world.new_case(title="Sudah dicadangkan")
    good = backup.automatic_backup(world.as_("loket"))
    world.clock.advance(days=1)
    bad = backup.automatic_backup(world.as_("loket"))
    bad.path.write_bytes(bad.path.read_bytes()[:8192] + bytes(len(bad.path.read_bytes()) - 8192))
    _damage_live(world)
    questions: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, text: questions.append(text) or True)

    assert offer_restore(None, world.data_dir, DatabaseDamaged("rusak"))
    assert "Basis data rusak" in questions[0] and f"{good.made_at:%d-%m-%Y %H:%M}" in questions[0]
    key = world.store.db.connect_params["passphrase"]
    assert backup.database_health(world.data_dir, key) is backup.Health.OK
    with snapshot.opened(paths.db_path(world.data_dir), key) as conn:
        assert kept in {r[0] for r in conn.execute("SELECT ticket FROM complaint")}
    assert any(r.kind == backup.DAMAGED for r in backup.list_backups(world.data_dir))


def test_offer_declined_or_without_backups_changes_nothing(
    qtbot, world: World, recorded_messages: Recorded, monkeypatch: pytest.MonkeyPatch
) -> None:
    _damage_live(world)
    live = paths.db_path(world.data_dir)
    damaged = live.read_bytes()
    assert not offer_restore(None, world.data_dir, DatabaseDamaged("rusak"))
    assert any("Tidak ada cadangan yang baik" in t for t in recorded_messages.texts())
    # a backup exists (copied in by hand), but the person says no
    key = world.store.db.connect_params["passphrase"]
    directory = backup.backups_dir(world.data_dir)
    directory.mkdir(parents=True, exist_ok=True)
    fixture = directory / "lapor-20261101-080000-manual.db"
    snapshot.copy_file(
        Path(__file__).parent.parent / "fixtures" / "lapor-v5.db",
        "fixture-passphrase",
        fixture,
        key,
    )
    monkeypatch.setattr(messages, "confirm", lambda _p, _text: False)
    assert not offer_restore(None, world.data_dir, DatabaseDamaged("rusak"))
    assert live.read_bytes() == damaged


def test_a_failed_backup_at_exit_is_said_and_does_not_stop_the_exit(
    qtbot, world: World, recorded_messages: Recorded
) -> None:
    backup.backups_dir(world.data_dir).write_text("bukan folder")  # cannot be made
    assert backup_at_exit(world.as_("loket")) is None
    assert any("Cadangan otomatis tidak dibuat" in t for t in recorded_messages.texts())


def test_export_for_another_pc_with_a_new_passphrase(
    qtbot, world: World, recorded_messages: Recorded, tmp_path: Path
) -> None:
    from lapor_desktop.gui.backup_page import ExportPassphraseDialog

    dlg = ExportPassphraseDialog()
    qtbot.addWidget(dlg)
    dlg.secret_edit.setText("pendek")
    dlg._accept()
    assert "minimal" in dlg.errors.text("secret") and not dlg.result()
    dlg.secret_edit.setText("frasa-sandi-ekspor")
    dlg.repeat_edit.setText("frasa-sandi-lain")
    dlg._accept()
    assert "tidak sama" in dlg.errors.text("repeat")

    _w, page = open_main_window(qtbot, world, "sysadmin", "cadangan")
    out = tmp_path / "ekspor.db"
    page.choose_export_file = lambda: out  # type: ignore[method-assign]
    page.ask_new_passphrase = lambda: "frasa-sandi-ekspor"  # type: ignore[method-assign]
    page.export_button.click()
    wait_ops(qtbot)
    assert any("PC lain ditulis" in t for t in recorded_messages.texts())
    assert snapshot.check(out, "frasa-sandi-ekspor").schema_version >= 1
    with pytest.raises(snapshot.Unreadable):
        snapshot.check(out, world.store.db.connect_params["passphrase"])
