"""A restore killed (SIGKILL) at random moments, many times: afterwards the database opens
with this PC's key, passes integrity_check and is wholly the old one or wholly the
restored one; no temporary file stays behind once it is opened again."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lapor_desktop import paths
from lapor_desktop.db import snapshot
from lapor_desktop.db.models import database_proxy
from lapor_desktop.services import backup, storage
from tests.services.conftest import PASSWORD, World

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHILD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from lapor_desktop.services import backup, storage, users
    from lapor_desktop.services.context import Ctx

    data_dir, source, key = Path(sys.argv[1]), Path(sys.argv[2]), os.environ["KEY"]
    store = storage.open_database(data_dir, lambda new: key)
    ctx = Ctx(data_dir=data_dir)
    ctx = ctx.as_user(users.sign_in(ctx, "sysadmin", os.environ["PASSWORD"]))
    print("ready", flush=True)
    backup.restore(ctx, source)
    store.close()
    print("done", flush=True)
    """
)


def _tickets(live: Path, key: str) -> frozenset[str]:
    with snapshot.opened(live, key) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return frozenset(r[0] for r in conn.execute("SELECT ticket FROM complaint"))


def _pad(world: World, tag: str) -> None:
    """Some megabytes, so that a restore lasts long enough to be hit in its middle."""
    with database_proxy.atomic():
        for i in range(6):
            database_proxy.obj.execute_sql(
                "INSERT INTO setting VALUES (?, hex(randomblob(400000)))", (f"pad:{tag}:{i}",)
            )


def test_restore_killed_at_random_moments(world: World, tmp_path: Path) -> None:
    key = str(database_proxy.obj.connect_params["passphrase"])
    world.new_case(title="Lama")
    _pad(world, "a")
    source = backup.make_backup(world.as_("sysadmin")).path
    world.new_case(title="Baru")
    _pad(world, "b")
    live = paths.db_path(world.data_dir)
    restored_state = _tickets(source, key)
    database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database_proxy.obj.close()
    pristine = tmp_path / "pristine"
    shutil.copytree(world.data_dir, pristine)
    old_state = _tickets(live, key)
    assert old_state != restored_state

    env = {
        **os.environ,
        "KEY": key,
        "PASSWORD": PASSWORD,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    rng = random.Random(int(os.environ.get("LAPOR_CRASH_SEED", "12")))
    outcomes = {"old": 0, "restored": 0}
    window = 0.0
    for attempt in range(14):
        shutil.rmtree(world.data_dir)
        shutil.copytree(pristine, world.data_dir)
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(world.data_dir), str(source)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        started = time.monotonic()
        if attempt == 0:  # the first one runs to the end: how long a restore takes here
            assert child.stdout.readline().strip() == "done"
            window = time.monotonic() - started
        else:
            time.sleep(rng.uniform(0, window * 1.1))
            child.send_signal(signal.SIGKILL)
        child.communicate()
        state = _tickets(live, key)
        assert state in (old_state, restored_state), attempt
        outcomes["old" if state == old_state else "restored"] += 1
        # Opened again the normal way: nothing half-written stays in the data dir.
        store = storage.open_database(world.data_dir, lambda new: key)
        store.close()
        leftovers = [
            p.name
            for d in (world.data_dir, paths.backups_dir(world.data_dir))
            for p in d.iterdir()
            if p.name.endswith((".tmp", "-journal"))
        ]
        assert leftovers == [], (attempt, leftovers)
        for row in backup.list_backups(world.data_dir):  # a kept copy is whole or absent
            snapshot.check(row.path, key)
    assert outcomes["old"] > 0 and outcomes["restored"] > 0, outcomes
