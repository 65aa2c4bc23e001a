"""Numbered schema migrations (`migrations/mNNNN_*.py`, each with VERSION and upgrade()).

The same scripts build a new database and upgrade an old one; before upgrading a database
that already holds data, a backup copy (still encrypted, same key) is written next to it,
and when a step fails after earlier steps committed, that copy is put back (MigrationFailed
says what happened), so an upgrade either completes or leaves the database as it was.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import shutil
from datetime import datetime
from pathlib import Path
from types import ModuleType

from peewee import Database

from lapor_desktop.db import migrations as migrations_pkg
from lapor_desktop.db.database import DatabaseProblem, classify


def _script_names() -> list[tuple[int, str]]:
    """(version, module name) of each script, from the file names `mNNNN_*.py`."""
    found = sorted(
        (int(info.name[1:5]), info.name)
        for info in pkgutil.iter_modules(migrations_pkg.__path__)
        if info.name.startswith("m") and info.name[1:5].isdigit()
    )
    versions = [v for v, _ in found]
    assert versions == list(range(1, len(found) + 1)), f"migrations not contiguous: {versions}"
    return found


def _scripts(after: int = 0) -> list[ModuleType]:
    # Imported only when needed: an up-to-date database (every start but the first after
    # an update) does not pay for the scripts and playhouse.migrate.
    mods = [
        importlib.import_module(f"{migrations_pkg.__name__}.{name}")
        for version, name in _script_names()
        if version > after
    ]
    for m in mods:
        assert m.__name__.rsplit(".", 1)[1][1:5] == f"{m.VERSION:04d}", m.__name__
    return mods


class MigrationFailed(Exception):
    """A migration step failed. `restored`: the database was put back to `from_version`
    from `backup` (None when nothing had changed: the failed step rolled back alone)."""

    def __init__(
        self,
        from_version: int,
        failed_version: int,
        cause: Exception,
        backup: Path | None,
        restored: bool,
        restore_error: Exception | None = None,
    ) -> None:
        super().__init__(f"migration {failed_version} failed: {cause}")
        self.from_version = from_version
        self.failed_version = failed_version
        self.cause = cause
        self.backup = backup
        self.restored = restored
        self.restore_error = restore_error


def latest_version() -> int:
    return len(_script_names())


def current_version(db: Database) -> int:
    if not db.table_exists("schema_version"):
        return 0
    row = db.execute_sql("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def backup_file(db: Database, db_file: Path, backup_dir: Path, version: int) -> Path:
    """An online copy (still encrypted, same key) through SQLite's backup API; only the
    owner may read it (folder 0700, file 0600 from its first byte), written under a
    temporary name and renamed when whole."""
    from lapor_desktop.db import snapshot

    backup_dir.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        backup_dir.chmod(0o700)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{db_file.stem}-v{version}-{stamp}{db_file.suffix}"
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    try:
        key = str(getattr(db, "connect_params", {}).get("passphrase", ""))
        if key:
            with snapshot.opened(db_file, key) as source:
                snapshot.copy(source, temp, key)
        else:  # an unencrypted database (not made by this app): the file as it is
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            with db_file.open("rb") as src, temp.open("wb") as dst:
                shutil.copyfileobj(src, dst)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def migrate(db: Database, db_file: Path | None = None, backup_dir: Path | None = None) -> list[int]:
    """Bring the schema up to date; returns the versions applied.

    Each step runs in its own transaction together with its schema_version row, so a
    failure leaves the database at the last complete version.
    """
    current = current_version(db)
    if current >= latest_version():
        return []
    from playhouse.migrate import SqliteMigrator

    pending = _scripts(after=current)
    backup = None
    if current > 0 and db_file is not None and backup_dir is not None:
        backup = backup_file(db, db_file, backup_dir, current)
    migrator = SqliteMigrator(db)
    if current == 0:
        db.execute_sql(
            'CREATE TABLE IF NOT EXISTS "schema_version" '
            '("version" INTEGER NOT NULL PRIMARY KEY, "applied_at" DATETIME NOT NULL)'
        )
    applied: list[int] = []
    finishers = []
    for script in pending:
        try:
            # The write lock first, then the version again: another process opening the
            # same file at the same moment may have applied this step while we waited.
            with db.atomic("IMMEDIATE"):
                if current_version(db) >= script.VERSION:
                    continue
                script.upgrade(db, migrator)
                db.execute_sql(
                    'INSERT INTO "schema_version" (version, applied_at) VALUES (?, ?)',
                    (script.VERSION, datetime.now().replace(microsecond=0).isoformat(" ")),
                )
        except Exception as exc:
            if _file_problem(exc):
                # A busy, damaged or unreadable file is not a failed migration: said as
                # such by the caller, and never answered by writing the backup over a file
                # another process may be upgrading at this moment.
                raise
            raise _restore(db, db_file, backup, current, script.VERSION, applied, exc) from exc
        applied.append(script.VERSION)
        finish = getattr(script, "after_commit", None)
        if finish is not None:
            finishers.append(finish)
    # Work outside the database that may only follow committed steps (v7: deleting the
    # plain attachment files once their bytes are sealed in the database), and only once
    # every step committed: a later failure puts the backup back, which needs those files.
    for finish in finishers:
        finish(db)
    return applied


def _file_problem(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, DatabaseProblem) or classify(seen) is not None:
            return True
        seen = seen.__cause__
    return False


def _restore(
    db: Database,
    db_file: Path | None,
    backup: Path | None,
    current: int,
    failed: int,
    applied: list[int],
    cause: Exception,
) -> MigrationFailed:
    """After a failed step: put the pre-upgrade copy back when earlier steps committed
    (the failed step's own transaction rolled back already)."""
    if not applied:
        return MigrationFailed(current, failed, cause, backup, restored=True)
    if backup is None or db_file is None:
        return MigrationFailed(current, failed, cause, None, restored=False)
    from lapor_desktop.db import snapshot

    key = str(getattr(db, "connect_params", {}).get("passphrase", ""))
    try:
        snapshot.install(backup, key, db_file, key)
    except Exception as exc:
        return MigrationFailed(current, failed, cause, backup, False, restore_error=exc)
    return MigrationFailed(current, failed, cause, backup, restored=True)
