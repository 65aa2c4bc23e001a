"""`user` (accounts, system administrator), `office list` and `category list`."""

from __future__ import annotations

import argparse
from typing import Any

from lapor_desktop.cli.common import EXIT_OK, emit_json, fmt_dt, prompt_secret, say, table
from lapor_desktop.cli.session import Acting, Leaves, group


def _new_password() -> str:
    return prompt_secret("Kata sandi baru: ", "LAPOR_NEW_PASSWORD", twice=True)


def user_add(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import users

    row = users.add_user(
        a.ctx,
        args.name,
        role=args.role,
        office_code=args.office,
        password=_new_password(),
        full_name=args.full_name or "",
        nip=args.nip or "",
        must_change_password=args.must_change,
    )
    if args.json:
        emit_json(row)
    else:
        say(f"Pengguna '{row.username}' ({row.role}) dibuat di {row.office_name}.")
        if row.must_change_password:
            say("Kata sandi awal wajib diganti saat masuk pertama kali.")
    return EXIT_OK


def user_list(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import users

    rows = users.list_users(a.ctx)
    if args.json:
        emit_json(rows)
        return EXIT_OK
    table(
        ["Pengguna", "Nama", "Peran", "Kantor", "Status"],
        [
            [
                r.username,
                r.full_name,
                r.role,
                r.office_code,
                ("aktif" if r.active else "nonaktif")
                + (f", terkunci s.d. {fmt_dt(r.locked_until)}" if r.locked_until else ""),
            ]
            for r in rows
        ],
    )
    return EXIT_OK


def user_disable(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import users

    users.disable_user(a.ctx, args.name)
    say(f"Pengguna '{args.name.strip().lower()}' dinonaktifkan.")
    return EXIT_OK


def user_enable(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import users

    users.enable_user(a.ctx, args.name)
    say(f"Pengguna '{args.name.strip().lower()}' diaktifkan kembali.")
    return EXIT_OK


def user_passwd(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import users

    name = args.name.strip().lower()
    if name == a.ctx.signed_in().username:
        users.change_password(a.ctx, a.password, _new_password())
        say(f"Kata sandi '{name}' diganti.")
    else:
        users.reset_password(a.ctx, name, _new_password(), args.must_change)
        if args.must_change:
            say(f"Kata sandi '{name}' disetel ulang; wajib diganti saat masuk berikutnya.")
        else:
            say(f"Kata sandi '{name}' disetel ulang.")
    return EXIT_OK


# ---------------------------------------------------------------- reference data


def office_list(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import reference

    rows = reference.list_offices(a.ctx)
    if args.json:
        emit_json([{"code": r.code, "name": r.name, "kind": r.kind} for r in rows])
        return EXIT_OK
    table(["Kode", "Nama", "Jenis"], [[r.code, r.name, r.kind] for r in rows])
    return EXIT_OK


def category_list(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import reference

    rows = reference.list_categories(a.ctx)
    if args.json:
        emit_json([{"code": r.code, "name": r.name} for r in rows])
        return EXIT_OK
    table(["Kode", "Nama"], [[r.code, r.name] for r in rows])
    return EXIT_OK


def _must_change_flag(s: argparse.ArgumentParser) -> None:
    s.add_argument(
        "--no-must-change",
        dest="must_change",
        action="store_false",
        help="pengguna tidak wajib mengganti kata sandi ini saat masuk berikutnya "
        "(bawaan: wajib, bila dibuat atau disetel ulang oleh administrator)",
    )


def add_commands(sub: Any) -> None:
    """Registered by cli.entry.build_parser."""
    leaf = Leaves()
    # user ...
    gs = group(sub, "user", help="kelola pengguna (administrator sistem)")
    s = leaf(
        gs, "add", "user add", user_add, "tambah pengguna (kata sandi dari LAPOR_NEW_PASSWORD)"
    )
    s.add_argument("name", metavar="NAMA")
    s.add_argument(
        "--role",
        required=True,
        help="FRONT_DESK, ADMIN_KABUPATEN, OPD_ADMIN, OPD_HEAD, AUDITOR atau SYS_ADMIN",
    )
    s.add_argument("--office", required=True, metavar="KODE", help="kode kantor/OPD")
    s.add_argument("--full-name", help="nama lengkap")
    s.add_argument("--nip", help="NIP")
    _must_change_flag(s)
    s = leaf(gs, "list", "user list", user_list, "daftar pengguna")
    s = leaf(gs, "disable", "user disable", user_disable, "nonaktifkan pengguna", json_flag=False)
    s.add_argument("name", metavar="NAMA")
    s = leaf(gs, "enable", "user enable", user_enable, "aktifkan kembali pengguna", json_flag=False)
    s.add_argument("name", metavar="NAMA")
    s = leaf(
        gs,
        "passwd",
        "user passwd",
        user_passwd,
        "ganti kata sandi: untuk diri sendiri (lama = LAPOR_PASSWORD, baru = "
        "LAPOR_NEW_PASSWORD), atau setel ulang milik pengguna lain (administrator sistem)",
        json_flag=False,
    )
    s.add_argument("name", metavar="NAMA")
    _must_change_flag(s)

    # office / category
    gs = group(sub, "office", help="kantor dan OPD")
    s = leaf(gs, "list", "office list", office_list, "daftar kantor dan OPD")
    gs = group(sub, "category", help="kategori laporan")
    s = leaf(gs, "list", "category list", category_list, "daftar kategori")
