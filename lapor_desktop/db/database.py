"""Opening the local database: SQLCipher-encrypted SQLite, WAL, foreign keys, busy timeout."""

from __future__ import annotations

from pathlib import Path

from peewee import DatabaseError
from playhouse.sqlcipher_ext import SqlCipherDatabase

from lapor_desktop.db.models import database_proxy

PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", 5000),
    ("synchronous", "normal"),
    ("temp_store", "memory"),
)


class WrongKey(Exception):
    """The file exists but the key does not open it (or it is not a database)."""


def connect_local(path: Path, key: str) -> SqlCipherDatabase:
    """Open (creating if needed) the encrypted file and check that the key works.

    `key` is either a raw key `x'<64 hex>'` (from the keyring; opens in ~0.1 ms) or a
    passphrase typed by a person (goes through SQLCipher's KDF, ~100 ms per open).
    """
    if not key:
        raise WrongKey("Kunci basis data kosong.")
    path.parent.mkdir(parents=True, exist_ok=True)
    db = SqlCipherDatabase(
        str(path), passphrase=key, pragmas=PRAGMAS, check_same_thread=False, autoconnect=True
    )
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        db.close()
        raise WrongKey("Basis data tidak dapat dibuka: kunci salah atau berkas rusak.") from exc
    return db


def bind(db: SqlCipherDatabase) -> None:
    """Point every model at `db` (one local database per process)."""
    database_proxy.initialize(db)


def checkpoint(db: SqlCipherDatabase) -> None:
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
