"""Front desk intake by keyboard: NIK checked as typed, registered reporter filled in,
unknown reporter registered inline, Enter saves, Ctrl+N next, a failed save keeps input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lapor_desktop.gui.intake_page import IntakePage
from lapor_desktop.services import cases, reporters
from tests.gui.conftest import NIK, World, open_main_window, wait_ops

pytestmark = pytest.mark.gui

NEW_NIK = "1401021203880002"  # Kampar (kecamatan Kampar), man born 12-03-1988


@pytest.fixture
def page(qtbot, world: World) -> IntakePage:
    p = IntakePage(world.as_("loket"))
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_invalid_nik_message_at_field_as_typed(qtbot, page: IntakePage) -> None:
    qtbot.keyClicks(page.nik_edit, "14011")
    assert page.nik_status.text() == "5 dari 16 digit"
    assert page.ui.nik_error.text() == ""
    qtbot.keyClicks(page.nik_edit, "x")
    assert page.ui.nik_error.text() == "NIK hanya berisi angka."
    page.nik_edit.clear()
    qtbot.keyClicks(page.nik_edit, "1401153202950001")  # 32 Feb: no such date
    assert "tanggal" in page.ui.nik_error.text().lower()


def test_registered_reporter_filled_in_and_saved_by_keyboard(
    qtbot, page: IntakePage, world: World
) -> None:
    assert QApplication.focusWidget() is page.nik_edit
    qtbot.keyClicks(page.nik_edit, NIK)
    assert page.name_edit.text() == "Siti Aminah"
    assert page.name_edit.isReadOnly()
    assert "Pelapor terdaftar" in page.nik_status.text()
    # Tab order follows the paper form: NIK -> name -> ... -> channel -> klasifikasi -> title
    order = [page.name_edit, page.phone_edit, page.email_edit, page.address_edit]
    for w in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is w
    page.title_edit.setFocus()
    qtbot.keyClicks(page.title_edit, "Lampu jalan padam")
    page.body_edit.setFocus()
    qtbot.keyClicks(page.body_edit, "Sudah dua minggu padam.")
    page.title_edit.setFocus()
    with qtbot.waitSignal(page.saved) as sig:
        qtbot.keyClick(page.title_edit, Qt.Key.Key_Return)
    ticket = sig.args[0]
    assert ticket in page.result_label.text()
    detail = cases.get_case(world.as_("loket"), ticket)
    assert detail.title == "Lampu jalan padam"
    assert detail.reporter.name == "Siti Aminah"
    # Ctrl+N (the main window's shortcut) -> an empty form, focus on NIK
    page.new_complaint()
    assert page.nik_edit.text() == "" and page.title_edit.text() == ""
    assert QApplication.focusWidget() is page.nik_edit


def test_ticket_number_is_on_screen_after_saving_in_a_small_window(qtbot, page: IntakePage) -> None:
    from PySide6.QtCore import QPoint

    page.resize(900, 420)  # the form is taller than this: it scrolls
    qtbot.keyClicks(page.nik_edit, NIK)
    qtbot.keyClicks(page.title_edit, "Sampah menumpuk di pasar")
    qtbot.keyClicks(page.body_edit, "Sudah tiga hari tidak diangkut.")
    with qtbot.waitSignal(page.saved):
        qtbot.keyClick(page.title_edit, Qt.Key.Key_Return)
    viewport = page.form_scroll.viewport()

    def label_on_screen() -> bool:
        top = page.result_label.mapTo(viewport, QPoint(0, 0)).y()
        return top >= 0 and top + page.result_label.height() <= viewport.height()

    qtbot.waitUntil(label_on_screen)


def test_unknown_reporter_registered_inline(qtbot, page: IntakePage, world: World) -> None:
    qtbot.keyClicks(page.nik_edit, NEW_NIK)
    assert "belum terdaftar" in page.nik_status.text()
    assert "12 Maret 1988" in page.nik_status.text()
    assert not page.name_edit.isReadOnly()
    qtbot.keyClicks(page.name_edit, "Budi Santoso")
    qtbot.keyClicks(page.phone_edit, "0812 1111 2222")
    qtbot.keyClicks(page.title_edit, "Jembatan retak")
    qtbot.keyClicks(page.body_edit, "Jembatan desa retak.")
    with qtbot.waitSignal(page.saved):
        qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    found = reporters.find_by_nik(world.as_("loket"), NEW_NIK)
    assert found is not None and found.name == "Budi Santoso"


def test_failed_save_keeps_everything_typed(qtbot, page: IntakePage, world: World) -> None:
    qtbot.keyClicks(page.nik_edit, NEW_NIK)
    qtbot.keyClicks(page.name_edit, "Budi Santoso")
    qtbot.keyClicks(page.email_edit, "bukan-email")
    qtbot.keyClicks(page.body_edit, "Isi tanpa judul.")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    wait_ops(qtbot)
    assert page.ui.email_error.text() == "Alamat e-mail tidak valid."
    assert page.name_edit.text() == "Budi Santoso"
    page.email_edit.clear()
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    wait_ops(qtbot)
    # The complaint still needs a title: refused, and the reporter with it (one operation).
    assert "Judul" in page.ui.title_error.text()
    assert page.body_edit.toPlainText() == "Isi tanpa judul."
    assert page.last_ticket is None
    assert reporters.find_by_nik(world.as_("loket"), NEW_NIK) is None
    assert page.save_button.isEnabled() and not page.name_edit.isReadOnly()
    qtbot.keyClicks(page.title_edit, "Judul menyusul")
    with qtbot.waitSignal(page.saved):
        qtbot.keyClick(page.title_edit, Qt.Key.Key_Return)


def test_ctrl_n_in_main_window(qtbot, world: World) -> None:
    w, page = open_main_window(qtbot, world, "loket", "loket")
    assert isinstance(page, IntakePage)
    page.title_edit.setText("sisa ketikan")
    w.new_intake_action.trigger()
    assert page.title_edit.text() == ""
    wait_ops(qtbot)
