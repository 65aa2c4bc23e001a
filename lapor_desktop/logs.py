"""The log file: `<data dir>/logs/lapor-desktop.log`, rotated at 1 MB, five old files kept.

Configured once per start by the composition root (app.py), for the GUI and the CLI alike.
Only the package's own loggers (`lapor_desktop.*`) write to it: peewee's logger would
write SQL parameters (a NIK, a name) at DEBUG, so third-party loggers are never attached.

What the code logs is chosen so that no personal data is written: actions by name and
ticket (services/audit.py), user names of staff, counts, codes. Two guards stand behind
that, for what slips through:
- every line (message and traceback) passes through `redact`, which masks 16-digit
  numbers (a NIK) and the home folder (on Windows often a person's name);
- tracebacks are written by `format_exception`: file, line and function of every frame,
  the exception's type, and its message only for exceptions whose messages are known to
  carry no values (see `_message_is_safe`); every other message is left out, the
  application's own too (a ServiceError's message can quote what a person typed).

A log that cannot be written (read-only folder, full disk, a file locked by another
process on Windows) never stops the application and never prints on the terminal.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import platform
import re
import traceback
from pathlib import Path

from lapor_desktop import __version__, paths

LOG_FILENAME = "lapor-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
PACKAGE_LOGGER = "lapor_desktop"
# Reserved for the synchronisation with the central database (issue 10): its progress and
# failures are logged under this name.
SYNC_LOGGER = "lapor_desktop.sync"

_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

_SIXTEEN_DIGITS = re.compile(r"(?<!\d)\d{16}(?!\d)")
NIK_MASK = "[NIK disamarkan]"
HIDDEN_MESSAGE = "(pesan disembunyikan: dapat memuat data pribadi)"

_handler: logging.Handler | None = None


def _home() -> str:
    try:
        return str(Path.home())
    except (RuntimeError, KeyError):
        return ""


def redact(text: str) -> str:
    """`text` with every 16-digit number masked and the home folder written as `~`."""
    home = _home()
    if len(home) > 1:
        text = text.replace(home, "~")
    return _SIXTEEN_DIGITS.sub(NIK_MASK, text)


def describe_path(path: Path) -> str:
    """A path as logged: under the home folder written as `~/…`."""
    return redact(str(path))


# Exceptions whose messages are written by the database engine or by us about the program
# (never about a person's data): SQLite's messages name tables and columns, not values
# (peewee passes values as parameters). Everything else (OSError names a file; ValueError,
# KeyError and TypeError often quote the value) loses its message.
_SAFE_MESSAGE_MODULES = ("sqlite3", "sqlcipher3", "peewee", "pysqlite2")


def _message_is_safe(exc: BaseException) -> bool:
    module = type(exc).__module__ or ""
    return module.split(".")[0] in _SAFE_MESSAGE_MODULES


_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"


def _one_exception(exc: BaseException) -> str:
    lines = []
    if exc.__traceback__ is not None:
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
    name = type(exc).__qualname__
    module = type(exc).__module__
    if module not in ("builtins", "__main__"):
        name = f"{module}.{name}"
    text = str(exc) if _message_is_safe(exc) else (HIDDEN_MESSAGE if str(exc) else "")
    lines.append(f"{name}: {text}\n" if text else f"{name}\n")
    return "".join(lines)


def format_exception(exc: BaseException) -> str:
    """A traceback without personal data: frames (file, line, function, source line) and
    exception types of the whole chain; messages only where `_message_is_safe`."""
    # chain[i + 1] is the cause (or context) of chain[i]; link[i] says which.
    chain: list[BaseException] = []
    links: list[str] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        if current.__cause__ is not None:
            current, link = current.__cause__, _CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, _CONTEXT
        else:
            current, link = None, ""
        links.append(link)
    parts: list[str] = []
    for i in range(len(chain) - 1, -1, -1):
        parts.append(_one_exception(chain[i]))
        if i > 0:
            parts.append(links[i - 1])
    return redact("".join(parts)).rstrip("\n")


class RedactingFormatter(logging.Formatter):
    """The log's formatter: tracebacks by `format_exception`, every line through `redact`."""

    def formatException(self, ei: object) -> str:
        exc = ei[1] if isinstance(ei, tuple) and len(ei) == 3 else None
        if isinstance(exc, BaseException):
            return format_exception(exc)
        return ""

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_info:  # never a traceback another formatter cached on the record
            record.exc_text = self.formatException(record.exc_info)
        return redact(super().format(record))


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Rotating, the files readable by their owner only (0600), and silent on failure."""

    def _open(self) -> io.TextIOWrapper:
        # O_BINARY (Windows): Python writes the line ends; the C runtime must not add more.
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        if os.name == "posix":
            os.fchmod(fd, 0o600)  # a file made before (or by another umask) is closed too
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:
        # A log line that cannot be written is lost, never a message on the terminal or a
        # stopped application (logging's default prints "--- Logging error ---").
        del record


def log_file(data_dir: Path) -> Path:
    return paths.log_dir(data_dir) / LOG_FILENAME


def configure(data_dir: Path | None) -> Path | None:
    """Write the package's log to `<data_dir>/logs/`; the log file, or None when there is
    none (`data_dir` None, or the file cannot be made: then nothing is logged, silently).
    Called again (the tests start the CLI many times in one process) it replaces the
    previous file's handler."""
    global _handler
    logger = logging.getLogger(PACKAGE_LOGGER)
    logger.setLevel(logging.INFO)
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
        _handler = None
    handler: logging.Handler = logging.NullHandler()
    result: Path | None = None
    if data_dir is not None:
        target = log_file(data_dir)
        try:
            for folder in (data_dir, target.parent):
                if not folder.is_dir():
                    folder.mkdir(mode=0o700, parents=True)
            if os.name == "posix":
                target.parent.chmod(0o700)
            handler = PrivateRotatingFileHandler(
                target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
            )
            handler.setFormatter(RedactingFormatter(_FORMAT))
            result = target
        except OSError:
            pass  # no log; the NullHandler keeps logging's "last resort" (stderr) away too
    logger.addHandler(handler)
    _handler = handler
    return result


def started(mode: str, command: str = "") -> None:
    """The first line of a run: version, GUI or CLI (and which command), platform."""
    logging.getLogger(PACKAGE_LOGGER).info(
        "start LAPOR Desktop %s, mode %s%s, Python %s, %s %s %s",
        __version__,
        mode,
        f" ({command})" if command else "",
        platform.python_version(),
        platform.system(),
        platform.release(),
        platform.machine(),
    )


def finished(code: int) -> None:
    logging.getLogger(PACKAGE_LOGGER).info("end, exit code %d", code)


def current_log_file() -> Path | None:
    """The file this process logs to (None before `configure` or when it failed)."""
    if isinstance(_handler, logging.FileHandler):
        return Path(_handler.baseFilename)
    return None
