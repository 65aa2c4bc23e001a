"""Navigation by role, badges, status bar, remembered layout, every page opens."""

from __future__ import annotations

import pytest

from lapor_desktop.gui.main_window import MainWindow
from lapor_desktop.services import casework
from tests.gui.conftest import World, open_main_window, wait_ops

pytestmark = pytest.mark.gui

EXPECTED = {
    "loket": ["beranda", "loket", "laporan", "periksa_surat"],
    "admin": [
        "beranda",
        "loket",
        "verifikasi",
        "jatuh_tempo",
        "laporan",
        "impor_lapor",
        "mutakhir_lapor",
        "rekap",
        "register",
        "periksa_surat",
    ],
    "pupr": [
        "kotak_masuk",
        "beranda",
        "jatuh_tempo",
        "laporan",
        "rekap",
        "register",
        "periksa_surat",
    ],
    "kadis.pupr": [
        "kotak_masuk",
        "beranda",
        "persetujuan",
        "jatuh_tempo",
        "laporan",
        "rekap",
        "register",
        "periksa_surat",
    ],
    "inspektur": ["beranda", "jatuh_tempo", "laporan", "rekap", "register", "periksa_surat"],
    "sysadmin": ["pengguna", "kantor", "aturan", "kop_surat", "cadangan"],
}


@pytest.mark.parametrize("username", list(EXPECTED))
def test_each_role_sees_only_its_navigation(qtbot, world: World, username: str) -> None:
    world.new_case()
    w = MainWindow(world.as_(username), world.store)
    qtbot.addWidget(w)
    wait_ops(qtbot)
    assert w.nav_keys() == [*EXPECTED[username], "sinkronisasi"]  # every role: issue 17
    for key in w.nav_keys():  # every page builds and shows without a Qt warning
        w.show_page(key)
        wait_ops(qtbot)
    assert "Sinkronisasi: belum dikonfigurasi" in w.sync_label.text()
    assert world.as_(username).user().office_name == w.office_label.text()


def test_badges_count_work_to_do(qtbot, world: World) -> None:
    world.new_case()
    world.new_case()
    w = MainWindow(world.as_("admin"), world.store)
    qtbot.addWidget(w)
    wait_ops(qtbot)
    assert w.nav_text("verifikasi") == "Perlu verifikasi (2)"
    t = world.new_case()
    admin = world.as_("admin")
    casework.verify(admin, t, category="INFRASTRUKTUR")
    casework.dispose(admin, t, opd="PUPR")
    casework.start(world.as_("pupr"), t)
    casework.submit_answer(world.as_("pupr"), t, answer="Sudah diperbaiki.")
    head = MainWindow(world.as_("kadis.pupr"), world.store)
    qtbot.addWidget(head)
    wait_ops(qtbot)
    assert head.nav_text("persetujuan") == "Persetujuan jawaban (1)"
    world.clock.advance(days=9)
    w.refresh_badges()
    wait_ops(qtbot)
    assert w.nav_text("jatuh_tempo") == "Jatuh tempo (2)"


def test_geometry_and_columns_remembered(qtbot, world: World) -> None:
    w = MainWindow(world.as_("admin"), world.store)
    qtbot.addWidget(w)
    w.resize(700, 500)
    page = w.show_page("laporan")
    header = page.table.horizontalHeader()  # type: ignore[attr-defined]
    header.resizeSection(0, 222)
    w.save_layout()
    w2 = MainWindow(world.as_("admin"), world.store)
    qtbot.addWidget(w2)
    assert w2.size().width() == 700
    page2 = w2.show_page("laporan")
    assert page2.table.horizontalHeader().sectionSize(0) == 222  # type: ignore[attr-defined]
    wait_ops(qtbot)


def test_pages_are_built_when_the_window_shows_them(qtbot, world: World) -> None:
    # A page chosen before the window shows and replaced before it is never built (nor
    # are its queries run): the start benchmark opens the window on the case list.
    w = MainWindow(world.as_("admin"), world.store)
    qtbot.addWidget(w)
    assert w.pages == {}
    w.show_page("laporan")
    w.show()
    wait_ops(qtbot)
    assert list(w.pages) == ["laporan"] and w.stack.currentWidget() is w.pages["laporan"]
    first = MainWindow(world.as_("admin"), world.store)
    qtbot.addWidget(first)
    first.show()
    wait_ops(qtbot)
    assert list(first.pages) == ["beranda"]
    assert first.stack.currentWidget() is first.pages["beranda"]
    assert first.pages["beranda"].data is not None  # type: ignore[attr-defined]


