"""Applying a pulled window to the local database (SYNC.md "The change feed").

Called inside the caller's `atomic("IMMEDIATE")` transaction together with the new
checkpoint, so a crash re-pulls the same window; every row is an idempotent upsert by its
id. A big window is applied in `pieces` (short transactions, each case whole in one, each
moving the checkpoint only as far as every row below it is applied). Each table of a
window is one `executemany`; what the rows name is looked up once per window. The server
is the truth for what it sends: numbers, status, verdicts.

Done here: reference data, reporters, case headers and actions, the server's verdict on
own actions (`accepted`/`reason`), conflicts; on an OPD PC the `complaint_opd` rows (a
reporter without NIK or birth date; an anonymous case gets a stand-in reporter that holds
nothing), revocations (the case is purged locally), letters with the server's number.
Attachment rows (metadata only; the content is fetched on demand) in sync/attachments.py.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import peewee
from peewee import (
    BooleanField,
    CharField,
    ForeignKeyField,
    IntegerField,
    TextField,
    UUIDField,
)

from lapor_desktop.db.bulk import execute_many
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
from lapor_desktop.sync import attachments, lapor

UNUSABLE_HASH = "!"  # a person who never signed in on this PC cannot sign in offline


@dataclass
class _Run:
    """What one apply learns about the database it writes (never shared by two applies:
    one process may sync two databases, one after the other or from two threads)."""

    known_users: set[str] = field(default_factory=set)  # ids present in the user table
    dirty: dict[str, set[str]] = field(default_factory=dict)  # unsent local edits
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


def _split_edited(
    entity: str, batch: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(rows a pull may overwrite, rows with a local edit not yet sent: sync/edits.py)."""
    run = _RUN.get()
    dirty = run.dirty.get(entity, set()) if run is not None else set()
    if not dirty:
        return batch, []
    return [r for r in batch if r["id"] not in dirty], [r for r in batch if r["id"] in dirty]


def _edited_columns(entity: str) -> tuple[str, ...]:
    """The columns a pull must not overwrite on a row with an unsent local edit."""
    from lapor_desktop.sync.edits import columns

    return tuple(columns(entity))


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
    columns = model._meta.columns
    database_proxy.execute_sql(
        _statement(model, cols, keep), [columns[c].db_value(row[c]) for c in cols]
    )


def _statement(model: Any, cols: tuple[str, ...], keep: tuple[str, ...]) -> str:
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
    return sql


_BATCH = 500  # ids per `IN (…)` look-up


def _uuid_value(field: Any) -> Any:
    """A fast `db_value` for a UUID column (peewee parses every text UUID again)."""
    slow = field.db_value

    def convert(v: Any) -> Any:
        if isinstance(v, str) and len(v) == 36:
            return v.replace("-", "").lower()
        if isinstance(v, uuid.UUID):
            return v.hex
        return slow(v)

    return convert


_CONVERTERS: dict[tuple[Any, str], Any] = {}


_AS_IS = frozenset((str, int, float, bool))  # what SQLite stores unchanged


def _plain_value(field: Any) -> Any:
    """`db_value` without the call for a text, number or flag already of its type."""
    slow = field.db_value

    def convert(v: Any) -> Any:
        return v if v is None or type(v) in _AS_IS else slow(v)

    return convert


def _converter(model: Any, column: str) -> Any:
    fn = _CONVERTERS.get((model, column))
    if fn is None:
        field = model._meta.columns[column]
        target = field.rel_field if isinstance(field, ForeignKeyField) else field
        if isinstance(target, UUIDField):
            fn = _uuid_value(field)
        elif (
            isinstance(target, (CharField, TextField, IntegerField, BooleanField))
            and type(target).db_value is peewee.Field.db_value
        ):
            fn = _plain_value(field)
        else:  # dates and times: peewee's own formatting
            fn = field.db_value
        _CONVERTERS[(model, column)] = fn
    return fn


def _upsert_many(model: Any, rows: list[dict[str, Any]], keep: tuple[str, ...] = ()) -> None:
    """`_upsert` for many rows of one shape (the first row's columns) in one executemany."""
    if not rows:
        return
    sample = dict(rows[0])
    defaults: dict[str, Any] = {}
    for f in model._meta.sorted_fields:
        if f.column_name not in sample and not f.null and f.default is not None:
            defaults[f.column_name] = f.default
            keep = (*keep, f.column_name)
    cols = (*sample, *defaults)
    sql = _statement(model, cols, keep)
    given = tuple(sample)
    convert = [_converter(model, c) for c in cols]
    params = []
    for r in rows:
        values = [r[c] for c in given]
        for d in defaults.values():
            values.append(d() if callable(d) else d)
        params.append([fn(v) for fn, v in zip(convert, values, strict=True)])
    execute_many(sql, params)


