"""A wrong key, a busy, damaged or foreign file: each is its own error with its own message,
in the services, the CLI and `self-check` — never a traceback, never SQLCipher's log."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from peewee import OperationalError

from lapor_desktop import paths
from lapor_desktop.db.database import BUSY_TIMEOUT_ENV, connect_local
from lapor_desktop.db.models import AuditLog, Complaint, database_proxy
from lapor_desktop.services import storage, users
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    KeyRefused,
    NotADatabase,
)
from lapor_desktop.services.setup import initialize

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "frasa sandi kantor kampar"
PASSWORD = "sandi-uji-123"
NOISE = ("ERROR CORE", "sqlcipher_", "sqlite3Codec", "hmac check", "Traceback")


def _passphrase_database(data_dir: Path, audit_rows: int = 0) -> Path:
    """A database opened with a typed passphrase (a child process has no keyring), holding
    `audit_rows` extra rows so that it spans many pages."""
    keyring.set_keyring(keyring.backends.fail.Keyring())  # restored by the conftest fixture
    store = storage.create_database(data_dir, lambda new: PASSPHRASE)
    base = Ctx(data_dir=data_dir)
    initialize(base, "root", PASSWORD)
    with database_proxy.atomic("IMMEDIATE"):
        for i in range(audit_rows):
            audit(base, "uji", "baris", i, "isi " * 20)
    store.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return paths.db_path(data_dir)


def _damage_middle_pages(db_file: Path) -> None:
    """Overwrite bytes inside every third page of the middle third (encrypted pages: each
    fails its HMAC). The first page — salt and schema root — stays whole."""
    size = db_file.stat().st_size
    pages = size // 4096
    assert pages > 30, pages
    with db_file.open("r+b") as f:
        for page in range(pages // 3, 2 * pages // 3, 3):
            f.seek(page * 4096 + 512)
            f.write(b"\x5a" * 256)


def _cli(data_dir: Path, *args: str, key: str = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LAPOR_DATA_DIR": str(data_dir),
        "LAPOR_DB_KEY": key,
        "LAPOR_USER": "root",
        "LAPOR_PASSWORD": PASSWORD,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    return subprocess.run(
        [sys.executable, "-m", "lapor_desktop", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _clean(r: subprocess.CompletedProcess[str]) -> None:
    for noise in NOISE:
        assert noise not in r.stderr and noise not in r.stdout, (noise, r.stderr)


# ---------------------------------------------------------------- each kind, in the services


def test_a_plain_sqlite_file_is_not_a_database_of_ours(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    with sqlite3.connect(paths.db_path(data_dir)) as conn:
        conn.execute("CREATE TABLE catatan (isi TEXT)")
    with pytest.raises(NotADatabase, match="SQLite biasa"):
        storage.open_database(data_dir, lambda new: PASSPHRASE)


@pytest.mark.parametrize(
    "content",
    [b"", b"Catatan rapat, bukan basis data.\n" * 300, None],
    ids=["empty", "text", "truncated"],
)
def test_empty_text_and_truncated_files_are_not_databases(
    data_dir: Path, content: bytes | None
) -> None:
    if content is None:  # the first 3000 bytes of a real database
        content = _passphrase_database(data_dir).read_bytes()[:3000]
    data_dir.mkdir(parents=True, exist_ok=True)
    db_file = paths.db_path(data_dir)
    db_file.write_bytes(content)
    with pytest.raises(NotADatabase) as caught:
        storage.open_database(data_dir, lambda new: PASSPHRASE)
    assert caught.value.message == NotADatabase.MESSAGE
    assert db_file.read_bytes() == content  # nothing written into it (no schema, no key)


def test_a_wrong_key_is_a_wrong_key(data_dir: Path) -> None:
    _passphrase_database(data_dir)
    with pytest.raises(KeyRefused) as caught:
        storage.open_database(data_dir, lambda new: "bukan frasa sandinya")
    assert caught.value.message == KeyRefused.MESSAGE


def test_damage_is_said_as_damage_and_closing_never_raises(data_dir: Path) -> None:
    db_file = _passphrase_database(data_dir, audit_rows=3000)
    store = storage.open_database(data_dir, lambda new: PASSPHRASE)
    _damage_middle_pages(db_file)  # under an open database (e.g. a failing disk)
    try:
        with pytest.raises(DatabaseDamaged) as caught:
            [len(r.detail) for r in AuditLog.select()]
        assert caught.value.message == DatabaseDamaged.MESSAGE
        # SQLite refuses writes after it ("attempt to write a readonly database").
        with pytest.raises(DatabaseDamaged), database_proxy.atomic("IMMEDIATE"):
            audit(Ctx(data_dir=data_dir), "uji", "baris", "x")
    finally:
        store.close()  # no "attempt to write a readonly database" from PRAGMA optimize
    assert store.db.is_closed()


def test_a_damaged_file_is_refused_when_opened_or_read(data_dir: Path) -> None:
    db_file = _passphrase_database(data_dir, audit_rows=3000)
    _damage_middle_pages(db_file)
    with pytest.raises(DatabaseDamaged):
        store = storage.open_database(data_dir, lambda new: PASSPHRASE)
        try:
            [len(r.detail) for r in AuditLog.select()]
        finally:
            store.close()


def test_busy_is_its_own_error_and_still_an_operational_error(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _passphrase_database(data_dir)
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "150")
    store = storage.open_database(data_dir, lambda new: PASSPHRASE)
    other = connect_local(paths.db_path(data_dir), PASSPHRASE)  # another writer's connection
    other.execute_sql("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy) as caught:
            users.sign_in(Ctx(data_dir=data_dir), "root", PASSWORD)  # writes its audit row
        assert caught.value.message == DatabaseBusy.MESSAGE
        assert isinstance(caught.value, OperationalError)  # for code that tries without waiting
        assert Complaint.select().count() == 0  # reading needs no lock (WAL)
    finally:
        other.execute_sql("ROLLBACK")
        other.close()
        store.close()
    store = storage.open_database(data_dir, lambda new: PASSPHRASE)
    assert users.sign_in(Ctx(data_dir=data_dir), "root", PASSWORD).username == "root"
    store.close()


def test_the_busy_timeout_is_thirty_seconds_unless_overridden(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _passphrase_database(data_dir)
    monkeypatch.delenv(BUSY_TIMEOUT_ENV, raising=False)
    store = storage.open_database(data_dir, lambda new: PASSPHRASE)
    assert store.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 30_000
    store.close()
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "1234")
    store = storage.open_database(data_dir, lambda new: PASSPHRASE)
    assert store.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 1234
    store.close()


# ---------------------------------------------------------------- from outside: the CLI


def test_self_check_of_a_healthy_database(data_dir: Path) -> None:
    _passphrase_database(data_dir)
    r = _cli(data_dir, "self-check")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Integritas basis data: OK" in r.stdout
    _clean(r)


def test_self_check_of_a_damaged_database_reads_it_only(data_dir: Path) -> None:
    db_file = _passphrase_database(data_dir, audit_rows=3000)
    _damage_middle_pages(db_file)
    before = _sha(db_file)
    r = _cli(data_dir, "self-check")
    assert r.returncode == 1
    assert "Integritas basis data: GAGAL" in r.stdout
    assert "pulihkan dari cadangan" in r.stdout
    _clean(r)  # no traceback, no SQLCipher log lines
    assert r.stderr == ""
    assert _sha(db_file) == before  # looked at, not written to
    # A command that writes says the same, in a sentence, exit 1.
    r = _cli(data_dir, "user", "list")
    assert r.returncode == 1 and DatabaseDamaged.MESSAGE in r.stderr, r.stdout + r.stderr
    _clean(r)


@pytest.mark.parametrize("kind", ["plain-sqlite", "text"])
def test_self_check_of_a_foreign_file(data_dir: Path, kind: str) -> None:
    data_dir.mkdir(parents=True)
    db_file = paths.db_path(data_dir)
    if kind == "plain-sqlite":
        with sqlite3.connect(db_file) as conn:
            conn.execute("CREATE TABLE catatan (isi TEXT)")
    else:
        db_file.write_text("bukan basis data\n" * 500)
    r = _cli(data_dir, "self-check")
    assert r.returncode == 1
    assert "bukan basis data LAPOR Desktop" in r.stdout
    assert "kunci salah" not in r.stdout
    _clean(r)


def test_a_wrong_key_leaves_no_sqlcipher_log_on_stderr(data_dir: Path) -> None:
    _passphrase_database(data_dir)
    r = _cli(data_dir, "user", "list", key="bukan frasa sandinya")
    assert r.returncode == 1
    assert r.stderr.strip() == f"Kesalahan: {KeyRefused.MESSAGE}"
    _clean(r)
