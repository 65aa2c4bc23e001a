"""A document file written in two steps, so a letter number and its file go together.

`stage(data)` writes the whole file under a temporary name next to the target and syncs
it to disk; `publish()` renames it into place (atomic on one file system); `discard()`
removes it. A numbered letter stages its file inside the transaction that reserves the
number and publishes it after the commit: a folder that does not exist, a full disk or a
render error raises before the commit, the transaction rolls back and the register keeps
no number for a letter that was never written.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from lapor_desktop.services.errors import ServiceError, ValidationError


def _cannot(path: Path, exc: OSError) -> ServiceError:
    return ServiceError(f"Berkas tidak dapat disimpan ke {path}: {exc.strerror or exc}")


class StagedFile:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._tmp: Path | None = None

    def stage(self, data: bytes) -> None:
        folder = self.path.parent
        if not folder.is_dir():
            raise ValidationError(f"Folder tujuan tidak ada: {folder}", "out")
        if self.path.is_dir():
            raise ValidationError(f"Tujuan berkas adalah sebuah folder: {self.path}", "out")
        self.discard()
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise _cannot(self.path, exc) from None
        self._tmp = Path(tmp)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            self.discard()
            raise _cannot(self.path, exc) from None
        except BaseException:
            self.discard()
            raise

    def publish(self) -> None:
        if self._tmp is None:
            raise RuntimeError("nothing staged")
        try:
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self.discard()
            raise _cannot(self.path, exc) from None
        self._tmp = None
        with contextlib.suppress(OSError):  # the rename itself made durable (POSIX)
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    def discard(self) -> None:
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
            self._tmp = None


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (stage, then publish)."""
    staged = StagedFile(path)
    staged.stage(data)
    staged.publish()
