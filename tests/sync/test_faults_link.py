"""Faults of SYNC.md on the wire: the link cut (by a TCP proxy on 127.0.0.1) before, during
and after the INSERT of a push and mid-pull; a replayed push; a login revoked mid-sync."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from lapor_desktop.db.models import CaseAction, Complaint, Reporter, SyncState
from lapor_desktop.sync import engine, link
from lapor_desktop.sync.link import SyncError
from tests.central.conftest import PASSWORD, SUPER_DSN, dsn_with
from tests.sync.conftest import no_prompt
from tests.sync.proxy import CutProxy, running
from tests.sync.test_cycle import _intake, _server

pytestmark = pytest.mark.postgres


@pytest.fixture
def proxy(hub: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[CutProxy]:
    """Every link the engine opens goes through a cut-able proxy."""
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(SUPER_DSN)
    host = str(params.get("host") or "127.0.0.1")
    port = int(params.get("port") or 5432)
    real = link.open_link
    with running(host, port) as p:

        def opened(dsn: str) -> link.DirectLink:
            return real(dsn_with(dsn, host="127.0.0.1", port=str(p.port), sslmode="disable"))

        monkeypatch.setattr(engine, "open_link", opened)
        yield p


def _count(hub: Any, table: str, column: str, value: Any) -> int:
    return int(_server(hub, f"SELECT count(*) FROM lapor.{table} WHERE {column} = %s", value)[0][0])


@pytest.mark.parametrize(
    ("where", "forward"),
    [("before", 0), ("during", 24)],
)
def test_cut_before_or_during_the_insert_loses_nothing(
    hub: Any, office_pc: Any, proxy: CutProxy, where: str, forward: int
) -> None:
    pc = office_pc("desk")
    nik = "14010212038871" + ("01" if where == "before" else "02")
    ticket = _intake(pc.use(), nik=nik)
    case = Complaint.get(Complaint.ticket == ticket)
    proxy.cut_on(b'INSERT INTO "reporter"', forward=forward)
    with pytest.raises(SyncError, match="terputus"):
        pc.sync()
    assert proxy.cuts == 1
    # The server never committed the statement: nothing there, everything still waiting.
    assert _count(hub, "reporter", "id", case.reporter_id) == 0
    assert engine.status().pending == 3
    assert SyncState.get_by_id(1).last_sync is not None  # from the join, unchanged
    again = pc.sync()
    assert again.pushed == 3 and engine.status().pending == 0
    assert _count(hub, "case_action", "complaint_id", case.id) == 1
    assert Complaint.get_by_id(case.id).status == "DITERIMA"


def test_cut_between_two_tables_keeps_the_committed_one_and_sends_the_rest(
    hub: Any, office_pc: Any, proxy: CutProxy
) -> None:
    pc = office_pc("desk")
    ticket = _intake(pc.use(), nik="1401021203887103")
    case = Complaint.get(Complaint.ticket == ticket)
    proxy.cut_on(b'INSERT INTO "complaint"', forward=30)
    with pytest.raises(SyncError, match="terputus"):
        pc.sync()
    # The reporter's transaction committed and was acknowledged; the case was not.
    assert _count(hub, "reporter", "id", case.reporter_id) == 1
    assert _count(hub, "complaint", "id", case.id) == 0
    assert Reporter.get_by_id(case.reporter_id).pushed_at is not None
    assert engine.status().pending == 2
    assert pc.sync().pushed == 2
    assert engine.status().pending == 0


def test_cut_after_insert_before_commit_rolls_back_and_pushes_again(
    hub: Any, office_pc: Any, proxy: CutProxy
) -> None:
    pc = office_pc("desk")
    ticket = _intake(pc.use(), nik="1401021203887104")
    case = Complaint.get(Complaint.ticket == ticket)
    proxy.cut_on(b"COMMIT")  # the INSERT ran on the server; its COMMIT never arrives
    with pytest.raises(SyncError, match="terputus"):
        pc.sync()
    assert _count(hub, "reporter", "id", case.reporter_id) == 0
    assert engine.status().pending == 3
    assert pc.sync().pushed == 3
    assert _count(hub, "complaint", "id", case.id) == 1


def test_cut_mid_pull_on_the_wire_keeps_the_checkpoint(
    hub: Any, office_pc: Any, proxy: CutProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = office_pc("admin")
    desk = office_pc("desk")
    tickets = [_intake(desk.use(), nik=f"140102120388720{i}") for i in range(3)]
    desk.sync()
    admin.use()
    before = SyncState.get_by_id(1).checkpoint
    # The window's rows are cut off part way: the link dies 300 bytes into the pull.
    real_pull = link.DirectLink.pull

    def cut_pull(self: link.DirectLink, checkpoint: int, audience: str) -> Any:
        proxy.cut_after(300)
        return real_pull(self, checkpoint, audience)

    monkeypatch.setattr(link.DirectLink, "pull", cut_pull)
    with pytest.raises(SyncError, match="terputus"):
        admin.sync()
    assert proxy.cuts == 1
    monkeypatch.setattr(link.DirectLink, "pull", real_pull)
    assert SyncState.get_by_id(1).checkpoint == before
    assert not Complaint.select().where(Complaint.ticket.in_(tickets)).exists()
    admin.sync()
    assert Complaint.select().where(Complaint.ticket.in_(tickets)).count() == 3


def test_replayed_push_of_every_table_stores_nothing_twice(hub: Any, office_pc: Any) -> None:
    """The same rows pushed again on a fresh link (a PC restored from a backup, or the
    acknowledgement lost): ON CONFLICT DO NOTHING and the triggers keep one of each."""
    from lapor_desktop.services import casework

    pc = office_pc("admin")
    ticket = _intake(pc.use(), nik="1401021203887301")
    casework.verify(pc.use(), ticket, category="INFRASTRUKTUR")
    replay = link.open_link(hub.dsn(pc.login))
    try:
        me_rows = engine._pending_rows(replay.me())
    finally:
        replay.close()
    first = pc.sync()
    assert first.pushed == 4
    case = Complaint.get(Complaint.ticket == ticket)
    replay = link.open_link(hub.dsn(pc.login))
    try:
        for table, _, rows in me_rows:
            assert replay.push(table, rows) == 0
    finally:
        replay.close()
    assert _count(hub, "case_action", "complaint_id", case.id) == 2
    assert _server(
        hub, "SELECT seq FROM lapor.case_action WHERE complaint_id = %s ORDER BY seq", case.id
    ) == [(1,), (2,)]
    assert _count(hub, "sync_conflict", "entity_id", case.reporter_id) == 0
    second = pc.sync()
    assert second.pushed == 0 and second.rejected == 0
    assert [a.seq for a in CaseAction.select().where(CaseAction.complaint == case.id)] == [1, 2]


def _extra_login(hub: Any, key: str, role: str, office: str) -> str:
    from lapor_desktop.central import admin

    login = f"{key}{uuid.uuid4().hex[:6]}"
    db = admin.connect(hub.admin_dsn)
    try:
        admin.add_user(db, login, role, office, PASSWORD, full_name=key)
    finally:
        db.close()
    hub.logins[key] = login
    return login


class DisableAfterPush(link.DirectLink):
    """The regency IT disables the login between this PC's push and its pull."""

    hub: Any = None
    hard = True
    after = "case_action"

    def push(self, table: str, rows: Any) -> int:
        n = super().push(table, rows)
        if table == self.after:
            login = self.db.execute_sql("SELECT session_user").fetchone()[0]
            if self.hard:  # `central user disable`: NOLOGIN and its sessions ended
                from lapor_desktop.central import admin

                db = admin.connect(self.hub.admin_dsn)
                try:
                    admin.disable_user(db, login)
                finally:
                    db.close()
            else:  # only the row: the open session lives on, RLS now shows it nothing
                self.hub.shared("owner").execute(
                    "UPDATE lapor.app_user SET active = false WHERE username = %s", (login,)
                )
        return n


