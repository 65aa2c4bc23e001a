"""peewee models of the local database (and, later, of the central one).

Rows that sync carry a client-generated UUID key (SYNC.md). Times are naive local office
time (WIB); the regency works in one time zone and deadlines count local calendar days.
The schema itself is created and changed only by the numbered scripts in `migrations/`;
these classes describe the current schema for queries and must agree with them
(tests/db/test_migrations.py checks that).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    UUIDField,
)

database_proxy = DatabaseProxy()


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class SyncedModel(BaseModel):
    id = UUIDField(primary_key=True, default=uuid.uuid4)


class Office(SyncedModel):
    """The regency admin office (kind 'kabupaten') or an OPD (kind 'opd')."""

    code = CharField(max_length=40, unique=True)
    name = CharField(max_length=200)
    kind = CharField(max_length=20)  # 'kabupaten' | 'opd'
    active = BooleanField(default=True)
    address = CharField(max_length=300, default="")
    phone = CharField(max_length=60, default="")
    email = CharField(max_length=120, default="")
    row_version = IntegerField(default=1)


class User(SyncedModel):
    # Foreign-key id accessors that peewee adds at run time (declared for type checkers).
    office_id: uuid.UUID

    username = CharField(max_length=60, unique=True)
    full_name = CharField(max_length=120)
    nip = CharField(max_length=30, default="")
    role = CharField(max_length=30)
    office = ForeignKeyField(Office, backref="users", on_delete="RESTRICT")
    password_hash = CharField(max_length=200)
    active = BooleanField(default=True)
    failed_attempts = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    must_change_password = BooleanField(default=False)
    created_at = DateTimeField(default=_now)


class Category(BaseModel):
    code = CharField(max_length=40, primary_key=True)
    name = CharField(max_length=200)
    active = BooleanField(default=True)


class RuleSet(SyncedModel):
    name = CharField(max_length=120)
    effective_from = DateField()
    verification_days = IntegerField()
    verification_kind = CharField(max_length=10)
    follow_up_days = IntegerField()
    follow_up_kind = CharField(max_length=10)
    escalation_days = IntegerField()
    escalation_kind = CharField(max_length=10)
    reply_days = IntegerField()
    reply_kind = CharField(max_length=10)


class HolidayOverride(SyncedModel):
    # Foreign-key id accessors that peewee adds at run time (declared for type checkers).
    created_by_id: uuid.UUID | None

    day = DateField(unique=True)
    kind = CharField(max_length=10)  # 'add' | 'remove'
    reason = CharField(max_length=300)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=_now)


class Reporter(SyncedModel):
    # Foreign-key id accessors that peewee adds at run time (declared for type checkers).
    registered_by_id: uuid.UUID | None

    # Personal data: the file is encrypted (SQLCipher); the NIK leaves the services masked
    # except to roles that need it.
    # NULL on an OPD PC (schema v9), which never receives a NIK or a birth date.
    nik = CharField(max_length=16, unique=True, null=True)
    name = CharField(max_length=150)
    sex = CharField(max_length=1)
    birth_date = DateField(null=True)
    address = TextField(default="")
    kecamatan = CharField(max_length=10, default="")
    desa = CharField(max_length=16, default="")
    phone = CharField(max_length=40, default="")
    email = CharField(max_length=120, default="")
    identity_check = CharField(max_length=20, default="none")  # none | ktp_seen | dukcapil
    registered_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=_now)
    row_version = IntegerField(default=1)
    pushed_at = DateTimeField(null=True)  # schema v9: NULL = not yet on the central server
    # Schema v10 (sync/edits.py): the central row_version last received, and the "dirty
    # since server version N" marker with the id of the edit it will be pushed as.
    server_version = IntegerField(default=1)
    edit_base = IntegerField(null=True)
    edit_id = TextField(null=True)
    edit_from = TextField(null=True)  # JSON: the edited fields before the first edit
    # Schema v11: a LAPOR! account (imported without a NIK): its matching key, else NULL.
    lapor_account = CharField(max_length=300, null=True, unique=True)


class Complaint(SyncedModel):
    # Foreign-key id accessors that peewee adds at run time (declared for type checkers).
    reporter_id: uuid.UUID
    category_id: str | None
    opd_id: uuid.UUID | None
    duplicate_of_id: uuid.UUID | None
    rule_set_id: uuid.UUID
    intake_office_id: uuid.UUID
    created_by_id: uuid.UUID

    # Local integer key: the FTS5 index row id and the keyset-paging key (follows intake order).
    num = IntegerField(unique=True)
    ticket = CharField(max_length=40, unique=True)
    tracking_id = CharField(max_length=60, default="")
    reporter = ForeignKeyField(Reporter, backref="complaints", on_delete="RESTRICT")
    channel = CharField(max_length=20)
    klasifikasi = CharField(max_length=20)
    title = CharField(max_length=300)
    body = TextField()
    location_kecamatan = CharField(max_length=10, default="")
    location_desa = CharField(max_length=16, default="")
    location_text = TextField(default="")
    incident_date = DateField(null=True)
    received_at = DateTimeField()  # leads complaint_walk_received (schema v6 dropped its own)
    anonim = BooleanField(default=False)
    rahasia = BooleanField(default=False)
    category = ForeignKeyField(Category, null=True, on_delete="SET NULL")
    # Derived from the actions (the history is the truth); kept here for lists and search.
    status = CharField(max_length=30, index=True)
    # No single-column indexes on these keys (schema v6): opd_id leads wider indexes, and
    # nothing looks cases up by the others.
    opd = ForeignKeyField(Office, null=True, backref="cases", on_delete="RESTRICT", index=False)
    rule_set = ForeignKeyField(RuleSet, on_delete="RESTRICT", index=False)
    intake_office = ForeignKeyField(Office, on_delete="RESTRICT", index=False)
    created_by = ForeignKeyField(User, on_delete="RESTRICT", index=False)
    disposed_at = DateTimeField(null=True)
    answered_at = DateTimeField(null=True)
    closed_at = DateTimeField(null=True)
    escalated_at = DateTimeField(null=True, index=True)  # index: schema v3
    reopen_count = IntegerField(default=0)
    answer_text = TextField(default="")
    created_at = DateTimeField(default=_now)
    row_version = IntegerField(default=1)
    # The deadline of the current stage (schema v2), refreshed by every action.
    due_clock = CharField(max_length=20, null=True)
    due_date = DateField(null=True, index=True)
    due_soon_from = DateField(null=True)
    escalation_due = DateField(null=True, index=True)
    # The OPD's code (schema v5), kept by triggers — never written by the services — so
    # that the case list can sort by OPD through an index instead of a join.
    opd_code = CharField(max_length=30, null=True)
    pushed_at = DateTimeField(null=True)  # schema v9
    server_version = IntegerField(default=1)  # schema v10, as on Reporter
    edit_base = IntegerField(null=True)
    edit_id = TextField(null=True)
    edit_from = TextField(null=True)  # JSON: the edited fields before the first edit
    # Schema v11 (issue 18): the main case of a duplicate; what was last entered in LAPOR!.
    duplicate_of = ForeignKeyField(
        "self", null=True, backref="duplicates", on_delete="RESTRICT", index=False
    )
    lapor_entered_bucket = CharField(max_length=60, null=True)
    lapor_entered_answer = TextField(null=True)
    lapor_entered_at = DateTimeField(null=True)
    lapor_status = CharField(max_length=60, null=True)


class CaseAction(SyncedModel):
    """The immutable history of a case: one row per action, never updated or deleted."""

    # Foreign-key id accessors that peewee adds at run time (declared for type checkers).
    complaint_id: uuid.UUID
    user_id: uuid.UUID | None
    office_id: uuid.UUID | None
    opd_id: uuid.UUID | None

    # Indexed only where looked up (schema v6): (complaint, seq) and (office, complaint).
    complaint = ForeignKeyField(Complaint, backref="actions", on_delete="RESTRICT", index=False)
    seq = IntegerField()  # per-case, gapless, from 1
    action = CharField(max_length=30)
    from_status = CharField(max_length=30, null=True)
    to_status = CharField(max_length=30)
    user = ForeignKeyField(User, null=True, on_delete="RESTRICT", index=False)  # null: system
    role = CharField(max_length=30)
    office = ForeignKeyField(Office, null=True, on_delete="RESTRICT", index=False)
    opd = ForeignKeyField(Office, null=True, on_delete="RESTRICT", index=False)  # target OPD
    note = TextField(default="")
    for_reporter = BooleanField(default=False)  # follow-up note meant for the reporter
    at = DateTimeField()
    # Schema v9: the central server's verdict (a refused action keeps its reason).
    accepted = BooleanField(default=True)
    reason = TextField(null=True)
    pushed_at = DateTimeField(null=True)

    class Meta:
        indexes = (
            (("complaint", "seq"), True),
            (("action", "at"), False),  # schema v3: monthly summary
        )


class Attachment(SyncedModel):
    # Foreign-key id accessors that peewee adds at run time (declared for type checkers).
    complaint_id: uuid.UUID
    added_by_id: uuid.UUID

    complaint = ForeignKeyField(Complaint, backref="attachments", on_delete="RESTRICT")
    sha256 = CharField(max_length=64, index=True)
    filename = CharField(max_length=255)
    mime = CharField(max_length=120)
    size = IntegerField()
    added_by = ForeignKeyField(User, on_delete="RESTRICT")
    added_at = DateTimeField(default=_now)
    pushed_at = DateTimeField(null=True)  # schema v9


class AttachmentContent(BaseModel):
    """The bytes of attachments, inside the encrypted database (schema v7): sealed by
    SQLCipher with the database key, written in the intake's own transaction, carried by
    every backup. Keyed by SHA-256, so a file attached twice is stored once. An attachment
    row whose content is absent lost its file before the v7 upgrade (see m0007)."""

    sha256 = CharField(max_length=64, primary_key=True)
    content = BlobField()


class Letter(SyncedModel):
    """Letters register: one gapless number sequence per office and year."""

    # Foreign-key id accessors that peewee adds at run time (declared for type checkers).
    office_id: uuid.UUID
    complaint_id: uuid.UUID | None
    reserved_by_id: uuid.UUID | None

    office = ForeignKeyField(Office, on_delete="RESTRICT")
    year = IntegerField()
    number = IntegerField()
    full_number = CharField(max_length=120)
    kind = CharField(max_length=30)  # answer | disposition | ombudsman | receipt
    complaint = ForeignKeyField(Complaint, null=True, on_delete="RESTRICT")
    reserved_by = ForeignKeyField(User, null=True, on_delete="RESTRICT")
    reserved_at = DateTimeField(default=_now)
    pushed_at = DateTimeField(null=True)  # schema v9

    class Meta:
        indexes = ((("office", "year", "number"), True),)


class AuditLog(BaseModel):
    # Foreign-key id accessors that peewee adds at run time (declared for type checkers).
    user_id: uuid.UUID | None

    id = AutoField()
    at = DateTimeField(default=_now, index=True)
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    username = CharField(max_length=60, default="")
    event = CharField(max_length=60)
    entity = CharField(max_length=40, default="")
    entity_id = CharField(max_length=60, default="")
    detail = TextField(default="")


class ReminderSent(BaseModel):
    """A reminder already shown to a user for a case, clock and stage (schema v2)."""

    # Foreign-key id accessors that peewee adds at run time (declared for type checkers).
    user_id: uuid.UUID
    complaint_id: uuid.UUID

    id = AutoField()
    # Looked up by the whole key below, which leads with the user: no index of their own.
    user = ForeignKeyField(User, on_delete="CASCADE", index=False)
    complaint = ForeignKeyField(Complaint, on_delete="CASCADE", index=False)
    clock = CharField(max_length=20)
    stage = CharField(max_length=20)
    due_date = DateField()
    at = DateTimeField()

    class Meta:
        indexes = ((("user", "complaint", "clock", "stage", "due_date"), True),)


class SyncState(BaseModel):
    """Schema v9: the one row of this PC's sync state (see migrations/m0009)."""

    id = IntegerField(primary_key=True)
    checkpoint = IntegerField(default=0)  # only moves forward (a trigger refuses less)
    audience = CharField(max_length=10, default="")  # '' (not joined) | regency | opd
    login = CharField(max_length=63, default="")
    office_id = TextField(null=True)
    joined_at = DateTimeField(null=True)
    last_sync = DateTimeField(null=True)
    applying = IntegerField(default=0)


