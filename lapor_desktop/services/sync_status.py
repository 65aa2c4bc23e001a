"""What the app shows about sync (issue 17), for the GUI (which never reads the database
itself): the Sinkronisasi page's lists and the runner's "what arrived" words."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from lapor_desktop.db.queries import sync as q
from lapor_desktop.domain.workflow import Role


def page_data() -> dict[str, Any]:
    """Everything the Sinkronisasi page lists (history, refused rows, conflicts, unsent
    work per person, the stored connection without its password)."""
    from lapor_desktop.sync import online

    return {
        "history": q.history(),
        "failed": q.failed_rows(),
        "conflicts": q.conflict_rows(),
        "unsent": q.unsent_by_person(),
        "connection": online.connection_params(),
    }


def last_cycle() -> q.Cycle | None:
    return q.last_cycle()


def action_mark() -> datetime | None:
    return q.action_mark()


def arrivals(
    mark: datetime | None, role: Role, office_id: uuid.UUID | None, me: uuid.UUID | None
) -> list[str]:
    return q.arrivals(mark, role, office_id, me)
