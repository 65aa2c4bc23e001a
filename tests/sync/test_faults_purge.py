"""Soft deletes with a purge horizon (SYNC.md "Data rules"): a PC offline while the server
purged old soft-deleted rows (tombstones included) pushes its own work, then resyncs in
full instead of taking a delta, and drops what the server no longer has.

Its own module: it moves the scratch server's purge horizon."""

from __future__ import annotations

from typing import Any

import pytest

from lapor_desktop.db.models import CaseAction, Complaint, SyncState
from lapor_desktop.services import casework
from lapor_desktop.sync import engine
from tests.sync.conftest import no_prompt, settle
from tests.sync.test_cycle import _intake, _server

pytestmark = pytest.mark.postgres


def _purge(hub: Any, case_id: Any) -> int:
    """What a server-side purge does: soft-delete, later remove the row and its access
    rows for good (the history stays: it is append-only), and move the horizon."""
    owner = hub.shared("owner")
    owner.execute("UPDATE lapor.complaint SET deleted = true WHERE id = %s", (case_id,))
    owner.execute("DELETE FROM lapor.complaint_access WHERE complaint_id = %s", (case_id,))
    owner.execute("DELETE FROM lapor.complaint WHERE id = %s AND deleted", (case_id,))
    owner.execute("UPDATE lapor.sync_meta SET purge_horizon = pg_current_xact_id()")
    (horizon,) = owner.execute("SELECT purge_horizon::text::bigint FROM lapor.sync_meta").fetchone()
    return int(horizon)


def test_pc_offline_past_the_purge_horizon_pushes_then_resyncs_in_full(
    hub: Any, office_pc: Any
) -> None:
    desk = office_pc("desk")
    gone = _intake(desk.use(), nik="1401021203889001")
    kept = _intake(desk.use(), nik="1401021203889002")
    desk.sync()
    admin = office_pc("admin")  # holds both cases
    gone_id = Complaint.get(Complaint.ticket == gone).id
    kept_id = Complaint.get(Complaint.ticket == kept).id
    before = SyncState.get_by_id(1).checkpoint
    # Offline: the admin verifies the kept case; the server deletes and purges the other
    # (the tombstone too: a delta from the old checkpoint would never say it is gone).
    casework.verify(admin.use(), kept, category="INFRASTRUKTUR")
    horizon = _purge(hub, gone_id)
    assert before < horizon
    said: list[str] = []
    settle(hub)
    summary = engine.sync(admin.use(), no_prompt, said.append)
    assert any("memuat ulang semua data" in s for s in said)
    assert summary.pushed == 1  # its own work went first
    assert summary.checkpoint > horizon
    assert not Complaint.select().where(Complaint.id == gone_id).exists()
    assert not CaseAction.select().where(CaseAction.complaint == gone_id).exists()
    assert Complaint.get_by_id(kept_id).status == "TERVERIFIKASI"
    assert [a.seq for a in CaseAction.select().where(CaseAction.complaint == kept_id)] == [1, 2]
    assert engine.status().pending == 0
    # Past the horizon now: the next cycle is a delta again, and quiet.
    said.clear()
    engine.sync(admin.use(), no_prompt, said.append)
    assert not any("memuat ulang" in s for s in said)
    # A PC that stayed in sync took the tombstone earlier; one joined now never sees it.
    late = office_pc("admin")
    assert not Complaint.select().where(Complaint.id == gone_id).exists()
    assert Complaint.get_by_id(kept_id).status == "TERVERIFIKASI"
    late.close()
    (count,) = _server(hub, "SELECT count(*) FROM lapor.complaint WHERE id = %s", gone_id)[0]
    assert count == 0
