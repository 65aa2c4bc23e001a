"""Opening the local database: SQLCipher-encrypted SQLite, WAL, foreign keys, busy timeout.

Failures a person must understand come out classified (`Problem`): a wrong key, a database
busy in another process, a damaged file, a file that is no database of ours. The services
turn each into its own Indonesian message (services/storage.py); this layer only names them.
"""

from __future__ import annotations

import math
import os
import threading
from collections import Counter
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import quote

from peewee import DatabaseError, OperationalError
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from lapor_desktop.db.models import database_proxy

# How long a statement waits for another process's write lock before it fails as busy.
BUSY_TIMEOUT_MS = 30_000
# For tests and operations only (e.g. a short wait to see the "busy" path quickly).
BUSY_TIMEOUT_ENV = "LAPOR_BUSY_TIMEOUT_MS"

# After the busy timeout (set first, at connect time, and first again here): WAL, so
# readers never wait for the writer, then the rest.
PRAGMAS_AFTER_TIMEOUT = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", "normal"),
    ("temp_store", "memory"),
)
READ_ONLY_PRAGMAS = (
    ("foreign_keys", 1),
    ("temp_store", "memory"),
)

SQLITE_HEADER = b"SQLite format 3\x00"
# SQLCipher's page (4096 bytes): salt, then ciphertext, IV and HMAC — random to look at.
CIPHER_PAGE = 4096

# SQLite result codes (the primary code is the low byte of an extended one).
SQLITE_BUSY = 5
SQLITE_READONLY = 8
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26


class Problem(Enum):
    WRONG_KEY = "wrong_key"
    BUSY = "busy"
    DAMAGED = "damaged"
    NOT_A_DATABASE = "not_a_database"


class DatabaseProblem(OperationalError):
    """A classified failure of the database file (what `problem` says)."""

    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(detail or problem.value)
        self.problem = problem
        self.detail = detail


# What a classified failure is raised as; services/storage.py installs its own factory so
# that every layer above sees its ServiceErrors (db never imports services).
ProblemError = Callable[[Problem, str], Exception]


def _default_problem_error(problem: Problem, detail: str) -> Exception:
    return DatabaseProblem(problem, detail)


def busy_timeout_ms() -> int:
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if raw.isdigit():
        return int(raw)
    return BUSY_TIMEOUT_MS


_sqlcipher_quiet = False


def silence_sqlcipher_log() -> None:
    """SQLCipher logs every failed decryption ("ERROR CORE sqlcipher_page_cipher: hmac
    check failed…", ~140 lines on a damaged file) to stderr. The level is process-wide;
    the failures themselves still come back as errors and are reported in words."""
    global _sqlcipher_quiet
    if not _sqlcipher_quiet:
        conn = sqlcipher.connect(":memory:")
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
        finally:
            conn.close()
        _sqlcipher_quiet = True


