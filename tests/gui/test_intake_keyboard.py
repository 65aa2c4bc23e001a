"""The counter by keyboard only (issue 14): a walk-in from an empty form to the printed
receipt, for a new and for a returning reporter, driven by key events alone; every field
reached by Tab in the paper form's order; Ctrl+N, Ctrl+P, Enter on buttons, the receipt's
menu by keys; all validation problems at once beside their fields, never moving a field."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from lapor_desktop.db.models import Complaint, Reporter
from lapor_desktop.gui import doc_output
from lapor_desktop.gui.intake_page import IntakePage
from lapor_desktop.services import cases, reporters
from tests.gui.conftest import NIK, World, open_main_window, wait_ops

pytestmark = pytest.mark.gui

# The offscreen platform cannot raise a popup or grab the keyboard for it; not our bug.
POPUP = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard)",
    r"Keyboard event not accepted by receiving widget",
    r"This plugin does not support propagateSizeHints",
)
NEW_NIK = "1401021203880002"  # kecamatan Kampar (14.01.02), man born 12-03-1988
CTRL = Qt.KeyboardModifier.ControlModifier


class Keys:
    """Key events to whatever has the focus, as a clerk's fingers would send them."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    @property
    def focus(self) -> QWidget:
        w = QApplication.focusWidget()
        assert w is not None, "nothing has the keyboard focus"
        return w

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus, text)
        self.count += len(text)

    def press(self, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
        self.qtbot.keyClick(self.focus, key, mods)
        self.count += 1

    def tab(self, n: int = 1) -> None:
        for _ in range(n):
            self.press(Qt.Key.Key_Tab)


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """What the system viewer was asked to open (to print), copied before cleanup."""
    got: list[Path] = []

    def viewer(path: Path) -> bool:
        copy = tmp_path / f"printed-{len(got)}-{path.name}"
        shutil.copy(path, copy)
        got.append(copy)
        return True

    monkeypatch.setattr(doc_output, "open_file", viewer)
    return got


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def tab_order(page: IntakePage) -> list[QWidget]:
    return [
        page.nik_edit,
        page.name_edit,
        page.phone_edit,
        page.email_edit,
        page.address_edit,
        page.kecamatan_combo,
        page.desa_combo,
        page.ktp_check,
        page.channel_combo,
        page.klasifikasi_combo,
        page.title_edit,
        page.body_edit,
        page.loc_kecamatan_combo,
        page.loc_desa_combo,
        page.location_edit,
        page.incident_edit.line,
        page.anonim_check,
        page.rahasia_check,
        page.tracking_edit,
        page.files_list,
        page.add_file_button,
        page.save_button,
    ]


def test_walk_in_of_a_new_then_a_returning_reporter_by_keys_only(
    qtbot, world: World, printed: list[Path]
) -> None:
    w, page = open_main_window(qtbot, world, "loket", "loket")
    assert isinstance(page, IntakePage)
    k = Keys(qtbot)
    assert k.focus is page.nik_edit
    # -- a new reporter: every field in the paper form's order, by Tab
    k.type(NEW_NIK)
    assert "belum terdaftar" in page.nik_status.text()
    assert page.kecamatan_combo.currentData() == "140102"  # from the NIK's region code
    order = tab_order(page)
    typed = {
        page.name_edit: "Budi Santoso",
        page.phone_edit: "0812 1111 2222",
        page.address_edit: "Jl. Lintas Bangkinang",
        page.desa_combo: "Batu",
        page.title_edit: "Jembatan retak",
        page.body_edit: "Jembatan desa retak sejak banjir.",
        page.loc_kecamatan_combo: "Kampar",
        page.location_edit: "dekat SD 012",
        page.incident_edit.line: "01102026",
    }
    for expected in order[1:]:
        k.tab()
        assert k.focus is expected, (k.focus.objectName(), expected.objectName())
        if expected in typed:
            k.type(typed[expected])
        if expected is page.ktp_check:
            k.press(Qt.Key.Key_Space)
    assert page.incident_edit.date() == date(2026, 10, 1)
    assert page.ktp_check.isChecked()
    with qtbot.waitSignal(page.saved) as sig:
        k.press(Qt.Key.Key_Return)  # on Simpan
    first = sig.args[0]
    wait_ops(qtbot)
    saved = cases.get_case(world.as_("loket"), first)
    assert saved.title == "Jembatan retak" and saved.incident_date == date(2026, 10, 1)
    budi = Reporter.get(Reporter.nik == NEW_NIK)
    assert (budi.kecamatan, budi.desa[:6], budi.identity_check) == ("140102", "140102", "ktp_seen")
    # -- the receipt: the focus is on its button; Enter prints it
    assert page.receipt_button is not None and k.focus is page.receipt_button
    k.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(printed) == 1)
    assert first in pdf_text(printed[0])
    wait_ops(qtbot)
    # -- Ctrl+N: empty, scrolled to the top, the cursor in NIK
    page.form_scroll.verticalScrollBar().setValue(page.form_scroll.verticalScrollBar().maximum())
    k.press(Qt.Key.Key_N, CTRL)
    assert page.nik_edit.text() == "" and page.title_edit.text() == ""
    assert page.form_scroll.verticalScrollBar().value() == 0
    assert k.focus is page.nik_edit
    # -- the returning reporter: stored data shown, the phone changed at the counter
    k.type(NIK)
    assert page.name_edit.text() == "Siti Aminah" and page.name_edit.isReadOnly()
    k.tab(2)
    assert k.focus is page.phone_edit
    k.press(Qt.Key.Key_A, CTRL)
    k.type("0813 2222 3333")
    k.tab(3)  # e-mail, address, (kecamatan, desa, KTP: disabled) the contact button
    assert k.focus is page.contact_button
    k.tab(3)  # channel, klasifikasi, title
    assert k.focus is page.title_edit
    k.type("Lampu jalan padam")
    k.tab()
    k.type("Sudah dua minggu.")
    with qtbot.waitSignal(page.saved) as sig:
        k.press(Qt.Key.Key_Return, CTRL)  # Ctrl+Enter in the body saves
    second = sig.args[0]
    wait_ops(qtbot)
    siti = Reporter.get(Reporter.nik == NIK)
    assert (siti.phone, siti.row_version) == ("0813 2222 3333", 2)
    assert Complaint.get(Complaint.ticket == second).reporter_id == siti.id
    k.press(Qt.Key.Key_P, CTRL)  # Ctrl+P prints the receipt
    qtbot.waitUntil(lambda: len(printed) == 2)
    assert second in pdf_text(printed[1])
    wait_ops(qtbot)
    assert k.count < 250
    w.close()


