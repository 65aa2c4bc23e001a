"""Keeping SP4N LAPOR! up to date (issue 18), behind one gateway interface.

LAPOR!'s integration API is open only to registered agency developers, so today's
gateway is manual: `pending` is the "Perlu dimutakhirkan di LAPOR!" list (cases with a
LAPOR! tracking ID whose LAPOR! status bucket or approved answer changed since they were
last marked as entered), with the bucket and the answer text ready to copy; `deliver`
records that a person entered them in LAPOR! (action LAPOR_ENTERED in each history). An
API gateway would implement the same two calls and send the data itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from lapor_desktop.db.models import database_proxy
from lapor_desktop.db.queries import lapor as queries
from lapor_desktop.domain.workflow import LAPOR_BUCKETS, Action, Role, Status
from lapor_desktop.services.audit import audit
from lapor_desktop.services.casework import load_case, record_action
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ValidationError


@dataclass(frozen=True)
class UpdateItem:
    ticket: str
    tracking_id: str
    title: str
    status: str  # internal
    status_label: str
    bucket: str  # what LAPOR! should show now
    entered_bucket: str | None  # what was last entered (None: never)
    answer: str  # the approved answer to copy ('' when there is none yet)
    answer_changed: bool
    entered_at: datetime | None
    opd: str | None

    @property
    def what(self) -> str:
        """What to change in LAPOR!, in Indonesian."""
        parts = []
        if self.bucket != (self.entered_bucket or ""):
            parts.append(f"status → {self.bucket}")
        if self.answer_changed:
            parts.append("jawaban baru")
        return ", ".join(parts)


@dataclass(frozen=True)
class DeliverResult:
    tickets: tuple[str, ...]
    skipped: tuple[str, ...]  # already up to date


class LaporGateway(Protocol):
    name: str

    def pending(self, ctx: Ctx) -> list[UpdateItem]: ...

    def deliver(self, ctx: Ctx, tickets: list[str]) -> DeliverResult: ...


def _bucket_map() -> dict[str, str]:
    return {s.value: b for s, b in LAPOR_BUCKETS.items()}


class ManualGateway:
    """A person types the changes into LAPOR! and marks them done here."""

    name = "manual"

    def pending(self, ctx: Ctx) -> list[UpdateItem]:
        ctx.require(Role.ADMIN_KABUPATEN)
        out = []
        for r in queries.pending(_bucket_map()):
            out.append(
                UpdateItem(
                    ticket=r.ticket,
                    tracking_id=r.tracking_id,
                    title=r.title,
                    status=r.status,
                    status_label=Status(r.status).label,
                    bucket=r.bucket,
                    entered_bucket=r.entered_bucket,
                    answer=r.answer or "",
                    answer_changed=(r.answer or "") != (r.entered_answer or ""),
                    entered_at=_dt(r.entered_at),
                    opd=r.opd,
                )
            )
        return out

    def deliver(self, ctx: Ctx, tickets: list[str]) -> DeliverResult:
        """Mark the cases as entered in LAPOR! (their current bucket and answer)."""
        s = ctx.require(Role.ADMIN_KABUPATEN)
        if not tickets:
            raise ValidationError("Pilih laporan yang sudah dimutakhirkan di LAPOR!.", "ticket")
        done: list[str] = []
        skipped: list[str] = []
        now = ctx.clock.now()
        with database_proxy.atomic("IMMEDIATE"):
            for t in tickets:
                case = load_case(t)
                if not case.tracking_id:
                    raise ValidationError(
                        f"Laporan {case.ticket} tidak memiliki ID tracking LAPOR!.", "ticket"
                    )
                status = Status(case.status)
                bucket = LAPOR_BUCKETS[status]
                answer = case.answer_text if case.answered_at is not None else ""
                if bucket == case.lapor_entered_bucket and answer == (
                    case.lapor_entered_answer or ""
                ):
                    skipped.append(case.ticket)
                    continue
                note = f"Status LAPOR!: {bucket}" + ("; jawaban disalin." if answer else ".")
                record_action(
                    ctx, case, Action.LAPOR_ENTERED, status, status, role=s.role, note=note, at=now
                )
                case.lapor_entered_bucket = bucket
                case.lapor_entered_answer = answer
                case.lapor_entered_at = now
                case.row_version += 1
                case.save()
                audit(ctx, "lapor_dimutakhirkan", "complaint", case.ticket, bucket)
                done.append(case.ticket)
        return DeliverResult(tuple(done), tuple(skipped))


def _dt(v: object) -> datetime | None:
    if v is None or isinstance(v, datetime):
        return v
    return datetime.fromisoformat(str(v))


def gateway() -> LaporGateway:
    """The gateway in use (the one place to choose an API gateway once there is one)."""
    return ManualGateway()


def pending(ctx: Ctx) -> list[UpdateItem]:
    return gateway().pending(ctx)


def mark_entered(ctx: Ctx, tickets: list[str]) -> DeliverResult:
    return gateway().deliver(ctx, tickets)