def sqlite_code(exc: BaseException) -> tuple[int | None, str]:
    """The SQLite primary result code and message behind `exc` (a peewee error wraps the
    driver's in `.orig`), or (None, message)."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        code = getattr(cur, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF, str(cur)
        cur = getattr(cur, "orig", None) or cur.__cause__ or cur.__context__
    return None, str(exc)


def classify(exc: BaseException, *, opening: Path | None = None) -> Problem | None:
    """Which problem `exc` means, if one a person must be told about.

    `opening`: the file being opened (its key not yet proven). SQLCipher says "file is not
    a database" both for a wrong key and for a file that is not an encrypted database at
    all; the file decides (see `looks_encrypted`). Once the key opened the file, the same
    error means a page no longer decrypts: the file is damaged.
    """
    if isinstance(exc, DatabaseProblem):
        return exc.problem
    code, message = sqlite_code(exc)
    text = message.lower()
    if code == SQLITE_BUSY or (code is None and "database is locked" in text):
        return Problem.BUSY
    if code == SQLITE_CORRUPT or "malformed" in text:
        return Problem.DAMAGED
    if code == SQLITE_NOTADB or (code is None and "not a database" in text):
        if opening is None:
            return Problem.DAMAGED
        return Problem.WRONG_KEY if looks_encrypted(opening) else Problem.NOT_A_DATABASE
    return None


def looks_encrypted(path: Path) -> bool:
    """Could `path` be a SQLCipher database (so that a refused key is the key's fault)?

    Decided (as SQLCipher cannot tell): a plain SQLite file ("SQLite format 3"), an empty or
    truncated file (not whole 512-byte pages, or shorter than one SQLCipher page), and a
    first page that is not random-looking (text, most documents) are not ours; a random-
    looking one is — it may still be a foreign encrypted file, which then reads as a wrong key.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(CIPHER_PAGE)
    except OSError:
        return False
    if size < CIPHER_PAGE or size % 512 or head.startswith(SQLITE_HEADER):
        return False
    return _entropy_bits_per_byte(head) > 7.5  # random 4 KiB: ~7.95; text: < 5


def _entropy_bits_per_byte(data: bytes) -> float:
    n = len(data)
    return -sum(c / n * math.log2(c / n) for c in Counter(data).values()) if n else 0.0


def plain_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


class LocalDatabase(SqlCipherDatabase):
    """SQLCipher with the busy timeout first on every connection and failures classified.

    `problem_error` builds what a classified failure is raised as. `on_wait`, when set, is
    called (from the waiting thread) when a write transaction has to wait for another
    process's lock — the GUI says "menunggu basis data…" then.
    """

    def __init__(
        self,
        *args: Any,
        read_only: bool = False,
        problem_error: ProblemError = _default_problem_error,
        **kwargs: Any,
    ) -> None:
        self.read_only = read_only
        self.problem_error = problem_error
        self.on_wait: Callable[[], None] | None = None
        # Write transactions of this process waiting for the lock right now (any thread).
        self.writers_waiting = 0
        self.writing_thread: int | None = None  # the thread in a write transaction
        self._waiting_lock = threading.Lock()
        # While the key is not yet proven: the file being opened (see `classify`).
        self.opening: Path | None = None
        self.timeout_ms = busy_timeout_ms()
        # A decryption failure turns the connection read-only ("attempt to write a
        # readonly database" afterwards): that, too, is the damage speaking.
        self.damage_seen = False
        super().__init__(*args, **kwargs)

    def _connect(self) -> Any:
        silence_sqlcipher_log()
        params = dict(self.connect_params)
        passphrase = str(params.pop("passphrase", "")).replace("'", "''")
        params.pop("timeout", None)
        # The driver's own timeout is the busy handler from the very first statement.
        conn = sqlcipher.connect(
            self.database, isolation_level=None, timeout=self.timeout_ms / 1000, **params
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout_ms)}")
            if passphrase:
                conn.execute(f"PRAGMA key = '{passphrase}'")
            self._add_conn_hooks(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    # -- classified failures

    def _raise_problem(self, exc: BaseException) -> None:
        problem = classify(exc, opening=self.opening)
        if problem is None:
            if self.damage_seen and sqlite_code(exc)[0] == SQLITE_READONLY:
                problem = Problem.DAMAGED
            else:
                return
        if problem is Problem.DAMAGED:
            self.damage_seen = True
        raise self.problem_error(problem, sqlite_code(exc)[1]) from exc

    def connect(self, reuse_if_open: bool = False) -> bool:
        try:
            return bool(super().connect(reuse_if_open))
        except DatabaseError as exc:
            self._raise_problem(exc)
            raise

    def _execute_cursor(self, sql: str, params: Any, **cursor_options: Any) -> Any:
        try:
            return _Cursor(super()._execute_cursor(sql, params, **cursor_options), self)
        except DatabaseError as exc:
            self._raise_problem(exc)
            raise

    def begin(self, lock_type: str | None = None) -> None:
        try:
            if self.timeout_ms == 0 or (lock_type or "").upper() not in ("IMMEDIATE", "EXCLUSIVE"):
                super().begin(lock_type)
            else:
                self._begin_noticing_wait(lock_type)
        except DatabaseError as exc:
            self._raise_problem(exc)
            raise

    def _begin_noticing_wait(self, lock_type: str | None) -> None:
        # First without waiting; if another connection holds the lock, say so (`on_wait`,
        # and `writers_waiting` for a long writer of this process that lets it in between
        # its pieces: the background sync), then wait the whole timeout for it.
        conn = self.connection()
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            super().begin(lock_type)
            self.writing_thread = threading.get_ident()
            return
        except OperationalError as exc:
            if sqlite_code(exc)[0] != SQLITE_BUSY:
                raise
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout_ms)}")
        with self._waiting_lock:
            self.writers_waiting += 1
        try:
            writer = self.writing_thread
            if self.on_wait is not None and writer in (None, threading.get_ident()):
                self.on_wait()  # not for a wait on this process's own writer (the sync)
            super().begin(lock_type)
        finally:
            with self._waiting_lock:
                self.writers_waiting -= 1
        self.writing_thread = threading.get_ident()

    def commit(self) -> None:
        try:
            super().commit()
        except DatabaseError as exc:
            self._raise_problem(exc)
            raise
        finally:
            self._done_writing()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self._done_writing()

    def _done_writing(self) -> None:
        if self.writing_thread == threading.get_ident():
            self.writing_thread = None

    def integrity_check(self) -> list[str]:
        """`PRAGMA integrity_check` (read only): ["ok"] or what SQLite found wrong."""
        rows = self.execute_sql("PRAGMA integrity_check").fetchall()
        return [str(line) for (cell,) in rows for line in str(cell).splitlines()]