def _hex(v: Any) -> str:
    return v.hex if isinstance(v, uuid.UUID) else str(v).replace("-", "").lower()


def _column_of(model: Any, column: str, ids: list[str]) -> dict[str, Any]:
    """{id as 32 hex digits: `column`} for the rows of `model` among `ids`."""
    out: dict[str, Any] = {}
    table = model._meta.table_name
    pk = model._meta.primary_key.column_name
    keys = list(dict.fromkeys(_hex(i) for i in ids))
    for start in range(0, len(keys), _BATCH):
        part = keys[start : start + _BATCH]
        marks = ", ".join("?" * len(part))
        cur = database_proxy.execute_sql(
            f'SELECT "{pk}", "{column}" FROM "{table}" WHERE "{pk}" IN ({marks})', part
        )
        out.update({str(k): v for k, v in cur.fetchall()})
    return out


def _learn_users(ids: Any) -> None:
    """Mark the people of a window already in the user table as known (one look-up for
    all instead of one per row); `known_user` then adds stand-ins for the rest."""
    run = _RUN.get()
    if run is None:
        return
    wanted = {str(i) for i in ids if i is not None} - run.known_users
    if wanted:
        held = _column_of(User, "id", list(wanted))
        run.known_users.update(str(uuid.UUID(h)) for h in held)


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


def _reporter_row(r: dict[str, Any], now: datetime) -> dict[str, Any]:
    cols = ("nik", "name", "sex", "birth_date", "address", "kecamatan", "desa", "phone")
    more = ("email", "identity_check", "created_at", "row_version")
    row = {"id": _s(r["id"]), **{c: r[c] for c in (*cols, *more)}, "pushed_at": now}
    row["server_version"] = r["row_version"]
    row["registered_by_id"] = _s(r["registered_by"])
    # A LAPOR! account; the later of two rows of one account (merged on the server) leaves
    # the key to the earlier, so the next import on this PC matches that one.
    row["lapor_account"] = None if r.get("merged_into") else r.get("lapor_account")
    return row


def _reporters(rows: list[dict[str, Any]], now: datetime) -> int:
    """Reporters (regency PCs), in one executemany; `registered_by` only when that person
    is in the local user table."""
    batch = [_reporter_row(r, now) for r in {str(r["id"]): r for r in rows}.values()]
    held = _column_of(User, "id", [r["registered_by_id"] for r in batch if r["registered_by_id"]])
    for row in batch:
        if row["registered_by_id"] is not None and _hex(row["registered_by_id"]) not in held:
            row["registered_by_id"] = None
    lapor.free_accounts(batch)
    clean, edited = _split_edited("reporter", batch)
    _upsert_many(Reporter, clean)
    _upsert_many(Reporter, edited, keep=_edited_columns("reporter"))
    return len(rows)


def _reporter(r: dict[str, Any], now: datetime) -> None:
    _reporters([r], now)


_HEADER = (
    "ticket", "tracking_id", "channel", "klasifikasi", "title", "body", "location_kecamatan",
    "location_desa", "location_text", "incident_date", "received_at", "anonim", "rahasia",
    "status", "disposed_at", "answered_at", "closed_at", "escalated_at", "reopen_count",
    "answer_text", "created_at", "row_version",
)  # fmt: skip


def _complaint_row(r: dict[str, Any], now: datetime) -> dict[str, Any]:
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
    row.update({c: r[c] for c in lapor.HEADER if c in r})  # complaint_opd: lapor_status only
    return row


