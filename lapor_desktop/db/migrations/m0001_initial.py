"""Schema version 1: the foundation (issue 2).

Frozen DDL, not generated from the models at run time, so later model changes cannot
alter what this step creates.
"""

from __future__ import annotations

from peewee import Database
from playhouse.migrate import SchemaMigrator

VERSION = 1

TABLES = (
    """CREATE TABLE "office" ("id" TEXT NOT NULL PRIMARY KEY, "code" VARCHAR(40) NOT NULL, "name" VARCHAR(200) NOT NULL, "kind" VARCHAR(20) NOT NULL, "active" INTEGER NOT NULL, "address" VARCHAR(300) NOT NULL, "phone" VARCHAR(60) NOT NULL, "email" VARCHAR(120) NOT NULL, "row_version" INTEGER NOT NULL)""",
    """CREATE UNIQUE INDEX "office_code" ON "office" ("code")""",
    """CREATE TABLE "user" ("id" TEXT NOT NULL PRIMARY KEY, "username" VARCHAR(60) NOT NULL, "full_name" VARCHAR(120) NOT NULL, "nip" VARCHAR(30) NOT NULL, "role" VARCHAR(30) NOT NULL, "office_id" TEXT NOT NULL, "password_hash" VARCHAR(200) NOT NULL, "active" INTEGER NOT NULL, "failed_attempts" INTEGER NOT NULL, "locked_until" DATETIME, "must_change_password" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("office_id") REFERENCES "office" ("id") ON DELETE RESTRICT)""",
    """CREATE UNIQUE INDEX "user_username" ON "user" ("username")""",
    """CREATE INDEX "user_office_id" ON "user" ("office_id")""",
    """CREATE TABLE "reporter" ("id" TEXT NOT NULL PRIMARY KEY, "nik" VARCHAR(16) NOT NULL, "name" VARCHAR(150) NOT NULL, "sex" VARCHAR(1) NOT NULL, "birth_date" DATE NOT NULL, "address" TEXT NOT NULL, "kecamatan" VARCHAR(10) NOT NULL, "desa" VARCHAR(16) NOT NULL, "phone" VARCHAR(40) NOT NULL, "email" VARCHAR(120) NOT NULL, "identity_check" VARCHAR(20) NOT NULL, "registered_by_id" TEXT, "created_at" DATETIME NOT NULL, "row_version" INTEGER NOT NULL, FOREIGN KEY ("registered_by_id") REFERENCES "user" ("id") ON DELETE SET NULL)""",
    """CREATE UNIQUE INDEX "reporter_nik" ON "reporter" ("nik")""",
    """CREATE INDEX "reporter_registered_by_id" ON "reporter" ("registered_by_id")""",
    """CREATE TABLE "category" ("code" VARCHAR(40) NOT NULL PRIMARY KEY, "name" VARCHAR(200) NOT NULL, "active" INTEGER NOT NULL)""",
    """CREATE TABLE "rule_set" ("id" TEXT NOT NULL PRIMARY KEY, "name" VARCHAR(120) NOT NULL, "effective_from" DATE NOT NULL, "verification_days" INTEGER NOT NULL, "verification_kind" VARCHAR(10) NOT NULL, "follow_up_days" INTEGER NOT NULL, "follow_up_kind" VARCHAR(10) NOT NULL, "escalation_days" INTEGER NOT NULL, "escalation_kind" VARCHAR(10) NOT NULL, "reply_days" INTEGER NOT NULL, "reply_kind" VARCHAR(10) NOT NULL)""",
    """CREATE TABLE "complaint" ("id" TEXT NOT NULL PRIMARY KEY, "num" INTEGER NOT NULL, "ticket" VARCHAR(40) NOT NULL, "tracking_id" VARCHAR(60) NOT NULL, "reporter_id" TEXT NOT NULL, "channel" VARCHAR(20) NOT NULL, "klasifikasi" VARCHAR(20) NOT NULL, "title" VARCHAR(300) NOT NULL, "body" TEXT NOT NULL, "location_kecamatan" VARCHAR(10) NOT NULL, "location_desa" VARCHAR(16) NOT NULL, "location_text" TEXT NOT NULL, "incident_date" DATE, "received_at" DATETIME NOT NULL, "anonim" INTEGER NOT NULL, "rahasia" INTEGER NOT NULL, "category_id" VARCHAR(40), "status" VARCHAR(30) NOT NULL, "opd_id" TEXT, "rule_set_id" TEXT NOT NULL, "intake_office_id" TEXT NOT NULL, "created_by_id" TEXT NOT NULL, "disposed_at" DATETIME, "answered_at" DATETIME, "closed_at" DATETIME, "escalated_at" DATETIME, "reopen_count" INTEGER NOT NULL, "answer_text" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "row_version" INTEGER NOT NULL, FOREIGN KEY ("reporter_id") REFERENCES "reporter" ("id") ON DELETE RESTRICT, FOREIGN KEY ("category_id") REFERENCES "category" ("code") ON DELETE SET NULL, FOREIGN KEY ("opd_id") REFERENCES "office" ("id") ON DELETE RESTRICT, FOREIGN KEY ("rule_set_id") REFERENCES "rule_set" ("id") ON DELETE RESTRICT, FOREIGN KEY ("intake_office_id") REFERENCES "office" ("id") ON DELETE RESTRICT, FOREIGN KEY ("created_by_id") REFERENCES "user" ("id") ON DELETE RESTRICT)""",
    """CREATE UNIQUE INDEX "complaint_num" ON "complaint" ("num")""",
    """CREATE UNIQUE INDEX "complaint_ticket" ON "complaint" ("ticket")""",
    """CREATE INDEX "complaint_reporter_id" ON "complaint" ("reporter_id")""",
    """CREATE INDEX "complaint_received_at" ON "complaint" ("received_at")""",
    """CREATE INDEX "complaint_category_id" ON "complaint" ("category_id")""",
    """CREATE INDEX "complaint_status" ON "complaint" ("status")""",
    """CREATE INDEX "complaint_opd_id" ON "complaint" ("opd_id")""",
    """CREATE INDEX "complaint_rule_set_id" ON "complaint" ("rule_set_id")""",
    """CREATE INDEX "complaint_intake_office_id" ON "complaint" ("intake_office_id")""",
    """CREATE INDEX "complaint_created_by_id" ON "complaint" ("created_by_id")""",
    """CREATE TABLE "attachment" ("id" TEXT NOT NULL PRIMARY KEY, "complaint_id" TEXT NOT NULL, "sha256" VARCHAR(64) NOT NULL, "filename" VARCHAR(255) NOT NULL, "mime" VARCHAR(120) NOT NULL, "size" INTEGER NOT NULL, "added_by_id" TEXT NOT NULL, "added_at" DATETIME NOT NULL, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT, FOREIGN KEY ("added_by_id") REFERENCES "user" ("id") ON DELETE RESTRICT)""",
    """CREATE INDEX "attachment_complaint_id" ON "attachment" ("complaint_id")""",
    """CREATE INDEX "attachment_sha256" ON "attachment" ("sha256")""",
    """CREATE INDEX "attachment_added_by_id" ON "attachment" ("added_by_id")""",
    """CREATE TABLE "audit_log" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "user_id" TEXT, "username" VARCHAR(60) NOT NULL, "event" VARCHAR(60) NOT NULL, "entity" VARCHAR(40) NOT NULL, "entity_id" VARCHAR(60) NOT NULL, "detail" TEXT NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE SET NULL)""",
    """CREATE INDEX "audit_log_at" ON "audit_log" ("at")""",
    """CREATE INDEX "audit_log_user_id" ON "audit_log" ("user_id")""",
    """CREATE TABLE "case_action" ("id" TEXT NOT NULL PRIMARY KEY, "complaint_id" TEXT NOT NULL, "seq" INTEGER NOT NULL, "action" VARCHAR(30) NOT NULL, "from_status" VARCHAR(30), "to_status" VARCHAR(30) NOT NULL, "user_id" TEXT, "role" VARCHAR(30) NOT NULL, "office_id" TEXT, "opd_id" TEXT, "note" TEXT NOT NULL, "for_reporter" INTEGER NOT NULL, "at" DATETIME NOT NULL, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE RESTRICT, FOREIGN KEY ("office_id") REFERENCES "office" ("id") ON DELETE RESTRICT, FOREIGN KEY ("opd_id") REFERENCES "office" ("id") ON DELETE RESTRICT)""",
    """CREATE INDEX "case_action_complaint_id" ON "case_action" ("complaint_id")""",
    """CREATE INDEX "case_action_user_id" ON "case_action" ("user_id")""",
    """CREATE INDEX "case_action_office_id" ON "case_action" ("office_id")""",
    """CREATE INDEX "case_action_opd_id" ON "case_action" ("opd_id")""",
    """CREATE UNIQUE INDEX "case_action_complaint_id_seq" ON "case_action" ("complaint_id", "seq")""",
    """CREATE TABLE "holiday_override" ("id" TEXT NOT NULL PRIMARY KEY, "day" DATE NOT NULL, "kind" VARCHAR(10) NOT NULL, "reason" VARCHAR(300) NOT NULL, "created_by_id" TEXT, "created_at" DATETIME NOT NULL, FOREIGN KEY ("created_by_id") REFERENCES "user" ("id") ON DELETE SET NULL)""",
    """CREATE UNIQUE INDEX "holiday_override_day" ON "holiday_override" ("day")""",
    """CREATE INDEX "holiday_override_created_by_id" ON "holiday_override" ("created_by_id")""",
    """CREATE TABLE "letter" ("id" TEXT NOT NULL PRIMARY KEY, "office_id" TEXT NOT NULL, "year" INTEGER NOT NULL, "number" INTEGER NOT NULL, "full_number" VARCHAR(120) NOT NULL, "kind" VARCHAR(30) NOT NULL, "complaint_id" TEXT, "reserved_by_id" TEXT, "reserved_at" DATETIME NOT NULL, FOREIGN KEY ("office_id") REFERENCES "office" ("id") ON DELETE RESTRICT, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT, FOREIGN KEY ("reserved_by_id") REFERENCES "user" ("id") ON DELETE RESTRICT)""",
    """CREATE INDEX "letter_office_id" ON "letter" ("office_id")""",
    """CREATE INDEX "letter_complaint_id" ON "letter" ("complaint_id")""",
    """CREATE INDEX "letter_reserved_by_id" ON "letter" ("reserved_by_id")""",
    """CREATE UNIQUE INDEX "letter_office_id_year_number" ON "letter" ("office_id", "year", "number")""",
    """CREATE TABLE "setting" ("key" VARCHAR(80) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)""",
)

