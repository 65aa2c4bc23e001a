"""Faults that need real processes or a second server session: `sync` killed (SIGKILL)
during its local apply; two PCs pushing actions on one case at the same moment; a
long-running writer on the server holding the feed's snapshot back while a PC pulls."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from lapor_desktop.db.models import CaseAction, Complaint, SyncFailed, SyncState, database_proxy
from lapor_desktop.services import casework
from lapor_desktop.sync import engine
from tests.central.conftest import OPD_A, OPD_B, PASSWORD
from tests.sync.conftest import PC, no_prompt, settle
from tests.sync.test_cycle import _intake, _server

pytestmark = pytest.mark.postgres

CHILD = Path(__file__).with_name("child_sync.py")
ROOT = Path(__file__).resolve().parents[2]


def _child(pc: PC, keyring: Any, tmp: Path, **env: str) -> subprocess.Popen[str]:
    """`lapor-desktop sync` for this PC in a child process (its database closed here)."""
    pc.close()
    full = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "LAPOR_PASSWORD": PASSWORD,
        "LAPOR_CENTRAL_DSN": pc.hub.dsn(pc.login),
        "CHILD_KEYRING": json.dumps([[s, u, p] for (s, u), p in keyring.store.items()]),
        **env,
    }
    args = [sys.executable, str(CHILD), "--data-dir", str(pc.data_dir), "sync", "--user", pc.login]
    with open(tmp / f"child-{pc.login}-{time.monotonic_ns()}.log", "w") as log:
        return subprocess.Popen(args, env=full, stdout=log, stderr=subprocess.STDOUT, text=True)


def _wait_for(path: Path, proc: subprocess.Popen[str], timeout: float = 120) -> None:
    until = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, "the child ended before it reached the apply"
        assert time.monotonic() < until, "the child never reached the apply"
        time.sleep(0.02)


def test_sync_killed_during_the_local_apply_leaves_a_consistent_database(
    hub: Any, office_pc: Any, memory_keyring: Any, tmp_path: Path
) -> None:
    desk = office_pc("desk")
    tickets = [_intake(desk.use(), nik=f"140102120388780{i}") for i in range(3)]
    desk.sync()
    admin = office_pc("admin")
    casework.verify(admin.use(), tickets[0], category="INFRASTRUKTUR")  # own unsent work
    desk.use()
    more = _intake(desk.use(), nik="1401021203887809")  # comes in admin's next window
    desk.sync()
    admin.use()
    before = SyncState.get_by_id(1).checkpoint
    settle(hub)
    stall = tmp_path / "applying"
    proc = _child(admin, memory_keyring, tmp_path, CHILD_STALL=str(stall))
    try:
        _wait_for(stall, proc)  # rows written, checkpoint set, not committed
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    admin.use()
    assert database_proxy.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
    state = SyncState.get_by_id(1)
    assert (state.checkpoint, state.applying) == (before, 0)  # nothing half-applied
    assert not Complaint.select().where(Complaint.ticket == more).exists()
    # The push before the apply committed on the server and was acknowledged here.
    assert engine.status().pending == 0
    # The next sync — again a real process — re-pulls the same window and completes.
    proc = _child(admin, memory_keyring, tmp_path)
    assert proc.wait(120) == 0
    admin.use()
    assert SyncState.get_by_id(1).checkpoint > before
    assert Complaint.get(Complaint.ticket == more).status == "DITERIMA"
    assert Complaint.get(Complaint.ticket == tickets[0]).status == "TERVERIFIKASI"


def test_two_pcs_push_actions_on_one_case_at_the_same_moment(
    hub: Any, office_pc: Any, memory_keyring: Any, tmp_path: Path
) -> None:
    desk = office_pc("desk")
    ticket = _intake(desk.use(), nik="1401021203887901")
    desk.sync()
    admin = office_pc("admin")
    casework.verify(admin.use(), ticket, category="INFRASTRUKTUR")
    casework.dispose(admin.use(), ticket, opd=OPD_A, note="Untuk Dinkes")
    admin.sync()
    opd = office_pc("opd_a")
    # Offline on both sides: the OPD starts, the regency moves the case elsewhere.
    casework.start(opd.use(), ticket)
    casework.redispose(admin.use(), ticket, opd=OPD_B, note="Salah OPD")
    settle(hub)
    go = tmp_path / "go"
    procs = [_child(pc, memory_keyring, tmp_path, CHILD_GO=str(go)) for pc in (admin, opd)]
    time.sleep(0.1)
    go.write_text("go")
    assert [p.wait(120) for p in procs] == [0, 0]
    admin.use()
    case_id = Complaint.get(Complaint.ticket == ticket).id
    server = _server(
        hub,
        "SELECT seq, action, accepted, reason FROM lapor.case_action "
        "WHERE complaint_id = %s ORDER BY seq NULLS LAST",
        case_id,
    )
    accepted = [s for s, _, ok, _ in server if ok]
    assert accepted == list(range(1, len(accepted) + 1))  # gapless under the race
    contested = {a: ok for _, a, ok, _ in server if a in ("START", "REDISPOSE")}
    assert sorted(contested) == ["REDISPOSE", "START"]
    assert sum(contested.values()) == 1  # whoever locked the case first wins
    assert all(r for _, _, ok, r in server if not ok)
    loser = opd if contested["REDISPOSE"] else admin
    for pc in (admin, opd, admin, opd):
        pc.sync()
    (status,) = _server(hub, "SELECT status FROM lapor.complaint WHERE id = %s", case_id)[0]
    admin.use()
    assert Complaint.get_by_id(case_id).status == status
    loser.use()
    assert SyncFailed.select().where(SyncFailed.entity == "case_action").count() == 1


def test_long_running_writer_holds_the_window_back_and_no_row_is_lost(
    hub: Any, office_pc: Any
) -> None:
    desk = office_pc("desk")
    first = _intake(desk.use(), nik="1401021203888001")
    desk.sync()
    admin = office_pc("admin")
    case_id = Complaint.get(Complaint.ticket == first).id
    writer = hub.admin()  # a long transaction on the server (a report, a batch job…)
    try:
        writer.execute("BEGIN")
        writer.execute(
            "UPDATE lapor.complaint SET title = title || ' (dikoreksi)' WHERE id = %s",
            (case_id,),
        )
        (held,) = writer.execute("SELECT pg_current_xact_id()::text::bigint").fetchone()
        # Meanwhile another PC pushes a new case; it commits after the writer began.
        later = _intake(desk.use(), nik="1401021203888002")
        engine.sync(desk.use(), no_prompt)
        got = engine.sync(admin.use(), no_prompt)
        assert got.checkpoint <= held  # the window stops below the open writer
        assert not Complaint.select().where(Complaint.ticket == later).exists()
        assert "(dikoreksi)" not in Complaint.get_by_id(case_id).title
    finally:
        writer.execute("COMMIT")
        writer.close()
    settle(hub)
    after = engine.sync(admin.use(), no_prompt)
    assert after.checkpoint > held
    assert Complaint.get(Complaint.ticket == later).status == "DITERIMA"
    assert Complaint.get_by_id(case_id).title.endswith("(dikoreksi)")
    # The desk PC that pushed "later" got its own window just as right.
    desk.sync()
    assert Complaint.get_by_id(case_id).title.endswith("(dikoreksi)")
    assert CaseAction.select().where(CaseAction.complaint == case_id).count() == 1


def test_two_syncs_of_one_database_never_run_at_once(
    hub: Any, office_pc: Any, memory_keyring: Any, tmp_path: Path
) -> None:
    desk = office_pc("desk")
    _intake(desk.use(), nik="1401021203887901")
    holding, release = tmp_path / "holding", tmp_path / "release"
    first = _child(
        desk, memory_keyring, tmp_path, CHILD_HOLD=str(holding), CHILD_RELEASE=str(release)
    )
    try:
        _wait_for(holding, first)  # the first cycle holds the lock
        second = _child(desk, memory_keyring, tmp_path)
        second.wait(120)
        log = "".join(p.read_text() for p in tmp_path.glob(f"child-{desk.login}-*.log"))
        assert second.returncode == 1, log
        assert "Sinkronisasi lain sedang berjalan di komputer ini" in log
        assert "Traceback" not in log
        release.write_text("go")
        assert first.wait(120) == 0, log
    finally:
        release.write_text("go")
        first.kill()
        first.wait(30)
    desk.use()
    assert engine.status().pending == 0  # the first cycle sent the case; nothing lost
    assert desk.sync().pushed == 0  # the lock is free again