@POPUP
def test_receipt_menu_by_keyboard(qtbot, world: World, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "tanda-terima.pdf"
    monkeypatch.setattr(doc_output, "ask_save_path", lambda *_a: target)
    _w, page = open_main_window(qtbot, world, "loket", "loket")
    k = Keys(qtbot)
    k.type(NIK)
    page.title_edit.setFocus()
    k.type("Sampah menumpuk")
    k.tab()
    k.type("Tiga hari.")
    with qtbot.waitSignal(page.saved) as sig:
        k.press(Qt.Key.Key_Return, CTRL)
    wait_ops(qtbot)
    assert k.focus is page.receipt_button
    k.press(Qt.Key.Key_F4)  # opens Simpan… / Buka / Cetak…
    menu = page.receipt_button.menu()  # type: ignore[union-attr]
    assert isinstance(menu, QMenu)
    qtbot.waitUntil(menu.isVisible)
    assert menu.activeAction() is page.receipt_button.save_action  # type: ignore[union-attr]
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(target.exists)
    wait_ops(qtbot)
    assert sig.args[0] in pdf_text(target)


def test_all_problems_at_once_beside_their_fields_without_moving_them(qtbot, world: World) -> None:
    _w, page = open_main_window(qtbot, world, "loket", "loket")
    k = Keys(qtbot)
    k.type(NEW_NIK)
    page.email_edit.setFocus()
    k.type("bukan-email")
    page.incident_edit.line.setFocus()
    k.type("3113")  # 31-13-…: no date
    page.resize(1000, 700)
    wait_ops(qtbot)
    fields = (page.title_edit, page.body_edit, page.tracking_edit, page.save_button)
    before = [f.mapTo(page.ui.form_body, QPoint(0, 0)) for f in fields]
    height = page.ui.form_body.sizeHint().height()
    page.save_button.setFocus()
    k.press(Qt.Key.Key_Return)
    wait_ops(qtbot)
    ui = page.ui
    assert ui.name_error.text() == "Nama wajib diisi."
    assert ui.email_error.text() == "Alamat e-mail tidak valid."
    assert "Judul" in ui.title_error.text() and "Isi laporan" in ui.body_error.text()
    assert "hhbbtttt" in ui.incident_error.text()
    assert k.focus is page.name_edit  # the first faulty field
    assert [f.mapTo(ui.form_body, QPoint(0, 0)) for f in fields] == before
    assert ui.form_body.sizeHint().height() == height
    # Nothing was written, the form is as typed and still editable, the hint still right.
    assert reporters.find_by_nik(world.as_("loket"), NEW_NIK) is None
    assert not page.name_edit.isReadOnly() and page.kecamatan_combo.isEnabled()
    assert "belum terdaftar" in page.nik_status.text()
    # Each message goes when its field is fixed; the others stay.
    k.type("Budi")
    assert ui.name_error.text() == "" and ui.email_error.text() != ""
    page.incident_edit.line.setFocus()
    k.press(Qt.Key.Key_A, CTRL)
    k.press(Qt.Key.Key_Delete)
    assert ui.incident_error.text() == "" and page.incident_edit.date() is None
    assert ui.title_error.text() != ""


@POPUP
def test_date_field_typing_selecting_leaving_and_calendar(qtbot, world: World) -> None:
    _w, page = open_main_window(qtbot, world, "loket", "loket")
    k = Keys(qtbot)
    field = page.incident_edit
    field.line.setFocus(Qt.FocusReason.TabFocusReason)
    k.type("01122026")
    assert field.line.text() == "01-12-2026" and field.date() == date(2026, 12, 1)
    k.press(Qt.Key.Key_A, CTRL)
    assert field.line.selectedText() == "01-12-2026"
    k.tab()
    assert k.focus is page.anonim_check  # Tab leaves
    k.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert k.focus is field.line
    k.press(Qt.Key.Key_A, CTRL)
    k.type("0201")
    k.press(Qt.Key.Key_Escape)  # puts back the date it had and leaves
    assert field.date() == date(2026, 12, 1) and k.focus is page.anonim_check
    field.line.setFocus()
    k.press(Qt.Key.Key_A, CTRL)
    k.press(Qt.Key.Key_Backspace)
    assert field.date() is None and field.is_valid()  # empty is allowed
    k.press(Qt.Key.Key_F4)  # the calendar, on today (the app's clock)
    assert field.popup is not None
    qtbot.waitUntil(field.popup.isVisible)
    cal = field.popup.findChild(QWidget, "date_calendar")
    assert cal.selectedDate().toPython() == world.clock.now().date()  # type: ignore[attr-defined]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert field.date() == date(2026, 11, 1)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field.line)


def test_buttons_show_the_focus_and_take_enter(qtbot, world: World) -> None:
    _w, page = open_main_window(qtbot, world, "loket", "loket")
    page.title_edit.setText("sisa ketikan")
    plain = page.new_button.grab().toImage()
    page.new_button.setFocus(Qt.FocusReason.TabFocusReason)
    assert page.new_button.grab().toImage() != plain  # a visible ring
    qtbot.keyClick(page.new_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.title_edit.text() == "")
    assert QApplication.focusWidget() is page.nik_edit


def _on_screen(page: IntakePage, w: QWidget) -> bool:
    viewport = page.form_scroll.viewport()
    top = w.mapTo(viewport, QPoint(0, 0)).y()
    return top >= 0 and top + w.height() <= viewport.height()


def test_enter_on_an_empty_form_scrolled_down_shows_nik_and_its_message(
    qtbot, world: World
) -> None:
    """Issue 14 item 1: the message and the cursor were off-screen."""
    _w, page = open_main_window(qtbot, world, "loket", "loket")
    page.window().resize(900, 420)
    wait_ops(qtbot)
    bar = page.form_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    page.save_button.setFocus()
    qtbot.keyClick(page.save_button, Qt.Key.Key_Return)
    assert page.ui.nik_error.text() == "NIK wajib diisi."
    assert page.ui.title_error.text() != ""  # the rest at the same time
    assert QApplication.focusWidget() is page.nik_edit
    qtbot.waitUntil(lambda: _on_screen(page, page.nik_edit) and _on_screen(page, page.ui.nik_error))


def test_returning_reporter_contact_changed_elsewhere_is_refused_then_saved(
    qtbot, world: World
) -> None:
    _w, page = open_main_window(qtbot, world, "loket", "loket")
    k = Keys(qtbot)
    k.type(NIK)
    seen = page.reporter
    assert seen is not None
    # Meanwhile another counter changes the e-mail.
    reporters.update_contact(
        world.as_("admin"), seen.id, base_version=seen.row_version, email="baru@contoh.id"
    )
    page.phone_edit.setFocus()
    k.press(Qt.Key.Key_A, CTRL)
    k.type("0813 5555 6666")
    page.contact_button.setFocus()
    k.press(Qt.Key.Key_Return)  # Simpan kontak saja
    wait_ops(qtbot)
    assert "diubah di tempat lain" in page.ui.general_error.text()
    assert "baru@contoh.id" in page.nik_status.text()  # what is stored now
    assert page.phone_edit.text() == "0813 5555 6666"  # what was typed stays
    assert page.email_edit.text() == "baru@contoh.id"  # what was not touched follows
    row = Reporter.get(Reporter.nik == NIK)
    assert row.phone == "0812 7654 321"
    page.contact_button.setFocus()
    k.press(Qt.Key.Key_Return)  # again, knowingly, on the version now shown
    wait_ops(qtbot)
    row = Reporter.get(Reporter.nik == NIK)
    assert (row.phone, row.email, row.row_version) == ("0813 5555 6666", "baru@contoh.id", 3)
    assert "diperbarui" in page.nik_status.text()
    assert Complaint.select().count() == 0  # contacts only, no complaint


def test_alt_letters_of_the_labels_are_unique_and_reach_their_fields(qtbot, world: World) -> None:
    from PySide6.QtWidgets import QLabel

    w, page = open_main_window(qtbot, world, "loket", "loket")
    letters: dict[str, QWidget] = {}
    for label in page.findChildren(QLabel):
        text, buddy = label.text(), label.buddy()
        if buddy is None or "&" not in text:
            continue
        letter = text[text.index("&") + 1].lower()
        assert letter not in letters, f"Alt+{letter} twice: {text}"
        letters[letter] = buddy
    assert len(letters) >= 10 and "b" not in letters  # Alt+B is the Berkas menu
    for letter, buddy in letters.items():
        page.nik_edit.setFocus()
        qtbot.keyClick(w, letter, Qt.KeyboardModifier.AltModifier)
        focused = QApplication.focusWidget()
        assert focused is buddy or focused is buddy.focusProxy(), letter
