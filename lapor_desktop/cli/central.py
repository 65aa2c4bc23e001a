"""`central …`: the regency IT's commands for the central PostgreSQL (SYNC.md).

    lapor-desktop central init --dsn DSN
    lapor-desktop central upgrade
    lapor-desktop central user add NAME --role ROLE --office CODE [--name "Nama Lengkap"]
    lapor-desktop central user disable NAME
    lapor-desktop central user list [--json]
    lapor-desktop central office list [--json]
    lapor-desktop central status [--json]
    lapor-desktop central purge [--older-than HARI] [--json]

Each takes `--dsn DSN` or reads LAPOR_CENTRAL_OWNER_DSN (an administrator login of the
PostgreSQL server). A new person's password comes from LAPOR_PASSWORD or is asked twice.
Exit codes: 0 done, 1 refused or unreachable (Indonesian message on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import Any

from lapor_desktop.cli.common import (
    EXIT_OK,
    CliError,
    emit_json,
    prompt_secret,
    say,
    table,
)

OWNER_DSN_ENV = "LAPOR_CENTRAL_OWNER_DSN"
PASSWORD_ENV = "LAPOR_PASSWORD"
_ROLE_CHOICES = (
    "FRONT_DESK",
    "ADMIN_KABUPATEN",
    "OPD_ADMIN",
    "OPD_HEAD",
    "AUDITOR",
    "SYS_ADMIN",
)


def _with_db(work: Callable[[argparse.Namespace, Any], int]) -> Callable[[argparse.Namespace], int]:
    """Open the central database from --dsn / LAPOR_CENTRAL_OWNER_DSN, run, close; every
    failure becomes one Indonesian line and exit 1."""

    def handler(args: argparse.Namespace) -> int:
        from lapor_desktop.central import admin

        dsn = args.dsn or os.environ.get(OWNER_DSN_ENV, "")
        try:
            db = admin.connect(dsn)
        except admin.CentralError as exc:
            raise CliError(exc.message) from None
        try:
            return work(args, db)
        except admin.CentralError as exc:
            raise CliError(exc.message) from None
        except CliError:
            raise
        except Exception as exc:  # the server refused a statement or the link broke
            if type(exc).__module__.split(".")[0] not in ("peewee", "psycopg"):
                raise
            raise CliError(admin.statement_problem(exc)) from None
        finally:
            db.close()

    return handler


def _init(args: argparse.Namespace, db: Any) -> int:
    from lapor_desktop.central import admin

    r = admin.init(db)
    if args.json:
        emit_json(r)
        return EXIT_OK
    say(
        f"Basis data pusat '{r.database}' siap (skema versi {r.schema_version}; "
        f"{r.offices} kantor, {r.categories} kategori; awalan peran '{r.role_prefix}_')."
    )
    say("Berikutnya: 'central user add NAMA --role PERAN --office KODE' untuk tiap petugas.")
    return EXIT_OK


def _upgrade(args: argparse.Namespace, db: Any) -> int:
    from lapor_desktop.central import admin

    before, after = admin.upgrade(db)
    if args.json:
        emit_json({"from": before, "to": after})
    elif before == after:
        say(f"Skema server pusat sudah versi terbaru ({after}).")
    else:
        say(f"Skema server pusat diperbarui dari versi {before} ke {after}.")
    return EXIT_OK


def _user_add(args: argparse.Namespace, db: Any) -> int:
    from lapor_desktop.central import admin

    password = prompt_secret(f"Kata sandi untuk {args.name}: ", PASSWORD_ENV, twice=True)
    u = admin.add_user(db, args.name, args.role, args.office, password, args.full_name or "")
    if args.json:
        emit_json(u)
    else:
        say(f"Login '{u.username}' dibuat: {u.role} di {u.office}.")
    return EXIT_OK


def _user_disable(args: argparse.Namespace, db: Any) -> int:
    from lapor_desktop.central import admin

    ended = admin.disable_user(db, args.name)
    say(
        f"Login '{args.name.strip().lower()}' dinonaktifkan"
        + (f"; {ended} sesi yang terbuka diakhiri." if ended else ".")
    )
    return EXIT_OK


def _user_list(args: argparse.Namespace, db: Any) -> int:
    from lapor_desktop.central import admin

    users = admin.list_users(db)
    if args.json:
        emit_json(users)
        return EXIT_OK
    table(
        ["LOGIN", "NAMA", "PERAN", "KANTOR", "AKTIF"],
        [[u.username, u.full_name, u.role, u.office, "ya" if u.active else "tidak"] for u in users],
    )
    return EXIT_OK


def _office_list(args: argparse.Namespace, db: Any) -> int:
    from lapor_desktop.central import admin

    offices = admin.list_offices(db)
    if args.json:
        emit_json(offices)
        return EXIT_OK
    table(["KODE", "NAMA", "JENIS"], [[o["code"], o["name"], o["kind"]] for o in offices])
    return EXIT_OK


def _status(args: argparse.Namespace, db: Any) -> int:
    from lapor_desktop.central import admin

    s = admin.status(db)
    if args.json:
        emit_json(s)
        return EXIT_OK
    say(
        f"Skema versi {s['schema_version']} (aplikasi ini: {s['app_schema_version']}); "
        f"versi klien minimum {s['min_client_version']}; {s['offices']} kantor."
    )
    if s["last_sync"]:
        table(
            ["LOGIN", "KANTOR", "SINKRON TERAKHIR", "TERTINGGAL (TRANSAKSI)"],
            [
                [r["login"], r["office"] or "-", r["at"], str(r["lag_transactions"] or 0)]
                for r in s["last_sync"]
            ],
        )
    else:
        say("Belum ada PC yang sinkron.")
    for t in s["long_transactions"]:
        say(
            f"Peringatan: transaksi {t['pid']} milik '{t['login']}' berjalan {t['seconds']} "
            "detik dan menahan umpan perubahan."
        )
    return EXIT_OK


def _purge(args: argparse.Namespace, db: Any) -> int:
    from lapor_desktop.central import admin

    r = admin.purge(db, args.older_than)
    if args.json:
        emit_json(r)
        return EXIT_OK
    total = sum(r.purged.values())
    detail = ", ".join(f"{n} {t}" for t, n in sorted(r.purged.items()))
    say(
        f"{total} baris yang sudah dihapus lebih dari {args.older_than} hari dibersihkan"
        + (f" ({detail})" if detail else "")
        + "."
    )
    if r.moved:
        say(
            f"Batas pembersihan kini transaksi {r.horizon}: PC yang terakhir sinkron "
            "sebelum itu memuat ulang semua data pada sinkron berikutnya (setelah "
            "mengirim pekerjaannya sendiri)."
        )
    else:
        say(f"Batas pembersihan tetap transaksi {r.horizon}.")
    return EXIT_OK


def add_commands(sub: Any) -> None:
    def dsn_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--dsn",
            default=None,
            help=f"alamat PostgreSQL administrator (bawaan: {OWNER_DSN_ENV})",
        )

    c = sub.add_parser(
        "central",
        help="server pusat PostgreSQL (TI kabupaten)",
        description="Administrasi basis data pusat: skema, login per petugas, status.",
    )
    csub = c.add_subparsers(dest="central_command", required=True)

    s = csub.add_parser("init", help="buat skema, peran, kebijakan dan data referensi")
    dsn_option(s)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=_with_db(_init))

    s = csub.add_parser("upgrade", help="jalankan migrasi skema yang belum diterapkan")
    dsn_option(s)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=_with_db(_upgrade))

    u = csub.add_parser("user", help="login PostgreSQL per petugas")
    usub = u.add_subparsers(dest="central_user_command", required=True)
    s = usub.add_parser(
        "add",
        help="buat login (kata sandi dari LAPOR_PASSWORD atau ditanyakan dua kali)",
    )
    s.add_argument("name", metavar="NAMA")
    s.add_argument("--role", required=True, choices=_ROLE_CHOICES, type=str.upper)
    s.add_argument("--office", required=True, metavar="KODE")
    s.add_argument("--name", dest="full_name", metavar="NAMA_LENGKAP")
    dsn_option(s)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=_with_db(_user_add))
    s = usub.add_parser("disable", help="nonaktifkan login (sesi terbuka diakhiri)")
    s.add_argument("name", metavar="NAMA")
    dsn_option(s)
    s.set_defaults(handler=_with_db(_user_disable))
    s = usub.add_parser("list", help="daftar login petugas")
    dsn_option(s)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=_with_db(_user_list))

    o = csub.add_parser("office", help="kantor di basis data pusat")
    osub = o.add_subparsers(dest="central_office_command", required=True)
    s = osub.add_parser("list", help="daftar kantor")
    dsn_option(s)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=_with_db(_office_list))

    s = csub.add_parser(
        "purge",
        help="hapus permanen baris yang sudah lama dihapus (tombstone)",
        description="Menghapus permanen baris yang dihapus (soft delete) lebih dari HARI "
        "hari lalu dan memajukan batas pembersihan: PC yang lebih lama luring memuat ulang "
        "semua data pada sinkron berikutnya.",
    )
    s.add_argument(
        "--older-than",
        type=int,
        default=180,
        metavar="HARI",
        help="umur minimum baris yang dihapus, dalam hari (bawaan: 180; 0 = semua)",
    )
    dsn_option(s)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=_with_db(_purge))

    s = csub.add_parser("status", help="versi skema, sinkron terakhir per login, transaksi lama")
    dsn_option(s)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=_with_db(_status))
