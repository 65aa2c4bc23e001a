"""Sync figures of issue 16 on loopback PostgreSQL.

    LAPOR_BENCH_PG_DSN="host=127.0.0.1 dbname=postgres user=… password=…" \\
        .venv/bin/python bench/bench_sync.py [--cases 10000] [--actions 1000]

With a superuser DSN (LAPOR_BENCH_PG_DSN, else LAPOR_TEST_PG_DSN): a scratch central
database (`central init`, a front desk, an admin and an OPD admin login), N cases logged
and disposed to one OPD on the server (SQL as those logins, through the real triggers),
then on a fresh PC in a temporary folder:

1. the OPD PC's first sync: `join` (creating the encrypted database, argon2 of the
   password, pulling and applying N cases with their histories); the pull+apply part alone;
2. a sync with nothing to do (mean of 5);
3. pushing K actions: K cases started on the PC (service layer, not timed), then one sync.

Targets (issue 16): first sync ≤ 15 s (goal 1.5 s); nothing to do ≤ 300 ms; 1,000 actions ≤ 2 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring

from lapor_desktop.central import admin
from lapor_desktop.memory_keyring import MemoryKeyring
from lapor_desktop.services import casework, storage, users
from lapor_desktop.services.context import Ctx
from lapor_desktop.sync import engine
from tests.central.conftest import (
    dsn_with,
)

PASSWORD = "Sandi-bench-123"


def server_cases(dsn: str, desk: str, adm: str, opd_code: str, n: int, first: int = 0) -> None:
    """N cases logged by `desk` and disposed to `opd_code` by `adm`, numbered from `first`
    (tickets and NIKs stay unique over several calls)."""
    import psycopg  # loaded by main()

    d = psycopg.connect(dsn_with(dsn, user=desk, password=PASSWORD), autocommit=True)
    a = psycopg.connect(dsn_with(dsn, user=adm, password=PASSWORD), autocommit=True)
    uid, office = d.execute("SELECT my_user_id(), my_office()").fetchone()
    (rs,) = d.execute("SELECT id FROM rule_set LIMIT 1").fetchone()
    (opd,) = d.execute("SELECT id FROM office WHERE code = %s", (opd_code,)).fetchone()
    for start in range(0, n, 1000):
        k = min(1000, n - start)
        rids = [uuid.uuid4() for _ in range(k)]
        cids = [uuid.uuid4() for _ in range(k)]
        niks = [f"1401{(first + start + i):012d}" for i in range(k)]
        tickets = [f"BENCH-{first + start + i:07d}" for i in range(k)]
        with d.transaction():
            d.execute(
                "INSERT INTO reporter (id, nik, name, sex, phone) "
                "SELECT r, n, 'Pelapor Uji', 'L', '0812' FROM unnest(%s::uuid[], %s::text[]) "
                "AS t(r, n)",
                (rids, niks),
            )
            d.execute(
                "INSERT INTO complaint (id, ticket, reporter_id, channel, klasifikasi, title, "
                "body, received_at, rule_set_id, intake_office_id, created_by) "
                "SELECT c, t, r, 'walk-in', 'pengaduan', 'Jalan rusak', 'Isi laporan', "
                "localtimestamp, %s, %s, %s FROM unnest(%s::uuid[], %s::text[], %s::uuid[]) "
                "AS x(c, t, r)",
                (rs, office, uid, cids, tickets, rids),
            )
            d.execute(
                "INSERT INTO case_action (id, complaint_id, action, at) "
                "SELECT gen_random_uuid(), c, 'INTAKE', localtimestamp FROM unnest(%s::uuid[]) c",
                (cids,),
            )
        with a.transaction():
            for action, target in (("VERIFY", None), ("DISPOSE", opd)):
                a.execute(
                    "INSERT INTO case_action (id, complaint_id, action, opd_id, note, at) "
                    "SELECT gen_random_uuid(), c, %s, %s, 'uji', localtimestamp "
                    "FROM unnest(%s::uuid[]) c",
                    (action, target, cids),
                )
    d.close()
    a.close()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--cases", type=int, default=10_000)
    p.add_argument("--actions", type=int, default=1_000)
    args = p.parse_args()
    superuser = os.environ.get("LAPOR_BENCH_PG_DSN") or os.environ.get("LAPOR_TEST_PG_DSN", "")
    if not superuser:
        sys.exit("set LAPOR_BENCH_PG_DSN to a superuser DSN")
    keyring.set_keyring(MemoryKeyring())
    os.environ.pop("LAPOR_CENTRAL_DSN", None)
    from lapor_desktop.db import central as driver

    driver.load_driver()
    import psycopg

    dbname = f"lc_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(superuser, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{dbname}"')
    dsn = dsn_with(superuser, dbname=dbname)
    sfx = dbname[-8:]
    logins = {k: f"{k}{sfx}" for k in ("desk", "adm", "opd")}
    try:
        db = admin.connect(dsn)
        admin.init(db)
        admin.add_user(db, logins["desk"], "FRONT_DESK", "DISKOMINFOSANDI", PASSWORD)
        admin.add_user(db, logins["adm"], "ADMIN_KABUPATEN", "DISKOMINFOSANDI", PASSWORD)
        admin.add_user(db, logins["opd"], "OPD_ADMIN", "DINKES", PASSWORD)
        db.close()
        t = time.perf_counter()
        server_cases(dsn, logins["desk"], logins["adm"], "DINKES", args.cases)
        print(f"server: {args.cases} cases disposed to DINKES in {time.perf_counter() - t:.1f} s")
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "opd"
            ctx = Ctx(data_dir=data)
            t = time.perf_counter()
            joined = engine.join(ctx, dsn_with(dsn, user=logins["opd"]), PASSWORD, lambda n: "x")
            first = time.perf_counter() - t
            print(
                f"1. OPD PC first sync (join) with {args.cases} cases: {first:.2f} s "
                f"(pull+apply {joined.summary.seconds:.2f} s, {joined.summary.pulled} rows)"
            )
            store = storage.open_database(data, lambda n: "x")
            session = users.sign_in(ctx, logins["opd"], PASSWORD)
            sctx = ctx.as_user(session)
            idle = []
            for _ in range(5):
                t = time.perf_counter()
                engine.sync(sctx, lambda u: PASSWORD)
                idle.append(time.perf_counter() - t)
            print(
                f"2. sync with nothing to do: mean {statistics.mean(idle) * 1000:.0f} ms "
                f"(min {min(idle) * 1000:.0f}, max {max(idle) * 1000:.0f})"
            )
            from lapor_desktop.db.models import Complaint

            tickets = [
                c.ticket
                for c in Complaint.select(Complaint.ticket)
                .order_by(Complaint.num)
                .limit(args.actions)
            ]
            for ticket in tickets:
                casework.start(sctx, ticket)
            t = time.perf_counter()
            s = engine.sync(sctx, lambda u: PASSWORD)
            push = time.perf_counter() - t
            print(
                f"3. pushing {len(tickets)} actions: whole sync {push:.2f} s "
                f"(pushed {s.pushed}, rejected {s.rejected}, pulled back {s.pulled})"
            )
            store.close()
    finally:
        with psycopg.connect(superuser, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            from lapor_desktop.central.names import RoleNames, prefix_for

            names = RoleNames(prefix_for(dbname))
            for role in [*logins.values(), *names.groups.values(), names.owner]:
                c.execute(f'DROP ROLE IF EXISTS "{role}"')


if __name__ == "__main__":
    main()
