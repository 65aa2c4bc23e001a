"""A finished look (issue 14, item 6): the application icon on every window and in the tray,
one icon set for the navigation, Qt's own buttons and file dialog in Indonesian, file
dialogs opening in Documents, the tray menu and the reminder balloon."""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListView,
)

from lapor_desktop import paths
from lapor_desktop.domain.workflow import Role
from lapor_desktop.gui import file_dialogs, i18n, icons, look
from lapor_desktop.gui.navigation import items_for
from tests.gui.conftest import World, open_main_window, wait_ops

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def indonesian_qt(qapp: QApplication) -> Iterator[i18n.StandardTranslator]:
    """The app's setting of Qt's texts, undone afterwards (the QApplication is shared)."""
    translator = i18n.install(qapp)
    yield translator
    uninstall(qapp, translator)


def uninstall(qapp: QApplication, translator: i18n.StandardTranslator) -> None:
    qapp.removeTranslator(translator)
    translator.setParent(None)  # gone now, so a later install() makes a fresh one


def image_of(icon: QIcon, size: int = 32) -> bytes:
    image = icon.pixmap(size, size).toImage()
    return bytes(image.constBits())


# ---------------------------------------------------------------- icons


def test_navigation_uses_one_icon_set_with_its_licence() -> None:
    names = {item.key: item.icon for role in Role for item in items_for(role)}
    assert len(set(names.values())) == len(names)  # a page, an icon of its own
    for key, name in names.items():
        icon = icons.icon(name)
        assert not icon.isNull(), key
        assert any(image_of(icon)), key  # something is drawn
        assert icons.icon_path(name).parent.name == "lucide"
    licence = (paths.resources_dir() / "icons" / "LICENSE-lucide.txt").read_text("utf-8")
    assert licence.startswith("ISC License")
    with pytest.raises(KeyError):
        icons.icon("tidak-ada")


def test_every_window_carries_the_application_icon(qtbot, qapp: QApplication) -> None:
    from lapor_desktop.gui.application import make_application

    previous = qapp.windowIcon()
    try:
        assert make_application() is qapp
        expected = image_of(icons.app_icon())
        assert any(expected)
        assert image_of(qapp.windowIcon()) == expected
        dialog = QDialog()
        qtbot.addWidget(dialog)
        assert image_of(dialog.windowIcon()) == expected
    finally:
        qapp.setWindowIcon(previous)
        look.uninstall(qapp)  # make_application's focus ring (test_look_fit.py)
        uninstall(qapp, i18n.install(qapp))  # make_application's: the next test starts without


