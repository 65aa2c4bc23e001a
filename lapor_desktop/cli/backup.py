"""`backup` and `restore`: the system administrator's copies of the database.

    lapor-desktop --user ADMIN backup                 # into <data dir>/cadangan/
    lapor-desktop --user ADMIN backup --out FILE      # for another PC: asks a passphrase
    lapor-desktop --user ADMIN backup --list
    lapor-desktop --user ADMIN backup --keep N        # automatic backups: the newest N days
    lapor-desktop --user ADMIN restore FILE

`restore` signs in like every command while the current database opens. When it cannot be
opened (damaged, not a database) or there is none yet (a new PC), nobody can sign in, and
the key that opens the backup — this PC's key or the backup's passphrase — is the
permission: whoever holds it owns the data. The replaced file is kept in `cadangan/`.
Passphrases come from LAPOR_BACKUP_PASSPHRASE or the terminal, never from an argument.
Exit codes: 0 done, 1 refused (Indonesian message on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lapor_desktop.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    ask_db_secret,
    data_dir_of,
    emit_json,
    positive_int,
    prompt_secret,
    reply,
    say,
)
from lapor_desktop.cli.session import Acting, UsageError, signed_command, signed_in

PASSPHRASE_ENV = "LAPOR_BACKUP_PASSPHRASE"


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB".replace(".", ",")


def backup_cmd(args: argparse.Namespace, a: Acting) -> int:
    from lapor_desktop.services import backup

    if args.keep is not None:
        n = backup.set_keep_count(a.ctx, args.keep)
        say(f"Cadangan otomatis disimpan untuk {n} hari terakhir.")
        return EXIT_OK
    if args.list:
        rows = backup.list_for(a.ctx)
        if args.json:
            emit_json(
                [
                    {"file": r.name, "made_at": r.made_at, "kind": r.kind, "size": r.size}
                    for r in rows
                ]
            )
            return EXIT_OK
        for r in rows:
            say(f"{r.made_at:%d-%m-%Y %H:%M}  {r.kind_label:<24} {_size(r.size):>10}  {r.name}")
        if not rows:
            say("Belum ada cadangan.")
        say(f"Folder: {backup.backups_dir(a.ctx.data_dir)}")
        return EXIT_OK
    if args.out:
        passphrase = prompt_secret(
            "Frasa sandi untuk cadangan ini (diminta saat memulihkan): ",
            PASSPHRASE_ENV,
            twice=True,
        )
        out = backup.export_backup(a.ctx, Path(args.out), passphrase)
        size = out.stat().st_size
        return reply(
            args,
            {"file": str(out), "size": size, "kind": "ekspor"},
            f"Cadangan ditulis: {out} ({_size(size)}, terenkripsi dengan frasa sandi).",
        )
    row = backup.make_backup(a.ctx)
    return reply(
        args,
        {"file": str(row.path), "size": row.size, "kind": row.kind},
        f"Cadangan dibuat: {row.path} ({_size(row.size)}).",
    )


def _ask_passphrase() -> str:
    return prompt_secret("Frasa sandi cadangan: ", PASSPHRASE_ENV, twice=False)


def cmd_restore(args: argparse.Namespace) -> int:
    from lapor_desktop.services import backup, storage

    data_dir = data_dir_of(args)
    source = Path(args.file)
    local = backup.local_key(data_dir, ask_db_secret)
    health = backup.database_health(data_dir, local.key)
    try:
        if health is backup.Health.OK:
            try:
                with signed_in(args) as acting:
                    result = backup.with_passphrase(
                        lambda p: backup.restore(acting.ctx, source, p), _ask_passphrase
                    )
            except UsageError as exc:
                print(f"lapor-desktop restore: kesalahan penggunaan: {exc}", file=sys.stderr)
                return EXIT_USAGE
        else:
            why = {
                backup.Health.MISSING: "belum ada basis data di folder ini",
                backup.Health.DAMAGED: "basis data saat ini rusak",
                backup.Health.UNREADABLE: "basis data saat ini tidak dapat dibuka dengan kunci ini",
            }[health]
            print(
                f"Catatan: {why}; pemulihan tanpa masuk — kunci yang membuka cadangan adalah "
                "izinnya. Berkas lama (bila ada) disimpan di folder cadangan.",
                file=sys.stderr,
            )
            result = backup.with_passphrase(
                lambda p: backup.restore_unopened(data_dir, source, local.key, p),
                _ask_passphrase,
            )
    except BaseException:
        local.discard_if_new()
        raise
    # An older schema is brought up to date now (with its own pre-upgrade copy).
    store = storage.open_database(data_dir, lambda _new: local.key)
    migrated = store.migrated
    store.close()
    if args.json:
        emit_json(
            {
                "restored_from": str(result.source),
                "schema_version": result.schema_version,
                "migrated": migrated,
                "previous_kept": str(result.previous_kept) if result.previous_kept else None,
            }
        )
        return EXIT_OK
    say(f"Basis data dipulihkan dari {result.source}.")
    if result.previous_kept is not None:
        say(f"Basis data sebelumnya disimpan: {result.previous_kept}")
    if migrated:
        say(f"Skema diperbarui ke versi {migrated[-1]}.")
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser(
        "backup",
        help="buat cadangan basis data (administrator sistem)",
        description="Tanpa opsi: cadangan ke folder 'cadangan' di folder data. "
        "--out: cadangan untuk PC lain, terenkripsi dengan frasa sandi "
        f"({PASSPHRASE_ENV} atau ditanyakan).",
    )
    what = s.add_mutually_exclusive_group()
    what.add_argument("--out", metavar="BERKAS", help="tulis cadangan ke berkas ini (baru)")
    what.add_argument("--list", action="store_true", help="daftar cadangan di folder cadangan")
    what.add_argument(
        "--keep",
        type=positive_int,
        metavar="N",
        help="simpan cadangan otomatis N hari terakhir (bawaan 14)",
    )
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=signed_command("backup", backup_cmd))

    s = sub.add_parser(
        "restore",
        help="pulihkan basis data dari berkas cadangan (administrator sistem)",
        description="Berkas diperiksa dahulu (kunci, integritas, skema); basis data saat ini "
        "disimpan di folder cadangan sebelum diganti. Cadangan dari PC lain meminta frasa "
        f"sandinya ({PASSPHRASE_ENV} atau ditanyakan).",
    )
    s.add_argument("file", metavar="BERKAS")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_restore)
