"""The automatic transitions of the deadlines engine, idempotent however often they run:

- a DIJAWAB case whose reply window has passed is closed (AUTO_CLOSE -> SELESAI);
- an open case past the escalation limit gets one ESKALASI_OMBUDSMAN action (it continues).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
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


@dataclass(frozen=True)
class _Automatic:
    """One automatic transition: the stored due date it watches (candidates: before
    today), the statuses it applies in, and the action it takes with its note."""

    due: Any  # a date column of complaint
    statuses: tuple[str, ...]
    action: Action
    note: str
    only_once: bool = False  # escalation: a case is flagged once

    def candidates(self, today: date) -> Any:
        cond = (self.due < today) & Complaint.status.in_(list(self.statuses))
        if self.only_once:
            cond &= Complaint.escalated_at.is_null()
        return Complaint.select().where(cond)

    def late(self, case: Complaint, today: date) -> bool:
        due = getattr(case, self.due.name)
        return due is not None and due < today


_AUTO_CLOSE = _Automatic(
    Complaint.due_date,
    (Status.DIJAWAB.value,),
    Action.AUTO_CLOSE,
    "Ditutup otomatis: tidak ada tanggapan pelapor dalam masa tanggapan.",
)
_ESCALATE = _Automatic(
    Complaint.escalation_due,
    tuple(s.value for s in deadlines.ESCALATABLE),
    Action.ESCALATE,
    "Melewati batas waktu penyelesaian; diteruskan ke Ombudsman sesuai SOP.",
    only_once=True,
)


def apply_automatic(ctx: Ctx) -> AutomationResult:
    """Run as the system (no session: a scheduler) or by the regency admin."""
    if ctx.session is not None:
        ctx.require(Role.ADMIN_KABUPATEN)
    now = ctx.clock.now()
    return AutomationResult(closed=_run(ctx, now, _AUTO_CLOSE), escalated=_run(ctx, now, _ESCALATE))


def _run(ctx: Ctx, now: datetime, rule: _Automatic) -> list[str]:
    """`rule`'s action as the system on each candidate still late once its stored clocks
    are recomputed (stored due dates may be stale after a holiday change or a long
    weekend); the tickets acted on."""
    today = now.date()
    done = []
    for case in rule.candidates(today):
        deadlines.refresh_due(case, now)
        if rule.late(case, today):
            perform_as_system(ctx, case, rule.action, rule.note)
            done.append(case.ticket)
    return done
