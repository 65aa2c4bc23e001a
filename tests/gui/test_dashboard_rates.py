"""Beranda's on-time rates: counts first, the rates (the monthly summary's activity view)
afterwards; one verified on time and one late on a controlled clock; OPD scope; "—" for an
empty month."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest

from lapor_desktop.gui import dashboard
from lapor_desktop.gui.dashboard import DashboardPage
from lapor_desktop.services import casework
from tests.gui.conftest import World, wait_ops

pytestmark = pytest.mark.gui


def answer(world: World, ticket: str) -> None:
    """PUPR starts, answers, and its head approves, all at the clock's time."""
    casework.start(world.as_("pupr"), ticket)
    casework.submit_answer(world.as_("pupr"), ticket, answer="Sudah diperbaiki.")
    casework.approve(world.as_("kadis.pupr"), ticket)


@pytest.fixture
def two_months(world: World) -> dict[str, str]:
    """October: one case dispositioned on time, answered late in November. November: one
    verified on time and answered on time (PUPR), one verified late (DINKES)."""
    admin = world.as_("admin")
    world.clock.at = datetime(2026, 10, 1, 9, 0)  # Thu; follow-up due 16 Oct
    october = world.new_case(title="Oktober")
    casework.verify(admin, october, category="INFRASTRUKTUR")
    world.clock.at = datetime(2026, 10, 2, 9, 0)
    casework.dispose(admin, october, opd="PUPR")
    world.clock.at = datetime(2026, 11, 2, 9, 0)  # Mon; verification due Mon 9 Nov
    on_time = world.new_case(title="Tepat waktu")
    late = world.new_case(title="Terlambat")
    casework.verify(admin, on_time, category="INFRASTRUKTUR")
    casework.dispose(admin, on_time, opd="PUPR")
    world.clock.at = datetime(2026, 11, 3, 10, 0)
    answer(world, on_time)
    world.clock.at = datetime(2026, 11, 16, 9, 0)  # a week after the verification limit
    casework.verify(admin, late, category="KESEHATAN")
    casework.dispose(admin, late, opd="DINKES")
    world.clock.at = datetime(2026, 11, 20, 9, 0)  # 5 weeks after October's follow-up limit
    answer(world, october)
    return {"october": october, "on_time": on_time, "late": late}


def texts(page: DashboardPage, kind: str) -> list[str]:
    return [label.text() for label in page.rate_values[kind]]


def test_rates_for_the_regency(qtbot, world: World, two_months: dict[str, str]) -> None:
    page = DashboardPage(world.as_("admin"))
    qtbot.addWidget(page)
    page.show()
    wait_ops(qtbot)
    assert page.total_tile.value_label.text() == "3"
    assert [h.text() for h in page.rate_headers] == [
        "Bulan ini (November 2026)",
        "Bulan lalu (Oktober 2026)",
    ]
    # November: dispositioned on 2 and 16 Nov (due 9 Nov); approved 3 Nov (on time) and
    # 20 Nov (October's case, due 16 Oct). October: one disposition, no approval.
    assert texts(page, "verification") == ["50,0 % (1 dari 2)", "100,0 % (1 dari 1)"]
    assert texts(page, "followup") == ["50,0 % (1 dari 2)", "—"]
    assert page.rate_values["followup"][1].toolTip()  # says why there is no number


def test_opd_users_see_their_own_opd_only(qtbot, world: World, two_months: dict[str, str]) -> None:
    pupr = DashboardPage(world.as_("pupr"))
    qtbot.addWidget(pupr)
    pupr.show()
    wait_ops(qtbot)
    assert pupr.total_tile.value_label.text() == "2"
    assert texts(pupr, "verification") == ["100,0 % (1 dari 1)", "100,0 % (1 dari 1)"]
    assert texts(pupr, "followup") == ["50,0 % (1 dari 2)", "—"]
    dinkes = DashboardPage(world.as_("dinkes"))
    qtbot.addWidget(dinkes)
    dinkes.show()
    wait_ops(qtbot)
    assert dinkes.total_tile.value_label.text() == "1"
    # late, and 0 % is a real number here (one case, none on time), unlike "—"
    assert texts(dinkes, "verification") == ["0,0 % (0 dari 1)", "—"]
    assert texts(dinkes, "followup") == ["—", "—"]


def test_counts_show_before_the_rates(
    qtbot, world: World, two_months: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real = dashboard.load_rates
    calls: list[int] = []

    def slow(ctx):  # type: ignore[no-untyped-def]
        calls.append(1)
        assert release.wait(10)
        return real(ctx)

    monkeypatch.setattr(dashboard, "load_rates", slow)
    page = DashboardPage(world.as_("admin"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    assert page.total_tile.value_label.text() == "3"
    assert texts(page, "verification") == ["Menghitung…", "Menghitung…"]
    page.refresh()  # while the rates are still being computed: one more pass afterwards,
    page.refresh()  # not one per refresh
    release.set()
    wait_ops(qtbot)
    assert len(calls) == 2
    assert texts(page, "verification") == ["50,0 % (1 dari 2)", "100,0 % (1 dari 1)"]


def test_empty_database_shows_no_rate(qtbot, world: World) -> None:
    page = DashboardPage(world.as_("inspektur"))
    qtbot.addWidget(page)
    page.show()
    wait_ops(qtbot)
    assert texts(page, "verification") == ["—", "—"]
    assert texts(page, "followup") == ["—", "—"]


def test_counts_and_rates_wait_until_the_page_is_shown(qtbot, world: World) -> None:
    # Seconds of CPU on a big database: not spent for a Beranda nobody is looking at.
    calls: list[str] = []
    real_rates, real_counts = dashboard.load_rates, dashboard.load_dashboard

    def rates(ctx):  # type: ignore[no-untyped-def]
        calls.append("rates")
        return real_rates(ctx)

    def counts(ctx):  # type: ignore[no-untyped-def]
        calls.append("counts")
        return real_counts(ctx)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dashboard, "load_rates", rates)
        mp.setattr(dashboard, "load_dashboard", counts)
        page = DashboardPage(world.as_("admin"))
        qtbot.addWidget(page)
        wait_ops(qtbot)
        page.refresh()
        wait_ops(qtbot)
        assert calls == [] and page.data is None
        page.show()
        wait_ops(qtbot)
        assert sorted(calls) == ["counts", "rates"]
        assert page.data is not None
        assert texts(page, "verification")[0] != "Menghitung…"
        page.refresh()  # while shown: at once
        wait_ops(qtbot)
        assert len(calls) == 4


def test_overdue_by_opd_counts_each_opds_late_cases(world: World) -> None:
    admin = world.as_("admin")
    world.clock.at = datetime(2026, 10, 1, 9, 0)
    for opd, n in (("PUPR", 2), ("DINKES", 1)):
        for _ in range(n):
            t = world.new_case()
            casework.verify(admin, t, category="INFRASTRUKTUR")
            casework.dispose(admin, t, opd=opd)
    on_time = world.new_case()
    casework.verify(admin, on_time, category="INFRASTRUKTUR")
    world.clock.at = datetime(2026, 11, 20, 9, 0)  # long past the follow-up limit
    casework.dispose(admin, on_time, opd="DISDIK")  # just dispositioned: not late
    data = dashboard.load_dashboard(admin)
    assert data.overdue_by_opd == [("PUPR", 2), ("DINKES", 1)]
    assert data.overdue == 3
    # An OPD's own dashboard has no per-OPD chart.
    assert dashboard.load_dashboard(world.as_("pupr")).overdue_by_opd == []
