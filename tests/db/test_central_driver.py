"""psycopg stays out of the desktop's start-up and is loaded for a central connection."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def test_opening_the_local_database_does_not_import_psycopg() -> None:
    out = _run(
        """
        import sys
        import lapor_desktop.services.storage, lapor_desktop.services.cases
        import peewee
        print("psycopg" in sys.modules and sys.modules["psycopg"] is not None, peewee.psycopg)
        """
    )
    assert out == "False None"


def test_load_driver_gives_peewee_psycopg3() -> None:
    out = _run(
        """
        import lapor_desktop.services.storage
        import peewee
        from lapor_desktop.db import central
        central.load_driver()
        central.load_driver()  # twice is harmless
        import psycopg
        db = peewee.PostgresqlDatabase("x")
        a = db._adapter
        print(peewee.psycopg is psycopg, type(a).__name__,
              a.txn_idle == psycopg.pq.TransactionStatus.IDLE,
              a.json_type is psycopg.types.json.Json)
        """
    )
    assert out == "True Psycopg3Adapter True True"


def test_a_refused_connection_is_an_error_not_a_hang() -> None:
    out = _run(
        """
        from lapor_desktop.db import central
        try:
            central.connect("host=127.0.0.1 port=1 dbname=x connect_timeout=2")
        except Exception as exc:
            print(type(exc).__name__)
        """
    )
    assert out == "OperationalError"
