"""A case's history as rows: the steps (action, to_status, at), oldest first, of one case
or of many cases in one query (the monthly rates fold tens of thousands of histories)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, NamedTuple

from lapor_desktop.db.models import CaseAction, Complaint, database_proxy

# The history of a case is its accepted actions. An action the central server refused
# (schema v9: accepted = 0, with its reason) stays in the table for its author's
# "gagal disinkronkan" list but never counts as something that happened to the case.
ACCEPTED = CaseAction.accepted == True  # noqa: E712 (SQL, not a Python truth test)


def as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def as_uuid(value: Any) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(str(value))


class Step(NamedTuple):
    action: str
    to_status: str  # "" where the step did not change the status
    at: datetime


class History(NamedTuple):
    """One case's history (the steps asked for, oldest first) with what the clocks need."""

    id: str  # the stored form of the case id (hex)
    received: datetime
    rule_set: str
    opd: uuid.UUID | None
    steps: list[Step]

    def moves(self) -> list[tuple[str, datetime]]:
        """(action, at) of each step: what deadlines.spans_of folds."""
        return [(s.action, s.at) for s in self.steps]


def histories(
    cases: Any, *, actions: Iterable[str] | None = None, before: datetime | None = None
) -> Iterator[History]:
    """The histories of the cases matching `cases` (a WHERE on complaint) that have a
    step: only `actions`, if given; only the steps before `before`, if given. One query,
    driven by the matching case ids (an index range on complaint), then the history of
    each through the case_action(complaint_id) index; never a scan of case_action."""
    ids = Complaint.select(Complaint.id).where(cases)
    cond = CaseAction.complaint.in_(ids) & ACCEPTED
    if actions is not None:
        cond &= CaseAction.action.in_(list(actions))
    if before is not None:
        cond &= CaseAction.at < before
    q = (
        CaseAction.select(
            Complaint.id,
            Complaint.received_at,
            Complaint.rule_set,
            Complaint.opd,
            CaseAction.action,
            CaseAction.to_status,
            CaseAction.at,
        )
        .join(Complaint, on=(CaseAction.complaint == Complaint.id))
        .where(cond)
        .order_by(CaseAction.complaint, CaseAction.seq)
    )
    sql, params = q.sql()
    current: History | None = None
    for cid, rec, rs, oid, action, to, at in database_proxy.execute_sql(sql, params):
        if current is None or cid != current.id:
            if current is not None:
                yield current
            current = History(str(cid), as_datetime(rec), str(rs), as_uuid(oid), [])
        current.steps.append(Step(str(action), str(to or ""), as_datetime(at)))
    if current is not None:
        yield current


def history_of(case_id: uuid.UUID, actions: Iterable[str]) -> History | None:
    for h in histories(Complaint.id == case_id, actions=actions):
        return h
    return None


def steps_of(case_id: uuid.UUID) -> tuple[Step, ...]:
    """Every step of one case, oldest first."""
    rows: Any = (
        CaseAction.select(CaseAction.action, CaseAction.to_status, CaseAction.at)
        .where((CaseAction.complaint == case_id) & ACCEPTED)
        .order_by(CaseAction.seq)
        .tuples()
    )
    return tuple(Step(str(a), str(t), at) for a, t, at in rows)


def steps_of_cases(case_ids: Iterable[uuid.UUID | str]) -> dict[str, tuple[Step, ...]]:
    """`steps_of` for many cases in one query (keyed by the case id as text)."""
    rows: Any = (
        CaseAction.select(CaseAction.complaint, CaseAction.action, CaseAction.to_status,
                          CaseAction.at)
        .where(CaseAction.complaint.in_(list(case_ids)) & ACCEPTED)
        .order_by(CaseAction.complaint, CaseAction.seq)
        .tuples()
    )  # fmt: skip
    out: dict[str, list[Step]] = {}
    for cid, a, t, at in rows:
        out.setdefault(str(cid), []).append(Step(str(a), str(t), at))
    return {k: tuple(v) for k, v in out.items()}
