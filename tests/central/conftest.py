"""One scratch central database for the session (`central init` is the slow part), with one
PostgreSQL login per role kind; tests connect as those logins with plain psycopg SQL and
each test makes its own cases.

Runs for real in CI (.ci/run starts PostgreSQL and sets LAPOR_TEST_PG_DSN to a superuser);
elsewhere it is skipped with the reason when no server is configured or reachable.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from lapor_desktop.db import central as driver

SUPER_DSN = os.environ.get("LAPOR_TEST_PG_DSN", "")
PASSWORD = "Sandi-uji-123"

pytestmark = pytest.mark.postgres


def _psycopg() -> Any:
    driver.load_driver()
    import psycopg

    return psycopg


def dsn_with(dsn: str, **changes: str) -> str:
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    _psycopg()
    params = {k: str(v) for k, v in conninfo_to_dict(dsn).items()}
    params.update(changes)
    return make_conninfo(**params)


@dataclass
class Central:
    """One scratch central database: its name, the admin DSN, and the person logins."""

    dbname: str
    admin_dsn: str
    logins: dict[str, str] = field(default_factory=dict)  # key -> login name
    ids: dict[str, Any] = field(default_factory=dict)
    open: dict[str, Any] = field(default_factory=dict)

    def dsn(self, login: str, password: str = PASSWORD) -> str:
        return dsn_with(self.admin_dsn, user=login, password=password)

    def conn(self, key: str) -> Any:
        """An autocommit psycopg connection as the person `key` (e.g. 'opd_a')."""
        return _psycopg().connect(self.dsn(self.logins[key]), autocommit=True)

    def admin(self) -> Any:
        return _psycopg().connect(self.admin_dsn, autocommit=True)

    def shared(self, key: str) -> Any:
        """A connection as `key` kept for the session (the helpers below push through it;
        a test's own `conn(...)` stays separate). 'owner' is the admin DSN."""
        c = self.open.get(key)
        if c is None or c.closed:
            c = self.admin() if key == "owner" else self.conn(key)
            self.open[key] = c
        return c

    def office_id(self, code: str) -> uuid.UUID:
        if code not in self.ids:
            row = (
                self.shared("owner")
                .execute("SELECT id FROM lapor.office WHERE code = %s", (code,))
                .fetchone()
            )
            assert row is not None, code
            self.ids[code] = row[0]
        return uuid.UUID(str(self.ids[code]))


# The person logins every module gets: key -> (role, office code).
PEOPLE = {
    "desk": ("FRONT_DESK", "DISKOMINFOSANDI"),
    "admin": ("ADMIN_KABUPATEN", "DISKOMINFOSANDI"),
    "auditor": ("AUDITOR", "INSPEKTORAT"),
    "sys": ("SYS_ADMIN", "DISKOMINFOSANDI"),
    "opd_a": ("OPD_ADMIN", "DINKES"),
    "head_a": ("OPD_HEAD", "DINKES"),
    "opd_b": ("OPD_ADMIN", "DISDIK"),
}
OPD_A, OPD_B = "DINKES", "DISDIK"


def require_server() -> str:
    if not SUPER_DSN:
        if os.environ.get("CI"):
            pytest.fail("CI must provide PostgreSQL (LAPOR_TEST_PG_DSN)")
        pytest.skip("no PostgreSQL: set LAPOR_TEST_PG_DSN to run")
    try:
        _psycopg().connect(SUPER_DSN, connect_timeout=5).close()
    except Exception as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    return SUPER_DSN


def drop_scratch(dbname: str, logins: list[str]) -> None:
    from lapor_desktop.central.names import RoleNames, prefix_for

    names = RoleNames(prefix_for(dbname))
    with _psycopg().connect(SUPER_DSN, autocommit=True) as c:
        c.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (dbname,),
        )
        c.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        for role in [*logins, *names.groups.values(), names.owner]:
            c.execute(f'DROP ROLE IF EXISTS "{role}"')


