"""The automatic transitions of the deadlines engine, idempotent however often they run:

- a DIJAWAB case whose reply window has passed is closed (AUTO_CLOSE -> SELESAI);
- an open case past the escalation limit gets one ESKALASI_OMBUDSMAN action (it continues).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
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
    out.closed = _act_on_late(
        ctx,
        now,
        candidates,
        lambda case: case.due_date is not None and case.due_date < today,
        Action.AUTO_CLOSE,
        "Ditutup otomatis: tidak ada tanggapan pelapor dalam masa tanggapan.",
    )
    due: Any = Complaint.select().where(
        Complaint.escalated_at.is_null()
        & (Complaint.escalation_due < today)
        & Complaint.status.in_(
            [s.value for s in deadlines.STAGE_CLOCK if s is not Status.DIJAWAB]
            + [Status.TERTUNDA.value]
        )
    )
    out.escalated = _act_on_late(
        ctx,
        now,
        due,
        lambda case: case.escalation_due is not None and case.escalation_due < today,
        Action.ESCALATE,
        "Melewati batas waktu penyelesaian; diteruskan ke Ombudsman sesuai SOP.",
    )
    return out


def _act_on_late(
    ctx: Ctx,
    now: datetime,
    candidates: Iterable[Complaint],
    late: Callable[[Complaint], bool],
    action: Action,
    note: str,
) -> list[str]:
    """`action` as the system on each candidate still `late` once its stored clocks are
    recomputed (as of `now`); the tickets acted on."""
    done = []
    for case in candidates:
        deadlines.refresh_due(case, now)
        if late(case):
            perform_as_system(ctx, case, action, note)
            done.append(case.ticket)
    return done
