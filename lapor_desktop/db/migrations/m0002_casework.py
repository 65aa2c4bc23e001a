"""Schema version 2: casework (issue 3).

- complaint: the current deadline (the clock of the current stage, its due date and the
  day from which it counts as "due soon") and the escalation due date, kept with every
  action so work lists and filters run in SQL;
- reminder_sent: which reminder (case, clock, stage) was already shown, so none repeats.
"""

from __future__ import annotations

from peewee import CharField, Database, DateField
from playhouse.migrate import SchemaMigrator, migrate

VERSION = 2


def upgrade(db: Database, migrator: SchemaMigrator) -> None:
    migrate(
        migrator.add_column("complaint", "due_clock", CharField(max_length=20, null=True)),
        migrator.add_column("complaint", "due_date", DateField(null=True)),
        migrator.add_column("complaint", "due_soon_from", DateField(null=True)),
        migrator.add_column("complaint", "escalation_due", DateField(null=True)),
        migrator.add_index("complaint", ("due_date",), False),
        migrator.add_index("complaint", ("escalation_due",), False),
    )
    db.execute_sql(
        'CREATE TABLE "reminder_sent" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"user_id" TEXT NOT NULL, "complaint_id" TEXT NOT NULL, "clock" VARCHAR(20) NOT NULL, '
        '"stage" VARCHAR(20) NOT NULL, "due_date" DATE NOT NULL, "at" DATETIME NOT NULL, '
        'FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE, '
        'FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE CASCADE)'
    )
    db.execute_sql(
        'CREATE UNIQUE INDEX "reminder_sent_key" ON "reminder_sent" '
        '("user_id", "complaint_id", "clock", "stage", "due_date")'
    )
