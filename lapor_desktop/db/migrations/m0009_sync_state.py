"""Schema version 9: what a PC needs to sync with the central server (SYNC.md).

- `sync_state` (one row): the feed checkpoint (a central transaction id), who this PC
  syncs as (login, office, audience 'regency' | 'opd'), when it joined and last synced,
  and the `applying` flag a sync apply sets inside its own IMMEDIATE transaction (other
  connections never see it set). The checkpoint only moves forward (a trigger refuses a
  smaller one), and the row cannot be deleted.
- `sync_log`: one row per sync cycle, successful or not (what `sync --status` reads).
- `sync_failed`: rows the server refused for good, with its reason (the visible "failed to
  sync" list); `sync_conflict`: clashes the server recorded (edits on a stale version, one
  NIK registered twice), for a person to resolve.
- `pushed_at` on every row a PC creates and sends (reporter, complaint, case_action,
  attachment, letter): NULL = still to push (a partial index finds them); set only after
  the central COMMIT returned, and set on rows that came from the server.
- `case_action.accepted` / `reason`: the server's verdict on an action, pulled back.
- The history stays append-only, except that a sync apply (flag above) writes the server's
  verdict and number; marking a row sent (`pushed_at`) is always allowed.
- An OPD PC receives no NIK and no birth date (SYNC.md "Who sees what"): reporter.nik and
  reporter.birth_date become nullable. The unique index on nik stays, so a regency PC still
  refuses one NIK twice (SQLite's UNIQUE lets several NULLs through). The column
  constraint is dropped by editing the stored CREATE TABLE (SQLite's documented procedure
  for removing a NOT NULL constraint: the rows on disk do not change), inside this
  migration's transaction.
"""

from __future__ import annotations

from peewee import Database
from playhouse.migrate import SchemaMigrator

VERSION = 9

PUSHED = ("reporter", "complaint", "case_action", "attachment", "letter")

TABLES = (
    """CREATE TABLE "sync_state" (
        "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
        "checkpoint" INTEGER NOT NULL DEFAULT 0,
        "audience" VARCHAR(10) NOT NULL DEFAULT '',
        "login" VARCHAR(63) NOT NULL DEFAULT '',
        "office_id" TEXT,
        "joined_at" DATETIME,
        "last_sync" DATETIME,
        "applying" INTEGER NOT NULL DEFAULT 0)""",
    'INSERT INTO "sync_state" ("id") VALUES (1)',
    """CREATE TRIGGER "sync_state_forward" BEFORE UPDATE OF "checkpoint" ON "sync_state"
        WHEN NEW."checkpoint" < OLD."checkpoint" BEGIN
        SELECT RAISE(ABORT, 'titik sinkronisasi tidak boleh mundur');
    END""",
    """CREATE TRIGGER "sync_state_no_delete" BEFORE DELETE ON "sync_state" BEGIN
        SELECT RAISE(ABORT, 'status sinkronisasi tidak boleh dihapus');
    END""",
    """CREATE TABLE "sync_log" (
        "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        "at" DATETIME NOT NULL,
        "ok" INTEGER NOT NULL,
        "pushed" INTEGER NOT NULL DEFAULT 0,
        "pulled" INTEGER NOT NULL DEFAULT 0,
        "rejected" INTEGER NOT NULL DEFAULT 0,
        "conflicts" INTEGER NOT NULL DEFAULT 0,
        "checkpoint" INTEGER NOT NULL DEFAULT 0,
        "seconds" REAL NOT NULL DEFAULT 0,
        "error" TEXT NOT NULL DEFAULT '')""",
    """CREATE TABLE "sync_failed" (
        "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        "entity" VARCHAR(20) NOT NULL,
        "entity_id" TEXT NOT NULL,
        "reason" TEXT NOT NULL,
        "at" DATETIME NOT NULL,
        "resolved" INTEGER NOT NULL DEFAULT 0)""",
    'CREATE UNIQUE INDEX "sync_failed_entity_entity_id" ON "sync_failed" ("entity", "entity_id")',
    """CREATE TABLE "sync_conflict" (
        "id" TEXT NOT NULL PRIMARY KEY,
        "entity" VARCHAR(20) NOT NULL,
        "entity_id" TEXT NOT NULL,
        "other_id" TEXT,
        "reason" TEXT NOT NULL,
        "at" DATETIME NOT NULL,
        "resolved" INTEGER NOT NULL DEFAULT 0)""",
)

# Every column of the history except pushed_at (UPDATE OF fires when any of them is SET).
_ACTION_COLUMNS = (
    "id, complaint_id, seq, action, from_status, to_status, user_id, role, office_id, "
    "opd_id, note, for_reporter, at, accepted, reason"
)
_NOT_APPLYING = 'coalesce((SELECT "applying" FROM "sync_state" WHERE "id" = 1), 0) = 0'
APPEND_ONLY = (
    'DROP TRIGGER "case_action_no_update"',
    'DROP TRIGGER "case_action_no_delete"',
    f"""CREATE TRIGGER "case_action_no_update" BEFORE UPDATE OF {_ACTION_COLUMNS}
        ON "case_action" WHEN {_NOT_APPLYING} BEGIN
        SELECT RAISE(ABORT, 'case_action hanya boleh ditambah, tidak boleh diubah atau dihapus');
    END""",
    f"""CREATE TRIGGER "case_action_no_delete" BEFORE DELETE ON "case_action"
        WHEN {_NOT_APPLYING} BEGIN
        SELECT RAISE(ABORT, 'case_action hanya boleh ditambah, tidak boleh diubah atau dihapus');
    END""",
)

NULLABLE = {"reporter": ('"nik" VARCHAR(16) NOT NULL', '"birth_date" DATE NOT NULL')}


def _drop_not_null(db: Database, table: str, columns: tuple[str, ...]) -> None:
    (sql,) = db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    for column in columns:
        assert column in sql, (table, column)
        sql = sql.replace(column, column.removesuffix(" NOT NULL"))
    (version,) = db.execute_sql("PRAGMA schema_version").fetchone()
    db.execute_sql("PRAGMA writable_schema = ON")
    try:
        db.execute_sql(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (sql, table)
        )
        db.execute_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        db.execute_sql("PRAGMA writable_schema = OFF")


def upgrade(db: Database, migrator: SchemaMigrator) -> None:
    for sql in TABLES:
        db.execute_sql(sql)
    for table in PUSHED:
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "pushed_at" DATETIME')
        db.execute_sql(
            f'CREATE INDEX "{table}_unpushed" ON "{table}" ("id") WHERE "pushed_at" IS NULL'
        )
    db.execute_sql('ALTER TABLE "case_action" ADD COLUMN "accepted" INTEGER NOT NULL DEFAULT 1')
    db.execute_sql('ALTER TABLE "case_action" ADD COLUMN "reason" TEXT')
    for sql in APPEND_ONLY:
        db.execute_sql(sql)
    for table, columns in NULLABLE.items():
        _drop_not_null(db, table, columns)
    problems = db.execute_sql('PRAGMA quick_check("reporter")').fetchall()
    assert problems == [("ok",)], problems
