"""Concurrent writers on one database (issue 12): P processes × N intakes at the same time.

    .venv/bin/python bench/bench_concurrency.py [--processes 5] [--intakes 20]
                                                [--sign-in-each] [--cli 0] [--keep DIR]

In a temporary data dir: a database (with a raw 256-bit key, as from the keyring in
production, handed to the children in LAPOR_DB_KEY), a front-desk user and a reporter.
Then P real processes, each opening the database and signing in, start together and each
log N complaints through the service layer (`intake.log_complaint`; with `--sign-in-each`
each intake also signs in again, as every CLI command does). Every intake takes SQLite's
write lock up front (BEGIN IMMEDIATE) and waits for the others (busy timeout 30 s).

Prints whether every intake succeeded, the throughput (intakes per second of wall time,
from the common start to the last one done), the per-intake latency p50/p95/max, and how
many intakes had to wait for another process's lock. `--cli K`: also P processes × K
`lapor-desktop complaint add` commands (each a fresh process: start-up dominates).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "sandi-bench-123"
NIK = "1401154107950001"


# ---------------------------------------------------------------- one worker process


def worker(data_dir: Path, count: int, tag: str, start_at: float, sign_in_each: bool) -> None:
    from lapor_desktop.services import deadlines, intake, storage, users
    from lapor_desktop.services.context import Ctx

    waited: list[int] = []
    store = storage.open_database(
        data_dir, lambda new: os.environ["LAPOR_DB_KEY"], on_wait=lambda: waited.append(1)
    )
    base = Ctx(data_dir=data_dir)
    ctx = base.as_user(users.sign_in(base, "loket", PASSWORD))
    deadlines.calendar()  # as a long-running app has it
    time.sleep(max(0.0, start_at - time.time()))
    latencies: list[float] = []
    waits = 0
    errors: list[str] = []
    for i in range(count):
        before = len(waited)
        started = time.perf_counter()
        try:
            if sign_in_each:
                ctx = base.as_user(users.sign_in(base, "loket", PASSWORD))
            intake.log_complaint(
                ctx,
                intake.ComplaintInput(
                    reporter_nik=NIK,
                    title=f"Jalan rusak {tag}-{i}",
                    body="Lubang besar di jalan utama desa.",
                    channel="walk-in",
                    klasifikasi="pengaduan",
                ),
            )
        except Exception as exc:  # counted and shown, the run goes on
            errors.append(f"{type(exc).__name__}: {exc}")
            continue
        latencies.append(time.perf_counter() - started)
        waits += len(waited) > before
    done = time.time()
    store.close()
    print(json.dumps({"latencies": latencies, "errors": errors, "waits": waits, "done": done}))


# ---------------------------------------------------------------- the run


def setup(data_dir: Path) -> str:
    import keyring
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())
    from lapor_desktop import credentials
    from lapor_desktop.services import reporters, storage, users
    from lapor_desktop.services.context import Ctx
    from lapor_desktop.services.setup import initialize

    key = credentials.new_raw_key()
    store = storage.create_database(data_dir, lambda new: key)
    base = Ctx(data_dir=data_dir)
    initialize(base, "root", PASSWORD)
    root = base.as_user(users.sign_in(base, "root", PASSWORD))
    users.add_user(
        root,
        "loket",
        role="FRONT_DESK",
        office_code="DISKOMINFOSANDI",
        password=PASSWORD,
        must_change_password=False,
    )
    loket = base.as_user(users.sign_in(base, "loket", PASSWORD))
    reporters.register(loket, nik=NIK, name="Siti Aminah")
    store.close()
    return key


def child_env(data_dir: Path, key: str) -> dict[str, str]:
    return {
        **os.environ,
        "LAPOR_DATA_DIR": str(data_dir),
        "LAPOR_DB_KEY": key,
        "LAPOR_USER": "loket",
        "LAPOR_PASSWORD": PASSWORD,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run_services(data_dir: Path, key: str, processes: int, count: int, each: bool) -> bool:
    start_at = time.time() + 3.0 + 0.8 * processes  # after every child opened and signed in
    args = ["--sign-in-each"] if each else []
    children = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", str(data_dir), str(count), f"p{i}",
             f"{start_at:.3f}", *args],
            env=child_env(data_dir, key), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, stdin=subprocess.DEVNULL,
        )
        for i in range(processes)
    ]  # fmt: skip
    results = []
    for p in children:
        out, err = p.communicate(timeout=600)
        if p.returncode != 0:
            print(f"a worker failed (exit {p.returncode}):\n{err}")
            return False
        results.append(json.loads(out.strip().splitlines()[-1]))
    if time.time() < start_at:
        print("(the workers started late: raise the head start)")
    latencies = [x for r in results for x in r["latencies"]]
    errors = [e for r in results for e in r["errors"]]
    wall = max(r["done"] for r in results) - start_at
    total = processes * count
    what = "sign-in + intake" if each else "intake"
    ok = not errors and len(latencies) == total
    print(
        f"services: {processes} processes × {count} × {what}: "
        f"{len(latencies)}/{total} succeeded{'' if ok else ' — FAILED'}"
    )
    for e in sorted(set(errors))[:5]:
        print(f"  error: {e}")
    print(f"  throughput {len(latencies) / wall:.1f} per second ({wall:.2f} s wall)")
    print(
        f"  latency p50 {pct(latencies, 0.5) * 1000:.0f} ms, p95 {pct(latencies, 0.95) * 1000:.0f}"
        f" ms, max {max(latencies) * 1000:.0f} ms (alone: see bench_casework, 10-11 ms)"
    )
    print(f"  waited for another process's lock: {sum(r['waits'] for r in results)} of {total}")
    return ok


CLI_LOOP = """
import subprocess, sys, time, json
ok = 0; lat = []
for i in range(int(sys.argv[1])):
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "lapor_desktop", "complaint", "add",
        "--reporter", sys.argv[2], "--title", f"Lewat CLI {sys.argv[3]}-{i}",
        "--body", "Lampu jalan mati.", "--channel", "walk-in", "--type", "pengaduan"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL)
    lat.append(time.perf_counter() - t)
    ok += r.returncode == 0
    if r.returncode: print(r.stderr.strip().splitlines()[-1], file=sys.stderr)