def test_keyboard_starts_in_the_menu(qtbot, world: World) -> None:
    from PySide6.QtCore import Qt

    w = MainWindow(world.as_("admin"), world.store)
    qtbot.addWidget(w)
    w.show()
    # Given at once, not left to the window manager's activation (none under a bare X
    # server, where the keyboard otherwise went nowhere).
    assert w.focusWidget() is w.nav_list
    qtbot.keyClick(w.nav_list, Qt.Key.Key_Down)  # Beranda -> Loket pengaduan
    wait_ops(qtbot)
    assert w.nav_keys()[w.nav_list.currentRow()] == "loket"
    assert w.stack.currentWidget() is w.pages["loket"]
    title = w.pages["loket"].title_edit  # type: ignore[attr-defined]
    title.setFocus()
    w.hide()
    w.show()  # restored (from the tray, say): the keyboard stays where it was
    assert w.focusWidget() is title


def test_ctrl_f_goes_to_the_search_box_of_the_list(qtbot, world: World) -> None:
    from PySide6.QtCore import Qt

    w, page = open_main_window(qtbot, world, "admin", "verifikasi")
    qtbot.keyClick(w.nav_list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.focusWidget() is page.search_edit


def test_front_desk_starts_at_the_counter(qtbot, world: World) -> None:
    from lapor_desktop.gui.intake_page import IntakePage

    w = MainWindow(world.as_("loket"), world.store)
    qtbot.addWidget(w)
    w.show()
    wait_ops(qtbot)
    page = w.stack.currentWidget()
    assert list(w.pages) == ["loket"] and isinstance(page, IntakePage)
    assert w.nav_keys()[w.nav_list.currentRow()] == "loket"
    assert w.focusWidget() is page.nik_edit  # typing starts at the NIK


def test_opd_starts_on_its_inbox_overdue_first(qtbot, world: World) -> None:
    """Issue 14 item 12: new dispositions and returned answers wait in the OPD's inbox,
    the overdue first; the regency's Perlu verifikasi also lists the overdue first."""
    admin, pupr = world.as_("admin"), world.as_("pupr")
    old = world.new_case(title="Lama")  # received first: its clocks run out first
    world.clock.advance(days=1)
    returned = world.new_case(title="Dikembalikan")
    world.clock.advance(days=1)
    new = world.new_case(title="Baru")
    other = world.new_case(title="Untuk Dinkes")
    world.clock.advance(days=1)
    waiting = world.new_case(title="Belum diverifikasi")
    for t in (old, returned, new):
        casework.verify(admin, t, category="INFRASTRUKTUR")
        casework.dispose(admin, t, opd="PUPR")
    casework.verify(admin, other, category="KESEHATAN")
    casework.dispose(admin, other, opd="DINKES")
    casework.start(pupr, returned)
    casework.submit_answer(pupr, returned, answer="Sudah.")
    casework.return_answer(world.as_("kadis.pupr"), returned, note="Lengkapi foto.")
    world.clock.advance(days=10)  # `old` and `returned` overdue by now, `new` too
    w = MainWindow(pupr, world.store)
    qtbot.addWidget(w)
    w.show()
    wait_ops(qtbot)
    page = w.stack.currentWidget()
    assert page is w.pages["kotak_masuk"]
    tickets = [page.model.ticket_at(i) for i in range(page.model.rowCount())]  # type: ignore[attr-defined]
    assert set(tickets) == {old, returned, new}  # not Dinkes's case
    dues = [page.model.case_row(i).due_date for i in range(len(tickets))]  # type: ignore[attr-defined]
    assert dues == sorted(dues)  # the earliest deadline (the most overdue) first
    assert w.nav_text("kotak_masuk") == "Kotak masuk (3)"
    _w, verify = open_main_window(qtbot, world, "admin", "verifikasi")
    rows = [verify.model.ticket_at(i) for i in range(verify.model.rowCount())]
    assert rows == [waiting]
    world.clock.advance(days=1)
    newest = world.new_case(title="Baru masuk")
    verify.refresh()
    wait_ops(qtbot)
    rows = [verify.model.ticket_at(i) for i in range(verify.model.rowCount())]
    assert rows == [waiting, newest]  # the overdue one first, though received earlier
