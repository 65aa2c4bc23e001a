"""`reporter add` and `complaint add`: the counter's intake from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from lapor_desktop.cli.common import (
    EXIT_OK,
    day_arg,
    emit_json,
    moment_arg,
    nik_arg,
    reply,
    say,
    text_or_file,
)
from lapor_desktop.cli.session import Acting, Leaves, group, warn


def reporter_add(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import reporters

    view = reporters.register(
        a.ctx,
        nik=args.nik,
        name=args.name,
        sex=args.sex,
        birth_date=args.birth_date,
        address=args.address or "",
        kecamatan=args.kecamatan or "",
        desa=args.desa or "",
        phone=args.phone or "",
        email=args.email or "",
        ktp_seen=args.ktp_seen,
    )
    for w in view.warnings:
        warn(f"Peringatan: {w}")
    return reply(args, view, f"Pelapor terdaftar: {view.name} (NIK {view.nik_masked}).")


def complaint_add(args: argparse.Namespace, a: Acting) -> int:
    from pathlib import Path

    from lapor_desktop.services import intake

    data = intake.ComplaintInput(
        reporter_nik=args.reporter,
        title=args.title,
        body=args.body,
        channel=args.channel,
        klasifikasi=args.type,
        category=args.category,
        location_kecamatan=args.kecamatan or "",
        location_desa=args.desa or "",
        location_text=args.location or "",
        incident_date=args.incident_date,
        received_at=args.received,
        anonim=args.anonim,
        rahasia=args.rahasia,
        tracking_id=args.tracking_id or "",
        attachments=[Path(p) for p in args.attach or []],
    )
    result = intake.log_complaint(a.ctx, data)
    for f in result.refused_files:
        warn(f"Lampiran ditolak: {f.filename}: {f.reason} (laporan tetap dicatat).")
    if args.json:
        emit_json(
            {
                "ticket": result.ticket,
                "received_at": result.received_at,
                "stored_files": list(result.stored_files),
                "refused_files": [
                    {"filename": f.filename, "reason": f.reason} for f in result.refused_files
                ],
            }
        )
    else:
        say(f"Laporan dicatat dengan nomor tiket {result.ticket}.")
        if result.stored_files:
            say(f"Lampiran disimpan: {', '.join(result.stored_files)}")
    return EXIT_OK


def add_commands(sub: Any) -> None:
    """Registered by cli.entry.build_parser."""
    leaf = Leaves()
    # reporter add
    gs = group(sub, "reporter", help="pelapor")
    s = leaf(gs, "add", "reporter add", reporter_add, "daftarkan pelapor berdasarkan NIK")
    s.add_argument(
        "--nik",
        required=True,
        type=nik_arg("--nik"),
        help="NIK, atau - untuk membacanya dari stdin (tidak terlihat di daftar proses)",
    )
    s.add_argument("--name", required=True, help="nama sesuai KTP")
    s.add_argument("--sex", help="L atau P (dibandingkan dengan NIK)")
    s.add_argument(
        "--birth-date",
        type=day_arg,
        metavar="TANGGAL",
        help="YYYY-MM-DD (dibandingkan dengan NIK)",
    )
    s.add_argument("--phone")
    s.add_argument("--email")
    s.add_argument("--address")
    s.add_argument("--kecamatan", metavar="KODE", help="kode kecamatan Kemendagri, mis. 140115")
    s.add_argument("--desa", metavar="KODE", help="kode desa/kelurahan")
    s.add_argument("--ktp-seen", action="store_true", help="KTP asli sudah dilihat petugas")

    # complaint add
    gs = group(sub, "complaint", help="laporan masuk")
    s = leaf(gs, "add", "complaint add", complaint_add, "catat laporan baru")
    s.add_argument(
        "--reporter",
        required=True,
        type=nik_arg("--reporter"),
        metavar="NIK",
        help="NIK pelapor terdaftar, atau - untuk membacanya dari stdin",
    )
    s.add_argument("--title", required=True)
    text_or_file(
        s,
        "body",
        "isi laporan",
        "isi laporan dari berkas teks UTF-8, atau dari stdin dengan - (isi dan NIK di "
        "dalamnya tidak terlihat di daftar proses)",
        required=True,
    )
    s.add_argument(
        "--channel",
        required=True,
        help="walk-in, lapor, sms, social-media, phone, letter atau email",
    )
    s.add_argument(
        "--type", required=True, metavar="KLASIFIKASI", help="pengaduan, aspirasi atau informasi"
    )
    s.add_argument("--category", metavar="KODE")
    s.add_argument("--location", metavar="TEKS", help="lokasi (teks bebas)")
    s.add_argument("--kecamatan", metavar="KODE", help="kecamatan lokasi")
    s.add_argument("--desa", metavar="KODE", help="desa/kelurahan lokasi")
    s.add_argument("--anonim", action="store_true", help="identitas pelapor dirahasiakan")
    s.add_argument("--rahasia", action="store_true", help="isi laporan dirahasiakan")
    s.add_argument("--tracking-id", metavar="ID", help="nomor tracking LAPOR!")
    s.add_argument(
        "--received",
        type=moment_arg,
        metavar="TANGGAL",
        help="diterima pada (YYYY-MM-DD atau 'YYYY-MM-DD HH:MM'), paling lama satu tahun "
        "yang lalu dan tidak di masa depan; bawaan: saat ini",
    )
    s.add_argument(
        "--incident-date", type=day_arg, metavar="TANGGAL", help="tanggal kejadian (YYYY-MM-DD)"
    )
    s.add_argument(
        "--attach", nargs="+", action="extend", metavar="BERKAS", help="lampiran (boleh banyak)"
    )
