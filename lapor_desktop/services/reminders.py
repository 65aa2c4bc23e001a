"""Reminders for the signed-in user: each case in scope that becomes due soon, due today or
overdue is announced once per case, clock, stage and due date (ReminderSent remembers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from lapor_desktop.db.models import Complaint, ReminderSent, database_proxy
from lapor_desktop.services.cases import WorkItem, work_list
from lapor_desktop.services.context import Ctx


@dataclass(frozen=True)
class Reminder:
    ticket: str
    title: str
    clock_label: str
    state: str
    state_label: str
    due: date

    @property
    def message(self) -> str:
        return (
            f"{self.ticket} — {self.clock_label}: {self.state_label.lower()} ({self.due:%d-%m-%Y})"
        )


def pending_reminders(ctx: Ctx, today: date | None = None) -> list[Reminder]:
    """The reminders not shown to this user before; recorded as shown in the same call."""
    s = ctx.user()
    items: list[WorkItem] = work_list(ctx, today)
    if not items:
        return []
    now = ctx.clock.now()
    out: list[Reminder] = []
    with database_proxy.atomic("IMMEDIATE"):
        rows: Any = (
            Complaint.select(Complaint.ticket, Complaint.id)
            .where(Complaint.ticket.in_([i.ticket for i in items]))
            .tuples()
        )
        ids: dict[str, Any] = dict(rows)
        for item in items:
            _, created = ReminderSent.get_or_create(
                user=s.user_id,
                complaint=ids[item.ticket],
                clock=item.clock,
                stage=item.state,
                due_date=item.due,
                defaults={"at": now},
            )
            if created:
                out.append(
                    Reminder(
                        item.ticket,
                        item.title,
                        item.clock_label,
                        item.state,
                        item.state_label,
                        item.due,
                    )
                )
    return out
