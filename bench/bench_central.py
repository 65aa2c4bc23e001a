"""The central database at regency scale (issue 16): 1,000,000 cases over the offices,
and what one OPD's pull costs there. Not run by CI (minutes and gigabytes); run it by hand:

    LAPOR_BENCH_PG_DSN="host=127.0.0.1 dbname=postgres user=… password=…" \\
        .venv/bin/python bench/bench_central.py [--cases 1000000] [--day 3000] [--explain]

With a superuser DSN: a scratch central database (`central init`), logins for a front
desk, the regency admin and one OPD admin; one template case logged, verified and
disposed through the real triggers; then `--cases` copies of it made server-side
(INSERT … SELECT generate_series, as superuser with `session_replication_role = replica`
so the validation triggers do not run per row — the copies carry exactly what the
triggers wrote for the template: status, numbers, verdicts, access rows), spread over
every OPD; VACUUM ANALYZE. Then "a day's work" through the real triggers (`--day` new
cases logged and disposed, a third of them to the measured OPD) and, as the OPD's own
login:

1. the OPD's pull of that day (from the checkpoint before it);
2. a pull with nothing new;
3. the OPD's first pull of everything it may see (a new OPD PC).

`--explain` prints EXPLAIN (ANALYZE, BUFFERS) of each feed query of pull 1 (and of the
heavy ones of pull 3). The database is dropped at the end (`--keep` keeps it).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PASSWORD = "Sandi-bench-123"
BATCH = 100_000


def generate(owner: Any, n: int, template: uuid.UUID, codes: list[str]) -> None:
    """`n` copies of the template case (reporter, header, access row, history), each
    disposed to one of the OPDs `codes` in turn, in transactions of BATCH cases."""
    opds = [
        r[0]
        for r in owner.execute("SELECT id FROM office WHERE code = ANY(%s) ORDER BY code", (codes,))
    ]
    owner.execute("SET session_replication_role = replica")
    owner.execute(
        "CREATE TEMP TABLE opds AS SELECT row_number() OVER () - 1 AS k, id "
        "FROM unnest(%s::uuid[]) AS id",
        (opds,),
    )
    for start in range(0, n, BATCH):
        k = min(BATCH, n - start)
        with owner.transaction():
            owner.execute("DROP TABLE IF EXISTS gen")
            owner.execute(
                "CREATE TEMP TABLE gen AS SELECT g AS n, gen_random_uuid() AS cid, "
                "gen_random_uuid() AS rid, o.id AS opd, (g %% 365) AS age "
                "FROM generate_series(%s::int, %s::int) g JOIN opds o ON o.k = g %% %s",
                (start + 1, start + k, len(opds)),
            )
            owner.execute(
                "INSERT INTO reporter (id, nik, name, sex, birth_date, address, phone, "
                "registered_by, created_at) "
                "SELECT g.rid, '1402' || lpad(g.n::text, 12, '0'), 'Pelapor ' || g.n, r.sex, "
                "r.birth_date, 'Alamat ' || g.n, r.phone, r.registered_by, "
                "r.created_at - make_interval(days => g.age) "
                "FROM gen g, complaint t JOIN reporter r ON r.id = t.reporter_id "
                "WHERE t.id = %s",
                (template,),
            )
            owner.execute(
                "INSERT INTO complaint (id, ticket, tracking_id, reporter_id, channel, "
                "klasifikasi, title, body, received_at, anonim, rahasia, category_code, "
                "rule_set_id, intake_office_id, created_by, created_at, status, opd_id, "
                "last_seq, disposed_at, server_received_at) "
                "SELECT g.cid, 'GEN-' || lpad(g.n::text, 7, '0'), 'T' || g.n, g.rid, "
                "t.channel, t.klasifikasi, t.title || ' ' || g.n, t.body, "
                "t.received_at - make_interval(days => g.age), (g.n %% 17 = 0), t.rahasia, "
                "t.category_code, t.rule_set_id, t.intake_office_id, t.created_by, "
                "t.created_at - make_interval(days => g.age), t.status, g.opd, t.last_seq, "
                "t.disposed_at - make_interval(days => g.age), t.server_received_at "
                "FROM gen g, complaint t WHERE t.id = %s",
                (template,),
            )
            owner.execute(
                "INSERT INTO complaint_access (id, complaint_id, office_id, active) "
                "SELECT gen_random_uuid(), g.cid, g.opd, true FROM gen g"
            )
            owner.execute(
                "INSERT INTO case_action (id, complaint_id, seq, action, from_status, "
                "to_status, user_id, role, office_id, opd_id, note, for_reporter, at, login, "
                "received_at, clock_skewed, accepted, reason) "
                "SELECT gen_random_uuid(), g.cid, a.seq, a.action, a.from_status, a.to_status, "
                "a.user_id, a.role, a.office_id, CASE WHEN a.opd_id IS NULL THEN NULL "
                "ELSE g.opd END, a.note, a.for_reporter, a.at - make_interval(days => g.age), "
                "a.login, a.received_at, a.clock_skewed, a.accepted, a.reason "
                "FROM gen g, case_action a WHERE a.complaint_id = %s",
                (template,),
            )
    owner.execute("SET session_replication_role = origin")


def explain(db: Any, relation: str, key: str, low: int, high: int, page: int) -> str:
    sql = (
        f'SELECT *, txid::text::bigint AS txid_num FROM "{relation}" '
        "WHERE txid >= %s::text::xid8 AND txid < %s::text::xid8 "
        f'ORDER BY txid, "{key}" LIMIT {page}'
    )
    return _plan(db, sql, (low, high))


def _plan(db: Any, sql: str, params: Any) -> str:
    with db.atomic("REPEATABLE READ READ ONLY"):
        rows = db.execute_sql("EXPLAIN (ANALYZE, BUFFERS) " + sql, params).fetchall()
    return "\n".join(r[0] if len(r[0]) < 160 else r[0][:150] + " …" for r in rows)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--offices", type=int, default=40, help="the regency and N-1 OPDs")
    p.add_argument("--day", type=int, default=3000, help="cases of 'a day's work'")
    p.add_argument("--explain", action="store_true")
    p.add_argument("--keep", action="store_true", help="keep the database (prints its name)")
    p.add_argument("--reuse", metavar="DBNAME", help="measure again on a kept database")
    args = p.parse_args()
    superuser = os.environ.get("LAPOR_BENCH_PG_DSN") or os.environ.get("LAPOR_TEST_PG_DSN", "")
    if not superuser:
        sys.exit("set LAPOR_BENCH_PG_DSN to a superuser DSN")
    from bench_sync import server_cases

    from lapor_desktop.central import admin, feed
    from lapor_desktop.db import central as driver
    from lapor_desktop.sync.link import open_link
    from tests.central.conftest import dsn_with

    driver.load_driver()
    import psycopg

    dbname = args.reuse or f"lc_big_{uuid.uuid4().hex[:8]}"
    if not args.reuse:
        with psycopg.connect(superuser, autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{dbname}"')
    dsn = dsn_with(superuser, dbname=dbname)
    sfx = dbname[-8:]
    logins = {k: f"{k}{sfx}" for k in ("desk", "adm", "opd")}
    day_first = 8_000_000 + (uuid.uuid4().int % 900) * 1000 if args.reuse else 8_000_000
    try:
        if args.reuse:
            db = admin.connect(dsn)
            all_opds = sorted(o["code"] for o in admin.list_offices(db) if o["kind"] == "opd")
            measured = "DINKES" if "DINKES" in all_opds else all_opds[0]
            opd_codes = [measured, *[c for c in all_opds if c != measured]][: args.offices - 1]
            db.close()
        else:
            db = admin.connect(dsn)
            admin.init(db)
            offices = admin.list_offices(db)
            all_opds = sorted(o["code"] for o in offices if o["kind"] == "opd")
            measured = "DINKES" if "DINKES" in all_opds else all_opds[0]
            opd_codes = [measured, *[c for c in all_opds if c != measured]][: args.offices - 1]
            admin.add_user(db, logins["desk"], "FRONT_DESK", "DISKOMINFOSANDI", PASSWORD)
            admin.add_user(db, logins["adm"], "ADMIN_KABUPATEN", "DISKOMINFOSANDI", PASSWORD)
            admin.add_user(db, logins["opd"], "OPD_ADMIN", measured, PASSWORD)
            db.close()
            server_cases(dsn, logins["desk"], logins["adm"], measured, 1, 9_000_000)
            with psycopg.connect(dsn, autocommit=True) as owner:
                owner.execute("SET search_path = lapor")
                (template,) = owner.execute("SELECT id FROM complaint").fetchone()  # type: ignore[misc]
                t = time.perf_counter()
                generate(owner, args.cases, template, opd_codes)
                made = time.perf_counter() - t
                t = time.perf_counter()
                owner.execute("VACUUM (ANALYZE)")
                vacuum = time.perf_counter() - t
                sizes = owner.execute(
                    "SELECT (SELECT count(*) FROM complaint), (SELECT count(*) FROM case_action), "
                    "pg_size_pretty(pg_database_size(current_database()))"
                ).fetchone()
            n_cases, n_actions, size = sizes  # type: ignore[misc]
            print(
                f"central: {len(opd_codes) + 1} offices with cases (the regency, {len(opd_codes)} "
                f"OPDs; {len(offices)} in the table); generated {args.cases:,} cases in "
                f"{made:.0f} s (+ VACUUM ANALYZE {vacuum:.0f} s): {n_cases:,} cases, "
                f"{n_actions:,} actions, {size}"
            )
        link = open_link(dsn_with(dsn, user=logins["opd"], password=PASSWORD))
        (before,) = link.db.execute_sql(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
        ).fetchone()
        t = time.perf_counter()
        others = [c for c in opd_codes if c != measured][:2]
        third = args.day // 3
        for n, code in enumerate([measured, *others]):
            server_cases(dsn, logins["desk"], logins["adm"], code, third, day_first + n * third)
        print(
            f"a day's work through the triggers: {3 * third} cases logged, verified and "
            f"disposed ({third} to {measured}) in {time.perf_counter() - t:.1f} s"
        )
        results = []
        for label, low in (("1. the day's pull", before), ("2. nothing new", None)):
            t = time.perf_counter()
            window = link.pull(before if low is None else low, "opd")
            if low is None:  # from the day's high-water mark: nothing new
                t = time.perf_counter()
                window = link.pull(window.high, "opd")
            took = time.perf_counter() - t
            results.append((label, took, window.count))
            print(f"{label}: {took * 1000:.0f} ms, {window.count} rows")
        day = link.pull(before, "opd")
        t = time.perf_counter()
        first = link.pull(0, "opd")
        took = time.perf_counter() - t
        print(f"3. the OPD's first pull (checkpoint 0): {took:.2f} s, {first.count:,} rows")
        if args.explain:
            for relation, key in feed.OPD_FEED:
                print(f"\n--- EXPLAIN the day's pull: {relation}")
                print(explain(link.db, relation, key, before, day.high, feed.PAGE_ROWS))
            print("\n--- EXPLAIN the first pull: complaint_opd, one page")
            print(explain(link.db, "complaint_opd", "id", 0, day.high, feed.FIRST_PAGE_ROWS))
            print("\n--- EXPLAIN the first pull: case_action by case, one batch")
            ids = [r["id"] for r in first.rows["complaint_opd"][: feed.PAGE_ROWS]]
            print(
                _plan(
                    link.db,
                    "SELECT *, txid::text::bigint AS txid_num FROM case_action "
                    "WHERE complaint_id = ANY(%s::uuid[])",
                    (ids,),
                )
            )
            print("\n--- EXPLAIN the first pull as before (the txid walk): case_action, page 1")
            print(explain(link.db, "case_action", "id", 0, day.high, feed.PAGE_ROWS))
        link.close()
    finally:
        if args.keep or args.reuse:
            print(f"kept: {dbname}")
        else:
            with psycopg.connect(superuser, autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
                from lapor_desktop.central.names import RoleNames, prefix_for

                names = RoleNames(prefix_for(dbname))
                for role in [*logins.values(), *names.groups.values(), names.owner]:
                    c.execute(f'DROP ROLE IF EXISTS "{role}"')


if __name__ == "__main__":
    main()
