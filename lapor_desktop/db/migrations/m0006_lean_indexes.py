"""Schema version 6: indexes that no query uses are dropped.

Every index costs on each insert, in the file (the history of 100k cases carried 350 MB of
indexes) and in a bulk load (demo data rebuilds each one by scanning its whole encrypted
table: the history's ones took 2–3 s each for 100k cases). Dropped:

- single-column indexes that are the first column of a wider index, which serves the same
  lookups: complaint(received_at) — complaint_walk_received; complaint(opd_id) —
  complaint_opd_status; case_action(complaint_id) — the unique (complaint_id, seq);
  case_action(office_id) — case_action_office_complaint;
- indexes peewee adds to every foreign key, where nothing looks rows up by that key:
  complaint rule set, intake office and author; case_action user and target OPD. Such an
  index only speeds up deleting or renumbering the parent row, and users, offices and rule
  sets are disabled or superseded: no service deletes one (a deletion would still be
  checked, by a scan).
"""

from __future__ import annotations

from peewee import Database
from playhouse.migrate import SchemaMigrator

VERSION = 6

DROPPED = (
    "complaint_received_at",
    "complaint_opd_id",
    "complaint_rule_set_id",
    "complaint_intake_office_id",
    "complaint_created_by_id",
    "case_action_complaint_id",
    "case_action_office_id",
    "case_action_user_id",
    "case_action_opd_id",
)


def upgrade(db: Database, migrator: SchemaMigrator) -> None:
    for name in DROPPED:
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
