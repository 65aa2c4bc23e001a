"""An unexpected error in the GUI: logged with its traceback, one crash dialog with a
copyable report without personal data, and the application keeps working."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lapor_desktop import logs
from lapor_desktop.gui import crash, ops
from lapor_desktop.gui.crash import CrashDialog, CrashHandler
from tests.gui.conftest import NIK, World, open_main_window, wait_ops

pytestmark = [pytest.mark.gui, pytest.mark.qt_no_exception_capture]

NAME = "Siti Aminah"


@pytest.fixture
def handler(world: World) -> Iterator[CrashHandler]:
    logs.configure(world.data_dir)
    h = crash.install()
    yield h
    crash.uninstall()
    if h.dialog is not None:
        h.dialog.close()
    logs.configure(None)


def crash_dialog(qtbot, h: CrashHandler) -> CrashDialog:
    qtbot.waitUntil(lambda: h.dialog is not None and h.dialog.isVisible(), timeout=5_000)
    assert h.dialog is not None
    return h.dialog


def test_error_in_a_slot_shows_one_dialog_and_the_window_goes_on(
    qtbot, world: World, handler: CrashHandler, monkeypatch: pytest.MonkeyPatch
) -> None:
    w, page = open_main_window(qtbot, world, "admin", "laporan")
    working_refresh = page.refresh

    def broken_refresh() -> None:
        raise RuntimeError(f"kasus milik {NAME} {NIK}")

    monkeypatch.setattr(page, "refresh", broken_refresh)
    w.refresh_action.trigger()  # the slot raises: Qt hands it to sys.excepthook
    dialog = crash_dialog(qtbot, handler)
    report = dialog.report()
    assert dialog.windowTitle().startswith("LAPOR Desktop")
    assert "Terjadi kesalahan tak terduga" in dialog.findChild(type(dialog.more_label)).text()
    assert "LAPOR Desktop 0.1.0" in report and "Waktu:" in report
    assert "in refresh_current" in report and "in broken_refresh" in report
    assert "RuntimeError: (pesan disembunyikan" in report
    assert NAME not in report and NIK not in report
    assert dialog.report_edit.isReadOnly()
    # Copyable: the button puts the whole report on the clipboard.
    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == report
    # A burst of errors: still one dialog, the others counted (and logged).
    for _ in range(3):
        w.refresh_action.trigger()
    qtbot.waitUntil(lambda: dialog.more == 3)
    assert [x for x in QApplication.topLevelWidgets() if isinstance(x, CrashDialog)] == [dialog]
    assert "3 kesalahan lain" in dialog.more_label.text() and dialog.more_label.isVisible()
    text = logs.log_file(world.data_dir).read_text(encoding="utf-8")
    assert text.count("ERROR lapor_desktop.gui.crash: unexpected error") == 4
    assert "in broken_refresh" in text and NAME not in text and NIK not in text
    # The application keeps running: the dialog closes, the window works as before.
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: handler.dialog is None)
    monkeypatch.setattr(page, "refresh", working_refresh)
    w.refresh_action.trigger()
    wait_ops(qtbot)
    assert w.isVisible()
    verify = w.show_page("verifikasi")
    wait_ops(qtbot)
    assert w.stack.currentWidget() is verify
    # A new error after the dialog closed gets a dialog of its own.
    w.show_page("laporan")
    wait_ops(qtbot)
    monkeypatch.setattr(page, "refresh", broken_refresh)
    w.refresh_action.trigger()
    assert crash_dialog(qtbot, handler).more == 0


def test_op_failure_and_thread_error_reach_the_dialog(
    qtbot, world: World, handler: CrashHandler
) -> None:
    w, _page = open_main_window(qtbot, world, "admin", "beranda")
    done: list[object] = []
    ops.run_op(w, lambda: {}[NIK], done.append)  # a bug on a worker (KeyError), not a refusal
    wait_ops(qtbot)
    dialog = crash_dialog(qtbot, handler)
    assert not done
    assert "KeyError" in dialog.report() and NIK not in dialog.report()

    def worker() -> None:
        raise ValueError(NAME)

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: dialog.more == 1)
    text = logs.log_file(world.data_dir).read_text(encoding="utf-8")
    assert "in worker" in text and "ValueError" in text and NAME not in text


def test_op_failure_without_handler_is_a_plain_error_box(
    qtbot, world: World, recorded_messages
) -> None:
    w, _page = open_main_window(qtbot, world, "admin", "beranda")
    ops.run_op(w, lambda: 1 // 0)
    wait_ops(qtbot)
    assert recorded_messages.shown == [
        ("error", "Terjadi kesalahan tak terduga (ZeroDivisionError).")
    ]


def test_gui_start_logs_and_holds_the_hooks_only_while_it_runs(
    qtbot, data_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from lapor_desktop import app
    from lapor_desktop.gui.first_run import FirstRunDialog

    before = (sys.excepthook, threading.excepthook)
    during: list[object] = []

    def cancelled(cls, d, c=None, p=None):  # type: ignore[no-untyped-def]
        during.append(sys.excepthook)
        return None

    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(cancelled))
    assert app.main([]) == 1  # no database: the first-run wizard, cancelled
    assert during and getattr(during[0], "__self__", None).__class__ is CrashHandler
    assert (sys.excepthook, threading.excepthook) == before
    text = logs.log_file(data_dir).read_text(encoding="utf-8")
    assert "mode GUI" in text and "end, exit code 1" in text
    logs.configure(None)
