"""Headless commands over the services (operations, scripting, tests).

Exit codes: 0 done, 1 refused or invalid (an Indonesian message on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from lapor_desktop import __version__, paths

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """Refused or invalid: printed on stderr, exit code 1."""


# ---------------------------------------------------------------- output helpers


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(_jsonable(k)): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def emit_json(value: Any) -> None:
    json.dump(_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def say(text: str = "") -> None:
    print(text)


# ---------------------------------------------------------------- secrets from a person


def _prompt_secret(prompt: str, env: str, *, twice: bool) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CliError(f"Tidak ada terminal untuk menanyakan rahasia; setel variabel {env}.")
    first = getpass.getpass(prompt)
    if twice and getpass.getpass("Ulangi: ") != first:
        raise CliError("Kedua isian tidak sama.")
    return first


def ask_db_secret(new: bool) -> str:
    """No usable keyring: the database passphrase from LAPOR_DB_KEY or the terminal."""
    if not os.environ.get("LAPOR_DB_KEY"):
        print(
            "Keyring sistem tidak tersedia; kunci basis data diminta dari Anda "
            "(tidak pernah disimpan dalam teks biasa).",
            file=sys.stderr,
        )
    return _prompt_secret(
        "Frasa sandi basis data baru: " if new else "Frasa sandi basis data: ",
        "LAPOR_DB_KEY",
        twice=new,
    )


# ---------------------------------------------------------------- commands


def data_dir_of(args: argparse.Namespace) -> Path:
    return Path(args.data_dir).expanduser() if args.data_dir else paths.default_data_dir()


def cmd_nik(args: argparse.Namespace) -> int:
    from lapor_desktop.domain.nik import InvalidNik, parse_nik, warning_message

    today = date.fromisoformat(args.today) if args.today else None
    try:
        info = parse_nik(args.nik, today=today)
    except InvalidNik as exc:
        if args.json:
            emit_json({"valid": False, "code": exc.code, "message": exc.message})
        else:
            print(f"NIK tidak valid [{exc.code}]: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        data = _jsonable(info)
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
    password = _prompt_secret(
        f"Kata sandi untuk admin '{args.admin}': ", "LAPOR_PASSWORD", twice=True
    )
    # Validate the password before creating anything on disk.
    from lapor_desktop.services.users import _check_password_strength

    _check_password_strength(password)
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
            mark = "OK " if item.ok else "GAGAL"
            say(f"[{mark}] {item.name}: {item.detail}")
        say("Semua siap digunakan." if report.ok else "Ada yang perlu diperbaiki.")
    return EXIT_OK if report.ok else EXIT_REFUSED


# ---------------------------------------------------------------- parser


Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exit(2), in Indonesian
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: kesalahan penggunaan: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="lapor-desktop",
        description="LAPOR Desktop — pengelolaan pengaduan SP4N LAPOR! Kabupaten Kampar. "
        "Tanpa subperintah: membuka aplikasi desktop.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument(
        "--data-dir",
        default=os.environ.get("LAPOR_DATA_DIR"),
        help="folder data (basis data, lampiran, log); bawaan: LAPOR_DATA_DIR atau folder "
        "data pengguna",
    )
    p.add_argument(
        "--user",
        default=os.environ.get("LAPOR_USER"),
        help="bertindak sebagai pengguna ini (kata sandi dari LAPOR_PASSWORD atau ditanyakan); "
        "bawaan: LAPOR_USER",
    )
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    s = sub.add_parser("init", help="buat basis data baru dan administrator sistem pertama")
    s.add_argument("--admin", required=True, help="nama pengguna administrator sistem")
    s.add_argument("--full-name", help="nama lengkap administrator")
    s.set_defaults(handler=cmd_init)

    s = sub.add_parser("nik", help="jelaskan sebuah NIK")
    s.add_argument("nik")
    s.add_argument("--json", action="store_true")
    s.add_argument("--today", help="tanggal acuan (YYYY-MM-DD) untuk usia dan abad")
    s.set_defaults(handler=cmd_nik)

    s = sub.add_parser("self-check", help="periksa versi, folder data, keyring, skema, sumber daya")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_self_check)

    from lapor_desktop import cli_casework, cli_demo, cli_documents

    cli_casework.add_commands(sub)
    cli_demo.add_commands(sub)
    cli_documents.add_commands(sub)
    from lapor_desktop import cli_signing

    cli_signing.add_commands(sub)
    from lapor_desktop import cli_backup

    cli_backup.add_commands(sub)
    return p


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry for `python -m lapor_desktop.cli`; the GUI case goes through app.main."""
    from lapor_desktop import app

    return app.main(argv)


def run(args: argparse.Namespace) -> int:
    handler: Handler = args.handler
    from lapor_desktop.services.errors import ServiceError

    try:
        return handler(args)
    except CliError as exc:
        print(f"Kesalahan: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except ServiceError as exc:
        print(f"Ditolak: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return EXIT_REFUSED
