"""The automatic transitions of the deadlines engine, idempotent however often they run:

- a DIJAWAB case whose reply window has passed is closed (AUTO_CLOSE -> SELESAI);
- an open case past the escalation limit gets one ESKALASI_OMBUDSMAN action (it continues).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lapor_desktop.db.models import Complaint
from lapor_desktop.domain.workflow import Action, Role, Status
from lapor_desktop.services import deadlines
from lapor_desktop.services.casework import perform_as_system
from lapor_desktop.services.context import Ctx


@dataclass
class AutomationResult:
    closed: list[str] = field(default_factory=list)
    escalated: list[str] = field(default_factory=list)


def apply_automatic(ctx: Ctx) -> AutomationResult:
    """Run as the system (no session: a scheduler) or by the regency admin."""
    if ctx.session is not None:
        ctx.require(Role.ADMIN_KABUPATEN)
    now = ctx.clock.now()
    today = now.date()
    out = AutomationResult()
    # Stored due dates may be stale after a holiday change or a long weekend; the clocks are
    # recomputed for every candidate before acting.
    candidates: Any = Complaint.select().where(
        (Complaint.status == Status.DIJAWAB.value) & (Complaint.due_date < today)
    )
    for case in candidates:
        deadlines.refresh_due(case, now)
        if case.due_date is not None and case.due_date < today:
            perform_as_system(
                ctx,
                case,
                Action.AUTO_CLOSE,
                "Ditutup otomatis: tidak ada tanggapan pelapor dalam masa tanggapan.",
            )
            out.closed.append(case.ticket)
    due: Any = Complaint.select().where(
        Complaint.escalated_at.is_null()
        & (Complaint.escalation_due < today)
        & Complaint.status.in_(
            [s.value for s in deadlines.STAGE_CLOCK if s is not Status.DIJAWAB]
            + [Status.TERTUNDA.value]
        )
    )
    for case in due:
        deadlines.refresh_due(case, now)
        if case.escalation_due is not None and case.escalation_due < today:
            perform_as_system(
                ctx,
                case,
                Action.ESCALATE,
                "Melewati batas waktu penyelesaian; diteruskan ke Ombudsman sesuai SOP.",
            )
            out.escalated.append(case.ticket)
    return out
