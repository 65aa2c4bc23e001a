"""Helper processes for the concurrency tests (run as `python -m tests.db.processes ...`).

    intakes DATA_DIR N TAG   sign in and log a complaint, N times; prints one JSON line
    hold DATA_DIR SECONDS    take the write lock (BEGIN IMMEDIATE), print "held", keep it
    open DATA_DIR START      at the time START, open the database (upgrading its schema)

The database key is the passphrase in LAPOR_DB_KEY (no keyring in a child process).
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from pathlib import Path

PASSWORD = "sandi-uji-123"
NIK = "1401154107950001"


def intakes(data_dir: Path, n: int, tag: str) -> int:
    from lapor_desktop.services import intake, storage, users
    from lapor_desktop.services.context import Ctx

    users.use_hash_cost(time_cost=1, memory_cost_kib=1024)  # the tests' cost, as in-process
    waits: list[int] = []
    store = storage.open_database(
        data_dir, lambda new: os.environ["LAPOR_DB_KEY"], on_wait=lambda: waits.append(1)
    )
    base = Ctx(data_dir=data_dir)
    tickets: list[str] = []
    latencies: list[float] = []
    try:
        for i in range(n):
            started = time.perf_counter()
            # As the CLI does for every command: sign in (writes its audit row), then act.
            ctx = base.as_user(users.sign_in(base, "loket", PASSWORD))
            result = intake.log_complaint(
                ctx,
                intake.ComplaintInput(
                    reporter_nik=NIK,
                    title=f"Laporan {tag}-{i}",
                    body="Jalan berlubang di depan sekolah.",
                    channel="walk-in",
                    klasifikasi="pengaduan",
                ),
            )
            latencies.append(time.perf_counter() - started)
            tickets.append(result.ticket)
    finally:
        store.close()
    print(json.dumps({"tickets": tickets, "latencies": latencies, "waits": len(waits)}))
    return 0


def hold(data_dir: Path, seconds: float) -> int:
    from lapor_desktop import paths
    from lapor_desktop.db.database import connect_local

    db = connect_local(paths.db_path(data_dir), os.environ["LAPOR_DB_KEY"])
    db.execute_sql("BEGIN IMMEDIATE")
    print("held", flush=True)
    time.sleep(seconds)
    db.execute_sql("COMMIT")
    print(f"released {time.time():.3f}", flush=True)
    db.close()
    return 0


def open_at(data_dir: Path, start_at: float) -> int:
    from lapor_desktop.db import migrate
    from lapor_desktop.services import storage

    time.sleep(max(0.0, start_at - time.time()))
    store = storage.open_database(data_dir, lambda new: os.environ["LAPOR_DB_KEY"])
    version = migrate.current_version(store.db)
    store.close()
    print(json.dumps({"version": version, "migrated": store.migrated}))
    return 0


def main(argv: list[str]) -> int:
    try:
        if argv[0] == "intakes":
            return intakes(Path(argv[1]), int(argv[2]), argv[3])
        if argv[0] == "hold":
            return hold(Path(argv[1]), float(argv[2]))
        if argv[0] == "open":
            return open_at(Path(argv[1]), float(argv[2]))
    except Exception:
        traceback.print_exc()
        return 3
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
