"""The answer letter's number, reserved at the head's approval, is shown on the case."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from lapor_desktop.gui.case_view import CaseViewPage
from lapor_desktop.services import cases, casework
from tests.gui.conftest import World, wait_ops

pytestmark = pytest.mark.gui


def texts(page: CaseViewPage) -> list[str]:
    return [w.text() for w in page.info_box.findChildren(QLabel)]


def test_letter_number_on_the_case_once_reserved(qtbot, world: World) -> None:
    t = world.new_case()
    admin, pupr, head = world.as_("admin"), world.as_("pupr"), world.as_("kadis.pupr")
    casework.verify(admin, t, category="INFRASTRUKTUR")
    casework.dispose(admin, t, opd="PUPR")
    casework.start(pupr, t)
    casework.submit_answer(pupr, t, answer="Sudah diperbaiki.")
    assert cases.get_case(head, t).letter_number == ""
    before = CaseViewPage(head, t)
    qtbot.addWidget(before)
    wait_ops(qtbot)
    assert "Nomor surat jawaban:" not in texts(before)
    casework.approve(head, t)
    number = cases.get_case(head, t).letter_number
    assert number and cases.get_case(admin, t).letter_number == number
    page = CaseViewPage(head, t)
    qtbot.addWidget(page)
    wait_ops(qtbot)
    shown = texts(page)
    assert "Nomor surat jawaban:" in shown and number in shown
