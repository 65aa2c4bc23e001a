"""Several real processes on one database file: writers take the lock up front and wait
for each other; a busy database is said in words (exit 1), never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from lapor_desktop.db.models import Complaint
from lapor_desktop.services import reporters, storage, users
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import DatabaseBusy
from lapor_desktop.services.setup import initialize
from tests.db.processes import NIK, PASSWORD

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "frasa sandi kantor kampar"
BUSY = DatabaseBusy.MESSAGE


@pytest.fixture
def shared_db(data_dir: Path) -> Path:
    """A database whose key is a passphrase (a child process has no in-memory keyring),
    with a front-desk user and one registered reporter."""
    keyring.set_keyring(keyring.backends.fail.Keyring())  # restored by the conftest fixture
    store = storage.create_database(data_dir, lambda new: PASSPHRASE)
    base = Ctx(data_dir=data_dir)
    initialize(base, "root", PASSWORD)
    root = base.as_user(users.sign_in(base, "root", PASSWORD))
    users.add_user(
        root,
        "loket",
        role="FRONT_DESK",
        office_code="DISKOMINFOSANDI",
        password=PASSWORD,
        must_change_password=False,
    )
    loket = base.as_user(users.sign_in(base, "loket", PASSWORD))
    reporters.register(loket, nik=NIK, name="Siti Aminah")
    store.close()
    return data_dir


def child_env(data_dir: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "LAPOR_DATA_DIR": str(data_dir),
        "LAPOR_DB_KEY": PASSPHRASE,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        **extra,
    }


def spawn(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def cli(data_dir: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    return spawn(
        "-m",
        "lapor_desktop",
        *args,
        env=child_env(data_dir, LAPOR_USER="loket", LAPOR_PASSWORD=PASSWORD, **env),
    )


def finish(p: subprocess.Popen[str], timeout: float = 240) -> tuple[int, str, str]:
    out, err = p.communicate(timeout=timeout)
    return p.returncode, out, err


def count_cases(data_dir: Path) -> int:
    store = storage.open_database(data_dir, lambda new: PASSPHRASE)
    try:
        return Complaint.select().count()
    finally:
        store.close()


def test_five_processes_sign_in_and_log_complaints_at_once(shared_db: Path) -> None:
    # Each step signs in (a write: the audit row, the failure counter) and logs a case,
    # as every CLI command does. Before BEGIN IMMEDIATE, most of these died with
    # "database is locked" (a deferred transaction read, then could not upgrade).
    per_process = 6
    workers = [
        spawn(
            "-m",
            "tests.db.processes",
            "intakes",
            str(shared_db),
            str(per_process),
            f"p{i}",
            env=child_env(shared_db),
        )
        for i in range(5)
    ]
    tickets: list[str] = []
    for p in workers:
        rc, out, err = finish(p)
        assert rc == 0 and "Traceback" not in err, err
        tickets += json.loads(out.strip().splitlines()[-1])["tickets"]
    assert len(tickets) == len(set(tickets)) == 5 * per_process
    assert count_cases(shared_db) == 5 * per_process


def test_two_lists_at_once_while_writers_run(shared_db: Path) -> None:
    writers = [
        spawn(
            "-m",
            "tests.db.processes",
            "intakes",
            str(shared_db),
            "4",
            f"w{i}",
            env=child_env(shared_db),
        )
        for i in range(2)
    ]
    lists = [cli(shared_db, "cases", "list", "--json") for _ in range(2)]
    for p in lists:
        rc, out, err = finish(p)
        assert rc == 0 and "Traceback" not in err, err
        json.loads(out)  # a whole answer
    for p in writers:
        rc, _, err = finish(p)
        assert rc == 0, err


def test_a_held_write_lock_is_waited_for_or_said_busy(shared_db: Path) -> None:
    holder = spawn(
        "-m", "tests.db.processes", "hold", str(shared_db), "6", env=child_env(shared_db)
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    add = (
        "complaint", "add", "--reporter", NIK, "--title", "Jalan rusak", "--body", "Lubang.",
        "--channel", "walk-in", "--type", "pengaduan",
    )  # fmt: skip
    # With a short wait (the ops/test override), the command gives up: a sentence, exit 1.
    impatient = cli(shared_db, *add, LAPOR_BUSY_TIMEOUT_MS="300")
    # With the normal 30 s, it waits for the other process and succeeds.
    patient = cli(shared_db, *add)
    rc, out, err = finish(impatient)
    assert rc == 1, out + err
    assert BUSY in err and "Traceback" not in err and "locked" not in err
    assert holder.poll() is None, "the lock was still held when the impatient one gave up"
    rc, out, err = finish(patient)
    finished = time.time()
    assert rc == 0 and "Laporan dicatat" in out, err
    held_out, _ = holder.communicate(timeout=30)
    released = float(held_out.split()[-1])
    assert finished > released  # it could only write after the holder let go
    assert count_cases(shared_db) == 1


def test_two_processes_opening_an_old_database_upgrade_it_once(data_dir: Path) -> None:
    # Each migration step takes the write lock first and reads the version again under it:
    # the second process finds the steps done instead of applying them twice.
    from lapor_desktop import paths
    from lapor_desktop.db import migrate

    fixture = ROOT / "tests" / "fixtures" / "lapor-v1.db"
    data_dir.mkdir(parents=True)
    shutil.copy(fixture, paths.db_path(data_dir))
    start_at = time.time() + 4
    env = child_env(data_dir, LAPOR_DB_KEY="fixture-passphrase")
    openers = [
        spawn("-m", "tests.db.processes", "open", str(data_dir), f"{start_at:.3f}", env=env)
        for _ in range(2)
    ]
    results = []
    for p in openers:
        rc, out, err = finish(p)
        assert rc == 0 and "Traceback" not in err, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    latest = migrate.latest_version()
    assert [r["version"] for r in results] == [latest, latest]
    applied = sorted(v for r in results for v in r["migrated"])
    assert applied == list(range(2, latest + 1))  # each step once, by one or the other
