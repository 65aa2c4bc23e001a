"""Headless commands over the services (operations, scripting, tests).

Exit codes: 0 done, 1 refused or invalid (an Indonesian message on stderr), 2 usage
(bad arguments: unknown command or choice, impossible date, undecodable bytes, unreadable
`--…-file`), 141 when the reader of stdout went away (`… | head -1`, like `cat`).

Everything printed goes through `say`/`err` (text) or `emit_json`: terminal controls and
bidi overrides in stored data are removed from text and written as `\\uXXXX` in JSON.
"""

from __future__ import annotations

import argparse
import dataclasses
import errno
import getpass
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from lapor_desktop import __version__, paths
from lapor_desktop.services.text import escape_unsafe, strip_unsafe

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
EXIT_OUTPUT_CLOSED = 141  # 128 + SIGPIPE: what `cat` and `git` report to a shell

TEXT_FILE_MAX = 1024 * 1024  # bytes read from a --…-file or stdin (a body: 200,000 characters)


class CliError(Exception):
    """Refused or invalid: printed on stderr, exit code 1."""


class OutputClosed(Exception):
    """Nobody reads stdout any more (`lapor-desktop cases list | head -1`)."""


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


def _pipe_closed(exc: OSError) -> bool:
    # Windows reports a write to a closed pipe as EINVAL, not as a broken pipe.
    return isinstance(exc, BrokenPipeError) or (
        sys.platform == "win32" and exc.errno == errno.EINVAL
    )


def _write_out(text: str) -> None:
    try:
        sys.stdout.write(text)
    except OSError as exc:
        if _pipe_closed(exc):
            raise OutputClosed from None
        raise


def flush_out() -> None:
    try:
        sys.stdout.flush()
    except OSError as exc:
        if _pipe_closed(exc):
            raise OutputClosed from None
        raise


def output_closed() -> int:
    """End quietly after the reader of stdout went away: what is still buffered goes to
    the null device (instead of a second error when Python flushes stdout at exit)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # not a real file (tests capture stdout)
        pass
    return EXIT_OUTPUT_CLOSED


def clean(text: str) -> str:
    """Text for a terminal: the characters the input rule removes (ESC, BEL, C1 controls,
    bidi overrides) are removed here too, so data stored before the rule existed, or a
    file name, cannot rewrite the screen or reorder a line."""
    return strip_unsafe(text)


def emit_json(value: Any) -> None:
    # json escapes C0 controls itself; DEL, C1 and bidi overrides are escaped here.
    _write_out(escape_unsafe(json.dumps(_jsonable(value), ensure_ascii=False, indent=2)) + "\n")


def say(text: str = "") -> None:
    _write_out(clean(text) + "\n")


def err(text: str) -> None:
    """A message on stderr, cleaned like `say`."""
    print(clean(text), file=sys.stderr)


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


# ---------------------------------------------------------------- argument types
# Checked while parsing, so a bad value is a usage error (exit 2) before anything opens.


def day_arg(value: str) -> date:
    """`YYYY-MM-DD`, a day that exists."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"tanggal harus berformat YYYY-MM-DD dan ada di kalender, bukan '{value}'"
        ) from None


def moment_arg(value: str) -> datetime:
    """`YYYY-MM-DD` (midnight) or `YYYY-MM-DD HH:MM[:SS]`."""
    text = value.strip().replace("T", " ")
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        f"tanggal harus berformat YYYY-MM-DD atau 'YYYY-MM-DD HH:MM' dan ada di kalender, "
        f"bukan '{value}'"
    )


@dataclasses.dataclass(frozen=True)
class FromStdin:
    """A value to be read from stdin after parsing (`-`); `option` names it in messages."""

    option: str
    one_line: bool = False


def _decoded(data: bytes, where: str) -> str:
    if len(data) > TEXT_FILE_MAX:
        raise ValueError(f"{where} terlalu besar (lebih dari {TEXT_FILE_MAX // 1024} KB)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{where} bukan teks UTF-8") from None
    return text.rstrip("\r\n")


