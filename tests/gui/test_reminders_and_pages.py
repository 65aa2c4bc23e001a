"""Reminders once per case and stage; the work list; the dashboard; admin pages."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from lapor_desktop.gui.dashboard import DashboardPage
from lapor_desktop.gui.due_page import DuePage
from lapor_desktop.gui.reminder_watch import ReminderWatch
from lapor_desktop.services import casework
from tests.gui.conftest import World, wait_ops

pytestmark = pytest.mark.gui


def watch_for(qtbot, world: World, user: str) -> tuple[ReminderWatch, list[list]]:
    host = QWidget()
    qtbot.addWidget(host)
    watch = ReminderWatch(world.as_(user), host, interval_ms=60_000)
    batches: list[list] = []
    watch.reminded.connect(batches.append)
    return watch, batches


def test_reminders_fire_once_per_case_and_stage(qtbot, world: World) -> None:
    a = world.new_case(title="Satu")
    b = world.new_case(title="Dua")
    watch, batches = watch_for(qtbot, world, "admin")
    watch.start()
    wait_ops(qtbot)
    assert batches == []  # nothing due yet
    world.clock.advance(days=4)  # Fri 6 Nov: verification due Mon 9 Nov -> due soon
    watch.check_now()
    wait_ops(qtbot)
    assert [sorted(r.ticket for r in batch) for batch in batches] == [sorted([a, b])]
    assert {r.state for r in batches[0]} == {"due_soon"}
    watch.check_now()  # same stage again: nothing new
    wait_ops(qtbot)
    assert len(batches) == 1
    world.clock.advance(days=3)  # Mon 9 Nov: due today -> a new stage, announced once
    watch.check_now()
    wait_ops(qtbot)
    assert len(batches) == 2 and {r.state for r in batches[1]} == {"due_today"}
    watch.check_now()
    wait_ops(qtbot)
    assert len(batches) == 2
    watch.stop()


def test_front_desk_gets_no_deadline_reminders(qtbot, world: World) -> None:
    # Its work ends at intake and it has no "Jatuh tempo" page to act on them.
    world.new_case(title="Satu")
    world.clock.advance(days=7)  # verification due today for the regency admin
    watch, batches = watch_for(qtbot, world, "loket")
    watch.start()
    wait_ops(qtbot)
    admin, admin_batches = watch_for(qtbot, world, "admin")
    admin.start()
    wait_ops(qtbot)
    assert batches == [] and len(admin_batches) == 1
    watch.stop()
    admin.stop()


def test_timer_runs_automation_for_regency_admin(qtbot, world: World) -> None:
    t = world.new_case()
    admin, pupr = world.as_("admin"), world.as_("pupr")
    casework.verify(admin, t, category="INFRASTRUKTUR")
    casework.dispose(admin, t, opd="PUPR")
    casework.start(pupr, t)
    casework.submit_answer(pupr, t, answer="Sudah.")
    casework.approve(world.as_("kadis.pupr"), t)
    world.clock.advance(days=20)  # reply window (10 working days) over
    watch, _ = watch_for(qtbot, world, "pupr")
    done: list[object] = []
    watch.automation_done.connect(done.append)
    watch.check_now()
    wait_ops(qtbot)
    assert done == []  # OPD sessions do not run the engine
    watch_admin, _ = watch_for(qtbot, world, "admin")
    watch_admin.automation_done.connect(done.append)
    watch_admin.check_now()
    wait_ops(qtbot)
    assert len(done) == 1 and done[0].closed == [t]  # type: ignore[attr-defined]


def test_due_page_lists_overdue_in_scope(qtbot, keep, qtmodeltester, world: World) -> None:
    t = world.new_case()
    world.new_case()
    casework.verify(world.as_("admin"), t, category="INFRASTRUKTUR")
    casework.dispose(world.as_("admin"), t, opd="PUPR")
    world.clock.advance(days=16)
    page = DuePage(world.as_("admin"))
    keep.append(page)  # not qtbot.addWidget: it deletes widgets before qtmodeltester's cleanup
    wait_ops(qtbot)
    assert page.model.rowCount() == 2
    assert page.model.index(0, 6).data() == "Terlambat"
    qtmodeltester.check(page.model, force_py=True)
    opd = DuePage(world.as_("pupr"))
    qtbot.addWidget(opd)
    wait_ops(qtbot)
    assert [r.ticket for r in opd.model.rows] == [t]
    opened: list[str] = []
    opd.open_case.connect(opened.append)
    opd.table.doubleClicked.emit(opd.model.index(0, 0))
    assert opened == [t]


def test_dashboard_counts(qtbot, world: World) -> None:
    t = world.new_case()
    world.new_case()
    casework.verify(world.as_("admin"), t, category="INFRASTRUKTUR")
    casework.dispose(world.as_("admin"), t, opd="PUPR")
    world.clock.advance(days=16)
    page = DashboardPage(world.as_("admin"))
    qtbot.addWidget(page)
    page.show()  # the counts load while the page is shown
    wait_ops(qtbot)
    assert page.total_tile.value_label.text() == "2"
    assert page.month_tile.value_label.text() == "2"
    assert page.overdue_tile.value_label.text() == "2"
    assert ("PUPR", 1) in page.opd_chart.items
    assert dict(page.status_chart.items)["Diterima"] == 1
    page.resize(900, 600)
    page.status_chart.grab()  # paints without a warning
    assert page.heading.text() == "Beranda — 18 November 2026"
    opd = DashboardPage(world.as_("pupr"))
    qtbot.addWidget(opd)
    opd.show()
    wait_ops(qtbot)
    assert opd.total_tile.value_label.text() == "1"


def test_main_window_shows_reminders_in_status_bar(qtbot, world: World) -> None:
    from lapor_desktop.gui.main_window import MainWindow

    world.new_case()
    w = MainWindow(world.as_("admin"), world.store)
    qtbot.addWidget(w)
    watch = ReminderWatch(world.as_("admin"), w, interval_ms=60_000)
    watch.reminded.connect(w.show_reminders)
    world.clock.advance(days=4)
    watch.check_now()
    wait_ops(qtbot)
    assert w.statusBar().currentMessage().startswith("1 laporan perlu perhatian")
