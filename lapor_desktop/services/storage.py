"""Creating and opening the local database, with its key from the keyring or a person."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import OperationalError

from lapor_desktop import credentials, paths
from lapor_desktop.db import migrate
from lapor_desktop.db.database import (
    LocalDatabase,
    Problem,
    bind,
    classify,
    connect_local,
    plain_sqlite,
)
from lapor_desktop.logs import describe_path
from lapor_desktop.services.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    KeyRefused,
    NotADatabase,
    SchemaTooNew,
    ServiceError,
    UpgradeFailed,
)

log = logging.getLogger(__name__)

# Asked when the keyring cannot hold the key: (creating a new database?) -> passphrase.
AskSecret = Callable[[bool], str]
# Called (on the waiting thread) when the database has to wait for another process.
OnWait = Callable[[], None]

MIN_PASSPHRASE = 10
# Statistics are a nicety: refreshing them waits this long for another process's write
# lock at most, then is left for the next opening (a reader must not wait 30 s for it).
STATISTICS_WAIT_MS = 1000
CLOSE_WAIT_MS = 200


# The classified failures of the database layer, raised as the service errors (for the GUI
# and the CLI) that are also peewee's OperationalError (for code that catches that, e.g.
# a pragma tried without waiting). `problem` and `detail` (SQLite's words, for the log).
class _KeyRefused(KeyRefused, OperationalError):
    pass


class _Busy(DatabaseBusy, OperationalError):
    pass


class _Damaged(DatabaseDamaged, OperationalError):
    pass


class _NotADatabase(NotADatabase, OperationalError):
    pass


_RAISED_AS: dict[Problem, type[ServiceError]] = {
    Problem.WRONG_KEY: _KeyRefused,
    Problem.BUSY: _Busy,
    Problem.DAMAGED: _Damaged,
    Problem.NOT_A_DATABASE: _NotADatabase,
}


def problem_error(problem: Problem, detail: str) -> ServiceError:
    cls = _RAISED_AS[problem]
    message: str = getattr(cls, "MESSAGE", "")
    err = cls(message)
    err.problem = problem  # type: ignore[attr-defined]
    err.detail = detail  # type: ignore[attr-defined]
    return err


def _opening_error(db_file: Path) -> Callable[[Problem, str], Exception]:
    def make(problem: Problem, detail: str) -> Exception:
        err = problem_error(problem, detail)
        if problem is Problem.NOT_A_DATABASE and plain_sqlite(db_file):
            err.message = (
                f"Berkas {db_file.name} adalah basis data SQLite biasa (tidak terenkripsi), "
                "bukan basis data LAPOR Desktop."
            )
            err.args = (err.message,)
        return err

    return make


def service_error_of(exc: BaseException) -> ServiceError | None:
    """A database failure that escaped as a driver error (e.g. from reading rows) as the
    service error a person is shown; None for anything else. For the GUI's and the
    CLI's last line of handling."""
    if isinstance(exc, ServiceError):
        return exc
    problem = classify(exc)
    return problem_error(problem, str(exc)) if problem is not None else None


@dataclass
class Storage:
    data_dir: Path
    db_file: Path
    db: LocalDatabase
    key_in_keyring: bool
    migrated: list[int]

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    def close(self) -> None:
        """Close this thread's connection; never raises (a damaged, read-only or busy file
        only skips what SQLite advises before closing)."""
        if self.db.is_closed():
            return
        if not self.db.read_only and not self.db.damage_seen and not self.db.in_transaction():
            try:
                self.db.execute_sql(f"PRAGMA busy_timeout = {CLOSE_WAIT_MS}")
                self.db.execute_sql("PRAGMA optimize")  # what SQLite advises before closing
            except Exception as exc:
                log.info("PRAGMA optimize skipped at close: %s", type(exc).__name__)
        try:
            self.db.close()
        except Exception:
            log.warning("closing the database failed", exc_info=True)


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
        db = connect_local(db_file, key, problem_error=_opening_error(db_file))
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
    _log_opened("created", db_file, max(applied, default=0), applied, in_keyring)
    return Storage(data_dir, db_file, db, in_keyring, applied)


def _key_for(db_file: Path, ask_secret: AskSecret) -> tuple[str, bool]:
    try:
        key = credentials.get_db_key(db_file)
    except credentials.KeyringUnavailable:
        key = None
    if key is not None:
        return key, True
    return ask_secret(False), False


def _require_file(data_dir: Path) -> Path:
    db_file = paths.db_path(data_dir)
    if not db_file.exists():
        raise ServiceError(
            f"Basis data belum ada di {data_dir}. Jalankan 'lapor-desktop init' terlebih dahulu."
        )
    if not db_file.is_file():
        raise NotADatabase(f"{db_file} bukan berkas.")
    return db_file


