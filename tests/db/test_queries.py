"""The read side (db/queries): what the queries return for plain values, on a real
encrypted database with cases driven through the workflow."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from lapor_desktop.db.models import Complaint, Office, User
from lapor_desktop.db.queries import cases as q
from lapor_desktop.db.queries import history, monthly
from lapor_desktop.domain.workflow import Action, Status
from tests.services.casepaths import case_in, do
from tests.services.conftest import World, build_world


@pytest.fixture
def world(data_dir: Path) -> Iterator[World]:
    w, store = build_world(data_dir)
    yield w
    store.close()


def _id(ticket: str) -> uuid.UUID:
    return Complaint.get(Complaint.ticket == ticket).id


def test_identity_limit_hides_anonymous_reporters_except_the_creators_own() -> None:
    me, other = uuid.uuid4(), uuid.uuid4()
    everyone = q.IdentityLimit()
    front_desk = q.IdentityLimit(creator=me)
    assert not everyone.hides(False, other)  # a named reporter is never hidden
    assert everyone.hides(True, me)
    assert not front_desk.hides(True, me) and not front_desk.hides(True, me.hex)
    assert front_desk.hides(True, other) and front_desk.hides(True, None)


def test_fts_query_lets_no_search_syntax_through() -> None:
    assert q.fts_query('jalan "rusak" NEAR(x) kolom:nilai *') == (
        '"jalan"* AND "rusak"* AND "NEAR"* AND "x"* AND "kolom"* AND "nilai"*'
    )
    assert q.fts_query(" ?! ") is None


def test_a_reporters_cases_leave_out_the_anonymous_ones_the_user_may_not_see(
    world: World,
) -> None:
    named = world.new_case()
    secret = world.new_case(anonim=True)
    reporter = Complaint.get(Complaint.ticket == named).reporter_id
    loket = User.get(User.username == "loket").id

    def tickets(identity: q.IdentityLimit | None) -> set[str]:
        w = q.CaseWhere(reporter_id=reporter, identity=identity)
        rows = q.list_page(w, sort="received_at", descending=True, after=None, limit=50)
        return {r.ticket for r in rows}

    assert tickets(None) == {named, secret}
    assert tickets(q.IdentityLimit(creator=loket)) == {named, secret}  # the officer's own
    assert tickets(q.IdentityLimit(creator=uuid.uuid4())) == {named}
    assert tickets(q.IdentityLimit()) == {named}


def test_scope_and_counts_agree_with_the_list(world: World) -> None:
    at_pupr = case_in(world, Status.DIPROSES)
    new = world.new_case()
    pupr = Office.get(Office.code == "PUPR").id
    mine = q.CaseWhere(scope_opd=pupr)
    rows = q.list_page(mine, sort="due_date", descending=False, after=None, limit=50)
    assert [r.ticket for r in rows] == [at_pupr]
    assert q.count(mine) == 1 and q.counts_by_status(mine) == {"DIPROSES": 1}
    assert q.counts_by_opd(q.CaseWhere()) == {"PUPR": 1}
    everything = q.list_page(q.CaseWhere(), sort="ticket", descending=True, after=None, limit=1)
    assert [r.ticket for r in everything] == [max(at_pupr, new)]
    rest = q.list_page(
        q.CaseWhere(),
        sort="ticket",
        descending=True,
        after=(everything[0].sort_key, everything[0].num),
        limit=5,
    )
    assert [r.ticket for r in rest] == [min(at_pupr, new)]


def test_histories_group_steps_per_case_oldest_first_with_filters(world: World) -> None:
    answered = case_in(world, Status.DIJAWAB)
    world.clock.advance(days=1)
    fresh = case_in(world, Status.TERDISPOSISI)
    untouched = world.new_case()
    ids = [_id(t) for t in (answered, fresh, untouched)]
    cases = Complaint.id.in_(ids)

    whole = {h.id: h for h in history.histories(cases)}
    assert set(whole) == {i.hex for i in ids}  # every case has its INTAKE step
    steps = whole[_id(answered).hex].steps
    assert [s.action for s in steps] == [
        "INTAKE",
        "VERIFY",
        "DISPOSE",
        "START",
        "SUBMIT_ANSWER",
        "APPROVE",
    ]
    assert steps[-1].to_status == Status.DIJAWAB.value
    assert [s.at for s in steps] == sorted(s.at for s in steps)
    assert whole[_id(answered).hex].opd == Office.get(Office.code == "PUPR").id

    moves = {h.id: h.moves() for h in history.histories(cases, actions=("DISPOSE", "APPROVE"))}
    assert set(moves) == {_id(answered).hex, _id(fresh).hex}  # no such step: left out
    assert [a for a, _at in moves[_id(answered).hex]] == ["DISPOSE", "APPROVE"]

    cut = world.clock.now() - timedelta(hours=12)  # between the two days
    before = {h.id for h in history.histories(cases, before=cut)}
    assert before == {_id(answered).hex}
    assert history.steps_of(_id(untouched))[0].action == Action.INTAKE.value


def test_statuses_before_give_the_status_a_case_had_then(world: World) -> None:
    ticket = case_in(world, Status.TERVERIFIKASI)
    month_end = world.clock.now() + timedelta(hours=1)
    world.clock.advance(days=1)
    do(world, "admin", ticket, Action.DISPOSE)
    do(world, "pupr", ticket, Action.START)
    start, end = month_end - timedelta(days=30), month_end
    assert monthly.statuses_before(None, start, end, month_end) == {
        _id(ticket): Status.TERVERIFIKASI.value
    }
    now = monthly.statuses(None, start, end)
    assert [(r.id, r.status) for r in now] == [(_id(ticket), Status.DIPROSES.value)]
    assert monthly.count_received(None, start, end) == 1
    pupr = Office.get(Office.code == "PUPR").id
    assert monthly.count_received(pupr, start, end) == 1
    assert monthly.count_received(uuid.uuid4(), start, end) == 0
    assert monthly.count_received(None, end, end + timedelta(days=30)) == 0


def test_open_at_and_moved_since_select_the_cases_whose_clocks_may_have_moved(
    world: World,
) -> None:
    old = case_in(world, Status.TERDISPOSISI)
    finished = case_in(world, Status.SELESAI)
    since = world.clock.now() + timedelta(minutes=1)
    world.clock.advance(days=2)
    do(world, "pupr", old, Action.START)
    waiting = [Status.TERDISPOSISI.value, Status.DIPROSES.value]

    def found(cond: object) -> set[str]:
        return {c.ticket for c in Complaint.select().where(cond)}

    assert found(monthly.open_at(None, since, waiting)) == {old}
    assert found(monthly.moved_since(None, since)) == set()  # nothing disposed since
    world.clock.advance(days=1)
    do(world, "pupr", old, Action.SUBMIT_ANSWER)
    do(world, "kadis.pupr", old, Action.APPROVE)
    assert found(monthly.moved_since(None, since)) == {old}
    assert finished not in found(monthly.open_at(None, since, waiting))


def test_an_action_the_server_refused_is_not_part_of_the_case(world: World) -> None:
    """Schema v9: a refused action (accepted = 0) stays in case_action with its reason for
    its author's failed list, but the history, the clocks and the monthly status fold
    read only accepted actions."""
    from lapor_desktop.db.models import CaseAction
    from lapor_desktop.services import cases

    ticket = case_in(world, Status.TERVERIFIKASI)
    case = Complaint.get(Complaint.ticket == ticket)
    before = [s.action for s in history.steps_of(case.id)]
    last = CaseAction.select().where(CaseAction.complaint == case.id).order_by(-CaseAction.seq)
    template = last.get()
    CaseAction.insert(
        id=uuid.uuid4(),
        complaint=case.id,
        seq=-1,
        action=Action.DISPOSE.value,
        from_status=Status.TERVERIFIKASI.value,
        to_status=Status.TERDISPOSISI.value,
        user=template.user_id,
        role=template.role,
        office=template.office_id,
        opd=Office.get(Office.code == "PUPR").id,
        at=template.at + timedelta(minutes=5),
        accepted=False,
        reason="Laporan sudah didisposisikan kantor lain.",
    ).execute()
    assert [s.action for s in history.steps_of(case.id)] == before
    steps = history.history_of(case.id, [Action.DISPOSE.value])
    assert steps is None or not steps.steps
    shown = cases.get_case(world.as_("admin"), ticket)
    assert Action.DISPOSE.value not in [a.action for a in shown.actions]
    assert shown.status == Status.TERVERIFIKASI.value
    assert CaseAction.select().where(CaseAction.complaint == case.id).count() == len(before) + 1
