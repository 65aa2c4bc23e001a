"""The one helper for slow work (like Anki's QueryOp/CollectionOp): run a callable on a
worker thread, deliver its result or its ServiceError on the UI thread, and show a busy
cursor (plus `tracker.busy_changed`) while anything is running.

Service calls are safe on a worker thread: peewee opens one connection per thread.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from lapor_desktop.gui import crash, messages
from lapor_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)


class _Tracker(QObject):
    busy_changed = Signal(bool)
    # A write waits for another process's lock on the database (emitted from the waiting
    # worker; delivered on the UI thread): "Menunggu basis data…".
    database_waiting = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.pending = 0

    def start(self) -> None:
        self.pending += 1
        if self.pending == 1:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self.busy_changed.emit(True)

    def finish(self) -> None:
        self.pending -= 1
        if self.pending == 0:
            QApplication.restoreOverrideCursor()
            self.busy_changed.emit(False)


_tracker: _Tracker | None = None


def tracker() -> _Tracker:
    global _tracker
    if _tracker is None or not shiboken6.isValid(_tracker):
        _tracker = _Tracker()
    return _tracker


class _UiThreadGc(QObject):
    """Python's cyclic GC runs in whichever thread happens to allocate; if that is a worker,
    it may destroy Qt objects off the UI thread and crash. So (like Anki) automatic GC is
    off while the GUI runs, and collections happen on the UI thread on a timer."""

    def __init__(self, interval_ms: int) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> None:
        gc.collect()


_gc_guard: _UiThreadGc | None = None


def collect_garbage_on_ui_thread(interval_ms: int = 10_000) -> None:
    """Call once on the UI thread after the QApplication exists (and the modules the
    application needs are imported)."""
    global _gc_guard
    gc.disable()
    if _gc_guard is None or not shiboken6.isValid(_gc_guard):
        # What exists now — modules, classes, functions, Qt's enum namespaces — lives as long
        # as the process. Freezing it keeps every later collection (the timer's, on the UI
        # thread) from walking it again: ~30 ms a pass, instead of a few. No full collection
        # first: it cost ~35 ms of every start to free the few hundred objects the imports
        # leave as garbage (run_gui has automatic GC off from before its imports).
        gc.freeze()
        _gc_guard = _UiThreadGc(interval_ms)


def notify_database_waiting() -> None:
    """From any thread: the database waits for another process (services' `on_wait`).
    The tracker was made on the UI thread by then (the first op made it)."""
    t = _tracker
    if t is not None and shiboken6.isValid(t):
        t.database_waiting.emit()


def idle() -> bool:
    """True when no op is running or waiting to deliver (tests wait on this)."""
    return tracker().pending == 0


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


# Plain Python threads, not QThreadPool: peewee keeps a connection in a thread-local, and
# a SQLCipher connection left in a Qt pool thread crashed the interpreter when released.
_executor: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        # Imported with the first operation (after the sign-in dialog is on screen).
        from concurrent.futures import ThreadPoolExecutor

        _executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="lapor-op")
    return _executor


def _call(fn: Callable[[], Any], signals: _Signals) -> None:
    try:
        result = fn()
    except BaseException as exc:  # delivered to the UI thread, never lost
        signals.failed.emit(exc)
        return
    signals.done.emit(result)


_running: set[Op] = set()


class Op(QObject):
    """`Op(parent, fn, on_done).run()`; `on_error(exc)` gets ServiceErrors (default: a
    warning box with the service's Indonesian message); `on_finished()` runs after either
    (e.g. to enable a button again). Callbacks are skipped when `parent` was deleted
    meanwhile."""

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[ServiceError], None] | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self._parent = parent
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self._on_finished = on_finished
        # Parented: the worker drops its reference last, and must never be the one that
        # destroys a QObject living on the UI thread.
        self._signals = _Signals(self)
        self._signals.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)

    def run(self) -> Op:
        _running.add(self)
        tracker().start()
        _pool().submit(_call, self._fn, self._signals)
        return self

    def _alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _done(self, result: object) -> None:
        try:
            if self._on_done is not None and self._alive():
                self._on_done(result)
        finally:
            self._finish()

    def _failed(self, exc: object) -> None:
        try:
            if not self._alive():
                if not isinstance(exc, ServiceError):  # nobody to show it to; still a bug
                    log.error("operation failed", exc_info=exc)  # type: ignore[arg-type]
                return
            if not isinstance(exc, ServiceError) and isinstance(exc, Exception):
                # A database failure the driver raised unclassified (e.g. while reading
                # rows): busy, damaged… said in words like the others.
                from lapor_desktop.services.storage import service_error_of

                exc = service_error_of(exc) or exc
            if isinstance(exc, ServiceError):
                if self._on_error is not None:
                    self._on_error(exc)
                else:
                    messages.warn(self._parent, exc.message)
            else:
                # A bug, not a refusal: logged with its traceback, the crash dialog.
                crash.report(exc, self._parent)  # type: ignore[arg-type]
        finally:
            self._finish()

    def _finish(self) -> None:
        try:
            if self._on_finished is not None and self._alive():
                self._on_finished()
        finally:
            tracker().finish()
        # Not now: this Op is inside its own slot; let go of it once the slot returned.
        QTimer.singleShot(0, lambda: _running.discard(self))


def run_op(
    parent: QWidget | None,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[ServiceError], None] | None = None,
    on_finished: Callable[[], None] | None = None,
) -> Op:
    return Op(parent, fn, on_done, on_error, on_finished).run()
