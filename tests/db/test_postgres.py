"""The models also work on PostgreSQL (the central database of SYNC.md).

Runs for real in CI (.ci/run starts a server and sets LAPOR_TEST_PG_DSN); elsewhere it is
skipped with the reason when no server is reachable.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from peewee import PostgresqlDatabase

from lapor_desktop.db import central
from lapor_desktop.db.models import ALL_MODELS, Office, database_proxy

DSN = os.environ.get("LAPOR_TEST_PG_DSN", "")


@pytest.fixture
def pg() -> Iterator[PostgresqlDatabase]:
    if not DSN:
        if os.environ.get("CI"):
            pytest.fail("CI must provide PostgreSQL (LAPOR_TEST_PG_DSN)")
        pytest.skip("no PostgreSQL: set LAPOR_TEST_PG_DSN to run")
    schema = f"t_{uuid.uuid4().hex[:8]}"
    try:
        db = central.connect(DSN)
    except Exception as exc:  # peewee wraps psycopg's errors
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    db.execute_sql(f'CREATE SCHEMA "{schema}"')
    db.execute_sql(f'SET search_path TO "{schema}"')
    database_proxy.initialize(db)
    try:
        yield db
    finally:
        db.execute_sql(f'DROP SCHEMA "{schema}" CASCADE')
        db.close()
        database_proxy.initialize(None)


def test_models_create_and_round_trip_uuid_keys(pg: PostgresqlDatabase) -> None:
    pg.create_tables(ALL_MODELS)
    oid = uuid.uuid4()
    Office.create(id=oid, code="DISKOMINFOSANDI", name="Diskominfosandi", kind="kabupaten")
    got = Office.get(Office.code == "DISKOMINFOSANDI")
    assert got.id == oid and isinstance(got.id, uuid.UUID)
    cols = {c.name: c.data_type for c in pg.get_columns("office")}
    assert cols["id"] == "uuid"


def test_a_failed_statement_leaves_the_connection_usable(pg: PostgresqlDatabase) -> None:
    # peewee reads the transaction status through the psycopg names that
    # central.load_driver hands it; a wrong one would leave the session aborted.
    assert pg.is_connection_usable()
    with pytest.raises(Exception, match="nosuchtable"):
        pg.execute_sql("SELECT * FROM nosuchtable")
    assert pg.is_connection_usable()
    assert pg.execute_sql("SELECT 41 + 1").fetchone() == (42,)
    with pg.atomic():
        pg.execute_sql("CREATE TABLE t_ok (x int)")
    assert pg.execute_sql("SELECT count(*) FROM t_ok").fetchone() == (0,)
