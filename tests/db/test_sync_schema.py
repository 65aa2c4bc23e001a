"""Schema v9 (SYNC.md, local side): the checkpoint only moves forward, the history stays
append-only outside a sync apply, rows wait to be pushed, an OPD PC can hold a reporter
without NIK while a regency PC still refuses one NIK twice."""

from __future__ import annotations

import shutil
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from peewee import IntegrityError

from lapor_desktop import paths
from lapor_desktop.db.database import connect_local
from lapor_desktop.db.models import CaseAction, Complaint, Reporter, SyncState, database_proxy
from lapor_desktop.services import storage
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.setup import initialize

FIXTURES = Path(__file__).parent.parent / "fixtures"


def never_asked(new: bool) -> str:
    raise AssertionError("the keyring holds the key; nobody should be asked")


@pytest.fixture
def store(data_dir: Path, memory_keyring: object) -> object:
    s = storage.create_database(data_dir, never_asked)
    initialize(Ctx(data_dir=data_dir), "admin", "kata-sandi-kuat")
    yield s
    s.close()


def _reporter(nik: str | None) -> Reporter:
    with database_proxy.atomic("IMMEDIATE"):
        return Reporter.create(id=uuid.uuid4(), nik=nik, name="Tanpa NIK", sex="", birth_date=None)


def test_checkpoint_only_moves_forward(store: object) -> None:
    with database_proxy.atomic("IMMEDIATE"):
        SyncState.update(checkpoint=500).where(SyncState.id == 1).execute()
    with (
        pytest.raises(IntegrityError, match="tidak boleh mundur"),
        database_proxy.atomic("IMMEDIATE"),
    ):
        SyncState.update(checkpoint=499).where(SyncState.id == 1).execute()
    with (
        pytest.raises(IntegrityError, match="tidak boleh dihapus"),
        database_proxy.atomic("IMMEDIATE"),
    ):
        SyncState.delete().execute()
    assert SyncState.get_by_id(1).checkpoint == 500


def test_opd_reporters_without_nik_and_regency_nik_still_unique(store: object) -> None:
    a, b = _reporter(None), _reporter(None)
    assert Reporter.get_by_id(a.id).nik is None and Reporter.get_by_id(b.id).birth_date is None
    _reporter("1401154107950001")
    with pytest.raises(IntegrityError):
        _reporter("1401154107950001")
    assert Reporter.select().where(Reporter.nik == "1401154107950001").count() == 1


def test_history_append_only_except_sent_mark_and_sync_apply(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / "lapor-v7.db", paths.db_path(data_dir))
    store = storage.open_database(data_dir, lambda new: "fixture-passphrase")
    try:
        action = CaseAction.select().get()
        # Rows of an island PC upgraded to v9 wait to be pushed.
        assert action.pushed_at is None and action.accepted
        assert Complaint.select().where(Complaint.pushed_at.is_null()).count() == 1
        with (
            pytest.raises(IntegrityError, match="hanya boleh ditambah"),
            database_proxy.atomic("IMMEDIATE"),
        ):
            CaseAction.update(note="diubah").where(CaseAction.id == action.id).execute()
        with (
            pytest.raises(IntegrityError, match="hanya boleh ditambah"),
            database_proxy.atomic("IMMEDIATE"),
        ):
            CaseAction.delete().where(CaseAction.id == action.id).execute()
        sent = datetime(2026, 12, 7, 4, 0)
        with database_proxy.atomic("IMMEDIATE"):
            CaseAction.update(pushed_at=sent).where(CaseAction.id == action.id).execute()
        with database_proxy.atomic("IMMEDIATE"):  # a sync apply writes the server's verdict
            SyncState.update(applying=1).where(SyncState.id == 1).execute()
            CaseAction.update(accepted=False, reason="status tidak sesuai").where(
                CaseAction.id == action.id
            ).execute()
            SyncState.update(applying=0).where(SyncState.id == 1).execute()
        got = CaseAction.get_by_id(action.id)
        assert (got.pushed_at, got.accepted, got.reason) == (sent, False, "status tidak sesuai")
        with (
            pytest.raises(IntegrityError, match="hanya boleh ditambah"),
            database_proxy.atomic("IMMEDIATE"),
        ):  # flag is off again
            CaseAction.update(note="lagi").where(CaseAction.id == action.id).execute()
    finally:
        store.close()
    # The NOT NULL edit left a sound file that a fresh connection reads.
    db = connect_local(paths.db_path(data_dir), "fixture-passphrase")
    try:
        assert db.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
        db.execute_sql(
            "INSERT INTO reporter (id, nik, name, sex, birth_date, address, kecamatan, desa, "
            "phone, email, identity_check, created_at, row_version) "
            "VALUES ('x', NULL, 'n', '', NULL, '', '', '', '', '', 'none', ?, 1)",
            (date(2026, 12, 7),),
        )
    finally:
        db.close()
