"""Local edits of case headers and reporters → version-checked edits on the server.

SYNC.md "Data rules": a mutable record (case header, reporter) has one owner (the regency)
and a `row_version`; an edit carries its base version and a clash is stored and shown to a
person — never a silent last-writer-wins.

Locally (schema v10) a trigger marks a row dirty (`edit_base` = the server version the
edit started from, `edit_id` = the id it is pushed as) whenever a field of `FIELDS`
changes outside a sync apply; the pull keeps those fields of a dirty row. A sync
(engine.push_edits, regency PCs only) sends every dirty row (`pending`) as one
`record_edit` (the full set of editable fields on its base version; the server applies it
when the base is still current) and `acknowledge` records the answer:

- applied → clean again (`server_version` = the new version); a field changed while the
  push was under way keeps the row dirty on the new version;
- conflict (the server moved on) or rejected (e.g. a NIK another reporter holds) → the
  row takes the server's values and a `sync_conflict` row keeps both sides for a person
  (sync/conflicts.py); nothing typed is lost.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from lapor_desktop.db.models import Complaint, Reporter, SyncConflict


@dataclass(frozen=True)
class Field:
    name: str  # the model field (what conflicts and `sync resolve` name)
    server: str  # the central column
    label: str  # for a person


# The fields a client may change by a version-checked edit (a subset of the central
# COMPLAINT_EDITABLE / REPORTER_EDITABLE of c0003; the triggers of m0010 (reporter) and
# m0012 (complaint) list the same columns).
FIELDS: dict[str, tuple[Field, ...]] = {
    "complaint": (
        Field("tracking_id", "tracking_id", "Nomor pelacakan"),
        Field("channel", "channel", "Saluran"),
        Field("klasifikasi", "klasifikasi", "Klasifikasi"),
        Field("title", "title", "Judul"),
        Field("body", "body", "Isi laporan"),
        Field("location_kecamatan", "location_kecamatan", "Kecamatan lokasi"),
        Field("location_desa", "location_desa", "Desa lokasi"),
        Field("location_text", "location_text", "Lokasi"),
        Field("incident_date", "incident_date", "Tanggal kejadian"),
        Field("anonim", "anonim", "Anonim"),
        Field("rahasia", "rahasia", "Rahasia"),
        Field("category", "category_code", "Kategori"),
        # Schema v12 (issue 18): a duplicate mark, an import update, "entered in LAPOR!".
        Field("duplicate_of", "duplicate_of_id", "Duplikat dari"),
        Field("lapor_status", "lapor_status", "Status LAPOR!"),
        Field("lapor_entered_bucket", "lapor_entered_bucket", "Status tercatat di LAPOR!"),
        Field("lapor_entered_answer", "lapor_entered_answer", "Jawaban tercatat di LAPOR!"),
        Field("lapor_entered_at", "lapor_entered_at", "Dicatat di LAPOR! pada"),
    ),
    "reporter": (
        Field("nik", "nik", "NIK"),
        Field("name", "name", "Nama"),
        Field("sex", "sex", "Jenis kelamin"),
        Field("birth_date", "birth_date", "Tanggal lahir"),
        Field("address", "address", "Alamat"),
        Field("kecamatan", "kecamatan", "Kecamatan"),
        Field("desa", "desa", "Desa"),
        Field("phone", "phone", "Telepon"),
        Field("email", "email", "Email"),
        Field("identity_check", "identity_check", "Pemeriksaan identitas (KTP)"),
    ),
}
MODELS: dict[str, Any] = {"complaint": Complaint, "reporter": Reporter}
DATE_FIELDS = frozenset({"incident_date", "birth_date"})
DATETIME_FIELDS = frozenset({"lapor_entered_at"})
UUID_FIELDS = frozenset({"duplicate_of"})  # SQLite keeps them as 32 hex digits
BOOL_FIELDS = frozenset({"anonim", "rahasia"})


def columns(entity: str) -> tuple[str, ...]:
    """The local columns of the editable fields (a dirty row keeps them on pull)."""
    model = MODELS[entity]
    return tuple(model._meta.fields[f.name].column_name for f in FIELDS[entity])


def plain(value: Any) -> Any:
    """A field value as JSON (dates as ISO text, ids as text)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def normal(name: str, value: Any) -> Any:
    """A value as `plain` gives it, also when it came from SQLite's JSON (0/1 booleans,
    "YYYY-MM-DD HH:MM:SS" times, undashed UUIDs)."""
    if name in BOOL_FIELDS and value is not None:
        return bool(value)
    if isinstance(value, str) and value:
        if name in DATETIME_FIELDS:
            return datetime.fromisoformat(value).isoformat()
        if name in UUID_FIELDS:
            return str(uuid.UUID(value))
    return plain(value)


