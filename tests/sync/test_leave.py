"""A case leaves an OPD PC (SYNC.md step 4: "revoked → purged locally, own unsent work
kept"), and the counts a person reads about unsent and refused work (`sync --status`,
`Summary.rejected`)."""

from __future__ import annotations

from typing import Any

import pytest

from lapor_desktop.db.models import CaseAction, Complaint, SyncFailed
from lapor_desktop.db.queries import sync as sync_queries
from lapor_desktop.services import casework, sync_repair
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.sync import engine, leave
from tests.central.conftest import OPD_A, OPD_B
from tests.sync.conftest import no_prompt, settle
from tests.sync.test_access import _disposed_to_a
from tests.sync.test_cycle import _server

pytestmark = pytest.mark.postgres


def _sync_acting_meanwhile(pc: Any, act: Any) -> engine.Summary:
    """One cycle on `pc` in which the person acts (`act(ctx)`) after the push, while the
    pulled window waits to be applied — as in the app, where the background sync runs
    while the person works."""
    ctx = pc.use()
    done: list[bool] = []

    def progress(text: str) -> None:
        if text.startswith("Menerima") and not done:
            done.append(True)
            act(ctx)

    settle(pc.hub)
    summary = engine.sync(ctx, no_prompt, progress)
    assert done
    return summary


def _accepted_history(case_id: Any) -> list[tuple[int, str]]:
    query = (
        CaseAction.select(CaseAction.seq, CaseAction.action)
        .where((CaseAction.complaint == case_id) & CaseAction.accepted)
        .order_by(CaseAction.seq)
        .tuples()
    )
    return [(int(s), str(a)) for s, a in query]


def test_a_case_taken_away_keeps_the_opd_pcs_unsent_action_visible_and_parked(
    hub: Any, office_pc: Any
) -> None:
    admin, opd, ticket = _disposed_to_a(office_pc, "1401021203880201")
    casework.redispose(admin.use(), ticket, opd=OPD_B, note="Salah OPD")
    admin.sync()
    # The Dinkes officer starts work while the PC syncs: the move away arrives with the
    # action still unsent.
    _sync_acting_meanwhile(opd, lambda ctx: casework.start(ctx, ticket, note="Mulai dicek"))
    case = Complaint.get(Complaint.ticket == ticket)
    mine = CaseAction.get((CaseAction.complaint == case.id) & (CaseAction.action == "START"))
    assert mine.pushed_at is None and mine.note == "Mulai dicek"
    parked = SyncFailed.get((SyncFailed.entity == "case_action") & ~SyncFailed.resolved)
    assert parked.entity_id == str(mine.id) and parked.reason == leave.REVOKED
    # What the server sent of the case is gone; the reporter's contacts too; the case is
    # no longer in this office's work.
    assert [a.action for a in CaseAction.select().where(CaseAction.complaint == case.id)] == [
        "START"
    ]
    assert (case.reporter.name, case.reporter.phone, case.reporter.nik) == (
        "(tidak tersedia)",
        "",
        None,
    )
    assert case.opd_id is None
    # Counted once: failed, not pending; listed for its author and in "Belum terkirim".
    st = engine.status()
    assert (st.pending, st.failed) == (0, 1)
    (row,) = sync_queries.failed_rows()
    assert (row.ticket, row.author, row.reason) == (ticket, "opd_a", leave.REVOKED)
    unsent = {u.username: u.actions for u in sync_queries.unsent_by_person()}
    assert unsent == {opd.login: 1}
    # Parked: the next cycles do not send it.
    assert opd.sync().pushed == 0
    assert CaseAction.get_by_id(mine.id).pushed_at is None
    # The regency sends the case back to Dinkes: it comes back whole, the parked action
    # is released and goes out; the server judges it against the case as it stands.
    casework.redispose(admin.use(), ticket, opd=OPD_A, note="Ternyata benar Dinkes")
    admin.sync()
    opd.sync()
    assert not SyncFailed.select().where(~SyncFailed.resolved).exists()
    assert engine.status().pending == 1
    assert opd.sync().pushed == 1
    opd.sync()
    case = Complaint.get(Complaint.ticket == ticket)
    assert str(case.opd_id) == str(hub.office_id(OPD_A))
    server = _server(
        hub,
        "SELECT seq, action FROM lapor.case_action WHERE complaint_id = %s AND accepted "
        "ORDER BY seq",
        case.id,
    )
    assert _accepted_history(case.id) == [(int(s), a) for s, a in server]
    assert server[-1][1] == "START" and case.status == "DIPROSES"
    st = engine.status()
    assert (st.pending, st.failed) == (0, 0)
    assert case.reporter.name == "Budi Santoso"