print(json.dumps({"ok": ok, "lat": lat}))
"""


def run_cli(data_dir: Path, key: str, processes: int, count: int) -> bool:
    started = time.time()
    loops = [
        subprocess.Popen(
            [sys.executable, "-c", CLI_LOOP, str(count), NIK, f"c{i}"], cwd=ROOT,
            env=child_env(data_dir, key), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, stdin=subprocess.DEVNULL,
        )
        for i in range(processes)
    ]  # fmt: skip
    oks, lat, errs = 0, [], []
    for p in loops:
        out, err = p.communicate(timeout=3600)
        r = json.loads(out.strip().splitlines()[-1])
        oks += r["ok"]
        lat += r["lat"]
        errs += err.strip().splitlines()
    wall = time.time() - started
    total = processes * count
    print(
        f"CLI: {processes} loops × {count} `complaint add`: {oks}/{total} succeeded"
        f"{'' if oks == total else ' — FAILED'}; {oks / wall:.2f} per second; per command "
        f"p50 {pct(lat, 0.5):.2f} s, p95 {pct(lat, 0.95):.2f} s (mostly Python start-up)"
    )
    for e in sorted(set(errs))[:5]:
        print(f"  error: {e}")
    return oks == total


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        d, n, tag, start = sys.argv[2:6]
        worker(Path(d), int(n), tag, float(start), "--sign-in-each" in sys.argv)
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--processes", type=int, default=5)
    ap.add_argument("--intakes", type=int, default=20)
    ap.add_argument("--sign-in-each", action="store_true")
    ap.add_argument("--cli", type=int, default=0, metavar="K")
    ap.add_argument("--keep", type=Path, help="use (and keep) this data dir")
    a = ap.parse_args()
    data_dir = a.keep or Path(tempfile.mkdtemp(prefix="lapor-bench-conc-")) / "data"
    try:
        key = setup(data_dir)
        ok = run_services(data_dir, key, a.processes, a.intakes, a.sign_in_each)
        if a.cli:
            ok = run_cli(data_dir, key, a.processes, a.cli) and ok
        from lapor_desktop.db.models import Complaint
        from lapor_desktop.services import storage

        store = storage.open_database(data_dir, lambda new: key)
        try:
            integrity = store.db.integrity_check()
            print(f"cases in the database: {Complaint.select().count()}; integrity: {integrity[0]}")
        finally:
            store.close()
        return 0 if ok else 1
    finally:
        if a.keep is None:
            shutil.rmtree(data_dir.parent, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