def typed(name: str, value: Any) -> Any:
    """A JSON value back into the field's Python value."""
    if name in DATE_FIELDS and isinstance(value, str):
        return date.fromisoformat(value)
    if name in DATETIME_FIELDS and isinstance(value, str):
        return datetime.fromisoformat(value)
    if name in UUID_FIELDS and isinstance(value, str):
        return uuid.UUID(value)
    return value


def values_of(entity: str, entity_id: str) -> dict[str, Any] | None:
    """The editable fields of a local row, as JSON values (None: no such row)."""
    model = MODELS[entity]
    fields = [model._meta.fields[f.name] for f in FIELDS[entity]]
    row = model.select(*fields).where(model.id == entity_id).dicts().first()
    if row is None:
        return None
    return {f.name: plain(row[f.name]) for f in FIELDS[entity]}


def to_server(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    return {f.server: values[f.name] for f in FIELDS[entity] if f.name in values}


def from_server(entity: str, row: dict[str, Any]) -> dict[str, Any]:
    return {f.name: plain(row[f.server]) for f in FIELDS[entity] if f.server in row}


@dataclass(frozen=True)
class Edit:
    """One dirty row, as it is pushed: only the fields changed since `base` (the row as
    the server last had it) go to the server."""

    id: str  # the record_edit id (uuid text)
    entity: str
    entity_id: str
    base_version: int
    values: dict[str, Any]  # the changed fields: name -> JSON value
    base: dict[str, Any]  # every editable field before the edit

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "base_version": self.base_version,
            "changes": to_server(self.entity, self.values),
        }


@dataclass(frozen=True)
class Outcome:
    """The server's answer to one edit."""

    outcome: str  # applied | conflict | rejected | pending
    current_version: int | None
    reason: str
    conflict_id: str | None  # the server's sync_conflict row (outcome conflict)
    theirs: dict[str, Any] | None  # the server's row now (server columns + row_version)


def _dirty(entity: str, *, on_server_only: bool) -> list[tuple[Edit | None, str]]:
    """Every dirty row of `entity`: its Edit (None when nothing differs any more from the
    version it started from, e.g. a field changed and changed back) and its id."""
    model = MODELS[entity]
    fields = [model._meta.fields[f.name] for f in FIELDS[entity]]
    where = model.edit_base.is_null(False)
    if on_server_only:
        where &= model.pushed_at.is_null(False)
    query = model.select(model.id, model.edit_base, model.edit_id, model.edit_from, *fields)
    out: list[tuple[Edit | None, str]] = []
    for r in query.where(where).dicts():
        now = {f.name: plain(r[f.name]) for f in FIELDS[entity]}
        before = json.loads(r["edit_from"]) if r["edit_from"] else None
        base = now if before is None else {k: normal(k, before.get(k)) for k in now}
        changed = now if before is None else {k: v for k, v in now.items() if base[k] != v}
        edit_id = str(uuid.UUID(r["edit_id"] or uuid.uuid4().hex))
        edit = Edit(edit_id, entity, str(r["id"]), int(r["edit_base"]), changed, base)
        out.append((edit if changed else None, str(r["id"])))
    return out


def pending() -> list[Edit]:
    """Every unsent edit of a row that is already on the server (a row not yet inserted
    there goes with its current values in the insert itself)."""
    return [e for entity in MODELS for e, _ in _dirty(entity, on_server_only=True) if e]


