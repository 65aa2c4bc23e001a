"""The encrypted local database: create, reopen, wrong key, no keyring, nothing in clear."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from peewee import Database

from lapor_desktop import credentials, paths
from lapor_desktop.db import migrate, snapshot
from lapor_desktop.db.database import connect_local
from lapor_desktop.db.migrations import m0006_lean_indexes
from lapor_desktop.db.models import ALL_MODELS, Office, User
from lapor_desktop.services import storage
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.services.setup import initialize

FIXTURES = Path(__file__).parent.parent / "fixtures"


def never_asked(new: bool) -> str:
    raise AssertionError("the keyring holds the key; nobody should be asked")


def test_create_stores_random_raw_key_in_keyring(data_dir: Path) -> None:
    store = storage.create_database(data_dir, never_asked)
    store.close()
    key = credentials.get_db_key(store.db_file)
    assert key is not None and key.startswith("x'") and len(key) == 64 + 3
    assert store.key_in_keyring
    reopened = storage.open_database(data_dir, never_asked)
    assert migrate.current_version(reopened.db) == migrate.latest_version()
    reopened.close()


def test_file_holds_no_plain_text_personal_data(data_dir: Path) -> None:
    store = storage.create_database(data_dir, never_asked)
    initialize(Ctx(data_dir=data_dir), "admin", "kata-sandi-kuat")
    admin = User.get(User.username == "admin")
    from lapor_desktop.db.models import Reporter

    Reporter.create(
        nik="1401154107950001",
        name="Siti Nurhaliza Unik",
        sex="P",
        birth_date="1995-07-01",
        registered_by=admin,
    )
    store.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    raw = b"".join(
        p.read_bytes() for p in data_dir.iterdir() if p.name.startswith(paths.DB_FILENAME)
    )
    assert len(raw) > 10_000
    for secret in (
        b"1401154107950001",
        b"Siti Nurhaliza Unik",
        b"Diskominfosandi",
        b"SQLite format",
    ):
        assert secret not in raw


def test_wrong_key_is_refused_with_clear_message(data_dir: Path, memory_keyring) -> None:
    store = storage.create_database(data_dir, never_asked)
    store.close()
    memory_keyring.store.clear()  # key lost: the person is asked and types something wrong
    with pytest.raises(ServiceError, match="kunci salah"):
        storage.open_database(data_dir, lambda new: "bukan-kunci-yang-benar")


def test_without_keyring_a_passphrase_is_asked_and_never_written(data_dir: Path) -> None:
    keyring.set_keyring(FailKeyring())
    asked: list[bool] = []

    def ask(new: bool) -> str:
        asked.append(new)
        return "frasa sandi kantor kampar"

    store = storage.create_database(data_dir, ask)
    assert not store.key_in_keyring
    store.close()
    store = storage.open_database(data_dir, ask)
    store.close()
    assert asked == [True, False]
    for p in data_dir.rglob("*"):
        if p.is_file():
            assert b"frasa sandi kantor kampar" not in p.read_bytes()


def test_short_passphrase_refused_and_nothing_left_behind(data_dir: Path) -> None:
    keyring.set_keyring(FailKeyring())
    with pytest.raises(ServiceError, match="minimal"):
        storage.create_database(data_dir, lambda new: "pendek")
    assert not storage.database_exists(data_dir)


def test_create_refuses_existing_database(data_dir: Path) -> None:
    storage.create_database(data_dir, never_asked).close()
    with pytest.raises(ServiceError, match="tidak akan ditimpa"):
        storage.create_database(data_dir, never_asked)


def test_pragmas_wal_foreign_keys_busy_timeout(data_dir: Path) -> None:
    store = storage.create_database(data_dir, never_asked)
    q = store.db.execute_sql
    assert q("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert q("PRAGMA foreign_keys").fetchone()[0] == 1
    assert q("PRAGMA busy_timeout").fetchone()[0] == 30_000  # the first pragma (db.database)
    store.close()


def test_history_and_audit_are_append_only(data_dir: Path) -> None:
    store = storage.create_database(data_dir, never_asked)
    initialize(Ctx(data_dir=data_dir), "admin", "kata-sandi-kuat")
    with pytest.raises(Exception, match="hanya boleh ditambah"):
        store.db.execute_sql("DELETE FROM audit_log")
    with pytest.raises(Exception, match="hanya boleh ditambah"):
        store.db.execute_sql("UPDATE audit_log SET event = 'x'")
    store.close()


def test_reference_data_loaded_on_init(data_dir: Path) -> None:
    store = storage.create_database(data_dir, never_asked)
    initialize(Ctx(data_dir=data_dir), "admin", "kata-sandi-kuat")
    assert Office.select().where(Office.kind == "kabupaten").count() == 1
    assert Office.select().where(Office.kind == "opd").count() >= 50
    assert Office.get(Office.code == "KEC-15").name == "Kecamatan Bangkinang"
    with pytest.raises(ServiceError):
        initialize(Ctx(data_dir=data_dir), "admin2", "kata-sandi-kuat")
    store.close()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("lapor-v*.db")), ids=lambda p: p.name)
def test_upgrade_committed_fixture(fixture: Path, data_dir: Path, memory_keyring) -> None:
    data_dir.mkdir(parents=True)
    shutil.copy(fixture, paths.db_path(data_dir))
    old_version = int(fixture.stem.split("-v")[1])
    # A dispositioned case, to see the v5 copy of the OPD code filled in for old rows.
    old = connect_local(paths.db_path(data_dir), "fixture-passphrase")
    old.execute_sql(
        "UPDATE complaint SET opd_id = (SELECT id FROM office WHERE code = 'PUPR') WHERE num = 1"
    )
    old.close()
    store = storage.open_database(data_dir, lambda new: "fixture-passphrase")
    assert migrate.current_version(store.db) == migrate.latest_version()
    assert store.migrated == list(range(old_version + 1, migrate.latest_version() + 1))
    # Data of the old version survives, readable through today's models.
    assert User.get(User.username == "admin").role == "SYS_ADMIN"
    from lapor_desktop.db.models import Complaint

    assert Complaint.get(Complaint.num == 1).title == "Jalan rusak di Desa Pulau"
    assert Complaint.get(Complaint.num == 1).opd_code == "PUPR"
    hits = store.db.execute_sql(
        "SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH 'rusak'"
    ).fetchall()
    assert hits == [(1,)]
    backups = list(paths.backups_dir(data_dir).glob("*.db"))
    assert len(backups) == (1 if store.migrated else 0)
    for copy in backups:  # owner-only, whatever the mode of the upgraded file (0644 here)
        if os.name == "posix":
            assert stat.S_IMODE(copy.stat().st_mode) == 0o600
            assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
        assert snapshot.check(copy, "fixture-passphrase").schema_version == old_version
    assert not _indexes(store.db) & set(m0006_lean_indexes.DROPPED)
    store.close()


def _indexes(db: Database) -> set[str]:
    return {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _plan(db: Database, sql: str) -> str:
    return " / ".join(str(r[-1]) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql))


def test_lookups_of_the_dropped_indexes_use_a_wider_one(data_dir: Path) -> None:
    store = storage.create_database(data_dir, never_asked)
    db = store.db
    assert not _indexes(db) & set(m0006_lean_indexes.DROPPED)
    lookups = [
        # the history of a case, in order
        ("SELECT * FROM case_action WHERE complaint_id = 'x' ORDER BY seq", "complaint_id_seq"),
        # what one office did (OPD scope)
        ("SELECT complaint_id FROM case_action WHERE office_id = 'x'", "office_complaint"),
        # an OPD's cases by status (badges, counts)
        ("SELECT status, COUNT(*) FROM complaint WHERE opd_id = 'x' GROUP BY 1", "complaint_opd_"),
        # newest first
        ("SELECT num FROM complaint ORDER BY received_at DESC, num DESC LIMIT 9", "walk_received"),
    ]
    for sql, index in lookups:
        plan = _plan(db, sql)
        assert index in plan and "TEMP B-TREE" not in plan, (sql, plan)
    store.close()


def test_migrations_build_what_the_models_describe(data_dir: Path) -> None:
    store = storage.create_database(data_dir, never_asked)
    for model in ALL_MODELS:
        table = model._meta.table_name
        cols = {c.name for c in store.db.get_columns(table)}
        fields = {f.column_name for f in model._meta.sorted_fields}
        assert cols == fields, table
        # Every index a model declares is served by one the migrations built (the same
        # columns, or a wider index that begins with them).
        built = [
            tuple(str(c[2]) for c in store.db.execute_sql(f'PRAGMA index_info("{name}")'))
            for (name,) in store.db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
            )
        ]
        for index in model._meta.fields_to_index():
            cols = tuple(f.column_name for f in index._expressions)
            assert any(b[: len(cols)] == cols for b in built), (table, cols)
    store.close()


def test_newer_schema_is_refused(data_dir: Path) -> None:
    store = storage.create_database(data_dir, never_asked)
    store.db.execute_sql(
        "INSERT INTO schema_version VALUES (?, '2030-01-01 00:00:00')",
        (migrate.latest_version() + 1,),
    )
    store.close()
    with pytest.raises(ServiceError, match="lebih baru"):
        storage.open_database(data_dir, never_asked)


def test_statistics_follow_the_data_across_reopening(data_dir: Path, memory_keyring) -> None:
    # A new database has no statistics; once it holds data, opening it analyzes the tables,
    # so the planner chooses the indexes made for lists and counts.
    store = storage.create_database(data_dir, lambda new: "tidak dipakai")
    initialize(Ctx(data_dir=data_dir), "root", "sandi-uji-123")
    office = Office.get(Office.code == "PUPR")

    def stats() -> set[str]:
        rows = store.db.execute_sql("SELECT tbl FROM sqlite_stat1").fetchall()
        return {str(t) for (t,) in rows}

    store.db.execute_sql("DELETE FROM sqlite_stat1")  # as if analyzed while empty
    store.db.close()  # not Storage.close, which would analyze what this connection used
    store = storage.open_database(data_dir, lambda new: "tidak dipakai")
    assert "office" in stats() and office.code == "PUPR"
    store.close()
