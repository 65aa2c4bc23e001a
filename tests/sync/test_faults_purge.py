"""Soft deletes with a purge horizon (SYNC.md "Data rules"): a PC offline while the server
purged old soft-deleted rows (tombstones included) pushes its own work, then resyncs in
full instead of taking a delta, and drops what the server no longer has.

Its own module: it moves the scratch server's purge horizon."""

from __future__ import annotations

import json
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


def _central(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from lapor_desktop import app

    capsys.readouterr()
    rc = app.main(["central", *args])
    out = capsys.readouterr()
    return rc, out.out, out.err


def _soft_delete(hub: Any, case_id: Any) -> None:
    """The regency admin deletes a case: a version-checked edit (`deleted`)."""
    (version,) = _server(hub, "SELECT row_version FROM lapor.complaint WHERE id = %s", case_id)[0]
    hub.shared("admin").execute(
        "INSERT INTO record_edit (id, entity, entity_id, base_version, changes) "
        "VALUES (gen_random_uuid(), 'complaint', %s, %s, '{\"deleted\": true}')",
        (case_id, version),
    )


def test_central_purge_then_a_pc_offline_past_it_resyncs_in_full_and_converges(
    hub: Any, office_pc: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = office_pc("desk")
    gone = _intake(desk.use(), nik="1401021203889101")
    kept = _intake(desk.use(), nik="1401021203889102")
    desk.sync()
    admin = office_pc("admin")
    gone_id = Complaint.get(Complaint.ticket == gone).id
    kept_id = Complaint.get(Complaint.ticket == kept).id
    # The admin PC goes offline with work of its own; meanwhile the case is deleted, a PC
    # that stays in sync takes the tombstone, and the IT purges.
    casework.verify(admin.use(), kept, category="INFRASTRUKTUR")
    admin.close()
    _soft_delete(hub, gone_id)
    for _ in range(40):  # on a busy shared server the tombstone may come a cycle later
        desk.sync()
        if not Complaint.select().where(Complaint.id == gone_id).exists():
            break
    assert not Complaint.select().where(Complaint.id == gone_id).exists()
    desk.close()
    settle(hub)
    rc, out, err = _central(capsys, "purge", "--dsn", hub.admin_dsn, "--older-than", "0", "--json")
    assert (rc, err) == (0, "")
    result = json.loads(out)
    assert result["moved"] and result["purged"]["complaint"] >= 1
    assert _server(hub, "SELECT count(*) FROM lapor.complaint WHERE id = %s", gone_id) == [(0,)]
    assert _server(
        hub, "SELECT count(*) FROM lapor.complaint_access WHERE complaint_id = %s", gone_id
    ) == [(0,)]
    (horizon,) = _server(hub, "SELECT purge_horizon::text::bigint FROM lapor.sync_meta")[0]
    assert horizon == result["horizon"]
    rc, out, _ = _central(capsys, "status", "--dsn", hub.admin_dsn, "--json")
    assert rc == 0 and json.loads(out)["purge_horizon"] == horizon
    # The PC offline past the horizon: pushes its own work, then reloads everything.
    said: list[str] = []
    settle(hub)
    ctx = admin.use()
    summary = engine.sync(ctx, no_prompt, said.append)
    assert any("memuat ulang semua data" in s for s in said)
    assert summary.pushed == 1 and summary.checkpoint >= horizon
    assert not Complaint.select().where(Complaint.id == gone_id).exists()
    assert Complaint.get_by_id(kept_id).status == "TERVERIFIKASI"
    engine.sync(ctx, no_prompt)  # the verdict on its own push (a cycle later on a busy server)
    # Converged: the same cases, statuses and accepted histories as the server.
    local = {(c.id.hex, c.status) for c in Complaint.select()}
    server = {(u.hex, s) for u, s in _server(hub, "SELECT id, status FROM lapor.complaint")}
    assert local == server
    history = {
        (a.complaint_id.hex, a.seq, a.action)
        for a in CaseAction.select().where(CaseAction.accepted)
    }
    on_server = _server(
        hub,
        "SELECT a.complaint_id, a.seq, a.action FROM lapor.case_action a "
        "JOIN lapor.complaint c ON c.id = a.complaint_id WHERE a.accepted",
    )
    assert history == {(c.hex, s, a) for c, s, a in on_server}
    assert engine.status().pending == 0
    said.clear()
    engine.sync(ctx, no_prompt, said.append)  # past the horizon: a quiet delta again
    assert not any("memuat ulang" in s for s in said)
    # A second purge with nothing older: nothing removed, the horizon does not move back.
    rc, out, _ = _central(capsys, "purge", "--dsn", hub.admin_dsn, "--json")
    assert rc == 0 and json.loads(out)["horizon"] >= horizon


def test_central_purge_older_than_keeps_what_is_younger(
    hub: Any, office_pc: Any, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    desk = office_pc("desk")
    ticket = _intake(desk.use(), nik="1401021203889103")
    desk.sync()
    case_id = Complaint.get(Complaint.ticket == ticket).id
    desk.close()
    _soft_delete(hub, case_id)
    owner = hub.shared("owner")
    (before,) = owner.execute("SELECT purge_horizon::text::bigint FROM lapor.sync_meta").fetchone()
    monkeypatch.setenv("LAPOR_CENTRAL_OWNER_DSN", hub.admin_dsn)
    # Deleted just now: younger than 30 days, so it stays (the DSN from the environment).
    rc, out, err = _central(capsys, "purge", "--older-than", "30")
    assert rc == 0 and "0 baris" in out and "tetap" in out
    assert _server(hub, "SELECT count(*) FROM lapor.complaint WHERE id = %s", case_id) == [(1,)]
    # The feed position a PC recorded 40 days ago lies after the deletion (as if it had
    # happened then): now it is older than 30 days and goes.
    owner.execute(
        "INSERT INTO lapor.sync_log (login, checkpoint, at) "
        "VALUES ('uji', pg_current_xact_id(), now() - interval '40 days')"
    )
    rc, out, err = _central(capsys, "purge", "--older-than", "30")
    assert rc == 0 and "memuat ulang" in out, out + err
    assert _server(hub, "SELECT count(*) FROM lapor.complaint WHERE id = %s", case_id) == [(0,)]
    (after,) = owner.execute("SELECT purge_horizon::text::bigint FROM lapor.sync_meta").fetchone()
    assert after > before
    rc, _, err = _central(capsys, "purge", "--older-than", "-1")
    assert rc == 1 and "0 hari" in err
