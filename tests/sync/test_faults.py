"""Faults of SYNC.md on real PostgreSQL: the connection killed after COMMIT before the
local acknowledgement, killed mid-pull, and two offices acting on one case offline."""

from __future__ import annotations

from typing import Any

import pytest

from lapor_desktop.db.models import CaseAction, Complaint, SyncFailed, SyncState
from lapor_desktop.services import casework
from lapor_desktop.sync import engine, link
from lapor_desktop.sync.link import SyncError
from tests.central.conftest import OPD_A, OPD_B
from tests.sync.conftest import no_prompt
from tests.sync.test_cycle import _intake, _server

pytestmark = pytest.mark.postgres


def _kill(hub: Any, db: Any) -> None:
    """pg_terminate_backend on the link's own server process, from the superuser side."""
    pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    hub.shared("owner").execute("SELECT pg_terminate_backend(%s)", (pid,))


class CutAfterCommit(link.DirectLink):
    """Pushes (the server commits), then the link dies before the PC hears back."""

    hub: Any = None

    def push(self, table: str, rows: Any) -> int:
        n = super().push(table, rows)
        if rows:
            _kill(self.hub, self.db)
            self.db.execute_sql("SELECT 1")  # the dead link: OperationalError
        return n


class CutMidPull(link.DirectLink):
    hub: Any = None

    def pull(self, checkpoint: int, audience: str) -> Any:
        _kill(self.hub, self.db)
        return super().pull(checkpoint, audience)


def _faulty(monkeypatch: pytest.MonkeyPatch, hub: Any, cls: type[link.DirectLink]) -> None:
    cls.hub = hub
    real = link.open_link

    def opened(dsn: str) -> link.DirectLink:
        return cls(real(dsn).db)

    monkeypatch.setattr(engine, "open_link", opened)


