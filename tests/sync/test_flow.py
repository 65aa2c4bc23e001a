"""Three offices, one case, one central server: the front desk logs it, the regency admin
verifies and disposes it, the OPD starts and answers, the OPD head approves, and the
regency sees the answer — then every invariant of SYNC.md is checked."""

from __future__ import annotations

from typing import Any

import pytest

from lapor_desktop.db.models import (
    CaseAction,
    Complaint,
    Letter,
    Reporter,
    SyncLog,
    SyncState,
)
from lapor_desktop.services import casework
from lapor_desktop.sync import engine
from tests.central.conftest import OPD_A, OPD_B
from tests.sync.test_cycle import _intake, _server

pytestmark = pytest.mark.postgres


def _local_view() -> dict[str, tuple[str, list[tuple[int, str]]]]:
    out = {}
    for c in Complaint.select():
        acts = (
            CaseAction.select()
            .where((CaseAction.complaint == c.id) & CaseAction.accepted)
            .order_by(CaseAction.seq)
        )
        out[str(c.id)] = (c.status, [(a.seq, a.action) for a in acts])
    return out


def _server_view(hub: Any, ids: list[str]) -> dict[str, tuple[str, list[tuple[int, str]]]]:
    out = {}
    for cid in ids:
        (status,) = _server(hub, "SELECT status FROM lapor.complaint WHERE id = %s", cid)[0]
        acts = _server(
            hub,
            "SELECT seq, action FROM lapor.case_action WHERE complaint_id = %s AND accepted "
            "ORDER BY seq",
            cid,
        )
        out[cid] = (status, [(int(s), a) for s, a in acts])
    return out


def test_a_case_travels_desk_regency_opd_head_and_back(hub: Any, office_pc: Any) -> None:
    desk = office_pc("desk")
    ticket = _intake(desk.use(), title="Puskesmas tutup", nik="1401021203880011")
    other = _intake(desk.use(), title="Sekolah bocor", nik="1401021203880012")
    desk.sync()
    admin = office_pc("admin")
    actx = admin.use()
    casework.verify(actx, ticket, category="INFRASTRUKTUR")
    casework.dispose(actx, ticket, opd=OPD_A, note="Mohon ditindaklanjuti")
    casework.verify(actx, other, category="INFRASTRUKTUR")
    casework.dispose(actx, other, opd=OPD_B, note="Untuk Disdik")
    assert admin.sync().rejected == 0
    opd = office_pc("opd_a")
    octx = opd.use()
    tickets = {c.ticket for c in Complaint.select()}
    assert tickets == {ticket}  # only its own case, nothing of Disdik's
    assert Complaint.get(Complaint.ticket == ticket).status == "TERDISPOSISI"
    casework.start(octx, ticket)
    casework.submit_answer(octx, ticket, answer="Puskesmas buka lagi Senin")
    assert opd.sync().rejected == 0
    head = office_pc("head_a")
    hctx = head.use()
    assert Complaint.get(Complaint.ticket == ticket).status == "MENUNGGU_PERSETUJUAN"
    casework.approve(hctx, ticket)
    assert head.sync().rejected == 0
    admin.sync()
    assert Complaint.get(Complaint.ticket == ticket).status == "DIJAWAB"

    # Every PC pushes and pulls once more; then the invariants.
    pcs = [desk, admin, opd, head]
    for pc in pcs:
        pc.sync()
    case_ids = [str(i) for (i,) in _server(hub, "SELECT id FROM lapor.complaint")]
    server = _server_view(hub, case_ids)
    for pc in pcs:
        pc.use()
        local = _local_view()
        # 1. nothing lost: nothing waits to be sent
        unsent = {
            m.__name__: m.select().where(m.pushed_at.is_null()).count()
            for m in engine.PENDING_MODELS
        }
        assert engine.status().pending == 0 and engine.status().failed == 0, (pc.login, unsent)
        # 3. convergence: what this PC holds equals the server's view of it
        assert {k: server[k] for k in local} == local
        # 6. checkpoints only moved forward
        marks = [r.checkpoint for r in SyncLog.select().where(SyncLog.ok).order_by(SyncLog.id)]
        assert marks == sorted(marks) and marks[-1] == SyncState.get_by_id(1).checkpoint
        # 4. determinism: syncing again changes nothing
        again = pc.sync()
        assert (again.pushed, again.rejected) == (0, 0)
        pc.use()
        assert _local_view() == local
    # 2. no duplicates: per-case numbers gapless on the server
    for cid, (_, acts) in server.items():
        assert [s for s, _ in acts] == list(range(1, len(acts) + 1)), cid
    # 5. confidentiality: the OPD PC holds its case only, and no NIK or birth date
    opd.use()
    assert {c.ticket for c in Complaint.select()} == {ticket}
    assert all(r.nik is None and r.birth_date is None for r in Reporter.select())
    for pc in (desk, admin):
        pc.use()
        assert {c.ticket for c in Complaint.select()} >= {ticket, other}
    # The answer letter the head issued offline got its number from the server.
    letters = _server(hub, "SELECT id, number, full_number FROM lapor.letter")
    assert letters and all("{nomor}" not in full for _, _, full in letters)
    head.use()
    local = {
        (str(i), n, f)
        for i, n, f in Letter.select(Letter.id, Letter.number, Letter.full_number).tuples()
    }
    assert local == {(str(i), int(n), f) for i, n, f in letters}
