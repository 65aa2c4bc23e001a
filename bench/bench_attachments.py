"""Attachment transfer figures on loopback PostgreSQL (issue 16, attachments in sync).

    LAPOR_BENCH_PG_DSN="host=127.0.0.1 dbname=postgres user=… password=…" \\
        .venv/bin/python bench/bench_attachments.py [--mb 20]

A scratch central database (`central init`), a front desk and an OPD login, one case
disposed to the OPD; then, through sync/attachments.py's transport as those logins:

1. uploading one file of N MB (256 KiB chunks, one transaction each, then blob_complete's
   whole-file check and store);
2. the same content again from a second login (staged and verified, stored nothing new);
3. the OPD fetching it on demand (read through RLS, every chunk and the whole verified).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid

from bench.bench_sync import PASSWORD, server_cases
from lapor_desktop.central import admin
from lapor_desktop.sync import attachments as remote
from tests.central.conftest import dsn_with


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--mb", type=float, default=20.0)
    args = p.parse_args()
    superuser = os.environ.get("LAPOR_BENCH_PG_DSN") or os.environ.get("LAPOR_TEST_PG_DSN", "")
    if not superuser:
        sys.exit("set LAPOR_BENCH_PG_DSN to a superuser DSN")
    from lapor_desktop.db import central as driver

    driver.load_driver()
    import hashlib

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

        server_cases(dsn, logins["desk"], logins["adm"], "DINKES", 1)
        content = b"\x89PNG\r\n\x1a\n" + os.urandom(int(args.mb * 2**20) - 8)
        sha = hashlib.sha256(content).hexdigest()
        links = {k: remote.BlobLink(admin.connect(dsn_with(dsn, user=v, password=PASSWORD)))
                 for k, v in logins.items()}  # fmt: skip
        size = f"{len(content) / 2**20:.1f} MiB"
        t = time.perf_counter()
        sent = remote.upload(links["desk"], sha, content)
        up = time.perf_counter() - t
        print(
            f"1. upload {size} in {sent} chunks: {up:.2f} s ({len(content) / 2**20 / up:.0f} MiB/s)"
        )
        (cid,) = links["opd"].db.execute_sql("SELECT id FROM complaint_opd LIMIT 1").fetchone()
        links["desk"].db.execute_sql(
            "INSERT INTO attachment (id, complaint_id, sha256, filename, mime, size, added_at) "
            "VALUES (%s, %s, %s, 'a.png', 'image/png', %s, localtimestamp)",
            (uuid.uuid4(), cid, sha, len(content)),
        )
        t = time.perf_counter()
        remote.upload(links["adm"], sha, content)  # reads all cases: already readable, skipped
        skip = time.perf_counter() - t
        t = time.perf_counter()
        for n in range(-(-len(content) // remote.CHUNK)):
            links["opd"].stage(sha, n, content[n * remote.CHUNK : (n + 1) * remote.CHUNK])
        verdict = links["opd"].complete(sha, len(content))
        again = time.perf_counter() - t
        print(
            f"2. same content again: skipped by a login that can read it {skip * 1000:.0f} ms; "
            f"sent whole by another {again:.2f} s ({verdict}, stored once)"
        )
        t = time.perf_counter()
        got = remote.fetch(links["opd"], sha, len(content))
        down = time.perf_counter() - t
        assert got == content
        print(
            f"3. OPD fetch on demand {size}: {down:.2f} s ({len(content) / 2**20 / down:.0f} MiB/s)"
        )
        for link in links.values():
            link.db.close()
    finally:
        with psycopg.connect(superuser, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            for login in logins.values():
                c.execute(f'DROP ROLE IF EXISTS "{login}"')
            from lapor_desktop.central.names import RoleNames, prefix_for

            names = RoleNames(prefix_for(dbname))
            for role in [*names.groups.values(), names.owner]:
                c.execute(f'DROP ROLE IF EXISTS "{role}"')


if __name__ == "__main__":
    main()
