"""Creating and opening the local database, with its key from the keyring or a person."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playhouse.sqlcipher_ext import SqlCipherDatabase

from lapor_desktop import credentials, paths
from lapor_desktop.db import migrate
from lapor_desktop.db.database import WrongKey, bind, connect_local
from lapor_desktop.services.errors import KeyRefused, SchemaTooNew, ServiceError

# Asked when the keyring cannot hold the key: (creating a new database?) -> passphrase.
AskSecret = Callable[[bool], str]

MIN_PASSPHRASE = 10


@dataclass
class Storage:
    data_dir: Path
    db_file: Path
    db: SqlCipherDatabase
    key_in_keyring: bool
    migrated: list[int]

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.execute_sql("PRAGMA optimize")  # what SQLite advises before closing
            self.db.close()


def database_exists(data_dir: Path) -> bool:
    return paths.db_path(data_dir).exists()


def _check_passphrase(secret: str) -> str:
    if len(secret) < MIN_PASSPHRASE:
        raise ServiceError(f"Frasa sandi basis data minimal {MIN_PASSPHRASE} karakter.")
    return secret


def _restrict_permissions(data_dir: Path, db_file: Path) -> None:
    """Personal data: only the owner may read the folder and the file (no-op on Windows)."""
    if os.name == "posix":
        data_dir.chmod(0o700)
        db_file.chmod(0o600)


def create_database(data_dir: Path, ask_secret: AskSecret) -> Storage:
    """A new encrypted database with the current schema. Refuses to touch an existing one."""
    db_file = paths.db_path(data_dir)
    if db_file.exists():
        raise ServiceError(f"Basis data sudah ada di {db_file}; tidak akan ditimpa.")
    try:
        key = credentials.new_raw_key()
        credentials.store_db_key(db_file, key)
        in_keyring = True
    except credentials.KeyringUnavailable:
        key = _check_passphrase(ask_secret(True))
        in_keyring = False
    try:
        db = connect_local(db_file, key)
        bind(db)
        applied = migrate.migrate(db)
        _restrict_permissions(data_dir, db_file)
    except Exception:
        # Nothing half-made stays behind: a failed creation can simply be retried.
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_file) + suffix).unlink(missing_ok=True)
        if in_keyring:
            credentials.forget_db_key(db_file)
        raise
    return Storage(data_dir, db_file, db, in_keyring, applied)


def open_database(data_dir: Path, ask_secret: AskSecret) -> Storage:
    """Open the existing database and bring its schema up to date (backup first)."""
    db_file = paths.db_path(data_dir)
    if not db_file.exists():
        raise ServiceError(
            f"Basis data belum ada di {data_dir}. Jalankan 'lapor-desktop init' terlebih dahulu."
        )
    try:
        key = credentials.get_db_key(db_file)
    except credentials.KeyringUnavailable:
        key = None
    in_keyring = key is not None
    if key is None:
        key = ask_secret(False)
    try:
        db = connect_local(db_file, key)
    except WrongKey as exc:
        raise KeyRefused(str(exc)) from exc
    version = migrate.current_version(db)
    if version > migrate.latest_version():
        db.close()
        raise SchemaTooNew(
            f"Basis data ini dibuat oleh versi aplikasi yang lebih baru (skema {version}). "
            "Perbarui LAPOR Desktop."
        )
    bind(db)
    applied = migrate.migrate(db, db_file, paths.backups_dir(data_dir))
    refresh_statistics(db)
    from lapor_desktop.services.backup import remove_stale_temporaries

    remove_stale_temporaries(data_dir)  # copies a killed backup or restore left behind
    return Storage(data_dir, db_file, db, in_keyring, applied)


def refresh_statistics(db: SqlCipherDatabase) -> None:
    """Let SQLite re-analyze tables whose size changed a lot since their statistics were
    taken (or that have none): the planner picks the list and count indexes by them, and
    statistics of an empty new database made a search count take 300 ms instead of 20.
    Nearly free when nothing changed; bounded (SQLite samples) when something did."""
    db.execute_sql("PRAGMA optimize=0x10002")
