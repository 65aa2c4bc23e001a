"""The central PostgreSQL connection, and why psycopg is imported only when it is needed.

peewee imports psycopg (≈0.2–0.4 s with its C extension) as soon as peewee itself is
imported, although an office PC talks to PostgreSQL only while it syncs. `lapor_desktop`
therefore marks psycopg as not importable before peewee loads (`defer_driver`), and
`load_driver` brings it in and hands it to peewee the first time a central connection is
made. If peewee was already imported with psycopg, both are no-ops.
"""

from __future__ import annotations

import sys
from typing import Any

_MODULE = "psycopg"


def defer_driver() -> None:
    """Keep peewee from importing psycopg; call before the first `import peewee`."""
    if "peewee" not in sys.modules and _MODULE not in sys.modules:
        # A None entry makes `import psycopg` raise ImportError, which peewee treats as
        # "driver not installed" — until `load_driver` puts the real module in place.
        sys.modules[_MODULE] = None  # type: ignore[assignment]


def load_driver() -> None:
    """Import psycopg and give peewee the names it binds at import time."""
    if _MODULE in sys.modules and sys.modules[_MODULE] is None:
        del sys.modules[_MODULE]
    import peewee
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    if getattr(peewee, "psycopg", None) is psycopg:
        return
    module: Any = peewee
    module.psycopg = psycopg
    module.TransactionStatus = TransactionStatus
    module.Json_pg3 = Json
    module.Jsonb_pg3 = Jsonb
    adapter: Any = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN


def connect(dsn: str) -> Any:
    """An open peewee `PostgresqlDatabase` for a libpq DSN (`host=… dbname=…` or a URI)."""
    load_driver()
    from peewee import PostgresqlDatabase
    from psycopg.conninfo import conninfo_to_dict

    params: dict[str, Any] = dict(conninfo_to_dict(dsn))
    db = PostgresqlDatabase(params.pop("dbname", None) or "", **params)
    db.connect()
    return db