def test_cut_after_commit_before_ack_pushes_again_and_stores_once(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pc = office_pc("desk")
    ticket = _intake(pc.use(), nik="1401021203880021")
    _faulty(monkeypatch, hub, CutAfterCommit)
    with pytest.raises(SyncError, match="terputus"):
        engine.sync(pc.use(), no_prompt)
    assert engine.status().pending == 3  # not acknowledged: still waiting, nothing lost
    case = Complaint.get(Complaint.ticket == ticket)
    reporter_on_server = "SELECT count(*) FROM lapor.reporter WHERE id = %s"
    # The first table (the reporter) was committed before the cut; the rest never left.
    assert _server(hub, reporter_on_server, case.reporter_id) == [(1,)]
    assert _server(hub, "SELECT count(*) FROM lapor.complaint WHERE id = %s", case.id) == [(0,)]
    monkeypatch.undo()
    again = pc.sync()
    assert engine.status().pending == 0
    assert again.pushed == 2  # the complaint and its INTAKE; the reporter was not new
    assert _server(hub, reporter_on_server, case.reporter_id) == [(1,)]
    assert _server(
        hub, "SELECT count(*) FROM lapor.case_action WHERE complaint_id = %s", case.id
    ) == [(1,)]


def test_cut_mid_pull_keeps_the_checkpoint_and_applies_nothing(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = office_pc("admin")
    admin.use()
    before = SyncState.get_by_id(1).checkpoint
    desk = office_pc("desk")
    ticket = _intake(desk.use(), nik="1401021203880022")
    desk.sync()
    admin.use()
    _faulty(monkeypatch, hub, CutMidPull)
    with pytest.raises(SyncError, match="terputus"):
        engine.sync(admin.use(), no_prompt)
    assert SyncState.get_by_id(1).checkpoint == before
    assert not Complaint.select().where(Complaint.ticket == ticket).exists()
    monkeypatch.undo()
    after = admin.sync()
    assert after.checkpoint > before
    assert Complaint.get(Complaint.ticket == ticket).status == "DITERIMA"


@pytest.mark.parametrize("first", ["regency", "opd"])
def test_two_offices_act_on_one_case_offline_in_both_orders(
    hub: Any, office_pc: Any, first: str
) -> None:
    desk = office_pc("desk")
    ticket = _intake(desk.use(), nik=f"14010212038800{3 if first == 'opd' else 4}1")
    desk.sync()
    admin = office_pc("admin")
    casework.verify(admin.use(), ticket, category="INFRASTRUKTUR")
    casework.dispose(admin.use(), ticket, opd=OPD_A, note="Untuk Dinkes")
    admin.sync()
    opd = office_pc("opd_a")
    # Both offline: the OPD starts work, the regency moves the case to another OPD.
    casework.start(opd.use(), ticket)
    casework.redispose(admin.use(), ticket, opd=OPD_B, note="Salah OPD")
    order = [admin, opd] if first == "regency" else [opd, admin]
    for pc in [*order, *order]:
        pc.sync()
    admin.use()
    case_id = Complaint.get(Complaint.ticket == ticket).id
    server = _server(
        hub,
        "SELECT seq, action, accepted, reason FROM lapor.case_action "
        "WHERE complaint_id = %s ORDER BY seq NULLS LAST, action",
        case_id,
    )
    accepted = [s for s, _, ok, _ in server if ok]
    assert accepted == list(range(1, len(accepted) + 1))  # gapless, whatever the order
    refused = [(a, r) for _, a, ok, r in server if not ok]
    assert all(r for _, r in refused)  # every refusal carries its reason
    # Whoever comes second is refused with the reason: START after the case moved away
    # ("not found" for Dinkes), or REDISPOSE of a case already being worked on.
    assert [a for a, _ in refused] == (["START"] if first == "regency" else ["REDISPOSE"])
    (status, opd_id) = _server(
        hub, "SELECT status, opd_id FROM lapor.complaint WHERE id = %s", case_id
    )[0]
    admin.use()
    local = Complaint.get_by_id(case_id)
    assert (local.status, str(local.opd_id)) == (status, str(opd_id))
    mine = {
        (a.action, a.accepted) for a in CaseAction.select().where(CaseAction.complaint == case_id)
    }
    assert {(a, bool(ok)) for _, a, ok, _ in server} == mine
    opd.use()
    held = Complaint.get_or_none(Complaint.id == case_id)
    if str(opd_id) != str(hub.office_id(OPD_A)):  # moved away: gone from the Dinkes PC
        assert held is None
    else:
        assert held is not None and held.status == status
    (action, reason) = refused[0]  # the refusal came back to its author, reason and all
    author = opd if action == "START" else admin
    author.use()
    assert SyncFailed.get(SyncFailed.entity == "case_action").reason == reason


def test_local_database_busy_during_apply_keeps_the_checkpoint(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lapor_desktop import paths
    from lapor_desktop.db.database import connect_local
    from lapor_desktop.services.errors import DatabaseBusy

    admin = office_pc("admin")
    desk = office_pc("desk")
    ticket = _intake(desk.use(), nik="1401021203880061")
    desk.sync()
    admin.close()
    monkeypatch.setenv("LAPOR_BUSY_TIMEOUT_MS", "300")
    ctx = admin.use()
    before = SyncState.get_by_id(1).checkpoint
    key = admin.store.db.connect_params["passphrase"]
    other = connect_local(paths.db_path(admin.data_dir), key)  # another process's writer
    other.execute_sql("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy):
            engine.sync(ctx, no_prompt)
    finally:
        other.execute_sql("ROLLBACK")
        other.close()
    assert SyncState.get_by_id(1).checkpoint == before
    assert not Complaint.select().where(Complaint.ticket == ticket).exists()
    after = admin.sync()  # the same window again, now applied
    assert after.checkpoint > before
    assert Complaint.get(Complaint.ticket == ticket).status == "DITERIMA"