# Full-text index over case title, body, location, ticket and LAPOR! tracking ID; its rowid
# is complaint.num (a stable integer, unlike SQLite's implicit rowid, which VACUUM may renumber).
FTS = (
    """CREATE VIRTUAL TABLE "complaint_fts" USING fts5(title, body, location, ticket, """
    """tracking_id, tokenize = 'unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER "complaint_fts_ai" AFTER INSERT ON "complaint" BEGIN
        INSERT INTO complaint_fts(rowid, title, body, location, ticket, tracking_id)
        VALUES (new.num, new.title, new.body, new.location_text, new.ticket, new.tracking_id);
    END""",
    """CREATE TRIGGER "complaint_fts_au" AFTER UPDATE OF title, body, location_text, ticket,
        tracking_id, num ON "complaint" BEGIN
        DELETE FROM complaint_fts WHERE rowid = old.num;
        INSERT INTO complaint_fts(rowid, title, body, location, ticket, tracking_id)
        VALUES (new.num, new.title, new.body, new.location_text, new.ticket, new.tracking_id);
    END""",
    """CREATE TRIGGER "complaint_fts_ad" AFTER DELETE ON "complaint" BEGIN
        DELETE FROM complaint_fts WHERE rowid = old.num;
    END""",
)

# The history and the audit trail are append-only, whatever code runs against the file.
APPEND_ONLY = tuple(
    f"""CREATE TRIGGER "{table}_no_{op.lower()}" BEFORE {op} ON "{table}" BEGIN
        SELECT RAISE(ABORT, '{table} hanya boleh ditambah, tidak boleh diubah atau dihapus');
    END"""
    for table in ("case_action", "audit_log")
    for op in ("UPDATE", "DELETE")
)


def upgrade(db: Database, migrator: SchemaMigrator) -> None:
    for sql in (*TABLES, *FTS, *APPEND_ONLY):
        db.execute_sql(sql)
