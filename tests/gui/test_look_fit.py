"""A finished look, continued (issue 14, items 6, 7 and 10): a visible focus ring, Enter on
a focused button, and no text cut off — the status-bar reminder, the navigation, a
dialog's title, the OPD completer.

Widths here are logical pixels, the same at every scale: a window at 200 % on a Full HD
screen is at most 960 wide, so a window made 950 wide at 100 % shows what 200 % shows.
The last test measures the key texts at 100 and 200 % for real, in a subprocess
(tests/gui/look_probe.py; tests/gui/test_scaling.py does the pages themselves).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.gui import look
from lapor_desktop.services import reference
from tests.gui.conftest import World, open_main_window, wait_ops

pytestmark = pytest.mark.gui

# The main window at 100 % (its default size) and at 200 % on a Full HD screen.
WIDTHS = (1200, 950)


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[look.Look]:
    """The app's look for the widgets made in the test (the QApplication is shared)."""
    yield look.install(qapp)
    look.uninstall(qapp)


def ring_pixels(image: QImage, rect: QRect) -> int:
    ring = QColor(look.FOCUS_COLOR)
    count = 0
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - ring.red())
                + abs(c.green() - ring.green())
                + abs(c.blue() - ring.blue())
                < 60
            ):
                count += 1
    return count


def test_the_focused_control_shows_a_ring(qtbot, app_look) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    lay = QVBoxLayout(window)
    edit, button, box = QLineEdit("teks"), QPushButton("Simpan"), QCheckBox("KTP ada")
    for w in (edit, button, box):
        lay.addWidget(w)
    window.show()
    qtbot.waitActive(window)

    def rings() -> dict[str, int]:
        qtbot.wait(20)
        image = window.grab().toImage()
        return {  # the ring is drawn just outside the control
            name: ring_pixels(image, w.geometry().adjusted(-3, -3, 3, 3))
            for name, w in (("edit", edit), ("button", button), ("box", box))
        }

    for name, w in (("button", button), ("edit", edit), ("box", box)):
        w.setFocus()
        found = rings()
        # a ring all around (at least its two long sides), and only where the focus is
        assert found[name] >= 2 * min(w.width(), 60), (name, found)
        assert all(n == 0 for other, n in found.items() if other != name), (name, found)


def test_enter_presses_a_focused_button_also_outside_dialogs(qtbot, app_look) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    page = QWidget()
    lay = QVBoxLayout(page)
    edit, refresh = QLineEdit(), QPushButton("Muat ulang")
    lay.addWidget(edit)
    lay.addWidget(refresh)
    window.setCentralWidget(page)
    pressed: list[str] = []
    refresh.clicked.connect(lambda: pressed.append("refresh"))
    window.show()
    qtbot.waitActive(window)
    refresh.setFocus()
    QTest.keyClick(refresh, Qt.Key.Key_Return)
    QTest.keyClick(refresh, Qt.Key.Key_Enter)  # the keypad's
    assert pressed == ["refresh", "refresh"]
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_Return)  # Enter in a field presses nothing
    assert pressed == ["refresh", "refresh"]


def test_a_dialogs_choice_of_buttons_stays(qtbot, app_look) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    lay = QVBoxLayout(dialog)
    ok, cancel = QPushButton("OK"), QPushButton("Batal")
    cancel.setAutoDefault(False)  # the dialog's owner: Enter on Batal goes to the default
    ok.setDefault(True)
    lay.addWidget(ok)
    lay.addWidget(cancel)
    dialog.show()
    qtbot.waitActive(dialog)
    assert ok.autoDefault() and not cancel.autoDefault()


@pytest.mark.parametrize("new", [False, True])
def test_passphrase_dialog_shows_its_whole_title(qtbot, app_look, new: bool) -> None:
    from lapor_desktop.gui.passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog(new)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert dialog.width() >= title + 100  # the icon and the close button beside it
    assert dialog.width() >= look.title_width(dialog)


def test_a_window_shown_before_the_look_gets_it(qtbot, qapp: QApplication) -> None:
    # run_gui installs the look once the sign-in dialog is on screen (gui/startup.py).
    from lapor_desktop.gui.passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog(False)
    qtbot.addWidget(dialog)
    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("Muat ulang", window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: qapp.focusWidget() is not None)
    focused = qapp.focusWidget()
    the_look = look.install(qapp)
    try:
        assert dialog.minimumWidth() >= look.title_width(dialog)  # its whole title
        assert button.autoDefault()  # Enter presses it, as on a polished button
        frame = the_look.frame()
        assert frame.widget() is look.ringed(focused) and frame.isVisible()  # the ring
    finally:
        look.uninstall(qapp)