def test_the_bundle_gets_the_application_icon() -> None:
    spec = (ROOT / "build.spec").read_text("utf-8")
    found = re.search(r'icon="([^"]+)"', spec)
    assert found is not None
    ico = (ROOT / found.group(1)).read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind) == (0, 1)
    sides = {struct.unpack_from("<B", ico, 6 + 16 * i)[0] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides


# ---------------------------------------------------------------- Qt's texts in Indonesian


def test_standard_buttons_speak_indonesian(qtbot, indonesian_qt) -> None:
    sb = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(
        sb.Ok | sb.Cancel | sb.Save | sb.Open | sb.Yes | sb.No | sb.Close | sb.Apply | sb.Discard
    )
    qtbot.addWidget(box)
    texts = {
        which: box.button(which).text().replace("&", "")
        for which in (
            sb.Ok,
            sb.Cancel,
            sb.Save,
            sb.Open,
            sb.Yes,
            sb.No,
            sb.Close,
            sb.Apply,
            sb.Discard,
        )
    }
    assert texts == {
        sb.Ok: "OK",
        sb.Cancel: "Batal",
        sb.Save: "Simpan",
        sb.Open: "Buka",
        sb.Yes: "Ya",
        sb.No: "Tidak",
        sb.Close: "Tutup",
        sb.Apply: "Terapkan",
        sb.Discard: "Buang",
    }
    # The app's own texts (Indonesian already) and Qt's untranslated ones stay as they are.
    assert QCoreApplication.translate("MainWindow", "Jatuh tempo") == "Jatuh tempo"
    assert QCoreApplication.translate("QShortcut", "Ctrl") == "Ctrl"


def test_text_field_menu_speaks_indonesian(qtbot, indonesian_qt) -> None:
    edit = QLineEdit("teks")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
    assert texts[:6] == ["Urungkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus"]
    assert "Pilih semua" in texts
    menu.deleteLater()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with a Documents folder (the platform's default name for it)."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs
    return home


def with_dialog(qtbot, act: Callable[[QFileDialog], None]) -> list[QFileDialog]:
    """Run `act` on the file dialog once it is shown (the dialog is modal)."""
    seen: list[QFileDialog] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible():
            seen.append(dialog)
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def test_file_dialog_opens_in_documents_and_speaks_indonesian(
    qtbot, indonesian_qt, home: Path
) -> None:
    # Without a native dialog (as here, and on desktops that have none) Qt's own one shows.
    wanted = home / "Documents" / "foto-jalan.jpg"
    wanted.write_bytes(b"\xff\xd8")
    labels: dict[str, str] = {}

    def choose(dialog: QFileDialog) -> None:
        for name in ("lookInLabel", "fileNameLabel", "fileTypeLabel"):
            labels[name] = dialog.findChild(QLabel, name).text()
        buttons = dialog.findChild(QDialogButtonBox)
        labels["accept"] = buttons.button(QDialogButtonBox.StandardButton.Open).text()
        labels["cancel"] = buttons.button(QDialogButtonBox.StandardButton.Cancel).text()
        labels["directory"] = dialog.directory().absolutePath()
        places = dialog.findChild(QListView, "sidebar")  # "Komputer", home: whole names
        labels["places fit"] = str(places.sizeHintForColumn(0) <= places.viewport().width())
        dialog.findChild(QLineEdit, "fileNameEdit").setText(wanted.name)
        dialog.accept()

    seen = with_dialog(qtbot, choose)
    chosen = file_dialogs.open_files(None, "Pilih lampiran")
    assert seen and chosen == [wanted]
    assert labels == {
        "lookInLabel": "&Cari di:",
        "fileNameLabel": "&Nama berkas:",
        "fileTypeLabel": "&Jenis berkas:",
        "accept": "&Buka",
        "cancel": "Batal",
        "directory": str(home / "Documents"),
        "places fit": "True",
    }


def test_save_dialog_proposes_the_name_in_documents(qtbot, indonesian_qt, home: Path) -> None:
    proposed: list[str] = []

    def cancel(dialog: QFileDialog) -> None:
        proposed.extend(dialog.selectedFiles())
        dialog.reject()

    with_dialog(qtbot, cancel)
    assert file_dialogs.save_file(None, "Ekspor", "lapor-cadangan.db", "Cadangan (*.db)") is None
    assert proposed == [str(home / "Documents" / "lapor-cadangan.db")]
    # A caller's folder (the backups folder) wins when it exists; else Documents.
    assert file_dialogs.documents_dir() == home / "Documents"


def test_without_documents_folder_dialogs_start_at_home(home: Path) -> None:
    (home / "Documents").rmdir()
    assert file_dialogs.documents_dir() == home


# ---------------------------------------------------------------- tray


# The offscreen platform cannot raise a window; a desktop can.
NO_RAISE = pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|propagateSizeHints)")


@NO_RAISE
def test_tray_menu_and_balloon_open_jatuh_tempo(qtbot, world: World) -> None:
    from lapor_desktop.gui.reminder_watch import ReminderWatch

    w, _page = open_main_window(qtbot, world, "admin", "beranda")
    watch = ReminderWatch(world.as_("admin"), w, interval_ms=60_000)
    watch.open_due.connect(w.show_due_page)
    menu = watch.tray.contextMenu()
    assert [a.text() for a in menu.actions() if a.isVisible() and a.text()] == [
        "Buka",
        "Jatuh tempo",
        "Keluar",
    ]
    assert image_of(watch.tray.icon()) == image_of(icons.app_icon())
    w.showMinimized()
    watch.tray.messageClicked.emit()  # the reminder balloon clicked
    wait_ops(qtbot)
    assert not w.isMinimized()
    assert w.stack.currentWidget() is w.pages["jatuh_tempo"]
    assert w.nav_list.currentItem().text().startswith("Jatuh tempo")
    w.show_page("beranda")
    watch.due_action.trigger()
    wait_ops(qtbot)
    assert w.stack.currentWidget() is w.pages["jatuh_tempo"]
    watch.quit_action.trigger()
    assert not w.isVisible()


@NO_RAISE
def test_tray_without_due_page_offers_open_and_quit(qtbot, world: World) -> None:
    from lapor_desktop.gui.reminder_watch import ReminderWatch

    w, page = open_main_window(qtbot, world, "loket", "loket")
    watch = ReminderWatch(world.as_("loket"), w, interval_ms=60_000)
    watch.open_due.connect(w.show_due_page)
    visible = [a.text() for a in watch.tray.contextMenu().actions() if a.isVisible()]
    assert [t for t in visible if t] == ["Buka", "Keluar"]
    watch.tray.messageClicked.emit()
    assert w.stack.currentWidget() is page  # nothing else opened


def test_every_icon_file_is_used_and_every_used_name_has_a_file() -> None:
    source = "\n".join(p.read_text("utf-8") for p in (ROOT / "lapor_desktop" / "gui").glob("*.py"))
    calls = re.findall(r"icon\(([^()]*)\)", source)
    used = {name for call in calls for name in re.findall(r'"([a-z0-9-]+)"', call)}
    used |= {item.icon for role in Role for item in items_for(role)}
    files = {p.stem for p in (paths.resources_dir() / "icons" / "lucide").glob("*.svg")}
    assert used == files
    for name in files:
        text = icons.icon_path(name).read_text("utf-8")
        assert "currentColor" not in text and "#37474f" in text
