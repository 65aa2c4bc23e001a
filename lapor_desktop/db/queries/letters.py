"""The letter register as rows."""

from __future__ import annotations

import uuid
from typing import Any

from peewee import JOIN

from lapor_desktop.db.models import Complaint, Letter, Office, User


def register(
    office: uuid.UUID | None = None, office_code: str | None = None, year: int | None = None
) -> list[dict[str, Any]]:
    """Every reserved number (of `office` or the office with `office_code`, of `year`, if
    given), by office, year and number. Each row by name: full_number, number, year,
    kind, office_code, ticket (None: no case), reserved_by (username; None: the
    system), reserved_at."""
    q = (
        Letter.select(
            Letter.full_number,
            Letter.number,
            Letter.year,
            Letter.kind,
            Office.code.alias("office_code"),
            Complaint.ticket,
            User.username.alias("reserved_by"),
            Letter.reserved_at,
        )
        .join(Office, on=(Letter.office == Office.id))
        .switch(Letter)
        .join(Complaint, join_type=JOIN.LEFT_OUTER, on=(Letter.complaint == Complaint.id))
        .switch(Letter)
        .join(User, join_type=JOIN.LEFT_OUTER, on=(Letter.reserved_by == User.id))
        .order_by(Office.code, Letter.year, Letter.number)
    )
    if office is not None:
        q = q.where(Letter.office == office)
    if office_code:
        q = q.where(Office.code == office_code)
    if year:
        q = q.where(Letter.year == year)
    rows: Any = q.dicts()
    return list(rows)
