"""The audit trail: written in the same transaction as the change it describes."""

from __future__ import annotations

from lapor_desktop.db.models import AuditLog
from lapor_desktop.services.context import Ctx


def audit(ctx: Ctx, event: str, entity: str = "", entity_id: object = "", detail: str = "") -> None:
    s = ctx.session
    AuditLog.create(
        at=ctx.clock.now(),
        user=s.user_id if s else None,
        username=s.username if s else "",
        event=event,
        entity=entity,
        entity_id=str(entity_id),
        detail=detail,
    )
