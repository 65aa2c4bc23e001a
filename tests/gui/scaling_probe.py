"""Run by tests/gui/test_scaling.py in a subprocess with QT_SCALE_FACTOR set (it must be
set before the QApplication exists, and pytest-qt's already does): opens the main window
of every role over a small demo database, shows each navigation page (and a case) in a
fresh window as large as a maximised window on the screen, and prints a JSON report of
what it measured. The test decides what passes.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json QT_SCALE_FACTOR=2 \\
        python -m tests.gui.scaling_probe [--cases 150]

SCREEN.json describes the offscreen screen, e.g. Full HD:
{"screens": [{"name": "fhd", "x": 0, "y": 0, "width": 1920, "height": 1080,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

NOW = datetime(2026, 11, 27, 10, 0)
ROOT_PASSWORD = "sysadmin-uji-123"
# What a maximised window leaves of the screen's height (logical pixels): a taskbar
# (Windows 11: 48) and a title bar (about 32). On 1920×1080 at 200 %: 960×460.
CHROME_HEIGHT = 48 + 32
# demo users, one per role (lapor_desktop.demo); "root" is the system admin made by initialize
LOGINS = ("loket1", "admin1", "pupr.admin", "pupr.kepala", "inspektur1", "root")


@dataclass
class Clipped:
    kind: str
    text: str
    size: tuple[int, int]
    needs: tuple[int, int]
    cut_by: str  # "" when the widget itself is smaller than its text needs


@dataclass
class PageReport:
    role: str
    page: str
    dpr: float
    grab_dpr: float
    screen: tuple[int, int]  # logical pixels
    client: tuple[int, int]  # the window was resized to this
    min_size: tuple[int, int]  # the window's minimumSizeHint with this page shown
    size: tuple[int, int]  # the window's size after resizing it to `client`
    clipped: list[Clipped] = field(default_factory=list)
    # scroll areas whose content is wider than their viewport (sideways scrolling)
    too_wide: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _describe(w: Any) -> str:
    text = w.text() if hasattr(w, "text") else ""
    return f"{type(w).__name__} {w.objectName() or ''} {text!r}".strip()


def clipped_widgets(window: Any, page: Any) -> list[Clipped]:
    """Labels and buttons of `page` (visible ones) that cannot show their text: narrower
    or lower than they need, or cut off by a parent that is not a scroll area."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractScrollArea,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QTabBar,
    )

    out: list[Clipped] = []
    for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        if not w.isVisibleTo(window):
            continue
        parent = w.parentWidget()
        internal = (QAbstractItemView, QLineEdit, QAbstractSpinBox, QComboBox, QTabBar)
        if any(isinstance(a, internal) for a in _ancestors(parent, window)):
            continue  # a control's own parts (clear buttons, tab scrollers, …)
        hint = w.minimumSizeHint()
        need_w = hint.width()
        need_h = w.heightForWidth(w.width()) if w.hasHeightForWidth() else hint.height()
        if isinstance(w, QLabel) and not w.text() and w.pixmap().isNull():
            continue
        if w.width() < need_w or w.height() < need_h:
            out.append(
                Clipped(
                    type(w).__name__,
                    _describe(w),
                    w.size().toTuple(),
                    (need_w, need_h),
                    "",
                )
            )
            continue
        rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        for a in _ancestors(parent, window):
            if isinstance(a.parentWidget(), QAbstractScrollArea):
                break  # inside a scroll area's viewport: scrolling shows the rest
            area = QRect(a.mapTo(window, QPoint(0, 0)), a.size())
            if not area.contains(rect):
                out.append(
                    Clipped(
                        type(w).__name__,
                        _describe(w),
                        w.size().toTuple(),
                        (need_w, need_h),
                        _describe(a),
                    )
                )
                break
    return out


