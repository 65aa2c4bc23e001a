"""Deadline lists show statuses and states in full (columns sized to their contents) and
long titles as tooltips; the most overdue first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lapor_desktop.gui.due_page import DuePage
from lapor_desktop.services import casework
from tests.gui.conftest import World, wait_ops

pytestmark = pytest.mark.gui


def test_due_list_not_truncated_overdue_first(qtbot, world: World) -> None:
    admin, pupr = world.as_("admin"), world.as_("pupr")
    long_title = "Jalan kabupaten rusak berat di Desa Pulau Jambu dekat jembatan " * 3
    first = world.new_case(title=long_title)
    world.clock.advance(days=2)
    second = world.new_case(title="Lampu jalan padam")
    for t in (first, second):
        casework.verify(admin, t, category="INFRASTRUKTUR")
        casework.dispose(admin, t, opd="PUPR")
        casework.start(pupr, t)
    casework.submit_answer(pupr, first, answer="Sudah diperbaiki.")  # Menunggu Persetujuan
    world.clock.advance(days=30)
    page = DuePage(admin)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    wait_ops(qtbot)
    model = page.model
    assert [model.row_at(i).ticket for i in range(model.rowCount())] == [first, second]
    fm = page.table.fontMetrics()
    header = page.table.horizontalHeader()
    for col in (0, 2, 3, 4, 5, 6):
        for row in range(model.rowCount()):
            text = model.data(model.index(row, col))
            assert header.sectionSize(col) >= fm.horizontalAdvance(text), (col, text)
    title = model.index(0, 1)
    assert model.data(title, Qt.ItemDataRole.ToolTipRole) == long_title.strip()