def _read_limited(path: Path) -> bytes:
    """At most TEXT_FILE_MAX + 1 bytes of `path`. A pipe (`--body-file <(…)`) is read, but
    opened without waiting: a FIFO nobody writes to reads as empty instead of hanging."""
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | nonblocking)
    if nonblocking:
        os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as fh:
        return fh.read(TEXT_FILE_MAX + 1)


def text_file_arg(option: str) -> Callable[[str], str | FromStdin]:
    """The type of `--body-file`, `--note-file`: the text of a UTF-8 file, or of stdin for
    `-`, so that a complaint's text need not stand on the command line (seen in `ps`)."""

    def read(value: str) -> str | FromStdin:
        if value == "-":
            return FromStdin(option)
        path = Path(value).expanduser()
        try:
            return _decoded(_read_limited(path), f"berkas {value}")
        except FileNotFoundError:
            raise argparse.ArgumentTypeError(f"berkas tidak ditemukan: {value}") from None
        except IsADirectoryError:
            raise argparse.ArgumentTypeError(f"{value} adalah folder, bukan berkas") from None
        except PermissionError:
            raise argparse.ArgumentTypeError(f"berkas {value} tidak boleh dibaca") from None
        except OSError as exc:
            raise argparse.ArgumentTypeError(
                f"berkas {value} tidak dapat dibaca ({exc.strerror})"
            ) from None
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return read


def nik_arg(option: str) -> Callable[[str], str | FromStdin]:
    """A NIK, or `-` to read it from stdin (so that it need not appear in `ps`)."""

    def value_of(value: str) -> str | FromStdin:
        return FromStdin(option, one_line=True) if value == "-" else value

    return value_of


def _read_stdin_values(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Replace the one `-` value by what stdin holds."""
    wanted = [(k, v) for k, v in vars(args).items() if isinstance(v, FromStdin)]
    if not wanted:
        return
    if len(wanted) > 1:
        options = " dan ".join(v.option for _, v in wanted)
        parser.error(f"hanya satu argumen yang dapat dibaca dari stdin ('-'), bukan {options}")
    name, source = wanted[0]
    if sys.stdin is None:
        parser.error(f"{source.option} -: tidak ada stdin")
    if sys.stdin.isatty():
        print("Ketik teksnya, akhiri dengan Ctrl-D (Windows: Ctrl-Z, Enter):", file=sys.stderr)
    try:
        text = _decoded(sys.stdin.buffer.read(TEXT_FILE_MAX + 1), "stdin")
    except ValueError as exc:
        parser.error(f"{source.option} -: {exc}")
    setattr(args, name, " ".join(text.split()) if source.one_line else text)


def _undecodable(arg: str) -> bool:
    # Bytes that are not UTF-8 arrive as lone surrogates (PEP 383); they cannot be stored.
    return any("\ud800" <= ch <= "\udfff" for ch in arg)


def _shown(arg: str) -> str:
    try:
        raw = arg.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return arg.encode("utf-8", "backslashreplace").decode("ascii")
    return raw.decode("utf-8", "backslashreplace")


# ---------------------------------------------------------------- commands


def data_dir_of(args: argparse.Namespace) -> Path:
    return Path(args.data_dir).expanduser() if args.data_dir else paths.default_data_dir()


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
        if report.integrity is not None:
            say(f"Integritas basis data: {'OK' if report.integrity else 'GAGAL'}")
            if not report.integrity:
                say(diagnostics.INTEGRITY_FAILED_HELP)
        say("Semua siap digunakan." if report.ok else "Ada yang perlu diperbaiki.")
    return EXIT_OK if report.ok else EXIT_REFUSED


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
    parser = build_parser()
    for i, arg in enumerate(argv, 1):
        if _undecodable(arg):
            parser.error(
                f"argumen ke-{i} bukan teks UTF-8 yang sah: {_shown(arg)} "
                "(periksa pengodean terminal atau nama berkas)"
            )
    args = parser.parse_args(list(argv))
    _read_stdin_values(parser, args)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry for `python -m lapor_desktop.cli`; the GUI case goes through app.main."""
    from lapor_desktop import app

    return app.main(argv)


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