# ---------------------------------------------------------------- the main window


def visible_message_room(w: QMainWindow) -> int:
    """Where QStatusBar draws its message: from x=6 to the first visible label, less 1."""
    bar = w.statusBar()
    lefts = [
        lab.geometry().left()
        for lab in bar.findChildren(QLabel)
        if lab.isVisible() and lab.parentWidget() is bar
    ]
    return (min(lefts) if lefts else bar.width() - 12) - 1 - 6


@pytest.mark.parametrize("width", WIDTHS)
def test_status_bar_reminder_and_labels_are_whole(qtbot, world: World, width: int) -> None:
    w, _page = open_main_window(qtbot, world, "admin", "beranda")
    w.resize(width, 700)
    qtbot.wait(20)
    w.show_reminders([object()] * 12)
    wait_ops(qtbot)
    qtbot.wait(20)
    bar = w.statusBar()
    message = bar.currentMessage()
    assert message == "12 laporan perlu perhatian — lihat halaman Jatuh tempo."
    assert bar.fontMetrics().horizontalAdvance(message) <= visible_message_room(w)
    labels = [w.user_label, w.office_label, w.db_label, w.sync_label]
    shown = [lab for lab in labels if lab.isVisible()]
    assert shown[0] is w.user_label  # who is signed in is always shown
    for lab in shown:
        assert lab.width() >= lab.sizeHint().width(), lab.text()
        assert bar.rect().contains(lab.geometry()), lab.text()
    assert labels[: len(shown)] == shown  # the least important step aside first
    hidden = [lab.text() for lab in labels if not lab.isVisible()]
    assert bar.toolTip() == "\n".join(hidden)  # what stepped aside is in the tooltip
    if width == 1200:
        assert len(shown) >= 2
    bar.clearMessage()
    qtbot.wait(20)
    back = [lab for lab in labels if lab.isVisible()]
    assert len(back) >= len(shown)
    for lab in back:
        assert lab.width() >= lab.sizeHint().width(), lab.text()
        assert bar.rect().contains(lab.geometry()), lab.text()
    if width == 1200:
        assert back == labels  # without a message, all four at 100 %


@pytest.mark.parametrize("username", ["loket", "admin", "kadis.pupr", "sysadmin"])
def test_navigation_labels_fit_with_their_counts(qtbot, world: World, username: str) -> None:
    from lapor_desktop.gui.main_window import MainWindow

    w = MainWindow(world.as_(username), world.store)
    qtbot.addWidget(w)
    w.resize(950, 600)
    w.show()
    wait_ops(qtbot)
    w._show_badges({"verify": 999, "approve": 999, "overdue": 999})
    nav = w.nav_list
    assert nav.sizeHintForColumn(0) <= nav.viewport().width()
    for row in range(nav.count()):
        rect = nav.visualItemRect(nav.item(row))
        assert nav.viewport().rect().contains(QRect(rect.topLeft(), QPoint(rect.right(), 1)))


@pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise\(\)|grabbing the keyboard)"
)  # the offscreen platform's popups; a desktop's can
def test_office_completer_shows_whole_names(qtbot, world: World) -> None:
    from lapor_desktop.gui.office_picker import OfficePicker

    offices = [o for o in reference.list_offices(world.as_("admin")) if o.kind == "opd"]
    host = QWidget()
    qtbot.addWidget(host)
    picker = OfficePicker(host)
    picker.set_offices(offices)
    picker.setFixedWidth(300)
    QVBoxLayout(host).addWidget(picker)
    host.show()
    qtbot.waitActive(host)
    picker.setFocus()
    QTest.keyClicks(picker, "dinas")
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    model = popup.model()
    assert model.rowCount() > 1
    widest = max(
        popup.fontMetrics().horizontalAdvance(model.index(r, 0).data())
        for r in range(model.rowCount())
    )
    assert widest > picker.width()  # the names are longer than the field…
    assert popup.viewport().width() >= widest  # …and the list shows them whole
    QTest.keyClick(popup, Qt.Key.Key_Escape)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("page_key", "title_col"), [("jatuh_tempo", 1), ("laporan", None)])