class _Cursor:
    """The driver's cursor, with the failures of reading further rows (a damaged page
    met halfway through a list) classified like those of executing."""

    __slots__ = ("_cursor", "_db")

    def __init__(self, cursor: Any, db: LocalDatabase) -> None:
        self._cursor = cursor
        self._db = db

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)

    def _read(self, step: Callable[..., Any], *args: Any) -> Any:
        try:
            return step(*args)
        except sqlcipher.DatabaseError as exc:
            self._db._raise_problem(exc)
            raise

    def fetchone(self) -> Any:
        return self._read(self._cursor.fetchone)

    def fetchmany(self, *args: Any) -> Any:
        return self._read(self._cursor.fetchmany, *args)

    def fetchall(self) -> Any:
        return self._read(self._cursor.fetchall)

    def __iter__(self) -> _Cursor:
        return self

    def __next__(self) -> Any:
        return self._read(next, self._cursor)


def connect_local(
    path: Path,
    key: str,
    *,
    read_only: bool = False,
    problem_error: ProblemError | None = None,
) -> LocalDatabase:
    """Open (creating if needed, unless `read_only`) the encrypted file and check the key.

    `key` is either a raw key `x'<64 hex>'` (from the keyring; opens in ~0.1 ms) or a
    passphrase typed by a person (goes through SQLCipher's KDF, ~100 ms per open).
    Failures raise `problem_error(problem, detail)` (default: DatabaseProblem).
    """
    make = problem_error or _default_problem_error
    if not key:
        raise make(Problem.WRONG_KEY, "Kunci basis data kosong.")
    if read_only:
        target, params = f"file:{quote(str(path.resolve()))}?mode=ro", {"uri": True}
        pragmas: tuple[tuple[str, Any], ...] = READ_ONLY_PRAGMAS
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        target, params, pragmas = str(path), {}, PRAGMAS_AFTER_TIMEOUT
    if path.exists() and path.stat().st_size == 0:
        # SQLite would take an empty file for a new database and our schema would be
        # written into whatever this file was meant to be.
        raise make(Problem.NOT_A_DATABASE, "berkas kosong")
    db = LocalDatabase(
        target,
        passphrase=key,
        pragmas=pragmas,
        check_same_thread=False,
        autoconnect=True,
        read_only=read_only,
        problem_error=make,
        **params,
    )
    db.opening = path
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        db.close()
        raise
    finally:
        db.opening = None
    return db


def bind(db: SqlCipherDatabase) -> None:
    """Point every model at `db` (one local database per process)."""
    database_proxy.initialize(db)


def checkpoint(db: SqlCipherDatabase) -> None:
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