def has_unchanged() -> bool:
    return any(e is None for entity in MODELS for e, _ in _dirty(entity, on_server_only=False))


def settle_unchanged() -> None:
    """Rows marked dirty whose fields are back to what they were: clean again."""
    for entity in MODELS:
        for edit, row_id in _dirty(entity, on_server_only=False):
            if edit is None:
                _set_fields(entity, row_id, {}, edit_base=None, edit_id=None, edit_from=None)


def mark_edited(entity: str, entity_id: str, base_version: int, base: dict[str, Any]) -> None:
    """The row differs from `base` (the server's fields at `base_version`) by a person's
    choice: send the difference at the next sync (sync/conflicts.py)."""
    model = MODELS[entity]
    current = model.select(model.edit_id).where(model.id == entity_id).scalar()
    _set_fields(
        entity,
        entity_id,
        {},
        edit_base=base_version,
        edit_id=current or uuid.uuid4().hex,
        edit_from=json.dumps(base),
    )


def _set_fields(entity: str, entity_id: str, values: dict[str, Any], **extra: Any) -> None:
    model = MODELS[entity]
    data = {model._meta.fields[k]: typed(k, v) for k, v in values.items()}
    data.update({model._meta.fields[k]: v for k, v in extra.items()})
    model.update(data).where(model.id == entity_id).execute()


def _applied(edit: Edit, version: int) -> None:
    now = values_of(edit.entity, edit.entity_id) or {}
    server = {**edit.base, **edit.values}  # what the server holds now, at `version`
    if now == server:
        _set_fields(edit.entity, edit.entity_id, {}, edit_base=None, edit_id=None,
                    edit_from=None, server_version=version)  # fmt: skip
    else:  # changed again while the push was under way: dirty on the new version
        _set_fields(edit.entity, edit.entity_id, {}, edit_base=version,
                    edit_id=uuid.uuid4().hex, edit_from=json.dumps(server),
                    server_version=version)  # fmt: skip


def _clashed(edit: Edit, out: Outcome, now: datetime) -> None:
    """Keep both sides in a conflict row; the local row takes the server's values."""
    current = values_of(edit.entity, edit.entity_id) or dict(edit.values)
    # Mine: what this PC changed (also a field changed while the push was under way).
    mine = {k: v for k, v in current.items() if k in edit.values or edit.base.get(k) != v}
    theirs_row = out.theirs or {}
    theirs = from_server(edit.entity, theirs_row)
    version = int(theirs_row.get("row_version") or out.current_version or edit.base_version)
    SyncConflict.insert(
        id=out.conflict_id or str(uuid.uuid4()),
        entity=edit.entity,
        entity_id=edit.entity_id,
        other_id=edit.id,
        reason=out.reason or "Perubahan ditolak server pusat.",
        at=now,
        resolved=False,
        mine=json.dumps(mine),
        theirs=json.dumps(theirs),
        base_version=version,
    ).on_conflict(
        conflict_target=[SyncConflict.id],
        update={
            SyncConflict.mine: json.dumps(mine),
            SyncConflict.theirs: json.dumps(theirs),
            SyncConflict.base_version: version,
        },
    ).execute()
    _set_fields(edit.entity, edit.entity_id, theirs, edit_base=None, edit_id=None,
                edit_from=None, server_version=version)  # fmt: skip


def acknowledge(edits: Sequence[Edit], outcomes: dict[str, Outcome], now: datetime) -> int:
    """Record the server's answers (inside the caller's IMMEDIATE transaction with the
    sync flag on, so these writes do not mark the rows dirty again); the clashes."""
    clashes = 0
    for edit in edits:
        out = outcomes.get(edit.id)
        if out is None or out.outcome == "pending":
            continue  # not stored on the server: pushed again next time
        if out.outcome == "applied" and out.current_version is not None:
            _applied(edit, out.current_version)
        else:
            _clashed(edit, out, now)
            clashes += 1
    return clashes
