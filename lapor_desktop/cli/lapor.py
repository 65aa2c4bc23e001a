"""Working alongside SP4N LAPOR! (issue 18): `import lapor`, `lapor updates`, `lapor mark`,
`cases export`, `case duplicate` and `case duplicates`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lapor_desktop.cli.common import (
    EXIT_OK,
    CliError,
    emit_json,
    fmt_dt,
    iso,
    one_line,
    say,
    table,
)
from lapor_desktop.cli.session import Acting, Leaves, group


def _plan_json(plan: Any) -> dict[str, Any]:
    return {
        "file": plan.file,
        "profile": plan.profile,
        "dry_run": not plan.done,
        "encoding": plan.encoding or None,
        "delimiter": plan.delimiter or None,
        "header_line": plan.header_line,
        "summary": plan.summary(),
        "rows": [
            {
                "line": p.row.line,
                "tracking_id": p.row.tracking_id,
                "result": p.kind,
                "ticket": p.ticket or None,
                "changes": list(p.changes),
                "warnings": list(p.warnings),
            }
            for p in plan.rows
        ],
        "new_tickets": plan.tickets,
        "problems": [
            {"line": x.line, "tracking_id": x.tracking_id, "reason": x.reason}
            for x in plan.problems
        ],
    }


def import_lapor(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import lapor_import

    profile = lapor_import.load_profile(a.ctx, args.profile)
    plan = lapor_import.import_file(a.ctx, Path(args.file), profile, dry_run=args.dry_run)
    if args.json:
        emit_json(_plan_json(plan))
        return EXIT_OK
    s = plan.summary()
    say(
        f"{'Uji coba (tidak ada yang disimpan)' if args.dry_run else 'Impor selesai'}: "
        f"{plan.file} dengan profil '{plan.profile}'"
        + (f" (pengodean {plan.encoding}, pemisah '{plan.delimiter}')" if plan.encoding else "")
        + f", judul kolom di baris {plan.header_line}."
    )
    verb = "akan" if args.dry_run else "telah"
    say(
        f"  {s['new']} laporan baru, {s['updated']} diperbarui, {s['unchanged']} tidak berubah, "
        f"{s['problems']} baris bermasalah; {s['new_accounts']} akun LAPOR! baru ({verb} dicatat)."
    )
    for p in plan.rows:
        if p.kind == "update":
            say(f"  Baris {p.row.line}: {p.row.tracking_id} → {p.ticket}: {', '.join(p.changes)}")
        for w in p.warnings:
            say(f"  Baris {p.row.line}: {w}")
    if plan.problems:
        say("Baris bermasalah (tidak diimpor):")
        for x in plan.problems:
            say(f"  Baris {x.line}: {x.reason}")
    return EXIT_OK


def lapor_updates(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import lapor_gateway

    items = lapor_gateway.pending(a.ctx)
    if args.json:
        emit_json(
            [
                {
                    "ticket": i.ticket,
                    "tracking_id": i.tracking_id,
                    "title": i.title,
                    "status": i.status,
                    "lapor_status": i.bucket,
                    "entered_lapor_status": i.entered_bucket,
                    "answer": i.answer,
                    "answer_changed": i.answer_changed,
                    "entered_at": iso(i.entered_at),
                    "opd": i.opd,
                }
                for i in items
            ]
        )
        return EXIT_OK
    if not items:
        say("Tidak ada laporan yang perlu dimutakhirkan di LAPOR!.")
        return EXIT_OK
    table(
        ["Tiket", "ID Tracking", "Status LAPOR!", "Perubahan", "Terakhir", "Judul"],
        [
            [
                i.ticket,
                i.tracking_id,
                i.bucket,
                i.what,
                fmt_dt(i.entered_at) if i.entered_at else "-",
                one_line(i.title, 40),
            ]
            for i in items
        ],
    )
    for i in items:
        if i.answer_changed and i.answer:
            say("")
            say(f"Jawaban {i.ticket} ({i.tracking_id}) untuk disalin ke LAPOR!:")
            say(i.answer)
    say(f"{len(items)} laporan perlu dimutakhirkan di LAPOR!.")
    return EXIT_OK


def lapor_mark(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import lapor_gateway

    result = lapor_gateway.mark_entered(a.ctx, list(args.tickets))
    if args.json:
        emit_json({"marked": list(result.tickets), "already_up_to_date": list(result.skipped)})
    else:
        for t in result.tickets:
            say(f"{t}: ditandai sudah dimutakhirkan di LAPOR!.")
        for t in result.skipped:
            say(f"{t}: sudah mutakhir, tidak ada yang ditandai.")
    return EXIT_OK


def cases_export(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import exports

    out = Path(args.out)
    if out.exists() and not args.force:
        raise CliError(f"{out} sudah ada; tidak ditimpa (pakai --force untuk menimpa).")
    r = exports.export_cases(
        a.ctx, args.case_filter_of(args), out, sort=args.sort, descending=not args.asc
    )
    if args.json:
        emit_json({"out": str(r.path), "rows": r.rows, "format": r.kind})
    else:
        say(f"{r.rows} laporan diekspor ke {r.path}.")
    return EXIT_OK


def case_duplicate(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import duplicates

    r = duplicates.mark_duplicate(a.ctx, args.ticket, args.of, note=args.note or "")
    if args.json:
        emit_json(
            {
                "ticket": r.duplicate,
                "duplicate_of": r.main,
                "from": r.from_status.value,
                "status": r.status.value,
            }
        )
    else:
        say(
            f"Laporan {r.duplicate} ditutup sebagai duplikat laporan {r.main} "
            f"({r.from_status.label} → {r.status.label})."
        )
    return EXIT_OK


def case_duplicates(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import duplicates

    found = duplicates.suggest_for_case(a.ctx, args.ticket)
    if args.json:
        emit_json(
            [
                {
                    "ticket": x.ticket,
                    "title": x.title,
                    "status": x.status,
                    "received_at": iso(x.received_at),
                    "score": round(x.score, 1),
                    "reasons": list(x.reasons),
                }
                for x in found
            ]
        )
        return EXIT_OK
    if not found:
        say("Tidak ada laporan yang mirip.")
        return EXIT_OK
    table(
        ["Tiket", "Skor", "Diterima", "Alasan", "Judul"],
        [
            [x.ticket, f"{x.score:.0f}", fmt_dt(x.received_at), ", ".join(x.reasons), x.title]
            for x in found
        ],
    )
    return EXIT_OK


def add_case_commands(
    case_group: Any,
    cases_group: Any,
    leaf: Leaves,
    filters: Callable[[Any], None],
    case_filter: Callable[[argparse.Namespace], Any],
) -> None:
    """`case duplicate`, `case duplicates` and `cases export` (called by cli.cases)."""
    s = leaf(
        case_group,
        "duplicate",
        "case duplicate",
        case_duplicate,
        "tutup laporan sebagai duplikat laporan lain (admin kabupaten)",
    )
    s.add_argument("ticket", metavar="DUPLIKAT", help="tiket laporan yang duplikat")
    s.add_argument("--of", required=True, metavar="UTAMA", help="tiket laporan utama")
    s.add_argument("--note", metavar="TEKS", help="catatan tambahan")
    s = leaf(
        case_group,
        "duplicates",
        "case duplicates",
        case_duplicates,
        "usulan laporan yang mirip (kemungkinan duplikat)",
    )
    s.add_argument("ticket", metavar="TIKET")
    s = leaf(
        cases_group,
        "export",
        "cases export",
        cases_export,
        "ekspor daftar laporan (saringan seperti 'cases list') ke XLSX atau CSV",
    )
    s.add_argument("--out", required=True, metavar="BERKAS", help="berkas .csv atau .xlsx")
    s.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    filters(s)
    s.set_defaults(all=True, case_filter_of=case_filter)  # cli.cases's, without an import circle


def add_commands(sub: Any) -> None:
    """Registered by cli.entry.build_parser: `import lapor`, `lapor updates|mark`."""
    leaf = Leaves()
    gs = group(sub, "import", help="impor data dari sistem lain")
    s = leaf(
        gs,
        "lapor",
        "import lapor",
        import_lapor,
        "impor berkas ekspor SP4N LAPOR! (CSV atau XLSX) dengan profil kolom",
    )
    s.add_argument("file", metavar="BERKAS")
    s.add_argument(
        "--profile", required=True, metavar="NAMA|PATH", help="nama profil atau berkas TOML"
    )
    s.add_argument("--dry-run", action="store_true", help="uji coba: periksa tanpa menyimpan")
    gs = group(sub, "lapor", help="memutakhirkan SP4N LAPOR!")
    leaf(
        gs,
        "updates",
        "lapor updates",
        lapor_updates,
        "daftar 'Perlu dimutakhirkan di LAPOR!' dengan status dan jawaban untuk disalin",
    )
    s = leaf(
        gs,
        "mark",
        "lapor mark",
        lapor_mark,
        "tandai laporan sudah dimutakhirkan di LAPOR!",
    )
    s.add_argument("tickets", nargs="+", metavar="TIKET")
