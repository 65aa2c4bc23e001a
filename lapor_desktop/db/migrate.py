"""Numbered schema migrations (`migrations/mNNNN_*.py`, each with VERSION and upgrade()).

The same scripts build a new database and upgrade an old one; before upgrading a database
that already holds data, a backup copy (still encrypted, same key) is written next to it.
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
    if current > 0 and db_file is not None and backup_dir is not None:
        backup_file(db, db_file, backup_dir, current)
    migrator = SqliteMigrator(db)
    if current == 0:
        db.execute_sql(
            'CREATE TABLE IF NOT EXISTS "schema_version" '
            '("version" INTEGER NOT NULL PRIMARY KEY, "applied_at" DATETIME NOT NULL)'
        )
    applied = []
    for script in pending:
        # The write lock first, then the version again: another process opening the same
        # file at the same moment may have applied this step while we waited for it.
        with db.atomic("IMMEDIATE"):
            if current_version(db) >= script.VERSION:
                continue
            script.upgrade(db, migrator)
            db.execute_sql(
                'INSERT INTO "schema_version" (version, applied_at) VALUES (?, ?)',
                (script.VERSION, datetime.now().replace(microsecond=0).isoformat(" ")),
            )
        applied.append(script.VERSION)
        # Work outside the database that may only follow a committed step (v7: deleting
        # the plain attachment files once their bytes are sealed in the database).
        finish = getattr(script, "after_commit", None)
        if finish is not None:
            finish(db)
    return applied
