"""Many rows through one prepared statement on the local database (sqlite's
executemany), with the local database's classified failures: what a sync apply uses to
write a window of thousands of rows."""

from __future__ import annotations

from typing import Any

import peewee
from peewee import DatabaseError

from lapor_desktop.db.models import database_proxy


def execute_many(sql: str, params: list[Any]) -> None:
    """One prepared statement run for every parameter tuple (sqlite's executemany), with
    the local database's classified failures."""
    if not params:
        return
    db: Any = database_proxy.obj
    try:
        with peewee.__exception_wrapper__:  # type: ignore[attr-defined]
            db.connection().executemany(sql, params)
    except DatabaseError as exc:
        db._raise_problem(exc)
        raise