def test_list_titles_are_never_squeezed(
    qtbot, world: World, width: int, page_key: str, title_col: int | None
) -> None:
    from lapor_desktop.gui import case_model

    col_title = case_model.COL_TITLE if title_col is None else title_col
    long_title = "Penerangan jalan umum di Kelurahan Bangkinang padam sejak seminggu"
    world.new_case(title=long_title)
    world.clock.advance(days=4)  # verification due soon
    w, page = open_main_window(qtbot, world, "admin", page_key)
    w.resize(width, 700)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtbot.wait(20)
    table, header = page.table, page.table.horizontalHeader()
    title = page.model.index(0, col_title)
    assert title.data(Qt.ItemDataRole.ToolTipRole) == long_title  # the whole title on hover
    readable = table.fontMetrics().averageCharWidth() * 28
    assert header.sectionSize(col_title) >= readable
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    sections = sum(header.sectionSize(c) for c in shown)
    if sections > table.viewport().width():  # narrow: scrolls sideways instead
        assert table.horizontalScrollBar().maximum() > 0
    else:  # wide: the title column takes the rest, up to the right edge
        assert sections == table.viewport().width()
    for col in shown:  # the other columns show their whole text
        if col != col_title:
            text = str(page.model.index(0, col).data() or "")
            assert header.sectionSize(col) >= table.fontMetrics().horizontalAdvance(text)


@pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise\(\)|grabbing the keyboard)"
)
def test_document_button_works_from_the_keyboard(
    qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The receipt's Simpan/Buka/Cetak: Enter does the button's action, Down opens its menu
    (issue 14, item 7)."""
    from lapor_desktop.gui import doc_output

    saved: list[str] = []

    def ask_save_path(_parent, _title, default_name: str, _filter: str):
        saved.append(default_name)
        return tmp_path / default_name

    monkeypatch.setattr(doc_output, "ask_save_path", ask_save_path)
    host = QWidget()
    qtbot.addWidget(host)
    button = doc_output.DocumentButton(
        "Tanda terima", "tanda-terima.pdf", lambda: b"%PDF-1.4\n", host, primary="save"
    )
    QVBoxLayout(host).addWidget(button)
    host.show()
    qtbot.waitActive(host)
    assert button.focusPolicy() == Qt.FocusPolicy.StrongFocus  # Tab reaches it (not default)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    assert not button.icon().isNull()
    QTest.keyClick(button, Qt.Key.Key_Return)
    wait_ops(qtbot)
    assert saved == ["tanda-terima.pdf"]
    assert (tmp_path / "tanda-terima.pdf").read_bytes() == b"%PDF-1.4\n"
    menu = button.menu()
    QTimer.singleShot(0, lambda: menu.isVisible() and menu.close())
    shown: list[list[str]] = []
    menu.aboutToShow.connect(lambda: shown.append([a.text() for a in menu.actions()]))
    QTest.keyClick(button, Qt.Key.Key_Down)
    assert shown == [["Simpan…", "Buka di penampil", "Cetak…"]]


# ---------------------------------------------------------------- at 100 % and 200 %

ROOT = Path(__file__).resolve().parents[2]


def run_look_probe(tmp: Path, scale: float) -> dict[str, Any]:
    from tests.gui.test_scaling import run_scaled

    return dict(run_scaled("tests.gui.look_probe", tmp, scale))


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_key_texts_whole_at_100_and_200_percent(tmp_path: Path, scale: float) -> None:
    r = run_look_probe(tmp_path, scale)
    assert r["dpr"] == scale
    assert r["screen"] == [round(1920 / scale), round(1080 / scale)]
    assert r["message"]["text"].startswith("12 laporan perlu perhatian")
    assert r["message"]["needs"] <= r["message"]["room"]
    visible = [lab for lab in r["labels"] if lab["visible"]]
    assert visible and visible[0] is r["labels"][0]
    for lab in visible:
        assert lab["width"] >= lab["needs"] and lab["inside"], lab["text"]
    hidden = [lab["text"] for lab in r["labels"] if not lab["visible"]]
    assert r["status_tooltip"] == "\n".join(hidden)
    assert r["nav"]["needs"] <= r["nav"]["room"]
    assert r["passphrase"]["width"] >= r["passphrase"]["title"] + 100
    assert r["completer"]["shown"] and r["completer"]["rows"] > 1
    assert r["completer"]["needs"] <= r["completer"]["room"]
    assert 0 < r["places"]["needs"] <= r["places"]["room"]  # Qt's file dialog
    # the ring: at least the button's top and bottom edges, in device pixels
    assert r["ring"]["pixels"] >= 2 * r["ring"]["button_device_width"]