def _complaints(rows: list[dict[str, Any]], now: datetime) -> int:
    """Case headers in one executemany; the number applied. A case whose INTAKE the server
    has not accepted yet (no status) comes again later."""
    live = [r for r in {str(r["id"]): r for r in rows}.values() if r["status"] is not None]
    if not live:
        return 0
    _learn_users(r["created_by"] for r in live)
    batch = [_complaint_row(r, now) for r in live]
    # A new case takes the next local number; an existing one keeps its own (the value
    # given here is then unused, and above every number taken).
    held = _column_of(Complaint, "id", [row["id"] for row in batch])
    top = int(database_proxy.execute_sql('SELECT max("num") FROM "complaint"').fetchone()[0] or 0)
    spare = top + len(batch) - len(held)
    for row in batch:
        if _hex(row["id"]) in held:
            spare += 1
            row["num"] = spare
        else:
            top += 1
            row["num"] = top
    lapor.free_tracking_ids(batch, now)
    clean, edited = _split_edited("complaint", batch)
    _upsert_many(Complaint, clean, keep=("num",))
    _upsert_many(Complaint, edited, keep=("num", *_edited_columns("complaint")))
    lapor.point_duplicates(live, {row["id"] for row in edited})
    return len(batch)


def _complaint(r: dict[str, Any], now: datetime) -> bool:
    return _complaints([r], now) == 1


_ANONYMOUS = uuid.UUID("6c61706f-722d-616e-6f6e-696d00000000")  # namespace of stand-ins


def stand_in_reporter(case_id: Any) -> str:
    """The id of the stand-in reporter row of a case whose reporter this PC may not hold."""
    return str(uuid.uuid5(_ANONYMOUS, str(uuid.UUID(str(case_id)))))


def drop_reporter_if_unused(reporter_id: str | None) -> None:
    if reporter_id is None:
        return
    if not Complaint.select().where(Complaint.reporter == reporter_id).exists():
        Reporter.delete().where(Reporter.id == reporter_id).execute()


def _complaints_opd(rows: list[dict[str, Any]], now: datetime) -> int:
    """An OPD's view of cases: no NIK ever; no identity or contact of an anonim reporter
    (NULL from the server erases what an earlier window brought). Batched: one look-up
    of the cases' current reporters, one executemany for reporters and one for cases."""
    live = [r for r in {str(r["id"]): r for r in rows}.values() if r["status"] is not None]
    if not live:
        return 0
    before = _column_of(Complaint, "reporter_id", [str(r["id"]) for r in live])
    people = []
    cases = []
    for r in live:
        cid = str(r["id"])
        if r["reporter_id"] is None:
            rid = stand_in_reporter(cid)
            person = {"name": "(anonim)", "address": "", "phone": "", "email": ""}
        else:
            rid = str(r["reporter_id"])
            person = {
                "name": r["reporter_name"] or "",
                "address": r["reporter_address"] or "",
                "phone": r["reporter_phone"] or "",
                "email": r["reporter_email"] or "",
            }
        people.append(
            {"id": rid, "nik": None, "sex": "", "birth_date": None, **person, "pushed_at": now}
        )
        cases.append({**r, "reporter_id": rid})
    _upsert_many(Reporter, list({p["id"]: p for p in people}.values()))
    applied = _complaints(cases, now)
    for r in cases:
        old = before.get(_hex(r["id"]))
        if old is not None and _hex(old) != _hex(r["reporter_id"]):
            drop_reporter_if_unused(str(old))
    return applied


def _complaint_opd(r: dict[str, Any], now: datetime) -> bool:
    return _complaints_opd([r], now) == 1


def purge_case(case_id: str) -> None:
    """A case this office may no longer see: gone from this PC (history included)."""
    reporter = Complaint.select(Complaint.reporter).where(Complaint.id == case_id).scalar()
    if reporter is None:
        return
    CaseAction.delete().where(CaseAction.complaint == case_id).execute()
    held = Attachment.select(Attachment.sha256).where(Attachment.complaint == case_id)
    shas = [a.sha256 for a in held]
    Attachment.delete().where(Attachment.complaint == case_id).execute()
    attachments.forget_unreferenced(shas)
    Letter.update(complaint=None).where(Letter.complaint == case_id).execute()
    lapor.set_aside_pointers_to(case_id)
    Complaint.delete().where(Complaint.id == case_id).execute()
    drop_reporter_if_unused(str(reporter))


def _rejected_seq(action_id: str) -> int:
    # A refused action has no number on the server; locally it keeps a negative one that
    # no accepted action can take (unique per case; derived from its random id).
    return -(uuid.UUID(action_id).int % 2_000_000_000) - 1


