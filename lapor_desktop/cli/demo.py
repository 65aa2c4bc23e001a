"""The `demo` command: realistic demo data for demos, screenshots and benchmarks.

`lapor-desktop demo --cases N [--seed S] [--json]` fills the database of the data folder
with N demo complaints (lapor_desktop/demo/). Demo data is a setup step, like `init`: it runs
without `--user` (opening the encrypted database is the permission), creates the demo
accounts if they are missing and prints them with their password. A database that holds
real complaints is refused (exit 1). Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from lapor_desktop.cli.common import EXIT_OK, CliError, ask_db_secret, data_dir_of, emit_json, say


def _positive(value: str) -> int:
    try:
        n = int(value.replace("_", "").replace(".", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"bukan bilangan bulat: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("harus 1 atau lebih")
    return n


class _Progress:
    """`Membuat data demo: 40.000/100.000 (40 %)` on stderr, rewritten in place on a TTY."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = -1.0
        self.started = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        text = f"Membuat data demo: {_num(done)}/{_num(total)} ({100 * done // total} %)"
        if self.tty:
            sys.stderr.write(f"\r{text}")
            if done >= total:
                sys.stderr.write("\n")
        else:
            sys.stderr.write(text + "\n")
        sys.stderr.flush()


def _num(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def cmd_demo(args: argparse.Namespace) -> int:
    from lapor_desktop import demo
    from lapor_desktop.services import storage
    from lapor_desktop.services.context import Ctx
    from lapor_desktop.services.errors import ValidationError

    if args.cases > demo.MAX_CASES:
        raise CliError(f"--cases paling banyak {_num(demo.MAX_CASES)}.")
    data_dir = data_dir_of(args)
    store = storage.open_database(data_dir, ask_db_secret)
    try:
        try:
            result = demo.generate(Ctx(data_dir=data_dir), args.cases, args.seed, _Progress())
        except ValidationError as exc:
            raise CliError(exc.message) from None
    finally:
        store.close()
    if args.json:
        emit_json(_as_json(result))
        return EXIT_OK
    say(f"{_num(result.cases)} laporan demo dibuat dalam {result.seconds:.1f} detik.")
    say(f"Tiket     : {result.first_ticket} … {result.last_ticket}")
    say(
        f"Pelapor {_num(result.reporters)}, tindakan {_num(result.actions)}, "
        f"surat jawaban {_num(result.letters)}."
    )
    from lapor_desktop.domain.workflow import Status

    for status in Status:
        n = result.by_status.get(status.value, 0)
        say(f"  {status.label:<22} {_num(n):>9}")
    say(f"Terlambat (tenggat tahap lewat): {_num(result.overdue)}")
    say(f"Dieskalasi ke Ombudsman        : {_num(result.escalated)}")
    created = set(result.users_created)
    say("")
    say(f"Pengguna demo (kata sandi: {result.password}):")
    say("  " + ", ".join(f"{u}{'' if u in created else ' (sudah ada)'}" for u in _short(result)))
    say(
        "  serta <kode-opd>.admin dan <kode-opd>.kepala untuk setiap OPD, "
        "mis. pupr.admin, dinkes.kepala, kec-01.admin."
    )
    return EXIT_OK


def _short(result: Any) -> list[str]:
    """The regency accounts and two OPD examples (the full list is in --json)."""
    names = list(result.demo_users)
    regency = [n for n in names if "." not in n]
    examples = [n for n in names if n.split(".")[0] in ("pupr", "dinkes")]
    return regency + examples


def _as_json(result: Any) -> dict[str, Any]:
    return {
        "cases": result.cases,
        "reporters": result.reporters,
        "actions": result.actions,
        "letters": result.letters,
        "by_status": result.by_status,
        "overdue": result.overdue,
        "escalated": result.escalated,
        "first_ticket": result.first_ticket,
        "last_ticket": result.last_ticket,
        "users": list(result.demo_users),
        "users_created": list(result.users_created),
        "password": result.password,
        "seconds": round(result.seconds, 2),
    }


def add_commands(sub: Any) -> None:
    """Registered by cli.entry.build_parser."""
    p = sub.add_parser(
        "demo",
        help="isi basis data dengan laporan demo (untuk demo, tangkapan layar, benchmark)",
        description="Membuat laporan demo yang realistis untuk Kabupaten Kampar: pelapor "
        "dengan NIK valid, semua kecamatan dan OPD, semua status dengan riwayat tindakan, "
        "sebagian terlambat dan dieskalasi. Hanya untuk basis data kosong atau yang berisi "
        "data demo saja. Membuat juga akun demo (kata sandi demo12345).",
    )
    p.add_argument("--cases", type=_positive, required=True, metavar="N", help="jumlah laporan")
    p.add_argument(
        "--seed", type=int, default=1, metavar="S", help="benih acak (bawaan 1; sama = data sama)"
    )
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.add_argument("--data-dir", default=argparse.SUPPRESS, help="folder data")
    p.set_defaults(handler=cmd_demo)
