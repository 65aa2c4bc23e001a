"""Schema version 3: indexes for the monthly summary and Ombudsman lists (issue 5).

The monthly summary counts actions of a kind in a period and escalated cases; without
these it read most of both tables.
"""

from __future__ import annotations

from peewee import Database
from playhouse.migrate import SchemaMigrator, migrate

VERSION = 3


def upgrade(db: Database, migrator: SchemaMigrator) -> None:
    migrate(
        migrator.add_index("case_action", ("action", "at"), False),
        migrator.add_index("complaint", ("escalated_at",), False),
    )
