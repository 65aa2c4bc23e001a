"""Schema version 11: working alongside SP4N LAPOR! (issue 18).

- `reporter.lapor_account`: a reporter imported from a LAPOR! export without a NIK is a
  LAPOR! account — name and contact only, never an invented NIK. The column holds the
  account's matching key (normalised name and contact), unique, so the same person
  imported again is matched, not duplicated. NULL for reporters registered by NIK.
- `complaint.tracking_id` is unique per case (a partial index: '' means no tracking ID).
  A database where two cases already share one (typed by hand before v11) keeps a plain
  index of the same name; the services refuse a new duplicate either way.
- `complaint.duplicate_of_id`: the main case of a case closed as its duplicate.
- `complaint.lapor_entered_bucket` / `lapor_entered_answer` / `lapor_entered_at`: what
  was last marked as entered in LAPOR! (the update list shows the cases whose LAPOR!
  status bucket or approved answer differ from it); `lapor_status`: the status LAPOR!
  showed in the last imported file (a newer file with another status is an update).
"""

from __future__ import annotations

from peewee import Database
from playhouse.migrate import SchemaMigrator

VERSION = 11

COLUMNS = (
    'ALTER TABLE "reporter" ADD COLUMN "lapor_account" VARCHAR(300)',
    'ALTER TABLE "complaint" ADD COLUMN "duplicate_of_id" TEXT '
    'REFERENCES "complaint" ("id") ON DELETE RESTRICT',
    'ALTER TABLE "complaint" ADD COLUMN "lapor_entered_bucket" VARCHAR(60)',
    'ALTER TABLE "complaint" ADD COLUMN "lapor_entered_answer" TEXT',
    'ALTER TABLE "complaint" ADD COLUMN "lapor_entered_at" DATETIME',
    'ALTER TABLE "complaint" ADD COLUMN "lapor_status" VARCHAR(60)',
)
INDEXES = (
    'CREATE UNIQUE INDEX "reporter_lapor_account" ON "reporter" ("lapor_account") '
    'WHERE "lapor_account" IS NOT NULL',
    'CREATE INDEX "complaint_duplicate_of_id" ON "complaint" ("duplicate_of_id") '
    'WHERE "duplicate_of_id" IS NOT NULL',
)
TRACKING = (
    'CREATE {unique}INDEX "complaint_tracking_id" ON "complaint" ("tracking_id") '
    "WHERE \"tracking_id\" <> ''"
)


def upgrade(db: Database, migrator: SchemaMigrator) -> None:
    for sql in (*COLUMNS, *INDEXES):
        db.execute_sql(sql)
    shared = db.execute_sql(
        "SELECT 1 FROM complaint WHERE tracking_id <> '' "
        "GROUP BY tracking_id HAVING count(*) > 1 LIMIT 1"
    ).fetchone()
    db.execute_sql(TRACKING.format(unique="" if shared else "UNIQUE "))
