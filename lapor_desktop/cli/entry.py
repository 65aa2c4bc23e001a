"""The parser (every command group registers its own subcommands) and the run of one
parsed command: exit codes and messages for what went wrong (see cli.common)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from lapor_desktop import __version__
from lapor_desktop.cli import (
    accounts,
    backup,
    cases,
    central,
    deadlines,
    demo,
    documents,
    foundation,
    intake,
    lapor,
    signing,
    sync,
)
from lapor_desktop.cli.common import (
    EXIT_REFUSED,
    EXIT_USAGE,
    CliError,
    OutputClosed,
    clean,
    err,
    flush_out,
    output_closed,
    read_stdin_values,
)


def _undecodable(arg: str) -> bool:
    # Bytes that are not UTF-8 arrive as lone surrogates (PEP 383); they cannot be stored.
    return any("\ud800" <= ch <= "\udfff" for ch in arg)


def _shown(arg: str) -> str:
    try:
        raw = arg.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return arg.encode("utf-8", "backslashreplace").decode("ascii")
    return raw.decode("utf-8", "backslashreplace")


# ---------------------------------------------------------------- parser


Handler = Callable[[argparse.Namespace], int]


# argparse's own messages (Python 3.12), in Indonesian.
_ARGPARSE_MESSAGES = (
    (r"^argument (\S+): ", r"argumen \1: "),
    (r"invalid choice: (.*) \(choose from (.*)\)$", r"pilihan tidak dikenal: \1 (pilihan: \2)"),
    (r"^the following arguments are required: ", "argumen berikut wajib diisi: "),
    (r"^unrecognized arguments: ", "argumen tidak dikenal: "),
    (r"^one of the arguments (.*) is required$", r"salah satu dari \1 wajib diisi"),
    (r"not allowed with argument (.*)$", r"tidak boleh bersama \1"),
    (r"expected one argument$", "memerlukan satu nilai"),
    (r"expected at least one argument$", "memerlukan paling sedikit satu nilai"),
    (r"invalid \S+ value: (.*)$", r"nilai tidak sah: \1"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"opsi \1 dapat berarti \2"),
    (r"ignored explicit argument (.*)$", r"tidak menerima nilai \1"),
)


def indonesian(message: str) -> str:
    for pattern, replacement in _ARGPARSE_MESSAGES:
        message = re.sub(pattern, replacement, message)
    return message


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exit(2), in Indonesian
        self.print_usage(sys.stderr)
        text = clean(indonesian(message))
        self.exit(EXIT_USAGE, f"{self.prog}: kesalahan penggunaan: {text}\n")


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
    foundation.add_commands(sub)  # init, nik, self-check
    accounts.add_commands(sub)  # user, office, category
    intake.add_commands(sub)  # reporter, complaint
    cases.add_commands(sub)  # case (show, attachment, <action>), cases, search
    deadlines.add_commands(sub)  # deadlines, letters
    demo.add_commands(sub)
    documents.add_commands(sub)
    signing.add_commands(sub)
    backup.add_commands(sub)
    central.add_commands(sub)  # central PostgreSQL administration
    sync.add_commands(sub)  # join, sync
    lapor.add_commands(sub)  # import lapor, lapor updates|mark
    return p


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = build_parser()
    for i, arg in enumerate(argv, 1):
        if _undecodable(arg):
            parser.error(
                f"argumen ke-{i} bukan teks UTF-8 yang sah: {_shown(arg)} "
                "(periksa pengodean terminal atau nama berkas)"
            )
    args = parser.parse_args(list(argv))
    read_stdin_values(parser, args)
    return args


def command_name(args: argparse.Namespace) -> str:
    """The command as typed, without its arguments ("complaint add"): safe to log."""
    names = [args.command] + [
        v for k, v in vars(args).items() if k.endswith(("_command", "_kind")) and isinstance(v, str)
    ]
    return " ".join(n for n in names if n)


def _unexpected(args: argparse.Namespace) -> int:
    """A bug, not a refusal: the traceback goes to the log (logs.py keeps personal data out
    of it), the person gets one line and exit 1."""
    import logging

    from lapor_desktop import logs

    logging.getLogger(__name__).exception("unexpected error in '%s'", command_name(args))
    where = logs.current_log_file()
    print(
        "Terjadi kesalahan tak terduga"
        + (f"; rinciannya dicatat di {where}." if where else ".")
        + " Hubungi petugas TI.",
        file=sys.stderr,
    )
    return EXIT_REFUSED


def run(args: argparse.Namespace) -> int:
    handler: Handler = args.handler
    from lapor_desktop.services.errors import DatabaseUnavailable, KeyRefused, ServiceError

    try:
        rc = handler(args)
        flush_out()  # a closed pipe shows here, not as a traceback when Python exits
        return rc
    except OutputClosed:
        return output_closed()
    except CliError as exc:
        err(f"Kesalahan: {exc}")
        return EXIT_REFUSED
    except (DatabaseUnavailable, KeyRefused) as exc:  # busy, damaged, not ours, wrong key
        err(f"Kesalahan: {exc.message}")
        return EXIT_REFUSED
    except ServiceError as exc:
        err(f"Ditolak: {exc.message}")
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:
        from lapor_desktop.services.storage import service_error_of

        known = service_error_of(exc)  # a database failure the driver raised unclassified
        if known is None:
            return _unexpected(args)
        err(f"Kesalahan: {known.message}")
        return EXIT_REFUSED
