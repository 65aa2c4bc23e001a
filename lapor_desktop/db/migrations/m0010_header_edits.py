"""Schema version 10: local edits of case headers and reporters reach the central server
as version-checked edits (SYNC.md "Data rules"), and a clash can be resolved by a person.

- `server_version` on complaint and reporter: the central `row_version` this PC last
  received (the local `row_version` also moves with local transitions, so it cannot say
  which server version an edit started from). Every central row was at version 1 until
  clients pushed edits (none did before this version), so 1 is right for existing rows.
- `edit_base` / `edit_id` / `edit_from`: the "dirty since version N" marker. NULL =
  nothing unsent; otherwise the server version the unsent edit started from, the id of
  the `record_edit` row it will be pushed as (kept until the server answered, so a
  replayed push is recognised) and the editable fields as they were before the first
  edit (a JSON object by field name), so that only the fields a person changed are sent
  and offered in a conflict. A trigger sets them whenever a column the server lets a
  client edit changes, except inside a sync apply (`sync_state.applying`) and on an OPD
  PC (an OPD login has no right to edit headers: the server's copy wins there).
  A pull never overwrites those columns of a row that is dirty.
- `sync_conflict.mine` / `theirs` (JSON objects of the edited fields; `theirs` holds the
  server's values and `base_version` the server version they are at), `resolution`
  ('mine' | 'theirs' | 'merge') and `resolved_at`.
"""

from __future__ import annotations

from peewee import Database
from playhouse.migrate import SchemaMigrator

VERSION = 10

# Frozen copies (a migration never changes): the columns a header/reporter edit may touch.
COMPLAINT_COLUMNS = (
    "tracking_id", "channel", "klasifikasi", "title", "body", "location_kecamatan",
    "location_desa", "location_text", "incident_date", "anonim", "rahasia", "category_id",
)  # fmt: skip
FIELD_NAMES = {"category_id": "category"}  # the JSON keys are the model's field names
REPORTER_COLUMNS = (
    "nik", "name", "sex", "birth_date", "address", "kecamatan", "desa", "phone", "email",
    "identity_check",
)  # fmt: skip

NOT_APPLYING = 'coalesce((SELECT "applying" FROM "sync_state" WHERE "id" = 1), 0) = 0'
NOT_OPD = 'coalesce((SELECT "audience" FROM "sync_state" WHERE "id" = 1), \'\') <> \'opd\''


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
    for table, columns in (("complaint", COMPLAINT_COLUMNS), ("reporter", REPORTER_COLUMNS)):
        db.execute_sql(
            f'ALTER TABLE "{table}" ADD COLUMN "server_version" INTEGER NOT NULL DEFAULT 1'
        )
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "edit_base" INTEGER')
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "edit_id" TEXT')
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "edit_from" TEXT')
        db.execute_sql(
            f'CREATE INDEX "{table}_dirty" ON "{table}" ("id") WHERE "edit_base" IS NOT NULL'
        )
        db.execute_sql(_trigger(table, columns))
    for sql in (
        'ALTER TABLE "sync_conflict" ADD COLUMN "mine" TEXT',
        'ALTER TABLE "sync_conflict" ADD COLUMN "theirs" TEXT',
        'ALTER TABLE "sync_conflict" ADD COLUMN "base_version" INTEGER',
        'ALTER TABLE "sync_conflict" ADD COLUMN "resolution" TEXT',
        'ALTER TABLE "sync_conflict" ADD COLUMN "resolved_at" DATETIME',
    ):
        db.execute_sql(sql)