@pytest.mark.parametrize("hard", [True, False], ids=["disable-command", "row-only"])
def test_login_revoked_between_push_and_pull(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch, hard: bool
) -> None:
    key = f"deskx{int(hard)}"
    _extra_login(hub, key, "FRONT_DESK", "DISKOMINFOSANDI")
    pc = office_pc(key)
    ticket = _intake(pc.use(), nik=f"140102120388740{int(hard)}")
    before = SyncState.get_by_id(1).checkpoint
    DisableAfterPush.hub, DisableAfterPush.hard = hub, hard
    real = link.open_link
    monkeypatch.setattr(engine, "open_link", lambda dsn: DisableAfterPush(real(dsn).db))
    reason = "terputus" if hard else "dinonaktifkan"
    with pytest.raises(SyncError, match=reason):
        engine.sync(pc.use(), no_prompt)
    # Pushed before the revocation: on the server once and marked sent here.
    case = Complaint.get(Complaint.ticket == ticket)
    assert _count(hub, "complaint", "id", case.id) == 1 and engine.status().pending == 0
    # The revoked login's pull took no checkpoint and removed nothing.
    assert SyncState.get_by_id(1).checkpoint == before
    assert Complaint.get_by_id(case.id).status == "DITERIMA"
    monkeypatch.undo()
    with pytest.raises(SyncError, match="dinonaktifkan"):
        pc.sync()
    assert SyncState.get_by_id(1).checkpoint == before
    assert Complaint.select().where(Complaint.id == case.id).exists()


def test_login_revoked_between_two_tables_parks_nothing(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case's INSERT is refused by RLS once the login is inactive: that is no poison
    row — the cycle stops with the reason and the case waits, not parked."""
    _extra_login(hub, "deskx2", "FRONT_DESK", "DISKOMINFOSANDI")
    pc = office_pc("deskx2")
    ticket = _intake(pc.use(), nik="1401021203887402")
    DisableAfterPush.hub, DisableAfterPush.hard, DisableAfterPush.after = hub, False, "reporter"
    real = link.open_link
    monkeypatch.setattr(engine, "open_link", lambda dsn: DisableAfterPush(real(dsn).db))
    try:
        with pytest.raises(SyncError, match="dinonaktifkan"):
            engine.sync(pc.use(), no_prompt)
    finally:
        DisableAfterPush.after = "case_action"
    case = Complaint.get(Complaint.ticket == ticket)
    assert _count(hub, "complaint", "id", case.id) == 0
    status = engine.status()
    assert (status.pending, status.failed) == (2, 0)
