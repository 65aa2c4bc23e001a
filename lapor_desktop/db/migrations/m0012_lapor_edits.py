"""Schema version 12: the LAPOR! columns of a case travel to the central server (issues 16
and 18: "each import and merge syncs like any other action").

- The `complaint_edited` trigger of v10 is made again with the v11 columns a person or an
  import changes on a case already sent: `duplicate_of_id` (a duplicate mark),
  `lapor_status` (an import update) and `lapor_entered_bucket` / `lapor_entered_answer` /
  `lapor_entered_at` ("marked entered in LAPOR!"). A change of them now marks the case
  dirty and goes to the server as a version-checked `record_edit`, like a header edit.
  (`reporter.lapor_account` is written once, at import, and goes with the new reporter.)
- `duplicate_pointer (complaint_id, main_id)`: a duplicate mark the server sent whose main
  case is not (yet) on this PC (another piece of the window, a case an OPD does not see,
  or a case purged here). The local foreign key cannot hold it; it is kept here and put
  on the case as soon as the main case arrives (sync/apply.py).
"""

from __future__ import annotations

from peewee import Database
from playhouse.migrate import SchemaMigrator

from lapor_desktop.db.migrations.m0010_header_edits import NOT_APPLYING, NOT_OPD

VERSION = 12

# Frozen copy (a migration never changes): the columns a case edit may touch.
COMPLAINT_COLUMNS = (
    "tracking_id", "channel", "klasifikasi", "title", "body", "location_kecamatan",
    "location_desa", "location_text", "incident_date", "anonim", "rahasia", "category_id",
    "duplicate_of_id", "lapor_status", "lapor_entered_bucket", "lapor_entered_answer",
    "lapor_entered_at",
)  # fmt: skip
FIELD_NAMES = {"category_id": "category", "duplicate_of_id": "duplicate_of"}


def _trigger(table: str, columns: tuple[str, ...]) -> str:
    cols = ", ".join(f'"{c}"' for c in columns)
    changed = " OR ".join(f'NEW."{c}" IS NOT OLD."{c}"' for c in columns)
    before = ", ".join(f"'{FIELD_NAMES.get(c, c)}', OLD.\"{c}\"" for c in columns)
    return f"""CREATE TRIGGER "{table}_edited" AFTER UPDATE OF {cols} ON "{table}"
        WHEN {NOT_APPLYING} AND {NOT_OPD} AND ({changed}) BEGIN
        UPDATE "{table}" SET
            "edit_from" = CASE WHEN "edit_base" IS NULL THEN json_object({before})
                          ELSE "edit_from" END,
            "edit_base" = coalesce("edit_base", "server_version"),
            "edit_id" = coalesce("edit_id", lower(hex(randomblob(16))))
        WHERE "id" = NEW."id";
    END"""


def upgrade(db: Database, migrator: SchemaMigrator) -> None:
    db.execute_sql('DROP TRIGGER IF EXISTS "complaint_edited"')
    db.execute_sql(_trigger("complaint", COMPLAINT_COLUMNS))
    db.execute_sql(
        'CREATE TABLE "duplicate_pointer" ("complaint_id" TEXT NOT NULL PRIMARY KEY, '
        '"main_id" TEXT NOT NULL)'
    )
