"""Schema version 8: the records `verify` looks up are found by index, not by a scan.

A produced document's pointer (`surat_sidik`) and the SHA-256 of each produced file
(`surat_berkas`) are audit entries, looked up by their key (a letter number or a ticket)
when a document is printed and when one is verified. Without an index each lookup read
the whole encrypted audit log: ~3.4 s at a million entries (a busy regency's few years),
on every print. Two partial indexes cover only those two events, so the rest of the audit
log pays nothing on insert and takes no room; the queries name the event as a literal
(services/verification.py), which is what lets SQLite use a partial index.
"""

from __future__ import annotations

from peewee import Database
from playhouse.migrate import SchemaMigrator

VERSION = 8

INDEXES = (
    'CREATE INDEX "audit_log_sidik" ON "audit_log" ("entity_id") WHERE "event" = \'surat_sidik\'',
    'CREATE INDEX "audit_log_berkas" ON "audit_log" ("entity_id") WHERE "event" = \'surat_berkas\'',
)


def upgrade(db: Database, migrator: SchemaMigrator) -> None:
    for sql in INDEXES:
        db.execute_sql(sql)
