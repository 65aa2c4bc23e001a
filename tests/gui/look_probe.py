"""Run by tests/gui/test_look_fit.py in a subprocess with QT_SCALE_FACTOR set (fixed when the
QApplication is made): the key texts of the look, measured in the app as it starts
(gui/application.make_application) on a Full HD offscreen screen, printed as JSON.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json QT_SCALE_FACTOR=2 \\
        python -m tests.gui.look_probe

Measured: the status-bar reminder in a maximised main window (its text against the room
QStatusBar draws it in) and the labels beside it; the navigation's labels with counts; the
passphrase dialog against its title; the OPD completer's list against its longest name; the
focus ring's pixels on a focused button (in device pixels, as drawn).
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

NOW = datetime(2026, 11, 27, 10, 0)
ROOT_PASSWORD = "sysadmin-uji-123"
CHROME_HEIGHT = 48 + 32  # taskbar and title bar, as tests/gui/scaling_probe.py


def main() -> int:
    import keyring

    from lapor_desktop.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())

    from PySide6.QtCore import QSettings, QThread
    from PySide6.QtGui import QColor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    from lapor_desktop.gui.application import make_application

    app = make_application()
    tmp = tempfile.TemporaryDirectory(prefix="lapor-look-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp.name)

    from lapor_desktop.gui import look, ops
    from lapor_desktop.gui.main_window import MainWindow
    from lapor_desktop.gui.office_picker import OfficePicker
    from lapor_desktop.gui.passphrase_dialog import PassphraseDialog
    from lapor_desktop.services import reference, storage, users
    from lapor_desktop.services.clock import FixedClock
    from lapor_desktop.services.context import Ctx
    from lapor_desktop.services.setup import initialize

    users.use_hash_cost(time_cost=1, memory_cost_kib=1024)
    data_dir = Path(tmp.name) / "data"
    store = storage.create_database(data_dir, lambda new: "tidak-dipakai")
    base = Ctx(data_dir=data_dir, clock=FixedClock(NOW))
    initialize(base, "root", ROOT_PASSWORD)
    root = base.as_user(users.sign_in(base, "root", ROOT_PASSWORD))
    users.add_user(
        root, "admin", role="ADMIN_KABUPATEN", office_code="DISKOMINFOSANDI",
        password=ROOT_PASSWORD, full_name="Admin Koordinator Kabupaten Kampar",
        must_change_password=False,
    )  # fmt: skip
    ctx = base.as_user(users.sign_in(base, "admin", ROOT_PASSWORD))

    def settle() -> None:
        for _ in range(300):
            app.processEvents()
            if ops.idle():
                break
            QThread.msleep(10)
        for _ in range(5):
            app.processEvents()

    out: dict[str, Any] = {"dpr": 0.0}
    screen = app.primaryScreen().geometry().size().toTuple()
    out["screen"] = list(screen)

    # -- the status bar of a maximised main window, with a reminder
    window = MainWindow(ctx, store)
    window.resize(screen[0], screen[1] - CHROME_HEIGHT)
    window.show()
    settle()
    window._show_badges({"verify": 999, "approve": 999, "overdue": 999})
    window.show_reminders([object()] * 12)
    settle()
    out["dpr"] = window.devicePixelRatio()
    bar = window.statusBar()
    message = bar.currentMessage()
    labels = [window.user_label, window.office_label, window.db_label, window.sync_label]
    lefts = [lab.geometry().left() for lab in labels if lab.isVisible()]
    out["message"] = {
        "text": message,
        "needs": bar.fontMetrics().horizontalAdvance(message),
        "room": (min(lefts) if lefts else bar.width() - 12) - 1 - 6,
    }
    out["labels"] = [
        {
            "text": lab.text(),
            "visible": lab.isVisible(),
            "width": lab.width(),
            "needs": lab.sizeHint().width(),
            "inside": bar.rect().contains(lab.geometry()),
        }
        for lab in labels
    ]
    out["status_tooltip"] = bar.toolTip()
    nav = window.nav_list
    out["nav"] = {"needs": nav.sizeHintForColumn(0), "room": nav.viewport().width()}
    window.close()

    # -- the passphrase dialog and its title
    dialog = PassphraseDialog(False)
    dialog.show()
    settle()
    out["passphrase"] = {
        "width": dialog.width(),
        "title": dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()),
    }
    dialog.close()

    # -- the OPD completer
    host = QWidget()
    picker = OfficePicker(host)
    picker.set_offices([o for o in reference.list_offices(ctx) if o.kind == "opd"])
    picker.setFixedWidth(300)
    QVBoxLayout(host).addWidget(picker)
    host.show()
    host.activateWindow()
    settle()
    picker.setFocus()
    QTest.keyClicks(picker, "dinas")
    settle()
    popup = picker.completer().popup()
    model = popup.model()
    out["completer"] = {
        "shown": popup.isVisible(),
        "rows": model.rowCount(),
        "needs": max(
            (
                popup.fontMetrics().horizontalAdvance(model.index(r, 0).data())
                for r in range(model.rowCount())
            ),
            default=0,
        ),
        "room": popup.viewport().width(),
    }
    popup.hide()
    host.close()

    # -- Qt's file dialog: its places (Komputer, the home folder) show their whole names
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QListView

    from lapor_desktop.gui import file_dialogs

    places: dict[str, Any] = {}

    def look_at_places() -> None:
        dialog = app.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look_at_places)
            return
        view = dialog.findChild(QListView, "sidebar")
        places.update(needs=view.sizeHintForColumn(0), room=view.viewport().width())
        dialog.reject()

    QTimer.singleShot(0, look_at_places)
    file_dialogs.open_files(None, "Pilih lampiran")
    out["places"] = places

    # -- the focus ring on a focused button, in device pixels
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.addWidget(QLabel("Catatan"))
    button = QPushButton("Simpan")
    lay.addWidget(button)
    box.show()
    box.activateWindow()
    settle()
    button.setFocus()
    settle()
    image = box.grab().toImage()
    ring = QColor(look.FOCUS_COLOR)
    near = 0
    for x in range(image.width()):
        for y in range(image.height()):
            c = image.pixelColor(x, y)
            diff = abs(c.red() - ring.red()) + abs(c.green() - ring.green())
            if diff + abs(c.blue() - ring.blue()) < 60:
                near += 1
    out["ring"] = {"pixels": near, "button_device_width": round(button.width() * out["dpr"])}
    box.close()

    store.close()
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
