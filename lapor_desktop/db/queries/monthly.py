"""The monthly summary's queries: counts of the cases received in a span, their statuses,
breakdowns, the histories the on-time rates and the overdue count are folded from, and
the annex rows. Every function takes the scope as `opd` (None: the whole regency; an OPD
id: the cases currently dispositioned to it) and returns plain, named rows.

The histories themselves are read by db/queries/history.py (`histories(cases, ...)`), with
the case sets defined here (`in_scope`, `moved_since`, `open_at`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple

from peewee import JOIN, fn

from lapor_desktop.db.models import CaseAction, Category, Complaint, Office, User
from lapor_desktop.db.queries.history import ACCEPTED


def in_scope(opd: uuid.UUID | None, *conds: Any) -> Any:
    """The conditions ANDed, within the scope (all cases, or those currently
    dispositioned to one OPD)."""
    out = Complaint.opd == opd if opd else None
    for c in conds:
        out = c if out is None else (out & c)
    return out


def received_in(start: datetime, end: datetime) -> Any:
    """Received in [start, end)."""
    return (Complaint.received_at >= start) & (Complaint.received_at < end)


def count_received(opd: uuid.UUID | None, start: datetime, end: datetime) -> int:
    """Cases received in [start, end) (one indexed range count)."""
    q = Complaint.select(fn.COUNT(Complaint.id)).where(in_scope(opd, received_in(start, end)))
    return int(q.scalar() or 0)


def counts_by(opd: uuid.UUID | None, start: datetime, end: datetime, column: str) -> dict[Any, int]:
    """Cases received in [start, end) by the value of `column` (e.g. 'channel')."""
    field = getattr(Complaint, column)
    rows: Any = (
        Complaint.select(field, fn.COUNT(Complaint.id))
        .where(in_scope(opd, received_in(start, end)))
        .group_by(field)
        .tuples()
    )
    return {k: int(n) for k, n in rows}


def counts_by_category(opd: uuid.UUID | None, start: datetime, end: datetime) -> list[Any]:
    """(category name or None, count) of the cases received in [start, end), the most
    frequent first."""
    rows: Any = (
        Complaint.select(Category.name, fn.COUNT(Complaint.id).alias("n"))
        .join(Category, JOIN.LEFT_OUTER, on=(Complaint.category == Category.code))
        .where(in_scope(opd, received_in(start, end)))
        .group_by(Category.name)
        .order_by(fn.COUNT(Complaint.id).desc(), Category.name)
        .tuples()
    )
    return [(name, int(n)) for name, n in rows]


def escalated_by_opd(
    opd: uuid.UUID | None, start: datetime, end: datetime
) -> dict[uuid.UUID | None, int]:
    """Per OPD: the cases flagged to the Ombudsman in [start, end)."""
    flagged = (Complaint.escalated_at >= start) & (Complaint.escalated_at < end)
    rows: Any = (
        Complaint.select(Complaint.opd, fn.COUNT(Complaint.id))
        .where(in_scope(opd, flagged))
        .group_by(Complaint.opd)
        .tuples()
    )
    return {oid: int(n or 0) for oid, n in rows}


class CaseStatus(NamedTuple):
    id: uuid.UUID
    opd: uuid.UUID | None
    status: str


def statuses(opd: uuid.UUID | None, start: datetime, end: datetime) -> list[CaseStatus]:
    """Today's status (and OPD) of each case received in [start, end)."""
    rows: Any = (
        Complaint.select(Complaint.id, Complaint.opd, Complaint.status)
        .where(in_scope(opd, received_in(start, end)))
        .tuples()
    )
    return [CaseStatus._make(r) for r in rows]


def statuses_before(
    opd: uuid.UUID | None, start: datetime, end: datetime, until: datetime
) -> dict[Any, str]:
    """The status at `until` of the cases received in [start, end) that an action has
    changed since (the from_status of the first such action); the others still have it."""
    ids = Complaint.select(Complaint.id).where(in_scope(opd, received_in(start, end)))
    rows: Any = (
        CaseAction.select(CaseAction.complaint, CaseAction.from_status)
        .where(
            CaseAction.complaint.in_(ids)
            & ACCEPTED
            & (CaseAction.at >= until)
            & CaseAction.from_status.is_null(False)
            & (CaseAction.from_status != "")
        )
        .order_by(CaseAction.complaint, CaseAction.seq)
        .tuples()
    )
    out: dict[Any, str] = {}
    for cid, status in rows:
        out.setdefault(cid, str(status))
    return out


def moved_since(opd: uuid.UUID | None, start: datetime) -> Any:
    """Cases received before `start` whose stored columns say a clock may have moved since
    (disposed or answered since, or reopened: the history decides)."""
    return in_scope(
        opd,
        Complaint.received_at < start,
        (Complaint.disposed_at >= start)
        | (Complaint.answered_at >= start)
        | (Complaint.reopen_count > 0),
    )


def open_at(opd: uuid.UUID | None, until: datetime, waiting: Iterable[str]) -> Any:
    """Cases received before `until` that may have been open at `until`: in a `waiting`
    status now, or answered since, or closed since without an answer (or after a
    reopening). A case answered before `until` and not reopened was past its stages."""
    return in_scope(
        opd,
        Complaint.received_at < until,
        Complaint.status.in_(list(waiting))
        | (Complaint.answered_at >= until)
        | (
            (Complaint.closed_at >= until)
            & (Complaint.answered_at.is_null() | (Complaint.reopen_count > 0))
        ),
    )


# ---------------------------------------------------------------- annex and names


class AnnexRecord(NamedTuple):
    id: uuid.UUID
    opd_name: str | None
    ticket: str
    received_at: datetime
    klasifikasi: str
    category_name: str | None
    title: str
    rahasia: bool
    status: str


_ANNEX_COLUMNS: dict[str, Any] = {
    "id": Complaint.id,
    "opd_name": Office.name,
    "ticket": Complaint.ticket,
    "received_at": Complaint.received_at,
    "klasifikasi": Complaint.klasifikasi,
    "category_name": Category.name,
    "title": Complaint.title,
    "rahasia": Complaint.rahasia,
    "status": Complaint.status,
}
assert tuple(_ANNEX_COLUMNS) == AnnexRecord._fields


def annex(opd: uuid.UUID | None, start: datetime, end: datetime) -> list[AnnexRecord]:
    """Every case received in [start, end), by OPD name, then in intake order."""
    rows: Any = (
        Complaint.select(*_ANNEX_COLUMNS.values())
        .join(Office, JOIN.LEFT_OUTER, on=(Complaint.opd == Office.id))
        .switch(Complaint)
        .join(Category, JOIN.LEFT_OUTER, on=(Complaint.category == Category.code))
        .where(in_scope(opd, received_in(start, end)))
        .order_by(Office.name, Complaint.received_at, Complaint.num)
        .tuples()
    )
    return [AnnexRecord._make(r) for r in rows]


def office_names(ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = list(ids)
    if not wanted:
        return {}
    return {o.id: o.name for o in Office.select().where(Office.id.in_(wanted))}


def head_of(office_id: uuid.UUID, role: str) -> User | None:
    """The longest-standing active user of `role` (the head's role) in the office."""
    return (
        User.select()
        .where((User.office == office_id) & (User.role == role) & User.active)
        .order_by(User.created_at)
        .first()
    )