class SyncLog(BaseModel):
    """Schema v9: one row per sync cycle, successful or not."""

    id = AutoField()
    at = DateTimeField()
    ok = BooleanField()
    pushed = IntegerField(default=0)
    pulled = IntegerField(default=0)
    rejected = IntegerField(default=0)
    conflicts = IntegerField(default=0)
    checkpoint = IntegerField(default=0)
    seconds = FloatField(default=0)
    error = TextField(default="")


class SyncFailed(BaseModel):
    """Schema v9: a row the central server refused for good, with its reason."""

    id = AutoField()
    entity = CharField(max_length=20)
    entity_id = TextField()
    reason = TextField()
    at = DateTimeField()
    resolved = BooleanField(default=False)

    class Meta:
        indexes = ((("entity", "entity_id"), True),)


class SyncConflict(BaseModel):
    """Schema v9: a clash the central server recorded, for a person to resolve."""

    id = TextField(primary_key=True)
    entity = CharField(max_length=20)
    entity_id = TextField()
    other_id = TextField(null=True)
    reason = TextField()
    at = DateTimeField()
    resolved = BooleanField(default=False)
    # Schema v10: both sides of an edit clash (JSON objects field -> value), the server
    # version `theirs` is at, and how a person resolved it.
    mine = TextField(null=True)
    theirs = TextField(null=True)
    base_version = IntegerField(null=True)
    resolution = TextField(null=True)
    resolved_at = DateTimeField(null=True)


class Setting(BaseModel):
    key = CharField(max_length=80, primary_key=True)
    value = TextField()


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Office,
    User,
    Category,
    RuleSet,
    HolidayOverride,
    Reporter,
    Complaint,
    CaseAction,
    Attachment,
    AttachmentContent,
    Letter,
    AuditLog,
    ReminderSent,
    SyncState,
    SyncLog,
    SyncFailed,
    SyncConflict,
    Setting,
)
