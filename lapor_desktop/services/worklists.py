"""The work lists beside the navigation and their counts: what waits for this user (an
OPD's inbox, to verify, to approve, overdue), in the user's scope, the overdue first.
Which of them a user has is the page table in domain/permissions.py (PAGE_BADGES)."""

from __future__ import annotations

from lapor_desktop.domain.permissions import capabilities
from lapor_desktop.domain.sla import ClockState
from lapor_desktop.domain.workflow import Status
from lapor_desktop.services import cases
from lapor_desktop.services.context import Ctx

# Every work list in deadline order: the overdue first, then what falls due soonest
# (cases.list_cases sort key, descending).
WORK_ORDER = ("due_date", False)
# An OPD's inbox: dispositions not yet taken up, and cases in progress (answers the head
# returned, reporters' responses) — what the office has to act on.
INBOX_STATUSES = (Status.TERDISPOSISI.value, Status.DIPROSES.value)


def work_filter(ctx: Ctx, badge: str) -> cases.CaseFilter:
    """The cases counted by a badge ('inbox' | 'verify' | 'approve' | 'overdue'), as a
    list filter."""
    s = ctx.user()
    own = s.office_code if s.is_opd else None
    if badge == "inbox":
        return cases.CaseFilter(statuses=INBOX_STATUSES, opd=own)
    if badge == "verify":
        return cases.CaseFilter(statuses=(Status.DITERIMA.value,))
    if badge == "approve":
        return cases.CaseFilter(statuses=(Status.MENUNGGU_PERSETUJUAN.value,), opd=own)
    if badge == "overdue":
        return cases.CaseFilter(clock_state=ClockState.OVERDUE.value, opd=own)
    raise ValueError(badge)


def badge_counts(ctx: Ctx) -> dict[str, int]:
    """Badge key -> count, for the user's pages (runs off the UI thread)."""
    return {
        b: cases.count_cases(ctx, work_filter(ctx, b)) for b in capabilities(ctx.user().role).badges
    }
