"""A write of this process that waits for another thread of this process (the counter's
save while the background sync applies a piece) is counted in `writers_waiting`, so the
sync lets it in between pieces, and waits without failing; the "another process uses the
database" notice is not shown for it, only for a lock held elsewhere."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from lapor_desktop.db.database import connect_local


def test_a_write_waiting_for_this_process_is_counted_and_not_called_another_process(
    tmp_path: Path,
) -> None:
    path = tmp_path / "lapor.db"
    db = connect_local(path, "sandi-uji")
    db.execute_sql("CREATE TABLE IF NOT EXISTS t (v TEXT)")
    db.close()
    told: list[str] = []
    db.on_wait = lambda: told.append(threading.current_thread().name)
    saved = threading.Event()

    def counter() -> None:  # the save at the counter, on its own worker
        try:
            with db.atomic("IMMEDIATE"):
                db.execute_sql("INSERT INTO t VALUES ('loket')")
            saved.set()
        finally:
            db.close()

    with db.atomic("IMMEDIATE"):  # the sync's piece, on this thread
        db.execute_sql("INSERT INTO t VALUES ('sinkron')")
        worker = threading.Thread(target=counter, name="counter")
        worker.start()
        deadline = time.monotonic() + 10
        while not db.writers_waiting and time.monotonic() < deadline:
            time.sleep(0.001)
        assert db.writers_waiting == 1 and not saved.is_set()
    worker.join(10)
    assert saved.is_set() and db.writers_waiting == 0
    assert told == []  # our own sync, not "sedang dipakai proses lain"
    rows = [v for (v,) in db.execute_sql("SELECT v FROM t ORDER BY rowid")]
    assert rows == ["sinkron", "loket"]

    other = connect_local(path, "sandi-uji")  # another process's writer
    other.execute_sql("BEGIN IMMEDIATE")
    worker = threading.Thread(target=counter, name="counter")
    saved.clear()
    worker.start()
    deadline = time.monotonic() + 10
    while not told and time.monotonic() < deadline:
        time.sleep(0.001)
    other.execute_sql("ROLLBACK")
    other.close()
    worker.join(10)
    assert told == ["counter"] and saved.is_set()
    db.close()
