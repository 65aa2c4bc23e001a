"""Schema version 7: attachments are sealed inside the encrypted database.

Until v6 the files lay in plain text under `<data dir>/lampiran/<sha[:2]>/<sha>` (a KTP scan
carries the NIK), were copied before the intake's transaction and stayed behind when an
intake was refused or killed. Their bytes now live in `attachment_content`, one row per
SHA-256. Why inside SQLCipher rather than encrypted files beside it: SQLCipher already
seals every page with the database key (no crypto code or second key of ours), the content
is written in the same transaction as the intake (a refused or killed intake leaves
nothing), every backup of the database carries the attachments, and no file name on disk
tells anything. The cost is a larger database file (the bytes, plus SQLCipher's ~1.5 %
page overhead); attachments are at most 20 MB each, well inside SQLite's blob limit, so
one row per file without chunking.

The upgrade reads each referenced file into the table inside the migration's transaction
(verified against its SHA-256 name); once that is committed, `remove_plaintext` deletes the
plain copies: those now stored, and those no attachment row refers to (leftovers of old
refused or killed intakes, plain personal data nobody can reach from a case). A referenced
file that is missing or whose bytes do not match its name does not stop the upgrade: its
attachment row stays (the case still lists it, marked unavailable, services/attachments.py),
a damaged file stays on disk for a person to look at, and the counts are logged (never a
file name). The upgrade runs after the backup copy db/migrate.py makes; that copy does not
hold `lampiran/`, which is why nothing is deleted before the commit.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import stat
from pathlib import Path

from peewee import Database
from playhouse.migrate import SchemaMigrator

from lapor_desktop import paths

VERSION = 7

log = logging.getLogger(__name__)

_SHA = re.compile(r"[0-9a-f]{64}")

CREATE = (
    'CREATE TABLE "attachment_content" '
    '("sha256" VARCHAR(64) NOT NULL PRIMARY KEY, "content" BLOB NOT NULL)'
)


def plaintext_dir(db: Database) -> Path | None:
    """`<data dir>/lampiran` of this database's file (None for an in-memory database)."""
    name = str(db.database or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return paths.attachments_dir(Path(name).parent)


def _read_verified(path: Path, sha256: str) -> bytes | None:
    """The bytes of a regular file whose SHA-256 is its name, else None."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def upgrade(db: Database, migrator: SchemaMigrator) -> None:
    db.execute_sql(CREATE)
    folder = plaintext_dir(db)
    wanted = [r[0] for r in db.execute_sql('SELECT DISTINCT "sha256" FROM "attachment"')]
    moved = missing = damaged = 0
    for sha in wanted:
        path = folder / sha[:2] / sha if folder is not None else None
        if path is None or not path.exists():
            missing += 1
            continue
        data = _read_verified(path, sha)
        if data is None:
            damaged += 1
            continue
        db.execute_sql(
            'INSERT OR IGNORE INTO "attachment_content" ("sha256", "content") VALUES (?, ?)',
            (sha, data),
        )
        moved += 1
    if wanted:
        log.info(
            "lampiran dipindahkan ke basis data: %d berkas, %d hilang, %d rusak",
            moved,
            missing,
            damaged,
        )


def after_commit(db: Database) -> None:
    remove_plaintext(db)


def remove_plaintext(db: Database) -> int:
    """Delete the plain copies under `lampiran/` that are sealed in the database or that
    no attachment refers to, then the empty folders; returns how many files went. Safe to
    repeat: a start that died between the v7 commit and this step finishes it next time."""
    folder = plaintext_dir(db)
    if folder is None or not folder.is_dir():
        return 0
    stored = {r[0] for r in db.execute_sql('SELECT "sha256" FROM "attachment_content"')}
    referenced = {r[0] for r in db.execute_sql('SELECT DISTINCT "sha256" FROM "attachment"')}
    removed = kept = 0
    for dirpath, _dirs, names in os.walk(folder, topdown=False):
        for name in names:
            if name in stored or not (_SHA.fullmatch(name) and name in referenced):
                try:
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
                except OSError:
                    kept += 1
            else:
                kept += 1
        with contextlib.suppress(OSError):
            os.rmdir(dirpath)  # only when empty
    log.info("salinan polos lampiran dihapus: %d; tertinggal: %d", removed, kept)
    return removed
