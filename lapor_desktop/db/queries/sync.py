"""The read side of the Sinkronisasi page and of the background sync (issue 17): cycles
(sync_log), rejected rows (sync_failed) with what they were, conflicts, unsent work per
person, and what arrived in a cycle (for the tray: "3 disposisi baru untuk PUPR")."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import fn

from lapor_desktop.db.models import (
    Attachment,
    CaseAction,
    Complaint,
    Letter,
    Office,
    Reporter,
    SyncConflict,
    SyncFailed,
    SyncLog,
    User,
)
from lapor_desktop.domain.workflow import Action, Role


@dataclass(frozen=True)
class Cycle:
    at: datetime
    ok: bool
    pushed: int
    pulled: int
    rejected: int
    conflicts: int
    seconds: float
    error: str


def history(limit: int = 200) -> list[Cycle]:
    rows = SyncLog.select().order_by(SyncLog.id.desc()).limit(limit)
    return [
        Cycle(r.at, r.ok, r.pushed, r.pulled, r.rejected, r.conflicts, r.seconds, r.error)
        for r in rows
    ]


def last_cycle() -> Cycle | None:
    rows = history(1)
    return rows[0] if rows else None


@dataclass(frozen=True)
class Failed:
    id: int
    entity: str
    entity_id: str
    reason: str
    at: datetime
    ticket: str  # "" when the row is not a case's
    what: str  # the action's label (or the entity)
    note: str
    author: str


def failed_rows() -> list[Failed]:
    """The unresolved rows the server refused, newest first, with what they were."""
    out: list[Failed] = []
    for f in SyncFailed.select().where(~SyncFailed.resolved).order_by(SyncFailed.id.desc()):
        ticket = what = note = author = ""
        if f.entity == "case_action":
            a = (
                CaseAction.select(CaseAction, Complaint.ticket, User.full_name)
                .join(Complaint)
                .switch(CaseAction)
                .join(User, on=(CaseAction.user == User.id))
                .where(CaseAction.id == f.entity_id)
                .objects()
                .first()
            )
            if a is not None:
                ticket, note, author = a.ticket, a.note, a.full_name
                try:
                    what = Action(a.action).label
                except ValueError:
                    what = a.action
        elif f.entity == "attachment":
            att = (
                Attachment.select(Attachment, Complaint.ticket, User.full_name)
                .join(Complaint)
                .switch(Attachment)
                .join(User, on=(Attachment.added_by == User.id))
                .where(Attachment.id == f.entity_id)
                .objects()
                .first()
            )
            if att is not None:
                ticket, author = att.ticket, att.full_name
                what = f"Lampiran {att.filename}"
        out.append(
            Failed(
                f.id, f.entity, f.entity_id, f.reason, f.at, ticket, what or f.entity, note, author
            )
        )
    return out


@dataclass(frozen=True)
class Conflict:
    id: str
    entity: str
    entity_id: str
    reason: str
    at: datetime


def conflict_rows() -> list[Conflict]:
    rows = SyncConflict.select().where(~SyncConflict.resolved).order_by(SyncConflict.at.desc())
    return [Conflict(r.id, r.entity, r.entity_id, r.reason, r.at) for r in rows]


@dataclass(frozen=True)
class Unsent:
    username: str
    full_name: str
    active: bool
    actions: int
    cases: int
    letters: int


def unsent_by_person() -> list[Unsent]:
    """What waits on this PC, per person (for the system admin's hand-over when a login
    was disabled: its work stays here until someone sends or redoes it)."""
    counts: dict[Any, dict[str, int]] = {}

    def add(model: Any, author: Any, key: str) -> None:
        q = (
            model.select(author.alias("who"), fn.COUNT(model.id).alias("n"))
            .where(model.pushed_at.is_null())
            .group_by(author)
            .tuples()
        )
        for who, n in q:
            counts.setdefault(str(who), {}).setdefault(key, 0)
            counts[str(who)][key] += n

    add(CaseAction, CaseAction.user, "actions")
    add(Complaint, Complaint.created_by, "cases")
    add(Reporter, Reporter.registered_by, "cases_r")
    add(Letter, Letter.reserved_by, "letters")
    out = []
    for who, c in counts.items():
        u = User.get_or_none(User.id == who) if who != "None" else None
        out.append(
            Unsent(
                u.username if u else "-",
                u.full_name if u else "(sistem)",
                bool(u.active) if u else True,
                c.get("actions", 0),
                c.get("cases", 0),
                c.get("letters", 0),
            )
        )
    return sorted(out, key=lambda r: r.username)


# ---------------------------------------------------------------- what arrived


def action_mark() -> datetime | None:
    """When the last rows arrived: a pulled action is stamped with its cycle's time
    (`pushed_at`), so those of a later cycle have a later one."""
    value = CaseAction.select(fn.MAX(CaseAction.pushed_at)).scalar()
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def arrivals(
    mark: datetime | None, role: Role, office_id: uuid.UUID | None, me: uuid.UUID | None
) -> list[str]:
    """What a cycle brought for this person, in words for the tray: dispositions to their
    office, answers waiting for their approval, answers returned to them, answers
    approved for the regency to send."""
    q: Any = CaseAction.select(
        CaseAction.action, CaseAction.opd, CaseAction.office, CaseAction.user
    ).where(CaseAction.accepted == True)  # noqa: E712
    if mark is not None:
        q = q.where(CaseAction.pushed_at > mark)
    q = q.tuples()
    mine = str(office_id) if office_id else ""
    new_dispo = answers_wait = answers_back = approved = 0
    for action, opd, office, user in q:
        if me is not None and str(user) == str(me):
            continue  # one's own action coming back from the server
        if action in (Action.DISPOSE, Action.REDISPOSE) and str(opd) == mine:
            new_dispo += 1
        elif action == Action.SUBMIT_ANSWER and str(office) == mine and role == Role.OPD_HEAD:
            answers_wait += 1
        elif action == Action.RETURN_ANSWER and str(office) == mine and role == Role.OPD_ADMIN:
            answers_back += 1
        elif action == Action.APPROVE and role == Role.ADMIN_KABUPATEN:
            approved += 1
    out = []
    if new_dispo and role in (Role.OPD_ADMIN, Role.OPD_HEAD):
        name = Office.get_or_none(Office.id == mine)
        code = name.code if name else ""
        out.append(f"{new_dispo} disposisi baru untuk {code}")
    if answers_wait:
        out.append(
            "Jawaban menunggu persetujuan Anda" + (f" ({answers_wait})" if answers_wait > 1 else "")
        )
    if answers_back:
        out.append("Jawaban dikembalikan" + (f" ({answers_back})" if answers_back > 1 else ""))
    if approved:
        out.append(f"{approved} jawaban OPD disetujui, siap diteruskan")
    return out
