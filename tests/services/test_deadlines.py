"""Deadlines engine through the services: Kampar calendar, pauses, work lists, automatic
transitions (idempotent)."""

from __future__ import annotations

from datetime import date, datetime

from lapor_desktop.domain.workflow import Status
from lapor_desktop.services import automation, cases, casework, reminders

from .casepaths import case_in
from .conftest import World


def due(world: World, ticket: str, clock: str) -> date | None:
    return cases.get_case(world.as_("admin"), ticket).deadlines[clock].due


def test_verification_due_skips_idul_fitri_2026_cuti_bersama(world: World) -> None:
    world.clock.at = datetime(2026, 3, 17, 10, 0)  # Tuesday before Nyepi and Lebaran
    t = world.new_case()
    # 18–24 March 2026: Nyepi, Idul Fitri and cuti bersama, no working day.
    assert due(world, t, "verification") == date(2026, 3, 31)
    assert due(world, t, "escalation") == date(2026, 5, 16)
    # Disposed on 31 March: 10 working days, Good Friday 3 April excluded.
    world.clock.at = datetime(2026, 3, 31, 8, 0)
    casework.verify(world.as_("admin"), t, category="INFRASTRUKTUR")
    casework.dispose(world.as_("admin"), t, opd="PUPR")
    d = cases.get_case(world.as_("admin"), t)
    assert d.deadlines["verification"].state == "met"
    assert d.deadlines["follow_up"].due == date(2026, 4, 15)


def test_hold_pauses_the_clocks(world: World) -> None:
    world.clock.at = datetime(2026, 11, 2, 9, 0)  # Monday
    t = world.new_case()
    assert due(world, t, "verification") == date(2026, 11, 9)
    casework.hold(world.as_("admin"), t, note="Mohon foto lokasi")
    world.clock.at = datetime(2026, 11, 5, 9, 0)  # Thursday: 3 working days on hold
    casework.resume(world.as_("admin"), t)
    assert due(world, t, "verification") == date(2026, 11, 12)
    assert due(world, t, "escalation") == date(2027, 1, 4)


def test_work_list_and_states_by_date(world: World) -> None:
    world.clock.at = datetime(2026, 11, 2, 9, 0)
    t = world.new_case()  # verification due Mon 9 Nov
    admin = world.as_("admin")
    assert [w.ticket for w in cases.work_list(admin, date(2026, 11, 4))] == []
    (item,) = cases.work_list(admin, date(2026, 11, 5))  # Thu: 2 working days left
    assert (item.ticket, item.state) == (t, "due_soon")
    assert cases.work_list(admin, date(2026, 11, 9))[0].state == "due_today"
    assert cases.work_list(admin, date(2026, 11, 10))[0].state == "overdue"
    world.clock.at = datetime(2026, 11, 10, 9, 0)
    f = cases.CaseFilter(clock_state="overdue")
    assert [r.ticket for r in cases.list_cases(admin, f).rows] == [t]
    # OPD users have nothing until a case is theirs.
    assert cases.work_list(world.as_("pupr"), date(2026, 11, 10)) == []


def test_automatic_transitions_are_idempotent(world: World) -> None:
    world.clock.at = datetime(2026, 9, 1, 9, 0)
    old = case_in(world, Status.DIPROSES)  # will pass 60 days unanswered
    answered = case_in(world, Status.DIJAWAB)  # reply window: 10 working days
    world.clock.at = datetime(2026, 9, 14, 9, 0)
    assert automation.apply_automatic(world.base).closed == []
    world.clock.at = datetime(2026, 9, 16, 9, 0)
    first = automation.apply_automatic(world.base)
    assert first.closed == [answered]
    assert cases.get_case(world.as_("admin"), answered).status == "SELESAI"
    world.clock.at = datetime(2026, 11, 2, 9, 0)
    second = automation.apply_automatic(world.base)
    assert second.escalated == [old] and second.closed == []
    again = automation.apply_automatic(world.base)
    assert again.escalated == [] and again.closed == []
    d = cases.get_case(world.as_("admin"), old)
    assert d.escalated and d.status == "DIPROSES"  # the case continues
    assert [a.action for a in d.actions].count("ESKALASI_OMBUDSMAN") == 1
    assert d.actions[-1].by == "sistem"


def test_reminders_fire_once_per_case_and_stage(world: World) -> None:
    world.clock.at = datetime(2026, 11, 2, 9, 0)
    t = world.new_case()
    admin = world.as_("admin")
    assert reminders.pending_reminders(admin, date(2026, 11, 4)) == []
    first = reminders.pending_reminders(admin, date(2026, 11, 5))
    assert [(r.ticket, r.state) for r in first] == [(t, "due_soon")]
    assert reminders.pending_reminders(admin, date(2026, 11, 6)) == []
    assert [r.state for r in reminders.pending_reminders(admin, date(2026, 11, 9))] == ["due_today"]
    assert [r.state for r in reminders.pending_reminders(admin, date(2026, 11, 10))] == ["overdue"]
    assert reminders.pending_reminders(admin, date(2026, 11, 11)) == []
    # another user gets their own reminder
    assert len(reminders.pending_reminders(world.as_("loket"), date(2026, 11, 10))) == 1
