"""The sync lock (sync/lock.py) within one process: a second holder — another thread, as
the app's worker beside a cycle started from elsewhere — is refused at once, in words."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from lapor_desktop.sync import lock
from lapor_desktop.sync.link import SyncError


def test_a_second_cycle_is_refused_while_one_holds_the_lock(tmp_path: Path) -> None:
    with lock.held(tmp_path):
        busy = pytest.raises(SyncError, match="Sinkronisasi lain sedang berjalan di komputer ini")
        with busy, lock.held(tmp_path):
            pass
        refused: list[str] = []

        def other() -> None:
            try:
                with lock.held(tmp_path):
                    refused.append("taken")
            except lock.SyncBusy as exc:
                refused.append(exc.message)

        t = threading.Thread(target=other)
        t.start()
        t.join(30)
        assert refused == [lock.BUSY]
    with lock.held(tmp_path):  # free again once the holder is done
        assert (tmp_path / lock.LOCK_NAME).exists()
