"""The case list page: debounced search, the filter bar, sorting by header click."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt

from lapor_desktop.gui import case_model
from lapor_desktop.gui.case_list import CaseListPage
from lapor_desktop.services import casework
from tests.gui.conftest import World, wait_ops

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, keep, qtmodeltester, world: World) -> CaseListPage:
    for title in ("Jalan berlubang", "Sampah menumpuk", "Puskesmas tutup"):
        world.clock.advance(hours=1)
        world.new_case(title=title)
    p = CaseListPage(world.as_("admin"))
    keep.append(p)
    qtmodeltester.check(p.model, force_py=True)
    return p


@pytest.fixture
def titles(qtbot) -> Callable[[CaseListPage], list[str]]:
    """The titles shown, once the off-thread page (and count) queries have delivered."""

    def get(p: CaseListPage) -> list[str]:
        wait_ops(qtbot)
        return [r.title for i in range(p.model.rowCount()) if (r := p.model.case_row(i))]

    return get


def test_search_is_debounced(qtbot, page: CaseListPage, titles) -> None:
    calls: list[int] = []
    original = page.model.set_filter
    page.model.set_filter = lambda f: (calls.append(1), original(f))  # type: ignore[method-assign]
    qtbot.keyClicks(page.search_edit, "sampah")
    assert calls == []  # not per keystroke
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)
    assert titles(page) == ["Sampah menumpuk"]
    assert page.count_label.text() == "1 laporan"


def test_from_search_to_the_case_by_keyboard(qtbot, page: CaseListPage, titles) -> None:
    page.show()
    opened: list[str] = []
    page.open_case.connect(opened.append)
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "puskesmas")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # search now, go to the results
    assert titles(page) == ["Puskesmas tutup"]
    assert page.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.model.case_row(0).ticket]  # type: ignore[union-attr]
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)  # Down goes there too
    assert page.focusWidget() is page.table


def test_filters_and_reset(qtbot, page: CaseListPage, world: World, titles) -> None:
    t = (page.model.ticket_at(0) or "") if titles(page) else ""
    casework.verify(world.as_("admin"), t, category="KESEHATAN")
    casework.dispose(world.as_("admin"), t, opd="DINKES")
    page.status_combo.setCurrentIndex(page.status_combo.findData("TERDISPOSISI"))
    assert titles(page) == ["Puskesmas tutup"]
    page.status_combo.setCurrentIndex(0)
    page.opd_combo.setCurrentIndex(page.opd_combo.findData("DINKES"))
    assert titles(page) == ["Puskesmas tutup"]
    page.category_combo.setCurrentIndex(page.category_combo.findData("INFRASTRUKTUR"))
    assert titles(page) == []
    page.reset_filters()
    assert len(titles(page)) == 3
    page.channel_combo.setCurrentIndex(page.channel_combo.findData("sms"))
    assert titles(page) == []
    page.reset_filters()
    page.from_edit.set_date(date(2026, 11, 3))
    assert titles(page) == []
    page.reset_filters()
    page.escalated_combo.setCurrentIndex(page.escalated_combo.findData("no"))
    assert len(titles(page)) == 3
    world.clock.advance(days=8)
    page.reset_filters()
    page.state_combo.setCurrentIndex(page.state_combo.findData("overdue"))
    assert len(titles(page)) == 2  # the dispositioned one has a fresh follow-up clock


def test_sort_by_header_click(qtbot, page: CaseListPage, titles) -> None:
    page.table.sortByColumn(case_model.COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(page) == ["Jalan berlubang", "Puskesmas tutup", "Sampah menumpuk"]
    page.table.sortByColumn(case_model.COL_TITLE, Qt.SortOrder.DescendingOrder)
    assert titles(page) == ["Sampah menumpuk", "Puskesmas tutup", "Jalan berlubang"]


def test_ticket_column_shows_the_full_ticket(qtbot, world: World) -> None:
    ticket = world.new_case()
    narrow = CaseListPage(world.as_("admin"))
    qtbot.addWidget(narrow)
    wait_ops(qtbot)
    narrow.table.horizontalHeader().resizeSection(case_model.COL_TICKET, 30)
    narrow.save_layout()  # a remembered layout with a column too narrow for the ticket
    p = CaseListPage(world.as_("admin"))
    qtbot.addWidget(p)
    p.show()
    wait_ops(qtbot)
    width = p.table.horizontalHeader().sectionSize(case_model.COL_TICKET)
    assert width >= p.table.fontMetrics().horizontalAdvance(ticket) + 6
    assert width >= p.table.sizeHintForColumn(case_model.COL_TICKET)


def test_a_typed_ticket_enter_enter_opens_that_case(qtbot, world: World) -> None:
    """Issue 14 item 4: Ctrl+F, a ticket, Enter, Enter opened a newer case quoting it."""
    first = world.new_case(title="Jalan rusak")
    world.clock.advance(hours=1)
    world.new_case(title="Susulan")
    world.clock.advance(hours=1)
    quoting = intake_quoting(world, first)
    p = CaseListPage(world.as_("admin"))
    qtbot.addWidget(p)
    p.show()
    wait_ops(qtbot)
    opened: list[str] = []
    p.open_case.connect(opened.append)
    p.search_edit.setFocus()
    qtbot.keyClicks(p.search_edit, first)
    qtbot.keyClick(p.search_edit, Qt.Key.Key_Return)  # at once, before the results arrive
    qtbot.keyClick(p.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened != [])
    assert opened == [first]
    wait_ops(qtbot)
    assert [p.model.ticket_at(i) for i in range(p.model.rowCount())] == [first, quoting]


def test_columns_fit_statuses_and_names(qtbot, world: World) -> None:
    t = world.new_case(title="Jalan rusak di Desa Pulau " * 6)
    casework.verify(world.as_("admin"), t, category="INFRASTRUKTUR")
    casework.dispose(world.as_("admin"), t, opd="PUPR")
    casework.start(world.as_("pupr"), t)
    casework.submit_answer(world.as_("pupr"), t, answer="Sudah diperbaiki.")  # the longest
    p = CaseListPage(world.as_("admin"))
    qtbot.addWidget(p)
    p.resize(1200, 600)
    p.show()
    wait_ops(qtbot)
    fm = p.table.fontMetrics()
    header = p.table.horizontalHeader()
    for col in (case_model.COL_STATUS, case_model.COL_REPORTER, case_model.COL_STATE):
        text = p.model.data(p.model.index(0, col))
        assert header.sectionSize(col) >= fm.horizontalAdvance(text), (col, text)
    title_index = p.model.index(0, case_model.COL_TITLE)
    assert p.model.data(title_index, Qt.ItemDataRole.ToolTipRole) == p.model.case_row(0).title  # type: ignore[union-attr]


def intake_quoting(world: World, ticket: str) -> str:
    from lapor_desktop.services import intake

    return intake.log_complaint(
        world.as_("loket"),
        intake.ComplaintInput(
            reporter_nik="1401154107950001",
            title="Pertanyaan lanjutan",
            body=f"Bagaimana kelanjutan laporan {ticket}?",
            channel="walk-in",
            klasifikasi="pengaduan",
        ),
    ).ticket


def test_date_filter_typed_as_digits_applies_once_whole(qtbot, page: CaseListPage, titles) -> None:
    page.show()
    calls: list[object] = []
    original = page.model.set_filter
    page.model.set_filter = lambda f: (calls.append(f.received_from), original(f))  # type: ignore[method-assign]
    page.from_edit.line.setFocus()
    qtbot.keyClicks(page.from_edit.line, "0311202")
    assert calls == []  # not on each digit
    qtbot.keyClicks(page.from_edit.line, "6")
    assert calls == [date(2026, 11, 3)]
    assert titles(page) == []  # every case came in on 2 November
    qtbot.keyClick(page.from_edit.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.from_edit.line, Qt.Key.Key_Backspace)
    assert calls[-1] is None and len(titles(page)) == 3