def make_scratch(tag: str) -> tuple[str, str]:
    """(dbname, admin DSN) of a new empty database in the test cluster."""
    dbname = f"lc_{tag}_{uuid.uuid4().hex[:8]}"
    with _psycopg().connect(SUPER_DSN, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{dbname}"')
    return dbname, dsn_with(SUPER_DSN, dbname=dbname)


def scratch_central(tag: str) -> Iterator[Central]:
    """A new central database (`central init`) with a login for each of PEOPLE; dropped,
    with its roles and logins, afterwards."""
    require_server()
    from lapor_desktop.central import admin

    dbname, dsn = make_scratch(tag)
    cen = Central(dbname, dsn)
    suffix = dbname[-8:]
    try:
        db = admin.connect(dsn)
        try:
            admin.init(db)
            for key, (role, office) in PEOPLE.items():
                login = f"{key.replace('_', '')}{suffix}"
                admin.add_user(db, login, role, office, PASSWORD, full_name=key)
                cen.logins[key] = login
        finally:
            db.close()
        yield cen
    finally:
        for c in cen.open.values():
            c.close()
        drop_scratch(dbname, list(cen.logins.values()))


@pytest.fixture(scope="session")
def central() -> Iterator[Central]:
    yield from scratch_central("m")


# ---------------------------------------------------------------- data as the people


def new_case(cen: Central, *, anonim: bool = False, nik: str | None = None) -> uuid.UUID:
    """A reporter, a case header and its INTAKE action, pushed by the front desk."""
    rid, cid = uuid.uuid4(), uuid.uuid4()
    c = cen.shared("desk")
    me = c.execute("SELECT my_user_id(), my_office()").fetchone()
    rs = c.execute("SELECT id FROM rule_set LIMIT 1").fetchone()
    c.execute(
        "INSERT INTO reporter (id, nik, name, sex, birth_date, phone, email) "
        "VALUES (%s, %s, 'Budi Pelapor', 'L', '1980-01-02', '0812000111', 'b@x.id')",
        (rid, nik or f"1406{uuid.uuid4().int % 10**12:012d}"),
    )
    c.execute(
        "INSERT INTO complaint (id, ticket, reporter_id, channel, klasifikasi, title, body, "
        "received_at, anonim, rule_set_id, intake_office_id, created_by) "
        "VALUES (%s, %s, %s, 'loket', 'pengaduan', 'Jalan rusak', 'Isi', localtimestamp, "
        "%s, %s, %s, %s)",
        (cid, f"KPR-T{uuid.uuid4().hex[:10]}", rid, anonim, rs[0], me[1], me[0]),
    )
    assert push(cen, "desk", cid, "INTAKE")[0]
    return cid


def push(
    cen: Central,
    who: str,
    cid: uuid.UUID,
    action: str,
    *,
    note: str = "catatan",
    opd: str | None = None,
    role: str = "",
    aid: uuid.UUID | None = None,
    conn: Any = None,
) -> tuple[bool, str | None, int | None]:
    """Push one action as `who`; (accepted, reason, seq) as the author reads it back."""
    aid = aid or uuid.uuid4()
    opd_id = cen.office_id(opd) if opd else None

    def run(c: Any) -> tuple[bool, str | None, int | None]:
        c.execute(
            "INSERT INTO case_action (id, complaint_id, action, role, opd_id, note, at) "
            "VALUES (%s, %s, %s, %s, %s, %s, localtimestamp) ON CONFLICT (id) DO NOTHING",
            (aid, cid, action, role, opd_id, note),
        )
        row = c.execute(
            "SELECT accepted, reason, seq FROM case_action WHERE id = %s", (aid,)
        ).fetchone()
        assert row is not None
        return bool(row[0]), row[1], row[2]

    return run(conn if conn is not None else cen.shared(who))


def to_disposed(cen: Central, office: str = OPD_A) -> uuid.UUID:
    cid = new_case(cen)
    assert push(cen, "admin", cid, "VERIFY")[0]
    assert push(cen, "admin", cid, "DISPOSE", opd=office)[0]
    return cid


def case_row(cen: Central, cid: uuid.UUID, *cols: str) -> tuple[Any, ...]:
    row = (
        cen.shared("owner")
        .execute(f"SELECT {', '.join(cols)} FROM lapor.complaint WHERE id = %s", (cid,))
        .fetchone()
    )
    assert row is not None
    return tuple(row)


Pusher = Callable[..., tuple[bool, str | None, int | None]]


def settle(cen: Central, timeout: float = 120.0) -> None:
    """Wait until every transaction that began before now has ended, so a pull's window
    (below the snapshot xmin) holds what the test just wrote. The snapshot xmin is
    cluster-wide: on a shared test server another database's long transaction holds the
    window back (rows then come a cycle later, by design). In CI nothing waits."""
    import time

    owner = cen.shared("owner")
    (marker,) = owner.execute("SELECT pg_current_xact_id()::text::bigint").fetchone()
    until = time.monotonic() + timeout
    sql = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
    while owner.execute(sql).fetchone()[0] <= marker and time.monotonic() < until:
        time.sleep(0.05)