def open_database(data_dir: Path, ask_secret: AskSecret, on_wait: OnWait | None = None) -> Storage:
    """Open the existing database and bring its schema up to date (backup first).

    Failures: KeyRefused, DatabaseBusy, DatabaseDamaged, NotADatabase, each with its own
    message. `on_wait` is told when a write has to wait for another process (the GUI)."""
    db_file = _require_file(data_dir)
    key, in_keyring = _key_for(db_file, ask_secret)
    db = connect_local(db_file, key, problem_error=_opening_error(db_file))
    db.on_wait = on_wait
    try:
        version = migrate.current_version(db)
        if version > migrate.latest_version():
            raise SchemaTooNew(
                f"Basis data ini dibuat oleh versi aplikasi yang lebih baru (skema {version}). "
                "Perbarui LAPOR Desktop."
            )
        bind(db)
        try:
            applied = migrate.migrate(db, db_file, paths.backups_dir(data_dir))
        except migrate.MigrationFailed as exc:
            log.error(
                "migration %d failed (restored to %d: %s)",
                exc.failed_version,
                exc.from_version,
                exc.restored,
                exc_info=exc.cause,
            )
            raise UpgradeFailed(_upgrade_failed_message(exc, db_file)) from exc
        if paths.attachments_dir(data_dir).is_dir():
            # Plain attachment files of before v7 left by a start that died after the upgrade.
            from lapor_desktop.db.migrations import m0007_sealed_attachments

            m0007_sealed_attachments.remove_plaintext(db)
        refresh_statistics(db)
        from lapor_desktop.services.backup import remove_stale_temporaries

        remove_stale_temporaries(data_dir)  # copies a killed backup or restore left behind
    except BaseException:
        Storage(data_dir, db_file, db, in_keyring, []).close()
        raise
    _log_opened("opened", db_file, max(applied, default=version), applied, in_keyring)
    return Storage(data_dir, db_file, db, in_keyring, applied)


def _upgrade_failed_message(exc: migrate.MigrationFailed, db_file: Path) -> str:
    head = (
        f"Pembaruan skema basis data (versi {exc.from_version} ke {migrate.latest_version()}) "
        f"gagal pada langkah {exc.failed_version}: {_reason(exc.cause)}."
    )
    where = f" Salinan sebelum pembaruan: {exc.backup}." if exc.backup is not None else ""
    if exc.restored:
        return (
            f"{head} Basis data dikembalikan ke keadaan sebelum pembaruan (versi "
            f"{exc.from_version}); tidak ada data yang hilang.{where} Gunakan versi aplikasi "
            "sebelumnya dan laporkan masalah ini ke admin TI."
        )
    return (
        f"{head} Basis data TIDAK dapat dikembalikan otomatis"
        + (f" ({_reason(exc.restore_error)})" if exc.restore_error else "")
        + f".{where} Jangan memakai berkas ini: tutup aplikasi dan minta admin TI menyalin "
        f"salinan itu menggantikan {db_file} (hapus juga berkas -wal dan -shm di sebelahnya)."
    )


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _log_opened(
    how: str, db_file: Path, version: int, applied: list[int], in_keyring: bool
) -> None:
    log.info(
        "database %s: %s, schema %d%s, key from %s",
        how,
        describe_path(db_file),
        version,
        f" (migrations {', '.join(map(str, applied))} applied)" if applied else "",
        "the keyring" if in_keyring else "a passphrase",
    )


def open_read_only(data_dir: Path, ask_secret: AskSecret) -> Storage:
    """Open the existing database without writing anything to it (no schema upgrade, no
    statistics): for checking a file that may be damaged."""
    db_file = _require_file(data_dir)
    key, in_keyring = _key_for(db_file, ask_secret)
    db = connect_local(db_file, key, read_only=True, problem_error=_opening_error(db_file))
    return Storage(data_dir, db_file, db, in_keyring, [])


def refresh_statistics(db: LocalDatabase) -> None:
    """Let SQLite re-analyze tables whose size changed a lot since their statistics were
    taken (or that have none): the planner picks the list and count indexes by them, and
    statistics of an empty new database made a search count take 300 ms instead of 20.
    Nearly free when nothing changed; bounded (SQLite samples) when something did.

    Analyzing writes, so it may wait for another process's write lock — briefly: if that
    process keeps writing, the statistics are left for the next opening."""
    db.execute_sql(f"PRAGMA busy_timeout = {min(db.timeout_ms, STATISTICS_WAIT_MS)}")
    try:
        db.execute_sql("PRAGMA optimize=0x10002")
    except DatabaseBusy:
        log.info("statistics not refreshed: the database is busy")
    finally:
        db.execute_sql(f"PRAGMA busy_timeout = {db.timeout_ms}")
