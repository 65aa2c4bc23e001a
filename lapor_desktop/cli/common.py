"""What every command module shares: exit codes, output (text and JSON), secrets asked
of a person, argument types checked while parsing, and the data folder.

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
import sys
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from lapor_desktop import paths
from lapor_desktop.services.text import escape_unsafe, strip_unsafe

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
EXIT_OUTPUT_CLOSED = 141  # 128 + SIGPIPE: what `cat` and `git` report to a shell

TEXT_FILE_MAX = 1024 * 1024  # bytes read from a --…-file or stdin (a body: 200,000 characters)


class CliError(Exception):
    """Refused or invalid: printed on stderr, exit code 1."""


class OutputClosed(Exception):
    """Nobody reads stdout any more (`lapor-desktop cases list | head -1`)."""


# ---------------------------------------------------------------- output helpers


def jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(jsonable(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
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
    _write_out(escape_unsafe(json.dumps(jsonable(value), ensure_ascii=False, indent=2)) + "\n")


def say(text: str = "") -> None:
    _write_out(clean(text) + "\n")


def reply(args: argparse.Namespace, value: Any, sentence: str) -> int:
    """A command's result: `value` as JSON with --json, else the sentence; EXIT_OK."""
    if args.json:
        emit_json(value)
    else:
        say(sentence)
    return EXIT_OK


def err(text: str) -> None:
    """A message on stderr, cleaned like `say`."""
    print(clean(text), file=sys.stderr)


# ---------------------------------------------------------------- secrets from a person


def prompt_secret(prompt: str, env: str, *, twice: bool) -> str:
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
    return prompt_secret(
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


def text_or_file(
    parser: argparse.ArgumentParser,
    option: str,
    help_text: str,
    file_help: str,
    *,
    required: bool = False,
) -> None:
    """`--OPTION TEKS` or `--OPTION-file BERKAS|-` (one of them), both into `args.OPTION`."""
    either = parser.add_mutually_exclusive_group(required=required)
    either.add_argument(f"--{option}", metavar="TEKS", help=help_text)
    either.add_argument(
        f"--{option}-file",
        dest=option,
        type=text_file_arg(f"--{option}-file"),
        metavar="BERKAS|-",
        help=file_help,
    )


def nik_arg(option: str) -> Callable[[str], str | FromStdin]:
    """A NIK, or `-` to read it from stdin (so that it need not appear in `ps`)."""

    def value_of(value: str) -> str | FromStdin:
        return FromStdin(option, one_line=True) if value == "-" else value

    return value_of


def read_stdin_values(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
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


def positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bukan bilangan bulat: '{value}'") from None
    if n < 1:
        raise argparse.ArgumentTypeError("harus 1 atau lebih")
    return n


def data_dir_of(args: argparse.Namespace) -> Path:
    return Path(args.data_dir).expanduser() if args.data_dir else paths.default_data_dir()


# ---------------------------------------------------------------- formatting helpers


def fmt_dt(value: datetime | None) -> str:
    return f"{value:%d-%m-%Y %H:%M}" if value else "-"


def fmt_day(value: date | None) -> str:
    return f"{value:%d-%m-%Y}" if value else "-"


def iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return value.isoformat()


def table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [len(h) for h in headers]
    rows = [[clean(c) for c in row] for row in rows]  # widths of what is printed
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = min(max(widths[i], len(cell)), 60)
    say("  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip())
    say("  ".join("-" * w for w in widths))
    for row in rows:
        cells = [c if len(c) <= 60 else c[:57] + "..." for c in row]
        say("  ".join(c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip())


def one_line(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."
