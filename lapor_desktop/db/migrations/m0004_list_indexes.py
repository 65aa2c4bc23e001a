"""Schema version 4: indexes for the case list's keyset paging (issue 4 benchmarks), and
complaint_access: every OPD a case was ever dispositioned to (SYNC.md's access table), kept
by a trigger on the history, so an OPD user's scope is one covering-index lookup.

Each list order is (sort key, num); with an index on exactly that pair a page is an index
range scan instead of a sort of everything after the cursor. The due-date order sorts
open-ended cases last through an expression that the query repeats literally.
"""

from __future__ import annotations

from peewee import Database
from playhouse.migrate import SchemaMigrator

VERSION = 4

DUE_SORT_SQL = "coalesce(\"due_date\", '9999-12-31')"

INDEXES = (
    'CREATE INDEX "complaint_received_num" ON "complaint" ("received_at", "num")',
    'CREATE INDEX "complaint_status_received_num" ON "complaint" ("status", "received_at", "num")',
    'CREATE INDEX "complaint_opd_received_num" ON "complaint" ("opd_id", "received_at", "num")',
    f'CREATE INDEX "complaint_due_sort_num" ON "complaint" ({DUE_SORT_SQL}, "num")',
    'CREATE INDEX "complaint_due_soon_from" ON "complaint" ("due_soon_from")',
    # Covering indexes for counts by status: over a set of visible ids (OPD scope) and over
    # a set of full-text hits (num), without reading the wide, encrypted table rows.
    'CREATE INDEX "complaint_id_status" ON "complaint" ("id", "status")',
    'CREATE INDEX "complaint_num_status" ON "complaint" ("num", "status")',
    'CREATE INDEX "complaint_opd_status" ON "complaint" ("opd_id", "status")',
    'CREATE INDEX "case_action_office_complaint" ON "case_action" ("office_id", "complaint_id")',
)

ACCESS = (
    'CREATE TABLE "complaint_access" ("office_id" TEXT NOT NULL, "complaint_id" TEXT NOT NULL, '
    'PRIMARY KEY ("office_id", "complaint_id"), '
    'FOREIGN KEY ("office_id") REFERENCES "office" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE CASCADE) WITHOUT ROWID',
    # Only a disposition grants access: "bukan wewenang" also stores an OPD (the one it
    # suggests), and that OPD must not see the case until the admin sends it there.
    """CREATE TRIGGER "complaint_access_ai" AFTER INSERT ON "case_action"
        WHEN new.opd_id IS NOT NULL AND new.action IN ('DISPOSE', 'REDISPOSE') BEGIN
        INSERT OR IGNORE INTO complaint_access(office_id, complaint_id)
        VALUES (new.opd_id, new.complaint_id);
    END""",
    "INSERT OR IGNORE INTO complaint_access(office_id, complaint_id) "
    "SELECT opd_id, complaint_id FROM case_action WHERE opd_id IS NOT NULL AND action IN "
    "('DISPOSE', 'REDISPOSE')",
)


def upgrade(db: Database, migrator: SchemaMigrator) -> None:
    for sql in (*INDEXES, *ACCESS):
        db.execute_sql(sql)
    db.execute_sql("ANALYZE")
