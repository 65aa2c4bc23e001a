"""Applying a pulled window to the local database (SYNC.md "The change feed").

Called inside the caller's `atomic("IMMEDIATE")` transaction together with the new
checkpoint, so a crash re-pulls the same window; every row is an idempotent upsert by its
id. The server is the truth for what it sends: numbers, status, verdicts.

Done here: reference data, reporters, case headers and actions, the server's verdict on
own actions (`accepted`/`reason`), conflicts; on an OPD PC the `complaint_opd` rows (a
reporter without NIK or birth date; an anonymous case gets a stand-in reporter that holds
nothing), revocations (the case is purged locally), letters with the server's number.
Not yet: attachments.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lapor_desktop.db.models import (
    Attachment,
    CaseAction,
    Category,
    Complaint,
    HolidayOverride,
    Letter,
    Office,
    Reporter,
    RuleSet,
    SyncConflict,
    SyncState,
    User,
    database_proxy,
)

UNUSABLE_HASH = "!"  # a person who never signed in on this PC cannot sign in offline


@dataclass
class _Run:
    """What one apply learns about the database it writes (never shared by two applies:
    one process may sync two databases, one after the other or from two threads)."""

    known_users: set[str] = field(default_factory=set)  # ids present in the user table
    dirty: dict[str, set[str]] = field(default_factory=dict)  # unsent local edits
    cases: set[str] = field(default_factory=set)  # cases whose deadlines to recompute
    login: str = ""  # who this PC syncs as
    edit_ids: set[str] = field(default_factory=set)  # record_edit rows of the window


_RUN: ContextVar[_Run | None] = ContextVar("lapor_sync_apply", default=None)


@contextmanager
def _run() -> Iterator[_Run]:
    from lapor_desktop.sync.edits import MODELS

    state = SyncState.get_or_none(SyncState.id == 1)
    run = _Run(login=state.login if state else "")
    for entity, model in MODELS.items():
        query: Any = model.select(model.id).where(model.edit_base.is_null(False)).tuples()
        run.dirty[entity] = {str(row[0]) for row in query}
    token = _RUN.set(run)
    try:
        yield run
    finally:
        _RUN.reset(token)


def _keep_edited(entity: str, row_id: str) -> tuple[str, ...]:
    """The columns a pull must not overwrite: a local edit not yet sent (sync/edits.py)."""
    from lapor_desktop.sync.edits import columns

    run = _RUN.get()
    if run is None or row_id not in run.dirty.get(entity, ()):
        return ()
    return columns(entity)


def _s(v: Any) -> str | None:
    return None if v is None else str(v)


_STATEMENTS: dict[tuple[Any, tuple[str, ...], tuple[str, ...]], str] = {}


def _upsert(model: Any, row: dict[str, Any], keep: tuple[str, ...] = ()) -> None:
    """INSERT … ON CONFLICT (primary key) DO UPDATE every column but `keep`, as one
    prepared statement per (table, columns): a first sync applies tens of thousands of
    rows, and building each through peewee's query objects cost ~2 ms a row. The row must
    carry every NOT NULL column (SQLite checks them before it sees the conflict): local
    columns the server does not send get their model default on insert and are kept."""
    row = dict(row)
    for f in model._meta.sorted_fields:
        if f.column_name not in row and not f.null and f.default is not None:
            row[f.column_name] = f.default() if callable(f.default) else f.default
            keep = (*keep, f.column_name)
    cols = tuple(row)
    key = (model, cols, keep)
    sql = _STATEMENTS.get(key)
    if sql is None:
        pk = model._meta.primary_key.column_name
        update = [c for c in cols if c != pk and c not in keep]
        action = (
            "UPDATE SET " + ", ".join(f'"{c}" = excluded."{c}"' for c in update)
            if update
            else "NOTHING"
        )
        names = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join("?" for _ in cols)
        sql = (
            f'INSERT INTO "{model._meta.table_name}" ({names}) VALUES ({marks}) '
            f'ON CONFLICT ("{pk}") DO {action}'
        )
        _STATEMENTS[key] = sql
    columns = model._meta.columns
    database_proxy.execute_sql(sql, [columns[c].db_value(row[c]) for c in cols])


def _office(r: dict[str, Any]) -> None:
    cols = ("code", "name", "kind", "active", "address", "phone", "email", "row_version")
    _upsert(Office, {"id": _s(r["id"]), **{c: r[c] for c in cols}})


def _user(r: dict[str, Any]) -> None:
    row = {
        "id": _s(r["id"]),
        "username": r["username"],
        "full_name": r["full_name"],
        "nip": r["nip"],
        "role": r["role"],
        "office_id": _s(r["office_id"]),
        "active": bool(r["active"]) and not r["deleted"],
        "password_hash": UNUSABLE_HASH,
        "created_at": r["created_at"],
    }
    _upsert(User, row, keep=("password_hash", "failed_attempts", "locked_until"))


def known_user(user_id: Any, office_id: Any) -> str | None:
    """The local id of a person the server named; a stand-in row (never able to sign in)
    when this PC may not see that person (another office's officer)."""
    if user_id is None:
        return None
    uid = str(user_id)
    run = _RUN.get()
    if run is not None:
        if uid in run.known_users:
            return uid
        run.known_users.add(uid)
    if not User.select().where(User.id == uid).exists():
        User.insert(
            id=uid,
            username=f"pusat-{uid[:8]}",
            full_name="(petugas kantor lain)",
            role="",
            office_id=_s(office_id),
            password_hash=UNUSABLE_HASH,
            active=False,
        ).on_conflict_ignore().execute()
    return uid


def _category(r: dict[str, Any]) -> None:
    _upsert(Category, {"code": r["code"], "name": r["name"], "active": r["active"]})


def _rule_set(r: dict[str, Any]) -> None:
    cols = [f.column_name for f in RuleSet._meta.sorted_fields if f.column_name != "id"]
    _upsert(RuleSet, {"id": _s(r["id"]), **{c: r[c] for c in cols}})


def _holiday(r: dict[str, Any]) -> None:
    if r["deleted"]:
        HolidayOverride.delete().where(HolidayOverride.id == str(r["id"])).execute()
        return
    row = {
        "id": _s(r["id"]),
        "day": r["day"],
        "kind": r["kind"],
        "reason": r["reason"],
        "created_by_id": None,
        "created_at": r["created_at"],
    }
    _upsert(HolidayOverride, row)


def _reporter(r: dict[str, Any], now: datetime) -> None:
    cols = ("nik", "name", "sex", "birth_date", "address", "kecamatan", "desa", "phone")
    more = ("email", "identity_check", "created_at", "row_version")
    row = {"id": _s(r["id"]), **{c: r[c] for c in (*cols, *more)}, "pushed_at": now}
    row["server_version"] = r["row_version"]
    row["registered_by_id"] = None
    if User.select().where(User.id == str(r["registered_by"] or "")).exists():
        row["registered_by_id"] = str(r["registered_by"])
    _upsert(Reporter, row, keep=_keep_edited("reporter", str(r["id"])))


_HEADER = (
    "ticket", "tracking_id", "channel", "klasifikasi", "title", "body", "location_kecamatan",
    "location_desa", "location_text", "incident_date", "received_at", "anonim", "rahasia",
    "status", "disposed_at", "answered_at", "closed_at", "escalated_at", "reopen_count",
    "answer_text", "created_at", "row_version",
)  # fmt: skip


def _complaint(r: dict[str, Any], now: datetime) -> bool:
    if r["status"] is None:  # its INTAKE has not been accepted yet: comes again later
        return False
    row = {c: r[c] for c in _HEADER}
    row.update(
        id=str(r["id"]),
        reporter_id=_s(r["reporter_id"]),
        category_id=r["category_code"],
        opd_id=_s(r["opd_id"]),
        rule_set_id=_s(r["rule_set_id"]),
        intake_office_id=_s(r["intake_office_id"]),
        created_by_id=known_user(r["created_by"], r["intake_office_id"]),
        pushed_at=now,
        server_version=r["row_version"],
    )
    # A new case takes the next local number; an existing one keeps its own (the value
    # given here is then unused, and above every number taken).
    top = database_proxy.execute_sql('SELECT max("num") FROM "complaint"').fetchone()[0]
    row["num"] = int(top or 0) + 1
    _upsert(Complaint, row, keep=("num", *_keep_edited("complaint", row["id"])))
    run = _RUN.get()
    if run is not None:
        run.cases.add(row["id"])
    return True


_ANONYMOUS = uuid.UUID("6c61706f-722d-616e-6f6e-696d00000000")  # namespace of stand-ins


def _drop_reporter_if_unused(reporter_id: str | None) -> None:
    if reporter_id is None:
        return
    if not Complaint.select().where(Complaint.reporter == reporter_id).exists():
        Reporter.delete().where(Reporter.id == reporter_id).execute()


def _complaint_opd(r: dict[str, Any], now: datetime) -> bool:
    """An OPD's view of a case: no NIK ever; no identity or contact of an anonim reporter
    (NULL from the server erases what an earlier window brought)."""
    if r["status"] is None:
        return False
    cid = str(r["id"])
    before = Complaint.select(Complaint.reporter).where(Complaint.id == cid).scalar()
    if r["reporter_id"] is None:
        rid = str(uuid.uuid5(_ANONYMOUS, cid))
        person = {"name": "(anonim)", "address": "", "phone": "", "email": ""}
    else:
        rid = str(r["reporter_id"])
        person = {
            "name": r["reporter_name"] or "",
            "address": r["reporter_address"] or "",
            "phone": r["reporter_phone"] or "",
            "email": r["reporter_email"] or "",
        }
    _upsert(
        Reporter,
        {"id": rid, "nik": None, "sex": "", "birth_date": None, **person, "pushed_at": now},
    )
    _complaint({**r, "reporter_id": rid}, now)
    if before is not None and str(before).replace("-", "") != rid.replace("-", ""):
        _drop_reporter_if_unused(str(before))
    return True


def purge_case(case_id: str) -> None:
    """A case this office may no longer see: gone from this PC (history included)."""
    reporter = Complaint.select(Complaint.reporter).where(Complaint.id == case_id).scalar()
    if reporter is None:
        return
    CaseAction.delete().where(CaseAction.complaint == case_id).execute()
    Attachment.delete().where(Attachment.complaint == case_id).execute()
    Letter.update(complaint=None).where(Letter.complaint == case_id).execute()
    Complaint.delete().where(Complaint.id == case_id).execute()
    _drop_reporter_if_unused(str(reporter))


def _rejected_seq(action_id: str) -> int:
    # A refused action has no number on the server; locally it keeps a negative one that
    # no accepted action can take (unique per case; derived from its random id).
    return -(uuid.UUID(action_id).int % 2_000_000_000) - 1


def _actions(rows: list[dict[str, Any]], now: datetime) -> int:
    """The server's actions, with its numbers and verdicts; the number of own refusals."""
    ids = {str(r["complaint_id"]) for r in rows}
    query: Any = Complaint.select(Complaint.id).where(Complaint.id.in_(list(ids))).tuples()
    held = {str(row[0]) for row in query}
    unique = {str(r["id"]): r for r in rows}  # a fetched case may repeat window rows
    wanted = [r for r in unique.values() if str(r["complaint_id"]) in held]
    # Two passes: first every pulled action to a temporary negative number (a local
    # action may hold the number the server gave another office's action), then the
    # server's number.
    final: dict[str, int] = {}
    for r in wanted:
        aid = str(r["id"])
        final[aid] = int(r["seq"]) if r["accepted"] and r["seq"] is not None else _rejected_seq(aid)
        row = {
            "id": aid,
            "complaint_id": str(r["complaint_id"]),
            "seq": -final[aid] - 2_100_000_000 if final[aid] > 0 else final[aid],
            "action": r["action"],
            "from_status": r["from_status"],
            "to_status": r["to_status"] or r["from_status"] or "",
            "user_id": known_user(r["user_id"], r["office_id"]),
            "role": r["role"],
            "office_id": _s(r["office_id"]),
            "opd_id": _s(r["opd_id"]),
            "note": r["note"],
            "for_reporter": r["for_reporter"],
            "at": r["at"],
            "accepted": bool(r["accepted"]),
            "reason": r["reason"],
            "pushed_at": now,
        }
        _upsert(CaseAction, row)
    pk: Any = CaseAction._meta.primary_key
    db_id = pk.db_value
    for aid, seq in final.items():
        if seq > 0:
            database_proxy.execute_sql(
                'UPDATE "case_action" SET "seq" = ? WHERE "id" = ?', (seq, db_id(aid))
            )
    return sum(1 for r in wanted if not r["accepted"])


def _letters(rows: list[dict[str, Any]], now: datetime) -> None:
    """Letters with the server's number (gapless per office and year); two passes, as
    for actions, since a local offline number may be the one the server gave another."""
    numbered = [r for r in {str(r["id"]): r for r in rows}.values() if r["number"] is not None]
    for r in numbered:
        cid = _s(r["complaint_id"])
        if cid is not None and not Complaint.select().where(Complaint.id == cid).exists():
            cid = None
        row = {
            "id": str(r["id"]),
            "office_id": _s(r["office_id"]),
            "year": r["year"],
            "number": -int(r["number"]),
            "full_number": r["full_number"],
            "kind": r["kind"],
            "complaint_id": cid,
            "reserved_by_id": known_user(r["reserved_by"], r["office_id"]),
            "reserved_at": r["reserved_at"],
            "pushed_at": now,
        }
        _upsert(Letter, row)
    for r in numbered:
        Letter.update(number=int(r["number"])).where(Letter.id == str(r["id"])).execute()


def _conflict(r: dict[str, Any]) -> None:
    run = _RUN.get()
    if run is not None and r.get("login") not in (None, run.login):
        return  # another person's clash (an admin reads them all): resolved where it arose
    if run is not None and _s(r["other_id"]) in run.edit_ids:
        # A clash of an edit: the PC that pushed it recorded it with both sides when the
        # server answered (sync/edits.py); another PC of the same login leaves it alone.
        return
    row = {
        "id": str(r["id"]),
        "entity": r["entity"],
        "entity_id": str(r["entity_id"]),
        "other_id": _s(r["other_id"]),
        "reason": r["reason"],
        "at": r["at"].replace(tzinfo=None) if r["at"] is not None else datetime.now(),
        "resolved": r["resolved"],
    }
    # Both sides (mine/theirs) were kept when the clash came back to this PC's push, and
    # a person may have resolved it here: a pull only brings the row the first time.
    _upsert(SyncConflict, row, keep=("resolved",))


def apply_rows(rows: dict[str, list[dict[str, Any]]], now: datetime) -> tuple[int, int]:
    """Apply one window's rows (inside the caller's IMMEDIATE transaction, with the sync
    flag on); (rows applied, own actions refused)."""
    assert database_proxy.in_transaction()
    with _run() as run:
        run.edit_ids = {str(r["id"]) for r in rows.get("record_edit", [])}
        applied, refused = _apply_rows(rows, now)
        if rows.get("holiday_override"):
            # The working-day calendar changed: every open case's deadline may move (as
            # when the admin edits an override on this PC, services.admin).
            from lapor_desktop.services import deadlines

            deadlines.invalidate_calendar()
            run.cases |= _open_cases()
        refresh_deadlines(run.cases, now)
    return applied, refused


def refresh_deadlines(case_ids: set[str], now: datetime) -> None:
    """Pulled cases and actions get the deadline state local ones get (the one place that
    computes it: services.deadlines.refresh_due), their histories read in batches."""
    from lapor_desktop.db.queries.history import steps_of_cases
    from lapor_desktop.services import deadlines

    ids = sorted(case_ids)
    due_cols = ("due_clock", "due_date", "due_soon_from", "escalation_due")
    sql = 'UPDATE "complaint" SET ' + ", ".join(f'"{c}" = ?' for c in due_cols) + ' WHERE "id" = ?'
    columns = Complaint._meta.columns
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        cases: Any = Complaint.select().where(Complaint.id.in_(chunk))
        steps = steps_of_cases(chunk)
        for case in cases:
            deadlines.refresh_due(case, now, steps.get(str(case.id), ()))
            values = [columns[c].db_value(getattr(case, c)) for c in due_cols]
            database_proxy.execute_sql(sql, [*values, columns["id"].db_value(case.id)])


def _open_cases() -> set[str]:
    from lapor_desktop.services.deadlines import STAGE_CLOCK

    query: Any = (
        Complaint.select(Complaint.id)
        .where(Complaint.status.in_([s.value for s in STAGE_CLOCK]))
        .tuples()
    )
    return {str(row[0]) for row in query}


def _apply_rows(rows: dict[str, list[dict[str, Any]]], now: datetime) -> tuple[int, int]:
    applied = 0
    simple = {
        "office": _office,
        "app_user": _user,
        "category": _category,
        "rule_set": _rule_set,
        "holiday_override": _holiday,
        "sync_conflict": _conflict,
    }
    for relation, handler in simple.items():
        for r in rows.get(relation, []):
            handler(r)
            applied += 1
    for r in rows.get("reporter", []):
        _reporter(r, now)
        applied += 1
    for r in rows.get("complaint", []):
        applied += _complaint(r, now)
    for r in rows.get("complaint_opd", []):
        applied += _complaint_opd(r, now)
    refused = _actions(rows.get("case_action", []), now)
    run = _RUN.get()
    if run is not None:
        run.cases.update(str(r["complaint_id"]) for r in rows.get("case_action", []))
    applied += len(rows.get("case_action", []))
    _letters(rows.get("letter", []), now)
    applied += len(rows.get("letter", []))
    return applied, refused


def revoked_cases(rows: dict[str, list[dict[str, Any]]], office_id: str) -> list[str]:
    """Cases whose access row for this office went inactive in the window."""
    return [
        str(r["complaint_id"])
        for r in rows.get("complaint_access", [])
        if not r["active"] and str(r["office_id"]) == office_id
    ]


def granted_cases(rows: dict[str, list[dict[str, Any]]], office_id: str) -> list[uuid.UUID]:
    """Cases granted to this office that this PC does not hold yet (fetch them whole)."""
    ids = [
        uuid.UUID(str(r["complaint_id"]))
        for r in rows.get("complaint_access", [])
        if r["active"] and str(r["office_id"]) == office_id
    ]
    query: Any = Complaint.select(Complaint.id).where(Complaint.id.in_(ids)).tuples()
    held = {uuid.UUID(str(row[0])) for row in query}
    return [i for i in ids if i not in held]


def set_applying(on: bool) -> None:
    SyncState.update(applying=1 if on else 0).where(SyncState.id == 1).execute()
