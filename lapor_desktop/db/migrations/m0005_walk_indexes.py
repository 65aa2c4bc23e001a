"""Schema version 5: the case list's sort indexes carry the filter columns.

A list page is read by walking the index of its sort order, (sort key, num), and stopping
after a page. Until v4 every row met on the walk was checked against the filters by
reading its (wide, encrypted) table row, so a rare combination — SMS + aspirasi, escalated,
one category sorted by status — read thousands of rows for one page (60–250 ms), and
sorting by title had no index at all (2 s). With the filter columns in the index SQLite
checks them on the index entry and reads the table only for rows that match (services/
cases.py writes the filters so that the planner walks; DESIGN.md §6).

Sorting by OPD sorted by a joined table's column (2 s): complaint.opd_code now holds a copy
of the OPD's code, kept by triggers on complaint and office, with its own walk index.
"""

from __future__ import annotations

from peewee import Database
from playhouse.migrate import SchemaMigrator

VERSION = 5

DUE_SORT_SQL = "coalesce(\"due_date\", '9999-12-31')"
OPD_SORT_SQL = "coalesce(\"opd_code\", '')"
_FILTERS = (
    "status",
    "channel",
    "klasifikasi",
    "category_id",
    "opd_id",
    "escalated_at",
    "due_date",
    "due_soon_from",
)
WALKS = {  # index name -> sort key
    "complaint_walk_received": '"received_at"',
    "complaint_walk_status": '"status"',
    "complaint_walk_title": '"title"',
    "complaint_walk_ticket": '"ticket"',
    "complaint_walk_due": DUE_SORT_SQL,
    "complaint_walk_opd": OPD_SORT_SQL,
}


def _walk_index(name: str, key: str) -> str:
    rest = ", ".join(f'"{c}"' for c in _FILTERS if f'"{c}"' != key)
    return f'CREATE INDEX "{name}" ON "complaint" ({key}, "num", {rest})'


OPD_CODE = (
    'ALTER TABLE "complaint" ADD COLUMN "opd_code" VARCHAR(30)',
    'UPDATE "complaint" SET "opd_code" = (SELECT "code" FROM "office" WHERE "id" = "opd_id") '
    'WHERE "opd_id" IS NOT NULL',
    # On insert only when the writer left it empty (the demo loader fills it itself).
    """CREATE TRIGGER "complaint_opd_code_ai" AFTER INSERT ON "complaint"
        WHEN new.opd_id IS NOT NULL AND new.opd_code IS NULL BEGIN
        UPDATE complaint SET opd_code = (SELECT code FROM office WHERE id = new.opd_id)
        WHERE rowid = new.rowid;
    END""",
    """CREATE TRIGGER "complaint_opd_code_au" AFTER UPDATE OF opd_id ON "complaint" BEGIN
        UPDATE complaint SET opd_code = (SELECT code FROM office WHERE id = new.opd_id)
        WHERE rowid = new.rowid;
    END""",
    """CREATE TRIGGER "office_code_au" AFTER UPDATE OF code ON "office" BEGIN
        UPDATE complaint SET opd_code = new.code WHERE opd_id = new.id;
    END""",
)

STATEMENTS = (
    *OPD_CODE,
    # Replaced by the walks below, which begin with the same columns.
    'DROP INDEX IF EXISTS "complaint_received_num"',
    'DROP INDEX IF EXISTS "complaint_due_sort_num"',
    *(_walk_index(name, key) for name, key in WALKS.items()),
)


def upgrade(db: Database, migrator: SchemaMigrator) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
    db.execute_sql("ANALYZE")
