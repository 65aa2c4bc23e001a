"""The lazy case model: keyset pages, SQL sorting, filters, qtmodeltester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from lapor_desktop.gui import case_model
from lapor_desktop.gui.case_model import CaseTableModel
from lapor_desktop.services import cases
from tests.gui.conftest import World

pytestmark = pytest.mark.gui


@pytest.fixture
def many(world: World, monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.setattr(case_model, "PAGE", 7)
    for i in range(20):
        world.clock.advance(minutes=1)
        world.new_case(title=f"Laporan nomor {i:02d}", anonim=i % 5 == 0)
    return world


def test_pages_fetched_lazily(qtmodeltester, many: World) -> None:
    model = CaseTableModel(many.as_("admin"))
    model.reload()
    assert model.rowCount() == 7
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 14
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 20
    assert model.index(0, case_model.COL_TITLE).data() == "Laporan nomor 19"


def test_loaded_rows_drop_out_of_the_cyclic_gc(many: World) -> None:
    # 100k rows held as GC-tracked objects made every full collection (the UI thread's
    # GC timer) pause the window; plain tuples of plain values are untracked.
    import gc

    model = CaseTableModel(many.as_("admin"))
    model.reload()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    gc.collect()
    assert model.rows and not any(gc.is_tracked(r) for r in model.rows)
    row = model.case_row(0)
    assert row is not None and row.title == "Laporan nomor 19"
    assert row.ticket == model.ticket_at(0)
    assert model.case_row(len(model.rows)) is None


def test_sort_and_filter_in_sql(qtmodeltester, many: World) -> None:
    model = CaseTableModel(many.as_("admin"))
    model.sort(case_model.COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert model.index(0, case_model.COL_TITLE).data() == "Laporan nomor 00"
    model.set_filter(cases.CaseFilter(text="nomor 13"))
    assert model.rowCount() == 1
    assert model.index(0, 0).data(case_model.TICKET_ROLE) == model.ticket_at(0)
    qtmodeltester.check(model, force_py=True)


def test_deadline_state_in_colour_and_text(many: World) -> None:
    many.clock.advance(days=6)  # verification (5 working days) is now due today/overdue
    model = CaseTableModel(many.as_("admin"))
    model.reload()
    text = model.index(0, case_model.COL_STATE).data()
    assert text in ("Terlambat", "Jatuh tempo hari ini", "Segera jatuh tempo")
    brush = model.index(0, case_model.COL_STATE).data(Qt.ItemDataRole.ForegroundRole)
    assert brush is not None


def test_opd_user_never_sees_anonymous_reporter(many: World) -> None:
    from lapor_desktop.services import casework

    admin = many.as_("admin")
    page = cases.list_cases(admin, limit=50)
    for row in page.rows:
        casework.verify(admin, row.ticket, category="INFRASTRUKTUR")
        casework.dispose(admin, row.ticket, opd="PUPR")
    model = CaseTableModel(many.as_("pupr"))
    model.reload()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    names = {model.index(r, case_model.COL_REPORTER).data() for r in range(model.rowCount())}
    assert "Pelapor Anonim" in names
    assert names <= {"Pelapor Anonim", "Siti Aminah"}
    anon = {
        r.ticket
        for r in cases.list_cases(admin, limit=50).rows
        if r.title.endswith(("00", "05", "10", "15"))
    }
    for r in range(model.rowCount()):
        if model.ticket_at(r) in anon:
            assert model.index(r, case_model.COL_REPORTER).data() == "Pelapor Anonim"
