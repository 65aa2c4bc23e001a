"""`deadlines` (the work list; `--apply` runs the automatic transitions) and
`letters list` (the letter-number register)."""

from __future__ import annotations

import argparse
from typing import Any

from lapor_desktop.cli.common import (
    EXIT_OK,
    day_arg,
    emit_json,
    fmt_day,
    fmt_dt,
    one_line,
    say,
    table,
)
from lapor_desktop.cli.session import Acting, Leaves, UsageError, group


def deadlines_cmd(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.domain.permissions import AUTOMATION_ROLES
    from lapor_desktop.services import automation, cases

    if args.apply:
        if args.today:
            raise UsageError(
                "--apply selalu berlaku per saat ini; tidak dapat dipakai dengan --today"
            )
        a.ctx.require(*AUTOMATION_ROLES)
        result = automation.apply_automatic(a.ctx)
        if args.json:
            emit_json({"closed": result.closed, "escalated": result.escalated})
            return EXIT_OK
        say(f"Ditutup otomatis ({len(result.closed)}): {', '.join(result.closed) or '-'}")
        say(
            f"Dieskalasi ke Ombudsman ({len(result.escalated)}): "
            f"{', '.join(result.escalated) or '-'}"
        )
        return EXIT_OK
    items = cases.work_list(a.ctx, args.today)
    if args.json:
        emit_json(items)
        return EXIT_OK
    if not items:
        say("Tidak ada laporan yang mendekati atau melewati tenggat.")
        return EXIT_OK
    table(
        ["Tiket", "Status", "OPD", "Tenggat", "Tanggal", "Keadaan", "Judul"],
        [
            [
                w.ticket,
                w.status,
                w.opd or "-",
                w.clock_label,
                fmt_day(w.due),
                w.state_label,
                one_line(w.title, 40),
            ]
            for w in items
        ],
    )
    return EXIT_OK


def letters_list(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import letters_register

    rows = letters_register.register_rows(a.ctx, args.office, args.year)
    if args.json:
        emit_json(rows)
        return EXIT_OK
    if not rows:
        say("Register surat kosong.")
        return EXIT_OK
    table(
        ["Nomor", "Jenis", "Kantor", "Tiket", "Oleh", "Tanggal"],
        [
            [
                r.full_number,
                r.kind,
                r.office_code,
                r.ticket or "-",
                r.reserved_by,
                fmt_dt(r.reserved_at),
            ]
            for r in rows
        ],
    )
    return EXIT_OK


def add_commands(sub: Any) -> None:
    """Registered by cli.entry.build_parser."""
    leaf = Leaves()
    # deadlines
    s = leaf(
        sub,
        "deadlines",
        "deadlines",
        deadlines_cmd,
        "daftar kerja tenggat (mendekati, hari ini, terlambat) per --today; dengan --apply: "
        "jalankan transisi otomatis per saat ini (tutup otomatis, eskalasi Ombudsman) — "
        "hanya Admin Koordinator Kabupaten; aman diulang",
    )
    s.add_argument("--today", type=day_arg, metavar="TANGGAL", help="tanggal acuan (YYYY-MM-DD)")
    s.add_argument("--apply", action="store_true", help="jalankan transisi otomatis")

    # letters
    gs = group(sub, "letters", help="register nomor surat")
    s = leaf(
        gs,
        "list",
        "letters list",
        letters_list,
        "register nomor surat (dapat diekspor dengan --json)",
    )
    s.add_argument("--office", metavar="KODE")
    s.add_argument("--year", type=int, metavar="TAHUN")
