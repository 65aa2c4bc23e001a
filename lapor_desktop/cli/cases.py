"""`case show`, `case attachment`, `cases list` and `search`: reading cases."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from lapor_desktop.cli import actions, lapor
from lapor_desktop.cli.common import (
    EXIT_OK,
    CliError,
    day_arg,
    emit_json,
    fmt_day,
    fmt_dt,
    iso,
    one_line,
    positive_int,
    reply,
    say,
    table,
)
from lapor_desktop.cli.session import Acting, Leaves, UsageError, group

if TYPE_CHECKING:
    from lapor_desktop.services.cases import CaseDetail, CaseFilter, CaseRow
    from lapor_desktop.services.context import Ctx


def case_json(d: CaseDetail) -> dict[str, Any]:
    """CaseDetail -> the `case show --json` object (the reporter's NIK only when given)."""
    reporter: dict[str, Any] = {"name": d.reporter.name}
    if d.reporter.nik is not None:
        reporter["nik"] = d.reporter.nik
    reporter["hidden"] = d.reporter.hidden
    if not d.reporter.hidden:
        for key in ("sex", "address", "phone", "email", "identity_check"):
            value = getattr(d.reporter, key)
            if value:
                reporter[key] = value
    return {
        "ticket": d.ticket,
        "tracking_id": d.tracking_id,
        "title": d.title,
        "body": d.body,
        "status": d.status,
        "status_label": d.status_label,
        "channel": d.channel,
        "klasifikasi": d.klasifikasi,
        "category": d.category,
        "category_name": d.category_name,
        "opd": d.opd,
        "opd_name": d.opd_name,
        "location": {
            "kecamatan": d.location_kecamatan,
            "desa": d.location_desa,
            "text": d.location_text,
        },
        "incident_date": iso(d.incident_date),
        "received_at": iso(d.received_at),
        "anonim": d.anonim,
        "rahasia": d.rahasia,
        "escalated": d.escalated,
        "escalated_at": iso(d.escalated_at),
        "reopened": d.reopened,
        "answer": d.answer_text,
        "reporter": reporter,
        "deadlines": {
            clock: {
                "due": iso(row.due),
                "state": row.state,
                "label": row.label,
                "done_at": iso(row.done_at),
            }
            for clock, row in d.deadlines.items()
        },
        "actions": [
            {
                "seq": r.seq,
                "action": r.action,
                "label": r.action_label,
                "from": r.from_status,
                "to": r.to_status,
                "by": r.by,
                "role": r.role,
                "office": r.office,
                "opd": r.opd,
                "at": iso(r.at),
                "note": r.note,
                "for_reporter": r.for_reporter,
            }
            for r in d.actions
        ],
        "attachments": [
            {
                "filename": x.filename,
                "mime": x.mime,
                "size": x.size,
                "sha256": x.sha256,
                "available": x.available,
                "remote": x.remote,
            }
            for x in d.attachments
        ],
        "allowed_actions": [x.value for x in d.allowed_actions],
        "intake_office": d.intake_office,
        "created_by": d.created_by,
        "duplicate_of": d.duplicate_of or None,
        "duplicates": list(d.duplicates),
    }


def _print_case(d: CaseDetail) -> None:
    from lapor_desktop.domain.channels import CHANNEL_LABELS, KLASIFIKASI_LABELS

    say(f"Laporan {d.ticket}: {d.title}")
    say(f"Status        : {d.status_label} ({d.status})")
    if d.tracking_id:
        say(f"Tracking LAPOR: {d.tracking_id}")
    channel = CHANNEL_LABELS.get(d.channel, d.channel)
    say(f"Diterima      : {fmt_dt(d.received_at)} melalui {channel}")
    say(f"Klasifikasi   : {KLASIFIKASI_LABELS.get(d.klasifikasi, d.klasifikasi)}")
    say(f"Kategori      : {d.category_name or '-'}")
    say(f"OPD           : {f'{d.opd_name} ({d.opd})' if d.opd else '-'}")
    r = d.reporter
    who = r.name + (f" (NIK {r.nik})" if r.nik else "")
    say(f"Pelapor       : {who}")
    flags = [
        label
        for label, on in (
            ("anonim", d.anonim),
            ("rahasia", d.rahasia),
            (f"dieskalasi ke Ombudsman {fmt_dt(d.escalated_at)}", d.escalated),
            (f"dibuka kembali {d.reopened} kali", d.reopened),
        )
        if on
    ]
    if flags:
        say(f"Keterangan    : {', '.join(flags)}")
    location = " ".join(x for x in (d.location_text, d.location_kecamatan, d.location_desa) if x)
    if location:
        say(f"Lokasi        : {location}")
    if d.incident_date:
        say(f"Tgl kejadian  : {fmt_day(d.incident_date)}")
    if d.duplicate_of:
        say(f"Duplikat dari : {d.duplicate_of}")
    if d.duplicates:
        say(f"Duplikatnya   : {', '.join(d.duplicates)}")
    say("")
    say(d.body)
    if d.answer_text:
        say("")
        say("Jawaban:")
        say(d.answer_text)
    say("")
    say("Tenggat:")
    for row in d.deadlines.values():
        if row.due is None and row.done_at is None:
            continue
        state = row.state_label or "-"
        if row.done_at:
            state += f" (selesai {fmt_dt(row.done_at)})"
        say(f"  {row.label:<28} {fmt_day(row.due):<10}  {state}")
    say("")
    say("Riwayat:")
    for act in d.actions:
        move = (
            act.to_status
            if act.from_status in (None, act.to_status)
            else (f"{act.from_status} -> {act.to_status}")
        )
        say(f"  {fmt_dt(act.at)}  {act.action_label} [{move}] oleh {act.by}")
        if act.note:
            say(f"      {one_line(act.note, 100)}")
    if d.attachments:
        say("")
        say(
            "Lampiran: "
            + ", ".join(
                f"{i}. {x.filename}"
                + (" (belum diunduh)" if x.remote else "" if x.available else " (isi hilang)")
                for i, x in enumerate(d.attachments, 1)
            )
        )
    if d.allowed_actions:
        say("")
        say("Tindakan yang dapat Anda lakukan: " + ", ".join(x.label for x in d.allowed_actions))


def case_show(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import cases

    d = cases.get_case(a.ctx, args.ticket)
    if args.json:
        emit_json(case_json(d))
    else:
        _print_case(d)
    return EXIT_OK


def case_attachment(args: argparse.Namespace, a: Acting) -> int:
    """Write a plain copy of one attachment (sealed in the database) to --out."""
    from pathlib import Path

    from lapor_desktop.services import attachments, cases

    d = cases.get_case(a.ctx, args.ticket)
    if not 1 <= args.number <= len(d.attachments):
        raise CliError(
            f"Laporan {d.ticket} tidak memiliki lampiran nomor {args.number} "
            f"(jumlah lampiran: {len(d.attachments)})."
        )
    view = d.attachments[args.number - 1]
    out = Path(args.out)
    if out.is_dir():
        out = out / attachments.safe_name(view.filename)
    if out.exists() and not args.force:
        raise CliError(f"{out} sudah ada; tidak ditimpa (pakai --force untuk menimpa).")
    attachments.save_copy(a.ctx, d.ticket, view.id, out)
    return reply(
        args,
        {"ticket": d.ticket, "filename": view.filename, "out": str(out)},
        f"Lampiran {args.number} ({view.size} bita) disimpan ke {out}",
    )


def case_filter(args: argparse.Namespace, text: str = "") -> CaseFilter:
    from lapor_desktop.services import cases

    statuses: list[str] = []
    for item in args.status or []:
        statuses += [s.strip().upper() for s in item.split(",") if s.strip()]
    state = args.deadline
    if args.overdue:
        if state and state != "overdue":
            raise UsageError("--overdue tidak dapat digabung dengan --deadline lain")
        state = "overdue"
    return cases.CaseFilter(
        text=text,
        statuses=tuple(statuses),
        opd=args.opd,
        category=args.category,
        klasifikasi=args.type,
        channel=args.channel,
        received_from=args.date_from,
        received_to=args.date_to,
        clock_state=state,
        escalated=args.escalated,
    )


def _collect(ctx: Ctx, f: CaseFilter, args: argparse.Namespace) -> list[CaseRow]:
    """Page through with the keyset cursor until --limit rows (or every row with --all)."""
    from lapor_desktop.services import cases

    wanted = None if args.all else args.limit
    rows: list[CaseRow] = []
    after = None
    while True:
        page_size = cases.MAX_PAGE if wanted is None else min(wanted - len(rows), cases.MAX_PAGE)
        page = cases.list_cases(
            ctx, f, sort=args.sort, descending=not args.asc, after=after, limit=page_size
        )
        rows += page.rows
        if page.next_cursor is None or (wanted is not None and len(rows) >= wanted):
            return rows
        after = page.next_cursor


def row_json(r: CaseRow) -> dict[str, Any]:
    """A list row for --json: its fields by name (emit_json writes the dates as ISO),
    without the internal intake number."""
    row = r._asdict()
    del row["num"]
    return row


def _print_rows(args: argparse.Namespace, rows: list[CaseRow]) -> None:
    if args.json:
        emit_json([row_json(r) for r in rows])
        return
    if not rows:
        say("Tidak ada laporan yang cocok.")
        return
    table(
        ["Tiket", "Status", "OPD", "Diterima", "Tenggat", "Judul"],
        [
            [
                r.ticket,
                r.status,
                r.opd or "-",
                fmt_day(r.received_at.date()),
                (f"{fmt_day(r.due_date)} {r.due_state or ''}".strip() if r.due_date else "-")
                + (" [eskalasi]" if r.escalated else ""),
                one_line(r.title, 50),
            ]
            for r in rows
        ],
    )
    say(f"{len(rows)} laporan.")


def cases_list(args: argparse.Namespace, a: Acting) -> int:
    _print_rows(args, _collect(a.ctx, case_filter(args), args))
    return EXIT_OK


def search_cmd(args: argparse.Namespace, a: Acting) -> int:
    text = " ".join(args.text)
    if not text.strip():
        raise CliError("Teks pencarian wajib diisi.")
    _print_rows(args, _collect(a.ctx, case_filter(args, text), args))
    return EXIT_OK


def _filters(p: argparse.ArgumentParser) -> None:
    from lapor_desktop.services.cases import SORT_COLUMNS

    p.add_argument(
        "--status",
        action="append",
        metavar="S",
        help="status (boleh diulang atau dipisah koma), mis. DITERIMA,DIPROSES",
    )
    p.add_argument("--opd", metavar="KODE", help="kode OPD tujuan")
    p.add_argument("--category", metavar="KODE", help="kode kategori")
    p.add_argument("--type", metavar="KLASIFIKASI", help="pengaduan, aspirasi atau informasi")
    p.add_argument("--channel", help="saluran: walk-in, lapor, sms, social-media, phone, ...")
    p.add_argument(
        "--from",
        dest="date_from",
        type=day_arg,
        metavar="TANGGAL",
        help="diterima sejak (YYYY-MM-DD)",
    )
    p.add_argument(
        "--to", dest="date_to", type=day_arg, metavar="TANGGAL", help="diterima sampai (YYYY-MM-DD)"
    )
    p.add_argument(
        "--deadline",
        choices=("due_soon", "due_today", "overdue", "running", "attention"),
        help="keadaan tenggat tahap saat ini",
    )
    p.add_argument("--overdue", action="store_true", help="sama dengan --deadline overdue")
    p.add_argument(
        "--escalated", action="store_const", const=True, default=None, help="hanya yang dieskalasi"
    )
    p.add_argument(
        "--not-escalated",
        dest="escalated",
        action="store_const",
        const=False,
        help="hanya yang belum dieskalasi",
    )
    p.add_argument("--limit", type=positive_int, default=50, help="jumlah baris (bawaan 50)")
    p.add_argument("--all", action="store_true", help="tampilkan semua baris")
    p.add_argument("--sort", choices=SORT_COLUMNS, default="received_at", help="urutan")
    p.add_argument("--asc", action="store_true", help="urutan naik (bawaan: turun)")


def add_commands(sub: Any) -> None:
    """Registered by cli.entry.build_parser."""
    leaf = Leaves()
    # case show / case <action>
    gs = group(sub, "case", help="satu laporan: lihat atau tindak")
    s = leaf(
        gs, "show", "case show", case_show, "tampilkan laporan lengkap dengan riwayat dan tenggat"
    )
    s.add_argument("ticket", metavar="TIKET")
    s = leaf(
        gs,
        "attachment",
        "case attachment",
        case_attachment,
        "simpan salinan satu lampiran (nomor urut seperti di 'case show') ke berkas",
    )
    s.add_argument("ticket", metavar="TIKET")
    s.add_argument("number", type=int, metavar="NOMOR", help="nomor lampiran, mulai dari 1")
    s.add_argument("--out", required=True, metavar="BERKAS", help="berkas atau folder tujuan")
    s.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    actions.add_commands(gs, leaf)
    case_group = gs

    # cases list / search
    gs = group(sub, "cases", help="daftar laporan")
    s = leaf(gs, "list", "cases list", cases_list, "daftar laporan dengan saringan")
    _filters(s)
    lapor.add_case_commands(case_group, gs, leaf, _filters, case_filter)  # duplicate(s), export
    s = leaf(sub, "search", "search", search_cmd, "cari teks (judul, isi, lokasi, tiket, tracking)")
    s.add_argument("text", nargs="+", metavar="TEKS")
    _filters(s)