def wide_scroll_areas(window: Any, page: Any) -> list[str]:
    """Scroll areas in `page` that would scroll sideways: vertical scrolling is fine on a
    small screen, a form to be read left and right is not."""
    from PySide6.QtWidgets import QScrollArea

    out = []
    areas = page.findChildren(QScrollArea)
    if isinstance(page, QScrollArea):
        areas.append(page)
    for area in areas:
        body = area.widget()
        if body is None or not area.isVisibleTo(window):
            continue
        need = max(body.minimumWidth(), body.minimumSizeHint().width())  # as Qt's layouts
        if need > area.viewport().width():
            out.append(f"{_describe(area)}: {need} > {area.viewport().width()}")
    return out


def _ancestors(w: Any, stop: Any) -> list[Any]:
    out = []
    while w is not None and w is not stop:
        out.append(w)
        w = w.parentWidget()
    out.append(stop)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=150)
    args = parser.parse_args(argv)

    import keyring

    from lapor_desktop.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())

    from PySide6.QtCore import QSettings, QThread, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QTabWidget

    warnings: list[str] = []

    def on_message(kind: QtMsgType, _context: Any, text: str) -> None:
        if kind != QtMsgType.QtDebugMsg and "propagateSizeHints" not in text:
            warnings.append(text)

    qInstallMessageHandler(on_message)
    app = QApplication(sys.argv[:1])
    tmp = tempfile.TemporaryDirectory(prefix="lapor-scaling-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp.name)

    from lapor_desktop import demo
    from lapor_desktop.gui import ops
    from lapor_desktop.gui.main_window import MainWindow
    from lapor_desktop.services import cases, storage, users
    from lapor_desktop.services.clock import FixedClock
    from lapor_desktop.services.context import Ctx
    from lapor_desktop.services.setup import initialize

    users.use_hash_cost(time_cost=1, memory_cost_kib=1024)
    data_dir = Path(tmp.name) / "data"
    store = storage.create_database(data_dir, lambda new: "tidak-dipakai")
    base = Ctx(data_dir=data_dir, clock=FixedClock(NOW))
    initialize(base, "root", ROOT_PASSWORD)
    root = base.as_user(users.sign_in(base, "root", ROOT_PASSWORD))
    demo.generate(root, args.cases, 7)

    def settle() -> None:
        for _ in range(500):
            app.processEvents()
            if ops.idle():
                break
            QThread.msleep(10)
        for _ in range(5):
            app.processEvents()

    reports: list[PageReport] = []
    screen = app.primaryScreen().geometry().size().toTuple()
    client = (screen[0], screen[1] - CHROME_HEIGHT)

    def measure(role: str, name: str, window: Any, page: Any) -> None:
        window.resize(*client)
        settle()
        tabs = [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(window)]
        states = [(t, i) for t in tabs for i in range(t.count())] or [(None, 0)]
        for tab, index in states:
            if tab is not None:
                tab.setCurrentIndex(index)
                settle()
            label = name if tab is None else f"{name}/{tab.tabText(index)}"
            warnings.clear()
            r = PageReport(
                role,
                label,
                window.devicePixelRatio(),
                window.grab().devicePixelRatio(),
                screen,
                client,
                window.minimumSizeHint().toTuple(),
                window.size().toTuple(),
                clipped_widgets(window, page),
                wide_scroll_areas(window, page),
            )
            r.warnings = list(warnings)
            reports.append(r)

    for login in LOGINS:
        if login == "root":
            ctx = root
        else:
            ctx = base.as_user(users.sign_in(base, login, demo.DEMO_PASSWORD))
        role = ctx.user().role.value
        keys = MainWindow(ctx, store).nav_keys()
        # A fresh window per page: the page stack is as wide as the widest page it ever
        # held, so one window would blame every later page for the widest one.
        for key in [*keys, "kasus"]:
            window = MainWindow(ctx, store)
            window.resize(*client)
            window.show()
            settle()
            if key == "kasus":
                if "laporan" not in keys:
                    window.close()
                    continue
                rows = cases.list_cases(ctx, limit=1).rows
                page = window.open_case(rows[0].ticket)
            else:
                page = window.show_page(key)
            settle()
            measure(role, key, window, page)
            window.close()
            window.deleteLater()
            settle()
    store.close()
    json.dump([asdict(r) for r in reports], sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
