"""Whole-database copies of an encrypted SQLite file through SQLite's online backup API.

The backup API copies page by page through SQLCipher's codec: the source is decrypted with
its key and every page is encrypted again with the target's key, so a copy is never in
plain text, and it may have another key than its source (a passphrase for another PC).
The source connection holds one read transaction for the whole copy: the copy is one
consistent snapshot while other processes go on writing (WAL readers do not block
writers), and the copy is never restarted by their commits.

Writing INTO a live database (`install`) is one write transaction of the target: other
processes see the old pages or the new ones, a killed process leaves the old ones.

Raw sqlcipher3 connections (not peewee's): these files are not the bound database.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from lapor_desktop.db.database import busy_timeout_ms, silence_sqlcipher_log

PAGES_PER_STEP = 1024  # ~4 MB: progress a few times a second, cancellable between steps
SQLITE_MAGIC = b"SQLite format 3\x00"

# (pages copied, pages in all) -> False to cancel
Progress = Callable[[int, int], bool]


class SnapshotError(Exception):
    """A copy or check failed; the subclass says why."""


class Unreadable(SnapshotError):
    """The key does not open the file, or it is not an (encrypted) SQLite file at all."""


class Damaged(SnapshotError):
    """The file opens but SQLite finds it malformed (integrity_check fails)."""


class Foreign(SnapshotError):
    """A database that opens, but not one of this application."""


class Busy(SnapshotError):
    """Another process held the write lock longer than the busy timeout."""


class Cancelled(SnapshotError):
    """The progress callback asked to stop."""


@dataclass(frozen=True)
class Info:
    schema_version: int
    device_code: str
    pages: int


def _quote(key: str) -> str:
    return key.replace("'", "''")


def connect(path: Path, key: str, *, read_only: bool = False) -> sqlcipher.Connection:
    """A keyed connection: the busy timeout first, SQLCipher's own log off (its ERROR
    lines on a wrong key must never reach the user), then the key."""
    if read_only:
        # immutable: no lock, no -wal/-shm beside a backup file that nobody writes.
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        conn = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        silence_sqlcipher_log()
        conn.execute(f"PRAGMA key = '{_quote(key)}'")
    except sqlcipher.DatabaseError:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def opened(path: Path, key: str, *, read_only: bool = False) -> Iterator[sqlcipher.Connection]:
    conn = connect(path, key, read_only=read_only)
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as exc:
            raise _classify(exc) from exc
        yield conn
    finally:
        conn.close()


def _classify(exc: Exception) -> SnapshotError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return Busy(str(exc))
    if "not a database" in text or "unable to open" in text or "encrypted" in text:
        return Unreadable(str(exc))
    return Damaged(str(exc))


def looks_like_plain_sqlite(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_MAGIC


def _run_backup(
    source: sqlcipher.Connection,
    target: sqlcipher.Connection,
    progress: Progress | None,
    deadline: float,
) -> None:
    def step(status: int, remaining: int, total: int) -> None:
        if status in (5, 6) and time.monotonic() > deadline:  # SQLITE_BUSY, SQLITE_LOCKED
            raise Busy("database is locked")
        if progress is not None and not progress(total - remaining, total):
            raise Cancelled("dibatalkan")

    source.execute("BEGIN")  # one snapshot for every step of the copy
    try:
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        source.backup(target, pages=PAGES_PER_STEP, progress=step, sleep=0.05)
    finally:
        source.execute("COMMIT")


def copy(
    source: sqlcipher.Connection,
    target_file: Path,
    target_key: str,
    progress: Progress | None = None,
) -> None:
    """Copy the database of `source` into a new file (not existing yet), encrypted with
    `target_key`, in rollback-journal mode (one self-contained file)."""
    target = connect(target_file, target_key)
    try:
        try:
            _run_backup(source, target, progress, time.monotonic() + busy_timeout_ms() / 1000)
            target.execute("PRAGMA journal_mode = DELETE").fetchone()
        except sqlcipher.DatabaseError as exc:
            raise _classify(exc) from exc
    finally:
        target.close()


def copy_file(
    source_file: Path,
    source_key: str,
    target_file: Path,
    target_key: str,
    progress: Progress | None = None,
) -> None:
    """Copy a database file that nobody writes (a backup) into a new file with another key."""
    with opened(source_file, source_key, read_only=True) as source:
        copy(source, target_file, target_key, progress)


def install(
    source_file: Path,
    source_key: str,
    live_file: Path,
    live_key: str,
    progress: Progress | None = None,
    busy_timeout_s: float | None = None,
) -> None:
    """Replace every page of the live database with those of `source_file`, in one write
    transaction of the live database (waits up to the busy timeout for other writers)."""
    with (
        opened(source_file, source_key, read_only=True) as source,
        opened(live_file, live_key) as live,
    ):
        try:
            wait_s = busy_timeout_ms() / 1000 if busy_timeout_s is None else busy_timeout_s
            _run_backup(source, live, progress, time.monotonic() + wait_s)
        except sqlcipher.DatabaseError as exc:
            raise _classify(exc) from exc


def check(path: Path, key: str, *, read_only: bool = True) -> Info:
    """Open with `key`, run the full integrity_check and look for this application's
    marks (the schema_version table and the device code). Unreadable, Damaged or Foreign
    otherwise."""
    with opened(path, key, read_only=read_only) as conn:
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        except sqlcipher.DatabaseError as exc:
            raise _classify(exc) from exc
        if [r[0] for r in rows] != ["ok"]:
            raise Damaged("; ".join(str(r[0]) for r in rows[:5]))
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"schema_version", "setting", "user", "office"} <= names:
            raise Foreign("bukan basis data LAPOR Desktop")
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        device = conn.execute("SELECT value FROM setting WHERE key = 'device_code'").fetchone()
        if not version or device is None:
            raise Foreign("bukan basis data LAPOR Desktop")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        return Info(int(version), str(device[0]), int(pages))
