"""Many PCs syncing at once against one central server (issue 16), on loopback.

    LAPOR_BENCH_PG_DSN="host=127.0.0.1 dbname=postgres user=… password=…" \\
        .venv/bin/python bench/bench_sync_many.py [--pcs 20] [--rounds 5] [--per-round 10]

A scratch central database (`central init`) with `--cases` cases per OPD logged and
disposed on the server; then `--pcs` processes, each one PC with its own encrypted
database and its own login, join at the same moment and run `--rounds` rounds of offline
work followed by one sync, all at once:

- front desks (one PC in five): log `--per-round` new cases;
- one regency admin: verify and dispose what the desks logged, to the OPDs in turn;
- the OPD PCs (three per OPD, racing on the same cases): start cases that are
  TERDISPOSISI and answer cases that are DIPROSES — two PCs of one OPD acting on one case
  offline: one wins, the other's action comes back refused.

Then every PC syncs twice more (after a barrier, so every push is in) and the invariants
are checked against the server (as its owner):
1. per case, the accepted actions are numbered 1..n without gaps, and `last_seq` is n;
2. every action any PC made is on the server exactly once (nothing pending anywhere);
3. every PC holds, for each of its cases, the server's status and the server's
   accepted history (ids and numbers).

Exit 1 if an invariant is broken. Prints join and sync times and the throughput.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PASSWORD = "Sandi-bench-123"


def _worker(
    kind: str,
    index: int,
    login: str,
    dsn: str,
    data: str,
    opds: list[str],
    rounds: int,
    per_round: int,
    barrier: Any,
    out: Any,
) -> None:
    import keyring

    from lapor_desktop.db import central as driver
    from lapor_desktop.memory_keyring import MemoryKeyring
    from lapor_desktop.services import casework, intake, reporters, storage, users
    from lapor_desktop.services.context import Ctx
    from lapor_desktop.services.errors import ServiceError
    from lapor_desktop.sync import engine
    from tests.central.conftest import dsn_with

    keyring.set_keyring(MemoryKeyring())
    os.environ.pop("LAPOR_CENTRAL_DSN", None)
    driver.load_driver()
    from lapor_desktop.db.models import CaseAction, Complaint

    report: dict[str, Any] = {"kind": kind, "login": login, "syncs": [], "acted": 0}
    try:
        ctx = Ctx(data_dir=Path(data))
        barrier.wait()
        t = time.perf_counter()
        joined = engine.join(ctx, dsn_with(dsn, user=login), PASSWORD, lambda n: "x")
        report["join"] = time.perf_counter() - t
        report["join_rows"] = joined.summary.pulled
        store = storage.open_database(Path(data), lambda n: "x")
        sctx = ctx.as_user(users.sign_in(ctx, login, PASSWORD))

        def sync() -> None:
            t = time.perf_counter()
            s = engine.sync(sctx, lambda u: PASSWORD)
            report["syncs"].append((time.perf_counter() - t, s.pushed, s.pulled, s.rejected))

        def tickets(status: str, n: int) -> list[str]:
            query = (
                Complaint.select(Complaint.ticket)
                .where(Complaint.status == status)
                .order_by(Complaint.num)
                .limit(n)
            )
            return [c.ticket for c in query]

        barrier.wait()
        started = time.perf_counter()
        for r in range(rounds):
            if kind == "desk":
                for i in range(per_round):
                    born = f"{1 + r % 28:02d}{1 + index % 12:02d}{80 + index // 12:02d}"
                    nik = f"140102{born}{i + 1:04d}"
                    data_in = intake.ComplaintInput(
                        reporter_nik=nik,
                        title=f"Laporan uji {index}-{r}-{i}",
                        body="Isi laporan uji beban.",
                        channel="walk-in",
                        klasifikasi="pengaduan",
                    )
                    person = reporters.ReporterInput(
                        nik=nik, name="Pelapor Uji", phone="0812 1111 2222"
                    )
                    intake.take_in(sctx, person, data_in)
                    report["acted"] += 2  # the case and its INTAKE
            elif kind == "admin":
                for n, ticket in enumerate(tickets("DITERIMA", 4 * per_round)):
                    try:
                        casework.verify(sctx, ticket, category="INFRASTRUKTUR")
                        casework.dispose(sctx, ticket, opd=opds[n % len(opds)], note="uji")
                        report["acted"] += 2
                    except ServiceError:
                        pass
            else:
                for ticket in tickets("DIPROSES", per_round // 2):
                    try:
                        casework.submit_answer(sctx, ticket, answer="Sudah ditangani.")
                        report["acted"] += 1
                    except ServiceError:
                        pass
                # the PCs of one OPD take the same cases first: they race
                for ticket in tickets("TERDISPOSISI", per_round):
                    try:
                        casework.start(sctx, ticket)
                        report["acted"] += 1
                    except ServiceError:
                        pass
            sync()
        report["work_seconds"] = time.perf_counter() - started
        barrier.wait()
        sync()
        barrier.wait()
        sync()
        status = engine.status()
        report["pending"] = status.pending
        report["cases"] = {
            str(uuid.UUID(str(c.id))): c.status
            for c in Complaint.select(Complaint.id, Complaint.status)
        }
        report["actions"] = {
            str(uuid.UUID(str(a.id))): (str(uuid.UUID(str(a.complaint_id))), a.seq, a.accepted)
            for a in CaseAction.select(
                CaseAction.id, CaseAction.complaint, CaseAction.seq, CaseAction.accepted
            )
        }
        store.close()
    except BaseException as exc:  # the parent reports it; never hang the barrier
        report["error"] = f"{type(exc).__name__}: {exc}"
        barrier.abort()
    out.put(report)


def _check(owner: Any, reports: list[dict[str, Any]]) -> list[str]:
    broken: list[str] = []
    gaps = owner.execute(
        "SELECT c.id FROM complaint c LEFT JOIN case_action a ON a.complaint_id = c.id "
        "AND a.accepted GROUP BY c.id, c.last_seq HAVING count(a.id) <> coalesce(max(a.seq), 0) "
        "OR coalesce(min(a.seq), 1) <> 1 OR count(DISTINCT a.seq) <> count(a.id) "
        "OR coalesce(c.last_seq, 0) <> count(a.id)"
    ).fetchall()
    if gaps:
        broken.append(f"1. {len(gaps)} cases with gaps or a wrong last_seq")
    server_actions = {
        str(i): (str(c), s, a)
        for i, c, s, a in owner.execute(
            "SELECT id, complaint_id, seq, accepted FROM case_action"
        ).fetchall()
    }
    status = {str(i): s for i, s in owner.execute("SELECT id, status FROM complaint").fetchall()}
    missing = wrong_status = wrong_history = 0
    for rep in reports:
        if rep["pending"]:
            broken.append(f"2. {rep['login']}: {rep['pending']} rows still pending")
        for aid, (_, seq, accepted) in rep["actions"].items():
            there = server_actions.get(aid)
            if there is None:
                missing += 1
            elif accepted and (there[2] is not True or there[1] != seq):
                wrong_history += 1
        for cid, st in rep["cases"].items():
            if status.get(cid) != st:
                wrong_status += 1
        held = set(rep["cases"])
        accepted_there = {
            aid for aid, (cid, _, acc) in server_actions.items() if acc and cid in held
        }
        accepted_here = {aid for aid, (_, _, acc) in rep["actions"].items() if acc}
        if accepted_there != accepted_here:
            wrong_history += len(accepted_there ^ accepted_here)
    if missing:
        broken.append(f"2. {missing} local actions missing on the server")
    if wrong_status:
        broken.append(f"3. {wrong_status} cases whose status differs between a PC and the server")
    if wrong_history:
        broken.append(
            f"3. {wrong_history} actions whose history differs between a PC and the server"
        )
    return broken


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--pcs", type=int, default=20)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--per-round", type=int, default=10)
    p.add_argument("--cases", type=int, default=300, help="cases per OPD on the server")
    args = p.parse_args()
    superuser = os.environ.get("LAPOR_BENCH_PG_DSN") or os.environ.get("LAPOR_TEST_PG_DSN", "")
    if not superuser:
        sys.exit("set LAPOR_BENCH_PG_DSN to a superuser DSN")
    from bench_sync import server_cases

    from lapor_desktop.central import admin
    from lapor_desktop.db import central as driver
    from tests.central.conftest import dsn_with

    driver.load_driver()
    import psycopg

    dbname = f"lc_many_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(superuser, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{dbname}"')
    dsn = dsn_with(superuser, dbname=dbname)
    sfx = dbname[-8:]
    n_desk = max(1, args.pcs // 5)
    n_opd_pcs = args.pcs - n_desk - 1
    logins: list[tuple[str, str]] = [("admin", f"adm{sfx}")]
    logins += [("desk", f"desk{i}{sfx}") for i in range(n_desk)]
    logins += [("opd", f"opd{i}{sfx}") for i in range(n_opd_pcs)]
    try:
        db = admin.connect(dsn)
        admin.init(db)
        codes = sorted(o["code"] for o in admin.list_offices(db) if o["kind"] == "opd")
        opds = codes[: max(1, n_opd_pcs // 3)]
        office_of: dict[str, str] = {}
        for kind, login in logins:
            if kind == "opd":
                office_of[login] = opds[int(login[3:-8]) % len(opds)]
                admin.add_user(db, login, "OPD_ADMIN", office_of[login], PASSWORD)
            else:
                role = "ADMIN_KABUPATEN" if kind == "admin" else "FRONT_DESK"
                admin.add_user(db, login, role, "DISKOMINFOSANDI", PASSWORD)
        db.close()
        t = time.perf_counter()
        for n, code in enumerate(opds):
            server_cases(dsn, logins[1][1], logins[0][1], code, args.cases, n * args.cases)
        print(
            f"server: {args.cases} cases for each of {len(opds)} OPDs in "
            f"{time.perf_counter() - t:.1f} s; {args.pcs} PCs: 1 regency admin, {n_desk} "
            f"front desks, {n_opd_pcs} OPD PCs ({n_opd_pcs // len(opds)}+ per OPD)"
        )
        import tempfile

        ctx = mp.get_context("spawn")
        barrier = ctx.Barrier(len(logins))
        out = ctx.Queue()
        with tempfile.TemporaryDirectory() as tmp:
            procs = [
                ctx.Process(
                    target=_worker,
                    args=(
                        kind,
                        i,
                        login,
                        dsn,
                        str(Path(tmp) / login),
                        opds,
                        args.rounds,
                        args.per_round,
                        barrier,
                        out,
                    ),
                )
                for i, (kind, login) in enumerate(logins)
            ]
            for proc in procs:
                proc.start()
            reports = [out.get() for _ in procs]
            for proc in procs:
                proc.join()
        errors = [f"{r['login']}: {r['error']}" for r in reports if "error" in r]
        if errors:
            print("\n".join(errors))
            sys.exit(1)
        joins = [r["join"] for r in reports]
        syncs = [s for r in reports for s in r["syncs"][: args.rounds]]
        times = sorted(s[0] for s in syncs)
        work = max(r["work_seconds"] for r in reports)
        pushed = sum(s[1] for s in syncs)
        print(
            f"join, all {len(reports)} at once: median {statistics.median(joins):.2f} s, "
            f"max {max(joins):.2f} s ({sum(r['join_rows'] for r in reports)} rows pulled)"
        )
        print(
            f"{args.rounds} rounds: {len(syncs)} syncs in {work:.1f} s = "
            f"{len(syncs) / work:.1f} syncs/s; {pushed} rows pushed = {pushed / work:.0f} rows/s "
            f"({sum(r['acted'] for r in reports)} made offline); sync median "
            f"{statistics.median(times) * 1000:.0f} ms, p95 "
            f"{times[int(0.95 * (len(times) - 1))] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms"
        )
        with psycopg.connect(dsn, autocommit=True) as owner:
            owner.execute("SET search_path = lapor")
            (cases,) = owner.execute("SELECT count(*) FROM complaint").fetchone()
            (acts, ok) = owner.execute(
                "SELECT count(*), count(*) FILTER (WHERE accepted) FROM case_action"
            ).fetchone()
            broken = _check(owner, reports)
        print(
            f"server at the end: {cases} cases, {acts} actions ({ok} accepted, {acts - ok} "
            "refused: the losers of the races and actions on a case already moved on)"
        )
        if broken:
            print("INVARIANTS BROKEN:\n" + "\n".join(broken))
            sys.exit(1)
        print("invariants: gapless numbers, every action once, same status and history: OK")
    finally:
        with psycopg.connect(superuser, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            from lapor_desktop.central.names import RoleNames, prefix_for

            names = RoleNames(prefix_for(dbname))
            for role in [*(login for _, login in logins), *names.groups.values(), names.owner]:
                c.execute(f'DROP ROLE IF EXISTS "{role}"')


if __name__ == "__main__":
    main()
