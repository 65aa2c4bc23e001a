"""The shape of the central database: what OPD logins may write, the schema/client-version
gate, status, and two central databases in one cluster (attachments:
tests/sync/test_attachments.py)."""

from __future__ import annotations

import pytest

from lapor_desktop.central import admin
from lapor_desktop.central.migrations import LATEST
from lapor_desktop.central.names import RoleNames, prefix_for
from lapor_desktop.domain.workflow import Role
from tests.central.conftest import (
    PASSWORD,
    Central,
    _psycopg,
    drop_scratch,
    dsn_with,
    make_scratch,
)

pytestmark = pytest.mark.postgres

# Unique keys a client write may meet: random UUIDs, or numbers the server assigns itself.
# A staged attachment chunk's key starts with the pusher's own login: it meets only its own rows.
SERVER_OR_RANDOM_KEYS = {
    ("id",),
    ("complaint_id", "seq"),
    ("office_id", "year", "number"),
    ("login", "sha256", "n"),
}


def test_opd_writes_never_meet_a_meaningful_unique_key(central: Central) -> None:
    groups = [
        RoleNames(prefix_for(central.dbname)).group(r) for r in (Role.OPD_ADMIN, Role.OPD_HEAD)
    ]
    with central.admin() as c:
        tables = {
            r[0]
            for g in groups
            for r in c.execute(
                "SELECT table_name FROM information_schema.role_table_grants "
                "WHERE grantee = %s AND privilege_type IN ('INSERT', 'UPDATE')",
                (g,),
            ).fetchall()
        }
        assert tables == {"case_action", "attachment", "blob_upload", "letter", "sync_log"}
        for table in tables:
            keys = c.execute(
                "SELECT array_agg(a.attname ORDER BY k.n) FROM pg_index i "
                "JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true "
                "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                "WHERE i.indrelid = %s::regclass AND i.indisunique GROUP BY i.indexrelid",
                (f"lapor.{table}",),
            ).fetchall()
            assert {tuple(k[0]) for k in keys} <= SERVER_OR_RANDOM_KEYS, table


def test_every_login_reads_the_version_gate_and_upgrade_refuses_a_newer_schema(
    central: Central,
) -> None:
    for who in central.logins:
        with central.conn(who) as c:
            row = c.execute("SELECT schema_version, min_client_version FROM sync_meta").fetchone()
            assert row is not None and row[0] == LATEST
    db = admin.connect(central.admin_dsn)
    try:
        db.execute_sql("UPDATE lapor.sync_meta SET schema_version = 99")
        with pytest.raises(admin.CentralError, match="lebih baru dari aplikasi ini"):
            admin.upgrade(db)
        db.execute_sql(f"UPDATE lapor.sync_meta SET schema_version = {LATEST}")
        assert admin.upgrade(db) == (LATEST, LATEST)
    finally:
        db.close()


def test_status_names_a_transaction_that_holds_the_feed_back(central: Central) -> None:
    holder = _psycopg().connect(central.dsn(central.logins["desk"]), autocommit=False)
    try:
        holder.execute("INSERT INTO sync_log (client_version) VALUES ('0.1.0')")
        db = admin.connect(central.admin_dsn)
        try:
            s = admin.status(db, long_after=0)
        finally:
            db.close()
        assert central.logins["desk"] in {t["login"] for t in s["long_transactions"]}
    finally:
        holder.rollback()
        holder.close()


def test_two_central_databases_share_one_cluster(central: Central) -> None:
    dbname, dsn = make_scratch("two")
    owner = RoleNames(prefix_for(dbname)).owner
    try:
        db = admin.connect(dsn)
        try:
            # A name whose prefix is taken (another database "lc-two-…", or a leftover) is
            # refused instead of sharing that database's groups.
            db.execute_sql(f'CREATE ROLE "{owner}" NOLOGIN')
            with pytest.raises(admin.CentralError, match="sudah ada di server ini"):
                admin.init(db)
            db.execute_sql(f'DROP ROLE "{owner}"')
            admin.init(db)
        finally:
            db.close()
        # A login of the first database cannot even connect to the second.
        with pytest.raises(_psycopg().OperationalError, match="permission denied"):
            _psycopg().connect(
                dsn_with(dsn, user=central.logins["opd_a"], password=PASSWORD)
            ).close()
    finally:
        drop_scratch(dbname, [])


def test_every_synced_table_carries_its_change_txid_and_feed_index(central: Central) -> None:
    from lapor_desktop.central.feed import OPD_FEED, REGENCY_FEED
    from lapor_desktop.central.migrations.c0002_attachments import FEED_TABLES

    with central.admin() as c:
        for table in FEED_TABLES:
            col = c.execute(
                "SELECT data_type, column_default FROM information_schema.columns "
                "WHERE table_schema = 'lapor' AND table_name = %s AND column_name = 'txid'",
                (table,),
            ).fetchone()
            assert col == ("xid8", "pg_current_xact_id()"), table
            key = "code" if table == "category" else "id"
            index = c.execute(
                "SELECT count(*) FROM pg_indexes WHERE schemaname = 'lapor' AND tablename = %s "
                "AND indexdef LIKE %s",
                (table, f"%(txid, {key})"),
            ).fetchone()
            assert index == (1,), table
    pulled = {r for r, _ in (*REGENCY_FEED, *OPD_FEED)} - {"complaint_opd"}
    assert pulled <= set(FEED_TABLES)
