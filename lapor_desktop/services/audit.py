"""The audit trail: written in the same transaction as the change it describes.

Every entry is also a line in the log file (lapor_desktop/logs.py): the action's name and
its key where the key is a ticket, a code, a number or a staff user name. The detail is
never logged (it can hold a masked NIK, a reason typed by a person, a letterhead's text).
The line is written when the entry is made, inside the transaction: an action whose
transaction is rolled back afterwards still has its line, followed by the error.
"""

from __future__ import annotations

import logging

from lapor_desktop.db.models import AuditLog
from lapor_desktop.services.context import Ctx

log = logging.getLogger(__name__)

# Entities whose key (AuditLog.entity_id) names no member of the public: a ticket, a letter
# id or number, an office/category code, a staff user name, a date, a row id.
LOGGED_KEYS = frozenset(
    {
        "complaint",
        "letter",
        "office",
        "category",
        "user",
        "rule_set",
        "holiday_override",
        "reporter",  # the reporter row's UUID, never the NIK or the name
        "setting",
    }
)


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
    key = str(entity_id) if entity in LOGGED_KEYS else ""
    log.info(
        "action %s by %s%s",
        event,
        s.username if s else "-",
        f" {entity} {key}" if key else (f" {entity}" if entity else ""),
    )