def test_dropping_the_parked_work_of_a_case_taken_away_removes_the_case(
    hub: Any, office_pc: Any
) -> None:
    admin, opd, ticket = _disposed_to_a(office_pc, "1401021203880202")
    casework.redispose(admin.use(), ticket, opd=OPD_B, note="Salah OPD")
    admin.sync()
    _sync_acting_meanwhile(opd, lambda ctx: casework.start(ctx, ticket))
    ctx = opd.use()
    parked = SyncFailed.get(~SyncFailed.resolved)
    # Redoing it is refused by the usual rules (the case is no longer this office's).
    with pytest.raises(ServiceError):
        sync_repair.redo_failed(ctx, parked.id)
    assert Complaint.select().where(Complaint.ticket == ticket).exists()
    sync_repair.drop_failed(ctx, parked.id)  # "Abaikan": a person's decision
    assert not Complaint.select().where(Complaint.ticket == ticket).exists()
    assert not CaseAction.select().where(CaseAction.id == parked.entity_id).exists()
    st = engine.status()
    assert (st.pending, st.failed) == (0, 0)
    summary = opd.sync()
    assert summary.pushed == 0  # never sent
    assert not _server(hub, "SELECT 1 FROM lapor.case_action WHERE id = %s", parked.entity_id)


def _rejected_until(pc: Any, known: Any) -> int:
    """`rejected` summed over cycles until `known()` holds on the PC (on a busy shared test
    server a verdict may come a cycle later: SYNC.md, the window's snapshot)."""
    total = 0
    for _ in range(40):
        total += pc.sync().rejected
        pc.use()
        if known():
            return total
    raise AssertionError("the verdict never arrived")


def _refused_start() -> bool:
    return bool(
        CaseAction.select().where((CaseAction.action == "START") & ~CaseAction.accepted).exists()
    )


def test_rejected_counts_only_this_pcs_own_refused_actions(hub: Any, office_pc: Any) -> None:
    admin, opd, ticket = _disposed_to_a(office_pc, "1401021203880203")
    head = office_pc("head_a")
    # Both Dinkes PCs start the case offline: the one that comes second is refused.
    casework.start(opd.use(), ticket)
    casework.start(head.use(), ticket)
    assert _rejected_until(opd, lambda: not engine.status().pending) == 0
    assert _rejected_until(head, _refused_start) == 1  # its own START, refused
    assert head.sync().rejected == 0  # known already: counted once
    # The regency PC reads every office's refused actions, but none of them is its own.
    assert _rejected_until(admin, _refused_start) == 0  # the head's refusal came
    case_id = Complaint.get(Complaint.ticket == ticket).id
    refused = _server(
        hub, "SELECT login FROM lapor.case_action WHERE complaint_id = %s AND NOT accepted",
        case_id,
    )  # fmt: skip
    assert refused == [(head.login,)]


def test_status_counts_a_parked_row_once(hub: Any, office_pc: Any) -> None:
    desk = office_pc("desk")
    from tests.sync.test_cycle import _intake

    ctx = desk.use()
    _intake(ctx, nik="1401021203880204")
    assert engine.status().pending == 3  # reporter, case, INTAKE
    intake = CaseAction.get((CaseAction.action == "INTAKE") & CaseAction.pushed_at.is_null())
    # As the push's bisection parks a poison row: the row stays unsent, listed as failed.
    with desk.store.db.atomic("IMMEDIATE"):
        SyncFailed.create(
            entity="case_action", entity_id=str(intake.id), reason="uji", at=intake.at
        )
    st = engine.status()
    assert (st.pending, st.failed) == (2, 1)


def test_a_rule_set_changed_on_the_server_moves_the_deadlines_on_the_pc(
    hub: Any, office_pc: Any
) -> None:
    from lapor_desktop.services import deadlines
    from tests.sync.test_cycle import _intake

    desk = office_pc("desk")
    ticket = _intake(desk.use(), nik="1401021203880206")
    desk.sync()
    case = Complaint.get(Complaint.ticket == ticket)
    before = deadlines.rules_of(case.rule_set_id).verification.days  # cached in the process
    due_before = case.due_date
    assert due_before is not None
    hub.shared("owner").execute(
        "UPDATE lapor.rule_set SET verification_days = verification_days + 10 WHERE id = %s",
        (case.rule_set_id,),
    )
    desk.sync()
    case = Complaint.get(Complaint.ticket == ticket)
    assert deadlines.rules_of(case.rule_set_id).verification.days == before + 10
    assert case.due_date is not None and case.due_date > due_before
    # As the PC computes it from the history and the rule set it now holds.
    fresh = Complaint.get_by_id(case.id)
    deadlines.refresh_due(fresh, fresh.received_at)
    assert fresh.due_date == case.due_date
