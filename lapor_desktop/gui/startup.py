"""Opening the database behind the sign-in dialog.

The sign-in dialog is the first window, and it needs Qt and little else. Once it is painted
(run_gui: start_after_first_paint), and while a person types a name and a password, one
worker opens the database — the keyring (whose import alone takes ~0.1 s), SQLCipher, a
schema upgrade with its backup — and imports the main window's modules; on the UI thread
the look (gui/look.py) is installed and Qt's classes are warmed, a few per turn of the
event loop. Signing in waits for the opening when the person is quicker; a key the
keyring cannot give is asked for (the passphrase dialog, over the sign-in dialog).
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from lapor_desktop.gui import look
from lapor_desktop.gui.ops import (
    collect_garbage_on_ui_thread,
    notify_database_waiting,
    run_op,
    tracker,
)
from lapor_desktop.services.errors import KeyRefused, ServiceError

if TYPE_CHECKING:
    from lapor_desktop.services.storage import Storage

log = logging.getLogger(__name__)

# Imported by the opening worker, so that signing in does not wait for them: the main
# window and the pages a role sees first.
MAIN_WINDOW_MODULES = (
    "lapor_desktop.gui.main_window",
    "lapor_desktop.gui.reminder_watch",
    "lapor_desktop.gui.dashboard",
    "lapor_desktop.gui.case_list",
    "lapor_desktop.gui.intake_page",
)

# start_after_first_paint: at the latest this long after it was called, painted or not
# (a window started minimised is painted only when restored).
FIRST_PAINT_WAIT_MS = 1000


# How many names of Qt's modules warm_qt_classes makes ready per turn of the event loop.
WARM_CHUNK = 25


def warm_qt_classes(done: Callable[[], None]) -> None:
    """Make PySide6's Python classes of QtCore, QtGui and QtWidgets ready, a few per turn
    of the UI thread's event loop while a person signs in. PySide6 makes them on first
    use; an application-wide event filter written in Python (gui/look.py) meets Qt's
    internal objects as soon as the main window builds its first list, and PySide6 then
    makes ~120 classes and their enums at once, ~15–40 ms between signing in and the main
    window. On the UI thread, as PySide6 makes a class on one thread at a time; `done`
    is called at the end."""
    from PySide6 import QtCore, QtGui, QtWidgets

    names = [(m, n) for m in (QtCore, QtGui, QtWidgets) for n in dir(m) if n[:1] == "Q"]

    def turn() -> None:
        chunk = names[-WARM_CHUNK:]
        del names[-WARM_CHUNK:]
        for module, name in chunk:
            getattr(module, name, None)
        if names:
            QTimer.singleShot(0, turn)
        else:
            done()

    QTimer.singleShot(0, turn)


class _NeedsSecret(ServiceError):
    """The keyring has no key for this database (or there is no keyring)."""


def _open(data_dir: Path, secret: str | None) -> Storage:
    from lapor_desktop.services import storage

    def ask_secret(_new: bool) -> str:
        if secret is None:
            raise _NeedsSecret("")
        return secret

    try:
        # Every later write that waits for another process says so too (the same callback).
        store = storage.open_database(data_dir, ask_secret, on_wait=notify_database_waiting)
        for name in MAIN_WINDOW_MODULES:
            importlib.import_module(name)
    except ServiceError:
        raise
    except Exception as exc:  # a damaged file, a full disk: said in words, never a hang
        log.exception("opening the database failed")
        raise ServiceError(
            QApplication.translate("DatabaseOpening", "Basis data tidak dapat dibuka: {0}").format(
                exc
            )
        ) from exc
    return store


class DatabaseOpening(QObject):
    """The database being opened on a worker; `opened`, `needs_secret` or `failed` tells
    the UI thread how it went, and `wait()` lets another worker wait for it."""

    opened = Signal()
    needs_secret = Signal(str)  # why it is asked again ("" the first time)
    failed = Signal(str)
    warmed = Signal()  # warm_qt_classes is through

    def __init__(self, data_dir: Path, store: Storage | None = None) -> None:
        super().__init__()
        tracker()  # made here, on the UI thread: the opening's worker may report a wait
        self.data_dir = data_dir
        self.store = store
        self.error: str | None = None
        # Why the opening failed, as raised: its kind (KeyRefused, DatabaseBusy,
        # DatabaseDamaged, NotADatabase…) decides what can be offered (e.g. a backup).
        self.exception: ServiceError | None = None
        self._typed = False
        self._asking = False  # needs_secret was emitted; nothing runs until start() again
        self._pending = False  # start_after_first_paint: to start once a window is painted
        self._watched: QWidget | None = None  # the window whose first paint starts it
        self._warming = False  # warm_qt_classes is under way (start_after_first_paint)
        self._settled = threading.Event()
        if store is not None:
            self._settled.set()

    @classmethod
    def of(cls, store: Storage) -> DatabaseOpening:
        """An opening that already happened (the first-run wizard made the database)."""
        for name in MAIN_WINDOW_MODULES:
            importlib.import_module(name)
        collect_garbage_on_ui_thread()
        return cls(store.data_dir, store)

    @property
    def done(self) -> bool:
        return self._settled.is_set()

    @property
    def pending(self) -> bool:
        """start_after_first_paint was called and no window has been painted yet."""
        return self._pending

    def start(self, secret: str | None = None) -> None:
        """Open with the key from the keyring, or with `secret` (typed by a person)."""
        data_dir, self._typed, self._asking = self.data_dir, secret is not None, False
        self._pending = False
        run_op(None, lambda: _open(data_dir, secret), self._opened, self._failed)

    def start_after_first_paint(self) -> None:
        """start(), once the first window has been painted: the sign-in dialog given this
        opening calls start_when_painted (at the latest after FIRST_PAINT_WAIT_MS). The
        worker's imports take the GIL in turns with the UI thread: started before, they
        made building and showing the dialog ~30–40 ms slower, while the opening has the
        whole time a person takes to type a name and a password. The look (gui/look.py:
        its application-wide event filter, written in Python, makes PySide6 create ~120
        classes the first time it meets one of Qt's internal objects, ~15 ms) is
        installed then, and Qt's classes are warmed (warm_qt_classes)."""
        self._pending = True
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._start_pending)

    def start_when_painted(self, window: QWidget) -> None:
        """For a pending opening (start_after_first_paint): start once `window` has been
        painted."""
        if self._pending:
            self._watched = window
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._stop_watching()
            # Queued: the window's whole paint (and its flush to the screen) comes first.
            QTimer.singleShot(0, self, self._start_pending)
        return False

    def _stop_watching(self) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = None

    def _start_pending(self) -> None:
        if self._pending:
            self._stop_watching()
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            look.install(app)
            self.start()
            self._warming = True
            warm_qt_classes(self._warmed)

    def _warmed(self) -> None:
        self._warming = False
        self.warmed.emit()

    def cancel(self, reason: str) -> None:
        """Nobody will give the key: whatever waits for the opening gets `reason`."""
        self._settle(None, reason)

    def wait(self) -> Storage:
        """On a worker thread: block until the database is open; a failed opening raises
        its ServiceError here too."""
        self._settled.wait()
        if self.store is None:
            raise ServiceError(self.error or "")
        return self.store

    def wait_on_ui_thread(self) -> Storage | None:
        """On the UI thread: run the event loop until the opening settled (and Qt's classes
        are warm) or asks for a passphrase; the store, or None."""
        while (not self.done or self._warming) and not self._asking:
            loop = QEventLoop()
            for signal in (self.opened, self.failed, self.needs_secret, self.warmed):
                signal.connect(loop.quit)
            loop.exec()
        return self.store

    def close(self) -> None:
        """At exit: close the database once it is open. An opening still waiting for a
        passphrase is cancelled — a worker waiting on it would otherwise hang the exit."""
        if self._pending:  # closed before anything was painted: nothing to open
            self._pending = False
            self._stop_watching()
            self.cancel(QApplication.translate("DatabaseOpening", "Basis data tidak dibuka."))
        store = self.wait_on_ui_thread()
        if not self.done:
            self.cancel(QApplication.translate("DatabaseOpening", "Basis data tidak dibuka."))
        if store is not None:
            store.close()

    def _opened(self, store: Storage) -> None:
        # The process's modules are all loaded now: freeze them out of every later GC pass.
        collect_garbage_on_ui_thread()
        self._settle(store, None)
        self.opened.emit()

    def _failed(self, exc: ServiceError) -> None:
        if isinstance(exc, _NeedsSecret) or (isinstance(exc, KeyRefused) and self._typed):
            self._asking = True
            # Asked again after a mistyped passphrase, with the reason.
            self.needs_secret.emit("" if isinstance(exc, _NeedsSecret) else exc.message)
            return
        self.exception = exc
        self._settle(None, exc.message)
        self.failed.emit(exc.message)

    def _settle(self, store: Storage | None, error: str | None) -> None:
        if not self.done:
            self.store, self.error = store, error
            self._settled.set()
