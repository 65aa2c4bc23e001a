"""A case leaves this PC (SYNC.md step 4: "revoked → purge locally, keeping own unsent
changes"; soft deletes and purges on the server).

Without unsent work of this PC on it, the case goes with its history (`apply.purge_case`).
With unsent work — actions taken or files attached here that never reached the server —
nothing of that work is deleted: those rows stay, parked in the visible "failed to sync"
list (sync_failed) with the reason, so their author sees them and the system admin's
"Belum terkirim" list still counts them; they are not pushed while parked. The case
header they belong to stays too (the person must see what the work was about), but
without what the server sent of it: the server's history and files of the case go, the
reporter is replaced by a stand-in that holds nothing, and the case leaves this office's
worklists (no current OPD here).

A person settles a parked row on the Sinkronisasi page: "Abaikan" marks it as never to
be sent (`settle`), and when nothing of a left case is still parked the case goes for
good. If the case is dispositioned back to this office, it comes back whole and the
parked work is released: it goes out at the next cycle and the server judges it against
the case as it then stands.

Called inside the apply's IMMEDIATE transaction (or a service's), with the sync flag on.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from lapor_desktop.db.models import Attachment, CaseAction, Complaint, Reporter, SyncFailed

REVOKED = "laporan sudah dialihkan dari OPD ini"
DELETED = "laporan sudah dihapus di server pusat"
REASONS = (REVOKED, DELETED)

# Entities whose rows can be own unsent work on a case (table name, model).
_WORK: tuple[tuple[str, Any], ...] = (("case_action", CaseAction), ("attachment", Attachment))


def _unsent(model: Any, case_id: str) -> list[str]:
    query: Any = (
        model.select(model.id)
        .where((model.complaint == case_id) & model.pushed_at.is_null())
        .tuples()
    )
    return [str(row[0]) for row in query]


def leave_case(case_id: str, now: datetime, reason: str = REVOKED) -> bool:
    """The case may no longer be on this PC. Purged when no unsent work of this PC is on
    it; otherwise kept with that work parked (see the module). True when kept."""
    from lapor_desktop.sync import apply, attachments

    header = Complaint.get_or_none(Complaint.id == case_id)
    if header is None:
        return False
    if uuid.UUID(str(case_id)).hex in left_cases():
        return True  # left already (a later window or a full resync says so again)
    work = {table: _unsent(model, case_id) for table, model in _WORK}
    if not any(work.values()):
        apply.purge_case(case_id)
        return False
    for table, ids in work.items():
        for entity_id in ids:
            SyncFailed.insert(
                entity=table, entity_id=entity_id, reason=reason, resolved=False, at=now
            ).on_conflict(
                conflict_target=[SyncFailed.entity, SyncFailed.entity_id],
                update={SyncFailed.reason: reason, SyncFailed.resolved: False, SyncFailed.at: now},
            ).execute()
    # What the server sent of the case goes: its history and files (own work stays).
    CaseAction.delete().where(
        (CaseAction.complaint == case_id) & CaseAction.pushed_at.is_null(False)
    ).execute()
    sent = Attachment.select(Attachment.sha256).where(
        (Attachment.complaint == case_id) & Attachment.pushed_at.is_null(False)
    )
    shas = [a.sha256 for a in sent]
    Attachment.delete().where(
        (Attachment.complaint == case_id) & Attachment.pushed_at.is_null(False)
    ).execute()
    attachments.forget_unreferenced(shas)
    # The reporter: a stand-in that holds nothing (as for an anonim case on an OPD PC).
    old = str(header.reporter_id)
    stand_in = apply.stand_in_reporter(case_id)
    if uuid.UUID(old) != uuid.UUID(stand_in):
        Reporter.insert(
            id=stand_in,
            nik=None,
            name="(tidak tersedia)",
            sex="",
            birth_date=None,
            address="",
            phone="",
            email="",
            pushed_at=now,
        ).on_conflict_ignore().execute()
    Complaint.update(reporter=stand_in, opd=None).where(Complaint.id == case_id).execute()
    apply.drop_reporter_if_unused(old)
    return True


def _parked(reasons: tuple[str, ...] = REASONS, resolved: bool = False) -> dict[str, set[str]]:
    """{entity: ids} of rows parked because their case left this PC."""
    out: dict[str, set[str]] = {}
    query: Any = (
        SyncFailed.select(SyncFailed.entity, SyncFailed.entity_id)
        .where(SyncFailed.reason.in_(list(reasons)) & (SyncFailed.resolved == resolved))
        .tuples()
    )
    for entity, entity_id in query:
        out.setdefault(str(entity), set()).add(str(entity_id))
    return out


def left_cases() -> set[str]:
    """Cases kept on this PC only for own work parked when they left (32 hex digits)."""
    out: set[str] = set()
    for table, model in _WORK:
        ids = list(_parked().get(table, ()))
        for start in range(0, len(ids), 500):
            query: Any = (
                model.select(model.complaint).where(model.id.in_(ids[start : start + 500])).tuples()
            )
            out.update(uuid.UUID(str(row[0])).hex for row in query)
    return out


def back_again(rows: dict[str, list[dict[str, Any]]], office_id: str) -> None:
    """Cases of the window granted to this office again: their work parked when they left
    is released and goes out at the next cycle, where the server judges it."""
    wanted = {
        uuid.UUID(str(r["complaint_id"])).hex
        for r in rows.get("complaint_access", [])
        if r["active"] and str(r["office_id"]) == office_id
    }
    if not wanted:
        return
    for table, model in _WORK:
        ids = list(_parked((REVOKED,)).get(table, ()))
        if not ids:
            continue
        query: Any = model.select(model.id, model.complaint).where(model.id.in_(ids)).tuples()
        mine = [str(i) for i, c in query if uuid.UUID(str(c)).hex in wanted]
        if mine:
            SyncFailed.update(resolved=True).where(
                (SyncFailed.entity == table) & SyncFailed.entity_id.in_(mine)
            ).execute()


def settle(entity: str, entity_id: str, now: datetime) -> None:
    """A person chose to drop a row parked because its case left: it is never sent (an
    action is kept as refused here), and once nothing of that case is parked any more the
    case goes from this PC for good. Called after the sync_failed row was resolved."""
    from lapor_desktop.sync import apply

    model = dict(_WORK).get(entity)
    if model is None:
        return
    row = model.get_or_none(model.id == entity_id)
    if row is None:
        return
    case_id = str(row.complaint_id)
    apply.set_applying(True)  # history is append-only except for the sync itself
    try:
        _settle(model, entity_id, case_id, now)
    finally:
        apply.set_applying(False)


def _settle(model: Any, entity_id: str, case_id: str, now: datetime) -> None:
    from lapor_desktop.sync import apply

    if model is CaseAction:
        CaseAction.update(pushed_at=now, accepted=False, reason="tidak dikirim").where(
            CaseAction.id == entity_id
        ).execute()
    else:
        Attachment.update(pushed_at=now).where(Attachment.id == entity_id).execute()
    if uuid.UUID(case_id).hex not in left_cases():
        apply.purge_case(case_id)
