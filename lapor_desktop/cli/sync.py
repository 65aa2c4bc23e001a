"""`join` (a new office PC) and `sync` (one cycle as the signed-in person), SYNC.md.

    lapor-desktop join --dsn postgresql://NAMA@HOST:PORT/DB [--json]
    lapor-desktop sync --user NAMA [--json]
    lapor-desktop sync --status [--json]      (offline: last sync, unsent, failed, conflicts)
    lapor-desktop sync fetch-attachments --user NAMA [--case TIKET] [--json]
                                              (download attachment content not yet here)
    lapor-desktop sync conflicts --user NAMA [--json]      (clashes to resolve, offline)
    lapor-desktop sync resolve ID --user NAMA --mine | --theirs | --merge FIELD=mine|theirs...

The password: LAPOR_PASSWORD, else asked (join stores it in the OS keyring; without a
keyring it is asked again next time, never written to a file). LAPOR_CENTRAL_DSN
overrides the stored connection. Exit 1 with the Indonesian reason when the server is
unreachable, the password is wrong, the login is disabled or this app is too old —
nothing local is lost (unsent rows stay unsent).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lapor_desktop.cli.common import (
    EXIT_OK,
    CliError,
    ask_db_secret,
    data_dir_of,
    emit_json,
    jsonable,
    prompt_secret,
    say,
)
from lapor_desktop.cli.session import (
    Acting,
    UsageError,
    common_options,
    signed_command,
    signed_in,
)


def _progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _fmt(value: Any) -> str:
    return "-" if value is None else str(jsonable(value))


def cmd_join(args: argparse.Namespace) -> int:
    from lapor_desktop.services.context import Ctx
    from lapor_desktop.sync import engine
    from lapor_desktop.sync.link import SyncError

    data_dir = data_dir_of(args)
    password = prompt_secret("Kata sandi server pusat: ", "LAPOR_PASSWORD", twice=False)
    try:
        joined = engine.join(Ctx(data_dir=data_dir), args.dsn, password, ask_db_secret, _progress)
    except SyncError as exc:
        raise CliError(exc.message) from None
    if args.json:
        emit_json(
            {
                "username": joined.username,
                "audience": joined.audience,
                "password_stored": joined.password_stored,
                **joined.summary.as_dict(),
            }
        )
        return EXIT_OK
    say(
        f"Komputer ini bergabung sebagai '{joined.username}'; "
        f"{joined.summary.pulled} baris diterima."
    )
    if not joined.password_stored:
        say("Keyring sistem tidak tersedia: kata sandi akan ditanyakan setiap sinkronisasi.")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from lapor_desktop.services import storage
    from lapor_desktop.sync import engine

    store = storage.open_database(data_dir_of(args), ask_db_secret)
    try:
        st = engine.status()
    finally:
        store.close()
    if args.json:
        emit_json(st.as_dict())
        return EXIT_OK
    say(f"Sinkron terakhir : {_fmt(st.last_sync)}")
    say(f"Belum terkirim   : {st.pending}")
    say(f"Gagal terkirim   : {st.failed}")
    say(f"Konflik          : {st.conflicts}")
    return EXIT_OK


def _fetch_attachments(args: argparse.Namespace) -> int:
    """Download (verified, then sealed locally) the content of attachments this PC lists
    but does not hold yet: of one case, or of all; opening a file does the same for one."""
    from lapor_desktop.services import cases
    from lapor_desktop.sync import attachments
    from lapor_desktop.sync.link import SyncError

    with signed_in(args) as acting:
        ticket = None
        if args.case:
            ticket = cases.get_case(acting.ctx, args.case).ticket  # "tidak ditemukan" if not
        try:
            got, absent = attachments.prefetch(ticket, acting.password, _progress)
        except SyncError as exc:
            raise CliError(exc.message) from None
    if args.json:
        emit_json({"fetched": got, "not_on_server": absent})
        return EXIT_OK
    say(f"Lampiran diunduh: {got}; belum ada di server pusat: {absent}.")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    if args.status:
        return _status(args)
    from lapor_desktop.sync import engine
    from lapor_desktop.sync.link import SyncError

    try:
        with signed_in(args) as acting:
            try:
                summary = engine.sync(acting.ctx, lambda user: acting.password, _progress)
            except SyncError as exc:
                raise CliError(exc.message) from None
    except UsageError:
        raise
    if args.json:
        emit_json(summary.as_dict())
        return EXIT_OK
    say(
        f"Sinkron selesai dalam {summary.seconds:.1f} detik: {summary.pushed} terkirim, "
        f"{summary.pulled} diterima, {summary.rejected} ditolak server, "
        f"{summary.conflicts} konflik."
    )
    return EXIT_OK


def _show(value: Any) -> str:
    if value is True:
        return "ya"
    if value is False:
        return "tidak"
    return "-" if value in (None, "") else str(value)


def _conflicts(args: argparse.Namespace, acting: Acting) -> int:
    from lapor_desktop.sync import conflicts

    found = conflicts.list_conflicts(acting.ctx)
    if args.json:
        emit_json([c.as_dict() for c in found])
        return EXIT_OK
    if not found:
        say("Tidak ada konflik sinkronisasi.")
        return EXIT_OK
    for c in found:
        say(f"[{c.id}] {conflicts.ENTITY_LABELS.get(c.entity, c.entity)} {c.label}: {c.reason}")
        for f in c.fields:
            say(f"    {f.label} ({f.name}): saya = {_show(f.mine)} | server = {_show(f.theirs)}")
    say("Selesaikan: lapor-desktop sync resolve ID --mine | --theirs | --merge KOLOM=mine|theirs")
    return EXIT_OK


def _picks(items: list[str]) -> dict[str, str]:
    picks: dict[str, str] = {}
    for item in items:
        name, sep, side = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"'{item}': tulis KOLOM=mine atau KOLOM=theirs")
        picks[name.strip()] = side.strip().lower()
    return picks


def _resolve(args: argparse.Namespace, acting: Acting) -> int:
    from lapor_desktop.sync import conflicts

    if args.merge is not None:
        choice, picks = "merge", _picks(args.merge)
    else:
        choice, picks = ("mine" if args.mine else "theirs"), None
    done = conflicts.resolve(acting.ctx, args.id, choice, picks)
    if args.json:
        emit_json({"id": done.id, "choice": done.choice, "to_push": done.to_push})
        return EXIT_OK
    if done.to_push:
        say(
            f"Konflik {done.id} diselesaikan; dikirim pada sinkronisasi berikutnya: "
            + ", ".join(done.to_push)
            + "."
        )
    else:
        say(f"Konflik {done.id} diselesaikan dengan versi server; tidak ada yang dikirim.")
    return EXIT_OK


def add_commands(sub: Any) -> None:
    s = sub.add_parser(
        "join",
        help="gabungkan komputer baru ke server pusat",
        description="Membuat basis data lokal dari apa yang boleh dilihat login ini.",
    )
    s.add_argument("--dsn", required=True, help="postgresql://NAMA@HOST:PORT/BASISDATA")
    s.add_argument("--data-dir", default=argparse.SUPPRESS, help="folder data")
    s.add_argument("--json", action="store_true", help="keluaran JSON")
    s.set_defaults(handler=cmd_join)
    s = sub.add_parser(
        "sync",
        help="satu siklus sinkronisasi (kirim, terima, catat)",
        description="Sinkronisasi dengan server pusat sebagai pengguna yang masuk.",
        parents=[common_options()],
    )
    s.add_argument("--status", action="store_true", help="status tanpa menghubungi server")
    s.set_defaults(handler=cmd_sync)
    more = s.add_subparsers(dest="sync_command", metavar="{conflicts,resolve,fetch-attachments}")
    f = more.add_parser(
        "fetch-attachments",
        help="unduh isi lampiran yang belum ada di komputer ini",
        description="Mengunduh isi lampiran (diperiksa, disegel di komputer ini).",
        parents=[common_options()],
    )
    f.add_argument("--case", metavar="TIKET", help="hanya lampiran laporan ini")
    f.set_defaults(handler=_fetch_attachments)
    c = more.add_parser(
        "conflicts",
        help="konflik perubahan yang menunggu keputusan",
        description="Daftar konflik: versi saya dan versi server, kolom demi kolom.",
        parents=[common_options()],
    )
    c.set_defaults(handler=signed_command("sync conflicts", _conflicts))
    r = more.add_parser(
        "resolve",
        help="selesaikan satu konflik",
        description="Pakai versi saya, versi server, atau gabungkan per kolom; hasilnya "
        "dikirim pada sinkronisasi berikutnya.",
        parents=[common_options()],
    )
    r.add_argument("id", help="nomor konflik (dari 'sync conflicts')")
    how = r.add_mutually_exclusive_group(required=True)
    how.add_argument("--mine", action="store_true", help="pakai versi saya")
    how.add_argument("--theirs", action="store_true", help="pakai versi server")
    how.add_argument("--merge", nargs="+", metavar="KOLOM=mine|theirs", help="gabungkan per kolom")
    r.set_defaults(handler=signed_command("sync resolve", _resolve))
