"""Benchmark of the documents from the database (issue 5; DESIGN.md §5).

    .venv/bin/python bench/bench_documents.py [--cases 125000]

Fills a fresh encrypted database in a temporary folder with demo data
(lapor_desktop.demo.generate: ~1/12 of the cases fall in each month of the past year), picks
the busiest whole month, and times the monthly summary *including its queries*
(target ≤ 5 s for a month of 10,000 cases), plus the XLSX and the PDF (which adds the
rendering of a 10,000-row annex) and a few letters.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring

from lapor_desktop.memory_keyring import MemoryKeyring as _MemoryKeyring


class _NoKeyring(_MemoryKeyring):
    """A kept database must be reopenable by a later run: use the passphrase, no keyring."""

    def set_password(self, service: str, username: str, password: str) -> None:
        from keyring.errors import PasswordSetError

        raise PasswordSetError("no keyring in the bench")


def timed(fn: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    walls, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        walls.append(time.perf_counter() - t0)
    return statistics.median(walls), result


def line(name: str, seconds: float, target: float | None = None, extra: str = "") -> bool:
    ok = target is None or seconds <= target
    goal = f"target ≤ {target:.1f} s   {'OK' if ok else 'SLOW'}" if target else ""
    print(f"{name:<52} {seconds:8.2f} s   {goal} {extra}".rstrip())
    return ok


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=125_000, help="demo cases over 12 months")
    ap.add_argument(
        "--data-dir", help="keep the database here; an existing one is reused (no generation)"
    )
    args = ap.parse_args()
    keyring.set_keyring(_MemoryKeyring())

    from lapor_desktop import demo
    from lapor_desktop.db.models import Complaint
    from lapor_desktop.services import documents, storage, users
    from lapor_desktop.services.clock import FixedClock
    from lapor_desktop.services.context import Ctx
    from lapor_desktop.services.setup import initialize

    users.use_hash_cost(time_cost=1, memory_cost_kib=1024)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(args.data_dir) if args.data_dir else Path(tmp) / "data"
        clock = FixedClock(datetime(2026, 12, 3, 9, 0))
        base = Ctx(data_dir=data_dir, clock=clock)
        secret = "frasa-sandi-bench"  # the bench keyring lives in memory only
        if storage.database_exists(data_dir):
            store = storage.open_database(data_dir, lambda new: secret)
            print(f"reusing {data_dir}")
        else:
            if args.data_dir:
                keyring.set_keyring(_NoKeyring())
            store = storage.create_database(data_dir, lambda new: secret)
            initialize(base, "root", "sandi-bench-123")
            t, _ = timed(lambda: demo.generate(base, args.cases, seed=7))
            line(f"demo.generate({args.cases:,} cases)", t)
        admin = base.as_user(users.sign_in(base, "admin1", demo.DEMO_PASSWORD))

        counts = []
        for m in range(1, 12):
            a, b = datetime(2026, m, 1), datetime(2026, m + 1, 1)
            n = (
                Complaint.select()
                .where((Complaint.received_at >= a) & (Complaint.received_at < b))
                .count()
            )
            counts.append((n, m))
        n, month = max(counts)
        print(f"busiest month: 2026-{month:02d} with {n:,} cases")

        ok = True
        t, summary = timed(lambda: documents.monthly_summary(admin, 2026, month))
        ok &= line("monthly_summary (cold, incl. queries)", t, 5.0)
        t, summary = timed(lambda: documents.monthly_summary(admin, 2026, month), repeat=3)
        ok &= line("monthly_summary (warm, incl. queries)", t, 5.0)
        assert summary.received_this_month == n  # type: ignore[attr-defined]
        t, _ = timed(lambda: documents.monthly_summary(admin, 2026, month, annex=False))
        line("monthly_summary without annex rows", t)
        opd = summary.by_opd[0].opd  # type: ignore[attr-defined]
        t, data = timed(lambda: documents.monthly_xlsx(admin, 2026, month))
        line("monthly_xlsx (summary + workbook)", t, None, f"{len(data):,} bytes")  # type: ignore[arg-type]
        t, data = timed(lambda: documents.monthly_pdf(admin, 2026, month))
        line(f"monthly_pdf (summary + {n:,}-row annex)", t, None, f"{len(data):,} bytes")  # type: ignore[arg-type]
        print(f"largest OPD: {opd}")

        ticket = (
            Complaint.select(Complaint.ticket)
            .where(Complaint.status == "SELESAI")
            .order_by(Complaint.num.desc())
            .scalar()
        )
        documents.answer_pdf(admin, ticket)
        t, _ = timed(lambda: documents.answer_pdf(admin, ticket), repeat=5)
        ok &= line("answer_pdf from the DB (warm)", t, 0.1)
        t, _ = timed(lambda: documents.history_pdf(admin, ticket), repeat=5)
        line("history_pdf from the DB (warm)", t)
        store.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
