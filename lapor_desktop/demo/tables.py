"""The tables the demo writes, with their columns taken from the peewee models (the one
definition of the schema besides the migrations): every row the demo builds is a tuple in
its model's field order (`Model._meta.sorted_fields`), so a column added to a model
without a value here fails the load loudly instead of shifting values."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import Model

from lapor_desktop.db.models import CaseAction, Complaint, Letter, Reporter, User

# Sync state (schema v9, v10) that demo rows leave to the columns' defaults: demo data was
# never on a central server (pushed_at NULL), every demo action is accepted, and no edit
# waits to be sent (edit_base NULL).
SYNC_COLUMNS = frozenset(
    {"pushed_at", "accepted", "reason", "server_version", "edit_base", "edit_id", "edit_from"}
)
# Schema v11 (LAPOR! import, duplicates): NULL for demo rows (no LAPOR! accounts, no
# duplicates, nothing marked as entered in LAPOR!).
LAPOR_COLUMNS = frozenset(
    {
        "lapor_account",
        "duplicate_of_id",
        "lapor_entered_bucket",
        "lapor_entered_answer",
        "lapor_entered_at",
        "lapor_status",
    }
)


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]

    @classmethod
    def of(cls, model: type[Model]) -> Table:
        meta = model._meta  # peewee's documented model metadata
        names = (f.column_name for f in meta.sorted_fields)
        left = SYNC_COLUMNS | LAPOR_COLUMNS
        return cls(meta.table_name, tuple(c for c in names if c not in left))


COMPLAINT = Table.of(Complaint)
CASE_ACTION = Table.of(CaseAction)
REPORTER = Table.of(Reporter)
LETTER = Table.of(Letter)
USER = Table.of(User)
