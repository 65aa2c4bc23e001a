"""The foundation commands: `init` (a new database and its first administrator), `nik`
(explain a NIK) and `self-check`. They run without `--user`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from lapor_desktop import paths
from lapor_desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    CliError,
    ask_db_secret,
    data_dir_of,
    day_arg,
    emit_json,
    jsonable,
    nik_arg,
    prompt_secret,
    say,
)


def cmd_nik(args: argparse.Namespace) -> int:
    from lapor_desktop.domain.nik import InvalidNik, parse_nik, warning_message

    today = args.today
    try:
        info = parse_nik(args.nik, today=today)
    except InvalidNik as exc:
        if args.json:
            emit_json({"valid": False, "code": exc.code, "message": exc.message})
        else:
            print(f"NIK tidak valid [{exc.code}]: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        data = jsonable(info)
        data["valid"] = True
        data["warning_messages"] = [warning_message(w) for w in info.warnings]
        emit_json(data)
        return EXIT_OK
    sex = "Laki-laki" if info.sex == "L" else "Perempuan"
    say(f"NIK            : {info.masked} (valid secara format)")
    say(f"Provinsi       : {info.province_code} {getattr(info, 'province_name', '') or ''}")
    say(f"Kabupaten/Kota : {info.regency_code} {getattr(info, 'regency_name', '') or ''}")
    say(f"Kecamatan      : {info.district_code} {getattr(info, 'district_name', '') or '-'}")
    say(f"Tanggal lahir  : {info.birth_date:%d-%m-%Y}")
    say(f"Jenis kelamin  : {sex}")
    say(f"Nomor urut     : {info.serial}")
    for w in info.warnings:
        say(f"Peringatan     : {warning_message(w)}")
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    from lapor_desktop.services import setup, storage
    from lapor_desktop.services.context import Ctx

    data_dir = data_dir_of(args)
    if storage.database_exists(data_dir):
        raise CliError(f"Basis data sudah ada di {paths.db_path(data_dir)}; tidak akan ditimpa.")
    password = prompt_secret(
        f"Kata sandi untuk admin '{args.admin}': ", "LAPOR_PASSWORD", twice=True
    )
    # Validate the password before creating anything on disk.
    from lapor_desktop.services.users import check_password_strength

    check_password_strength(password)
    store = storage.create_database(data_dir, ask_db_secret)
    try:
        ctx = Ctx(data_dir=data_dir)
        try:
            admin = setup.initialize(ctx, args.admin, password, args.full_name or "")
        except Exception:
            store.close()
            for suffix in ("", "-wal", "-shm"):
                Path(str(store.db_file) + suffix).unlink(missing_ok=True)
            raise
    finally:
        store.close()
    where = "keyring sistem" if store.key_in_keyring else "frasa sandi yang Anda masukkan"
    say(f"Basis data dibuat: {store.db_file} (terenkripsi; kunci di {where}).")
    say(f"Administrator sistem '{admin.username}' dibuat di {admin.office_name}.")
    return EXIT_OK


def cmd_self_check(args: argparse.Namespace) -> int:
    from lapor_desktop.services import diagnostics

    report = diagnostics.self_check(data_dir_of(args), ask_db_secret)
    if args.json:
        emit_json(report)
    else:
        for item in report.items:
            mark = ("PERINGATAN" if item.warning else "OK ") if item.ok else "GAGAL"
            say(f"[{mark}] {item.name}: {item.detail}")
        if report.integrity is not None:
            say(f"Integritas basis data: {'OK' if report.integrity else 'GAGAL'}")
            if not report.integrity:
                say(diagnostics.INTEGRITY_FAILED_HELP)
        say("Semua siap digunakan." if report.ok else "Ada yang perlu diperbaiki.")
    return EXIT_OK if report.ok else EXIT_REFUSED


def add_commands(sub: Any) -> None:
    """Registered by cli.entry.build_parser."""
    s = sub.add_parser("init", help="buat basis data baru dan administrator sistem pertama")
    s.add_argument("--admin", required=True, help="nama pengguna administrator sistem")
    s.add_argument("--full-name", help="nama lengkap administrator")
    s.set_defaults(handler=cmd_init)

    s = sub.add_parser("nik", help="jelaskan sebuah NIK")
    s.add_argument("nik", type=nik_arg("NIK"), help="NIK, atau - untuk membacanya dari stdin")
    s.add_argument("--json", action="store_true")
    s.add_argument(
        "--today",
        type=day_arg,
        metavar="TANGGAL",
        help="tanggal acuan (YYYY-MM-DD) untuk usia dan abad",
    )
    s.set_defaults(handler=cmd_nik)

    s = sub.add_parser("self-check", help="periksa versi, folder data, keyring, skema, sumber daya")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_self_check)
