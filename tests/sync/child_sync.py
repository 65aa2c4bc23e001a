"""`lapor-desktop …` in a child process, for the faults that need a real process: the
parent's keyring entries come in CHILD_KEYRING (JSON), CHILD_GO names a file to wait for
before starting (several children start together), CHILD_STALL names a file written
inside the sync's local apply transaction, after which the child hangs there until the
parent kills it, and CHILD_HOLD names a file written once the cycle holds the sync lock
(before it connects), after which the child waits for the file CHILD_RELEASE."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def main() -> int:
    import keyring

    from lapor_desktop.memory_keyring import MemoryKeyring

    kr = MemoryKeyring()
    for service, user, secret in json.loads(os.environ.get("CHILD_KEYRING", "[]")):
        kr.set_password(service, user, secret)
    keyring.set_keyring(kr)
    stall = os.environ.get("CHILD_STALL")
    if stall:
        from lapor_desktop.sync import apply

        real = apply.apply_rows

        def stalled(rows: Any, now: Any) -> Any:
            out = real(rows, now)
            Path(stall).write_text("applying")
            time.sleep(600)
            return out

        apply.apply_rows = stalled
    hold = os.environ.get("CHILD_HOLD")
    if hold:  # signed in, the sync lock taken: wait for CHILD_RELEASE before connecting
        from lapor_desktop.sync import engine

        connect = engine.open_link

        def held(dsn: str) -> Any:
            Path(hold).write_text("holding")
            release = Path(os.environ["CHILD_RELEASE"])
            until = time.monotonic() + 120
            while not release.exists() and time.monotonic() < until:
                time.sleep(0.02)
            return connect(dsn)

        engine.open_link = held  # type: ignore[assignment]
    go = os.environ.get("CHILD_GO")
    if go:
        until = time.monotonic() + 60
        while not Path(go).exists() and time.monotonic() < until:
            time.sleep(0.01)
    from lapor_desktop import app

    return app.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
