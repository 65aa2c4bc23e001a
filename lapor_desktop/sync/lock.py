"""One sync cycle at a time per local database (SYNC.md "A sync cycle").

The app's background sync and the CLI's `sync` run the same cycle (engine.sync); both
take this lock first, so they never run a cycle on one database at the same moment — two
windows of the app, the app and a scheduled `lapor-desktop sync`, or two commands. The
lock is an OS file lock on `sync.lock` in the data folder (flock / LockFileEx through
msvcrt): the operating system drops it when its holder ends, so a crashed cycle never
leaves a stale lock behind. A second attempt does not wait: it is refused with `SyncBusy`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from lapor_desktop.sync.link import SyncError

LOCK_NAME = "sync.lock"
BUSY = "Sinkronisasi lain sedang berjalan di komputer ini; coba lagi setelah selesai."


class SyncBusy(SyncError):
    """Another cycle holds this database's sync lock."""

    def __init__(self) -> None:
        super().__init__(BUSY)


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def held(data_dir: Path) -> Iterator[None]:
    """Hold the data folder's sync lock for the block; `SyncBusy` at once if another
    process (or thread) holds it."""
    path = Path(data_dir) / LOCK_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+b")  # noqa: SIM115 - closed below, after the unlock
    try:
        if not _try_lock(handle):
            raise SyncBusy()
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        handle.close()