def _cases_with_history(case_ids: list[str]) -> set[str]:
    """Those of `case_ids` (as 32 hex digits) with any action on this PC already."""
    out: set[str] = set()
    keys = list(dict.fromkeys(_hex(i) for i in case_ids))
    for start in range(0, len(keys), _BATCH):
        part = keys[start : start + _BATCH]
        marks = ", ".join("?" * len(part))
        cur = database_proxy.execute_sql(
            f'SELECT DISTINCT "complaint_id" FROM "case_action" WHERE "complaint_id" IN ({marks})',
            part,
        )
        out.update(str(row[0]) for row in cur.fetchall())
    return out


def _actions(rows: list[dict[str, Any]], now: datetime) -> int:
    """The server's actions, with its numbers and verdicts; the number of own refusals."""
    ids = [str(r["complaint_id"]) for r in rows]
    held = _column_of(Complaint, "id", ids)
    unique = {str(r["id"]): r for r in rows}  # a fetched case may repeat window rows
    wanted = [r for r in unique.values() if _hex(r["complaint_id"]) in held]
    _learn_users(r["user_id"] for r in wanted)
    # Two passes: first every pulled action to a temporary negative number (a local
    # action may hold the number the server gave another office's action), then the
    # server's number. A case with no local history yet (a first sync) needs no detour.
    busy = _cases_with_history([str(r["complaint_id"]) for r in wanted])
    # This PC's own actions whose verdict it learns now: sent from here (so held here),
    # not yet known as refused. A regency PC also reads every other office's refusals,
    # and a repeated window brings known ones again: neither counts as `rejected`.
    refused_ids = [str(r["id"]) for r in wanted if not r["accepted"]]
    own = {k for k, ok in _column_of(CaseAction, "accepted", refused_ids).items() if ok}
    final: dict[str, int] = {}
    detours: set[str] = set()
    batch = []
    for r in wanted:
        aid = str(r["id"])
        final[aid] = int(r["seq"]) if r["accepted"] and r["seq"] is not None else _rejected_seq(aid)
        detour = final[aid] > 0 and _hex(r["complaint_id"]) in busy
        if detour:
            detours.add(aid)
        batch.append(
            {
                "id": aid,
                "complaint_id": str(r["complaint_id"]),
                "seq": -final[aid] - 2_100_000_000 if detour else final[aid],
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
        )
    _upsert_many(CaseAction, batch)
    moved = _move_aside([(_hex(unique[aid]["complaint_id"]), final[aid]) for aid in detours])
    execute_many(
        'UPDATE "case_action" SET "seq" = ? WHERE "id" = ?',
        [(seq, _hex(aid)) for aid, seq in final.items() if seq > 0 and aid in detours],
    )
    execute_many(
        'UPDATE "case_action" SET "seq" = (SELECT max("seq") FROM "case_action" '
        'WHERE "complaint_id" = ?) + 1 WHERE "id" = ?',
        [(case, aid) for case, _, aid in sorted(moved)],
    )
    return sum(1 for r in wanted if not r["accepted"] and _hex(r["id"]) in own)


def _move_aside(taken: list[tuple[str, int]]) -> list[tuple[str, int, str]]:
    """Local actions holding a number the server has just given another action of their
    case (an action of this PC whose verdict is not in this window yet — another PC's
    transaction held the window back — or not sent yet): moved to a temporary number;
    the caller puts them after the server's numbers. [(case, old number, id)]"""
    moved: list[tuple[str, int, str]] = []
    for start in range(0, len(taken), _BATCH):
        part = taken[start : start + _BATCH]
        pairs = ", ".join("(?, ?)" for _ in part)
        cur = database_proxy.execute_sql(
            'SELECT "complaint_id", "seq", "id" FROM "case_action" '
            f'WHERE ("complaint_id", "seq") IN (VALUES {pairs})',
            [v for pair in part for v in pair],
        )
        moved += [(str(c), int(q), str(i)) for c, q, i in cur.fetchall()]
    execute_many(
        'UPDATE "case_action" SET "seq" = ? WHERE "id" = ?',
        [(-seq - 2_050_000_000, aid) for _, seq, aid in moved],
    )
    return moved


def _letters(rows: list[dict[str, Any]], now: datetime) -> None:
    """Letters with the server's number (gapless per office and year); two passes, as
    for actions, since a local offline number may be the one the server gave another."""
    numbered = [r for r in {str(r["id"]): r for r in rows}.values() if r["number"] is not None]
    cases = _column_of(
        Complaint, "id", [str(r["complaint_id"]) for r in numbered if r["complaint_id"]]
    )
    _learn_users(r["reserved_by"] for r in numbered)
    batch = []
    for r in numbered:
        cid = _s(r["complaint_id"])
        if cid is not None and _hex(cid) not in cases:
            cid = None
        batch.append(
            {
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
        )
    _upsert_many(Letter, batch)
    execute_many(
        'UPDATE "letter" SET "number" = ? WHERE "id" = ?',
        [(int(r["number"]), _hex(r["id"])) for r in numbered],
    )


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
        from lapor_desktop.services import deadlines

        if rows.get("holiday_override"):
            # The working-day calendar changed: every open case's deadline may move (as
            # when the admin edits an override on this PC, services.admin).
            deadlines.invalidate_calendar()
        if rows.get("rule_set"):
            # A rule set arrived or changed (its days or kinds): the process-wide cache of
            # rule sets must not keep the old limits.
            deadlines.invalidate_rules()
    return applied, refused


def open_cases() -> set[str]:
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
    applied += _reporters(rows.get("reporter", []), now)
    applied += _complaints(rows.get("complaint", []), now)
    applied += _complaints_opd(rows.get("complaint_opd", []), now)
    refused = _actions(rows.get("case_action", []), now)
    applied += len(rows.get("case_action", []))
    _letters(rows.get("letter", []), now)
    applied += len(rows.get("letter", []))
    applied += attachments.apply_rows(rows.get("attachment", []), now, known_user)
    return applied, refused


def revoked_cases(rows: dict[str, list[dict[str, Any]]], office_id: str) -> list[str]:
    """Cases whose access row for this office went inactive in the window."""
    return [
        str(r["complaint_id"])
        for r in rows.get("complaint_access", [])
        if not r["active"] and str(r["office_id"]) == office_id
    ]


def granted_cases(
    rows: dict[str, list[dict[str, Any]]], office_id: str, kept: Iterable[str] = ()
) -> list[uuid.UUID]:
    """Cases granted to this office that this PC does not hold yet (fetch them whole).
    `kept`: cases held only for parked own work (sync/leave.py) count as not held."""
    ids = [
        uuid.UUID(str(r["complaint_id"]))
        for r in rows.get("complaint_access", [])
        if r["active"] and str(r["office_id"]) == office_id
    ]
    query: Any = Complaint.select(Complaint.id).where(Complaint.id.in_(ids)).tuples()
    held = {uuid.UUID(str(row[0])) for row in query}
    held -= {uuid.UUID(c) for c in kept}
    return [i for i in ids if i not in held]


def set_applying(on: bool) -> None:
    SyncState.update(applying=1 if on else 0).where(SyncState.id == 1).execute()


# ---------------------------------------------------------------- a big window in pieces

CHUNK_ROWS = 5000  # a window with more rows is applied in several short transactions

# The app's background sync (the counter keeps saving meanwhile): pieces sized so one
# local write transaction takes about this long, measured as it goes (`Pacer`).
PIECE_SECONDS = 0.015
FIRST_PIECE_ROWS = 100  # before anything is measured (cases: ~10 ms on the dev VM)
FEWEST_PIECE_ROWS = 20

# Parents of cases: in the first piece. Rows of no case of other relations (conflicts,
# edits, a letter of no case): in the last, after the cases they may name.
_FIRST = frozenset(("office", "app_user", "category", "rule_set", "holiday_override", "reporter"))
# The case a row belongs to, per relation.
_CASE_OF = {
    "complaint": "id",
    "complaint_opd": "id",
    "complaint_access": "complaint_id",
    "case_action": "complaint_id",
    "attachment": "complaint_id",
    "letter": "complaint_id",
}

Rows = dict[str, list[dict[str, Any]]]


def _units(rows: Rows, low: int) -> list[tuple[str, Rows]]:
    """The window in the order it is applied, in units never split between pieces, each
    with its kind: the reference data, then each reporter (parents of cases), then each
    case whole (header, access rows, history, attachments, letters; by its newest row),
    then the rest (conflicts, edits, a letter of no case: they may name the cases)."""
    first: Rows = {}
    reporters: list[dict[str, Any]] = []
    tail: Rows = {}
    cases: dict[str, Rows] = {}
    top: dict[str, int] = {}
    for relation, items in rows.items():
        column = _CASE_OF.get(relation)
        for r in items:
            case = r.get(column) if column else None
            if case is None:
                if relation == "reporter":
                    reporters.append(r)
                else:
                    (first if relation in _FIRST else tail).setdefault(relation, []).append(r)
                continue
            key = str(case)
            cases.setdefault(key, {}).setdefault(relation, []).append(r)
            top[key] = max(top.get(key, low), int(r.get("txid_num", low)))
    units = [("rows", first)] if first else []
    units += [("rows", {"reporter": [r]}) for r in reporters]
    units += [("case", cases[key]) for key in sorted(cases, key=lambda k: top[k])]
    if tail:
        units.append(("case", tail))
    return units


def paced_pieces(
    rows: Rows, low: int, high: int, size: Callable[[str], int]
) -> Iterator[tuple[Rows, int, bool]]:
    """One window split into pieces, each applied with its checkpoint in its own short
    IMMEDIATE transaction, so the counter keeps writing while a sync applies 10,000
    cases: (piece, checkpoint, last). Each piece takes units (`_units`: a case is never
    half there) of one kind ("rows": reference data and reporters, cheap; "case": cases,
    dearer) until it holds `size(kind)` rows — asked again for every piece, so the app's
    sync sizes them by time (`Pacer`). A piece moves the checkpoint to the lowest txid of
    the rows still to come (never below `low`; the last piece to `high`): a crash re-pulls
    from there, and every row below it is applied."""
    if sum(len(v) for v in rows.values()) <= size("rows"):
        yield rows, high, True
        return
    units = _units(rows, low)
    # The lowest txid of the rows from unit i on (what a piece ending before i leaves).
    after = [high] * (len(units) + 1)
    for i in range(len(units) - 1, -1, -1):
        txids = [int(r.get("txid_num", low)) for items in units[i][1].values() for r in items]
        after[i] = min([after[i + 1], *txids])
    i = 0
    while i < len(units):
        part: Rows = {}
        kind = units[i][0]
        count, most = 0, max(1, size(kind))
        while i < len(units) and units[i][0] == kind and (count < most or not count):
            for relation, items in units[i][1].items():
                part.setdefault(relation, []).extend(items)
                count += len(items)
            i += 1
        last = i == len(units)
        yield part, high if last else max(low, min(after[i], high)), last


def pieces(rows: Rows, low: int, high: int, size: int | None = None) -> list[tuple[Rows, int]]:
    """`paced_pieces` with a fixed size (`CHUNK_ROWS`: the CLI and the first join, where
    nobody writes meanwhile and big pieces are fastest)."""
    fixed = size or CHUNK_ROWS
    return [(p, c) for p, c, _ in paced_pieces(rows, low, high, lambda kind: fixed)]


class Pacer:
    """Rows per piece so that one piece's transaction takes about `seconds`, per kind of
    piece (`paced_pieces`), from the slowest rate of the last pieces of that kind (the
    cost of a row varies with what else runs: the counter, the window's GIL), growing at
    most 1.5-fold a piece."""

    def __init__(self, seconds: float | None = None, first: int | None = None) -> None:
        self.seconds = seconds or PIECE_SECONDS
        self.first = first or FIRST_PIECE_ROWS
        self.rows: dict[str, int] = {}
        self.costs: dict[str, list[float]] = {}  # seconds a row, the last few pieces
        self.kind = "rows"

    def __call__(self, kind: str) -> int:
        self.kind = kind  # the piece about to come: `took` is told how long it held
        return self.rows.get(kind, self.first)

    def took(self, rows: int, seconds: float) -> None:
        if rows <= 0:
            return
        costs = self.costs.setdefault(self.kind, [])
        costs[:] = [*costs[-2:], max(seconds, 1e-4) / rows]
        fits = self.seconds / max(costs)
        grown = min(fits, 1.5 * self.rows.get(self.kind, self.first))
        self.rows[self.kind] = int(min(CHUNK_ROWS, max(FEWEST_PIECE_ROWS, grown)))


def let_writers_in(most: float = 0.2) -> None:
    """Between two pieces: give the GIL away, and if a write of this process (the counter
    saving) waits for the lock, let it take the lock before the next piece does — SQLite's
    busy handler polls, so without this the next piece could take it first again."""
    time.sleep(0)
    db = database_proxy.obj
    deadline = time.perf_counter() + most
    while getattr(db, "writers_waiting", 0) and time.perf_counter() < deadline:
        time.sleep(0.001)
