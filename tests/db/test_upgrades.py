"""Upgrading a database of an earlier release: one committed fixture per schema version,
and a failed migration that puts back the copy made before the upgrade and says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lapor_desktop import paths
from lapor_desktop.db import migrate, snapshot
from lapor_desktop.db.database import connect_local
from lapor_desktop.services import storage
from lapor_desktop.services.errors import DatabaseBusy, UpgradeFailed
from tests.db.test_attachment_migration import _v6_with_files

FIXTURES = Path(__file__).parent.parent / "fixtures"
KEY = "fixture-passphrase"


def test_every_schema_version_has_a_committed_fixture() -> None:
    # make_db_fixture.py writes the newest one; test_database.py upgrades each of them.
    have = sorted(int(p.stem.split("-v")[1]) for p in FIXTURES.glob("lapor-v*.db"))
    assert have == list(range(1, migrate.latest_version() + 1))


def _blocked_at_v9(data_dir: Path, fixture: str) -> Path:
    """A database of an older release that v9's migration cannot upgrade: a table of the
    name v9 creates is already there (as a hand-made fix-up on a PC could leave)."""
    if not paths.db_path(data_dir).exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / fixture, paths.db_path(data_dir))
    db = connect_local(paths.db_path(data_dir), KEY)
    db.execute_sql('CREATE TABLE "sync_state" ("x" INTEGER)')
    db.close()
    return paths.db_path(data_dir)


def _version_and_tables(db_file: Path) -> tuple[int, set[str]]:
    with snapshot.opened(db_file, KEY) as conn:
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    return int(version), names


def test_failed_migration_restores_the_backup_and_says_so(data_dir: Path) -> None:
    db_file = _blocked_at_v9(data_dir, "lapor-v7.db")
    _, before = _version_and_tables(db_file)
    with pytest.raises(UpgradeFailed) as failed:
        storage.open_database(data_dir, lambda new: KEY)
    message = failed.value.message
    assert "gagal pada langkah 9" in message
    assert "dikembalikan ke keadaan sebelum pembaruan (versi 7)" in message
    assert "tidak ada data yang hilang" in message
    (backup,) = paths.backups_dir(data_dir).glob("lapor-v7-*.db")
    assert str(backup) in message
    # v8 had committed before v9 failed; the copy put back is version 7 again, whole.
    version, after = _version_and_tables(db_file)
    assert version == 7 and after == before
    assert snapshot.check(db_file, KEY).schema_version == 7
    # Once the cause is gone, the next start upgrades it completely, data included.
    db = connect_local(db_file, KEY)
    db.execute_sql('DROP TABLE "sync_state"')
    title = db.execute_sql("SELECT title FROM complaint WHERE num = 1").fetchone()[0]
    db.close()
    store = storage.open_database(data_dir, lambda new: KEY)
    assert store.migrated == list(range(8, migrate.latest_version() + 1))
    row = store.db.execute_sql("SELECT title FROM complaint WHERE num = 1").fetchone()
    assert row[0] == title == "Jalan rusak di Desa Pulau"
    store.close()


def test_failure_of_the_first_step_leaves_the_file_as_it_was(data_dir: Path) -> None:
    db_file = _blocked_at_v9(data_dir, "lapor-v8.db")
    with pytest.raises(UpgradeFailed, match=r"versi 8\); tidak ada data yang hilang"):
        storage.open_database(data_dir, lambda new: KEY)
    assert _version_and_tables(db_file)[0] == 8


def test_attachment_files_stay_when_a_later_step_fails(data_dir: Path) -> None:
    # v7 seals the plain attachment files into the database and deletes them, but only
    # once every step has committed: a v9 failure puts the v6 copy back, which needs them.
    _v6_with_files(data_dir)
    files = sorted(p for p in paths.attachments_dir(data_dir).rglob("*") if p.is_file())
    _blocked_at_v9(data_dir, "lapor-v6.db")
    with pytest.raises(UpgradeFailed, match="versi 6"):
        storage.open_database(data_dir, lambda new: KEY)
    assert sorted(p for p in paths.attachments_dir(data_dir).rglob("*") if p.is_file()) == files
    version, names = _version_and_tables(paths.db_path(data_dir))
    assert version == 6 and "attachment_content" not in names


def test_a_busy_file_is_said_busy_not_a_failed_upgrade(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process holds the write lock longer than the busy timeout: the upgrade says
    # the file is busy (try again), and writes no copy over a file another process may be
    # upgrading at that moment.
    data_dir.mkdir(parents=True)
    db_file = paths.db_path(data_dir)
    shutil.copy(FIXTURES / "lapor-v7.db", db_file)
    monkeypatch.setenv("LAPOR_BUSY_TIMEOUT_MS", "200")
    other = connect_local(db_file, KEY)
    other.execute_sql("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy):
            storage.open_database(data_dir, lambda new: KEY)
    finally:
        other.execute_sql("ROLLBACK")
        other.close()
    assert _version_and_tables(db_file)[0] == 7
