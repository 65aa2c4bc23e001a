"""Engine robustness SYNC.md asks for: a poison row is bisected out of its batch and parked
with the server's reason while the rest go through; soft deletes reach every PC; a PC
clock hours off is flagged while the server's numbering keeps the order."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import Any

import pytest

from lapor_desktop.db.models import CaseAction, Complaint, SyncFailed, database_proxy
from lapor_desktop.services import casework
from lapor_desktop.services.clock import FixedClock
from lapor_desktop.sync import engine
from tests.central.conftest import OPD_A
from tests.sync.conftest import no_prompt
from tests.sync.test_cycle import _intake, _server

pytestmark = pytest.mark.postgres


def test_poison_row_is_parked_with_the_reason_and_the_rest_go_through(
    hub: Any, office_pc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "PUSH_BATCH", 4)  # several batches, bisected inside one
    pc = office_pc("desk")
    tickets = [_intake(pc.use(), nik=f"14010212038875{i:02d}") for i in range(7)]
    cases = [Complaint.get(Complaint.ticket == t) for t in tickets]
    bad = cases[2]
    # A value SQLite kept but PostgreSQL refuses (a date that does not exist): the server
    # fails the whole INSERT of its batch.
    database_proxy.execute_sql(
        'UPDATE "complaint" SET "incident_date" = ? WHERE "id" = ?', ("2026-02-30", bad.id.hex)
    )
    summary = pc.sync()
    assert summary.pushed == 7 + 6 + 6  # every reporter, the six good cases and INTAKEs
    failed = SyncFailed.get(SyncFailed.entity == "complaint")
    assert failed.entity_id == str(bad.id) and "date" in failed.reason.lower()
    on_server = {
        str(r[0]) for r in _server(hub, "SELECT id FROM lapor.complaint WHERE ticket LIKE '%%'")
    }
    assert {str(c.id) for c in cases} - on_server == {str(bad.id)}
    # Its INTAKE waits with it (never sent to be refused as "not found").
    assert _server(
        hub, "SELECT count(*) FROM lapor.case_action WHERE complaint_id = %s", bad.id
    ) == [(0,)]
    status = engine.status()
    # Each row counted once: the parked case as failed, its INTAKE (held behind it) pending.
    assert (status.failed, status.pending) == (1, 1)
    assert pc.sync().pushed == 0  # parked: not tried again and again
    # A person corrects the row and marks the entry resolved: it goes with the next sync.
    database_proxy.execute_sql(
        'UPDATE "complaint" SET "incident_date" = ? WHERE "id" = ?', ("2026-02-28", bad.id.hex)
    )
    SyncFailed.update(resolved=True).where(SyncFailed.id == failed.id).execute()
    assert pc.sync().pushed == 2
    assert engine.status().pending == 0
    assert Complaint.get_by_id(bad.id).status == "DITERIMA"


def test_soft_deleted_case_leaves_every_pc(hub: Any, office_pc: Any) -> None:
    desk = office_pc("desk")
    ticket = _intake(desk.use(), nik="1401021203887601")
    desk.sync()
    admin = office_pc("admin")
    casework.verify(admin.use(), ticket, category="INFRASTRUKTUR")
    casework.dispose(admin.use(), ticket, opd=OPD_A, note="Untuk Dinkes")
    admin.sync()
    opd = office_pc("opd_a")
    case_id = Complaint.get(Complaint.ticket == ticket).id
    owner = hub.shared("owner")
    owner.execute("UPDATE lapor.complaint SET deleted = true WHERE id = %s", (case_id,))
    for pc in (desk, admin, opd):
        pc.sync()
        assert not Complaint.select().where(Complaint.id == case_id).exists()
        assert not CaseAction.select().where(CaseAction.complaint == case_id).exists()
        assert pc.sync().pulled >= 0  # and syncing again is quiet


def _wall_offset(hub: Any) -> float:
    """This PC's wall clock minus the server's (0 when both keep the regency's time; the
    test machine may run in UTC against a central database in Asia/Jakarta)."""
    (server,) = hub.shared("owner").execute("SELECT localtimestamp").fetchone()
    return (datetime.now() - server).total_seconds()


def test_clocks_skewed_by_hours_keep_the_server_order_and_are_flagged(
    hub: Any, office_pc: Any
) -> None:
    real = datetime.now().replace(microsecond=0)
    base = _wall_offset(hub)
    desk = office_pc("desk")
    ahead = FixedClock(real + timedelta(hours=5))
    ticket = _intake(dataclasses.replace(desk.use(), clock=ahead), nik="1401021203887701")
    said: list[str] = []
    engine.sync(dataclasses.replace(desk.use(), clock=ahead), no_prompt, said.append)
    skew = engine.clock_skew()
    assert skew is not None and abs(skew - 5 * 3600 - base) < 120
    assert any("lebih" in s and "jam" in s for s in said) == (abs(skew) > 300)
    admin = office_pc("admin")
    behind = FixedClock(real - timedelta(hours=5))
    actx = dataclasses.replace(admin.use(), clock=behind)
    # By the PCs' clocks the VERIFY happens ten hours before the intake; the server
    # numbers actions as they arrive, so the order stays intake → verify → dispose.
    casework.verify(actx, ticket, category="INFRASTRUKTUR")
    casework.dispose(actx, ticket, opd=OPD_A, note="Untuk Dinkes")
    said.clear()
    engine.sync(actx, no_prompt, said.append)
    behind_skew = engine.clock_skew()
    assert behind_skew is not None and abs(behind_skew + 5 * 3600 - base) < 120
    assert any("lebih lambat" in s for s in said)
    case = Complaint.get(Complaint.ticket == ticket)
    rows = _server(
        hub,
        "SELECT seq, action, accepted, clock_skewed FROM lapor.case_action "
        "WHERE complaint_id = %s ORDER BY seq",
        case.id,
    )
    assert [(s, a, ok) for s, a, ok, _ in rows] == [
        (1, "INTAKE", True),
        (2, "VERIFY", True),
        (3, "DISPOSE", True),
    ]
    # The server flags an action stamped in its future (the PC ahead), not the others.
    assert [flag for *_, flag in rows] == [skew > 300, False, False]
    assert case.status == "TERDISPOSISI"
    local = [a.seq for a in CaseAction.select().where(CaseAction.complaint == case.id)]
    assert sorted(local) == [1, 2, 3]
    # The deadline on each PC comes from the case's own times, not from the clock of
    # the PC that looks at it.
    admin_due = (case.due_clock, case.due_date)
    desk.sync()
    mine = Complaint.get_by_id(case.id)
    assert (mine.status, (mine.due_clock, mine.due_date)) == ("TERDISPOSISI", admin_due)
    # Once the clock is put right, the next cycle measures (and clears) it.
    said.clear()
    engine.sync(desk.use(), no_prompt, said.append)
    assert abs((engine.clock_skew() or 0) - base) < 120
    assert any("Peringatan" in s for s in said) == (abs(base) > 300)
