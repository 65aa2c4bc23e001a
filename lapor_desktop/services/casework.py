"""Every action of the workflow table as one service call in one transaction: the status
change, the immutable action record and the audit entry are written together, or nothing.

The workflow table (domain/workflow.py) decides what is allowed; this module adds what only
the data can tell: office scope, required fields, and the side effects of each action.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from lapor_desktop.db.models import CaseAction, Category, Complaint, Office, database_proxy
from lapor_desktop.domain.channels import KLASIFIKASI
from lapor_desktop.domain.workflow import (
    CASEWORK_ROLES,
    Action,
    Role,
    Scope,
    Status,
    TransitionNotAllowed,
    next_status,
    transition_for,
)
from lapor_desktop.services import deadlines, letters_register
from lapor_desktop.services.audit import audit
from lapor_desktop.services.context import Ctx, Session
from lapor_desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from lapor_desktop.services.scope import can_read, is_assigned, not_found
from lapor_desktop.services.text import checked_text

NOTE_MAX = 200_000  # answers and notes may quote a whole letter


@dataclass(frozen=True)
class ActionResult:
    ticket: str
    action: Action
    from_status: Status
    status: Status
    letter_number: str | None = None


def load_case(ticket: str, *, for_update: bool = False) -> Complaint:
    case = Complaint.get_or_none(Complaint.ticket == ticket.strip().upper())
    if case is None:
        raise not_found(ticket)
    return case


def _office_by_code(code: str | None, field: str = "opd") -> Office:
    if not code or not code.strip():
        raise ValidationError("OPD tujuan wajib dipilih.", field)
    office = Office.get_or_none(Office.code == code.strip().upper())
    if office is None or not office.active:
        raise ValidationError(f"OPD dengan kode '{code}' tidak ditemukan atau tidak aktif.", field)
    if office.kind != "opd":
        raise ValidationError("Disposisi hanya ke OPD, bukan ke kantor admin kabupaten.", field)
    return office


def active_category(code: str | None) -> Category:
    """The active category with this code (intake and verification); refused otherwise."""
    if not code or not code.strip():
        raise ValidationError("Kategori wajib dipilih.", "category")
    cat = Category.get_or_none(Category.code == code.strip().upper())
    if cat is None or not cat.active:
        raise ValidationError(f"Kategori '{code}' tidak dikenal.", "category")
    return cat


def check_klasifikasi(value: str | None) -> str:
    v = (value or "").strip().lower()
    if v == "permintaan informasi":
        v = "informasi"
    if v not in KLASIFIKASI:
        raise ValidationError(
            "Klasifikasi harus pengaduan, aspirasi atau informasi.", "klasifikasi"
        )
    return v


def check_scope(s: Session, action: Action, case: Complaint) -> None:
    """Office scope of the workflow table row, plus: nobody acts on what they cannot read."""
    if not can_read(s, case):
        raise not_found(case.ticket)
    t = transition_for(action)
    if t.scope is Scope.ASSIGNED_OPD and not is_assigned(s, case):
        raise PermissionDenied(
            f"Laporan {case.ticket} tidak sedang didisposisikan ke {s.office_name}."
        )
    # Only internal notes are open to OPD users on the regency side of the table, and only
    # on cases currently with their OPD (a case handed on is read-only for them).
    if t.scope is Scope.REGENCY and s.is_opd:
        if action is not Action.NOTE:
            raise PermissionDenied("Tindakan ini hanya untuk kantor admin kabupaten.")
        if not is_assigned(s, case):
            raise PermissionDenied(
                f"Laporan {case.ticket} tidak sedang didisposisikan ke {s.office_name}."
            )


def allowed_for(s: Session, case: Complaint) -> tuple[Action, ...]:
    """The actions this user may take on this case now (the GUI enables exactly these)."""
    from lapor_desktop.domain.workflow import allowed_actions

    out = []
    for action in allowed_actions(Status(case.status), s.role):
        try:
            check_scope(s, action, case)
        except ServiceError:
            continue
        if action is Action.ESCALATE and case.escalated_at is not None:
            continue
        out.append(action)
    return tuple(out)


def next_seq(case_id: uuid.UUID) -> int:
    from peewee import fn

    last = CaseAction.select(fn.MAX(CaseAction.seq)).where(CaseAction.complaint == case_id).scalar()
    return int(last or 0) + 1


def record_action(
    ctx: Ctx,
    case: Complaint,
    action: Action,
    from_status: Status | None,
    to_status: Status,
    *,
    role: Role,
    note: str = "",
    opd: Office | None = None,
    for_reporter: bool = False,
    at: datetime | None = None,
) -> CaseAction:
    s = ctx.session
    return CaseAction.create(
        id=uuid.uuid4(),
        complaint=case.id,
        seq=next_seq(case.id),
        action=action.value,
        from_status=from_status.value if from_status else None,
        to_status=to_status.value,
        user=s.user_id if s else None,
        role=role.value,
        office=s.office_id if s else None,
        opd=opd.id if opd else None,
        note=note,
        for_reporter=for_reporter,
        at=at or ctx.clock.now(),
    )


def perform(
    ctx: Ctx,
    ticket: str,
    action: Action,
    *,
    note: str = "",
    opd: str | None = None,
    category: str | None = None,
    klasifikasi: str | None = None,
    for_reporter: bool = False,
) -> ActionResult:
    """Perform `action` on the case `ticket` as the signed-in user (or the system)."""
    s = ctx.session
    if s is None:
        raise PermissionDenied("Silakan masuk (login) terlebih dahulu.")
    role = s.role
    if role not in CASEWORK_ROLES:
        raise PermissionDenied(f"Peran {role.label} tidak menangani laporan.")
    t = transition_for(action)
    if t.own_service:
        raise PermissionDenied(f"Tindakan '{action.label}' dilakukan melalui menunya sendiri.")
    note = checked_text(
        note, field="note", label="Catatan", max_len=NOTE_MAX, required=t.needs_note
    )
    deadlines.calendar()  # built (0.3-1 s, once per process) before the write lock, not under it
    # IMMEDIATE: take the write lock first, so two PCs' actions on one case serialize.
    with database_proxy.atomic("IMMEDIATE"):
        case = load_case(ticket)
        if action is Action.REPORTER_RESPONSE and case.duplicate_of_id is not None:
            # The reporter's later responses land on the main case (issue 18).
            case = Complaint.get_by_id(case.duplicate_of_id)
        if role not in t.roles:  # the role first: "not your job" before "not your case"
            raise PermissionDenied(
                f"Peran {role.label} tidak berwenang melakukan tindakan '{action.label}'."
            )
        check_scope(s, action, case)
        return _transition(
            ctx,
            case,
            action,
            role,
            note=note,
            opd=opd,
            category=category,
            klasifikasi=klasifikasi,
            for_reporter=for_reporter,
        )


def perform_as_system(ctx: Ctx, case: Complaint, action: Action, note: str) -> ActionResult:
    """The deadlines engine acting (auto close, automatic escalation); no user session."""
    with database_proxy.atomic("IMMEDIATE"):
        fresh = Complaint.get_by_id(case.id)
        return _transition(ctx.as_user(None), fresh, action, Role.SYSTEM, note=note)


def _transition(
    ctx: Ctx,
    case: Complaint,
    action: Action,
    role: Role,
    *,
    note: str = "",
    opd: str | None = None,
    category: str | None = None,
    klasifikasi: str | None = None,
    for_reporter: bool = False,
) -> ActionResult:
    now = ctx.clock.now()
    current = Status(case.status)
    try:
        new = next_status(current, action, role)
    except TransitionNotAllowed as exc:
        raise PermissionDenied(exc.reason) from None
    target_opd: Office | None = None
    letter_no: str | None = None
    if action is Action.VERIFY:
        case.category = active_category(category or case.category_id)
        case.klasifikasi = check_klasifikasi(klasifikasi or case.klasifikasi)
    elif action in (Action.DISPOSE, Action.REDISPOSE):
        target_opd = _office_by_code(opd)
        if action is Action.REDISPOSE and target_opd.id == case.opd_id:
            raise ValidationError("Laporan sudah didisposisikan ke OPD itu.", "opd")
        if category:
            case.category = active_category(category)
        case.opd = target_opd
        case.disposed_at = now
    elif action is Action.NOT_OURS:
        if opd:
            target_opd = _office_by_code(opd)  # the OPD it suggests
        case.opd = None
    elif action is Action.SUBMIT_ANSWER:
        case.answer_text = note
    elif action is Action.APPROVE:
        case.answered_at = now
        letter_no = letters_register.reserve(ctx, case, "answer").full_number
    elif action is Action.REPORTER_RESPONSE:
        case.reopen_count += 1
        case.answered_at = None
    elif action in (Action.ACCEPT, Action.CLOSE, Action.AUTO_CLOSE, Action.ARCHIVE):
        case.closed_at = now
    elif action is Action.ESCALATE:
        if case.escalated_at is not None:
            raise ValidationError(f"Laporan {case.ticket} sudah dieskalasi ke Ombudsman.", "action")
        case.escalated_at = now
    record_action(
        ctx,
        case,
        action,
        current,
        new,
        role=role,
        note=note,
        opd=target_opd,
        for_reporter=for_reporter and action is Action.FOLLOWUP_NOTE,
        at=now,
    )
    case.status = new.value
    case.row_version += 1
    deadlines.refresh_due(case, now)
    case.save()
    audit(
        ctx,
        f"kasus_{action.value.lower()}",
        "complaint",
        case.ticket,
        f"{current.value} -> {new.value}",
    )
    return ActionResult(case.ticket, action, current, new, letter_no)


# One named call per user action (the GUI and the CLI call these).


def verify(
    ctx: Ctx, ticket: str, *, category: str, klasifikasi: str | None = None, note: str = ""
) -> ActionResult:
    return perform(
        ctx, ticket, Action.VERIFY, category=category, klasifikasi=klasifikasi, note=note
    )


def dispose(
    ctx: Ctx, ticket: str, *, opd: str, note: str = "", category: str | None = None
) -> ActionResult:
    return perform(ctx, ticket, Action.DISPOSE, opd=opd, note=note, category=category)


def redispose(ctx: Ctx, ticket: str, *, opd: str, note: str = "") -> ActionResult:
    return perform(ctx, ticket, Action.REDISPOSE, opd=opd, note=note)


def hold(ctx: Ctx, ticket: str, *, note: str) -> ActionResult:
    return perform(ctx, ticket, Action.HOLD, note=note)


def resume(ctx: Ctx, ticket: str, *, note: str = "") -> ActionResult:
    return perform(ctx, ticket, Action.RESUME, note=note)


def archive(ctx: Ctx, ticket: str, *, note: str) -> ActionResult:
    return perform(ctx, ticket, Action.ARCHIVE, note=note)


def start(ctx: Ctx, ticket: str, *, note: str = "") -> ActionResult:
    return perform(ctx, ticket, Action.START, note=note)


def followup_note(ctx: Ctx, ticket: str, *, note: str, for_reporter: bool = False) -> ActionResult:
    return perform(ctx, ticket, Action.FOLLOWUP_NOTE, note=note, for_reporter=for_reporter)


def not_ours(ctx: Ctx, ticket: str, *, note: str, suggested_opd: str | None = None) -> ActionResult:
    return perform(ctx, ticket, Action.NOT_OURS, note=note, opd=suggested_opd)


def submit_answer(ctx: Ctx, ticket: str, *, answer: str) -> ActionResult:
    return perform(ctx, ticket, Action.SUBMIT_ANSWER, note=answer)


def approve(ctx: Ctx, ticket: str, *, note: str = "") -> ActionResult:
    return perform(ctx, ticket, Action.APPROVE, note=note)


def return_answer(ctx: Ctx, ticket: str, *, note: str) -> ActionResult:
    return perform(ctx, ticket, Action.RETURN_ANSWER, note=note)


def reporter_response(ctx: Ctx, ticket: str, *, note: str) -> ActionResult:
    return perform(ctx, ticket, Action.REPORTER_RESPONSE, note=note)


def accept(ctx: Ctx, ticket: str, *, note: str = "") -> ActionResult:
    return perform(ctx, ticket, Action.ACCEPT, note=note)


def close(ctx: Ctx, ticket: str, *, note: str = "") -> ActionResult:
    return perform(ctx, ticket, Action.CLOSE, note=note)


def escalate(ctx: Ctx, ticket: str, *, note: str = "") -> ActionResult:
    return perform(ctx, ticket, Action.ESCALATE, note=note)


def internal_note(ctx: Ctx, ticket: str, *, note: str) -> ActionResult:
    return perform(ctx, ticket, Action.NOTE, note=note)
